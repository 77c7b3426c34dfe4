"""The FastAPI application: store opened in the lifespan, routers, error mapping."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.web import errors
from api.web.cache import CacheLayer, ResponseCache
from api.web.routers import (
    access,
    analysis,
    cypher,
    entities,
    export,
    health,
    inbox,
    maps,
    queries,
    sparql,
    workbench,
)
from api.web.routers import docs as docs_router
from api.web.routers import review as review_router
from api.web.routers import views as views_router
from api.web.security import Guard
from api.web.settings import ApiSettings
from ontology.errors import RsgError
from queries.neighbourhood import neighbourhoods
from queries.settings import Neo4jSettings, StoreSettings
from queries.store import GraphStore

_log = logging.getLogger(__name__)


def _warm(store: GraphStore) -> None:
    """Read the live build's neighbourhood projection ahead of the first detail."""
    try:
        read = neighbourhoods.of(store)
    except RsgError as exc:  # the store gone or busy: the first detail reads it then
        _log.info("neighbourhood projection not read at start-up: %s", exc.message)
        return
    if read is None:  # no graph, or one without a build id: details are read from the store
        _log.info("neighbourhood projection not read at start-up: the graph has no build id")


def create_app(store: GraphStore | None = None, settings: ApiSettings | None = None) -> FastAPI:
    """Build the app; ``store`` is injected in tests, otherwise opened from the settings."""
    api_settings = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        from queries.backends import open_store

        opened = open_store(StoreSettings(), Neo4jSettings())
        app.state.store = opened
        # The app's own objects (routes, models, schemas: about 170k) live as long as the
        # server: moved out of the collector's reach, a full collection no longer walks them
        # on every request's garbage (it stalled every request for 70-100 ms about once in
        # a hundred uncached details; bench/RESULTS.md). Not done for an injected store
        # (tests build many apps in one process).
        gc.collect()
        gc.freeze()
        if api_settings.detail_projection:
            neighbourhoods.freeze = True
            # Read the build's neighbourhood projection now rather than on the first detail
            # (about a second at tier S, several at tier M); a detail asked meanwhile waits
            # for this read instead of starting its own.
            threading.Thread(target=_warm, args=(opened,), name="rsg-warm", daemon=True).start()
        try:
            yield
        finally:
            opened.close()

    app = FastAPI(
        title="Regional Strategy Graph / 지역 신산업 전략 그래프",
        version="0.1.0",
        description="Korean regional new-industry strategies as a knowledge graph.",
        lifespan=lifespan,
        # Served by api/web/routers/docs.py from local files (FastAPI's load from a CDN).
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = api_settings
    app.state.cache = ResponseCache(api_settings.cache_entries, api_settings.cache_bytes)
    # Added first, so it runs inside Guard: the API key is checked before any cached answer.
    app.add_middleware(CacheLayer, cache=app.state.cache)
    app.add_middleware(Guard, settings=api_settings)
    if api_settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=api_settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
        )
    errors.install(app)
    docs_router.install(app)
    app.include_router(access.router)
    app.include_router(workbench.router)
    app.include_router(inbox.router)
    app.include_router(maps.router)
    app.include_router(health.router)
    app.include_router(cypher.router)
    app.include_router(entities.router)
    app.include_router(queries.router)
    app.include_router(analysis.router)
    app.include_router(sparql.router)
    app.include_router(export.router)
    app.include_router(review_router.router)
    app.include_router(views_router.router)
    return app
