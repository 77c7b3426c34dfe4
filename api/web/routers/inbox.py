"""``/inbox``: the review queue as a page, decisions in bulk, and a build with progress.

Reading the queue and deciding follow the rule of ``/review``: the key or a logged-in session
(the page, without a key configured on the server, shows the queue read-only with a note).
Decisions go through ``ingest.documents.review.Queue`` (its lock, its atomic writes, one
validation of the data folder for a whole batch); nothing here writes a facts file itself.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from api.web.buildjob import BuildJob
from api.web.deps import StoreDep
from api.web.routers.workbench import keyed, page_headers
from api.web.security import current_session, require_write_key
from ingest.documents.review import EDITABLE, Queue, needs_ids
from ingest.graph.dataset import default_data_dir
from ontology.errors import ValidationFailed
from queries.settings import StoreSettings
from visual import inbox

router = APIRouter(tags=["inbox"])
#: Documents shown on one page of the inbox.
PAGE_DOCUMENTS = 20
#: What a reviewer may set besides EDITABLE: the id of a node new to the graph.
NEW_NODE_EDITS = ("subject_id", "object_id")


def queue() -> Queue:
    return Queue(StoreSettings().home)


def build_job(request: Request) -> BuildJob:
    job: BuildJob | None = getattr(request.app.state, "build_job", None)
    if job is None:
        job = BuildJob()
        request.app.state.build_job = job
    return job


@router.get("/inbox", summary="검토함 / review inbox", response_class=HTMLResponse)
def inbox_page(
    request: Request,
    page: Annotated[int, Query(ge=1, description="page of documents, from 1")] = 1,
    source: Annotated[str | None, Query(max_length=200, description="one Source id")] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="only candidates at this confidence or above")
    ] = None,
) -> HTMLResponse:
    """Candidates grouped by document, evidence marked in its paragraph, accept / edit /
    reject, bulk accept above a confidence, proposed organisations, build with progress.
    ``PAGE_DOCUMENTS`` documents a page, in the order they were queued."""
    writable = keyed(request)
    found = current_session(request)
    shown = inbox.Shown(page=page, source=source, min_confidence=min_confidence)
    items: list[dict[str, Any]] = []
    if writable:
        items, shown = page_of(queue(), shown)
    rendered = inbox.render(
        items,
        csrf=found.csrf if found else None,
        writable=writable,
        build=build_job(request).status(),
        shown=shown,
    )
    return HTMLResponse(rendered.html, headers=page_headers(rendered.csp([])))


def page_of(queued: Queue, shown: inbox.Shown) -> tuple[list[dict[str, Any]], inbox.Shown]:
    """The pending items of the documents on ``shown.page``, and the counts the page shows."""
    at_least = shown.min_confidence
    documents = queued.sources("pending", source=shown.source, min_confidence=at_least)
    start = (shown.page - 1) * PAGE_DOCUMENTS
    items = [
        {**i.model_dump(), "needs": needs_ids(i)}
        for name, _ in documents[start : start + PAGE_DOCUMENTS]
        for i in queued.items("pending", source=name, min_confidence=at_least)
    ]
    counted = shown.model_copy(
        update={
            "pages": max(1, -(-len(documents) // PAGE_DOCUMENTS)),
            "documents": len(documents),
            "candidates": sum(n for _, n in documents),
        }
    )
    return items, counted


class Decision(BaseModel):
    id: str = Field(max_length=80)
    edits: dict[str, str] = Field(default_factory=dict)


class Decisions(BaseModel):
    accept: list[Decision] = Field(default_factory=list, max_length=2000)
    reject: list[str] = Field(default_factory=list, max_length=2000)


@router.post(
    "/inbox/decide",
    summary="승인·거절 / accept and reject candidates",
    dependencies=[Depends(require_write_key)],
)
def decide(body: Annotated[Decisions, Body()]) -> dict[str, list[str]]:
    """Every accepted fact is written into the data folder, or none is (one validation)."""
    allowed = set(EDITABLE) | set(NEW_NODE_EDITS)
    unknown = sorted({k for d in body.accept for k in d.edits} - allowed)
    if unknown:
        raise ValidationFailed(
            "unknown edit fields",
            [f"edits.{name}: not editable" for name in unknown],
            f"editable fields: {', '.join(sorted(allowed))}",
        )
    done = queue().decide_many(
        default_data_dir(), [(d.id, d.edits) for d in body.accept], body.reject
    )
    return {
        "accepted": [i.id for i in done if i.status == "accepted"],
        "rejected": [i.id for i in done if i.status == "rejected"],
    }


@router.post(
    "/inbox/build",
    summary="그래프 빌드 시작 / start a build of the graph",
    dependencies=[Depends(require_write_key)],
)
def start_build(request: Request, store: StoreDep) -> dict[str, Any]:
    """Starts ``rsg build`` in the server (one at a time); poll ``GET /inbox/build``."""
    job = build_job(request)
    job.start(store)
    return job.status()


@router.get(
    "/inbox/build",
    summary="빌드 진행 / progress of the build started from the inbox",
    dependencies=[Depends(require_write_key)],
)
def build_status(request: Request) -> dict[str, Any]:
    return build_job(request).status()
