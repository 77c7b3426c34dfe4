"""FalkorDB backend (embedded server or an external one), native ``falkordb`` client only.

Reads go through ``GRAPH.RO_QUERY`` with a per-query timeout. A build writes into a staging
graph key and, once complete, ``RENAME``s it over the live key: readers see the old graph or
the new one, never a half-loaded one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath

from ontology.errors import (
    NoGraph,
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
)
from queries.server import Endpoint
from queries.store import GraphStore, GraphWriter, Loader, QueryResult, Row, check_params

_UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


#: Values returned as they are: most cells of a large answer are one of these.
_PLAIN = (str, int, float, bool, type(None))


def _convert(value: Any) -> Any:
    """A node, edge, path, list or map as plain data; callers pass plain values by first."""
    if isinstance(value, Node):
        return {"_id": str(value.id), "_labels": list(value.labels or []), **value.properties}
    if isinstance(value, Edge):
        return {
            "_type": value.relation,
            "_id": str(value.id),
            "_start": str(_node_id(value.src_node)),
            "_end": str(_node_id(value.dest_node)),
            **value.properties,
        }
    if isinstance(value, FalkorPath):
        return {
            "_nodes": [_convert(node) for node in value.nodes()],
            "_relationships": [_convert(edge) for edge in value.edges()],
        }
    if isinstance(value, list):
        return [item if type(item) in _PLAIN else _convert(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if type(item) in _PLAIN else _convert(item) for key, item in value.items()
        }
    return value


def _node_id(ref: Any) -> Any:
    return ref.id if isinstance(ref, Node) else ref


def _translate(exc: redis.exceptions.ResponseError, query: str) -> Exception:
    text = str(exc)
    lowered = text.lower()
    if "timed out" in lowered:
        return QueryTimeout(
            "the query ran longer than the timeout and was stopped",
            "narrow the MATCH patterns, add LIMIT, or raise RSG_QUERY_TIMEOUT_MS",
        )
    if "read-only" in lowered or "ro_query" in lowered:
        return ReadOnlyViolation("the store refused a write on a read path", text)
    return QueryError(f"the store rejected the query: {text}", "check the Cypher syntax")


class FalkorStore(GraphStore):
    kind = "falkordb"

    def __init__(
        self,
        endpoint: Endpoint | None = None,
        *,
        url: str | None = None,
        graph: str = "rsg",
        timeout_ms: int = 10_000,
        row_cap: int = 10_000,
        kind: str = "falkordb",
    ) -> None:
        self.kind = kind
        self.graph_name = graph
        self.timeout_ms = timeout_ms
        self.row_cap = row_cap
        try:
            if url is not None:
                self.db = FalkorDB.from_url(url)
                self.location = url.split("@")[-1]
            elif endpoint is not None and endpoint.unix_socket:
                self.db = FalkorDB(
                    unix_socket_path=endpoint.unix_socket, password=endpoint.password
                )
                self.location = endpoint.describe()
            elif endpoint is not None:
                self.db = FalkorDB(
                    host=endpoint.host, port=endpoint.port, password=endpoint.password
                )
                self.location = endpoint.describe()
            else:
                raise StoreUnavailable("no FalkorDB endpoint given", "set RSG_FALKORDB_URL")
            self.db.connection.ping()
        except _UNAVAILABLE as exc:
            raise StoreUnavailable(
                f"cannot reach FalkorDB: {exc}",
                "start it with `rsg store start` or check RSG_FALKORDB_URL",
            ) from exc
        except redis.exceptions.AuthenticationError as exc:
            raise StoreUnavailable(
                "FalkorDB refused the password", "check the password in RSG_FALKORDB_URL"
            ) from exc

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        # The configured cap and timeout are ceilings: a caller may ask for less, never more.
        cap = min(row_cap, self.row_cap) if row_cap else self.row_cap
        timeout = min(timeout_ms, self.timeout_ms) if timeout_ms else self.timeout_ms
        graph = self.db.select_graph(self.graph_name)
        check_params(dict(params or {}))
        try:
            result = graph.ro_query(query, dict(params or {}), timeout=timeout)
        except redis.exceptions.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise NoGraph from None
            raise _translate(exc, query) from exc
        except ValueError as exc:  # the client refuses some map keys (backticks, empty)
            raise QueryError(f"unusable parameter: {exc}", "rename the map key") from exc
        except _UNAVAILABLE as exc:
            raise StoreUnavailable(
                f"lost the connection to FalkorDB: {exc}",
                "the server may have stopped; `rsg store start` starts it again",
            ) from exc
        columns = [str(col[1]) for col in (result.header or [])]
        rows: list[Row] = []
        truncated = False
        for record in result.result_set or []:
            if len(rows) >= cap:
                truncated = True
                break
            rows.append(
                {
                    col: val if type(val) in _PLAIN else _convert(val)
                    for col, val in zip(columns, record, strict=True)
                }
            )
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def replace_graph(self, loader: Loader) -> None:
        staging = f"{self.graph_name}__staging"
        conn = self.db.connection
        try:
            conn.delete(staging)
            writer = _FalkorWriter(self.db, staging)
            loader(writer)
            if not writer.touched:
                # An empty build still replaces the live graph with an empty one.
                conn.delete(self.graph_name)
                return
            conn.rename(staging, self.graph_name)
        except redis.exceptions.ResponseError as exc:
            conn.delete(staging)
            raise StoreError(
                f"the store rejected a build step: {exc}", "see the build log"
            ) from exc
        except _UNAVAILABLE as exc:
            raise StoreUnavailable(
                f"lost the connection to FalkorDB during the build: {exc}",
                "the live graph is unchanged; run the build again",
            ) from exc

    def close(self) -> None:
        self.db.connection.close()


class _FalkorWriter(GraphWriter):
    def __init__(self, db: FalkorDB, graph: str) -> None:
        self.graph = db.select_graph(graph)
        self.touched = False

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self.graph.query(query, dict(params or {}))
        self.touched = True

    def unique(self, label: str, prop: str) -> None:
        # FalkorDB needs a range index before a unique constraint on the same property.
        try:
            self.graph.create_node_range_index(label, prop)
        except redis.exceptions.ResponseError as exc:
            if "already indexed" not in str(exc).lower():
                raise
        self.graph.create_node_unique_constraint(label, prop)
        self.touched = True
