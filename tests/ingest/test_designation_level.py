"""Designations tied to the places a text designates, and regions named only in passing.

Every sentence is our own.
"""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import held_or_sought, run_text

NSIC = "Designation:national-strategic-industry-complex"


def _regions(pipeline: Pipeline, raw: str) -> set[str]:
    return {e.id for e in run_text(pipeline, raw).entities if e.type == "Region" and e.id}


def test_districts_designated_in_the_next_sentences_hold_the_scheme(pipeline: Pipeline) -> None:
    raw = (
        "정부는 전남과 경북 두 곳에 기회발전특구를 새로 지정했다."
        " 전남은 여수시와 광양시에 100만평을 지정했다."
        " 경북은 구미시 일대 40만평이 지정됐다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:opportunity-development-zone"
    for city in ("jeonnam-yeosu", "jeonnam-gwangyang", "gyeongbuk-gumi"):
        assert ("HOLDS", f"Region:{city}", scheme) in held
    # The provinces give way to the cities the text designates in them.
    assert ("HOLDS", "Region:jeonnam", scheme) not in held
    assert ("HOLDS", "Region:gyeongbuk", scheme) not in held


def test_a_designation_verb_far_from_any_scheme_continues_nothing(pipeline: Pipeline) -> None:
    raw = (
        "강원 원주시가 기회발전특구로 지정됐다. 시는 기업 유치에 힘쓴다. 다음 달 행사를 연다."
        " 횡성군 한옥마을이 문화유산으로 지정됐다."
    )
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gangwon-wonju", "Designation:opportunity-development-zone") in held
    assert not any(subject == "Region:gangwon-hoengseong" for _, subject, _ in held)


def test_places_already_running_the_scheme_hold_it(pipeline: Pipeline) -> None:
    raw = (
        "충북 단양군이 드론특별자유화구역 공모에 새로 선정됐다."
        " 도는 이미 선정·운영 중인 물류 드론(보은), 방제 드론(진천)에 더해 실증을 넓힌다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:drone-special-free-zone"
    for county in ("chungbuk-danyang", "chungbuk-boeun", "chungbuk-jincheon"):
        assert ("HOLDS", f"Region:{county}", scheme) in held


def test_candidate_sites_listed_after_the_plan_seek_it(pipeline: Pipeline) -> None:
    raw = (
        "정부는 경기 용인을 포함해 전국 10곳에 국가산업단지를 조성하는 계획을 내놓았다."
        " 충청권에서는 대전(우주), 충주(바이오)만 이름을 올려 제천은 빠졌다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:national-industrial-complex"
    assert ("SEEKS", "Region:daejeon", scheme) in held
    assert ("SEEKS", "Region:chungbuk-chungju", scheme) in held
    assert not any(subject == "Region:chungbuk-jecheon" for _, subject, _ in held)


def test_each_bidder_of_a_roll_call_seeks_the_scheme(pipeline: Pipeline) -> None:
    raw = (
        "반도체 특화단지 유치에 나선 도내 시는 3곳이다."
        " 청주시는 기존 공장을 내세운다. 충주시는 넓은 부지를 강조했다."
        " 음성군 역시 유치전에 뛰어들었다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:national-strategic-industry-complex"
    for city in ("chungbuk-cheongju", "chungbuk-chungju", "chungbuk-eumseong"):
        assert ("SEEKS", f"Region:{city}", scheme) in held


def test_a_glossed_qualifier_and_a_won_bid(pipeline: Pipeline) -> None:
    held = held_or_sought(
        pipeline, "전주시는 탄소 소부장(소재·부품·장비) 특화단지로 지정되고 있다."
    )
    assert ("HOLDS", "Region:jeonbuk-jeonju", "Designation:mpe-specialized-complex") in held
    held = held_or_sought(pipeline, "정부의 바이오 랩허브를 유치한 인천시가 단지를 넓힌다.")
    assert ("HOLDS", "Region:incheon", "Designation:bio-lab-hub") in held
    held = held_or_sought(pipeline, "국토부의 '드론특구' 공모에 충남 태안군이 최종 선정됐다.")
    assert ("HOLDS", "Region:chungnam-taean", "Designation:drone-special-free-zone") in held


def test_a_glossed_scheme_name_is_one_mention_and_an_item_of_a_plan_is_sought(
    pipeline: Pipeline,
) -> None:
    raw = "구미시는 이를 위해 기업 유치, 배터리 소부장(소재·부품·장비) 특화단지 지정, 양성을 편다."
    found = run_text(pipeline, raw)
    names = [m.text for m in found.entities if m.type == "Designation"]
    assert names == ["소부장(소재·부품·장비) 특화단지"]
    held = {(f.type, f.object) for f in found.facts if f.type in ("HOLDS", "SEEKS")}
    assert held == {("SEEKS", "Designation:mpe-specialized-complex")}
    # a headline's "… 지정" with no plan around it is still news of a designation
    held2 = held_or_sought(pipeline, "구미시, 소부장 특화단지 지정")
    assert ("HOLDS", "Region:gyeongbuk-gumi", "Designation:mpe-specialized-complex") in held2


def test_a_complex_due_by_a_year_is_being_created(pipeline: Pipeline) -> None:
    raw = "경주시는 원자력 기관이 모인 곳으로, 2032년까지 'SMR 국가 산단'"
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:gyeongbuk-gyeongju", "Designation:national-industrial-complex") in held


@pytest.mark.parametrize(
    ("raw", "absent", "present"),
    [
        # Rivals and the subject of a contrast.
        (
            "대전시는 특화단지를 노린다. 경쟁 상대인 경북 구미는 공장이 많다.",
            {"gyeongbuk", "gyeongbuk-gumi"},
            {"daejeon"},
        ),
        (
            "울산 남구 등이 큰 공장을 갖춘 데 비해 대전은 연구 기반이 강하다.",
            {"ulsan", "ulsan-nam"},
            {"daejeon"},
        ),
        # Places left out of a list.
        (
            "강원과 전남을 제외한 모든 도가 공모에 나섰다. 충북도가 신청했다.",
            {"gangwon", "jeonnam"},
            {"chungbuk"},
        ),
        # Titles of people.
        (
            "협약식에는 홍길동 순천시장, 김영희 여수시 부시장이 참석했다. 광양시가 협약을 맺었다.",
            {"jeonnam-suncheon", "jeonnam-yeosu"},
            {"jeonnam-gwangyang"},
        ),
        # A company's home.
        (
            "경기 안산에 본사를 둔 한빛전자는 군산에 공장을 짓는다.",
            {"gyeonggi", "gyeonggi-ansan"},
            {"jeonbuk-gunsan"},
        ),
        (
            "충남 천안시 소재 ㈜한빛전자가 포항에 투자한다.",
            {"chungnam", "chungnam-cheonan"},
            {"gyeongbuk-pohang"},
        ),
        # An outlet's dateline.
        ("[MBC 목포]한빛전자가 해남에 공장을 짓는다.", {"jeonnam-mokpo"}, {"jeonnam-haenam"}),
        # A company that shares a region's name in a list of companies.
        ("회의에는 현대자동차, SK가스, 세종, 효성중공업이 참석했다.", {"sejong"}, set()),
        # A government among the parties stays.
        ("협약에는 새만금개발청, 군산시, 한국농어촌공사가 참여했다.", set(), {"jeonbuk-gunsan"}),
        # The venue of a signing, and the places a comparison names alongside the story's own.
        (
            "한빛정밀 등 3개 기업이 경남 진주시 도청 별관에서 경남도·사천시와 협약을 체결했다.",
            {"gyeongnam-jinju"},
            {"gyeongnam", "gyeongnam-sacheon"},
        ),
        # "협약서 체결": no venue.
        ("포항시 투자협약서 체결로 기업 유치가 늘었다.", set(), {"gyeongbuk-pohang"}),
        (
            "구미는 경남 창원 등과 함께 국내에서 대표적인 방산 도시다.",
            {"gyeongnam", "gyeongnam-changwon"},
            {"gyeongbuk-gumi"},
        ),
        # Companies of a list with their home in brackets, closed by a count of companies.
        (
            "충북도는 한빛바이오(대전)와 누리메디(경북), 가온소재(경기) 등 3개 기업과"
            " 협약을 맺었다.",
            {"daejeon", "gyeongbuk", "gyeonggi"},
            {"chungbuk"},
        ),
        # A bracket in a byline, with or without the rest of the byline.
        (
            "[한빛일보(의정부)=홍길동 기자] 경기도가 로봇 기업을 유치했다.",
            {"gyeonggi-uijeongbu"},
            {"gyeonggi"},
        ),
        ("전북도가 풍력 단지를 짓는다.\n홍길동 한빛경제(세종) 전문기자", {"sejong"}, {"jeonbuk"}),
        # A company's home as the topic before the place.
        (
            "원주시는 한빛소재와 협약을 맺었다. 한빛소재의 본사는 충북 청주 오창에 위치한다.",
            {"chungbuk", "chungbuk-cheongju"},
            {"gangwon-wonju"},
        ),
        # 양산 as mass production; a rival left behind; a title written with a space.
        ("전북도는 리튬염 양산공장 건립을 위한 협약을 맺었다.", {"gyeongnam-yangsan"}, {"jeonbuk"}),
        ("충북도는 병원 유치에서 대구를 한발 앞서갈 것으로 본다.", {"daegu"}, {"chungbuk"}),
        (
            "협약식에는 홍길동 군산시 장, 김철수 대표가 참석했다. 전북도가 밝혔다.",
            {"jeonbuk-gunsan"},
            {"jeonbuk"},
        ),
    ],
)
def test_regions_named_in_passing_are_not_regions_of_the_story(
    pipeline: Pipeline, raw: str, absent: set[str], present: set[str]
) -> None:
    found = _regions(pipeline, raw)
    assert not found & absent
    assert present <= found


def test_a_zone_a_plant_stands_in_is_held(pipeline: Pipeline) -> None:
    raw = "한빛소재는 구미 외국인투자지역 내에 공장을 지었다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gyeongbuk-gumi", "Designation:foreign-investment-zone") in held
    # A national industrial complex given as an address is still no designation.
    held = held_or_sought(pipeline, "한빛소재는 구미 국가산단 내에 공장을 지었다.")
    assert not held


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (
            "대전 유성구가 국제과학비즈니스벨트 거점지구로 지정됐다.",
            ("HOLDS", "Region:daejeon-yuseong", "Designation:international-science-business-belt"),
        ),
        (
            "전북 군산시는 자유무역지역 확대 지정을 신청했다.",
            ("SEEKS", "Region:jeonbuk-gunsan", "Designation:free-trade-zone"),
        ),
        (
            "경북 구미시가 산업단지 대개조 지역으로 선정됐다.",
            ("HOLDS", "Region:gyeongbuk-gumi", "Designation:industrial-complex-overhaul"),
        ),
    ],
)
def test_more_national_schemes(pipeline: Pipeline, raw: str, want: tuple[str, str, str]) -> None:
    assert want in held_or_sought(pipeline, raw)


def test_a_title_of_a_region_named_elsewhere_stays(pipeline: Pipeline) -> None:
    raw = "상주시는 배터리 단지를 만든다. 홍길동 상주시장은 주민을 만났다. 김철수 문경시장도 왔다."
    found = _regions(pipeline, raw)
    assert "gyeongbuk-sangju" in found
    assert "gyeongbuk-mungyeong" not in found


def test_a_place_left_out_of_a_selection_lost_its_bid(pipeline: Pipeline) -> None:
    raw = "신청한 다섯 곳 가운데 강원 원주를 제외한 4곳이 선정됐다."
    assert "gangwon-wonju" in _regions(pipeline, raw)


def test_a_bid_to_be_won_later_is_still_a_bid(pipeline: Pipeline) -> None:
    raw = "도는 포항과 안동의 연구시설을 활용해 바이오 특화단지를 유치한 뒤 기업을 모을 방침이다."
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:national-strategic-industry-complex"
    assert ("SEEKS", "Region:gyeongbuk-pohang", scheme) in held
    assert not any(kind == "HOLDS" for kind, _, _ in held)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (
            "전남 신안군이 해상풍력 집적화단지로 지정됐다.",
            ("HOLDS", "Region:jeonnam-sinan", "Designation:renewable-energy-cluster-zone"),
        ),
        (
            "울산시는 수소도시로 선정됐다.",
            ("HOLDS", "Region:ulsan", "Designation:hydrogen-pilot-city"),
        ),
    ],
)
def test_energy_schemes(pipeline: Pipeline, raw: str, want: tuple[str, str, str]) -> None:
    assert want in held_or_sought(pipeline, raw)


def test_places_after_a_scheme_named_without_one(pipeline: Pipeline) -> None:
    raw = "산업부는 이날 반도체 특화단지 2곳을 발표했다. 경기 용인과 경북 구미가 지정됐다."
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:national-strategic-industry-complex"
    assert ("HOLDS", "Region:gyeonggi-yongin", scheme) in held
    assert ("HOLDS", "Region:gyeongbuk-gumi", scheme) in held


def test_the_sites_of_a_bid_seek_it_and_a_place_left_out_lost(pipeline: Pipeline) -> None:
    raw = "전남도는 기회발전특구 지정을 신청했다. 대상지는 여수와 광양이다."
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:opportunity-development-zone"
    assert ("SEEKS", "Region:jeonnam-yeosu", scheme) in held
    assert ("SEEKS", "Region:jeonnam-gwangyang", scheme) in held
    raw = "정부가 이차전지 특화단지를 발표했다."
    raw += " 신청한 다섯 곳 가운데 강원 원주를 제외한 4곳이 선정됐다."
    held = held_or_sought(pipeline, raw)
    assert (
        "SEEKS",
        "Region:gangwon-wonju",
        "Designation:national-strategic-industry-complex",
    ) in held


def test_a_roster_of_the_places_of_a_result_holds_the_scheme(pipeline: Pipeline) -> None:
    raw = (
        "산업부는 오늘 특화단지 선정 결과를 발표했다."
        " 첨단 특화단지 분야 및 지역은 반도체 '경기 용인' 배터리 '충북 청주' 소재 '울산'이다."
    )
    held = held_or_sought(pipeline, raw)
    for place in ("gyeonggi-yongin", "chungbuk-cheongju", "ulsan"):
        assert ("HOLDS", f"Region:{place}", NSIC) in held
    assert not any(subject == "Region:gyeonggi" for _, subject, _ in held)


def test_a_roster_without_a_cue_is_no_fact(pipeline: Pipeline) -> None:
    raw = "날씨가 맑았다. 첨단 특화단지 분야 및 지역은 반도체 '경기 용인'이다."
    assert held_or_sought(pipeline, raw) == set()


def test_places_in_an_extent_bracket_leave_the_scheme_to_the_place_before(
    pipeline: Pipeline,
) -> None:
    raw = (
        "정부는 강원 동해안(강릉 동해 일원), 충북(청주 충주 일원) 지역을"
        " 경제자유구역 지정 후보지역으로 선정했다."
    )
    held = held_or_sought(pipeline, raw)
    fez = "Designation:free-economic-zone"
    assert ("SEEKS", "Region:gangwon", fez) in held
    assert ("SEEKS", "Region:chungbuk", fez) in held
    assert not any(subject.startswith("Region:chungbuk-") for _, subject, _ in held)
    # Without the extent word the cities in the bracket are the places themselves.
    raw = "충북(청주·충주)이 경제자유구역 후보지로 선정됐다."
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:chungbuk-cheongju", fez) in held


@pytest.mark.parametrize(
    "raw",
    [
        "한빛소재는 천안 외투지역 2만3천㎡에 생산공장을 증축하기 위해 500만 달러를 투자한다.",
        "재단은 벤처기업에 첨복단지 입주 기회를 주기 위해 센터를 짓기로 했다.",
        "여러 기업이 오송첨복단지 내 연구단지에도 입주를 이어가고 있다.",
        "한빛바이오는 대전 국제과학비즈니스벨트 내에 모두 900억원을 들여 원료 공장을 건설한다.",
        "데이터센터는 오송첨복단지 내 2만㎡ 부지에 5층 규모로 들어선다.",
    ],
)
def test_a_scheme_used_as_a_site_is_no_designation(pipeline: Pipeline, raw: str) -> None:
    assert held_or_sought(pipeline, raw) == set()


def test_a_scheme_followed_by_a_selection_is_still_a_fact(pipeline: Pipeline) -> None:
    raw = "충남 천안이 외국인투자지역에 새로 선정됐다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:chungnam-cheonan", "Designation:foreign-investment-zone") in held


def test_a_city_named_in_brackets_as_a_place_of_a_scheme_stays(pipeline: Pipeline) -> None:
    raw = "정부는 드론특구로 안티드론(아산), 드론배송(태안)을 운영 중이다."
    assert {"chungnam-asan", "chungnam-taean"} <= _regions(pipeline, raw)
    raw = "전남도는 데이터센터(해남), 에너지밸리(나주) 등에 30개 기업을 유치한다."
    assert {"jeonnam-haenam", "jeonnam-naju"} <= _regions(pipeline, raw)
    raw = "경남 양산시는 양산 물금지구에 공장을 유치했다."
    assert "gyeongnam-yangsan" in _regions(pipeline, raw)


def test_urban_high_tech_complex_and_a_scheme_sited_in_another(pipeline: Pipeline) -> None:
    held = held_or_sought(pipeline, "인천시는 로봇랜드의 도시첨단산업단지 지정을 추진 중이다.")
    assert ("SEEKS", "Region:incheon", "Designation:urban-high-tech-industrial-complex") in held
    held = held_or_sought(pipeline, "강원 홍천 도시첨단산업단지가 기회발전특구로 지정됐다.")
    assert ("HOLDS", "Region:gangwon-hongcheon", "Designation:opportunity-development-zone") in held
    held = held_or_sought(pipeline, "홍천 도시첨단산업단지 기회발전특구 지정")
    assert not any(o.endswith("urban-high-tech-industrial-complex") for _, _, o in held)


FEZ = "Designation:free-economic-zone"
H2 = "Designation:hydrogen-specialized-complex"


def test_a_province_that_bids_holds_the_bid_not_the_sites_it_names(pipeline: Pipeline) -> None:
    raw = (
        "강원과 전남, 전북 등 3개 지역이 경제자유구역 지정을 신청했다."
        " 전남은 목포·해남 일대 50㎢를 물류 거점으로 키우겠다며 경제자유구역 지정을 신청했다."
    )
    held = held_or_sought(pipeline, raw)
    for province in ("gangwon", "jeonnam", "jeonbuk"):
        assert ("SEEKS", f"Region:{province}", FEZ) in held
    for site in ("jeonnam-mokpo", "jeonnam-haenam"):
        assert not any(subject == f"Region:{site}" for _, subject, _ in held)


def test_a_province_signing_for_a_complex_named_after_a_city_bids_itself(
    pipeline: Pipeline,
) -> None:
    raw = (
        "충남도가 서산시 등 10개 기관과 서산 수소특화단지 지정을 위해 손을 잡았다."
        " 도는 이날 서산시, 대학 두 곳과 수소특화단지 지정을 위한 협약을 맺었다."
    )
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:chungnam", H2) in held
    assert ("SEEKS", "Region:chungnam-seosan", H2) not in held


def test_the_province_word_speaks_of_the_province_of_a_city_story(pipeline: Pipeline) -> None:
    raw = (
        "강원 삼척시는 수소 기업을 늘린다. 삼척시는 수소 도시를 꿈꾼다."
        " 한편, 도에서는 지난달 수소특화단지 지정을 신청했다."
    )
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:gangwon", H2) in held
    assert ("SEEKS", "Region:gangwon-samcheok", H2) not in held
    # A province and a city joined as the subject both bid.
    held = held_or_sought(pipeline, "경기도와 평택시는 평택 경제자유구역 추가 지정을 신청했다.")
    assert ("SEEKS", "Region:gyeonggi", FEZ) in held
    assert ("SEEKS", "Region:gyeonggi-pyeongtaek", FEZ) in held
    # A city that is the subject bids itself; "도와 함께" makes the province a partner.
    raw = "경북 포항시는 도와 함께 배터리 규제자유특구 지정을 신청했다."
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:gyeongbuk-pohang", "Designation:regulation-free-zone") in held


def test_a_place_the_bid_would_designate_holds_the_bid(pipeline: Pipeline) -> None:
    raw = "울산시는 남구 일대를 수소 규제자유특구로 지정해 줄 것을 정부에 신청했다."
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:ulsan-nam", "Designation:regulation-free-zone") in held
    assert ("SEEKS", "Region:ulsan", "Designation:regulation-free-zone") not in held


def test_a_city_bidding_for_a_complex_of_its_own_keeps_it(pipeline: Pipeline) -> None:
    # A national industrial complex is created for its site: the province's plan gives way.
    raw = "전남도는 고흥에 우주발사체 국가산업단지 조성을 추진한다."
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:jeonnam-goheung", "Designation:national-industrial-complex") in held
    assert ("SEEKS", "Region:jeonnam", "Designation:national-industrial-complex") not in held


def test_the_zones_a_count_says_there_are_now_are_held(pipeline: Pipeline) -> None:
    raw = "현재 경제자유구역은 인천, 부산ㆍ진해, 광양 등 세 곳이다."
    held = held_or_sought(pipeline, raw)
    for region in ("incheon", "busan", "gyeongnam-changwon", "jeonnam-gwangyang"):
        assert ("HOLDS", f"Region:{region}", FEZ) in held
    # The count alone, without saying the zones are there now, is no designation.
    assert held_or_sought(pipeline, "경제자유구역은 인천, 광양 등 두 곳에 그칠 전망이다.") == set()


def test_the_zones_a_count_says_the_country_has_are_held(pipeline: Pipeline) -> None:
    # The country's whole roll of a scheme, counted as it grows, names places that hold it.
    raw = "이번 지정으로 국내 경제자유구역은 인천, 대구·경북, 광양 등 세 곳에서 다섯 곳으로 늘었다."
    held = held_or_sought(pipeline, raw)
    for region in ("incheon", "daegu", "gyeongbuk", "jeonnam-gwangyang"):
        assert ("HOLDS", f"Region:{region}", FEZ) in held


def test_a_merged_city_is_the_present_city_and_a_zone_name_is_no_place(
    pipeline: Pipeline,
) -> None:
    raw = (
        "정부는 전남 영암군 대불공단 일부를 '대불 자유무역지역'으로 지정하고"
        " 경남 마산시 봉암동 일대를 마산 자유무역지역으로 넓혔다."
    )
    held = held_or_sought(pipeline, raw)
    ftz = "Designation:free-trade-zone"
    assert ("HOLDS", "Region:jeonnam-yeongam", ftz) in held
    assert ("HOLDS", "Region:gyeongnam-changwon", ftz) in held
    assert not any(subject == "Region:gyeongnam" for _, subject, _ in held)
    # "부산·진해경제자유구역 미음지구" names a zone's district: 진해 is no region there.
    found = _regions(pipeline, "부산시는 부산·진해경제자유구역 미음지구에 단지를 만든다.")
    assert "gyeongnam-changwon" not in found
    assert "busan" in found


def test_a_pilot_city_running_now_is_held(pipeline: Pipeline) -> None:
    raw = "시범도시는 삼척 교동에 세워져 지난해 준공돼 운영 중으로 첫 수소 시범도시다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gangwon-samcheok", "Designation:hydrogen-pilot-city") in held


def test_a_site_of_a_province_bid_is_no_bid_of_its_own(pipeline: Pipeline) -> None:
    raw = (
        "충남도가 서산시 등 10개 기관과 수소특화단지 지정을 위해 손을 잡았다."
        " 서산시는 기업 유치에 나선다. 기업은 수소특화단지 활성화를 위해 투자를 추진한다."
    )
    held = held_or_sought(pipeline, raw)
    assert ("SEEKS", "Region:chungnam", H2) in held
    assert ("SEEKS", "Region:chungnam-seosan", H2) not in held


def test_schemes_a_region_has_built_on_so_far_are_held(pipeline: Pipeline) -> None:
    raw = "광주시는 그동안 자율주행 규제자유특구, 글로벌혁신특구 등 국가 사업과 연계해 왔다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gwangju", "Designation:regulation-free-zone") in held
    assert ("HOLDS", "Region:gwangju", "Designation:global-innovation-zone") in held
    # Without "so far" the list says nothing of what the city has.
    raw = "광주시는 자율주행 규제자유특구, 글로벌혁신특구 등 국가 사업과 연계해 기반을 다진다."
    assert not any(kind == "HOLDS" for kind, _, _ in held_or_sought(pipeline, raw))


def test_a_short_city_name_after_its_province_is_the_city(pipeline: Pipeline) -> None:
    # Kiwi reads 구미를 as appetite; the province named just before settles it.
    raw = "경상북도가 구미를 반도체 특화단지로 지정받기 위해 용역을 맡겼다."
    assert ("SEEKS", "Region:gyeongbuk-gumi", NSIC) in held_or_sought(pipeline, raw)
    assert "gyeongbuk-gumi" not in _regions(pipeline, "입맛이 없어 구미를 돋우는 음식을 찾는다.")


def test_a_named_area_beside_a_city_of_its_province_gives_way(pipeline: Pipeline) -> None:
    held = held_or_sought(pipeline, "새만금ㆍ군산 등 2곳이 경제자유구역으로 새로 지정됐다.")
    assert ("HOLDS", "Region:jeonbuk-gunsan", FEZ) in held
    assert ("HOLDS", "Region:saemangeum", FEZ) not in held
    # Alone, the area still holds it.
    held = held_or_sought(pipeline, "새만금이 경제자유구역으로 새로 지정됐다.")
    assert ("HOLDS", "Region:saemangeum", FEZ) in held


def test_a_national_complex_in_a_district_of_a_metropolitan_city_is_the_citys(
    pipeline: Pipeline,
) -> None:
    raw = (
        "대구 달성군 구지면 일대에 조성될 미래차 국가산업단지가 예비타당성 조사 대상으로 정해졌다."
    )
    held = held_or_sought(pipeline, raw)
    assert held == {("SEEKS", "Region:daegu", "Designation:national-industrial-complex")}


def test_a_district_named_after_a_zone_is_not_its_holder(pipeline: Pipeline) -> None:
    raw = "위원회는 부산경제자유구역 기장지구 추가지정 요청을 보고받았다."
    held = held_or_sought(pipeline, raw)
    assert held == {("SEEKS", "Region:busan", "Designation:free-economic-zone")}


def test_a_bid_in_the_clause_before_is_not_the_next_schemes(pipeline: Pipeline) -> None:
    raw = (
        "위원회는 부산경제자유구역 기장지구 추가지정 요청을 보고하고, 광양만권 경제자유구역"
        " 율촌지구 개발계획 변경안을 의결했다."
    )
    held = held_or_sought(pipeline, raw)
    assert held == {("SEEKS", "Region:busan", "Designation:free-economic-zone")}


def test_what_a_law_provides_names_no_place(pipeline: Pipeline) -> None:
    raw = (
        "인천시 옹진군이 새 산업단지를 구상한다. 옹진군은 관광 산업을 키운다."
        " 특별법에 따르면 경제자유구역 지정을 위해 시·도지사는 개발계획을 세워"
        " 지정을 요청해야 한다."
    )
    held = held_or_sought(pipeline, raw)
    assert not any(o == "Designation:free-economic-zone" for _, _, o in held)


def test_districts_settled_by_the_city_their_sentence_names(pipeline: Pipeline) -> None:
    raw = (
        "정부는 부산과 울산에 기회발전특구를 추가로 지정해 고시했다."
        " 울산에서는 조선 기업의 투자 계획이 나온 동구, 북구에 2개 특구 10만평을 새로 추가한다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:opportunity-development-zone"
    assert ("HOLDS", "Region:ulsan-dong", scheme) in held
    assert ("HOLDS", "Region:ulsan-buk", scheme) in held
    assert not any(subject.startswith("Region:busan-") for _, subject, _ in held)


def test_a_list_sentence_after_a_counted_result_holds_each_place(pipeline: Pipeline) -> None:
    raw = (
        "국토부는 네 곳을 국가산업단지 후보지로 선정했다고 밝혔다."
        " 충북 충주, 충남 논산, 강원 원주, 경북 영주 등이다."
    )
    facts = held_or_sought(pipeline, raw)
    places = {s for _, s, o in facts if o == "Designation:national-industrial-complex"}
    for city in ("chungbuk-chungju", "chungnam-nonsan", "gangwon-wonju", "gyeongbuk-yeongju"):
        assert f"Region:{city}" in places
    # Without a count in the sentence before, a list is no result.
    quiet = held_or_sought(
        pipeline, "국토부는 국가산업단지 정책을 설명했다. 충북 충주, 충남 논산 등이다."
    )
    assert not any(s == "Region:chungnam-nonsan" for _, s, _ in quiet)


def test_a_scheme_as_topic_of_a_list_gives_every_place(pipeline: Pipeline) -> None:
    raw = (
        "과기부는 강소특구 다섯 곳을 새로 지정했다."
        " 새로 지정된 특구는 ▲서울 홍릉 ▲울산 울주 ▲경북 구미 ▲전북 군산 ▲전남 나주 등이다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:innopolis-campus"
    for place in ("seoul", "ulsan-ulju", "gyeongbuk-gumi", "jeonbuk-gunsan", "jeonnam-naju"):
        assert ("HOLDS", f"Region:{place}", scheme) in held


def test_a_scheme_that_names_the_kind_of_another_is_not_held(pipeline: Pipeline) -> None:
    raw = "경북 포항과 충북 청주가 새로운 연구개발특구 모델인 강소특구로 지정됐다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gyeongbuk-pohang", "Designation:innopolis-campus") in held
    assert not any(o == "Designation:research-development-special-zone" for _, _, o in held)
    # The bare head word after a definition stands for the scheme defined, not its kind.
    raw = (
        "강소특구는 대학 중심의 작은 연구개발특구 모델이다."
        " 지정된 특구는 ▲경기 안산 ▲경남 김해 등이다."
    )
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gyeonggi-ansan", "Designation:innopolis-campus") in held


def test_a_place_before_a_bracketed_complex_holds_the_scheme(pipeline: Pipeline) -> None:
    raw = (
        "정부는 산업단지 대개조 지역으로 ▲경북(포항국가산단), ▲전남(여수국가산단) 등 2곳을"
        " 선정했다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:industrial-complex-overhaul"
    assert ("HOLDS", "Region:gyeongbuk", scheme) in held
    assert ("HOLDS", "Region:jeonnam", scheme) in held
    assert not any(s == "Region:gyeongbuk-pohang" for _, s, o in held if o == scheme)


def test_a_site_given_a_scheme_is_held_by_the_city_it_lies_in(pipeline: Pipeline) -> None:
    raw = (
        "전북도와 정읍시는 한 기업과 투자협약을 맺었다."
        " 회사는 정읍 첨단산단 내 부지에 공장을 짓는다."
        " 이번 투자 부지는 지난달 기회발전특구로 지정된 지역이다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:opportunity-development-zone"
    assert ("HOLDS", "Region:jeonbuk-jeongeup", scheme) in held
    assert ("HOLDS", "Region:jeonbuk", scheme) not in held


def test_a_plant_built_inside_a_zone_is_no_designation(pipeline: Pipeline) -> None:
    for raw in (
        "한 회사는 당진 송산외국인투자지역 내 기존 배터리 공장을 증설한다.",
        "충북 청주시는 오창외국인투자지역 내 소재 제조공장 신설 협약을 맺었다.",
    ):
        held = held_or_sought(pipeline, raw)
        assert not any(o == "Designation:foreign-investment-zone" for _, _, o in held), raw
    # A zone the sentence designates is still one.
    held = held_or_sought(pipeline, "충남 당진시 송산 일대가 외국인투자지역으로 지정됐다.")
    assert ("HOLDS", "Region:chungnam-dangjin", "Designation:foreign-investment-zone") in held


def test_schemes_brought_in_or_with_results_are_held(pipeline: Pipeline) -> None:
    raw = "춘천시는 기업혁신파크, 글로벌 혁신특구 등을 유치해 바이오 거점의 기반을 마련했다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gangwon-chuncheon", "Designation:enterprise-city") in held
    assert ("HOLDS", "Region:gangwon-chuncheon", "Designation:global-innovation-zone") in held
    raw = "대전시가 방산 혁신클러스터 성과를 발판으로 방산 도시로 도약한다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:daejeon", "Designation:defense-innovation-cluster") in held
    # A bid to bring one in is still a bid.
    raw = "춘천시는 글로벌 혁신특구를 유치해야 한다고 밝혔다."
    held = held_or_sought(pipeline, raw)
    assert ("HOLDS", "Region:gangwon-chuncheon", "Designation:global-innovation-zone") not in held


def test_an_earlier_results_list_of_bracketed_complexes_is_the_provinces(
    pipeline: Pipeline,
) -> None:
    raw = (
        "산업단지 대개조 지역은 해마다 다섯 곳을 선정해왔다."
        " 지난해에는 ▲대구(성서일반산단), ▲인천(남동국가산단), ▲전남(여수국가산단)을 선정했다."
    )
    held = held_or_sought(pipeline, raw)
    scheme = "Designation:industrial-complex-overhaul"
    places = {s for _, s, o in held if o == scheme}
    assert {"Region:daegu", "Region:incheon", "Region:jeonnam"} <= places
    assert "Region:jeonnam-yeosu" not in places


def test_a_slogan_or_a_complex_of_tenants_is_no_designation(pipeline: Pipeline) -> None:
    held = held_or_sought(pipeline, "울산시는 2030년 세계 최고 수소도시 비전 실현에 협력한다.")
    assert not any(o == "Designation:hydrogen-pilot-city" for _, _, o in held)
    raw = "경남 밀양시는 나노융합국가산단 입주기업에 투자 인센티브를 주고 기업 유치에 나선다."
    held = held_or_sought(pipeline, raw)
    assert not any(o == "Designation:national-industrial-complex" for _, _, o in held)
    # A pilot city the sentence designates is still one.
    held = held_or_sought(pipeline, "울산시가 수소도시로 지정됐다.")
    assert ("HOLDS", "Region:ulsan", "Designation:hydrogen-pilot-city") in held


def test_a_zone_named_as_the_address_of_firms_is_no_designation(pipeline: Pipeline) -> None:
    for raw in (
        "대구시는 첨단의료복합단지에 연구소 기업 20곳을 유치했다.",
        "평택시는 입주 기업들이 경제자유구역에서 사업을 운영하도록 돕겠다고 밝혔다.",
    ):
        held = held_or_sought(pipeline, raw)
        assert not held, raw
    # A zone brought in itself is still held.
    held = held_or_sought(pipeline, "대구시는 첨단의료복합단지를 유치했다.")
    assert ("HOLDS", "Region:daegu", "Designation:advanced-medical-complex") in held


def test_a_committee_passing_a_designation_proposal_designates(pipeline: Pipeline) -> None:
    raw = "위원회는 경기 평택과 충남 당진 등 2건의 외국인투자지역 지정안을 의결했다."
    held = held_or_sought(pipeline, raw)
    for city in ("gyeonggi-pyeongtaek", "chungnam-dangjin"):
        assert ("HOLDS", f"Region:{city}", "Designation:foreign-investment-zone") in held


def test_a_complex_given_a_scheme_stands_for_its_city(pipeline: Pipeline) -> None:
    raw = "정부는 경북 구미국가산업단지 일부 지역을 외국인투자지역으로 지정했다."
    held = held_or_sought(pipeline, raw)
    assert held == {("HOLDS", "Region:gyeongbuk-gumi", "Designation:foreign-investment-zone")}
