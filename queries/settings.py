"""Store settings, read from the environment (``RSG_*`` and ``NEO4J_*``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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


class Neo4jSettings(BaseSettings):
    """Connection to a Neo4j 5 server or cluster (official driver)."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore")

    uri: str | None = None
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"
