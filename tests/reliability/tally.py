"""Counts of the cases the tests try, for docs/reliability.md.

``tools/reliability.py`` sets RSG_RELIABILITY_TALLY to a file and the tests append one JSON
line per case (``record``) or measured figure (``figure``). Without it nothing is written.
"""

from __future__ import annotations

import json
import os
from typing import Any


def _append(item: dict[str, Any]) -> None:
    target = os.environ.get("RSG_RELIABILITY_TALLY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def record(check: str, case: str, status: int = 0) -> None:
    """One case of ``check`` was tried; ``status`` is its HTTP status or exit code."""
    _append({"check": check, "case": case, "status": status})


def figure(name: str, value: float) -> None:
    """A measured figure, e.g. how long a query ran before its timeout stopped it."""
    _append({"figure": name, "value": value})
