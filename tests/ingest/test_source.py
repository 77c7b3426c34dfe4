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
