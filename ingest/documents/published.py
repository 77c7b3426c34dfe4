"""The publication date of a document, which relative dates ("올해 8월") are resolved against.

Looked up in order: a ``manifest.yaml`` beside the file (the corpus convention), the
``sources.yaml`` entry naming the file, the page's own metadata (HTML), and a full date near
the top or bottom of the text (a page header such as "2025년 6월 11일 수요일").
A year alone is read as the last day of that year.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ingest.documents.listing import entries
from ingest.documents.reader import RawText

_FULL = re.compile(
    r"(?<!\d)(20\d{2})\s?(?:년|[.\-/])\s?(\d{1,2})\s?(?:월|[.\-/])\s?(\d{1,2})(?!\d)"
)


def parse_iso(value: str | None) -> date | None:
    """ISO text to a date: "2025-06-11" itself, "2025-06" its 28th, "2025" 31 December."""
    if not value:
        return None
    parts = [int(p) for p in str(value)[:10].split("-") if p.isdigit()]
    try:
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], 28)
        if len(parts) == 1 and 1900 < parts[0] < 2200:
            return date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def published_date(raw: RawText, data_dir: Path | None = None) -> date | None:
    name = raw.path.name
    manifest = raw.path.parent / "manifest.yaml"
    for listing, key in ((manifest, "documents"), (_sources(data_dir), "sources")):
        for entry in entries(listing, key):
            if entry.get("file") == name and entry.get("published"):
                return parse_iso(str(entry["published"]))
    if raw.published_hint and (found := parse_iso(raw.published_hint)):
        return found
    for window in (raw.text[:400], raw.text[-400:]):
        match = _FULL.search(window)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


def _sources(data_dir: Path | None) -> Path | None:
    from ingest.graph.dataset import default_data_dir

    return (data_dir or default_data_dir()) / "sources.yaml"
