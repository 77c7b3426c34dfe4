"""The analyst's first visit, end to end on a real server: home page, a click to a region, its
graph, the language switch, the HTML download, and that download opened with the network off.
And the workbench's done-when: everything a new user does from the home page, logged in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli.main import app as cli
from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.documents.review import Queue
from ingest.graph.build import Build, BuildReport
from queries.falkor_backend import FalkorStore
from tests.ingest.test_review import ARTICLE, ROOT
from tests.reliability.livehttp import serving
from tests.visual.livesite import open_tab

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


KEY = "journey-key"
READY = "body[data-ready='1']"


def test_a_new_user_does_everything_from_the_home_page(
    browser: Any, scratch_store: FalkorStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbench's done-when: after a build and with the key set, from the home page
    alone: find a region by an old name, open its timeline and map, run and save a Cypher
    query, and accept a candidate of a newly ingested document; nothing leaves the machine."""
    data, home = tmp_path / "data", tmp_path / "home"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("RSG_HOME", str(home))
    monkeypatch.setenv("RSG_DATA_DIR", str(data))
    monkeypatch.delenv("RSG_CORPUS", raising=False)
    Build(scratch_store, home, data_dir=data, shacl=False).run()  # as `make run` does first
    memo = tmp_path / "ulsan-memo.txt"
    memo.write_text(ARTICLE.replace("\n", "\n\n"), encoding="utf-8")
    ingested = CliRunner().invoke(cli, ["ingest", str(memo), "--published", "2024-03-15"])
    assert ingested.exit_code == 0, ingested.output
    pursues = next(i for i in Queue(home).items("pending") if i.fact.type == "PURSUES")
    app = create_app(store=scratch_store, settings=ApiSettings(api_key=SecretStr(KEY)))
    with serving(app) as origin:
        seen = open_tab(browser, origin)
        page = seen.page
        try:
            seen.go("/")
            assert "/login?next=" in page.url
            page.fill("#rsg-key", KEY)
            page.click("#rsg-login")
            page.wait_for_url(origin + "/")
            # a region by its old name, then its timeline
            page.click("#rsg-q")
            page.keyboard.type("전라북")
            region = page.locator("#rsg-suggest li a[href='/views/region/jeonbuk']")
            region.wait_for(timeout=10_000)
            assert "옛 이름 / former name: 전라북도" in region.inner_text()
            page.locator("#rsg-suggest a[href='/timeline/region/jeonbuk']").click()
            page.wait_for_url(origin + "/timeline/region/jeonbuk")
            assert page.locator("#rsg-timeline li").count() > 3
            # its map: the province, then its cities and counties, a click opens the view
            page.go_back()
            page.click("#rsg-map-link")
            page.wait_for_url(origin + "/map")
            assert page.locator("#rsg-map path[data-region='jeonbuk']").count() == 1
            page.select_option("#rsg-level", "district")
            page.click("button[type=submit]")
            page.wait_for_url(re.compile(r".*level=district.*"))
            page.locator("#rsg-map path[data-region='jeonbuk-gimje']").click()
            page.wait_for_url(origin + "/views/region/jeonbuk-gimje")
            page.wait_for_selector("body[data-stable='1']", state="attached", timeout=60_000)
            # run a Cypher query with Ctrl+Enter, then save it
            seen.go("/")
            page.click("#rsg-console-link")
            page.wait_for_selector(READY, state="attached", timeout=30_000)
            page.fill("#rsg-editor", "MATCH (r:Region {id: $id}) RETURN r.name_ko AS name")
            page.fill("#rsg-params", '{"id": "jeonbuk"}')
            page.press("#rsg-editor", "Control+Enter")
            page.wait_for_selector("#rsg-table tbody td")
            assert page.locator("#rsg-table tbody td").all_inner_texts() == ["전북특별자치도"]
            page.click("#rsg-save-box summary")
            page.fill("#rsg-save-name", "journey_region_name")
            page.fill("#rsg-save-ko", "지역 이름")
            page.fill("#rsg-save-en", "A region's name")
            page.click("#rsg-save")
            page.wait_for_selector("#rsg-save-status.rsg-ok")
            assert (home / "queries" / "journey_region_name.cypher").is_file()
            listed = page.context.request.get(origin + "/queries").json()
            assert "journey_region_name" in [q["name"] for q in listed]
            # review and accept the new document's candidate
            seen.go("/")
            page.click("#rsg-inbox-link")
            page.wait_for_selector(READY, state="attached")
            row = page.locator(f"#item-{pursues.id}")
            assert row.locator("mark").inner_text() == pursues.fact.evidence
            row.locator(".rsg-accept").click()
            page.wait_for_selector("body[data-decided='1']", state="attached")
            facts = (data / "facts" / "ulsan-memo.yaml").read_text("utf-8")
            assert "rel: PURSUES" in facts
            assert pursues.fact.evidence in facts
            seen.clean()
        finally:
            page.context.close()
