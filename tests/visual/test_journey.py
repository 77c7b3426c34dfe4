"""The analyst's first visit, end to end on a real server: home page, a click to a region, its
graph, the language switch, the HTML download, and that download opened with the network off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from tests.reliability.livehttp import serving

STABLE = "body[data-stable='1']"


def test_home_to_region_to_offline_download(
    browser: Any, store: FalkorStore, built: BuildReport, tmp_path: Path
) -> None:
    with serving(create_app(store=store)) as base:
        context = browser.new_context(accept_downloads=True)
        outside: list[str] = []
        errors: list[str] = []

        def route(request_route: Any) -> None:
            if request_route.request.url.startswith(base):
                request_route.continue_()
            else:
                outside.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "/")
        page.click("a[href='/views/region/jeonbuk']")
        page.wait_for_selector(STABLE, state="attached", timeout=60_000)
        assert page.url == base + "/views/region/jeonbuk"
        assert "전북특별자치도" in (page.text_content("#rsg-title") or "")
        drawn = page.evaluate("rsgView.nodes.length")
        assert drawn > 50

        page.click("#rsg-lang-en")
        assert "Jeonbuk" in (page.text_content("#rsg-title") or "")
        assert page.evaluate("document.documentElement.lang") == "en"

        with page.expect_download() as started:
            page.click("#rsg-downloads a:has-text('HTML')")
        saved = tmp_path / "전북 지역 뷰.html"
        started.value.save_as(saved)
        context.close()
        assert outside == []
        assert errors == []

    offline = browser.new_context()
    offline.set_offline(True)
    requests: list[str] = []
    offline.on("request", lambda r: requests.append(r.url))
    page = offline.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(saved.as_uri())
    page.wait_for_selector(STABLE, state="attached", timeout=60_000)
    assert page.evaluate("rsgView.nodes.length") == drawn
    assert requests == [saved.as_uri()]
    assert errors == []
    offline.close()
