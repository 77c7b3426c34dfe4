"""``/sparql`` and ``rsg sparql`` on the seed graph's RDF export (real oxigraph, real build)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from typer.testing import CliRunner

from api.cli.main import app as cli_app
from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.sparql import SparqlStore
from tests.api.seedcounts import REGIONS

COUNT_REGIONS = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a rsg:Region }"
INVESTMENTS = """
SELECT ?company ?amount WHERE {
  ?fact rdf:predicate rsg:investsIn ;
        rdf:subject ?company ;
        rdf:object rsgid:initiative\\/saemangeum-battery-specialized-complex ;
        rsg:amount_krw ?amount .
} ORDER BY ?amount
"""
JEONBUK_NAME = "SELECT ?n WHERE { rsgid:region\\/jeonbuk rsg:name_ko ?n }"
SPARQL_QUERY = {"content-type": "application/sparql-query"}

UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "INSERT { ?s rsg:name_en 'x' } WHERE { ?s a rsg:Region }",
    "CLEAR ALL",
    "CLEAR DEFAULT",
    "DROP DEFAULT",
    "DROP ALL",
    "LOAD <http://example.org/data.ttl>",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "MOVE DEFAULT TO <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/#> insert data { ex:a ex:b ex:c }",
    "# a comment\ninsert data { <urn:a> <urn:b> <urn:c> }",
    "SELECT * WHERE { ?s ?p ?o } ; DELETE WHERE { ?s ?p ?o }",
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


def _bindings(response: object) -> list[dict[str, dict[str, str]]]:
    body = response.json()  # type: ignore[attr-defined]
    rows: list[dict[str, dict[str, str]]] = body["results"]["bindings"]
    return rows


def test_select_counts_every_region(client: TestClient, built: BuildReport) -> None:
    response = client.get("/sparql", params={"query": COUNT_REGIONS})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert _bindings(response)[0]["n"]["value"] == str(REGIONS)
    assert built.labels["Region"] == REGIONS  # the same answer as the property graph


def test_reified_facts_carry_the_investments(client: TestClient) -> None:
    response = client.post("/sparql", content=INVESTMENTS, headers=SPARQL_QUERY)
    assert response.status_code == 200, response.text
    rows = [
        (b["company"]["value"].rsplit("/", 1)[1], int(b["amount"]["value"]))
        for b in _bindings(response)
    ]
    assert rows == [("futuregraph", 440_000_000_000), ("ls-lnf", 1_050_000_000_000)]
    assert _bindings(response)[0]["amount"]["datatype"].endswith("#integer")


def test_ask_by_form_post_and_get(client: TestClient) -> None:
    response = client.post("/sparql", data={"query": "ASK { ?r a rsg:Region }"})
    assert response.json() == {"head": {}, "boolean": True}
    missing = client.get("/sparql", params={"query": "ASK { rsgid:region\\/atlantis ?p ?o }"})
    assert missing.json() == {"head": {}, "boolean": False}


def test_language_tags_in_json(client: TestClient) -> None:
    binding = _bindings(client.get("/sparql", params={"query": JEONBUK_NAME}))[0]["n"]
    assert binding == {"type": "literal", "value": "전북특별자치도", "xml:lang": "ko"}


def test_csv_by_accept_parses(client: TestClient) -> None:
    query = (
        "SELECT ?id ?ko WHERE { ?r a rsg:Region ; rsg:id ?id ; rsg:name_ko ?ko ; "
        "rsg:partOf rsgid:region\\/jeonbuk } ORDER BY ?id"
    )
    response = client.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {"id": "jeonbuk-jeonju", "ko": "전주시"} in rows
    assert {"id": "jeonbuk-gimje", "ko": "김제시"} in rows
    assert len(rows) == len({row["id"] for row in rows}) >= 14


def test_tsv_uses_sparql_term_syntax(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": JEONBUK_NAME, "format": "tsv"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.text.splitlines() == ["?n", '"전북특별자치도"@ko']


def test_application_json_and_wildcards_give_sparql_json(client: TestClient) -> None:
    for accept in ("application/json", "*/*", "text/html,*/*;q=0.8"):
        response = client.get(
            "/sparql", params={"query": COUNT_REGIONS}, headers={"accept": accept}
        )
        assert response.headers["content-type"] == "application/sparql-results+json", accept
    text = client.get("/sparql", params={"query": COUNT_REGIONS}, headers={"accept": "text/*"})
    assert text.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "media"),
    [
        ("ttl", "turtle", "text/turtle"),
        ("nt", "nt", "application/n-triples"),
        ("jsonld", "json-ld", "application/ld+json"),
    ],
)
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_construct_gives_rdf(client: TestClient, fmt: str, rdflib_format: str, media: str) -> None:
    query = "CONSTRUCT { ?r rsg:name_en ?n } WHERE { ?r a rsg:Region ; rsg:name_en ?n }"
    response = client.get("/sparql", params={"query": query, "format": fmt})
    assert response.headers["content-type"].startswith(media)
    assert len(Graph().parse(data=response.text, format=rdflib_format)) == REGIONS


def test_describe_by_accept(client: TestClient) -> None:
    response = client.get(
        "/sparql",
        params={"query": "DESCRIBE rsgid:region\\/jeonbuk-gimje"},
        headers={"accept": "application/n-triples"},
    )
    graph = Graph().parse(data=response.text, format="nt")
    names = {str(o) for o in graph.objects() if getattr(o, "language", None) == "en"}
    assert "Gimje" in names


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_nothing_changes(
    client: TestClient, sparql_store: SparqlStore, update: str
) -> None:
    before = sparql_store.triple_count()
    for response in (
        client.get("/sparql", params={"query": update}),
        client.get("/sparql", params={"update": update}),
        client.post("/sparql", content=update, headers=SPARQL_QUERY),
        client.post("/sparql", data={"update": update}),
        client.post("/sparql", data={"query": update}),
        client.post(
            "/sparql", content=update, headers={"content-type": "application/sparql-update"}
        ),
    ):
        assert response.status_code == 403, (update, response.text)
        body = response.json()
        assert body["error"] == "ReadOnlyViolation"
        assert body["hint"]
    assert sparql_store.triple_count() == before
    after = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert int(_bindings(after)[0]["n"]["value"]) == before


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, str]]:
    """A loopback port that records whether anything connected to it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(8)
        srv.setblocking(False)
        yield srv, f"http://127.0.0.1:{srv.getsockname()[1]}/sparql"


SERVICE_TRICKS = [
    "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }",
    "select * where { service silent <URL> { ?s ?p ?o } }",
    # '#' inside an IRI or a string is no comment: the SERVICE after it is live.
    "SELECT * WHERE { ?s a <https://w3id.org/rsg/ontology#Region> . SERVICE <URL> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s rsg:name_en "#" . SERVICE <URL> { ?s ?p ?o } }',
    # '<' compares here, and '<1)SERVICE#>' only looks like an IRI.
    "SELECT * WHERE { ?s rsg:budget_krw ?b FILTER(?b<1)SERVICE#>\n<URL> { ?s ?p ?o } }",
    "PREFIX e: <URL> SELECT * WHERE { SERVICE e: { ?s ?p ?o } }",
]


@pytest.mark.parametrize("trick", SERVICE_TRICKS)
def test_service_is_refused_and_nothing_is_fetched(
    client: TestClient, listener: tuple[socket.socket, str], trick: str
) -> None:
    srv, url = listener
    response = client.get("/sparql", params={"query": trick.replace("URL", url)})
    assert response.status_code == 403, response.text
    assert "SERVICE" in response.json()["detail"]
    with pytest.raises(BlockingIOError):
        srv.accept()  # no connection was ever made


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        # variables and names that spell update keywords are fine
        ("SELECT ?load ?drop WHERE { rsgid:region\\/jeonbuk ?load ?drop } LIMIT 3", 3),
        ('SELECT ?r WHERE { ?r rsg:name_en "DELETE INSERT SERVICE" }', 0),
        ("SELECT ?n WHERE { rsgid:industry\\/uam-services rsg:name_en ?n }", 1),
        ("SELECT ?n WHERE { <https://w3id.org/rsg/id/industry/uam-services> rsg:id ?n }", 1),
    ],
)
def test_keywords_inside_names_and_strings_are_fine(
    client: TestClient, query: str, rows: int
) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    assert len(_bindings(response)) == rows


@pytest.mark.parametrize(
    ("params", "headers", "status", "words"),
    [
        ({"query": "SELEC ?x"}, {}, 400, "error at 1:"),
        ({"query": "SELECT ?x WHERE { ?x }"}, {}, 400, "error at 1:"),
        ({"query": "SELECT ?n WHERE { rsgid:industry\\/uam-services ?n }"}, {}, 400, "error"),
        ({"query": " "}, {}, 400, "empty"),
        ({}, {}, 400, "no query"),
        ({"query": COUNT_REGIONS, "default-graph-uri": "urn:g"}, {}, 400, "default-graph-uri"),
        ({"query": COUNT_REGIONS}, {"accept": "image/png"}, 406, "image/png"),
        ({"query": "CONSTRUCT WHERE { ?s a rsg:Region }"}, {"accept": "text/csv"}, 406, ""),
    ],
)
def test_bad_requests_are_4xx_with_hint(
    client: TestClient, params: dict[str, str], headers: dict[str, str], status: int, words: str
) -> None:
    response = client.get("/sparql", params=params, headers=headers)
    assert response.status_code == status, response.text
    body = response.json()
    assert words in body["detail"]
    assert body["hint"]


def test_bad_post_bodies_are_400(client: TestClient) -> None:
    assert (
        client.post("/sparql", content="x", headers={"content-type": "text/plain"}).json()["error"]
        == "QueryError"
    )
    assert client.post("/sparql", data={"other": "1"}).status_code == 400


def test_row_cap_truncates(home: Path, built: BuildReport, store: FalkorStore) -> None:
    app = create_app(store=store)
    app.state.sparql = SparqlStore(home, row_cap=5)
    with TestClient(app) as capped:
        response = capped.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a rsg:Region }"})
    assert len(_bindings(response)) == 5
    assert response.headers["x-truncated"] == "true"


def test_timeout_answers_408_in_time(home: Path, built: BuildReport, store: FalkorStore) -> None:
    app = create_app(store=store)
    app.state.sparql = SparqlStore(home, timeout_ms=300)
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b a ?y . }"  # ~16 million joins
    with TestClient(app) as slow:
        started = time.perf_counter()
        response = slow.get("/sparql", params={"query": heavy})
        elapsed = time.perf_counter() - started
    assert response.status_code == 408, response.text
    assert response.json()["error"] == "QueryTimeout"
    assert elapsed < 1.5


def test_a_new_export_is_reloaded(home: Path, built: BuildReport, tmp_path: Path) -> None:
    (tmp_path / "export").mkdir()
    target = tmp_path / "export" / "graph.nt"
    shutil.copyfile(home / "export" / "graph.nt", target)
    local = SparqlStore(tmp_path)
    before = local.triple_count()
    replacement = tmp_path / "graph.nt.new"
    extra = '<https://w3id.org/rsg/id/region/x> <https://w3id.org/rsg/ontology#id> "x" .\n'
    replacement.write_bytes(target.read_bytes() + extra.encode())
    replacement.replace(target)  # as a build does: a whole new file
    assert local.triple_count() == before + 1
    answer = local.query("ASK { rsgid:region\\/x rsg:id 'x' }")
    assert answer.boolean is True


def test_openapi_documents_the_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    get, post = paths["/sparql"]["get"], paths["/sparql"]["post"]
    assert get["tags"] == ["rdf"]
    assert "SPARQL" in get["summary"]
    assert "질의" in post["summary"]
    body = post["requestBody"]["content"]
    assert "investment" in body["application/sparql-query"]["examples"]
    assert "application/x-www-form-urlencoded" in body
    assert "application/sparql-results+json" in get["responses"]["200"]["content"]


def test_cli_json_is_the_api_answer(client: TestClient, cli: CliRunner) -> None:
    result = cli.invoke(cli_app, ["sparql", INVESTMENTS, "-f", "json"])
    assert result.exit_code == 0, result.output
    api = client.post("/sparql", content=INVESTMENTS, headers=SPARQL_QUERY).json()
    assert json.loads(result.stdout) == api


def test_cli_csv_is_the_api_csv(client: TestClient, cli: CliRunner) -> None:
    result = cli.invoke(cli_app, ["sparql", JEONBUK_NAME, "--format", "csv"])
    api = client.get("/sparql", params={"query": JEONBUK_NAME, "format": "csv"})
    assert result.exit_code == 0
    # click's .stdout turns CRLF into LF; the bytes are what a user gets
    assert result.stdout_bytes.decode("utf-8") == api.text == "n\r\n전북특별자치도\r\n"


def test_cli_table_and_construct(cli: CliRunner) -> None:
    table = cli.invoke(cli_app, ["sparql", COUNT_REGIONS])
    assert table.exit_code == 0
    assert str(REGIONS) in table.stdout
    construct = cli.invoke(
        cli_app, ["sparql", "CONSTRUCT WHERE { rsgid:region\\/jeonbuk rsg:name_en ?n }"]
    )
    assert construct.exit_code == 0
    assert len(Graph().parse(data=construct.stdout, format="turtle")) == 1


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["sparql", "CLEAR ALL"], 1, "read-only"),
        (["sparql", "SELEC ?x"], 1, "syntax error"),
        (["sparql", COUNT_REGIONS, "-f", "xml"], 2, "table, json"),
    ],
)
def test_cli_errors_are_one_line(cli: CliRunner, args: list[str], code: int, words: str) -> None:
    result = cli.invoke(cli_app, args)
    assert result.exit_code == code
    assert words in result.output
    if code == 1:
        assert len(result.output.strip().splitlines()) == 1
