"""Organisation confidence by class of evidence (``ingest.documents.calibration``) and
``rsg calibrate``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from api.cli.common import EXIT_INVALID
from api.cli.main import app
from ingest.documents import calibration
from ingest.documents.calibration import Calibration, Cell, Evidence, FactCell
from ingest.documents.document import Pipeline
from ingest.graph.dataset import default_data_dir
from ontology.errors import ValidationFailed
from tests.ingest.extracting import run_text

TEXT = (
    "㈜한빛소재는 울산에 3,000억원을 투자한다. 한빛소재는 내년에 공장을 짓는다.\n"
    "울산시는 수소 산업을 키운다. 행사에는 삼성전자 관계자도 왔다.\n"
)


def _ev(linked: bool, role: calibration.Role, repeated: bool) -> Evidence:
    return Evidence(linked=linked, role=role, repeated=repeated)


def test_each_organisation_falls_into_the_class_of_its_evidence() -> None:
    entities = [
        ("samsung-electronics", "삼성전자"),
        ("samsung-electronics", "삼성SDI"),
        (None, "한빛소재"),
        (None, "가람기술"),
    ]
    facts = [
        ("INVESTS_IN", "Organization:한빛소재", "Region:ulsan"),
        ("PARTICIPATES_IN", "Organization:samsung-electronics", "Initiative:수소 센터"),
        ("NewOrganization", "Organization:가람기술", "Organization:가람기술"),
    ]
    assert calibration.evidence(entities, facts) == {
        "samsung-electronics": _ev(True, "takes part", True),
        "한빛소재": _ev(False, "invests", False),
        # a proposal for the review queue is no part in the story
        "가람기술": _ev(False, "named", False),
    }


def test_a_confidence_is_the_share_of_its_class_drawn_toward_the_whole() -> None:
    table = Calibration(
        weight=10,
        classes=[
            Cell(linked=True, role="invests", repeated=True, right=9, total=10),
            Cell(linked=True, role="named", repeated=False, right=1, total=10),
        ],
    )
    assert table.prior() == 0.5
    assert table.confidence(_ev(True, "invests", True)) == 0.7  # (9 + 5) / 20
    assert table.confidence(_ev(True, "named", False)) == 0.3  # (1 + 5) / 20
    assert table.confidence(_ev(False, "named", False)) == 0.5  # no such class: the whole
    assert Calibration().confidence(_ev(False, "named", False)) == 1.0


def test_a_fact_the_gold_settles_gets_the_share_of_its_rules_figure() -> None:
    table = Calibration(
        weight=10,
        facts=[
            FactCell(type="HOLDS", rule=0.49, right=40, total=40),
            FactCell(type="HOLDS", rule=0.7, right=50, total=60),
        ],
    )
    # the type's share is 90/100 = 0.9
    assert table.fact_confidence("HOLDS", 0.49) == 0.98  # (40 + 9) / 50
    assert table.fact_confidence("HOLDS", 0.7) == 0.84  # (50 + 9) / 70
    assert table.fact_confidence("HOLDS", 0.6) == 0.9  # a figure not counted: the type's share
    assert table.fact_confidence("SEEKS", 0.7) is None  # not counted at all: the rule's stays
    assert table.fact_confidence("PARTICIPATES_IN", 0.7) is None


def test_a_class_cannot_have_more_right_than_it_has() -> None:
    with pytest.raises(ValueError, match="more than total"):
        Cell(linked=True, role="named", repeated=False, right=3, total=2)


def test_every_mention_of_an_organisation_has_its_class_confidence(pipeline: Pipeline) -> None:
    extraction = run_text(pipeline, TEXT)
    orgs = [e for e in extraction.entities if e.type == "Organization"]
    assert {e.text for e in orgs} >= {"한빛소재", "삼성전자"}
    classes = calibration.evidence(
        [(e.id, e.text) for e in orgs],
        [(f.type, f.subject, f.object) for f in extraction.facts],
    )
    assert classes["한빛소재"] == _ev(False, "invests", True)
    assert classes["samsung-electronics"] == _ev(True, "named", False)
    for e in orgs:
        expected = pipeline.calibration.confidence(classes[e.id or e.text])
        assert e.confidence == expected, e.text
    rules = Pipeline(pipeline.gazetteer, pipeline.tokenizer)  # uncalibrated: the rules' figures
    rule_of = {(f.type, f.subject): f.confidence for f in run_text(rules, TEXT).facts}
    invested = [f for f in extraction.facts if f.type == "INVESTS_IN"]
    assert invested
    for f in extraction.facts:
        calibrated = pipeline.calibration.fact_confidence(f.type, rule_of[(f.type, f.subject)])
        assert f.confidence == (calibrated or rule_of[(f.type, f.subject)]), f
    by_name = {e.text: e.confidence for e in orgs}
    assert by_name["한빛소재"] is not None
    assert by_name["삼성전자"] is not None
    assert by_name["한빛소재"] > by_name["삼성전자"]


def test_the_bundled_table_has_every_class_and_is_what_the_pipeline_loads(
    pipeline: Pipeline,
) -> None:
    table = calibration.load(default_data_dir())
    seen = {c.evidence for c in table.classes}
    assert seen == {
        _ev(linked, role, repeated)
        for linked in (True, False)
        for role in calibration.ROLES
        for repeated in (True, False)
    }
    assert table.documents > 0
    assert all(c.total > 0 for c in table.classes)
    assert {f.type for f in table.facts} == set(calibration.FACT_TYPES)
    assert pipeline.calibration == table


def test_a_broken_table_is_refused_and_a_missing_one_is_uniform(tmp_path: Path) -> None:
    assert calibration.load(tmp_path) == Calibration()
    (tmp_path / calibration.FILE_NAME).write_text(
        "classes:\n- linked: yes\n  role: funds\n  repeated: no\n  right: 1\n  total: 1\n",
        "utf-8",
    )
    with pytest.raises(ValidationFailed) as caught:
        calibration.load(tmp_path)
    assert "calibration.yaml" in caught.value.message
    assert "rsg calibrate" in caught.value.hint


GOLD = {
    "version": 1,
    "documents": [
        {
            "file": "one.txt",
            "split": "tune",
            "regions": ["ulsan"],
            "organizations": [{"name": "한빛소재", "kind": "company", "forms": ["한빛소재"]}],
            "investments": [
                {
                    "organization": "한빛소재",
                    "amount_krw": 300_000_000_000,
                    "region": "ulsan",
                    "basis": "announced",
                }
            ],
        },
        {"file": "absent.txt", "split": "tune", "regions": ["busan"]},
    ],
}


def test_calibrate_counts_the_gold_sets_and_writes_the_table(tmp_path: Path) -> None:
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text(TEXT, "utf-8")
    target = tmp_path / "out" / "calibration.yaml"
    pair = f"{tmp_path / 'gold.yaml'}={tmp_path / 'texts'}"
    result = CliRunner().invoke(app, ["calibrate", pair, "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert "skipped 1 document(s) without a text" in result.stderr
    assert "absent.txt does not exist" in result.stderr
    table = calibration.load(target.parent)
    assert table.documents == 1
    assert table.measured_on == ["gold.yaml"]
    cells = {c.evidence: (c.right, c.total) for c in table.classes}
    assert cells[_ev(False, "invests", True)] == (1, 1)  # 한빛소재, in the gold
    assert cells[_ev(True, "named", False)] == (0, 1)  # 삼성전자, not in it
    assert [(f.type, f.right, f.total) for f in table.facts] == [("INVESTS_IN", 1, 1)]
    assert "1 investment and designation facts" in result.stdout
    assert target.read_text("utf-8").startswith("# Organisation and fact confidence")


def test_calibrate_refuses_a_bad_pair_and_a_set_without_texts(tmp_path: Path) -> None:
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    (tmp_path / "empty").mkdir()
    target = tmp_path / "calibration.yaml"
    bad = CliRunner().invoke(app, ["calibrate", str(tmp_path / "gold.yaml")])
    assert bad.exit_code == 2
    assert "GOLD=TEXTS" in bad.output
    nothing = CliRunner().invoke(
        app, ["calibrate", f"{tmp_path / 'gold.yaml'}={tmp_path / 'empty'}", "--out", str(target)]
    )
    assert nothing.exit_code == EXIT_INVALID
    assert "no text of any gold document found" in nothing.stderr
    assert not target.exists()


RUNS = """sets:
  - gold: gold.yaml
    commit: 0123abc
    documents: 2
    organizations:
      - {file: one.txt, name: 한빛소재, linked: false, role: invests, repeated: true, right: true}
      - {file: one.txt, name: samsung-sdi, linked: true, role: named, repeated: false, right: false}
      - {file: two.txt, name: 누리텍, linked: false, role: named, repeated: false, right: true}
      - {file: two.txt, name: 가온전자, linked: false, role: named, repeated: false, right: true}
    facts:
      - {file: one.txt, type: INVESTS_IN, subject: 한빛소재, object: ulsan, right: true}
      - {file: one.txt, type: INVESTS_IN, subject: samsung-sdi, object: ulsan, right: false}
      - {file: two.txt, type: HOLDS, subject: ulsan, object: regulation-free-zone, right: true}
"""


def test_a_runs_file_loads_and_writes_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "heldout-runs.yaml"
    path.write_text(RUNS, "utf-8")
    runs = calibration.load_runs(path)
    assert [len(r.organizations) for r in runs.sets] == [4]
    assert runs.rows()[0] == (_ev(False, "invests", True), True)
    assert runs.fact_rows() == [("INVESTS_IN", True), ("INVESTS_IN", False), ("HOLDS", True)]
    assert runs.summary(path) == "heldout-runs.yaml: 1 sets, 2 documents as first scored"
    again = tmp_path / "again.yaml"
    again.write_text(calibration.runs_text(runs), "utf-8")
    assert calibration.load_runs(again) == runs
    assert again.read_text("utf-8").startswith("# 처음 채점한 대로 / Held-out runs")


@pytest.mark.parametrize(
    ("change", "where", "said"),
    [
        (("role: invests", "role: funds"), ":6", "organizations.0.role"),
        (("right: false", "right: maybe"), ":7", "organizations.1.right"),
        (("commit: 0123abc", "commit: HEAD"), ":3", "sets.0.commit"),
        (("name: 누리텍", "name: " + "가" * 41), ":8", "organizations.2.name"),
    ],
)
def test_a_bad_runs_file_is_refused_by_file_line_and_field(
    tmp_path: Path, change: tuple[str, str], where: str, said: str
) -> None:
    path = tmp_path / "heldout-runs.yaml"
    path.write_text(RUNS.replace(*change), "utf-8")
    with pytest.raises(ValidationFailed) as caught:
        calibration.load_runs(path)
    assert any(f"{path}{where}: " in p and said in p for p in caught.value.problems), (
        caught.value.problems
    )


def test_a_set_listed_twice_in_the_runs_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "heldout-runs.yaml"
    twice = RUNS + "  - gold: gold.yaml\n    commit: 4567def\n"
    path.write_text(twice, "utf-8")
    with pytest.raises(ValidationFailed) as caught:
        calibration.load_runs(path)
    assert any("gold.yaml is listed twice" in p for p in caught.value.problems)


def test_calibrate_counts_organisations_and_fact_types_on_the_runs_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text(TEXT, "utf-8")
    (tmp_path / "heldout-runs.yaml").write_text(RUNS, "utf-8")
    target = tmp_path / "out" / "calibration.yaml"
    pair = f"{tmp_path / 'gold.yaml'}={tmp_path / 'texts'}"
    runs = str(tmp_path / "heldout-runs.yaml")
    result = CliRunner().invoke(
        app, ["calibrate", pair, "--out", str(target), "--held-out-runs", runs]
    )
    assert result.exit_code == 0, result.output
    table = calibration.load(target.parent)
    assert table.held_out_runs == "heldout-runs.yaml: 1 sets, 2 documents as first scored"
    cells = {c.evidence: (c.right, c.total) for c in table.classes}
    # The runs' four rows, not the one document's own organisations.
    assert cells == {
        _ev(False, "invests", True): (1, 1),
        _ev(True, "named", False): (0, 1),
        _ev(False, "named", False): (2, 2),
    }
    # The sets' facts are still counted; the runs' give each type its confidence.
    assert [(f.type, f.right, f.total) for f in table.facts] == [("INVESTS_IN", 1, 1)]
    assert [(c.type, c.right, c.total) for c in table.fact_types] == [
        ("INVESTS_IN", 1, 2),
        ("HOLDS", 1, 1),
    ]
    prior = 2 / 3  # right share over the runs' facts
    assert table.fact_confidence("INVESTS_IN", 0.7) == round((1 + 10 * prior) / (2 + 10), 2)
    assert table.fact_confidence("INVESTS_IN", 0.5) == table.fact_confidence("INVESTS_IN", 0.7)
    assert table.fact_confidence("SEEKS", 0.7) is None  # neither the runs nor the sets have one
    assert "heldout-runs.yaml: 1 sets, 2 documents as first scored, 4 organisations" in (
        result.stdout
    )
    assert "3 facts of the held-out runs" in result.stdout


def test_calibrate_refuses_a_bad_runs_file_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text(TEXT, "utf-8")
    (tmp_path / "runs.yaml").write_text(RUNS.replace("right: true", "right: 3"), "utf-8")
    target = tmp_path / "calibration.yaml"
    pair = f"{tmp_path / 'gold.yaml'}={tmp_path / 'texts'}"
    result = CliRunner().invoke(
        app,
        [
            "calibrate",
            pair,
            "--out",
            str(target),
            "--held-out-runs",
            str(tmp_path / "runs.yaml"),
        ],
    )
    assert result.exit_code == EXIT_INVALID
    assert f"{tmp_path / 'runs.yaml'}:6" in result.stderr
    assert not target.exists()
