"""Source metadata read from the document itself: title, publisher, date and URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.documents.normalize import normalize
from ingest.documents.reader import RawText, html_meta
from ingest.documents.source import SourceInfo, source_id, source_info


def _info(text: str) -> SourceInfo:
    norm = normalize(text)
    return source_info(
        RawText(Path("page.txt"), text, "text"), [(d.start, d.end) for d in norm.dropped]
    )


def test_a_headline_dateline_and_time_stamp() -> None:
    info = _info(
        "울산, 수소 도시로 간다\n입력 2024.03.15 10:30 | 수정 2024.03.16\n"
        "(울산=어느통신) 홍길동 기자 = 울산시가 수소 산업을 키운다.\n"
    )
    assert info == SourceInfo(
        title="울산, 수소 도시로 간다", publisher="어느통신", published="2024-03-15"
    )


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("[어느일보] 충북이 이차전지를 키운다.", "어느일보"),
        ("[대전=어느뉴스] 박영수 기자 = 대전시가 우주를 키운다.", "어느뉴스"),
        ("(어느타임스 = 방영수 기자) 경기도가 투자를 모은다.", "어느타임스"),
        ("동네소식 김철수 기자 | 충북도는 투자를 환영했다.", "동네소식"),
        ("시는 공장을 짓는다.\n< 저작권자 ⓒ 어느경제, 무단 전재 및 재배포 금지 >", "어느경제"),
        ("시는 공장을 짓는다.\nCopyright ⓒ 어느통신. All rights reserved.", "어느통신"),
        ("(사진=산업부 홈페이지)\n시는 공장을 짓는다.", None),
        # a reporter alone in brackets names no outlet; a desk after the outlet is cut off
        ("[ 홍길동 기자 ] 충북도는 투자를 환영했다.", None),
        ("[어느경제 남부취재본부 홍길동 기자] 시는 공장을 짓는다.", "어느경제"),
        # a place dateline and a broadcast's speaker are no outlets
        ("【청주】 청주시가 배터리 공장을 맞는다.", None),
        ("[앵커] 구미에 공장이 잇따라 들어섭니다.", None),
        ("[어느포스트] 시는 공장을 짓는다.", "어느포스트"),
    ],
)
def test_publisher_from_the_page_furniture(line: str, publisher: str | None) -> None:
    assert _info(line).publisher == publisher


def test_a_date_on_the_headline_line_and_no_headline_when_the_text_starts_with_a_sentence() -> None:
    info = _info(" date 2025-10-21 1.6조원 들여 발사장 짓는다니\n\n본문이다.")
    assert (info.title, info.published) == ("1.6조원 들여 발사장 짓는다니", "2025-10-21")
    assert _info("울산시가 수소를 키운다고 밝혔다.\n둘째 문장이다.").title is None


def test_a_broadcast_headline_signed_with_its_channel_and_date() -> None:
    info = _info("구미에 공장 잇따라…특구 지정 기대 / ABC 2023.02.03.\n[앵커] 공장이 들어섭니다.")
    assert (info.title, info.publisher, info.published) == (
        "구미에 공장 잇따라…특구 지정 기대",
        "ABC",
        "2023-02-03",
    )


def test_the_headline_below_skip_links_and_a_section_name() -> None:
    text = "주메뉴 바로가기 본문 바로가기\n경제\n청주시, 배터리 공장 유치 확정\n본문이다."
    assert _info(text).title == "청주시, 배터리 공장 유치 확정"


def test_html_metadata_comes_first() -> None:
    page = (
        '<html><head><meta property="og:title" content="제목입니다">'
        '<meta property="og:site_name" content="어느신문">'
        '<link rel="canonical" href="https://news.example.org/a/1"></head>'
        "<body><article>본문이다.</article></body></html>"
    )
    meta = html_meta(page)
    assert dict(meta) == {
        "title": "제목입니다",
        "publisher": "어느신문",
        "url": "https://news.example.org/a/1",
    }
    info = source_info(RawText(Path("page.html"), "본문이다.", "html", meta=meta))
    assert (info.title, info.publisher, info.url) == ("제목입니다", "어느신문", meta[2][1])


def test_source_ids_prefer_the_url_then_title_and_date_then_the_file_name() -> None:
    by_url = SourceInfo(url="https://www.example.org/n/1", published="2024-03-15")
    assert source_id(Path("page.html"), by_url).startswith("example-2024-03-15-")
    by_title = SourceInfo(title="울산 수소", published="2024-03-15")
    assert source_id(Path("page.html"), by_title).startswith("doc-2024-03-15-")
    assert source_id(Path("ulsan-memo.txt"), SourceInfo()) == "ulsan-memo"
    assert source_id(Path("page.html"), SourceInfo()).startswith("doc-")
    assert source_id(Path("기사.txt")).startswith("doc-")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a byline with the date and time of the story
        (
            "수소 공장이 선다\n\n어느일보 울산=홍길동 기자 2021.05.06 14:20\n\n본문이다.",
            "2021-05-06",
        ),
        (
            "수소 공장이 선다\n홍길동 기자(hong@example.kr) 2021. 5. 6. 14:20\n본문이다.",
            "2021-05-06",
        ),
        # a board's post: the date, the time, then its counter or the word for sent
        ("수소 공장이 선다\n2021/05/06 14:20:11 조회 : 12\n본문이다.", "2021-05-06"),
        ("수소 공장이 선다\n\n2021-05-06 14:20:11 게재\n\n본문이다.", "2021-05-06"),
        ("수소 공장이 선다\n2021년 05월 06일(목) 14:20 가가\n본문이다.", "2021-05-06"),
        ("[경남] 수소 공장이 선다\n\n2021.05.06 오후 02:20\n본문이다.", "2021-05-06"),
        # a key word with 일, 일자 or 시간 and a separator
        ("수소 공장이 선다\n조회수 12 | 등록일 2021-05-06\n본문이다.", "2021-05-06"),
        ("수소 공장이 선다\n- 작성일2021년 05월 06일 14시 20분\n본문이다.", "2021-05-06"),
        ("수소 공장이 선다\n송고시간 | 2021-05-06 14:20\n본문이다.", "2021-05-06"),
        (
            "수소 공장이 선다\n취재기자 : 홍길동, 방송일 : 2021-05-06, 조회 : 3\n본문이다.",
            "2021-05-06",
        ),
        # the date and the reporter alone on a line; a page header with its weekday
        ("수소 공장이 선다\n\n2021-05-06     홍길동 기자\n본문이다.", "2021-05-06"),
        ("수소 공장이 선다\n\n2021-05-06     홍길동·김철수\n본문이다.", "2021-05-06"),
        ("2021.05.06 (목)\n\n수소 공장이 선다\n본문이다.", "2021-05-06"),
        # a reprint names the wire story's date, before the board's own
        (
            "수소 공장이 선다\n작성일\n2021.05.09\n본문이다.\n출처: 어느통신(2021.05.06.)",
            "2021-05-06",
        ),
        # a caption's credit and date
        (
            "수소 공장이 선다\n협약식에서 손을 잡고 있다. [사진=어느시] 2021.05.06 |\n본문이다.",
            "2021-05-06",
        ),
        # the time it was changed yields to the time it went out
        (
            "수소 공장이 선다\n2021-05-07 09:10 수정\n홍길동 기자 2021.05.06 14:20\n본문이다.",
            "2021-05-06",
        ),
        # a story of the last century
        ("수소 공장이 선다\n입력 1996.05.06\n본문이다.", "1996-05-06"),
    ],
)
def test_the_date_from_bylines_boards_and_captions(text: str, published: str) -> None:
    assert _info(text).published == published


@pytest.mark.parametrize(
    "text",
    [
        # the time a page was changed is not when it went out
        "수소 공장이 선다\n2021-05-07 09:10 수정\n본문이다.",
        # a date and time inside a long sentence of the story is the event's
        "수소 공장이 선다\n시는 2021.05.20 14:00 시청 대회의실에서 어느 기업과 투자 협약을 맺고 "
        "공장 부지와 행정 지원 방안을 함께 발표할 예정이라고 밝혔으며 많은 관심을 당부했다.\n",
    ],
)
def test_no_date_from_a_change_stamp_or_a_sentence(text: str) -> None:
    assert _info(text).published is None


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        # the outlet, its desk or place, and the reporter in one bracket
        ("【어느뉴스 원주=홍길동 기자】 원주시가 공장을 맞는다.", "어느뉴스"),
        ("[어느경제(광주)=홍길동 기자] 광주시가 공장을 맞는다.", "어느경제"),
        ("[어느팩트ㅣ내포=홍길동 기자] 충남도가 공장을 맞는다.", "어느팩트"),
        ("[어느신문/홍길동 기자] 전남도가 공장을 맞는다.", "어느신문"),
        ("[홍성=어느일보 홍길동 기자] 충남도가 공장을 맞는다.", "어느일보"),
        # a dateline written the other way round: the outlet first, then its desk
        ("[어느신문=음성] 홍길동 기자 = 음성군이 공장을 맞는다.", "어느신문"),
        # a byline line without brackets
        ("공장이 선다\n어느투데이 경남=홍길동 기자 2021.05.06 14:20\n본문이다.", "어느투데이"),
        ("공장이 선다\n어느경제 홍길동 기자 =포항에 공장이 선다.", "어느경제"),
        ("시는 공장을 짓는다.\n어느뉴스 / 홍길동 기자 hong@example.kr", "어느뉴스"),
        ("시는 공장을 짓는다.\n어느경제TV 증권부 홍길동 기자", "어느경제TV"),
        # an outlet before its time stamp
        ("공장이 선다\n\n어느경제신문 입력 2021.05.06 14:20\n\n본문이다.", "어느경제신문"),
        # a sign-off, a copyright line with the site, a name with its site
        ("시는 공장을 짓는다.\n\n/어느통신\n", "어느통신"),
        ("시는 공장을 짓는다.\nCopyright © 어느경제 & example.kr. 무단 전재 금지", "어느경제"),
        ("시는 공장을 짓는다.\nCopyrights ⓒ 어느일보 무단 전재 및 재배포 금지", "어느일보"),
        ("시는 공장을 짓는다.\n출처 : 어느도민신문(http://www.example.kr)", "어느도민신문"),
        # nothing names the outlet: the site of the reporter's address (not a mail service)
        ("시는 공장을 짓는다.\n홍길동 기자 hong@example.co.kr", "example.co.kr"),
        ("시는 공장을 짓는다.\n홍길동 기자 hong@naver.com", None),
        # a place and a reporter, a social network, a news desk: no outlet
        ("시는 공장을 짓는다.\n세종 홍길동 기자", None),
        ("시는 공장을 짓는다.\n[카카오톡] 어느방송 검색해 채널 추가", None),
        ("시는 공장을 짓는다.\n[디지털뉴스국 홍길동 기자]", None),
        ("공장이 선다\n작성자 홍길동 작성일2021.05.06 댓글0건", None),
    ],
)
def test_the_outlet_from_bylines_sign_offs_and_sites(text: str, publisher: str | None) -> None:
    assert _info(text).publisher == publisher
