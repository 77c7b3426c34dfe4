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


class IngestSettings(BaseSettings):
    """What one document may cost ``rsg ingest`` (``RSG_INGEST_*``)."""

    model_config = SettingsConfigDict(env_prefix="RSG_INGEST_", extra="ignore")

    timeout_s: float = Field(
        default=120.0, gt=0, le=86_400, description="time to read and extract one document"
    )
    memory_mb: int = Field(
        default=2048, ge=16, le=1_048_576,
        description="memory one document may take beyond what the pipeline holds already",
    )  # fmt: skip
