"""Shared bench plumbing: machine details, timers, an embedded store, result files."""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer

BENCH = Path(__file__).resolve().parent
ROOT_DIR = BENCH.parent
RESULTS = BENCH / "results"
T = TypeVar("T")


def machine() -> dict[str, Any]:
    import psutil  # type: ignore[import-untyped]

    freq = psutil.cpu_freq()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "cpu_mhz": round(freq.max or freq.current) if freq else None,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
    }


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def best_of(fn: Callable[[], T], repeat: int) -> tuple[T, float]:
    """The fastest of ``repeat`` runs (the least disturbed by the rest of the machine)."""
    best: tuple[T, float] | None = None
    for _ in range(repeat):
        value, seconds = timed(fn)
        if best is None or seconds < best[1]:
            best = (value, seconds)
    assert best is not None
    return best


@contextmanager
def embedded_home() -> Iterator[tuple[Path, EmbeddedServer]]:
    """A throwaway RSG_HOME with its own embedded server, stopped (by its pid) at the end."""
    # A short path keeps the unix socket under the sockaddr limit.
    home = Path(tempfile.mkdtemp(prefix="rsgb-"))
    server = EmbeddedServer(home)
    try:
        server.ensure_running()
        yield home, server
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


def open_store(server: EmbeddedServer, graph: str = "rsg") -> FalkorStore:
    return FalkorStore(
        server.ensure_running(),
        graph=graph,
        kind="embedded",
        timeout_ms=600_000,
        row_cap=1_000_000,
    )


def save(tier: str, section: str, data: dict[str, Any]) -> Path:
    """Write one section's figures to ``results/<tier>-<section>.json`` (atomically)."""
    RESULTS.mkdir(exist_ok=True)
    data = {
        **data,
        "tier": tier,
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "command": "python -m bench " + " ".join(sys.argv[1:]),
    }
    target = RESULTS / f"{tier}-{section}.json"
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)
    return target


def rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss / 2**20)
