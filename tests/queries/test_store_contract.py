"""One result shape and one behaviour from every backend that is available here.

The embedded FalkorDB store always runs; Neo4j runs when NEO4J_URI is set.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ontology.errors import QueryError, QueryTimeout, ReadOnlyViolation
from queries.falkor_backend import FalkorStore
from queries.store import GraphStore, GraphWriter
from tests.backends import BACKENDS, loaded_backend


def _load(writer: GraphWriter) -> None:
    writer.unique("Region", "id")
    writer.write(
        "UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n += row.props",
        {
            "rows": [
                {"id": "jeonbuk", "props": {"name_ko": "전북특별자치도", "aliases": ["전북"]}},
                {"id": "jeonbuk-jeonju", "props": {"name_ko": "전주시", "aliases": []}},
            ]
        },
    )
    writer.write(
        "MATCH (a:Region {id: 'jeonbuk-jeonju'}), (b:Region {id: 'jeonbuk'}) "
        "CREATE (a)-[:PART_OF {sources: ['s1']}]->(b)"
    )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, scratch_store: FalkorStore) -> Iterator[GraphStore]:
    with loaded_backend(request.param, scratch_store, _load) as store:
        yield store


def test_node_shape(backend: GraphStore) -> None:
    rows = backend.read("MATCH (r:Region {id: $id}) RETURN r", {"id": "jeonbuk"}).rows
    assert len(rows) == 1
    node = rows[0]["r"]
    assert node["_labels"] == ["Region"]
    assert isinstance(node["_id"], str)
    assert node["name_ko"] == "전북특별자치도"
    assert node["aliases"] == ["전북"]


def test_relationship_and_path_shape(backend: GraphStore) -> None:
    row = backend.read("MATCH p = (a)-[r:PART_OF]->(b) RETURN a, r, b, p").rows[0]
    rel = row["r"]
    assert rel["_type"] == "PART_OF"
    assert rel["_start"] == row["a"]["_id"]
    assert rel["_end"] == row["b"]["_id"]
    assert rel["sources"] == ["s1"]
    assert [n["id"] for n in row["p"]["_nodes"]] == ["jeonbuk-jeonju", "jeonbuk"]
    assert row["p"]["_relationships"][0]["_type"] == "PART_OF"


def test_write_on_read_path_is_refused_and_graph_unchanged(backend: GraphStore) -> None:
    with pytest.raises(ReadOnlyViolation):
        backend.read("CREATE (:Region {id: 'intruder'})")
    count = backend.read("MATCH (n) RETURN count(n) AS n").rows[0]["n"]
    assert count == 2


def test_parameters_are_values_not_code(backend: GraphStore) -> None:
    hostile = "x'}) DETACH DELETE n //`{}전북"
    rows = backend.read("MATCH (r:Region) WHERE r.id = $id RETURN r", {"id": hostile}).rows
    assert rows == []
    assert backend.read("MATCH (n) RETURN count(n) AS n").rows[0]["n"] == 2


def test_row_cap_truncates(backend: GraphStore) -> None:
    result = backend.read("UNWIND range(1, 50) AS x RETURN x", row_cap=10)
    assert len(result.rows) == 10
    assert result.truncated


def test_timeout_stops_a_cartesian_query(backend: GraphStore) -> None:
    with pytest.raises(QueryTimeout):
        backend.read(
            "UNWIND range(1, 4000) AS a UNWIND range(1, 4000) AS b RETURN count(*)",
            timeout_ms=50,
        )


def test_syntax_error_is_a_query_error(backend: GraphStore) -> None:
    with pytest.raises(QueryError):
        backend.read("MATC (n) RETURN n")


def test_failed_build_leaves_the_old_graph(backend: GraphStore) -> None:
    def broken(writer: GraphWriter) -> None:
        writer.write("CREATE (:Region {id: 'half'})")
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        backend.replace_graph(broken)
    ids = sorted(r["id"] for r in backend.read("MATCH (n:Region) RETURN n.id AS id").rows)
    assert ids == ["jeonbuk", "jeonbuk-jeonju"]


def test_info_counts(backend: GraphStore) -> None:
    info = backend.info()
    assert (info.nodes, info.relationships) == (2, 1)
    assert info.labels == {"Region": 2}
    assert info.types == {"PART_OF": 1}


@pytest.mark.parametrize(
    "value",
    ["x' OR 1=1 //", 'x" }) MATCH (n) DETACH DELETE n //', "`x`", "{a: 1}", "전북\\", "a\nb"],
)
def test_hostile_parameter_values_round_trip(backend: GraphStore, value: str) -> None:
    rows = backend.read("RETURN $v AS v", {"v": value}).rows
    assert rows == [{"v": value}]
    assert backend.read("MATCH (n) RETURN count(n) AS n").rows[0]["n"] == 2


def test_nul_in_a_parameter_is_refused(backend: GraphStore) -> None:
    with pytest.raises(QueryError, match="NUL"):
        backend.read("MATCH (r:Region) WHERE r.id = $id RETURN r", {"id": "a\u0000b"})
    assert backend.read("MATCH (n) RETURN count(n) AS n").rows[0]["n"] == 2
