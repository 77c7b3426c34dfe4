"""The second annotations of sets 10 to 14 (data/eval/agreement/realnews1x-b.yaml) for agreement.

Each file loads with the gold loader, covers the 28 documents of its set once each, every document
is held out with a stratum, every region, industry and scheme id exists in data/*.yaml or is marked
new, organisation kinds are known, investors are organisations of the same document, and every
copied span is at most 40 characters. With ``RSG_REALNEWS10_CORPUS`` (``RSG_REALNEWS11_CORPUS``,
``RSG_REALNEWS12_CORPUS``, ``RSG_REALNEWS13_CORPUS``, ``RSG_REALNEWS14_CORPUS``) naming the folder
of set 10's (set 11's, set 12's, set 13's, set 14's) texts, every copied span is also found in its
text. Broken entries written here fail.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.documents.goldset import GoldDocument, GoldSet, NewConcept, load_goldset

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
AGREEMENT = DATA / "eval" / "agreement"
#: Second reading -> the variable naming the folder of its set's texts.
READINGS = {
    "realnews10-b.yaml": "RSG_REALNEWS10_CORPUS",
    "realnews11-b.yaml": "RSG_REALNEWS11_CORPUS",
    "realnews12-b.yaml": "RSG_REALNEWS12_CORPUS",
    "realnews13-b.yaml": "RSG_REALNEWS13_CORPUS",
    "realnews14-b.yaml": "RSG_REALNEWS14_CORPUS",
}
DOCUMENTS = 28
MAX_SPAN = 40
STRATA = {
    "battery",
    "chips-display",
    "aero-defense",
    "energy",
    "bio",
    "ai-robotics",
    "zones-materials",
}
KINDS = {
    "company",
    "university",
    "research_institute",
    "government_body",
    "association",
    "public_institution",
    "consortium",
}
STATUSES = {"designated", "applied", "planned"}
BASES = {"mou", "loi", "announced", "executed", "fdi"}


def _ids(name: str, key: str) -> frozenset[str]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return frozenset(entry["id"] for entry in data[key])


REGIONS = _ids("regions.yaml", "regions")
INDUSTRIES = _ids("industries.yaml", "industries")
SCHEMES = _ids("designations.yaml", "designations")


def _concept(value: str | NewConcept | None, ids: frozenset[str]) -> bool:
    if isinstance(value, NewConcept):
        return bool(value.new and value.en)
    return value in ids


def problems(doc: GoldDocument, stratum: Any) -> list[str]:
    """What is wrong with one document of the file (empty when nothing is)."""
    where = doc.file
    out: list[str] = []
    if doc.split != "heldout":
        out.append(f"{where}: split {doc.split}, not heldout")
    if stratum not in STRATA:
        out.append(f"{where}: stratum {stratum!r}")
    if not doc.title:
        out.append(f"{where}: no title")
    out += [f"{where}: region {r}" for r in doc.regions if r not in REGIONS]
    out += [f"{where}: industry {i}" for i in doc.industries if not _concept(i, INDUSTRIES)]
    names = set()
    for org in doc.organizations:
        names.add(org.name)
        if org.kind not in KINDS:
            out.append(f"{where}: kind {org.kind!r} of {org.name}")
        if not org.forms:
            out.append(f"{where}: no form of {org.name}")
        out += [f"{where}: span {f!r}" for f in org.forms if len(f) > MAX_SPAN]
    for amount in doc.amounts:
        if len(amount.text) > MAX_SPAN:
            out.append(f"{where}: span {amount.text!r}")
        if amount.value <= 0:
            out.append(f"{where}: value of {amount.text!r}")
    for inv in doc.investments:
        if inv.organization not in names:
            out.append(f"{where}: investor {inv.organization} is no organisation of it")
        if inv.region not in REGIONS or inv.basis not in BASES or inv.amount_krw <= 0:
            out.append(f"{where}: investment {inv.organization} {inv.region} {inv.basis}")
    for d in doc.designations:
        if not _concept(d.scheme, SCHEMES):
            out.append(f"{where}: scheme {d.scheme}")
        if d.industry is not None and not _concept(d.industry, INDUSTRIES):
            out.append(f"{where}: designation industry {d.industry}")
        if d.region not in REGIONS or d.status not in STATUSES:
            out.append(f"{where}: designation {d.region} {d.status}")
    return out


@pytest.fixture(scope="module", params=sorted(READINGS))
def reading(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def raw(reading: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((AGREEMENT / reading).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def goldset(reading: str) -> GoldSet:
    return load_goldset(AGREEMENT / reading)


def test_the_file_loads_with_every_document_of_its_set_once(goldset: GoldSet) -> None:
    files = [doc.file for doc in goldset.documents]
    assert len(files) == DOCUMENTS
    assert len(set(files)) == DOCUMENTS
    assert all(f.endswith(".txt") for f in files)


def test_every_document_is_valid(goldset: GoldSet, raw: dict[str, Any]) -> None:
    strata = {d["file"]: d.get("stratum") for d in raw["documents"]}
    found = [p for doc in goldset.documents for p in problems(doc, strata[doc.file])]
    assert found == []


def _doc(**change: Any) -> GoldDocument:
    base: dict[str, Any] = {
        "file": "a.txt",
        "split": "heldout",
        "title": "시험 문서",
        "regions": ["jeonbuk", "jeonbuk-jeonju"],
        "industries": ["battery", {"new": "시험산업", "en": "test industry"}],
        "organizations": [{"name": "가나전지", "kind": "company", "forms": ["가나전지"]}],
        "amounts": [{"text": "100억원", "value": 10_000_000_000}],
        "investments": [
            {
                "organization": "가나전지",
                "amount_krw": 10_000_000_000,
                "region": "jeonbuk-jeonju",
                "basis": "mou",
            }
        ],
        "designations": [
            {"scheme": "regulation-free-zone", "region": "jeonbuk", "status": "designated"}
        ],
    }
    base.update(change)
    return GoldDocument.model_validate(base)


def test_a_small_valid_document_passes() -> None:
    assert problems(_doc(), "battery") == []


@pytest.mark.parametrize(
    ("change", "stratum", "expected"),
    [
        ({"split": "tune"}, "battery", "not heldout"),
        ({}, "batteries", "stratum"),
        ({"regions": ["jeonbuk-nowhere"]}, "battery", "region jeonbuk-nowhere"),
        ({"industries": ["batteryy"]}, "battery", "industry batteryy"),
        (
            {"organizations": [{"name": "가나전지", "kind": "firm", "forms": ["가나전지"]}]},
            "battery",
            "kind",
        ),
        (
            {"organizations": [{"name": "가나전지", "kind": "company", "forms": ["가" * 41]}]},
            "battery",
            "span",
        ),
        ({"amounts": [{"text": "1" * 41, "value": 1}]}, "battery", "span"),
        ({"organizations": []}, "battery", "investor 가나전지"),
        (
            {"designations": [{"scheme": "no-such-zone", "region": "jeonbuk"}]},
            "battery",
            "scheme no-such-zone",
        ),
    ],
)
def test_a_broken_document_is_reported(change: dict[str, Any], stratum: str, expected: str) -> None:
    found = problems(_doc(**change), stratum)
    assert any(expected in p for p in found), found


def test_spans_are_found_in_the_texts_when_the_folder_is_given(
    goldset: GoldSet, reading: str
) -> None:
    variable = READINGS[reading]
    folder = os.environ.get(variable)
    if not folder:
        pytest.skip(f"{variable} does not name the folder of the texts of {reading}")
    missing = []
    for doc in goldset.documents:
        text = (Path(folder) / doc.file).read_text(encoding="utf-8")
        spans = [a.text for a in doc.amounts] + [f for o in doc.organizations for f in o.forms]
        missing += [f"{doc.file}: {s!r}" for s in spans if s not in text]
    assert missing == []
