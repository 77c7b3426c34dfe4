"""Open the store the settings ask for."""

from __future__ import annotations

from ontology.errors import ConfigError
from queries.settings import Neo4jSettings, StoreSettings
from queries.store import GraphStore


def open_store(settings: StoreSettings, neo4j: Neo4jSettings | None = None) -> GraphStore:
    """Connect to (and, for ``embedded``, start if needed) the configured store."""
    timeout_ms, row_cap = settings.query_timeout_ms, settings.row_cap
    if settings.store == "embedded":
        from queries.falkor_backend import FalkorStore
        from queries.server import EmbeddedServer

        server = EmbeddedServer(settings.home, limits=settings.server_limits())
        return FalkorStore(
            server.ensure_running(), graph=settings.graph, kind="embedded",
            timeout_ms=timeout_ms, row_cap=row_cap, result_max_mb=settings.result_max_mb,
            server=server,
        )  # fmt: skip
    if settings.store == "falkordb":
        from queries.falkor_backend import FalkorStore

        if not settings.falkordb_url:
            raise ConfigError(
                "RSG_STORE=falkordb needs RSG_FALKORDB_URL",
                "set it, e.g. RSG_FALKORDB_URL=redis://:password@127.0.0.1:6379",
            )
        return FalkorStore(
            url=settings.falkordb_url, graph=settings.graph, timeout_ms=timeout_ms,
            row_cap=row_cap, result_max_mb=settings.result_max_mb,
        )  # fmt: skip
    from queries.neo4j_backend import Neo4jStore

    return Neo4jStore(neo4j or Neo4jSettings(), timeout_ms=timeout_ms, row_cap=row_cap)
