"""The graph inside a query result: every node, relationship and path found in its rows.

Rows use the store-neutral shape (see queries/store.py): a node is ``{"_id", "_labels", ...}``,
a relationship ``{"_type", "_id", "_start", "_end", ...}``, a path ``{"_nodes", "_relationships"}``;
they may sit at any depth inside lists and maps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Subgraph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges)

    def as_json(self) -> dict[str, list[dict[str, Any]]]:
        return {"nodes": list(self.nodes.values()), "edges": list(self.edges.values())}


def _is_node(value: dict[str, Any]) -> bool:
    return "_id" in value and "_labels" in value


def _is_relationship(value: dict[str, Any]) -> bool:
    return "_type" in value and "_start" in value and "_end" in value


def _props(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if not k.startswith("_")}


def _walk(value: Any, graph: Subgraph) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, graph)
    elif isinstance(value, dict):
        if _is_node(value):
            key = str(value["_id"])
            graph.nodes.setdefault(
                key, {"id": key, "labels": list(value["_labels"]), "properties": _props(value)}
            )
        elif _is_relationship(value):
            start, end = str(value["_start"]), str(value["_end"])
            key = str(value.get("_id", f"{start}-{value['_type']}-{end}"))
            graph.edges.setdefault(
                key,
                {
                    "id": key,
                    "type": value["_type"],
                    "source": start,
                    "target": end,
                    "properties": _props(value),
                },
            )
        elif "_nodes" in value and "_relationships" in value:
            _walk(value["_nodes"], graph)
            _walk(value["_relationships"], graph)
        else:
            for item in value.values():
                _walk(item, graph)


def subgraph_of(rows: Iterable[dict[str, Any]]) -> Subgraph:
    """Collect the nodes and relationships in ``rows`` (each once, in order of appearance)."""
    graph = Subgraph()
    for row in rows:
        _walk(list(row.values()), graph)
    return graph
