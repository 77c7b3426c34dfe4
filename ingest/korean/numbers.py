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
# Headlines write the group names in Chinese characters too ("274兆", "300億").
_BIG |= {"京": 10**16, "兆": 10**12, "億": 10**8, "萬": 10**4}
_GROUPS = "".join(_BIG)
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
_HANGUL_DIGIT = "[일이삼사오육칠팔구]"
# Inside a group the digits may be split by 천/백/십 ("1천697", "1천5백", "천오백", "삼천").
_TERM = rf"(?:{_NUM}|{_HANGUL_DIGIT})?{_SP}[천백십]"
_TERMS = rf"{_TERM}(?:{_SP}{_TERM})*(?:{_SP}(?:{_NUM}|{_HANGUL_DIGIT}))?"
_DIGITS = rf"(?:{_TERMS}|{_NUM})"
# Written with a digit first: "1,697", "1천697", "1천5백".
_ARABIC = rf"{_NUM}(?:{_SP}[천백십](?:{_SP}{_TERM})*(?:{_SP}(?:{_NUM}|{_HANGUL_DIGIT}))?)?"
# "300여억": 여 (some) may stand before the group's name.
_GROUP = rf"{_DIGITS}여?{_SP}[{_GROUPS}]"
# Units are cut short where a longer word starts the same way ("개발", "대비", "평가", "건립").
_COUNT_UNITS = (
    r"개사|개소|개(?!월|발|최|선|편|정|방|통|관)|명|곳"
    r"|대(?!비|표|상|학|회|응|한|형)|건(?!립|설|축|강|의|물|전)"
)
_AREA_UNITS = (
    r"평(?!가|균|택|창|화|생|양)|㎡|m²|m2|제곱미터|㎢|km²|km2|제곱킬로미터|헥타르|ha(?![A-Za-z])"
)
# 원 is cut short where a word starts with it ("1대 1 원스톱", "원장", "원전").
# What may be glued after an amount: particles and words about its size.
_AMOUNT_FOLLOWERS = (
    r"을|를|이|가|의|에|으로|로|씩|대|가량|과|와|은|는|도|까지|만|규모|상당|정도|안팎|어치|여|보다"
    r"|이상|이하|미만|수준"
)
_WON = rf"원(?=$|[^가-힣]|{_AMOUNT_FOLLOWERS}|선|에서)"
# After an amount without 원, a Hangul word glued on that is no such follower, no currency and
# no copula names what is counted ("3억셀 규모의 배터리", "2억주"): no money.
_COUNTED_AFTER = re.compile(
    rf"(?!{_AMOUNT_FOLLOWERS}|원|달러|엔|유로|위안|파운드|짜리|인|이다|이며|이고|이었|으며)[가-힣]"
)
_OTHER_UNITS = rf"{_WON}|달러|엔|유로|위안|파운드|%p|%포인트|퍼센트포인트|%|퍼센트"
_UNITS = rf"{_OTHER_UNITS}|{_COUNT_UNITS}|{_AREA_UNITS}"
# The plain number after 만/억 groups ("1만 2,345원", "1만2천500명") only counts when a unit
# follows it.
_TAIL = rf"{_DIGITS}(?={_SP}여?{_SP}(?:{_UNITS}))"
_MORE = rf"(?:{_SP}{_GROUP})*(?:{_SP}{_TAIL})?"
_NUMBER = rf"{_ARABIC}여?{_SP}[{_GROUPS}]{_MORE}|{_ARABIC}"
# Led by a Hangul numeral or a bare 천/백/십 ("삼천억", "천오백억 원"): only with a group
# name or 원, and never after another syllable ("수천억" is "several thousand 억").
_HANGUL_NUMBER = rf"{_TERMS}여?{_SP}[경조억만]{_MORE}|{_TERMS}(?={_SP}원)"
# The lookahead names every character a mention can start with: a cheap test that lets the
# scan skip most positions at once (three times faster on an article).
_MENTION = re.compile(
    r"(?=[약대총모최\d일이삼사오육칠팔구천백십])"
    rf"(?:(?<![가-힣A-Za-z])(?P<pre>약|대략|총|모두|최대|최고|최소|최저){_SP})?"
    rf"(?:(?<![\d.,A-Za-z])(?P<num>{_NUMBER})|(?<![가-힣\d.,A-Za-z])(?P<hnum>{_HANGUL_NUMBER}))"
    rf"(?P<yeo>여)?(?:{_SP}(?P<unit>{_UNITS}))?"
    rf"(?:{_SP}(?P<post>가량|안팎|내외|정도|남짓|이상|이하|미만))?"
)
_PIECE = re.compile(
    r"(?P<n>\d[\d,]*(?:\.\d+)?)|(?P<h>[일이삼사오육칠팔구])|(?P<small>[천백십])"
    rf"|(?P<big>[{_GROUPS}])"
)
# What an amount "of the order of" (억대, 조대) is about: money, not machines.
_MONEY_AFTER = re.compile(
    r"[^\S\n]?(?:의[^\S\n]?)?(?:투자|규모|사업|매출|자금|예산|재원|부가가치|경제|손실|적자|흑자)"
)
_HANGUL_VALUE = {c: i for i, c in enumerate("일이삼사오육칠팔구", 1)}
# A year written before 경 is a year, not 10^16 times it: "2023경" is "around 2023" and in
# "2018 경상남도" the 경 starts a place name. Amounts in 경 are never written so (2,018경 원
# would be a thousand times the world's yearly output).
_YEAR_THEN_GYEONG = re.compile(r"(?:19|20)\d{2}(?![\d,.])[^\S\n]?경")
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
    num = match["num"] or match["hnum"]
    if unit is None and not any(c in num for c in "경조억京兆億"):
        return None  # a bare number (a year, a day): no need to work out its value
    if match["num"] and _YEAR_THEN_GYEONG.match(num):
        return None  # "2023경 완공", "2018 경상남도": a year
    if unit is None and num.rstrip().endswith("경"):
        return None  # "FA-50 경공격기", "제2 경제도시": 경 starts a word; 경 of money takes 원
    if match["hnum"] and unit not in (None, "원"):
        return None  # "천 명" is left alone: Hangul numerals are read for money only
    value = _value(num)
    if value is None:
        return None
    common = _common(match, offset)
    if unit is None and _COUNTED_AFTER.match(text, match.end()):
        return None  # "3억셀", "2억주": a count of things written with a word glued after it
    if unit == "원" or unit is None:  # no unit: a 경/조/억 group makes it money
        return Money(krw=int(value), **common) if value == int(value) else None
    if unit in _PERCENT_UNITS:
        return Percentage(value=float(value), unit=_PERCENT_UNITS[unit], **common)
    if unit in _AREA_M2:
        m2 = float(Fraction(value) * _AREA_M2[unit])
        return Area(value=float(value), unit=unit, m2=m2, **common)
    if unit == "대" and num.rstrip()[-1] in "억조億兆" and _MONEY_AFTER.match(text, match.end()):
        # "3천억대 투자": an amount of that order, not a count of vehicles
        common["approximate"] = True
        return Money(krw=int(value), **common)
    if unit not in _COUNT_UNIT_SET or value != int(value):
        return None  # a bare number, a foreign currency or a fraction of a thing
    if unit == "대" and value <= 10 and re.match(r"\s?[가-힣]", text[match.end() :]):
        return None  # "3대 핵심부품": the three major ..., not three vehicles
    return Count(value=int(value), unit=unit, **common)


def _value(num: str) -> Decimal | None:
    """The value of 만/억/조/경 groups, which must come in decreasing order.

    Inside a group 천, 백 and 십 come in decreasing order too, each after one digit at most
    ("1천697", "천오백"); a plain number after them must be smaller ("1천1500" is no number).
    A group after the first, and a plain number after the groups, is below 10^4.
    """
    total, group = Decimal(0), Decimal(0)
    digit: Decimal | None = None
    small, big = 10**4, 0  # the last 천/백/십 of this group, the last group name (0: none)
    for piece in _PIECE.finditer(num):
        kind = piece.lastgroup
        if kind == "n" or kind == "h":
            if digit is not None:
                return None
            digit = Decimal(
                _HANGUL_VALUE[piece["h"]] if kind == "h" else piece["n"].replace(",", "")
            )
        elif kind == "small":
            unit = _SMALL[piece["small"]]
            if unit >= small or (digit is not None and digit >= 10):
                return None
            group += unit * (1 if digit is None else digit)
            digit, small = None, unit
        else:
            scale = _BIG[piece["big"]]
            closed = _close(group, digit, small, big)
            if closed is None or (big and scale >= big):
                return None
            total += closed * scale
            group, digit, small, big = Decimal(0), None, 10**4, scale
    rest = _close(group, digit, small, big)
    return None if rest is None else total + rest


def _close(group: Decimal, digit: Decimal | None, small: int, big: int) -> Decimal | None:
    """A group's value once its digits are read, or None when they cannot stand together."""
    if digit is not None:
        if digit >= small:
            return None
        group += digit
    return None if big and group >= 10**4 else group


def _common(match: re.Match[str], offset: int) -> _Found:
    pre, post = match["pre"] or "", match["post"] or ""
    return {
        "text": match.group(),
        "start": match.start() + offset,
        "end": match.end() + offset,
        "approximate": bool(match["yeo"])
        or "여" in (match["num"] or match["hnum"])
        or pre in _APPROX
        or post in _APPROX,
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
