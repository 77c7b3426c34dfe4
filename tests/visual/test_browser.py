"""Every view in headless Chromium with all network access cut: the drawn network matches the
graph, Korean labels show, no console errors, no request leaves the page, injected markup
stays text, the picture is not blank. Pages come from the app itself (with its headers);
any other request is aborted and counted."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.image
import numpy as np
import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from queries.falkor_backend import FalkorStore
from queries.store import GraphStore
from tests.visual.synthetic import (
    XSS_COMPANY,
    XSS_EVIDENCE,
    XSS_NAME,
    synthetic_region,
    xss_region,
)
from visual import views
from visual.model import ViewGraph

BASE = "http://rsg.test"
STABLE = "body[data-stable='1']"

VIEWS: dict[str, Callable[[GraphStore], ViewGraph]] = {
    "/views/region/jeonbuk": lambda s: views.region(s, "jeonbuk"),
    "/views/industry/mobility": lambda s: views.industry(s, "mobility"),
    "/views/overlap?regions=jeonbuk,gyeongbuk-gumi,jeonbuk-gimje": lambda s: views.overlap(
        s, ["jeonbuk", "gyeongbuk-gumi", "jeonbuk-gimje"]
    ),
    "/views/organizations": lambda s: views.organizations(s),
    "/views/funding": lambda s: views.funding(s),
    "/views/query/region_portfolio?region=jeonbuk-gimje": lambda s: views.named(
        s, "region_portfolio", {"region": "jeonbuk-gimje"}
    ),
}


@dataclass
class Visit:
    page: Any
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture
def visit(browser: Any) -> Iterator[Callable[[TestClient | None, str], Visit]]:
    contexts: list[Any] = []

    def open_page(client: TestClient | None, url: str) -> Visit:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))

        def dialog(d: Any) -> None:
            seen.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

        def route(request_route: Any) -> None:
            request = request_route.request
            if request.url.startswith("file://") and client is None:
                request_route.continue_()
            elif client is not None and request.url.startswith(BASE) and not seen.served:
                seen.served.append(request.url)
                answer = client.get(request.url[len(BASE) :])
                request_route.fulfill(
                    status=answer.status_code, headers=dict(answer.headers), body=answer.content
                )
            else:
                seen.external.append(request.url)
                request_route.abort()

        context.route("**/*", route)
        start = time.perf_counter()
        page.goto(url if client is None else BASE + url)
        if url != "/":  # the home page is plain HTML with nothing to lay out
            page.wait_for_selector(STABLE, state="attached", timeout=60_000)
        seen.seconds = time.perf_counter() - start
        return seen

    yield open_page
    for context in contexts:
        context.close()


def _not_blank(png: bytes) -> None:
    pixels = np.asarray(matplotlib.image.imread(io.BytesIO(png), format="png"))[..., :3]
    drawn = (np.abs(pixels - 1.0).sum(axis=2) > 0.1).mean()
    assert drawn > 0.005, f"only {drawn:.4f} of the picture is drawn"
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20


def _clean(seen: Visit) -> None:
    assert seen.errors == []
    assert seen.external == []
    assert seen.dialogs == []


@pytest.mark.parametrize("url", list(VIEWS))
def test_view_draws_the_graph_offline(
    visit: Callable[[TestClient | None, str], Visit],
    client: TestClient,
    store: FalkorStore,
    url: str,
) -> None:
    graph = VIEWS[url](store)
    seen = visit(client, url)
    assert seen.js("rsgView.nodes.length") == len(graph.nodes)
    assert seen.js("rsgView.edges.length") == len(graph.edges)
    assert seen.js("rsgView.nodes.get().filter(n => /[가-힣]/.test(n.label)).length") > 0
    assert seen.js("rsgView.payload.legend.length") > 0
    _clean(seen)
    _not_blank(seen.page.locator("#rsg-network").screenshot())
    # language switch, search
    seen.page.click("#rsg-lang-en")
    some = next(iter(graph.nodes.values()))
    assert seen.js("k => rsgView.nodes.get(k).label", some.key) == some.name_en
    seen.page.fill("#rsg-search", some.name_en)
    assert some.key in seen.js("rsgView.network.getSelectedNodes()")
    _clean(seen)


def test_the_page_offers_every_picture_size_in_its_language(
    visit: Callable[[TestClient | None, str], Visit], client: TestClient
) -> None:
    seen = visit(client, "/views/funding")
    hrefs = "#rsg-downloads a"
    links = seen.page.eval_on_selector_all(hrefs, "as => as.map(a => a.getAttribute('href'))")
    pictures = [h for h in links if re.search(r"format=(png|svg|pdf)&", h)]
    assert len(pictures) == 4 * 3  # PNG, SVG, PDF at 4 sizes
    assert all("lang=ko" in href for href in links)
    assert sum("preset=a4" in href for href in links) == 3
    groups = seen.page.eval_on_selector_all(
        ".rsg-download-name", "ns => ns.map(n => n.textContent)"
    )
    assert groups[:5] == ["내려받기", "그림", "A4 너비", "16:9 슬라이드", "정사각형"]
    seen.page.click("#rsg-lang-en")
    links = seen.page.eval_on_selector_all(hrefs, "as => as.map(a => a.getAttribute('href'))")
    assert all("lang=en" in href and "lang=ko" not in href for href in links)
    pdf = client.get(next(h for h in links if "format=pdf" in h and "preset=slide" in h))
    assert pdf.content.startswith(b"%PDF")
    _clean(seen)


def test_downloaded_html_works_with_the_network_pulled(
    visit: Callable[[TestClient | None, str], Visit], client: TestClient, tmp_path: Path
) -> None:
    saved = tmp_path / "전북 지역 뷰.html"
    saved.write_bytes(client.get("/views/region/jeonbuk?download=1").content)
    seen = visit(None, saved.as_uri())
    assert seen.js("rsgView.nodes.length") > 50
    _clean(seen)


def test_injected_markup_stays_text(
    visit: Callable[[TestClient | None, str], Visit], scratch_store: FalkorStore
) -> None:
    xss_region(scratch_store)
    with TestClient(create_app(store=scratch_store)) as scratch:
        seen = visit(scratch, "/views/region/xss")
    assert seen.page.text_content("#rsg-title") == f"{XSS_NAME} 지역 뷰"
    box = seen.page.locator("#rsg-network").bounding_box()
    texts = []
    for key in seen.js("rsgView.nodes.getIds()"):
        point = seen.js("k => rsgView.network.canvasToDOM(rsgView.network.getPosition(k))", key)
        seen.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        seen.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        texts.append(seen.page.text_content("div.vis-tooltip"))
        seen.page.mouse.move(box["x"] + 2, box["y"] + 2)
    assert any(XSS_NAME in t for t in texts)
    edge_tips = seen.js("rsgView.edges.get().map(e => rsgView.tooltip(e).textContent)")
    assert all(XSS_EVIDENCE in tip for tip in edge_tips)
    assert seen.js("document.querySelectorAll('img, svg, b, script[src]').length") == 0
    _clean(seen)


#: Every view of the payload graph, and the home page that lists its names.
XSS_PAGES = [
    "/",
    "/views/region/xss",
    "/views/industry/battery",
    "/views/overlap?regions=xss,xss-next",
    "/views/organizations",
    "/views/funding",
    "/views/heatmap?regions=xss,xss-next",
    "/views/query/region_portfolio?region=xss",
]

#: Anything the payloads would have become had they been parsed as markup.
INJECTED = """[...document.querySelectorAll('*')].filter(e =>
    ['IMG', 'IFRAME', 'B'].includes(e.tagName) || (e.tagName === 'SCRIPT' && e.src) ||
    [...e.attributes].some(a => a.name.startsWith('on') || a.value.includes('alert(')))
  .map(e => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("url", XSS_PAGES)
def test_payloads_never_run_on_any_page(
    visit: Callable[[TestClient | None, str], Visit], scratch_store: FalkorStore, url: str
) -> None:
    xss_region(scratch_store)
    with TestClient(create_app(store=scratch_store)) as scratch:
        seen = visit(scratch, url)
        if seen.js("typeof rsgView !== 'undefined'"):
            # Every tooltip built and attached, as a hover would: a handler would fire now.
            seen.js("""() => {
                const items = rsgView.nodes.get().concat(rsgView.edges.get());
                for (const item of items) { document.body.appendChild(rsgView.tooltip(item)); }
            }""")
        text = seen.page.text_content("body") or ""
        seen.page.wait_for_timeout(200)
    assert XSS_NAME in text or XSS_COMPANY in text, "the payload names should show as text"
    assert seen.js(INJECTED) == []
    _clean(seen)


def test_a_thousand_nodes_stay_usable(
    visit: Callable[[TestClient | None, str], Visit], scratch_store: FalkorStore
) -> None:
    synthetic_region(scratch_store, 1000)
    with TestClient(create_app(store=scratch_store)) as scratch:
        seen = visit(scratch, "/views/region/synth")
    assert seen.js("rsgView.nodes.length") == 1000
    assert seen.js("rsgView.payload.fixed") is True
    assert seen.seconds < 30
    _clean(seen)
    _not_blank(seen.page.locator("#rsg-network").screenshot())


def test_above_the_limit_the_view_draws_a_folded_graph(
    visit: Callable[[TestClient | None, str], Visit],
    scratch_store: FalkorStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    synthetic_region(scratch_store, 1000)
    monkeypatch.setenv("RSG_VIEW_NODE_LIMIT", "300")
    with TestClient(create_app(store=scratch_store)) as scratch:
        seen = visit(scratch, "/views/region/synth")
    drawn = seen.js("rsgView.nodes.length")
    assert 2 < drawn <= 300
    groups = seen.js("rsgView.nodes.get().filter(n => n.rsg_id.startsWith('group:'))")
    assert groups
    members = sum(
        int(f["value_en"])
        for g in groups
        for f in g["figures"]
        if f["name_en"] == "nodes in this group"
    )
    assert members + drawn - len(groups) == 1000
    assert "종류별로 묶었습니다" in seen.page.inner_text("#rsg-note")
    seen.page.click("#rsg-lang-en")
    assert "grouped by kind" in seen.page.inner_text("#rsg-note")
    _clean(seen)
    _not_blank(seen.page.locator("#rsg-network").screenshot())
