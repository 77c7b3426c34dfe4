"""Organisations named without a cue of their own, and whose amount an investment is, by the
clause around them (our own sentences, one per rule)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.orgclause import find_by_clause
from ingest.documents.orgnames import builds_on, written_again
from tests.ingest.extracting import investments, organizations, run_text

EOK = 10**8


def _run(pipeline: Pipeline, raw: str) -> tuple[list[tuple[str | None, str]], set[tuple[str, int]]]:
    extraction = run_text(pipeline, raw)
    return organizations(extraction), investments(extraction)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A company, then its chief's name and title; the chief in brackets.
        ("한결소재 박민호 부회장이 참석했다.", ["한결소재"]),
        # The same with the company's possessive: 의 is no part of the name.
        ("한결소재의 박민호 대표는 공장을 짓겠다고 말했다.", ["한결소재"]),
        ("누리바이오(대표 최은지)는 300억원을 투자해 공장을 짓는다.", ["누리바이오"]),
        # "A 및 (what B is) B와 협약": both are parties.
        (
            "도는 엔진 전문기업 하늘엔진 및 방산기업 단단테크와 투자협약을 맺었다.",
            ["하늘엔진", "단단테크"],
        ),
        # "A 역시 … 투자": A is the subject, as with A도.
        ("부품기업 다온테크 역시 약 3백억 원대 투자에 나섰다.", ["다온테크"]),
        # An amount written from 천, and a plant built new (신축).
        ("새길소재는 천20억 원을 들여 공장을 짓는다.", ["새길소재"]),
        ("빛누리소재는 2027년까지 40억원 규모의 공장을 신축한다.", ["빛누리소재"]),
    ],
)
def test_names_by_their_clause(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names


def test_a_comma_list_with_two_known_companies_names_the_others_too(pipeline: Pipeline) -> None:
    orgs, _ = _run(pipeline, "회의에는 현대자동차, SK가스, 다온정밀, 한빛드론 등이 참석했다.")
    names = [text for _, text in orgs]
    assert names == ["현대자동차", "SK가스", "다온정밀", "한빛드론"]
    # A root left from "비롯해" in the list is no name; one known company is not enough.
    orgs, _ = _run(pipeline, "도와 시를 비롯, 현대자동차, SK가스, 다온정밀 등이 참여했다.")
    assert "비롯" not in [text for _, text in orgs]
    orgs, _ = _run(pipeline, "회의에는 현대자동차, 다온정밀, 한빛드론 등이 참석했다.")
    assert [text for _, text in orgs] == ["현대자동차"]


def test_a_longer_name_built_on_a_known_one(pipeline: Pipeline) -> None:
    orgs, _ = _run(pipeline, "㈜포스코한빛소재 대표이사가 참석했다.")
    assert orgs == [(None, "포스코한빛소재")]
    chain = "전남도-LH-현대자동차와 협약을 맺었다."
    end = chain.index("와")
    hyundai = chain.index("현대")
    assert not builds_on(chain, 0, end, [(hyundai, end)])  # nothing of its own after it
    side = "삼성전자측은 협약을 반겼다."
    assert not builds_on(side, 0, 5, [(0, 4)])  # a side of 삼성전자, not a name
    assert builds_on("SK나래소재는", 0, 6, [(0, 2)])


def test_a_new_name_written_again_is_the_same_organisation() -> None:
    text = "도는 단단테크와 협약을 맺었다. 단단테크는 2020년 설립됐다. 단단테크놀로지와 다르다."
    assert written_again(text, ["단단테크"], [(3, 7)]) == [(18, 22)]


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # "A, B와 각각 N원", "A·B 각 N원": the amount for each of them.
        (
            "춘천시는 ㈜가람바이오, 누리메드(주)와 각각 500억원 규모의 투자 협약을 맺었다.",
            {("Organization:가람바이오", 500 * EOK), ("Organization:누리메드", 500 * EOK)},
        ),
        (
            "㈜가람바이오·누리메드㈜ 춘천에 각 500억원 투자 약속",
            {("Organization:가람바이오", 500 * EOK), ("Organization:누리메드", 500 * EOK)},
        ),
        # The amount of an agreement the company signs ("N원 규모의 MOU").
        (
            "포항의 한빛제약(대표 김하나)은 2000억원 규모의 MOU를 지난해 체결했다.",
            {("Organization:한빛제약", 2000 * EOK)},
        ),
        # A company and a comma before the region it signs with: the subject.
        (
            "LG화학, 구미시와 1조원대 투자 협약을 맺었다.",
            {("Organization:lg-chem", 10_000 * EOK)},
        ),
        # A sentence without a subject: the company the story spoke of.
        (
            "단단테크와 진주시가 협약을 맺었다. 단단테크는 2020년 설립된 방산 기업이다. "
            "이번 협약으로 진주에 약 80억원을 투자해 공장을 신설한다.",
            {("Organization:단단테크", 80 * EOK)},
        ),
        # ... unless the amount is about another region's plan.
        (
            "충남 아산에 한빛디스플레이가 입주한다. 한빛디스플레이는 아산에 1조원을 투자한다. "
            "최근 경기 용인에 300조 원을 투자하는 정부 정책에 이은 투자다.",
            {("Organization:한빛디스플레이", 10_000 * EOK)},
        ),
        # The company an investment is drawn from ("A로부터 … 유치"), and "A 측은".
        (
            "포항시는 에코프로로부터 500억원 규모의 투자를 유치했다.",
            {("Organization:ecopro", 500 * EOK)},
        ),
        (
            "구미시는 한빛소재㈜로부터 300억원의 투자를 이끌어냈다.",
            {("Organization:한빛소재", 300 * EOK)},
        ),
        (
            "에코프로 측은 포항에 2000억원을 투자한다고 밝혔다.",
            {("Organization:ecopro", 2000 * EOK)},
        ),
        # A count of companies between subject and amount: a sum over them, no one's.
        (
            "부품기업 다온테크 역시 400억 원대 투자에 나서는 등 최근 구미에 투자한 기업만 9곳, "
            "투자 금액은 5조 원에 이른다.",
            {("Organization:다온테크", 400 * EOK)},
        ),
    ],
)
def test_whose_investment(pipeline: Pipeline, raw: str, want: set[tuple[str, int]]) -> None:
    _, invested = _run(pipeline, raw)
    assert invested == want


def test_a_name_kiwi_cuts_into_pieces_is_still_a_subject(pipeline: Pipeline) -> None:
    # Kiwi reads 이엠드디 as 이/엠/드/디: a word it does not know, so a name; 생산유발액
    # ends in an ordinary one-letter noun and stays a common word.
    _, invested = _run(pipeline, "이엠드디는 천20억 원을 들여 새만금에 공장을 짓는다.")
    assert invested == {("Organization:이엠드디", 1020 * EOK)}
    orgs, _ = _run(pipeline, "전북의 생산유발액은 2조 원을 투자한 효과로 늘었다.")
    assert orgs == []


@pytest.mark.parametrize(
    "text",
    [
        "제주도와 한빛원은 이를 위해 실무협의회를 구성한다.",  # named only by what it does
        "오송에 150억원을 들여 화장품연구소와 공장을 짓는다.",  # an industry and a head
        "경남대표단이 폴란드를 방문했다.",  # 경남대 glued to 표 is 대표
    ],
)
def test_bodies_and_places_named_by_kind_are_no_organisation(pipeline: Pipeline, text: str) -> None:
    orgs, _ = _run(pipeline, text)
    assert [t for _, t in orgs if t in ("실무협의회", "화장품연구소", "경남대")] == []


def test_a_programme_body_and_a_shortened_ministry_name(pipeline: Pipeline) -> None:
    orgs, _ = _run(
        pipeline, "광주시는 과학기술통신부와 함께 AI산업융합사업단을 발족한다. 본사업단은 없다."
    )
    assert orgs == [("msit", "과학기술통신부"), (None, "AI산업융합사업단")]


def test_a_committee_before_a_members_seat_is_a_title() -> None:
    from ingest.documents.orgform import find_organizations

    found = find_organizations("김하늘 산업자원위원회 간사가 왔다. 규제특례심의위원회는 승인했다.")
    assert [c.name for c in found] == ["규제특례심의위원회"]


def test_a_council_before_its_chairs_seat_is_a_title() -> None:
    from ingest.documents.orgform import find_organizations

    found = find_organizations(
        "박하늘 시의회 의장과 김바다 도의회 부의장이 왔다. 도의회는 건의했다."
    )
    assert [(c.name, c.start) for c in found] == [("도의회", 29)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Bodies named once, only as where a guest comes from, are no parties ...
        (
            "협약식에는 서가온 누리테크노파크 원장, 하바다 한빛대학교 새봄캠퍼스 부총장, "
            "이누리 새봄상공회의소 회장 등이 참석했다.",
            [],
        ),
        # ... but a company's chief at a signing stands for a party,
        ("협약식에는 박가온 한빛소재 대표이사 등이 참석했다.", ["한빛소재"]),
        # and a body the text names again is one.
        (
            "협약식에는 서가온 누리테크노파크 원장이 참석했다. 누리테크노파크는 장비를 지원한다.",
            ["누리테크노파크", "누리테크노파크"],
        ),
    ],
)
def test_a_body_named_only_as_a_guests_seat(
    pipeline: Pipeline, text: str, names: list[str]
) -> None:
    assert [name for _, name in _run(pipeline, text)[0]] == names
