"""A scheme written as the place where a facility is set up is a site, not a designation.

Every sentence is our own.
"""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import held_or_sought


@pytest.mark.parametrize(
    "raw",
    [
        # A plant or centre set up (설립, 지을) inside or on the scheme's area.
        "충북 청주시는 5개 바이오 기업과 협약을 맺었다고 밝혔다."
        " 이들 기업은 2021년까지 오송첨단의료복합단지 내 유휴지에 300억원을 투자해 각각"
        " 연구소나 생산시설을 지을 예정이다.",
        "협약에 따라 한빛전기는 광주 남구 대촌동에 들어설 도시첨단산업단지에 1단계로 소형"
        " 에너지저장장치(ESS), 전력변환장치(PCS) 시험 및 인증센터를 설립한다.",
        # A complex of its own created inside the scheme's area.
        "대전 과학벨트 내에 소재산업 전용단지가 조성된다.",
    ],
)
def test_a_facility_set_up_in_a_scheme_is_a_site(pipeline: Pipeline, raw: str) -> None:
    assert held_or_sought(pipeline, raw) == set()


def test_a_scheme_designated_is_still_a_fact(pipeline: Pipeline) -> None:
    held = held_or_sought(pipeline, "충북 청주 오송이 첨단의료복합단지로 지정됐다.")
    assert any(o == "Designation:advanced-medical-complex" for _, _, o in held)
