"""``?format=csv`` on every GET route that declares CSV in the OpenAPI schema, on the seed graph.

The routes come from the schema itself, so a route that declares CSV and answers JSON fails
here, and so does a list route that forgets to declare it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from api.web.app import create_app
from api.web.routers.entities import RESOURCES
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.sparql import SparqlStore

#: Parameters a route needs beyond ``format`` (path parameters and required query ones).
NEEDS: dict[str, dict[str, str]] = {
    "/queries/{name}": {"name": "region_portfolio", "region": "jeonbuk-gimje"},
    "/search": {"q": "배터리"},
    "/sparql": {"query": "SELECT ?r WHERE { ?r a rsg:Region } LIMIT 3"},
}
#: An id for each resource, with neighbours where the seed data has any (a source has none:
#: facts name their sources in a list property).
IDS = {
    "regions": "jeonbuk-gimje",
    "industries": "drones",
    "strategies": "jeonbuk-new-industry-strategy",
    "initiatives": "saemangeum-battery-specialized-complex",
    "organizations": "gov-jeonbuk",
    "designations": "hydrogen-pilot-city",
    "sources": "gimje-dna-roadmap-2025",
}


@pytest.fixture(scope="module")
def client(store: FalkorStore, built: BuildReport, home: Path) -> Iterator[TestClient]:
    del built
    app = create_app(store=store)
    app.state.sparql = SparqlStore(home)  # the export of the build above
    with TestClient(app) as test_client:
        yield test_client


def _csv_routes() -> list[str]:
    spec = create_app(store=None).openapi()
    return sorted(
        path
        for path, operations in spec["paths"].items()
        if "text/csv"
        in operations.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
    )


def _url(path: str) -> tuple[str, dict[str, str]]:
    params = dict(NEEDS.get(path, {}))
    segment = path.strip("/").split("/")[0]
    if path.endswith("/{id}"):
        params["id"] = IDS[segment]
    for name in list(params):
        if "{" + name + "}" in path:
            path = path.replace("{" + name + "}", params.pop(name))
    return path, params | {"format": "csv"}


def _rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_every_list_route_declares_csv() -> None:
    routes = set(_csv_routes())
    for segment in RESOURCES:
        assert f"/{segment}" in routes
        assert f"/{segment}/{{id}}" in routes
    assert {"/search", "/overlaps", "/competition", "/complementarity", "/queries/{name}"} <= routes


@pytest.mark.parametrize("path", _csv_routes())
def test_format_csv_answers_csv(client: TestClient, path: str) -> None:
    url, params = _url(path)
    answer = client.get(url, params=params)
    assert answer.status_code == 200, answer.text[:300]
    assert answer.headers["content-type"].startswith("text/csv")
    rows = _rows(answer.content)
    assert rows[0]  # a header row
    assert len(rows) >= (1 if path == "/sources/{id}" else 2), f"{url}: no data rows"
    if path != "/sparql":  # SPARQL CSV follows its own standard; the downloads carry a BOM
        assert answer.content.startswith(b"\xef\xbb\xbf")
        assert answer.headers["content-disposition"].startswith("attachment;")


def test_an_entity_list_as_csv_holds_the_same_page_as_json(client: TestClient) -> None:
    params: dict[str, Any] = {"level": "city", "limit": 20}
    page = client.get("/regions", params=params).json()
    answer = client.get("/regions", params=params | {"format": "csv"})
    rows = _rows(answer.content)
    header, body = rows[0], rows[1:]
    assert header[:4] == ["id", "name_ko", "name_en", "aliases"]
    assert "level" in header
    assert [row[0] for row in body] == [item["id"] for item in page["items"]]
    assert {row[header.index("level")] for row in body} == {"city"}
    assert answer.headers["x-total-count"] == str(page["total"])


def test_a_detail_as_csv_lists_its_neighbours_with_evidence(client: TestClient) -> None:
    detail = client.get("/regions/jeonbuk-gimje").json()
    answer = client.get("/regions/jeonbuk-gimje", params={"format": "csv"})
    rows = _rows(answer.content)
    header, body = rows[0], rows[1:]
    assert header[:6] == ["type", "direction", "id", "labels", "name_ko", "name_en"]
    assert "evidence" in header
    assert [(r[0], r[2]) for r in body] == [
        (n["type"], n["node"]["id"]) for n in detail["neighbours"]
    ]
    assert "김제시" in unquote(answer.headers["content-disposition"])


def test_a_detail_page_says_where_the_next_one_starts(client: TestClient) -> None:
    answer = client.get("/regions/jeonbuk", params={"format": "csv", "limit": 2})
    assert len(_rows(answer.content)) == 3
    assert answer.headers["x-next-skip"] == "2"
