"""Companies named in a roll or with their chief in brackets, without a company word.

Every sentence here is our own; the company names are made up.
"""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.orgclause import find_by_clause


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The chief in brackets, then the company's home or trade after a comma.
        (
            "투자기업은 가온팜(대표 김하늘, 효소 제제), 누리숲(대표 이바다, 대전) 등이다.",
            ["가온팜", "누리숲"],
        ),
        ("누리숲(대표 이바다)이 참석했다.", ["누리숲"]),
        # Brackets that hold no chief name no company.
        ("새 공장(연면적 3천㎡, 2층)을 짓는다.", []),
    ],
)
def test_a_company_with_its_chief_and_home_in_brackets(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A roll of the signing companies joined by middle dots.
        ("협약기업은 가온랩·누리숲·새봄텍·한빛온이다.", ["가온랩", "누리숲", "새봄텍", "한빛온"]),
        ("협약 기업은 가온랩, 누리숲, 새봄텍이다.", ["가온랩", "누리숲", "새봄텍"]),
        # Two items are no roll.
        ("협약기업은 가온랩·누리숲이다.", []),
        # The exhibitors of a fair, each with what it makes in brackets, closed by 등이다.
        (
            "참가 기업은 가온텍(반도체 측정장비), 누리센서(센서 및 모듈), "
            "다솜칩(패키징 소재) 등이다.",
            ["가온텍", "누리센서", "다솜칩"],
        ),
        # Brackets that are no description of a company: a roll of places is no roll.
        ("참가 지역은 가온(대전), 누리(세종), 다솜(청주) 등이다.", []),
        # "협약을 맺은 (N개) 기업은": the signing companies, by bullets or with their sums and
        # company marks.
        (
            "이번에 협약을 맺은 5개 기업은 △한빛테크 △가온코리아 △누리넵코어스△다온넷△미르스코 "
            "등이다.",
            ["한빛테크", "가온코리아", "누리넵코어스", "다온넷", "미르스코"],
        ),
        (
            "투자협약을 맺은 기업은 누리제약(300억원), ㈜가온랩(100억원), 누리셀(50억원) 등이다.",
            ["누리제약", "가온랩", "누리셀"],
        ),
    ],
)
def test_a_roll_of_signing_companies_joined_by_middle_dots(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The parties of an agreement joined by middle dots, the last one by 과.
        (
            "시는 가온스페이스·누리텍·새봄맥스·한빛플래닛과 우주산업 협력 업무협약을 맺었다.",
            ["가온스페이스", "누리텍", "새봄맥스", "한빛플래닛"],
        ),
        # Up to five words may stand between a list of parties and the agreement ...
        (
            "시는 가온랩·누리텍과 우주산업 생태계 조성·기업 유치 협력 업무협약을 맺었다.",
            ["가온랩", "누리텍"],
        ),
        # ... but only three after one name: the rest is what the agreement is about.
        ("시는 가온랩과 우주산업 생태계 조성·기업 유치 협력 업무협약을 맺었다.", []),
        ("시는 가온랩과 우주산업 협력 업무협약을 맺었다.", ["가온랩"]),
        # 사 (company) after a name the text also writes without it.
        ("시는 누리엘사와 투자협약을 맺었다. 누리엘은 공장을 짓는다.", ["누리엘"]),
        # A space before 와, a list joined by 과 and a comma, a quoted agreement name.
        (
            "시는 회의실에서 가온금속공업과 누리현, KWB 와 '투자유치업무협약(MOU)'을 맺었다.",
            ["가온금속공업", "누리현", "KWB"],
        ),
    ],
)
def test_the_parties_of_an_agreement_in_other_list_forms(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names


@pytest.mark.parametrize(
    "text",
    [
        "시는 생산·유통과 협력 업무협약을 맺었다.",
        "도는 반도체 소재·부품과 관련한 투자협약을 맺었다.",
    ],
)
def test_common_nouns_joined_by_middle_dots_name_no_party(pipeline: Pipeline, text: str) -> None:
    tokens = [t for s in pipeline.tokenizer.sentences(text) for t in s.tokens]
    assert find_by_clause(text, {}, tokens) == []
