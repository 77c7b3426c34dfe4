"""Running the extraction pipeline on a short text of our own, for the extraction tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.documents.document import Extraction, Pipeline
from ingest.documents.reader import RawText

#: A fixed date to read a text on, so that no date rule depends on the day the test runs.
ON = date(2024, 5, 1)


def run_text(pipeline: Pipeline, raw: str, published: date | None = None) -> Extraction:
    """The extraction of ``raw`` read as a plain-text file, published on ``published`` when
    given (else on the date it states)."""
    return pipeline.run(RawText(Path("m.txt"), raw, "text"), published)[0]


def held_or_sought(pipeline: Pipeline, raw: str) -> set[tuple[str, str, str]]:
    """The HOLDS and SEEKS facts of ``raw`` as (type, subject, object)."""
    return {
        (f.type, f.subject, f.object)
        for f in run_text(pipeline, raw).facts
        if f.type in ("HOLDS", "SEEKS")
    }


def organizations(extraction: Extraction) -> list[tuple[str | None, str]]:
    """The organisations of an extraction as (id, text), in text order."""
    return [(e.id, e.text) for e in extraction.entities if e.type == "Organization"]


def investments(extraction: Extraction) -> set[tuple[str, int]]:
    """The INVESTS_IN facts of an extraction as (investor, amount in won; 0 when none)."""
    return {(f.subject, f.amount_krw or 0) for f in extraction.facts if f.type == "INVESTS_IN"}


def industries(pipeline: Pipeline, raw: str) -> list[str]:
    """The document industries of ``raw``, read on the fixed date ``ON``."""
    return run_text(pipeline, raw, ON).industries
