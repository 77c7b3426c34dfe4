"""Chromium pages for the workbench browser tests (served by ``tests.reliability.livehttp``),
whose every request is watched: a request to any other origin is aborted and recorded, so a
test can say that nothing left the machine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Tab:
    """One browser page with what it did: console errors, requests refused, our requests."""

    page: Any
    origin: str
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)

    def go(self, path: str) -> Any:
        return self.page.goto(self.origin + path)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def clean(self) -> None:
        assert self.external == [], f"requests left the machine: {self.external}"
        assert self.errors == [], f"console errors: {self.errors}"


def open_tab(browser: Any, origin: str, *, accept_downloads: bool = False) -> Tab:
    context = browser.new_context(
        viewport={"width": 1280, "height": 860}, accept_downloads=accept_downloads
    )
    page = context.new_page()
    tab = Tab(page, origin)
    page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            tab.local.append(url)
            request_route.continue_()
        else:
            tab.external.append(url)
            request_route.abort()

    context.route("**/*", route)
    return tab


def expected_error(tab: Tab, status: int) -> None:
    """Drop the browser's own console line for a refused request we provoked on purpose."""
    tab.errors[:] = [e for e in tab.errors if f"status of {status}" not in e]
