"""Resources: regions, industries, strategies, initiatives, organisations, designations, sources.

Each has a list (filters and paging) and a detail with its neighbours, counted by relationship
type and paged; all through named queries. ``?format=csv`` downloads the list, or the page of
neighbours, as CSV (UTF-8 with BOM).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from pydantic_core import to_json
from starlette.concurrency import run_in_threadpool

from api.web.deps import StoreDep
from api.web.download import csv_response, safe_filename
from api.web.routers.analysis import CsvOrJson
from ontology.contract import RELATIONSHIPS
from ontology.errors import NotFound
from queries import catalog
from queries.neighbourhood import neighbourhoods
from queries.store import GraphStore

router = APIRouter()

#: URL segment -> label. Labels only ever come from this allow-list.
RESOURCES = {
    "regions": "Region",
    "industries": "Industry",
    "strategies": "Strategy",
    "initiatives": "Initiative",
    "organizations": "Organization",
    "designations": "Designation",
    "sources": "Source",
}


class Entity(BaseModel):
    id: str
    name_ko: str
    name_en: str
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict, description="every other property")

    @classmethod
    def of(cls, props: dict[str, Any]) -> Entity:
        rest = {k: v for k, v in props.items() if k not in ("id", "name_ko", "name_en", "aliases")}
        return cls(
            id=props["id"],
            name_ko=props.get("name_ko", ""),
            name_en=props.get("name_en", ""),
            aliases=props.get("aliases") or [],
            properties=rest,
        )


def _entity(props: dict[str, Any]) -> dict[str, Any]:
    """``Entity.of`` as plain data (the same fields in the same order)."""
    # A copy without the four names keeps the other keys' order, as a filtering
    # comprehension would, in a quarter of its time (it ran once per neighbour).
    rest = dict(props)
    for name in _NAMES:
        rest.pop(name, None)
    return {
        "id": props["id"],
        "name_ko": props.get("name_ko", ""),
        "name_en": props.get("name_en", ""),
        "aliases": props.get("aliases") or [],
        "properties": rest,
    }


class EntityPage(BaseModel):
    total: int
    skip: int
    limit: int
    items: list[Entity]


class Neighbour(BaseModel):
    type: str = Field(description="relationship type, e.g. PURSUES")
    direction: str = Field(description="out: this node is the start; in: it is the end")
    labels: list[str]
    node: Entity
    properties: dict[str, Any] = Field(description="relationship properties incl. evidence")


class EntityDetail(BaseModel):
    label: str
    entity: Entity
    neighbour_counts: dict[str, int] = Field(
        description="이웃 수(관계 유형별, 전체) / neighbours by relationship type, all of them"
    )
    matching: int = Field(description="neighbours through the requested type (all types if none)")
    skip: int
    limit: int
    next_skip: int | None = Field(description="skip value of the next page; null on the last")
    neighbours: list[Neighbour] = Field(description="this page, ordered by type then id")


#: The relationship types a detail can be narrowed to (the graph contract's, as an enum so
#: that OpenAPI lists them and an unknown one is refused with 422).
RelationshipType = Enum(  # type: ignore[misc]
    "RelationshipType", {name: name for name in sorted(RELATIONSHIPS)}, type=str
)

#: Neighbours per page unless asked otherwise; the busiest regions of a national graph have
#: thousands, which nobody reads in one answer.
NEIGHBOUR_PAGE = 200


_NAMES = ("id", "name_ko", "name_en", "aliases")
_CSV_LIST: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}},
        "description": "JSON, or with ?format=csv the page as CSV: one row per item, a column "
        "per property; `X-Total-Count` gives the number of matches",
    }
}
_CSV_DETAIL: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}},
        "description": "JSON, or with ?format=csv this page of neighbours as CSV: one row per "
        "neighbour with the relationship's properties; `X-Next-Skip` points to the next page",
    },
    404: {"description": "unknown id"},
}


def _columns(rows: list[dict[str, Any]], first: tuple[str, ...]) -> list[str]:
    """``first``, then every other key of the rows in name order."""
    rest = sorted({key for row in rows for key in row} - set(first))
    return [*first, *rest]


def _list_csv(segment: str, q: str | None, page: EntityPage) -> Response:
    rows = [
        {"id": e.id, "name_ko": e.name_ko, "name_en": e.name_en, "aliases": e.aliases}
        | e.properties
        for e in page.items
    ]
    response = csv_response(safe_filename(segment, q or "") + ".csv", _columns(rows, _NAMES), rows)
    response.headers["X-Total-Count"] = str(page.total)
    return response


def _detail_csv(segment: str, detail: EntityDetail) -> Response:
    rows = [
        {
            "type": n.type,
            "direction": n.direction,
            "id": n.node.id,
            "labels": n.labels,
            "name_ko": n.node.name_ko,
            "name_en": n.node.name_en,
        }
        | n.properties
        for n in detail.neighbours
    ]
    first = ("type", "direction", "id", "labels", "name_ko", "name_en")
    name = safe_filename(segment, detail.entity.id, detail.entity.name_ko) + ".csv"
    response = csv_response(name, _columns(rows, first), rows)
    if detail.next_skip is not None:
        response.headers["X-Next-Skip"] = str(detail.next_skip)
    return response


def _list(segment: str, label: str) -> Any:
    def list_entities(
        store: StoreDep,
        q: Annotated[
            str | None, Query(max_length=200, description="id, name or alias part")
        ] = None,
        level: Annotated[str | None, Query(max_length=50)] = None,
        kind: Annotated[str | None, Query(max_length=50)] = None,
        parent: Annotated[str | None, Query(max_length=120)] = None,
        skip: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        fmt: CsvOrJson = "json",
    ) -> EntityPage | Response:
        query = catalog.get("entity_list")
        params: dict[str, Any] = {"label": label, "q": q, "level": level, "kind": kind}
        params |= {"parent": parent, "skip": skip, "limit": limit}
        row = store.read(query.text, query.bind(params)).rows[0]
        items = [Entity.of(props) for props in row["items"]]
        page = EntityPage(total=row["total"], skip=skip, limit=limit, items=items)
        return _list_csv(segment, q, page) if fmt == "csv" else page

    return list_entities


def detail_answer(label: str, row: dict[str, Any], skip: int, limit: int) -> dict[str, Any]:
    """The ``EntityDetail`` of one ``entity_detail`` row as plain data (fields in order)."""
    matching = int(row["matching"])
    return {
        "label": label,
        "entity": _entity(row["node"]),
        "neighbour_counts": {c["type"]: int(c["count"]) for c in row["counts"]},
        "matching": matching,
        "skip": skip,
        "limit": limit,
        "next_skip": skip + limit if skip + limit < matching else None,
        "neighbours": [
            {
                "type": item["type"],
                "direction": "out" if item["outgoing"] else "in",
                "labels": item["neighbour_labels"],
                "node": _entity(item["neighbour"]),
                "properties": item["props"] or {},
            }
            for item in row["neighbours"]
        ],
    }


async def _detail_rows(
    request: Request,
    store: GraphStore,
    label: str,
    entity_id: str,
    type_name: str | None,
    skip: int,
    limit: int,
) -> list[dict[str, Any]]:
    """``entity_detail``'s rows. From the build's neighbourhood projection (the same rows;
    tests/queries/test_neighbourhood.py) when it is in memory: no waiting on anything, so on
    the event loop, without a hop to the thread pool (which cost a third of the API's time
    of a detail in a profile). Its first read of a build, and reads from the store, go to
    the thread pool."""
    if request.app.state.settings.detail_projection:
        # The build id the response cache has just read for this request, if it did.
        build: str | None = getattr(request.state, "build_id", None)
        view = neighbourhoods.kept(store, build) if build else None
        if view is None:
            view = await run_in_threadpool(neighbourhoods.of, store, build)
        if view is not None:
            return view.detail(label, entity_id, type_name, skip, limit)
    query = catalog.get("entity_detail")
    params = {"label": label, "id": entity_id, "skip": skip, "limit": limit, "type": type_name}
    result = await run_in_threadpool(store.read, query.text, query.bind(params))
    return result.rows


def _detail(segment: str, label: str) -> Any:
    async def get_entity(
        request: Request,
        store: StoreDep,
        entity_id: Annotated[str, Path(alias="id", max_length=120, examples=["jeonbuk-gimje"])],
        rel_type: Annotated[
            RelationshipType | None,
            Query(alias="type", description="only neighbours through this relationship type"),
        ] = None,
        skip: Annotated[int, Query(ge=0, le=1_000_000, description="neighbours to skip")] = 0,
        limit: Annotated[
            int, Query(ge=1, le=10_000, description="neighbours in this page")
        ] = NEIGHBOUR_PAGE,
        fmt: CsvOrJson = "json",
    ) -> EntityDetail | Response:
        type_name = rel_type.value if rel_type is not None else None
        rows = await _detail_rows(request, store, label, entity_id, type_name, skip, limit)
        if not rows:
            raise NotFound(f"no {label} with id {entity_id!r}", f"list them at the {label} list")
        answer = detail_answer(label, rows[0], skip, limit)
        if fmt == "csv":
            return _detail_csv(segment, EntityDetail.model_validate(answer))
        # The answer is the store's plain data laid out as ``EntityDetail`` (field order and
        # types), written by pydantic's JSON writer: the same bytes FastAPI writes for the
        # model, without building 2 models per neighbour and validating them again (most of
        # the API's time of an uncached detail; tests/api/test_entity_detail_json.py).
        return Response(to_json(answer), media_type="application/json")

    return get_entity


for _segment, _label in RESOURCES.items():
    router.add_api_route(
        f"/{_segment}",
        _list(_segment, _label),
        methods=["GET"],
        response_model=EntityPage,
        responses=_CSV_LIST,
        tags=[_segment],
        summary=f"{_label} 목록 / list {_segment}",
        operation_id=f"list_{_segment}",
    )
    router.add_api_route(
        f"/{_segment}/{{id}}",
        _detail(_segment, _label),
        methods=["GET"],
        response_model=EntityDetail,
        tags=[_segment],
        summary=f"{_label} 상세 / one {_label} with a page of its neighbours",
        operation_id=f"get_{_segment}",
        responses=_CSV_DETAIL,
    )
