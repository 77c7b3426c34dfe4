"""Designation schemes as written, their regions, places in passing, a document's industries.

Every sentence is our own.
"""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import held_or_sought, run_text

NSIC = "Designation:national-strategic-industry-complex"
MPE = "Designation:mpe-specialized-complex"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # An industry names the scheme, and the most specific region holds it.
        ("경북 포항이 이차전지 특화단지로 지정됐다.", {("HOLDS", "Region:gyeongbuk-pohang", NSIC)}),
        (
            "충북 청주가 이차전지 소부장특화단지로 지정됐다.",
            {("HOLDS", "Region:chungbuk-cheongju", MPE)},
        ),
        # A list closed by a count: every region of it.
        (
            "이차전지 특화단지는 울산과 경북 상주 등 2곳이 신청했다.",
            {("SEEKS", "Region:ulsan", NSIC), ("SEEKS", "Region:gyeongbuk-sangju", NSIC)},
        ),
        # A region glued to the scheme's name.
        (
            "경남창원방산혁신클러스터가 운영을 시작했다.",
            {("HOLDS", "Region:gyeongnam-changwon", "Designation:defense-innovation-cluster")},
        ),
        # A bare head word stands for the scheme named before it.
        (
            "울산은 수소특화단지로 지정됐다. 특화단지로 지정된 곳에는 세제 혜택이 있다.",
            {("HOLDS", "Region:ulsan", "Designation:hydrogen-specialized-complex")},
        ),
        # A place of comparison and a venue are not given the scheme.
        (
            "전주는 서울·부산에 이어 금융중심지 지정을 신청했다.",
            {("SEEKS", "Region:jeonbuk-jeonju", "Designation:financial-hub")},
        ),
    ],
)
def test_designations_and_their_regions(
    pipeline: Pipeline, raw: str, want: set[tuple[str, str, str]]
) -> None:
    assert held_or_sought(pipeline, raw) == want


def test_a_national_industrial_complex_is_a_designation_only_when_created(
    pipeline: Pipeline,
) -> None:
    created = held_or_sought(pipeline, "전남 고흥에 우주발사체 국가산업단지를 조성한다.")
    assert created == {
        ("SEEKS", "Region:jeonnam-goheung", "Designation:national-industrial-complex")
    }
    assert held_or_sought(pipeline, "공장은 울산 국가산업단지 내 부지에 들어선다.") == set()


def test_a_national_industrial_complex_under_way_is_planned_where_it_is_built(
    pipeline: Pipeline,
) -> None:
    nic = "Designation:national-industrial-complex"
    # A firm settling in a complex still to be built speaks of the complex being created.
    raw = "한빛정밀은 경남 사천시에 조성될 항공국가산업단지 내 부지에 공장을 짓는다."
    assert held_or_sought(pipeline, raw) == {("SEEKS", "Region:gyeongnam-sacheon", nic)}
    # The complex as topic, its sentence saying (far after its name) it will be built.
    raw = (
        "경북 경주 원자력 국가산업단지는 국비와 지방비를 합쳐 수천억원을 들여 바닷가 "
        "마을 여러 곳에 걸친 넓은 땅에 큰 규모로 여러 해에 걸쳐 조성될 예정이다."
    )
    assert held_or_sought(pipeline, raw) == {("SEEKS", "Region:gyeongbuk-gyeongju", nic)}
    # Drawing investment into a complex is no bid for it; building it early is the plan.
    raw = "전남도는 고흥 우주 클러스터를 알리고 우주국가산단 등에 투자유치를 하고 있다."
    assert held_or_sought(pipeline, raw) == set()


def test_a_call_for_applications_names_no_region(pipeline: Pipeline) -> None:
    raw = "정부가 수소특화단지 지정 공모를 시작한다. 신청은 6월까지다.\n"
    raw += "강원 동해에는 수소 배관이 있다."
    assert held_or_sought(pipeline, raw) == set()


def test_places_in_passing_are_not_regions_of_the_story(pipeline: Pipeline) -> None:
    raw = (
        "대구시는 로봇 산업을 키운다. 협약식은 서울 어느호텔에서 열렸다. "
        "참여 기업은 ㈜한빛로봇(부산)이다. 대구는 인천 송도 등과 어깨를 나란히 하게 됐다."
    )
    regions = {e.id for e in run_text(pipeline, raw).entities if e.type == "Region"}
    assert regions == {"daegu"}


def test_gwangju_the_metropolitan_city_unless_gyeonggi_is_written_before_it(
    pipeline: Pipeline,
) -> None:
    raw = "광주시는 광주에 AI 단지를 짓는다."
    regions = [e.id for e in run_text(pipeline, raw).entities if e.type == "Region"]
    assert regions == ["gwangju", "gwangju"]
    raw = "경기도 광주시는 물류 단지를 짓는다."
    regions = [e.id for e in run_text(pipeline, raw).entities if e.type == "Region"]
    assert regions == ["gyeonggi-gwangju"]


@pytest.mark.parametrize(
    ("raw", "industries"),
    [
        # A definition makes only the defined thing the document's industry.
        (
            "경주시는 SMR 제작센터를 짓는다.\n"
            "소형모듈원자로(SMR)는 작은 원자로로, 태양광과 풍력과도 잘 맞는다.",
            ["nuclear"],
        ),
        # Items of a national list of categories are not the region's industries.
        (
            "창원시는 방위산업을 키운다. 국방 분야는 우주, 로봇, 드론 등 국방 5대 신산업을 정했다.",
            ["defense"],
        ),
        # An umbrella word counts only when it is written as an industry.
        ("울산시는 해상풍력을 키운다. 시는 신재생에너지 확대 기조에 맞춘다.", ["offshore-wind"]),
        ("광주시는 에너지 산업 기업과 협약을 맺었다.", ["energy"]),
        # An industry word inside a longer word is none.
        ("대구시는 전후방산업을 넓힌다.", []),
    ],
)
def test_a_documents_industries(pipeline: Pipeline, raw: str, industries: list[str]) -> None:
    assert run_text(pipeline, raw).industries == industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # A special zone named after its place, with its industry between: that place's zone,
        # even where the sentence only says firms join it or build a plant in it.
        (
            "이번 협약으로 세종 자율주행 규제자유특구에 참여하는 업체가 시험장을 쓴다.",
            {("HOLDS", "Region:sejong", "Designation:regulation-free-zone")},
        ),
        (
            "세 회사는 화순백신산업특구에 생산공장을 건립한다.",
            {
                (
                    "HOLDS",
                    "Region:jeonnam-hwasun",
                    "Designation:regional-specialized-development-zone",
                )
            },
        ),
        # An investment zone after its place stays an address.
        ("두 회사는 천안 외국인투자지역 내에 공장을 증설한다.", set()),
    ],
)
def test_a_zone_named_after_its_place_is_held_there(
    pipeline: Pipeline, raw: str, want: set[tuple[str, str, str]]
) -> None:
    assert held_or_sought(pipeline, raw) == want


def test_a_bid_for_a_scheme_the_region_holds_is_the_scheme_held(pipeline: Pipeline) -> None:
    odz = "Designation:opportunity-development-zone"
    # The document says the region holds the scheme as surely as it says it bids: it holds it.
    raw = "울산시는 기회발전특구 지정을 신청했다. 울산시는 지난해 기회발전특구로 지정됐다."
    assert held_or_sought(pipeline, raw) == {("HOLDS", "Region:ulsan", odz)}
    # A bid alone stays a bid.
    raw = "울산시는 기회발전특구 지정을 신청했다."
    assert held_or_sought(pipeline, raw) == {("SEEKS", "Region:ulsan", odz)}


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        # The complex named with its own plan after it is sought.
        ("청주시는 바이오 특화단지 조성 사업을 벌인다.", "SEEKS"),
        ("청주시는 이번 협약이 바이오 특화단지 지정에도 보탬이 된다고 했다.", "SEEKS"),
        # Its benefits, spoken of as the region's, say it is held.
        ("청주시는 이차전지 특화단지 지정에 따른 세금 감면을 알렸다.", "HOLDS"),
    ],
)
def test_a_strategic_complex_named_with_its_plan_or_its_benefits(
    pipeline: Pipeline, raw: str, kind: str
) -> None:
    facts = held_or_sought(pipeline, raw)
    nsic = "Designation:national-strategic-industry-complex"
    assert (kind, "Region:chungbuk-cheongju", nsic) in facts


def test_a_bid_for_a_site_of_the_province_whose_story_it_is_is_the_provinces(
    pipeline: Pipeline,
) -> None:
    odz = "Designation:opportunity-development-zone"
    # The sentence names no subject of its own, only a site inside the story's province.
    raw = (
        "충남도는 도청에서 배터리 기업 다섯 곳과 투자협약을 맺었다. "
        "충남도는 이 기업들의 공장을 돕는다. "
        "특히 당진 일대를 기회발전특구로 지정받기 위해 노력 중이다."
    )
    assert held_or_sought(pipeline, raw) == {("SEEKS", "Region:chungnam", odz)}
    # A city that is the subject of the sentence bids itself.
    raw = "충남도는 배터리 기업을 돕는다. 당진시는 석문 일대를 기회발전특구로 지정받으려 한다."
    assert ("SEEKS", "Region:chungnam-dangjin", odz) in held_or_sought(pipeline, raw)
