"""Faults on a store of its own (never the session's): the embedded server killed during
queries, builds killed at random moments, an API and a CLI build at once, and an RDF round
trip. Each test starts from the seed graph built into its own RSG_HOME."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.graph.build import Build
from ingest.graph.rdfload import import_rdf
from ontology.errors import NoGraph, StoreError
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from queries.store import GraphWriter, Loader
from tests.reliability.faultkit import (
    build_command,
    kill_builds,
    kill_server,
    rsg_env,
    time_full_build,
)
from tests.reliability.graphsum import graph_lines, graph_sum
from tests.reliability.livehttp import serving
from tests.reliability.tally import figure

BUILD_KILLS = 3
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fault_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("fault")
    server = EmbeddedServer(home)
    with FalkorStore(server.ensure_running(), graph="rsg", kind="embedded") as store:
        Build(store, home, shacl=False).run()
    yield home
    EmbeddedServer(home).stop()


@pytest.fixture
def fault_store(fault_home: Path) -> Iterator[FalkorStore]:
    st = FalkorStore(EmbeddedServer(fault_home).ensure_running(), graph="rsg", kind="embedded")
    yield st
    st.close()


def test_server_killed_during_queries_gives_503_then_recovers(fault_home: Path) -> None:
    server = EmbeddedServer(fault_home)
    store = FalkorStore(server.ensure_running(), graph="rsg", kind="embedded")
    before = graph_sum(store)
    statuses: list[int] = []
    stop = threading.Event()
    settings = ApiSettings(api_key=None, cors_origins=[])
    with TestClient(create_app(store=store, settings=settings)) as client:

        def hammer() -> None:
            query = {"query": "MATCH (a:Region)-[r]->(b) RETURN a.id, type(r), b.id"}
            while not stop.is_set():
                statuses.append(client.post("/cypher", json=query).status_code)

        thread = threading.Thread(target=hammer, daemon=True)
        thread.start()
        time.sleep(0.3)
        kill_server(server)
        time.sleep(0.3)
        down = client.get("/health")
        assert down.status_code == 503
        body = down.json()
        assert body["error"] == "StoreUnavailable"
        assert "FalkorDB" in body["detail"]
        assert "rsg store start" in body["hint"]
        server.ensure_running()  # what `rsg store start` does
        time.sleep(0.3)
        stop.set()
        thread.join(10)
        # the same app, without a restart, answers again
        assert client.get("/health").status_code == 200
    assert set(statuses) <= {200, 503}, set(statuses)
    assert 503 in statuses
    assert statuses[-1] == 200
    assert graph_sum(store) == before  # persisted (AOF) across the SIGKILL
    store.close()


def test_killed_builds_leave_the_previous_graph(fault_home: Path, fault_store: FalkorStore) -> None:
    timing = time_full_build(fault_home, fault_store)
    report = kill_builds(fault_home, fault_store, BUILD_KILLS, seed=7, timing=timing)
    figure("build kills in the CI test", report.kills)
    figure("graph reads during the kills", report.reads)
    assert report.kills + report.finished_before_kill == BUILD_KILLS
    assert report.kills >= 1  # the others ended (or switched) just before their kill
    assert report.read_errors == []
    assert report.reads > 0
    assert report.mismatches == 0
    assert report.next_build_ok
    assert report.after_equal
    assert not fault_store.db.connection.exists("rsg__staging")


def test_api_reads_while_a_cli_build_runs(fault_home: Path, fault_store: FalkorStore) -> None:
    data_before = graph_sum(fault_store, with_build=False)
    answers: list[tuple[int, int]] = []
    stop = threading.Event()
    settings = ApiSettings(api_key=None, cors_origins=[])
    with serving(create_app(store=fault_store, settings=settings)) as base:

        def read() -> None:
            with httpx2.Client(base_url=base, timeout=30) as http:
                while not stop.is_set():
                    response = http.get("/health")
                    nodes = response.json().get("nodes", -1) if response.status_code == 200 else -1
                    answers.append((response.status_code, nodes))

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        first, second = (
            subprocess.Popen(
                build_command(),
                env=rsg_env(fault_home),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        )
        results = []
        for proc in (first, second):
            _, err = proc.communicate(timeout=120)
            results.append((proc.returncode, err))
        stop.set()
        thread.join(30)
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 1]), results
    for code, err in results:
        if code == 1:
            assert "another build is running" in err
    assert answers
    assert {status for status, _ in answers} == {200}
    assert {nodes for _, nodes in answers} == {data_before.nodes}
    assert graph_sum(fault_store, with_build=False) == data_before


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.jsonld"])
def test_rdf_export_wipe_import_round_trip(
    fault_home: Path, fault_store: FalkorStore, name: str
) -> None:
    before = graph_lines(fault_store, with_build=False, lists_as_sets=True)
    counts = graph_sum(fault_store, with_build=False)
    fault_store.db.connection.delete("rsg")  # wipe
    with pytest.raises(NoGraph):  # nothing left to read
        graph_sum(fault_store)
    import_rdf(fault_store, fault_home / "export" / name)
    after = graph_lines(fault_store, with_build=False, lists_as_sets=True)
    assert graph_sum(fault_store, with_build=False).nodes == counts.nodes
    assert graph_sum(fault_store, with_build=False).relationships == counts.relationships
    assert sorted(set(before) ^ set(after)) == []  # shows the differing lines, if any
    assert after == before  # hence the canonical checksums are equal too


class _FailingLoad(FalkorStore):
    """A store whose load fails after every row was written (a lost connection, a full disk)."""

    def replace_graph(self, loader: Loader) -> None:
        def load_then_fail(writer: GraphWriter) -> None:
            loader(writer)
            raise StoreError("the store rejected a build step: injected failure", "")

        super().replace_graph(load_then_fail)


def test_a_build_that_fails_to_load_keeps_the_previous_exports(
    fault_home: Path, fault_store: FalkorStore, tmp_path: Path
) -> None:
    """Exports and store change together or not at all: after a failed load, /sparql and
    /export serve the same build as Cypher (the live one), not the failed one."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    regions = data / "regions.yaml"
    regions.write_text(
        regions.read_text(encoding="utf-8").replace("Jeonbuk State", "Jeonbuk Province"),
        encoding="utf-8",
    )
    export = fault_home / "export"
    before = {path.name: path.read_bytes() for path in sorted(export.iterdir())}
    live = graph_sum(fault_store)
    failing = _FailingLoad(EmbeddedServer(fault_home).ensure_running(), graph="rsg",
                           kind="embedded")  # fmt: skip
    with pytest.raises(StoreError, match="injected"):
        Build(failing, fault_home, data_dir=data, shacl=False).run()
    failing.close()
    after = {path.name: path.read_bytes() for path in sorted(export.iterdir())}
    assert sorted(after) == sorted(before), "files were added or left behind"
    assert after == before, "the failed build's exports replaced the live build's"
    assert graph_sum(fault_store) == live
    figure("failed loads injected / exports changed", 0 if after == before else 1)
    # the same data, loaded properly, changes both
    Build(fault_store, fault_home, data_dir=data, shacl=False).run()
    assert b"Jeonbuk Province" in (export / "graph.nt").read_bytes()
    assert fault_store.read("MATCH (r:Region {id: 'jeonbuk'}) RETURN r.name_en AS n").rows == [
        {"n": "Jeonbuk Province"}
    ]
    Build(fault_store, fault_home, shacl=False).run()  # back to the seed for the other tests
