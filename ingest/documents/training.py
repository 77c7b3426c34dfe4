"""Fit the salience model on annotated real articles, and say how well it generalises.

학습 / training (``python -m ingest.documents.training``): runs the pipeline with the rules
alone on every document of the gold sets (pairs of a gold file and its folder of texts),
labels each candidate industry and region of a document by that document's gold, and fits one
logistic model per kind with scikit-learn (the ``train`` extra). Regularisation, class weight
and threshold are chosen by leave-one-set-out cross-validation only: for each set, a model
trained on the other sets scores it. The final model is trained on all sets and written to
``data/salience.yaml`` with a header giving the sets, the date and the cross-validated figures.

Features are standardised for the fit; the weights written are those of the raw features
(the scaling folded into them), so that inference stays a plain dot product.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ingest.documents import salience
from ingest.documents.evaluation import Tally
from ingest.documents.goldset import _Resolver, load_goldset, score_document
from ingest.documents.reader import read
from ingest.documents.salience import FEATURES, KINDS, Kind, Model, Topic
from ontology.errors import ValidationFailed

#: Regularisation strengths and class weights tried, and thresholds scanned.
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
CLASS_WEIGHTS: tuple[str | None, ...] = (None, "balanced")
THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(15))  # 0.10 .. 0.80


@dataclass
class Document:
    """One annotated document: its candidates, its gold and its organisation tally."""

    set_name: str
    file: str
    topics: list[Topic]
    gold: dict[Kind, set[str]]
    organizations: Tally


@dataclass
class Choice:
    """A kind's fit settings."""

    c: float
    class_weight: str | None
    threshold: float


@dataclass
class SetFigures:
    """One set's tallies per kind under one way of deciding, and its organisation tally."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    organizations: Tally = field(default_factory=Tally)

    @property
    def entities(self) -> Tally:
        total = Tally()
        for t in (*self.tallies.values(), self.organizations):
            total.add(t)
        return total


Decide = Callable[[Topic], bool]


def collect(sets: Sequence[tuple[Path, Path]], data_dir: Path | None = None) -> list[Document]:
    """Every document of the gold sets run with the rules alone, its candidates labelled."""
    from ingest.documents.document import Pipeline

    pipeline = Pipeline.load(data_dir, model=False)
    resolve = _Resolver(pipeline.gazetteer)
    docs: list[Document] = []
    for gold_file, corpus in sets:
        for doc in load_goldset(gold_file).documents:
            path = corpus / doc.file
            if not path.is_file():
                raise ValidationFailed(
                    f"{doc.file}: text not found",
                    [f"{path} does not exist"],
                    "give each gold file with the folder of its texts: GOLD=FOLDER",
                )
            extraction, facts = pipeline.run(read(path))
            scores = score_document(doc, extraction, facts, pipeline.gazetteer)
            gold: dict[Kind, set[str]] = {
                "industry": {resolve.concept(c, "Industry") for c in doc.industries},
                "region": set(doc.regions),
            }
            docs.append(
                Document(
                    gold_file.stem,
                    doc.file,
                    extraction.topics,
                    gold,
                    scores.tallies["organizations"],
                )
            )
    return docs


def figures(docs: Iterable[Document], decide: dict[Kind, Decide]) -> SetFigures:
    """Tallies of ``docs`` when each kind's candidates are kept by ``decide``."""
    out = SetFigures()
    for doc in docs:
        out.organizations.add(doc.organizations)
        for kind in KINDS:
            got = {t.id for t in doc.topics if t.kind == kind and decide[kind](t)}
            want = doc.gold[kind]
            out.tallies[kind].add(Tally(len(got & want), len(got - want), len(want - got)))
    return out


def _matrix(docs: Iterable[Document], kind: Kind) -> tuple[list[list[float]], list[int]]:
    xs, ys = [], []
    for doc in docs:
        for t in doc.topics:
            if t.kind == kind:
                xs.append([t.features[name] for name in FEATURES[kind]])
                ys.append(int(t.id in doc.gold[kind]))
    return xs, ys


def fit(docs: Sequence[Document], kind: Kind, c: float, class_weight: str | None) -> Model:
    """A logistic model of ``kind`` fit on ``docs`` (threshold 0.5 until one is chosen)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xs, ys = _matrix(docs, kind)
    x = np.asarray(xs, dtype=float)
    y = np.asarray(ys, dtype=int)
    if len(set(ys)) < 2:
        raise ValidationFailed(
            f"{kind}: the training data has one class only",
            [f"{len(ys)} candidates, all {'kept' if ys and ys[0] else 'dropped'} by the gold"],
            "train on gold sets that list some of their candidates and not others",
        )
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, class_weight=class_weight, max_iter=2000)
    clf.fit((x - mean) / scale, y)
    w = clf.coef_[0] / scale
    bias = float(clf.intercept_[0] - (w * mean).sum())
    return Model(bias, dict(zip(FEATURES[kind], (float(v) for v in w), strict=True)), 0.5)


def _by_set(docs: Sequence[Document]) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for doc in docs:
        out.setdefault(doc.set_name, []).append(doc)
    return out


def _rules(kind: Kind) -> Decide:
    return lambda t: t.rule


def _by_model(model: Model, threshold: float) -> Decide:
    return lambda t: model.probability(t.features) >= threshold


def cross_validate(
    docs: Sequence[Document], kind: Kind, c: float, class_weight: str | None
) -> dict[str, Model]:
    """For each set, the model of ``kind`` trained on the other sets."""
    sets = _by_set(docs)
    return {
        name: fit([d for d in docs if d.set_name != name], kind, c, class_weight) for name in sets
    }


def choose(docs: Sequence[Document], log: Callable[[str], None]) -> dict[Kind, Choice]:
    """Each kind's settings with the best pooled cross-validated entity F1 (the other kind
    decided by its best settings so far, the rules at first)."""
    sets = _by_set(docs)
    # kind -> set -> how that set's candidates of the kind are decided
    decided: dict[Kind, dict[str, Decide]] = {k: dict.fromkeys(sets, _rules(k)) for k in KINDS}
    chosen: dict[Kind, Choice] = {}
    for kind in KINDS:
        best: tuple[float, Choice, dict[str, Model]] | None = None
        for c in C_GRID:
            for weight in CLASS_WEIGHTS:
                models = cross_validate(docs, kind, c, weight)
                for threshold in THRESHOLDS:
                    pooled = SetFigures()
                    for name, members in sets.items():
                        decide = {k: decided[k][name] for k in KINDS}
                        decide[kind] = _by_model(models[name], threshold)
                        one = figures(members, decide)
                        pooled.organizations.add(one.organizations)
                        for k in KINDS:
                            pooled.tallies[k].add(one.tallies[k])
                    f1 = pooled.entities.f1
                    if best is None or f1 > best[0] + 1e-9:
                        best = (f1, Choice(c, weight, threshold), models)
        assert best is not None
        f1, choice, models = best
        log(
            f"{kind}: C={choice.c} class_weight={choice.class_weight} "
            f"threshold={choice.threshold}: pooled CV entity F1 {f1:.3f}"
        )
        chosen[kind] = choice
        decided[kind] = {s: _by_model(models[s], choice.threshold) for s in sets}
    return chosen


def table(
    docs: Sequence[Document], chosen: dict[Kind, Choice], final: dict[Kind, Model]
) -> list[str]:
    """Per set: industries and regions P/R/F1 and entity F1 with the rules (before), the model
    that did not see the set (CV) and the final model (in-sample)."""
    sets = _by_set(docs)
    cv = {k: cross_validate(docs, k, chosen[k].c, chosen[k].class_weight) for k in KINDS}
    rows = [
        "| set | docs | how | industries P / R / F1 | regions P / R / F1 | entity F1 |",
        "|---|---|---|---|---|---|",
    ]
    pooled: dict[str, SetFigures] = {}
    for name, members in [*sets.items(), ("all", list(docs))]:
        ways: dict[str, dict[Kind, Decide]] = {
            "before": {k: _rules(k) for k in KINDS},
            "in-sample": {k: _by_model(final[k], final[k].threshold) for k in KINDS},
        }
        if name != "all":
            ways["CV"] = {k: _by_model(cv[k][name], chosen[k].threshold) for k in KINDS}
        for how in ("before", "CV", "in-sample"):
            # all sets, CV: the sum of each set's own CV tallies
            one = figures(members, ways[how]) if how in ways else pooled[how]
            if name != "all":
                total = pooled.setdefault(how, SetFigures())
                total.organizations.add(one.organizations)
                for k in KINDS:
                    total.tallies[k].add(one.tallies[k])
            ind, reg = one.tallies["industry"], one.tallies["region"]
            rows.append(
                f"| {name} | {len(members)} | {how} | {_prf(ind)} | {_prf(reg)} "
                f"| {one.entities.f1:.3f} |"
            )
    return rows


def _prf(t: Tally) -> str:
    return f"{t.precision:.2f} / {t.recall:.2f} / {t.f1:.2f}"


def train(
    sets: Sequence[tuple[Path, Path]], out: Path | None, log: Callable[[str], None] = print
) -> list[str]:
    """Collect, choose by CV, fit on all sets, write ``out``; returns the CV table."""
    docs = collect(sets)
    log(f"{len(docs)} documents from {len(sets)} sets")
    chosen = choose(docs, log)
    final: dict[Kind, Model] = {}
    for kind in KINDS:
        model = fit(docs, kind, chosen[kind].c, chosen[kind].class_weight)
        final[kind] = Model(model.bias, model.weights, chosen[kind].threshold)
    rows = table(docs, chosen, final)
    if out is not None:
        made: dict[str, Any] = {
            "date": date.today().isoformat(),
            "sets": [gold.name for gold, _ in sets],
            "documents": len(docs),
        }
        for kind in KINDS:
            made[kind] = {
                "C": chosen[kind].c,
                "class_weight": chosen[kind].class_weight or "none",
            }
        header = [
            "Salience model: which candidate industries and regions a document is about",
            "(ingest/documents/salience.py). Written by `python -m ingest.documents.training`;",
            "do not edit by hand. Weights are of the raw features; keep when",
            "sigmoid(bias + weights . features) >= threshold.",
            "Leave-one-set-out cross-validation (each set scored by a model trained on the",
            "others), before = the rules alone, in-sample = this model:",
            *rows,
        ]
        out.write_text(salience.dump(final, header, made), encoding="utf-8")
        salience.load(out)  # what was written reads back
        log(f"wrote {out}")
    return rows


def _pair(value: str) -> tuple[Path, Path]:
    gold, sep, corpus = value.partition("=")
    if not sep or not gold or not corpus:
        raise argparse.ArgumentTypeError(f"{value!r}: write GOLD=FOLDER")
    return Path(gold), Path(corpus)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest.documents.training",
        description="Fit the salience model on gold sets; print the leave-one-set-out table.",
    )
    parser.add_argument(
        "sets",
        nargs="+",
        type=_pair,
        metavar="GOLD=FOLDER",
        help="a document-level gold file and the folder of its texts (two or more)",
    )
    parser.add_argument("--out", type=Path, help="write the weights here (data/salience.yaml)")
    args = parser.parse_args(argv)
    if len(args.sets) < 2:
        parser.error("cross-validation needs two or more gold sets")
    try:
        rows = train(args.sets, args.out, log=lambda line: print(line, file=sys.stderr))
    except ValidationFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
