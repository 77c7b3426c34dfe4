"""Cypher injection through every parameter of every named query and the entity and
analysis routes: hostile values are only ever data. Never a 5xx, graph unchanged."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from api.web.routers.entities import RESOURCES
from queries import catalog
from queries.falkor_backend import FalkorStore
from tests.reliability.corpus import HOSTILE_VALUES
from tests.reliability.graphsum import graph_sum
from tests.reliability.tally import record

#: Routes and their query-string parameters. Values are sent whole: one over a route's
#: max_length must give 422, never reach the store.
ROUTE_PARAMS: dict[str, list[str]] = {
    "/search": ["q", "labels"],
    "/overlaps": ["regions"],
    "/competition": ["designation"],
    "/complementarity": ["industry", "region"],
    **{f"/{segment}": ["q", "level", "kind", "parent"] for segment in RESOURCES},
}


def _value_for(kind: str, value: str) -> Any:
    return [value, value] if kind == "list" else value


def test_named_query_parameters(api: TestClient, store: FalkorStore) -> None:
    before = graph_sum(store)
    bad = []
    for query in catalog.catalog().values():
        base = {p.name: p.example for p in query.params if p.example is not None}
        for param in query.params:
            for value in HOSTILE_VALUES:
                params = {**base, param.name: _value_for(param.type, value)}
                response = api.post(f"/queries/{query.name}", json={"params": params})
                record("injection", f"POST /queries/{query.name}", response.status_code)
                if response.status_code not in (200, 400):
                    bad.append((query.name, param.name, value[:30], response.status_code))
                elif response.status_code == 400:
                    # Only a type mismatch or a NUL may refuse a value.
                    detail = response.json()["detail"]
                    assert "NUL" in detail or "must be" in detail, detail
    assert bad == []
    assert graph_sum(store) == before


def test_named_query_string_parameters(api: TestClient, store: FalkorStore) -> None:
    before = graph_sum(store)
    bad = []
    for query in catalog.catalog().values():
        for param in query.params:
            for value in HOSTILE_VALUES[:12]:
                response = api.get(f"/queries/{query.name}", params={param.name: value})
                record("injection", f"GET /queries/{query.name}", response.status_code)
                if response.status_code not in (200, 400):
                    bad.append((query.name, param.name, value[:30], response.status_code))
    assert bad == []
    assert graph_sum(store) == before


def test_entity_and_analysis_routes(api: TestClient, store: FalkorStore) -> None:
    before = graph_sum(store)
    bad = []
    for route, names in ROUTE_PARAMS.items():
        for name in names:
            for value in HOSTILE_VALUES:
                response = api.get(route, params={name: value})
                record("injection", f"GET {route}", response.status_code)
                if response.status_code >= 500 or response.status_code not in (200, 400, 422):
                    bad.append((route, name, value[:30], response.status_code))
    for segment in RESOURCES:
        for value in filter(None, HOSTILE_VALUES):  # "/regions/" is the list itself
            response = api.get(f"/{segment}/{quote(value, safe='')}")
            record("injection", f"GET /{segment}/{{id}}", response.status_code)
            if response.status_code not in (400, 404, 422):
                bad.append((segment, "id", value[:30], response.status_code))
    assert bad == []
    assert graph_sum(store) == before


def test_hostile_names_come_back_verbatim(api: TestClient) -> None:
    """A value with quotes and braces is matched as text: searching for it finds nothing,
    and the bound parameter echoed back is exactly what was sent."""
    for value in HOSTILE_VALUES[:10]:
        if "\x00" in value:
            continue
        response = api.post("/queries/node_facts", json={"params": {"id": value}})
        assert response.status_code == 200
        assert response.json()["params"]["id"] == value
        assert response.json()["rows"] == []
