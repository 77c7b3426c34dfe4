"""Size and load-to-stable time of every view in headless Chromium, on the seed graph and on
a synthetic 1,000-node region. Run: ``python -m tests.visual.timing`` (uses RSG_HOME's
embedded store with a built seed graph; the synthetic graph goes to a scratch key)."""

from __future__ import annotations

import statistics
import sys

from fastapi.testclient import TestClient
from playwright.sync_api import sync_playwright

from api.web.app import create_app
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from queries.settings import StoreSettings
from tests.visual.conftest import chromium_path
from tests.visual.synthetic import synthetic_region

SEED_VIEWS = [
    "/views/region/jeonbuk",
    "/views/region/gyeongbuk-gumi",
    "/views/industry/mobility",
    "/views/overlap?regions=jeonbuk,gyeongbuk-gumi,jeonbuk-gimje",
    "/views/organizations",
    "/views/funding",
    "/views/query/region_portfolio?region=jeonbuk-gimje",
    "/views/heatmap?regions=jeonbuk,gyeongbuk-gumi,jeonbuk-gimje,jeonbuk-jeonju",
]
SYNTH_VIEWS = ["/views/region/synth", "/views/organizations", "/views/funding"]
RUNS = 3


def measure(browser: object, client: TestClient, url: str) -> tuple[int, float, int]:
    body = client.get(url)
    body.raise_for_status()
    times = []
    nodes = 0
    for _ in range(RUNS):
        context = browser.new_context()  # type: ignore[attr-defined]
        page = context.new_page()
        context.route(
            "**/*",
            lambda route: route.fulfill(status=200, headers=dict(body.headers), body=body.content),
        )
        page.goto("http://rsg.test" + url)
        page.wait_for_selector("body[data-stable='1']", state="attached", timeout=120_000)
        stable = page.evaluate("window.rsgView ? rsgView.stableMs : performance.now()")
        nodes = page.evaluate("window.rsgView ? rsgView.nodes.length : 0")
        times.append(float(stable))
        context.close()
    return len(body.content), statistics.median(times), nodes


def main() -> None:
    settings = StoreSettings()
    endpoint = EmbeddedServer(settings.home).ensure_running()
    seed = FalkorStore(endpoint, graph=settings.graph, kind="embedded")
    synth = FalkorStore(endpoint, graph="rsg-timing-synthetic", kind="embedded")
    synthetic_region(synth, 1000)
    exe = chromium_path()
    if exe is None:
        sys.exit("install Debian's chromium")
    print("| graph | view | nodes | HTML bytes | load to stable (ms, median of 3) |")
    print("|---|---|---|---|---|")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=exe, args=["--no-sandbox"])
            for name, store, urls in (
                ("seed", seed, SEED_VIEWS),
                ("1,000-node", synth, SYNTH_VIEWS),
            ):
                with TestClient(create_app(store=store)) as client:
                    for url in urls:
                        size, ms, nodes = measure(browser, client, url)
                        print(f"| {name} | `{url}` | {nodes} | {size:,} | {ms:,.0f} |")
            browser.close()
    finally:
        synth.db.connection.delete("rsg-timing-synthetic")


if __name__ == "__main__":
    main()
