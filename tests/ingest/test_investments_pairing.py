"""Investments paired with their companies: "각" with as many amounts as companies, a named
partner, the company's plant or attribute as the topic, and the company the story speaks of
(our sentences)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import ON, investments, run_text

EOK = 10**8


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # "A, B는 각 … N원과 M원을": "각" with one amount per company pairs them in order.
        (
            "또 ㈜한빛소재는 울산에 100억원을 투자하며 ㈜누리셀텍, ㈜다온시스템은 각 1만㎡의 "
            "부지에 70억원과 50억원을 들여 공장을 짓는다.",
            {
                ("Organization:한빛소재", 100 * EOK),
                ("Organization:누리셀텍", 70 * EOK),
                ("Organization:다온시스템", 50 * EOK),
            },
        ),
        # "A는 B와 공동으로 N원을": their joint sum, no one's; the next subject's is its own.
        (
            "울산의 ㈜한빛소재는 ㈜누리셀텍과 공동으로 부지에 100억원을 투자하며 "
            "㈜다온시스템은 50억원을 투자해 공장을 세운다.",
            {("Organization:다온시스템", 50 * EOK)},
        ),
        # "A의 … 공장은 N원을 들여": the company's plant as the subject.
        (
            "울산시는 한빛소재, 누리셀텍과 투자협약을 맺었다. 도는 공장 부지를 지원한다. "
            "한빛소재의 이차전지 전극공장은 5년간 300억 원을 들여 울산에 짓는다.",
            {("Organization:한빛소재", 300 * EOK)},
        ),
        # "A의 매출액은 N원으로 … M원 투자를 진행": the company's attribute as the topic; its
        # accounts are no investment, nor is the amount a forecast of the jobs after it.
        (
            "울산시는 한빛소재와 투자협약을 맺었다. 한빛소재의 지난해 매출액은 200억 원으로 "
            "앞으로 2년간 총 400억 원 투자를 진행, 울산에 50명 고용효과가 예상된다.",
            {("Organization:한빛소재", 400 * EOK)},
        ),
        # "B 역시 … 공장을 열었다. 이 공장은 …. 투자 규모는 N원": B's, not the last company
        # that invested.
        (
            "에코프로는 울산에 500억원을 투입해 공장을 건립했다. 포스코퓨처엠 역시 울산에 공장 "
            "준공식을 열었다. 이 공장은 2000㎡ 규모다. 투자 규모는 80억원 수준이다.",
            {("Organization:ecopro", 500 * EOK), ("Organization:posco-future-m", 80 * EOK)},
        ),
    ],
)
def test_amounts_go_to_their_own_company(
    pipeline: Pipeline, raw: str, want: set[tuple[str, int]]
) -> None:
    assert investments(run_text(pipeline, raw, ON)) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A verb's ending inside a word ("구축하는") and a place with 는 ("사업에는") name no
        # new subject: the company the story speaks of invests.
        (
            "에코프로는 울산에 1단계로 연구센터를 설립한다. 배터리 시험센터를 구축하는 2단계 "
            "사업에는 600억원을 투자해 100명을 고용한다는 계획이다.",
            {("Organization:ecopro", 600 * EOK)},
        ),
        # A forecast inside a purpose clause ("… 예상되는 … 위해") is not the amount's.
        (
            "에코프로는 성장세가 예상되는 고급 기종 생산 기반 마련을 위해 1000억원을 투자해 "
            "울산에 공장을 증설한다.",
            {("Organization:ecopro", 1000 * EOK)},
        ),
        # A public body paying the whole cost of its project ("사업비 … 전액 투자") invests it.
        (
            "누리공사는 울산에 공장을 짓는다. 이번 사업은 누리공사가 사업비 약 1000억원을 전액 "
            "투자해 2026년까지 발전소를 완공하는 사업이다.",
            {("Organization:누리공사", 1000 * EOK)},
        ),
        # An amount that goes abroad ("베트남 생산법인에") is no investment in the region.
        (
            "한빛소재는 울산에 500억원을 투자한다. 앞서 한빛소재는 베트남 생산법인에 약 1조원 "
            "규모의 생산시설 투자를 결정했다.",
            {("Organization:한빛소재", 500 * EOK)},
        ),
        # "A는 B사가 100% 출자한 회사로, … 투자": B only owns A; A invests.
        (
            "한빛소재(주)는 일본 누리화학사가 100% 출자한 소재 생산업체로, 울산에 2,000억 원을 "
            "투자해 공장을 지었다.",
            {("Organization:한빛소재", 2000 * EOK)},
        ),
    ],
)
def test_the_clause_is_read_for_whose_and_where(
    pipeline: Pipeline, raw: str, want: set[tuple[str, int]]
) -> None:
    assert investments(run_text(pipeline, raw, ON)) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A subject with a bracket that says what the firm is ("(… 전문회사)이") is named.
        (
            "울산시는 반도체 기업 3곳과 투자협약을 맺었다. 계열사인 누리파워텍(전력반도체 "
            "전문회사)이 울산에 1500억원을 투자해 공장을 짓는다.",
            {("Organization:누리파워텍", 1500 * EOK)},
        ),
        # A subject after a company mark, also one whose mark was dropped ("()샘누리는"), is a
        # name whatever the word reads as.
        (
            "울산시는 기업 3곳과 투자협약을 맺었다. ()샘누리는 국내 유일의 부품 기업으로 울산 "
            "일원 부지에 100억원을 투자하여 공장을 건립한다.",
            {("Organization:샘누리", 100 * EOK)},
        ),
        # A range ("4000억~5000억원"): the upper end is the amount.
        (
            "한빛소재는 울산에 4000억~5000억원을 투자하기로 했다.",
            {("Organization:한빛소재", 5000 * EOK)},
        ),
    ],
)
def test_investor_names_and_ranges(
    pipeline: Pipeline, raw: str, want: set[tuple[str, int]]
) -> None:
    assert investments(run_text(pipeline, raw, ON)) == want
