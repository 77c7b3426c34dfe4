"""Regions named only as the building where a signing or a briefing takes place."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import run_text


def _regions(pipeline: Pipeline, raw: str) -> set[str]:
    return {e.id for e in run_text(pipeline, raw).entities if e.type == "Region" and e.id}


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # an office building, a federation's hall and a hostel are venues like a hotel
        (
            "가온항공과 한빛엔진은 지난 5일 서울 중구 가온빌딩에서 협약을 맺었다. 두 회사는 "
            "경남 사천시에 공장을 짓는다.",
            {"gyeongnam", "gyeongnam-sacheon"},
        ),
        (
            "전남도는 해남군과 지난 30일 서울 한빛협회 중앙회에서 가온풍력과 투자협약을 "
            "하고 해남에 단지를 짓기로 했다.",
            {"jeonnam", "jeonnam-haenam"},
        ),
        (
            "진주시는 30일 부산시 한빛 유스호스텔에서 가온테크㈜, ㈜한빛과 투자협약을 체결했다.",
            {"gyeongnam-jinju"},
        ),
    ],
)
def test_a_region_named_only_as_the_building_of_a_signing(
    pipeline: Pipeline, raw: str, want: set[str]
) -> None:
    assert _regions(pipeline, raw) == want
