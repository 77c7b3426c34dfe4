"""The review queue over HTTP: list candidates, accept or reject them (always needs the key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from api.web.security import require_write_key
from ingest.documents.review import EDITABLE, Item, Queue, Status
from ingest.graph.dataset import default_data_dir
from ontology.errors import ValidationFailed
from queries.settings import StoreSettings

router = APIRouter(prefix="/review", tags=["review"], dependencies=[Depends(require_write_key)])


def get_queue() -> Queue:
    return Queue(StoreSettings().home)


QueueDep = Annotated[Queue, Depends(get_queue)]
#: Items per answer of ``GET /review`` unless ``limit`` says otherwise, and the most it may say.
LIMIT = 500
LIMIT_MAX = 5000


class AcceptBody(BaseModel):
    edits: dict[str, str] = Field(
        default_factory=dict, description=f"fields to change first: {', '.join(EDITABLE)}"
    )


@router.get("", summary="검토 대기열 / review queue items")
def list_items(
    queue: QueueDep,
    response: Response,
    status: Status | None = "pending",
    source: Annotated[str | None, Query(max_length=200, description="one Source id")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[Item]:
    """Items in queue order, ``limit`` from ``offset``; the header ``X-Total-Count`` gives how
    many match the filters in all."""
    total = queue.count(status, source=source, min_confidence=min_confidence)
    response.headers["X-Total-Count"] = str(total)
    return queue.items(
        status, source=source, min_confidence=min_confidence, limit=limit, offset=offset
    )


@router.post("/{item_id}/accept", summary="승인 / accept a candidate into the curated facts")
def accept(item_id: str, queue: QueueDep, body: AcceptBody | None = None) -> Item:
    edits = body.edits if body else {}
    unknown = sorted(set(edits) - set(EDITABLE))
    if unknown:
        raise ValidationFailed(
            "unknown edit fields",
            [f"edits.{name}: not editable" for name in unknown],
            f"editable fields: {', '.join(EDITABLE)}",
        )
    return queue.accept(item_id, default_data_dir(), edits)


@router.post("/{item_id}/reject", summary="거절 / reject a candidate")
def reject(item_id: str, queue: QueueDep) -> Item:
    return queue.reject(item_id)
