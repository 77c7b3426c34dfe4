"""Dependencies injected into the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from queries.store import GraphStore


async def get_store(request: Request) -> GraphStore:
    # async: FastAPI runs a plain function dependency in the thread pool, a hop that cost
    # more than this attribute read (a profile of uncached details, issue 19).
    store: GraphStore = request.app.state.store
    return store


StoreDep = Annotated[GraphStore, Depends(get_store)]
