"""``/sparql`` (SPARQL 1.1 Protocol, read-only) and ``/export`` (the build's RDF files)."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response

from api.download import content_disposition
from ontology.errors import NotAcceptable, NotFound, QueryError, ReadOnlyViolation
from queries.settings import StoreSettings
from queries.sparql import SparqlResult, SparqlStore

router = APIRouter(tags=["rdf"])

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples"}
EXPORTS = {
    "ttl": ("graph.ttl", "text/turtle"),
    "nt": ("graph.nt", "application/n-triples"),
    "jsonld": ("graph.jsonld", "application/ld+json"),
}


def get_sparql(request: Request) -> SparqlStore:
    store: SparqlStore | None = getattr(request.app.state, "sparql", None)
    if store is None:
        settings = StoreSettings()
        store = SparqlStore(settings.home, row_cap=settings.row_cap)
        request.app.state.sparql = store
    return store


SparqlDep = Annotated[SparqlStore, Depends(get_sparql)]


def _pick(accept: str, offered: dict[str, str], default: str) -> str:
    """The first format (by q order) of ``offered`` that ``accept`` admits."""
    if not accept.strip():
        return default
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, i, media.lower()))
    for negative, _i, media in sorted(ranked):
        if negative == 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            return default
        for key, media_type in offered.items():
            if media == media_type:
                return key
    raise NotAcceptable(
        f"cannot answer in {accept}",
        f"ask for one of {', '.join(offered.values())}, or use ?format=",
    )


def _respond(result: SparqlResult, request: Request, fmt: str | None) -> Response:
    accept = request.headers.get("accept", "")
    headers = {"X-Truncated": "true"} if result.truncated else {}
    if result.kind == "graph":
        key = fmt if fmt in GRAPH_TYPES else _pick(accept, GRAPH_TYPES, "ttl")
        rdf_format = ox.RdfFormat.TURTLE if key == "ttl" else ox.RdfFormat.N_TRIPLES
        return Response(result.as_rdf(rdf_format), media_type=GRAPH_TYPES[key], headers=headers)
    key = fmt if fmt in RESULT_TYPES else _pick(accept, RESULT_TYPES, "json")
    if key == "json":
        from queries.sparql import dumps

        return Response(dumps(result), media_type=RESULT_TYPES["json"], headers=headers)
    delimiter = "," if key == "csv" else "\t"
    body = result.as_delimited(delimiter).encode("utf-8")
    return Response(body, media_type=f"{RESULT_TYPES[key]}; charset=utf-8", headers=headers)


Format = Annotated[
    Literal["json", "csv", "tsv", "ttl", "nt"] | None,
    Query(description="overrides Accept: json, csv, tsv (SELECT/ASK); ttl, nt (CONSTRUCT)"),
]


@router.get(
    "/sparql",
    summary="SPARQL 질의 (읽기 전용) / SPARQL 1.1 query, read-only",
    response_class=Response,
    responses={
        200: {
            "content": {media: {} for media in (*RESULT_TYPES.values(), *GRAPH_TYPES.values())},
            "description": "results by Accept header or ?format=",
        },
        400: {"description": "syntax error"},
        403: {"description": "update or SERVICE refused"},
    },
)
def sparql_get(
    request: Request,
    store: SparqlDep,
    query: Annotated[
        str,
        Query(
            max_length=20_000,
            examples=["SELECT (COUNT(?r) AS ?n) WHERE { ?r a rsg:Region }"],
            description="prefixes rsg, rsgid, rdfs, skos, schema and xsd are predeclared",
        ),
    ],
    fmt: Annotated[Format, Query(alias="format")] = None,
) -> Response:
    return _respond(store.query(query), request, fmt)


@router.post(
    "/sparql",
    summary="SPARQL 질의 POST / SPARQL 1.1 query by POST",
    response_class=Response,
    responses={400: {}, 403: {"description": "SPARQL Update is refused"}, 415: {}},
    openapi_extra={
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}}
                },
            }
        }
    },
)
async def sparql_post(
    request: Request,
    store: SparqlDep,
    fmt: Annotated[Format, Query(alias="format")] = None,
) -> Response:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/sparql-update":
        raise ReadOnlyViolation(
            "SPARQL Update is not accepted: this endpoint is read-only",
            "the graph changes only through `rsg build`",
        )
    if kind == "application/sparql-query":
        text = (await request.body()).decode("utf-8", errors="replace")
    elif kind == "application/x-www-form-urlencoded":
        form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
        if "update" in form:
            raise ReadOnlyViolation(
                "SPARQL Update is not accepted: this endpoint is read-only",
                "the graph changes only through `rsg build`",
            )
        values = form.get("query") or []
        if len(values) != 1:
            raise QueryError("the form needs exactly one query field", "send query=SELECT ...")
        text = values[0]
    else:
        raise QueryError(
            f"cannot read a {kind or 'missing'} content type",
            "send application/sparql-query or an HTML form with query=",
        )
    return _respond(store.query(text), request, fmt)


@router.get(
    "/export",
    summary="RDF 내려받기 / download the graph as Turtle, JSON-LD or N-Triples",
    response_class=FileResponse,
    responses={
        200: {"content": {media: {} for _f, media in EXPORTS.values()}},
        404: {"description": "no build yet"},
        406: {"description": "unsupported Accept"},
    },
)
def export(
    request: Request,
    fmt: Annotated[
        Literal["ttl", "jsonld", "nt"] | None,
        Query(alias="format", description="ttl, jsonld or nt; otherwise by Accept"),
    ] = None,
) -> FileResponse:
    key = fmt or _pick(
        request.headers.get("accept", ""), {k: v[1] for k, v in EXPORTS.items()}, "ttl"
    )
    name, media = EXPORTS[key]
    path = StoreSettings().home / "export" / name
    if hasattr(request.app.state, "sparql"):
        path = request.app.state.sparql.path.parent / name
    if not path.is_file():
        raise NotFound("no RDF export yet", "run `rsg build`; it writes the exports")
    download = f"regional-strategy-graph.{key}"
    return FileResponse(
        path, media_type=media, headers={"Content-Disposition": content_disposition(download)}
    )
