"""Fixtures of the reliability tests: an API client and CLI environment on the seed graph."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.sparql import SparqlStore


@pytest.fixture(scope="session")
def api(store: FalkorStore, built: BuildReport, home: Path) -> Iterator[TestClient]:
    """The app on the session's seed graph; server errors come back as 500 responses."""
    app = create_app(store=store)
    app.state.sparql = SparqlStore(home)  # SPARQL reads the session build's RDF export
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="session")
def cli_env(home: Path, built: BuildReport) -> dict[str, str]:
    """Environment for `rsg` on the session's embedded store and seed graph."""
    return {
        **os.environ,
        "RSG_HOME": str(home),
        "RSG_STORE": "embedded",
        "RSG_GRAPH": "rsg",
        "NO_COLOR": "1",
    }
