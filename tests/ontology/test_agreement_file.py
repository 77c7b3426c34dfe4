"""The second annotations of sets 10 to 24 (data/eval/agreement/realnews*-b.yaml) for agreement.

Each file loads with the gold loader, covers the 28 documents of its set once each, every document
is held out with a stratum, and every document passes the gold sets' own checks
(``goldcheck.document_problems``: ids exist in data/*.yaml or are marked new, organisation kinds
are known, investments and designations refer to the document's organisations, amounts and
regions, copied spans are at most 40 characters), a URL, publisher and date aside.
With ``RSG_REALNEWS10_CORPUS`` (``RSG_REALNEWS11_CORPUS``, ``RSG_REALNEWS12_CORPUS``,
``RSG_REALNEWS13_CORPUS``, ``RSG_REALNEWS14_CORPUS``, ``RSG_REALNEWS15_CORPUS``,
``RSG_REALNEWS16_CORPUS``, ``RSG_REALNEWS17_CORPUS``, ``RSG_REALNEWS18_CORPUS``,
``RSG_REALNEWS19_CORPUS``, ``RSG_REALNEWS20_CORPUS``, ``RSG_REALNEWS21_CORPUS``,
``RSG_REALNEWS22_CORPUS``, ``RSG_REALNEWS23_CORPUS``, ``RSG_REALNEWS24_CORPUS``) naming the folder
of set 10's (set 11's, set 12's, set 13's, set 14's, set 15's, set 16's, set 17's, set 18's, set
19's, set 20's, set 21's, set 22's, set 23's, set 24's) texts, every copied span is also found in
its text. Broken entries written here fail.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.documents.goldset import GoldDocument, GoldSet, load_goldset
from tests.ontology.goldcheck import document_problems, load_known, spans_not_found

AGREEMENT = Path(__file__).resolve().parents[2] / "data" / "eval" / "agreement"
#: Second reading -> the variable naming the folder of its set's texts.
READINGS = {
    "realnews10-b.yaml": "RSG_REALNEWS10_CORPUS",
    "realnews11-b.yaml": "RSG_REALNEWS11_CORPUS",
    "realnews12-b.yaml": "RSG_REALNEWS12_CORPUS",
    "realnews13-b.yaml": "RSG_REALNEWS13_CORPUS",
    "realnews14-b.yaml": "RSG_REALNEWS14_CORPUS",
    "realnews15-b.yaml": "RSG_REALNEWS15_CORPUS",
    "realnews16-b.yaml": "RSG_REALNEWS16_CORPUS",
    "realnews17-b.yaml": "RSG_REALNEWS17_CORPUS",
    "realnews18-b.yaml": "RSG_REALNEWS18_CORPUS",
    "realnews19-b.yaml": "RSG_REALNEWS19_CORPUS",
    "realnews20-b.yaml": "RSG_REALNEWS20_CORPUS",
    "realnews21-b.yaml": "RSG_REALNEWS21_CORPUS",
    "realnews22-b.yaml": "RSG_REALNEWS22_CORPUS",
    "realnews23-b.yaml": "RSG_REALNEWS23_CORPUS",
    "realnews24-b.yaml": "RSG_REALNEWS24_CORPUS",
}
DOCUMENTS = 28
STRATA = {
    "battery",
    "chips-display",
    "aero-defense",
    "energy",
    "bio",
    "ai-robotics",
    "zones-materials",
}
#: A second reading carries no URL, and a publisher or a date only where the text shows one.
READING_REQUIRED = ("file", "title", "split")
KNOWN = load_known()
#: Local governments only: the readings name no area (industrial complex, zone) as a region.
LOCAL = frozenset(
    str(entry["id"])
    for entry in yaml.safe_load((AGREEMENT.parents[1] / "regions.yaml").read_text("utf-8"))[
        "regions"
    ]
)


def problems(doc: dict[str, Any]) -> list[str]:
    """What is wrong with one document of the file (empty when nothing is): the gold sets'
    checks of a document, every document held out, and a stratum of the seven."""
    where = str(doc.get("file"))
    out = document_problems(doc, KNOWN, READING_REQUIRED)
    if doc.get("split") != "heldout":
        out.append(f"{where}: split {doc.get('split')}, not heldout")
    if doc.get("stratum") not in STRATA:
        out.append(f"{where}: stratum {doc.get('stratum')!r}")
    out += [
        f"{where}: region {r} is no local government"
        for r in doc.get("regions") or []
        if r in KNOWN.regions and r not in LOCAL
    ]
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


def test_every_document_is_valid(raw: dict[str, Any]) -> None:
    found = [p for doc in raw["documents"] for p in problems(doc)]
    assert found == []


AREA = "saemangeum"  # a named area of data/regions.yaml


def _doc(**change: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "file": "a.txt",
        "split": "heldout",
        "stratum": "battery",
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
    GoldDocument.model_validate(base)  # the example is in the gold loader's format
    return base


def test_a_small_valid_document_passes() -> None:
    assert problems(_doc()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"split": "tune"}, "not heldout"),
        ({"stratum": "batteries"}, "stratum"),
        ({"title": ""}, "missing title"),
        ({"regions": ["jeonbuk-nowhere"]}, "unknown region 'jeonbuk-nowhere'"),
        ({"regions": ["jeonbuk", "jeonbuk-jeonju", AREA]}, "no local government"),
        ({"industries": ["batteryy"]}, "unknown industry 'batteryy'"),
        (
            {"organizations": [{"name": "가나전지", "kind": "firm", "forms": ["가나전지"]}]},
            "kind 'firm'",
        ),
        (
            {"organizations": [{"name": "가나전지", "kind": "company", "forms": ["가" * 41]}]},
            "longer than 40",
        ),
        ({"amounts": [{"text": "1" * 41, "value": 1}]}, "longer than 40"),
        ({"organizations": []}, "investor '가나전지'"),
        (
            {"designations": [{"scheme": "no-such-zone", "region": "jeonbuk"}]},
            "scheme 'no-such-zone'",
        ),
    ],
)
def test_a_broken_document_is_reported(change: dict[str, Any], expected: str) -> None:
    found = problems(_doc(**change))
    assert any(expected in p for p in found), found


def test_spans_are_found_in_the_texts_when_the_folder_is_given(
    goldset: GoldSet, reading: str
) -> None:
    variable = READINGS[reading]
    folder = os.environ.get(variable)
    if not folder:
        pytest.skip(f"{variable} does not name the folder of the texts of {reading}")
    documents = [
        (doc.file, [a.text for a in doc.amounts] + [f for o in doc.organizations for f in o.forms])
        for doc in goldset.documents
    ]
    assert spans_not_found(Path(folder), documents) == []
