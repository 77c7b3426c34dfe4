"""Pages and types of one node's detail that entity_detail's tests ask for beside the plain
detail: narrowed to a type, paged, past the end, and out-of-range values the query clamps."""

from __future__ import annotations

from typing import Any

VARIANTS: tuple[dict[str, Any], ...] = (
    {"type": "PURSUES"},
    {"type": "LOCATED_IN", "skip": 1, "limit": 2},
    {"skip": 3, "limit": 5},
    {"skip": 10_000},
    {"limit": -1},
    {"limit": 0},
    {"skip": -4},
    {"type": "NO_SUCH_TYPE"},
)
