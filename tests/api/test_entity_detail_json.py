"""A resource detail is written from the store's plain data, without building models: its
bytes are the ones FastAPI wrote for the ``EntityDetail`` model before (issue 19).

The reference is the earlier handler (bench/detailref.py): ``Entity`` and ``Neighbour`` models
built one by one, and the model written as FastAPI writes a response model. Every region of the
seed graph and a sample of every other resource is compared, with typed and paged variants.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from api.web.routers.entities import RESOURCES
from api.web.settings import ApiSettings
from bench.detailref import detail_as_models
from ingest.graph.build import BuildReport
from queries import catalog
from queries.falkor_backend import FalkorStore


@pytest.fixture(scope="module")
def client(store: FalkorStore, built: BuildReport) -> Iterator[TestClient]:
    with TestClient(create_app(store=store, settings=ApiSettings())) as test_client:
        yield test_client


def _as_models(store: FalkorStore, label: str, entity_id: str, **page: Any) -> bytes:
    """The earlier handler's answer (bench/detailref.py) for the current query's row."""
    skip, limit = page.get("skip", 0), page.get("limit", 200)
    query = catalog.get("entity_detail")
    params = {"label": label, "id": entity_id, "skip": skip, "limit": limit}
    params["type"] = page.get("type")
    first = store.read(query.text, query.bind(params)).rows[0]
    return detail_as_models(label, first, skip, limit)


def _cases(store: FalkorStore) -> list[tuple[str, str, dict[str, Any]]]:
    pick = random.Random(19)
    cases: list[tuple[str, str, dict[str, Any]]] = []
    for segment, label in RESOURCES.items():
        ids = [
            str(r["id"])
            for r in store.read(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id").rows
        ]
        chosen = ids if label == "Region" else pick.sample(ids, min(12, len(ids)))
        cases += [(segment, i, {}) for i in chosen]
    busiest = "jeonbuk-gimje"
    for page in ({"type": "PURSUES"}, {"skip": 2, "limit": 3}, {"limit": 10_000}, {"skip": 500}):
        cases.append(("regions", busiest, page))
    return cases


def test_detail_bytes_are_the_models_bytes(client: TestClient, store: FalkorStore) -> None:
    cases = _cases(store)
    assert len(cases) > 60
    for segment, entity_id, page in cases:
        answer = client.get(f"/{segment}/{entity_id}", params=page)
        assert answer.status_code == 200, (segment, entity_id, page)
        assert answer.headers["content-type"] == "application/json"
        assert answer.content == _as_models(store, RESOURCES[segment], entity_id, **page), (
            segment,
            entity_id,
            page,
        )


def test_csv_and_unknown_ids_as_before(client: TestClient) -> None:
    csv = client.get("/regions/jeonbuk-gimje", params={"format": "csv", "limit": 5})
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert (
        csv.content.decode("utf-8-sig")
        .splitlines()[0]
        .startswith("type,direction,id,labels,name_ko,name_en")
    )
    missing = client.get("/regions/no-such-region")
    assert missing.status_code == 404
