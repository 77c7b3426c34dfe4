"""Extraction: documents per second of the whole pipeline vs Kiwi tokenisation alone."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bench.articles import Articles
from bench.machine import best_of


def extract_speed(count: int, repeat: int = 2) -> dict[str, Any]:
    from ingest.document import Pipeline
    from ingest.reader import read

    with tempfile.TemporaryDirectory(prefix="rsgb-articles-") as tmp:
        paths = Articles().write(Path(tmp), count)
        raws = [read(path) for path in paths]
    pipeline = Pipeline.load()
    pipeline.run(raws[0])  # loads Kiwi's model once, outside the timing
    tokenizer = pipeline.tokenizer

    def kiwi_only() -> int:
        return sum(len(tokenizer.tokenize(raw.text)) for raw in raws)

    def whole() -> int:
        return sum(len(pipeline.run(raw)[1]) for raw in raws)

    tokens, kiwi_s = best_of(kiwi_only, repeat)
    facts, pipeline_s = best_of(whole, repeat)
    chars = sum(len(raw.text) for raw in raws)
    return {
        "documents": count,
        "characters": chars,
        "kiwi_tokens": tokens,
        "candidate_facts": facts,
        "kiwi_docs_per_s": round(count / kiwi_s, 1),
        "pipeline_docs_per_s": round(count / pipeline_s, 1),
        "ratio": round(kiwi_s / pipeline_s, 2),
        "target": ">= 0.6",
    }
