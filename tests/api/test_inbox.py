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
    """Such entries come from an earlier version's queue file, taken in when the queue opens."""
    queue = Queue(workspace / "home")
    old = [i.model_dump(exclude={"paragraph", "evidence_at"}) for i in queue.items()]
    for made in queue.dir.glob("queue.sqlite*"):
        made.unlink()
    queue.legacy.write_text(json.dumps({"version": 1, "items": old}, ensure_ascii=False), "utf-8")
    items = queue.items("pending")
    assert items
    assert all(i.paragraph is None and i.evidence_at is None for i in items)
    client = TestClient(create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY))))
    page = client.get("/inbox", headers={"X-API-Key": KEY})
    assert '"paragraph":null' in page.text
    assert f'"sentence":"{items[0].fact.sentence}"' in page.text


def test_the_inbox_shows_a_page_of_documents_and_keeps_its_filters(workspace: Path) -> None:
    from api.web.routers.inbox import PAGE_DOCUMENTS
    from tests.ingest.test_review_queue import _fact

    queue = Queue(workspace / "home")
    for n in range(PAGE_DOCUMENTS + 5):
        queue.add(f"doc-{n:02d}", f"/doc-{n:02d}.txt", None, [_fact(n, 0.95 if n % 2 else 0.4)])
    documents = PAGE_DOCUMENTS + 6  # with the memo ingested first
    client = TestClient(create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY))))
    head = {"X-API-Key": KEY}

    def shown(url: str) -> tuple[dict[str, object], list[str]]:
        page = client.get(url, headers=head)
        assert page.status_code == 200, page.text
        data = page.text.split('id="rsg-data">', 1)[1].split("</script>", 1)[0]
        payload = json.loads(data)
        return payload["shown"], [g["source"] for g in payload["groups"]]

    first, sources = shown("/inbox")
    assert (first["page"], first["pages"], first["documents"]) == (1, 2, documents)
    assert sources[0] == "memo"
    assert len(sources) == PAGE_DOCUMENTS
    _second, sources = shown("/inbox?page=2")
    assert sources == [f"doc-{n:02d}" for n in range(PAGE_DOCUMENTS - 1, PAGE_DOCUMENTS + 5)]
    sure, sources = shown("/inbox?min_confidence=0.9")
    assert sure["documents"] == sure["candidates"] == (PAGE_DOCUMENTS + 5) // 2
    assert all(int(s[-2:]) % 2 for s in sources)
    one, sources = shown("/inbox?source=doc-03")
    assert (one["documents"], sources) == (1, ["doc-03"])
    past, sources = shown("/inbox?page=9")
    assert sources == []
    assert past["candidates"] == first["candidates"]
    assert client.get("/inbox?page=0", headers=head).status_code == 422
    assert client.get("/inbox?min_confidence=1.5", headers=head).status_code == 422


def test_the_review_route_gives_a_page_and_the_total(workspace: Path) -> None:
    from tests.ingest.test_review_queue import _fact

    queue = Queue(workspace / "home")
    queue.add("doc-a", "/doc-a.txt", None, [_fact(n, 0.9) for n in range(7)])
    total = queue.count("pending")
    client = TestClient(create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY))))
    head = {"X-API-Key": KEY}
    page = client.get("/review?limit=3&offset=2", headers=head)
    assert page.status_code == 200
    assert page.headers["X-Total-Count"] == str(total)
    assert [i["id"] for i in page.json()] == [i.id for i in queue.items("pending")[2:5]]
    only = client.get("/review?source=doc-a&min_confidence=0.9", headers=head)
    assert only.headers["X-Total-Count"] == "7"
    assert client.get("/review?limit=0", headers=head).status_code == 422
    # past 64 bits the queue's file cannot take the offset: a 422, not a server error
    assert client.get(f"/review?offset={2**64}", headers=head).status_code == 422
    assert client.get(f"/review?offset={2**63 - 1}", headers=head).json() == []
