"""Every view as GraphML and GEXF: the files parse with networkx, hold the view's nodes and
edges, and carry Korean and English names, kinds and evidence as attributes."""

from __future__ import annotations

import io
import re

import networkx  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient

from queries.falkor_backend import FalkorStore
from tests.visual.test_browser import VIEWS
from visual import exports, views
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
