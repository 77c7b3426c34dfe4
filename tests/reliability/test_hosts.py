"""The Host header (issue 15, item 9): a page on another site that makes its name resolve to
127.0.0.1 (DNS rebinding) reaches the local API with its own name in ``Host``; only the
names in ``RSG_API_ALLOWED_HOSTS`` (loopback names by default) are answered, and no redirect
is ever built from another name."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from tests.reliability.livehttp import serving
from tests.reliability.tally import record

LOOPBACK = ["localhost", "127.0.0.1", "::1"]
HOSTILE = ["attacker.example", "evil.example:8000", "127.0.0.1.nip.example", "localhost.evil",
           "", "[::2]:80", "LOCALHOST.evil"]  # fmt: skip


def test_the_default_is_the_loopback_names() -> None:
    assert ApiSettings.model_fields["allowed_hosts"].get_default(call_default_factory=True) == (
        LOOPBACK
    )


@pytest.fixture(scope="module")
def base(store: FalkorStore, built: BuildReport) -> Iterator[str]:
    settings = ApiSettings(api_key=None, cors_origins=[], allowed_hosts=LOOPBACK)
    with serving(create_app(store=store, settings=settings)) as url:
        yield url


@pytest.mark.parametrize("host", HOSTILE)
@pytest.mark.parametrize("path", ["/health", "/regions/", "/regions", "/cypher"])
def test_other_names_are_refused(base: str, host: str, path: str) -> None:
    with httpx2.Client(base_url=base, timeout=20) as client:
        if path == "/cypher":
            response = client.post(path, json={"query": "RETURN 1 AS one"}, headers={"Host": host})
        else:
            response = client.get(path, headers={"Host": host})
    record("hostile Host header (issue 15 item 9)", f"{host} {path}", response.status_code)
    assert response.status_code == 400, (host, path, response.status_code)
    assert "location" not in response.headers
    assert response.json()["error"] == "UnknownHost"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:8000", "[::1]:8000", "LocalHost"])
def test_loopback_names_are_answered(base: str, host: str) -> None:
    with httpx2.Client(base_url=base, timeout=20) as client:
        assert client.get("/health", headers={"Host": host}).status_code == 200
        moved = client.get("/regions/", headers={"Host": host})
    assert moved.status_code in {200, 307}
    if moved.status_code == 307:
        assert moved.headers["location"].startswith(f"http://{host}/"), moved.headers


def test_a_listed_name_is_answered(store: FalkorStore, built: BuildReport) -> None:
    settings = ApiSettings(api_key=None, cors_origins=[], allowed_hosts=["graph.team.example"])
    with (
        serving(create_app(store=store, settings=settings)) as url,
        httpx2.Client(base_url=url, timeout=20) as client,
    ):
        assert client.get("/health", headers={"Host": "graph.team.example"}).status_code == 200
        assert client.get("/health", headers={"Host": "127.0.0.1"}).status_code == 400
