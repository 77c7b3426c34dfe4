"""The workbench pages in headless Chromium against a real server: API docs offline, login and
logout, CSRF refusal, the Cypher console, search suggestions, the review inbox. Every page is
also checked for zero requests leaving the machine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from tests.visual.livesite import Tab, open_tab, serving


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
