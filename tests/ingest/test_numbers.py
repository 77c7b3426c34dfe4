"""Korean money, counts, percentages, areas and ranges: exact values, round trips, corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.documents.normalize import normalize
from ingest.korean.numbers import (
    PYEONG_M2,
    Duration,
    YearRange,
    find_amounts,
    find_areas,
    find_counts,
    find_percentages,
    find_quantities,
    find_ranges,
    format_money,
    parse_money,
)
from ontology.errors import ValidationFailed
from tests.conftest import corpus_dir

QUICK = settings(database=None, deadline=None, max_examples=500)

JO, EOK, MAN = 10**12, 10**8, 10**4


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("1조 500억 원", 1 * JO + 500 * EOK),
        ("9조 3,000억 원", 9 * JO + 3000 * EOK),
        ("4,400억 원", 4400 * EOK),
        ("305억원", 305 * EOK),
        ("3조 5천억", 3 * JO + 5000 * EOK),
        ("1,770억", 1770 * EOK),
        ("1770억원", 1770 * EOK),
        ("50억", 50 * EOK),
        ("1억 2천만 원", 1 * EOK + 2000 * MAN),
        ("3천만원", 3000 * MAN),
        ("145억", 145 * EOK),
        ("2.5조", 2 * JO + 5000 * EOK),
        ("약 300억 원", 300 * EOK),
        ("1조 원", JO),
        ("1만 2,345원", 12_345),
        ("5천원", 5_000),
        ("0원", 0),
        ("  84억 원 ", 84 * EOK),
    ],
)
def test_parse_money(text: str, krw: int) -> None:
    money = parse_money(text)
    assert money is not None
    assert money.krw == krw
    assert money.text == text.strip()
    assert text[money.start : money.end] == money.text


@pytest.mark.parametrize(
    "text",
    [
        *["", "원", "억 원", "300", "245만 평", "10억 달러", "1만 12,345원", "300억 2024"],
        *["1.5원", "1조 500억 원 규모", "2만 3조 원", "수백억 원"],
    ],
)
def test_parse_money_refuses_what_is_not_one_amount(text: str) -> None:
    assert parse_money(text) is None


def test_parse_money_marks_approximate_and_qualified_amounts() -> None:
    about = parse_money("약 300억 원")
    total = parse_money("총 9조 3,000억 원")
    more = parse_money("1조여 원")
    assert about is not None
    assert (about.approximate, about.qualifier) == (True, None)
    assert total is not None
    assert (total.approximate, total.qualifier) == (False, "total")
    assert more is not None
    assert (more.approximate, more.krw) == (True, JO)


@pytest.mark.parametrize(
    ("krw", "text"),
    [
        (1_050_000_000_000, "1조 500억 원"),
        (350_000_000, "3억 5,000만 원"),
        (9_300_000_000_000, "9조 3,000억 원"),
        (12_345, "1만 2,345원"),
        (30_500_000_000, "305억 원"),
        (10**16, "1경 원"),
        (7, "7원"),
        (0, "0원"),
    ],
)
def test_format_money(krw: int, text: str) -> None:
    assert format_money(krw) == text


def test_format_money_refuses_negative_amounts() -> None:
    with pytest.raises(ValidationFailed):
        format_money(-1)


@QUICK
@given(st.integers(min_value=1, max_value=10**16))
def test_format_then_parse_round_trips(krw: int) -> None:
    money = parse_money(format_money(krw))
    assert money is not None
    assert money.krw == krw


@QUICK
@given(st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999), st.sampled_from(["", " "]))
def test_hand_written_groups_parse(jo: int, eok: int, man: int, gap: str) -> None:
    groups = [(jo, "조"), (eok, "억"), (man, "만")]
    text = gap.join(f"{n:,}{unit}" for n, unit in groups if n) + f"{gap}원"
    money = parse_money(text)
    if not (jo or eok or man):
        assert money is None
    else:
        assert money is not None
        assert money.krw == jo * JO + eok * EOK + man * MAN


def test_find_amounts_gives_spans_in_order() -> None:
    text = "울산시는 국비 120억원과 시비 3조 5천억 등 총 3조 5,120억 원을 쓴다. 10억 달러는 아니다."
    found = find_amounts(text)
    assert [(m.text, m.krw) for m in found] == [
        ("120억원", 120 * EOK),
        ("3조 5천억", 3 * JO + 5000 * EOK),
        ("총 3조 5,120억 원", 3 * JO + 5120 * EOK),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_find_amounts_does_not_take_digits_from_codes_or_words() -> None:
    assert find_amounts("JS1유형 5G 코로나19 2030 비전 계약 3000") == []
    (glued,) = find_amounts("국비145억원")
    assert (glued.text, glued.krw, glued.start, glued.end) == ("145억원", 145 * EOK, 2, 7)


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("25개사", 25, "개사", False),
        ("버티포트 1개소", 1, "개소", False),
        ("70개 기업", 70, "개", False),
        ("30여명", 30, "명", True),
        ("100여 명", 100, "명", True),
        ("수소버스 49대", 49, "대", False),
        ("22곳", 22, "곳", False),
        ("3건", 3, "건", False),
        ("28만3,568개", 283_568, "개", False),
        ("약 1만개", 10_000, "개", True),
        ("300여개의", 300, "개", True),
    ],
)
def test_counts(text: str, value: int, unit: str, approximate: bool) -> None:
    (count,) = find_counts(text)
    assert (count.value, count.unit, count.approximate) == (value, unit, approximate)


@pytest.mark.parametrize(
    "text", ["3대 핵심부품", "4대 추진전략", "10개월 연속", "3개발", "2024년", "제3회", "전년 대비"]
)
def test_not_counts(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("최대 80%", 80.0, "%", "max"),
        ("80퍼센트", 80.0, "%", None),
        ("56.5%", 56.5, "%", None),
        ("3%p", 3.0, "%p", None),
        ("50% 이상", 50.0, "%", "min"),
    ],
)
def test_percentages(text: str, value: float, unit: str, qualifier: str | None) -> None:
    (percent,) = find_percentages(text)
    assert (percent.value, percent.unit, percent.qualifier, percent.text) == (
        value,
        unit,
        qualifier,
        text,
    )


@pytest.mark.parametrize(
    ("text", "value", "unit", "m2"),
    [
        ("245만 평", 2_450_000, "평", float(2_450_000 * PYEONG_M2)),
        ("11만 평", 110_000, "평", float(110_000 * PYEONG_M2)),
        ("3만㎡", 30_000, "㎡", 30_000.0),
        ("1.2km²", 1.2, "km²", 1_200_000.0),
        ("50ha", 50, "ha", 500_000.0),
    ],
)
def test_areas(text: str, value: float, unit: str, m2: float) -> None:
    (area,) = find_areas(text)
    assert (area.value, area.unit, area.text) == (value, unit, text)
    assert area.m2 == pytest.approx(m2)


def test_pyeong_is_400_over_121_square_metres() -> None:
    (area,) = find_areas("1평")
    assert area.m2 == pytest.approx(3.305785, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024-2026", 2024, 2026),
        ("2024~2026년", 2024, 2026),
        ("2024년~2026년", 2024, 2026),
        ("2024~26년", 2024, 2026),
        ("2022년까지", None, 2022),
        ("2023년부터", 2023, None),
        ("2028년 이후", 2028, None),
    ],
)
def test_year_ranges(text: str, first: int | None, last: int | None) -> None:
    (found,) = find_ranges(text)
    assert isinstance(found, YearRange)
    assert (found.first, found.last, found.text) == (first, last, text)


@pytest.mark.parametrize(
    ("text", "value", "upper", "unit"),
    [
        ("3년간", 3, None, "year"),
        ("1년 동안", 1, None, "year"),
        ("10개월", 10, None, "month"),
        ("최대 8주간", 8, None, "week"),
        ("6~8주가량", 6, 8, "week"),
        ("5일간", 5, None, "day"),
    ],
)
def test_durations(text: str, value: int, upper: int | None, unit: str) -> None:
    (found,) = find_ranges(text)
    assert isinstance(found, Duration)
    assert (found.value, found.upper, found.unit, found.text) == (value, upper, unit, text)


@pytest.mark.parametrize("text", ["2024-09-03", "2026-2024", "3년", "2024년"])
def test_not_ranges(text: str) -> None:
    assert find_ranges(text) == []


def test_find_quantities_mixes_kinds_in_order() -> None:
    text = "포항시는 2만㎡ 부지에 500억 원을 들여 기업 12곳을 모으고 고용을 최대 20% 늘린다."
    kinds = [(type(q).__name__, q.text) for q in find_quantities(text)]
    assert kinds == [
        ("Area", "2만㎡"),
        ("Money", "500억 원"),
        ("Count", "12곳"),
        ("Percentage", "최대 20%"),
    ]


@pytest.mark.corpus
def test_corpus_amounts_areas_and_counts() -> None:
    corpus = corpus_dir()
    if corpus is None:
        if os.environ.get("CI"):
            pytest.fail("the raw corpus is missing in CI (../shared/corpus or RSG_CORPUS)")
        pytest.skip("set RSG_CORPUS to the raw documents to run the corpus tests")
    text = normalize(_read(corpus, "jeonbuk-new-industries-2025")).text
    amounts = {m.krw for m in find_amounts(text)}
    assert {1 * JO + 500 * EOK, 4400 * EOK, 9 * JO + 3000 * EOK, JO} <= amounts
    assert [a.text for a in find_areas(text)] == ["245만 평", "11만 평"]
    factory = normalize(_read(corpus, "jeonbuk-smart-factory-2025")).text
    assert [m.krw for m in find_amounts(factory)] == [305 * EOK]
    assert ("최대 80%", 80.0) in [(p.text, p.value) for p in find_percentages(factory)]
    assert (283_568, "개") in [(c.value, c.unit) for c in find_counts(factory)]


def _read(corpus: Path, name: str) -> str:
    return (corpus / f"{name}.txt").read_text(encoding="utf-8")
