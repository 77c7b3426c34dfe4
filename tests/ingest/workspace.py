"""A copy of the bundled data and a fresh RSG_HOME with one memo of our own ingested."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app

ROOT = Path(__file__).resolve().parents[2]


def ingested_copy(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    *,
    name: str = "memo.txt",
    published: str | None = None,
) -> Path:
    """Copy data/ into ``tmp_path``, point RSG_HOME and RSG_DATA_DIR there, write ``text`` as
    ``name`` and ingest it (into the review queue); gives back ``tmp_path``."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("RSG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RSG_DATA_DIR", str(data))
    memo = tmp_path / name
    memo.write_text(text, encoding="utf-8")
    args = ["ingest", str(memo)] + (["--published", published] if published else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return tmp_path
