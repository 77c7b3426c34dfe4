"""The stores a backend-parametrised test runs on: the embedded FalkorDB store always, Neo4j
when NEO4J_URI is set (marked ``neo4j``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from queries.falkor_backend import FalkorStore
from queries.settings import Neo4jSettings
from queries.store import GraphStore, Loader

BACKENDS = [
    "embedded",
    pytest.param(
        "neo4j",
        marks=[
            pytest.mark.neo4j,
            pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="set NEO4J_URI to run"),
        ],
    ),
]


@contextmanager
def loaded_backend(kind: str, scratch_store: FalkorStore, loader: Loader) -> Iterator[GraphStore]:
    """The store of ``kind`` (the embedded one is the test's scratch store) holding what
    ``loader`` writes; a Neo4j store is closed afterwards."""
    if kind == "embedded":
        scratch_store.replace_graph(loader)
        yield scratch_store
        return
    from queries.neo4j_backend import Neo4jStore

    store = Neo4jStore(Neo4jSettings())
    try:
        store.replace_graph(loader)
        yield store
    finally:
        store.close()


def seed_graph(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    """The seed graph on the backend a module fixture is parametrised with (``BACKENDS``):
    the session's built embedded store, or a Neo4j store built here and closed afterwards."""
    if request.param == "embedded":
        request.getfixturevalue("built")
        yield request.getfixturevalue("store")
        return
    from ingest.graph.build import Build
    from queries.neo4j_backend import Neo4jStore
    from tests.conftest import corpus_dir

    store = Neo4jStore(Neo4jSettings())
    Build(store, tmp_path_factory.mktemp("neo4j-seed"), corpus=corpus_dir()).run()
    yield store
    store.close()
