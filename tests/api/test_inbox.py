"""The inbox over HTTP: without a key configured it shows no queue and refuses decisions;
with the key, unknown edit fields are refused and a batch is accepted through the queue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli.main import app as cli
from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.documents.review import Queue
from tests.ingest.test_review import ARTICLE, ROOT

KEY = "inbox-key"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("RSG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RSG_DATA_DIR", str(data))
    (tmp_path / "memo.txt").write_text(ARTICLE, encoding="utf-8")
    done = CliRunner().invoke(cli, ["ingest", str(tmp_path / "memo.txt")])
    assert done.exit_code == 0, done.output
    return tmp_path


def test_without_a_key_the_inbox_is_read_only(workspace: Path) -> None:
    client = TestClient(create_app(store=None, settings=ApiSettings()))
    page = client.get("/inbox")
    assert page.status_code == 200
    assert '"writable":false' in page.text
    assert "ulsan" not in page.text  # the queue is not shown without a key
    assert client.post("/inbox/decide", json={"reject": []}).status_code == 403


def test_batch_decisions_go_through_the_queue(workspace: Path) -> None:
    client = TestClient(create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY))))
    head = {"X-API-Key": KEY}
    queue = Queue(workspace / "home")
    pending = queue.items("pending")
    pursues = next(i for i in pending if i.fact.type == "PURSUES")
    seeks = next(i for i in pending if i.fact.type == "SEEKS")
    bad = client.post(
        "/inbox/decide", json={"accept": [{"id": pursues.id, "edits": {"colour": "x"}}]},
        headers=head,
    )  # fmt: skip
    assert bad.status_code == 422
    page = client.get("/inbox", headers=head)
    assert pursues.fact.evidence in page.text
    done = client.post(
        "/inbox/decide",
        json={"accept": [{"id": pursues.id, "edits": {}}], "reject": [seeks.id]},
        headers=head,
    )
    assert done.status_code == 200, done.text
    assert done.json() == {"accepted": [pursues.id], "rejected": [seeks.id]}
    facts = (workspace / "data" / "facts" / "memo.yaml").read_text("utf-8")
    assert "rel: PURSUES" in facts
    assert "rel: SEEKS" not in facts
    again = client.post("/inbox/decide", json={"reject": [seeks.id]}, headers=head)
    assert again.status_code == 422
