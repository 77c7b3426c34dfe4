"""``/sparql`` with the two common Python clients in their default setup, over real HTTP.

SPARQLWrapper asks for SPARQL XML (SELECT, ASK) and RDF/XML (CONSTRUCT) by default and adds
``format=``, ``output=`` and ``results=`` to every request; rdflib's ``SPARQLStore`` asks for
the XML results format by ``Accept``. Both run against the app under uvicorn on a loopback
port, by GET and by POST.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.sparql import SparqlStore
from tests.api.seedcounts import REGIONS
from tests.reliability.livehttp import serving

RSG = "https://w3id.org/rsg/ontology#"
JEONBUK = URIRef("https://w3id.org/rsg/id/region/jeonbuk")
PREFIXES = f"PREFIX rsg: <{RSG}>\nPREFIX rsgid: <https://w3id.org/rsg/id/>\n"
NAME = PREFIXES + "SELECT ?n WHERE { rsgid:region\\/jeonbuk rsg:name_ko ?n }"
ASK = PREFIXES + "ASK { rsgid:region\\/jeonbuk a rsg:Region }"
NAMES_EN = PREFIXES + (
    "CONSTRUCT { ?r rsg:name_en ?n } WHERE { ?r a rsg:Region ; rsg:name_en ?n } ORDER BY ?r"
)

# SPARQLWrapper's RDF conversion still builds an rdflib ConjunctiveGraph.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def endpoint(store: FalkorStore, built: BuildReport, home: Path) -> Iterator[str]:
    del built
    app = create_app(store=store)
    app.state.sparql = SparqlStore(home)
    with serving(app) as base:
        yield f"{base}/sparql"


def _wrapper(endpoint: str, query: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    if method == "POST":
        client.setMethod(POST)
    elif method == "POSTDIRECTLY":
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    return client


def _first_value(document: Any) -> str:
    """The first literal of a SPARQL XML results DOM (what SPARQLWrapper's XML gives)."""
    literal = document.getElementsByTagName("literal")[0]
    return str(literal.firstChild.data)


METHODS = [None, "POST", "POSTDIRECTLY"]


@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_default_select_is_xml(endpoint: str, method: str | None) -> None:
    answer = _wrapper(endpoint, NAME, method).query()
    assert answer.info()["content-type"] == "application/sparql-results+xml"
    converted: Any = answer.convert()
    assert _first_value(converted) == "전북특별자치도"


@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_default_ask_is_xml(endpoint: str, method: str | None) -> None:
    document: Any = _wrapper(endpoint, ASK, method).query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("method", METHODS)
def test_sparqlwrapper_default_construct_is_rdf_xml(endpoint: str, method: str | None) -> None:
    answer = _wrapper(endpoint, NAMES_EN, method).query()
    assert answer.info()["content-type"] == "application/rdf+xml"
    graph = answer.convert()
    assert isinstance(graph, Graph)
    assert len(graph) == REGIONS
    assert (JEONBUK, URIRef(RSG + "name_en"), Literal("Jeonbuk State", lang="en")) in graph


@pytest.mark.parametrize("method", [None, "POST"])
@pytest.mark.parametrize(("fmt", "media"), [(JSON, "application/sparql-results+json"),
                                            (CSV, "text/csv"),
                                            (TSV, "text/tab-separated-values"),
                                            (XML, "application/sparql-results+xml")])  # fmt: skip
def test_sparqlwrapper_select_in_each_format(
    endpoint: str, method: str | None, fmt: str, media: str
) -> None:
    client = _wrapper(endpoint, NAME, method)
    client.setReturnFormat(fmt)
    answer = client.query()
    assert answer.info()["content-type"].startswith(media)
    converted: Any = answer.convert()
    if fmt == JSON:
        assert converted["results"]["bindings"][0]["n"]["value"] == "전북특별자치도"
    elif fmt == XML:
        assert _first_value(converted) == "전북특별자치도"
    else:
        assert "전북특별자치도" in converted.decode("utf-8")


@pytest.mark.parametrize("method", [None, "POST"])
@pytest.mark.parametrize(("fmt", "parse_as"), [(TURTLE, "turtle"), (N3, "turtle"),
                                               (JSONLD, "json-ld"), (RDFXML, "xml")])  # fmt: skip
def test_sparqlwrapper_construct_in_each_format(
    endpoint: str, method: str | None, fmt: str, parse_as: str
) -> None:
    client = _wrapper(endpoint, NAMES_EN, method)
    client.setReturnFormat(fmt)
    converted: Any = client.query().convert()
    graph = (
        converted
        if isinstance(converted, Graph)
        else Graph().parse(data=converted, format=parse_as)
    )
    assert len(graph) == REGIONS


def test_a_format_we_cannot_serve_is_406_with_the_list(endpoint: str) -> None:
    client = _wrapper(endpoint, NAMES_EN)
    client.setReturnFormat(CSV)  # CSV has no form for a graph
    with (
        pytest.warns(RuntimeWarning, match="Accept header"),
        pytest.raises(urllib.error.HTTPError) as caught,
    ):
        client.query()
    assert caught.value.code == 406
    body = caught.value.read().decode("utf-8")
    for word in ("turtle", "nt", "jsonld", "xml"):
        assert word in body


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_select_ask_and_construct(endpoint: str, method: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint, method=method))
    rows = list(graph.query(NAME))
    assert [str(row[0]) for row in rows] == ["전북특별자치도"]  # type: ignore[index]
    assert graph.query(ASK).askAnswer is True
    constructed = graph.query(NAMES_EN).graph
    assert constructed is not None
    assert len(constructed) == REGIONS


def test_rdflib_sparqlstore_reads_triples(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint))
    names = set(graph.objects(JEONBUK, URIRef(RSG + "name_en")))
    assert Literal("Jeonbuk State", lang="en") in names


def test_the_xml_results_are_valid_for_rdflib_own_parser(endpoint: str) -> None:
    client = _wrapper(endpoint, PREFIXES + "SELECT ?r ?n WHERE { ?r rsg:name_en ?n } LIMIT 5")
    raw = client.query().response.read()
    from rdflib.query import Result

    parsed = Result.parse(io.BytesIO(raw), format="xml")
    assert len(list(parsed)) == 5


@pytest.mark.parametrize(
    ("query", "params", "listed"),
    [
        (NAME, "format=foo", ["csv", "json", "tsv", "xml"]),
        (NAME, "output=turtle", ["csv", "json", "tsv", "xml"]),
        (NAMES_EN, "results=csv", ["jsonld", "nt", "turtle", "xml"]),
    ],
)
def test_unknown_or_unservable_formats_are_406_not_422(
    endpoint: str, query: str, params: str, listed: list[str]
) -> None:
    url = f"{endpoint}?{urllib.parse.urlencode({'query': query})}&{params}"
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=30)
    assert caught.value.code == 406
    hint = json.loads(caught.value.read())["hint"]
    for word in listed:
        assert word in hint


def test_xml_results_carry_languages_datatypes_and_markup(endpoint: str) -> None:
    query = PREFIXES + (
        "SELECT ?ko ?count ?odd ?plain WHERE { rsgid:region\\/jeonbuk rsg:name_ko ?ko . "
        "{ SELECT (COUNT(?r) AS ?count) WHERE { ?r a rsg:Region } } "
        'BIND("a < b & \\"c\\"" AS ?odd) }'
    )
    raw = _wrapper(endpoint, query).query().response.read()
    from rdflib.query import Result

    rows: list[Any] = list(Result.parse(io.BytesIO(raw), format="xml"))
    ko, count, odd, plain = rows[0]
    assert len(rows) == 1
    assert ko == Literal("전북특별자치도", lang="ko")
    assert count.datatype == URIRef("http://www.w3.org/2001/XMLSchema#integer")
    assert str(odd) == 'a < b & "c"'
    assert plain is None  # unbound: no binding element
