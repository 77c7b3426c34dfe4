"""Marks of the overlap view: shared industries, competed-for designations, complementary
segments (see docs/views.md)."""

from __future__ import annotations

from collections import defaultdict

from visual.model import ViewEdge, ViewGraph


def mark_overlap(graph: ViewGraph, region_keys: set[str]) -> None:
    """Mark items that two or more of the given regions reach, and the segments of a shared
    industry that only one of them works on."""
    reached: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges.values():
        if edge.source in region_keys and edge.type in ("PURSUES", "SEEKS", "HOLDS"):
            reached[edge.target].add(edge.source)
    broader = {e.source: e.target for e in graph.edges.values() if e.type == "BROADER"}
    # An industry also counts as reached by a region that pursues one of its segments.
    for segment, parent in broader.items():
        if parent in graph.nodes:
            reached[parent] |= reached.get(segment, set())
    for key, regions in reached.items():
        node = graph.nodes[key]
        if len(regions) < 2:
            continue
        node.mark = "competing" if node.label == "Designation" else "shared"
    for segment, parent in broader.items():
        node = graph.nodes[segment]
        parent_node = graph.nodes.get(parent)
        shared_parent = parent_node is not None and parent_node.mark == "shared"
        if node.mark is None and shared_parent and len(reached.get(segment, set())) == 1:
            node.mark = "complementary"
    for edge in graph.edges.values():
        _mark_edge(graph, edge, region_keys)
    for key in region_keys:
        graph.nodes[key].mark = "focus"


def _mark_edge(graph: ViewGraph, edge: ViewEdge, region_keys: set[str]) -> None:
    if edge.source in region_keys:
        edge.mark = graph.nodes[edge.target].mark
