"""Score the extractor against gold annotations: entities, amounts and facts.

A gold file (``tests/ingest/gold/<name>.yaml``) names its document, the document's date, the
entity mentions with raw-text spans (type, id, text, start, end), the amounts (text, value,
start, end) and the facts. Entities count as found when type, id and span agree; amounts
when a predicted amount has the same span and value; facts when their type-specific key
agrees (``fact_key``): the linked ends for relations between known nodes, the amount for
money facts, the name (either containing the other, spaces ignored) for events and laws.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.documents.document import Extraction, Pipeline
from ingest.documents.published import parse_iso
from ingest.documents.reader import read
from ontology.errors import ValidationFailed

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "ingest" / "gold"
ENTITY_TYPES = ("Region", "Industry", "Organization", "Designation")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    entities: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    amounts_exact: int = 0
    amounts_total: int = 0
    facts: Tally = field(default_factory=Tally)
    documents: int = 0

    @property
    def amount_rate(self) -> float:
        return self.amounts_exact / self.amounts_total if self.amounts_total else 1.0

    def add(self, other: Scores) -> None:
        for kind, tally in other.entities.items():
            self.entities[kind].add(tally)
        self.amounts_exact += other.amounts_exact
        self.amounts_total += other.amounts_total
        self.facts.add(other.facts)
        self.documents += other.documents


def load_gold(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "document" not in data:
        raise ValidationFailed(f"{path}: not a gold file", [f"{path}: no 'document'"], "see docs")
    return data


def fact_key(fact: dict[str, Any]) -> tuple[Any, ...]:
    kind = fact["type"]
    if kind == "COOPERATES_WITH":
        return (kind, *sorted((fact["subject"], fact["object"])))
    if kind in ("PURSUES", "SEEKS", "HOLDS"):
        return (kind, fact["subject"], fact["object"])
    if kind == "INVESTS_IN":
        return (kind, fact["subject"], fact.get("amount_krw"))
    if kind == "FUNDED_BY":
        return (kind, fact.get("amount_krw"))
    if kind == "Initiative":
        return (kind, fact.get("amount_krw"))
    if kind == "PARTICIPATES_IN":
        return (kind, fact["subject"])
    if kind == "HAS_TARGET":
        return (kind, re.sub(r"\D", "", fact["object"]))
    return (kind, re.sub(r"\s", "", fact["object"].split(":", 1)[-1]))


def _linked_refs(fact: dict[str, Any], linked: dict[str, str]) -> dict[str, Any]:
    """``Organization:<name>`` of a gold fact as ``Organization:<id>`` where it was linked."""
    out = dict(fact)
    for end in ("subject", "object"):
        label, _, name = str(fact.get(end, "")).partition(":")
        if label == "Organization" and name in linked:
            out[end] = f"Organization:{linked[name]}"
    return out


def _same(gold: tuple[Any, ...], pred: tuple[Any, ...]) -> bool:
    if gold == pred:
        return True
    if gold[0] in ("Event", "Law") and gold[0] == pred[0]:
        return bool(gold[1]) and bool(pred[1]) and (gold[1] in pred[1] or pred[1] in gold[1])
    return False


def score(gold: dict[str, Any], extraction: Extraction) -> Scores:
    """Scores of one document. An organisation the gold marks new (no id) counts as found by
    a mention of the same span with or without an id: the organisation gazetteer may know it
    now; the facts about it are compared under that id."""
    scores = Scores(documents=1)
    linked: dict[str, str] = {}  # name as written -> the id it was linked to
    for e in extraction.entities:
        if e.type == "Organization" and e.id:
            linked.setdefault(e.text, e.id)
    for kind in ENTITY_TYPES:
        want = {(e[1], e[3], e[4]) for e in (gold.get("entities") or []) if e[0] == kind}
        got = {(e.id, e.start, e.end) for e in extraction.entities if e.type == kind}
        if kind == "Organization":  # new organisations have no id: the span decides
            spans = {(s, t): i for i, s, t in got}
            want = {(i if i else spans.get((s, t)), s, t) for i, s, t in want}
        tally = scores.entities[kind]
        tally.tp, tally.fp, tally.fn = len(want & got), len(got - want), len(want - got)
    amounts = {(e.start, e.end): e.value for e in extraction.entities if e.type == "Amount"}
    for _text, value, start, end in gold.get("amounts") or []:
        scores.amounts_total += 1
        scores.amounts_exact += amounts.get((start, end)) == value
    gold_keys = [fact_key(_linked_refs(f, linked)) for f in (gold.get("facts") or [])]
    pred_keys = list(dict.fromkeys(fact_key(f.model_dump()) for f in extraction.facts))
    matched: set[int] = set()
    for pred in pred_keys:
        hit = next(
            (i for i, g in enumerate(gold_keys) if i not in matched and _same(g, pred)), None
        )
        if hit is None:
            scores.facts.fp += 1
        else:
            matched.add(hit)
            scores.facts.tp += 1
    scores.facts.fn = len(gold_keys) - len(matched)
    return scores


def document_path(gold_file: Path, gold: dict[str, Any], corpus: Path | None) -> Path:
    name = str(gold["document"])
    own = gold_file.parent / "articles" / name
    if own.is_file():
        return own
    if corpus is not None and (corpus / name).is_file():
        return corpus / name
    raise ValidationFailed(
        f"{gold['document']}: document not found",
        [f"{gold_file}: {gold['document']} is in neither articles/ nor the corpus"],
        "set RSG_CORPUS (or --corpus) to the folder of the five source documents",
    )


def evaluate_all(
    gold_dir: Path | None = None, corpus: Path | None = None, *, reference_only: bool = False
) -> dict[str, Scores]:
    """Scores by group: "source" (the five documents), "held-out" (our own articles)."""
    from ingest.settings import BuildSettings

    gold_dir = gold_dir or GOLD_DIR
    gold_files = sorted(gold_dir.glob("*.yaml")) if gold_dir.is_dir() else []
    if not gold_files:
        what = "folder holds no *.yaml gold file" if gold_dir.is_dir() else "does not exist"
        raise ValidationFailed(
            f"no gold to score: {gold_dir} {what}",
            [f"{gold_dir}: {what}"],
            "pass a gold file such as data/eval/realnews.yaml, or a folder of span gold "
            "such as tests/ingest/gold",
        )
    corpus = corpus or BuildSettings().corpus
    pipeline = Pipeline.load(reference_only=reference_only)
    groups: dict[str, Scores] = {"source": Scores(), "held-out": Scores()}
    for gold_file in gold_files:
        gold = load_gold(gold_file)
        group = "held-out" if gold.get("held_out") else "source"
        if group == "source" and corpus is None:
            continue
        path = document_path(gold_file, gold, corpus)
        extraction, _ = pipeline.run(read(path), parse_iso(str(gold.get("published") or "")))
        groups[group].add(score(gold, extraction))
    return groups


def report_rows(groups: dict[str, Scores]) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(title, rows) per group for a table; the first row is the header."""
    tables = []
    for name, scores in groups.items():
        if not scores.documents:
            continue
        rows: list[tuple[str, ...]] = [("measure", "precision", "recall", "F1")]
        for kind in ENTITY_TYPES:
            t = scores.entities[kind]
            rows.append((kind, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}"))
        f = scores.facts
        rows.append(("facts", f"{f.precision:.3f}", f"{f.recall:.3f}", f"{f.f1:.3f}"))
        rows.append(("amounts exact", "", "", f"{scores.amount_rate:.3f}"))
        tables.append((f"{name}: {scores.documents} document(s)", rows))
    return tables
