"""Listed companies (``data/gazetteer/listed.yaml``): found without a cue, never as a common
word or inside another word; the hand-made gazetteer wins on a shared name.

Every sentence here is our own.
"""

from __future__ import annotations

import re

import yaml

from ingest.documents import orgnames
from ingest.documents.document import Pipeline
from ingest.graph.dataset import default_data_dir
from ontology.gazetteer import GazetteerFile, ListedFile, surface_key


def _listed() -> ListedFile:
    path = default_data_dir() / orgnames.LISTED_FILE
    return ListedFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _hand() -> GazetteerFile:
    path = default_data_dir() / orgnames.GAZETTEER_FILE
    return GazetteerFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _org_ids(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(m.id, m.text) for m in pipeline.gazetteer.find(text) if m.label == "Organization"]


def test_a_listed_company_in_a_list_without_a_cue(pipeline: Pipeline) -> None:
    found = _org_ids(pipeline, "협약에는 아이센스, 골프존 등 기업이 함께했다.")
    assert found == [("krx-099190", "아이센스"), ("krx-215000", "골프존")]


def test_a_listed_name_inside_a_longer_word_is_not_the_company(pipeline: Pipeline) -> None:
    assert _org_ids(pipeline, "하이브리드 차량 부품은 이피에스텍이 만든다.") == []


def test_a_listed_name_that_is_a_common_word_is_left_out() -> None:
    names = {c.name_ko for c in _listed().companies}
    assert not names & {"미래산업", "유니크", "디바이스", "이루다", "사람인"}


def test_no_preferred_share_spac_or_reit_in_the_file() -> None:
    for company in _listed().companies:
        assert not re.search(r"\d?우[A-C]?$", company.name_ko) or company.code.endswith("0")
        assert "스팩" not in company.name_ko
        assert not company.name_ko.endswith("리츠")


def test_the_hand_gazetteer_wins_on_a_shared_name(pipeline: Pipeline) -> None:
    hand = _hand()
    taken = {surface_key(s.text) for e in hand.organizations for s in e.surfaces()}
    # The file leaves out every name the hand-made gazetteer has ...
    assert not [c.name_ko for c in _listed().companies if surface_key(c.name_ko) in taken]
    # ... and a name in both (as the merge would see it) keeps the hand entry's id.
    assert _org_ids(pipeline, "대한항공과 유한양행이 참여했다.") == [
        ("korean-air", "대한항공"),
        ("yuhan", "유한양행"),
    ]


def test_the_file_loads_and_names_are_three_syllables_or_more() -> None:
    listed = _listed()
    assert len(listed.companies) > 2000
    merged = orgnames.load(default_data_dir())
    assert merged is not None
    ids = [e.id for e in merged.organizations]
    assert len(ids) == len(set(ids))
    short = [
        c.name_ko
        for c in listed.companies
        if sum(ch.isalnum() for ch in c.name_ko) < 3
        or (not re.search("[가-힣]", c.name_ko) and len(c.name_ko) <= 3)
    ]
    assert short == []


def test_entries_leave_out_a_name_the_hand_file_has() -> None:
    listed = ListedFile.model_validate(
        {
            "source": {"listing": "test", "snapshots": ["2025-10-18"]},
            "companies": [
                {"code": "003490", "name_ko": "대한항공", "market": "KOSPI"},
                {"code": "099190", "name_ko": "아이센스", "market": "KOSDAQ"},
            ],
        }
    )
    assert [e.id for e in listed.entries(_hand())] == ["krx-099190"]
