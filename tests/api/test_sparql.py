"""``/sparql``, ``/export``, ``rsg sparql`` and ``rsg export`` on the seed graph's RDF export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli_app
from ingest.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.sparql import SparqlStore

COUNT_REGIONS = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a rsg:Region }"
INVESTMENTS = """
SELECT ?company ?amount WHERE {
  ?fact rdf:predicate rsg:investsIn ;
        rdf:subject ?company ;
        rdf:object rsgid:initiative\\/saemangeum-battery-specialized-complex ;
        rsg:amount_krw ?amount .
} ORDER BY ?amount
"""

UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "CLEAR ALL",
    "DROP DEFAULT",
    "LOAD <http://example.org/data.ttl>",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "MOVE DEFAULT TO <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "# a comment\ninsert data { <urn:a> <urn:b> <urn:c> }",
]


@pytest.fixture(scope="module")
def sparql_store(home: Path, built: BuildReport) -> SparqlStore:
    return SparqlStore(home)


@pytest.fixture(scope="module")
def client(
    store: FalkorStore, built: BuildReport, sparql_store: SparqlStore
) -> Iterator[TestClient]:
    app = create_app(store=store)
    app.state.sparql = sparql_store
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def cli(home: Path, built: BuildReport, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("RSG_HOME", str(home))
    return CliRunner()


def _value(body: dict[str, object]) -> str:
    bindings = body["results"]["bindings"]  # type: ignore[index]
    return str(bindings[0]["n"]["value"])  # type: ignore[index]


def test_select_counts_every_region(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": COUNT_REGIONS})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert _value(response.json()) == "252"


def test_facts_are_reified_with_amounts(client: TestClient) -> None:
    response = client.post(
        "/sparql", content=INVESTMENTS, headers={"content-type": "application/sparql-query"}
    )
    assert response.status_code == 200, response.text
    rows = [
        (b["company"]["value"].rsplit("/", 1)[1], int(b["amount"]["value"]))
        for b in response.json()["results"]["bindings"]
    ]
    assert rows == [("futuregraph", 440_000_000_000), ("ls-lnf", 1_050_000_000_000)]


def test_ask_and_form_post(client: TestClient) -> None:
    response = client.post("/sparql", data={"query": "ASK { ?r a rsg:Region }"})
    assert response.json() == {"head": {}, "boolean": True}


def test_csv_and_tsv_by_accept_or_format(client: TestClient) -> None:
    query = "SELECT ?n WHERE { rsgid:region\\/jeonbuk rsg:name_ko ?n }"
    as_csv = client.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(as_csv.text))) == [["n"], ["전북특별자치도"]]
    as_tsv = client.get("/sparql", params={"query": query, "format": "tsv"})
    assert as_tsv.text.splitlines() == ["n", "전북특별자치도"]


def test_construct_gives_rdf(client: TestClient) -> None:
    query = "CONSTRUCT { ?r rsg:name_en ?n } WHERE { ?r a rsg:Region ; rsg:name_en ?n }"
    response = client.get("/sparql", params={"query": query, "format": "nt"})
    assert response.headers["content-type"] == "application/n-triples"
    graph = Graph().parse(data=response.text, format="nt")
    assert len(graph) == 252


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_nothing_changes(
    client: TestClient, sparql_store: SparqlStore, update: str
) -> None:
    before = sparql_store.triple_count()
    for response in (
        client.get("/sparql", params={"query": update}),
        client.post(
            "/sparql", content=update, headers={"content-type": "application/sparql-query"}
        ),
        client.post("/sparql", data={"update": update}),
        client.post(
            "/sparql", content=update, headers={"content-type": "application/sparql-update"}
        ),
    ):
        assert response.status_code == 403, (update, response.text)
        assert response.json()["error"] == "ReadOnlyViolation"
    assert sparql_store.triple_count() == before


def test_keywords_inside_strings_are_fine(client: TestClient) -> None:
    query = 'SELECT ?r WHERE { ?r rsg:name_en "DELETE INSERT" }'
    assert client.get("/sparql", params={"query": query}).status_code == 200


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        ({"query": "SELEC ?x"}, {}, 400),
        ({"query": " "}, {}, 400),
        ({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, {"accept": "image/png"}, 406),
    ],
)
def test_bad_requests_are_4xx(
    client: TestClient, params: dict[str, str], headers: dict[str, str], status: int
) -> None:
    response = client.get("/sparql", params=params, headers=headers)
    assert response.status_code == status
    assert response.json()["hint"]


@pytest.mark.parametrize(
    ("fmt", "accept", "rdflib_format"),
    [
        ("ttl", None, "turtle"),
        ("nt", None, "nt"),
        (None, "application/ld+json", "json-ld"),
        (None, "text/turtle", "turtle"),
    ],
)
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_export_formats_hold_the_same_triples(
    client: TestClient,
    sparql_store: SparqlStore,
    fmt: str | None,
    accept: str | None,
    rdflib_format: str,
) -> None:
    response = client.get(
        "/export",
        params={"format": fmt} if fmt else {},
        headers={"accept": accept} if accept else {},
    )
    assert response.status_code == 200
    assert "filename*=UTF-8''regional-strategy-graph." in response.headers["content-disposition"]
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert len(graph) == sparql_store.triple_count()


def test_export_refuses_unknown_accept(client: TestClient) -> None:
    assert client.get("/export", headers={"accept": "image/png"}).status_code == 406


def test_cli_sparql_matches_the_api(client: TestClient, cli: CliRunner) -> None:
    result = cli.invoke(cli_app, ["sparql", INVESTMENTS, "-f", "json"])
    assert result.exit_code == 0, result.output
    api = client.post(
        "/sparql", content=INVESTMENTS, headers={"content-type": "application/sparql-query"}
    ).json()
    assert json.loads(result.stdout) == api


def test_cli_sparql_refuses_updates(cli: CliRunner) -> None:
    result = cli.invoke(cli_app, ["sparql", "CLEAR ALL"])
    assert result.exit_code == 1
    assert "read-only" in result.output


def test_cli_export_writes_the_file(cli: CliRunner, tmp_path: Path, home: Path) -> None:
    target = tmp_path / "그래프.ttl"
    result = cli.invoke(cli_app, ["export", "--format", "ttl", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (home / "export" / "graph.ttl").read_bytes()
    assert not list(tmp_path.glob("*.tmp"))
