"""A document's industries: tourism written with leisure or rest and a place built for both
(our own sentences)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from tests.ingest.extracting import industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Tourism with leisure or rest and a place built for both is the tourism industry ...
        ("동해시는 해양관광·레저단지를 조성한다.", ["tourism"]),
        ("동해시는 관광ㆍ레저허브를 만든다.", ["tourism"]),
        ("동해시는 대형 관광·휴양단지를 짓는다.", ["tourism"]),
        # ... tourism as a word is not.
        ("동해시는 관광 명소를 알린다.", []),
        ("동해시는 관광·레저 수요를 조사한다.", []),
    ],
)
def test_tourism_with_leisure(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert industries(pipeline, raw) == want
