"""The response cache: hits, a new build, the API key, bounds (real embedded store)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.web.app import create_app
from api.web.cache import Cached, ResponseCache
from api.web.settings import ApiSettings
from queries.falkor_backend import FalkorStore
from queries.store import GraphWriter


def _build(store: FalkorStore, build_id: str, name_en: str) -> None:
    """A one-region graph with its build record, swapped in like a real build."""

    def load(writer: GraphWriter) -> None:
        writer.write(
            "CREATE (:Region {id: 'r1', name_ko: '가군', name_en: $name, aliases: []})",
            {"name": name_en},
        )
        writer.write("CREATE (:BuildInfo {id: $id})", {"id": build_id})

    store.replace_graph(load)


@pytest.fixture
def client(scratch_store: FalkorStore) -> Iterator[TestClient]:
    _build(scratch_store, "build-1", "First")
    with TestClient(create_app(store=scratch_store, settings=ApiSettings())) as test_client:
        yield test_client


def test_second_request_is_a_hit_with_the_same_answer(client: TestClient) -> None:
    first = client.get("/regions/r1")
    second = client.get("/regions/r1")
    assert first.headers["x-rsg-cache"] == "miss"
    assert second.headers["x-rsg-cache"] == "hit"
    assert second.json() == first.json()
    assert second.headers["content-type"] == first.headers["content-type"]
    other_query = client.get("/regions/r1", params={"x": "1"})
    assert other_query.headers["x-rsg-cache"] == "miss"
    csv_ask = client.get("/regions", headers={"Accept": "text/csv"})
    assert csv_ask.headers["x-rsg-cache"] == "miss"


def test_a_new_build_is_never_answered_from_the_old_one(
    client: TestClient, scratch_store: FalkorStore
) -> None:
    assert client.get("/regions/r1").json()["entity"]["name_en"] == "First"
    assert client.get("/regions/r1").headers["x-rsg-cache"] == "hit"
    _build(scratch_store, "build-2", "Second")
    fresh = client.get("/regions/r1")
    assert fresh.headers["x-rsg-cache"] == "miss"
    assert fresh.json()["entity"]["name_en"] == "Second"
    cache: ResponseCache = client.app.state.cache  # type: ignore[attr-defined]
    assert cache.build == "build-2"
    assert len(cache) == 1  # the first build's answers are gone


def test_no_cache_header_recomputes(client: TestClient) -> None:
    client.get("/regions/r1")
    again = client.get("/regions/r1", headers={"Cache-Control": "no-cache"})
    assert again.headers["x-rsg-cache"] == "miss"
    assert client.get("/regions/r1").headers["x-rsg-cache"] == "hit"


def test_errors_posts_and_health_are_not_cached(client: TestClient) -> None:
    for _ in range(2):
        missing = client.get("/regions/nobody")
        assert missing.status_code == 404
        assert missing.headers["x-rsg-cache"] == "miss"
    posted = client.post("/cypher", json={"query": "MATCH (r:Region) RETURN r.id AS id"})
    assert posted.status_code == 200
    assert "x-rsg-cache" not in posted.headers
    assert "x-rsg-cache" not in client.get("/health").headers


def test_api_key_is_checked_before_a_cached_answer(scratch_store: FalkorStore) -> None:
    _build(scratch_store, "build-k", "Keyed")
    settings = ApiSettings(api_key=SecretStr("s3cret"))
    with TestClient(create_app(store=scratch_store, settings=settings)) as keyed:
        ok = keyed.get("/regions/r1", headers={"X-API-Key": "s3cret"})
        assert ok.status_code == 200
        assert (
            keyed.get("/regions/r1", headers={"X-API-Key": "s3cret"}).headers["x-rsg-cache"]
            == "hit"
        )
        assert keyed.get("/regions/r1").status_code == 401
        assert keyed.get("/regions/r1", headers={"X-API-Key": "wrong"}).status_code == 401


def test_cache_can_be_turned_off(scratch_store: FalkorStore) -> None:
    _build(scratch_store, "build-off", "Off")
    settings = ApiSettings(cache_entries=0)
    with TestClient(create_app(store=scratch_store, settings=settings)) as plain:
        for _ in range(2):
            assert "x-rsg-cache" not in plain.get("/regions/r1").headers


def _item(size: int) -> Cached:
    return Cached(200, [], b"x" * size)


def test_cache_is_bounded_in_entries_least_recent_out() -> None:
    cache = ResponseCache(entries=2, max_bytes=10_000)
    cache.use_build("b")
    keys = [("b", f"/p{i}", b"", ()) for i in range(3)]
    cache.put(keys[0], _item(10))
    cache.put(keys[1], _item(10))
    assert cache.get(keys[0]) is not None  # now the most recent
    cache.put(keys[2], _item(10))
    assert len(cache) == 2
    assert cache.get(keys[1]) is None
    assert cache.get(keys[0]) is not None
    assert cache.get(keys[2]) is not None


def test_cache_is_bounded_in_bytes() -> None:
    cache = ResponseCache(entries=100, max_bytes=800)
    cache.use_build("b")
    cache.put(("b", "/big", b"", ()), _item(101))  # over an eighth of the budget
    assert len(cache) == 0
    for i in range(10):
        cache.put(("b", f"/p{i}", b"", ()), _item(100))
    assert cache.size <= 800
    assert len(cache) == 8
    cache.put(("old-build", "/p", b"", ()), _item(10))  # never kept for another build
    assert cache.get(("old-build", "/p", b"", ())) is None
