"""Named queries, planner answers, CSV downloads, the API key and the notebook facade."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli.main import app as cli_app
from api.cli.querydoc import example_params, render
from api.facade import StrategyGraph
from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.graph.build import BuildReport
from queries.catalog import catalog
from queries.falkor_backend import FalkorStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client(store: FalkorStore, built: BuildReport) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


@pytest.fixture
def cli(home: Path, built: BuildReport, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in ("RSG_STORE", "RSG_FALKORDB_URL", "RSG_GRAPH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RSG_HOME", str(home))
    return CliRunner()


def _query_string(params: dict[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if isinstance(value, list):
            pairs.extend((name, str(v)) for v in value)
        elif isinstance(value, bool):
            pairs.append((name, "true" if value else "false"))
        else:
            pairs.append((name, str(value)))
    return pairs


def test_list_has_every_query_with_both_languages(client: TestClient) -> None:
    body = client.get("/queries").json()
    assert {q["name"] for q in body} == set(catalog())
    for query in body:
        assert query["description_ko"]
        assert query["description_en"]
        assert query["url"] == f"/queries/{query['name']}"


@pytest.mark.parametrize("name", sorted(catalog()))
def test_cli_and_api_give_the_same_rows(client: TestClient, cli: CliRunner, name: str) -> None:
    params = example_params(catalog()[name])
    response = client.get(f"/queries/{name}", params=_query_string(params))
    assert response.status_code == 200, response.text
    args = ["query", name, "-f", "json"]
    for key, value in params.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        args += ["-p", f"{key}={text}"]
    result = cli.invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == response.json()["rows"]


def test_post_takes_json_parameters(client: TestClient) -> None:
    response = client.post(
        "/queries/overlap_matrix",
        json={"params": {"regions": ["jeonbuk", "gyeongbuk-gumi"], "level": 0}},
    )
    assert response.status_code == 200
    (pair,) = response.json()["rows"]
    assert {pair["region_a"], pair["region_b"]} == {"jeonbuk", "gyeongbuk-gumi"}
    assert "battery" in pair["shared"]


@pytest.mark.parametrize(
    ("url", "status", "error"),
    [
        ("/queries/no_such_query", 404, "NotFound"),
        ("/queries/region_portfolio", 400, "QueryError"),
        ("/queries/region_portfolio?region=jeonbuk&colour=red", 400, "QueryError"),
        ("/queries/overlap_matrix?level=high", 400, "QueryError"),
        ("/queries/region_portfolio?region=a&region=b", 400, "QueryError"),
    ],
)
def test_bad_parameters_are_4xx_with_a_hint(
    client: TestClient, url: str, status: int, error: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["error"] == error
    assert body["hint"]


def test_search_ranks_exact_alias_first(client: TestClient) -> None:
    body = client.get("/search", params={"q": "배터리"}).json()
    assert body["items"][0]["id"] == "battery"
    assert body["items"][0]["rank"] == 0
    english = client.get("/search", params={"q": "gimje", "labels": ["Region"]}).json()
    assert english["items"][0]["id"] == "jeonbuk-gimje"
    assert english["items"][0]["name_ko"] == "김제시"


def test_detail_counts_neighbours_and_pages_through_them(client: TestClient) -> None:
    whole = client.get("/regions/jeonbuk", params={"limit": 10_000}).json()
    counts = whole["neighbour_counts"]
    assert counts["PURSUES"] >= 5
    assert whole["matching"] == sum(counts.values()) == len(whole["neighbours"])
    assert whole["next_skip"] is None
    keys = [(n["type"], n["node"]["id"], n["direction"]) for n in whole["neighbours"]]
    assert keys == sorted(keys, key=lambda k: (k[0], k[1]))
    pages: list[tuple[str, str, str]] = []
    skip: int | None = 0
    while skip is not None:
        page = client.get("/regions/jeonbuk", params={"skip": skip, "limit": 7}).json()
        assert len(page["neighbours"]) <= 7
        assert page["neighbour_counts"] == counts
        pages += [(n["type"], n["node"]["id"], n["direction"]) for n in page["neighbours"]]
        skip = page["next_skip"]
    assert sorted(pages) == sorted(keys)
    assert len(pages) == len(keys)


def test_detail_narrowed_to_one_type(client: TestClient) -> None:
    body = client.get("/regions/jeonbuk", params={"type": "PURSUES"}).json()
    assert body["matching"] == body["neighbour_counts"]["PURSUES"] == len(body["neighbours"])
    assert {n["type"] for n in body["neighbours"]} == {"PURSUES"}
    assert "battery" in {n["node"]["id"] for n in body["neighbours"]}
    past = client.get("/regions/jeonbuk", params={"skip": 100_000}).json()
    assert past["neighbours"] == []
    assert past["entity"]["id"] == "jeonbuk"
    assert past["neighbour_counts"] == body["neighbour_counts"] | past["neighbour_counts"]
    assert client.get("/regions/jeonbuk", params={"type": "LIKES"}).status_code == 422
    assert client.get("/regions/jeonbuk", params={"limit": 0}).status_code == 422
    assert client.get("/regions/nowhere", params={"type": "PURSUES"}).status_code == 404


def test_detail_default_page_is_bounded(client: TestClient) -> None:
    body = client.get("/industries/battery").json()
    assert body["limit"] == 200
    assert body["skip"] == 0
    assert len(body["neighbours"]) == min(200, body["matching"])


def test_overlaps_of_two_regions_has_evidence(client: TestClient) -> None:
    body = client.get("/overlaps", params={"regions": ["jeonbuk", "gyeongbuk-gumi"]}).json()
    (pair,) = body["pairs"]
    assert (pair["name_en_a"], pair["name_en_b"]) == ("Jeonbuk State", "Gumi")
    shared = {item["id"] for item in pair["shared"]}
    assert "battery" in shared
    battery = next(e for e in pair["evidence"] if e["industry"] == "battery")
    assert battery["a"]
    assert battery["b"]
    assert pair["jaccard"] == round(
        pair["shared_count"] / (pair["industries_a"] + pair["industries_b"] - pair["shared_count"]),
        3,
    )


def test_overlaps_of_three_regions_lists_every_pair(client: TestClient) -> None:
    body = client.get(
        "/overlaps", params={"regions": "jeonbuk,gyeongbuk-gumi,jeonbuk-jeonju", "level": 0}
    ).json()
    pairs = {frozenset((p["region_a"], p["region_b"])) for p in body["pairs"]}
    assert len(pairs) == 3
    assert body["level"] == 0


def test_one_region_cannot_overlap(client: TestClient) -> None:
    response = client.get("/overlaps", params={"regions": "jeonbuk"})
    assert response.status_code == 400


def test_overlaps_as_of_are_the_named_query_rows(client: TestClient, store: FalkorStore) -> None:
    """/overlaps?as_of= answers from the projection: the rows overlap_matrix gives then."""
    query = catalog()["overlap_matrix"]
    for as_of in ("2019", "2023-07"):
        body = client.get("/overlaps", params={"as_of": as_of}).json()
        expected = store.read(query.text, query.bind({"regions": [], "as_of": as_of})).rows
        pairs = {(p["region_a"], p["region_b"]): p["shared_count"] for p in body["pairs"]}
        assert pairs == {(r["region_a"], r["region_b"]): r["shared_count"] for r in expected}
    today = client.get("/overlaps").json()["pairs"]
    assert len(client.get("/overlaps", params={"as_of": "2019"}).json()["pairs"]) < len(today)


def test_competition_for_the_defense_cluster(client: TestClient) -> None:
    body = client.get("/competition", params={"designation": "defense-innovation-cluster"}).json()
    (item,) = body["items"]
    years = {(r["region"], r["target_year"]) for r in item["regions"]}
    assert years >= {("jeonbuk", "2026"), ("gyeongbuk-gumi", "2022")}
    assert item["name_ko"] == "방위산업 혁신클러스터"
    # 2022: Daejeon won the round Gumi lost; rivals, in one round, not nested, not partners.
    assert {"round": "dic-2022", "a": "daejeon", "b": "gyeongbuk-gumi"} in item["rivals"]


def test_complementarity_in_batteries(client: TestClient) -> None:
    body = client.get("/complementarity", params={"industry": "battery"}).json()
    (item,) = [
        i for i in body["items"] if {i["region_a"], i["region_b"]} == {"jeonbuk", "gyeongbuk-gumi"}
    ]
    sides = {item["region_a"]: set(item["only_a"]), item["region_b"]: set(item["only_b"])}
    assert "battery-recycling" in sides["jeonbuk"]
    assert "battery-cells" in sides["gyeongbuk-gumi"]


def test_csv_download_has_bom_and_a_korean_file_name(client: TestClient) -> None:
    response = client.get("/search", params={"q": "배터리", "format": "csv"})
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=")
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "search-배터리.csv"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    json_rows = client.get("/search", params={"q": "배터리"}).json()["items"]
    assert [r["id"] for r in rows] == [r["id"] for r in json_rows]
    assert json.loads(rows[0]["aliases"]) == json_rows[0]["aliases"]


def test_named_query_csv(client: TestClient) -> None:
    response = client.get(
        "/queries/region_portfolio", params={"region": "jeonbuk", "format": "csv"}
    )
    assert response.status_code == 200
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    header = next(reader)
    assert header == list(catalog()["region_portfolio"].returns)
    assert "region_portfolio-jeonbuk.csv" in response.headers["content-disposition"]


def test_cypher_returns_a_graph_for_paths(client: TestClient) -> None:
    body = client.post(
        "/cypher",
        json={"query": "MATCH p = (:Region {id: 'jeonbuk-gimje'})-[:PART_OF]->(:Region) RETURN p"},
    ).json()
    ids = {node["properties"]["id"] for node in body["graph"]["nodes"]}
    assert ids == {"jeonbuk-gimje", "jeonbuk"}
    (edge,) = body["graph"]["edges"]
    assert edge["type"] == "PART_OF"
    plain = client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()
    assert plain["graph"] is None


def test_api_key_guards_every_route_when_set(store: FalkorStore, built: BuildReport) -> None:
    settings = ApiSettings(api_key=SecretStr("s3cret"), max_body_bytes=2_000)
    with TestClient(create_app(store=store, settings=settings)) as keyed:
        assert keyed.get("/health").status_code == 401
        assert keyed.get("/queries", headers={"X-API-Key": "wrong"}).status_code == 401
        ok = keyed.get("/queries", headers={"X-API-Key": "s3cret"})
        assert ok.status_code == 200
        big = keyed.post(
            "/cypher",
            headers={"X-API-Key": "s3cret"},
            json={"query": "RETURN 1", "params": {"x": "가" * 3_000}},
        )
        assert big.status_code == 413
        assert big.json()["error"] == "TooLarge"


def test_docs_page_is_current(store: FalkorStore, built: BuildReport) -> None:
    current = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    assert render(store) == current, "run `rsg queries --docs docs/queries.md` and commit it"


def test_facade_runs_named_queries_and_cypher(home: Path, built: BuildReport) -> None:
    graph = StrategyGraph(store=_store_for(home))
    try:
        rows = graph.query("designation_competition", designation="hydrogen-pilot-city")
        assert set(rows[0]["holders"]) >= {"jeonbuk-jeonju", "jeonbuk-wanju"}
        table = graph.cypher("MATCH (r:Region {id: $id}) RETURN r.name_ko AS ko", id="jeonbuk")
        assert table.column("ko") == ["전북특별자치도"]
        assert "전북특별자치도" in str(table)
        assert "region_portfolio" in graph.queries()
    finally:
        graph.store.close()


def _store_for(home: Path) -> FalkorStore:
    from queries.server import EmbeddedServer

    return FalkorStore(EmbeddedServer(home).ensure_running(), graph="rsg", kind="embedded")
