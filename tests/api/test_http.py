"""The HTTP API on the real embedded store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore


@pytest.fixture(scope="module")
def client(store: FalkorStore, built: BuildReport) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def test_health_reports_store_and_counts(client: TestClient, built: BuildReport) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["store"] == "embedded"
    assert body["nodes"] == built.nodes
    assert body["relationships"] == built.relationships
    # Other tests may rebuild the same data; the data hash is the same whichever build it is.
    assert body["build"]["data_hash"] == built.data_hash


def test_cypher_returns_rows(client: TestClient) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (r:Region {id: $id}) RETURN r.name_en AS en",
            "params": {"id": "jeonbuk"},
        },
    )
    assert response.status_code == 200
    assert response.json()["rows"] == [{"en": "Jeonbuk State"}]


def test_cypher_write_is_403_with_hint(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (n) DETACH DELETE n"})
    assert response.status_code == 403
    body = response.json()
    assert body["error"] == "ReadOnlyViolation"
    assert "DETACH is not allowed" in body["detail"]
    assert body["hint"]


def test_cypher_syntax_error_is_400(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400
    assert response.json()["error"] == "QueryError"


def test_cypher_timeout_is_408(client: TestClient) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "UNWIND range(1, 4000) AS a UNWIND range(1, 4000) AS b RETURN count(*)",
            "timeout_ms": 50,
        },
    )
    assert response.status_code == 408


def test_cypher_limit_truncates(client: TestClient) -> None:
    response = client.post(
        "/cypher", json={"query": "UNWIND range(1, 100) AS x RETURN x", "limit": 5}
    )
    body = response.json()
    assert len(body["rows"]) == 5
    assert body["truncated"] is True


@pytest.mark.parametrize(
    "path", ["/regions", "/regions/jeonbuk", "/overlaps", "/queries/region_portfolio", "/"]
)
def test_before_any_build_reads_say_what_to_do(scratch_store: FalkorStore, path: str) -> None:
    scratch_store.db.connection.delete("scratch")  # the store answers; no graph in it yet
    with TestClient(create_app(store=scratch_store)) as fresh:
        health = fresh.get("/health")
        answer = fresh.get(path, params={"region": "jeonbuk"} if "queries" in path else None)
    assert health.status_code == 200
    assert (health.json()["nodes"], health.json()["build"]) == (0, None)
    assert answer.status_code == 404
    assert answer.json()["error"] == "NoGraph"
    assert "rsg build" in answer.json()["hint"]
