"""docs/queries.md documents the bundled queries, never the ones a user saved in RSG_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli.querydoc import render
from queries import catalog, saved
from queries.falkor_backend import FalkorStore


def test_the_reference_page_lists_bundled_queries_only(
    store: FalkorStore, built: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RSG_HOME", str(tmp_path))
    saved.save(
        "my_private_query", "내 질의", "Mine", "RETURN 1 AS one", {}, taken=set(catalog.bundled())
    )
    assert "my_private_query" in catalog.catalog()
    page = render(store)
    assert "my_private_query" not in page
    assert all(f"(#{name})" in page for name in catalog.bundled())
