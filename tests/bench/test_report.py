"""The results page says when each section was measured."""

from __future__ import annotations

from bench.report import _load, render


def test_a_section_measured_later_says_when() -> None:
    results = _load()
    tier = next(t for t in ("S", "M") if f"{t}-build" in results and f"{t}-extract" in results)
    results[f"{tier}-build"]["when"] = "2026-01-01 00:00"
    results[f"{tier}-extract"]["when"] = "2026-02-02 00:00"
    page = render(results)
    section = page.split(f"## Tier {tier}", 1)[1].split("\n## ", 1)[0]
    assert "Run 2026-01-01 00:00" in section
    extract = section.split("### Extraction vs Kiwi alone", 1)[1].split("### ", 1)[0]
    assert "Measured 2026-02-02 00:00." in extract
    build = section.split("### Build and load", 1)[1].split("### ", 1)[0]
    assert "Measured" not in build
