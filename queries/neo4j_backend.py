"""Neo4j 5 backend through the official ``neo4j`` driver.

Every read runs in ``session.execute_read`` on a READ-mode session (routed to a reader in a
cluster, and refused by the server if it tries to write), with a server-side timeout. A build
runs as ONE write transaction that deletes the old graph and loads the new one, so readers see
the old graph until it commits and never a half-loaded one. That keeps the whole build in the
transaction's memory: fine for the seed and regional graphs; a national graph needs the
server's transaction memory raised (``db.memory.transaction.total.max``), see docs/stores.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from ontology.errors import (
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
)
from queries.settings import Neo4jSettings
from queries.store import (
    GraphStore,
    GraphWriter,
    Loader,
    QueryResult,
    Row,
    check_answer_depth,
    check_params,
)


def _convert(value: Any) -> Any:
    if isinstance(value, Node):
        return {"_id": value.element_id, "_labels": sorted(value.labels), **dict(value.items())}
    if isinstance(value, Relationship):
        start = value.start_node.element_id if value.start_node is not None else None
        end = value.end_node.element_id if value.end_node is not None else None
        return {
            "_type": value.type,
            "_id": value.element_id,
            "_start": start,
            "_end": end,
            **dict(value.items()),
        }
    if isinstance(value, Path):
        return {
            "_nodes": [_convert(node) for node in value.nodes],
            "_relationships": [_convert(rel) for rel in value.relationships],
        }
    if isinstance(value, list):
        return [_convert(item) for item in value]
    if isinstance(value, dict):
        return {key: _convert(item) for key, item in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


class Neo4jStore(GraphStore):
    kind = "neo4j"

    def __init__(
        self,
        settings: Neo4jSettings,
        *,
        timeout_ms: int = 10_000,
        row_cap: int = 10_000,
        driver: Driver | None = None,
    ) -> None:
        if not settings.uri:
            raise StoreUnavailable("RSG_STORE=neo4j but NEO4J_URI is not set", "set NEO4J_URI")
        self.database = settings.database
        self.timeout_ms = timeout_ms
        self.row_cap = row_cap
        self.location = f"{settings.uri} (database {settings.database})"
        try:
            self.driver = driver or GraphDatabase.driver(
                settings.uri, auth=(settings.user, settings.password.get_secret_value())
            )
            self.driver.verify_connectivity()
        except (neo4j_errors.ServiceUnavailable, OSError, ValueError) as exc:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {settings.uri}: {exc}",
                "start it (docker compose up -d neo4j) or check NEO4J_URI",
            ) from exc
        except neo4j_errors.AuthError as exc:
            raise StoreUnavailable(
                "Neo4j refused the credentials", "check NEO4J_USER and NEO4J_PASSWORD"
            ) from exc

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        check_params(dict(params or {}))
        # The configured cap and timeout are ceilings: a caller may ask for less, never more.
        cap = min(row_cap, self.row_cap) if row_cap else self.row_cap
        timeout_s = (min(timeout_ms, self.timeout_ms) if timeout_ms else self.timeout_ms) / 1000

        # The server enforces the timeout on the transaction; values travel only as parameters.
        @neo4j.unit_of_work(timeout=timeout_s)
        def work(tx: ManagedTransaction) -> QueryResult:
            result = tx.run(query, dict(params or {}))
            columns = list(result.keys())
            rows: list[Row] = []
            truncated = False
            for record in result:
                if len(rows) >= cap:
                    truncated = True
                    break
                rows.append({col: _convert(record[col]) for col in columns})
            check_answer_depth(rows)
            return QueryResult(columns=columns, rows=rows, truncated=truncated)

        try:
            with self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                return session.execute_read(work)
        except neo4j_errors.ClientError as exc:
            raise _translate(exc) from exc
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
            raise StoreUnavailable(
                f"lost the connection to Neo4j: {exc}", "check that the server is up"
            ) from exc

    def replace_graph(self, loader: Loader) -> None:
        with self.driver.session(database=self.database) as session:
            # Schema changes cannot share a transaction with data writes.
            schema = _SchemaCollector()
            loader(schema)
            for statement in schema.statements:
                session.run(statement).consume()

            def work(tx: ManagedTransaction) -> None:
                tx.run("MATCH (n) DETACH DELETE n").consume()
                loader(_Neo4jWriter(tx))

            try:
                session.execute_write(work)
            except neo4j_errors.ClientError as exc:
                raise StoreError(f"Neo4j rejected a build step: {exc.message}", "") from exc

    def close(self) -> None:
        self.driver.close()


def _translate(exc: neo4j_errors.ClientError) -> Exception:
    code = exc.code or ""
    message = exc.message or str(exc)
    if "TransactionTimedOut" in code or "Timeout" in code:
        return QueryTimeout(
            "the query ran longer than the timeout and was stopped",
            "narrow the MATCH patterns, add LIMIT, or raise RSG_QUERY_TIMEOUT_MS",
        )
    if "Forbidden" in code or "AccessMode" in code or "WriteOnReadOnlyAccessDbException" in code:
        return ReadOnlyViolation("Neo4j refused a write on a read path", message)
    return QueryError(f"Neo4j rejected the query: {message}", "check the Cypher syntax")


class _SchemaCollector(GraphWriter):
    """First pass of a Neo4j build: collects constraints, ignores data writes."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        return None

    def unique(self, label: str, prop: str) -> None:
        # Label and property come from the contract (ontology/contract.py), never from users.
        self.statements.append(
            f"CREATE CONSTRAINT {label.lower()}_{prop}_unique IF NOT EXISTS "
            f"FOR (n:`{label}`) REQUIRE n.`{prop}` IS UNIQUE"
        )


class _Neo4jWriter(GraphWriter):
    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self.tx.run(query, dict(params or {})).consume()

    def unique(self, label: str, prop: str) -> None:
        return None  # created by _SchemaCollector before the data transaction
