"""The ``rsg`` tool as a user runs it: real process, real embedded store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore

RSG = shutil.which("rsg") or str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "rsg")


def rsg(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("RSG_", "NEO4J_"))}
    full_env = {**base, "RSG_HOME": str(home), "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [RSG, *args], capture_output=True, text=True, env=full_env, timeout=120, check=False
    )


def test_cypher_json_prints_only_rows(home: Path, built: BuildReport) -> None:
    result = rsg(
        home, "cypher", "MATCH (r:Region {id: $id}) RETURN r.name_ko AS ko, r", "-p", "id=jeonbuk",
        "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["ko"] == "전북특별자치도"
    assert rows[0]["r"]["_labels"] == ["Region"]


def test_cypher_csv_has_header(home: Path, built: BuildReport) -> None:
    result = rsg(home, "cypher", "MATCH (r:Region {id: 'jeonbuk'}) RETURN r.id AS id", "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["id", "jeonbuk"]


def test_write_is_refused_and_graph_unchanged(home: Path, built: BuildReport) -> None:
    before = rsg(home, "cypher", "MATCH (n) RETURN count(n) AS n", "-f", "json")
    result = rsg(home, "cypher", "MATCH (n:Region) SET n.name_ko = 'x'")
    after = rsg(home, "cypher", "MATCH (n) RETURN count(n) AS n", "-f", "json")
    assert result.returncode == 1
    assert "SET is not allowed" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout)


def test_status_reports_store_counts_and_build(
    home: Path, built: BuildReport, store: FalkorStore
) -> None:
    result = rsg(home, "status")
    assert result.returncode == 0, result.stderr
    assert "store: embedded" in result.stdout
    assert f"nodes: {built.nodes}" in result.stdout
    # Other tests may rebuild the same data: the id is the current build's, whichever it is.
    current = store.info().build
    assert current is not None
    assert current["id"] in result.stdout


def test_usage_error_exit_2(home: Path) -> None:
    result = rsg(home, "cypher", "RETURN 1", "--format", "xml")
    assert result.returncode == 2


def test_bad_param_syntax_exit_2(home: Path) -> None:
    result = rsg(home, "cypher", "RETURN 1", "-p", "no-equals-sign")
    assert result.returncode == 2


def test_unknown_store_is_one_clear_line(home: Path) -> None:
    result = rsg(home, "status", env={"RSG_STORE": "oracle"})
    assert result.returncode == 1
    assert "RSG_STORE" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_neo4j_is_one_clear_line(home: Path) -> None:
    env = {"RSG_STORE": "neo4j", "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
    result = rsg(home, "status", env=env)
    assert result.returncode == 1
    assert "cannot reach Neo4j" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_traceback(home: Path) -> None:
    result = rsg(home, "--debug", "status", env={"RSG_STORE": "oracle"})
    assert result.returncode == 1
    assert "Traceback" in result.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10"])
def test_serve_beyond_loopback_needs_a_key(home: Path, host: str) -> None:
    result = rsg(home, "serve", "--host", host, env={"RSG_API_KEY": ""})
    assert result.returncode == 1
    assert "RSG_API_KEY" in result.stderr


def test_serve_on_an_occupied_port_fails_clearly(home: Path, built: BuildReport) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = rsg(home, "serve", "--port", str(port))
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_explain_unknown_id(home: Path, built: BuildReport) -> None:
    result = rsg(home, "explain", "no-such-node")
    assert result.returncode == 1
    assert "no node with id" in result.stderr


def test_build_without_shacl_says_it_skipped(tmp_path: Path) -> None:
    # Its own home: a rebuild of the shared one would change what the other tests read.
    own = tmp_path / "own"
    try:
        result = rsg(own, "build", "--no-shacl")
        assert result.returncode == 0, result.stderr
        assert "SHACL: skipped (--no-shacl)" in result.stdout
        assert "conforms" not in result.stdout
        assert "RDF triples" in result.stdout
    finally:
        rsg(own, "store", "stop")
