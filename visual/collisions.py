"""Overlaps on a drawn picture, measured from the renderer: the box of every node name
(``Text.get_window_extent`` after a draw) against every other name and every node marker.

겹침 측정 / overlap count: this is the check behind "no overlapping labels". It reads only
what matplotlib drew (artists tagged ``rsg-label`` and marker collections tagged
``rsg-nodes``), never the placement's own bookkeeping, so a placement bug cannot hide here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Affine2D

LABEL_GID = "rsg-label"
NODES_GID = "rsg-nodes"


@dataclass(frozen=True)
class Overlaps:
    labels: int  # names drawn
    markers: int  # node markers drawn
    label_label: int  # pairs of names whose boxes intersect
    label_node: int  # (name, marker) pairs whose boxes intersect, its own marker included
    outside: int  # names not wholly inside the figure

    @property
    def total(self) -> int:
        return self.label_label + self.label_node + self.outside


def label_boxes(fig: Figure) -> np.ndarray:
    """(n, 4) array of x0, y0, x1, y1 in pixels of every node name on ``fig``."""
    renderer = _canvas(fig).get_renderer()  # type: ignore[no-untyped-call]
    boxes = [
        text.get_window_extent(renderer).extents
        for text in fig.findobj(Text)
        if text.get_gid() == LABEL_GID and text.get_visible() and text.get_text()
    ]
    return np.array(boxes, dtype=float).reshape(-1, 4)


def marker_boxes(fig: Figure) -> np.ndarray:
    """(n, 4) array of the pixel box of every node marker, edge line included."""
    boxes: list[np.ndarray] = []
    for coll in fig.findobj(PathCollection):
        if coll.get_gid() != NODES_GID:
            continue
        paths = coll.get_paths()
        scales = coll.get_transforms()  # per marker, already in pixels after a draw
        centres = coll.get_offset_transform().transform(coll.get_offsets())
        widths = np.broadcast_to(coll.get_linewidth(), (len(centres),))
        for i, (x, y) in enumerate(centres):
            path = paths[i % len(paths)]
            box = path.get_extents(Affine2D(scales[i % len(scales)])).extents
            pad = widths[i] * fig.dpi / 72.0 / 2.0
            boxes.append(np.array([x + box[0] - pad, y + box[1] - pad, x + box[2] + pad,
                                   y + box[3] + pad]))  # fmt: skip
    return np.array(boxes, dtype=float).reshape(-1, 4)


def _canvas(fig: Figure) -> FigureCanvasAgg:
    """The raster canvas the PNG is drawn with (an SVG figure is measured as the PNG)."""
    return fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)


def _pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Boolean matrix: box i of ``a`` intersects box j of ``b`` (touching is not overlap)."""
    return (
        (a[:, None, 0] < b[None, :, 2])
        & (b[None, :, 0] < a[:, None, 2])
        & (a[:, None, 1] < b[None, :, 3])
        & (b[None, :, 1] < a[:, None, 3])
    )


def count(fig: Figure) -> Overlaps:
    """Draw ``fig`` and count overlapping pairs of names, and of names and markers."""
    canvas = _canvas(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    labels, markers = label_boxes(fig), marker_boxes(fig)
    between = _pairs(labels, labels)
    width, height = canvas.get_width_height()
    outside = (
        (labels[:, 0] < 0) | (labels[:, 1] < 0) | (labels[:, 2] > width) | (labels[:, 3] > height)
    )
    return Overlaps(
        labels=len(labels),
        markers=len(markers),
        label_label=int(np.triu(between, k=1).sum()),
        label_node=int(_pairs(labels, markers).sum()),
        outside=int(outside.sum()),
    )
