"""The API as a process under hostile queries: it keeps answering, and its memory and the
store's stay bounded (issue 15, items 1-3). ``rsg serve`` runs as a real process on a store
of its own, so that both can be measured and the store may be ended by its memory ceiling."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2
import psutil
import pytest

from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer, ServerLimits
from tests.reliability.faultkit import rsg_env
from tests.reliability.livehttp import serve_process
from tests.reliability.tally import figure

TIMEOUT_MS = 2_000
LIMITS = ServerLimits(query_memory_mb=256, memory_mb=1536)
BOMB = "RETURN " + "(" * 24 + "1" + ")" * 24
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ROWS = "UNWIND range(1, 2000000) AS x RETURN x, 'abcdefghijabcdefghij' AS pad"


@pytest.fixture
def served(
    tmp_path_factory: pytest.TempPathFactory, home: Path, built: BuildReport
) -> Iterator[tuple[str, int, EmbeddedServer]]:
    """``rsg serve`` on a store of its own holding a small graph and the seed's RDF export."""
    own = tmp_path_factory.mktemp("pressure")
    server = EmbeddedServer(own, limits=LIMITS)
    with FalkorStore(server.ensure_running(), graph="rsg", kind="embedded") as store:
        store.db.select_graph("rsg").query("UNWIND range(1, 50) AS i CREATE (:Region {id: i})")
    (own / "export").mkdir()
    shutil.copyfile(home / "export" / "graph.nt", own / "export" / "graph.nt")
    env = {
        **rsg_env(own),
        "RSG_QUERY_TIMEOUT_MS": str(TIMEOUT_MS),
        "RSG_STORE_MEMORY_MB": str(LIMITS.memory_mb),
        "RSG_STORE_QUERY_MEMORY_MB": str(LIMITS.query_memory_mb),
    }
    with serve_process(env) as (base, pid):
        yield base, pid, server
    pid_now = server.pid()
    if pid_now is not None:
        psutil.Process(pid_now).kill()  # a parse may still run; nothing to save
    server.stop()


def _in_threads(calls: list[Callable[[], object]]) -> list[threading.Thread]:
    threads = [threading.Thread(target=call, daemon=True) for call in calls]
    for thread in threads:
        thread.start()
    return threads


def test_parse_bombs_and_slow_sparql_do_not_stall_the_api(
    served: tuple[str, int, EmbeddedServer],
) -> None:
    """Two 56-character parse bombs used to hold both store threads for half a minute, and
    POST /sparql ran its query on the event loop; meanwhile everything else has to answer."""
    base, _, _ = served
    statuses: dict[str, list[int]] = {"bomb": [], "sparql": []}
    with httpx2.Client(base_url=base, timeout=120) as client:

        def bomb(path: str) -> None:
            body = {"query": BOMB, "timeout_ms": 100}
            statuses["bomb"].append(client.post(path, json=body).status_code)

        def sparql() -> None:
            answer = client.post("/sparql", data={"query": CROSS_JOIN})
            statuses["sparql"].append(answer.status_code)

        client.get("/sparql", params={"query": "ASK {}"})  # a SPARQL worker is up
        threads = _in_threads(
            [lambda: bomb("/cypher"), lambda: bomb("/cypher"), lambda: bomb("/views/cypher")]
            + [sparql] * 2
        )
        time.sleep(0.3)
        latencies = {}
        for name, call in {
            "health": lambda: client.get("/health"),
            "cypher": lambda: client.post("/cypher", json={"query": "MATCH (r:Region) "
                                                           "RETURN count(r) AS n"}),
        }.items():  # fmt: skip
            started = time.perf_counter()
            response = call()
            latencies[name] = time.perf_counter() - started
            assert response.status_code == 200, response.text
        for thread in threads:
            thread.join(60)
    figure("API /health while bombs and SPARQL cross joins run (s)", round(latencies["health"], 3))
    figure("API /cypher read while bombs run (s)", round(latencies["cypher"], 3))
    assert statuses["bomb"] == [400, 400, 400], statuses
    assert statuses["sparql"] == [408, 408], statuses
    assert max(latencies.values()) < 1.0, latencies


class Peaks:
    """Peak resident memory of the API process and of the store (whose pid may change)."""

    def __init__(self, api_pid: int, server: EmbeddedServer) -> None:
        self.api = psutil.Process(api_pid)
        self.server = server
        self.api_mb = self.store_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                self.api_mb = max(self.api_mb, self.api.memory_info().rss / 2**20)
                pid = self.server.pid()
                if pid:
                    self.store_mb = max(
                        self.store_mb, psutil.Process(pid).memory_info().rss / 2**20
                    )
            except psutil.Error:
                pass
            time.sleep(0.005)

    def __enter__(self) -> Peaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def test_peak_memory_of_the_api_and_the_store_under_hostile_queries(
    served: tuple[str, int, EmbeddedServer],
) -> None:
    """The reproductions of the issue: two million rows asked with limit 10 (four at once), a
    200-million-element list in the store, and one very large value for the API to decode."""
    base, api_pid, server = served
    with httpx2.Client(base_url=base, timeout=120) as client:
        start_mb = psutil.Process(api_pid).memory_info().rss / 2**20
        with Peaks(api_pid, server) as peaks:
            rows: list[int] = []
            threads = _in_threads(
                [lambda: rows.append(client.post("/cypher", json={"query": ROWS, "limit": 10})
                                     .status_code)] * 4
            )  # fmt: skip
            for thread in threads:
                thread.join(60)
            huge = client.post("/cypher", json={"query": "RETURN size(range(1, 200000000)) AS n"})
            large = client.post("/cypher", json={"query": "RETURN range(1, 12000000) AS big"})
        deadline = time.monotonic() + 10
        while (after := client.post("/cypher", json={"query": "RETURN 1 AS one"})).status_code \
                != 200 and time.monotonic() < deadline:  # fmt: skip
            time.sleep(0.1)
    figure("API peak RSS under the item-3 queries (MB)", round(peaks.api_mb))
    figure("API RSS before them (MB)", round(start_mb))
    figure("store peak RSS under the item-3 queries (MB)", round(peaks.store_mb))
    assert rows == [200] * 4, rows
    assert huge.status_code in {400, 503}, huge.text
    assert large.status_code == 400, large.text
    assert after.status_code == 200, after.text
    assert peaks.store_mb < LIMITS.memory_mb, f"store peaked at {peaks.store_mb:.0f} MB"
    assert peaks.api_mb < start_mb + 400, f"API peaked at {peaks.api_mb:.0f} MB"
