"""조직 신뢰도 보정 / an organisation's confidence, calibrated on the gold sets.

Whether an organisation the extractor finds is one the gold counts as taking part depends on
its evidence far more than on its form: an organisation that invests, or that the text names
more than once, almost always is; a large firm or a ministry named once in passing often is
not. The evidence falls into a few classes:

- linked to the gazetteer, or new (found by its form);
- its part in the document's facts: it invests (``INVESTS_IN``), it takes part in another
  fact, or it is only named;
- named once, or more than once.

``data/calibration.yaml`` holds, per class, how many of the development sets' organisations
of that class the gold has (``rsg calibrate`` measures it). An organisation's confidence is
that share, drawn toward the share over all classes when the class is small, so that of the
organisations given 0.9, about nine in ten are right on text like the development sets'.

The facts the gold can settle (investments, designations held or sought) are calibrated the
same way by their type and the confidence their rule gives them: a rule's own figure says how
sure its author was, the table how often facts of that rule's figure were right.

처음 채점한 대로 / as first scored: counted on the development sets, a class says how often
the rules are right on text they were tuned on, which is more often than on new text. A file of
held-out runs (``data/eval/heldout-runs.yaml``, written by ``python -m tools.heldout_runs``)
keeps, for every gold set, the organisations that the code of the commit at which the set was
scored held out found in its held-out documents, with their class and whether the gold has
them. Counting the organisation classes on those rows says how often each class is right on
text the rules had not seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ingest.graph.datafile import DataFile
from ontology.errors import ValidationFailed

Role = Literal["invests", "takes part", "named"]
#: The facts the gold settles, and so the table calibrates; other facts keep their rule's.
FactType = Literal["INVESTS_IN", "HOLDS", "SEEKS"]
FACT_TYPES: tuple[FactType, ...] = ("INVESTS_IN", "HOLDS", "SEEKS")
ROLES: tuple[Role, ...] = ("invests", "takes part", "named")
#: The file's name in the data folder.
FILE_NAME = "calibration.yaml"
#: Facts that are proposals for the review queue, not a part the organisation plays.
_NOT_A_PART = frozenset({"NewOrganization"})


class Evidence(BaseModel):
    """The class of one organisation's evidence in one document."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    linked: bool
    role: Role
    repeated: bool


class _Counts(BaseModel):
    """How many of a class the gold has (``right``) of how many were found (``total``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    right: int = Field(ge=0)
    total: int = Field(ge=0)

    @model_validator(mode="after")
    def _right_within_total(self) -> _Counts:
        if self.right > self.total:
            raise ValueError(f"right ({self.right}) is more than total ({self.total})")
        return self


class Cell(_Counts, Evidence):
    """The organisations of one class of evidence."""

    @property
    def evidence(self) -> Evidence:
        return Evidence(linked=self.linked, role=self.role, repeated=self.repeated)


class FactClass(BaseModel):
    """A fact's type and the confidence its rule gave it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: FactType
    rule: float = Field(ge=0, le=1)


class FactCell(_Counts, FactClass):
    """The facts of a type whose rule gave them ``rule``."""


class FactTypeCell(_Counts):
    """The facts of a type in the held-out runs, whatever their rule gave them."""

    type: FactType


def _share(right: int, total: int, prior: float, weight: float) -> float:
    return round((right + weight * prior) / (total + weight), 2)


class Calibration(BaseModel):
    """The calibration table; ``weight`` is how many organisations of the overall share a
    class's own share is drawn toward."""

    model_config = ConfigDict(extra="forbid")

    measured_on: list[str] = []
    documents: int = Field(default=0, ge=0)
    #: Where the organisation classes and ``fact_types`` were counted when not on
    #: ``measured_on``: the held-out runs file and how many sets and documents it holds.
    held_out_runs: str = ""
    weight: float = Field(default=10.0, gt=0)
    classes: list[Cell] = []
    facts: list[FactCell] = []
    #: Facts by type in the held-out runs; where a type has a cell, it gives that type's
    #: confidence (the rules' figures changed from commit to commit, so only the type is kept).
    fact_types: list[FactTypeCell] = []

    def prior(self) -> float:
        total = sum(c.total for c in self.classes)
        return sum(c.right for c in self.classes) / total if total else 1.0

    def confidence(self, evidence: Evidence) -> float:
        prior = self.prior()
        cell = next((c for c in self.classes if c.evidence == evidence), None)
        right, total = (cell.right, cell.total) if cell else (0, 0)
        return _share(right, total, prior, self.weight)

    def fact_confidence(self, kind: str, rule: float) -> float | None:
        """A fact's calibrated confidence, or None where the table has no fact of its type:
        its type's share in the held-out runs where counted, else the share of its type and
        rule's figure on the development sets."""
        held = next((c for c in self.fact_types if c.type == kind), None)
        if held is not None and held.total:
            total = sum(c.total for c in self.fact_types)
            prior = sum(c.right for c in self.fact_types) / total
            return _share(held.right, held.total, prior, self.weight)
        cells = [c for c in self.facts if c.type == kind]
        total = sum(c.total for c in cells)
        if not total:
            return None
        prior = sum(c.right for c in cells) / total
        cell = next((c for c in cells if c.rule == round(rule, 2)), None)
        return _share(cell.right if cell else 0, cell.total if cell else 0, prior, self.weight)


def load(data_dir: Path) -> Calibration:
    """The table of ``data_dir``; without one every organisation gets the same confidence."""
    path = data_dir / FILE_NAME
    if not path.is_file():
        return Calibration()
    try:
        return Calibration.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValidationFailed(
            f"{path.name}: not a calibration table",
            [str(exc)],
            "write it again with `rsg calibrate` (docs/extraction.md, 'Confidence')",
        ) from exc


class RunRow(BaseModel):
    """One organisation a held-out run found in one document: its class and whether the gold
    has it. ``name`` is its gazetteer id or, for a new one, its name as written."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str = Field(min_length=1)
    name: str = Field(min_length=1, max_length=40)
    linked: bool
    role: Role
    repeated: bool
    right: bool

    @property
    def evidence(self) -> Evidence:
        return Evidence(linked=self.linked, role=self.role, repeated=self.repeated)


class FactRunRow(BaseModel):
    """One investment or designation fact a held-out run found, and whether the gold has it.
    ``subject`` and ``object`` are its nodes without their label, cut to 40 characters."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str = Field(min_length=1)
    type: FactType
    subject: str = Field(min_length=1, max_length=40)
    object: str = Field(min_length=1, max_length=40)
    amount_krw: int | None = None
    right: bool


class HeldOutRun(BaseModel):
    """A gold set as first scored: the commit of that score and what its code found."""

    model_config = ConfigDict(extra="forbid")

    gold: str = Field(min_length=1, description="the gold file's name under data/eval/")
    commit: str = Field(pattern=r"^[0-9a-f]{7,40}$")
    documents: int = Field(default=0, ge=0)
    organizations: list[RunRow] = []
    facts: list[FactRunRow] = []


class HeldOutRuns(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sets: list[HeldOutRun] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_run_per_set(self) -> HeldOutRuns:
        seen: set[str] = set()
        for run in self.sets:
            if run.gold in seen:
                raise ValueError(f"{run.gold} is listed twice; keep one run per gold set")
            seen.add(run.gold)
        return self

    def rows(self) -> list[tuple[Evidence, bool]]:
        return [(row.evidence, row.right) for run in self.sets for row in run.organizations]

    def fact_rows(self) -> list[tuple[str, bool]]:
        return [(row.type, row.right) for run in self.sets for row in run.facts]

    def summary(self, path: Path) -> str:
        documents = sum(run.documents for run in self.sets)
        return f"{path.name}: {len(self.sets)} sets, {documents} documents as first scored"


def load_runs(path: Path) -> HeldOutRuns:
    """The held-out runs file; every problem located by file and line."""
    return DataFile(path).validate(HeldOutRuns)


def runs_text(runs: HeldOutRuns) -> str:
    """The runs file as YAML, one organisation a line, with a header saying what it is."""
    head = (
        "# 처음 채점한 대로 / Held-out runs: for each gold set, the commit at which it was first\n"
        "# scored held out, and the organisations that commit's code found in the set's held-out\n"
        "# documents, with their class of evidence and whether the gold has them, and its\n"
        "# investment and designation facts. Only `gold` and `commit` are written by hand (when\n"
        "# a set is scored); `python -m tools.heldout_runs` writes the rest. `rsg calibrate\n"
        "# --held-out-runs` counts confidences on them (docs/extraction.md, 'Confidence').\n"
        "sets:\n"
    )
    lines = [head]
    for run in runs.sets:
        lines.append(f'  - gold: {run.gold}\n    commit: "{run.commit}"\n')
        lines.append(f"    documents: {run.documents}\n")
        for key, rows in (("organizations", run.organizations), ("facts", run.facts)):
            if not rows:
                lines.append(f"    {key}: []\n")
                continue
            lines.append(f"    {key}:\n")
            for row in rows:
                flow = yaml.safe_dump(
                    row.model_dump(),
                    allow_unicode=True,
                    default_flow_style=True,
                    sort_keys=False,
                    width=10_000,
                ).strip()
                lines.append(f"      - {flow}\n")
    return "".join(lines)


def reference(entity_id: str | None, text: str) -> str:
    """The name an organisation goes by in facts: its id, or a new one's name."""
    return entity_id or text


def evidence(
    entities: Iterable[tuple[str | None, str]], facts: Iterable[tuple[str, str, str]]
) -> dict[str, Evidence]:
    """Each organisation's class, by ``reference``: ``entities`` are the (id, name) of every
    organisation mention; ``facts`` the (type, subject, object) of the document's facts."""
    mentions: Counter[str] = Counter()
    linked: set[str] = set()
    for entity_id, text in entities:
        mentions[reference(entity_id, text)] += 1
        if entity_id:
            linked.add(entity_id)
    invests: set[str] = set()
    parts: set[str] = set()
    for kind, subject, obj in facts:
        if kind in _NOT_A_PART:
            continue
        for side in (subject, obj):
            label, _, ref = side.partition(":")
            if label == "Organization":
                parts.add(ref)
        if kind == "INVESTS_IN" and subject.startswith("Organization:"):
            invests.add(subject.partition(":")[2])
    out = {}
    for ref, n in mentions.items():
        role: Role = "invests" if ref in invests else "takes part" if ref in parts else "named"
        out[ref] = Evidence(linked=ref in linked, role=role, repeated=n > 1)
    return out


_K = TypeVar("_K", bound=Hashable)


def _tally(rows: Iterable[tuple[_K, bool]]) -> tuple[Counter[_K], Counter[_K]]:
    """How many rows of each key, and how many of them the gold has: (total, right)."""
    total: Counter[_K] = Counter()
    right: Counter[_K] = Counter()
    for key, ok in rows:
        total[key] += 1
        right[key] += ok
    return total, right


def table(
    rows: Sequence[tuple[Evidence, bool]],
    measured_on: list[str],
    documents: int,
    fact_rows: Sequence[tuple[str, float, bool]] = (),
    held_out_runs: str = "",
    fact_type_rows: Sequence[tuple[str, bool]] = (),
) -> Calibration:
    """The table of (class, whether the gold has it) organisation rows and (type, the rule's
    confidence, whether the gold has it) fact rows."""
    total, right = _tally(rows)
    order = sorted(total, key=lambda ev: (not ev.linked, ROLES.index(ev.role), ev.repeated))
    cells = [
        Cell(linked=ev.linked, role=ev.role, repeated=ev.repeated, right=right[ev], total=total[ev])
        for ev in order
    ]
    fact_total, fact_right = _tally(((kind, round(rule, 2)), ok) for kind, rule, ok in fact_rows)
    facts = [
        FactCell.model_validate(
            {"type": kind, "rule": rule, "right": fact_right[(kind, rule)], "total": n}
        )
        for (kind, rule), n in sorted(
            fact_total.items(), key=lambda kv: (FACT_TYPES.index(kv[0][0]), kv[0][1])
        )
    ]
    type_total, type_right = _tally(fact_type_rows)
    fact_types = [
        FactTypeCell.model_validate({"type": kind, "right": type_right[kind], "total": n})
        for kind, n in sorted(type_total.items(), key=lambda kv: FACT_TYPES.index(kv[0]))
    ]
    return Calibration(
        measured_on=measured_on,
        documents=documents,
        held_out_runs=held_out_runs,
        classes=cells,
        facts=facts,
        fact_types=fact_types,
    )


def dump(calibration: Calibration) -> str:
    """The table as YAML, with a header saying what it is."""
    head = (
        "# Organisation and fact confidence by class of evidence (docs/extraction.md,\n"
        "# 'Confidence'). Written by `rsg calibrate`; right = how many of the class the gold has.\n"
    )
    body = yaml.safe_dump(calibration.model_dump(), allow_unicode=True, sort_keys=False, width=100)
    return head + body
