"""The review queue's file: filters and pages, the queue file of earlier versions taken in once,
a damaged or busy file refused with what to do, and adding a document that reads no other row."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.documents import review
from ingest.documents.document import ExtractedFact
from ingest.documents.review import Queue
from ontology.errors import StoreUnavailable, ValidationFailed


def _fact(n: int, confidence: float) -> ExtractedFact:
    return ExtractedFact(
        type="PURSUES",
        subject="Region:ulsan",
        object=f"Industry:sample-{n}",
        amount_krw=None,
        amount_text=None,
        date=None,
        evidence=f"근거 {n}",
        start=0,
        end=4,
        confidence=confidence,
    )


def _filled(home: Path) -> Queue:
    queue = Queue(home)
    assert queue.add("first", "/a.txt", None, [_fact(1, 0.95), _fact(2, 0.5)]) == 2
    assert queue.add("second", "/b.txt", None, [_fact(3, 0.9), _fact(4, 0.7), _fact(5, 0.2)]) == 3
    return queue


def test_filters_pages_and_counts(tmp_path: Path) -> None:
    queue = _filled(tmp_path)
    names = [i.fact.object for i in queue.items("pending")]
    assert names == [f"Industry:sample-{n}" for n in range(1, 6)]  # queue order
    assert queue.count("pending") == 5
    assert [i.fact.object[-1] for i in queue.items("pending", source="second")] == ["3", "4", "5"]
    assert [i.fact.object[-1] for i in queue.items(min_confidence=0.9)] == ["1", "3"]
    assert [i.fact.object[-1] for i in queue.items(below=0.7)] == ["2", "5"]
    assert queue.count(min_confidence=0.5, below=0.9) == 2  # 0.5 and 0.7: 0.9 is not below
    assert [i.fact.object[-1] for i in queue.items(limit=2, offset=1)] == ["2", "3"]
    assert queue.count("pending", source="second", min_confidence=0.7) == 2
    assert queue.sources("pending") == [("first", 2), ("second", 3)]
    assert queue.sources("pending", min_confidence=0.9) == [("first", 1), ("second", 1)]
    one = queue.items(source="first")[0]
    queue.reject(one.id)
    assert queue.count("pending") == 4
    assert queue.get(one.id).status == "rejected"
    assert queue.sources("rejected") == [("first", 1)]
    assert queue.add("first", "/a.txt", None, [_fact(1, 0.95)]) == 0  # known: left alone
    assert queue.get(one.id).status == "rejected"


def test_an_earlier_queue_file_is_taken_in_once(tmp_path: Path) -> None:
    earlier = _filled(tmp_path / "earlier")
    records = [i.model_dump() for i in earlier.items()]
    records[0]["status"] = "accepted"
    queue = Queue(tmp_path / "home")
    queue.dir.mkdir(parents=True)
    queue.legacy.write_text(json.dumps({"version": 1, "items": records}), encoding="utf-8")
    assert [i.status for i in queue.items()] == ["accepted"] + ["pending"] * 4
    assert not queue.legacy.exists()
    assert (queue.dir / "queue.json.imported").is_file()
    second = queue.items("pending")[0]
    queue.reject(second.id)
    # The same file put back again adds nothing and undoes no decision.
    queue.legacy.write_text(json.dumps({"version": 1, "items": records}), encoding="utf-8")
    assert queue.count() == 5
    assert queue.get(second.id).status == "rejected"


@pytest.mark.parametrize(
    ("write", "name"),
    [
        (lambda q: q.file.write_bytes(b"this is not a database" * 200), "queue.sqlite"),
        (lambda q: q.legacy.write_text("{not json", encoding="utf-8"), "queue.json"),
    ],
)
def test_a_damaged_queue_file_says_what_to_do(
    tmp_path: Path, write: Callable[[Queue], object], name: str
) -> None:
    queue = Queue(tmp_path)
    queue.dir.mkdir(parents=True)
    write(queue)
    with pytest.raises(ValidationFailed) as failed:
        queue.items()
    assert name in failed.value.message
    assert "damaged" in failed.value.message
    assert "move the file aside" in failed.value.hint


def test_a_queue_held_by_another_writer_gives_up_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue = _filled(tmp_path)
    monkeypatch.setattr(review, "BUSY_S", 0.2)
    holder = sqlite3.connect(queue.file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreUnavailable) as busy:
            queue.add("third", "/c.txt", None, [_fact(6, 0.9)])
        assert "stayed locked" in busy.value.message
        assert "try again" in busy.value.hint
        assert queue.count() == 5  # reading goes on beside the writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert queue.add("third", "/c.txt", None, [_fact(6, 0.9)]) == 1


def test_adding_a_document_reads_only_its_own_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost of queueing a document must not grow with the queue (bench: ``queue``)."""
    queue = _filled(tmp_path)
    queue.add("bulk", "/d.txt", None, [_fact(100 + n, 0.5) for n in range(300)])
    said: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        con = connect(*args, **kwargs)  # type: ignore[arg-type]
        con.set_trace_callback(said.append)
        return con

    monkeypatch.setattr(review.sqlite3, "connect", traced)
    assert queue.add("fourth", "/e.txt", None, [_fact(7, 0.9), _fact(8, 0.8)]) == 2
    reads = [s for s in said if s.lstrip().upper().startswith("SELECT")]
    assert reads, said
    one_row = re.compile(r"FROM items WHERE id = '[0-9a-f]{10}'$")
    assert all(one_row.search(s) for s in reads), reads
    assert sum("INSERT" in s for s in said) == 2
