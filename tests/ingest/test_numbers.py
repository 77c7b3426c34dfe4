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
        # Headlines write the group names in Chinese characters.
        ("274兆", 274 * JO),
        ("3兆5000億원", 3 * JO + 5000 * EOK),
        ("500億", 500 * EOK),
        ("2萬원", 2 * MAN),
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


def test_find_amounts_reads_group_names_in_chinese_characters() -> None:
    text = "한빛소재, 새만금에 1兆 투자…누리전지는 300億 들여"
    found = find_amounts(text)
    assert [(m.text, m.krw) for m in found] == [("1兆", JO), ("300億", 300 * EOK)]
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


# ---- 천/백/십 inside groups, Hangul numerals, decimals: exact values ---------------------------


@pytest.mark.parametrize(
    ("text", "krw", "approximate"),
    [
        ("4조1천697억", 4 * JO + 1697 * EOK, False),
        ("4조 1천697억 원", 4 * JO + 1697 * EOK, False),
        ("4조 1,697억 원", 4 * JO + 1697 * EOK, False),
        ("1천500억", 1500 * EOK, False),
        ("1천200억원", 1200 * EOK, False),
        ("1만2천500원", 12_500, False),
        ("1천5백억 원", 1500 * EOK, False),
        ("2조 3천5백억 원", 2 * JO + 3500 * EOK, False),
        ("삼천억 원", 3000 * EOK, False),
        ("천오백억 원", 1500 * EOK, False),
        ("3조 오천억 원", 3 * JO + 5000 * EOK, False),
        ("백만 원", 100 * MAN, False),
        ("6.9조 원", 6 * JO + 9000 * EOK, False),
        ("1.2조", 1 * JO + 2000 * EOK, False),
        ("약 1조 원", JO, True),
        ("1조여 원", JO, True),
        ("300여억 원", 300 * EOK, True),
        ("1천억 원가량", 1000 * EOK, True),
        ("2조 원 가량", 2 * JO, True),
    ],
)
def test_digits_inside_groups(text: str, krw: int, approximate: bool) -> None:
    money = parse_money(text)
    assert money is not None, text
    assert (money.krw, money.approximate, money.text) == (krw, approximate, text)


@pytest.mark.parametrize(
    "text", ["수천억 원", "수백억원", "몇천억 원", "1천1500억", "15천억 원", "천천억", "백천억"]
)
def test_not_an_exact_amount(text: str) -> None:
    assert parse_money(text) is None


def test_an_amount_of_an_order_is_money_but_a_number_of_machines_is_a_count() -> None:
    [money] = find_amounts("두 회사가 3천억대 투자에 합의했다")
    assert (money.krw, money.approximate, money.text) == (3000 * EOK, True, "3천억대")
    [count] = find_counts("휴대폰이 1억대 팔렸다")
    assert (count.value, count.text) == (EOK, "1억대")
    assert find_amounts("휴대폰이 1억대 팔렸다") == []


def test_counts_keep_digits_inside_groups() -> None:
    (count,) = find_counts("관람객 1만2천500명이 왔다")
    assert (count.value, count.text) == (12_500, "1만2천500명")


def test_hangul_numerals_only_for_money_and_never_inside_a_word() -> None:
    assert find_amounts("기업이 천안에 이천 명을 뽑는다") == []
    assert find_counts("오백 명") == []
    [money] = find_amounts("시는 천억을 들인다")
    assert money.krw == 1000 * EOK


# An independent reference for the tests below: the value of an amount's wording, read by
# splitting at the group names and then at 천/백/십, with Hangul digits translated first.
_TO_ARABIC = str.maketrans("일이삼사오육칠팔구", "123456789")
_BIG_NAMES = {"조": 10**12, "억": 10**8, "만": 10**4}


def reference_value(text: str) -> int:
    body = text.translate(_TO_ARABIC)
    for noise in ("약", "가량", "여", "원", ",", " "):
        body = body.replace(noise, "")
    total = 0
    for big, size in _BIG_NAMES.items():
        if big in body:
            head, body = body.split(big, 1)
            total += _reference_group(head) * size
    return total + _reference_group(body)


def _reference_group(text: str) -> int:
    value = 0
    for small, size in (("천", 1000), ("백", 100), ("십", 10)):
        if small in text:
            head, text = text.split(small, 1)
            value += (int(head) if head else 1) * size
    return value + (int(text) if text else 0)


def _render_group(draw: st.DrawFn, value: int) -> str:
    """One group (1..9999) written as Korean news writes it, chosen at random."""
    style = draw(st.sampled_from(["plain", "comma", "split", "split-all", "hangul"]))
    if style == "plain":
        return str(value)
    if style == "comma":
        return f"{value:,}"
    digits = [(value // size) % 10 for size in (1000, 100, 10, 1)]
    names = ["천", "백", "십", ""]
    if style == "hangul" and value >= 10:
        return "".join(
            ("" if d == 1 and n and draw(st.booleans()) else "_일이삼사오육칠팔구"[d]) + n
            for d, n in zip(digits, names, strict=True)
            if d
        )
    if style == "split" and value >= 1000:
        return f"{value // 1000}천" + (str(value % 1000) if value % 1000 else "")
    parts = [f"{d}{n}" for d, n in zip(digits, names, strict=True) if d]
    return "".join(parts) if style == "split-all" else str(value)


@st.composite
def written_amounts(draw: st.DrawFn) -> tuple[str, int, bool]:
    """(wording, value, approximate): a value, then a random Korean writing of it."""
    groups = draw(st.lists(st.integers(0, 9999), min_size=4, max_size=4))
    if not any(groups[:3]):
        groups[0] = draw(st.integers(1, 9999))
    unit = draw(st.sampled_from(["원", " 원", ""]))
    if not unit or not any(groups[:2]):  # without 원 a 조 or 억 group makes it money
        unit, groups[3] = (unit or " 원"), groups[3] if unit else 0
    gap = draw(st.sampled_from(["", " "]))
    words = [
        _render_group(draw, n) + name
        for n, name in zip(groups, ["조", "억", "만", ""], strict=True)
        if n
    ]
    text = gap.join(words)
    approx = draw(st.sampled_from(["", "약 ", "여", "가량"]))
    if approx == "여" and groups[3]:
        approx = ""  # "2,345여원" is not how amounts are written
    wording = {"약 ": f"약 {text}{unit}", "여": f"{text}여{unit}", "가량": f"{text}{unit}가량"}
    value = groups[0] * JO + groups[1] * EOK + groups[2] * MAN + groups[3]
    return wording.get(approx, text + unit), value, bool(approx)


@settings(database=None, deadline=None, max_examples=1500)
@given(
    written_amounts(),
    st.sampled_from(["", "국비 ", "시는 "]),
    st.sampled_from(["", "을 투입한다."]),
)
def test_any_writing_of_a_value_reads_back_exactly(
    amount: tuple[str, int, bool], before: str, after: str
) -> None:
    wording, value, approximate = amount
    [found] = find_amounts(before + wording + after)
    assert (found.text, found.krw, found.approximate) == (wording, value, approximate)
    assert reference_value(wording) == value


@QUICK
@given(st.integers(1, 99), st.integers(0, 9), st.sampled_from(["조", "억"]))
def test_decimal_groups(whole: int, tenth: int, name: str) -> None:
    [found] = find_amounts(f"{whole}.{tenth}{name} 원")
    assert found.krw == (whole * 10 + tenth) * _BIG_NAMES[name] // 10


@settings(database=None, deadline=None, max_examples=1500)
@given(st.text(alphabet="0123456789,천백십만억조일삼오구 원", max_size=14))
def test_whatever_is_read_agrees_with_the_reference(text: str) -> None:
    """Any string of digits and number words: what parses has the reference's value."""
    money = parse_money(text)
    if money is not None:
        assert money.krw == reference_value(money.text), text


@QUICK
@given(
    st.integers(1900, 2099),
    st.sampled_from(["경 완공한다.", " 경상남도 투자 설명회", " 경북 포럼", "경에 문을 연다."]),
)
def test_a_year_before_gyeong_is_a_year_not_an_amount(year: int, after: str) -> None:
    assert find_amounts(f"{year}{after}") == []
    assert find_amounts(f"{year}{after} 500억 원을 들인다.")[0].krw == 500 * EOK


@pytest.mark.parametrize(
    "text",
    [
        "FA-50 경공격기를 수출한다.",
        "제2 경제도시로 키운다.",
        "7 경기장에서 열린다.",
        "A-10 경비행기",
    ],
)
def test_a_number_before_a_word_that_starts_with_gyeong_is_no_amount(text: str) -> None:
    """경 right after a number without 원 starts a word (경제, 경공격기) far more often than
    it closes an amount of 10^16 won: such a number is no money."""
    assert find_amounts(text) == []
    assert find_amounts(f"{text} 30억 원을 들인다.")[0].krw == 30 * EOK


@pytest.mark.parametrize(
    ("text", "krw"),
    [("1경 2,000조 원", 12 * 10**15), ("3경원", 3 * 10**16), ("2,018경 원", 2018 * 10**16)],
)
def test_real_gyeong_amounts_are_still_read(text: str, krw: int) -> None:
    [found] = find_amounts(text)
    assert found.krw == krw


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        # A word glued after an amount without 원 names what is counted: no money.
        ("연간 3억셀 규모의 배터리를 만든다.", None),
        ("2억주를 새로 발행한다.", None),
        # Particles and money words glued after it keep it money.
        ("300억이 들어간다.", 300 * EOK),
        ("100억규모로 짓는다.", 100 * EOK),
        ("50억짜리 사업이다.", 50 * EOK),
    ],
)
def test_a_counted_word_glued_after_a_bare_amount(text: str, krw: int | None) -> None:
    found = [a.krw for a in find_amounts(text)]
    assert found == ([] if krw is None else [krw])
