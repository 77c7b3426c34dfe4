"""Annotator agreement: a second gold file scored against the first with the gold's rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from api.cli.main import app
from ingest.documents.agreement import compare
from ingest.documents.matcher import Gazetteer
from ontology.errors import ValidationFailed


def _doc(file: str, **facts: Any) -> dict[str, Any]:
    return {"file": file, "split": "heldout", **facts}


FIRST = [
    _doc(
        "a.txt",
        regions=["ulsan", "gyeongnam"],
        industries=["battery", "battery-materials"],
        organizations=[{"name": "한빛소재", "kind": "company", "forms": ["한빛소재", "한빛"]}],
        amounts=[{"text": "3,000억원", "value": 300_000_000_000}],
        investments=[
            {"organization": "한빛소재", "amount_krw": 300_000_000_000, "region": "ulsan"}
        ],
        designations=[
            {"scheme": "opportunity-development-zone", "region": "ulsan", "status": "designated"}
        ],
    ),
    _doc("only-first.txt", regions=["busan"]),
]
SECOND = [
    _doc(
        "a.txt",
        # One region fewer, the parent industry only, the company under its short form.
        regions=["ulsan"],
        industries=["battery"],
        organizations=[{"name": "한빛", "kind": "company", "forms": ["한빛"]}],
        amounts=[{"text": "3,000억 원", "value": 300_000_000_000}],
        investments=[{"organization": "한빛", "amount_krw": 300_000_000_000, "region": "ulsan"}],
        designations=[
            {"scheme": "opportunity-development-zone", "region": "ulsan", "status": "applied"}
        ],
    ),
    _doc("only-second.txt", regions=["busan"]),
]


def _write(path: Path, documents: list[dict[str, Any]]) -> Path:
    path.write_text(yaml.safe_dump({"version": 1, "documents": documents}, allow_unicode=True))
    return path


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_the_second_reading_is_scored_with_the_gold_rules(
    tmp_path: Path, gazetteer: Gazetteer
) -> None:
    agreement = compare(
        _write(tmp_path / "first.yaml", FIRST), _write(tmp_path / "second.yaml", SECOND), gazetteer
    )
    s = agreement.scores
    assert s.documents == 1
    assert agreement.only_first == ["only-first.txt"]
    assert agreement.only_second == ["only-second.txt"]
    regions, industries = s.tallies["regions"], s.tallies["industries"]
    assert (regions.tp, regions.fp, regions.fn) == (1, 0, 1)
    assert (industries.tp, industries.fp, industries.fn) == (1, 0, 1)
    # A shared written form is the same organisation, so the investment agrees too.
    assert s.tallies["organizations"].tp == 1
    assert s.tallies["investments"].tp == 1
    assert s.amounts_exact == s.amounts_total == 1
    # Same scheme and region, a different status.
    assert s.tallies["designations"].tp == 1
    assert s.designation_status == [0, 1]
    assert agreement.results[0].missed["regions"] == ["gyeongnam"]


def test_files_without_a_common_document_are_refused(tmp_path: Path, gazetteer: Gazetteer) -> None:
    first = _write(tmp_path / "first.yaml", FIRST[1:])
    second = _write(tmp_path / "second.yaml", SECOND[1:])
    with pytest.raises(ValidationFailed, match="no document in common"):
        compare(first, second, gazetteer)


def test_eval_against_prints_the_agreement_and_names_unpaired_files(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.yaml", FIRST)
    second = _write(tmp_path / "second.yaml", SECOND)
    result = CliRunner().invoke(
        app, ["eval", "--gold", str(first), "--against", str(second), "--details"]
    )
    assert result.exit_code == 0, result.output
    assert "second.yaml against first.yaml: 1 document(s)" in result.stdout
    assert "missed regions: gyeongnam" in result.stdout
    assert "only-first.txt" in result.stderr
    missing = CliRunner().invoke(
        app, ["eval", "--gold", str(first), "--against", str(tmp_path / "nope.yaml")]
    )
    assert missing.exit_code != 0
    assert "nope.yaml" in missing.output
