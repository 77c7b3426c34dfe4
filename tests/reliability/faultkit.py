"""Fault injection shared by the tests and ``tools/reliability.py``: kill the embedded server,
kill builds at random moments, and read the graph all the while."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from tests.reliability.graphsum import GraphSum, graph_sum

RSG = Path(sys.executable).with_name("rsg")


def rsg_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RSG_", "NEO4J_"))}
    return {**env, "RSG_HOME": str(home), "RSG_STORE": "embedded", "NO_COLOR": "1"}


def build_command() -> list[str]:
    return [str(RSG), "build", "--no-shacl"]


def kill_server(server: EmbeddedServer, timeout_s: float = 10.0) -> int:
    """SIGKILL the embedded server of ``server.home`` and wait until it is gone."""
    pid = server.pid()
    if pid is None:
        raise AssertionError("no embedded server to kill")
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + timeout_s
    while server.pid() is not None:
        if time.monotonic() > deadline:
            raise AssertionError(f"server {pid} survived SIGKILL")
        time.sleep(0.02)
    return pid


class Reader(threading.Thread):
    """Reads the whole graph (without BuildInfo) in a loop; records each checksum that differs
    from ``expected``."""

    def __init__(self, store: FalkorStore, expected: GraphSum) -> None:
        super().__init__(daemon=True)
        self.store = store
        self.expected = expected
        self.reads = 0
        self.mismatches: list[GraphSum] = []
        self.errors: list[str] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            try:
                found = graph_sum(self.store, with_build=False)
            except Exception as exc:  # recorded and asserted on by the caller
                self.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            self.reads += 1
            if found != self.expected:
                self.mismatches.append(found)

    def stop(self) -> None:
        self._halt.set()
        self.join(30)


@dataclass
class KillReport:
    kills: int = 0
    kills_during_load: int = 0
    finished_before_kill: int = 0
    switched_before_kill: int = 0  # killed after the new graph went live, before exiting
    reads: int = 0
    mismatches: int = 0  # reads or post-kill graphs that were neither old nor new whole
    read_errors: list[str] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)
    next_build_ok: bool = False
    after_equal: bool = False


@dataclass(frozen=True)
class BuildTiming:
    total_s: float
    load_s: float  # while the staging graph exists


def _staging(store: FalkorStore) -> bool:
    return bool(store.db.connection.exists(f"{store.graph_name}__staging"))


def time_full_build(home: Path, store: FalkorStore) -> BuildTiming:
    """Run one build to the end; time it and its loading stage (staging key present)."""
    seen: list[float] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if _staging(store):
                seen.append(time.perf_counter())
            time.sleep(0.002)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    started = time.perf_counter()
    subprocess.run(build_command(), env=rsg_env(home), capture_output=True, timeout=120, check=True)
    total = time.perf_counter() - started
    done.set()
    watcher.join(5)
    load = (seen[-1] - seen[0]) if len(seen) > 1 else 0.05
    return BuildTiming(total_s=total, load_s=max(load, 0.02))


def _kill_at(
    proc: subprocess.Popen[bytes], store: FalkorStore, delay: float, in_load: bool
) -> bool:
    """Kill ``proc`` ``delay`` s after it starts (or after its loading stage starts)."""
    if in_load:
        deadline = time.monotonic() + 60
        while not _staging(store) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
    time.sleep(delay)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    return True


def kill_builds(
    home: Path, store: FalkorStore, count: int, seed: int, timing: BuildTiming
) -> KillReport:
    """Start `rsg build` ``count`` times and SIGKILL it at a random moment, with a reader
    checking the live graph throughout; then run one build to the end.

    Every other kill (the first, third, ...) is aimed at the loading stage (a random batch),
    the others anywhere in the run; a kill can still come after the switch or the exit. The
    reader compares the data without the BuildInfo node, which every build renews: a partial
    graph would differ. After each kill the whole graph, BuildInfo
    included, must be the one from before, or the complete new one when the kill came after
    the switch."""
    rng = random.Random(seed)
    report = KillReport()
    data_sum = graph_sum(store, with_build=False)
    whole = graph_sum(store)
    reader = Reader(store, data_sum)
    reader.start()
    try:
        for i in range(count):
            in_load = i % 2 == 0
            delay = rng.uniform(0.0, 0.6 * timing.load_s if in_load else 0.9 * timing.total_s)
            proc = subprocess.Popen(
                build_command(),
                env=rsg_env(home),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            killed = _kill_at(proc, store, delay, in_load)
            proc.wait(30)
            if killed:
                report.kills += 1
                report.kills_during_load += int(in_load)
                report.delays.append(round(delay, 3))
            else:
                report.finished_before_kill += 1
            now = graph_sum(store)
            if graph_sum(store, with_build=False) != data_sum:
                report.mismatches += 1  # a partial or damaged graph is live
            elif now != whole:
                # the new graph went live whole (its BuildInfo) before the process ended
                report.switched_before_kill += int(proc.returncode != 0)
                whole = now
    finally:
        reader.stop()
    report.reads = reader.reads
    report.mismatches += len(reader.mismatches)
    report.read_errors = reader.errors
    done = subprocess.run(
        build_command(),
        env=rsg_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report.next_build_ok = done.returncode == 0
    report.after_equal = (
        graph_sum(store, with_build=False) == data_sum
        and graph_sum(store) != whole  # the new build is live
        and not _staging(store)
    )
    return report
