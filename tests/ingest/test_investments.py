"""Investments by clause, funding lines, and initiative names as noun phrases (our sentences)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.initiative import initiative_name, trim_name
from ingest.documents.reader import RawText


def _facts(pipeline: Pipeline, raw: str, kind: str) -> set[tuple[str, str, int | None]]:
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"), date(2024, 5, 1))
    return {(f.subject, f.object, f.amount_krw) for f in extraction.facts if f.type == kind}


EOK = 10**8


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A list of companies with their amounts.
        (
            "청주에는 한빛소재 402억 원, 온누리전자(1조4천억 원) 등의 투자가 이어졌다.",
            {("Organization:한빛소재", 402 * EOK), ("Organization:온누리전자", 14_000 * EOK)},
        ),
        # Two investors in one sentence: each amount goes to its own subject.
        (
            "울산에서 한빛소재는 100억 원을 투자하고, 온누리전자가 200억 원을 투자한다.",
            {("Organization:한빛소재", 100 * EOK), ("Organization:온누리전자", 200 * EOK)},
        ),
        # The subject far before its amount, a partner in between.
        (
            "한빛소재는 충남도 등과 협약을 맺고, 4년 동안 아산에 4조 1000억원을 투자한다.",
            {("Organization:한빛소재", 41_000 * EOK)},
        ),
        # "N원씩": each company of the sentence before.
        (
            "협약 기업은 주식회사 가온과 주식회사 누리가 참여했다.\n"
            "기업별로 춘천에 400억원씩 투자한다.",
            {("Organization:가온", 400 * EOK), ("Organization:누리", 400 * EOK)},
        ),
        # "이번 투자": the company the story is about.
        (
            "에코프로는 청주에 공장을 짓는 투자계획을 밝혔다. "
            "이번 투자는 총 19조 원이 투입되는 사업이다.",
            {("Organization:ecopro", 190_000 * EOK)},
        ),
        # The parts of a total that the clause sums up: the total only.
        (
            "한빛소재는 아산 공장에 2조원과 연구개발에 5000억원 등 모두 2조 5000억원을 투자한다.",
            {("Organization:한빛소재", 25_000 * EOK)},
        ),
        # An amount beside a larger sum ("함께") is not a part of it, nor a partner.
        (
            "에코프로는 약 485억 원의 FDI와 함께 울산에 총 7조 원을 투입한다.",
            {("Organization:ecopro", 485 * EOK), ("Organization:ecopro", 70_000 * EOK)},
        ),
        (
            "한빛소재는 울산에 약 400억 원의 외국인 투자와 함께 총 3조 원을 투입한다.",
            {("Organization:한빛소재", 400 * EOK), ("Organization:한빛소재", 30_000 * EOK)},
        ),
        # An investment agreement signed with a company: the company invests, not the region.
        (
            "경북도와 포항시는 한빛소재와 1조2000억원 규모의 투자협약을 맺었다.",
            {("Organization:한빛소재", 12_000 * EOK)},
        ),
        # ... also with its chief in brackets before 와, or an investment settled with it.
        (
            "춘천시는 가온바이오㈜(대표 홍길동)와 120억원 규모의 투자 협약을 맺었다.",
            {("Organization:가온바이오", 120 * EOK)},
        ),
        (
            "평택시는 지난해 연구장비 기업인 ㈜누리텍과 500억원 규모의 투자를 결정했다.",
            {("Organization:누리텍", 500 * EOK)},
        ),
        # "투자 규모는" in the next sentence: the company that builds.
        (
            "삼성전자는 평택에 반도체 공장을 짓는다. 투자 규모는 3000억원이다.",
            {("Organization:samsung-electronics", 3_000 * EOK)},
        ),
        # "이번 투자는 … N원 규모다", "초기 투자금은", "이번 사업비는": the same company's.
        (
            "에코프로는 포항에 공장을 증설하는 투자를 한다. 이번 투자는 에코프로의 제5공장 "
            "증설 사업으로 총 164억원 규모다.",
            {("Organization:ecopro", 164 * EOK)},
        ),
        (
            "에코프로는 포항에 공장을 짓는 투자를 한다. 초기 투자금은 200억원, 신규채용은 "
            "70명이다.",
            {("Organization:ecopro", 200 * EOK)},
        ),
        (
            "에코프로는 포항에 동박 공장을 짓는 투자를 한다. 이번 사업비는 총 1527억원 1차 "
            "투자분이 투입될 예정이다.",
            {("Organization:ecopro", 1527 * EOK)},
        ),
        # A total of everyone's ("총 투자규모는") is not the last company's.
        (
            "한빛소재는 울산에 500억 원을 투자한다. 총 투자규모는 2조 원이다.",
            {("Organization:한빛소재", 500 * EOK)},
        ),
        # "각각": the n-th amount is the n-th company's.
        (
            "포스코퓨처엠과 에코프로비엠은 각각 포항에 600억원, 2조원을 투자한다.",
            {("Organization:posco-future-m", 600 * EOK), ("Organization:ecopro-bm", 20_000 * EOK)},
        ),
        # ... also with what each makes before its name ("설비 업체인 A와 … 업체인 B가").
        (
            "아산에는 배터리 설비 업체인 누리셀텍과 기계 제작 업체인 다온시스템이 각각 300억원과"
            " 100억원을 들여 공장을 짓는다.",
            {("Organization:누리셀텍", 300 * EOK), ("Organization:다온시스템", 100 * EOK)},
        ),
        # A first part or a sum under review before the total of the clause is no investment
        # of its own, nor is a further sum only thought of.
        (
            "한빛소재는 울산에 올해 150억원 투자를 시작, 3년간 총 300억원을 투자한다.",
            {("Organization:한빛소재", 300 * EOK)},
        ),
        (
            "한빛소재는 확정 금액 700억원에 추가 검토 금액 300억원을 더해 최대 1000억원 규모로"
            " 울산에 공장을 신설한다.",
            {("Organization:한빛소재", 1_000 * EOK)},
        ),
        (
            "한빛소재는 울산에 700억원을 투자한다. 한빛소재는 2000억원가량의 추가 투자도"
            " 고려하고 있다.",
            {("Organization:한빛소재", 700 * EOK)},
        ),
        # A subject in quotes, or the company's plant as the subject.
        (
            "‘에코프로’는 세종에 500억 원을 투자해 공장을 짓는다.",
            {("Organization:ecopro", 500 * EOK)},
        ),
        (
            "에코프로 2공장은 포항에 300억원을 투입해 지어졌다.",
            {("Organization:ecopro", 300 * EOK)},
        ),
        # Amounts listed after their companies under "투자 규모는", or after "각각" with the
        # investing word far behind: each company's, not parts of the total.
        (
            "평택시는 두 기업과 투자협약을 맺었다. 투자 규모는 ㈜가온소재 500억원, ㈜누리텍 "
            "200억원 등 총 700억원이다.",
            {("Organization:가온소재", 500 * EOK), ("Organization:누리텍", 200 * EOK)},
        ),
        (
            "화순에는 ㈜가온바이오와 ㈜누리셀은 각각 30억원, 전문의약품을 만드는 기업 ㈜다온팜과 "
            "분자진단 분야의 기업인 ㈜새봄제약은 각각 12억원과 10억원 투자하기로 했다.",
            {
                ("Organization:가온바이오", 30 * EOK),
                ("Organization:누리셀", 30 * EOK),
                ("Organization:다온팜", 12 * EOK),
                ("Organization:새봄제약", 10 * EOK),
            },
        ),
        # Stages whose sum the text states as one amount are parts of that total; the amounts
        # of two companies are not, though their sum is stated too.
        (
            "에코프로는 포항에 350억원을 투자한다. 에코프로는 1단계로 180억원을 들여 공장을 "
            "짓고, 이후 추가로 170억원을 투자해 연구소를 건립한다.",
            {("Organization:ecopro", 350 * EOK)},
        ),
        (
            "양산시는 두 기업과 300억원 규모의 투자협약을 맺었다. 에코프로는 양산에 100억원, "
            "포스코퓨처엠은 200억원을 투자한다.",
            {("Organization:ecopro", 100 * EOK), ("Organization:posco-future-m", 200 * EOK)},
        ),
        # "A의 … 투자액은": the investment amount of A.
        (
            "삼성전자의 평택 공장 투자액은 30조원에 달한다.",
            {("Organization:samsung-electronics", 300_000 * EOK)},
        ),
        # A Latin form glued onto a Korean name is that name's, not the Latin one's.
        (
            "에코프로GEM은 포항에 1500억원을 투자했다.",
            {("Organization:ecopro-gem", 1_500 * EOK)},
        ),
        # A verb with its ending ("진행하는", "운영하는") is no subject: the company before is.
        (
            "한빛소재는 울산 공장 증설을 진행하는 데 1조 원을 투자한다.",
            {("Organization:한빛소재", 10_000 * EOK)},
        ),
        (
            "위성을 운영하는 온누리전자가 대전에 200억 원을 투자한다.",
            {("Organization:온누리전자", 200 * EOK)},
        ),
        # Names joined before a subject share it: "A과 B는 각각 N원".
        (
            "울산에서 한빛동천, 새봄힐링과 온누리소재는 각각 200억원을 투자해 공장을 짓는다.",
            {
                ("Organization:한빛동천", 200 * EOK),
                ("Organization:새봄힐링", 200 * EOK),
                ("Organization:온누리소재", 200 * EOK),
            },
        ),
        # A place word inside a new name written again ("강원이솔루션은") yields to the name.
        (
            "경주시는 ㈜강원이솔루션과 MOU를 체결했다. 강원이솔루션은 경주에 395억원을 투자한다.",
            {("Organization:강원이솔루션", 395 * EOK)},
        ),
        # "오는 2031년까지" is no subject: the company the story speaks of invests.
        (
            "당진시는 한빛데이터에너지와 투자협약을 맺었다. 한빛데이터에너지는 당진에 데이터센터를 "
            "건립한다. 이를 위해 오는 2031년까지 2조원을 투자하기로 했다.",
            {("Organization:한빛데이터에너지", 20_000 * EOK)},
        ),
        # A region's investment agreement with one company whose chief attends: its amount.
        (
            "전북도는 홍길동 새봄미래소재㈜ 대표 등이 참석한 가운데 360억을 투자하고 공장을 "
            "짓는 투자 협약을 체결했다.",
            {("Organization:새봄미래소재", 360 * EOK)},
        ),
        # "이 기업은", "이 제약회사는": the company the story spoke of before.
        (
            "새만금청은 새봄리튬과 투자협약을 체결했다. 새봄리튬은 두 회사가 공동 설립한 "
            "회사다. 이 기업은 새만금에 총 6,005억 원을 투자해 공장을 짓는다.",
            {("Organization:새봄리튬", 6_005 * EOK)},
        ),
        (
            "충북도는 한빛바이오제약과 투자 협약을 했다. 이 제약회사는 또 오송에 700억원을 "
            "들여 생산시설을 건립한다.",
            {("Organization:한빛바이오제약", 700 * EOK)},
        ),
        # "이번 사업은 총 N원": the company the region signed the investment agreement with.
        (
            "남양주시는 한빛마석아이디씨(유)와 데이터센터 투자협약을 체결했다. 이번 사업은 "
            "총 1조 원이 투입된다.",
            {("Organization:한빛마석아이디씨", 10_000 * EOK)},
        ),
        # An inline list, each item after ▲: the company that opens the item owns its first
        # sum, with its site's area between them; a sum of a group it leads is no one's.
        (
            "울산시는 기업들과 투자협약을 맺었다. 투자규모는 ▲㈜한빛소재 3만㎡에 220억 원(신규 "
            "고용 45명 포함 총 80명) ▲㈜가온전자 1만 6500㎡에 110억 원(신규 19명) ▲㈜누리텍 "
            "등 부품 분야 2개사 76억 원 등이다.",
            {("Organization:한빛소재", 220 * EOK), ("Organization:가온전자", 110 * EOK)},
        ),
        # "투자협약을 맺은 기업은 A(N원), B(N원) 등이다": each firm's own sum.
        (
            "화순군과 투자협약을 맺은 기업은 누리제약(300억원), ㈜가온랩(100억원), 누리셀(50억원),"
            " 다온팜(20억원) 등이다.",
            {
                ("Organization:누리제약", 300 * EOK),
                ("Organization:가온랩", 100 * EOK),
                ("Organization:누리셀", 50 * EOK),
                ("Organization:다온팜", 20 * EOK),
            },
        ),
        # The company named right after its sum: "N원이 투입되는 A 공장".
        (
            "구미시는 착공식을 열었다. 총 4,000억원이 투입되는 ㈜한빛소재 구미 2공장은 내년에 "
            "완공된다.",
            {("Organization:한빛소재", 4_000 * EOK)},
        ),
    ],
)
def test_investors_by_clause(pipeline: Pipeline, raw: str, want: set[tuple[str, int]]) -> None:
    got = {(subject, amount) for subject, _, amount in _facts(pipeline, raw, "INVESTS_IN")}
    assert got == want


@pytest.mark.parametrize(
    "raw",
    [
        "산업부는 기업들이 울산에 5조 원을 투자할 것으로 전망했다.",
        "양해각서 기준 투자액은 울산에서 3조 원이다.",
        "부산에는 한빛소재 등 10개사가 1조원을 투자한다.",
        "방사청은 창원에 5년간 450억원을 투입해 클러스터를 키운다.",
        "울산 앞바다에 민간투자사가 2조 원을 투자한다.",
        "가온바람은 2조 원을 투자한다.",  # no place
        # Agreements counted ("3건에"), a group's companies, a company as a venue or a group.
        "전북도는 올해 1월 LS엠트론이 완주에 공장을 짓는 협약 1건 등 모두 3건에 2조원의 "
        "투자협약을 체결했다.",
        "LS그룹은 LS전선 등 그룹 사가 새만금에 1.8조원 규모의 투자협약을 체결했다.",
        "경북도가 포항 소재 에코프로GEM에서 1조원대의 투자양해각서를 체결했다.",
        "충북도는 한빛소재 등 6개 바이오기업과 900억원 규모의 투자협약을 맺었다.",
        # The sum of companies listed together, as partners or as subjects: no one's.
        "전북도와 정읍시는 가온소재㈜·㈜누리텍과 총 100억원 규모의 투자협약을 체결했다.",
        "가온소재㈜, ㈜누리텍은 진주에 총 300억 원을 투자한다.",
        # A sum the subject spends together with other companies, or for a joint venture.
        "에코프로는 미국 소재기업과 함께 상주에 총 8500억 원을 투자해 공장을 짓는다.",
        "에코프로는 관계사들과 함께 증평에 1600억원을 투자한다.",
        "에코프로는 중국 기업과 광양에 1200억원 규모의 합작법인 설립도 추진한다.",
        # Money received, and a public body's grant to projects: nobody's own investment.
        "울산의 가온랩은 벤처캐피털에서 640억 원을 투자받아 공장을 운영한다.",
        "대구에서 한국로봇산업진흥원이 24개 과제에 72억원을 투입한다.",
    ],
)
def test_no_investment_without_a_named_investor_and_a_place(pipeline: Pipeline, raw: str) -> None:
    assert _facts(pipeline, raw, "INVESTS_IN") == set()


def test_an_unnamed_investor_leaves_no_project_of_the_region(pipeline: Pipeline) -> None:
    raw = "포항시는 수소를 키운다. 바람결코리아는 포항에 500억 원을 투자한다."
    assert _facts(pipeline, raw, "Initiative") == set()
    assert _facts(pipeline, raw, "INVESTS_IN") == {
        ("Organization:바람결코리아", "Region:gyeongbuk-pohang", 500 * EOK)
    }


def test_funding_lines_name_their_government_or_are_left_out(pipeline: Pipeline) -> None:
    raw = "울산시는 수소 실증센터를 짓는다. 이 가운데 국비는 100억원, 시비는 50억원이다."
    lines = _facts(pipeline, raw, "FUNDED_BY")
    assert ("Initiative:수소 실증센터", "Organization:gov-korea", 100 * EOK) in lines
    assert all("?" not in obj for _, obj, _ in lines)


@pytest.mark.parametrize(
    ("sentence", "pos", "name"),
    [
        ("시는 300억원을 들여 수소 실증센터를 짓는다.", 5, "수소 실증센터"),
        ("바이오 분야에서는 한빛대와 함께 세포치료 실증 사업을 편다.", 0, "세포치료 실증 사업"),
        ("도는 ‘하늘길 UAM 시범사업’을 시작한다.", 0, "하늘길 UAM 시범사업"),
        ("한빛연구원이 극한 소재 연구를 맡는다.", 0, "극한 소재 연구"),
        ("올해는 예산이 늘었다.", 0, None),
    ],
)
def test_initiative_names_are_noun_phrases(sentence: str, pos: int, name: str | None) -> None:
    ends = frozenset({sentence.find("연구원") + 3}) if "연구원이" in sentence else frozenset()
    assert initiative_name(sentence, 0, len(sentence), pos, ends) == name


def test_trimming_keeps_joined_words_of_a_name() -> None:
    assert trim_name("이달 임시회에서 방위산업 육성 및 지원에 관한 조례") == (
        "방위산업 육성 및 지원에 관한 조례"
    )
    assert trim_name("시는 올해 사업") is None


def test_amounts_that_are_no_ones_investment_are_marked(pipeline: Pipeline) -> None:
    raw = (
        "산업부는 기업들이 울산에 5조 원을 투자할 것으로 전망했다. "
        "양해각서 기준 투자액은 3조 원이다. 부산에는 에코프로 등 10개사가 1조원을 투자한다. "
        "에코프로는 포항에 2조원을 투자한다."
    )
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"))
    notes = [(e.text, e.note) for e in extraction.entities if e.type == "Amount"]
    assert notes == [
        ("5조 원", "forecast"),
        ("3조 원", "agreement total"),
        ("1조원", "group total"),
        ("2조원", None),
    ]
    invests = {(f.subject, f.amount_krw) for f in extraction.facts if f.type == "INVESTS_IN"}
    assert invests == {("Organization:ecopro", 2_000_000_000_000)}


@pytest.mark.parametrize(
    "raw",
    [
        "울산 공장은 내년까지 진행하며 총 15조 원을 투입한다.",
        "대전에 위성을 운영하는 전문 기업으로 200억 원을 투자한다.",
        "전문가 등이 참여하는 추진단이 울산에 300억 원을 투입한다.",
        "새로 들어설 광주 집적단지에는 5년간 4000억 원이 집중 투자된다.",
    ],
)
def test_verb_and_particle_forms_invest_nothing(pipeline: Pipeline, raw: str) -> None:
    invests = _facts(pipeline, raw, "INVESTS_IN")
    assert not [f for f in invests if f[0].startswith("Organization:")], invests


def test_a_known_company_written_with_sa_is_the_investor(pipeline: Pipeline) -> None:
    raw = "이번 사업은 머크사가 대전에 총 4,300억원을 투자해 공장을 짓는 사업이다."
    facts = _facts(pipeline, raw, "INVESTS_IN")
    assert {(s, a) for s, _, a in facts} == {("Organization:merck-kgaa", 4300 * EOK)}


# The document's one company: an invested sum whose clause names no investor is its own.
_SOLE = "한빛소재㈜는 완주에서 공장 착공식을 열었다. 완주군은 이날 행정 지원을 약속했다. "


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (
            _SOLE + "이날 착공한 공장은 완주에 1차로 150억 원을 투입해 10월에 가동한다.",
            {("Organization:한빛소재", 150 * EOK)},
        ),
        # Parts of a sum, a party left unnamed, a second company in the document: no one's.
        (_SOLE + "공장은 설비에 100억 원·연구소에 50억 원을 투입한다.", set()),
        (_SOLE + "완주군과 80억 원 규모의 투자 협약을 맺었다.", set()),
        (
            _SOLE
            + "온누리전자㈜ 대표도 참석했다. 이날 착공한 공장은 완주에 1차로 150억 원을 투입한다.",
            set(),
        ),
    ],
)
def test_the_documents_one_company_invests_what_no_clause_names(
    pipeline: Pipeline, raw: str, want: set[tuple[str, int]]
) -> None:
    got = {(subject, amount) for subject, _, amount in _facts(pipeline, raw, "INVESTS_IN")}
    assert got == want
