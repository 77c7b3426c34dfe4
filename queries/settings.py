"""Store settings, read from the environment (``RSG_*`` and ``NEO4J_*``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from queries.server import ServerLimits

StoreKind = Literal["embedded", "falkordb", "neo4j"]


class StoreSettings(BaseSettings):
    """Which store to use and how long a read may run."""

    model_config = SettingsConfigDict(env_prefix="RSG_", extra="ignore")

    store: StoreKind = "embedded"
    home: Path = Field(default=Path(".rsg"), description="data directory of the embedded store")
    falkordb_url: str | None = Field(
        default=None, description="external FalkorDB server, e.g. redis://:password@host:6379"
    )
    graph: str = Field(default="rsg", pattern=r"^[A-Za-z][A-Za-z0-9_]{0,40}$")
    query_timeout_ms: int = Field(default=10_000, ge=10, le=600_000)
    row_cap: int = Field(default=10_000, ge=1, le=1_000_000)
    result_max_mb: int = Field(
        default=64, ge=1, le=4096, description="largest answer a read may bring back, in MB"
    )
    store_query_memory_mb: int = Field(
        default=512, ge=16, le=65_536,
        description="memory one query may use in the embedded store (QUERY_MEM_CAPACITY)",
    )  # fmt: skip
    store_memory_mb: int = Field(
        default=3072, ge=0, le=1_048_576,
        description="address space of the embedded store process; writes stop at half of it; "
        "0 for no ceiling",
    )  # fmt: skip
    store_max_queued: int = Field(
        default=16, ge=1, le=10_000, description="queries the store queues before it says busy"
    )

    def server_limits(self) -> ServerLimits:
        """What the embedded server is started with."""
        return ServerLimits(
            query_memory_mb=self.store_query_memory_mb,
            memory_mb=self.store_memory_mb,
            row_cap=self.row_cap,
            max_queued=self.store_max_queued,
        )


class Neo4jSettings(BaseSettings):
    """Connection to a Neo4j 5 server or cluster (official driver)."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore")

    uri: str | None = None
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"
