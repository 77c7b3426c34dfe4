"""The read-only guard: refuses writes however they are dressed up, lets reads through."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology.errors import QueryError, ReadOnlyViolation
from queries.guard import MAX_NESTING, MAX_WEIGHT, blank_literals, check_read_only
from queries.nesting import measure

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


# Parse bombs: every kind of nesting FalkorDB's parser pays for, one level past the limit.
NESTINGS = {
    "parentheses": lambda d: "RETURN " + "(" * d + "1" + ")" * d,
    "lists": lambda d: "RETURN " + "[" * d + "1" + "]" * d,
    "maps": lambda d: "RETURN " + "{a: " * d + "1" + "}" * d,
    "function calls": lambda d: "RETURN " + "abs(" * d + "1" + ")" * d,
    "unary minus": lambda d: "RETURN " + "-" * d + "1",
    "NOT": lambda d: "RETURN " + "NOT " * d + "true",
    "CASE": lambda d: "RETURN " + "CASE WHEN true THEN " * d + "1" + " END" * d,
    "NOT and parentheses": lambda d: "RETURN " + "NOT (" * (d // 2) + "true" + ")" * (d // 2),
    "unclosed": lambda d: "RETURN " + "(" * d,
}


@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_nesting_past_the_limit_is_refused(kind: str) -> None:
    make = NESTINGS[kind]
    check_read_only(make(MAX_NESTING - (MAX_NESTING % 2)))
    with pytest.raises(QueryError, match="nests expressions") as caught:
        check_read_only(make(MAX_NESTING + 2))
    assert not isinstance(caught.value, ReadOnlyViolation)


def test_the_issue_reproduction_is_refused() -> None:
    with pytest.raises(QueryError, match="nests expressions"):
        check_read_only("RETURN " + "(" * 24 + "1" + ")" * 24)


def test_many_moderately_deep_expressions_side_by_side_are_refused() -> None:
    """256 expressions of 10 levels parsed in 0.8 s on FalkorDB: the weight adds them up."""
    one = "(" * 10 + "1" + ")" * 10
    query = "RETURN " + ", ".join(f"{one} AS c{i}" for i in range(256))
    with pytest.raises(QueryError, match="weight"):
        check_read_only(query)
    check_read_only("RETURN " + ", ".join(f"{one} AS c{i}" for i in range(8)))


def test_flat_and_quoted_nesting_is_not_counted() -> None:
    check_read_only("RETURN " + " AND ".join(["true"] * 2000))
    check_read_only("RETURN '" + "(" * 500 + "' AS s // " + "[" * 500)
    check_read_only("MATCH (n) WHERE n.x IS NOT NULL AND NOT n.y = -1 RETURN -n.z - -n.w AS d")


def test_every_named_query_is_within_the_limits() -> None:
    """Analysts copy named queries into the console: each must pass the guard as it is."""
    for path in sorted((Path(__file__).parents[2] / "queries" / "cypher").glob("*.cypher")):
        nesting = measure(blank_literals(path.read_text(encoding="utf-8")))
        assert nesting.depth <= MAX_NESTING, path.name
        assert nesting.weight <= MAX_WEIGHT, path.name
