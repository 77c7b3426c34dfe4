"""A small Python facade for notebooks::

    from api.facade import StrategyGraph

    g = StrategyGraph.open()                 # the configured store (RSG_STORE, RSG_HOME, ...)
    g.queries()                              # names and descriptions
    g.table("region_portfolio", region="jeonbuk")          # a Table: prints, shows in Jupyter
    g.table("overlap_matrix", regions=["jeonbuk", "gyeongbuk-gumi"]).df()  # pandas (optional)
    g.overlap(["jeonbuk", "gyeongbuk-gumi"]); g.competition(); g.search("전라북도")
    g.sparql("SELECT ?s WHERE { ?s a <https://w3id.org/rsg/ontology#Region> } LIMIT 3")
    g.view("region", "jeonbuk-gimje")        # the interactive view, drawn in the notebook
    g.close()                                # or: with StrategyGraph.open() as g: ...

Everything is read-only and goes through the same code as the CLI and the API. ``.df()``
needs pandas: ``pip install 'regional-strategy-graph[notebook]'``.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from api.web.download import cell
from ontology.errors import ConfigError
from queries.backends import open_store
from queries.catalog import catalog
from queries.guard import check_read_only
from queries.settings import Neo4jSettings, StoreSettings
from queries.store import GraphStore

if TYPE_CHECKING:
    from collections.abc import Callable

    from visual.model import ViewGraph

#: Rows a notebook shows of a table before "... n more rows".
HTML_ROWS = 200

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

    def df(self) -> Any:
        """The rows as a pandas DataFrame (columns in order); pandas is an optional extra."""
        try:
            import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]
        except ImportError as exc:
            raise ConfigError(
                "pandas is not installed / pandas가 설치되어 있지 않습니다",
                "pip install 'regional-strategy-graph[notebook]'",
            ) from exc
        return pd.DataFrame([[row.get(c) for c in self.columns] for row in self.rows],
                            columns=self.columns)  # fmt: skip

    def _repr_html_(self) -> str:
        """Jupyter's table: every value escaped, at most ``HTML_ROWS`` rows."""
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell(row.get(c)))}</td>" for c in self.columns)
            + "</tr>"
            for row in self.rows[:HTML_ROWS]
        )  # fmt: skip
        more = len(self.rows) - HTML_ROWS
        tail = f"<p>… {more} more rows</p>" if more > 0 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{tail}"


@dataclass(frozen=True)
class View:
    """A graph view; Jupyter draws it (the offline page in a sandboxed frame)."""

    page: str
    title: str

    def _repr_html_(self) -> str:
        source = html.escape(self.page, quote=True)
        return (
            f'<iframe title="{html.escape(self.title)}" sandbox="allow-scripts" '
            f'style="width:100%;height:620px;border:1px solid #ccc" srcdoc="{source}"></iframe>'
        )

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as out:
            out.write(self.page)


class StrategyGraph:
    """Read-only access to the graph from Python; a context manager, or close() by hand."""

    def __init__(self, store: GraphStore, *, owned: bool = False) -> None:
        self.store = store
        self._owned = owned
        self._sparql: Any = None

    @classmethod
    def open(cls) -> StrategyGraph:
        """The store named by the settings (the embedded one starts if needed)."""
        return cls(open_store(StoreSettings(), Neo4jSettings()), owned=True)

    def __enter__(self) -> StrategyGraph:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close what ``open()`` opened (a store handed in is the caller's to close)."""
        if self._sparql is not None:
            self._sparql.close()
            self._sparql = None
        if self._owned:
            self.store.close()
            self._owned = False

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

    def search(self, text: str, limit: int = 20) -> Table:
        """Nodes by name, alias or former name (전라북도 finds 전북특별자치도)."""
        return self.table("search", q=text, limit=limit)

    def overlap(self, regions: list[str], level: int | None = None) -> Table:
        """Every pair of the regions with the industries they share (Jaccard score)."""
        return self.table("overlap_matrix", regions=regions, level=level)

    def competition(self, designation: str | None = None, min_regions: int = 2) -> Table:
        """Designations two or more regions seek or hold, with the rivals."""
        return self.table(
            "designation_competition", designation=designation, min_regions=min_regions
        )

    def sparql(self, query: str) -> Table:
        """Read-only SPARQL over the build's RDF export (as ``GET /sparql``)."""
        from queries.sparql import SparqlStore

        if self._sparql is None:
            settings = StoreSettings()
            self._sparql = SparqlStore(
                settings.home, row_cap=settings.row_cap, timeout_ms=settings.query_timeout_ms,
                memory_mb=settings.store_memory_mb,
            )  # fmt: skip
        result = self._sparql.query(query)
        return Table(columns=list(result.variables) or ["boolean"], rows=result.as_rows())

    def view(self, kind: str, *args: Any, lang: str = "ko", **options: Any) -> View:
        """A graph view as in ``rsg view``: region, industry, overlap, organizations, funding,
        query (a named query) or cypher; drawn in the notebook, ``.save(path)`` keeps it."""
        from visual import page, views

        makers: dict[str, Callable[..., ViewGraph]] = {
            "region": views.region,
            "industry": views.industry,
            "overlap": views.overlap,
            "organizations": views.organizations,
            "funding": views.funding,
            "query": views.named,
            "cypher": views.cypher,
        }
        if kind not in makers:
            raise ConfigError(f"no view {kind!r}", f"views: {', '.join(makers)}")
        graph = makers[kind](self.store, *args, **options)
        chosen: Literal["ko", "en"] = "en" if lang == "en" else "ko"
        rendered = page.render(graph, lang=chosen)
        return View(rendered.html, graph.title_ko if chosen == "ko" else graph.title_en)
