"""Where a document comes from, read from the document itself: title, publisher, date, URL.

출처 정보 / source metadata: a saved news page says who published it and when, in its HTML
metadata or, in a text export, in its furniture: the dateline "(세종=뉴스1)", a bracketed name
"[충북일보]", the copyright line "저작권자 ⓒ 서울경제", a time stamp "입력 2025-06-30 11:00",
and the headline on the first line. These become the Source of the candidate facts, so that
a source is named by its title, publisher and date rather than by its file name (the last
resort, ``source_id``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel

from ingest.documents.reader import RawText
from ingest.documents.spans import Spans, Stretch
from ontology.models import SLUG

_DATE = r"(20\d{2})\s?[.\-/년]\s?(\d{1,2})\s?[.\-/월]\s?(\d{1,2})(?!\d)"
# Time stamps of the page, the first kind being the date the story went out.
_STAMP = re.compile(
    rf"(?:입력|승인|등록|기사입력|최초입력|발행|게재|송고|웹출고시간|출고|date|published)\s?[:：]?\s?{_DATE}",
    re.IGNORECASE,
)
_LATER_STAMP = re.compile(rf"(?:수정|최종수정|업데이트|updated)\s?[:：]?\s?{_DATE}", re.IGNORECASE)
_BARE_STAMP = re.compile(rf"^\s?{_DATE}(?:\s?\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$")
_LEADING_STAMP = re.compile(rf"^(?:{_STAMP.pattern})(?:\s?\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?", re.I)
_NEAR_EMAIL = re.compile(rf"{_DATE}\s+[\w.+-]+@")
_URL = re.compile(r"https?://[^\s<>\"'\]）)]+")
_OUTLET = r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9 .&]{0,14}?"
# How the short names of news outlets end (일보, 신문, 뉴스, 경제, ...): a bare bracketed name
# of two or three syllables without one is a dateline ("【춘천】") or a speaker ("[앵커]").
_OUTLET_END = re.compile(
    r"(?:일보|신문|뉴스|경제|방송|타임스|투데이|저널|데일리|미디어|매일|통신|닷컴|포스트|헤럴드|"
    r"비즈|뉴시스|뉴스핌|[A-Za-z0-9])$"
)
# A desk of the outlet after its name ("아시아경제 영남취재본부"): not part of the name.
_DESK = re.compile(r"\s[가-힣]{1,6}(?:취재본부|본부|지사|취재팀|총국|지국)$")
# "헤드라인 / KBS 2023.02.03." : a broadcaster's headline line with its name and date.
_SIGNED_TITLE = re.compile(rf"^(?P<title>.{{8,100}}?)\s?/\s?(?P<name>{_OUTLET})\s{_DATE}\.?$")
# Page furniture above a headline: skip links, a section's name, an advert, a byline link.
_ABOVE_TITLE = re.compile(r"바로가기|ADVERTISEMENT|다른\s?기사|^[가-힣A-Za-z·]{1,6}$|^\S+\s?TV$")
# [충북일보] 충북 청주 ... (a name alone in brackets before the text)
_BARE_NAME = re.compile(r"^\s?[\[【〔]\s?(?P<name>[가-힣A-Za-z0-9]{2,12})\s?[\]】〕]\s?\S")
_PUBLISHER_PATTERNS = (
    # (세종=뉴스1), [세종=뉴스핌], 【대전=뉴스핌】
    re.compile(
        rf"^\s?[(\[【〔]\s?(?!사진|자료|그래픽|제공|출처|영상)[가-힣]{{1,8}}\s?=\s?"
        rf"(?P<name>{_OUTLET})\s?[)\]】〕]"
    ),
    # (중앙뉴스타임스 = 방재영 기자), [시사오늘·시사ON= 박근홍 기자], [아시아경제 최민 기자]
    # (a space or "=" parts the outlet from the reporter: "[ 강태우 기자 ]" names no outlet)
    re.compile(
        rf"^\s?[(\[【〔]\s?(?P<name>{_OUTLET})(?:·[^=\]\)]*)?(?:\s?=\s?|\s)[가-힣]{{2,4}}\s?기자"
        rf"\s?[)\]】〕]"
    ),
    _BARE_NAME,
    # 동네방네 김형규 기자 | ...
    re.compile(rf"^\s?(?P<name>{_OUTLET})\s[가-힣]{{2,4}}\s?기자\s?[|｜]"),
    # 저작권자 ⓒ 서울경제, Copyright ⓒ 뉴스1. <저작권자(c) 연합뉴스 ...
    re.compile(
        r"(?:저작권자|copyright)\s?(?:\(c\)|ⓒ|©)?\s?"
        r"(?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9 .]{0,14}?)\s?(?:[,.<>\]]|무단|all\s|$)",
        re.IGNORECASE,
    ),
)
_NOT_OUTLET = re.compile(
    r"^(?:사진|자료|그래픽|단독|속보|포토|영상|인터뷰|기고|사설|칼럼|종합|앵커|리포트|녹취|현장음|\d+)"
)
_SENTENCE_END = re.compile(r"(?:다|요|죠)[.!?][\"'”’]?$")
_GENERIC_STEMS = {"page", "index", "article", "view", "news", "doc", "document", "text", "file"}


class SourceInfo(BaseModel):
    """What the document says of itself; None where it does not say."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None


def source_info(raw: RawText, dropped: Sequence[tuple[int, int]] = ()) -> SourceInfo:
    """Metadata of ``raw``; ``dropped`` are the raw spans that normalisation left out as
    furniture (a headline is not looked for there)."""
    meta = dict(raw.meta)
    lines = [line.strip() for line in raw.text.splitlines() if line.strip()]
    title = meta.get("title") or _title(_content_lines(raw.text, dropped))
    signed = _SIGNED_TITLE.match(title) if title else None
    if signed:
        title = signed["title"].strip()
    return SourceInfo(
        title=title,
        publisher=meta.get("publisher") or _publisher(lines) or (signed and signed["name"]),
        published=_published(raw, lines) or (signed and _iso(signed)),
        url=meta.get("url") or _url(lines),
    )


def _published(raw: RawText, lines: list[str]) -> str | None:
    if raw.published_hint:
        return raw.published_hint[:10]
    edges = lines[:15] + lines[-15:]
    for pattern in (_STAMP, _BARE_STAMP, _NEAR_EMAIL, _LATER_STAMP):
        for line in edges:
            match = pattern.search(line)
            if match and (found := _iso(match)):
                return found
    return None


def _iso(match: re.Match[str]) -> str | None:
    try:
        return date(*(int(g) for g in match.groups()[-3:])).isoformat()
    except ValueError:
        return None


def _content_lines(text: str, dropped: Sequence[tuple[int, int]]) -> list[str]:
    out = []
    pos = 0
    furniture = Spans(Stretch(a, b) for a, b in dropped)
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        inner = line.strip()
        lead = start + len(line) - len(line.lstrip())
        if inner and not furniture.covering(lead):
            out.append(inner)
        if len(out) >= 8:
            break
    return out


def _title(lines: list[str]) -> str | None:
    """The first line when it reads as a headline: short and not a sentence."""
    for line in lines[:8]:
        text = _LEADING_STAMP.sub("", line).strip()
        if not text or _BARE_STAMP.match(text) or text.startswith(("(", "[", "【")):
            continue
        if _ABOVE_TITLE.search(text):
            continue
        if 8 <= len(text) <= 100 and not _SENTENCE_END.search(text) and "기자" not in text:
            return text
        return None
    return None


def _publisher(lines: list[str]) -> str | None:
    for pattern in _PUBLISHER_PATTERNS:
        for line in lines[:25] + lines[-12:]:
            match = pattern.search(line)
            if match and pattern is _BARE_NAME and not _outlet_like(match["name"]):
                continue
            if match:
                name = _DESK.sub("", match["name"].strip(" ."))
                if name and not _NOT_OUTLET.match(name) and "기자" not in name:
                    return name
    return None


def _outlet_like(name: str) -> bool:
    """A bare bracketed name is an outlet when it is long or ends like one."""
    return len(name) >= 4 or bool(_OUTLET_END.search(name))


def _url(lines: list[str]) -> str | None:
    for line in lines[:10] + lines[-10:]:
        match = _URL.search(line)
        if match:
            return match.group().rstrip(".,")
    return None


def source_id(path: Path, info: SourceInfo | None = None) -> str:
    """A Source id: from the URL (site, date, a hash of the address), else from the date and
    title, else the file name's ASCII slug, else doc-<hash of the file name>."""
    if info is not None and info.url:
        parts = urlsplit(info.url)
        site = _slug(parts.netloc.removeprefix("www.").split(".")[0])
        stamp = info.published or ""
        digest = hashlib.sha1(info.url.encode()).hexdigest()[:8]
        return "-".join(p for p in (site, stamp, digest) if p)
    if info is not None and info.title and info.published:
        digest = hashlib.sha1(info.title.encode()).hexdigest()[:8]
        return f"doc-{info.published}-{digest}"
    slug = _slug(path.stem)
    if re.fullmatch(SLUG, slug) and len(slug) >= 3 and slug not in _GENERIC_STEMS:
        return slug
    return "doc-" + hashlib.sha1(path.name.encode()).hexdigest()[:8]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
