"""The organisation gazetteer: the real file loads and is unambiguous; broken files say where."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from ingest.graph.datafile import DataFile
from ontology.contract import ORG_KINDS
from ontology.errors import ValidationFailed
from ontology.gazetteer import GazetteerFile, surface_key

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
GAZETTEER = DATA / "gazetteer" / "organizations.yaml"


@pytest.fixture(scope="module")
def gazetteer() -> GazetteerFile:
    return DataFile(GAZETTEER).validate(GazetteerFile)


def _load(tmp_path: Path, text: str) -> GazetteerFile:
    path = tmp_path / "organizations.yaml"
    path.write_text(text, encoding="utf-8")
    return DataFile(path).validate(GazetteerFile)


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        _load(tmp_path, text)
    return caught.value.problems


# -- the real file ----------------------------------------------------------------------------


def test_the_file_holds_at_least_400_organisations_of_every_kind(
    gazetteer: GazetteerFile,
) -> None:
    assert len(gazetteer.organizations) >= 400
    kinds = {entry.kind for entry in gazetteer.organizations}
    assert kinds == set(ORG_KINDS)


def test_no_current_form_names_two_organisations(gazetteer: GazetteerFile) -> None:
    # Recomputed here rather than trusted to the model: today's forms must be unambiguous.
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer.organizations:
        for surface in entry.surfaces():
            if surface.valid_to is None:
                owners[surface_key(surface.text)].add(entry.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_every_region_industry_and_parent_id_resolves(gazetteer: GazetteerFile) -> None:
    regions_file = DataFile(DATA / "regions.yaml").data
    regions = {r["id"] for r in regions_file["regions"]} | {a["id"] for a in regions_file["areas"]}
    industries = {i["id"] for i in DataFile(DATA / "industries.yaml").data["industries"]}
    assert gazetteer.unknown_references(regions, industries) == []
    ids = {entry.id for entry in gazetteer.organizations}
    assert {entry.parent for entry in gazetteer.organizations if entry.parent} <= ids


def test_graph_organisations_keep_their_id_in_the_gazetteer(gazetteer: GazetteerFile) -> None:
    known = {
        surface_key(s.text): entry.id for entry in gazetteer.organizations for s in entry.surfaces()
    }
    graph_orgs = DataFile(DATA / "organizations.yaml").data["organizations"]
    checked = 0
    for org in graph_orgs:
        for name in (org["name_ko"], org["name_en"]):
            if surface_key(name) in known:
                checked += 1
                assert known[surface_key(name)] == org["id"], name
    assert checked >= len(graph_orgs)


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("포스코", "2021-05", ["posco-holdings"]),
        ("포스코", "2023", ["posco"]),
        ("포스코", None, ["posco"]),
        ("현대중공업", "2018-01-01", ["hd-ksoe"]),
        ("현대중공업", "2020-06", ["hd-hhi"]),
        ("현대중공업", None, []),
        ("대우조선해양", "2022-12-31", ["hanwha-ocean"]),
        ("대우조선해양", "2023-05-23", []),
        ("포스코케미칼", "2023-03-19", ["posco-future-m"]),
        ("LG화학 전지사업본부", "2020-06", ["lg-energy-solution"]),
        ("SK이노베이션", None, ["sk-innovation"]),
        ("SK에너지", "2010", ["sk-innovation"]),
        ("SK에너지", "2012", ["sk-energy"]),
        ("한화디펜스", "2021", ["hanwha-aerospace"]),
        ("두산인프라코어", "2021-09-09", ["hd-hyundai-infracore"]),
        ("현대오일뱅크", "2022", ["hd-hyundai-oilbank"]),
        ("L G 에너지솔루션", None, ["lg-energy-solution"]),
        ("lges", None, ["lg-energy-solution"]),
        ("(주)한화", None, ["hanwha-corp"]),
    ],
)
def test_a_form_and_a_date_name_one_organisation(
    gazetteer: GazetteerFile, text: str, on: str | None, expected: list[str]
) -> None:
    assert gazetteer.resolve(text, on) == expected


def test_unquoted_yaml_dates_become_iso_text(gazetteer: GazetteerFile) -> None:
    ocean = next(entry for entry in gazetteer.organizations if entry.id == "hanwha-ocean")
    assert ocean.former_names[0].name == "대우조선해양"
    assert ocean.former_names[0].valid_to == "2023-05-23"


# -- broken files -----------------------------------------------------------------------------

TWO_FIRMS = """\
organizations:
  - id: gana-electronics
    name_ko: 가나전자
    name_en: Gana Electronics
    kind: company
    short_forms: [GN]
  - id: dara-materials
    name_ko: 다라소재
    name_en: Dara Materials
    kind: company
    short_forms: [G N]
"""


def test_a_form_shared_by_two_organisations_is_reported_at_both_lines(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TWO_FIRMS)
    path = tmp_path / "organizations.yaml"
    assert problems == [
        f"{path}:6: organizations.0.short_forms.0: 'GN' also names 'dara-materials'"
        " (organizations.1.short_forms.0) in the same period: drop one of the forms or date"
        " them apart",
        f"{path}:11: organizations.1.short_forms.0: 'G N' also names 'gana-electronics'"
        " (organizations.0.short_forms.0) in the same period: drop one of the forms or date"
        " them apart",
    ]


def test_the_same_form_in_periods_apart_is_accepted(tmp_path: Path) -> None:
    text = TWO_FIRMS.replace(
        "    short_forms: [GN]\n",
        "    former_names:\n      - {name: GN, valid_to: 2022-03-02}\n",
    ).replace("    short_forms: [G N]\n", "    short_forms: [G N]\n    valid_from: 2022-03-02\n")
    loaded = _load(tmp_path, text)
    assert loaded.resolve("GN", "2021") == ["gana-electronics"]
    assert loaded.resolve("GN", "2022-03-02") == ["dara-materials"]


def test_a_year_only_end_date_does_not_hide_an_overlap(tmp_path: Path) -> None:
    text = TWO_FIRMS.replace(
        "    short_forms: [GN]\n",
        "    former_names:\n      - {name: GN, valid_to: 2022}\n",
    ).replace("    short_forms: [G N]\n", "    short_forms: [G N]\n    valid_from: 2022-03-02\n")
    problems = _problems(tmp_path, text)
    assert [p.split(": ")[1] for p in problems] == [
        "organizations.0.former_names.0.name",
        "organizations.1.short_forms.0",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    kind: company\n",
            "    kind: firm\n",
            "5: organizations.0.kind: kind must be one of company, university, research_institute,"
            " government_body, association, public_institution; got 'firm'",
        ),
        (
            "    short_forms: [GN]\n",
            "    former_names:\n      - {name: 옛가나, valid_to: '2023-13-01'}\n",
            "7: organizations.0.former_names.0.valid_to: '2023-13-01' is not an ISO date"
            " (2025, 2025-09 or 2025-09-03)",
        ),
        (
            "    short_forms: [GN]\n",
            "    parent: nowhere\n",
            "6: organizations.0.parent: parent 'nowhere' is not in the file",
        ),
        (
            "    short_forms: [GN]\n",
            "    latin: [가나]\n",
            "6: organizations.0.latin: latin form '가나' has no Latin letter",
        ),
        (
            "  - id: dara-materials\n",
            "  - id: gana-electronics\n",
            "7: organizations.1.id: id 'gana-electronics' is already used by organizations.0",
        ),
    ],
    ids=["kind", "date", "parent", "latin", "duplicate-id"],
)
def test_broken_entries_are_located_and_explained(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    problems = _problems(tmp_path, TWO_FIRMS.replace(old, new, 1))
    assert problems == [f"{tmp_path / 'organizations.yaml'}:{expected}"]


def test_a_parent_loop_is_refused(tmp_path: Path) -> None:
    text = TWO_FIRMS.replace(
        "    short_forms: [GN]\n", "    short_forms: [GN]\n    parent: dara-materials\n"
    ).replace("    short_forms: [G N]\n", "    parent: gana-electronics\n")
    problems = _problems(tmp_path, text)
    assert any("organizations.0.parent: the parent chain" in p for p in problems), problems


def test_invalid_yaml_gives_the_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TWO_FIRMS.replace("[G N]", "[G N"))
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'organizations.yaml'}:")
