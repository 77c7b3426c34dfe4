"""Resources: regions, industries, strategies, initiatives, organisations, designations, sources.

Each has a list (filters and paging) and a detail with its neighbours, counted by relationship
type and paged; all through named queries.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.web.deps import StoreDep
from ontology.contract import RELATIONSHIPS
from ontology.errors import NotFound
from queries import catalog

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


def _list(label: str) -> Any:
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
    ) -> EntityPage:
        query = catalog.get("entity_list")
        params: dict[str, Any] = {"label": label, "q": q, "level": level, "kind": kind}
        params |= {"parent": parent, "skip": skip, "limit": limit}
        row = store.read(query.text, query.bind(params)).rows[0]
        items = [Entity.of(props) for props in row["items"]]
        return EntityPage(total=row["total"], skip=skip, limit=limit, items=items)

    return list_entities


def _detail(label: str) -> Any:
    def get_entity(
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
    ) -> EntityDetail:
        query = catalog.get("entity_detail")
        params = {"label": label, "id": entity_id, "skip": skip, "limit": limit}
        params["type"] = rel_type.value if rel_type is not None else None
        rows = store.read(query.text, query.bind(params)).rows
        if not rows:
            raise NotFound(f"no {label} with id {entity_id!r}", f"list them at the {label} list")
        neighbours = [
            Neighbour(
                type=row["type"],
                direction="out" if row["outgoing"] else "in",
                labels=row["neighbour_labels"],
                node=Entity.of(row["neighbour"]),
                properties=row["props"] or {},
            )
            for row in rows
            if row["type"] is not None
        ]
        first = rows[0]
        matching = int(first["matching"])
        return EntityDetail(
            label=label,
            entity=Entity.of(first["node"]),
            neighbour_counts={c["type"]: int(c["count"]) for c in first["counts"]},
            matching=matching,
            skip=skip,
            limit=limit,
            next_skip=skip + limit if skip + limit < matching else None,
            neighbours=neighbours,
        )

    return get_entity


for _segment, _label in RESOURCES.items():
    router.add_api_route(
        f"/{_segment}",
        _list(_label),
        methods=["GET"],
        response_model=EntityPage,
        tags=[_segment],
        summary=f"{_label} 목록 / list {_segment}",
        operation_id=f"list_{_segment}",
    )
    router.add_api_route(
        f"/{_segment}/{{id}}",
        _detail(_label),
        methods=["GET"],
        response_model=EntityDetail,
        tags=[_segment],
        summary=f"{_label} 상세 / one {_label} with a page of its neighbours",
        operation_id=f"get_{_segment}",
        responses={404: {"description": "unknown id"}},
    )
