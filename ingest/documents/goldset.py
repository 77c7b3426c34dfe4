"""Score the extractor against document-level gold: what each article states, as sets.

문서 단위 정답 / document-level gold (``data/eval/realnews.yaml``, rules in
``data/eval/README.md``): per article the regions, industries and organisations it speaks of,
its money amounts, the investments (organisation, amount, region) and the designations
(scheme, region, status, industry). The texts stay outside the repository; ``evaluate`` reads
them from a folder. Scores are kept per split ("tune", "heldout"): tune on the first, score the
second once. Predictions are collected per document:

- regions: linked regions that are local governments (named areas such as industrial
  complexes are places inside regions, not regions);
- industries: the industries of the document's facts (``Extraction.industries``);
- organisations: linked and new organisations, one per id or name; a gold organisation is
  found when one of its written forms, or its name, is the text or the name of a prediction;
- amounts: a gold amount is exact when an amount with the same wording (약/총 before it and
  대/가량 after it aside) has the same value;
- investments: ``INVESTS_IN`` facts, matched by organisation and amount;
- designations: ``SEEKS``/``HOLDS`` facts, matched by scheme and region.

A gold concept marked ``new`` matches the taxonomy entry that now has its name, if any.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ingest.documents.calibration import Evidence, evidence
from ingest.documents.document import ExtractedFact, Extraction, Fact, Pipeline
from ingest.documents.evaluation import Tally
from ingest.documents.matcher import Gazetteer
from ingest.documents.reader import read
from ontology.errors import ValidationFailed

Split = Literal["tune", "heldout"]
#: Confidence bands for precision: [low, high).
BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))
_LEGAL = re.compile(r"㈜|\(주\)|주식회사|\(사\)|\(재\)|\(유\)")
_AMOUNT_EDGES = re.compile(
    r"^(?:약|총|모두|최대|최고|최소|최저|대략)\s?|\s?(?:가량|안팎|내외|정도|남짓|상당|이상|이하|미만|대|여)$"
)


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class NewConcept(_Loose):
    new: str
    en: str = ""


Concept = str | NewConcept


class GoldOrganization(_Loose):
    name: str
    kind: str = ""
    forms: list[str] = []


class GoldAmount(_Loose):
    text: str
    value: float
    approx: bool = False
    currency: str | None = None


class GoldInvestment(_Loose):
    organization: str
    amount_krw: int
    region: str
    basis: str = ""


class GoldDesignation(_Loose):
    scheme: Concept
    industry: Concept | None = None
    region: str
    status: str = ""


class GoldDocument(_Loose):
    file: str
    split: Split
    url: str = ""
    title: str = ""
    headline: bool = True
    publisher: str = ""
    published: str = ""
    regions: list[str] = []
    industries: list[Concept] = []
    organizations: list[GoldOrganization] = []
    amounts: list[GoldAmount] = []
    investments: list[GoldInvestment] = []
    designations: list[GoldDesignation] = []


class GoldSet(_Loose):
    documents: list[GoldDocument]


@dataclass
class Banded:
    """Predictions by confidence band: how many, how many right."""

    counts: dict[tuple[float, float], list[int]] = field(
        default_factory=lambda: {band: [0, 0] for band in BANDS}
    )

    def add(self, confidence: float, right: bool) -> None:
        for band in BANDS:
            if band[0] <= confidence < band[1]:
                self.counts[band][0] += 1
                self.counts[band][1] += right
                return

    def merge(self, other: Banded) -> None:
        for band, (n, right) in other.counts.items():
            self.counts[band][0] += n
            self.counts[band][1] += right


MEASURES = ("regions", "industries", "organizations", "amounts", "investments", "designations")


@dataclass
class SetScores:
    """Tallies per measure, amounts exact, metadata found, precision by confidence band."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in MEASURES})
    amounts_exact: int = 0
    amounts_total: int = 0
    designation_status: list[int] = field(default_factory=lambda: [0, 0])  # right, compared
    #: Designation schemes per document whatever the region (the issue's "schemes recalled").
    schemes: Tally = field(default_factory=Tally)
    #: Industries where a broader or narrower id of the gold's counts (one to one).
    industries_related: Tally = field(default_factory=Tally)
    #: Designations where the scheme agrees and the region is the gold's or a region above
    #: or below it (a province for its county, one to one): how much is only the level.
    designations_related: Tally = field(default_factory=Tally)
    metadata: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    bands: dict[str, Banded] = field(default_factory=lambda: defaultdict(Banded))
    documents: int = 0

    @property
    def entities(self) -> Tally:
        total = Tally()
        for name in ("regions", "industries", "organizations"):
            total.add(self.tallies[name])
        return total

    @property
    def amount_rate(self) -> float:
        return self.amounts_exact / self.amounts_total if self.amounts_total else 1.0

    def add(self, other: SetScores) -> None:
        for name, tally in other.tallies.items():
            self.tallies[name].add(tally)
        self.amounts_exact += other.amounts_exact
        self.amounts_total += other.amounts_total
        for i in range(2):
            self.designation_status[i] += other.designation_status[i]
        self.schemes.add(other.schemes)
        self.industries_related.add(other.industries_related)
        self.designations_related.add(other.designations_related)
        for key, (right, seen) in other.metadata.items():
            self.metadata[key][0] += right
            self.metadata[key][1] += seen
        for kind, banded in other.bands.items():
            self.bands[kind].merge(banded)
        self.documents += other.documents


@dataclass
class DocumentResult:
    """One document's misses and false alarms, for tuning (``rsg eval --details``)."""

    file: str
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    extra: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def load_goldset(path: Path) -> GoldSet:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return GoldSet.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ValidationFailed(
            f"{path}: not a document-level gold file",
            [f"{path}: {exc}"[:500]],
            "see data/eval/README.md for the format",
        ) from exc


def name_key(text: str) -> str:
    """An organisation name as compared: no legal-form mark, no spaces, NFKC, case-folded."""
    return "".join(_LEGAL.sub("", unicodedata.normalize("NFKC", text)).split()).casefold()


def amount_key(text: str) -> str:
    return "".join(_AMOUNT_EDGES.sub("", _AMOUNT_EDGES.sub("", text.strip())).split())


def evaluate(
    gold_file: Path,
    corpus: Path,
    *,
    split: Split | None = None,
    pipeline: Pipeline | None = None,
    details: list[DocumentResult] | None = None,
) -> dict[str, SetScores]:
    """Scores per split ("tune", "heldout") and "all"; only ``split`` when it is given.

    Documents of other splits are neither read nor run.
    """
    gold = load_goldset(gold_file)
    pipeline = pipeline or Pipeline.load()
    scores: dict[str, SetScores] = {}
    for doc in gold.documents:
        if split is not None and doc.split != split:
            continue
        path = corpus / doc.file
        if not path.is_file():
            raise ValidationFailed(
                f"{doc.file}: text not found",
                [f"{path} does not exist"],
                "pass the folder of the article texts with --corpus",
            )
        raw = read(path)
        # No date is given: the document's own metadata is part of what is measured.
        extraction, facts = pipeline.run(raw)
        result = DocumentResult(doc.file)
        one = score_document(doc, extraction, facts, pipeline.gazetteer, result)
        if details is not None:
            details.append(result)
        for key in (doc.split, "all"):
            scores.setdefault(key, SetScores()).add(one)
    return scores


def score_document(
    doc: GoldDocument,
    extraction: Extraction,
    facts: list[ExtractedFact],
    gazetteer: Gazetteer,
    result: DocumentResult | None = None,
) -> SetScores:
    out = SetScores(documents=1)
    result = result or DocumentResult(doc.file)
    resolve = Resolver(gazetteer)
    score_ids(out, result, "regions", set(doc.regions), _regions(extraction, gazetteer))
    want_ind = {resolve.concept(c, "Industry") for c in doc.industries}
    score_ids(out, result, "industries", want_ind, set(extraction.industries))
    out.industries_related = related_tally(want_ind, set(extraction.industries), gazetteer)
    names = _score_organizations(out, result, doc, extraction)
    _score_amounts(out, result, doc, extraction)
    _score_investments(out, result, doc, facts, names)
    _score_designations(out, result, doc, facts, resolve)
    _score_metadata(out, result, doc, extraction)
    return out


def score_ids(
    out: SetScores, result: DocumentResult, name: str, want: set[str], got: set[str]
) -> None:
    tally = out.tallies[name]
    tally.tp, tally.fp, tally.fn = len(want & got), len(got - want), len(want - got)
    result.missed[name] += sorted(want - got)
    result.extra[name] += sorted(got - want)


def related_tally(want: set[str], got: set[str], gazetteer: Gazetteer) -> Tally:
    """Industries matched one to one, first exactly, then where one is broader than the other
    in the taxonomy (battery for battery materials, or the other way round)."""
    above = {industry: gazetteer.above(industry) for industry in want | got}
    return _paired(want, got, lambda g, p: g in above[p] or p in above[g])


def level_tally(
    want: set[tuple[str, str]], got: set[tuple[str, str]], gazetteer: Gazetteer
) -> Tally:
    """Designations matched one to one, first exactly, then the same scheme at a region
    above or below the gold's (a province and one of its cities or counties)."""
    above = {region: _regions_above(region, gazetteer) for _, region in want | got}
    return _paired(
        want,
        got,
        lambda g, p: g[0] == p[0] and (p[1] in above[g[1]] or g[1] in above[p[1]]),
    )


def _regions_above(region: str, gazetteer: Gazetteer) -> set[str]:
    out: set[str] = set()
    entry = gazetteer.by_key.get(("Region", region))
    while entry is not None and entry.parent and entry.parent not in out:
        out.add(entry.parent)
        entry = gazetteer.by_key.get(("Region", entry.parent))
    return out


_Key = TypeVar("_Key", str, tuple[str, str])


def _paired(want: set[_Key], got: set[_Key], related: Callable[[_Key, _Key], bool]) -> Tally:
    """Gold and found matched one to one: first the same, then (gold, found) ``related``."""
    exact = want & got
    wanted, found = sorted(want - exact), sorted(got - exact)
    pairs = 0
    for g in wanted:
        match = next((p for p in found if related(g, p)), None)
        if match is not None:
            found.remove(match)
            pairs += 1
    tally = Tally()
    tally.tp = len(exact) + pairs
    tally.fp = len(found)
    tally.fn = len(wanted) - pairs
    return tally


def _regions(extraction: Extraction, gazetteer: Gazetteer) -> set[str]:
    out = set()
    for e in extraction.entities:
        if e.type == "Region" and e.id:
            entry = gazetteer.by_key.get(("Region", e.id))
            if entry is not None and entry.level != "area":
                out.add(e.id)
    return out


class Resolver:
    """Gold concepts marked ``new`` that the reference data has since gained, by name; and
    the local government of a named area (the gold's regions are local governments)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def local_government(self, region: str) -> str:
        """A named area's city, or the province of all the cities it spans (새만금)."""
        entry = self.gazetteer.by_key.get(("Region", region))
        if entry is None or entry.level != "area":
            return region
        cities = self.gazetteer.part_of.get(region, set())
        if len(cities) == 1:
            return self.local_government(next(iter(cities)))
        provinces = {
            entry.parent
            for c in cities
            if (entry := self.gazetteer.by_key.get(("Region", c))) is not None and entry.parent
        }
        return provinces.pop() if len(provinces) == 1 else region

    def concept(self, value: Concept, label: str) -> str:
        if isinstance(value, str):
            return value
        from ingest.documents.matcher import surface_key

        entries = self.gazetteer.surfaces.get(surface_key(value.new), [])
        ids = {e.id for e in entries if e.label == label}
        return ids.pop() if len(ids) == 1 else f"new:{value.new}"


def _predicted_orgs(extraction: Extraction) -> dict[str, tuple[set[str], float]]:
    """Organisations of the extraction: key -> (names it goes by, highest confidence)."""
    orgs: dict[str, tuple[set[str], float]] = {}
    for e in extraction.entities:
        if e.type != "Organization":
            continue
        key = f"id:{e.id}" if e.id else f"name:{name_key(e.text)}"
        names, conf = orgs.get(key, (set(), 0.0))
        names |= {name_key(e.text), name_key(e.name_ko or e.text)}
        orgs[key] = (names, max(conf, e.confidence if e.confidence is not None else 1.0))
    return orgs


def calibration_rows(
    doc: GoldDocument, extraction: Extraction, facts: list[ExtractedFact], gazetteer: Gazetteer
) -> tuple[list[tuple[Evidence, bool]], list[tuple[str, float, bool]]]:
    """What ``rsg calibrate`` counts in one document (the pipeline uncalibrated): each
    organisation's class of evidence, and each investment and designation fact's type and
    confidence, with whether the gold has it, by the same keys as the scores."""
    orgs, scored = gold_rows(doc, extraction, facts, gazetteer)
    return (
        [(ev, right) for _, ev, right in orgs],
        [(f.type, f.confidence, right) for f, right in scored],
    )


_F = TypeVar("_F", bound=Fact)


def gold_rows(
    doc: GoldDocument, extraction: Extraction, facts: Sequence[_F], gazetteer: Gazetteer
) -> tuple[list[tuple[str, Evidence, bool]], list[tuple[_F, bool]]]:
    """Each organisation of the extraction, by ``reference`` (its id, or a new one's name),
    with its class of evidence; and the investment and designation facts among ``facts``
    (those the gold settles). Each with whether the gold has it, by the same keys as the
    scores."""
    names = tally_organizations(
        SetScores(), DocumentResult(doc.file), doc, _predicted_orgs(extraction)
    )
    orgs = [e for e in extraction.entities if e.type == "Organization"]
    keys = {e.id or e.text: f"id={e.id}" if e.id else name_key(e.text) for e in orgs}
    classes = evidence(
        [(e.id, e.text) for e in orgs], [(f.type, f.subject, f.object) for f in extraction.facts]
    )
    resolve = Resolver(gazetteer)
    invested = {(i.organization, i.amount_krw) for i in doc.investments}
    designated = _wanted_designations(doc, resolve)
    scored = []
    for f in facts:
        if (investment := _investment_key(f, names)) is not None:
            scored.append((f, investment in invested))
        elif (designation := _designation_key(f, resolve)) is not None:
            scored.append((f, designation in designated))
    return [(ref, ev, keys[ref] in names) for ref, ev in classes.items()], scored


def _score_organizations(
    out: SetScores, result: DocumentResult, doc: GoldDocument, extraction: Extraction
) -> dict[str, str]:
    """Tally organisations; returns prediction key -> the gold name it matched."""
    return tally_organizations(out, result, doc, _predicted_orgs(extraction))


def tally_organizations(
    out: SetScores,
    result: DocumentResult,
    doc: GoldDocument,
    predicted: dict[str, tuple[set[str], float]],
) -> dict[str, str]:
    """Tally predicted organisations (key -> names, confidence) against the gold's; returns
    every name and id a matched prediction goes by -> the gold name it matched."""
    gold = {g.name: {name_key(f) for f in [g.name, *g.forms]} for g in doc.organizations}
    matched: dict[str, str] = {}
    for key, (names, _) in predicted.items():
        hit = next((g for g, forms in gold.items() if names & forms), None)
        if hit is not None:
            matched[key] = hit
    tally = out.tallies["organizations"]
    found = set(matched.values())
    tally.tp = len(found)
    tally.fn = len(gold) - len(found)
    tally.fp = len(predicted) - len(matched)
    for key, (_, conf) in predicted.items():
        out.bands["organizations"].add(conf, key in matched)
        if key not in matched:
            result.extra["organizations"].append(key.split(":", 1)[1])
    result.missed["organizations"] += sorted(set(gold) - found)
    # Every name and id a matched prediction goes by, for finding investors.
    by_name: dict[str, str] = {}
    for key, hit in matched.items():
        kind, value = key.split(":", 1)
        by_name |= dict.fromkeys(predicted[key][0], hit)
        if kind == "id":
            by_name[f"id={value}"] = hit
    return by_name


def _score_amounts(
    out: SetScores, result: DocumentResult, doc: GoldDocument, extraction: Extraction
) -> None:
    got: dict[str, set[int]] = defaultdict(set)
    for e in extraction.entities:
        if e.type == "Amount" and e.value is not None:
            got[amount_key(e.text)].add(e.value)
    tally_amounts(out, result, doc, got)


def tally_amounts(
    out: SetScores, result: DocumentResult, doc: GoldDocument, got: dict[str, set[int]]
) -> None:
    """Tally amounts found (wording as compared -> values) against the gold's."""
    want = {amount_key(a.text): a for a in doc.amounts if a.currency is None}
    for key, amount in want.items():
        out.amounts_total += 1
        exact = int(amount.value) in got.get(key, set())
        out.amounts_exact += exact
        if not exact:
            result.missed["amounts"].append(f"{amount.text}={int(amount.value):,}")
    tally = out.tallies["amounts"]
    tally.tp = sum(1 for k, a in want.items() if int(a.value) in got.get(k, set()))
    tally.fn = len(want) - tally.tp
    tally.fp = sum(1 for k in got if k not in want)
    result.extra["amounts"] += sorted(k for k in got if k not in want)


def _org_of(subject: str, names: dict[str, str]) -> str:
    """The gold name an ``Organization:`` reference stands for, or the reference itself."""
    ref = subject.split(":", 1)[1] if ":" in subject else subject
    return names.get(name_key(ref), names.get(f"id={ref}", ref))


def _score_investments(
    out: SetScores,
    result: DocumentResult,
    doc: GoldDocument,
    facts: list[ExtractedFact],
    names: dict[str, str],
) -> None:
    got: dict[tuple[str, int], float] = {}
    for f in facts:
        if (key := _investment_key(f, names)) is not None:
            got[key] = max(got.get(key, 0.0), f.confidence)
    tally_investments(out, result, doc, got)


def _investment_key(f: Fact, names: dict[str, str]) -> tuple[str, int] | None:
    """What an investment fact is scored by: (gold name of the investor, won)."""
    if f.type != "INVESTS_IN" or f.amount_krw is None:
        return None
    return (_org_of(f.subject, names), f.amount_krw)


def tally_investments(
    out: SetScores, result: DocumentResult, doc: GoldDocument, got: dict[tuple[str, int], float]
) -> None:
    """Tally investments found ((gold name of the investor, won) -> confidence)."""
    want = {(i.organization, i.amount_krw) for i in doc.investments}
    tally = out.tallies["investments"]
    tally.tp, tally.fp = len(want & set(got)), len(set(got) - want)
    tally.fn = len(want - set(got))
    for key, conf in got.items():
        out.bands["investments"].add(conf, key in want)
    result.missed["investments"] += [f"{o} {a:,}" for o, a in sorted(want - set(got))]
    result.extra["investments"] += [f"{o} {a:,}" for o, a in sorted(set(got) - want)]


_STATUS = {"HOLDS": "designated", "SEEKS": "applied"}


def _score_designations(
    out: SetScores,
    result: DocumentResult,
    doc: GoldDocument,
    facts: list[ExtractedFact],
    resolve: Resolver,
) -> None:
    got: dict[tuple[str, str], tuple[str, float]] = {}
    for f in facts:
        key = _designation_key(f, resolve)
        if key is not None and (key not in got or f.confidence > got[key][1]):
            got[key] = (_STATUS[f.type], f.confidence)
    tally_designations(out, result, doc, got, resolve)


def _designation_key(f: Fact, resolve: Resolver) -> tuple[str, str] | None:
    """What a designation fact is scored by: (scheme, local government)."""
    if f.type not in _STATUS or not f.object.startswith("Designation:"):
        return None
    return (f.object.split(":", 1)[1], resolve.local_government(f.subject.split(":", 1)[1]))


def _wanted_designations(doc: GoldDocument, resolve: Resolver) -> dict[tuple[str, str], str]:
    """The gold's designations: (scheme, region) -> status."""
    return {
        (resolve.concept(d.scheme, "Designation"), d.region): d.status for d in doc.designations
    }


def tally_designations(
    out: SetScores,
    result: DocumentResult,
    doc: GoldDocument,
    got: dict[tuple[str, str], tuple[str, float]],
    resolve: Resolver,
) -> None:
    """Tally designations found ((scheme, region) -> (status, confidence))."""
    want = _wanted_designations(doc, resolve)
    tally = out.tallies["designations"]
    tally.tp = len(set(want) & set(got))
    tally.fp, tally.fn = len(set(got) - set(want)), len(set(want) - set(got))
    for key, (status, conf) in got.items():
        out.bands["designations"].add(conf, key in want)
        if key in want:
            out.designation_status[1] += 1
            out.designation_status[0] += status == want[key] or (
                status == "applied" and want[key] == "planned"
            )
    out.designations_related = level_tally(set(want), set(got), resolve.gazetteer)
    want_schemes, got_schemes = {s for s, _ in want}, {s for s, _ in got}
    out.schemes.tp = len(want_schemes & got_schemes)
    out.schemes.fp = len(got_schemes - want_schemes)
    out.schemes.fn = len(want_schemes - got_schemes)
    result.missed["designations"] += [f"{s}@{r}" for s, r in sorted(set(want) - set(got))]
    result.extra["designations"] += [f"{s}@{r}" for s, r in sorted(set(got) - set(want))]


def _score_metadata(
    out: SetScores, result: DocumentResult, doc: GoldDocument, extraction: Extraction
) -> None:
    info = extraction.document
    checks = {
        "published": (doc.published, (info.published or "")[: len(doc.published)]),
        "title": (doc.title if doc.headline else "", info.title or ""),
        "publisher": (doc.publisher, info.publisher or ""),
    }
    for key, (want, got) in checks.items():
        if not want:
            continue
        right = name_key(want) == name_key(got)
        out.metadata[key][1] += 1
        out.metadata[key][0] += right
        if not right:
            result.missed["source"].append(f"{key} {want!r} (read {got!r})")


def report_rows(scores: dict[str, SetScores]) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(title, rows) per split for a table; the first row of each is the header."""
    tables = []
    for name in ("tune", "heldout", "all"):
        s = scores.get(name)
        if s is None or not s.documents:
            continue
        rows: list[tuple[str, ...]] = [("measure", "precision", "recall", "F1", "target")]
        e = s.entities
        rows.append(("entities (regions, industries, organisations)", *_prf(e), ">= 0.90 F1"))
        for measure in ("regions", "industries", "organizations"):
            rows.append((f"  {measure}", *_prf(s.tallies[measure]), ""))
        rows[-1] = (*rows[-1][:4], ">= 0.85 P and R")
        rows.insert(
            -1, ("    industries, a broader or narrower id counts", *_prf(s.industries_related), "")
        )
        rows.append(("amounts exact", "", "", f"{s.amount_rate:.3f}", ">= 0.98"))
        rows.append(("  amounts found (any value)", *_prf(s.tallies["amounts"]), ""))
        rows.append(("investments", *_prf(s.tallies["investments"]), ">= 0.75 F1"))
        rows.append(("designations", *_prf(s.tallies["designations"]), ">= 0.85 R"))
        rows.append(("  schemes, whatever the region", *_prf(s.schemes), ""))
        rows.append(
            ("  a region above or below the gold's counts", *_prf(s.designations_related), "")
        )
        right, seen = s.designation_status
        if seen:
            rows.append(("  designation status agrees", "", "", f"{right / seen:.3f}", ""))
        for key, (right, seen) in sorted(s.metadata.items()):
            rows.append((f"source {key} from the text", "", "", f"{right / seen:.3f}", ""))
        tables.append((f"{name}: {s.documents} document(s)", rows))
    return tables


def band_rows(scores: SetScores) -> list[tuple[str, ...]]:
    """Precision per confidence band and kind; the first row is the header."""
    rows: list[tuple[str, ...]] = [
        ("kind", *(f"[{lo:.1f}, {min(hi, 1.0):.1f}]" for lo, hi in BANDS))
    ]
    for kind, banded in sorted(scores.bands.items()):
        cells = []
        for band in BANDS:
            n, right = banded.counts[band]
            cells.append(f"{right / n:.2f} ({right}/{n})" if n else "-")
        rows.append((kind, *cells))
    return rows


def _prf(t: Tally) -> tuple[str, str, str]:
    return f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}"


def detail_lines(results: Iterable[DocumentResult]) -> list[str]:
    lines = []
    for r in results:
        lines.append(f"# {r.file}")
        for kind in (*MEASURES, "source"):
            if r.missed.get(kind):
                lines.append(f"  missed {kind}: {', '.join(r.missed[kind])}")
            if r.extra.get(kind):
                lines.append(f"  extra  {kind}: {', '.join(r.extra[kind])}")
    return lines
