"""Run each gold set's held-out documents through the code of the commit that first scored them.

    .venv/bin/python -m tools.heldout_runs --texts ROOT [--runs data/eval/heldout-runs.yaml]
                                           [--only realnews21.yaml ...]

``data/eval/heldout-runs.yaml`` lists each gold set (a file beside it) with the commit at which it
was scored held out (written by hand when a set is scored). For each set this tool

1. checks that commit out into a temporary git worktree (the repository's history is needed:
   a full clone, not a shallow one);
2. runs that commit's extractor (its own code and data, in a child process) over the set's
   held-out documents, whose texts are ``ROOT/<gold file's stem>/<file>`` (texts are kept
   outside the repository);
3. scores each organisation it found with today's gold and matching rules, and its class of
   evidence (``ingest.documents.calibration``), and each investment and designation fact, and
   writes the rows back into the file.

`rsg calibrate --held-out-runs data/eval/heldout-runs.yaml` then counts the organisation classes
and the facts' types on these rows, so that a confidence says how often such a prediction is
right on text the rules had not been tuned on (docs/extraction.md, "Confidence"). A document
without its text is left out and counted in the report; a set with none is an error.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ingest.documents.calibration import (
    FactRunRow,
    HeldOutRun,
    HeldOutRuns,
    RunRow,
    load_runs,
    runs_text,
)
from ingest.documents.document import Extraction
from ingest.documents.goldset import GoldDocument, gold_rows, load_goldset
from ingest.documents.matcher import Gazetteer
from ingest.documents.review import write_atomic
from ontology.errors import RsgError, ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"
#: A name longer than an evidence span is cut to this many characters in the file.
NAME_LIMIT = 40

# Run inside the old worktree by its own Python path: read (gold, texts) and print one JSON
# line per held-out document with its extraction. Only APIs every scored commit has.
_CHILD = """
import json, sys
from pathlib import Path
import yaml
from ingest.documents.document import Pipeline
from ingest.documents.reader import read
gold, texts = Path(sys.argv[1]), Path(sys.argv[2])
pipeline = Pipeline.load()
for doc in yaml.safe_load(gold.read_text(encoding="utf-8"))["documents"]:
    path = texts / doc["file"]
    if doc.get("split") != "heldout" or not path.is_file():
        continue
    extraction, _ = pipeline.run(read(path))
    line = {"file": doc["file"], "extraction": extraction.model_dump(mode="json")}
    print(json.dumps(line, ensure_ascii=False), flush=True)
"""


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise ValidationFailed(
            f"git {' '.join(args)} failed",
            [done.stderr.strip()[-500:]],
            "run the tool in a full clone of the repository (its history is needed)",
        )
    return done.stdout


def _child_env(tree: Path) -> dict[str, str]:
    """This process's environment without the project's settings (the old code reads its own
    data folder), with the worktree first on the Python path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RSG_")}
    env["PYTHONPATH"] = str(tree)
    return env


def old_extractions(commit: str, gold: Path, texts: Path) -> dict[str, Extraction]:
    """The extractions of ``commit``'s code for the held-out documents of ``gold`` that have a
    text in ``texts``, by file name."""
    _git("cat-file", "-e", f"{commit}^{{commit}}")
    with tempfile.TemporaryDirectory(prefix="rsg-heldout-") as tmp:
        tree = Path(tmp) / "tree"
        _git("worktree", "add", "--detach", "--quiet", str(tree), commit)
        try:
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, str(gold.resolve()), str(texts.resolve())],
                cwd=tree,
                env=_child_env(tree),
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            _git("worktree", "remove", "--force", str(tree))
    if done.returncode:
        raise ValidationFailed(
            f"the extractor of {commit} failed on {gold.name}",
            done.stderr.strip().splitlines()[-5:],
            "check that the commit is the one that scored the set and that its texts are given",
        )
    out = {}
    for line in done.stdout.splitlines():
        item = json.loads(line)
        out[item["file"]] = Extraction.model_validate(item["extraction"])
    return out


def rows_of(
    doc: GoldDocument, extraction: Extraction, gazetteer: Gazetteer
) -> tuple[list[RunRow], list[FactRunRow]]:
    """One document's extraction as rows of the runs file: its organisations, and its
    investment and designation facts."""
    orgs, facts = gold_rows(doc, extraction, extraction.facts, gazetteer)
    org_rows = [
        RunRow(
            file=doc.file,
            name=ref[:NAME_LIMIT],
            linked=ev.linked,
            role=ev.role,
            repeated=ev.repeated,
            right=right,
        )
        for ref, ev, right in orgs
    ]
    fact_rows = [
        FactRunRow.model_validate(
            {
                "file": doc.file,
                "type": f.type,
                "subject": f.subject.partition(":")[2][:NAME_LIMIT],
                "object": f.object.partition(":")[2][:NAME_LIMIT],
                "amount_krw": f.amount_krw,
                "right": right,
            }
        )
        for f, right in facts
    ]
    return org_rows, fact_rows


def run_set(
    run: HeldOutRun, gold_dir: Path, texts_root: Path, gazetteer: Gazetteer
) -> tuple[HeldOutRun, int]:
    """The set run again: (its rows, how many held-out documents had no text). The gold file
    is ``gold_dir / run.gold``: the runs file's own folder."""
    gold_path = gold_dir / run.gold
    gold = load_goldset(gold_path)
    texts = texts_root / gold_path.stem
    held = [doc for doc in gold.documents if doc.split == "heldout"]
    if not texts.is_dir() or not any((texts / doc.file).is_file() for doc in held):
        raise ValidationFailed(
            f"{run.gold}: no text of its held-out documents",
            [f"{texts}: none of its {len(held)} held-out files is there"],
            f"pass --texts ROOT with the texts in ROOT/{gold_path.stem}/",
        )
    extractions = old_extractions(run.commit, gold_path, texts)
    rows = [
        rows_of(doc, extractions[doc.file], gazetteer) for doc in held if doc.file in extractions
    ]
    updated = HeldOutRun(
        gold=run.gold,
        commit=run.commit,
        documents=len(extractions),
        organizations=[row for orgs, _ in rows for row in orgs],
        facts=[row for _, facts in rows for row in facts],
    )
    return updated, len(held) - len(extractions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.heldout_runs", description=__doc__)
    parser.add_argument(
        "--texts", type=Path, required=True, help="folder of one folder of texts per gold file"
    )
    parser.add_argument("--runs", type=Path, default=EVAL / "heldout-runs.yaml")
    parser.add_argument("--only", nargs="*", default=None, help="gold file names to run again")
    args = parser.parse_args(argv)
    console = Console(stderr=True, soft_wrap=True)
    try:
        runs = load_runs(args.runs)
        unknown = set(args.only or ()) - {run.gold for run in runs.sets}
        if unknown:
            raise ValidationFailed(
                "--only names a set the runs file does not list",
                sorted(unknown),
                f"add it with its commit to {args.runs.name}",
            )
        chosen = [run for run in runs.sets if args.only is None or run.gold in args.only]
        gazetteer = Gazetteer.load()  # today's, to settle designations' regions as the scores do
        result: list[HeldOutRun] = []
        missing = 0
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
        ) as progress:
            task = progress.add_task("held-out runs", total=len(chosen))
            for run in runs.sets:
                if run not in chosen:
                    result.append(run)
                    continue
                progress.update(task, description=f"{run.gold} at {run.commit}")
                updated, lacking = run_set(run, args.runs.parent, args.texts, gazetteer)
                result.append(updated)
                missing += lacking
                progress.advance(task)
        write_atomic(args.runs, runs_text(HeldOutRuns(sets=result)))
    except RsgError as exc:
        console.print(f"[red]error:[/red] {exc.message}", highlight=False)
        for problem in exc.problems if isinstance(exc, ValidationFailed) else []:
            console.print(f"  {problem}", highlight=False, markup=False)
        if exc.hint:
            console.print(f"  → {exc.hint}", highlight=False, markup=False)
        return 1
    rows = sum(len(run.organizations) for run in result)
    console.print(
        f"{args.runs}: {len(chosen)} set(s) run, {rows} organisations in all"
        + (f"; {missing} held-out document(s) without a text left out" if missing else ""),
        highlight=False,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
