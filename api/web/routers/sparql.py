"""``/sparql``: the SPARQL 1.1 Protocol (query operation only) over the build's RDF.

Results by ``Accept`` or ``?format=``: SELECT and ASK as SPARQL JSON, XML, CSV or TSV;
CONSTRUCT and DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML. ``output=`` and ``results=``
are read like ``format=`` (SPARQLWrapper sends all three, as a word such as ``xml`` or
``turtle`` and sometimes also as a media type; a POSTed form may carry them too); a value
that names nothing we can serve answers 406 with the list of what we can. Updates are refused
with 403 whichever way they come (``update=`` form field, ``application/sparql-update`` body,
or update text as a query); the evaluation itself lives in ``queries/sparql.py``.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.web.negotiation import named, pick
from ontology.errors import QueryError, ReadOnlyViolation
from queries.settings import StoreSettings
from queries.sparql import MAX_QUERY_CHARS, SparqlResult, SparqlStore, dumps
from queries.sparqlxml import results_xml

router = APIRouter(tags=["rdf"])

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
# Key -> media types, the first canonical. XML comes last so that ``text/*`` still means CSV.
RESULT_TYPES = {
    "json": [JSON, "application/json"],
    "csv": ["text/csv"],
    "tsv": ["text/tab-separated-values"],
    "xml": [XML, "application/xml"],
}
GRAPH_TYPES = {
    "ttl": ["text/turtle", "application/x-turtle", "application/turtle", "text/n3"],
    "nt": ["application/n-triples", "text/plain"],
    "jsonld": ["application/ld+json", "application/json"],
    "rdfxml": ["application/rdf+xml", "application/xml"],
}
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
#: The query-string (or form) fields that choose a format: ours, Joseki's and rasqal's names.
FORMAT_FIELDS = ("format", "output", "results")
#: Format words -> key, for SELECT/ASK and for CONSTRUCT/DESCRIBE. ``xml`` is the XML of each
#: kind and ``json`` the JSON (JSON-LD for a graph), as SPARQLWrapper means them; Turtle is
#: also valid N3.
RESULT_WORDS = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"}
GRAPH_WORDS = {
    "ttl": "ttl",
    "turtle": "ttl",
    "n3": "ttl",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "json": "jsonld",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "rdfxml": "rdfxml",
}
EXAMPLE = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a rsg:Region }"
INVESTMENT_EXAMPLE = """SELECT ?company ?amount WHERE {
  ?fact rdf:predicate rsg:investsIn ;
        rdf:subject ?company ;
        rdf:object <https://w3id.org/rsg/id/initiative/saemangeum-battery-specialized-complex> ;
        rsg:amount_krw ?amount .
} ORDER BY DESC(?amount)"""


def _update_refused() -> ReadOnlyViolation:
    return ReadOnlyViolation(
        "SPARQL Update는 허용되지 않습니다 / SPARQL Update is not accepted: the endpoint is "
        "read-only",
        "the graph changes only through `rsg build`",
    )


def get_sparql(request: Request) -> SparqlStore:
    """One SPARQL store per app (tests put their own in ``app.state.sparql``)."""
    store: SparqlStore | None = getattr(request.app.state, "sparql", None)
    if store is None:
        settings = StoreSettings()
        store = SparqlStore(
            settings.home, row_cap=settings.row_cap, timeout_ms=settings.query_timeout_ms,
            memory_mb=settings.store_memory_mb,
        )  # fmt: skip
        request.app.state.sparql = store
    return store


SparqlDep = Annotated[SparqlStore, Depends(get_sparql)]
Format = Annotated[
    str | None,
    Query(
        alias="format",
        max_length=100,
        description="Accept 대신 / overrides Accept: json, xml, csv, tsv (SELECT, ASK); "
        "ttl (turtle, n3), nt, jsonld (json), xml (rdf, rdf+xml) (CONSTRUCT, DESCRIBE); or a "
        "media type. `output=` and `results=` are read the same way (SPARQLWrapper sends "
        "all three); a value that names nothing we can serve answers 406 with the list.",
    ),
]


def requested_formats(request: Request, form: dict[str, list[str]] | None = None) -> list[str]:
    """The values of format=, output= and results= in the query string, then in the form."""
    values = [v for name in FORMAT_FIELDS for v in request.query_params.getlist(name)]
    return values + [v for name in FORMAT_FIELDS for v in (form or {}).get(name, [])]


def _respond(result: SparqlResult, request: Request, requested: list[str]) -> Response:
    accept = request.headers.get("accept", "")
    headers = {"X-Truncated": "true"} if result.truncated else {}
    if result.kind == "graph":
        key = named(requested, GRAPH_WORDS, GRAPH_TYPES) or pick(accept, GRAPH_TYPES, "ttl")
        body = result.as_rdf(RDF_FORMATS[key])
        return Response(body, media_type=GRAPH_TYPES[key][0], headers=headers)
    key = named(requested, RESULT_WORDS, RESULT_TYPES) or pick(accept, RESULT_TYPES, "json")
    if key == "json":
        return Response(dumps(result), media_type=JSON, headers=headers)
    if key == "xml":
        return Response(results_xml(result), media_type=XML, headers=headers)
    text = result.as_csv() if key == "csv" else result.as_tsv()
    media = f"{RESULT_TYPES[key][0]}; charset=utf-8"
    return Response(text.encode("utf-8"), media_type=media, headers=headers)


def _check_dataset(request: Request) -> None:
    """The store has one default graph; a protocol dataset would be silently ignored."""
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in request.query_params:
            raise QueryError(
                f"{name} is not supported: the endpoint serves one default graph",
                "drop the parameter; use FROM / GRAPH inside the query if needed",
            )


_RESULTS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT/ASK: SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE: "
        "Turtle, N-Triples, JSON-LD or RDF/XML. `X-Truncated: true` when the row cap was "
        "reached.",
        "content": {
            JSON: {
                "example": {
                    "head": {"vars": ["n"]},
                    "results": {
                        "bindings": [
                            {
                                "n": {
                                    "type": "literal",
                                    "value": "252",
                                    "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                                }
                            }
                        ]
                    },
                }
            },
            XML: {
                "example": '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
                '<head>\n<variable name="n"/>\n</head>\n<results>\n<result>\n'
                '<binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">'
                "252</literal></binding>\n</result>\n</results>\n</sparql>\n"
            },
            "text/csv": {"example": "n\r\n252\r\n"},
            "text/tab-separated-values": {
                "example": '?n\n"252"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
            },
            "text/turtle": {"example": 'rsgid:region\\/jeonbuk rsg:name_en "Jeonbuk State"@en .'},
            "application/n-triples": {},
            "application/ld+json": {},
            "application/rdf+xml": {},
        },
    },
    400: {"description": "구문 오류 / syntax error, with oxigraph's message"},
    403: {"description": "SPARQL Update or SERVICE refused / 갱신·외부 질의 거부"},
    404: {"description": "아직 빌드 없음 / no build yet"},
    406: {"description": "Accept or format= not supported; the hint lists what is"},
    408: {"description": "RSG_QUERY_TIMEOUT_MS exceeded"},
}


@router.get(
    "/sparql",
    summary="SPARQL 질의 (읽기 전용) / SPARQL 1.1 query, read-only",
    response_class=Response,
    responses=_RESULTS,
)
def sparql_get(
    request: Request,
    store: SparqlDep,
    fmt: Format = None,
    query: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY_CHARS,
            examples=[EXAMPLE, "ASK { rsgid:region\\/jeonbuk a rsg:Region }"],
            description="SELECT, ASK, CONSTRUCT or DESCRIBE. Prefixes rsg, rsgid, rdf, rdfs, "
            "owl, prov, dcterms, skos, schema and xsd are predeclared.",
        ),
    ] = None,
    update: Annotated[
        str | None, Query(include_in_schema=False, description="always refused")
    ] = None,
) -> Response:
    if update is not None:
        raise _update_refused()
    if query is None:
        raise QueryError("the request has no query parameter", "send ?query=SELECT ...")
    del fmt  # read with its aliases by requested_formats
    _check_dataset(request)
    return _respond(store.query(query), request, requested_formats(request))


@router.post(
    "/sparql",
    summary="SPARQL 질의 POST / SPARQL 1.1 query by POST",
    response_class=Response,
    responses=_RESULTS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/sparql-query": {
                    "schema": {"type": "string"},
                    "examples": {
                        "count": {"summary": "지역 수 / number of regions", "value": EXAMPLE},
                        "investment": {
                            "summary": "새만금 이차전지 투자 / Saemangeum battery investment",
                            "value": INVESTMENT_EXAMPLE,
                        },
                    },
                },
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {"query": {"type": "string", "example": EXAMPLE}},
                        "required": ["query"],
                    }
                },
            },
        }
    },
)
async def sparql_post(request: Request, store: SparqlDep, fmt: Format = None) -> Response:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/sparql-update":
        raise _update_refused()
    del fmt  # read with its aliases by requested_formats
    form: dict[str, list[str]] = {}
    if kind == "application/sparql-query":
        text = (await request.body()).decode("utf-8", errors="replace")
    elif kind == "application/x-www-form-urlencoded":
        form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
        if "update" in form:
            raise _update_refused()
        values = form.get("query") or []
        if len(values) != 1:
            raise QueryError("the form needs exactly one query field", "send query=SELECT ...")
        text = values[0]
    else:
        raise QueryError(
            f"cannot read a {kind or 'missing'} content type",
            "send application/sparql-query or an HTML form with query=",
        )
    _check_dataset(request)
    # The query runs in a worker process; waiting for it must not hold the event loop.
    result = await run_in_threadpool(store.query, text)
    return _respond(result, request, requested_formats(request, form))
