"""Layouts for print that show a view's structure (the force layout of ``visual/layout.py``
shows only its tangles).

구조 배치 / structural layouts, one per view kind, in units of one node pitch:

- region: the region at the centre, then rings of strategies, initiatives, industries, and
  the organisations, designations and other regions outside;
- industry: the industry at the centre, its segments, the initiatives, the regions;
- overlap: the regions apart, what two or more of them share between them, what only one
  of them has on its far side;
- organisation network and funding flow: columns from organisations (funders) through
  initiatives to regions, read left to right;
- anything else (query results): rings by distance from the most connected node.

Each node also gets the side its name should go (outward from the centre, or away from
the column's neighbours); ``visual/placement.py`` prefers it. Within a ring or column nodes
are ordered by the mean angle (or height) of their neighbours, in a few sweeps, so that
edges cross less. Deterministic: ties are broken by node key.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from visual.model import ViewGraph

#: Radial distance between rings, in node pitches (room for the names in between).
RING_GAP = 3.2
#: Horizontal distance between columns, in node pitches.
COLUMN_GAP = 9.0
SWEEPS = 4
#: Least share of an even spacing between neighbours on a ring.
EVEN = 0.8

Point = tuple[float, float]


@dataclass
class Layout:
    pos: dict[str, Point] = field(default_factory=dict)
    toward: dict[str, float | None] = field(default_factory=dict)  # radians
    line_ems: float = 11.0  # width of a line of a name (columns leave more room sideways)


def layout(graph: ViewGraph) -> Layout:
    if not graph.nodes:
        return Layout()
    if graph.kind in ("organizations", "funding"):
        return columns(graph, _column_of)
    if graph.kind == "overlap":
        return overlap(graph)
    return rings(graph, _ring_rule(graph))


def _neighbours(graph: ViewGraph) -> dict[str, set[str]]:
    near: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges.values():
        if edge.source != edge.target:
            near[edge.source].add(edge.target)
            near[edge.target].add(edge.source)
    return near


def _focus(graph: ViewGraph) -> str:
    degree = graph.degree()
    marked = sorted(k for k, n in graph.nodes.items() if n.mark == "focus")
    if marked:
        return marked[0]
    return min(graph.nodes, key=lambda k: (-degree[k], k))


RING_BY_LABEL: dict[str, dict[str, int]] = {
    "region": {"Strategy": 1, "Initiative": 2, "Industry": 3},
    "industry": {"Industry": 1, "Initiative": 2, "Region": 3},
}


def _ring_rule(graph: ViewGraph) -> Callable[[str], int]:
    centre = _focus(graph)
    by_label = RING_BY_LABEL.get(graph.kind)
    if by_label is not None:
        outer = max(by_label.values()) + 1
        return lambda key: 0 if key == centre else by_label.get(graph.nodes[key].label, outer)
    # Any other graph: rings by hops from the centre; unreachable nodes outermost.
    near = _neighbours(graph)
    hops = {centre: 0}
    frontier = [centre]
    while frontier:
        following = []
        for key in frontier:
            for other in sorted(near[key]):
                if other not in hops:
                    hops[other] = hops[key] + 1
                    following.append(other)
        frontier = following
    last = max(hops.values()) + 1
    return lambda key: hops.get(key, last)


def _circular_mean(angles: list[float]) -> float | None:
    if not angles:
        return None
    x = sum(math.cos(a) for a in angles)
    y = sum(math.sin(a) for a in angles)
    return math.atan2(y, x) if abs(x) + abs(y) > 1e-9 else None


def _spread(wanted: list[float], gap: float, period: float | None) -> list[float]:
    """Values as near ``wanted`` (sorted) as possible, at least ``gap`` apart: pool adjacent
    violators on ``wanted[i] - i * gap`` (least squares). With ``period`` the values live on
    a circle: it is cut at the widest gap first."""
    n = len(wanted)
    if n == 0:
        return []
    shift = 0.0
    if period is not None:
        if n * gap >= period:
            return [wanted[0] + i * period / n for i in range(n)]
        widths = [(wanted[(i + 1) % n] - wanted[i]) % period for i in range(n)]
        start = (max(range(n), key=lambda i: (widths[i], -i)) + 1) % n
        unrolled = [wanted[(start + i) % n] for i in range(n)]
        base = unrolled[0]
        unrolled = [base + (v - base) % period for v in unrolled]
        wanted, shift = unrolled, 0.0
    blocks: list[list[float]] = []  # [mean, count]
    for i, value in enumerate(wanted):
        blocks.append([value - i * gap, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean_b, count_b = blocks.pop()
            mean_a, count_a = blocks[-1]
            blocks[-1] = [(mean_a * count_a + mean_b * count_b) / (count_a + count_b),
                          count_a + count_b]  # fmt: skip
    out: list[float] = []
    for mean, count in blocks:
        out.extend([mean] * int(count))
    return [v + i * gap + shift for i, v in enumerate(out)]


def rings(graph: ViewGraph, ring_of: Callable[[str], int]) -> Layout:
    near = _neighbours(graph)
    members: dict[int, list[str]] = defaultdict(list)
    for key in sorted(graph.nodes):
        members[ring_of(key)].append(key)
    order = sorted(members)
    radius: dict[int, float] = {}
    previous = 0.0
    for index, ring in enumerate(order):
        count = len(members[ring])
        if index == 0:
            radius[ring] = 0.0 if count == 1 else max(1.0, count / (2 * math.pi))
        else:
            radius[ring] = max(previous + RING_GAP, count * 1.15 / (2 * math.pi))
        previous = radius[ring]
    angle: dict[str, float] = {}
    for ring in order:  # first guess: evenly around, in key order
        keys = members[ring]
        for i, key in enumerate(keys):
            angle[key] = 2 * math.pi * i / len(keys)
    for sweep in range(SWEEPS):
        walk = order if sweep % 2 == 0 else list(reversed(order))
        for ring in walk:
            if radius[ring] == 0.0:
                continue
            _order_ring(members[ring], ring, radius[ring], near, angle, ring_of, radius)
    layout = Layout()
    for ring in order:
        for key in members[ring]:
            r = radius[ring]
            a = angle[key]
            layout.pos[key] = (r * math.cos(a), r * math.sin(a))
            layout.toward[key] = a if r > 0 else None
    return layout


def _order_ring(
    keys: list[str],
    ring: int,
    r: float,
    near: dict[str, set[str]],
    angle: dict[str, float],
    ring_of: Callable[[str], int],
    radius: dict[int, float],
) -> None:
    wanted: list[tuple[float, str]] = []
    for key in keys:
        # Neighbours on other rings pull; those on the centre node have no angle.
        pulls = [angle[o] for o in near[key] if ring_of(o) != ring and radius[ring_of(o)] > 0]
        mean = _circular_mean(pulls)
        wanted.append(((mean if mean is not None else angle[key]) % (2 * math.pi), key))
    wanted.sort()
    # Nearly even around the ring (it reads as a ring), in the order the neighbours ask for.
    gap = max(1.0 / r, EVEN * 2 * math.pi / len(keys))
    spread = _spread([w for w, _ in wanted], gap, 2 * math.pi)
    for (_, key), value in zip(wanted, spread, strict=True):
        angle[key] = value % (2 * math.pi)


COLUMN_BY_LABEL = {"Organization": 0, "Initiative": 1, "Region": 2}


def _column_of(label: str) -> int:
    return COLUMN_BY_LABEL.get(label, 1)


def columns(graph: ViewGraph, column_of: Callable[[str], int]) -> Layout:
    """Columns left to right; names of the first column on the left, of the others on the
    right of their nodes."""
    near = _neighbours(graph)
    members: dict[int, list[str]] = defaultdict(list)
    for key in sorted(graph.nodes):
        members[column_of(graph.nodes[key].label)].append(key)
    order = sorted(members)
    tallest = max(len(keys) for keys in members.values())
    height: dict[str, float] = {}
    for col in order:
        keys = members[col]
        for i, key in enumerate(keys):
            height[key] = _row(i, len(keys), tallest)
    where = {key: col for col, keys in members.items() for key in keys}
    for sweep in range(SWEEPS):
        walk = order if sweep % 2 == 0 else list(reversed(order))
        for col in walk:
            keys = members[col]
            wanted = []
            for key in keys:
                pulls = [height[o] for o in near[key] if where[o] != col]
                wanted.append((sum(pulls) / len(pulls) if pulls else height[key], key))
            wanted.sort()
            spread = _spread([w for w, _ in wanted], 1.0, None)
            top = (tallest - 1) / 2
            shift = max(0.0, spread[-1] - top) - max(0.0, -top - spread[0])
            for (_, key), value in zip(wanted, spread, strict=True):
                height[key] = value - shift
    layout = Layout(line_ems=17.0)
    first = order[0]
    for col in order:
        x = COLUMN_GAP * order.index(col)
        for key in members[col]:
            layout.pos[key] = (x, -height[key])
            layout.toward[key] = math.pi if col == first and len(order) > 1 else 0.0
    return layout


def _row(i: int, count: int, tallest: int) -> float:
    """Evenly spread rows of a column of ``count`` over the height of the tallest."""
    if count == 1:
        return 0.0
    return -(tallest - 1) / 2 + i * (tallest - 1) / (count - 1)


def overlap(graph: ViewGraph) -> Layout:
    """Regions apart on a circle (left and right for two); nodes reached by two or more of
    them between those; nodes of one region on its far side, in arcs."""
    near = _neighbours(graph)
    anchors = sorted(k for k, n in graph.nodes.items() if n.mark == "focus")
    if len(anchors) < 2:
        return rings(graph, _ring_rule(graph))
    k = len(anchors)
    reach = _reach(graph, anchors, near)
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    for key in sorted(graph.nodes):
        if key not in anchors:
            groups[reach[key]].append(key)
    # Far enough apart for the widest fan and, between the regions, the shared column.
    fans = max(_fan_radius(len(groups.get(frozenset({a}), []))) for a in anchors)
    spacing = fans + RING_GAP + 1.0
    if k > 2:  # the regions on a circle: room for the shared groups inside it
        spacing = max(spacing, (fans + RING_GAP) / math.sin(math.pi / k))
    place: dict[str, Point] = {}
    for i, key in enumerate(anchors):
        a = math.pi - 2 * math.pi * i / k  # the first region on the left
        place[key] = (spacing * math.cos(a), spacing * math.sin(a) if k > 2 else 0.0)
    layout = Layout()
    for key in anchors:
        x, y = place[key]
        layout.toward[key] = math.atan2(y, x)
    shared = sorted((s for s in groups if len(s) > 1), key=lambda s: (-len(s), sorted(s)))
    columns: list[tuple[float, float, float]] = []  # x, lowest y, highest y of each column
    for regions in shared:
        keys = sorted(groups[regions], key=lambda q: (graph.nodes[q].label, q))
        cx = sum(place[r][0] for r in regions) / len(regions)
        cy = sum(place[r][1] for r in regions) / len(regions)
        if len(regions) == k:
            cx, cy = 0.0, 0.0
        half = (len(keys) - 1) / 2
        # Groups whose regions face each other share a centre: set their columns side by side.
        step = 0
        while any(abs(x - cx) < SHARED_GAP and lo - 1 <= cy + half and cy - half <= hi + 1
                  for x, lo, hi in columns):  # fmt: skip
            step += 1
            cx += SHARED_GAP * step * (1 if step % 2 else -1)
        columns.append((cx, cy - half, cy + half))
        for i, key in enumerate(keys):
            place[key] = (cx, cy + half - i)
            layout.toward[key] = 0.0
    for anchor in anchors:
        _fan(graph, anchor, groups.get(frozenset({anchor}), []), place, layout, near)
    _fan(graph, None, groups.get(frozenset(), []), place, layout, near)
    layout.pos = separate(place)
    return layout


def separate(pos: dict[str, Point], least: float = 1.0, rounds: int = 50) -> dict[str, Point]:
    """Nodes pushed apart until none is nearer than ``least`` to another (a safety net for
    layouts that may put two nodes on one spot); the others do not move."""
    keys = sorted(pos)
    xy = np.array([pos[k] for k in keys], dtype=float).reshape(-1, 2)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(d[..., 0], d[..., 1])
        np.fill_diagonal(dist, np.inf)
        close = dist < least * 0.999
        if not close.any():
            break
        # Coincident nodes part along a fixed direction per pair (opposite for its two
        # ends), the rest along the line between them.
        i, j = np.nonzero(close)
        same = dist[i, j] < 1e-9
        angle = np.minimum(i, j) + 0.5 * np.maximum(i, j)
        apart = np.stack((np.cos(angle), np.sin(angle)), 1) * np.where(i < j, 1.0, -1.0)[:, None]
        direction = np.where(same[:, None], apart, d[i, j] / np.maximum(dist[i, j], 1e-9)[:, None])
        push = ((least - np.where(same, 0.0, dist[i, j])) / 2)[:, None] * direction
        np.add.at(xy, i, push / 2)
    return {k: (float(xy[n, 0]), float(xy[n, 1])) for n, k in enumerate(keys)}


def _reach(
    graph: ViewGraph, anchors: list[str], near: dict[str, set[str]]
) -> dict[str, frozenset[str]]:
    """Which regions reach each node: directly, or through a segment (for its broader
    industry), or else through any neighbour."""
    found: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges.values():
        if edge.source in anchors and edge.target not in anchors:
            found[edge.target].add(edge.source)
    for edge in graph.edges.values():
        if edge.type == "BROADER" and edge.target not in anchors:
            found[edge.target] |= found.get(edge.source, set())
    out: dict[str, frozenset[str]] = {}
    for key in graph.nodes:
        regions = found.get(key) or set().union(
            *(found.get(o, set()) for o in near[key] if o not in anchors)
        )
        out[key] = frozenset(regions)
    return out


SHARED_GAP = 7.0  # units between side-by-side columns of shared nodes (room for names)
FAN_SPAN = 5.2  # radians an arc may use around its region
FAN_PITCH = 1.15  # units between neighbours on an arc


def _fan_radius(count: int) -> float:
    return max(3.0, count * FAN_PITCH / FAN_SPAN)


def _fan(
    graph: ViewGraph,
    anchor: str | None,
    keys: list[str],
    place: dict[str, Point],
    layout: Layout,
    near: dict[str, set[str]],
) -> None:
    """``keys`` in arcs around ``anchor`` on its far side (around the centre for no anchor),
    ordered by the direction of their other neighbours."""
    if not keys:
        return
    ax, ay = place[anchor] if anchor else (0.0, 0.0)
    out = math.atan2(ay, ax) if anchor else math.pi / 2
    wanted = []
    for key in keys:
        others = [place[o] for o in near[key] if o in place and o != anchor]
        if others:
            mx = sum(p[0] for p in others) / len(others) - ax
            my = sum(p[1] for p in others) / len(others) - ay
            a = math.atan2(my, mx)
        else:
            a = out
        # Keep the far side: angles measured from the outward direction, within ±150°.
        rel = (a - out + math.pi) % (2 * math.pi) - math.pi
        wanted.append((max(-2.6, min(2.6, rel)), key))
    wanted.sort()
    radius = _fan_radius(len(wanted))
    if not anchor:
        radius = max(radius, max(abs(p[1]) for p in place.values()) + RING_GAP)
    spread = _spread([w for w, _ in wanted], FAN_PITCH / radius, None)
    centre = sum(spread) / len(spread)
    for (_, key), rel in zip(wanted, spread, strict=True):
        rel -= centre if abs(centre) > FAN_SPAN / 2 - 0.3 else 0.0
        a = out + rel
        place[key] = (ax + radius * math.cos(a), ay + radius * math.sin(a))
        layout.toward[key] = a
