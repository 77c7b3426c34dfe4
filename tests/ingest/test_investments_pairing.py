"""Investments paired with their companies: "각" with as many amounts as companies and a named
partner (our sentences)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.reader import RawText

EOK = 10**8


def _investments(pipeline: Pipeline, raw: str) -> set[tuple[str, int | None]]:
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"), date(2024, 5, 1))
    return {(f.subject, f.amount_krw) for f in extraction.facts if f.type == "INVESTS_IN"}


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # "A, B는 각 … N원과 M원을": "각" with one amount per company pairs them in order.
        (
            "또 ㈜한빛소재는 울산에 100억원을 투자하며 ㈜누리셀텍, ㈜다온시스템은 각 1만㎡의 "
            "부지에 70억원과 50억원을 들여 공장을 짓는다.",
            {
                ("Organization:한빛소재", 100 * EOK),
                ("Organization:누리셀텍", 70 * EOK),
                ("Organization:다온시스템", 50 * EOK),
            },
        ),
        # "A는 B와 공동으로 N원을": their joint sum, no one's; the next subject's is its own.
        (
            "울산의 ㈜한빛소재는 ㈜누리셀텍과 공동으로 부지에 100억원을 투자하며 "
            "㈜다온시스템은 50억원을 투자해 공장을 세운다.",
            {("Organization:다온시스템", 50 * EOK)},
        ),
    ],
)
def test_amounts_go_to_their_own_company(
    pipeline: Pipeline, raw: str, want: set[tuple[str, int]]
) -> None:
    assert _investments(pipeline, raw) == want
