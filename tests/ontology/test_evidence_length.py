"""One evidence limit everywhere: the data-file models, the SHACL shapes, the extractor and
the documentation all say 40 characters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import SH

from ingest.documents import candidate
from ontology.models import MAX_EVIDENCE, Fact

ROOT = Path(__file__).resolve().parent.parent.parent
RSG = Namespace("https://w3id.org/rsg/ontology#")


def _fact(evidence: str) -> Fact:
    return Fact.model_validate(
        {"rel": "PURSUES", "from": "Region:jeonbuk", "to": "Industry:drones", "evidence": evidence}
    )


def test_the_limit_is_40() -> None:
    assert MAX_EVIDENCE == 40
    assert vars(candidate)["MAX_EVIDENCE"] == MAX_EVIDENCE  # the extractor's spans


def test_a_data_file_fact_takes_40_characters_and_refuses_41() -> None:
    assert len(_fact("가" * 40).evidence) == 40
    with pytest.raises(ValidationError, match="at most 40 characters"):
        _fact("가" * 41)


def test_the_shacl_shape_has_the_same_limit() -> None:
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    limits = {
        int(limit)
        for prop in shapes.subjects(SH.path, RSG.evidence)
        for limit in shapes.objects(prop, SH.maxLength)
        if isinstance(limit, Literal)
    }
    assert limits == {MAX_EVIDENCE}


def test_the_documentation_says_the_same() -> None:
    data_format = (ROOT / "docs" / "data-format.md").read_text("utf-8")
    stated = {int(n) for n in re.findall(r"(?:at most|<=) ~?(\d+)\s+char", data_format)}
    assert stated == {MAX_EVIDENCE}
    assert "~40" not in data_format  # "about" 40 was how the two limits drifted apart
