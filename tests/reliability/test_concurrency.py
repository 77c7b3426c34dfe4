"""Concurrent writes through the API: review accepts sent at the same moment over real HTTP
(uvicorn) each reach the facts file exactly once, or are refused (issue 15, item 4); processes
adding to the review queue at once lose nothing."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
import yaml
from pydantic import SecretStr

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.documents.review import Queue
from queries.falkor_backend import FalkorStore
from tests.ingest.workspace import ingested_copy
from tests.reliability.livehttp import serving
from tests.reliability.tally import figure

ROOT = Path(__file__).resolve().parents[2]
KEY = "k-" + "c" * 30
#: Short sentences of our own, one regional industry each: ten review candidates.
ARTICLE = (
    "울산시는 수소 산업을 육성한다. 전주시는 탄소 소재 산업을 육성한다. "
    "구미시는 이차전지 산업을 육성한다.\n김제시는 드론 산업을 육성한다. "
    "군산시는 수소 산업을 육성한다. 포항시는 이차전지 산업을 육성한다.\n"
    "익산시는 식품 산업을 육성한다. 창원시는 방위 산업을 육성한다. "
    "청주시는 이차전지 산업을 육성한다.\n전북은 드론 산업을 육성한다. "
    "경북은 수소 산업을 육성한다. 새만금은 이차전지 산업을 육성한다.\n"
)
WRITERS = 8


@pytest.fixture
def review_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: FalkorStore
) -> Iterator[tuple[str, Queue, Path]]:
    ingested_copy(tmp_path, monkeypatch, ARTICLE, published="2024-03-15")
    data = tmp_path / "data"
    queue = Queue(tmp_path / "home")
    settings = ApiSettings(api_key=SecretStr(KEY), cors_origins=[])
    with serving(create_app(store=store, settings=settings)) as base:
        yield base, queue, data / "facts" / "memo.yaml"


def _at_once(base: str, paths: list[str]) -> list[int]:
    """POST every path at the same moment, one thread each; their statuses in order."""
    statuses = [0] * len(paths)
    start = threading.Barrier(len(paths))

    def post(index: int, path: str) -> None:
        with httpx2.Client(base_url=base, timeout=120, headers={"X-API-Key": KEY}) as client:
            start.wait()
            statuses[index] = client.post(path).status_code

    threads = [threading.Thread(target=post, args=(i, p)) for i, p in enumerate(paths)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    return statuses


def _facts(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        return []
    return list(yaml.safe_load(path.read_text(encoding="utf-8")).get("facts") or [])


def test_concurrent_accepts_of_different_items_keep_every_fact(
    review_api: tuple[str, Queue, Path],
) -> None:
    base, queue, facts_file = review_api
    pending = [item.id for item in queue.items("pending")][:WRITERS]
    assert len(pending) == WRITERS
    statuses = _at_once(base, [f"/review/{item_id}/accept" for item_id in pending])
    facts = _facts(facts_file)
    figure("review: accepted facts lost (8 concurrent accepts)", statuses.count(200) - len(facts))
    assert statuses == [200] * WRITERS
    assert len(facts) == WRITERS, f"{len(facts)} of {WRITERS} accepted facts reached the file"
    assert {item.status for item in queue.items() if item.id in pending} == {"accepted"}


def test_concurrent_accepts_of_one_item_write_it_once(
    review_api: tuple[str, Queue, Path],
) -> None:
    base, queue, facts_file = review_api
    item_id = queue.items("pending")[0].id
    statuses = _at_once(base, [f"/review/{item_id}/accept"] * WRITERS)
    facts = _facts(facts_file)
    figure("review: one fact written more than once (8 concurrent accepts)", len(facts) - 1)
    assert sorted(statuses) == [200] + [422] * (WRITERS - 1), statuses
    assert len(facts) == 1, f"the fact was written {len(facts)} times"


def _adder(home: str, label: str, documents: int, go: Any) -> None:
    from tests.ingest.test_review_queue import _fact

    queue = Queue(Path(home))
    go.wait()
    for n in range(documents):
        queue.add(f"{label}-{n}", f"/{label}-{n}.txt", None, [_fact(k, 0.9) for k in range(5)])


def test_processes_adding_at_once_lose_no_candidate(tmp_path: Path) -> None:
    """Four processes (four ``rsg ingest`` runs) add 30 documents each to one queue at once,
    while this one reads it: every candidate is there once, and every read saw whole rows."""
    context = multiprocessing.get_context("fork")
    go = context.Barrier(5)
    adders = [
        context.Process(target=_adder, args=(str(tmp_path), f"run{w}", 30, go)) for w in range(4)
    ]
    for adder in adders:
        adder.start()
    queue = Queue(tmp_path)
    go.wait()
    seen = 0
    while any(adder.is_alive() for adder in adders):
        counted = queue.count()
        assert counted % 5 == 0  # a document's candidates come in one transaction, all or none
        seen = max(seen, counted)
    for adder in adders:
        adder.join(60)
        assert adder.exitcode == 0
    assert queue.count() == 4 * 30 * 5
    assert len({i.id for i in queue.items()}) == 4 * 30 * 5
    assert queue.sources() == [(s, 5) for s, _ in queue.sources()]
