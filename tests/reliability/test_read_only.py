"""Read paths cannot write: the corpus through POST /cypher, `rsg cypher` and named queries.

Each test sends every attempt, collects the ones that were not refused, and compares the
canonical checksum of the whole graph before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli.main import app
from ontology.errors import RsgError
from queries import catalog
from queries.falkor_backend import FalkorStore
from queries.guard import check_read_only
from queries.store import GraphStore, GraphWriter
from tests.backends import BACKENDS, loaded_backend
from tests.reliability.corpus import write_attempts
from tests.reliability.graphsum import graph_sum
from tests.reliability.tally import record

RSG = Path(sys.executable).with_name("rsg")
#: Attempts also run through a real `rsg` process (argv cannot carry NUL).
SUBPROCESS_IDS = (
    "create-node", "detach-delete", "comment-cr-ends-line", "multi-statement",
    "fullwidth-create", "proc-apoc-run-write",
)  # fmt: skip


def test_corpus_is_large_and_unique() -> None:
    attempts = write_attempts()
    ids = [a["id"] for a in attempts]
    assert len(attempts) >= 40
    assert len(set(ids)) == len(ids)
    kinds = {a["kind"] for a in attempts}
    for kind in ("create", "merge", "set", "delete", "remove", "detach-delete", "foreach",
                 "call-in-transactions", "load-csv", "procedure", "ddl", "multiple-statements",
                 "comment", "unicode"):  # fmt: skip
        assert kind in kinds, kind


def test_http_cypher_refuses_every_attempt(api: TestClient, store: FalkorStore) -> None:
    before = graph_sum(store)
    accepted = []
    for attempt in write_attempts():
        body = {"query": attempt["query"], "params": attempt.get("params") or {}}
        response = api.post("/cypher", json=body)
        record("write-attempts POST /cypher", attempt["id"], response.status_code)
        if not 400 <= response.status_code < 500:
            accepted.append((attempt["id"], response.status_code, response.text[:200]))
        else:
            error = response.json()
            assert error["detail"], attempt["id"]  # a clear message, not an empty body
    assert accepted == []
    assert graph_sum(store) == before


def test_cli_cypher_refuses_every_attempt(cli_env: dict[str, str], store: FalkorStore) -> None:
    before = graph_sum(store)
    runner = CliRunner()
    accepted = []
    for attempt in write_attempts():
        args = ["cypher", attempt["query"], "-f", "json"]
        for name, value in (attempt.get("params") or {}).items():
            args += ["-p", f"{name}={value}"]
        result = runner.invoke(app, args, env=cli_env)
        record("write-attempts rsg cypher", attempt["id"], result.exit_code)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        if result.exit_code == 0 or crashed:
            accepted.append((attempt["id"], result.exit_code, repr(result.exception)))
    assert accepted == []
    assert graph_sum(store) == before


def test_cli_subprocess_refuses_attempts(cli_env: dict[str, str], store: FalkorStore) -> None:
    before = graph_sum(store)
    chosen = [a for a in write_attempts() if a["id"] in SUBPROCESS_IDS]
    assert len(chosen) == len(SUBPROCESS_IDS)
    for attempt in chosen:
        done = subprocess.run(
            [str(RSG), "cypher", attempt["query"]],
            env=cli_env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=os.getcwd(),
        )
        record("write-attempts rsg cypher (process)", attempt["id"], done.returncode)
        assert done.returncode == 1, (attempt["id"], done.stdout, done.stderr)
        assert "error:" in done.stderr, attempt["id"]
    assert graph_sum(store) == before


def test_attempts_as_named_query_values_are_data(api: TestClient, store: FalkorStore) -> None:
    """A write pasted into a parameter is only ever a value: no 5xx, no change."""
    before = graph_sum(store)
    bad = []
    sent = 0
    pairs = [
        (query, param)
        for query in catalog.catalog().values()
        for param in query.params
        if param.type in ("string", "list")
    ]
    # Every attempt goes into a quarter of all (query, parameter) pairs, in turn.
    for i, attempt in enumerate(write_attempts()):
        for query, param in pairs[i % 4 :: 4]:
            base = {p.name: p.example for p in query.params if p.example is not None}
            value = attempt["query"]
            params = {**base, param.name: [value] if param.type == "list" else value}
            response = api.post(f"/queries/{query.name}", json={"params": params})
            record("write-attempts as named-query values", query.name, response.status_code)
            sent += 1
            if response.status_code not in (200, 400):
                bad.append((query.name, param.name, attempt["id"], response.status_code))
    assert sent > 40 * 8
    assert bad == []
    assert graph_sum(store) == before


# -- the stores themselves (the second wall), embedded and Neo4j -----------------------------

#: Kinds that every store refuses on a read path even without the guard.
STORE_REFUSES = {"create", "merge", "set", "delete", "remove", "detach-delete", "foreach"}


def _small_graph(writer: GraphWriter) -> None:
    writer.unique("Region", "id")
    writer.write(
        "UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n.name_en = row.name",
        {"rows": [{"id": "jeonbuk", "name": "Jeonbuk"}, {"id": "jeonbuk-gimje", "name": "G"}]},
    )
    writer.write(
        "MATCH (a:Region {id: 'jeonbuk-gimje'}), (b:Region {id: 'jeonbuk'}) "
        "CREATE (a)-[:PART_OF]->(b)"
    )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, scratch_store: FalkorStore) -> Iterator[GraphStore]:
    with loaded_backend(request.param, scratch_store, _small_graph) as store:
        yield store


def test_every_store_refuses_the_corpus(backend: GraphStore) -> None:
    before = graph_sum(backend)
    passed_guard, store_accepted = [], []
    for attempt in write_attempts():
        params = attempt.get("params") or {}
        try:
            check_read_only(attempt["query"])
            passed_guard.append(attempt["id"])
        except RsgError:
            pass
        if attempt["kind"] in STORE_REFUSES:
            try:
                backend.read(attempt["query"], params)
                store_accepted.append(attempt["id"])
            except RsgError:
                pass
    # what the guard lets through is not a write for either parser (Unicode look-alikes)
    for attempt_id in passed_guard:
        query = next(a["query"] for a in write_attempts() if a["id"] == attempt_id)
        with pytest.raises(RsgError):
            backend.read(query)
    assert store_accepted == []
    assert graph_sum(backend) == before
