"""The review queue at scale: what adding a document and listing a page cost in a queue that
already holds ``size`` candidates, against the same work in a queue that holds almost none.

Both queues get the candidates of the same synthetic articles (``bench.articles``), extracted
once before anything is timed. A ratio near 1 means the cost does not grow with the queue. The
queue of the first version (one JSON file, read and written whole for every document) took 8.3 s
to add 20 documents at 6,000 candidates, 0.07 s now. The inbox page (the documents of its first
page and their candidates) is reported in milliseconds beside them: it counts the documents of
the whole queue, so it grows with it, slowly.

    python -c "from bench.queuebench import queue_speed; print(queue_speed(20_000))"
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench.articles import Articles
from bench.machine import timed

#: A queue of this many candidates or fewer is the baseline side.
TARGET = "<= 1.5"
#: Documents added per timed round, and candidates per filler document.
DOCUMENTS = 20
FILLER = 100


def queue_speed(size: int, rounds: int = 5) -> dict[str, Any]:
    """Adding ``DOCUMENTS`` documents and listing a page, at ``size`` candidates and near 0."""
    from ingest.documents.document import ExtractedFact, Pipeline
    from ingest.documents.reader import read
    from ingest.documents.review import Queue

    pipeline = Pipeline.load()
    with tempfile.TemporaryDirectory(prefix="rsgb-queue-") as tmp:
        root = Path(tmp)
        paths = Articles().write(root / "articles", DOCUMENTS)
        extracted: list[tuple[str, list[ExtractedFact]]] = []
        for path in paths:
            raw = read(path)
            extracted.append((raw.text, pipeline.run(raw)[1]))
        small, large = Queue(root / "small"), Queue(root / "large")
        _fill(large, size, extracted)
        _fill(small, 1, extracted)

        def add(queue: Queue, label: str) -> Callable[[], object]:
            def work() -> int:
                return sum(
                    queue.add(f"{label}-{n}", f"/{label}-{n}.txt", None, facts, text=text)
                    for n, (text, facts) in enumerate(extracted)
                )

            return work

        add_s = {"small": float("inf"), "large": float("inf")}
        page_s = dict(add_s)
        for r in range(rounds):
            for name, queue in (("small", small), ("large", large)):
                add_s[name] = min(add_s[name], _seconds(add(queue, f"{name}-{r}")))
                page = partial(queue.items, "pending", limit=50)
                page_s[name] = min(page_s[name], _seconds(page))
        inbox_s = min(_seconds(lambda: _inbox_page(large)) for _ in range(rounds))
        candidates = large.count()
    return {
        "candidates": candidates,
        "documents_added": DOCUMENTS,
        "rounds": rounds,
        "add_small_s": round(add_s["small"], 4),
        "add_large_s": round(add_s["large"], 4),
        "add_ratio": round(add_s["large"] / add_s["small"], 2),
        "page_small_ms": round(page_s["small"] * 1000, 2),
        "page_large_ms": round(page_s["large"] * 1000, 2),
        "page_ratio": round(page_s["large"] / page_s["small"], 2),
        "inbox_page_ms": round(inbox_s * 1000, 1),
        "target": TARGET,
    }


def _fill(queue: Any, size: int, extracted: list[tuple[str, list[Any]]]) -> None:
    """Candidates of the articles under made-up documents until the queue holds ``size``."""
    facts = [fact for _, found in extracted for fact in found]
    held, n = queue.count(), 0
    while held < size:
        batch = [
            facts[k % len(facts)].model_copy(
                update={"object": f"{facts[k % len(facts)].object}-{n}-{k}"}
            )
            for k in range(min(FILLER, size - held))
        ]
        held += queue.add(f"filler-{n}", f"/filler-{n}.txt", None, batch)
        n += 1


def _inbox_page(queue: Any) -> int:
    """The work of the inbox's first page: its documents and their candidates."""
    from api.web.routers.inbox import page_of
    from visual.inbox import Shown

    return len(page_of(queue, Shown())[0])


def _seconds(work: Callable[[], object]) -> float:
    return timed(work)[1]
