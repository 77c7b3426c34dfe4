"""The batched loader writes exactly what one MERGE per row writes (real embedded store)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import redis

from ingest.graph import loader
from ingest.graph.build import locate_evidence
from ingest.graph.dataset import load_graph_data
from ingest.graph.graphdata import EdgeRecord, GraphData, NodeRecord
from ontology.contract import LABELS
from queries.falkor_backend import FalkorStore
from queries.store import GraphWriter
from tests.conftest import corpus_dir


def _snapshot(store: FalkorStore) -> tuple[list[str], list[str]]:
    nodes = store.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", row_cap=10**6).rows
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN labels(a) AS la, a.id AS a, type(r) AS t, "
        "labels(b) AS lb, b.id AS b, properties(r) AS p",
        row_cap=10**6,
    ).rows

    def canon(rows: list[dict[str, Any]]) -> list[str]:
        for row in rows:
            for key in ("l", "la", "lb"):
                if key in row:
                    row[key] = sorted(row[key])
        return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)

    return canon(nodes), canon(rels)


def _merge_per_row(graph: GraphData, build: dict[str, Any]) -> Any:
    """The obvious loader: one MERGE per node, one MATCH-MATCH-CREATE per edge, map params."""

    def load(writer: GraphWriter) -> None:
        for label in sorted(LABELS):
            writer.unique(label, "id")
        for node in graph.nodes.values():
            labels = ":".join((node.label, *node.extra_labels))
            props = {"sources": [], "aliases": [], **node.props}
            writer.write(
                f"MERGE (n:{labels} {{id: $id}}) SET n += $props",
                {"id": node.id, "props": {k: v for k, v in props.items() if v is not None}},
            )
        for edge in graph.edges:
            writer.write(
                f"MATCH (a:{edge.start[0]} {{id: $a}}) MATCH (b:{edge.end[0]} {{id: $b}}) "
                f"CREATE (a)-[r:{edge.type}]->(b) SET r += $props",
                {"a": edge.start[1], "b": edge.end[1], "props": edge.props},
            )
        writer.write("CREATE (b:BuildInfo) SET b += $props", {"props": build})

    return load


@pytest.mark.parametrize("batch", [7, loader.BATCH])
def test_batched_load_writes_what_merge_per_row_writes(
    scratch_store: FalkorStore, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    graph = load_graph_data()
    corpus = corpus_dir()
    if corpus is not None:  # evidence offsets on some edges only: rows with nulls
        locate_evidence(graph, corpus)
    build = {"id": "test", "nodes": len(graph.nodes)}
    scratch_store.replace_graph(_merge_per_row(graph, build))
    expected = _snapshot(scratch_store)
    monkeypatch.setattr(loader, "BATCH", batch)
    ticks: list[int] = []
    scratch_store.replace_graph(lambda w: loader.load(w, graph, build, ticks.append))
    assert _snapshot(scratch_store) == expected
    assert sum(ticks) == loader.total_rows(graph)
    assert len(expected[0]) == len(graph.nodes) + 1
    assert len(expected[1]) == len(graph.edges)


def test_a_property_outside_the_contract_is_refused(scratch_store: FalkorStore) -> None:
    graph = GraphData()
    node = NodeRecord("Region", "x", {"id": "x", "name_ko": "가", "bad key": 1})
    graph.nodes[node.key] = node
    with pytest.raises(ValueError, match="not in the graph contract"):
        scratch_store.replace_graph(lambda w: loader.load(w, graph, {"id": "t"}))


class _Recorder(GraphWriter):
    def __init__(self) -> None:
        self.writes: list[tuple[str, Any]] = []

    def write(self, query: str, params: Any = None) -> None:
        self.writes.append((query, params))

    def unique(self, label: str, prop: str) -> None:
        return None


def _small_graph() -> GraphData:
    """One strategy with five initiatives, all in one region but the last."""
    graph = GraphData()

    def node(label: str, node_id: str) -> None:
        graph.nodes[(label, node_id)] = NodeRecord(label, node_id, {"id": node_id})

    node("Strategy", "s1")
    for rid in ("r1", "r2"):
        node("Region", rid)
    for i in range(1, 6):
        iid = f"i{i}"
        node("Initiative", iid)
        # Evidence offsets on the middle edges only: the others leave them unset.
        offsets = {"evidence_start": i, "evidence_end": i + 3} if i % 2 == 0 else {}
        fact = {"sources": ["doc"], "evidence": f"e{i}", **offsets}
        graph.edges.append(EdgeRecord("INCLUDES", ("Strategy", "s1"), ("Initiative", iid), fact))
        region = ("Region", "r2" if i == 5 else "r1")
        graph.edges.append(EdgeRecord("LOCATED_IN", ("Initiative", iid), region, dict(fact)))
    return graph


@pytest.mark.parametrize("batch", [1, 2, 3, 100])
def test_every_batch_size_writes_the_same_graph(
    scratch_store: FalkorStore, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    graph = _small_graph()
    scratch_store.replace_graph(_merge_per_row(graph, {"id": "t"}))
    expected = _snapshot(scratch_store)
    monkeypatch.setattr(loader, "BATCH", batch)
    ticks: list[int] = []
    scratch_store.replace_graph(lambda w: loader.load(w, graph, {"id": "t"}, ticks.append))
    assert _snapshot(scratch_store) == expected
    assert len(expected[1]) == 10

    def chunks(n: int) -> list[int]:
        return [min(batch, n - i) for i in range(0, n, batch)]

    # Initiatives, regions, the strategy; then INCLUDES and LOCATED_IN, five edges each.
    assert ticks == chunks(5) + chunks(2) + chunks(1) + chunks(5) + chunks(5)


def test_a_property_null_in_every_row_stays_out_of_the_query() -> None:
    graph = _small_graph()
    for edge in graph.edges:
        edge.props["role"] = None  # in the contract, but never given a value
    recorder = _Recorder()
    loader.load(recorder, graph, {"id": "t"})
    edge_queries = [query for query, _ in recorder.writes if "-[:" in query]
    assert len(edge_queries) == 2
    assert all("role" not in query for query in edge_queries)
    # Given a value in some rows only, a property is in the query and those rows set it.
    assert all("evidence_start" in query for query in edge_queries)


def test_every_label_keeps_a_working_unique_id_constraint(scratch_store: FalkorStore) -> None:
    graph = load_graph_data()
    scratch_store.replace_graph(lambda w: loader.load(w, graph, {"id": "t"}))
    live = scratch_store.db.select_graph(scratch_store.graph_name)
    constraints = {c["label"]: c for c in live.list_constraints()}
    for label in LABELS:
        assert constraints[label]["type"] == "UNIQUE"
        assert constraints[label]["properties"] == ["id"]
        assert constraints[label]["status"] == "OPERATIONAL"
    region = next(node for node in graph.nodes.values() if node.label == "Region")
    with pytest.raises(redis.exceptions.ResponseError, match=r"(?i)unique"):
        live.query("CREATE (:Region {id: $id})", {"id": region.id})
