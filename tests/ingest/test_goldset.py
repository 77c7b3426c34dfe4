"""Document-level gold (the real-news format): matching rules and the per-split report."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from api.cli.main import app
from ingest.documents.document import Pipeline
from ingest.documents.goldset import (
    DocumentResult,
    amount_key,
    evaluate,
    load_goldset,
    name_key,
    related_tally,
)
from ontology.errors import ValidationFailed

TUNE_TEXT = (
    "울산시는 수소 산업을 키운다. ㈜한빛소재는 울산에 3,000억원을 투자한다.\n"
    "울산은 기회발전특구로 지정됐다. 시는 약 1조 2천억 원을 들인다.\n"
)
GOLD = {
    "version": 1,
    "documents": [
        {
            "file": "tune.txt",
            "split": "tune",
            "url": "https://example.org/1",
            "title": "울산 수소",
            "headline": False,
            "publisher": "어느신문",
            "published": "2024-03-01",
            "regions": ["ulsan"],
            "industries": ["hydrogen", {"new": "수소 모빌리티 부품", "en": "parts"}],
            "organizations": [{"name": "한빛소재", "kind": "company", "forms": ["한빛소재"]}],
            "amounts": [
                {"text": "3,000억원", "value": 300_000_000_000},
                {"text": "1조 2천억 원", "value": 1_200_000_000_000, "approx": True},
                {"text": "5억 달러", "value": 500_000_000, "currency": "USD"},
            ],
            "investments": [
                {
                    "organization": "한빛소재",
                    "amount_krw": 300_000_000_000,
                    "region": "ulsan",
                    "basis": "announced",
                }
            ],
            "designations": [
                {
                    "scheme": "opportunity-development-zone",
                    "region": "ulsan",
                    "status": "designated",
                }
            ],
        },
        {
            "file": "heldout.txt",
            "split": "heldout",
            "published": "2024",
            "regions": ["busan"],
        },
    ],
}


def _write(tmp_path: Path, *, heldout: bool) -> Path:
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    (tmp_path / "tune.txt").write_text(TUNE_TEXT, "utf-8")
    if heldout:
        (tmp_path / "heldout.txt").write_text("부산시는 해양 산업을 키운다.\n", "utf-8")
    return tmp_path / "gold.yaml"


def test_one_split_reads_only_its_own_texts(tmp_path: Path, pipeline: Pipeline) -> None:
    gold = _write(tmp_path, heldout=False)  # the held-out text is not even there
    details: list[DocumentResult] = []
    scores = evaluate(gold, tmp_path, split="tune", pipeline=pipeline, details=details)
    assert set(scores) == {"tune", "all"}
    assert [d.file for d in details] == ["tune.txt"]
    with pytest.raises(ValidationFailed):
        evaluate(gold, tmp_path, pipeline=pipeline)


def test_scores_by_kind(tmp_path: Path, pipeline: Pipeline) -> None:
    gold = _write(tmp_path, heldout=True)
    details: list[DocumentResult] = []
    scores = evaluate(gold, tmp_path, pipeline=pipeline, details=details)
    tune = scores["tune"]
    assert tune.tallies["regions"].tp == 1
    assert tune.tallies["organizations"].recall == 1.0
    assert tune.amounts_total == 2  # the dollar amount is not a won amount
    assert tune.amounts_exact == 2
    assert tune.tallies["investments"].tp == 1
    assert tune.tallies["designations"].tp == 1
    assert (tune.schemes.tp, tune.schemes.fp, tune.schemes.fn) == (1, 0, 0)
    # A concept the taxonomy does not have can only be missed.
    assert "new:수소 모빌리티 부품" in details[0].missed["industries"]
    assert scores["heldout"].documents == 1
    assert scores["all"].documents == 2
    banded = scores["all"].bands["organizations"].counts
    assert sum(n for n, _ in banded.values()) == 1


def test_a_scheme_at_another_level_counts_as_a_scheme_not_as_a_designation(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    gold = _write(tmp_path, heldout=False)
    data = yaml.safe_load(gold.read_text("utf-8"))
    data["documents"][0]["designations"][0]["region"] = "ulsan-buk"
    gold.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    details: list[DocumentResult] = []
    tune = evaluate(gold, tmp_path, split="tune", pipeline=pipeline, details=details)["tune"]
    designations = tune.tallies["designations"]
    assert (designations.tp, designations.fp, designations.fn) == (0, 1, 1)
    assert (tune.schemes.tp, tune.schemes.fp, tune.schemes.fn) == (1, 0, 0)
    assert details[0].missed["designations"] == ["opportunity-development-zone@ulsan-buk"]
    # the county's city: the same scheme one level up counts in the level row
    level = tune.designations_related
    assert (level.tp, level.fp, level.fn) == (1, 0, 0)


def test_the_level_row_pairs_one_to_one_and_only_up_or_down_the_same_line() -> None:
    from ingest.documents.goldset import level_tally
    from ingest.documents.matcher import Gazetteer

    gazetteer = Gazetteer.load(reference_only=True)
    zone = "opportunity-development-zone"
    want = {(zone, "ulsan-buk"), (zone, "busan")}
    got = {(zone, "ulsan"), (zone, "gyeongnam-changwon"), ("regulation-free-zone", "busan")}
    tally = level_tally(want, got, gazetteer)
    # ulsan is above ulsan-buk; Changwon is under no region of the gold; another scheme
    # at Busan is not Busan's zone
    assert (tally.tp, tally.fp, tally.fn) == (1, 2, 1)
    twice = level_tally({(zone, "ulsan-buk")}, {(zone, "ulsan"), (zone, "ulsan-buk")}, gazetteer)
    assert (twice.tp, twice.fp, twice.fn) == (1, 1, 0)


def test_a_broader_or_narrower_industry_counts_once_in_the_related_row(
    pipeline: Pipeline,
) -> None:
    """Battery for battery materials counts in the related row, one prediction for one gold id,
    exact matches first; an unrelated industry counts nowhere."""
    gazetteer = pipeline.gazetteer
    assert "battery" in gazetteer.broader["battery-materials"]
    related = related_tally({"battery-materials", "hydrogen"}, {"battery", "bio"}, gazetteer)
    assert (related.tp, related.fp, related.fn) == (1, 1, 1)
    exact_first = related_tally({"battery", "battery-materials"}, {"battery"}, gazetteer)
    assert (exact_first.tp, exact_first.fp, exact_first.fn) == (1, 0, 1)
    narrower = related_tally({"battery"}, {"battery-recycling"}, gazetteer)
    assert (narrower.tp, narrower.fp, narrower.fn) == (1, 0, 0)


def test_keys_ignore_legal_marks_spaces_and_approximation() -> None:
    assert name_key("㈜한빛 소재") == name_key("한빛소재") == name_key("(주)한빛소재")
    assert name_key("SK 하이닉스") == name_key("sk하이닉스")
    assert amount_key("약 1조 원") == amount_key("1조원") == amount_key("1조 원가량")
    assert amount_key("4조 원대") == "4조원"


def test_a_file_that_is_not_gold_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("documents: [{file: a.txt}]", "utf-8")
    with pytest.raises(ValidationFailed):
        load_goldset(bad)


def test_eval_command_reports_the_split(tmp_path: Path) -> None:
    gold = _write(tmp_path, heldout=False)
    args = ["eval", "--gold", str(gold), "--corpus", str(tmp_path), "--split", "tune"]
    result = CliRunner().invoke(app, [*args, "--details"])
    assert result.exit_code == 0, result.output
    assert "tune: 1 document(s)" in result.stdout
    assert "heldout" not in result.stdout
    assert "# tune.txt" in result.stdout
    wrong = CliRunner().invoke(app, [*args[:-1], "held"])
    assert wrong.exit_code != 0


@pytest.mark.parametrize("name", ["no-such-gold.yaml", "empty-folder"])
def test_eval_refuses_a_gold_path_with_nothing_to_score(tmp_path: Path, name: str) -> None:
    """A mistyped gold file, or a folder without gold, is one clear error, not an empty
    report that looks like success."""
    (tmp_path / "empty-folder").mkdir()
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path / name)])
    assert result.exit_code == 3, result.output
    assert "no gold to score" in result.output
    assert name in result.output


REAL_GOLD = Path(__file__).resolve().parents[2] / "data" / "eval"


@pytest.mark.parametrize(
    ("name", "splits", "at_least"),
    [
        ("realnews.yaml", {"tune", "heldout"}, 30),
        ("realnews2.yaml", {"heldout"}, 30),
        ("realnews3.yaml", {"heldout"}, 28),
        ("realnews4.yaml", {"heldout"}, 28),
        ("realnews5.yaml", {"heldout"}, 28),
        ("realnews6.yaml", {"heldout"}, 28),
        ("realnews7.yaml", {"heldout"}, 29),
        ("realnews8.yaml", {"heldout"}, 29),
        ("realnews9.yaml", {"heldout"}, 29),
        ("realnews10.yaml", {"heldout"}, 28),
        ("realnews11.yaml", {"heldout"}, 28),
        ("realnews12.yaml", {"heldout"}, 28),
        ("realnews13.yaml", {"heldout"}, 28),
        ("realnews14.yaml", {"heldout"}, 28),
        ("realnews15.yaml", {"heldout"}, 28),
    ],
)
def test_the_real_gold_files_load_as_the_evaluation_reads_them(
    name: str, splits: set[str], at_least: int
) -> None:
    """Set 1 has both splits; sets 2 to 15 hold every document out, so they can only be scored."""
    gold = load_goldset(REAL_GOLD / name)
    assert len(gold.documents) >= at_least
    assert {doc.split for doc in gold.documents} == splits
    assert all(doc.url and doc.published and doc.title for doc in gold.documents)
