"""Korean quantities in text: money, counts, percentages, areas, year ranges and durations.

Korean writes large numbers in groups of four digits named 만 (10^4), 억 (10^8), 조 (10^12)
and 경 (10^16), each group with its own thousands separator and often with 천/백/십 inside
("9조 3,000억 원", "3조 5천억", "1억 2천만 원"). Every result keeps the text it was read
from and its offsets, so that the original wording can be stored beside the value
("1조 500억 원" -> 1050000000000).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypedDict, TypeVar

from pydantic import BaseModel, ConfigDict

from ontology.errors import ValidationFailed

PYEONG_M2 = Fraction(400, 121)  # 1 평 in square metres

Qualifier = Literal["total", "max", "min"]
DurationUnit = Literal["year", "month", "week", "day"]

_BIG = {"경": 10**16, "조": 10**12, "억": 10**8, "만": 10**4}
_SMALL = {"천": 1000, "백": 100, "십": 10}
_METRE, _KM, _HA = Fraction(1), Fraction(10**6), Fraction(10**4)
_AREA_M2 = {"평": PYEONG_M2, "㎡": _METRE, "m²": _METRE, "m2": _METRE, "제곱미터": _METRE}
_AREA_M2 |= {"㎢": _KM, "km²": _KM, "km2": _KM, "제곱킬로미터": _KM, "ha": _HA, "헥타르": _HA}
_QUALIFIERS: dict[str, Qualifier] = {"총": "total", "모두": "total", "최대": "max", "최고": "max"}
_QUALIFIERS |= {"최소": "min", "최저": "min", "이상": "min", "이하": "max", "미만": "max"}
_APPROX = {"약", "대략", "가량", "안팎", "내외", "정도", "남짓"}
_COUNT_UNIT_SET = {"개사", "개소", "개", "명", "대", "곳", "건"}
_PERCENT_UNITS: dict[str, Literal["%", "%p"]] = {"%": "%", "퍼센트": "%", "%p": "%p"}
_PERCENT_UNITS |= {"%포인트": "%p", "퍼센트포인트": "%p"}
_DURATION_UNITS: dict[str, DurationUnit] = {"년": "year", "주": "week", "일": "day"}
_DURATION_UNITS |= {"개월": "month"}

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SP = r"[^\S\n]?"  # one optional space, never a paragraph break
_GROUP = rf"{_NUM}{_SP}[천백십]?{_SP}[경조억만]"
# Units are cut short where a longer word starts the same way ("개발", "대비", "평가", "건립").
_COUNT_UNITS = (
    r"개사|개소|개(?!월|발|최|선|편|정|방|통|관)|명|곳"
    r"|대(?!비|표|상|학|회|응|한|형)|건(?!립|설|축|강|의|물|전)"
)
_AREA_UNITS = (
    r"평(?!가|균|택|창|화|생|양)|㎡|m²|m2|제곱미터|㎢|km²|km2|제곱킬로미터|헥타르|ha(?![A-Za-z])"
)
_OTHER_UNITS = r"원|달러|엔|유로|위안|파운드|%p|%포인트|퍼센트포인트|%|퍼센트"
_UNITS = rf"{_OTHER_UNITS}|{_COUNT_UNITS}|{_AREA_UNITS}"
# The plain number after 만/억 groups ("1만 2,345원") only counts when a unit follows it.
_TAIL = rf"{_NUM}(?:{_SP}[천백십])?(?={_SP}여?{_SP}(?:{_UNITS}))"
_NUMBER = rf"{_GROUP}(?:{_SP}{_GROUP})*(?:{_SP}{_TAIL})?|{_NUM}(?:{_SP}[천백십])?"
# The lookahead names every character a mention can start with: a cheap test that lets the
# scan skip most positions at once (three times faster on an article).
_MENTION = re.compile(
    r"(?=[약대총모최\d])"
    rf"(?:(?<![가-힣A-Za-z])(?P<pre>약|대략|총|모두|최대|최고|최소|최저){_SP})?"
    rf"(?<![\d.,A-Za-z])(?P<num>{_NUMBER})(?P<yeo>여)?(?:{_SP}(?P<unit>{_UNITS}))?"
    rf"(?:{_SP}(?P<post>가량|안팎|내외|정도|남짓|이상|이하|미만))?"
)
_PART = re.compile(rf"(?P<n>{_NUM}){_SP}(?P<small>[천백십])?{_SP}(?P<big>[경조억만])?")
_YEAR_SPAN = re.compile(
    r"(?<!\d)(?P<a>(?:19|20)\d{2})(?:\s?년)?\s?[-~–—〜∼]\s?(?P<b>(?:19|20)?\d{2})"
    r"(?![\d.]|-\d|/\d)(?:\s?년)?"
)
_YEAR_OPEN = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s?년도?\s?(?P<rel>까지|부터|이후|이래)")
_DURATION = re.compile(
    rf"(?:(?<![가-힣])(?P<pre>약|최대|최소){_SP})?(?<![\d.])(?P<a>\d+)"
    rf"(?:{_SP}[~\-–]{_SP}(?P<b>\d+))?{_SP}"
    rf"(?:(?P<unit>년|주|일)(?P<span>간|{_SP}동안|가량)|(?P<months>개월)(?P<mspan>간|{_SP}동안|가량)?)"
)


class _Found(TypedDict):
    text: str
    start: int
    end: int
    approximate: bool
    qualifier: Qualifier | None


class Quantity(BaseModel):
    """A quantity found in text: the exact ``text`` and its [start, end) offsets."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    approximate: bool = False
    qualifier: Qualifier | None = None


class Money(Quantity):
    krw: int


class Count(Quantity):
    value: int
    unit: str  # 개사, 개소, 개, 명, 대, 곳, 건


class Percentage(Quantity):
    value: float
    unit: Literal["%", "%p"]


class Area(Quantity):
    value: float  # in ``unit``
    unit: str  # 평, ㎡, km², ha, ...
    m2: float


class YearRange(Quantity):
    first: int | None  # None: open towards the past ("2022년까지")
    last: int | None  # None: open towards the future ("2028년 이후")


class Duration(Quantity):
    value: int
    upper: int | None = None  # "6~8주" -> value 6, upper 8
    unit: DurationUnit


def parse_money(text: str) -> Money | None:
    """The amount of money that ``text`` consists of (surrounding spaces allowed), or None."""
    found = _whole(text)
    return found if isinstance(found, Money) else None


def find_amounts(text: str) -> list[Money]:
    """Every amount of money (KRW) in ``text``, in order."""
    return [q for q in find_quantities(text) if isinstance(q, Money)]


def find_counts(text: str) -> list[Count]:
    return [q for q in find_quantities(text) if isinstance(q, Count)]


def find_percentages(text: str) -> list[Percentage]:
    return [q for q in find_quantities(text) if isinstance(q, Percentage)]


def find_areas(text: str) -> list[Area]:
    return [q for q in find_quantities(text) if isinstance(q, Area)]


def find_ranges(text: str) -> list[YearRange | Duration]:
    """Year ranges ("2024-2026", "2022년까지") and durations ("3년간", "6~8주가량")."""
    found: list[YearRange | Duration | None] = [_year_span(m) for m in _YEAR_SPAN.finditer(text)]
    found += [_year_open(m) for m in _YEAR_OPEN.finditer(text)]
    found += [_duration(m) for m in _DURATION.finditer(text)]
    return _non_overlapping([q for q in found if q is not None])


def find_quantities(text: str, *, offset: int = 0) -> list[Quantity]:
    """Money, counts, percentages and areas in ``text``, in order.

    ``offset`` is added to every start and end (the place of a sentence in its document).
    """
    found = (_classify(m, text, offset) for m in _MENTION.finditer(text))
    return [q for q in found if q is not None]


def format_money(krw: int) -> str:
    """The usual Korean writing of an amount: 1050000000000 -> "1조 500억 원"."""
    if krw < 0:
        raise ValidationFailed("negative amount", [f"{krw} is below zero"], "amounts are >= 0")
    parts: list[str] = []
    rest = krw
    for unit, size in _BIG.items():
        group, rest = divmod(rest, size)
        if group:
            parts.append(f"{group:,}{unit}")
    if rest or not parts:
        parts.append(f"{rest:,}")
    # "500억 원" but "2,345원": the space goes after a group name only.
    return " ".join(parts) + ("원" if rest or krw == 0 else " 원")


def _whole(text: str) -> Quantity | None:
    body = text.strip()
    match = _MENTION.match(body)
    if match is None or match.end() != len(body):
        return None
    return _classify(match, body, len(text) - len(text.lstrip()))


def _classify(match: re.Match[str], text: str, offset: int) -> Quantity | None:
    unit = match["unit"]
    if unit is None and not any(c in match["num"] for c in "경조억"):
        return None  # a bare number (a year, a day): no need to work out its value
    value = _value(match["num"])
    if value is None:
        return None
    common = _common(match, offset)
    if unit == "원" or unit is None:  # no unit: a 경/조/억 group makes it money
        return Money(krw=int(value), **common) if value == int(value) else None
    if unit in _PERCENT_UNITS:
        return Percentage(value=float(value), unit=_PERCENT_UNITS[unit], **common)
    if unit in _AREA_M2:
        m2 = float(Fraction(value) * _AREA_M2[unit])
        return Area(value=float(value), unit=unit, m2=m2, **common)
    if unit not in _COUNT_UNIT_SET or value != int(value):
        return None  # a bare number, a foreign currency or a fraction of a thing
    if unit == "대" and value <= 10 and re.match(r"\s?[가-힣]", text[match.end() :]):
        return None  # "3대 핵심부품": the three major ..., not three vehicles
    return Count(value=int(value), unit=unit, **common)


def _value(num: str) -> Decimal | None:
    """The value of 만/억/조/경 groups, which must come in decreasing order."""
    total, previous = Decimal(0), None
    for part in _PART.finditer(num):
        amount = Decimal(part["n"].replace(",", "")) * _SMALL.get(part["small"] or "", 1)
        scale = _BIG.get(part["big"] or "", 1)
        if previous is not None and (scale >= previous or (scale == 1 and amount >= 10**4)):
            return None
        total += amount * scale
        previous = scale
    return total


def _common(match: re.Match[str], offset: int) -> _Found:
    pre, post = match["pre"] or "", match["post"] or ""
    return {
        "text": match.group(),
        "start": match.start() + offset,
        "end": match.end() + offset,
        "approximate": bool(match["yeo"]) or pre in _APPROX or post in _APPROX,
        "qualifier": _QUALIFIERS.get(pre) or _QUALIFIERS.get(post),
    }


def _year_span(match: re.Match[str]) -> YearRange | None:
    first, last = int(match["a"]), match["b"]
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if not first < end <= first + 100:
        return None
    return YearRange(
        first=first, last=end, text=match.group(), start=match.start(), end=match.end()
    )


def _year_open(match: re.Match[str]) -> YearRange:
    year = int(match["y"])
    first, last = (None, year) if match["rel"] == "까지" else (year, None)
    return YearRange(
        first=first, last=last, text=match.group(), start=match.start(), end=match.end()
    )


def _duration(match: re.Match[str]) -> Duration | None:
    value, upper = int(match["a"]), int(match["b"]) if match["b"] else None
    if upper is not None and upper <= value:
        return None
    unit = _DURATION_UNITS[match["unit"] or match["months"]]
    pre, span = match["pre"] or "", match["span"] or match["mspan"] or ""
    return Duration(
        value=value,
        upper=upper,
        unit=unit,
        text=match.group(),
        start=match.start(),
        end=match.end(),
        approximate=pre == "약" or span == "가량",
        qualifier=_QUALIFIERS.get(pre),
    )


Q = TypeVar("Q", bound=Quantity)


def _non_overlapping(found: list[Q]) -> list[Q]:
    kept: list[Q] = []
    for item in sorted(found, key=lambda q: (q.start, q.start - q.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept
