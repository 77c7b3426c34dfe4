"""Static PNG, SVG and PDF of a view for print: a structural layout with names that do not
overlap, Korean text in a real Korean font (NanumGothic, which comes with the Python
dependencies: ``visual/fonts.py``), a legend, a key of shortened names and a caption with the
sources (``visual/picture.py``); sizes for documents in ``PRESETS``."""

from __future__ import annotations

import io
import logging
from typing import Literal

import matplotlib
from matplotlib.figure import Figure

from visual.aggregate import fit
from visual.fonts import korean_font
from visual.model import ViewGraph
from visual.picture import PRESETS, Preset, compose
from visual.settings import ViewSettings

__all__ = ["PRESETS", "Preset", "StaticFormat", "figure", "korean_font", "render"]

StaticFormat = Literal["png", "svg", "pdf"]
#: Resolution of a picture without a preset (for the screen) and of the presets (for print).
SCREEN_DPI = 110
PRINT_DPI = 300


def figure(
    graph: ViewGraph,
    settings: ViewSettings | None = None,
    *,
    lang: Literal["ko", "en"] = "ko",
    preset: str | None = None,
    dpi: float | None = None,
) -> Figure:
    """The picture as a matplotlib figure (what ``render`` saves); ``dpi`` overrides the
    resolution (300 for a preset, 110 without)."""
    settings = settings or ViewSettings()
    chosen = PRESETS[preset] if preset else None
    dpi = dpi or (PRINT_DPI if chosen else SCREEN_DPI)
    return compose(fit(graph, settings.node_limit), korean_font(settings), lang, chosen, dpi)


def render(
    graph: ViewGraph,
    fmt: StaticFormat,
    settings: ViewSettings | None = None,
    *,
    lang: Literal["ko", "en"] = "ko",
    preset: str | None = None,
    dpi: float | None = None,
) -> bytes:
    """The view as PNG, SVG or PDF bytes; the same graph gives the same picture, and the
    three formats of one preset show the same picture."""
    fig = figure(graph, settings, lang=lang, preset=preset, dpi=dpi)
    buffer = io.BytesIO()
    if fmt == "svg":
        # Glyphs as paths: the SVG shows Hangul without the font; no date keeps it repeatable.
        with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "rsg"}):
            fig.savefig(buffer, format="svg", metadata={"Date": None})
    elif fmt == "pdf":
        # TrueType glyphs embedded (Hangul stays text: searchable, copyable); no dates.
        # fontTools reports every font table it does not subset: noise, not a fault.
        subset_log = logging.getLogger("fontTools.subset")
        level = subset_log.level
        subset_log.setLevel(logging.ERROR)
        try:
            with matplotlib.rc_context({"pdf.fonttype": 42}):
                fig.savefig(buffer, format="pdf", metadata={"CreationDate": None, "ModDate": None})
        finally:
            subset_log.setLevel(level)
    else:
        fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
