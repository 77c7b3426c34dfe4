"""Text normalisation: noise rules on our own examples, properties on any text, and one test
per noise kind of the corpus manifest on the real documents (short spans only)."""

from __future__ import annotations

import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.documents.noise import line_reasons
from ingest.documents.normalize import Normalized, normalize
from ingest.documents.paragraphs import display_width
from ingest.korean.dates import find_dates, resolve
from ontology.errors import ValidationFailed
from tests.conftest import corpus_dir

QUICK = settings(database=None, deadline=None, max_examples=300)

# A hard-wrapped column of our own text: every line is about as wide as the others.
WRAPPED = (
    "울산시는 수소 모빌리티 산업을 키우기 위해 항만 배후\n"
    "단지에 연구 시설을 짓고 관련 기업 유치에 나선\n"
    "다. 시는 내년까지 충전소를 늘리고 실증 사업을 확\n"
    "대할 계획이며, 지역 대학과 함께 전문 인력을 길\n"
    "러 낼 방침이다.\n"
)


def _corpus() -> Path:
    path = corpus_dir()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("the raw corpus is missing in CI (../shared/corpus or RSG_CORPUS)")
        pytest.skip("set RSG_CORPUS to the raw documents to run the corpus tests")
    return path


def _doc(name: str) -> tuple[str, Normalized]:
    raw = (_corpus() / f"{name}.txt").read_text(encoding="utf-8")
    return raw, normalize(raw)


def _raw_of(norm: Normalized, needle: str) -> str:
    start = norm.text.index(needle)
    return norm.raw_slice(start, start + len(needle))


# ---- rules, on our own examples -----------------------------------------------------------


def test_replacement_characters_and_odd_spaces_become_single_spaces() -> None:
    norm = normalize("가\ufffd나\u00a0다\u3000라\u200b마\ufffd\ufffd바\t사")
    assert norm.text == "가 나 다 라 마 바 사"
    assert norm.raw_slice(3, 4) == "\u00a0"
    assert _raw_of(norm, "마 바") == "마\ufffd\ufffd바"


def test_nfc_composes_jamo_and_maps_back_to_them() -> None:
    raw = "수소 \u1112\u1161\u11ab\u1100\u1173\u11af 도시"
    norm = normalize(raw)
    assert norm.text == "수소 한글 도시"
    assert norm.raw_slice(3, 5) == "\u1112\u1161\u11ab\u1100\u1173\u11af"
    assert unicodedata.is_normalized("NFC", norm.text)


def test_doubled_heading_characters_are_undoubled() -> None:
    norm = normalize("▲성성장장((NNuurrttuurree)) 단계 계획")
    assert norm.text == "성장(Nurture) 단계 계획"
    assert _raw_of(norm, "성장(Nurture)") == "성성장장((NNuurrttuurree))"


@pytest.mark.parametrize(
    "text",
    ["보보스 커피와 다다음 주", "ㅋㅋㅋㅋㅋㅋㅋㅋ", "========", "번호 1122334455", "aabbcc 정도"],
)
def test_text_that_only_looks_doubled_is_kept(text: str) -> None:
    assert normalize(text).text == text


def test_hard_wrapped_korean_is_joined_with_and_without_spaces() -> None:
    text = normalize(WRAPPED).text
    assert "\n" not in text
    assert "항만 배후 단지에" in text  # the line ended after a whole word
    assert "기업 유치에 나선다." in text  # "다." finishes the word of the line before
    assert "실증 사업을 확대할 계획이며" in text
    assert "인력을 길러 낼 방침이다." in text


def test_an_amount_led_by_cheon_starts_a_word_of_its_own_after_a_wrap() -> None:
    width = "가나다라마바사아자차카타파하 " * 2
    raw = f"{width}오송 단지에\n천 300억원을 {width}"
    assert "단지에 천 300억원을" in normalize(raw).text


def test_other_joins_numbers_brackets_and_headings() -> None:
    width = "가나다라마바사아자차카타파하 " * 2
    raw = f"{width}총 28\n만 명이 참여하는 {width}(\n도비) 사업과 {width}\n나머지"
    text = normalize(raw).text
    assert "총 28만 명이" in text
    assert "(도비)" in text
    assert "\n" not in text


def test_sentence_ends_short_lines_and_blank_lines_keep_paragraphs() -> None:
    raw = "대전시 계획\n\n첫 문장이 여기서 끝난다.\n둘째 문장이 새로 시작한다.\n\n\n셋째 단락"
    assert normalize(raw).text.split("\n") == [
        "대전시 계획",
        "첫 문장이 여기서 끝난다.",
        "둘째 문장이 새로 시작한다.",
        "셋째 단락",
    ]


def test_bullets_start_paragraphs_and_are_left_out() -> None:
    raw = "창원시 주요 사업\n△방산 부품 시험장 구축\n• 로봇 실증 센터\n- 인력 양성 과정"
    assert normalize(raw).text.split("\n") == [
        "창원시 주요 사업",
        "방산 부품 시험장 구축",
        "로봇 실증 센터",
        "인력 양성 과정",
    ]


def test_web_page_furniture_is_dropped_and_reported() -> None:
    raw = "\n".join(
        [
            "홈 > 뉴스 > 지역",
            "로그인",
            "회원가입",
            "청주시, 반도체 인재 키운다",
            "기사공유 URL복사",
            "photo_20240101_1.jpg",
            "청주시가 반도체 학과를 늘린다.",
            "0 Comments",
            "Facebook Twitter KakaoStory",
            "Copyright ⓒ 어느신문 무단전재 및 재배포 금지",
        ]
    )
    norm = normalize(raw)
    assert norm.text == "청주시, 반도체 인재 키운다\n청주시가 반도체 학과를 늘린다."
    reasons = [d.reason for d in norm.dropped]
    assert reasons == [
        "breadcrumb",
        "share",
        "share",
        "share",
        "image",
        "share",
        "share",
        "copyright",
    ]
    for dropped in norm.dropped:
        assert raw[dropped.start : dropped.end].strip() == raw[dropped.start : dropped.end]


def test_menu_bars_go_but_short_headings_and_wrapped_lines_stay() -> None:
    menu = "뉴스 경제 산업 정치 사회 문화 스포츠 연예 오피니언"
    items = "\n".join(f"• {word}" for word in ["증권", "은행", "보험", "카드", "부동산"])
    wrapped = "산업 간 교류 활성화를 통해 산업 생태계 저변"
    heading = "도약·성장·확장\n\n\n3단계 전략"
    norm = normalize(f"{menu}\n{items}\n\n{wrapped}\n\n\n{heading}")
    assert norm.text == f"{wrapped}\n도약·성장·확장\n3단계 전략"
    assert [d.reason for d in norm.dropped] == ["menu"] * 6


def test_a_headline_of_short_words_with_a_sum_is_no_menu_bar() -> None:
    # Written like a menu bar (six short words, no particle), but a menu has no sum of money.
    headline = "누리시 소재기업 3천억원 투자 유치 협약 체결"
    body = "누리시는 소재기업과 협약을 맺었다고 밝혔다."
    norm = normalize(f"{headline}\n\n{body}\n")
    assert norm.text == f"{headline}\n{body}"
    assert norm.dropped == ()
    menu = normalize(f"뉴스 경제 산업 정치 사회 2026 연예\n\n{body}\n")
    assert [d.reason for d in menu.dropped] == ["menu"]


# ---- news furniture (ingest/documents/noise.py), on our own lines --------------------------

NEWS_PAGE = [
    "(세종=뉴스1) 홍길동 기자 = 정부가 울산을 수소 도시로 정했다. (사진=울산시 제공)",
    "[사진=포항시청]",
    "▲ 시장이 협약서에 서명하고 있다. (사진=포항시 제공)",
    "울산시는 1조 원을 들인다. /김철수 기자 kim@news.co.kr",
    "【대전=어느통신】 박영수 기자 = 대전시가 우주 산업을 키운다.",
    "[어느경제 최민 기자] 경북도가 바이오를 키운다.",
    "댓글 0",
    "좋아요 3 | 조회수 1,234",
    "입력 2024.05.01 10:30 | 수정 2024.05.02 09:00",
    "많이 본 뉴스",
    "1",
    "대구, 로봇 도시로 뛴다",
    "광주 AI 집적단지 2단계 착수",
    "이영희 기자",
    "lee@news.kr",
]


def test_news_furniture_is_cut_and_the_rest_maps_to_the_raw_text() -> None:
    raw = "\n".join(NEWS_PAGE)
    norm = normalize(raw)
    assert norm.text.split("\n") == [
        "정부가 울산을 수소 도시로 정했다.",
        "울산시는 1조 원을 들인다.",
        "대전시가 우주 산업을 키운다.",
        "경북도가 바이오를 키운다.",
    ]
    reasons = [(d.reason, raw[d.start : d.end].strip()) for d in norm.dropped]
    assert reasons[:6] == [
        ("dateline", "(세종=뉴스1) 홍길동 기자 ="),
        ("credit", "(사진=울산시 제공)"),
        ("caption", "[사진=포항시청]"),
        ("caption", NEWS_PAGE[2]),
        ("byline", "/김철수 기자 kim@news.co.kr"),
        ("dateline", "【대전=어느통신】 박영수 기자 ="),
    ]
    assert {r for r, _ in reasons[6:]} == {"dateline", "share", "counter", "related", "byline"}
    for needle in ("울산시는 1조 원", "대전시가 우주", "정부가 울산을"):
        assert _raw_of(norm, needle) == needle
    start = norm.text.index("대전시가")
    assert raw[norm.to_raw(start, start + 3)[0] :].startswith("대전시가 우주")


@pytest.mark.parametrize(
    "line",
    [
        "(주)한빛소재는 울산에 공장을 짓는다.",
        "(재)울산테크노파크가 사업을 맡는다.",
        "시는 기자 간담회를 열었다.",
        "사진은 공장 전경이다.",
        "관련 기업 30곳이 입주한다.",
        "댓글 기능을 도입해 주민 의견을 듣는다.",
    ],
)
def test_sentences_that_only_look_like_furniture_stay(line: str) -> None:
    norm = normalize(f"울산시가 수소를 키운다.\n{line}")
    assert line in norm.text


def test_a_related_list_ends_at_the_first_sentence() -> None:
    norm = normalize("관련기사\n부산, 해양 신산업 육성\n\n시는 로봇 산업을 키운다고 밝혔다.")
    assert norm.text == "시는 로봇 산업을 키운다고 밝혔다."
    assert [d.reason for d in norm.dropped] == ["related", "related"]


FURNITURE = st.lists(
    st.sampled_from(
        [*NEWS_PAGE, "가나다 라마.", "\n", " ", "(사진=", "기자", "=", "【", "】", "[이미지]"]
    ),
    max_size=20,
).map("\n".join)


@QUICK
@given(FURNITURE)
def test_furniture_removal_keeps_offsets_exact(raw: str) -> None:
    norm = normalize(raw)
    for i, char in enumerate(norm.text):
        if char not in " \n":
            assert raw[norm.starts[i] : norm.ends[i]] == char
        if i:
            assert norm.starts[i - 1] < norm.starts[i]
    for dropped in norm.dropped:
        assert 0 <= dropped.start < dropped.end <= len(raw)


def test_crlf_is_one_break_and_the_separator_maps_to_it() -> None:
    norm = normalize("포항시 계획\r\n이차전지 소재 기업을 모은다.")
    assert norm.text == "포항시 계획\n이차전지 소재 기업을 모은다."
    newline = norm.text.index("\n")
    assert norm.raw_slice(newline, newline + 1) == "\r\n"


def test_to_raw_edges() -> None:
    empty = normalize("")
    assert empty.text == ""
    assert empty.to_raw(0, 0) == (0, 0)
    norm = normalize("  김제시  ")
    assert norm.text == "김제시"
    assert norm.to_raw(0, 3) == (2, 5)
    assert norm.to_raw(3, 3) == (5, 5)
    with pytest.raises(ValidationFailed):
        norm.to_raw(2, 4)
    with pytest.raises(ValidationFailed):
        norm.to_raw(2, 1)


# ---- properties on any text ---------------------------------------------------------------

NOISY = st.lists(
    st.sampled_from(
        [
            *"가나 다\n\r\t\ufffd\u00a0\u3000\u200b▲△•-.,()ab12",
            *["\u1112\u1161", "\u11ab", "e\u0301", "\ufeff", "\u0b47\u0b3e"],
            *["도도약약((DDrriivvee))", "x.jpg\n", "로그인\n"],
        ]
    ),
    max_size=80,
).map("".join)


@QUICK
@given(st.one_of(st.text(), NOISY))
def test_normalize_never_fails_and_maps_monotonically(raw: str) -> None:
    norm = normalize(raw)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        start, end = norm.to_raw(i, i + 1)
        assert 0 <= start <= end <= len(raw)
        if i:
            assert norm.starts[i - 1] <= norm.starts[i]
            assert norm.ends[i - 1] <= norm.ends[i]
    assert "\ufffd" not in norm.text
    assert "\n\n" not in norm.text
    assert all(line == line.strip() for line in norm.text.split("\n"))


@QUICK
@given(st.one_of(st.text(), NOISY), st.data())
def test_any_span_maps_inside_the_raw_text(raw: str, data: st.DataObject) -> None:
    norm = normalize(raw)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    raw_start, raw_end = norm.to_raw(start, end)
    assert 0 <= raw_start <= raw_end <= len(raw)
    if end > start:
        assert (raw_start, raw_end) == (norm.starts[start], norm.ends[end - 1])


# ---- the shortcuts that make normalisation fast stay exact ---------------------------------


def test_the_special_character_class_is_what_the_rules_name() -> None:
    """``_clean_lines`` copies runs between the characters of ``_SPECIAL``: it must hold every
    line break, odd space (Zs, Cc) and invisible character, and nothing else."""
    from ingest.documents import normalize as module

    named = module._NEWLINES | module._SPACES | module._REMOVED
    wrong = [
        hex(code)
        for code in range(0x110000)
        if bool(module._SPECIAL.fullmatch(char := chr(code)))
        != (char in named or (char != " " and unicodedata.category(char) in ("Zs", "Cc")))
    ]
    assert wrong == []


@QUICK
@given(st.one_of(st.text(), NOISY, st.text(st.characters(codec="utf-8"))))
def test_display_width_counts_wide_characters_twice(text: str) -> None:
    expected = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    assert display_width(text) == expected


@pytest.mark.parametrize(
    "raw",
    ["  가  나   다  ", " ", "가\u00a0\u00a0나", "성성장장하하기기 위위해해", "\r\n\r\n가\r나"],
)
def test_space_runs_and_doubled_stretches_keep_their_raw_spans(raw: str) -> None:
    norm = normalize(raw)
    clean = norm.text
    for i in range(len(clean)):
        piece = norm.raw_slice(i, i + 1)
        if clean[i] == " ":
            assert piece.strip(" \u00a0") == "", (i, piece)
        else:
            assert piece in (clean[i], clean[i] * 2), (i, piece)


# ---- the corpus, one test per noise kind of the manifest ----------------------------------

DOCS = [
    "gimje-dna-roadmap-2025",
    "jeonbuk-new-industries-2025",
    "jeonju-four-future-industries-2020",
    "gumi-big5-plus1-2021",
    "jeonbuk-smart-factory-2025",
]


@pytest.mark.corpus
@pytest.mark.parametrize("name", DOCS)
def test_corpus_every_clean_character_comes_from_its_raw_span(name: str) -> None:
    _, norm = _doc(name)
    assert unicodedata.is_normalized("NFC", norm.text)
    assert "  " not in norm.text
    for i, char in enumerate(norm.text):
        if char not in " \n":  # spaces and breaks stand for gaps, which may hold dropped lines
            assert norm.raw_slice(i, i + 1) in (char, char * 2)


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["gimje-dna-roadmap-2025", "jeonbuk-smart-factory-2025"])
def test_corpus_replacement_characters(name: str) -> None:
    raw, norm = _doc(name)
    assert "\ufffd" in raw
    assert "\ufffd" not in norm.text


@pytest.mark.corpus
def test_corpus_doubled_heading_characters() -> None:
    raw, norm = _doc("gimje-dna-roadmap-2025")
    for heading in ["도약(Drive)", "성장(Nurture)", "확장(Advance)"]:
        assert heading in norm.text
        assert _raw_of(norm, heading) == "".join(c * 2 for c in heading)
    assert "도도약약" in raw
    assert "도도약약" not in norm.text
    assert "‘도약(Drive)-성장(Nurture)-확장(Advance)’" in norm.text  # the undoubled form stays


@pytest.mark.corpus
def test_corpus_hard_line_breaks() -> None:
    raw, norm = _doc("gimje-dna-roadmap-2025")
    for joined in [
        "다양한 산업 육성 프로젝트",
        "강화에 주력하고 있다",
        "추진 중인‘첨단",
        "AI 기반",
    ]:
        assert joined not in raw
        assert joined in norm.text
    assert "\n" in _raw_of(norm, "다양한 산업 육성 프로젝트")
    assert norm.text.count("\n") < raw.count("\n") / 2
    _, factory = _doc("jeonbuk-smart-factory-2025")
    assert "28만3,568개" in factory.text  # a number split across a blank line


@pytest.mark.corpus
def test_corpus_web_menus_and_share_buttons() -> None:
    raw, norm = _doc("jeonbuk-new-industries-2025")
    for furniture in ["로그인", "회원가입", "Copyright", "카카오스토리", "증권", "사회>지역"]:
        assert furniture in raw
        assert furniture not in norm.text
    assert norm.text.startswith("[민선 8기, 새로운 전북의 시작④]")
    raw, norm = _doc("gumi-big5-plus1-2021")
    for furniture in [".jpg", "Facebook", "Comments", "홈 >"]:
        assert furniture in raw
        assert furniture not in norm.text
    assert {d.reason for d in norm.dropped} == {"breadcrumb", "menu", "image", "share"}
    clean_raw = {norm.starts[i] for i in range(len(norm.text))}
    assert not any(d.start <= s < d.end for d in norm.dropped for s in clean_raw)


@pytest.mark.corpus
def test_corpus_characters_lost_in_extraction() -> None:
    _, norm = _doc("gumi-big5-plus1-2021")
    assert "77일" in norm.text
    published = date(2021, 9, 6)
    assert resolve("77일", published, bare_day=True) is None
    lost = norm.text.index("77일")
    dates = find_dates(norm.text, published, bare_day=True)
    assert all(not d.start <= lost < d.end for d in dates)
    assert "2021-06" in [d.iso for d in dates]  # the month before it still resolves


def test_lines_of_share_buttons_are_left_out_but_not_a_company_named_alone() -> None:
    lines = ["• 카카오스토리카카오스토리", "페이스북 트위터 링크복사 인쇄 글자크기", "카카오", ""]
    lines.append("카카오는 청주에 데이터센터를 짓는다.")
    assert line_reasons(lines) == ["buttons", "buttons", None, None, None]
