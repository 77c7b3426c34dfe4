"""Graph data -> batched ``UNWIND $rows ... MERGE`` writes into a store.

Labels and relationship types are not parameters in Cypher; they come from the contract
(``ontology.contract``) and are checked against it before they are put in a query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from ingest.graphdata import GraphData
from ontology.contract import LABELS, ORG_SUBLABELS, RELATIONSHIPS
from queries.store import BUILD_LABEL, GraphWriter

BATCH = 500
Progress = Callable[[int], None]

_KNOWN_LABELS = {*LABELS, *ORG_SUBLABELS.values(), BUILD_LABEL}


def _name(name: str, known: set[str] | dict[str, Any]) -> str:
    if name not in known:
        raise ValueError(f"{name!r} is not in the graph contract")
    return name


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    # Neither store keeps nulls; empty lists are kept so that list properties always exist.
    return {k: v for k, v in props.items() if v is not None}


def node_rows(graph: GraphData) -> dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]]:
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for node in graph.nodes.values():
        props = _clean({"sources": [], "aliases": [], **node.props})
        groups[(node.label, tuple(node.extra_labels))].append({"id": node.id, "props": props})
    return groups


def edge_rows(graph: GraphData) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for edge in graph.edges:
        groups[(edge.type, edge.start[0], edge.end[0])].append(
            {"start": edge.start[1], "end": edge.end[1], "props": _clean(edge.props)}
        )
    return groups


def load(
    writer: GraphWriter,
    graph: GraphData,
    build: dict[str, Any],
    progress: Progress | None = None,
) -> None:
    """Write every node and edge of ``graph`` plus the BuildInfo node."""
    tick = progress or (lambda n: None)
    for label in sorted(LABELS):
        writer.unique(label, "id")
    for (label, extra), rows in sorted(node_rows(graph).items()):
        labels = ":".join(_name(lab, _KNOWN_LABELS) for lab in (label, *extra))
        query = f"UNWIND $rows AS row MERGE (n:{labels} {{id: row.id}}) SET n += row.props"
        for batch in _batches(rows):
            writer.write(query, {"rows": batch})
            tick(len(batch))
    for (rel, start, end), rows in sorted(edge_rows(graph).items()):
        query = (
            f"UNWIND $rows AS row "
            f"MATCH (a:{_name(start, LABELS)} {{id: row.start}}) "
            f"MATCH (b:{_name(end, LABELS)} {{id: row.end}}) "
            f"CREATE (a)-[r:{_name(rel, RELATIONSHIPS)}]->(b) SET r += row.props"
        )
        for batch in _batches(rows):
            writer.write(query, {"rows": batch})
            tick(len(batch))
    writer.write(f"CREATE (b:{BUILD_LABEL}) SET b += $props", {"props": _clean(build)})


def total_rows(graph: GraphData) -> int:
    return len(graph.nodes) + len(graph.edges)
