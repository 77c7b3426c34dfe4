"""Static PNG and SVG of a view for print: a deterministic layout, Korean text in a real
Korean font (NanumGothic, which comes with the Python dependencies: ``visual/fonts.py``), a
legend."""

from __future__ import annotations

import io
import textwrap
from typing import Literal

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from visual.aggregate import fit
from visual.fonts import korean_font
from visual.layout import positions
from visual.model import ViewGraph, ViewNode
from visual.settings import ViewSettings
from visual.style import LABEL_STYLES, MARK_STYLES, label_style

StaticFormat = Literal["png", "svg"]
#: Most node names written on a static image; above it only the largest nodes are named.
MAX_LABELS = 150


def render(
    graph: ViewGraph,
    fmt: StaticFormat,
    settings: ViewSettings | None = None,
    *,
    lang: Literal["ko", "en"] = "ko",
) -> bytes:
    """The view as PNG or SVG bytes; the same graph gives the same picture."""
    settings = settings or ViewSettings()
    graph = fit(graph, settings.node_limit)
    font = korean_font(settings)
    n = len(graph.nodes)
    side = min(8.0 + n / 25.0, 30.0)
    fig = Figure(figsize=(side * 1.25, side), dpi=110)
    FigureCanvasAgg(fig) if fmt == "png" else FigureCanvasSVG(fig)
    note = graph.note_ko if lang == "ko" else graph.note_en
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.86 if note else 0.92))
    ax.set_axis_off()
    title = graph.title_ko if lang == "ko" else graph.title_en
    fig.suptitle(title, fontproperties=font, fontsize=16, y=0.985)
    if note:  # e.g. what a folded view grouped: the picture says it as the page does
        caption = "\n".join(textwrap.wrap(note, width=int(side * 14))[:3])
        fig.text(0.5, 0.945, caption, ha="center", va="top", fontproperties=font, fontsize=9)
    pos = positions(graph)
    if not pos:
        ax.text(0.5, 0.5, "빈 그래프 / empty graph", ha="center", fontproperties=font)
    segments, colours, widths, dashes = [], [], [], []
    for edge in sorted(graph.edges.values(), key=lambda e: e.key):
        segments.append([pos[edge.source], pos[edge.target]])
        colours.append(MARK_STYLES[edge.mark].color if edge.mark in MARK_STYLES else "#9aa4ad")
        widths.append(edge.width * 0.8)
        dashes.append("--" if edge.mark == "complementary" else "-")
    if segments:
        lines = LineCollection(segments, colors=colours, linewidths=widths, linestyles=dashes)
        lines.set_zorder(1)
        ax.add_collection(lines)
    groups: dict[tuple[str, str | None], list[ViewNode]] = {}
    for node in sorted(graph.nodes.values(), key=lambda v: v.key):
        groups.setdefault((node.label, node.mark), []).append(node)
    for (label, mark_name), members in sorted(
        groups.items(), key=lambda g: (g[0][0], g[0][1] or "")
    ):
        style = label_style(label)
        mark = MARK_STYLES.get(mark_name or "")
        ax.scatter(
            [pos[v.key][0] for v in members], [pos[v.key][1] for v in members],
            s=[(v.size * 1.6) ** 2 / 4 for v in members], marker=style.marker, c=style.color,
            edgecolors=mark.color if mark else "#ffffff", linewidths=2.5 if mark else 0.6,
            zorder=2,
        )  # fmt: skip
    named = sorted(graph.nodes.values(), key=lambda v: (-v.size, v.key))[:MAX_LABELS]
    for node in named:
        x, y = pos[node.key]
        name = node.name_ko if lang == "ko" else node.name_en
        ax.text(x, y, name, fontproperties=font, fontsize=7, ha="center", va="top", zorder=3)
    ax.margins(0.06)
    handles = [
        Line2D([], [], marker=s.marker, color="none", markerfacecolor=s.color, markersize=9,
               label=s.name_ko + " / " + s.name_en)
        for name, s in LABEL_STYLES.items()
        if any(v.label == name for v in graph.nodes.values())
    ]  # fmt: skip
    handles += [
        Line2D([], [], marker="o", color="none", markerfacecolor="#ffffff",
               markeredgecolor=m.color, markeredgewidth=2.5, markersize=9,
               label=m.name_ko + " / " + m.name_en)
        for name, m in MARK_STYLES.items()
        if any(v.mark == name for v in graph.nodes.values())
    ]  # fmt: skip
    if handles:
        ax.legend(handles=handles, loc="upper right", prop=font, fontsize=9, framealpha=0.9)
    buffer = io.BytesIO()
    if fmt == "svg":
        # Glyphs as paths: the SVG shows Hangul without the font; no date keeps it repeatable.
        with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "rsg"}):
            fig.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
