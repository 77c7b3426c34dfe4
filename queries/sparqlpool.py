"""SPARQL queries run in worker processes, so that one that outlives its time can be killed.

oxigraph cannot stop a query from another thread: an aggregate over a cross join keeps its
thread busy long after the caller gave up (measured: four such queries held every slot of
the old in-process store until a restart). Here each query goes to a worker process that
holds the export in memory; a worker that has not answered by the deadline is killed and a
fresh one started in its place, which loads the export again (the seed graph's in about
0.2 s). Workers are started on demand, up to ``size``; when all are busy a query waits for
one until its deadline and is then answered "busy".

A worker's address space is capped (``memory_mb``): a query that needs more ends that
worker, not the API.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import resource
import threading
import time
import weakref
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from ontology.errors import (
    NotFound,
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    RsgError,
    StoreUnavailable,
)

#: Errors a worker reports by name; anything else arrives as a QueryError.
_ERRORS: dict[str, type[RsgError]] = {
    kind.__name__: kind for kind in (NotFound, QueryError, ReadOnlyViolation, StoreUnavailable)
}
#: How long a new worker may take to start and load the export before it counts as failed.
START_TIMEOUT_S = 120.0


#: The worker's loop: ``serve(conn, path, row_cap)`` answers requests until the pipe closes
#: (``queries.sparql.serve``). Passed in rather than imported, so this module knows nothing of
#: SPARQL; the spawned process imports it by name.
Serve = Callable[[Connection, str, int], None]


def _run(serve: Serve, conn: Connection, path: str, row_cap: int, memory_mb: int) -> None:
    if memory_mb:
        ceiling = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    serve(conn, path, row_cap)


class _Worker:
    def __init__(self, serve: Serve, path: Path, row_cap: int, memory_mb: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_run,
            args=(serve, child, str(path), row_cap, memory_mb),
            name="rsg-sparql",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(START_TIMEOUT_S):
            self.kill()
            raise StoreUnavailable(
                "the SPARQL worker did not start in time / SPARQL 작업자 시작 실패",
                "retry; a very large export takes long to load",
            )
        try:
            self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise StoreUnavailable(
                f"the SPARQL worker ended while starting (exit code {self.process.exitcode})",
                "check that the export loads: rsg sparql 'ASK {}'",
            ) from exc
        self.ready = True

    def ask(self, request: tuple[str, ...], limit_s: float) -> Any:
        """Send ``request`` and wait up to ``limit_s`` for the answer; kill the worker if none."""
        self.conn.send(request)
        if not self.conn.poll(limit_s):
            self.kill()
            raise QueryTimeout(
                f"the SPARQL query ran longer than {limit_s * 1000:.0f} ms and was stopped / "
                "시간 초과",
                "narrow it with more specific patterns or a LIMIT",
            )
        try:
            reply = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise QueryError(
                "the SPARQL worker ended while answering (exit code "
                f"{self.process.exitcode}): the query needed more memory than allowed / "
                "메모리 한도 초과",
                "narrow the query; RSG_STORE_MEMORY_MB sets the ceiling",
            ) from exc
        if reply[0] == "error":
            raise _ERRORS.get(reply[1], QueryError)(reply[2], reply[3])
        return reply[1]

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _stop_all(workers: list[_Worker]) -> None:
    for worker in list(workers):
        with contextlib.suppress(Exception):
            worker.kill()


class SparqlPool:
    """Up to ``size`` worker processes answering queries on the export at ``path``."""

    def __init__(
        self, serve: Serve, path: Path, row_cap: int, size: int = 2, memory_mb: int = 0
    ) -> None:
        self.serve = serve
        self.path = path
        self.row_cap = row_cap
        self.size = size
        self.memory_mb = memory_mb
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _stop_all, self._workers)

    def _take(self, limit_s: float) -> _Worker:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._workers) < self.size:
                worker = _Worker(self.serve, self.path, self.row_cap, self.memory_mb)
                self._workers.append(worker)
                return worker
        try:
            return self._idle.get(timeout=limit_s)
        except queue.Empty:
            raise StoreUnavailable(
                f"{self.size} SPARQL queries are running / SPARQL 질의가 모두 실행 중입니다",
                "retry in a moment; a query that runs out its time is stopped",
            ) from None

    def _give_back(self, worker: _Worker) -> None:
        if worker.alive():
            self._idle.put(worker)
            return
        with self._lock:  # a killed worker leaves room for a new one, started when needed
            if worker in self._workers:
                self._workers.remove(worker)

    def ask(self, request: tuple[str, ...], limit_s: float) -> Any:
        started = time.monotonic()
        worker = self._take(limit_s)
        # Waiting for a busy worker counts against the deadline; starting a new one does not.
        waited = time.monotonic() - started
        try:
            worker.wait_ready()
            return worker.ask(request, max(limit_s - waited, 0.05))
        finally:
            self._give_back(worker)

    def close(self) -> None:
        self._finalizer()

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]
