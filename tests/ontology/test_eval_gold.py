"""The hand-made gold of real articles (data/eval/realnews.yaml, realnews2.yaml to realnews24.yaml).

Every id it uses exists in data/*.yaml or is marked new, every copied span is short, every
document carries its source metadata, no file is listed twice, and the split is the one the
set's written rule gives: set 1 two to one by a hash of the URL (within one document), sets 2
to 8 every document held out. No two sets share an article. A broken entry fails.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ontology.goldcheck import (
    DATA,
    MAX_SPAN,
    SPLITS,
    Known,
    document_problems,
    load_known,
    spans_not_found,
)


@dataclass(frozen=True)
class GoldFile:
    """One gold file, the variable naming the folder of its texts, and its split rule."""

    path: Path
    corpus_env: str
    min_documents: int
    all_held_out: bool
    min_per_stratum: int = 4


SETS = {
    "realnews": GoldFile(DATA / "eval" / "realnews.yaml", "RSG_REALNEWS_CORPUS", 36, False),
    "realnews2": GoldFile(DATA / "eval" / "realnews2.yaml", "RSG_REALNEWS2_CORPUS", 30, True),
    "realnews3": GoldFile(DATA / "eval" / "realnews3.yaml", "RSG_REALNEWS3_CORPUS", 28, True, 4),
    "realnews4": GoldFile(DATA / "eval" / "realnews4.yaml", "RSG_REALNEWS4_CORPUS", 28, True, 4),
    "realnews5": GoldFile(DATA / "eval" / "realnews5.yaml", "RSG_REALNEWS5_CORPUS", 28, True, 4),
    "realnews6": GoldFile(DATA / "eval" / "realnews6.yaml", "RSG_REALNEWS6_CORPUS", 28, True, 4),
    "realnews7": GoldFile(DATA / "eval" / "realnews7.yaml", "RSG_REALNEWS7_CORPUS", 29, True, 4),
    "realnews8": GoldFile(DATA / "eval" / "realnews8.yaml", "RSG_REALNEWS8_CORPUS", 29, True, 4),
    "realnews9": GoldFile(DATA / "eval" / "realnews9.yaml", "RSG_REALNEWS9_CORPUS", 29, True, 4),
    "realnews10": GoldFile(DATA / "eval" / "realnews10.yaml", "RSG_REALNEWS10_CORPUS", 28, True, 4),
    "realnews11": GoldFile(DATA / "eval" / "realnews11.yaml", "RSG_REALNEWS11_CORPUS", 28, True, 4),
    "realnews12": GoldFile(DATA / "eval" / "realnews12.yaml", "RSG_REALNEWS12_CORPUS", 28, True, 4),
    "realnews13": GoldFile(DATA / "eval" / "realnews13.yaml", "RSG_REALNEWS13_CORPUS", 28, True, 4),
    "realnews14": GoldFile(DATA / "eval" / "realnews14.yaml", "RSG_REALNEWS14_CORPUS", 28, True, 4),
    "realnews15": GoldFile(DATA / "eval" / "realnews15.yaml", "RSG_REALNEWS15_CORPUS", 28, True, 4),
    "realnews16": GoldFile(DATA / "eval" / "realnews16.yaml", "RSG_REALNEWS16_CORPUS", 28, True, 4),
    "realnews17": GoldFile(DATA / "eval" / "realnews17.yaml", "RSG_REALNEWS17_CORPUS", 28, True, 4),
    "realnews18": GoldFile(DATA / "eval" / "realnews18.yaml", "RSG_REALNEWS18_CORPUS", 28, True, 4),
    "realnews19": GoldFile(DATA / "eval" / "realnews19.yaml", "RSG_REALNEWS19_CORPUS", 28, True, 4),
    "realnews20": GoldFile(DATA / "eval" / "realnews20.yaml", "RSG_REALNEWS20_CORPUS", 28, True, 4),
    "realnews21": GoldFile(DATA / "eval" / "realnews21.yaml", "RSG_REALNEWS21_CORPUS", 28, True, 4),
    "realnews22": GoldFile(DATA / "eval" / "realnews22.yaml", "RSG_REALNEWS22_CORPUS", 28, True, 4),
    "realnews23": GoldFile(DATA / "eval" / "realnews23.yaml", "RSG_REALNEWS23_CORPUS", 28, True, 4),
    "realnews24": GoldFile(DATA / "eval" / "realnews24.yaml", "RSG_REALNEWS24_CORPUS", 28, True, 4),
}


@pytest.fixture(scope="module")
def known() -> Known:
    return load_known()


def _load(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module", params=sorted(SETS))
def gold_file(request: pytest.FixtureRequest) -> GoldFile:
    return SETS[request.param]


@pytest.fixture(scope="module")
def gold(gold_file: GoldFile) -> dict[str, Any]:
    return _load(gold_file.path)


def expected_split(gold: dict[str, Any]) -> dict[str, str]:
    """The split the written rule gives: stratum order, then SHA-256 of the URL, every third
    document held out."""
    docs = gold.get("documents") or []
    strata = list(gold.get("strata") or [])

    def key(doc: dict[str, Any]) -> tuple[int, str]:
        stratum = doc.get("stratum")
        rank = strata.index(stratum) if stratum in strata else len(strata)
        return rank, hashlib.sha256(str(doc.get("url")).encode("utf-8")).hexdigest()

    ordered = sorted(docs, key=key)
    return {
        str(d.get("file")): SPLITS[1] if i % 3 == 2 else SPLITS[0] for i, d in enumerate(ordered)
    }


def gold_problems(gold: dict[str, Any], known: Known, *, all_held_out: bool = False) -> list[str]:
    """Problems of a gold file; ``all_held_out`` is set 2's rule (no document for tuning)."""
    docs = gold.get("documents") or []
    if not docs:
        return ["no documents"]
    problems: list[str] = []
    for field in ("file", "url"):
        seen: set[str] = set()
        for doc in docs:
            value = str(doc.get(field))
            if value in seen:
                problems.append(f"duplicate {field} {value!r}")
            seen.add(value)
    for doc in docs:
        problems += document_problems(doc, known)
    if any(doc.get("stratum") not in (gold.get("strata") or []) for doc in docs):
        problems.append("a document has no stratum from the strata list")
    if all_held_out:
        problems += [
            f"{doc.get('file')}: split {doc.get('split')!r} is not heldout, as every one must be"
            for doc in docs
            if doc.get("split") != SPLITS[1]
        ]
        return problems
    held = sum(1 for doc in docs if doc.get("split") == "heldout")
    if abs(held - len(docs) / 3) > 1:
        problems.append(f"split is {len(docs) - held}:{held}, not 2:1 within one document")
    rule = expected_split(gold)
    for doc in docs:
        wanted = rule[str(doc.get("file"))]
        if wanted != doc.get("split"):
            problems.append(
                f"{doc.get('file')}: split {doc.get('split')!r} is not the rule's {wanted!r}"
            )
    return problems


def test_the_gold_has_no_problems(gold: dict[str, Any], gold_file: GoldFile, known: Known) -> None:
    assert gold_problems(gold, known, all_held_out=gold_file.all_held_out) == []


def test_the_gold_is_big_enough_and_spread_over_strata(
    gold: dict[str, Any], gold_file: GoldFile
) -> None:
    docs = gold["documents"]
    assert len(docs) >= gold_file.min_documents
    assert gold["strata"] == _load(SETS["realnews"].path)["strata"]
    for stratum in gold["strata"]:
        members = [d for d in docs if d["stratum"] == stratum]
        if gold_file.all_held_out:
            assert len(members) >= gold_file.min_per_stratum, stratum
        else:
            assert {d["split"] for d in members} == set(SPLITS), stratum


@pytest.mark.parametrize(
    ("one", "other"),
    [(a, b) for a in sorted(SETS) for b in sorted(SETS) if a < b],
)
def test_no_two_sets_share_an_article(one: str, other: str) -> None:
    """Sets 2 to 13 are held out from everything that tuning saw, and from each other."""
    first, second = (_load(SETS[name].path)["documents"] for name in (one, other))
    for key in ("url", "file"):
        assert {str(d[key]) for d in first} & {str(d[key]) for d in second} == set(), key


def test_the_held_out_third_carries_every_kind_of_fact(gold: dict[str, Any]) -> None:
    held = [d for d in gold["documents"] if d["split"] == "heldout"]
    for key in ("organizations", "amounts", "investments", "designations"):
        assert sum(len(d.get(key) or []) for d in held) > 0, key


VALID = """
strata: [only]
documents:
  - file: a.txt
    split: tune
    stratum: only
    url: https://example.org/a
    title: 가상의 제목 하나
    publisher: 예시일보
    published: 2024-05
    regions: [gyeongbuk, gyeongbuk-pohang]
    industries: [battery, {new: 디스플레이, en: display}]
    organizations:
      - {name: 가나전지, kind: company, forms: [가나전지]}
    amounts:
      - {text: "1천500억 원", value: 150000000000}
    investments:
      - {organization: 가나전지, amount_krw: 150000000000, region: gyeongbuk-pohang, basis: mou}
    designations:
      - scheme: opportunity-development-zone
        industry: battery
        region: gyeongbuk-pohang
        status: designated
  - file: b.txt
    split: tune
    stratum: only
    url: https://example.org/b
    title: 가상의 제목 둘
    publisher: 예시일보
    published: 2024-05-02
    regions: [ulsan]
    industries: [hydrogen]
  - file: c.txt
    split: heldout
    stratum: only
    url: https://example.org/c
    title: 가상의 제목 셋
    publisher: 예시일보
    published: "2023"
    regions: [jeju]
    industries: [{new: 해상풍력, en: offshore wind}]
"""


def _valid() -> dict[str, Any]:
    loaded = yaml.safe_load(VALID)
    assert isinstance(loaded, dict)
    for doc in loaded["documents"]:
        doc["split"] = expected_split(loaded)[doc["file"]]
    return loaded


def test_a_small_valid_gold_passes(known: Known) -> None:
    assert gold_problems(_valid(), known) == []


def _break(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    gold = _valid()
    target: Any = gold
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return gold


_DELETE = object()
_LONG = "가" * (MAX_SPAN + 1)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("documents", 0, "regions", 1), "pohang", "unknown region 'pohang'"),
        (("documents", 0, "industries", 0), "holography", "unknown industry 'holography'"),
        (("documents", 0, "industries", 1), {"new": "디스플레이"}, "unknown industry"),
        (
            ("documents", 0, "designations", 0, "scheme"),
            "hydrogen-complex",
            "unknown designation scheme",
        ),
        (("documents", 0, "designations", 0, "status"), "rumoured", "designation status"),
        (("documents", 0, "amounts", 0, "text"), _LONG, "longer than 40"),
        (("documents", 0, "organizations", 0, "forms"), [_LONG], "longer than 40"),
        (("documents", 0, "amounts", 0, "value"), "1천500억", "no positive integer value"),
        (
            ("documents", 0, "investments", 0, "organization"),
            "다라전지",
            "investor '다라전지' is not listed",
        ),
        (("documents", 0, "investments", 0, "region"), "ulsan", "investment region 'ulsan'"),
        (("documents", 0, "organizations", 0, "kind"), "firm", "kind 'firm'"),
        (("documents", 1, "url"), _DELETE, "b.txt: missing url"),
        (("documents", 1, "publisher"), "", "b.txt: missing publisher"),
        (("documents", 1, "published"), "2024-13-01", "not an ISO date"),
        (("documents", 1, "file"), "a.txt", "duplicate file 'a.txt'"),
        (("documents", 2, "split"), "dev", "neither tune nor heldout"),
    ],
)
def test_a_broken_entry_is_reported(
    path: tuple[Any, ...], value: Any, message: str, known: Known
) -> None:
    problems = gold_problems(_break(path, value), known)
    assert any(message in problem for problem in problems), problems


def test_a_split_far_from_two_to_one_is_reported(known: Known) -> None:
    gold = _valid()
    for doc in gold["documents"]:
        doc["split"] = "heldout"
    problems = gold_problems(gold, known)
    assert any("not 2:1 within one document" in p for p in problems), problems


def test_a_tuning_document_in_a_held_out_set_is_reported(known: Known) -> None:
    gold = _valid()
    assert any(d["split"] == "tune" for d in gold["documents"])
    problems = gold_problems(gold, known, all_held_out=True)
    assert any("b.txt: split 'tune' is not heldout" in p for p in problems), problems
    for doc in gold["documents"]:
        doc["split"] = "heldout"
    assert gold_problems(gold, known, all_held_out=True) == []


def test_a_split_that_breaks_the_rule_is_reported(known: Known) -> None:
    gold = _valid()
    held = next(d for d in gold["documents"] if d["split"] == "heldout")
    tune = next(d for d in gold["documents"] if d["split"] == "tune")
    held["split"], tune["split"] = "tune", "heldout"
    problems = gold_problems(gold, known)
    assert any("is not the rule's" in p for p in problems), problems


def test_spans_are_found_in_the_texts_when_the_folder_is_given(
    gold: dict[str, Any], gold_file: GoldFile
) -> None:
    """Every amount text and organisation form occurs in its article (texts are not in the repo)."""
    folder = os.environ.get(gold_file.corpus_env)
    if not folder:
        pytest.skip(
            f"set {gold_file.corpus_env} to the folder of {gold_file.path.name}'s articles "
            "to check the spans"
        )
    documents = [
        (
            doc["file"],
            [a["text"] for a in doc.get("amounts") or []]
            + [f for o in doc.get("organizations") or [] for f in o["forms"]],
        )
        for doc in gold["documents"]
    ]
    assert spans_not_found(Path(folder), documents) == []


def test_a_missing_text_and_a_missing_span_are_all_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("시는 한빛소재와 협약을 맺었다.", encoding="utf-8")
    problems = spans_not_found(
        tmp_path, [("a.txt", ["한빛소재", "누리텍"]), ("b.txt", ["가온"]), ("c.txt", [])]
    )
    assert problems == [
        "a.txt: '누리텍'",
        f"b.txt: no such text in {tmp_path}",
        f"c.txt: no such text in {tmp_path}",
    ]
