"""The view graph: nodes and edges with Korean and English names, a main label, a size and
the facts a tooltip shows. Built from query rows in the store-neutral shape."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from queries.subgraph import subgraph_of
from visual.style import FIGURES, main_label, money_en, money_ko, rel_names

SizeBy = Literal["degree", "money"]
MONEY_PROPS = ("budget_krw", "amount_krw")


@dataclass
class Figure:
    """One line of a tooltip: a name in both languages and the value as text."""

    name_ko: str
    name_en: str
    value_ko: str
    value_en: str


@dataclass
class ViewNode:
    key: str
    id: str
    label: str
    labels: list[str]
    name_ko: str
    name_en: str
    props: dict[str, Any]
    mark: str | None = None
    size: float = 16.0

    @property
    def money(self) -> int:
        value = self.props.get("budget_krw")
        return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass
class ViewEdge:
    key: str
    source: str
    target: str
    type: str
    props: dict[str, Any]
    mark: str | None = None
    width: float = 1.0
    reverse: bool = False  # drawn against the relationship (funding flows from the funder)
    flow: int = 0  # money carried when the relationship has no amount (an initiative's budget)

    @property
    def money(self) -> int:
        value = self.props.get("amount_krw")
        return value if isinstance(value, int) and not isinstance(value, bool) else self.flow

    @property
    def name_ko(self) -> str:
        return rel_names(self.type)[0]

    @property
    def name_en(self) -> str:
        return rel_names(self.type)[1]


@dataclass(frozen=True)
class Cited:
    """A source that facts of a view cite: who published it and when."""

    id: str
    publisher: str  # empty when the source names none
    published: str  # ISO 8601 at the precision the source gives; empty when unknown
    title_ko: str
    title_en: str
    facts: int  # nodes and relationships of the view that cite it


@dataclass(frozen=True)
class Provenance:
    """Where a view's facts come from: its sources (most cited first) and the build."""

    sources: tuple[Cited, ...] = ()
    build_id: str | None = None

    @property
    def data_date(self) -> str:
        """The newest publication date among the sources: the facts shown are as of it."""
        return max((c.published for c in self.sources if c.published), default="")


@dataclass
class ViewGraph:
    kind: str
    title_ko: str
    title_en: str
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: dict[str, ViewEdge] = field(default_factory=dict)
    note_ko: str = ""
    note_en: str = ""
    provenance: Provenance | None = None

    def add_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        """Add every node and relationship found in ``rows`` (each once)."""
        found = subgraph_of(rows)
        for key, node in found.nodes.items():
            if key in self.nodes:
                continue
            props = node["properties"]
            self.nodes[key] = ViewNode(
                key=key,
                id=str(props.get("id", key)),
                label=main_label(node["labels"]),
                labels=node["labels"],
                name_ko=str(props.get("name_ko") or props.get("id") or key),
                name_en=str(props.get("name_en") or props.get("id") or key),
                props=props,
            )
        for key, edge in found.edges.items():
            if key in self.edges or edge["source"] not in self.nodes:
                continue
            if edge["target"] not in self.nodes:
                continue
            self.edges[key] = ViewEdge(
                key=key,
                source=edge["source"],
                target=edge["target"],
                type=edge["type"],
                props=edge["properties"],
            )

    def by_id(self, node_id: str, label: str | None = None) -> ViewNode | None:
        for node in self.nodes.values():
            if node.id == node_id and (label is None or label in node.labels):
                return node
        return None

    def degree(self) -> dict[str, int]:
        counts = dict.fromkeys(self.nodes, 0)
        for edge in self.edges.values():
            counts[edge.source] += 1
            counts[edge.target] += 1
        return counts

    def size_nodes(self, by: SizeBy) -> None:
        """Node size from 10 to 40 by the square root of money (own budget, else the money on
        its edges) or of the degree; nodes without money keep the smallest size."""
        if by == "money":
            flows = dict.fromkeys(self.nodes, 0)
            for edge in self.edges.values():
                flows[edge.source] += edge.money
                flows[edge.target] += edge.money
            values = {k: float(n.money or flows[k]) for k, n in self.nodes.items()}
        else:
            values = {k: float(v) for k, v in self.degree().items()}
        top = max(values.values(), default=0.0)
        for key, node in self.nodes.items():
            node.size = 10.0 + (30.0 * math.sqrt(values[key] / top) if top > 0 else 6.0)

    def width_edges(self) -> None:
        """Edge width from 1 to 12 by the square root of the amount; 1 without an amount."""
        top = max((e.money for e in self.edges.values()), default=0)
        for edge in self.edges.values():
            edge.width = 1.0 + (11.0 * math.sqrt(edge.money / top) if top and edge.money else 0)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, bool):
        return "예" if value else "아니오"
    return str(value)


def figures(props: dict[str, Any]) -> list[Figure]:
    """The key figures of a node or relationship, money in words in both languages."""
    lines = []
    for name, (name_ko, name_en) in FIGURES.items():
        if f"{name}_ko" in props:  # a value written in each language
            # The English value is ``<name>_en``, or the plain ``<name>`` beside ``<name>_ko``
            # (a bid's role: role_ko "양극재", role "cathode materials").
            text_en = _text(props.get(f"{name}_en") or props.get(name) or "")
            text_ko = _text(props[f"{name}_ko"])
            lines.append(Figure(name_ko, name_en, text_ko, text_en or text_ko))
            continue
        value = props.get(name)
        if value is None or value in ("", []):
            continue
        if name in MONEY_PROPS and isinstance(value, int):
            lines.append(Figure(name_ko, name_en, money_ko(value), money_en(value)))
        else:
            text = _text(value)
            lines.append(Figure(name_ko, name_en, text, text))
    return lines


def sources(props: dict[str, Any]) -> list[str]:
    value = props.get("sources")
    return [str(v) for v in value] if isinstance(value, list) else []
