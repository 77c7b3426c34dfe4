"""Dates relative to the document's date: exact readings, round trips, noise left alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.korean.dates import DateValue, find_dates, resolve

QUICK = settings(database=None, deadline=None, max_examples=300)

DOC = date(2025, 9, 20)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2025년 9월 3일", "2025-09-03", "day"),
        ("2025. 9. 3.", "2025-09-03", "day"),
        ("2025.9.3", "2025-09-03", "day"),
        ("2025-09-03", "2025-09-03", "day"),
        ("2025년 6월 11일 수요일", "2025-06-11", "day"),
        ("9월 3일", "2025-09-03", "day"),
        ("1월 2일 (목)", "2025-01-02", "day"),
        ("2024년 7월", "2024-07", "month"),
        ("올해 8월", "2025-08", "month"),
        ("올 8월", "2025-08", "month"),
        ("지난해 7월", "2024-07", "month"),
        ("작년 3월 5일", "2024-03-05", "day"),
        ("지난 2월", "2025-02", "month"),
        ("지난 9월", "2025-09", "month"),
        ("지난 10월", "2024-10", "month"),
        ("지난 9월 25일", "2024-09-25", "day"),
        ("오는 9월", "2025-09", "month"),
        ("오는 3월경", "2026-03", "month"),
        ("오는 12월 1일", "2025-12-01", "day"),
        ("6월", "2025-06", "month"),
        ("작년", "2024", "year"),
        ("지난해", "2024", "year"),
        ("올해", "2025", "year"),
        ("내년", "2026", "year"),
        ("재작년", "2023", "year"),
        ("오는 2026년", "2026", "year"),
        ("지난 2023년", "2023", "year"),
        ("2024년도", "2024", "year"),
    ],
)
def test_resolve(text: str, iso: str, precision: str) -> None:
    found = resolve(text, DOC)
    assert found is not None
    assert (found.iso, found.precision, found.half, found.relation) == (iso, precision, None, "at")
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "iso", "half"),
    [
        ("하반기", "2025", 2),
        ("상반기", "2025", 1),
        ("내년 상반기", "2026", 1),
        ("작년 하반기", "2024", 2),
        ("올 상반기", "2025", 1),
        ("2027년 하반기", "2027", 2),
    ],
)
def test_half_years(text: str, iso: str, half: int) -> None:
    found = resolve(text, DOC)
    assert found is not None
    assert (found.iso, found.precision, found.half) == (iso, "half", half)


@pytest.mark.parametrize(
    ("text", "iso", "relation"),
    [
        ("2028년 이후", "2028", "from"),
        ("2023년부터", "2023", "from"),
        ("하반기부터", "2025", "from"),
        ("오는 2026년까지", "2026", "until"),
        ("올해 6월까지", "2025-06", "until"),
    ],
)
def test_open_ranges(text: str, iso: str, relation: str) -> None:
    found = resolve(text, DOC)
    assert found is not None
    assert (found.iso, found.relation, found.text) == (iso, relation, text)


def test_bare_day_only_when_asked() -> None:
    assert resolve("3일", DOC) is None
    found = resolve("3일", DOC, bare_day=True)
    assert found is not None
    assert (found.iso, found.precision) == ("2025-09-03", "day")


@pytest.mark.parametrize(
    "text",
    ["77일", "8.25일", "831()", "2025년 2월 30일", "13월", "2025. 13. 1.", "3일간", "올림픽"],
)
def test_noise_is_not_guessed(text: str) -> None:
    assert resolve(text, DOC, bare_day=True) is None


def test_relative_dates_need_the_document_date() -> None:
    assert resolve("올해 8월", None) is None
    assert resolve("하반기", None) is None
    absolute = resolve("2025년 9월 3일", None)
    assert absolute is not None
    assert absolute.iso == "2025-09-03"


def test_find_dates_takes_the_longest_reading_with_spans() -> None:
    text = "청주시는 지난해 7월 착공해 오는 2026년까지 짓고, 하반기부터 77일간 시범 운영한다."
    found = find_dates(text, DOC, bare_day=True)
    assert [(d.text, d.iso) for d in found] == [
        ("지난해 7월", "2024-07"),
        ("오는 2026년까지", "2026"),
        ("하반기부터", "2025"),
    ]
    assert all(text[d.start : d.end] == d.text for d in found)


def test_resolve_keeps_offsets_of_padded_text() -> None:
    found = resolve("  2025년 ", DOC)
    assert found == DateValue(iso="2025", precision="year", text="2025년", start=2, end=7)


@QUICK
@given(DATES, DATES)
def test_written_dates_round_trip(day: date, doc: date) -> None:
    for text in (
        f"{day.year}년 {day.month}월 {day.day}일",
        f"{day.year}. {day.month}. {day.day}.",
        day.isoformat(),
    ):
        found = resolve(text, doc)
        assert found is not None
        assert (found.iso, found.precision) == (day.isoformat(), "day")


@QUICK
@given(DATES, st.integers(1, 12))
def test_past_and_coming_months_bracket_the_document_date(doc: date, month: int) -> None:
    past, coming = resolve(f"지난 {month}월", doc), resolve(f"오는 {month}월", doc)
    assert past is not None
    assert coming is not None
    past_year, coming_year = int(past.iso[:4]), int(coming.iso[:4])
    assert past.iso.endswith(f"-{month:02d}")
    assert coming.iso.endswith(f"-{month:02d}")
    assert (past_year, month) <= (doc.year, doc.month) < (past_year + 1, month)
    assert (coming_year - 1, month) < (doc.year, doc.month) <= (coming_year, month)


@QUICK
@given(DATES, st.integers(-2, 2))
def test_relative_years(doc: date, offset: int) -> None:
    word = {-2: "재작년", -1: "지난해", 0: "올해", 1: "내년", 2: "내후년"}[offset]
    found = resolve(f"{word} 하반기", doc)
    assert found is not None
    assert (found.iso, found.half) == (str(doc.year + offset), 2)


@QUICK
@given(DATES)
def test_bare_day_is_in_the_document_month(doc: date) -> None:
    last = (doc.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    found = resolve(f"{last.day}일", doc, bare_day=True)
    assert found is not None
    assert found.iso == last.isoformat()
    assert resolve(f"{last.day + 1}일", doc, bare_day=True) is None
