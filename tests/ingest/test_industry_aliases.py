"""A document's industries: names of an industry's products in the taxonomy's aliases (our
own sentences)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A solid electrolyte is a battery material, glued or spaced ...
        ("원주시는 고체전해질 양산 공장을 유치했다.", ["battery-materials"]),
        ("원주시는 고체 전해질 원료 공장을 유치했다.", ["battery-materials"]),
        # ... a fuel cell's polymer membrane is none.
        ("원주시는 고분자 전해질막 연료전지 공장을 유치했다.", ["fuel-cells"]),
    ],
)
def test_a_solid_electrolyte(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Rare earths, magnesium alloys and polyimide are advanced materials ...
        ("충주시는 희토류 정제 공장을 유치했다.", ["advanced-materials"]),
        ("충주시는 마그네슘 합금 공장을 유치했다.", ["advanced-materials"]),
        ("충주시는 폴리이미드 필름 공장을 유치했다.", ["advanced-materials"]),
        # ... an alloy of another metal is not named as one.
        ("충주시는 알루미늄 합금 공장을 유치했다.", []),
    ],
)
def test_advanced_materials_by_name(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Aviation defense, a defense-specialised zone and dual use are the defense industry ...
        ("사천시는 항공방산 기업을 유치했다.", ["defense"]),
        ("논산시는 국방 특화 산업단지를 조성한다.", ["defense"]),
        ("군산시는 민·군 겸용 시험장을 만든다.", ["defense"]),
        # ... the ministry is none.
        ("논산시는 국방부와 협의했다.", []),
    ],
)
def test_the_defense_industry_by_name(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want
