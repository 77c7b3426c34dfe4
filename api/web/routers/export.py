"""``/export``: the current build's RDF files (Turtle, JSON-LD, N-Triples) as downloads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from api.web.deps import StoreDep
from api.web.download import content_disposition, safe_filename
from api.web.negotiation import pick
from api.web.routers.sparql import SparqlDep
from ontology.errors import NotFound, RsgError

router = APIRouter(tags=["rdf"])

#: format key -> (file written by ``rsg build``, media types; the first is the canonical one)
EXPORTS: dict[str, tuple[str, list[str]]] = {
    "ttl": ("graph.ttl", ["text/turtle", "application/x-turtle"]),
    "jsonld": ("graph.jsonld", ["application/ld+json", "application/json"]),
    "nt": ("graph.nt", ["application/n-triples", "text/plain"]),
}


def export_file(home_export: Path, key: str) -> Path:
    """The export file of ``key``; NotFound with a hint when no build has written it."""
    path = home_export / EXPORTS[key][0]
    if not path.is_file():
        raise NotFound(
            "아직 RDF 내보내기가 없습니다 / no RDF export yet",
            "run `rsg build`; every build writes Turtle, JSON-LD and N-Triples",
        )
    return path


def build_label(store: StoreDep, path: Path) -> str:
    """The build id of the live graph, or the file's time when the store cannot say."""
    try:
        build = store.info().build
    except RsgError:
        build = None
    if build and build.get("id"):
        return str(build["id"])
    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return stamp.strftime("%Y%m%dT%H%M%SZ")


@router.get(
    "/export",
    summary="RDF 내려받기 / download the graph as Turtle, JSON-LD or N-Triples",
    response_class=FileResponse,
    responses={
        200: {
            "description": "the whole graph, as a download named rsg-<build id>.<format>",
            "content": {types[0]: {} for _name, types in EXPORTS.values()},
        },
        404: {"description": "아직 빌드 없음 / no build yet"},
        406: {"description": "Accept not supported"},
    },
)
def export(
    request: Request,
    store: StoreDep,
    sparql: SparqlDep,
    fmt: Annotated[
        Literal["ttl", "jsonld", "nt"] | None,
        Query(
            alias="format",
            description="ttl, jsonld 또는 nt; 없으면 Accept / otherwise chosen by Accept",
            examples=["ttl"],
        ),
    ] = None,
) -> FileResponse:
    key = fmt or pick(
        request.headers.get("accept", ""), {k: types for k, (_n, types) in EXPORTS.items()}, "ttl"
    )
    path = export_file(sparql.path.parent, key)
    name = safe_filename("rsg", build_label(store, path)) + f".{key}"
    return FileResponse(
        path,
        media_type=EXPORTS[key][1][0],
        headers={"Content-Disposition": content_disposition(name)},
    )
