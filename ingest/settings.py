"""Build settings (``RSG_DATA_DIR``, ``RSG_CORPUS``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"


class BuildSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RSG_", extra="ignore")

    data_dir: Path = Field(default=BUNDLED_DATA, description="curated data files")
    corpus: Path | None = Field(default=None, description="raw source documents (optional)")
