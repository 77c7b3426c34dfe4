"""Organisations and investments of the kinds the set-5 score found missing or wrong: lists
closed by a count of companies, things listed as if they were companies, a group's affiliate
written with a Latin-script or glued tail, a company's customers, and investors written
without 원, after a back reference or as the party of an agreement of a given size (our own
sentences, one per rule)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.orgclause import find_by_clause
from ingest.documents.orgform import find_organizations
from ingest.documents.orgnames import acceptable
from tests.ingest.extracting import investments, organizations, run_text

EOK = 10**8


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A list closed by a count of companies with a word between ("10개 AI 기업").
        (
            "시는 한빛랩과 누리소프트, 다온에이아이와 별빛로보 등 4개 AI 기업과 협약을 맺었다.",
            ["한빛랩", "누리소프트", "다온에이아이", "별빛로보"],
        ),
        ("바다텍 등 20여개의 지역 조선기자재 기업이 선정됐다.", ["바다텍"]),
        # ... but 등에 is no close: "등에 30개 기업을" counts the companies to come.
        ("도는 데이터밸리(해남), 에너지밸리(나주) 등에 30개 기업을 유치한다.", []),
        # The parties of an agreement written as a ·-list before its quoted name.
        (
            "한빛쓰리엠·누리에너지·다온에너지개발 ‘분산에너지 협약’",
            ["한빛쓰리엠", "누리에너지", "다온에너지개발"],
        ),
        # The party joined by 와 right before an amount an agreement is the size of.
        (
            "시는 지난달 한빛에스이씨와 800억원 투자 규모의 부품공장 신설 협약을 맺었다.",
            ["한빛에스이씨"],
        ),
        # An invested amount written without 원.
        ("누리톰은 원주에 44억을 투자해 공장을 짓는다.", ["누리톰"]),
    ],
)
def test_names_by_their_clause(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names


def test_counts_titles_and_company_words_are_no_names() -> None:
    assert not acceptable("3사")
    assert not acceptable("4 곳")
    assert not acceptable("A사")  # a company left unnamed
    # A title after a company's mark is no name; the name before the mark is.
    found = find_organizations("김철수 한빛케미칼㈜ 소재사업대표가 참석했다.")
    assert [c.name for c in found] == ["한빛케미칼"]
    # A company word alone before its mark ends a name written with a space.
    found = find_organizations("군은 우주기업 별빛 에어로스페이스(주) 로부터 투자를 받았다.")
    assert [c.name for c in found] == ["별빛 에어로스페이스"]
    found = find_organizations("스타트업 기업인 에어로스페이스(주)가 왔다.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # Things listed before "등 … 업체" and a generic 기관 are no organisations.
        (
            "배터리, 야간 투시경, 전투 안경, 방독면, 벨트 등 장비 업체를 유치한다.",
            [],
            ["안경", "방독면", "벨트"],
        ),
        ("한국선급 등 국내외 관련 기관, HD현대중공업, HMM 등 기업이 참여한다.", [], ["기관"]),
        # A group's short name and Latin capitals written apart: the affiliate.
        (
            "도는 LG HY BCM의 양극재, 도레이 BSF의 분리막 공장을 유치했다.",
            [(None, "LG HY BCM"), (None, "도레이 BSF")],
            ["LG", "도레이"],
        ),
        ("시는 SK㈜ C&C의 공장을 유치했다.", [(None, "SK C&C")], ["SK㈜", "C&C"]),
        # A group's name with its mark and more glued after it.
        ("협약에 ㈜한화기계, ㈜삼현이 참여했다.", [(None, "한화기계")], ["㈜한화"]),
        # A Latin form in brackets inside a longer word is not the group.
        ("시는 롯데케미칼, 에스케이(SK)가스와 양해각서를 체결했다.", [], ["SK"]),
        # A national association with a region glued before it is the region's own.
        ("(사)경남로봇산업협회가 참여했다.", [(None, "경남로봇산업협회")], ["로봇산업협회"]),
        # A company's customers are no organisations of the story.
        (
            "삼성전자, SK하이닉스 등에 소재를 공급해 온 한빛화학은 공장을 짓는다.",
            [],
            ["삼성전자", "SK하이닉스"],
        ),
        # A parent named as such is no organisation of the story.
        (
            "듀폰의 자회사 한빛전자재료는 공장을 짓는다. SK바이오팜에서 분사한 한빛텍이 왔다.",
            [],
            ["듀폰", "SK바이오팜"],
        ),
        # ... and the firms a company supplies or works with, named to describe it.
        (
            "㈜한빛쿼츠는 삼성전자, SK하이닉스 등의 반도체 대기업에 납품한다.",
            [(None, "한빛쿼츠")],
            ["삼성전자", "SK하이닉스"],
        ),
        (
            "㈜한빛텍은 한화시스템과 LIG넥스원 등 국내 방산 기업들과 협력하고 있는 곳이다.",
            [(None, "한빛텍")],
            ["한화시스템", "LIG넥스원"],
        ),
        # ... the buyers a product goes to, named after a list or before it,
        (
            "한빛소재는 삼성SDI, SK온 등 국내 배터리 업체들에 음극재를 공급할 계획이다.",
            [],
            ["삼성SDI", "SK온"],
        ),
        ("한빛소재의 주요 수요기업은 삼성SDI와 SK온이며 공장을 늘린다.", [], ["삼성SDI", "SK온"]),
        # ... and the company its founder came from.
        ("한빛소재는 삼성SDI 출신 홍길동 대표가 세웠다.", [], ["삼성SDI"]),
        # Firms counted among those a city supplies land to are the story's own.
        (
            "시는 삼성SDI, SK온 등 2개 기업에 부지를 공급한다.",
            [("samsung-sdi", "삼성SDI"), ("sk-on", "SK온")],
            [],
        ),
        # ... also when a space stands before 계열사 ("A그룹 계열사인 B").
        ("한화그룹 계열사인 한빛나노는 공장을 짓는다.", [], ["한화그룹"]),
        # A company whose premises are only the place another company leaves or stays in.
        (
            "한빛시스템은 삼성전자 구미1사업장을 떠나 SK하이닉스 본사에 입주한다.",
            [],
            ["삼성전자", "SK하이닉스"],
        ),
        # The unknown item of a list whose first two are known and joined by 과.
        (
            "합작법인은 롯데케미칼과 SK가스, 한빛리퀴드코리아가 각각 출자한다.",
            [(None, "한빛리퀴드코리아")],
            [],
        ),
        # Free economic zone authorities and an army division by their names.
        (
            "울산경제자유구역청과 31사단이 함께했다.",
            [("uez", "울산경제자유구역청"), ("rok-army-31st-division", "31사단")],
            [],
        ),
        (
            "해양경찰청과 한국항공서비스(KAEMS)가 함께했다.",
            [("kcg", "해양경찰청"), ("kaems", "한국항공서비스")],
            [],
        ),
    ],
)
def test_organisations_of_the_story(
    pipeline: Pipeline, text: str, wanted: list[tuple[str | None, str]], unwanted: list[str]
) -> None:
    orgs = organizations(run_text(pipeline, text))
    assert all(w in orgs for w in wanted), orgs
    assert not [t for _, t in orgs if t in unwanted], orgs


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Without 원, and with the company's mark between the name and its particle.
        ("누리톰은 원주에 44억을 투자해 공장을 짓는다.", {("Organization:누리톰", 44 * EOK)}),
        (
            "한빛바이오㈜는 세종에 1396억원을 투자해 공장을 짓는다.",
            {("Organization:한빛바이오", 1396 * EOK)},
        ),
        # Drawn from a company whose mark stands apart from 로부터.
        (
            "옥천군은 우주기업 별빛 에어로스페이스(주) 로부터 130억원 규모의 투자를 유치했다.",
            {("Organization:별빛 에어로스페이스", 130 * EOK)},
        ),
        # The party of an agreement whose size is the amount.
        (
            "울산시는 지난달 한빛에스이씨와 800억원 투자 규모의 부품공장 신설 협약을 맺었다.",
            {("Organization:한빛에스이씨", 800 * EOK)},
        ),
        # "이 업체는" refers back to the company the region signed with, even after a
        # sentence about something else.
        (
            "대구시는 ㈜한빛엑스와 본사 이전 투자협약을 체결했다. 자율공장은 스스로 운영되는 "
            "공장을 말한다. 협약에 따라 이 업체는 447억 원을 투자해 본사를 짓는다.",
            {("Organization:한빛엑스", 447 * EOK)},
        ),
        # A public body signs with a company: "이 회사는" is the company, not the body.
        (
            "인천국제공항공사는 반도체 기업 ㈜한빛칩스와 공장을 짓는 협약을 맺었다. "
            "이 회사는 인천에 2천500억원을 들여 공장을 건립할 계획이다.",
            {("Organization:한빛칩스", 2500 * EOK)},
        ),
        # A group of companies counted after a descriptor: their total is no one's.
        ("한빛랩, 누리팜 등 바이오기업 3사가 오송에 230억원을 투자한다.", set()),
        # Two companies joined as the subject: their joint sum is no one's.
        ("㈜한빛젠과 ㈜누리바이오는 오송에 510억원의 투자를 준비 중이다.", set()),
        # A public body's project cost is not its investment.
        ("한국토지주택공사(LH)가 사업을 맡으며, 사업비 1600억 원을 투입한다.", set()),
    ],
)
def test_whose_investment(pipeline: Pipeline, raw: str, want: set[tuple[str, int]]) -> None:
    assert investments(run_text(pipeline, raw)) == want


def test_a_companys_division_is_no_organisation_of_its_own(pipeline: Pipeline) -> None:
    assert not acceptable("UAM사업부")
    assert not acceptable("에너지부문")
    orgs = organizations(run_text(pipeline, "홍길동 한빛차 UAM사업부 사장이 협약에 서명했다."))
    assert [t for _, t in orgs if "사업부" in t] == []
