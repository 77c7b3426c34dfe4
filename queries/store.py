"""The GraphStore interface every backend implements, and the shared result shape.

A row is a dict of column -> value. A node becomes ``{"_id", "_labels", **properties}``, a
relationship ``{"_type", "_id", "_start", "_end", **properties}`` and a path
``{"_nodes": [...], "_relationships": [...]}``; internal ids are strings on every backend.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Self

from ontology.errors import NoGraph, QueryError

Row = dict[str, Any]

#: Label of the one node that records the build that produced the graph.
BUILD_LABEL = "BuildInfo"


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[Row]
    truncated: bool = False


@dataclass(frozen=True)
class StoreInfo:
    kind: str
    location: str
    nodes: int
    relationships: int
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    build: Row | None = None


#: Deepest nesting of maps and lists accepted in a parameter value. Far past any real use;
#: a value hundreds deep made the store's client recurse until Python gave up (a 500).
MAX_PARAM_DEPTH = 32
INT64 = range(-(2**63), 2**63)


def check_params(value: Any, name: str = "", depth: int = 0) -> None:
    """Refuse parameter values no store takes as they are, each with the reason.

    NUL characters (FalkorDB's native client sends parameters in a text header that a NUL
    cuts short), integers outside 64 bits (FalkorDB clamped them silently to 2^63-1),
    infinite or NaN numbers, and maps or lists nested deeper than ``MAX_PARAM_DEPTH``. The
    rules are shared so both stores behave alike.
    """
    label = name or "value"
    if depth > MAX_PARAM_DEPTH:
        raise QueryError(
            f"parameter {label} nests maps or lists more than {MAX_PARAM_DEPTH} levels deep",
            "flatten the value",
        )
    if isinstance(value, str) and "\x00" in value:
        raise QueryError(f"parameter {label} contains a NUL character", "remove it from the value")
    if isinstance(value, int) and not isinstance(value, bool) and value not in INT64:
        raise QueryError(
            f"parameter {label} is outside the 64-bit integer range the stores hold",
            "send it as a string, or a smaller number",
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryError(f"parameter {label} is not a finite number", "send a finite number")
    if isinstance(value, dict):
        for key, item in value.items():
            check_params(item, f"{name}.{key}" if name else str(key), depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            check_params(item, name, depth + 1)


def check_answer_depth(rows: list[Row], limit: int = MAX_PARAM_DEPTH * 2) -> None:
    """Refuse an answer whose values nest lists or maps deeper than ``limit``: JSON encoders
    and clients give up somewhere past a few hundred levels (a 500), and no view or table
    shows such a value. Only values that are lists or maps are walked."""
    stack: list[tuple[Any, int]] = [
        (value, 1) for row in rows for value in row.values() if isinstance(value, dict | list)
    ]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            raise QueryError(
                f"the answer nests lists or maps more than {limit} levels deep / "
                "결과가 너무 깊게 중첩됨",
                "return the nested value flattened, or its size",
            )
        items = value.values() if isinstance(value, dict) else value
        stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))


class GraphWriter(ABC):
    """Writes into the graph being built; nothing written is visible until the build commits."""

    @abstractmethod
    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None: ...

    @abstractmethod
    def unique(self, label: str, prop: str) -> None:
        """Index ``label.prop`` and make it unique; called before any row is loaded."""


Loader = Callable[[GraphWriter], None]


class GraphStore(ABC):
    """One interface, two real backends (embedded FalkorDB, Neo4j)."""

    kind: str
    location: str
    #: (build id, counts) of the last build counted; see ``info``.
    _info_cache: tuple[str, StoreInfo] | None = None

    @abstractmethod
    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        """Run a read-only query. Raises ReadOnlyViolation for a write, QueryTimeout, ..."""

    @abstractmethod
    def replace_graph(self, loader: Loader) -> None:
        """Build a new graph with ``loader`` and make it visible at once, or not at all."""

    @abstractmethod
    def close(self) -> None: ...

    def build_id(self) -> str | None:
        """The id of the build that produced the live graph (None for a graph without one).

        One small read: cheap enough to ask on every request, so that nothing cached for an
        older build is ever served.
        """
        try:
            rows = self.read(f"MATCH (b:{BUILD_LABEL}) RETURN b.id AS id LIMIT 1").rows
        except NoGraph:
            return None
        return str(rows[0]["id"]) if rows and rows[0]["id"] is not None else None

    def info(self) -> StoreInfo:
        """Counts per label and type, and the build; counted once per build id.

        Counting walks the whole graph (seconds at national scale), so the answer is kept
        until the build id changes. A graph without a build record is counted every time.
        """
        build_id = self.build_id()
        cached = self._info_cache
        if build_id is not None and cached is not None and cached[0] == build_id:
            return cached[1]
        try:
            info = self._count()
        except NoGraph:  # nothing built yet: the store answers, with nothing in it
            return StoreInfo(kind=self.kind, location=self.location, nodes=0, relationships=0)
        if build_id is not None and info.build is not None and info.build.get("id") == build_id:
            self._info_cache = (build_id, info)
        return info

    def _count(self) -> StoreInfo:
        labels = {
            row["label"]: row["n"]
            for row in self.read(
                "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
            ).rows
            if row["label"] != BUILD_LABEL
        }
        types = {
            row["type"]: row["n"]
            for row in self.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").rows
        }
        nodes = self.read(f"MATCH (n) WHERE NOT n:{BUILD_LABEL} RETURN count(n) AS n").rows[0]["n"]
        builds = self.read(f"MATCH (b:{BUILD_LABEL}) RETURN b LIMIT 1").rows
        build = None
        if builds:
            build = {k: v for k, v in builds[0]["b"].items() if not k.startswith("_")}
        return StoreInfo(
            kind=self.kind,
            location=self.location,
            nodes=int(nodes),
            relationships=sum(types.values()),
            labels=dict(sorted(labels.items())),
            types=dict(sorted(types.items())),
            build=build,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
