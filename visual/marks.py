"""Marks of the views: shared industries, competed-for designations and complementary
segments in the overlap view; won, lost and pending bids in the designation views (see
docs/views.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from visual.model import ViewEdge, ViewGraph

DESIGNATION_LABELS = ("Designation", "DesignationRound")


def mark_overlap(
    graph: ViewGraph, region_keys: set[str], within: Mapping[str, set[str]] | None = None
) -> None:
    """Mark items that two or more of the given regions reach, and the segments of a shared
    industry that only one of them works on. A designation (round) is competed for only when
    two of the regions are rivals in it: different places, neither ``within`` the other (node
    keys of the regions each lies in), not partners of one bid, bidding for the same round."""
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
        if node.label in DESIGNATION_LABELS:
            if _rivals(graph, key, region_keys, within or {}):
                node.mark = "competing"
        else:
            node.mark = "shared"
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


def _rivals(
    graph: ViewGraph, target: str, region_keys: set[str], within: Mapping[str, set[str]]
) -> bool:
    """Whether two of the regions bid for the same round of ``target`` as rivals."""
    node = graph.nodes[target]
    bids = []
    for edge in graph.edges.values():
        if edge.target != target or edge.source not in region_keys:
            continue
        if edge.type not in ("SEEKS", "HOLDS"):
            continue
        round_id = node.id if node.label == "DesignationRound" else edge.props.get("round")
        if round_id:
            bids.append((edge.source, str(round_id), edge.props.get("bid") or edge.source))
    for i, (a, round_a, bid_a) in enumerate(bids):
        for b, round_b, bid_b in bids[i + 1 :]:
            nested = a in within.get(b, set()) or b in within.get(a, set())
            if a != b and round_a == round_b and bid_a != bid_b and not nested:
                return True
    return False


def mark_bids(graph: ViewGraph, places: set[str] | None = None) -> None:
    """Mark each place (or, in a region's view, each round) by the outcome of its bid: won
    (it HOLDS the round), lost (its SEEKS says not_selected) or pending."""
    outcome: dict[tuple[str, str], str] = {}
    for edge in graph.edges.values():
        if edge.type not in ("SEEKS", "HOLDS"):
            continue
        if graph.nodes[edge.target].label != "DesignationRound":
            continue
        pair = (edge.source, edge.target)
        if edge.type == "HOLDS" or edge.props.get("outcome") == "designated":
            outcome[pair] = "won"
        elif edge.props.get("outcome") == "not_selected" and outcome.get(pair) != "won":
            outcome[pair] = "lost"
        else:
            outcome.setdefault(pair, "pending")
    for (place, round_key), result in outcome.items():
        key = round_key if places is not None else place
        if places is not None and place not in places:
            continue
        node = graph.nodes[key]
        # A round one place won and another lost is marked won in a region's view.
        if node.mark is None or _RANK[result] > _RANK.get(node.mark, -1):
            node.mark = result
    for edge in graph.edges.values():
        if (edge.source, edge.target) in outcome:
            edge.mark = outcome[(edge.source, edge.target)]


_RANK = {"pending": 0, "lost": 1, "won": 2}


def _mark_edge(graph: ViewGraph, edge: ViewEdge, region_keys: set[str]) -> None:
    if edge.source in region_keys:
        edge.mark = graph.nodes[edge.target].mark
