"""Views without a browser: graph extraction on the seed graph, marks, page safety (JSON
escaping, CSP hashes, node limit), static images (deterministic, Korean glyphs, legend)."""

from __future__ import annotations

import io
import json
import re
import warnings
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest

from ingest.graph.build import BuildReport
from ontology.errors import ConfigError, NotFound, QueryError, ReadOnlyViolation
from queries.falkor_backend import FalkorStore
from queries.subgraph import subgraph_of
from tests.visual.synthetic import XSS_EVIDENCE, XSS_NAME, XSS_NAME_EN, xss_region
from visual import heatmap, page, static, views
from visual.aggregate import GROUP
from visual.files import write_text
from visual.model import ViewGraph, ViewNode
from visual.page import sha256
from visual.settings import ViewSettings

HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(scope="module")
def seed(store: FalkorStore, built: BuildReport) -> FalkorStore:
    return store


def test_region_view_holds_strategies_initiatives_industries_and_money(seed: FalkorStore) -> None:
    graph = views.region(seed, "jeonbuk-gimje")
    labels = {n.label for n in graph.nodes.values()}
    assert {"Region", "Strategy", "Initiative", "Industry", "Organization"} <= labels
    types = {e.type for e in graph.edges.values()}
    assert {"ADOPTS", "INCLUDES", "PURSUES", "TARGETS", "BROADER"} <= types
    focus = graph.by_id("jeonbuk-gimje", "Region")
    assert focus is not None
    assert focus.mark == "focus"
    assert focus.name_ko == "김제시"
    assert graph.title_ko == "김제시 지역 뷰"
    # every edge joins two nodes of the view
    assert all(e.source in graph.nodes and e.target in graph.nodes for e in graph.edges.values())


def test_unknown_ids_are_not_found_with_a_hint(seed: FalkorStore) -> None:
    with pytest.raises(NotFound, match="nowhere") as caught:
        views.region(seed, "nowhere")
    assert caught.value.hint
    with pytest.raises(NotFound):
        views.industry(seed, "nothing")
    with pytest.raises(NotFound, match="nowhere"):
        views.overlap(seed, ["jeonbuk", "nowhere"])
    with pytest.raises(QueryError, match="two or more"):
        views.overlap(seed, ["jeonbuk"])


def test_overlap_marks_shared_competing_and_complementary(seed: FalkorStore) -> None:
    graph = views.overlap(seed, ["jeonbuk", "gyeongbuk-gumi"])
    marks = {n.id: n.mark for n in graph.nodes.values()}
    assert marks["jeonbuk"] == marks["gyeongbuk-gumi"] == "focus"
    assert marks["battery"] == "shared"  # both pursue secondary batteries
    # value-chain segments of batteries each region works on alone
    segments = [n for n in graph.nodes.values() if n.props.get("segment") and n.mark]
    assert any(n.mark == "complementary" for n in segments)
    assert "competing" in marks.values()
    for node in graph.nodes.values():
        if node.mark == "competing":
            assert node.label in ("Designation", "DesignationRound")


def test_funding_flow_reverses_funded_by_and_widens_by_amount(seed: FalkorStore) -> None:
    graph = views.funding(seed)
    funded = [e for e in graph.edges.values() if e.type == "FUNDED_BY"]
    assert funded
    assert all(e.reverse for e in funded)
    widths = sorted({e.width for e in graph.edges.values()})
    assert widths[0] == 1.0
    assert widths[-1] == 12.0


def test_named_query_without_nodes_draws_the_nodes_it_names(seed: FalkorStore) -> None:
    graph = views.named(seed, "region_portfolio", {"region": "jeonbuk-gimje"})
    ids = {n.id for n in graph.nodes.values()}
    assert {"jeonbuk-gimje", "drones", "defense"} <= ids
    assert graph.edges


def test_cypher_view_draws_exactly_the_result_and_stays_read_only(seed: FalkorStore) -> None:
    query = "MATCH p = (:Region {id: $id})-[:PURSUES]->(:Industry) RETURN p"
    rows = seed.read(query, {"id": "jeonbuk"}).rows
    expected = subgraph_of(rows)
    graph = views.cypher(seed, query, {"id": "jeonbuk"})
    assert len(graph.nodes) == len(expected.nodes)
    assert len(graph.edges) == len(expected.edges)
    with pytest.raises(ReadOnlyViolation):
        views.cypher(seed, "MATCH (n) DETACH DELETE n")


def test_page_is_offline_and_escapes_markup(scratch_store: FalkorStore) -> None:
    xss_region(scratch_store)
    rendered = page.render(views.region(scratch_store, "xss"))
    html = rendered.html
    for payload in (XSS_NAME, XSS_NAME_EN, XSS_EVIDENCE, "<svg onload"):
        assert payload not in html
    assert html.count("</script>") == 3  # data, vis-network, the page's own script
    assert not re.search(r"(src|href)=\"https?:", html)
    assert "cdn" not in html.lower().replace("vis-network", "")
    for script in re.findall(r"<script>(.*?)</script>", html, re.DOTALL):
        assert sha256(script) in rendered.csp()
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    assert style is not None
    assert sha256(style.group(1)) in rendered.csp()
    assert "'unsafe-inline'" not in rendered.csp()
    assert "default-src 'none'" in rendered.csp()


def test_above_the_node_limit_the_page_groups_the_rest(seed: FalkorStore) -> None:
    graph = views.region(seed, "jeonbuk")
    rendered = page.render(graph, ViewSettings(node_limit=10))
    assert "종류별로 묶었습니다" in rendered.html
    assert "grouped by kind" in rendered.html
    assert "vis.Network" in rendered.html
    payload = json.loads(
        re.search(r'id="rsg-data"[^>]*>(.*?)</script>', rendered.html, re.DOTALL).group(1)  # type: ignore[union-attr]
    )
    assert 0 < len(payload["nodes"]) <= 10
    grouped = [n for n in payload["nodes"] if n["rsg_id"].startswith(GROUP)]
    assert grouped
    # The region itself is the most connected node and is drawn as itself.
    assert "jeonbuk" in {n["rsg_id"] for n in payload["nodes"]}


def _tiny(name: str) -> ViewGraph:
    graph = ViewGraph("region", f"{name} 지역 뷰", "Region view")
    for key, label in (("1", "Region"), ("2", "Industry")):
        graph.nodes[key] = ViewNode(key, f"n{key}", label, [label], name * 2, "x", {})
    graph.size_nodes("degree")
    return graph


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(matplotlib.image.imread(io.BytesIO(png), format="png"))


def test_png_draws_hangul_glyphs_not_tofu() -> None:
    korean = ViewSettings()
    latin = ViewSettings(font_family="DejaVu Sans", fallback_fonts=[])
    a, b = _tiny("가나다"), _tiny("라마바")
    # With the Korean font different words give different pictures ...
    assert not np.array_equal(
        _pixels(static.render(a, "png", korean)), _pixels(static.render(b, "png", korean))
    )
    # ... while a font without Hangul draws the same missing-glyph boxes for both: the check
    # above would fail on tofu.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tofu_a = _pixels(static.render(a, "png", latin))
        tofu_b = _pixels(static.render(b, "png", latin))
    assert np.array_equal(tofu_a, tofu_b)
    assert Path(str(static.korean_font(korean).get_file())).name.startswith("NanumGothic")


def test_static_export_is_deterministic_and_has_a_legend(seed: FalkorStore) -> None:
    graph = views.overlap(seed, ["jeonbuk", "gyeongbuk-gumi"])
    first, second = static.render(graph, "svg"), static.render(graph, "svg")
    assert first == second
    assert first.startswith(b"<?xml")
    assert static.render(graph, "png") == static.render(graph, "png")
    assert static.render(graph, "png").startswith(b"\x89PNG")


def test_missing_korean_font_fails_clearly() -> None:
    settings = ViewSettings(font_family="No Such Font", fallback_fonts=[])
    with pytest.raises(ConfigError, match="Korean font") as caught:
        static.render(_tiny("가"), "png", settings)
    assert "RSG_VIEW_FONT_FAMILY" in caught.value.hint


def test_heatmap_lists_shared_industries_on_hover(seed: FalkorStore) -> None:
    heat = heatmap.build(seed, ["jeonbuk", "gyeongbuk-gumi", "jeonbuk-gimje"])
    svg = heatmap.svg(heat)
    assert svg.count('class="rsg-cell"') == 6
    assert "이차전지" in svg  # shared by Jeonbuk and Gumi, named in the cell's title
    html = heatmap.page(heat).html
    assert "<script>" in html
    assert "https://" not in html


def test_files_are_utf8_with_korean_names(tmp_path: Path, seed: FalkorStore) -> None:
    target = tmp_path / "김제시 지역 뷰.html"
    write_text(target, page.render(views.region(seed, "jeonbuk-gimje")).html)
    assert "김제시" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left over
    assert HANGUL.search(target.name)
