"""Companies named in a roll or with their chief in brackets, without a company word.

Every sentence here is our own; the company names are made up.
"""

from __future__ import annotations

import pytest

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
    ],
)
def test_a_roll_of_signing_companies_joined_by_middle_dots(text: str, names: list[str]) -> None:
    assert [c.name for c in find_by_clause(text, {})] == names
