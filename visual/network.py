"""A view graph as vis-network data, built with pyvis.

pyvis holds the network (nodes, edges, options); its own HTML output is not used because it
loads scripts from CDNs and turns titles into raw HTML. Tooltips are not given to pyvis as
titles: each node and edge carries its facts as plain data, and the page builds the tooltip
as DOM text.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from pyvis.network import Network

from visual.layout import positions
from visual.model import ViewEdge, ViewGraph, ViewNode, figures, sources
from visual.style import LABEL_STYLES, MARK_STYLES, label_style


def _node_options(node: ViewNode) -> dict[str, Any]:
    style = label_style(node.label)
    mark = MARK_STYLES.get(node.mark or "")
    return {
        "label_ko": node.name_ko,
        "label_en": node.name_en,
        "kind_ko": style.name_ko,
        "kind_en": style.name_en,
        "rsg_id": node.id,
        "rsg_label": node.label,
        "mark": node.mark,
        "size": round(node.size, 1),
        "borderWidth": 4 if mark else 1,
        "color": {
            "background": style.color,
            "border": mark.color if mark else style.color,
            "highlight": {"background": style.color, "border": "#000000"},
        },
        "figures": [asdict(f) for f in figures(node.props)],
        "sources": sources(node.props),
        "evidence": str(node.props.get("evidence") or ""),
    }


def _edge_options(edge: ViewEdge) -> dict[str, Any]:
    mark = MARK_STYLES.get(edge.mark or "")
    return {
        "label_ko": edge.name_ko,
        "label_en": edge.name_en,
        "rsg_type": edge.type,
        "mark": edge.mark,
        "width": round(edge.width, 2),
        "arrows": "from" if edge.reverse else "to",
        "color": {"color": mark.color if mark else "#9aa4ad", "highlight": "#000000"},
        "dashes": edge.mark == "complementary",
        "figures": [asdict(f) for f in figures(edge.props)],
        "sources": sources(edge.props),
        "evidence": str(edge.props.get("evidence") or ""),
    }


def network(graph: ViewGraph, layout_threshold: int) -> Network:
    """The pyvis network of ``graph``; positions are fixed when it has ``layout_threshold``
    nodes or more (the browser then draws without running physics)."""
    net = Network(directed=True)
    fixed = len(graph.nodes) >= layout_threshold
    scale = 60.0 * math.sqrt(len(graph.nodes)) if fixed else 1.0
    pos = positions(graph, scale) if fixed else {}
    for key in sorted(graph.nodes):
        node = graph.nodes[key]
        extra: dict[str, Any] = {}
        if key in pos:
            extra = {"x": round(pos[key][0], 1), "y": round(pos[key][1], 1)}
        net.add_node(
            key,
            label=node.name_ko,
            shape=label_style(node.label).shape,
            **_node_options(node),
            **extra,
        )
    for key in sorted(graph.edges):
        edge = graph.edges[key]
        net.add_edge(edge.source, edge.target, id=key, label=edge.name_ko, **_edge_options(edge))
    return net


def options(fixed: bool) -> dict[str, Any]:
    """vis-network options: physics settles the layout and is then switched off by the page."""
    return {
        "autoResize": True,
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": fixed},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "scaling": {"label": True}},
        "edges": {
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "smooth": False if fixed else {"type": "continuous"},
            "arrows": {"to": {"scaleFactor": 0.5}, "from": {"scaleFactor": 0.5}},
        },
        "physics": {
            "enabled": not fixed,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
            "minVelocity": 1.0,
        },
        # vis's improved layout (Kamada-Kawai) is slow on big graphs; fixed layouts need none.
        "layout": {"randomSeed": 7, "improvedLayout": not fixed},
    }


def legend(graph: ViewGraph) -> list[dict[str, str]]:
    """One entry per label and mark present, in a stable order."""
    labels = {n.label for n in graph.nodes.values()}
    marks = {n.mark for n in graph.nodes.values()} | {e.mark for e in graph.edges.values()}
    entries = [
        {"kind": "label", "shape": s.shape, "color": s.color, "ko": s.name_ko, "en": s.name_en}
        for name, s in LABEL_STYLES.items()
        if name in labels
    ]
    if labels - set(LABEL_STYLES):
        other = label_style("")
        entries.append(
            {"kind": "label", "shape": "dot", "color": other.color, "ko": "기타", "en": "Other"}
        )
    entries += [
        {"kind": "mark", "shape": "border", "color": m.color, "ko": m.name_ko, "en": m.name_en}
        for name, m in MARK_STYLES.items()
        if name in marks
    ]
    return entries


def data(graph: ViewGraph, layout_threshold: int) -> dict[str, Any]:
    """Everything the page needs to draw ``graph``."""
    fixed = len(graph.nodes) >= layout_threshold
    net = network(graph, layout_threshold)
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options(fixed),
        "legend": legend(graph),
        "fixed": fixed,
    }
