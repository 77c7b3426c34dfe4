"""Words that stand where a name could but name no organisation: a seat after a company's
mark, a place where a signing was held, a list of countries.

Every sentence here is our own; the company names are made up.
"""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.orgform import find_organizations
from ingest.documents.orgnames import acceptable
from tests.ingest.extracting import run_text


def _names(pipeline: Pipeline, text: str) -> set[str]:
    return {e.text for e in run_text(pipeline, text).entities if e.type == "Organization"}


@pytest.mark.parametrize("seat", ["전무", "상무", "선임매니저", "대표이사"])
def test_a_seat_after_a_glued_company_mark_is_no_company(pipeline: Pipeline, seat: str) -> None:
    names = _names(pipeline, f"협약식에는 홍길동 누리소재㈜ {seat}가 참석했다.")
    assert names == {"누리소재"}


def test_a_mark_written_apart_still_opens_the_name_after_it(pipeline: Pipeline) -> None:
    names = _names(pipeline, "협약에는 ㈜한빛소재와 ㈜ 누리바이오가 참여했다.")
    assert names == {"한빛소재", "누리바이오"}


def test_the_place_of_a_signing_is_not_the_chiefs_company(pipeline: Pipeline) -> None:
    names = _names(pipeline, "누리소재는 3일 구미시청에서 김하늘 사장과 시장이 협약을 맺었다.")
    assert "구미시청에서" not in names


def test_countries_listed_before_their_firms_are_not_organisations(pipeline: Pipeline) -> None:
    names = _names(pipeline, "도는 미국, 독일, 일본 등 3개국 4개 기업과 투자협약을 맺었다.")
    assert not names & {"미국", "독일", "일본"}


@pytest.mark.parametrize("word", ["미국", "베트남", "누리소재에서", "한빛상무"])
def test_refused_words(word: str) -> None:
    assert not acceptable(word)


@pytest.mark.parametrize("word", ["누리소재", "미국누리", "한빛에서울"])
def test_names_that_only_contain_those_words_are_kept(word: str) -> None:
    assert acceptable(word)


def test_a_marked_name_ending_like_a_particle_keeps_it_in_a_list_or_before_a_title(
    pipeline: Pipeline,
) -> None:
    text = "시는 ㈜누리에이아이·㈜모아이와 협약했다. 김하늘 ㈜모아이 대표가 왔다. ㈜한빛은 짓는다."
    assert _names(pipeline, text) == {"누리에이아이", "모아이", "한빛"}


def test_a_forum_that_opens_is_an_event_and_research_institutes_in_general_are_no_one(
    pipeline: Pipeline,
) -> None:
    assert _names(pipeline, "군은 ‘2025 누리국제백신포럼’ 개막에 앞서 협약했다.") == set()
    assert _names(pipeline, "특구는 대학과 출연연구원 등 혁신기관 중심이다.") == set()
    # a forum is a meeting or a network, unless it is incorporated: "(사)"
    assert _names(pipeline, "한빛바이오포럼은 회원사를 모았다.") == set()
    assert _names(pipeline, "(사)한빛바이오포럼은 회원사를 모았다.") == {"한빛바이오포럼"}


@pytest.mark.parametrize(
    "text",
    [
        # 지스트 (a university's short form) inside the name of a material, written whole ...
        "시는 포토레지스트 공장을 유치했다.",
        # ... or with a space inside it.
        "이 회사는 포토 레지스트와 세정제를 만든다.",
    ],
)
def test_a_short_name_inside_a_longer_word_is_no_organisation(
    pipeline: Pipeline, text: str
) -> None:
    assert _names(pipeline, text) == set()


def test_a_short_name_written_as_a_word_of_its_own_stays(pipeline: Pipeline) -> None:
    assert _names(pipeline, "시는 지스트와 협약을 맺었다.") == {"지스트"}


def test_a_copula_or_a_hyphen_around_a_company_mark_is_no_name() -> None:
    # "새봄전선(주)이다": the mark closes the name before it; 이다 ends the sentence.
    found = find_organizations("참여 기업은 한빛소재㈜, ㈜다온텍, 새봄전선(주)이다.")
    assert [c.name for c in found] == ["한빛소재", "다온텍", "새봄전선"]
    # "시-(주)한빛오토": a hyphen joins two parties, the mark is the name's after it.
    found = find_organizations("28일 누리시-(주)한빛오토 투자협약 체결")
    assert [c.name for c in found] == ["한빛오토"]
    # A name that only begins like a copula stays a name.
    assert [c.name for c in find_organizations("㈜이다솔과 협약했다.")] == ["이다솔"]
