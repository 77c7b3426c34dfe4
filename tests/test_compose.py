"""docker-compose.yml for a team deployment: parsed and checked (no Docker engine here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    return data


def test_neo4j_service() -> None:
    neo4j = _compose()["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
    assert "community" in neo4j["image"]
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD")
    assert any("heap" in key for key in neo4j["environment"])
    assert any("pagecache" in key for key in neo4j["environment"])
    assert {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"} <= set(neo4j["ports"])
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    volumes = {v.split(":")[0] for v in neo4j["volumes"]}
    assert volumes <= set(_compose()["volumes"])


def test_api_service_waits_for_neo4j_and_uses_it() -> None:
    api = _compose()["services"]["api"]
    assert api["build"]["dockerfile"] == "Dockerfile"
    assert (ROOT / api["build"]["dockerfile"]).is_file()
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = api["environment"]
    assert env["RSG_STORE"] == "neo4j"
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert api["env_file"] == ".env"
    assert "127.0.0.1:8000:8000" in api["ports"]


def test_env_example_names_every_secret_compose_needs() -> None:
    example = (ROOT / ".env.example").read_text("utf-8")
    assert "NEO4J_PASSWORD=" in example
    assert "RSG_API_KEY=" in example
    assert ".env" in (ROOT / ".gitignore").read_text("utf-8").split()


def test_dockerfile_copies_every_package() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    for package in ("ontology", "ingest", "queries", "visual", "api", "data"):
        assert f"COPY {package} {package}" in dockerfile
    assert "RSG_DATA_DIR=/app/data" in dockerfile
