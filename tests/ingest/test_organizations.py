"""Organisations: the gazetteer's forms, names by their clause, and words that are not names.

Every sentence here is our own; the company names not in the gazetteer are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.documents import orgnames
from ingest.documents.document import Pipeline
from ingest.documents.orgclause import find_by_clause
from ingest.documents.orgform import find_organizations
from ingest.documents.reader import RawText
from ingest.graph.dataset import default_data_dir
from tests.ingest.extracting import organizations, run_text


def _orgs(
    pipeline: Pipeline, text: str, published: str | None = None
) -> list[tuple[str | None, str]]:
    from ingest.documents.published import parse_iso

    extraction, _ = pipeline.run(RawText(Path("m.txt"), text, "text"), parse_iso(published))
    return organizations(extraction)


def test_gazetteer_forms_short_latin_and_spaced(pipeline: Pipeline) -> None:
    found = _orgs(pipeline, "방사청과 국기연이 손잡고 SK 하이닉스와 LG에너지솔루션이 참여한다.")
    assert found == [
        ("dapa", "방사청"),
        ("krit", "국기연"),
        ("sk-hynix", "SK 하이닉스"),
        ("lg-energy-solution", "LG에너지솔루션"),
    ]


def test_a_former_name_is_that_organisation(pipeline: Pipeline) -> None:
    [(org_id, _)] = _orgs(pipeline, "포스코케미칼은 양극재 공장을 늘린다.", "2022-05-01")
    assert org_id == "posco-future-m"


@pytest.mark.parametrize(
    "text",
    [
        # Verb and adjective stems with their endings, the copula, particles, adverbs.
        '한빛소재 관계자는 "증설을 진행하는 것"이라며 1조 원을 투자한다고 했다.',
        "전문가 등이 참여하는 추진단을 구성해 300억 원을 투입한다.",
        "기업들도 대전으로 눈을 돌리는 등 투자가 이어졌다.",
        "새로 들어설 집적단지에는 앞으로 5년간 4000억 원이 집중 투자된다.",
        "대기업들이 잇따라 반도체 관련 투자에 나섰다.",
        # Common nouns before a generic head name a kind of thing, not one organisation.
        "해외 우수연구소·기업과 기술협력을 위한 네트워크도 구축한다.",
        "데이터센터와 AI연구소, 슈퍼컴퓨터 등 핵심 시설을 구축한다.",
        "전날 우주항공산업 등 11개 기업이 투자협약을 맺었다.",
        "정부는 지원을 늘린다.",
        "지자체와 관계기관이 협력업체를 돕는다.",
        "포항시청에서 협약식이 열렸다.",
        "국회의원들이 현장을 찾았다.",
        "민간발전사가 참여한다.",
        # a forum is a meeting or a network; building work is no corporation
        "시는 한빛투자포럼에서 기업 다섯 곳과 협약을 맺었다.",
        "연구동 신축공사와 기초공사가 이달 시작된다.",
    ],
)
def test_words_that_are_no_organisation(pipeline: Pipeline, text: str) -> None:
    assert _orgs(pipeline, text) == []


def test_a_list_is_split_and_a_mark_glued_to_a_generic_word_is_no_name() -> None:
    found = find_organizations(
        "한빛전자연구원·온누리소재연구원과 농업회사법인㈜ 새봄팜, ㈜이인(서울)"
    )
    assert [c.name for c in found] == ["한빛전자연구원", "온누리소재연구원", "새봄팜", "이인"]
    assert find_organizations("출하설비 증설공사를 마쳤다.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "바람들에너지는 약 300억 원의 FDI를 신고하고, 총 2조 원을 투입해 단지를 짓는다.",
            ["바람들에너지"],
        ),
        ("케이디 윈드(KD Wind)는 1조 원을 투입한다.", ["케이디 윈드"]),
        ("또 새봄식품도 70억원으로 공장을 지어 20명을 고용한다.", ["새봄식품"]),
        ("시는 한빛소재, 온누리전자와 업무협약을 맺었다.", ["한빛소재", "온누리전자"]),
        ("김민수 가온테크놀로지 대표이사가 참석했다.", ["가온테크놀로지"]),
        ("가온랩과 누리지 등 5개사가 400억원을 투자한다.", ["가온랩", "누리지"]),
        ("‘하늘길 드림팀’ 컨소시엄이 실증을 맡는다.", ["하늘길 드림팀"]),
        # Generic subjects, titles, persons and results are no organisation.
        ("이들 기업은 300억원을 투자한다.", []),
        ("지역기업이 200억원을 투자한다.", []),
        ("새롬산업 전기남 부사장이 발표했다.", ["새롬산업"]),  # the person is none
        ("대표이사와 협약을 맺었다.", []),
        # A company written after its country: two words ending like a company, or a list.
        ("도는 싱가포르 한빛 바이오제약과 투자 협약을 했다.", ["한빛 바이오제약"]),
        ("협약 기업은 독일 가온에어로젤스, 대만 누리식품 등이다.", ["가온에어로젤스", "누리식품"]),
        ("미국 정부는 중국 시장과 거리를 둔다.", []),
        # A subject the sentence defines as a company.
        ("새봄리튬은 두 회사가 공동 설립한 회사다.", ["새봄리튬"]),
    ],
)
def test_names_by_clause(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names


def test_an_investing_subject_with_a_bracketed_latin_form_and_its_second_amount(
    pipeline: Pipeline,
) -> None:
    raw = "케이디 윈드(KD Wind)는 약 400억 원의 FDI와 함께 총 7조 원을 투입해 울산에 단지를 짓는다."
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"))
    invests = {(f.subject, f.amount_krw) for f in extraction.facts if f.type == "INVESTS_IN"}
    assert invests == {
        ("Organization:케이디 윈드", 40_000_000_000),
        ("Organization:케이디 윈드", 7_000_000_000_000),
    }
    # Without a place there is no investment fact: no fact with an unknown party.
    bare, _ = pipeline.run(RawText(Path("m.txt"), raw.replace("울산에 ", ""), "text"))
    assert not [f for f in bare.facts if f.type == "INVESTS_IN"]


def test_committees_with_a_name_of_their_own() -> None:
    raw = "국토부는 산업입지정책심의회를 열었다. 분과위원회 검토를 거쳐 규제혁신추진단이 의결했다."
    found = {(c.name, c.kind) for c in find_organizations(raw)}
    assert found == {
        ("산업입지정책심의회", "government_body"),
        ("규제혁신추진단", "government_body"),
    }


def test_a_universitys_own_bodies_and_a_place_named_like_an_agency(pipeline: Pipeline) -> None:
    raw = "서울대 산학협력단과 충북대병원이 참여한다. 서울대는 연구를 맡는다. 인천 남동공단에 있다."
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"))
    orgs = [(e.id, e.text) for e in extraction.entities if e.type == "Organization"]
    assert orgs == [(None, "서울대 산학협력단"), (None, "충북대병원"), ("snu", "서울대")]


def test_a_joint_company_written_with_a_hyphen_stays_whole(pipeline: Pipeline) -> None:
    found = _orgs(pipeline, "협약식에서 한빛-온누리 배터리솔루션㈜의 공장 건립을 약속했다.")
    assert found == [(None, "한빛-온누리 배터리솔루션")]


def test_a_company_mark_and_a_proper_noun_outweigh_kiwis_reading(pipeline: Pipeline) -> None:
    raw = "참여 기업은 ㈜이인, 온누리전자(주) 등이다. 대한산업은 300억 원을 투자한다."
    assert [text for _, text in _orgs(pipeline, raw)] == ["이인", "온누리전자", "대한산업"]


def test_a_mark_between_a_verb_and_a_name_is_the_names(pipeline: Pipeline) -> None:
    found = _orgs(pipeline, "투자 협약 잇따라(주)누리바이오는 춘천에 공장을 짓는다.")
    assert found == [(None, "누리바이오")]


def test_no_gazetteer_form_is_refused_by_its_morphology(pipeline: Pipeline) -> None:
    gazetteer = orgnames.load(default_data_dir())
    assert gazetteer is not None
    refused = []
    for form in orgnames.forms(gazetteer):
        tokens = [t for s in pipeline.tokenizer.sentences(form.text + " 등") for t in s.tokens]
        if orgnames.by_morphology(0, len(form.text), tokens):
            refused.append(form.text)
    assert refused == []


def test_a_limited_company_mark_and_a_title_after_a_mark(pipeline: Pipeline) -> None:
    text = "시는 한빛마석아이디씨(유)와 협약을 맺었다. 홍길동 새봄소재㈜ 대표가 참석했다."
    assert [name for _, name in _orgs(pipeline, text)] == ["한빛마석아이디씨", "새봄소재"]


def test_a_two_letter_name_with_a_mark_after_it(pipeline: Pipeline) -> None:
    # A mark after a two-letter name makes it a company, as a mark before it does.
    text = "정밀가공 전문기업인 다론㈜도 새 공장을 짓는다. 가온㈜는 100억원을 투자한다."
    assert [name for _, name in _orgs(pipeline, text)] == ["다론", "가온"]


def test_the_particle_of_money_received_is_no_part_of_the_name(pipeline: Pipeline) -> None:
    """Money received from a firm ("…로부터 … 투자를 유치했다"): 로부터 is one particle, and
    its 로 was left on the name (set 17)."""
    text = "또한 지난 2월에는 방산기업인 풍산테크로부터 500억 원 규모의 투자를 유치했다.\n"
    assert organizations(run_text(pipeline, text)) == [(None, "풍산테크")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a chamber of commerce, a hospital and a military command by the end of their names
        (
            "한빛산업진흥원과 한빛상공회의소는 지난 3일 협약을 맺었다.",
            ["한빛산업진흥원", "한빛상공회의소"],
        ),
        ("한빛시의료원과 한빛기독병원은 시와 협약을 맺었다.", ["한빛시의료원", "한빛기독병원"]),
        ("육군 제9작전사령부와 시는 드론 방호 협약을 맺었다.", ["육군 제9작전사령부"]),
        ("시는 한빛자유무역관리원과 입주 협약을 맺었다.", ["한빛자유무역관리원"]),
        # a hospital named by its kind alone is no organisation
        ("시는 대학병원과 지방의료원의 협력을 늘린다.", []),
    ],
)
def test_chambers_hospitals_and_commands(pipeline: Pipeline, text: str, names: list[str]) -> None:
    assert [name for _, name in _orgs(pipeline, text)] == names


def test_a_latin_name_of_several_words_is_whole_and_its_form_word_alone_is_no_name(
    pipeline: Pipeline,
) -> None:
    text = "미국 의료기업 Hanbit Dental International은 대전에 300억원을 투자할 계획이다."
    assert [name for _, name in _orgs(pipeline, text)] == ["Hanbit Dental International"]
    assert orgnames.acceptable("International") is False
    assert orgnames.acceptable("Group") is False
    assert orgnames.acceptable("Hanbit Group") is True


def test_a_company_ending_alone_is_no_name(pipeline: Pipeline) -> None:
    text = "도와 시는 한빛중공업과 공장 건설과 관련한 투자 협약을 맺었다."
    assert [name for _, name in _orgs(pipeline, text)] == ["한빛중공업"]
    assert orgnames.acceptable("건설") is False
    assert orgnames.acceptable("한빛건설") is True
