"""The workbench pages in headless Chromium against a real server: API docs offline, login and
logout, CSRF refusal, the Cypher console, search suggestions, the review inbox. Every page is
also checked for zero requests leaving the machine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from tests.visual.livesite import Tab, expected_error, open_tab, serving


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
