"""``POST /cypher``: ad-hoc read-only Cypher with a timeout and a row cap."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.web.deps import StoreDep
from api.web.routers.queries import GraphJson
from queries.guard import MAX_QUERY_CHARS, check_read_only
from queries.subgraph import subgraph_of

router = APIRouter(tags=["cypher"])


class CypherRequest(BaseModel):
    query: str = Field(
        max_length=MAX_QUERY_CHARS, examples=["MATCH (r:Region) RETURN r.id LIMIT 5"]
    )
    params: dict[str, Any] = Field(default_factory=dict)
    timeout_ms: int | None = Field(
        default=None, ge=10, le=60_000, description="at most the server's RSG_QUERY_TIMEOUT_MS"
    )
    limit: int | None = Field(
        default=None, ge=1, le=100_000, description="at most the server's RSG_ROW_CAP"
    )


class CypherResponse(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    graph: GraphJson | None = Field(
        default=None, description="present when the rows hold nodes, relationships or paths"
    )


@router.post("/cypher", summary="읽기 전용 Cypher / run read-only Cypher")
def run_cypher(body: CypherRequest, store: StoreDep) -> CypherResponse:
    check_read_only(body.query)
    result = store.read(body.query, body.params, timeout_ms=body.timeout_ms, row_cap=body.limit)
    graph = subgraph_of(result.rows)
    return CypherResponse(
        columns=result.columns,
        rows=result.rows,
        truncated=result.truncated,
        graph=GraphJson.model_validate(graph.as_json()) if graph else None,
    )
