"""The review queue: ingest, accept into a copy of data/, reject, and the API's key check."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli.main import app
from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.documents.review import Queue
from ingest.graph.dataset import load_graph_data
from ontology.errors import ValidationFailed
from queries.store import GraphStore
from tests.ingest.workspace import ingested_copy

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "울산시는 수소 산업을 육성한다. 울산은 2026년 기회발전특구 지정을 목표로 한다.\n"
ARTICLE += "울산테크노파크가 센터 운영을 맡는다. 국비 600억원 등 총 1,200억원을 들여 센터를 짓는다."


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return ingested_copy(
        tmp_path, monkeypatch, ARTICLE, name="ulsan-memo.txt", published="2024-03-15"
    )


def _item(queue: Queue, kind: str) -> str:
    return next(i.id for i in queue.items("pending") if i.fact.type == kind)


def test_ingest_twice_queues_once(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    count = len(queue.items())
    assert count >= 4
    CliRunner().invoke(app, ["ingest", str(workspace / "ulsan-memo.txt")])
    assert len(queue.items()) == count


def test_the_list_shows_each_items_confidence(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.cli import output

    monkeypatch.setattr(output.out, "_width", 400)  # no column cut short
    queue = Queue(workspace / "home")
    result = CliRunner().invoke(app, ["review", "--list"])
    assert result.exit_code == 0, result.output
    assert "confidence" in result.stdout
    for item in queue.items("pending"):
        line = next(row for row in result.stdout.splitlines() if item.id in row)
        assert f"{item.fact.confidence:.2f}" in line


def test_accept_writes_a_valid_facts_file_and_reject_marks(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    seeks, pursues = _item(queue, "SEEKS"), _item(queue, "PURSUES")
    runner = CliRunner()
    result = runner.invoke(app, ["review", "--accept", seeks, "--accept", pursues])
    assert result.exit_code == 0, result.output
    facts_file = workspace / "data" / "facts" / "ulsan-memo.yaml"
    assert "rel: SEEKS" in facts_file.read_text(encoding="utf-8")
    graph = load_graph_data(workspace / "data")
    edge = next(
        e
        for e in graph.edges
        if e.type == "SEEKS"
        and e.start == ("Region", "ulsan")
        and not e.props.get("derived")
        and "ulsan-memo" in e.props["sources"]
    )
    assert edge.props["sources"] == ["ulsan-memo"]
    assert edge.props["evidence"]
    assert edge.props["target_year"] == "2026"
    event = (
        _item(queue, "HAS_TARGET")
        if any(i.fact.type == "HAS_TARGET" for i in queue.items("pending"))
        else _item(queue, "Initiative")
    )
    assert runner.invoke(app, ["review", "--reject", event]).exit_code == 0
    assert next(i for i in queue.items() if i.id == event).status == "rejected"
    assert runner.invoke(app, ["review", "--reject", event]).exit_code == 3  # already decided


def test_a_new_node_needs_an_id_and_nothing_is_written_without(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    budget = _item(queue, "Initiative")
    with pytest.raises(ValidationFailed, match="needs an id"):
        queue.accept(budget, workspace / "data")
    assert not (workspace / "data" / "facts" / "ulsan-memo.yaml").exists()
    edits = {"object_id": "ulsan-fuel-cell-centre", "object_name_en": "Ulsan fuel cell centre"}
    queue.accept(budget, workspace / "data", edits)
    graph = load_graph_data(workspace / "data")
    node = graph.nodes[("Initiative", "ulsan-fuel-cell-centre")]
    assert node.props["budget_krw"] == 120_000_000_000


def test_an_invalid_edit_is_rolled_back(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    seeks = _item(queue, "SEEKS")
    sources = (workspace / "data" / "sources.yaml").read_text(encoding="utf-8")
    with pytest.raises(ValidationFailed):
        queue.accept(seeks, workspace / "data", {"object": "Designation:no-such-thing"})
    assert (workspace / "data" / "sources.yaml").read_text(encoding="utf-8") == sources
    assert not (workspace / "data" / "facts" / "ulsan-memo.yaml").exists()
    assert next(i for i in queue.items() if i.id == seeks).status == "pending"


def test_api_review_routes_always_need_the_key(workspace: Path, store: GraphStore) -> None:
    queue = Queue(workspace / "home")
    pursues = _item(queue, "PURSUES")
    with TestClient(create_app(store, ApiSettings())) as client:
        denied = client.get("/review")
        assert denied.status_code == 403
        assert "RSG_API_KEY" in denied.json()["hint"]
    settings = ApiSettings(api_key=SecretStr("s3cret"))
    with TestClient(create_app(store, settings)) as client:
        assert client.get("/review").status_code == 401
        assert client.get("/review", headers={"X-API-Key": "wrong"}).status_code == 401
        listed = client.get("/review", headers={"X-API-Key": "s3cret"})
        assert listed.status_code == 200
        assert any(i["id"] == pursues for i in listed.json())
        done = client.post(f"/review/{pursues}/accept", headers={"X-API-Key": "s3cret"})
        assert done.status_code == 200
        assert done.json()["status"] == "accepted"
        missing = client.post("/review/nope/reject", headers={"X-API-Key": "s3cret"})
        assert missing.status_code == 404


def test_accept_all_takes_what_the_filters_choose_and_leaves_new_nodes(workspace: Path) -> None:
    from ingest.documents.review import needs_ids

    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    new = {i.id for i in pending if needs_ids(i)}
    assert new, "the memo names an initiative new to the graph"
    budget = next(i for i in pending if i.fact.type == "Initiative")
    assert needs_ids(budget) == ["object"]
    assert needs_ids(budget, {"object_id": "x"}) == ["object"]  # the English name too
    assert needs_ids(budget, {"object_id": "x", "object_name_en": "X"}) == []
    high = {i.id for i in pending if i.fact.confidence >= 0.8} - new
    result = CliRunner().invoke(app, ["review", "--accept-all", "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    assert {i.id for i in queue.items("accepted")} == high
    if {i.id for i in pending if i.fact.confidence >= 0.8} & new:
        assert "left pending" in result.stderr
    result = CliRunner().invoke(app, ["review", "--accept-all"])
    assert result.exit_code == 0, result.output
    assert {i.id for i in queue.items("pending")} == new
    assert "left pending" in result.stderr
    again = CliRunner().invoke(app, ["review", "--accept-all", "--source", "no-such-source"])
    assert again.exit_code == 0
    assert "nothing to decide" in again.stderr
    load_graph_data(workspace / "data")  # what was written passes the loader


def test_the_list_shows_a_page_and_says_when_nothing_matches(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.cli import output

    monkeypatch.setattr(output.out, "_width", 400)
    queue = Queue(workspace / "home")
    total = queue.count("pending")
    first = queue.items("pending")[0]
    result = CliRunner().invoke(app, ["review", "--list", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert f"1 of {total} pending; --limit 0 shows all" in result.stdout
    assert first.id in result.stdout
    assert all(i.id not in result.stdout for i in queue.items("pending")[1:])
    result = CliRunner().invoke(app, ["review", "--list", "--source", "no-such-source"])
    assert result.exit_code == 0
    assert "nothing pending" in result.stderr
    result = CliRunner().invoke(app, ["review", "--list", "--limit", str(2**64)])
    assert result.exit_code != 0
    assert "limit 18446744073709551616 is out of range" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["review", "--list", "--min-confidence", "1.5"])
    assert result.exit_code == 2  # out of range: refused with the option's name
    assert "min-confidence" in result.output


def test_reject_all_takes_the_band_below_a_confidence(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    low = {i.id for i in pending if i.fact.confidence < 0.7}
    assert 0 < len(low) < len(pending), "the memo has candidates on both sides of 0.7"
    both = CliRunner().invoke(app, ["review", "--accept-all", "--reject-all"])
    assert both.exit_code == 2
    assert "--accept-all/--reject-all" in both.output
    assert queue.count("pending") == len(pending)
    result = CliRunner().invoke(app, ["review", "--reject-all", "--below", "0.7"])
    assert result.exit_code == 0, result.output
    assert {i.id for i in queue.items("rejected")} == low  # new nodes too: nothing is written
    assert f"0 accepted, {len(low)} rejected" in result.stderr
    assert not (workspace / "data" / "facts" / "ulsan-memo.yaml").exists()
    assert queue.count("pending", below=0.7) == 0
