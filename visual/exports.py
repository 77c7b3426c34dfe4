"""A view as a file for graph tools: GraphML (yEd, Cytoscape, Gephi) and GEXF (Gephi), written
by networkx. Each node carries its id (``rsg_id``), Korean and English names, kind in both
languages and its properties; each edge its relationship type (``relationship``), names,
evidence and sources. Lists become text joined by `` | `` (neither format has lists)."""

from __future__ import annotations

import io
from typing import Any, Literal

import networkx as nx  # type: ignore[import-untyped]  # no stubs in the pinned set

from visual.model import ViewGraph
from visual.style import label_style

GraphFormat = Literal["graphml", "gexf"]
MEDIA = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


def _value(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return " | ".join(str(v) for v in value)
    return str(value)


def _attributes(props: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    found = {}
    for key, value in props.items():
        # "id" would become the GEXF element id (networkx takes it from the attributes)
        if key.startswith("_") or key in taken or key in ("id", "type"):
            continue
        converted = _value(value)
        if converted is not None:
            found[key] = converted
    return found


def to_networkx(graph: ViewGraph) -> Any:
    out = nx.MultiDiGraph(name=graph.title_en, title_ko=graph.title_ko, title_en=graph.title_en)
    for node in graph.nodes.values():
        style = label_style(node.label)
        fixed = {
            "label": node.name_ko,
            "name_ko": node.name_ko,
            "name_en": node.name_en,
            "rsg_id": node.id,
            "kind": node.label,
            "kind_ko": style.name_ko,
            "kind_en": style.name_en,
            "labels": " | ".join(node.labels),
        }
        out.add_node(node.key, **fixed, **_attributes(node.props, set(fixed)))
    for edge in graph.edges.values():
        fixed = {
            "label": edge.type,
            # not "type": GEXF keeps that word for directed / undirected
            "relationship": edge.type,
            "name_ko": edge.name_ko,
            "name_en": edge.name_en,
        }
        attributes = _attributes(edge.props, set(fixed))
        attributes.setdefault("evidence", "")
        out.add_edge(edge.source, edge.target, key=edge.key, **fixed, **attributes)
    return out


def _uniform(graph: Any) -> None:
    """One type per attribute name (both formats declare a type per key): mixed become text."""
    for items in (
        [data for _, data in graph.nodes(data=True)],
        [data for _, _, data in graph.edges(data=True)],
    ):
        kinds: dict[str, set[type]] = {}
        for data in items:
            for key, value in data.items():
                kinds.setdefault(key, set()).add(type(value))
        mixed = {key for key, seen in kinds.items() if len(seen) > 1}
        for data in items:
            for key in mixed & set(data):
                data[key] = str(data[key])


def write(graph: ViewGraph, fmt: GraphFormat) -> bytes:
    """The file's bytes (UTF-8 XML)."""
    networked = to_networkx(graph)
    _uniform(networked)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(networked, buffer, encoding="utf-8")
    else:
        nx.write_gexf(networked, buffer, encoding="utf-8")
    return buffer.getvalue()
