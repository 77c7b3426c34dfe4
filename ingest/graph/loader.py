"""Graph data -> batched ``UNWIND $rows ... CREATE`` writes into a fresh graph.

``GraphStore.replace_graph`` always hands the loader an empty graph (FalkorDB: a new staging
key that is renamed over the live one at the end; Neo4j: after ``DETACH DELETE``), and graph
data holds one node per (label, id). So nodes are CREATEd, not MERGEd: no index lookup per
node; the unique constraints still guard the ids.

빠른 적재 / fast load: one query per batch of 2,000 rows of the same labels (nodes) or of the
same type and endpoint labels (edges); a row is a list, not a map (property names sit once in
the query, the values travel in ``$rows``; a null leaves the property unset, as before), and
rows are built batch by batch so that the whole graph is never copied into rows at once.

Labels, relationship types and property names are not parameters in Cypher; they come from
the graph contract (``ontology.contract``) and are checked against it before they are put in
a query. Values are always parameters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from ingest.graph.graphdata import EdgeRecord, GraphData, NodeRecord
from ontology.contract import (
    COMMON_NODE_PROPS,
    FACT_PROPS,
    LABELS,
    ORG_SUBLABELS,
    RELATIONSHIPS,
)
from queries.store import BUILD_LABEL, GraphWriter

BATCH = 2000
Progress = Callable[[int], None]
R = TypeVar("R")

_KNOWN_LABELS = {*LABELS, *ORG_SUBLABELS.values(), BUILD_LABEL}
_NODE_PROPS = {p.name for p in COMMON_NODE_PROPS} | {
    p.name for spec in LABELS.values() for p in spec.props
}
_EDGE_PROPS = {p.name for p in FACT_PROPS} | {
    p.name for spec in RELATIONSHIPS.values() for p in spec.props
}
# List properties every node has, empty when the data gives none (queries rely on them).
_NODE_LISTS: dict[str, Any] = {"sources": [], "aliases": []}


def _name(name: str, known: set[str] | dict[str, Any]) -> str:
    if name not in known:
        raise ValueError(f"{name!r} is not in the graph contract")
    return name


def _batches(items: Sequence[R]) -> Iterator[Sequence[R]]:
    for i in range(0, len(items), BATCH):
        yield items[i : i + BATCH]


def _keys(props: Sequence[dict[str, Any]], known: set[str], skip: set[str]) -> list[str]:
    """The property names a group of rows uses, sorted; each checked against the contract."""
    # The union of the dicts' keys is built in C; a name that is null in every row (found by
    # a scan that stops at its first value) would set nothing and stays out of the query.
    names = sorted(set().union(*props) - skip)
    return [_name(n, known) for n in names if any(p.get(n) is not None for p in props)]


def _fields(keys: list[str], first: int) -> str:
    return ", ".join(f"{key}: row[{i}]" for i, key in enumerate(keys, first))


def node_groups(graph: GraphData) -> dict[tuple[str, tuple[str, ...]], list[NodeRecord]]:
    groups: dict[tuple[str, tuple[str, ...]], list[NodeRecord]] = defaultdict(list)
    for node in graph.nodes.values():
        groups[(node.label, tuple(node.extra_labels))].append(node)
    return groups


def edge_groups(graph: GraphData) -> dict[tuple[str, str, str], list[EdgeRecord]]:
    groups: dict[tuple[str, str, str], list[EdgeRecord]] = defaultdict(list)
    for edge in graph.edges:
        groups[(edge.type, edge.start[0], edge.end[0])].append(edge)
    return groups


def _load_nodes(
    writer: GraphWriter, label: str, extra: tuple[str, ...], nodes: list[NodeRecord]
) -> Iterator[int]:
    labels = ":".join(_name(lab, _KNOWN_LABELS) for lab in (label, *extra))
    keys = _keys([_NODE_LISTS, *(n.props for n in nodes)], _NODE_PROPS, {"id"})
    query = f"UNWIND $rows AS row CREATE (n:{labels} {{id: row[0], {_fields(keys, 1)}}})"
    for batch in _batches(nodes):
        rows = [[node.id, *map((_NODE_LISTS | node.props).get, keys)] for node in batch]
        writer.write(query, {"rows": rows})
        yield len(rows)


def _load_edges(
    writer: GraphWriter, rel: str, start: str, end: str, edges: list[EdgeRecord]
) -> Iterator[int]:
    keys = _keys([e.props for e in edges], _EDGE_PROPS, set())
    props = f" {{{_fields(keys, 2)}}}" if keys else ""
    query = (
        f"UNWIND $rows AS row "
        f"MATCH (a:{_name(start, LABELS)} {{id: row[0]}}) "
        f"MATCH (b:{_name(end, LABELS)} {{id: row[1]}}) "
        f"CREATE (a)-[:{_name(rel, RELATIONSHIPS)}{props}]->(b)"
    )
    for batch in _batches(edges):
        rows = [[edge.start[1], edge.end[1], *map(edge.props.get, keys)] for edge in batch]
        writer.write(query, {"rows": rows})
        yield len(rows)


def load(
    writer: GraphWriter,
    graph: GraphData,
    build: dict[str, Any],
    progress: Progress | None = None,
) -> None:
    """Write every node and edge of ``graph`` plus the BuildInfo node into an empty graph."""
    tick = progress or (lambda n: None)
    # The id indexes exist before the first edge MATCHes its endpoints.
    for label in sorted(LABELS):
        writer.unique(label, "id")
    for (label, extra), nodes in sorted(node_groups(graph).items()):
        for done in _load_nodes(writer, label, extra, nodes):
            tick(done)
    for (rel, start, end), edges in sorted(edge_groups(graph).items()):
        for done in _load_edges(writer, rel, start, end, edges):
            tick(done)
    props = {k: v for k, v in build.items() if v is not None}
    writer.write(f"CREATE (b:{BUILD_LABEL}) SET b += $props", {"props": props})


def total_rows(graph: GraphData) -> int:
    return len(graph.nodes) + len(graph.edges)
