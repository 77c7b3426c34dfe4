"""The analytics projection gives the named Cypher queries' answers: same pairs, counts and
scores, over regions, taxonomy levels and both stores (Neo4j when NEO4J_URI is set), on the
seed graph and on a synthetic one (bench/generate.py, tier T)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from ingest.graph import loader
from ingest.graph.dataset import load_graph_data
from queries.catalog import get
from queries.falkor_backend import FalkorStore
from queries.projection import Projection, Projections
from queries.store import GraphStore, Row
from tests.backends import BACKENDS, seed_graph

LEVELS = [None, 0, 1, 2]


@pytest.fixture(scope="module", params=BACKENDS)
def seed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    yield from seed_graph(request, tmp_path_factory)


@pytest.fixture(scope="module")
def synthetic(server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    data_dir: Path = tmp_path_factory.mktemp("tier-t")
    generate("T", data_dir, seed=7)
    graph = load_graph_data(data_dir)
    store = FalkorStore(server.ensure_running(), graph="projection-t", kind="embedded")
    store.replace_graph(lambda w: loader.load(w, graph, {"id": "tier-t"}))
    yield store
    store.db.connection.delete("projection-t")
    store.close()


def named(store: GraphStore, name: str, **given: Any) -> list[Row]:
    query = get(name)
    result = store.read(query.text, query.bind(given))
    assert not result.truncated
    return result.rows


def keyed(rows: list[Row]) -> dict[tuple[str, str], tuple[Any, ...]]:
    return {
        (r["region_a"], r["region_b"]): (
            r["industries_a"],
            r["industries_b"],
            r["shared_count"],
            r["jaccard"],
            sorted(r["shared"]),
            r["name_ko_a"],
            r["name_en_b"],
        )
        for r in rows
    }


def order(rows: list[Row]) -> list[tuple[str, str]]:
    return [(r["region_a"], r["region_b"]) for r in rows]


def busy_regions(store: GraphStore, n: int) -> list[str]:
    rows = store.read(
        "MATCH (r:Region)-[:PURSUES]->() RETURN r.id AS id, count(*) AS n ORDER BY n DESC, id"
    ).rows
    return [row["id"] for row in rows[:n]]


def _check_all_pairs(store: GraphStore, level: int | None) -> None:
    projection = Projection.read(store, None)
    expected = named(store, "overlap_matrix", regions=[], level=level)
    found = projection.overlaps(level=level)
    assert expected, "the graph has overlapping regions"
    assert keyed(found) == keyed(expected)
    assert order(found) == order(expected)


@pytest.mark.parametrize("level", LEVELS)
def test_all_pairs_match_overlap_matrix_on_the_seed(seed: GraphStore, level: int | None) -> None:
    _check_all_pairs(seed, level)


@pytest.mark.parametrize("level", LEVELS)
def test_all_pairs_match_overlap_matrix_on_synthetic_data(
    synthetic: GraphStore, level: int | None
) -> None:
    _check_all_pairs(synthetic, level)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("count", [2, 3, 6])
def test_listed_regions_match_overlap_matrix(
    synthetic: GraphStore, level: int | None, count: int
) -> None:
    regions = [*busy_regions(synthetic, count + 1)[1:], "no-such-region"]
    projection = Projection.read(synthetic, None)
    for min_shared in (0, 2):
        expected = named(
            synthetic, "overlap_matrix", regions=regions, level=level, min_shared=min_shared
        )
        found = projection.overlaps(regions, level=level, min_shared=min_shared)
        assert keyed(found) == keyed(expected)
        assert order(found) == order(expected)


def test_counts_only_leaves_shared_empty(synthetic: GraphStore) -> None:
    projection = Projection.read(synthetic, None)
    expected = named(synthetic, "overlap_matrix", regions=[], list_shared=False)
    found = projection.overlaps(list_shared=False)
    assert keyed(found) == keyed(expected)
    assert all(r["shared"] == [] for r in found)


@pytest.mark.parametrize("strict", [True, False])
def test_complementarity_matches_the_named_query(seed: GraphStore, strict: bool) -> None:
    projection = Projection.read(seed, None)
    expected = named(seed, "complementarity", strict=strict)
    assert expected, "the seed graph has complementary regions"
    assert projection.complementarity(strict=strict) == expected
    industry = expected[0]["industry"]
    region = expected[0]["region_a"]
    assert projection.complementarity(industry=industry, region=region) == named(
        seed, "complementarity", industry=industry, region=region
    )


def test_complementarity_on_synthetic_data(synthetic: GraphStore) -> None:
    projection = Projection.read(synthetic, None)
    for strict in (True, False):
        assert projection.complementarity(strict=strict) == named(
            synthetic, "complementarity", strict=strict
        )


def test_as_of_matches_the_named_query_when_it_has_one(synthetic: GraphStore) -> None:
    if "as_of" not in {p.name for p in get("overlap_matrix").params}:
        pytest.skip("overlap_matrix has no as_of parameter in this checkout")
    projection = Projection.read(synthetic, None)
    for as_of in ("2019", "2022-06", "2024-03-15"):
        expected = named(synthetic, "overlap_matrix", regions=[], as_of=as_of)
        assert keyed(projection.overlaps(as_of=as_of)) == keyed(expected)


def test_the_projection_is_kept_per_build_and_rebuilt_on_a_new_one(
    built: Any, store: FalkorStore
) -> None:
    kept = Projections()
    first = kept.of(store)
    assert first.build == store.build_id() is not None
    assert kept.of(store) is first
    first.build = "an-older-build"
    assert kept.of(store) is not first


def test_similar_regions_are_the_best_scored_pairs_of_one_region(synthetic: GraphStore) -> None:
    projection = Projection.read(synthetic, None)
    region = busy_regions(synthetic, 1)[0]
    expected = [
        r
        for r in named(synthetic, "overlap_matrix", regions=[], level=0)
        if region in (r["region_a"], r["region_b"])
    ]
    found = projection.similar(region, level=0, top=5)
    assert len(found) == min(5, len(expected)) > 0
    assert keyed(found) == keyed(expected[:5])


@pytest.mark.parametrize("level", LEVELS)
def test_scores_are_the_all_pairs_counts_and_jaccard(seed: GraphStore, level: int | None) -> None:
    expected = named(seed, "overlap_matrix", regions=[], level=level, list_shared=False)
    scores = Projection.read(seed, None).scores(level=level)
    assert scores == {
        (r["region_a"], r["region_b"]): (r["shared_count"], r["jaccard"]) for r in expected
    }


# -- competition: the round x region matrix against designation_competition ----------------

AS_OF = [None, "2019", "2021-06", "2023-03", "2023-07-20", "2024"]


@pytest.mark.parametrize("as_of", AS_OF)
def test_competition_matches_the_named_query(seed: GraphStore, as_of: str | None) -> None:
    """Same rounds, rival pairs and pair counts per designation; the projection's order is
    round id then place ids (the named query collects them in no stated order)."""
    rows = named(seed, "designation_competition", min_regions=1, as_of=as_of)
    matrix = Projection.read(seed, None).rounds
    assert matrix is not None
    assert rows, "the seed data has designations with bids"
    for row in rows:
        mine = matrix.rivals(row["designation"], as_of)
        theirs = sorted(row["rivals"], key=lambda p: (p["round"], p["a"], p["b"]))
        assert mine == sorted(mine, key=lambda p: (p["round"], p["a"], p["b"]))
        assert mine == theirs, row["designation"]
        assert sorted(matrix.rounds_of(row["designation"], as_of)) == sorted(row["rounds"])


def test_competition_has_rivals_and_as_of_removes_later_bids(seed: GraphStore) -> None:
    matrix = Projection.read(seed, None).rounds
    assert matrix is not None
    every = [p for d in matrix.designation_rounds for p in matrix.rivals(d)]
    early = [p for d in matrix.designation_rounds for p in matrix.rivals(d, "2019")]
    assert every
    assert len(early) < len(every)


def _comparable(row: Row) -> Row:
    # The named query collects rounds, rivals and an initiative's places in no stated order.
    return row | {
        "rounds": sorted(row["rounds"]),
        "rivals": sorted(row["rivals"], key=lambda p: (p["round"], p["a"], p["b"])),
        "regions": sorted(row["regions"], key=lambda e: sorted(map(str, e.items()))),
        "initiatives": [i | {"located_in": sorted(i["located_in"])} for i in row["initiatives"]],
    }


@pytest.mark.parametrize("as_of", AS_OF)
@pytest.mark.parametrize(
    ("designation", "min_regions", "rivals_only"),
    [
        (None, 2, False),
        (None, 1, False),
        (None, 2, True),
        ("national-strategic-industry-complex", 1, False),
    ],
)
def test_competition_rows_match_the_named_query(
    seed: GraphStore,
    as_of: str | None,
    designation: str | None,
    min_regions: int,
    rivals_only: bool,
) -> None:
    """/competition's answer from the projection: same designations in the same order, with
    the same counts, holders, seekers, bids, initiatives, rounds and rival pairs."""
    given = {"designation": designation, "min_regions": min_regions, "rivals_only": rivals_only}
    expected = named(seed, "designation_competition", as_of=as_of, **given)
    mine = Projection.read(seed, None).competition(as_of=as_of, **given)
    assert [r["designation"] for r in mine] == [r["designation"] for r in expected]
    assert [_comparable(r) for r in mine] == [_comparable(r) for r in expected]
    if as_of is None and min_regions == 1 and designation is None:
        assert any(r["rivals"] for r in mine)
