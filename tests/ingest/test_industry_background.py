"""Industries named in passing are not the document's: in someone's words about the past or
the field, inside a longer name, among non-industries in a ·-list, or alone on a menu line
(our own sentences)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Named only in a quotation about the past or the field: background.
        (
            "당진시는 데이터센터를 유치한다. "
            '시장은 "그간 반도체와 자동차가 지역을 이끌었다"고 말했다.',
            ["data-centers"],
        ),
        # A quotation about this deal keeps its industries ...
        (
            '당진시는 데이터센터를 유치한다. 시장은 "이번 투자로 반도체 기업도 올 것"이라고 했다.',
            ["data-centers", "semiconductor"],
        ),
        # ... as does the same industry stated outside the quotation.
        (
            '당진시는 반도체 공장을 유치한다. 시장은 "반도체가 지역을 이끌었다"고 말했다.',
            ["semiconductor"],
        ),
        # Inside a longer name: glued to a word before it and a letter or bracket after it.
        ("사천시는 한빛항공우주(HBA)와 함께 드론 기업을 유치한다.", ["drones"]),
        ("회사는 진주뿌리산업단지에 드론 공장을 짓는다.", ["drones"]),
        # Among words that are no industry in a ·-list: means, not sectors.
        ("도는 기술·제도·금융·인력까지 드론 기업을 돕는다.", ["drones"]),
        # A list of industries stays.
        ("도는 우주·바이오·양자 기업을 유치한다.", ["bio", "quantum", "space"]),
        # An umbrella word glued to another word and 산업 is written as an industry.
        ("군산시는 관광레저산업을 육성한다.", ["tourism"]),
        # A means of another field, with a ·-joined word before 기반.
        ("창원시는 AI·빅데이터 기반 의료기기 센터를 짓는다.", ["medical-devices"]),
        # Information technology, written out.
        ("평택시는 정보기술(IT) 기업을 유치한다.", ["ict-software"]),
        # The humanoid, written alone.
        ("대구시는 휴머노이드 기업을 키운다.", ["humanoid-robots"]),
    ],
)
def test_industries_in_passing(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want


def test_an_industry_alone_on_a_menu_line_is_no_statement(pipeline: Pipeline) -> None:
    raw = "로봇\n대구시는 의료기기 기업을 유치한다."
    assert industries(pipeline, raw) == ["medical-devices"]
    assert "robotics" in industries(pipeline, "로봇 기업\n대구시는 의료기기 기업을 유치한다.")


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # The markets or uses a product serves are not the story's industries ...
        (
            "청주시는 반도체 패키징 공장을 유치했다. 제품은 자동차, 스마트폰 등 IT기기에 공급된다.",
            ["semiconductor"],
        ),
        (
            "전주시는 탄소소재 공장을 유치했다. 소재는 바이오, 의약, 반도체 등 다양한 분야에서"
            " 응용된다.",
            ["carbon-materials"],
        ),
        (
            "충주시는 전해액 공장을 유치했다. 회사는 전기자동차, 에너지저장장치(ESS) 시장에서"
            " 수요가 늘었다.",
            ["battery-materials"],
        ),
        # ... but the plant's own product is.
        (
            "청주시는 자동차 부품 공장과 반도체 공장을 유치했다.",
            ["automotive-parts", "semiconductor"],
        ),
        # A company's earlier businesses are its history, not this story's industries.
        (
            "김천시는 한빛켐의 이차전지 소재 공장을 유치했다. 한빛켐은 약품 사업을 시작으로"
            " 전자산업 폐산 재활용을 거쳐 상장했다.",
            ["battery", "battery-materials"],
        ),
        (
            "기장군은 한빛의 이차전지 공장을 유치했다. 한빛은 2020년부터 수소연료전지 사업을"
            " 해 왔다.",
            ["battery"],
        ),
    ],
)
def test_markets_served_and_a_companys_history(
    pipeline: Pipeline, raw: str, want: list[str]
) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Technologies put to use in a list ending in 기술을 융합해/접목한: means.
        (
            "도는 인공지능, 로봇, 센서 기술을 융합해 생산공정을 자동화하는 스마트공장을 짓는다.",
            ["smart-factory"],
        ),
        # A tool glued to 활용: a means.
        ("도는 SMR 로봇활용 제작센터를 짓는다.", ["nuclear"]),
        # AI before a robot is the robot's feature; 5G may stand in a ·-list before 기반.
        ("대구시는 AI 로봇 기업을 키운다.", ["robotics"]),
        ("서울시는 AI·5G 기반 로봇 실증을 한다.", ["robotics"]),
        # The region's industries of old, named beside the new one, are background ...
        (
            "이번 투자로 울산은 이차전지 소재 거점이 되는 한편, 자동차 산업을 비롯한"
            " 기존 주력산업도 고도화된다.",
            ["battery", "battery-materials"],
        ),
        (
            "울산시는 4대 주력산업이었던 자동차 조선 석유화학과 함께 이차전지 산업을 키운다.",
            ["battery"],
        ),
        (
            "도는 반도체, 디스플레이 등 도의 주력산업을 지원한다. 이번에 반도체 공장이 들어선다.",
            ["semiconductor"],
        ),
        # ... as are the manufacturing industries a region turns into a new one.
        (
            "창원시는 정밀기계, 전자 부품 등 제조산업을 의료기기 산업으로 키운다.",
            ["medical-devices"],
        ),
    ],
)
def test_means_and_a_regions_industries_of_old(
    pipeline: Pipeline, raw: str, want: list[str]
) -> None:
    assert industries(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Cars named once or twice as the demand for the story's own product: their market.
        (
            "군산시에 이차전지 양극재 공장이 들어선다. 최근 전기차 수요가 늘면서 공장을 짓는다.",
            ["battery", "battery-materials"],
        ),
        (
            "회사는 청주에 반도체 기판 공장을 짓는다. 기판은 자동차와 가전에 납품된다.",
            ["semiconductor"],
        ),
        # Cars in the title are the story's own.
        (
            "전기차 배터리 팩 공장 설립\n창원시에 전기차 배터리 팩 공장이 들어선다.",
            ["battery", "battery-cells", "electric-vehicles"],
        ),
        # Named three times, cars are a focus too.
        (
            "울산시는 이차전지와 전기차를 키운다. 전기차 부품도 돕는다. 전기차 충전소도 짓는다.",
            ["battery", "electric-vehicles"],
        ),
        # A story about cars alone keeps them.
        ("광주시는 자동차 공장을 유치한다.", ["automotive"]),
    ],
)
def test_cars_named_as_a_market(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want
