"""Edges computed from the stated facts: merged duplicates, the derived PURSUES edges, and the
bids for a designation round rolled up to the round's scheme."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ingest.graph.graphdata import EdgeRecord, GraphData, Key

_MERGED = ("sources", "segments")
_BIDS = ("SEEKS", "HOLDS")


#: A bid's outcome once the round is decided outranks "pending", whichever source came first.
_OUTCOME_RANK = {"pending": 0, "not_selected": 1, "designated": 2}


def _identity(edge: EdgeRecord) -> tuple[Any, ...]:
    if edge.type == "PURSUES":  # one PURSUES per region and industry, whatever says it
        return (edge.type, edge.start, edge.end)
    if edge.type in _BIDS and edge.end[0] == "DesignationRound":
        return (edge.type, edge.start, edge.end)  # one bid per place and round, told by many
    props = tuple(
        sorted(
            (k, repr(v))
            for k, v in edge.props.items()
            if k not in (*_MERGED, "evidence", "evidence_start", "evidence_end", "derived")
        )
    )
    return (edge.type, edge.start, edge.end, props)


def merge_edges(edges: list[EdgeRecord]) -> list[EdgeRecord]:
    """One edge per identity; sources and segments are united, the first evidence kept."""
    merged: dict[tuple[Any, ...], EdgeRecord] = {}
    for edge in edges:
        key = _identity(edge)
        kept = merged.get(key)
        if kept is None:
            merged[key] = EdgeRecord(edge.type, edge.start, edge.end, dict(edge.props), edge.origin)
            continue
        for name in _MERGED:
            if name in edge.props or name in kept.props:
                values = [*kept.props.get(name, []), *edge.props.get(name, [])]
                kept.props[name] = sorted(dict.fromkeys(values))
        if kept.props.get("derived") and not edge.props.get("derived"):
            # A stated fact outranks a derived one: keep its evidence and flag.
            kept.props.update(
                {k: v for k, v in edge.props.items() if k not in _MERGED}, derived=False
            )
        for name in ("since",):
            dates = [d for d in (kept.props.get(name), edge.props.get(name)) if d]
            if dates:
                kept.props[name] = min(dates)
        if key[0] in _BIDS:
            _merge_bid(kept.props, edge.props)
    return list(merged.values())


def _merge_bid(kept: dict[str, Any], other: dict[str, Any]) -> None:
    """Two sources on one bid: what one leaves out the other fills in; a decided outcome
    replaces "pending" (the later report knows the result)."""
    for name, value in other.items():
        if name not in kept and name not in ("evidence", "evidence_start", "evidence_end"):
            kept[name] = value
    mine, theirs = kept.get("outcome"), other.get("outcome")
    if theirs and _OUTCOME_RANK.get(theirs, 0) > _OUTCOME_RANK.get(mine or "pending", 0):
        kept["outcome"] = theirs
        if other.get("decided"):
            kept["decided"] = other["decided"]


def _adjacency(graph: GraphData, types: set[str]) -> dict[Key, list[Key]]:
    out: dict[Key, list[Key]] = defaultdict(list)
    for edge in graph.edges:
        if edge.type in types:
            out[edge.start].append(edge.end)
    return out


def _walk(out: dict[Key, list[Key]], start: Key) -> list[Key]:
    """Nodes reachable from ``start`` over the edges of ``out`` (start included, in order)."""
    seen = [start]
    known = {start}
    stack = [start]
    while stack:
        for nxt in out.get(stack.pop(), ()):
            if nxt not in known:
                known.add(nxt)
                seen.append(nxt)
                stack.append(nxt)
    return seen


def derive_pursues(graph: GraphData) -> list[EdgeRecord]:
    """Region -ADOPTS-> Strategy (-HAS_PHASE|INCLUDES->)* -TARGETS-> Industry gives PURSUES.

    A value-chain segment also rolls up to its broader industry, listed in ``segments``.
    """
    targets: dict[Key, list[EdgeRecord]] = defaultdict(list)
    broader: dict[Key, list[Key]] = defaultdict(list)
    for edge in graph.edges:
        if edge.type == "TARGETS":
            targets[edge.start].append(edge)
        elif edge.type == "BROADER":
            broader[edge.start].append(edge.end)
    # One adjacency for every walk: rebuilding it per ADOPTS edge was quadratic at scale.
    plan = _adjacency(graph, {"HAS_PHASE", "INCLUDES"})
    derived: list[EdgeRecord] = []
    for adopt in (e for e in graph.edges if e.type == "ADOPTS"):
        region = adopt.start
        # An undated initiative is pursued at the latest since its strategy was announced:
        # without that fallback as-of questions would drop most derived edges.
        root = graph.nodes[adopt.end].props
        plan_since = root.get("announced") or root.get("period_start")
        for holder in _walk(plan, adopt.end):
            node = graph.nodes[holder]
            since = node.props.get("announced") or node.props.get("start") or plan_since
            for target in targets.get(holder, []):
                industry = graph.nodes[target.end]
                base: dict[str, Any] = {
                    "sources": target.props.get("sources", []),
                    "evidence": target.props.get("evidence", ""),
                    "derived": True,
                }
                if since:
                    base["since"] = since
                derived.append(EdgeRecord("PURSUES", region, target.end, dict(base), "derived"))
                if industry.props.get("segment"):
                    for parent in broader.get(target.end, []):
                        props = {**base, "segments": [target.end[1]]}
                        derived.append(EdgeRecord("PURSUES", region, parent, props, "derived"))
    return derived


def derive_scheme_bids(graph: GraphData) -> list[EdgeRecord]:
    """A bid for a round, or a round held, also links the region to the round's scheme.

    Saved v1 queries ask ``(Region)-[:SEEKS|HOLDS]->(Designation)``; the rolled-up edge keeps
    them answering (``derived: true``, ``round``: the round's id, the dates of the round when
    the bid gives none).
    """
    scheme = {e.start: e.end for e in graph.edges if e.type == "ROUND_OF"}
    derived: list[EdgeRecord] = []
    for edge in graph.edges:
        if edge.type not in _BIDS or edge.end not in scheme:
            continue
        decided = graph.nodes[edge.end].props.get("decided")
        props = {**edge.props, "derived": True, "round": edge.end[1]}
        props.pop("evidence_start", None)
        props.pop("evidence_end", None)
        if edge.type == "HOLDS" and decided:
            props.setdefault("since", decided)
        if edge.type == "SEEKS" and decided and props.get("outcome") in _DECIDED:
            props.setdefault("decided", decided)
        derived.append(EdgeRecord(edge.type, edge.start, scheme[edge.end], props, "derived"))
    return derived


_DECIDED = ("designated", "not_selected")


def date_from_sources(graph: GraphData) -> None:
    """A PURSUES edge without ``since`` holds at the latest from when its source was published
    (as-of answers leave undated facts out; this keeps a stated pursuit in them)."""
    published = {
        key[1]: node.props["published"]
        for key, node in graph.nodes.items()
        if key[0] == "Source" and node.props.get("published")
    }
    for edge in graph.edges:
        if edge.type == "PURSUES" and not edge.props.get("since"):
            dates = [published[s] for s in edge.props.get("sources", []) if s in published]
            if dates:
                edge.props["since"] = min(dates)


def derive_bid_pursuits(graph: GraphData) -> list[EdgeRecord]:
    """A place that bids for (or holds) a round pursues the industries the round covers, and
    those the bid names (``industries``: an opportunity zone's round covers none).

    ``derived: true``; ``since`` is the bid's date (else the round's call) or the date the
    round was won (else its decision), else the round's year;
    the evidence and sources are the bid's. Overlap, ranking and similarity then see the
    places known only from designation rounds.
    """
    covers: dict[Key, list[Key]] = defaultdict(list)
    for edge in graph.edges:
        if edge.type == "COVERS":
            covers[edge.start].append(edge.end)
    derived: list[EdgeRecord] = []
    for edge in graph.edges:
        if edge.type not in _BIDS or edge.end[0] != "DesignationRound":
            continue
        industries = [*covers.get(edge.end, [])]
        industries += [("Industry", i) for i in edge.props.get("industries", [])]
        round_props = graph.nodes[edge.end].props
        if edge.type == "SEEKS":
            dates = (edge.props.get("date"), round_props.get("announced"))
        else:
            dates = (edge.props.get("since"), round_props.get("decided"))
        since = next((d for d in (*dates, round_props.get("year")) if d), None)
        base: dict[str, Any] = {
            "sources": edge.props.get("sources", []),
            "evidence": edge.props.get("evidence", ""),
            "derived": True,
        }
        if since:
            base["since"] = since
        for industry in dict.fromkeys(industries):
            derived.append(EdgeRecord("PURSUES", edge.start, industry, dict(base), "derived"))
    return derived
