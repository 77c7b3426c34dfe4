"""A view as a matplotlib figure for print: title, legend, the graph in its structural layout
with names placed without collisions, the key of shortened names, and the caption with the
sources.

그림 구성 / composition, top to bottom: title (and the view's note), a one-row legend, the
graph, the key ("[3] full name" for every name drawn shortened or as a number), the caption.
Everything is measured in points: names keep their size (7 pt) whatever the picture's size;
the layout is scaled to the room. Without a preset the picture grows until every name fits
whole (up to ``MAX_SIDE``); with a preset (A4, slide, square) the size is fixed and names
that do not fit whole are shortened or numbered.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Affine2D, Transform

from visual import caption, labels, structure
from visual.collisions import LABEL_GID, NODES_GID
from visual.model import ViewGraph, ViewNode
from visual.placement import Placed, Spot, place
from visual.style import LABEL_STYLES, MARK_STYLES, label_style

Lang = Literal["ko", "en"]

LABEL_PT = 7.0
KEY_PT = 6.5
CAPTION_PT = 7.0
TITLE_PT = 14.0
LEGEND_PT = 8.0
MARGIN = 16.0  # around the picture, in points
GAP = 8.0  # between the blocks
LINE_SPACING = 1.15
#: Most names written; above it only the largest nodes are named (and keyed).
MAX_LABELS = 150
#: Largest side of the graph area without a preset, in points (30 inches).
MAX_SIDE = 30 * 72.0
#: Width of one column of the key, in points.
KEY_COLUMN = 190.0
EDGE_COLOUR = "#9aa4ad"
#: Cost of a name not drawn, and of each step to a shorter form, in names on the wrong side.
NO_NAME = 40
SHORTER = 4
#: Growth of the scale per attempt.
GROWTH = 1.2
#: Smallest share of their size that markers keep when a preset packs the graph.
MIN_SHRINK = 0.4
#: Shares of the height under the title tried for the key below the graph.
KEY_SHARES = (0.0, 0.15, 0.25, 0.35, 0.45)


@dataclass(frozen=True)
class Preset:
    """A picture size for documents, in millimetres."""

    name: str
    width_mm: float
    height_mm: float  # the height, or the most height when ``fixed`` is false
    name_ko: str
    name_en: str
    fixed: bool = True

    @property
    def wide(self) -> bool:
        """Wide pictures keep the key beside the graph, the others below it."""
        return self.width_mm > 1.2 * self.height_mm

    @property
    def points(self) -> tuple[float, float]:
        return self.width_mm / 25.4 * 72, self.height_mm / 25.4 * 72


PRESETS: dict[str, Preset] = {
    # A4 page width; as tall as the picture needs, at most the page.
    "a4": Preset("a4", 210.0, 297.0, "A4 너비", "A4 page width", fixed=False),
    "slide": Preset("slide", 338.667, 190.5, "16:9 슬라이드", "16:9 slide"),
    "square": Preset("square", 200.0, 200.0, "정사각형", "square"),
}


@dataclass(frozen=True)
class Named:
    """A node whose name is drawn: its forms (the key number filled in later)."""

    key: str
    name: str
    forms: labels.Forms


@cache
def _unit_box(marker: str) -> tuple[float, float, float, float]:
    """Extent of a marker of size 1 point (scatter scales it by the square root of s)."""
    style = MarkerStyle(marker)
    x0, y0, x1, y1 = style.get_path().transformed(style.get_transform()).get_extents().extents
    return float(x0), float(y0), float(x1), float(y1)


def _edge_width(node: ViewNode) -> float:
    return 2.5 if node.mark in MARK_STYLES else 0.6


class Composer:
    """Builds one figure; ``figure()`` is the result."""

    def __init__(
        self, graph: ViewGraph, font: FontProperties, lang: Lang, preset: Preset | None, dpi: float
    ) -> None:
        self.graph = graph
        self.font = font
        self.lang = lang
        self.preset = preset
        self.fig = Figure(dpi=dpi)
        self.canvas = FigureCanvasAgg(self.fig)
        self.renderer = self.canvas.get_renderer()  # type: ignore[no-untyped-call]
        self.pt: Transform = Affine2D().scale(1 / 72) + self.fig.dpi_scale_trans
        self._ems = TextToPath()
        self._unit = font.copy()
        self._chars: dict[str, float] = {}
        self.shrink = 1.0  # markers drawn smaller when a preset packs the graph tighter
        #: After ``figure()``: node centres in the graph's data coordinates (points).
        self.centres: dict[str, tuple[float, float]] = {}
        self._sizes: dict[tuple[str, float], tuple[float, float]] = {}

    # Measuring -------------------------------------------------------------------------

    def ems(self, text: str) -> float:
        """Width of ``text`` in ems of the font, the sum of its characters' advances (for
        wrapping; the boxes used for placement come from the renderer)."""
        return sum(self._advance(ch) for ch in text)

    def _advance(self, ch: str) -> float:
        width = self._chars.get(ch)
        if width is None:
            w, _, _ = self._ems.get_text_width_height_descent(ch, self._unit, ismath=False)
            width = self._chars[ch] = float(w) / float(self._unit.get_size_in_points())
        return width

    def box(self, text: str, size: float) -> tuple[float, float]:
        """Width and height in points of ``text`` as the renderer draws it."""
        cached = self._sizes.get((text, size))
        if cached is None:
            probe = Text(0, 0, text, fontproperties=self.font, fontsize=size,
                         linespacing=LINE_SPACING, ha="center", va="center")  # fmt: skip
            probe.set_figure(self.fig)
            extent = probe.get_window_extent(self.renderer)
            scale = 72.0 / self.fig.dpi
            cached = (extent.width * scale, extent.height * scale)
            self._sizes[(text, size)] = cached
        return cached

    def wrap(self, text: str, size: float, width: float) -> str:
        measure: Callable[[str], float] = self.ems
        return "\n".join(labels.wrap(text, measure, width / size) or [""])

    # Parts -----------------------------------------------------------------------------

    def name(self, node: ViewNode) -> str:
        return node.name_ko if self.lang == "ko" else node.name_en

    def named(self, line_ems: float = labels.LINE_EMS) -> list[Named]:
        """Nodes to name, in placement priority: focus and marked first, then the largest."""
        ranked = sorted(self.graph.nodes.values(), key=lambda v: (-v.size, v.key))
        chosen = {v.key for v in ranked[:MAX_LABELS]}
        order = sorted(
            (v for v in self.graph.nodes.values() if v.key in chosen),
            key=lambda v: (v.mark != "focus", v.mark is None, -v.size, v.key),
        )
        widest = len(order)
        return [
            Named(v.key, self.name(v), labels.forms(self.name(v), self.ems, widest, line_ems))
            for v in order
        ]

    def legend_handles(self) -> list[Line2D]:
        nodes = self.graph.nodes.values()
        handles = [
            Line2D([], [], marker=s.marker, color="none", markerfacecolor=s.color,
                   markersize=8, label=f"{s.name_ko} / {s.name_en}")
            for name, s in LABEL_STYLES.items()
            if any(v.label == name for v in nodes)
        ]  # fmt: skip
        handles += [
            Line2D([], [], marker="o", color="none", markerfacecolor="#ffffff",
                   markeredgecolor=m.color, markeredgewidth=2.2, markersize=8,
                   label=f"{m.name_ko} / {m.name_en}")
            for name, m in MARK_STYLES.items()
            if any(v.mark == name for v in nodes)
        ]  # fmt: skip
        return handles

    # Graph area ------------------------------------------------------------------------

    def spots(
        self, lay: structure.Layout, named: list[Named], scale: float, area: tuple[float, float]
    ) -> tuple[dict[str, tuple[float, float]], list[Spot], np.ndarray, np.ndarray]:
        """Node centres in points within ``area``, the spots to name, the marker boxes and
        the edge segments, for the layout drawn at ``scale`` points per unit."""
        xs = [p[0] for p in lay.pos.values()]
        ys = [p[1] for p in lay.pos.values()]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        gw, gh = area
        at = {
            k: ((x - cx) * scale + gw / 2, (y - cy) * scale + gh / 2)
            for k, (x, y) in lay.pos.items()
        }
        boxes = np.array([self.marker_box(node, at[key]) for key, node in
                          sorted(self.graph.nodes.items())]).reshape(-1, 4)  # fmt: skip
        segments = np.array(
            [(*at[e.source], *at[e.target]) for e in self.graph.edges.values()], dtype=float
        ).reshape(-1, 4)
        spots = []
        for item in named:
            node = self.graph.nodes[item.key]
            x0, y0, x1, y1 = self.marker_box(node, (0.0, 0.0))
            sizes = tuple(
                self.box(text, LABEL_PT) if text else None for text in item.forms.all(len(named))
            )
            spots.append(Spot(*at[item.key], max(-x0, -y0, x1, y1), lay.toward.get(item.key),
                              sizes))  # fmt: skip
        return at, spots, boxes, segments

    def diameter(self, node: ViewNode) -> float:
        return node.size * 0.8 * self.shrink

    def marker_box(self, node: ViewNode, centre: tuple[float, float]) -> tuple[float, ...]:
        x0, y0, x1, y1 = _unit_box(label_style(node.label).marker)
        d = self.diameter(node)
        pad = _edge_width(node) / 2
        x, y = centre
        return (x + x0 * d - pad, y + y0 * d - pad, x + x1 * d + pad, y + y1 * d + pad)

    def margins(self, named: list[Named]) -> tuple[float, float]:
        """Room outside the outermost nodes for their names."""
        widths = [self.box(n.forms.full or n.forms.short(len(named)), LABEL_PT) for n in named]
        mx = max((w for w, _ in widths), default=0.0)
        my = max((h for _, h in widths), default=0.0)
        return min(mx, 140.0) + 20.0, my + 20.0

    def attempt(
        self, lay: structure.Layout, named: list[Named], scale: float, area: tuple[float, float]
    ) -> tuple[dict[str, tuple[float, float]], list[Placed | None], int]:
        """Place the names at ``scale``; the result and how far it is from every name whole.
        Names left out go first in a second round (kept when it does better)."""
        at, spots, boxes, segments = self.spots(lay, named, scale, area)
        order = list(range(len(spots)))
        bounds = (0.0, 0.0, *area)
        placed = place(spots, order, boxes, bounds, segments)
        loss = _loss(spots, placed)
        missing = [i for i, got in enumerate(placed) if got is None]
        if missing:
            again = place(spots, missing + [i for i in order if i not in missing], boxes,
                          bounds, segments)  # fmt: skip
            if _loss(spots, again) < loss:
                placed, loss = again, _loss(spots, again)
        return at, placed, loss

    def extent(
        self, lay: structure.Layout, named: list[Named]
    ) -> tuple[float, float, float, float]:
        """Width and height of the layout in units, and the margins its names need."""
        xs = [p[0] for p in lay.pos.values()]
        ys = [p[1] for p in lay.pos.values()]
        return (max(xs) - min(xs), max(ys) - min(ys), *self.margins(named))

    def fit_room(
        self,
        lay: structure.Layout,
        named: list[Named],
        room: tuple[float, float],
        trim: float | None = None,
        *,
        trim_width: bool = False,
    ) -> tuple[tuple[float, float], dict[str, tuple[float, float]], list[Placed | None], int]:
        """The graph scaled into ``room`` (a preset; with ``trim`` only as tall as it needs,
        at least ``trim``): the area, node centres, placed names and the loss."""
        ex, ey, mx, my = self.extent(lay, named)
        gw, gh = room
        scale = min((gw - 2 * mx) / ex if ex else math.inf,
                    (gh - 2 * my) / ey if ey else math.inf)  # fmt: skip
        scale = max(1.0, scale if math.isfinite(scale) else 1.0)
        self.shrink = 1.0
        self.shrink = max(MIN_SHRINK, min(1.0, scale / self.least_scale(lay)))
        area = (
            min(gw, ex * scale + 2 * mx) if trim_width else gw,
            gh if trim is None else min(gh, max(trim, ey * scale + 2 * my)),
        )
        at, placed, loss = self.attempt(lay, named, scale, area)
        # A name that fits nowhere: smaller markers leave it room (kept only if better).
        shrink = self.shrink
        while any(got is None for got in placed) and self.shrink > MIN_SHRINK:
            self.shrink = max(MIN_SHRINK, self.shrink * 0.8)
            again = self.attempt(lay, named, scale, area)
            if again[2] < loss:
                (at, placed, loss), shrink = again, self.shrink
        self.shrink = shrink
        return area, at, placed, loss

    def grow(
        self, lay: structure.Layout, named: list[Named]
    ) -> tuple[tuple[float, float], dict[str, tuple[float, float]], list[Placed | None]]:
        """The graph grown until every name fits whole, near its side (no preset; at most
        ``MAX_SIDE``): the area, node centres and placed names."""
        ex, ey, mx, my = self.extent(lay, named)
        most = min((MAX_SIDE - 2 * mx) / ex if ex else math.inf,
                   (MAX_SIDE - 2 * my) / ey if ey else math.inf)  # fmt: skip
        least = self.least_scale(lay)
        if least > most:  # too many nodes for the largest picture: smaller markers
            self.shrink = max(MIN_SHRINK, most / least)
        scale = max(1.0, min(least, most))
        best: int | None = None
        enough = len(named) // 20  # names on the far side of their node that are fine
        while True:
            area = (ex * scale + 2 * mx, ey * scale + 2 * my)
            at, placed, loss = self.attempt(lay, named, scale, area)
            if best is None or loss < best:
                best = loss
                result = (area, at, placed)
            if loss <= min(enough, SHORTER - 1) or scale >= most:
                break
            scale = min(scale * GROWTH, most)
        return result

    def least_scale(self, lay: structure.Layout) -> float:
        """The smallest scale at which no two markers touch (at least 12 points a unit)."""
        keys = sorted(lay.pos)
        if len(keys) < 2:
            return 12.0
        xy = np.array([lay.pos[k] for k in keys])
        reach = np.array([self.diameter(self.graph.nodes[k]) / 2 + 1.5 for k in keys])
        dist = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        np.fill_diagonal(dist, np.inf)
        need = (reach[:, None] + reach[None, :]) / np.maximum(dist, 1e-6)
        return float(max(12.0, min(need.max(), MAX_SIDE / 10)))

    # Drawing ---------------------------------------------------------------------------

    def text(self, x: float, y: float, text: str, size: float, **kw: object) -> Text:
        """Text at (x, y) points from the bottom left of the figure."""
        return self.fig.text(x, y, text, fontproperties=self.font, fontsize=size,
                             linespacing=LINE_SPACING, transform=self.pt, **kw)  # type: ignore[arg-type]  # fmt: skip

    def key_entries(
        self, named: list[Named], placed: list[Placed | None]
    ) -> tuple[dict[str, int], list[str]]:
        """Key numbers of the names drawn shortened, in reading order (top to bottom, left to
        right), and the key's lines."""
        keyed = [
            (item, got) for item, got in zip(named, placed, strict=True)
            if got is not None and got.form > 0
        ]  # fmt: skip
        keyed.sort(key=lambda pair: (-round(pair[1].y), pair[1].x, pair[0].key))
        numbers = {item.key: i + 1 for i, (item, _) in enumerate(keyed)}
        lines = [f"{labels.tag(numbers[item.key])} {item.name}" for item, _ in keyed]
        return numbers, lines

    def key_block(
        self, lines: list[str], width: float, tallest: float | None = None
    ) -> tuple[list[str], float]:
        """The key in columns (as many as ``width`` holds; beside the graph, as few as keep
        it within ``tallest``): the text of each column and the block's height."""
        if not lines:
            return [], 0.0
        most = max(1, int(width // KEY_COLUMN)) if tallest is None else 4
        for columns in range(1 if tallest is not None else most, most + 1):
            wrapped = [self.wrap(line, KEY_PT, width / columns - 10.0) for line in lines]
            per = math.ceil(len(wrapped) / columns)
            blocks = ["\n".join(wrapped[i : i + per]) for i in range(0, len(wrapped), per)]
            height = max(self.box(b, KEY_PT)[1] for b in blocks)
            if tallest is None or height <= tallest:
                break
        return blocks, height

    def legend(self, width: float) -> tuple[int, float]:
        """Columns of the one-row legend (fewer when it is wider than ``width``), height."""
        handles = self.legend_handles()
        if not handles:
            return 0, 0.0
        prop = self.font.copy()
        prop.set_size(LEGEND_PT)
        for ncol in range(len(handles), 0, -1):
            probe = self.fig.legend(handles=handles, ncol=ncol, prop=prop, frameon=False)
            extent = probe.get_window_extent(self.renderer)
            probe.remove()
            scale = 72.0 / self.fig.dpi
            if extent.width * scale <= width or ncol == 1:
                return ncol, extent.height * scale
        return 1, 0.0  # unreachable: ncol == 1 returns

    def figure(self) -> Figure:
        graph = self.graph
        lay = structure.layout(graph)
        named = self.named(lay.line_ems)
        title = graph.title_ko if self.lang == "ko" else graph.title_en
        note = graph.note_ko if self.lang == "ko" else graph.note_en
        cap = caption.text(graph.provenance, self.lang)
        side = 0.0  # width of the key beside the graph
        if self.preset is not None:
            width, height = self.preset.points
            inner = width - 2 * MARGIN
            head = self.head(title, note, inner)
            tail_cap = self.box(self.wrap(cap, CAPTION_PT, inner), CAPTION_PT)[1]
            free = height - 2 * MARGIN - head - tail_cap - 2 * GAP
            if self.preset.wide:
                # The key beside the graph, as wide as its lines (a second pass gives the
                # graph what the key does not need).
                side = min(0.34 * inner, 2 * KEY_COLUMN)
                for _ in range(2):
                    room = (inner - side - GAP, free)
                    area, at, placed, _ = (
                        self.fit_room(lay, named, room, trim_width=True)
                        if lay.pos
                        else (room, {}, [], 0)
                    )
                    numbers, lines = self.key_entries(named, placed)
                    blocks, key_h = self.key_block(lines, side, free)
                    used = max((self.box(b, KEY_PT)[0] for b in blocks), default=0.0)
                    if not blocks or used >= side - 1:
                        break
                    side = used + 1
                key_h = 0.0  # beside the graph: takes no height of its own
            else:
                # The key takes height from the graph, and a smaller graph keys more names:
                # try a few shares of the height for the key, keep the best that holds it.
                trim = None if self.preset.fixed else 0.0
                best: tuple[int, float] | None = None
                for share in KEY_SHARES:
                    key_h = share * free
                    room = (inner, free - key_h)
                    if not lay.pos:
                        area, at, placed, loss = room, {}, [], 0
                    else:
                        area, at, placed, loss = self.fit_room(lay, named, room, trim)
                    numbers, lines = self.key_entries(named, placed)
                    blocks, need = self.key_block(lines, inner, max(key_h - GAP, 0.0))
                    need += GAP if blocks else 0.0
                    if need > key_h + 0.5 and share != KEY_SHARES[-1]:
                        continue
                    if best is None or loss < best[0]:
                        best = (loss, share)
                        chosen = (area, at, placed, numbers, blocks, need)
                        shrink = self.shrink  # the markers this placement was made for
                    if not blocks:
                        break
                area, at, placed, numbers, blocks, key_h = chosen
                self.shrink = shrink
                if not self.preset.fixed:
                    height = 2 * MARGIN + head + area[1] + key_h + tail_cap + 2 * GAP
        else:
            area, at, placed = self.grow(lay, named) if lay.pos else ((200.0, 120.0), {}, [])
            width = max(area[0] + 2 * MARGIN, 6.5 * 72)
            inner = width - 2 * MARGIN
            head = self.head(title, note, inner)
            numbers, lines = self.key_entries(named, placed)
            blocks, key_h = self.key_block(lines, inner)
            key_h += GAP if blocks else 0.0
            tail_cap = self.box(self.wrap(cap, CAPTION_PT, inner), CAPTION_PT)[1]
            height = 2 * MARGIN + head + area[1] + key_h + tail_cap + 2 * GAP
        self.fig.set_size_inches(width / 72, height / 72)
        top = height - MARGIN
        self.draw_head(title, note, width, top)
        graph_top = top - head - GAP
        left = MARGIN + (inner - side - (GAP if side else 0.0) - area[0]) / 2
        self.draw_graph(at, named, placed, numbers, (left, graph_top - area[1], *area))
        self.centres = at
        if side:
            x0, y, span = left + area[0] + GAP, graph_top, side
        else:
            x0, y, span = MARGIN, graph_top - area[1] - GAP, inner
        for i, block in enumerate(blocks):
            self.text(x0 + i * span / len(blocks), y, block, KEY_PT, va="top",
                      color="#222222", gid="rsg-key")  # fmt: skip
        y = graph_top - area[1] - GAP - key_h
        self.text(MARGIN, y, self.wrap(cap, CAPTION_PT, inner), CAPTION_PT, va="top",
                  color="#333333", gid="rsg-caption")  # fmt: skip
        return self.fig

    def head(self, title: str, note: str, inner: float) -> float:
        """Height of the title, the note and the legend."""
        height = self.box(self.wrap(title, TITLE_PT, inner), TITLE_PT)[1]
        if note:
            height += 4 + self.box(self.note_text(note, inner), 8.0)[1]
        ncol, legend_h = self.legend(inner)
        self._legend_cols = ncol
        return height + (GAP + legend_h if ncol else 0.0)

    def note_text(self, note: str, inner: float) -> str:
        return "\n".join(self.wrap(note, 8.0, inner).split("\n")[:3])

    def draw_head(self, title: str, note: str, width: float, top: float) -> None:
        shown = self.text(width / 2, top, self.wrap(title, TITLE_PT, width - 2 * MARGIN),
                          TITLE_PT, ha="center", va="top", multialignment="center",
                          gid="rsg-title")  # fmt: skip
        y = top - self.box(shown.get_text(), TITLE_PT)[1]
        if note:
            block = self.note_text(note, width - 2 * MARGIN)
            self.text(width / 2, y - 4, block, 8.0, ha="center", va="top",
                      multialignment="center", gid="rsg-note")  # fmt: skip
            y -= 4 + self.box(block, 8.0)[1]
        handles = self.legend_handles()
        if handles:
            prop = self.font.copy()
            prop.set_size(LEGEND_PT)
            self.fig.legend(handles=handles, ncol=self._legend_cols, prop=prop, frameon=False,
                            loc="upper center", bbox_to_anchor=(width / 2, y - GAP / 2),
                            bbox_transform=self.pt, borderaxespad=0.0,
                            borderpad=0.0)  # fmt: skip

    def draw_graph(
        self,
        at: dict[str, tuple[float, float]],
        named: list[Named],
        placed: list[Placed | None],
        numbers: dict[str, int],
        rect: tuple[float, float, float, float],
    ) -> None:
        left, bottom, gw, gh = rect
        width, height = self.fig.get_size_inches() * 72
        ax = self.fig.add_axes((left / width, bottom / height, gw / width, gh / height))
        ax.set_xlim(0, gw)
        ax.set_ylim(0, gh)
        ax.set_axis_off()
        if not at:
            ax.text(gw / 2, gh / 2, "빈 그래프 / empty graph", ha="center", va="center",
                    fontproperties=self.font, fontsize=10)  # fmt: skip
            return
        graph = self.graph
        edges = sorted(graph.edges.values(), key=lambda e: e.key)
        thin = 0.7 * max(0.3, min(1.0, math.sqrt(300 / max(len(edges), 1))))  # many: lighter
        if edges:
            lines = LineCollection(
                [[at[e.source], at[e.target]] for e in edges],
                colors=[MARK_STYLES[e.mark].color if e.mark in MARK_STYLES else EDGE_COLOUR
                        for e in edges],
                linewidths=[min(e.width, 8.0) * thin for e in edges],
                linestyles=["--" if e.mark == "complementary" else "-" for e in edges],
                zorder=1,
            )  # fmt: skip
            ax.add_collection(lines)
        groups: dict[tuple[str, str], list[ViewNode]] = {}
        for node in sorted(graph.nodes.values(), key=lambda v: v.key):
            groups.setdefault((node.label, node.mark or ""), []).append(node)
        for (label, mark_name), members in sorted(groups.items()):
            style = label_style(label)
            mark = MARK_STYLES.get(mark_name)
            ax.scatter(
                [at[v.key][0] for v in members], [at[v.key][1] for v in members],
                s=[self.diameter(v) ** 2 for v in members], marker=style.marker, c=style.color,
                edgecolors=mark.color if mark else "#ffffff",
                linewidths=[_edge_width(v) for v in members], zorder=2, gid=NODES_GID,
                clip_on=False,
            )  # fmt: skip
        # A light box under each name keeps edges from running through the text.
        under = {"boxstyle": "square,pad=0.12", "facecolor": "#ffffff", "alpha": 0.8,
                 "edgecolor": "none"}  # fmt: skip
        for item, got in zip(named, placed, strict=True):
            if got is None:
                continue
            if got.leader is not None:
                x0, y0, x1, y1 = got.leader
                ax.plot([x0, x1], [y0, y1], color="#555555", linewidth=0.5, zorder=2.5)
            text = item.forms.all(numbers.get(item.key, 0))[got.form]
            x = at[item.key][0]
            w = self.box(text, LABEL_PT)[0]
            side = "left" if got.x - x > w / 4 else "right" if x - got.x > w / 4 else "center"
            ax.text(got.x, got.y, text, fontproperties=self.font, fontsize=LABEL_PT,
                    linespacing=LINE_SPACING, ha="center", va="center", multialignment=side,
                    zorder=3, gid=LABEL_GID, bbox=under, clip_on=False,
                    label=item.key)  # fmt: skip


def _loss(spots: list[Spot], placed: list[Placed | None]) -> int:
    """How far a placement is from every name whole on its preferred side."""
    loss = 0
    for spot, got in zip(spots, placed, strict=True):
        best = next(i for i, s in enumerate(spot.sizes) if s is not None)
        if got is None:
            loss += NO_NAME
            continue
        loss += (got.form - best) * SHORTER
        if spot.toward is not None:  # a name on the far side of its node reads worse
            dx, dy = got.x - spot.x, got.y - spot.y
            loss += math.cos(spot.toward) * dx + math.sin(spot.toward) * dy < 0
    return loss


def compose(
    graph: ViewGraph, font: FontProperties, lang: Lang, preset: Preset | None, dpi: float
) -> Figure:
    """The picture of ``graph`` (already folded to the node limit)."""
    return Composer(graph, font, lang, preset, dpi).figure()
