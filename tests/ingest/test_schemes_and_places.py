"""National schemes, named places and industries that the reference data gained for news.

Every sentence is our own.
"""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.spellings import scheme_spellings
from tests.ingest.extracting import held_or_sought, run_text


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (
            "강원 춘천시가 강소연구개발특구로 지정됐다.",
            ("HOLDS", "Region:gangwon-chuncheon", "Designation:innopolis-campus"),
        ),
        (
            "전남 강진군이 드론특별자유화구역으로 지정됐다.",
            ("HOLDS", "Region:jeonnam-gangjin", "Designation:drone-special-free-zone"),
        ),
        (
            "서울 서초구는 지역특화발전특구 지정을 신청했다.",
            ("SEEKS", "Region:seoul-seocho", "Designation:regional-specialized-development-zone"),
        ),
        (
            "경북 포항시 일대가 외국인투자지역으로 지정됐다.",
            ("HOLDS", "Region:gyeongbuk-pohang", "Designation:foreign-investment-zone"),
        ),
        (
            "충남 태안군은 교육발전특구 지정을 목표로 한다.",
            ("SEEKS", "Region:chungnam-taean", "Designation:education-development-zone"),
        ),
        (
            "경북 구미시 일부가 외국인기업 전용단지로 지정됐다.",
            ("HOLDS", "Region:gyeongbuk-gumi", "Designation:foreign-company-complex"),
        ),
        # A spelling without spaces is the same scheme.
        (
            "전북 전주가 탄소 소부장특화단지로 지정됐다.",
            ("HOLDS", "Region:jeonbuk-jeonju", "Designation:mpe-specialized-complex"),
        ),
        # And so is one with a space at each word.
        (
            "울산시가 수소 모빌리티 글로벌 혁신 특구로 지정됐다.",
            ("HOLDS", "Region:ulsan", "Designation:global-innovation-zone"),
        ),
        (
            "충북 충주시는 경제 자유 구역 지정을 신청했다.",
            ("SEEKS", "Region:chungbuk-chungju", "Designation:free-economic-zone"),
        ),
        (
            "경남 김해시가 산학융합지구로 선정됐다.",
            (
                "HOLDS",
                "Region:gyeongnam-gimhae",
                "Designation:industry-academia-convergence-district",
            ),
        ),
        (
            "광주시는 디지털 혁신지구 선정에 힘을 모은다.",
            ("SEEKS", "Region:gwangju", "Designation:digital-innovation-district"),
        ),
        (
            "전북 김제시가 스마트팜 혁신밸리로 선정됐다.",
            ("HOLDS", "Region:jeonbuk-gimje", "Designation:smart-farm-innovation-valley"),
        ),
        (
            "경남 거제시가 고용위기지역으로 지정됐다.",
            ("HOLDS", "Region:gyeongnam-geoje", "Designation:employment-crisis-area"),
        ),
        (
            "경북 구미시는 캠퍼스혁신파크 공모에 도전한다.",
            ("SEEKS", "Region:gyeongbuk-gumi", "Designation:campus-innovation-park"),
        ),
        # A designation received is held; firms drawn in around a zone seek nothing.
        (
            "전남도는 에너지 신산업 규제자유특구 지정을 받았다.",
            ("HOLDS", "Region:jeonnam", "Designation:regulation-free-zone"),
        ),
        (
            "경북 구미시는 방산혁신클러스터를 유치했다.",
            ("HOLDS", "Region:gyeongbuk-gumi", "Designation:defense-innovation-cluster"),
        ),
        # Headlines: a selection hailed or settled, a bid entered or near its end.
        (
            "경북 포항시, 이차전지 특화단지 선정 쾌거",
            ("HOLDS", "Region:gyeongbuk-pohang", "Designation:national-strategic-industry-complex"),
        ),
        (
            "전남 광양시 수소특화단지 지정 확정",
            ("HOLDS", "Region:jeonnam-gwangyang", "Designation:hydrogen-specialized-complex"),
        ),
        (
            "강원 원주시, 기회발전특구 출사표",
            ("SEEKS", "Region:gangwon-wonju", "Designation:opportunity-development-zone"),
        ),
        # What a designation brought says that it was made.
        (
            "전북 군산시는 이차전지 특화단지 지정에 힘입어 투자가 늘었다.",
            ("HOLDS", "Region:jeonbuk-gunsan", "Designation:national-strategic-industry-complex"),
        ),
        # A scheme had before the next one, one received too, one prolonged.
        (
            "충북 충주시가 수소 시범도시에 이어 그린수소 규제자유특구 지정까지 받았다.",
            ("HOLDS", "Region:chungbuk-chungju", "Designation:hydrogen-pilot-city"),
        ),
        (
            "충북 충주시가 수소 시범도시에 이어 그린수소 규제자유특구 지정까지 받았다.",
            ("HOLDS", "Region:chungbuk-chungju", "Designation:regulation-free-zone"),
        ),
        (
            "경남 거제시, 고용위기지역 지정 1년 연장",
            ("HOLDS", "Region:gyeongnam-geoje", "Designation:employment-crisis-area"),
        ),
        # A firm taking part in a zone says that the zone is there.
        (
            "이 회사는 전남 에너지 규제자유특구 참여 기업으로 실증을 맡았다.",
            ("HOLDS", "Region:jeonnam", "Designation:regulation-free-zone"),
        ),
    ],
)
def test_national_schemes_news_names(
    pipeline: Pipeline, raw: str, want: tuple[str, str, str]
) -> None:
    assert want in held_or_sought(pipeline, raw)


def test_a_named_area_holds_a_scheme_and_lies_in_its_city(pipeline: Pipeline) -> None:
    held = held_or_sought(pipeline, "오창은 이차전지 소부장 특화단지로 지정됐다.")
    assert held == {("HOLDS", "Region:cheongju-ochang", "Designation:mpe-specialized-complex")}
    assert pipeline.gazetteer.part_of["cheongju-ochang"] == {"chungbuk-cheongju"}


def test_a_scheme_that_only_addresses_a_place_is_no_fact(pipeline: Pipeline) -> None:
    held = held_or_sought(pipeline, "부산 경제자유구역 미음지구가 기회발전특구로 지정됐다.")
    assert held == {("HOLDS", "Region:busan-mieum", "Designation:opportunity-development-zone")}


def test_a_province_gives_way_to_a_named_area_inside_it(pipeline: Pipeline) -> None:
    raw = "충북도는 특화단지 유치에 힘썼다. 충북 청주 오창이 이차전지 특화단지로 지정됐다."
    raw += " 충북도는 이차전지 특화단지로 지정됐다고 밝혔다."
    held = {(kind, subject) for kind, subject, _ in held_or_sought(pipeline, raw)}
    assert ("HOLDS", "Region:cheongju-ochang") in held
    assert ("HOLDS", "Region:chungbuk") not in held


@pytest.mark.parametrize(
    ("raw", "industries"),
    [
        ("경남도는 항공 부품과 의료기기 기업을 키운다.", ["aviation", "medical-devices"]),
        ("부산시는 자동차부품 기업과 뷰티 기업을 유치한다.", ["automotive-parts", "beauty"]),
        (
            "전남도는 문화콘텐츠 산업과 조선해양 산업을 키운다.",
            ["cultural-content", "shipbuilding"],
        ),
        # The longer name wins: 해상풍력 발전 is offshore wind, not wind power in general.
        ("울산시는 해상풍력 발전단지를 짓는다.", ["offshore-wind"]),
        ("제주도는 육상풍력 단지를 늘린다.", ["wind-power"]),
        ("강원도는 액화수소 규제자유특구로 지정됐다.", ["hydrogen"]),
        # A field where a drone is used is not the region's industry.
        ("강진군은 드론 물류 배송 실증을 한다.", ["drones"]),
        # A word that only starts like an industry name is none ("항공기체").
        ("제주도는 미래형 항공기체 상용화를 돕는다.", []),
    ],
)
def test_industries_news_names(pipeline: Pipeline, raw: str, industries: list[str]) -> None:
    assert run_text(pipeline, raw).industries == industries


def test_a_scheme_in_the_title_of_a_law_is_no_fact(pipeline: Pipeline) -> None:
    raw = "규제자유특구 및 지역특화발전특구에 관한 규제특례법에 따라 서울 서초구가 신청했다."
    assert held_or_sought(pipeline, raw) == set()


def test_a_regional_committee_is_not_the_national_one(pipeline: Pipeline) -> None:
    orgs = [
        (e.id, e.text)
        for e in run_text(pipeline, "제주특별자치도 수소경제위원회가 예산을 심의했다.").entities
        if e.type == "Organization"
    ]
    assert orgs == [(None, "제주특별자치도 수소경제위원회")]


@pytest.mark.parametrize(
    ("raw", "industries"),
    [
        # An era, a means and a market served are not the document's industries.
        ("한빛메모리는 AI 시대의 핵심 메모리를 만든다.", []),
        ("통신사는 인공지능(AI) 기반 교통 서비스를 운영한다.", []),
        ("한빛소재는 수소차 연료탱크를 만든다.", []),
        ("전기차 시장 확대로 한빛소재는 양극재 공장을 짓는다.", ["battery-materials"]),
        ("한빛가스는 수소를 수소차 충전용으로 공급한다.", ["hydrogen"]),
        # A base built for an industry is that industry.
        ("울산시는 수소산업 기반 구축에 나선다.", ["hydrogen"]),
        # A stem ends its ·-list item: 전자파 is no electronics.
        ("경남도는 발사·궤도·전자파 시험시설을 짓는다.", []),
    ],
)
def test_industries_named_in_passing(pipeline: Pipeline, raw: str, industries: list[str]) -> None:
    assert run_text(pipeline, raw).industries == industries


def test_a_scheme_named_by_its_industry_is_about_that_industry(pipeline: Pipeline) -> None:
    extraction = run_text(pipeline, "대구시는 UAM 실증 사업에 선정됐다.")
    assert extraction.industries == ["uam"]
    assert {(f.type, f.subject, f.object) for f in extraction.facts if f.type == "HOLDS"} == {
        ("HOLDS", "Region:daegu", "Designation:k-uam-grand-challenge")
    }


def test_a_shared_city_name_with_nothing_to_settle_it_is_the_metropolitan_city(
    pipeline: Pipeline,
) -> None:
    held = held_or_sought(pipeline, "광주시가 '인공지능 규제자유특구' 지정에 도전한다.")
    assert held == {("SEEKS", "Region:gwangju", "Designation:regulation-free-zone")}
    regions = [e.id for e in run_text(pipeline, "경기 광주시는 공장을 짓는다.").entities]
    assert regions == ["gyeonggi-gwangju"]


NSIC = "Designation:national-strategic-industry-complex"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Every place of the list that the scheme closes, each at its most specific level.
        (
            "충북 청주 오창과 경북 포항, 울산이 이차전지 특화단지에 선정됐다.",
            {
                ("HOLDS", "Region:cheongju-ochang", NSIC),
                ("HOLDS", "Region:gyeongbuk-pohang", NSIC),
                ("HOLDS", "Region:ulsan", NSIC),
            },
        ),
        # A bid that was won is held.
        (
            "구미시는 반도체 특화단지 유치에 성공했다.",
            {("HOLDS", "Region:gyeongbuk-gumi", NSIC)},
        ),
        (
            "정부가 발표한 반도체 특화단지에 구미가 이름을 올렸다.",
            {("HOLDS", "Region:gyeongbuk-gumi", NSIC)},
        ),
        ("울산시는 이차전지 특화단지 유치에 나섰다.", {("SEEKS", "Region:ulsan", NSIC)}),
        # A bid lost is still a bid, never a designation held.
        (
            "구미는 반도체 특화단지 지정에서 탈락했다.",
            {("SEEKS", "Region:gyeongbuk-gumi", NSIC)},
        ),
        ("충북은 바이오 특화단지로 지정되지 않았다.", {("SEEKS", "Region:chungbuk", NSIC)}),
        # "…로 결정됐다" is a decision made: held, by the places written next to it.
        (
            "부산은 기장군·강서구 일대가 기회발전특구로 결정됐다.",
            {
                ("HOLDS", "Region:busan-gijang", "Designation:opportunity-development-zone"),
                ("HOLDS", "Region:busan-gangseo", "Designation:opportunity-development-zone"),
            },
        ),
        # The place of a thing: "… 국가시범도시 일원에서" (like "특구 내에").
        (
            "세종시 5-1생활권의 스마트시티 국가시범도시 일원에서 드론 실증을 한다.",
            {("HOLDS", "Region:sejong", "Designation:smart-city-national-pilot")},
        ),
        # An item of what a plan does, with no verb: "… 특구 운영 △ …".
        (
            "울산시의 주요 사업은 △전지 기술개발 지원 △미래형 전지 특화 강소연구개발특구 운영 "
            "△전문인력 양성 등이다.",
            {("HOLDS", "Region:ulsan", "Designation:innopolis-campus")},
        ),
    ],
)
def test_lists_of_places_and_bids_won(
    pipeline: Pipeline, raw: str, want: set[tuple[str, str, str]]
) -> None:
    assert held_or_sought(pipeline, raw) == want


def test_a_sentence_that_goes_on_listing_the_places_of_a_scheme(pipeline: Pipeline) -> None:
    raw = "인천시는 바이오 특화단지에 선정됐다. 나머지 세 곳은 대전(유성), 강원(춘천·홍천)이다."
    assert held_or_sought(pipeline, raw) == {
        ("HOLDS", f"Region:{region}", NSIC)
        for region in ("incheon", "daejeon-yuseong", "gangwon-chuncheon", "gangwon-hongcheon")
    }
    # A short district name stays a word where Kiwi reads it as one.
    assert run_text(pipeline, "밤하늘에 유성이 떨어졌다.").entities == []


def test_a_party_to_an_agreement_is_not_an_initiative(pipeline: Pipeline) -> None:
    raw = "협약에는 한국전력, 한국수자원공사, 충남테크노파크가 참여했다."
    facts = run_text(pipeline, raw).facts
    assert [f for f in facts if f.type == "PARTICIPATES_IN"] == []


def test_a_scheme_written_with_or_without_its_spaces_is_one_scheme() -> None:
    spelled = scheme_spellings("글로벌 혁신특구")
    for other in ("글로벌혁신특구", "글로벌 혁신 특구", "글로벌혁신 특구"):
        assert other in spelled
    assert scheme_spellings("free economic zone") == ["free economic zone"]


def test_a_scheme_as_an_item_of_a_plan_is_sought(pipeline: Pipeline) -> None:
    raw = "경북 영덕군은 앞으로 도로 확충, 산학융합지구 지정, 대학 유치 등에 나설 방침이다."
    assert held_or_sought(pipeline, raw) == {
        (
            "SEEKS",
            "Region:gyeongbuk-yeongdeok",
            "Designation:industry-academia-convergence-district",
        )
    }


@pytest.mark.parametrize(
    "raw",
    [
        # the name of an office
        "충남도 경제자유구역기획단장은 기업 유치에 힘쓰겠다고 말했다.",
        # a plot in a list of sites
        "세종시 기업들은 전동일반산단, 스마트그린산단, 벤처밸리 등 2만㎡ 규모 부지에 공장을 짓기로"
        " 협약에 따라 합의했다.",
        # firms drawn in around a zone that is there
        "강원도는 춘천 강소연구개발특구를 중심으로 바이오 기업을 유치하고 있다.",
        # a plant built in the complex
        "세종시 기업은 2019년 지정된 스마트그린산단에 공장을 세워 30명을 뽑는다.",
    ],
)
def test_a_scheme_that_is_an_office_or_a_site_is_no_fact(pipeline: Pipeline, raw: str) -> None:
    assert held_or_sought(pipeline, raw) == set()


def _regions(pipeline: Pipeline, raw: str) -> set[str]:
    return {e.id for e in run_text(pipeline, raw).entities if e.type == "Region" and e.id}


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # where a company moves from is not a region of the story
        ("가온테크는 본사를 울산에서 대구로 이전하기로 했다.", {"daegu"}),
        ("가온테크는 본사를 경북 예천에서 청주로 옮긴다.", {"chungbuk-cheongju"}),
        ("가온테크는 경기도 남양주 본사를 춘천으로 이전한다.", {"gangwon-chuncheon"}),
        ("가온테크는 서울과 경기도에 분산 운영 중인 본사를 인천으로 통합 이전한다.", {"incheon"}),
        ("가온테크는 경북 경산에 있는 생산 시설을 논산으로 이전한다.", {"chungnam-nonsan"}),
        # a plant the company already runs elsewhere
        ("한빛화학은 울산공장에서 생산을 이어오다 평택에 공장을 짓는다.", {"gyeonggi-pyeongtaek"}),
        # the place it moves to stays
        ("가온테크는 생산라인을 포항 공장으로 이전한다.", {"gyeongbuk-pohang"}),
        # a hotel or a convention centre where a signing takes place
        ("음성군은 청주 한빛호텔에서 가온테크와 투자협약을 맺었다.", {"chungbuk-eumseong"}),
        ("사천시는 서울 여의도 한빛컨벤션센터에서 투자 상담을 했다.", {"gyeongnam-sacheon"}),
        # a region that is a party keeps its place even at a hotel
        ("청주시는 한빛호텔에서 가온테크와 협약을 맺었다.", {"chungbuk-cheongju"}),
        # where a company was founded, a home beside its chief or before its marked name
        ("2006년 충남 천안에 설립된 한빛소재는 군산에 공장을 짓는다.", {"jeonbuk-gunsan"}),
        ("대구시는 ㈜한빛정기(대표 김철수, 창원)와 협약했다.", {"daegu"}),
        ("고흥군은 서울 ㈜한빛드론 등 10개사와 협약했다.", {"jeonnam-goheung"}),
        # the place where a briefing is held
        ("경북도, 서울서 ‘포항 이차전지’ 투자설명회 개최", {"gyeongbuk", "gyeongbuk-pohang"}),
        # a wider area named after a place, a councillor's title, Daejeon's 안산 complex
        ("구미시는 경남권·충남권 협력업체를 불러 모았다.", {"gyeongbuk-gumi"}),
        ("평택시장과 김철수 경기도의원이 협약식에 참석했다.", set()),
        ("대전시는 안산 첨단국방산업단지를 2026년 착공한다.", {"daejeon"}),
        # places that are only a firm's home or other office
        ("경북도는 대구, 경산, 안동 등에 본사를 두고 있는 다섯 기업과 협약했다.", {"gyeongbuk"}),
        ("대구시는 경기도 용인시 수지구 소재 가온테크와 협약했다.", {"daegu"}),
        ("포항시는 부산에 공장을 둔 가온로봇과 협약했다.", {"gyeongbuk-pohang"}),
        ("당진시는 가온가스와 협약했다. 가온가스는 안산에 설립한", {"chungnam-dangjin"}),
        (
            "가온칩은 경기 이천 한빛전자 본사에 입주해 있다. 인천시는 가온칩과 협약했다.",
            {"incheon"},
        ),
        (
            "가온항업은 평택 포승단지를 거점으로 회사를 운영해 왔으나 천안에 공장을 짓는다.",
            {"chungnam-cheonan"},
        ),
        (
            "횡성군은 가온소재와 협약했다. 가온소재의 연구소는 경기도 하남에 자리 잡았다.",
            {"gangwon-hoengseong"},
        ),
        # A venue with its short name in brackets: "서울 …플라자(IKP)에서".
        (
            "천안시와 누리텍은 24일 서울 인베스트코리아플라자(IKP)에서 투자협약을 맺었다.",
            {"chungnam-cheonan"},
        ),
    ],
)
def test_regions_named_only_as_an_origin_a_venue_or_an_area(
    pipeline: Pipeline, raw: str, want: set[str]
) -> None:
    assert _regions(pipeline, raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A port or an airport named after its city is that city, even where the tokenizer
        # reads the whole as one name; a port named after two cities names both.
        ("부산항과 광양항이 확대 지정됐다.", {"busan", "jeonnam-gwangyang"}),
        ("평택당진항이 새로 지정됐다.", {"gyeonggi-pyeongtaek", "chungnam-dangjin"}),
        ("무안국제공항에 정비단지를 짓는다.", {"jeonnam-muan"}),
        # Not a port: a longer word (an airline's name).
        ("서울항공이 정비단지를 짓는다.", set()),
    ],
)
def test_a_port_named_after_its_city(pipeline: Pipeline, raw: str, want: set[str]) -> None:
    found = {e.id for e in run_text(pipeline, raw).entities if e.type == "Region"}
    assert found == want
