"""API settings (``RSG_API_*``; the key is ``RSG_API_KEY``)."""

from __future__ import annotations

import ipaddress

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from ontology.errors import ConfigError


class ApiSettings(BaseSettings):
    # validate_by_name: tests and callers pass ``api_key=...``; the environment uses the alias.
    model_config = SettingsConfigDict(
        env_prefix="RSG_API_", extra="ignore", validate_by_name=True, validate_by_alias=True
    )

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    api_key: SecretStr | None = Field(
        default=None,
        # RSG_API_KEY as the README says; the prefix would make it RSG_API_API_KEY, which is
        # still read (after RSG_API_KEY) and warned about at start-up (api/web/environment.py).
        validation_alias=AliasChoices("RSG_API_KEY", "RSG_API_API_KEY"),
        description="required when serving on a non-loopback address",
    )
    cors_origins: list[str] = Field(default_factory=list, description="explicit CORS origins")
    allowed_hosts: list[str] = Field(
        default_factory=lambda: ["localhost", "127.0.0.1", "::1"],
        description="names the API answers for in the Host header (its port aside); '*' for any",
    )
    max_body_bytes: int = Field(default=100_000, ge=1_000)
    cache_entries: int = Field(
        default=1024, ge=0, description="answers kept by the response cache; 0 turns it off"
    )
    cache_bytes: int = Field(
        default=64 * 2**20,
        ge=0,
        description="bytes kept by the response cache; one answer may take at most an eighth",
    )
    detail_projection: bool = Field(
        default=True,
        description="answer entity details (/regions/{id}, ...) from the build's neighbourhood "
        "projection, read into memory once per build; false: from the store on every request",
    )
    session_hours: int = Field(
        default=12, ge=1, le=24 * 30, description="how long a browser login lasts (/login)"
    )
    login_attempts: int = Field(
        default=5,
        ge=1,
        description="wrong keys one client may send (/login or X-API-Key) within the window "
        "before it gets 429 until the window has passed",
    )
    login_window_seconds: int = Field(
        default=300, ge=1, le=24 * 3600, description="the window of RSG_API_LOGIN_ATTEMPTS"
    )

    def check_exposure(self, host: str) -> None:
        """Refuse to serve beyond this machine without an API key."""
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback and not (self.api_key and self.api_key.get_secret_value()):
            raise ConfigError(
                f"serving on {host} exposes the API beyond this machine without a key",
                "set RSG_API_KEY or serve on 127.0.0.1",
            )
