"""Graph views over HTTP: the home page (``GET /``) and ``/views/...`` pages.

Every view answers an offline HTML page (``?embed=1`` without the page chrome, for an
iframe), or with ``?format=png|svg|pdf`` a static picture for print (``?preset=a4|slide|square``
for the document sizes); ``?download=1`` makes it an attachment.
The pages carry a Content-Security-Policy that allows only their own inline script and style
(by hash), no fetches, and ``frame-ancestors`` from ``RSG_VIEW_FRAME_ANCESTORS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from api.web.deps import StoreDep
from api.web.download import content_disposition, safe_filename
from api.web.routers.queries import from_query_string, split_list
from queries import catalog
from queries.guard import MAX_QUERY_CHARS
from visual import exports, heatmap, home, page, static, views
from visual.model import SizeBy, ViewGraph
from visual.settings import ViewSettings

router = APIRouter(tags=["views"])

#: Query-string keys that steer the page rather than fill a query parameter.
RESERVED = frozenset({"format", "embed", "lang", "size", "download", "preset"})
_HTML: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/html": {}, "image/png": {}, "image/svg+xml": {}, "application/pdf": {}},
        "description": "an offline HTML page, or a PNG/SVG/PDF with ?format=",
    }
}

Fmt = Annotated[
    Literal["html", "png", "svg", "pdf", "graphml", "gexf"],
    Query(
        alias="format",
        description="html (default, interactive), png, svg or pdf (for print), graphml or gexf "
        "(for Gephi, Cytoscape, yEd)",
    ),
]
PresetName = Literal["a4", "slide", "square"]
Preset = Annotated[
    PresetName | None,
    Query(
        description="size of a png/svg/pdf for documents: a4 (A4 page width, 300 dpi), slide "
        "(16:9), square; default: as large as the names need"
    ),
]
Embed = Annotated[bool, Query(description="1 = page without header and tools, for an iframe")]
Lang = Annotated[Literal["ko", "en"], Query(description="language of names: ko (default), en")]
Size = Annotated[
    Literal["degree", "money"] | None,
    Query(description="node size by degree or by money (budget, amounts); default per view"),
]
Download = Annotated[bool, Query(description="1 = send as an attachment (a file to save)")]


@dataclass(frozen=True)
class Display:
    """How a view is delivered: format, chrome, language, node size, attachment."""

    fmt: Literal["html", "png", "svg", "pdf", "graphml", "gexf"]
    embed: bool
    lang: Literal["ko", "en"]
    size: SizeBy | None
    download: bool
    preset: PresetName | None = None


def display(
    fmt: Fmt = "html",
    embed: Embed = False,
    lang: Lang = "ko",
    size: Size = None,
    download: Download = False,
    preset: Preset = None,
) -> Display:
    return Display(fmt, embed, lang, size, download, preset)


DisplayDep = Annotated[Display, Depends(display)]


def view_settings(request: Request) -> ViewSettings:
    settings: ViewSettings | None = getattr(request.app.state, "view_settings", None)
    if settings is None:
        settings = ViewSettings()
        request.app.state.view_settings = settings
    return settings


def _headers(policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


def _url(request: Request, **changes: str | None) -> str:
    """This request's path and query with some keys set (or dropped when None)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    items += [(k, v) for k, v in changes.items() if v is not None]
    from urllib.parse import urlencode

    query = urlencode(items)
    return request.url.path + (f"?{query}" if query else "")


MEDIA = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


def _downloads(request: Request) -> list[dict[str, str]]:
    """The page's download links: the page itself, then PNG, SVG and PDF at the default
    size and at each preset (the same static pictures as ``?format=``)."""
    links = [{"format": "html", "href": _url(request, format="html", download="1", embed=None)}]
    for preset in (None, *static.PRESETS):
        chosen = static.PRESETS[preset] if preset else None
        for fmt in ("png", "svg", "pdf"):
            href = _url(request, format=fmt, download="1", embed=None, preset=preset)
            links.append(
                {
                    "format": fmt,
                    "href": href,
                    "preset_ko": chosen.name_ko if chosen else "그림",
                    "preset_en": chosen.name_en if chosen else "Picture",
                }
            )
    for fmt in ("graphml", "gexf"):
        href = _url(request, format=fmt, download="1", embed=None, preset=None)
        links.append(
            {"format": fmt, "href": href, "preset_ko": "그래프 파일", "preset_en": "Graph file"}
        )
    return links


def _respond(
    request: Request, graph: ViewGraph, shown: Display, *, linkable: bool = True
) -> Response:
    fmt, embed, lang, download = shown.fmt, shown.embed, shown.lang, shown.download
    settings = view_settings(request)
    # The kind leads so that the ASCII fallback of an all-Korean title is not empty.
    title = graph.title_ko if lang == "ko" else graph.title_en
    name = safe_filename(f"rsg-{graph.kind}", title)
    headers: dict[str, str]
    if fmt == "graphml" or fmt == "gexf":  # == rather than in: mypy narrows the Literal
        headers = _headers("default-src 'none'")
        if download:
            headers["Content-Disposition"] = content_disposition(f"{name}.{fmt}")
        return Response(exports.write(graph, fmt), media_type=exports.MEDIA[fmt], headers=headers)
    if fmt != "html":
        body = static.render(graph, fmt, settings, lang=lang, preset=shown.preset)
        headers = _headers("default-src 'none'; style-src 'unsafe-inline'")
        if download:
            sized = f"{name}-{shown.preset}" if shown.preset else name
            headers["Content-Disposition"] = content_disposition(f"{sized}.{fmt}")
        return Response(body, media_type=MEDIA[fmt], headers=headers)
    downloads = _downloads(request) if linkable else []
    rendered = page.render(
        graph,
        settings,
        lang=lang,
        embed=embed,
        downloads=downloads,
        embed_url=_url(request, embed="1", format=None, download=None) if linkable else None,
    )
    headers = _headers(rendered.csp(settings.frame_ancestors))
    if download:
        headers["Content-Disposition"] = content_disposition(f"{name}.html")
    return HTMLResponse(rendered.html, headers=headers)


@router.get(
    "/", summary="첫 화면 / home page with links to every view", response_class=HTMLResponse
)
def home_page(request: Request, store: StoreDep) -> HTMLResponse:
    rendered = home.render(store)
    return HTMLResponse(
        rendered.html, headers=_headers(rendered.csp(view_settings(request).frame_ancestors))
    )


@router.get("/views/region/{region}", summary="지역 뷰 / region view", responses=_HTML)
def region_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    region: Annotated[str, Path(max_length=200, examples=["jeonbuk-gimje"])],
) -> Response:
    """The region, its strategies, initiatives, industries with segments, funding, partners."""
    graph = views.region(store, region, shown.size or "degree")
    return _respond(request, graph, shown)


@router.get("/views/industry/{industry}", summary="산업 뷰 / industry view", responses=_HTML)
def industry_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    industry: Annotated[str, Path(max_length=200, examples=["battery"])],
    initiatives: Annotated[bool, Query(description="0 = regions and segments only")] = True,
) -> Response:
    """Every region pursuing the industry or one of its segments (and the initiatives)."""
    graph = views.industry(store, industry, initiatives, shown.size or "degree")
    return _respond(request, graph, shown)


@router.get("/views/overlap", summary="지역 중복 뷰 / overlap view", responses=_HTML)
def overlap_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    regions: Annotated[
        list[str], Query(description="two or more Region ids (repeat or comma-separate)")
    ],
) -> Response:
    """Shared industries (red), competed-for designations (purple), complementary segments
    (blue, dashed)."""
    graph = views.overlap(store, split_list(regions), shown.size or "degree")
    return _respond(request, graph, shown)


@router.get("/views/heatmap", summary="지역 중복 히트맵 / overlap heatmap", responses=_HTML)
def heatmap_view(
    request: Request,
    store: StoreDep,
    regions: Annotated[list[str], Query(description="two or more Region ids")],
    level: Annotated[int | None, Query(ge=0, le=6, description="taxonomy depth")] = None,
    fmt: Annotated[Literal["html", "svg", "graphml", "gexf"], Query(alias="format")] = "html",
    embed: Embed = False,
    lang: Lang = "ko",
    download: Download = False,
) -> Response:
    """Jaccard scores between regions; the shared industries on hover. ``format=graphml|gexf``:
    the regions and their shared industries, an OVERLAPS edge per pair weighted by its score."""
    heat = heatmap.build(store, split_list(regions), level)
    name = "지역 중복 히트맵" if lang == "ko" else "overlap heatmap"
    if fmt == "graphml" or fmt == "gexf":  # == rather than in: mypy narrows the Literal
        headers = _headers("default-src 'none'")
        if download:
            headers["Content-Disposition"] = content_disposition(f"{name}.{fmt}")
        body = exports.write(heatmap.graph(heat), fmt)
        return Response(body, media_type=exports.MEDIA[fmt], headers=headers)
    if fmt == "svg":
        headers = _headers("default-src 'none'; style-src 'unsafe-inline'")
        if download:
            headers["Content-Disposition"] = content_disposition(f"{name}.svg")
        return Response(heatmap.svg(heat, lang), media_type="image/svg+xml", headers=headers)
    downloads = [
        {"format": f, "href": _url(request, format=f, download="1", embed=None)}
        for f in ("html", "svg", "graphml", "gexf")
    ]
    rendered = heatmap.page(heat, lang=lang, embed=embed, downloads=downloads)
    headers = _headers(rendered.csp(view_settings(request).frame_ancestors))
    if download:
        headers["Content-Disposition"] = content_disposition(f"{name}.html")
    return HTMLResponse(rendered.html, headers=headers)


@router.get("/views/organizations", summary="기관 네트워크 / organisation network", responses=_HTML)
def organizations_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    organization: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(max_length=60)] = None,
    region: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    graph = views.organizations(store, organization, kind, region, shown.size or "degree")
    return _respond(request, graph, shown)


@router.get("/views/funding", summary="재원 흐름 / funding flow", responses=_HTML)
def funding_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    region: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """Funders -> initiatives -> regions; edge width by amount, node size by money."""
    graph = views.funding(store, region, shown.size or "money")
    return _respond(request, graph, shown)


@router.get("/views/round/{round_id}", summary="공모 차수 뷰 / designation round view",
            responses=_HTML)  # fmt: skip
def round_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    round_id: Annotated[str, Path(max_length=200, examples=["nsic-2023-battery"])],
) -> Response:
    """The scheme, the round and its industries, and every place that bid: designated
    (green), not selected (grey) or pending (amber)."""
    graph = views.designation_round(store, round_id, shown.size or "degree")
    return _respond(request, graph, shown)


@router.get("/views/designations/{region}", summary="지역 지정 연표 뷰 / region designation view",
            responses=_HTML)  # fmt: skip
def designations_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    region: Annotated[str, Path(max_length=200, examples=["jeonbuk"])],
) -> Response:
    """The rounds a region and the places within it bid for, each marked by its outcome, with
    their schemes and the region's former names."""
    graph = views.region_designations(store, region, shown.size or "degree")
    return _respond(request, graph, shown)


@router.get("/views/query/{name}", summary="명명 질의 결과 그래프 / named query as a graph",
            responses=_HTML)  # fmt: skip
def query_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    name: Annotated[str, Path(max_length=80, examples=["region_portfolio"])],
) -> Response:
    """Parameters in the query string as for ``/queries/{name}``. The graph holds the nodes,
    relationships and paths of the result, or, when it has none, the nodes it names by id and
    the relationships among them."""
    query = catalog.get(name)
    given = from_query_string(query, request, RESERVED)
    graph = views.named(store, name, given, shown.size or "degree")
    return _respond(request, graph, shown)


class CypherView(BaseModel):
    query: str = Field(
        max_length=MAX_QUERY_CHARS,
        examples=["MATCH p = (:Region {id: $id})-[:PURSUES]->(:Industry) RETURN p"],
    )
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"id": "jeonbuk"}])
    timeout_ms: int | None = Field(default=None, ge=10, le=60_000)
    limit: int | None = Field(default=None, ge=1, le=100_000)


@router.post("/views/cypher", summary="Cypher 결과 그래프 / Cypher result as a graph",
             responses=_HTML)  # fmt: skip
def cypher_view(
    request: Request,
    store: StoreDep,
    shown: DisplayDep,
    body: Annotated[CypherView, Body()],
) -> Response:
    """Read-only Cypher (same guard, timeout and row cap as ``POST /cypher``) drawn as a
    graph. The page has no download links or embed snippet (it has no URL of its own): use
    ``?download=1`` or ``?format=png|svg`` on the POST."""
    size_by: SizeBy = shown.size or "degree"
    graph = views.cypher(
        store,
        body.query,
        body.params,
        timeout_ms=body.timeout_ms,
        row_cap=body.limit,
        size_by=size_by,
    )
    return _respond(request, graph, shown, linkable=False)
