"""Whole lines of news furniture (ingest/documents/noise.py): reporters' e-mail lines, lone
datelines, bulleted furniture, section names in the page's header, weather tickers and dashed
story lists.

Every example is made up; each test checks the clean text, the reason and the raw span.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.documents.normalize import normalize

BODY = "울산시는 수소 산업을 키운다고 밝혔다."


def _dropped(raw: str) -> list[tuple[str, str]]:
    norm = normalize(raw)
    return [(d.reason, raw[d.start : d.end]) for d in norm.dropped]


@pytest.mark.parametrize(
    "line",
    [
        "홍길동 기자 (hong@news.kr)",
        "공장 전경 2024.01.02 hong@news.kr |",
        "김철수기자 kim@n",
        "어느통신 박영수 기자, park@news.kr",
        "hong@news.kr 홍길동 기자",
    ],
)
def test_a_short_line_with_a_reporters_e_mail_goes(line: str) -> None:
    raw = f"{BODY}\n{line}"
    assert normalize(raw).text == BODY
    assert _dropped(raw) == [("byline", line)]


@pytest.mark.parametrize(
    "line",
    [
        "문의는 help@city.kr으로 받는다.",
        "시는 공장을 짓는다고 밝혔다./박영수기자·park@",
    ],
)
def test_a_sentence_with_an_e_mail_stays(line: str) -> None:
    assert line in normalize(f"{BODY}\n{line}").text


@pytest.mark.parametrize("line", ["대구=홍길동기", "(청주=어느통신)"])
def test_a_dateline_alone_on_its_line_goes(line: str) -> None:
    raw = f"{BODY}\n{line}"
    assert normalize(raw).text == BODY
    assert _dropped(raw) == [("byline", line)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("• 홍길동 기자", "byline"),
        ("• 승인 2024.01.02 10:30", "counter"),
        ("- 기자명 홍길동 기자", "byline"),
    ],
)
def test_a_bullet_does_not_hide_furniture(line: str, reason: str) -> None:
    raw = f"{line}\n{BODY}"
    assert normalize(raw).text == BODY
    assert _dropped(raw) == [(reason, line)]


def test_a_weather_ticker_goes_and_a_temperature_in_a_sentence_stays() -> None:
    # The sky may be left out when it is clear: a place and its temperature alone on a line.
    ticker = ["• 흐림가람 15.1℃", "• 맑음 새봄 -3℃", "• 구름많음한빛군 23.2°C", "• 가람 20.7℃"]
    ticker += ["• 한빛(예) 3.6℃"]  # a place marked as a forecast
    raw = "\n".join([*ticker, BODY])
    assert normalize(raw).text == BODY
    assert _dropped(raw) == [("weather", line) for line in ticker]
    sentence = "공장은 영하 20℃에서도 돌아간다고 밝혔다."
    assert normalize(f"{BODY}\n{sentence}").text == f"{BODY}\n{sentence}"


def test_section_names_in_the_header_go_and_the_same_form_in_the_article_stays() -> None:
    raw = "\n".join(["• 전국", "• 대전/충청", "주요뉴스 부산·울산·경남", BODY, "• 로봇·드론"])
    norm = normalize(raw)
    # A lone section word names no place; the bullet goes with the line's other bullets.
    assert norm.text.split("\n") == ["전국", BODY, "로봇·드론"]
    assert _dropped(raw) == [
        ("menu", "• 대전/충청"),
        ("menu", "주요뉴스 부산·울산·경남"),
    ]


TITLES = [
    "- 부산, 로봇 도시로 뛴다",
    "- 광주 AI 집적단지 2단계 착수…“연내 완공”",
    "- 대구 섬유 업계, 새 판로 찾나?",
]


def test_three_dashed_titles_in_a_row_are_a_story_list() -> None:
    raw = "\n".join([BODY, *TITLES])
    assert normalize(raw).text == BODY
    assert _dropped(raw) == [("related", title) for title in TITLES]


def test_dashed_points_between_the_articles_sentences_stay() -> None:
    points = ["- 한빛소재: 300억 원", "- 가람화학: 200억 원", "- 누리정밀: 100억 원"]
    norm = normalize("\n".join([BODY, *points, "시는 세 기업에 부지를 공급한다고 밝혔다."]))
    assert all(point[2:] in norm.text for point in points)
    assert not norm.dropped


def test_two_dashed_titles_and_dashed_sentences_stay() -> None:
    points = [
        "- 시는 연구 시설을 짓는 계획임.",
        "- 도는 기업 30곳을 유치한다는 목표임.",
        "- 군은 부지 10만㎡를 공급함.",
    ]
    for lines in (TITLES[:2], points):
        norm = normalize("\n".join([BODY, *lines]))
        assert all(line[2:] in norm.text for line in lines)
        assert not norm.dropped


FURNITURE = st.lists(
    st.sampled_from(
        [
            BODY,
            *TITLES,
            "홍길동 기자 (hong@news.kr)",
            "대구=홍길동기",
            "• 대전/충청",
            "• 홍길동 기자",
            "주요뉴스 부산·울산·경남",
            "",
            "-",
            "@",
            "•",
        ]
    ),
    max_size=12,
).map("\n".join)


@settings(database=None, deadline=None, max_examples=200)
@given(FURNITURE)
def test_line_removal_keeps_offsets_exact(raw: str) -> None:
    norm = normalize(raw)
    for i, char in enumerate(norm.text):
        if char not in " \n":
            assert raw[norm.starts[i] : norm.ends[i]] == char
    lines = raw.split("\n")
    for dropped in norm.dropped:
        # Each of these rules drops a whole raw line, and exactly that line.
        assert raw[dropped.start : dropped.end] in lines
    assert norm.text.count(BODY) == raw.count(BODY)
