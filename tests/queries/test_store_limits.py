"""The embedded store's own walls: what a hostile query can cost it and the process reading it.

Each test runs against a server of its own (a throwaway ``RSG_HOME``), since the queries here
keep a store thread busy for seconds or end the server process on purpose.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest
import redis

from ontology.errors import QueryError, QueryTimeout, StoreUnavailable
from queries.falkor_backend import WAIT_MARGIN_S, FalkorStore
from queries.server import EmbeddedServer, Endpoint, ServerLimits

LIMITS = ServerLimits(query_memory_mb=128, memory_mb=1536, row_cap=100, max_queued=4)


#: Stores a test opened; its server's teardown closes them (no socket left to the collector).
_OPENED: list[FalkorStore] = []


@pytest.fixture
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    server = EmbeddedServer(tmp_path_factory.mktemp("own"), limits=LIMITS)
    server.ensure_running()
    yield server
    while _OPENED:
        _OPENED.pop().close()
    pid = server.pid()
    if pid is not None:
        psutil.Process(pid).kill()  # a parse can keep a thread busy; no need to save
    server.stop()


def _store(server: EmbeddedServer, **kwargs: int) -> FalkorStore:
    store = FalkorStore(server.ensure_running(), graph="g", kind="embedded", server=server,
                        **kwargs)  # fmt: skip
    _OPENED.append(store)
    store.db.select_graph("g").query("CREATE (:X {id: 1})")
    return store


class Peak:
    """Highest resident memory of the embedded server while a block runs (sampled every 5 ms;
    the server may be restarted meanwhile, so its pid is read again each time)."""

    def __init__(self, server: EmbeddedServer) -> None:
        self.server = server
        self.mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            pid = self.server.pid()
            try:
                rss = psutil.Process(pid).memory_info().rss if pid else 0
            except psutil.Error:
                rss = 0
            self.mb = max(self.mb, rss / 2**20)
            time.sleep(0.005)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _python_peak_mb(call: Callable[[], object]) -> tuple[float, BaseException | None]:
    """Peak of Python allocations while ``call`` runs, and what it raised."""
    tracemalloc.start()
    error: BaseException | None = None
    try:
        call()
    except Exception as exc:
        error = exc
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak, error


def test_a_parse_bomb_cannot_hold_the_reader_past_its_timeout(own_server: EmbeddedServer) -> None:
    """22 levels of parentheses parse for about 9 s and no store timeout covers parsing; the
    guard refuses them, and even without the guard the caller is free after the timeout."""
    store = _store(own_server, timeout_ms=1000)
    started = time.perf_counter()
    with pytest.raises((QueryTimeout, StoreUnavailable)):
        store.read("RETURN " + "(" * 22 + "1" + ")" * 22)
    assert time.perf_counter() - started < 1 + 2.5


def test_the_row_cap_is_applied_by_the_store(own_server: EmbeddedServer) -> None:
    """Two million rows: the store stops at the cap and sends no more than that."""
    store = _store(own_server, row_cap=LIMITS.row_cap)
    query = "UNWIND range(1, 2000000) AS x RETURN x, 'abcdefghijabcdefghij' AS pad"
    for limit in (10, None):
        started = time.perf_counter()
        peak, error = _python_peak_mb(lambda limit=limit: store.read(query, row_cap=limit))
        elapsed = time.perf_counter() - started
        assert error is None
        assert peak < 20, f"{peak:.0f} MB of Python objects for {limit or LIMITS.row_cap} rows"
        assert elapsed < 1.0, f"{elapsed:.1f} s: the store produced every row"
    assert len(store.read(query, row_cap=10).rows) == 10
    result = store.read(query)
    assert len(result.rows) == LIMITS.row_cap
    assert result.truncated
    exact = store.read(f"UNWIND range(1, {LIMITS.row_cap}) AS x RETURN x")
    assert len(exact.rows) == LIMITS.row_cap
    assert not exact.truncated


def test_a_store_with_a_larger_cap_raises_the_servers_limit(own_server: EmbeddedServer) -> None:
    bigger = _store(own_server, row_cap=LIMITS.row_cap * 3)
    result = bigger.read("UNWIND range(1, 1000) AS x RETURN x")
    assert len(result.rows) == LIMITS.row_cap * 3
    assert result.truncated
    small = _store(own_server, row_cap=LIMITS.row_cap)
    assert len(small.read("UNWIND range(1, 1000) AS x RETURN x").rows) == LIMITS.row_cap


def test_one_large_value_is_refused_before_it_is_decoded(own_server: EmbeddedServer) -> None:
    """A single row can be as large as the store lets one query grow; the reader stops at
    ``result_max_mb`` bytes of answer instead of decoding all of it."""
    store = _store(own_server, result_max_mb=8)
    peak, error = _python_peak_mb(lambda: store.read("RETURN range(1, 12000000) AS big"))
    assert isinstance(error, QueryError), error
    assert "MB" in str(error)
    assert peak < 80, f"{peak:.0f} MB of Python objects"
    assert store.read("RETURN 1 AS one").rows == [{"one": 1}]


def test_a_memory_hungry_query_is_stopped_by_the_per_query_capacity(
    own_server: EmbeddedServer,
) -> None:
    store = _store(own_server)
    query = "UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y RETURN collect(x + y) AS c"
    with Peak(own_server) as peak, pytest.raises(QueryError, match="memory"):
        store.read(query)
    assert peak.mb < LIMITS.query_memory_mb * 2 + 100
    assert store.read("RETURN 1 AS one").rows == [{"one": 1}]


def test_one_huge_allocation_stays_under_the_store_ceiling(own_server: EmbeddedServer) -> None:
    """range() allocates its whole list before FalkorDB checks the per-query capacity (3 GB
    for this query); the process ceiling ends the server instead, and it comes back."""
    store = _store(own_server)
    with Peak(own_server) as peak, pytest.raises((StoreUnavailable, QueryError)):
        store.read("RETURN size(range(1, 200000000)) AS n")
    assert peak.mb < LIMITS.memory_mb, f"store peaked at {peak.mb:.0f} MB"
    deadline = time.monotonic() + 10
    while True:
        try:
            assert store.read("MATCH (x:X) RETURN x.id AS id").rows == [{"id": 1}]
            break
        except StoreUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_a_full_queue_answers_busy_at_once(own_server: EmbeddedServer) -> None:
    """Past ``max_queued`` waiting queries the store refuses more instead of queueing them."""
    store = _store(own_server, timeout_ms=3000)
    slow = "MATCH (a) UNWIND range(1, 30000000) AS i RETURN count(i) AS n"
    errors: list[BaseException] = []

    def run() -> None:
        try:
            store.read(slow)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    busy = [e for e in errors if isinstance(e, StoreUnavailable) and "busy" in str(e)]
    assert busy, errors


def test_password_is_not_on_any_command_line(own_server: EmbeddedServer) -> None:
    pid = own_server.pid()
    assert pid is not None
    password = own_server.ensure_running().password
    for proc in psutil.process_iter(["cmdline"]):
        assert password not in " ".join(proc.info["cmdline"] or []), proc.pid
    config = own_server.dir / "redis.conf"
    assert config.stat().st_mode & 0o077 == 0


def test_load_csv_opens_no_connection_even_without_the_guard(
    own_server: EmbeddedServer,
) -> None:
    """The store runs without a network of its own: LOAD CSV FROM https://... reaches nothing
    (the guard refuses LOAD first; this is the second wall)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(2.0)
    port = listener.getsockname()[1]
    store = _store(own_server)
    graph = store.db.select_graph("g")
    for url in (f"https://127.0.0.1:{port}/x.csv", f"HTTPS://localhost:{port}/x.csv"):
        with contextlib.suppress(redis.exceptions.ResponseError):  # an error is fine
            graph.ro_query(f"LOAD CSV FROM '{url}' AS row RETURN row", timeout=3000)
    try:
        peer, _ = listener.accept()
    except TimeoutError:
        peer = None
    listener.close()
    if peer is not None:
        peer.close()
        if not own_server.isolated() and not os.environ.get("CI"):
            pytest.skip(
                "this system lets no user make a network namespace (unshare --net), so the "
                "store's own wall against LOAD CSV is missing here; the guard still refuses it"
            )
        pytest.fail(f"LOAD CSV reached a local listener (store isolated: {own_server.isolated()})")
    outside = Path(own_server.dir / "password")
    assert outside.exists()
    with pytest.raises(redis.exceptions.ResponseError, match=r"(?i)error opening"):
        graph.ro_query("LOAD CSV FROM 'file://../password' AS row RETURN row")


def test_closing_a_store_releases_every_connection(own_server: EmbeddedServer) -> None:
    """Reads and builds use two connection pools; close() hands back the sockets of both, so
    none is left for the garbage collector to find open."""
    me = psutil.Process()
    before = me.num_fds()
    store = _store(own_server)
    assert store.read("RETURN 1 AS one").rows == [{"one": 1}]
    assert me.num_fds() > before
    store.close()
    assert me.num_fds() == before


def test_a_server_that_never_answers_is_reported_not_waited_for(tmp_path: Path) -> None:
    """A socket that takes the connection and stays silent: opening a store gives up after
    the read timeout and its margin instead of holding the caller."""
    path = tmp_path / "silent.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(4)
    started = time.perf_counter()
    try:
        with pytest.raises(StoreUnavailable, match="cannot reach"):
            FalkorStore(Endpoint(password="pw", unix_socket=str(path)), timeout_ms=500)
    finally:
        listener.close()
    assert time.perf_counter() - started < 0.5 + WAIT_MARGIN_S + 2


def test_build_connections_wait_as_long_as_a_step_takes(own_server: EmbeddedServer) -> None:
    """Opening is bounded; the build client's connections afterwards are not (a large batch
    may take minutes), while reads keep their bound."""
    store = _store(own_server, timeout_ms=500)
    build = store.db.connection.connection_pool.get_connection()
    read = store.reads.connection.connection_pool.get_connection()
    try:
        assert build.socket_timeout is None
        assert read.socket_timeout == 0.5 + WAIT_MARGIN_S
    finally:
        store.db.connection.connection_pool.release(build)
        store.reads.connection.connection_pool.release(read)
