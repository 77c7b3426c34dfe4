"""Organisations named without a cue of their own: a group's short name with an affiliate's
name glued after it, bulleted lists and lists with homes in brackets, Latin names written with
사. Every sentence is our own; the companies not in the gazetteer are made up.
"""

from __future__ import annotations

from ingest.documents.document import Pipeline
from ingest.documents.orgclause import find_by_clause
from ingest.documents.orgform import find_organizations
from tests.ingest.extracting import run_text


def _orgs(pipeline: Pipeline, text: str) -> set[tuple[str | None, str]]:
    return {(e.id, e.text) for e in run_text(pipeline, text).entities if e.type == "Organization"}


def test_an_affiliate_glued_to_a_groups_short_name_is_not_the_group(pipeline: Pipeline) -> None:
    found = _orgs(pipeline, "시는 SK누리온과 협약을 맺었다. SK누리온은 300억원을 투자한다.")
    assert (None, "SK누리온") in found
    assert not any(org_id == "sk-group" for org_id, _ in found)


def test_a_groups_side_or_plant_glued_to_it_stays_the_group(pipeline: Pipeline) -> None:
    found = _orgs(pipeline, "SK측은 이번 협약에 대해 말을 아꼈다.")
    assert ("sk-group", "SK") in found
    assert not any(org_id is None for org_id, _ in found)


def test_bulleted_companies_closed_by_a_word_for_companies(pipeline: Pipeline) -> None:
    text = "협약에는 ▷가람테크 ▷누리모터스 ▷다온THK 등 지역 내 부품기업이 함께했다."
    names = {name for _, name in _orgs(pipeline, text)}
    assert {"가람테크", "누리모터스", "다온THK"} <= names


def test_companies_with_their_home_in_brackets_closed_by_a_count(pipeline: Pipeline) -> None:
    text = "협약에는 가람메디(대전)와 누리바이오텍(대구), 다온소재(경북) 등 총 3개 기업이 참여했다."
    names = {name for _, name in _orgs(pipeline, text)}
    assert {"가람메디", "누리바이오텍", "다온소재"} <= names


def test_a_list_item_after_its_country_with_a_latin_form() -> None:
    text = "시는 가람공사, 미국 누리텍(NURITEC) 등 5개 기업과 손잡았다."
    names = {c.name for c in find_by_clause(text, {})}
    assert {"가람공사", "누리텍"} <= names


def test_a_latin_name_written_with_sa_is_a_company(pipeline: Pipeline) -> None:
    names = {name for _, name in _orgs(pipeline, "KDRT사는 천안에 공장을 짓는다.")}
    assert "KDRT" in names
    assert not {name for _, name in _orgs(pipeline, "A사는 천안에 공장을 짓는다.")}


def test_an_amount_in_hundreds_of_billions_written_without_a_digit(pipeline: Pipeline) -> None:
    names = {name for _, name in _orgs(pipeline, "누리카본텍도 백억 원을 들여 공장을 짓는다.")}
    assert "누리카본텍" in names


def test_a_province_joined_by_a_hyphen_is_the_other_party() -> None:
    found = find_organizations("도는 제주도-한빛우주협회-기업 간 공동과제를 찾는다.")
    assert [c.name for c in found] == ["한빛우주협회"]


def test_a_two_syllable_place_before_gongdan_is_an_industrial_complex() -> None:
    found = find_organizations("누리공단에 입주한 기업과 한국누리공단이 협약했다.")
    assert [c.name for c in found] == ["한국누리공단"]


def test_the_ministrys_name_before_2008_is_still_the_ministry(pipeline: Pipeline) -> None:
    from datetime import date
    from pathlib import Path

    from ingest.documents.reader import RawText

    raw = RawText(Path("m.txt"), "산업자원부는 광양에 자유무역지역을 지정했다.", "text")
    extraction, _ = pipeline.run(raw, date(2005, 3, 1))
    assert [e.id for e in extraction.entities if e.type == "Organization"] == ["motie"]


def test_a_mark_opens_a_two_word_name_on_a_known_short_one(pipeline: Pipeline) -> None:
    text = (
        "협약식에는 ㈜천보 한빛이엘 김민수 대표이사가 참석했다. "
        "㈜천보 한빛이엘은 새만금에 500억원을 투자한다. ㈜천보 한빛이엘이 공장을 짓는다."
    )
    found = _orgs(pipeline, text)
    assert found == {(None, "천보 한빛이엘")}


def test_a_name_ending_in_a_letter_no_particle_fits_keeps_it() -> None:
    # 이 and 과 follow a final consonant only: after 에 the 이 is the name's, after 텍 the 과의
    # is a particle.
    found = find_by_clause("한빛텍 365억원, 누리에이 700억원 등 투자협약이 체결됐다.", {})
    assert [c.name for c in found] == ["한빛텍", "누리에이"]
    found = find_organizations("군은 이번 ㈜다온텍과의 투자를 계기로 산단을 채운다.")
    assert [c.name for c in found] == ["다온텍"]


def test_a_company_named_after_what_it_makes() -> None:
    text = "천안에는 부품 제조 업체인 다온웨이가 들어선다. 설비 업체인 한빛텍과 계약했다."
    found = find_by_clause(text, {})
    assert [c.name for c in found] == ["다온웨이", "한빛텍"]


def test_items_of_a_list_with_known_bodies_lose_the_and_between_them(pipeline: Pipeline) -> None:
    # "B와 C": 와 joins B to the next item and is no part of B's name; a Latin name of two
    # words stays whole.
    text = (
        "도는 ABC LAB, 한빛바이오와 한국기계연구원, 한국생산기술연구원, 전북테크노파크와 협약했다."
    )
    found = _orgs(pipeline, text)
    assert {(None, "ABC LAB"), (None, "한빛바이오")} <= found
    assert not {(None, "LAB"), (None, "한빛바이오와")} & found


def test_a_company_named_right_after_its_trade() -> None:
    text = (
        "입주 기업은 의료기기 전문제조업체 한빛메드, 소재 업체 다온켐 등이다. "
        "협약에는 이차전지기업 새봄에너지와 설비제조사 누리텍이 참여했다."
    )
    found = find_by_clause(text, {})
    assert [c.name for c in found] == ["한빛메드", "다온켐", "새봄에너지", "누리텍"]
    # 사 after a name the text also writes without it is no part of the name.
    text = "시는 장비 전문회사 한결텍사와 협약했다. 한결텍은 공장을 짓는다."
    assert [c.name for c in find_by_clause(text, {})] == ["한결텍"]


def test_a_word_for_firms_in_general_is_no_trade() -> None:
    # "기업 설명회", "중소기업 지원", "협력업체 관계자": no company is named after them.
    text = "행사는 기업 설명회, 중소기업 지원, 협력업체 관계자 면담 순서로 진행됐다."
    assert find_by_clause(text, {}) == []


def test_the_roll_of_a_signings_parties() -> None:
    text = (
        "협약식에는 한빛랩, 누리소프트, 다온텍이 참여했다. 협약 기업은 별빛, 새봄케어, 온누리이다."
    )
    found = find_by_clause(text, {})
    assert [c.name for c in found] == [
        "한빛랩",
        "누리소프트",
        "다온텍",
        "별빛",
        "새봄케어",
        "온누리",
    ]
    # People with their titles are no roll of companies.
    found = find_by_clause("협약식에는 김하늘 대표, 박바다 사장, 이솔 전무가 참석했다.", {})
    assert not {"김하늘", "대표", "박바다", "사장", "이솔", "전무"} & {c.name for c in found}


def test_a_roll_of_signing_companies_written_with_bullets(pipeline: Pipeline) -> None:
    text = "투자협약 기업은 △가온엔피 △누리스텍 △다솜아이 등으로, 이들 기업은 시에 공장을 짓는다."
    names = {name for _, name in _orgs(pipeline, text)}
    assert {"가온엔피", "누리스텍", "다솜아이"} <= names


def test_bulleted_investments_name_the_company_before_each_amount(pipeline: Pipeline) -> None:
    text = (
        "이 밖에 ▲한빛전기 200억원 등 설비 분야 2개사 250억원 ▲누리텍 등 부품 분야 2개사 "
        "50억원 ▲광학부품회사 다온옵틱스 20억원 등 투자 협약이 맺어졌다."
    )
    names = {name for _, name in _orgs(pipeline, text)}
    assert {"한빛전기", "누리텍", "다온옵틱스"} <= names
    assert not any("개사" in name for name in names)


def test_a_bulleted_item_that_calls_a_plain_word_a_company_keeps_it(pipeline: Pipeline) -> None:
    text = (
        "이 밖에 ▲한빛전기 200억원 ▲설비 분야 으뜸 30억원 ▲부품회사 제일 10억원 등 "
        "투자 협약이 맺어졌다."
    )
    names = {name for _, name in _orgs(pipeline, text)}
    assert {"한빛전기", "으뜸", "제일"} <= names


def test_a_regions_own_institute_written_after_it_carries_its_name(pipeline: Pipeline) -> None:
    found = _orgs(pipeline, "진흥원은 대구 제9산단관리공단, 전주 소재부품기술원과 협약했다.")
    assert {(None, "대구 제9산단관리공단"), (None, "전주 소재부품기술원")} <= found
    assert not {(None, "제9산단관리공단"), (None, "소재부품기술원")} & found


def test_a_council_named_by_the_words_before_it(pipeline: Pipeline) -> None:
    text = "대학이 중심이 된 배터리산업 육성 상생협의회를 지난해 출범시켰다."
    assert (None, "배터리산업 육성 상생협의회") in _orgs(pipeline, text)
    # words of time and places are no part of its name
    found = _orgs(pipeline, "도는 이날 신안 해상발전사협의회와 협약했다.")
    assert (None, "해상발전사협의회") in found


def test_companies_listed_with_their_trade_and_amount_in_brackets() -> None:
    # "A(업종, N원), B(업종, M원)": each company of an investment list with its trade.
    text = (
        "도는 18개 기업과 투자협약을 맺었다. "
        "가온텍(보일러, 200억 원), 누리랩(센서, 51억 원) 등이다."
    )
    assert {"가온텍", "누리랩"} <= {c.name for c in find_by_clause(text, {})}
