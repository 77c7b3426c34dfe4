"""The per-build neighbourhood projection: every node and relationship kept in memory.

An entity detail (a node, its neighbours counted by relationship type, a page of them with
the relationships' properties) read from the store costs the store its traversal and the API
the decoding of every neighbour's values, per request. Like the analytics projection
(``queries.projection``), this one is read once per build id from the store (either backend,
the named query ``neighbourhood_projection``, a page of nodes at a time) and kept until the
build id changes; every detail is then worked out from it per request, giving the row the
named query ``entity_detail`` gives (tests/queries/test_neighbourhood.py compares them for
every node of the seed graph). The graph changes only through a build, which gives it a new
id, so a detail from the projection is as fresh as one from the store.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any

from ontology.errors import StoreUnavailable
from queries import catalog
from queries.kept import PerBuild
from queries.store import GraphStore, Row

#: Labels an entity detail is asked for by (entity_detail looks a node up through these;
#: a node of a sublabel such as Company is found through Organization).
MAIN_LABELS = (
    "Region",
    "Industry",
    "Strategy",
    "Initiative",
    "Organization",
    "Designation",
    "Source",
)

#: Nodes per page of ``neighbourhood_projection``.
PAGE = 1000

Key = tuple[str, tuple[str, ...]]


@dataclass
class _Node:
    labels: list[str]
    props: dict[str, Any]
    #: (type, other end's id, outgoing, the other end's properties and labels, relationship
    #: properties), in entity_detail's order: type, the other end's id, outgoing first. Plain values
    #: only, never a node: without reference cycles an old build's projection is freed as
    #: soon as the last request using it ends (and ``gc.freeze`` cannot keep it).
    edges: list[tuple[str, str, bool, dict[str, Any], list[str], dict[str, Any]]] = field(
        default_factory=list
    )
    #: [{"count", "type"}] in type order, as entity_detail's ``counts``.
    counts: list[Row] = field(default_factory=list)
    #: First and end position of each type's edges in ``edges``.
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def _key(labels: list[str], node_id: Any) -> Key:
    # A node's labels come in one order from both places it is read (its row and the other
    # end of an edge): the same store's labels() of the same node. Not sorted: at tier M
    # sorting them for every edge was a tenth of the read.
    return (str(node_id), tuple(labels))


@dataclass
class Neighbourhood:
    """One build's nodes and relationships, indexed for entity details."""

    build: str | None
    nodes: int
    relationships: int
    _by_label: dict[tuple[str, str], _Node]

    @classmethod
    def read(cls, store: GraphStore, build: str | None) -> Neighbourhood:
        # The read makes a million objects at tier M and no cyclic garbage: the collector's
        # walks over the growing heap meanwhile took half the time at tier S (1.4 s -> 0.7 s).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._read(store, build)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _read(cls, store: GraphStore, build: str | None) -> Neighbourhood:
        query = catalog.get("neighbourhood_projection")
        nodes: dict[Key, _Node] = {}
        pending: list[tuple[_Node, list[Any]]] = []
        skip = 0
        while True:
            rows = store.read(query.text, query.bind({"skip": skip, "size": PAGE})).rows
            for row in rows:
                node = _Node(list(row["labels"]), dict(row["node"]))
                nodes[_key(node.labels, node.props.get("id"))] = node
                pending.append((node, row["edges"]))
            if len(rows) < PAGE:
                break
            skip += PAGE
        relationships = 0
        for start, edges in pending:
            for rel_type, end_labels, end_id, props in edges:
                end = nodes.get(_key(end_labels, end_id))
                if end is None:  # cannot happen within one build; refuse rather than guess
                    raise StoreUnavailable(
                        "the graph changed while it was being read / 읽는 중 그래프가 바뀜",
                        "ask again",
                    )
                rel_props = dict(props or {})
                start.edges.append((rel_type, str(end_id), True, end.props, end.labels, rel_props))
                end.edges.append(
                    (
                        rel_type,
                        str(start.props.get("id")),
                        False,
                        start.props,
                        start.labels,
                        rel_props,
                    )
                )
                relationships += 1
        by_label: dict[tuple[str, str], _Node] = {}
        for node in nodes.values():
            node.edges.sort(key=lambda edge: (edge[0], edge[1], not edge[2]))
            first = 0
            for index in range(1, len(node.edges) + 1):
                if index == len(node.edges) or node.edges[index][0] != node.edges[first][0]:
                    rel_type = node.edges[first][0]
                    node.spans[rel_type] = (first, index)
                    node.counts.append({"count": index - first, "type": rel_type})
                    first = index
            if any(label in MAIN_LABELS for label in node.labels):
                for label in node.labels:
                    by_label[(label, str(node.props.get("id")))] = node
        return cls(build, len(nodes), relationships, by_label)

    def detail(
        self,
        label: str,
        node_id: str,
        rel_type: str | None = None,
        skip: int = 0,
        limit: int | None = None,
    ) -> list[Row]:
        """``entity_detail``'s rows for these parameters: one row, or none for an unknown id."""
        node = self._by_label.get((label, node_id))
        if node is None:
            return []
        if rel_type is None:
            first, end = 0, len(node.edges)
        else:
            first, end = node.spans.get(rel_type, (0, 0))
        matching = end - first
        start = first + max(skip, 0)
        stop = end if limit is None else min(end, start + max(limit, 0))
        return [
            {
                "node": node.props,
                "counts": node.counts,
                "matching": matching,
                "neighbours": [
                    {
                        "type": edge[0],
                        "outgoing": edge[2],
                        "neighbour": edge[3],
                        "neighbour_labels": edge[4],
                        "props": edge[5],
                    }
                    for edge in node.edges[start:stop]
                ],
            }
        ]


class Neighbourhoods(PerBuild[Neighbourhood]):
    """The neighbourhood projection of the live build, per store; read again on a new build id."""

    def __init__(self, freeze: bool = False) -> None:
        super().__init__(Neighbourhood.read, freeze=freeze)


#: The process's neighbourhood projections (the API shares it).
neighbourhoods = Neighbourhoods()
