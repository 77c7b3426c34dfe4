"""The entity detail answers as it did before it went over the neighbours once (issue 19),
and the store's one-pass decoding of plain answers gives what the client's decoding gave.

The earlier query is kept as ``bench/cypher/entity_detail_before.cypher`` (the bench compares
the two on its synthetic graphs too). Every region of the seed graph and a sample of every
other kind of node is compared, with and without a relationship type, paged and not.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ontology.errors import QueryError
from queries.catalog import get, parse
from queries.falkor_backend import ANSWER_DEPTH, FalkorStore
from queries.store import GraphStore, Row
from tests.backends import BACKENDS, seed_graph
from tests.queries.detailcases import VARIANTS

BEFORE = Path(__file__).resolve().parents[2] / "bench" / "cypher" / "entity_detail_before.cypher"
#: Main labels of the detail routes (Organization stands for its sublabels).
LABELS = ("Industry", "Strategy", "Initiative", "Organization", "Designation", "Source")


@pytest.fixture(scope="module", params=BACKENDS)
def graph(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    yield from seed_graph(request, tmp_path_factory)


def _ids(store: GraphStore, label: str) -> list[str]:
    rows = store.read(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id").rows
    return [str(row["id"]) for row in rows]


def _detail(store: GraphStore, text: str, **given: Any) -> list[Row]:
    query = get("entity_detail")
    return store.read(text, query.bind(given)).rows


def _cases(store: GraphStore) -> list[dict[str, Any]]:
    regions = _ids(store, "Region")
    pick = random.Random(19)
    cases: list[dict[str, Any]] = [{"label": "Region", "id": rid} for rid in regions]
    for label in LABELS:
        ids = _ids(store, label)
        cases += [{"label": label, "id": i} for i in pick.sample(ids, min(15, len(ids)))]
    now = get("entity_detail").text
    busiest = max(
        regions, key=lambda rid: _detail(store, now, label="Region", id=rid)[0]["matching"]
    )
    cases += [{"label": "Region", "id": busiest, **variant} for variant in VARIANTS]
    cases += [{"label": "Region", "id": "no-such-region"}, {"label": "Industry", "id": regions[0]}]
    return cases


def test_entity_detail_answers_as_before(graph: GraphStore) -> None:
    now = get("entity_detail").text
    before = parse(BEFORE).text
    cases = _cases(graph)
    assert len(cases) > 100
    for case in cases:
        current, earlier = _detail(graph, now, **case), _detail(graph, before, **case)
        assert current == earlier, case
        if graph.kind != "neo4j":  # the same bytes, key order included
            assert json.dumps(current, ensure_ascii=False) == json.dumps(
                earlier, ensure_ascii=False
            ), case


def _both_ways(store: FalkorStore, query: str, cap: int = 10_000) -> tuple[Any, Any]:
    """One reply decoded by the store's one-pass decoder and by the client's decoding."""
    graph = store.reads.select_graph(store.graph_name)
    reply = graph.execute_command(
        "GRAPH.RO_QUERY", store.graph_name, query, "--compact", "timeout", 10_000
    )
    columns = [str(col[1]) for col in reply[0]]
    return store._rows(graph, reply, cap), FalkorStore._client_rows(graph, reply, columns, cap)


PLAIN_ANSWERS = {
    "scalars": "RETURN 'ㄱ한글 é', '', 0, -7, 9007199254740993, 1.5, -0.0, 1e300, true, null",
    "nested": "RETURN [1, [2, [3, []]], {a: {b: [true, null, 'x']}}, {}] AS v, {k: [1.25]} AS m",
    "properties": "MATCH (r:Region)-[p]-(m) RETURN properties(r) AS r, properties(p) AS p, "
    "labels(m) AS l, type(p) AS t, startNode(p) = r AS out ORDER BY r.id, m.id LIMIT 50",
    "collected": "MATCH (r:Region) RETURN r.level AS level, collect(r.id)[0..3] AS ids "
    "ORDER BY level",
}


@pytest.mark.parametrize("name", sorted(PLAIN_ANSWERS))
def test_plain_decoding_matches_the_client(store: FalkorStore, built: Any, name: str) -> None:
    fast, client = _both_ways(store, PLAIN_ANSWERS[name])
    assert fast.rows, name
    assert fast == client
    assert json.dumps(fast.rows, ensure_ascii=False) == json.dumps(client.rows, ensure_ascii=False)
    assert [type(v) for row in fast.rows for v in row.values()] == [
        type(v) for row in client.rows for v in row.values()
    ]


def test_nodes_and_paths_fall_back_to_the_client(store: FalkorStore, built: Any) -> None:
    query = "MATCH p = (r:Region)-[:PART_OF]->(q) RETURN r, p, relationships(p)[0] AS e LIMIT 3"
    fast, client = _both_ways(store, query)
    assert len(fast.rows) == 3
    assert fast == client
    assert fast.rows[0]["r"]["_labels"] == ["Region"]
    assert fast.rows[0]["e"]["_type"] == "PART_OF"


def test_row_cap_and_depth_as_before(store: FalkorStore, built: Any) -> None:
    fast, client = _both_ways(store, "UNWIND range(1, 10) AS i RETURN i", cap=4)
    assert fast == client
    assert fast.truncated
    assert [row["i"] for row in fast.rows] == [1, 2, 3, 4]
    ok = store.read(f"RETURN reduce(acc = [], i IN range(1, {ANSWER_DEPTH - 1}) | [acc]) AS v")
    assert ok.rows
    with pytest.raises(QueryError, match="levels deep"):
        store.read(f"RETURN reduce(acc = [], i IN range(1, {ANSWER_DEPTH}) | [acc]) AS v")
