"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The extraction pipeline with the bundled reference data, loaded once per test module."""
    return Pipeline.load()
