"""The checks of a document-level gold file's documents, shared by the gold sets' tests and
the second readings' tests (``test_eval_gold.py``, ``test_agreement_file.py``).

A document's problems: required metadata, split, URL and date forms, ids that must exist in
data/*.yaml or be marked new, organisation kinds and forms, spans of at most 40 characters,
amounts, and investments and designations that refer to the document's own organisations,
amounts and regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ontology.contract import ORG_KINDS
from ontology.models import MAX_EVIDENCE

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

#: A copied span is held to the graph's evidence length.
MAX_SPAN = MAX_EVIDENCE
SPLITS = ("tune", "heldout")
#: The graph's organisation kinds, and a consortium (a gold-only kind).
KINDS = {*ORG_KINDS, "consortium"}
BASES = {"mou", "loi", "announced", "executed", "fdi"}
STATUSES = {"designated", "applied", "planned"}
REQUIRED = ("file", "url", "title", "publisher", "published", "split")
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Known:
    regions: frozenset[str]
    industries: frozenset[str]
    schemes: frozenset[str]


def _ids(name: str, key: str) -> frozenset[str]:
    loaded = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return frozenset(str(item["id"]) for item in loaded.get(key) or [])


def _new_or_known(value: Any, ids: frozenset[str]) -> bool:
    if isinstance(value, dict):
        return set(value) == {"new", "en"} and all(isinstance(v, str) and v for v in value.values())
    return isinstance(value, str) and value in ids


def _amount(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _published(value: Any) -> bool:
    text = str(value)
    if not PUBLISHED.match(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _span(where: str, what: str, text: Any) -> list[str]:
    if not isinstance(text, str) or not text:
        return [f"{where}: {what} is not a non-empty string"]
    if len(text) > MAX_SPAN:
        return [f"{where}: {what} {text!r} is longer than {MAX_SPAN} characters"]
    return []


def _organizations(where: str, doc: dict[str, Any]) -> tuple[set[str], list[str]]:
    names: set[str] = set()
    problems: list[str] = []
    for org in doc.get("organizations") or []:
        names.add(str(org.get("name")))
        problems += _span(where, "organisation name", org.get("name"))
        if org.get("kind") not in KINDS:
            problems.append(f"{where}: organisation kind {org.get('kind')!r} is unknown")
        forms = org.get("forms")
        if not isinstance(forms, list) or not forms:
            problems.append(f"{where}: organisation {org.get('name')!r} has no forms")
        for form in forms or []:
            problems += _span(where, "form", form)
    return names, problems


def document_problems(
    doc: dict[str, Any], known: Known, required: tuple[str, ...] = REQUIRED
) -> list[str]:
    """What is wrong with one document (empty when nothing is); ``required`` names the
    metadata that must be there."""
    where = str(doc.get("file", "<no file>"))
    problems = [f"{where}: missing {key}" for key in required if not doc.get(key)]
    if doc.get("split") not in SPLITS:
        problems.append(f"{where}: split {doc.get('split')!r} is neither tune nor heldout")
    if doc.get("url") and not str(doc["url"]).startswith(("http://", "https://")):
        problems.append(f"{where}: url is not http(s)")
    if doc.get("published") and not _published(doc["published"]):
        problems.append(f"{where}: published {doc['published']!r} is not an ISO date")
    if doc.get("title") and not isinstance(doc["title"], str):
        problems.append(f"{where}: title is not a string")
    regions = set(doc.get("regions") or [])
    problems += [f"{where}: unknown region {r!r}" for r in sorted(regions - known.regions)]
    for industry in doc.get("industries") or []:
        if not _new_or_known(industry, known.industries):
            problems.append(f"{where}: unknown industry {industry!r}")
    names, more = _organizations(where, doc)
    problems += more
    values = set()
    for amount in doc.get("amounts") or []:
        problems += _span(where, "amount text", amount.get("text"))
        if not _amount(amount.get("value")):
            problems.append(f"{where}: amount {amount.get('text')!r} has no positive integer value")
        values.add(amount.get("value"))
    for fact in doc.get("investments") or []:
        if fact.get("organization") not in names:
            problems.append(f"{where}: investor {fact.get('organization')!r} is not listed")
        if fact.get("amount_krw") not in values:
            problems.append(f"{where}: investment amount {fact.get('amount_krw')!r} is not listed")
        if fact.get("region") not in regions:
            problems.append(f"{where}: investment region {fact.get('region')!r} is not listed")
        if fact.get("basis") not in BASES:
            problems.append(f"{where}: investment basis {fact.get('basis')!r} is unknown")
    for item in doc.get("designations") or []:
        if not _new_or_known(item.get("scheme"), known.schemes):
            problems.append(f"{where}: unknown designation scheme {item.get('scheme')!r}")
        if "industry" in item and not _new_or_known(item["industry"], known.industries):
            problems.append(f"{where}: unknown designation industry {item['industry']!r}")
        if item.get("region") not in regions:
            problems.append(f"{where}: designation region {item.get('region')!r} is not listed")
        if item.get("status") not in STATUSES:
            problems.append(f"{where}: designation status {item.get('status')!r} is unknown")
    return problems


def load_known() -> Known:
    """The region, industry and scheme ids of the reference data."""
    return Known(
        regions=_ids("regions.yaml", "regions") | _ids("regions.yaml", "areas"),
        industries=_ids("industries.yaml", "industries"),
        schemes=_ids("designations.yaml", "designations"),
    )


def spans_not_found(folder: Path, documents: list[tuple[str, list[str]]]) -> list[str]:
    """The copied spans (document file, its spans) not found in their texts under ``folder``,
    and each text the folder lacks, all at once: a folder fetched again may miss a few."""
    problems: list[str] = []
    for file, spans in documents:
        path = folder / file
        if not path.is_file():
            problems.append(f"{file}: no such text in {folder}")
            continue
        text = path.read_text(encoding="utf-8")
        problems += [f"{file}: {s!r}" for s in spans if s not in text]
    return problems
