"""One build in its own process, so that its peak memory is its own (used by bench.load).

    python -m bench.buildrun --data DIR --home DIR [--no-shacl] [--profile FILE]

Prints one JSON line: seconds per build step, peak RSS of this process, graph counts.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from ingest.graph.build import Build
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer


def main() -> None:
    parser = argparse.ArgumentParser(description="one timed build (bench helper)")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--graph", default="rsg")
    parser.add_argument("--no-shacl", action="store_true")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument text profile here")
    args = parser.parse_args()
    steps: dict[str, float] = {}
    peaks: dict[str, int] = {}  # peak RSS (MB) reached by the end of each step
    last: dict[str, Any] = {"at": time.perf_counter(), "step": ""}

    def step(text: str) -> None:
        now = time.perf_counter()
        if last["step"]:
            steps[last["step"]] = round(now - last["at"], 3)
            peaks[last["step"]] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        last.update(at=now, step=text.split(" / ")[-1])

    store = FalkorStore(
        EmbeddedServer(args.home).ensure_running(),
        graph=args.graph,
        kind="embedded",
        timeout_ms=600_000,
    )
    build = Build(store, args.home, args.data, shacl=not args.no_shacl, step=step)
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    started = time.perf_counter()
    report = build.run()
    seconds = time.perf_counter() - started
    step("done")
    if profiler is not None:
        profiler.stop()
        args.profile.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    memory = store.db.connection.info("memory")
    store.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(
        {
            "seconds": round(seconds, 3),
            "steps": steps,
            "peak_rss_mb": round(peak_kb / 1024, 1),
            "peak_rss_mb_by_step": peaks,
            "store_peak_mb": round(int(memory["used_memory_peak"]) / 2**20, 1),
            "nodes": report.nodes,
            "relationships": report.relationships,
            "triples": report.triples,
            "shacl": not args.no_shacl,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
