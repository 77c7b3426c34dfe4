"""FalkorDB backend (embedded server or an external one), native ``falkordb`` client only.

Reads go through ``GRAPH.RO_QUERY`` with a per-query timeout, on connections of their own:
the server stops at the row cap (its ``RESULTSET_SIZE`` is raised to at least this store's
cap plus one when a connection opens), an answer larger than ``result_max_mb`` is dropped
unread (``queries.wire``), and a reader waits at most the timeout plus a short margin even
when the store cannot stop the query (a parse runs before the store's timeout starts). A build
writes into a staging graph key and, once complete, ``RENAME``s it over the live key: readers
see the old graph or the new one, never a half-loaded one.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from falkordb.query_result import QueryResult as FalkorResult
from redis.backoff import NoBackoff
from redis.retry import Retry

from ontology.errors import (
    NoGraph,
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
)
from queries.server import EmbeddedServer, Endpoint
from queries.store import (
    MAX_PARAM_DEPTH,
    GraphStore,
    GraphWriter,
    Loader,
    QueryResult,
    Row,
    check_answer_depth,
    check_params,
)
from queries.wire import CappedConnection, CappedUnixConnection, ReplyTooLarge

_UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
#: How long past its own timeout a reader waits for a store that cannot stop a query.
WAIT_MARGIN_S = 2.0


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


class _NotPlain(Exception):
    """A compact value that is not a string, number, boolean, null, list or map."""


#: Compact reply type codes (FalkorDB's result-set format) of the values ``_plain`` decodes.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10
#: Deepest list or map an answer may nest (the same limit as ``check_answer_depth``).
ANSWER_DEPTH = MAX_PARAM_DEPTH * 2


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    return value.decode() if isinstance(value, bytes) else str(value)


def _plain(value: list[Any], depth: int) -> Any:
    """One compact ``[type, payload]`` value as plain data, in one pass: what the client's
    parser followed by ``_convert`` and ``check_answer_depth`` give, without the client's
    ordered dicts and per-value dispatch (most of the time of a large answer). ``depth`` is
    the nesting level a list or map found here would have. Nodes, edges, paths and temporal
    values raise ``_NotPlain``: the caller then decodes the whole answer the client's way."""
    kind, payload = value[0], value[1]
    if kind == _STRING:
        return payload if type(payload) is str else _text(payload)
    if kind == _INTEGER:
        return int(payload)
    if kind == _NULL:
        return None
    if kind == _MAP:
        if depth > ANSWER_DEPTH:
            raise _too_deep()
        return {
            _text(payload[i]): _plain(payload[i + 1], depth + 1) for i in range(0, len(payload), 2)
        }
    if kind == _ARRAY:
        if depth > ANSWER_DEPTH:
            raise _too_deep()
        return [_plain(item, depth + 1) for item in payload]
    if kind == _BOOLEAN:
        return _text(payload) == "true"
    if kind == _DOUBLE:
        return float(payload)
    raise _NotPlain


def _too_deep() -> QueryError:
    return QueryError(
        f"the answer nests lists or maps more than {ANSWER_DEPTH} levels deep / "
        "결과가 너무 깊게 중첩됨",
        "return the nested value flattened, or its size",
    )


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
    if "max pending queries" in lowered:
        return StoreUnavailable(
            "the store is busy: too many queries are waiting / 저장소가 바쁩니다",
            "retry in a moment; slow queries end at RSG_QUERY_TIMEOUT_MS",
        )
    if "mem consumption exceeded" in lowered:
        return QueryError(
            "the query needed more memory than the store allows one query "
            "(RSG_STORE_QUERY_MEMORY_MB) / 질의 메모리 한도 초과",
            "narrow the MATCH patterns, aggregate less, or add LIMIT earlier",
        )
    return QueryError(f"the store rejected the query: {text}", "check the Cypher syntax")


def _unbounded(db: FalkorDB) -> None:
    """Let the connections of ``db`` wait as long as a build step takes (a large batch may
    take minutes): its pool opens new ones without a socket timeout."""
    pool = db.connection.connection_pool
    pool.disconnect()
    pool.connection_kwargs["socket_timeout"] = None
    pool.reset()


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
        result_max_mb: int = 64,
        server: EmbeddedServer | None = None,
        max_in_flight: int = 8,
    ) -> None:
        self.kind = kind
        # Reads beyond this many at once wait here instead of in the server's queue, which
        # refuses past MAX_QUEUED_QUERIES (16): one API worker runs up to 40 handlers at once,
        # and at 32 connections the store answered "too many queries are waiting" (503).
        self._slots = threading.BoundedSemaphore(max_in_flight)
        self.graph_name = graph
        self.timeout_ms = timeout_ms
        self.row_cap = row_cap
        self.result_max_mb = result_max_mb
        self.server = server
        # Opening waits at most as long as a read: a server that takes the connection but
        # never answers is reported instead of holding the caller. Builds then lift the bound.
        opening = {"socket_timeout": timeout_ms / 1000 + WAIT_MARGIN_S}
        try:
            if url is not None:
                self.db = FalkorDB.from_url(url, **opening)
                self.location = url.split("@")[-1]
            elif endpoint is not None and endpoint.unix_socket:
                self.db = FalkorDB(
                    unix_socket_path=endpoint.unix_socket, password=endpoint.password, **opening
                )
                self.location = endpoint.describe()
            elif endpoint is not None:
                self.db = FalkorDB(
                    host=endpoint.host, port=endpoint.port, password=endpoint.password, **opening
                )
                self.location = endpoint.describe()
            else:
                raise StoreUnavailable("no FalkorDB endpoint given", "set RSG_FALKORDB_URL")
            self.db.connection.ping()
            self.reads = self._reader()
            self.reads.connection.ping()
            _unbounded(self.db)
        except _UNAVAILABLE as exc:
            raise StoreUnavailable(
                f"cannot reach FalkorDB: {exc}",
                "start it with `rsg store start` or check RSG_FALKORDB_URL",
            ) from exc
        except redis.exceptions.AuthenticationError as exc:
            raise StoreUnavailable(
                "FalkorDB refused the password", "check the password in RSG_FALKORDB_URL"
            ) from exc

    def _reader(self) -> FalkorDB:
        """A client for reads: bounded wait, bounded answer, no resend of a timed-out query.

        ``self.db`` (builds, admin) keeps no socket timeout: a large batch may take long.
        """
        kwargs = dict(self.db.connection.connection_pool.connection_kwargs)
        kwargs.update(
            socket_timeout=self.timeout_ms / 1000 + WAIT_MARGIN_S,
            max_reply_bytes=self.result_max_mb * 2**20,
            # A timed-out query may still run in the store: sending it again would only
            # take another store thread. A lost connection is retried once.
            retry=Retry(NoBackoff(), 1, supported_errors=(redis.exceptions.ConnectionError,)),
            redis_connect_func=self._on_connect,
        )
        unix = "path" in kwargs
        pool = redis.ConnectionPool(
            connection_class=CappedUnixConnection if unix else CappedConnection, **kwargs
        )
        return FalkorDB(connection_pool=pool)

    def _on_connect(self, connection: redis.connection.AbstractConnection) -> None:
        """Authenticate, then make sure the server's row limit leaves room for this cap.

        The limit is only ever raised: several processes with different caps may share one
        server, and each needs at least its own cap plus one row to see that it truncated.
        A server with no limit (an external one not set up for it) is left as it is.
        """
        connection.on_connect()  # type: ignore[no-untyped-call]
        connection.send_command("GRAPH.CONFIG", "GET", "RESULTSET_SIZE")  # type: ignore[no-untyped-call]
        current = int(connection.read_response()[1])
        if 0 <= current <= self.row_cap:
            connection.send_command(  # type: ignore[no-untyped-call]
                "GRAPH.CONFIG", "SET", "RESULTSET_SIZE", self.row_cap + 1
            )
            connection.read_response()

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
        graph = self.reads.select_graph(self.graph_name)
        check_params(dict(params or {}))
        try:
            with self._slots:
                reply = graph.execute_command(
                    "GRAPH.RO_QUERY",
                    self.graph_name,
                    graph._build_params_header(dict(params or {})) + query,
                    "--compact",
                    "timeout",
                    timeout,
                )
            return self._rows(graph, reply, cap)
        except redis.exceptions.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise NoGraph from None
            raise _translate(exc, query) from exc
        except ValueError as exc:  # the client refuses some map keys (backticks, empty)
            raise QueryError(f"unusable parameter: {exc}", "rename the map key") from exc
        except ReplyTooLarge as exc:
            raise QueryError(
                f"the answer is larger than {self.result_max_mb} MB (RSG_RESULT_MAX_MB) / "
                "결과가 너무 큽니다",
                "return fewer or smaller values: properties instead of whole lists, or LIMIT",
            ) from exc
        except (RecursionError, redis.exceptions.InvalidResponse):
            raise QueryError(
                "the answer nests lists or maps too deeply to be read / 결과가 너무 깊게 중첩됨",
                "return the nested value flattened, or its size",
            ) from None
        except redis.exceptions.TimeoutError as exc:
            raise QueryTimeout(
                f"the store did not answer within {timeout + WAIT_MARGIN_S * 1000:.0f} ms; "
                "it may still be working on the query / 시간 초과",
                "simplify the query; it cannot be stopped in the store while it is parsed",
            ) from exc
        except _UNAVAILABLE as exc:
            raise self._lost(exc) from exc

    @staticmethod
    def _rows(graph: Any, reply: list[Any], cap: int) -> QueryResult:
        """The rows of a compact ``GRAPH.RO_QUERY`` reply, at most ``cap`` of them.

        Answers of plain values (strings, numbers, lists, maps: every named query that
        returns properties) are decoded in one pass by ``_plain``; an answer holding a node,
        an edge, a path or a temporal value is decoded by the client (its schema cache names
        labels and types) and then made plain by ``_convert``. Both give the same rows.
        """
        if isinstance(reply[0], redis.exceptions.ResponseError):
            # What the client reports for these (a version mismatch has no use on reads
            # that return plain values; the client's decoding below refreshes its schema).
            raise reply[0]
        if isinstance(reply[-1], redis.exceptions.ResponseError):
            raise reply[-1]
        if len(reply) < 3:  # statistics only: no columns
            return QueryResult(columns=[], rows=[], truncated=False)
        columns = [_text(col[1]) for col in reply[0]]
        records = reply[1]
        truncated = len(records) > cap
        try:
            rows: list[Row] = [
                {col: _plain(val, 1) for col, val in zip(columns, record, strict=True)}
                for record in records[:cap]
            ]
        except _NotPlain:
            return FalkorStore._client_rows(graph, reply, columns, cap)
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    @staticmethod
    def _client_rows(graph: Any, reply: list[Any], columns: list[str], cap: int) -> QueryResult:
        result = FalkorResult(graph, reply)
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
        check_answer_depth(rows)
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def _lost(self, exc: Exception) -> StoreUnavailable:
        """The connection broke. An embedded server that ended (its memory ceiling, a kill)
        is started again here, so that the next read finds it; this one still fails."""
        if self.server is not None:
            try:
                self.server.ensure_running()
            except StoreUnavailable as restart:
                return restart
            return StoreUnavailable(
                f"the embedded store stopped while answering and was started again: {exc}",
                "retry; if it happens again for the same query, that query needs more memory "
                "than RSG_STORE_MEMORY_MB allows",
            )
        return StoreUnavailable(
            f"lost the connection to FalkorDB: {exc}",
            "the server may have stopped; `rsg store start` starts it again",
        )

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
        """Hand back the sockets of both pools (a client's own close() keeps a pool it was
        given open, and its sockets would wait for the garbage collector)."""
        for client in (self.reads, self.db):
            client.connection.close()
            client.connection.connection_pool.disconnect()


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
