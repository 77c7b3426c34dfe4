"""Views: page size and time to a stable layout in headless Chromium for a synthetic region
of 100, 1,000 and 5,000 nodes, against the 100-node view of the same run; above the
interactive limit (``RSG_VIEW_NODE_LIMIT``), the folded view the page draws instead (the most
connected nodes, the rest grouped by kind: ``visual/aggregate.py``). Static pictures: the
overlapping names on the 1,000-node picture, against the same picture with every name on its
node."""

from __future__ import annotations

import io
import os
import shutil
import statistics
from typing import Any

from fastapi.testclient import TestClient

from api.web.app import create_app
from bench.machine import open_store, timed
from bench.viewgraph import synthetic_region
from queries.server import EmbeddedServer
from visual.model import ViewGraph
from visual.settings import ViewSettings

SIZES = (100, 1000, 5000)
ROUNDS = 3
URL = "/views/region/synth"


def _browser_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium not found: install Debian's chromium (apt-get install chromium)")


def _load(browser: Any, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    """Median time to ``data-stable`` over ``ROUNDS`` fresh pages, every request answered
    with the page itself (nothing else is fetched)."""
    times: list[float] = []
    shown: dict[str, Any] = {}
    for _ in range(ROUNDS):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.route("**/*", lambda r: r.fulfill(status=200, headers=headers, body=body))
        page = context.new_page()
        page.goto("http://rsg.test" + URL)
        page.wait_for_selector("body[data-stable='1']", state="attached", timeout=300_000)
        times.append(float(page.evaluate("rsgView.stableMs ?? performance.now()")))
        shown = {
            "drawn_nodes": page.evaluate("rsgView.nodes ? rsgView.nodes.length : 0"),
            "groups": page.evaluate(
                "rsgView.nodes ? rsgView.nodes.get().filter("
                "n => String(n.rsg_id).startsWith('group:')).length : 0"
            ),
            "note": page.evaluate("rsgView.payload.note_en || null"),
        }
        context.close()
    return {"stable_ms": round(statistics.median(times)), **shown}


def _page(store: Any, limit: int | None) -> tuple[bytes, dict[str, str]]:
    old = os.environ.get("RSG_VIEW_NODE_LIMIT")
    if limit is not None:
        os.environ["RSG_VIEW_NODE_LIMIT"] = str(limit)
    try:
        # A loopback name: the API answers only RSG_API_ALLOWED_HOSTS, not "testserver".
        with TestClient(create_app(store=store), base_url="http://127.0.0.1") as client:
            answer = client.get(URL)
    finally:
        if limit is not None:
            if old is None:
                os.environ.pop("RSG_VIEW_NODE_LIMIT", None)
            else:
                os.environ["RSG_VIEW_NODE_LIMIT"] = old
    answer.raise_for_status()
    return answer.content, dict(answer.headers)


def view_speed(server: EmbeddedServer) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    limit = ViewSettings().node_limit
    rows: list[dict[str, Any]] = []
    store = open_store(server, graph="rsgb-views")
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=_browser_path(), headless=True, args=args
            )
            for size in SIZES:
                synthetic_region(store, size)
                body, headers = _page(store, None)
                row = {"nodes": size, "bytes": len(body), **_load(browser, body, headers)}
                if size > limit:  # what the user gets by default, then with the limit raised
                    body, headers = _page(store, size)
                    row["raised"] = {"bytes": len(body), **_load(browser, body, headers)}
                rows.append(row)
            browser.close()
    finally:
        store.db.connection.delete("rsgb-views")
        store.close()
    base = rows[0]
    for row in rows:
        drawn = row.get("raised", row)
        row["bytes_ratio"] = round(drawn["bytes"] / base["bytes"], 1)
        row["time_ratio"] = round(drawn["stable_ms"] / base["stable_ms"], 1)
    return {"limit": limit, "rounds": ROUNDS, "views": rows}


#: Nodes of the synthetic region drawn as a static picture.
PICTURE_NODES = 1000


def _picture(graph: ViewGraph, preset: str | None) -> dict[str, Any]:
    """Overlaps on the picture as drawn, and with every name moved onto its own node (what a
    picture without placement shows: the baseline of the same run); times of the layout with
    placement and of writing the PNG."""
    from matplotlib.text import Text

    from visual import collisions
    from visual.picture import PRESETS, Composer
    from visual.static import PRINT_DPI, SCREEN_DPI, korean_font

    chosen = PRESETS[preset] if preset else None
    dpi = PRINT_DPI if chosen else SCREEN_DPI
    composer = Composer(graph, korean_font(), "ko", chosen, dpi)
    fig, compose_s = timed(composer.figure)
    drawn = collisions.count(fig)
    buffer = io.BytesIO()
    _, png_s = timed(lambda: fig.savefig(buffer, format="png"))
    for text in fig.findobj(Text):
        if text.get_gid() == collisions.LABEL_GID:
            text.set_position(composer.centres[str(text.get_label())])
    at_nodes = collisions.count(fig)
    width, height = fig.get_size_inches()
    return {
        "preset": preset or "default",
        "inches": [round(float(width), 1), round(float(height), 1)],
        "names": drawn.labels,
        "markers": drawn.markers,
        "placed": {"label_label": drawn.label_label, "label_node": drawn.label_node,
                   "outside": drawn.outside},
        "at_nodes": {"label_label": at_nodes.label_label, "label_node": at_nodes.label_node,
                     "outside": at_nodes.outside},
        "layout_s": round(compose_s, 2),
        "png_s": round(png_s, 2),
        "png_bytes": buffer.tell(),
        "layout_vs_png": round(compose_s / png_s, 2),
    }  # fmt: skip


def picture_overlaps(server: EmbeddedServer) -> dict[str, Any]:
    """The static picture of a synthetic region of ``PICTURE_NODES`` nodes: overlapping
    names and node markers counted from the renderer's boxes (``visual/collisions.py``)."""
    from visual import views

    store = open_store(server, graph="rsgb-pictures")
    try:
        synthetic_region(store, PICTURE_NODES)
        graph = views.region(store, "synth")
        rows = [_picture(graph, preset) for preset in (None, "a4")]
    finally:
        store.db.connection.delete("rsgb-pictures")
        store.close()
    return {"nodes": len(graph.nodes), "edges": len(graph.edges), "pictures": rows}
