"""Counts of the seed data read from its files, so tests follow the data as it grows."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def regions_with_english_name() -> int:
    """Local governments and named areas of data/regions.yaml that carry an English name."""
    data = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
    entries = [*data["regions"], *data["areas"]]
    return sum(1 for entry in entries if entry.get("name_en"))


REGIONS = regions_with_english_name()
