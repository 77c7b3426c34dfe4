"""``/health``: is the store reachable, which one, how big, which build."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from api.web.deps import StoreDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    store: str
    location: str
    nodes: int
    relationships: int
    labels: dict[str, int]
    types: dict[str, int]
    build: dict[str, Any] | None


@router.get("/health", summary="상태 / store kind, counts and build")
def health(store: StoreDep) -> Health:
    info = store.info()
    return Health(
        status="ok",
        store=info.kind,
        location=info.location if info.kind != "neo4j" else info.location.split("@")[-1],
        nodes=info.nodes,
        relationships=info.relationships,
        labels=info.labels,
        types=info.types,
        build=info.build,
    )
