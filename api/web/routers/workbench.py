"""The workbench pages: the Cypher console (``/console``), saving a console query into the
catalog, and a console result as a GraphML or GEXF file.

The console runs queries through ``POST /cypher`` (same guard, timeout and row cap). Saving
is a write: it needs the key or a logged-in session (with its CSRF token, checked by the
Guard).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from api.web.deps import StoreDep
from api.web.download import content_disposition
from api.web.security import current_session, require_write_key
from api.web.settings import ApiSettings
from queries import catalog, saved
from queries.guard import MAX_QUERY_CHARS
from queries.settings import StoreSettings
from visual import console, exports, views

router = APIRouter(tags=["workbench"])


def page_headers(policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        # same-origin: with no-referrer a page's POST would say Origin: null
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store",
    }


def keyed(request: Request) -> bool:
    settings: ApiSettings = request.app.state.settings
    return bool(settings.api_key and settings.api_key.get_secret_value())


@router.get("/console", summary="Cypher 콘솔 / Cypher console", response_class=HTMLResponse)
def console_page(
    request: Request,
    store: StoreDep,
    query: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    params: Annotated[str, Query(max_length=20_000, description="JSON object")] = "",
    run: Annotated[bool, Query(description="1 = run the query when the page opens")] = False,
) -> HTMLResponse:
    """An editor with completion, parameters, table and graph, CSV/GraphML/GEXF, history,
    the named queries and a share link (``/console?query=...&params=...&run=1``)."""
    info = store.info()
    settings = StoreSettings()
    found = current_session(request)
    rendered = console.render(
        console.schema(list(info.labels), list(info.types)),
        console.Limits(settings.row_cap, settings.query_timeout_ms),
        query=query,
        params=params,
        run=run,
        csrf=found.csrf if found else None,
        can_save=keyed(request),
    )
    return HTMLResponse(rendered.html, headers=page_headers(rendered.csp([])))


class SaveQuery(BaseModel):
    name: str = Field(max_length=61, examples=["my_region_check"])
    description_ko: str = Field(max_length=300)
    description_en: str = Field(max_length=300)
    query: str = Field(max_length=MAX_QUERY_CHARS)
    params: dict[str, Any] = Field(
        default_factory=dict, description="parameter name -> example value (its type is kept)"
    )


@router.post(
    "/console/queries",
    summary="질의 저장 / save a console query into the catalog",
    dependencies=[Depends(require_write_key)],
)
def save_query(body: SaveQuery) -> dict[str, Any]:
    """Writes ``RSG_HOME/queries/<name>.cypher`` with the catalog's header; ``/queries``,
    ``rsg queries`` and the console then list it beside the bundled queries."""
    saved.save(
        body.name,
        body.description_ko,
        body.description_en,
        body.query,
        body.params,
        taken=set(catalog.bundled()),
    )
    query = catalog.get(body.name)
    return next(q for q in console.named() if q["name"] == query.name)


class ConsoleRun(BaseModel):
    query: str = Field(max_length=MAX_QUERY_CHARS)
    params: dict[str, Any] = Field(default_factory=dict)


@router.post("/console/export", summary="콘솔 결과 파일 / a console result as GraphML or GEXF")
def export_result(
    store: StoreDep,
    body: Annotated[ConsoleRun, Body()],
    fmt: Annotated[Literal["graphml", "gexf"], Query(alias="format")] = "graphml",
) -> Response:
    """The read-only query (same guard, timeout and row cap as ``POST /cypher``) drawn as a
    graph and written for Gephi, Cytoscape or yEd."""
    graph = views.cypher(store, body.query, body.params)
    return Response(
        exports.write(graph, fmt),
        media_type=exports.MEDIA[fmt],
        headers={"Content-Disposition": content_disposition(f"rsg-console.{fmt}")},
    )


def share_link(query: str, params: dict[str, Any] | None = None) -> str:
    """``/console?query=...&params=...&run=1`` for a query (used by docs and tests)."""
    from urllib.parse import urlencode

    items = {"query": query}
    if params:
        items["params"] = json.dumps(params, ensure_ascii=False)
    items["run"] = "1"
    return "/console?" + urlencode(items)
