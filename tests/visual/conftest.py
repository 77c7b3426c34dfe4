"""Fixtures of the view tests: the seed graph over HTTP and one headless Chromium for the
session (Debian's chromium through Playwright's executable_path; never a downloaded browser).
Without Chromium the browser tests fail when CI is set and are skipped otherwise."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore

CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")


def chromium_path() -> str | None:
    for name in CHROMIUM:
        found = shutil.which(name) if "/" not in name else (name if Path(name).is_file() else None)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def client(store: FalkorStore, built: BuildReport) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    exe = chromium_path()
    if exe is None:
        message = "Chromium not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=exe, headless=True, args=args)
        yield launched
        launched.close()
