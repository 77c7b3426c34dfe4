"""The neighbourhood projection gives the rows the named query ``entity_detail`` gives.

Every node of the seed graph is asked for through each of its labels, and the busiest region
with relationship types, pages and out-of-range values; on the embedded store the rows must
also serialise to the same bytes (key order included). A page size smaller than the graph
proves the projection reads it page by page without losing or repeating a node.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from queries import neighbourhood
from queries.catalog import get
from queries.falkor_backend import FalkorStore
from queries.neighbourhood import MAIN_LABELS, Neighbourhood, Neighbourhoods
from queries.store import GraphStore, GraphWriter, Row
from tests.backends import BACKENDS, seed_graph
from tests.queries.detailcases import VARIANTS


@pytest.fixture(scope="module", params=BACKENDS)
def graph(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    yield from seed_graph(request, tmp_path_factory)


def _named(store: GraphStore, **given: Any) -> list[Row]:
    query = get("entity_detail")
    return store.read(query.text, query.bind(given)).rows


def _every_node(store: GraphStore) -> list[dict[str, Any]]:
    rows = store.read(
        "MATCH (n) WHERE NOT n:BuildInfo RETURN labels(n) AS labels, n.id AS id ORDER BY id"
    ).rows
    # Every label of a node with a main label (a Company is asked for as Organization too).
    return [
        {"label": label, "id": row["id"]}
        for row in rows
        if any(main in row["labels"] for main in MAIN_LABELS)
        for label in row["labels"]
    ]


def _variants(store: GraphStore) -> list[dict[str, Any]]:
    regions = [c["id"] for c in _every_node(store) if c["label"] == "Region"]
    busiest = max(regions, key=lambda rid: _named(store, label="Region", id=rid)[0]["matching"])
    cases: list[dict[str, Any]] = [
        {"label": "Region", "id": busiest, **variant} for variant in VARIANTS
    ]
    cases += [
        {"label": "Region", "id": "no-such-region"},
        {"label": "Industry", "id": regions[0]},
        {"label": "BuildInfo", "id": regions[0]},
    ]
    return cases


def _projected(view: Neighbourhood, case: dict[str, Any]) -> list[Row]:
    return view.detail(
        case["label"], case["id"], case.get("type"), case.get("skip", 0), case.get("limit")
    )


def test_every_detail_as_the_named_query(graph: GraphStore) -> None:
    view = Neighbourhood.read(graph, graph.build_id())
    cases = _every_node(graph) + _variants(graph)
    assert len(cases) > 900
    assert view.nodes > 900
    assert view.relationships > 2000
    for case in cases:
        expected, got = _named(graph, **case), _projected(view, case)
        assert got == expected, case
        if graph.kind != "neo4j":  # the same bytes, key order included
            assert json.dumps(got, ensure_ascii=False) == json.dumps(
                expected, ensure_ascii=False
            ), case


def test_read_page_by_page(graph: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = Neighbourhood.read(graph, graph.build_id())
    monkeypatch.setattr(neighbourhood, "PAGE", 7)
    paged = Neighbourhood.read(graph, graph.build_id())
    assert (paged.nodes, paged.relationships) == (whole.nodes, whole.relationships)
    for case in _every_node(graph)[::25]:
        assert _projected(paged, case) == _projected(whole, case), case


def test_kept_per_build(graph: GraphStore) -> None:
    kept = Neighbourhoods()
    first = kept.of(graph)
    assert first is not None
    assert kept.of(graph) is first
    assert first.build == graph.build_id()


def test_an_old_projection_is_freed_without_the_collector(graph: GraphStore) -> None:
    """No reference cycles: a projection goes as soon as nothing uses it, even after
    ``gc.freeze`` (a new build's first detail reads the graph again and drops the old one)."""
    import gc
    import weakref

    view = Neighbourhood.read(graph, graph.build_id())
    busiest = max(view._by_label.values(), key=lambda node: len(node.edges))
    assert busiest.edges
    gone: list[weakref.ref[Any]] = [weakref.ref(view), weakref.ref(busiest)]
    gc.disable()
    try:
        del view, busiest
        alive = sum(ref() is not None for ref in gone)  # never the objects: their repr is huge
        assert alive == 0
    finally:
        gc.enable()


def test_the_served_app_freezes_what_it_read(graph: GraphStore) -> None:
    import gc

    gc.unfreeze()
    Neighbourhoods().of(graph)
    assert gc.get_freeze_count() == 0
    try:
        Neighbourhoods(freeze=True).of(graph)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_pair_joined_both_ways_in_one_order(scratch_store: FalkorStore) -> None:
    """Ties of type and other end (COOPERATES_WITH both ways) are ordered outgoing first by
    the named query and the projection alike, so pages cut them the same way."""

    def load(writer: GraphWriter) -> None:
        writer.write("CREATE (:Region {id: 'hub', name_ko: '중심', name_en: 'Hub', aliases: []})")
        writer.write(
            "UNWIND range(1, 30) AS i "
            "CREATE (:Region {id: 'r' + toString(i), name_ko: '가', name_en: 'R', aliases: []})"
        )
        writer.write(
            "MATCH (h:Region {id: 'hub'}), (r:Region) WHERE r.id <> 'hub' "
            "CREATE (h)-[:COOPERATES_WITH {evidence: 'out ' + r.id}]->(r), "
            "(r)-[:COOPERATES_WITH {evidence: 'in ' + r.id}]->(h)"
        )
        writer.write("CREATE (:BuildInfo {id: 'ties'})")

    scratch_store.replace_graph(load)
    view = Neighbourhood.read(scratch_store, scratch_store.build_id())
    for case in (
        {"label": "Region", "id": "hub"},
        {"label": "Region", "id": "hub", "skip": 7, "limit": 9},
        {"label": "Region", "id": "r3"},
    ):
        expected = _named(scratch_store, **case)
        assert json.dumps(_projected(view, case)) == json.dumps(expected), case
    hub = _named(scratch_store, label="Region", id="hub")[0]["neighbours"]
    assert [n["outgoing"] for n in hub[:4]] == [True, False, True, False]


def test_the_collector_is_as_it_was_after_a_read(graph: GraphStore) -> None:
    import gc

    assert gc.isenabled()
    Neighbourhood.read(graph, graph.build_id())
    assert gc.isenabled()
    gc.disable()
    try:
        Neighbourhood.read(graph, graph.build_id())
        assert not gc.isenabled()
    finally:
        gc.enable()
