"""A document's industries: words that qualify an industry's name, such as the armed forces it
serves or the material it is made of (our own sentences)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # An industry for the armed forces (국방) is the defense industry too ...
        ("목포시는 국방 정찰용 드론 개발을 지원한다.", ["defense", "drones"]),
        ("목포시는 국방용 드론 개발을 지원한다.", ["defense", "drones"]),
        ("목포시는 국방 드론 기업을 유치한다.", ["defense", "drones"]),
        # ... not without it.
        ("목포시는 드론 산업을 육성한다.", ["drones"]),
    ],
)
def test_an_industry_for_the_armed_forces(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A foundry of another field is that field's contract making, not a chip foundry ...
        ("원주시는 바이오 파운드리 시설을 짓는다.", ["bio"]),
        ("원주시는 전극 파운드리 공장을 유치했다.", []),
        # ... a chip foundry stays one.
        ("원주시는 반도체 파운드리 공장을 유치했다.", ["semiconductor"]),
        ("원주시는 파운드리 공장을 유치했다.", ["semiconductor"]),
    ],
)
def test_a_foundry_of_another_field(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # The carmakers as a trade are the customers or partners of the story's firms ...
        ("김해시는 합금 공장을 유치했다. 제품은 해외 자동차 회사에 수출된다.", []),
        ("김해시는 합금 공장을 유치했다. 국내 완성차 업체들과 기술을 개발한다.", []),
        ("김해시는 연구기관과 자동차업계에 시험용 차량을 제공한다.", []),
        # ... the car industry itself is the industry.
        ("김해시는 자동차 산업을 키운다.", ["automotive"]),
    ],
)
def test_the_carmakers_as_a_trade(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Equipment that makes or tests chips is the semiconductor-equipment industry too ...
        ("이천시는 반도체 검사장비 공장을 유치했다.", ["semiconductor", "semiconductor-equipment"]),
        (
            "이천시는 반도체 및 디스플레이 생산장비 기업을 유치했다.",
            ["display", "semiconductor", "semiconductor-equipment"],
        ),
        # ... a chip plant is not.
        ("이천시는 반도체 공장을 유치했다.", ["semiconductor"]),
    ],
)
def test_chip_equipment(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Forms news uses: aircraft parts glued or for aircraft, military supply, diagnostic
        # devices and a drug maker.
        ("진해시는 항공기부품 공장을 유치했다.", ["aviation"]),
        ("진해시는 항공용 부품 업체를 유치했다.", ["aviation"]),
        ("진해시는 군수산업 생태계를 키운다.", ["defense"]),
        ("진해시는 진단기기 공장을 유치했다.", ["medical-devices"]),
        ("진해시는 체외진단 기업을 유치했다.", ["medical-devices"]),
        ("진해시는 해외 제약사의 투자를 이끌어 냈다.", ["bio"]),
    ],
)
def test_forms_ofindustries(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # The aerospace field written as such is aviation and space ...
        ("고흥군은 우주항공 특구 지정을 신청했다.", ["aviation", "space"]),
        ("진주시는 항공우주 부품 기업을 키운다.", ["aviation", "space"]),
        # ... a bare word for it is space only.
        ("사천시는 항공우주 인재를 키운다.", ["space"]),
    ],
)
def test_the_aerospace_field(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # The markets a product serves: a list with items of two words, or a use ...
        (
            "광양시는 판재 공장을 짓는다. "
            "판재는 노트북 케이스, 의료기기, 해양 장비 등으로 공급된다.",
            [],
        ),
        ("포항시는 에너지저장장치에 주로 쓰이는 소재를 만드는 공장을 유치했다.", []),
        # ... not the sector made there.
        ("포항시는 의료기기 공장을 유치했다.", ["medical-devices"]),
    ],
)
def test_markets_served(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # An electric car before its battery's materials or second life is the market ...
        ("군산시는 전기차 배터리 소재 공장을 유치했다.", ["battery", "battery-materials"]),
        ("제주도는 전기차 사용후 배터리 사업을 키운다.", ["battery-recycling"]),
        # ... a pack fitted to the car, or the car itself, keeps the electric vehicles.
        (
            "창원시는 전기차 배터리 팩 공장을 유치했다.",
            ["battery", "battery-cells", "electric-vehicles"],
        ),
        ("창원시는 전기차 공장을 유치했다.", ["electric-vehicles"]),
    ],
)
def test_an_electric_cars_battery(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # An umbrella word with what is built for it is a focus ...
        ("울산시는 재생에너지 인프라를 넓힌다.", ["renewable-energy"]),
        ("파주시는 재생에너지 융복합 사업을 키운다.", ["renewable-energy"]),
        ("울산시는 탄소 저감 설비 공장을 짓는다.", ["carbon-neutrality"]),
        # ... the bare word is not.
        ("울산시는 재생에너지 사용을 늘린다.", []),
    ],
)
def test_umbrella_words_with_what_is_built(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A battery followed by its material names the battery's materials too ...
        ("청양군은 이차전지 신소재 공장을 유치했다.", ["battery", "battery-materials"]),
        ("청양군은 배터리 핵심원료 기업을 유치했다.", ["battery", "battery-materials"]),
        ("청양군은 배터리 리튬화합물 공장을 유치했다.", ["battery", "battery-materials"]),
        # ... not a battery alone.
        ("청양군은 배터리 공장을 유치했다.", ["battery"]),
    ],
)
def test_a_batterys_material(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want
