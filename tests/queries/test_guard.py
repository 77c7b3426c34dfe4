"""The read-only guard: refuses writes however they are dressed up, lets reads through."""

from __future__ import annotations

import pytest

from ontology.errors import ReadOnlyViolation
from queries.guard import check_read_only

WRITES = [
    "CREATE (n:Region {id: 'x'})",
    "MATCH (n) SET n.name_ko = 'x'",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) REMOVE n.aliases",
    "MERGE (n:Region {id: 'x'})",
    "MATCH (n) FOREACH (x IN [1] | SET n.v = x)",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n) CALL { WITH n RETURN 1 AS one } IN 10 TRANSACTIONS RETURN n",
    "CREATE INDEX FOR (n:Region) ON (n.id)",
    "DROP INDEX region_id",
    "CALL db.idx.fulltext.createNodeIndex('Region', 'name_ko')",
    "CALL dbms.killQueries(['1'])",
    "MATCH (n) RETURN n; MATCH (m) DELETE m",
    "MATCH (n) RETURN n /* comment */ CREATE (m)",
    "MATCH (n) // a comment\nCREATE (m)",
    "match (n) create (m)",
    "MATCH (n) RETURN n\u200b",
    "USE system SHOW USERS",
    "START DATABASE neo4j",
    "",
]

READS = [
    "MATCH (r:Region {id: $id}) RETURN r",
    "MATCH (n) WHERE n.name_ko = 'CREATE (x)' RETURN n",
    "MATCH (i:Initiative) RETURN i.start AS start, i.end AS end",
    "MATCH (n) RETURN n // DELETE in a comment is harmless",
    'MATCH (n) WHERE n.id = "it\'s; fine" RETURN n;',
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n) RETURN {set: 1, create: 2} AS m",
    "MATCH (n:`지역`) RETURN n",
    "MATCH (n) CALL { WITH n RETURN n.id AS x } RETURN x",
]


@pytest.mark.parametrize("query", WRITES)
def test_writes_are_refused(query: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_reads_pass(query: str) -> None:
    check_read_only(query)


def test_oversized_query_is_refused() -> None:
    with pytest.raises(ReadOnlyViolation, match="characters long"):
        check_read_only("MATCH (n) RETURN n " + "x" * 30_000)
