"""``/map`` (provinces or cities/counties/districts coloured by a measure, or by one industry;
HTML, SVG, PNG) and
``/timeline/region/{region}`` and ``/timeline/industry/{industry}`` (initiatives and
designations over time)."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.web.deps import StoreDep
from api.web.download import content_disposition
from api.web.routers.workbench import page_headers
from ontology.errors import NotFound
from queries import catalog
from visual import koreamap, timeline

router = APIRouter(tags=["views"])


def _run(store: StoreDep, name: str, **params: object) -> list[dict[str, object]]:
    query = catalog.get(name)
    return store.read(query.text, query.bind(params)).rows


@router.get("/map", summary="지역 지도 / map of the regions", response_class=HTMLResponse)
def korea_map(
    request: Request,
    store: StoreDep,
    level: Annotated[koreamap.Level, Query()] = "province",
    measure: Annotated[koreamap.Measure, Query()] = "industries",
    industry: Annotated[str | None, Query(max_length=200)] = None,
    fmt: Annotated[Literal["html", "svg", "png"], Query(alias="format")] = "html",
    lang: Annotated[Literal["ko", "en"], Query()] = "ko",
    download: bool = False,
) -> Response:
    """Provinces (``level=province``) or cities, counties and districts (``level=district``)
    coloured by industries pursued, designations held or investment (the places inside each
    counted in), or, with ``industry``, red where it is pursued; a click opens the region
    view; regions without an outline and outlines without a region are listed.
    ``format=svg|png`` for reports."""
    chosen = industry or None
    rows = _run(store, koreamap.LEVELS[level][0], industry=chosen)
    name = f"rsg-map-{level}-{chosen or measure}"
    if fmt == "svg":
        body = koreamap.svg(
            rows, measure, level=level, lang=lang, industry=chosen, links=False
        ).encode()
        headers = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
        if download:
            headers["Content-Disposition"] = content_disposition(f"{name}.svg")
        return Response(body, media_type="image/svg+xml", headers=headers)
    if fmt == "png":
        headers = {"Content-Disposition": content_disposition(f"{name}.png")} if download else {}
        return Response(
            koreamap.png(rows, measure, level=level, lang=lang, industry=chosen),
            media_type="image/png",
            headers=headers,
        )
    industries = [
        (str(r["id"]), str(r["name_ko"]), str(r["name_en"]))
        for r in _run(store, "view_home")
        if r["label"] == "Industry"
    ]
    base = {
        "level": level,
        "measure": measure,
        **({"industry": chosen} if chosen else {}),
        "lang": lang,
    }
    rendered = koreamap.page(
        rows,
        measure,
        sorted(industries, key=lambda i: i[1]),
        level=level,
        industry=chosen,
        lang=lang,
        svg_href="/map?" + urlencode({**base, "format": "svg", "download": "1"}),
        png_href="/map?" + urlencode({**base, "format": "png", "download": "1"}),
    )
    return HTMLResponse(rendered.html, headers=page_headers(rendered.csp([])))


@router.get(
    "/timeline/region/{region}",
    summary="지역 연표 / a region's timeline",
    response_class=HTMLResponse,
)
def region_timeline(
    store: StoreDep, region: Annotated[str, Path(max_length=200, examples=["jeonbuk"])]
) -> HTMLResponse:
    """The region's (and its places') initiatives by start year and designation bids and
    holdings by date, oldest first."""
    found = store.read(
        catalog.get("entity_detail").text,
        catalog.get("entity_detail").bind({"label": "Region", "id": region}),
    ).rows
    node = found[0].get("node") if found else None
    if not isinstance(node, dict) or "Region" not in node.get("_labels", ["Region"]):
        raise NotFound(f"no region {region!r}", "find region ids with /search or /regions")
    initiatives = _run(store, "initiatives_timeline", region=region, include_parts=True)
    bids = _run(store, "region_designation_timeline", region=region)
    rendered = timeline.render(dict(node) | {"id": region}, initiatives, bids)
    return HTMLResponse(rendered.html, headers=page_headers(rendered.csp([])))


@router.get(
    "/timeline/industry/{industry}",
    summary="산업 연표 / an industry's timeline",
    response_class=HTMLResponse,
)
def industry_timeline(
    store: StoreDep, industry: Annotated[str, Path(max_length=200, examples=["battery"])]
) -> HTMLResponse:
    """Initiatives targeting the industry (or a sub-industry) by start date and the
    designation rounds covering it, with their places and winners, oldest first."""
    found = _run(store, "entity_detail", label="Industry", id=industry)
    node = found[0].get("node") if found else None
    if not isinstance(node, dict):
        raise NotFound(f"no industry {industry!r}", "find industry ids with /search")
    rows = _run(store, "industry_timeline", industry=industry)
    rendered = timeline.render_industry(dict(node) | {"id": industry}, rows)
    return HTMLResponse(rendered.html, headers=page_headers(rendered.csp([])))
