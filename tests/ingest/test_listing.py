"""A listing file is read once while unchanged, read again when it changes, and a broken one
gives no entries (the data folder's validation is what reports it)."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.documents.listing import entries


def test_a_listing_is_read_again_when_it_changes(tmp_path: Path) -> None:
    listed = tmp_path / "sources.yaml"
    listed.write_text("sources:\n  - {id: first, file: a.txt}\n", encoding="utf-8")
    assert [e["id"] for e in entries(listed, "sources")] == ["first"]
    assert entries(listed, "sources") is entries(listed, "sources")  # read once
    listed.write_text(
        "sources:\n  - {id: first, file: a.txt}\n  - {id: second, file: b.txt}\n", "utf-8"
    )
    assert [e["id"] for e in entries(listed, "sources")] == ["first", "second"]
    # Same size, another moment: read again as well.
    listed.write_text("sources:\n  - {id: third, file: c.txt}\n", encoding="utf-8")
    os.utime(listed, ns=(1, 1))
    assert [e["id"] for e in entries(listed, "sources")] == ["third"]


def test_a_missing_or_broken_listing_gives_no_entries(tmp_path: Path) -> None:
    assert entries(tmp_path / "none.yaml", "sources") == ()
    assert entries(None, "sources") == ()
    broken = tmp_path / "broken.yaml"
    broken.write_text("sources: [unclosed\n", encoding="utf-8")
    assert entries(broken, "sources") == ()
    other = tmp_path / "other.yaml"
    other.write_text("- just\n- a list\n", encoding="utf-8")
    assert entries(other, "sources") == ()
    odd = tmp_path / "odd.yaml"
    odd.write_text("sources:\n  - plain\n  - {id: kept}\n", encoding="utf-8")
    assert entries(odd, "sources") == ({"id": "kept"},)
