"""Dates in Korean text, resolved against the date of the document they appear in.

News and press releases write most dates relative to their own date: "올해 8월", "지난해
7월", "지난 2월", "오는 9월", "내년 상반기", "하반기". Each date is returned as ISO 8601
with the precision the text gives ("2025", "2025-09", "2025-09-03"); a half year is the year
with ``half`` set to 1 or 2. Text that cannot be a date is not guessed at: extraction noise
such as "77일" (for "7월 7일") gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

Precision = Literal["year", "half", "month", "day"]
Relation = Literal["at", "from", "until"]


class DateValue(BaseModel):
    """A resolved date: ISO text, its precision, and the [start, end) of ``text``."""

    model_config = ConfigDict(frozen=True)

    iso: str
    precision: Precision
    half: Literal[1, 2] | None = None
    relation: Relation = "at"  # "2028년 이후", "하반기부터": from; "2026년까지": until
    text: str
    start: int
    end: int


class _When(NamedTuple):
    iso: str
    precision: Precision
    half: Literal[1, 2] | None = None


_Resolver = Callable[[re.Match[str], date | None], _When | None]

_YEAR = r"(?<!\d)(?P<y>1[89]\d{2}|2[01]\d{2})"
_ON = r"(?:오는|지난)\s?"  # before a year written in full it adds nothing
# Lookaheads naming the characters a pattern can start with: a cheap test per position that
# spares the whole pattern where it cannot match.
_AT_YEAR = "(?=[오지12])"
_AT_DIGIT = r"(?=\d)"
_MONTH_SUFFIX = r"(?:\s?(?:초|상순|중순|하순|말|경|께))?"
_WEEKDAY = r"(?:\s?(?:\([월화수목금토일]\)|[월화수목금토일]요일))?"
_MONTH_DAY = r"(?P<m>\d{1,2})\s?월(?:\s?(?P<d>\d{1,2})\s?일)?"
_AFTER = _MONTH_SUFFIX + _WEEKDAY
_OFFSETS = {"재작년": -2, "지난해": -1, "작년": -1, "전년": -1, "올해": 0, "금년": 0, "올": 0}
_OFFSETS |= {"내년": 1, "명년": 1, "내후년": 2}
_RELATION = re.compile(r"\s?(?P<rel>이후|부터|이래|까지)")


def _valid(year: int, month: int, day: int | None) -> _When | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return _When(f"{year:04d}-{month:02d}", "month")
    try:
        return _When(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _int(match: re.Match[str], name: str) -> int | None:
    value = match.groupdict().get(name)
    return int(value) if value else None


def _absolute(match: re.Match[str], doc: date | None) -> _When | None:
    year, month = int(match["y"]), _int(match, "m")
    if match.groupdict().get("h"):
        return _When(str(year), "half", 1 if match["h"] == "상" else 2)
    if month is None:
        return _When(f"{year:04d}", "year")
    return _valid(year, month, _int(match, "d"))


def _relative_year(match: re.Match[str], doc: date | None) -> _When | None:
    if doc is None:
        return None
    year = doc.year + _OFFSETS[match["w"]]
    if match["h"]:
        return _When(str(year), "half", 1 if match["h"] == "상" else 2)
    month = _int(match, "m")
    return _When(str(year), "year") if month is None else _valid(year, month, _int(match, "d"))


def _coming(match: re.Match[str], doc: date | None) -> _When | None:
    """ "오는 9월": the next such month (or day) on or after the document's date."""
    if doc is None:
        return None
    month, day = int(match["m"]), _int(match, "d")
    ahead = (month, day or 0) >= (doc.month, doc.day if day else 0)
    return _valid(doc.year if ahead else doc.year + 1, month, day)


def _past(match: re.Match[str], doc: date | None) -> _When | None:
    """ "지난 2월": the most recent such month (or day) on or before the document's date."""
    if doc is None:
        return None
    month, day = int(match["m"]), _int(match, "d")
    behind = (month, day or 0) <= (doc.month, doc.day if day else 0)
    return _valid(doc.year if behind else doc.year - 1, month, day)


def _this_year(match: re.Match[str], doc: date | None) -> _When | None:
    if doc is None:
        return None
    if match.groupdict().get("h"):
        return _When(str(doc.year), "half", 1 if match["h"] == "상" else 2)
    return _valid(doc.year, int(match["m"]), _int(match, "d"))


def _this_month(match: re.Match[str], doc: date | None) -> _When | None:
    return None if doc is None else _valid(doc.year, doc.month, int(match["d"]))


# Each pattern with a hint: what a text must hold somewhere for the pattern to match at all
# (a search for a word costs far less than running the pattern from every position).
_PATTERNS: list[tuple[re.Pattern[str], _Resolver, re.Pattern[str]]] = [
    (
        re.compile(rf"{_AT_YEAR}(?:{_ON})?{_YEAR}\s?년\s?{_MONTH_DAY}{_AFTER}"),
        _absolute,
        re.compile("월"),
    ),
    (
        re.compile(
            _AT_DIGIT + r"(?<![\d.])(?P<y>\d{4})\s?(?P<sep>[.\-/])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?"
            r"(?P<d>\d{1,2})(?!\d)(?:\s?\.)?" + _WEEKDAY
        ),
        _absolute,
        re.compile("[./-]"),
    ),
    (
        re.compile(rf"{_AT_YEAR}(?:{_ON})?{_YEAR}\s?년\s?(?P<h>[상하])반기"),
        _absolute,
        re.compile("반기"),
    ),
    (re.compile(rf"{_AT_YEAR}(?:{_ON})?{_YEAR}\s?년(?:도)?"), _absolute, re.compile("년")),
    (
        re.compile(
            r"(?=[재지작내명올전금])(?P<w>재작년|지난해|작년|내후년|내년|명년|올해|(?<![가-힣])(?:전년|금년|올(?=\s?\d|\s?[상하]반기)))"
            rf"(?:\s?{_MONTH_DAY}{_AFTER}|\s?(?P<h>[상하])반기)?"
        ),
        _relative_year,
        re.compile("[년올해]"),  # every word of the group holds one of these
    ),
    (re.compile(rf"오는\s?{_MONTH_DAY}{_AFTER}"), _coming, re.compile("오는")),
    (re.compile(rf"지난\s?{_MONTH_DAY}{_AFTER}"), _past, re.compile("지난")),
    (re.compile(rf"{_AT_DIGIT}(?<![\d.]){_MONTH_DAY}{_AFTER}"), _this_year, re.compile("월")),
    (re.compile(r"(?P<h>[상하])반기"), _this_year, re.compile("반기")),
]
# A bare day ("3일") is read only on request: it is as often a count of days.
_BARE_DAY = (
    re.compile(_AT_DIGIT + r"(?<![\d.])(?P<d>\d+)\s?일(?!\s?간|\s?동안|\s?째)"),
    _this_month,
    re.compile("일"),
)


def resolve(text: str, doc_date: date | None, *, bare_day: bool = False) -> DateValue | None:
    """The date that ``text`` consists of (surrounding spaces allowed), or None.

    ``doc_date`` is the document's own date; without it only absolute dates resolve.
    ``bare_day`` reads "3일" as that day of the document's month.
    """
    body = text.strip()
    offset = len(text) - len(text.lstrip())
    spans = _spans(body, bare_day)
    if len(spans) != 1 or (spans[0][0].start(), spans[0][2]) != (0, len(body)):
        return None
    match, resolver, end, relation = spans[0]
    return _build(match, resolver, end, relation, body, doc_date, offset)


def find_dates(
    text: str, doc_date: date | None, *, bare_day: bool = False, offset: int = 0
) -> list[DateValue]:
    """Every date in ``text`` that resolves, in order; the longest reading of a span wins.

    ``offset`` is added to every start and end (the place of a sentence in its document).
    """
    found = (_build(*span, text, doc_date, offset) for span in _spans(text, bare_day))
    return [value for value in found if value is not None]


def _spans(text: str, bare_day: bool) -> list[tuple[re.Match[str], _Resolver, int, Relation]]:
    patterns = [*_PATTERNS, _BARE_DAY] if bare_day else _PATTERNS
    candidates = [
        (m, resolver)
        for pattern, resolver, hint in patterns
        if hint.search(text)
        for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (c[0].start(), -c[0].end()))
    chosen: list[tuple[re.Match[str], _Resolver, int, Relation]] = []
    for match, resolver in candidates:
        if chosen and match.start() < chosen[-1][2]:
            continue  # inside (or across) a longer reading already taken
        end, relation = _relation(text, match.end())
        chosen.append((match, resolver, end, relation))
    return chosen


def _relation(text: str, end: int) -> tuple[int, Relation]:
    match = _RELATION.match(text, end)
    if match is None:
        return end, "at"
    return match.end(), "until" if match["rel"] == "까지" else "from"


def _build(
    match: re.Match[str],
    resolver: _Resolver,
    end: int,
    relation: Relation,
    text: str,
    doc: date | None,
    offset: int,
) -> DateValue | None:
    when = resolver(match, doc)
    if when is None:
        return None
    return DateValue(
        iso=when.iso,
        precision=when.precision,
        half=when.half,
        relation=relation,
        text=text[match.start() : end],
        start=match.start() + offset,
        end=end + offset,
    )
