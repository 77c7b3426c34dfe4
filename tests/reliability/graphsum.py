"""A canonical checksum of a whole graph: every node and relationship with its properties.

Internal ids are left out (they differ between loads); each node is named by its labels and
properties, each relationship by its type, properties and both end nodes' labels and ``id``.
The sorted JSON lines are hashed, so the same graph always gives the same digest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from queries.store import BUILD_LABEL, GraphStore


@dataclass(frozen=True)
class GraphSum:
    nodes: int
    relationships: int
    digest: str


def _norm(value: Any, lists_as_sets: bool) -> Any:
    if isinstance(value, list):
        items = [_norm(v, lists_as_sets) for v in value]
        return sorted(items, key=json.dumps) if lists_as_sets else items
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _props(props: dict[str, Any], lists_as_sets: bool) -> dict[str, Any]:
    return {k: _norm(v, lists_as_sets) for k, v in sorted(props.items()) if not k.startswith("_")}


def graph_sum(
    store: GraphStore, *, with_build: bool = True, lists_as_sets: bool = False
) -> GraphSum:
    """Count and hash the graph. ``lists_as_sets`` ignores list order (RDF has none)."""
    lines = graph_lines(store, with_build=with_build, lists_as_sets=lists_as_sets)
    nodes = sum(1 for line in lines if line.startswith('["N"'))
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return GraphSum(nodes=nodes, relationships=len(lines) - nodes, digest=digest)


def graph_lines(
    store: GraphStore, *, with_build: bool = True, lists_as_sets: bool = False
) -> list[str]:
    """The sorted canonical lines that ``graph_sum`` hashes (to show what differs)."""
    skip = "" if with_build else f"WHERE NOT n:{BUILD_LABEL}"
    node_result = store.read(f"MATCH (n) {skip} RETURN labels(n) AS labels, properties(n) AS props")
    rel_result = store.read(
        "MATCH (a)-[r]->(b) RETURN labels(a) AS la, a.id AS a, type(r) AS type, "
        "properties(r) AS props, labels(b) AS lb, b.id AS b"
    )
    if node_result.truncated or rel_result.truncated:
        raise AssertionError("the graph is larger than the store's row cap; raise RSG_ROW_CAP")
    nodes, rels = node_result.rows, rel_result.rows
    lines = [
        json.dumps(["N", sorted(r["labels"]), _props(r["props"], lists_as_sets)], sort_keys=True)
        for r in nodes
    ]
    lines += [
        json.dumps(
            [
                "R",
                sorted(r["la"]),
                r["a"],
                r["type"],
                _props(r["props"], lists_as_sets),
                sorted(r["lb"]),
                r["b"],
            ],
            sort_keys=True,
        )
        for r in rels
    ]
    return sorted(lines)
