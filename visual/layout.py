"""Deterministic layout: the same graph always gets the same positions (fixed seed), for the
static export and for large interactive views whose layout is computed before loading.

A Fruchterman-Reingold force layout in numpy. networkx's spring layout needs scipy from 500
nodes on, which the project does not install; this one has no such step and stays the same
algorithm at every size.
"""

from __future__ import annotations

import math

import numpy as np

from visual.model import ViewGraph

SEED = 20250903


def positions(
    graph: ViewGraph, scale: float = 1.0, iterations: int = 60
) -> dict[str, tuple[float, float]]:
    """Positions within [-scale, scale], nodes taken in key order so the result repeats."""
    keys = sorted(graph.nodes)
    n = len(keys)
    if n == 0:
        return {}
    if n == 1:
        return {keys[0]: (0.0, 0.0)}
    index = {key: i for i, key in enumerate(keys)}
    pairs = sorted(
        (index[e.source], index[e.target]) for e in graph.edges.values() if e.source != e.target
    )
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    rng = np.random.default_rng(SEED)
    pos = rng.random((n, 2), dtype=np.float32)
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        push = (k * k) / np.maximum(dx * dx + dy * dy, 1e-4)
        disp = np.stack(((dx * push).sum(axis=1), (dy * push).sum(axis=1)), axis=1)
        if len(pairs):
            d = pos[src] - pos[dst]
            length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 0.01)
            pull = d * (length / k)[:, None]
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        step = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 0.01)
        pos += disp * (np.minimum(step, temperature) / step)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos *= scale / extent
    return {key: (float(pos[i, 0]), float(pos[i, 1])) for i, key in enumerate(keys)}
