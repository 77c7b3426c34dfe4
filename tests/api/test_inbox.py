"""The inbox over HTTP: without a key configured it shows no queue and refuses decisions;
with the key, unknown edit fields are refused and a batch is accepted through the queue.
Each candidate keeps the paragraph its evidence lies in, with the evidence's offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.documents.review import Queue, paragraph_of
from tests.ingest.test_review import ARTICLE
from tests.ingest.workspace import ingested_copy

KEY = "inbox-key"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return ingested_copy(tmp_path, monkeypatch, ARTICLE)


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


MEMO = ARTICLE.replace("\n", "\n\n")  # two paragraphs


def test_each_candidate_keeps_its_paragraph_and_the_evidence_offsets_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingested_copy(tmp_path, monkeypatch, MEMO)
    first, second = (p.strip() for p in MEMO.split("\n\n"))
    items = Queue(tmp_path / "home").items("pending")
    assert {i.paragraph for i in items} == {first, second}
    for item in items:
        assert item.paragraph is not None
        assert item.evidence_at is not None
        start, end = item.evidence_at
        assert item.paragraph[start:end] == item.fact.evidence
        assert MEMO[item.fact.start : item.fact.end] == item.fact.evidence
        assert MEMO.index(item.paragraph) + start == item.fact.start
    investment = next(i for i in items if i.fact.amount_krw)
    assert investment.paragraph == second
    client = TestClient(create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY))))
    page = client.get("/inbox", headers={"X-API-Key": KEY})
    start, end = investment.evidence_at or (-1, -1)
    assert f'"evidence_at":[{start},{end}]' in page.text


def test_paragraphs_end_at_blank_lines_or_lines_when_too_long() -> None:
    text = "머리말\n\n  첫째 줄\r\n둘째 줄의 근거\n\n끝"
    start = text.index("근거")
    body, at, end = paragraph_of(text, start, start + 2) or ("", 0, 0)
    assert body == "첫째 줄  둘째 줄의 근거"
    assert body[at:end] == "근거"
    long = "\n".join(f"{n}번째 줄입니다" * 20 for n in range(20))
    start = long.index("7번째")
    body, at, end = paragraph_of(long, start, start + 3) or ("", 0, 0)
    assert body == "7번째 줄입니다" * 20
    assert (at, end) == (0, 3)
    assert paragraph_of(text, 5, 99) is None


def test_an_entry_queued_before_paragraphs_shows_its_sentence(workspace: Path) -> None:
    queue = Queue(workspace / "home")
    old = json.loads(queue.file.read_text(encoding="utf-8"))
    for item in old["items"]:
        item.pop("paragraph", None)
        item.pop("evidence_at", None)
    queue.file.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    items = queue.items("pending")
    assert items
    assert all(i.paragraph is None and i.evidence_at is None for i in items)
    client = TestClient(create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY))))
    page = client.get("/inbox", headers={"X-API-Key": KEY})
    assert '"paragraph":null' in page.text
    assert f'"sentence":"{items[0].fact.sentence}"' in page.text
