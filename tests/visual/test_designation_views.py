"""The designation views on the bundled graph: a round with its winners and losers, a
region's designation timeline, and competition marked only between rivals."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ingest.graph.build import BuildReport
from ontology.errors import NotFound
from queries.falkor_backend import FalkorStore
from tests.api.test_cli import rsg
from visual import views


@pytest.fixture(scope="module")
def seed(store: FalkorStore, built: BuildReport) -> FalkorStore:
    return store


def test_round_view_marks_winners_and_losers(seed: FalkorStore) -> None:
    graph = views.designation_round(seed, "nsic-2023-battery")
    marks = {n.id: n.mark for n in graph.nodes.values()}
    assert marks["nsic-2023-battery"] == "focus"
    # 2023 battery complexes: Pohang, Ulsan, Cheongju (Ochang) and Saemangeum (Gunsan) won,
    # Sangju did not.
    for won in ("gyeongbuk-pohang", "ulsan", "chungbuk-cheongju", "jeonbuk-gunsan"):
        assert marks[won] == "won", won
    assert marks["gyeongbuk-sangju"] == "lost"
    assert "national-strategic-industry-complex" in marks  # the scheme
    assert "battery" in marks  # the industry the round covers
    assert graph.title_ko.endswith("선정 결과")
    assert "탈락 2곳" in graph.note_ko  # Sangju and its site
    with pytest.raises(NotFound):
        views.designation_round(seed, "no-such-round")


def test_region_designations_mark_rounds_by_outcome(seed: FalkorStore) -> None:
    graph = views.region_designations(seed, "jeonbuk")
    rounds = {n.id: n.mark for n in graph.nodes.values() if n.label == "DesignationRound"}
    assert rounds["nsic-2023-battery"] == "won"  # through Gunsan and Saemangeum
    assert rounds["hpc-2019"] == "won"  # Jeonju and Wanju
    assert rounds["nsic-2024-bio"] == "lost"
    assert rounds["dic-2026"] == "pending"
    former = [n for n in graph.nodes.values() if n.label == "FormerName"]
    assert [n.name_ko for n in former] == ["전라북도"]
    focus = graph.by_id("jeonbuk", "Region")
    assert focus is not None
    assert focus.mark == "focus"


def test_competing_only_between_rivals(seed: FalkorStore) -> None:
    nested = views.overlap(seed, ["jeonbuk", "saemangeum"])
    assert "competing" not in {n.mark for n in nested.nodes.values()}, "its own area"
    partners = views.overlap(seed, ["jeonbuk-jeonju", "jeonbuk-wanju"])
    hpc = partners.by_id("hpc-2019", "DesignationRound")
    assert hpc is not None
    assert hpc.mark != "competing", "joint holders of one bid"
    rivals = views.overlap(seed, ["daejeon", "gyeongbuk-gumi"])
    dic = rivals.by_id("dic-2022", "DesignationRound")
    assert dic is not None
    assert dic.mark == "competing", "Daejeon won the round Gumi lost"


@pytest.mark.parametrize("url", ["/views/round/nsic-2023-battery", "/views/designations/jeonbuk"])
def test_designation_views_over_http(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    picture = client.get(url, params={"format": "svg"})
    assert picture.status_code == 200
    assert picture.headers["content-type"].startswith("image/svg+xml")
    assert client.get("/views/round/nowhere").status_code == 404


def test_designation_views_from_the_cli(home: Path, built: BuildReport, tmp_path: Path) -> None:
    out = tmp_path / "round.html"
    done = rsg(home, "view", "round", "hpc-2019", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "2019년 수소시범도시" in out.read_text(encoding="utf-8")
    out = tmp_path / "jeonbuk.svg"
    done = rsg(home, "view", "designations", "jeonbuk", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").lstrip().startswith("<")
