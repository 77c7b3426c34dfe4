"""``python -m tools.heldout_runs``: a gold set's held-out documents run through the code of the
commit that first scored them (here HEAD, in a worktree of its own), rows scored by today's
rules."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from ingest.documents import calibration
from ingest.documents.document import Pipeline
from ingest.documents.goldset import load_goldset
from tests.ingest.extracting import run_text
from tools import heldout_runs

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "㈜한빛소재는 울산에 3,000억원을 투자한다. 한빛소재는 내년에 공장을 짓는다.\n"
    "울산시는 수소 산업을 키운다. 행사에는 삼성전자 관계자도 왔다.\n"
)
GOLD = {
    "version": 1,
    "documents": [
        {
            "file": "one.txt",
            "split": "heldout",
            "regions": ["ulsan"],
            "organizations": [{"name": "한빛소재", "kind": "company", "forms": ["한빛소재"]}],
        },
        {"file": "tuned.txt", "split": "tune", "regions": ["ulsan"]},
        {"file": "absent.txt", "split": "heldout", "regions": ["busan"]},
    ],
}


def _head() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    texts = tmp_path / "texts" / "gold"
    texts.mkdir(parents=True)
    (texts / "one.txt").write_text(TEXT, "utf-8")
    (texts / "tuned.txt").write_text("충북도는 반도체를 키운다.\n", "utf-8")
    return tmp_path


def _runs(folder: Path, commit: str) -> Path:
    path = folder / "heldout-runs.yaml"
    path.write_text(f'sets:\n  - gold: gold.yaml\n    commit: "{commit}"\n', "utf-8")
    return path


def test_the_commits_extractor_runs_the_held_out_documents_and_rows_are_written(
    folder: Path, pipeline: Pipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = _runs(folder, _head())
    code = heldout_runs.main(["--texts", str(folder / "texts"), "--runs", str(runs)])
    assert code == 0, capsys.readouterr().err
    written = calibration.load_runs(runs)
    (run,) = written.sets
    assert run.documents == 1  # the tuned document is not run; the absent one has no text
    doc = next(d for d in load_goldset(folder / "gold.yaml").documents if d.file == "one.txt")
    extraction = run_text(pipeline, TEXT)
    orgs, facts = heldout_runs.rows_of(doc, extraction, pipeline.gazetteer)
    assert run.organizations == orgs
    assert run.facts == facts
    assert [(f.type, f.subject, f.amount_krw, f.right) for f in run.facts] == [
        ("INVESTS_IN", "한빛소재", 300_000_000_000, False)  # the gold lists no investment
    ]
    by_name = {row.name: row for row in run.organizations}
    assert by_name["한빛소재"].right
    assert by_name["한빛소재"].role == "invests"
    assert not by_name["samsung-electronics"].right
    err = capsys.readouterr().err
    assert "1 held-out document(s) without a text left out" in err
    # No worktree is left behind.
    listed = subprocess.run(
        ["git", "worktree", "list"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "rsg-heldout-" not in listed.stdout


def test_an_unknown_commit_and_missing_texts_are_refused_and_nothing_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = _runs(folder, "0000000")
    before = runs.read_text("utf-8")
    assert heldout_runs.main(["--texts", str(folder / "texts"), "--runs", str(runs)]) == 1
    err = capsys.readouterr().err
    assert "git cat-file" in err
    assert "full clone" in err
    assert runs.read_text("utf-8") == before
    runs = _runs(folder, _head())
    assert heldout_runs.main(["--texts", str(folder / "elsewhere"), "--runs", str(runs)]) == 1
    err = capsys.readouterr().err
    assert "gold.yaml: no text of its held-out documents" in err
    assert "ROOT/gold/" in err
    assert heldout_runs.main(["--texts", str(folder), "--runs", str(runs), "--only", "x.yaml"]) == 1
    assert "--only names a set the runs file does not list" in capsys.readouterr().err
