"""Extraction: documents per second of the whole pipeline vs Kiwi tokenisation alone.

The baseline is honest by construction: it is the pipeline's own ``Tokenizer`` (the same Kiwi
instance, configuration and user dictionary of gazetteer names) tokenising the same texts.
Both sides get one untimed warm-up pass over every text (Kiwi's model, regex and lookup
caches), then the rounds alternate the two sides, so that a neighbour's burst of load on the
shared machine hits both alike; each side keeps its fastest round, and the median of the
per-round ratios is reported beside the ratio of the fastest rounds.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.articles import Articles
from bench.machine import timed

#: Timed rounds per side: enough for a quiet round on a busy two-core machine.
ROUNDS = 9


def extract_speed(count: int, rounds: int = ROUNDS, folder: Path | None = None) -> dict[str, Any]:
    """The ratio on ``count`` synthetic articles, or on the texts of ``folder`` (real news,
    with their furniture: ``python -c "from bench.extractbench import extract_speed; ..."``)."""
    from ingest.documents.document import Pipeline
    from ingest.documents.reader import collect, read

    if folder is not None:
        raws = [read(path) for path in collect([folder])]
        count = len(raws)
    else:
        with tempfile.TemporaryDirectory(prefix="rsgb-articles-") as tmp:
            paths = Articles().write(Path(tmp), count)
            raws = [read(path) for path in paths]
    pipeline = Pipeline.load()
    tokenizer = pipeline.tokenizer

    def kiwi_only() -> int:
        return sum(len(tokenizer.tokenize(raw.text)) for raw in raws)

    def whole() -> int:
        return sum(len(pipeline.run(raw)[1]) for raw in raws)

    tokens, facts = kiwi_only(), whole()  # warm-up, untimed, on both sides
    kiwi_s, pipeline_s, ratios = _alternate(kiwi_only, whole, rounds)
    chars = sum(len(raw.text) for raw in raws)
    return {
        "documents": count,
        "characters": chars,
        "kiwi_tokens": tokens,
        "candidate_facts": facts,
        "rounds": rounds,
        "kiwi_docs_per_s": round(count / kiwi_s, 1),
        "pipeline_docs_per_s": round(count / pipeline_s, 1),
        "ratio": round(kiwi_s / pipeline_s, 2),
        "ratio_median": round(statistics.median(ratios), 2),
        "target": ">= 0.6",
    }


def long_document(count: int, rounds: int = 3) -> dict[str, Any]:
    """One document made of ``count`` synthetic articles (a long report) against the same
    articles read one by one: the whole pipeline should cost about the same per character.
    Rounds alternate the two sides; each keeps its fastest round."""
    from ingest.documents.document import Pipeline
    from ingest.documents.reader import read

    with tempfile.TemporaryDirectory(prefix="rsgb-long-") as tmp:
        paths = Articles().write(Path(tmp) / "parts", count)
        parts = [read(path) for path in paths]
        whole_path = Path(tmp) / "report.txt"
        whole_path.write_text("\n\n".join(raw.text for raw in parts), encoding="utf-8")
        whole = read(whole_path)
    pipeline = Pipeline.load()

    def one_by_one() -> int:
        return sum(len(pipeline.run(raw)[1]) for raw in parts)

    def as_one() -> int:
        return len(pipeline.run(whole)[1])

    facts_parts, facts_whole = one_by_one(), as_one()  # warm-up, untimed
    parts_s, whole_s, _ = _alternate(one_by_one, as_one, rounds)
    return {
        "articles": count,
        "characters": len(whole.text),
        "parts_s": round(parts_s, 2),
        "whole_s": round(whole_s, 2),
        "facts_parts": facts_parts,
        "facts_whole": facts_whole,
        "ratio": round(whole_s / parts_s, 2),
        "target": "<= 1.5",
    }


def _alternate(
    first: Callable[[], int], second: Callable[[], int], rounds: int
) -> tuple[float, float, list[float]]:
    """Fastest seconds of each side and the per-round ratios first/second, order alternating."""
    best_a = best_b = float("inf")
    ratios: list[float] = []
    for n in range(rounds):
        if n % 2:
            b, a = timed(second)[1], timed(first)[1]
        else:
            a, b = timed(first)[1], timed(second)[1]
        best_a, best_b = min(best_a, a), min(best_b, b)
        ratios.append(a / b)
    return best_a, best_b, ratios
