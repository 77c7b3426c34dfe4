"""New organisation names go to the review queue; accepting one adds it to the gazetteer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from api.cli.main import app
from ingest.documents.document import Pipeline
from ingest.documents.proposal import NEW_ORGANIZATION
from ingest.documents.reader import RawText
from ingest.documents.review import Queue
from ingest.graph.dataset import load_graph_data
from ontology.errors import ValidationFailed

ROOT = Path(__file__).resolve().parents[2]
# A made-up company, and a company the gazetteer knows but the graph does not.
MEMO = "울산시는 수소 산업을 키운다. 바람결에너지는 울산에 500억원을 투자한다.\n"
MEMO += "에코프로비엠은 울산에 300억원을 투자한다."


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("RSG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RSG_DATA_DIR", str(data))
    (tmp_path / "ulsan-wind.txt").write_text(MEMO, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "ulsan-wind.txt")])
    assert result.exit_code == 0, result.output
    return tmp_path


def _pending(queue: Queue, kind: str, subject: str) -> str:
    return next(
        i.id for i in queue.items("pending") if i.fact.type == kind and i.fact.subject == subject
    )


def test_a_new_name_is_proposed_and_accepting_it_fills_the_gazetteer(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    data = workspace / "data"
    item = _pending(queue, NEW_ORGANIZATION, "Organization:바람결에너지")
    with pytest.raises(ValidationFailed, match="needs an id"):
        queue.accept(item, data)
    edits = {"subject_id": "baramgyeol-energy", "subject_name_en": "Baramgyeol Energy"}
    queue.accept(item, data, edits)
    entries = yaml.safe_load((data / "gazetteer" / "organizations.yaml").read_text("utf-8"))
    added = next(e for e in entries["organizations"] if e["id"] == "baramgyeol-energy")
    assert (added["name_ko"], added["kind"]) == ("바람결에너지", "company")
    # The next extraction with this data folder links the name.
    pipeline = Pipeline.load(data)
    extraction, _ = pipeline.run(RawText(Path("m.txt"), "바람결에너지가 공장을 짓는다.", "text"))
    assert [(e.id, e.text) for e in extraction.entities if e.type == "Organization"] == [
        ("baramgyeol-energy", "바람결에너지")
    ]


def test_accepting_a_known_id_adds_the_name_as_an_alias(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    data = workspace / "data"
    item = _pending(queue, NEW_ORGANIZATION, "Organization:바람결에너지")
    queue.accept(item, data, {"subject_id": "ecopro-bm"})
    entries = yaml.safe_load((data / "gazetteer" / "organizations.yaml").read_text("utf-8"))
    entry = next(e for e in entries["organizations"] if e["id"] == "ecopro-bm")
    assert "바람결에너지" in entry["aliases"]


def test_a_fact_about_a_gazetteer_organisation_adds_its_graph_node(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    data = workspace / "data"
    item = _pending(queue, "INVESTS_IN", "Organization:ecopro-bm")
    queue.accept(item, data)
    graph = load_graph_data(data)
    assert graph.nodes[("Organization", "ecopro-bm")].props["name_ko"] == "에코프로비엠"


def test_a_funding_line_names_the_city_government_and_accepting_adds_it(
    workspace: Path,
) -> None:
    memo = workspace / "sangju-memo.txt"
    memo.write_text("상주시는 이차전지 실증센터를 짓는다. 이 가운데 시비는 50억원이다.\n", "utf-8")
    assert CliRunner().invoke(app, ["ingest", str(memo)]).exit_code == 0
    queue = Queue(workspace / "home")
    data = workspace / "data"
    line = next(
        i
        for i in queue.items("pending")
        if i.fact.type == "FUNDED_BY" and i.fact.object == "Organization:gov-gyeongbuk-sangju"
    )
    edits = {"subject_id": "sangju-battery-test-centre", "subject_name_en": "Battery test centre"}
    queue.accept(line.id, data, edits)
    node = load_graph_data(data).nodes[("Organization", "gov-gyeongbuk-sangju")]
    assert node.props["name_ko"] == "상주시청"
