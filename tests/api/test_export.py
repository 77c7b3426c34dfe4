"""``/export`` and ``rsg export``: the build's RDF files, whole, in every format."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from typer.testing import CliRunner

from api.cli.main import app as cli_app
from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.sparql import SparqlStore

ROOT = Path(__file__).resolve().parents[2]
FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def client(store: FalkorStore, built: BuildReport, home: Path) -> Iterator[TestClient]:
    app = create_app(store=store)
    app.state.sparql = SparqlStore(home)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def cli(home: Path, built: BuildReport, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("RSG_HOME", str(home))
    return CliRunner()


@pytest.mark.parametrize(
    ("params", "accept", "key", "media"),
    [
        ({"format": "ttl"}, None, "ttl", "text/turtle"),
        ({"format": "nt"}, None, "nt", "application/n-triples"),
        ({"format": "jsonld"}, None, "jsonld", "application/ld+json"),
        ({}, "application/ld+json", "jsonld", "application/ld+json"),
        ({}, "application/n-triples", "nt", "application/n-triples"),
        ({}, "text/turtle;q=0.9, application/ld+json;q=0.5", "ttl", "text/turtle"),
        ({}, None, "ttl", "text/turtle"),
        ({}, "*/*", "ttl", "text/turtle"),
    ],
)
def test_every_format_holds_the_whole_graph(
    client: TestClient,
    built: BuildReport,
    params: dict[str, str],
    accept: str | None,
    key: str,
    media: str,
) -> None:
    response = client.get("/export", params=params, headers={"accept": accept} if accept else {})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    graph = Graph().parse(data=response.content, format=FORMATS[key])
    # Exactly the build's triples (located evidence adds offsets when the raw documents are
    # here); every node of the store is a subject of the export.
    assert len(graph) == built.triples
    uris = {str(s) for s in graph.subjects()}
    stored = client.post(
        "/cypher", json={"query": "MATCH (n) RETURN n.uri AS uri", "limit": 100000}
    )
    assert stored.status_code == 200, stored.text
    rows = stored.json()["rows"]
    node_uris = {row["uri"] if isinstance(row, dict) else row[0] for row in rows} - {None}
    assert len(node_uris) == built.nodes
    assert node_uris <= uris
    build_id = client.get("/health").json()["build"]["id"]
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(f'rsg-{build_id}.{key}')}" in disposition


def test_export_agrees_with_sparql(client: TestClient) -> None:
    graph = Graph().parse(data=client.get("/export?format=nt").content, format="nt")
    answer = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) == len(graph)


def test_unsupported_accept_is_406(client: TestClient) -> None:
    response = client.get("/export", headers={"accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json()["hint"]


def test_unknown_format_is_refused(client: TestClient) -> None:
    assert client.get("/export", params={"format": "xml"}).status_code == 422


def test_no_build_yet_is_404_with_hint(store: FalkorStore, tmp_path: Path) -> None:
    app = create_app(store=store)
    app.state.sparql = SparqlStore(tmp_path)
    with TestClient(app) as empty:
        export = empty.get("/export")
        query = empty.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    for response in (export, query):
        assert response.status_code == 404
        assert "rsg build" in response.json()["hint"]


def test_cli_writes_the_file_atomically(cli: CliRunner, tmp_path: Path, home: Path) -> None:
    target = tmp_path / "전북 그래프.jsonld"
    result = cli.invoke(cli_app, ["export", "--format", "jsonld", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (home / "export" / "graph.jsonld").read_bytes()
    assert "전북특별자치도" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["전북 그래프.jsonld"]


def test_cli_stdout_is_the_api_download(client: TestClient, cli: CliRunner) -> None:
    result = cli.invoke(cli_app, ["export", "--format", "nt", "--out", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes == client.get("/export", params={"format": "nt"}).content


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["export", "--format", "xml", "--out", "x.xml"], 2, "ttl, jsonld or nt"),
        (["export", "--out", "/nonexistent-folder/graph.ttl"], 1, "cannot write"),
    ],
)
def test_cli_errors(cli: CliRunner, args: list[str], code: int, words: str) -> None:
    result = cli.invoke(cli_app, args)
    assert result.exit_code == code
    assert words in result.output


def test_cli_without_a_build_fails_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RSG_", "NEO4J_"))}
    result = subprocess.run(
        [sys.executable, "-c", "from api.cli.main import main; main()", "export", "--out",
         str(tmp_path / "g.ttl")],
        capture_output=True, text=True, check=False, timeout=60, cwd=ROOT,
        env={**env, "RSG_HOME": str(tmp_path), "COLUMNS": "200"},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "rsg build" in result.stderr
    assert not (tmp_path / "g.ttl").exists()
