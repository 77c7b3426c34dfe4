"""The notebook facade: open without a with block, tables as DataFrames and as HTML (escaped),
the helpers (search, overlap, competition, SPARQL, views), and a clear message without pandas."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from api.facade import HTML_ROWS, StrategyGraph, Table, View
from ingest.graph.build import BuildReport
from ontology.errors import ConfigError
from queries.falkor_backend import FalkorStore


@pytest.fixture
def graph(store: FalkorStore, built: BuildReport) -> StrategyGraph:
    return StrategyGraph(store)


def test_tables_become_dataframes(graph: StrategyGraph) -> None:
    table = graph.cypher(
        "MATCH (r:Region) WHERE r.id IN $ids RETURN r.id AS id, r.name_ko AS ko ORDER BY id",
        ids=["jeonbuk", "jeonbuk-gimje"],
    )
    frame = table.df()
    assert list(frame.columns) == ["id", "ko"]
    assert frame["id"].tolist() == ["jeonbuk", "jeonbuk-gimje"]
    assert frame.loc[0, "ko"] == "전북특별자치도"


def test_html_of_a_table_is_escaped_and_capped() -> None:
    rows = [{"name": f"<b>{i}</b>", "n": i} for i in range(HTML_ROWS + 5)]
    shown = Table(columns=["name", "n"], rows=rows)._repr_html_()
    assert "<b>" not in shown
    assert "&lt;b&gt;0&lt;/b&gt;" in shown
    assert shown.count("<tr>") == HTML_ROWS + 1
    assert "5 more rows" in shown


def test_without_pandas_df_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(ConfigError) as caught:
        Table(columns=["a"], rows=[{"a": 1}]).df()
    assert "[notebook]" in caught.value.hint


def test_helpers_answer_like_the_api(
    graph: StrategyGraph, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RSG_HOME", str(home))  # SPARQL reads the build's export there
    found = graph.search("전라북도")
    assert found.column("id")[0] == "jeonbuk"
    pairs = graph.overlap(["jeonbuk-jeonju", "jeonbuk-wanju"])
    assert len(pairs) == 1
    held = graph.competition("hydrogen-pilot-city", min_regions=1)
    # The 2019 round: Jeonju and Wanju jointly, with Ansan and Ulsan.
    assert set(held.rows[0]["holders"]) >= {"jeonbuk-jeonju", "jeonbuk-wanju", "ulsan"}
    regions = graph.sparql(
        "SELECT (COUNT(?r) AS ?n) WHERE { ?r a <https://w3id.org/rsg/ontology#Region> }"
    )
    assert int(regions.rows[0]["n"] or 0) > 10
    graph.close()


def test_views_draw_in_a_sandboxed_frame(graph: StrategyGraph, tmp_path: Path) -> None:
    view = graph.view("region", "jeonbuk-gimje", lang="en")
    assert isinstance(view, View)
    shown = view._repr_html_()
    assert shown.startswith('<iframe title="')
    assert 'sandbox="allow-scripts"' in shown
    assert "<script" not in shown  # the page travels escaped inside srcdoc
    view.save(str(tmp_path / "gimje.html"))
    assert "vis-network" in (tmp_path / "gimje.html").read_text("utf-8")
    with pytest.raises(ConfigError):
        graph.view("nothing")


def test_open_works_without_a_with_block(
    monkeypatch: pytest.MonkeyPatch, home: Path, built: BuildReport
) -> None:
    monkeypatch.setenv("RSG_HOME", str(home))
    opened = StrategyGraph.open()
    assert opened.table("region_portfolio", region="jeonbuk-gimje").rows
    opened.close()
    with StrategyGraph.open() as again:
        assert "region_portfolio" in again.queries()
