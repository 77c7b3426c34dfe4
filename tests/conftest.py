"""Shared fixtures: one real embedded FalkorDB server for the whole test session."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.graph.build import Build, BuildReport
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path | None:
    """The raw documents: RSG_CORPUS, or ../shared/corpus beside the checkout."""
    env = os.environ.get("RSG_CORPUS")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "corpus")
    return next((path for path in candidates if path.is_dir()), None)


_DEFAULT_HOME: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    """RSG_HOME for anything that does not choose one, from collection on (some test modules
    build an app at import time): a throwaway folder, never the checkout's own ``.rsg``."""
    del config
    # FastAPI's TestClient sends ``Host: testserver``; the app answers loopback names only.
    os.environ.setdefault(
        "RSG_API_ALLOWED_HOSTS", '["localhost", "127.0.0.1", "::1", "testserver"]'
    )
    if "RSG_HOME" not in os.environ:
        path = Path(tempfile.mkdtemp(prefix="rsg-default-"))
        os.environ["RSG_HOME"] = str(path)
        _DEFAULT_HOME.append(path)


def pytest_unconfigure(config: pytest.Config) -> None:
    del config
    for path in _DEFAULT_HOME:
        EmbeddedServer(path).stop()
        shutil.rmtree(path, ignore_errors=True)
        os.environ.pop("RSG_HOME", None)


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    # A short path keeps the unix socket under the sockaddr limit.
    path = tmp_path_factory.mktemp("rsg")
    yield path
    EmbeddedServer(path).stop()


@pytest.fixture(scope="session")
def server(home: Path) -> EmbeddedServer:
    srv = EmbeddedServer(home)
    srv.ensure_running()
    return srv


@pytest.fixture(scope="session")
def store(server: EmbeddedServer) -> Iterator[FalkorStore]:
    st = FalkorStore(server.ensure_running(), graph="rsg", kind="embedded")
    yield st
    st.close()


@pytest.fixture(scope="session")
def built(store: FalkorStore, home: Path) -> BuildReport:
    """The seed graph from the bundled data (evidence offsets when the corpus is here)."""
    return Build(store, home, corpus=corpus_dir()).run()


@pytest.fixture
def scratch_store(server: EmbeddedServer) -> Iterator[FalkorStore]:
    """A store on a throwaway graph key of the same server."""
    st = FalkorStore(server.ensure_running(), graph="scratch", kind="embedded")
    yield st
    st.db.connection.delete("scratch")
    st.close()
