"""Every view as GraphML and GEXF: the files parse with networkx, hold the view's nodes and
edges, and carry Korean and English names, kinds and evidence as attributes; ``rsg view ...
--out FILE.graphml|.gexf`` writes the same bytes as the HTTP download; the heatmap as a graph
of regions and shared industries weighted by its cells."""

from __future__ import annotations

import io
import re
from pathlib import Path

import networkx  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli.main import app
from ingest.graph.build import BuildReport
from queries import catalog
from queries.falkor_backend import FalkorStore
from tests.visual.test_browser import VIEWS
from visual import exports, heatmap, views
from visual.aggregate import fit
from visual.settings import ViewSettings

READERS = {"graphml": networkx.read_graphml, "gexf": networkx.read_gexf}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("url", list(VIEWS))
def test_every_view_downloads_for_graph_tools(
    client: TestClient, store: FalkorStore, url: str, fmt: str
) -> None:
    graph = VIEWS[url](store)
    joiner = "&" if "?" in url else "?"
    answer = client.get(f"{url}{joiner}format={fmt}&download=1")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(exports.MEDIA[fmt])
    assert f".{fmt}" in answer.headers["content-disposition"]
    read = READERS[fmt](io.BytesIO(answer.content))
    assert read.number_of_nodes() == len(graph.nodes)
    assert read.number_of_edges() == len(graph.edges)
    nodes = dict(read.nodes(data=True))
    some = next(iter(graph.nodes.values()))
    assert nodes[some.key]["name_en"] == some.name_en
    assert nodes[some.key]["kind"] == some.label
    assert any(re.search("[가-힣]", str(d["name_ko"])) for d in nodes.values())
    assert all("kind_ko" in d and "kind_en" in d for d in nodes.values())
    edges = list(read.edges(data=True))
    assert all("relationship" in d and "evidence" in d for _, _, d in edges)
    if any(e.props.get("evidence") for e in graph.edges.values()):
        assert any(d["evidence"] for _, _, d in edges)


def test_the_view_page_links_the_graph_files(client: TestClient) -> None:
    page = client.get("/views/region/jeonbuk").text
    assert "format=graphml" in page
    assert "format=gexf" in page


def test_lists_and_odd_names_survive_both_formats(store: FalkorStore) -> None:
    graph = fit(views.region(store, "jeonbuk-gimje"), ViewSettings().node_limit)
    for fmt, reader in READERS.items():
        read = reader(io.BytesIO(exports.write(graph, fmt)))  # type: ignore[arg-type]
        for node in graph.nodes.values():
            aliases = node.props.get("aliases")
            if aliases:
                assert dict(read.nodes(data=True))[node.key]["aliases"] == " | ".join(aliases)


#: ``rsg view ...`` arguments and the HTTP address of the same view.
CLI_VIEWS = {
    "region": (["region", "jeonbuk"], "/views/region/jeonbuk"),
    "industry": (["industry", "mobility"], "/views/industry/mobility"),
    "overlap": (
        ["overlap", "jeonbuk", "gyeongbuk-gumi", "jeonbuk-gimje"],
        "/views/overlap?regions=jeonbuk,gyeongbuk-gumi,jeonbuk-gimje",
    ),
    "query": (
        ["query", "region_portfolio", "-p", "region=jeonbuk-gimje"],
        "/views/query/region_portfolio?region=jeonbuk-gimje",
    ),
    "heatmap": (
        ["heatmap", "jeonbuk", "gyeongbuk-gumi", "chungbuk"],
        "/views/heatmap?regions=jeonbuk&regions=gyeongbuk-gumi&regions=chungbuk",
    ),
}


@pytest.fixture
def cli(home: Path, built: BuildReport, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("RSG_HOME", str(home))
    return CliRunner()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("view", list(CLI_VIEWS))
def test_cli_writes_the_http_download_by_suffix(
    cli: CliRunner, client: TestClient, tmp_path: Path, view: str, fmt: str
) -> None:
    args, url = CLI_VIEWS[view]
    out = tmp_path / f"view.{fmt}"
    done = cli.invoke(app, ["view", *args, "--out", str(out)])
    assert done.exit_code == 0, done.output
    joiner = "&" if "?" in url else "?"
    answer = client.get(f"{url}{joiner}format={fmt}")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(exports.MEDIA[fmt])
    assert out.read_bytes() == answer.content
    read = READERS[fmt](io.BytesIO(out.read_bytes()))
    assert read.number_of_nodes() > 0


def test_a_preset_is_refused_for_a_graph_file(cli: CliRunner, tmp_path: Path) -> None:
    done = cli.invoke(
        app, ["view", "region", "jeonbuk", "--out", str(tmp_path / "x.gexf"), "--preset", "a4"]
    )
    assert done.exit_code != 0
    assert not (tmp_path / "x.gexf").exists()


def test_the_heatmap_as_a_graph_weights_each_pair_by_its_cell(
    client: TestClient, store: FalkorStore
) -> None:
    regions = ["jeonbuk", "gyeongbuk-gumi", "chungbuk", "ulsan"]
    heat = heatmap.build(store, regions)
    query = catalog.get("overlap_matrix")
    cells = store.read(query.text, query.bind({"regions": regions, "level": None})).rows
    answer = client.get("/views/heatmap", params={"regions": regions, "format": "graphml"})
    assert answer.status_code == 200
    read = networkx.read_graphml(io.BytesIO(answer.content))
    overlaps = {
        frozenset((a, b)): d for a, b, d in read.edges(data=True) if d["relationship"] == "OVERLAPS"
    }
    pairs = {
        frozenset((r["region_a"], r["region_b"])): r
        for r in cells
        if r["region_a"] != r["region_b"]
    }
    assert set(overlaps) == set(pairs)
    for pair, cell in pairs.items():
        assert overlaps[pair]["weight"] == pytest.approx(float(cell["jaccard"]))
        assert overlaps[pair]["shared_count"] == cell["shared_count"]
    shared = {str(i) for r in pairs.values() for i in r["shared"]}
    assert shared, "the seed regions share industries"
    nodes = dict(read.nodes(data=True))
    assert {n for n, d in nodes.items() if d["kind"] == "Industry"} == shared
    assert {n for n, d in nodes.items() if d["kind"] == "Region"} == set(regions)
    pursues = {(a, b) for a, b, d in read.edges(data=True) if d["relationship"] == "PURSUES"}
    for pair, cell in pairs.items():
        for industry in cell["shared"]:
            assert {(region, str(industry)) for region in pair} <= pursues
    assert nodes["battery" if "battery" in shared else sorted(shared)[0]]["name_ko"]
    assert len(heat.regions) == len(regions)
    page = client.get("/views/heatmap", params={"regions": regions}).text
    assert "format=graphml" in page
    assert "format=gexf" in page
