"""The named query library over HTTP: ``GET /queries`` and ``/queries/{name}``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.web.deps import StoreDep
from api.web.download import csv_response, safe_filename
from ontology.errors import QueryError
from queries import catalog
from queries.catalog import NamedQuery
from queries.store import GraphStore
from queries.subgraph import subgraph_of

router = APIRouter(tags=["queries"])

#: Query-string keys that steer the response rather than fill a parameter.
RESERVED = frozenset({"format"})


class ParamInfo(BaseModel):
    name: str
    type: Literal["string", "integer", "number", "boolean", "list", "date"]
    required: bool
    default: Any = None
    example: Any = None
    description: str = ""


class QueryInfo(BaseModel):
    name: str = Field(examples=["region_portfolio"])
    description_ko: str
    description_en: str
    params: list[ParamInfo]
    returns: list[str] = Field(description="the columns of every row")
    url: str = Field(description="where to run it", examples=["/queries/region_portfolio"])

    @classmethod
    def of(cls, query: NamedQuery) -> QueryInfo:
        return cls(
            name=query.name,
            description_ko=query.description_ko,
            description_en=query.description_en,
            params=[
                ParamInfo(
                    name=p.name,
                    type=p.type,  # type: ignore[arg-type]
                    required=p.required,
                    default=p.default,
                    example=p.example,
                    description=p.description,
                )
                for p in query.params
            ],
            returns=list(query.returns),
            url=f"/queries/{query.name}",
        )


class GraphNode(BaseModel):
    id: str
    labels: list[str]
    properties: dict[str, Any]


class GraphEdge(BaseModel):
    id: str
    type: str
    source: str
    target: str
    properties: dict[str, Any]


class GraphJson(BaseModel):
    """The nodes and relationships held in a result (for drawing it)."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


class QueryRun(BaseModel):
    name: str
    params: dict[str, Any] = Field(description="the parameters as bound (defaults filled in)")
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="true when the row cap cut the result")
    graph: GraphJson | None = Field(
        default=None, description="present when the rows hold nodes, relationships or paths"
    )


class QueryParams(BaseModel):
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"region": "jeonbuk"}])


Format = Annotated[
    Literal["json", "csv"],
    Query(description="json (default) or csv (UTF-8 with BOM, for spreadsheets)"),
]


def run_named(store: GraphStore, name: str, given: dict[str, Any]) -> QueryRun:
    """Bind and run one named query; the same code serves the CLI and the API."""
    query = catalog.get(name)
    bound = query.bind(given)
    result = store.read(query.text, bound)
    graph = subgraph_of(result.rows)
    return QueryRun(
        name=name,
        params=bound,
        columns=result.columns,
        rows=result.rows,
        truncated=result.truncated,
        graph=GraphJson.model_validate(graph.as_json()) if graph else None,
    )


def split_list(values: list[str]) -> list[str]:
    """List values from a query string: repeated and/or comma-separated, blanks dropped."""
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def from_query_string(
    query: NamedQuery, request: Request, reserved: frozenset[str] = RESERVED
) -> dict[str, Any]:
    """The named query's parameters from the query string; names in ``reserved`` belong to
    the route (format, ...) and are skipped. Used by ``/queries/{name}`` and the views."""
    kinds = {p.name: p.type for p in query.params}
    given: dict[str, Any] = {}
    for key in request.query_params:
        if key in reserved:
            continue
        values = [v for v in request.query_params.getlist(key) if v != ""]
        if not values:
            continue
        if kinds.get(key) == "list":
            given[key] = split_list(values)
        elif len(values) > 1:
            raise QueryError(f"parameter {key} was given {len(values)} times", "give it once")
        else:
            given[key] = values[0]
    return given


def _respond(run: QueryRun, fmt: str) -> QueryRun | Response:
    if fmt == "csv":
        label = "-".join(str(v) for v in run.params.values() if isinstance(v, str | int))
        return csv_response(safe_filename(run.name, label) + ".csv", run.columns, run.rows)
    return run


@router.get("/queries", summary="명명 질의 목록 / list the named queries")
def list_queries() -> list[QueryInfo]:
    return [QueryInfo.of(q) for q in catalog.catalog().values()]


@router.get(
    "/queries/{name}",
    summary="명명 질의 실행 / run a named query (parameters in the query string)",
    response_model=QueryRun,
    responses={
        200: {"content": {"text/csv": {}}, "description": "rows as JSON, or CSV"},
        404: {"description": "no such query"},
        400: {"description": "unknown, missing or mistyped parameter"},
    },
)
def run_query_get(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Path(max_length=80, examples=["region_portfolio"])],
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> QueryRun | Response:
    """Parameters go in the query string, e.g. ``/queries/region_portfolio?region=jeonbuk``.
    A list parameter may repeat (``?regions=a&regions=b``) or be comma-separated."""
    query = catalog.get(name)
    return _respond(run_named(store, name, from_query_string(query, request)), fmt)


@router.post(
    "/queries/{name}",
    summary="명명 질의 실행 / run a named query (parameters as JSON)",
    response_model=QueryRun,
    responses={200: {"content": {"text/csv": {}}}, 404: {}, 400: {}},
)
def run_query_post(
    store: StoreDep,
    name: Annotated[str, Path(max_length=80, examples=["overlap_matrix"])],
    body: Annotated[QueryParams, Body()],
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> QueryRun | Response:
    return _respond(run_named(store, name, body.params), fmt)
