"""Queries saved from the console: the file has the catalog's header, the catalog lists it
after the bundled queries with its parameters, and bad saves are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app as cli
from ontology.errors import ReadOnlyViolation, ValidationFailed
from queries import catalog, saved


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RSG_HOME", str(tmp_path))
    return tmp_path


def test_a_saved_query_joins_the_catalog(home: Path) -> None:
    before = set(catalog.catalog())
    path = saved.save(
        "regions_named_like",
        "이름으로 지역 찾기:\n둘째 줄",
        "Regions by name",
        "// a comment that opens the query\nMATCH (r:Region) WHERE r.name_ko CONTAINS $q "
        "AND size(r.id) > $n RETURN r.id",
        {"q": "전북", "n": 2, "flags": ["a"], "on": True},
        taken=set(catalog.bundled()),
    )
    assert path == home / "queries" / "regions_named_like.cypher"
    assert set(catalog.catalog()) == before | {"regions_named_like"}
    query = catalog.get("regions_named_like")
    assert query.origin == "user"
    assert query.description_ko == "이름으로 지역 찾기: 둘째 줄"
    assert {p.name: p.type for p in query.params} == {
        "q": "string",
        "n": "integer",
        "flags": "list",
        "on": "boolean",
    }
    assert query.bind({"q": "x", "n": "3", "flags": "a,b", "on": "true"})["n"] == 3
    assert "// a comment that opens the query" in query.text
    assert all(q.origin == "bundled" for q in catalog.bundled().values())
    listed = CliRunner().invoke(cli, ["queries"], env={"COLUMNS": "400"})
    assert listed.exit_code == 0
    assert "regions_named_like" in listed.output


def test_bad_saves_are_refused(home: Path) -> None:
    taken = set(catalog.bundled())
    with pytest.raises(ValidationFailed, match="cannot be saved") as bundled_name:
        saved.save("region_portfolio", "가", "a", "RETURN 1", {}, taken=taken)
    assert "bundled" in bundled_name.value.problems[0]
    with pytest.raises(ValidationFailed):
        saved.save("Bad Name", "가", "a", "RETURN 1", {}, taken=taken)
    with pytest.raises(ValidationFailed):
        saved.save("no_descriptions", " ", "a", "RETURN 1", {}, taken=taken)
    with pytest.raises(ReadOnlyViolation):
        saved.save("sneaky_write", "가", "a", "MATCH (n) DETACH DELETE n", {}, taken=taken)
    assert not (home / "queries").exists() or list((home / "queries").iterdir()) == []
