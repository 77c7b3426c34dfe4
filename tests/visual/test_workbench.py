"""The workbench pages in headless Chromium against a real server: API docs offline, login and
logout, CSRF refusal, the Cypher console, search suggestions, the review inbox. Every page is
also checked for zero requests leaving the machine."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx  # type: ignore[import-untyped]
import pytest
import yaml
from pydantic import SecretStr

from api.web.app import create_app
from api.web.routers.workbench import share_link
from api.web.settings import ApiSettings
from ingest.documents.review import Queue
from ingest.graph.build import BuildReport
from queries import catalog, saved
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from tests.ingest.test_review import ARTICLE
from tests.ingest.workspace import ingested_copy
from tests.reliability.livehttp import serving
from tests.visual.livesite import Tab, expected_error, open_tab


@pytest.fixture(scope="module")
def site(store: FalkorStore, built: BuildReport) -> Iterator[str]:
    """The seed graph served with no API key (reads open, as on a laptop)."""
    with serving(create_app(store=store, settings=ApiSettings())) as origin:
        yield origin


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Callable[..., Tab]]:
    opened: list[Tab] = []

    def make(origin: str = site, **kwargs: Any) -> Tab:
        made = open_tab(browser, origin, **kwargs)
        opened.append(made)
        return made

    yield make
    for made in opened:
        made.page.context.close()


def test_swagger_ui_works_offline(tab: Callable[..., Tab]) -> None:
    seen = tab()
    seen.go("/docs")
    seen.page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert seen.page.locator(".swagger-ui .opblock").count() > 20
    assert any(u.endswith("/docs-assets/swagger-ui-bundle.js") for u in seen.local)
    seen.clean()


def test_redoc_works_offline(tab: Callable[..., Tab]) -> None:
    seen = tab()
    seen.go("/redoc")
    seen.page.wait_for_selector("[data-section-id]", state="attached", timeout=30_000)
    assert "/cypher" in (seen.page.text_content("body") or "")
    seen.clean()


KEY = "browser-key-18"


@pytest.fixture(scope="module")
def keyed(store: FalkorStore, built: BuildReport) -> Iterator[str]:
    """The seed graph served with RSG_API_KEY set: the browser must log in."""
    with serving(create_app(store=store, settings=ApiSettings(api_key=SecretStr(KEY)))) as origin:
        yield origin


@contextlib.contextmanager
def inbox_tab(browser: Any, store: FalkorStore | None = None) -> Iterator[Tab]:
    """A tab logged in to ``/inbox`` of a server with the key, the queue shown; after the
    block, the page is checked for stray errors and closed."""
    app = create_app(store=store, settings=ApiSettings(api_key=SecretStr(KEY)))
    with serving(app) as origin:
        seen = open_tab(browser, origin)
        try:
            log_in(seen, "/inbox")
            seen.page.wait_for_selector(READY, state="attached")
            yield seen
            seen.clean()
        finally:
            seen.page.context.close()


def log_in(seen: Tab, path: str) -> None:
    seen.go(path)
    assert "/login?next=" in seen.page.url
    seen.page.fill("#rsg-key", KEY)
    seen.page.click("#rsg-login")
    seen.page.wait_for_url(seen.origin + path)


def test_login_logout_and_csrf_refusal(tab: Callable[..., Tab], keyed: str) -> None:
    seen = tab(keyed)
    seen.go("/views/funding")
    assert "/login?next=%2Fviews%2Ffunding" in seen.page.url
    seen.page.fill("#rsg-key", "wrong")
    seen.page.click("#rsg-login")
    assert "키가 맞지 않습니다" in seen.page.inner_text("#rsg-error")
    expected_error(seen, 401)
    log_in(seen, "/views/funding")
    seen.page.wait_for_selector("body[data-stable='1']", state="attached", timeout=60_000)
    assert seen.js("document.cookie") == ""  # HttpOnly: no script can read the session
    # the browser context's own cookie, sent without the page: reads pass, a write needs CSRF
    request = seen.page.context.request
    assert request.get(keyed + "/review").status == 200
    forged = request.post(keyed + "/review/none/reject", headers={"X-CSRF-Token": "forged"})
    assert forged.status == 403
    assert request.post(keyed + "/review/none/reject").status == 403
    seen.go("/logout")
    seen.page.click("#rsg-logout")
    seen.page.wait_for_url(keyed + "/login")
    seen.go("/views/funding")
    assert "/login?next=" in seen.page.url
    seen.clean()


READY = "body[data-ready='1']"


def test_console_runs_a_query_from_its_url(tab: Callable[..., Tab], store: FalkorStore) -> None:
    query = "MATCH (r:Region {id: $id}) RETURN r.id AS id, r.name_ko AS name"
    seen = tab()
    seen.go(share_link(query, {"id": "jeonbuk"}))
    seen.page.wait_for_selector(READY, state="attached", timeout=30_000)
    assert seen.page.input_value("#rsg-editor") == query
    cells = seen.page.locator("#rsg-table tbody td").all_inner_texts()
    expected = store.read("MATCH (r:Region {id: 'jeonbuk'}) RETURN r.name_ko AS n").rows[0]["n"]
    assert cells == ["jeonbuk", expected]
    assert "1 rows" in seen.page.inner_text("#rsg-status")
    assert "row cap" in seen.page.inner_text("#rsg-status")
    seen.clean()


def test_console_completes_and_runs_what_is_typed(
    tab: Callable[..., Tab], store: FalkorStore
) -> None:
    seen = tab()
    seen.go("/console")
    seen.page.wait_for_selector(READY, state="attached")
    seen.page.click("#rsg-editor")
    seen.page.keyboard.type("MATCH (r:Regi")
    seen.page.wait_for_selector("#rsg-complete li", timeout=5_000)
    assert seen.page.locator("#rsg-complete li").first.inner_text() == "Region"
    seen.page.keyboard.press("Enter")
    seen.page.keyboard.type(") WHERE r.lev")
    assert "level" in seen.page.locator("#rsg-complete").inner_text()
    seen.page.keyboard.press("Enter")
    seen.page.keyboard.type(" = 'province' RETURN count(r) AS n")
    assert seen.page.input_value("#rsg-editor") == (
        "MATCH (r:Region) WHERE r.level = 'province' RETURN count(r) AS n"
    )
    assert seen.page.locator("#rsg-highlight .cy-label").first.inner_text() == ":Region"
    seen.page.keyboard.press("Control+Enter")
    seen.page.wait_for_selector("body[data-runs='1']", state="attached")
    count = store.read("MATCH (r:Region) WHERE r.level = 'province' RETURN count(r) AS n")
    assert seen.page.locator("#rsg-table tbody td").all_inner_texts() == [str(count.rows[0]["n"])]
    # the run is in the history, kept by the browser across a reload
    seen.page.reload()
    seen.page.wait_for_selector(READY, state="attached")
    assert "RETURN count(r) AS n" in seen.page.inner_text("#rsg-history")
    seen.clean()


def test_console_shows_errors_with_their_hint(tab: Callable[..., Tab]) -> None:
    seen = tab()
    seen.go(share_link("CREATE (n:Region {id: 'x'}) RETURN n"))
    seen.page.wait_for_selector(READY, state="attached")
    error = seen.page.inner_text("#rsg-error")
    assert "ReadOnlyViolation" in error
    assert "→" in error  # the hint
    expected_error(seen, 403)
    seen.clean()


def test_console_graph_tab_and_downloads(tab: Callable[..., Tab], tmp_path: Path) -> None:
    query = "MATCH p = (:Region {id: $id})-[:PURSUES]->(:Industry) RETURN p"
    seen = tab(accept_downloads=True)
    seen.go(share_link(query, {"id": "jeonbuk"}))
    seen.page.wait_for_selector(READY, state="attached")
    rows = seen.page.locator("#rsg-table tbody tr").count()
    assert rows > 0
    seen.page.click("#rsg-tab-graph")
    drawn = seen.js("window.rsgConsole.drawn")
    assert drawn["nodes"] == rows + 1
    assert drawn["edges"] == rows
    with seen.page.expect_download() as csv_file:
        seen.page.click("#rsg-csv")
    text = Path(csv_file.value.path()).read_text("utf-8-sig")
    assert text.splitlines()[0] == "p"
    assert len(text.splitlines()) == rows + 1
    for fmt, reader in (("graphml", networkx.read_graphml), ("gexf", networkx.read_gexf)):
        with seen.page.expect_download() as graph_file:
            seen.page.click(f"#rsg-{fmt}")
        saved_to = tmp_path / f"console.{fmt}"
        graph_file.value.save_as(saved_to)
        graph = reader(saved_to)
        assert graph.number_of_nodes() == rows + 1
        assert graph.number_of_edges() == rows
        names = {data["name_ko"] for _, data in graph.nodes(data=True)}
        assert any(re.search("[가-힣]", name) for name in names)
    seen.clean()


def test_console_named_query_fills_the_editor(tab: Callable[..., Tab]) -> None:
    seen = tab()
    seen.go("/console")
    seen.page.wait_for_selector(READY, state="attached")
    seen.page.click("#rsg-named li[data-name='region_portfolio']")
    assert "$region" in seen.page.input_value("#rsg-editor")
    region = next(p for p in catalog.get("region_portfolio").params if p.name == "region")
    assert json.loads(seen.page.input_value("#rsg-params"))["region"] == region.example
    seen.page.click("#rsg-run")
    seen.page.wait_for_selector("body[data-runs='1']", state="attached")
    assert seen.page.locator("#rsg-table tbody tr").count() > 0
    seen.clean()


def test_console_saves_a_query_into_the_catalog(
    tab: Callable[..., Tab], keyed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tab(keyed)
    log_in(seen, "/console")
    seen.page.wait_for_selector(READY, state="attached")
    seen.page.fill("#rsg-editor", "MATCH (r:Region {id: $id}) RETURN r.name_en AS name")
    seen.page.fill("#rsg-params", '{"id": "jeonbuk"}')
    seen.page.click("#rsg-save-box summary")
    seen.page.fill("#rsg-save-name", "browser_saved_query")
    seen.page.fill("#rsg-save-ko", "지역 영문 이름")
    seen.page.fill("#rsg-save-en", "A region's English name")
    seen.page.click("#rsg-save")
    seen.page.wait_for_selector("#rsg-save-status.rsg-ok")
    saved_file = saved.folder() / "browser_saved_query.cypher"
    try:
        assert saved_file.is_file()
        query = catalog.get("browser_saved_query")
        assert query.origin == "user"
        assert [p.name for p in query.params] == ["id"]
        assert seen.page.locator("#rsg-named li[data-name='browser_saved_query']").count() == 1
        listed = seen.page.context.request.get(keyed + "/queries").json()
        assert "browser_saved_query" in [q["name"] for q in listed]
    finally:
        saved_file.unlink(missing_ok=True)
    seen.clean()


def test_home_suggests_as_you_type_and_finds_old_names(tab: Callable[..., Tab]) -> None:
    seen = tab()
    seen.go("/")
    seen.page.click("#rsg-q")
    seen.page.keyboard.type("전라북")
    seen.page.wait_for_selector("#rsg-suggest li", timeout=10_000)
    region = seen.page.locator("#rsg-suggest li a[href='/views/region/jeonbuk']")
    assert "옛 이름 / former name: 전라북도" in region.inner_text()
    assert "전북특별자치도" in region.inner_text()
    seen.page.fill("#rsg-q", "")
    seen.page.keyboard.type("Gimj")
    seen.page.wait_for_selector("#rsg-suggest li a[href='/views/region/jeonbuk-gimje']")
    seen.page.keyboard.press("Enter")
    seen.page.wait_for_url(seen.origin + "/views/region/jeonbuk-gimje")
    seen.page.wait_for_selector("body[data-stable='1']", state="attached", timeout=60_000)
    seen.go("/")
    assert seen.page.get_attribute("#rsg-console-link", "href") == "/console"
    assert seen.page.get_attribute("#rsg-inbox-link", "href") == "/inbox"
    seen.clean()


MEMO = ARTICLE.replace("\n", "\n\n")  # two paragraphs of our own


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of data/, a fresh RSG_HOME and one short memo of our own in the review queue."""
    monkeypatch.delenv("RSG_CORPUS", raising=False)
    yield ingested_copy(tmp_path, monkeypatch, MEMO, name="ulsan-memo.txt", published="2024-03-15")
    # an app made without a store opens the default one in this home: leave no server behind
    EmbeddedServer(tmp_path / "home").stop()


def test_inbox_accept_reaches_the_facts_file_and_the_build(
    browser: Any, workspace: Path, scratch_store: FalkorStore
) -> None:
    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    pursues = next(i for i in pending if i.fact.type == "PURSUES")
    seeks = next(i for i in pending if i.fact.type == "SEEKS")
    with inbox_tab(browser, scratch_store) as seen:
        assert seen.page.locator(".rsg-doc").count() == 1
        assert seen.page.locator(".rsg-item").count() == len(pending)
        row = seen.page.locator(f"#item-{pursues.id}")
        assert row.locator("mark").inner_text() == pursues.fact.evidence
        assert pursues.fact.evidence in row.locator(".rsg-sentence").inner_text()
        # each evidence is marked inside its paragraph, at its offsets there
        for item in pending:
            shown = seen.page.locator(f"#item-{item.id} .rsg-paragraph")
            assert item.paragraph is not None
            assert item.evidence_at is not None
            assert shown.inner_text() == item.paragraph
            before = shown.evaluate("b => b.firstChild.textContent.length")
            assert (before, before + len(shown.locator("mark").inner_text())) == tuple(
                item.evidence_at
            )
            assert shown.locator("mark").get_attribute("data-start") == str(before)
            assert MEMO.index(item.paragraph) + before == item.fact.start
        # a forged token is refused from the page itself
        status = seen.js("""async () => (await fetch('/inbox/decide', {method: 'POST',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': 'forged'},
            body: '{"reject": []}'})).status""")
        assert status == 403
        expected_error(seen, 403)
        row.locator(".rsg-accept").click()
        seen.page.wait_for_selector("body[data-decided='1']", state="attached")
        facts = (workspace / "data" / "facts" / "ulsan-memo.yaml").read_text("utf-8")
        assert "rel: PURSUES" in facts
        assert pursues.fact.evidence in facts
        seen.page.locator(f"#item-{seeks.id} .rsg-reject").click()
        seen.page.wait_for_selector("body[data-decided='2']", state="attached")
        assert queue.get(seeks.id).status == "rejected"
        assert queue.get(pursues.id).status == "accepted"
        seen.page.click("#rsg-build")
        seen.page.wait_for_selector("body[data-build='done']", state="attached", timeout=180_000)
        assert "빌드 완료" in seen.page.inner_text("#rsg-build-status")
        edge = scratch_store.read(
            "MATCH (:Region {id: 'ulsan'})-[p:PURSUES]->(i:Industry) "
            "WHERE 'ulsan-memo' IN p.sources RETURN i.id AS industry"
        ).rows
        assert edge, "the accepted fact is in the graph after the build"


def test_inbox_bulk_accept_above_a_confidence_writes_exactly_those_candidates(
    browser: Any, workspace: Path
) -> None:
    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    threshold = 0.7
    above = {i.id for i in pending if i.fact.confidence >= threshold}
    assert 0 < len(above) < len(pending), "the memo has candidates on both sides"
    with inbox_tab(browser) as seen:
        seen.page.fill("#rsg-threshold", str(threshold))
        seen.page.click("#rsg-bulk")
        seen.page.wait_for_selector(f"body[data-decided='{len(above)}']", state="attached")
        accepted = seen.page.locator(".rsg-item.rsg-accepted").evaluate_all(
            "rows => rows.map(r => r.id.slice(5))"
        )
        assert set(accepted) == above
    assert {i.id for i in queue.items("accepted")} == above
    assert {i.id for i in queue.items("pending")} == {i.id for i in pending} - above
    written = yaml.safe_load(
        (workspace / "data" / "facts" / "ulsan-memo.yaml").read_text(encoding="utf-8")
    )
    chosen = [i for i in pending if i.id in above]
    assert sorted(
        (f["rel"], f["from"], f["to"], f["evidence"]) for f in written["facts"]
    ) == sorted((i.fact.type, i.fact.subject, i.fact.object, i.fact.evidence) for i in chosen)


def test_inbox_bulk_accept_leaves_candidates_that_name_a_new_node(
    browser: Any, workspace: Path
) -> None:
    from ingest.documents.review import needs_ids

    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    new = {i.id for i in pending if needs_ids(i)}
    assert new, "the memo names a node new to the graph"
    with inbox_tab(browser) as seen:
        shown = seen.page.inner_text("#rsg-groups")
        assert "ulsan-memo.txt" in shown
        assert str(workspace) not in shown  # the file's name, not where the server keeps it
        seen.page.fill("#rsg-threshold", "0")
        seen.page.click("#rsg-bulk")
        done = len(pending) - len(new)
        seen.page.wait_for_selector(f"body[data-decided='{done}']", state="attached")
        assert seen.page.get_attribute("body", "data-left") == str(len(new))
        assert "left" in seen.page.inner_text("#rsg-bulk-note")
        assert seen.page.get_attribute("body", "data-refused") is None
    assert {i.id for i in queue.items("pending")} == new


@pytest.fixture
def at_home(home: Path, built: BuildReport, monkeypatch: pytest.MonkeyPatch) -> Path:
    """RSG_HOME is the home the seed build wrote its map outlines into."""
    monkeypatch.setenv("RSG_HOME", str(home))
    return home


def test_map_draws_every_province_and_opens_its_view(
    tab: Callable[..., Tab], store: FalkorStore, site: str, at_home: Path
) -> None:
    provinces = store.read(
        "MATCH (p:Region) WHERE size(p.admin_code) = 2 RETURN p.id AS id ORDER BY id"
    ).rows
    seen = tab()
    seen.go("/map?measure=industries")
    drawn = seen.page.locator("#rsg-map path[data-region]")
    assert sorted(drawn.evaluate_all("ps => ps.map(p => p.dataset.region)")) == [
        r["id"] for r in provinces
    ]
    assert len(provinces) == 17
    for path in drawn.all():
        box = path.bounding_box()
        assert box is not None
        assert box["width"] > 2
        assert box["height"] > 2
    seen.page.select_option("#rsg-industry", "battery")
    seen.page.click("button[type=submit]")
    seen.page.wait_for_url(re.compile(r".*industry=battery.*"))
    fills = seen.page.locator("#rsg-map path[data-region]").evaluate_all(
        "ps => Object.fromEntries(ps.map(p => [p.dataset.region, p.getAttribute('fill')]))"
    )
    assert fills["jeonbuk"] == "#c0392b"
    assert fills["seoul"] != "#c0392b"
    seen.page.locator("#rsg-map path[data-region='jeonbuk']").click()
    seen.page.wait_for_url(site + "/views/region/jeonbuk")
    seen.page.wait_for_selector("body[data-stable='1']", state="attached", timeout=60_000)
    request = seen.page.context.request
    svg = request.get(site + "/map?measure=designations&format=svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text().count("<path") == 17
    png = request.get(site + "/map?measure=investment&format=png").body()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    seen.clean()


def test_city_county_map_draws_every_district_and_opens_its_view(
    tab: Callable[..., Tab], store: FalkorStore, site: str, at_home: Path
) -> None:
    districts = store.read(catalog.get("map_districts").text, {"industry": None}).rows
    assert len(districts) == 226
    seen = tab()
    seen.go("/map")
    seen.page.select_option("#rsg-level", "district")
    seen.page.select_option("#rsg-measure", "designations")
    seen.page.click("button[type=submit]")
    seen.page.wait_for_url(re.compile(r".*level=district.*"))
    assert seen.page.get_attribute("#rsg-map", "data-level") == "district"
    drawn = seen.page.locator("#rsg-map path[data-region]")
    boxes = drawn.evaluate_all(
        "ps => ps.map(p => { const b = p.getBBox(); return [p.dataset.region, b.width, b.height] })"
    )
    assert sorted(b[0] for b in boxes) == sorted(str(r["id"]) for r in districts)
    assert all(w > 0 and h > 0 for _, w, h in boxes), "every district has a visible outline"
    assert seen.page.inner_text("#rsg-no-outline .rsg-count") == "0"
    unpaired = seen.page.locator("#rsg-no-region li").evaluate_all(
        "ls => ls.map(l => l.dataset.outline)"
    )
    assert sorted(unpaired) == ["36110", "50110", "50130"]
    gumi = seen.page.locator("#rsg-map path[data-region='gyeongbuk-gumi']")
    assert gumi.get_attribute("fill") != "#e6e9ec"  # holds designations: coloured
    gumi.click()
    seen.page.wait_for_url(site + "/views/region/gyeongbuk-gumi")
    seen.page.wait_for_selector("body[data-stable='1']", state="attached", timeout=60_000)
    seen.clean()


def test_timeline_lists_a_regions_initiatives_and_designations(
    tab: Callable[..., Tab], store: FalkorStore
) -> None:
    seen = tab()
    seen.go("/")
    seen.page.click("#rsg-q")
    seen.page.keyboard.type("전라북")
    seen.page.wait_for_selector("#rsg-suggest .rsg-timeline-link")
    seen.page.locator("#rsg-suggest a[href='/timeline/region/jeonbuk']").click()
    seen.page.wait_for_url(seen.origin + "/timeline/region/jeonbuk")
    events = seen.page.locator("#rsg-timeline li").all_inner_texts()
    assert len(events) > 3
    years = [e.split()[0] for e in events]
    assert years == sorted(years)
    assert any("선정" in e or "보유" in e for e in events)
    assert any("사업" in e for e in events)
    seen.go("/timeline/industry/battery")
    rows = store.read(catalog.get("industry_timeline").text, {"industry": "battery"}).rows
    events = seen.page.locator("#rsg-timeline li").all_inner_texts()
    assert len(events) == len(rows) > 0
    assert [e.split()[0] for e in events] == [str(r["date"]) for r in rows]
    seen.clean()
