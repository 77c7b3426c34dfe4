"""A small Python facade for notebooks::

    from api.facade import StrategyGraph

    with StrategyGraph.open() as g:          # the configured store (RSG_STORE, RSG_HOME, ...)
        g.queries()                          # names and descriptions
        rows = g.query("region_portfolio", region="jeonbuk")   # list of dicts
        print(g.table("overlap_matrix", regions=["jeonbuk", "gyeongbuk-gumi"]))
        g.cypher("MATCH (r:Region {id: $id}) RETURN r.name_en AS name", id="jeonbuk-gimje")

Everything is read-only and goes through the same code as the CLI and the API.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from api.web.download import cell
from queries.backends import open_store
from queries.catalog import catalog
from queries.guard import check_read_only
from queries.settings import Neo4jSettings, StoreSettings
from queries.store import GraphStore

MAX_WIDTH = 40


def _width(text: str) -> int:
    """Columns on a terminal: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """Cut to ``width`` display columns, then pad to exactly that width."""
    kept, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > width:
            break
        kept.append(ch)
        used += w
    return "".join(kept) + " " * (width - used)


@dataclass(frozen=True)
class Table:
    """Rows with their columns; prints as plain aligned text (no pandas needed)."""

    columns: list[str]
    rows: list[dict[str, Any]]

    def __len__(self) -> int:
        return len(self.rows)

    def __str__(self) -> str:
        cells = [[cell(row.get(c)) for c in self.columns] for row in self.rows]
        widths = [
            min(MAX_WIDTH, max([_width(c)] + [_width(r[i]) for r in cells]))
            for i, c in enumerate(self.columns)
        ]

        def line(values: list[str]) -> str:
            return "  ".join(_fit(v, w) for v, w in zip(values, widths, strict=True)).rstrip()

        return "\n".join(
            [line(self.columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
        )

    def column(self, name: str) -> list[Any]:
        return [row.get(name) for row in self.rows]


class StrategyGraph:
    """Read-only access to the graph from Python."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    @classmethod
    @contextmanager
    def open(cls) -> Iterator[StrategyGraph]:
        """The store named by the settings (the embedded one starts if needed)."""
        store = open_store(StoreSettings(), Neo4jSettings())
        try:
            yield cls(store)
        finally:
            store.close()

    def queries(self) -> dict[str, str]:
        """Named query -> its English description."""
        return {name: q.description_en for name, q in catalog().items()}

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named query; parameters are checked against its header."""
        from api.web.routers.queries import run_named

        return run_named(self.store, name, params).rows

    def table(self, name: str, **params: Any) -> Table:
        from api.web.routers.queries import run_named

        run = run_named(self.store, name, params)
        return Table(columns=run.columns, rows=run.rows)

    def cypher(self, query: str, **params: Any) -> Table:
        """Ad-hoc read-only Cypher."""
        check_read_only(query)
        result = self.store.read(query, params)
        return Table(columns=result.columns, rows=result.rows)
