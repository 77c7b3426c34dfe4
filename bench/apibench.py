"""API latency and throughput: a uvicorn server started here, a small asyncio load generator.

The generator speaks HTTP/1.1 with keep-alive over ``asyncio`` streams (one connection per
worker), so that the client costs as little as possible on the same machine.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.machine import BENCH


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


#: Process ids of the servers the last ``api_server`` started (``api``), for CPU figures.
PIDS: dict[str, int] = {}


@contextmanager
def api_server(home: Path, graph: str, extra_env: dict[str, str] | None = None) -> Iterator[int]:
    """uvicorn (uvloop + httptools, one worker) on a free loopback port; stopped by its pid.
    ``extra_env`` adds settings (``RSG_API_DETAIL_PROJECTION=false``, ...)."""
    port = _free_port()
    env = {**os.environ, "RSG_HOME": str(home), "RSG_GRAPH": graph, "RSG_STORE": "embedded"}
    env.update(extra_env or {})
    env.pop("RSG_API_KEY", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.web.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=BENCH.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    PIDS["api"] = proc.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=30) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    raise RuntimeError(f"the API server did not start: {err[-1000:]}") from None
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def ready_after(port: int, path: str) -> float:
    """Seconds until ``path`` answers 200 (the first detail waits for the server's read of
    its neighbourhood projection)."""
    started = time.monotonic()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=600) as answer:
        if answer.status != 200:
            raise RuntimeError(f"{path} answered {answer.status}")
    return round(time.monotonic() - started, 2)


#: Request header that makes the server compute the answer now (see api/cache.py).
FRESH = "Cache-Control: no-cache\r\n"


async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, fresh: bool
) -> tuple[int, str]:
    """Status and the server's cache state (``hit``, ``miss`` or ``-``) of one GET."""
    extra = FRESH if fresh else ""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    if "content-length" not in fields:
        raise RuntimeError(f"{path}: no Content-Length in the answer")
    await reader.readexactly(int(fields["content-length"]))
    return status, fields.get("x-rsg-cache", "-")


async def _worker(
    port: int,
    paths: list[str],
    offset: int,
    until: float,
    latencies: list[float],
    states: list[str],
    fresh: bool,
) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    errors = 0
    i = offset
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            status, state = await _request(reader, writer, paths[i % len(paths)], fresh)
            latencies.append(time.perf_counter() - started)
            states.append(state)
            errors += status != 200
            i += 1
    finally:
        writer.close()
    return errors


async def _load(
    port: int,
    paths: list[str],
    connections: int,
    seconds: float,
    fresh: bool,
    pids: dict[str, int | None] | None = None,
    modes: tuple[str, ...] = ("uncached", "cached"),
) -> dict[str, Any]:
    """Latency figures of one level; with ``pids``, the CPU ms each of those processes spent
    per request (``cpu_ms``), and the load generator's own."""
    from bench.detailbench import cpu_seconds

    watched = {**(pids or {}), "load generator": os.getpid()} if pids else {}
    cpu_before = {name: cpu_seconds(pid) for name, pid in watched.items()}
    latencies: list[float] = []
    states: list[str] = []
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    errors = await asyncio.gather(
        *(_worker(port, paths, k, until, latencies, states, fresh) for k in range(connections))
    )
    elapsed = time.perf_counter() - started
    cpu_ms: dict[str, float] = {}
    for name, pid in watched.items():
        first, last = cpu_before[name], cpu_seconds(pid)
        if first is not None and last is not None and latencies:
            cpu_ms[name] = round(1000 * (last - first) / len(latencies), 2)
    latencies.sort()
    n = len(latencies)
    if n == 0:
        raise RuntimeError(f"no request finished in {seconds} s at {connections} connections")
    return {
        "requests": n,
        "errors": sum(errors),
        "hits": states.count("hit"),
        "rps": round(n / elapsed, 1),
        "p50_ms": round(1000 * latencies[n // 2], 2),
        "p99_ms": round(1000 * latencies[min(n - 1, int(n * 0.99))], 2),
        **({"cpu_ms": cpu_ms} if cpu_ms else {}),
    }


async def _first(port: int, paths: list[str]) -> dict[str, Any]:
    """One request per distinct path on a server that has not seen it: all uncached."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    latencies, states = [], []
    try:
        for path in dict.fromkeys(paths):
            started = time.perf_counter()
            _, state = await _request(reader, writer, path, False)
            latencies.append(round(1000 * (time.perf_counter() - started), 2))
            states.append(state)
    finally:
        writer.close()
    ordered = sorted(latencies)
    return {
        "paths": len(latencies),
        "misses": states.count("miss"),
        "p50_ms": ordered[len(ordered) // 2],
        "max_ms": ordered[-1],
    }


def api_speed(
    port: int,
    endpoints: dict[str, list[str]],
    seconds: float,
    levels: tuple[int, ...],
    pids: dict[str, int | None] | None = None,
    modes: tuple[str, ...] = ("uncached", "cached"),
) -> dict[str, Any]:
    """Per endpoint: the first request of every path (uncached), then each level twice:
    ``uncached`` (every request sends ``Cache-Control: no-cache``) and ``cached``. With
    ``pids`` (name -> process id), the uncached levels also give each process's CPU ms per
    request.

    ``/health`` is never cached; its figures are the baseline of both modes.
    """
    out: dict[str, Any] = {}
    for name, paths in endpoints.items():
        first = asyncio.run(_first(port, paths))
        figures: dict[str, Any] = {"first": first}
        for mode in ("uncached",) if name == "/health" else modes:
            fresh = mode == "uncached"
            asyncio.run(_load(port, paths, 1, min(1.0, seconds), fresh))  # warm-up
            watch = pids if fresh else None
            figures[mode] = {
                str(c): asyncio.run(_load(port, paths, c, seconds, fresh, watch)) for c in levels
            }
        out[name] = figures
    base = out.get("/health", {}).get("uncached")
    if base:
        for by_mode in out.values():
            for mode in ("uncached", "cached"):
                for level, f in by_mode.get(mode, {}).items():
                    f["p99_vs_health"] = round(f["p99_ms"] / base[level]["p99_ms"], 2)
    return out
