"""As-of dates and competition for designation rounds, on every store (Neo4j when NEO4J_URI
is set), over the small data folder of ``rounds_fixture`` (our own made-up bids)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ingest.graph import loader
from ingest.graph.dataset import load_graph_data
from ontology.errors import QueryError
from queries.catalog import get
from queries.falkor_backend import FalkorStore
from queries.store import GraphStore, Row
from tests.backends import BACKENDS, loaded_backend
from tests.queries.rounds_fixture import write_round_data

R23 = "test-battery-2023"
WINNERS_2023 = {
    "jeonbuk",
    "saemangeum",
    "gyeongbuk-pohang",
    "ulsan",
    "chungbuk-cheongju",
}


@pytest.fixture(scope="module")
def graph_data(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_graph_data(write_round_data(tmp_path_factory.mktemp("rounds") / "data"))


@pytest.fixture(params=BACKENDS)
def store(
    request: pytest.FixtureRequest, scratch_store: FalkorStore, graph_data: Any
) -> Iterator[GraphStore]:
    meta = {"id": "rounds-test", "nodes": len(graph_data.nodes)}
    with loaded_backend(
        request.param, scratch_store, lambda w: loader.load(w, graph_data, meta)
    ) as backend:
        yield backend


def run(store: GraphStore, name: str, **given: Any) -> list[Row]:
    query = get(name)
    result = store.read(query.text, query.bind(given))
    assert result.columns == list(query.returns), name
    return result.rows


def ids(bids: list[dict[str, Any]]) -> set[str]:
    return {b["region"] for b in bids}


# -- as-of dates of mixed precision -----------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "found"),
    [
        ("2019", False),
        ("2020-01-29", False),
        ("2020-01-30", True),
        ("2020-01", True),  # the month of 2020-01-30, taken at its end
        ("2020", True),  # the bug this fixes: '2020-01-30' <= '2020' is false as text
        ("2025-06", True),
        (None, True),
    ],
)
def test_a_day_counts_within_a_coarser_as_of(
    store: GraphStore, as_of: str | None, found: bool
) -> None:
    rows = run(store, "regions_by_industry", industry="ai", as_of=as_of)
    assert ("jeonbuk-gimje" in {r["region"] for r in rows}) is found


@pytest.mark.parametrize(
    ("as_of", "found"),
    [("2019-12-31", False), ("2020-01-01", True), ("2020", True), ("2021-03", True)],
)
def test_a_year_counts_from_its_first_day(store: GraphStore, as_of: str, found: bool) -> None:
    rows = run(store, "region_portfolio", region="gyeongbuk-gumi", as_of=as_of)
    assert ("battery" in {r["industry"] for r in rows}) is found


def test_overlap_as_of_drops_what_came_later(store: GraphStore) -> None:
    (now,) = run(store, "region_overlap", region_a="jeonbuk", region_b="ulsan")
    assert {"battery", "hydrogen"} <= {x["id"] for x in now["shared"]}
    (before,) = run(store, "region_overlap", region_a="jeonbuk", region_b="ulsan", as_of="2021-02")
    assert before["industries_a"] == 0, "Jeonbuk's pursuits start in March 2021"
    assert before["shared_count"] == 0
    rows = run(store, "overlap_matrix", regions=["jeonbuk", "ulsan"], as_of="2021-03")
    assert [r["shared"] for r in rows] == [["hydrogen"]], "Ulsan's battery bid came in 2023"
    rows = run(store, "overlap_matrix", regions=["jeonbuk", "ulsan"], as_of="2023-02-20")
    assert [sorted(r["shared"]) for r in rows] == [["battery", "hydrogen"]]


def test_as_of_is_checked_and_a_year_may_be_a_number() -> None:
    query = get("region_portfolio")
    assert query.bind({"region": "ulsan", "as_of": 2020})["as_of"] == "2020"
    for bad in ("2020-13", "20", "2020/01", "yesterday"):
        with pytest.raises(QueryError, match="as_of"):
            query.bind({"region": "ulsan", "as_of": bad})


# -- winners, losers and the outcome known at a date -----------------------------------------


def test_round_winners_and_losers(store: GraphStore) -> None:
    rounds = {r["round"]: r for r in run(store, "round_results")}
    battery = rounds[R23]
    assert battery["status"] == "decided"
    assert ids(battery["winners"]) == WINNERS_2023
    assert ids(battery["losers"]) == {"daegu", "gyeongbuk"}
    assert battery["bid_count"] == 6, "Jeonbuk and Saemangeum are one bid"
    (saemangeum,) = [b for b in battery["winners"] if b["region"] == "saemangeum"]
    assert saemangeum["partners"] == ["jeonbuk"]
    assert (saemangeum["role_ko"], saemangeum["area_m2"]) == ("양극재", 1_500_000)
    assert {"test-call-2023", "test-result-2023"} <= set(saemangeum["sources"])
    (jeonbuk,) = [b for b in battery["winners"] if b["region"] == "jeonbuk"]
    assert jeonbuk["name_ko_then"] == "전라북도", "the name before 2024-01-18"
    assert jeonbuk["name_ko"] == "전북특별자치도"
    hydrogen = rounds["test-hydrogen-2019"]
    assert ids(hydrogen["winners"]) == {"jeonbuk-jeonju", "jeonbuk-wanju", "gyeonggi-ansan"}
    assert ids(hydrogen["losers"]) == {"gangwon-samcheok"}
    assert ids(rounds["test-battery-2025"]["pending"]) == {"jeonbuk-gimje"}
    assert rounds["test-battery-2025"]["status"] == "open"


def test_outcomes_as_known_at_a_date(store: GraphStore) -> None:
    (filed,) = run(store, "round_results", round=R23, as_of="2023-03")
    assert filed["status"] == "open"
    assert filed["winners"] == filed["losers"] == []
    assert ids(filed["pending"]) == WINNERS_2023 | {"daegu", "gyeongbuk"}
    (decided,) = run(store, "round_results", round=R23, as_of="2023-07-20")
    assert ids(decided["winners"]) == WINNERS_2023
    (before,) = run(store, "round_results", round=R23, as_of="2023-02-19")
    assert ids(before["pending"]) == {"chungbuk-cheongju"}, "only Cheongju's 2023-02 bid"
    assert run(store, "round_results", round=R23, as_of="2022-10") == [], "before the call"


# -- rivals: different places, neither inside the other, not partners --------------------------


def _pairs(rows: list[Row]) -> set[frozenset[str]]:
    return {frozenset((r["region_a"], r["region_b"])) for r in rows}


def test_a_place_and_its_own_area_or_its_partner_are_never_rivals(store: GraphStore) -> None:
    pairs = _pairs(run(store, "round_rivals"))
    never = [
        {"jeonbuk", "saemangeum"},  # one joint bid, and Saemangeum lies in Jeonbuk
        {"gyeongbuk", "gyeongbuk-pohang"},  # separate bids, but Pohang lies in Gyeongbuk
        {"jeonbuk-jeonju", "jeonbuk-wanju"},  # joint holders of the 2019 round
    ]
    for pair in never:
        assert frozenset(pair) not in pairs, pair
    assert frozenset({"daegu", "ulsan"}) in pairs
    assert frozenset({"gyeongbuk", "saemangeum"}) in pairs
    assert frozenset({"gangwon-samcheok", "jeonbuk-wanju"}) in pairs
    mine = run(store, "round_rivals", region="saemangeum")
    assert {r["region_a"] for r in mine} == {"saemangeum"}
    assert {r["region_b"] for r in mine} == {
        "gyeongbuk",
        "gyeongbuk-pohang",
        "ulsan",
        "chungbuk-cheongju",
        "daegu",
    }


def test_who_lost_to_whom(store: GraphStore) -> None:
    lost = {(r["loser"], r["winner"]) for r in run(store, "lost_to")}
    assert {("daegu", w) for w in WINNERS_2023} <= lost
    assert ("gyeongbuk", "gyeongbuk-pohang") not in lost, "its own city won"
    assert ("gyeongbuk", "ulsan") in lost
    assert ("gangwon-samcheok", "jeonbuk-jeonju") in lost
    assert run(store, "lost_to", as_of="2023-06") == [
        r for r in run(store, "lost_to", as_of="2023-06") if r["round"] != R23
    ], "nobody had lost the 2023 round before its decision"


def test_competition_lists_rivals_per_round(store: GraphStore) -> None:
    rows = {r["designation"]: r for r in run(store, "designation_competition", min_regions=1)}
    nsic = rows["national-strategic-industry-complex"]
    pairs = {frozenset((x["a"], x["b"])) for x in nsic["rivals"]}
    assert frozenset({"jeonbuk", "saemangeum"}) not in pairs
    assert frozenset({"daegu", "ulsan"}) in pairs
    assert set(nsic["rounds"]) == {R23, "test-battery-2025"}
    assert {"jeonbuk", "saemangeum"} <= set(nsic["holders"]), "rolled up from the round"
    early = run(store, "designation_competition", min_regions=1, as_of="2019")
    assert [r["designation"] for r in early] == ["hydrogen-pilot-city"]
    only = run(store, "designation_competition", min_regions=1, rivals_only=True)
    assert all(r["rivals"] for r in only)


# -- a region's timeline, with the name it had then -------------------------------------------


def test_region_timeline_with_parts_and_names_then(store: GraphStore) -> None:
    rows = run(store, "region_designation_timeline", region="jeonbuk")
    events = [(r["date"], r["place"], r["round"], r["outcome"]) for r in rows]
    assert events == [
        ("2019-12-05", "jeonbuk-jeonju", "test-hydrogen-2019", "designated"),
        ("2019-12-05", "jeonbuk-wanju", "test-hydrogen-2019", "designated"),
        ("2023-07-20", "jeonbuk", R23, "designated"),
        ("2023-07-20", "saemangeum", R23, "designated"),
        ("2025-04", "jeonbuk-gimje", "test-battery-2025", "pending"),
    ]
    jeonbuk = rows[2]
    assert (jeonbuk["place_ko_then"], jeonbuk["held"], jeonbuk["filed"]) == (
        "전라북도",
        True,
        "2023-02-20",
    )
    assert jeonbuk["partners"] == ["saemangeum"]
    assert rows[0]["partners"] == ["jeonbuk-wanju"]
    own = run(store, "region_designation_timeline", region="jeonbuk", include_parts=False)
    assert {r["place"] for r in own} == {"jeonbuk"}
    early = run(store, "region_designation_timeline", region="jeonbuk", as_of="2023-03")
    assert [(r["place"], r["outcome"], r["held"]) for r in early][2:] == [
        ("jeonbuk", "pending", False),
        ("saemangeum", "pending", False),
    ]


@pytest.mark.parametrize(
    ("q", "as_of", "region", "then"),
    [
        ("전라북도", "2023", "jeonbuk", "전라북도"),
        ("전라북도", "2024", "jeonbuk", "전북특별자치도"),
        ("전라북도", "2024-01-17", "jeonbuk", "전라북도"),
        ("강원도", "2023-06-10", "gangwon", "강원도"),
        ("강원도", "2023-06-11", "gangwon", "강원특별자치도"),
        ("경상북도 군위군", "2023-06-30", "daegu-gunwi", "경상북도 군위군"),
        ("군위", "2023-07-01", "daegu-gunwi", "군위군"),
        ("전라북도", None, "jeonbuk", "전북특별자치도"),
    ],
)
def test_old_names_find_the_region_and_the_name_valid_then(
    store: GraphStore, q: str, as_of: str | None, region: str, then: str
) -> None:
    hits = run(store, "search", q=q, labels=["Region"], as_of=as_of)
    hit = next(h for h in hits if h["id"] == region)
    assert hit["name_ko_then"] == then
    assert all(f["valid_to"] for f in hit["former_names"])


# -- national overlap ---------------------------------------------------------------------------


def test_industry_ranking_counts_regions_and_holders(store: GraphStore) -> None:
    rows = run(store, "industry_ranking", level=-1)
    assert rows[0]["industry"] == "battery"
    battery = rows[0]
    assert battery["region_count"] == len(battery["regions"])
    assert set(battery["designated"]) >= WINNERS_2023
    assert "daegu" in battery["regions"], "a losing bid still shows the pursuit"
    assert "daegu" not in battery["designated"]
    early = {r["industry"]: r for r in run(store, "industry_ranking", level=-1, as_of="2019")}
    assert set(early) == {"hydrogen"}
    assert set(early["hydrogen"]["designated"]) == {
        "jeonbuk-jeonju",
        "jeonbuk-wanju",
        "gyeonggi-ansan",
    }


def test_similar_regions_by_jaccard(store: GraphStore) -> None:
    rows = run(store, "similar_regions", region="ulsan")
    assert rows[0]["region"] == "jeonbuk", "battery and hydrogen, like Ulsan"
    assert rows[0]["jaccard"] == 1.0
    assert "ulsan" not in {r["region"] for r in rows}
    assert all(r["shared_count"] > 0 for r in rows)
    nested = {r["region"] for r in run(store, "similar_regions", region="jeonbuk", limit=50)}
    assert not nested & {"saemangeum", "jeonbuk-jeonju", "jeonbuk-gimje"}
    with_parts = run(store, "similar_regions", region="jeonbuk", include_nested=True, limit=50)
    assert "saemangeum" in {r["region"] for r in with_parts}


def test_bids_roll_up_to_the_scheme_for_v1_queries(store: GraphStore) -> None:
    rows = store.read(
        "MATCH (r:Region)-[h:HOLDS]->(d:Designation {id: 'national-strategic-industry-complex'}) "
        "RETURN r.id AS region, h.round AS round, h.derived AS derived, h.since AS since"
    ).rows
    assert {r["region"] for r in rows} == WINNERS_2023
    assert {(r["round"], r["derived"]) for r in rows} == {(R23, True)}
    assert {r["region"]: r["since"] for r in rows}["chungbuk-cheongju"] == "2023-07"
    assert {r["region"]: r["since"] for r in rows}["ulsan"] == "2023-07-20", "the round's date"


def test_fixture_is_ours(graph_data: Any, tmp_path: Path) -> None:
    """The made-up sources say they are test material, so nobody mistakes them for data."""
    sources = [n for (label, _), n in graph_data.nodes.items() if label == "Source"]
    assert sources
    assert all(n.props["name_ko"].startswith("[시험]") for n in sources)
