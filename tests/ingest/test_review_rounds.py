"""Reviewing designation bids: a candidate that names a scheme is accepted onto its round with
the bid's fields, many decisions go in one file and one check, and all or none are written."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from api.cli.main import app
from ingest.documents.review import Queue
from ingest.graph.dataset import load_graph_data

ROOT = Path(__file__).resolve().parents[2]
NOTE = "포항시는 2024년 6월 기회발전특구로 지정됐다. 포항시는 이차전지 산업을 육성한다.\n"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("RSG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RSG_DATA_DIR", str(data))
    (tmp_path / "pohang-note.txt").write_text(NOTE, encoding="utf-8")
    done = CliRunner().invoke(app, ["ingest", str(tmp_path / "pohang-note.txt")])
    assert done.exit_code == 0, done.output
    return tmp_path


def _decide(workspace: Path, decisions: Mapping[str, object]) -> int:
    path = workspace / "decisions.yaml"
    path.write_text(yaml.safe_dump(decisions, allow_unicode=True), encoding="utf-8")
    return CliRunner().invoke(app, ["review", "--decisions", str(path)]).exit_code


def test_a_scheme_candidate_is_accepted_onto_its_round(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    holds = next(i for i in pending if i.fact.type == "HOLDS")
    assert holds.fact.object == "Designation:opportunity-development-zone"
    edits = {
        "object": "DesignationRound:odz-2024-1",
        "date": "2024-06-20",
        "bid": "odz-2024-1-test-pohang",
        "role": "battery materials",
        "role_ko": "이차전지 소재",
        "industries": "battery,battery-materials",
        "area_m2": "1000000",
        "area_text": "100만㎡",
    }
    others = [i.id for i in pending if i.id != holds.id]
    assert _decide(workspace, {"accept": [{"id": holds.id, "set": edits}], "reject": others}) == 0
    assert {i.status for i in queue.items()} == {"accepted", "rejected"}
    text = (workspace / "data" / "facts" / "pohang-note.yaml").read_text(encoding="utf-8")
    (fact,) = yaml.safe_load(text)["facts"]
    assert fact["to"] == "DesignationRound:odz-2024-1"
    assert fact["since"] == "2024-06-20"
    assert fact["industries"] == ["battery", "battery-materials"]
    assert fact["area_m2"] == 1_000_000
    graph = load_graph_data(workspace / "data")
    scheme = ("Designation", "opportunity-development-zone")
    rolled = [
        e
        for e in graph.edges
        if e.type == "HOLDS" and e.end == scheme and e.start == ("Region", "gyeongbuk-pohang")
    ]
    assert {e.props.get("round") for e in rolled} == {"odz-2024-1"}
    assert "battery-materials" in {
        e.end[1] for e in graph.edges if e.type == "PURSUES" and e.start[1] == "gyeongbuk-pohang"
    }


def test_a_bid_of_a_round_keeps_its_filing_date_and_outcome(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    holds = next(i for i in queue.items("pending") if i.fact.type == "HOLDS")
    edits = {
        "rel": "SEEKS",
        "object": "DesignationRound:odz-2024-1",
        "date": "2024-03-22",
        "outcome": "designated",
        "decided": "2024-06-20",
    }
    assert _decide(workspace, {"accept": [{"id": holds.id, "set": edits}]}) == 0
    text = (workspace / "data" / "facts" / "pohang-note.yaml").read_text(encoding="utf-8")
    (fact,) = yaml.safe_load(text)["facts"]
    assert (fact["rel"], fact["date"], fact["outcome"], fact["decided"]) == (
        "SEEKS",
        "2024-03-22",
        "designated",
        "2024-06-20",
    )
    assert "target_year" not in fact, "a bid for a round has its date, not a target year"


def test_all_decisions_or_none(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    good, bad = pending[0], pending[-1]
    assert good.id != bad.id
    decisions = {
        "accept": [
            {"id": good.id},
            {"id": bad.id, "set": {"object": "DesignationRound:no-such-round", "rel": "HOLDS"}},
        ]
    }
    assert _decide(workspace, decisions) == 3
    assert {i.status for i in queue.items()} == {"pending"}
    assert not (workspace / "data" / "facts" / "pohang-note.yaml").exists()
    assert _decide(workspace, {"accept": [{"id": good.id, "set": {"colour": "red"}}]}) == 2
