"""Regions named only as a company's home or as the site of a plant it already runs."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import run_text


def _regions(pipeline: Pipeline, raw: str) -> set[str]:
    return {e.id for e in run_text(pipeline, raw).entities if e.type == "Region" and e.id}


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # "소재로": where the company is based
        (
            "철원군은 가온진공과 협약했다. 가온진공은 현재 경기도 부천시 소재로 진공장비를 만든다.",
            {"gangwon-cheorwon"},
        ),
        # "기존 … 공장": the plant the company leaves behind
        (
            "가온정밀은 여주에 공장을 짓는다. 대표는 기존 경기 광명의 공장 생산시설이 좁다고 했다.",
            {"gyeonggi-yeoju"},
        ),
        # "… 강소기업인 ㈜…": the firm's home introduces the firm
        (
            "한빛로봇연구원과 포항시 강소기업인 가온텍㈜이 구미에 합작법인을 세운다.",
            {"gyeongbuk-gumi"},
        ),
    ],
)
def test_a_region_named_only_as_a_company_home_or_existing_plant(
    pipeline: Pipeline, raw: str, want: set[str]
) -> None:
    assert _regions(pipeline, raw) == want
