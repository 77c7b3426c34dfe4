"""Resource details from the neighbourhood projection (the default) and from the store
(``RSG_API_DETAIL_PROJECTION=false``) are the same bytes; the served app reads the projection
at start-up, and a store without a graph only delays that to the first detail."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.web.app import _warm, create_app
from api.web.routers.entities import RESOURCES
from api.web.settings import ApiSettings
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.neighbourhood import neighbourhoods
from queries.store import GraphWriter


@pytest.fixture(scope="module")
def clients(store: FalkorStore, built: BuildReport) -> Iterator[tuple[TestClient, TestClient]]:
    projected = create_app(store=store, settings=ApiSettings())
    from_store = create_app(store=store, settings=ApiSettings(detail_projection=False))
    with TestClient(projected) as one, TestClient(from_store) as other:
        yield one, other


def test_both_ways_give_the_same_bytes(
    clients: tuple[TestClient, TestClient], store: FalkorStore
) -> None:
    projected, from_store = clients
    pick = random.Random(7)
    asked = 0
    for segment, label in RESOURCES.items():
        ids = [str(r["id"]) for r in store.read(f"MATCH (n:{label}) RETURN n.id AS id").rows]
        for entity_id in pick.sample(ids, min(8, len(ids))):
            for params in ({}, {"type": "PURSUES"}, {"skip": 1, "limit": 3}):
                headers = {"Cache-Control": "no-cache"}
                one = projected.get(f"/{segment}/{entity_id}", params=params, headers=headers)
                other = from_store.get(f"/{segment}/{entity_id}", params=params, headers=headers)
                assert one.status_code == other.status_code == 200, (segment, entity_id)
                assert one.content == other.content, (segment, entity_id, params)
                asked += 1
    assert asked > 100
    for client in clients:
        missing = client.get("/regions/no-such-region")
        assert missing.status_code == 404
        assert "no Region with id" in missing.json()["detail"]


def test_warm_reads_the_live_build(store: FalkorStore, built: BuildReport) -> None:
    _warm(store)
    kept = neighbourhoods._kept.get(store)
    assert kept is not None
    assert kept.build == store.build_id()
    assert kept.detail("Region", "jeonbuk-gimje")


def test_warm_without_a_graph_only_logs(
    scratch_store: FalkorStore, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="api.web.app"):
        _warm(scratch_store)
    assert "not read at start-up" in caplog.text
    assert neighbourhoods._kept.get(scratch_store) is None


def test_a_graph_without_a_build_id_is_read_from_the_store(scratch_store: FalkorStore) -> None:
    """Nothing would tell such a graph's changes, so it is never projected."""

    def load(writer: GraphWriter) -> None:
        writer.write("CREATE (:Region {id: 'r1', name_ko: '가군', name_en: 'First', aliases: []})")

    scratch_store.replace_graph(load)
    assert neighbourhoods.of(scratch_store) is None
    with TestClient(create_app(store=scratch_store, settings=ApiSettings())) as client:
        answer = client.get("/regions/r1")
    assert answer.status_code == 200
    assert answer.json()["entity"]["name_en"] == "First"


def test_the_store_is_asked_for_the_build_once_per_detail(
    clients: tuple[TestClient, TestClient], store: FalkorStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    projected, _ = clients
    projected.get("/regions/jeonbuk-gimje")  # the projection of this build is read
    real = store.build_id
    calls: list[str | None] = []

    def counted() -> str | None:
        calls.append(real())
        return calls[-1]

    monkeypatch.setattr(store, "build_id", counted)
    answer = projected.get("/regions/jeonbuk-gimje", headers={"Cache-Control": "no-cache"})
    assert answer.status_code == 200
    assert answer.headers["x-rsg-cache"] == "miss"
    assert len(calls) == 1
