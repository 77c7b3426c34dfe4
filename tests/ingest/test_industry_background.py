"""Industries named in passing are not the document's: in someone's words about the past or
the field, inside a longer name, among non-industries in a ·-list, or alone on a menu line
(our own sentences)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.reader import RawText


def _industries(pipeline: Pipeline, raw: str) -> list[str]:
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"), date(2024, 5, 1))
    return extraction.industries


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # Named only in a quotation about the past or the field: background.
        (
            "당진시는 데이터센터를 유치한다. "
            '시장은 "그간 반도체와 자동차가 지역을 이끌었다"고 말했다.',
            ["data-centers"],
        ),
        # A quotation about this deal keeps its industries ...
        (
            '당진시는 데이터센터를 유치한다. 시장은 "이번 투자로 반도체 기업도 올 것"이라고 했다.',
            ["data-centers", "semiconductor"],
        ),
        # ... as does the same industry stated outside the quotation.
        (
            '당진시는 반도체 공장을 유치한다. 시장은 "반도체가 지역을 이끌었다"고 말했다.',
            ["semiconductor"],
        ),
        # Inside a longer name: glued to a word before it and a letter or bracket after it.
        ("사천시는 한빛항공우주(HBA)와 함께 드론 기업을 유치한다.", ["drones"]),
        ("회사는 진주뿌리산업단지에 드론 공장을 짓는다.", ["drones"]),
        # Among words that are no industry in a ·-list: means, not sectors.
        ("도는 기술·제도·금융·인력까지 드론 기업을 돕는다.", ["drones"]),
        # A list of industries stays.
        ("도는 우주·바이오·양자 기업을 유치한다.", ["bio", "quantum", "space"]),
        # An umbrella word glued to another word and 산업 is written as an industry.
        ("군산시는 관광레저산업을 육성한다.", ["tourism"]),
        # A means of another field, with a ·-joined word before 기반.
        ("창원시는 AI·빅데이터 기반 의료기기 센터를 짓는다.", ["medical-devices"]),
        # Information technology, written out.
        ("평택시는 정보기술(IT) 기업을 유치한다.", ["ict-software"]),
        # The humanoid, written alone.
        ("대구시는 휴머노이드 기업을 키운다.", ["humanoid-robots"]),
    ],
)
def test_industries_in_passing(pipeline: Pipeline, raw: str, want: list[str]) -> None:
    assert _industries(pipeline, raw) == want


def test_an_industry_alone_on_a_menu_line_is_no_statement(pipeline: Pipeline) -> None:
    raw = "로봇\n대구시는 의료기기 기업을 유치한다."
    assert _industries(pipeline, raw) == ["medical-devices"]
    assert "robotics" in _industries(pipeline, "로봇 기업\n대구시는 의료기기 기업을 유치한다.")
