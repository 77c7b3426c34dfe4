"""A document's industries: umbrella words written as a concrete thing, schemes that name an
industry, national category lists, and the forms news uses (our own sentences)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # An umbrella word written as a concrete thing of it is the document's industry ...
        ("통영시는 관광리조트 기업의 투자를 유치한다.", ["tourism"]),
        ("청주시는 오송에 건강기능식품 공장을 유치했다.", ["food"]),
        ("고흥군은 발사체 기지 견학으로 관광산업을 키운다.", ["tourism"]),
        # ... the bare word is not.
        ("통영시는 관광객이 늘었다고 밝혔다.", []),
        # 식품 with a product made is the food industry; an umbrella word as an item of a
        # list of sectors is one of them.
        ("양산시는 식품첨가물 제조업체를 유치했다.", ["food"]),
        ("광주시는 로봇·모빌리티·에너지 등 기업과 협약했다.", ["energy", "mobility", "robotics"]),
        ("광주시는 에너지 절약을 당부했다.", []),
        # The forms news uses: 나노 beside 반도체, 우주항공, 철도 차량, 수소 제조.
        ("대전시는 나노·반도체 산업을 육성한다.", ["nano-convergence", "semiconductor"]),
        ("사천시는 우주항공 분야 기업을 유치한다.", ["aviation", "space"]),
        ("사천시는 우주항공 산업을 키운다.", ["aviation", "space"]),
        ("포항시는 스마트 헬스케어 기업을 유치했다.", ["digital-healthcare"]),
        ("창원시는 철도차량 부품 기업을 키운다.", ["railway"]),
        ("울산시는 수소 제조 시설을 짓는다.", ["hydrogen-production"]),
        ("사천시는 항공엔진 전문기업을 유치했다.", ["aircraft-engines"]),
        ("안동시는 백신 공장을 유치했다.", ["bio"]),
        ("안동시는 규제와 제약이 많다고 밝혔다.", []),  # 제약 alone is "constraint"
        ("진주시는 정밀 기계 장비 공장을 유치했다.", ["precision-machinery"]),
        # Spent batteries are recycling; packs and cylindrical cells are finished batteries.
        ("군산시는 폐배터리 처리 공장을 유치했다.", ["battery-recycling"]),
        # Used batteries and a plant that regenerates cells are recycling too.
        ("제주도는 사용후 배터리 활용 사업을 키운다.", ["battery-recycling"]),
        # Written with the battery's own name first, the field is named too.
        ("영광군에 이차전지 재생공장이 들어선다.", ["battery", "battery-recycling"]),
        ("충주시는 배터리팩 공장을 유치했다.", ["battery", "battery-cells"]),
        ("기장군은 원통형 배터리 공장을 유치했다.", ["battery-cells"]),
        ("울산시는 수소전기차 산업을 키운다.", ["fuel-cell-vehicles"]),
        ("울산시는 전해동박 공장을 유치했다.", ["battery-materials"]),
        # A car's part is the auto-parts industry; a robot that drives itself is a robot.
        ("세종시는 자동차 히터 기업을 유치했다.", ["automotive-parts"]),
        ("세종시는 자동차ㆍ항공기 부품 기업을 유치했다.", ["automotive-parts", "aviation"]),
        ("성남시는 자율주행 로봇으로 음식을 배달한다.", ["robotics"]),
        ("성남시는 자율주행 셔틀을 운행한다.", ["autonomous-driving"]),
        # Bare MRO says maintenance, not whose: no defense MRO by itself.
        ("사천시는 민항기 MRO 법인을 유치했다.", []),
        # A scheme whose name is an industry concept names it.
        (
            "안성시는 반도체 소부장 특화단지 조성을 제시했다.",
            ["materials-parts-equipment", "semiconductor"],
        ),
        # An advanced medical complex is for new drugs and medical devices.
        ("대구시는 첨단의료복합단지에 기업 10곳을 유치했다.", ["bio", "medical-devices"]),
        # A national category list is the backdrop, not the region's industries.
        (
            "대전시는 이차전지와 반도체 등 정부의 국가첨단전략산업 중에서 반도체를 노린다.",
            ["semiconductor"],
        ),
        (
            "정부는 디스플레이·반도체·배터리 3개 분야별로 단지를 고른다. "
            "구미시는 반도체 특화단지 유치에 나섰다.",
            ["semiconductor"],
        ),
    ],
)
def test_a_documentsindustries(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A definition ending in 소재다 or the polite 산업입니다: only what is defined counts.
        (
            "포항시에 공장이 선다. 수산화리튬은 전기차뿐 아니라 에너지저장장치에도 쓰이는 소재다.",
            ["battery-materials"],
        ),
        (
            "포항시에 공장이 선다. 이차전지는 전기차, 드론에 이르기까지 파급효과가 큰 산업입니다.",
            ["battery"],
        ),
        # A place whose name holds an industry word is no concept being defined.
        (
            "마산 로봇랜드는 창원에 로봇 전시관과 로봇 테마파크를 모아 짓는 국책사업이다.",
            ["robotics", "tourism"],
        ),
    ],
)
def test_definitions(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # The battery's name before a sub-field's ("이차전지 양극재", "배터리팩") names both.
        ("포항시는 이차전지 양극재 공장을 유치한다.", ["battery", "battery-materials"]),
        ("충주시는 전기차용 배터리팩 공장을 짓는다.", ["battery", "battery-cells"]),
        # 2차 전지 written with a space is the battery.
        ("울산시는 2차 전지 공장을 유치한다.", ["battery"]),
        # An umbrella word written as a field of its own (분야, 신산업) is a focus.
        ("광주시는 에너지 분야 기업 다섯 곳과 협약했다.", ["energy"]),
        ("나주시는 에너지 신산업을 키운다.", ["energy"]),
        # Advanced materials are a field of their own ...
        ("세종시는 첨단 신소재 기업을 유치한다.", ["advanced-materials"]),
        # ... unless they are another industry's material.
        (
            "평택시는 반도체 기업을 유치한다. 한 곳은 반도체용 첨단소재를 만든다.",
            ["semiconductor"],
        ),
    ],
)
def test_a_field_and_its_subfield_and_umbrella_fields(
    pipeline: Pipeline, raw: str, want: list[str]
) -> None:
    assert industries(pipeline, raw) == want
