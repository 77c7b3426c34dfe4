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

_DATE = r"((?:19|20)\d{2})\s?[.\-/년]\s?(\d{1,2})\s?[.\-/월]\s?(\d{1,2})(?!\d)"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# What may follow a date: a full stop, 일, a weekday ("2024.03.15 (금)", "2024년 03월 15일(금)").
_DAY = r"\.?\s?일?\s?(?:\([월화수목금토일]\))?"
# What may sit between a date and its time: the above, then 오전/오후.
_DAY_TAIL = rf"{_DAY}\s?(?:오전|오후)?\s?"
# Time stamps of the page, the first kind being the date the story went out ("입력 …",
# "등록일 …", "송고시간 | …", "작성일2022년 …", "방송일 : …").
_STAMP = re.compile(
    r"(?:입력|승인|등록|기사입력|최초입력|발행|게재|송고|웹출고시간|출고|작성|방송|게시|date|published)"
    rf"(?:일자|일시|일|시간)?\s?[:：|]?\s?{_DATE}",
    re.IGNORECASE,
)
_LATER_STAMP = re.compile(rf"(?:수정|최종수정|업데이트|updated)\s?[:：]?\s?{_DATE}", re.IGNORECASE)
_BARE_STAMP = re.compile(rf"^\s?{_DATE}{_DAY}(?:\s?{_CLOCK})?\s*$")
_LEADING_STAMP = re.compile(rf"^(?:{_STAMP.pattern})(?:\s?{_CLOCK})?", re.I)
# A date with its time on a short line of furniture, the byline's or the board's
# ("홍길동 기자 2024.03.15 10:30", "2024/03/15 10:30:00 조회 : 3", "2024-03-15 10:30 송고").
_CLOCKED = re.compile(rf"{_DATE}{_DAY_TAIL}{_CLOCK}")
# "2024-03-15     홍길동 기자": a date and then the reporter, alone on a line.
_DATED_BYLINE = re.compile(rf"^\s?{_DATE}\.?\s+[가-힣]{{2,4}}(?:·[가-힣]{{2,6}})?(?:\s?기자)?\s*$")
# "출처: 어느통신(2024.03.15)": the wire story a page reprints, with its date.
_CITED = re.compile(rf"출처\s?[:：]\s?[^\s()]{{1,15}}\s?\(\s?{_DATE}\.?\s?\)")
# A photo caption's credit and date: "[사진=어느시] 2024.03.15 |",
# "(어느시 제공)2024.3.15/어느통신".
_CAPTION_DATE = re.compile(rf"(?:제공\)|\])\s?{_DATE}\.?\s?[|/]")
_LATER_BEFORE = re.compile(r"(?:수정|업데이트|updated)\s?[:：]?\s?$", re.IGNORECASE)
_LATER_AFTER = re.compile(r"^\s?(?:수정|최종|업데이트|updated)", re.IGNORECASE)
# Lines longer than this are text, not furniture, for the patterns that need no key word.
_FURNITURE_LEN = 80
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
_DESK = re.compile(r"\s[가-힣]{1,6}(?:취재본부|본부|지사|취재팀|총국|지국)$|\s[가-힣]{2,3}부$")
# "헤드라인 / KBS 2023.02.03." : a broadcaster's headline line with its name and date.
_SIGNED_TITLE = re.compile(rf"^(?P<title>.{{8,100}}?)\s?/\s?(?P<name>{_OUTLET})\s{_DATE}\.?$")
# Page furniture above a headline: skip links, a section's name, an advert, a byline link.
_ABOVE_TITLE = re.compile(r"바로가기|ADVERTISEMENT|다른\s?기사|^[가-힣A-Za-z·]{1,6}$|^\S+\s?TV$")
# [충북일보] 충북 청주 ... (a name alone in brackets before the text)
_BARE_NAME = re.compile(r"^\s?[\[【〔]\s?(?P<name>[가-힣A-Za-z0-9]{2,12})\s?[\]】〕]\s?\S")
_REPORTER = r"[가-힣]{2,4}(?:[.·,][가-힣]{2,4})*\s?기자"
# A desk or place between an outlet and its reporter: "파이낸셜뉴스 원주=", "헤럴드경제(광주)=",
# "더팩트ㅣ내포=".
_BUREAU = r"(?:\s[가-힣]{1,4}|\([가-힣]{1,4}\)|\s?[ㅣ|]\s?[가-힣]{1,4})"
# (세종=뉴스1), [세종=뉴스핌], 【대전=뉴스핌】, [홍성=어느일보 홍길동 기자]; the two sides are
# swapped when the first ends like an outlet and the second does not ("[어느신문=음성]").
_DATELINE = re.compile(
    rf"^\s?[(\[【〔]\s?(?!사진|자료|그래픽|제공|출처|영상)(?P<place>[가-힣]{{1,8}})\s?=\s?"
    rf"(?P<name>{_OUTLET})(?:\s{_REPORTER})?\s?[)\]】〕]"
)
# An outlet alone on a line, as a wire's sign-off or a broadcaster's: "/어느통신", "<어느통신>",
# "(어느방송)". Only a name that ends like an outlet counts.
_SIGN_OFF = re.compile(rf"^(?:/\s?|<|\()(?P<name>{_OUTLET})[>)]?$")
# "어느일보 2024.03.15 10:30", "어느경제 | 입력 2024.03.15": an outlet before the time stamp.
_STAMPED_NAME = re.compile(
    rf"^(?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9 ]{{1,12}}?)\s*[|｜]?\s*(?:입력\s?)?{_DATE}"
)
# "어느일보(www.example.kr)", "출처 : 어느일보(http://www.example.kr)"
_NAME_AND_SITE = re.compile(rf"(?P<name>{_OUTLET})\s?\((?:https?://)?www\.[a-z0-9.-]+\)")
# 동네방네 김형규 기자 | ..., 어느경제 홍길동 기자 =..., 어느투데이 경남=홍길동 기자 2024.03.15,
# 어느뉴스 / 홍길동 기자, 어느일보=홍길동 기자 (not "세종 홍길동 기자": a place)
_BYLINE_NAME = re.compile(
    rf"^\s?(?P<name>{_OUTLET})(?:{_BUREAU}?\s?=\s?|\s?/\s?|\s)[가-힣]{{2,4}}\s?기자"
    rf"\s?(?:[|｜=]|{_DATE}|[\w.+-]+@|$)"
)
_PUBLISHER_PATTERNS = (
    _DATELINE,
    # (중앙뉴스타임스 = 방재영 기자), [시사오늘·시사ON= 박근홍 기자], [아시아경제 최민 기자],
    # 【어느뉴스 원주=홍길동 기자】, [어느경제(광주)=홍길동 기자], [어느신문/홍길동 기자]
    # (a space or "=" parts the outlet from the reporter: "[ 강태우 기자 ]" names no outlet)
    re.compile(
        rf"^\s?[(\[【〔]\s?(?P<name>{_OUTLET})(?:·[^=\]\)]*)?(?:{_BUREAU}?\s?[=/]\s?|\s)"
        rf"{_REPORTER}\s?[)\]】〕]"
    ),
    _BARE_NAME,
    _BYLINE_NAME,
    # 저작권자 ⓒ 서울경제, Copyright ⓒ 뉴스1. <저작권자(c) 연합뉴스 ..., Copyrights ⓒ 어느일보 무단,
    # Copyright © 어느경제 & example.kr
    re.compile(
        r"(?:저작권자|copyrights?)\s?(?:\(c\)|ⓒ|©)?\s?"
        r"(?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9 .]{0,14}?)\s?(?:[,.<>\]&(]|무단|all\s|$)",
        re.IGNORECASE,
    ),
    _NAME_AND_SITE,
    _SIGN_OFF,
    _STAMPED_NAME,
)
# These need a name that looks like an outlet (long, or ending like one).
_NEEDS_OUTLET_FORM = (_BARE_NAME, _BYLINE_NAME, _SIGN_OFF, _STAMPED_NAME, _NAME_AND_SITE)
_NOT_OUTLET = re.compile(
    r"^(?:사진|자료|그래픽|단독|속보|포토|영상|인터뷰|기고|사설|칼럼|종합|앵커|리포트|녹취|현장음|카카오톡"
    r"|전화|메일|이메일|페이스북|트위터|유튜브|인스타그램|제보|출처|입력|등록|수정|작성|승인|기사|최종"
    r"|date|published|updated|\d+)"
    r"|(?:뉴스국|편집국|취재부|뉴스부|뉴스팀|보도국|기자)$"
)
# A reporter's e-mail address: its domain names the site when nothing else names the outlet.
# (The local part is bounded and starts a word: a long line without spaces stays linear.)
_EMAIL_SITE = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@(?:www\.)?(?P<site>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4})", re.I
)
_MAIL_SERVICES = frozenset(
    {
        "naver.com",
        "gmail.com",
        "daum.net",
        "hanmail.net",
        "kakao.com",
        "nate.com",
        "hotmail.com",
        "korea.kr",
        "yahoo.com",
        "outlook.com",
    }
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
    short = [line for line in edges if len(line) <= _FURNITURE_LEN]
    for pattern, where in (
        (_CITED, edges),  # a reprint: the story went out on the wire's date
        (_STAMP, edges),
        (_BARE_STAMP, edges),
        (_CLOCKED, short),
        (_DATED_BYLINE, short),
        (_NEAR_EMAIL, edges),
        (_CAPTION_DATE, edges),
        (_LATER_STAMP, edges),
    ):
        for line in where:
            for match in pattern.finditer(line):
                if pattern is _CLOCKED and (
                    _LATER_BEFORE.search(line[: match.start()])
                    or _LATER_AFTER.match(line[match.end() :])
                ):
                    continue  # "수정 2024.03.16 09:00", "2024.03.16 09:00 수정": a change
                if found := _iso(match):
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
    edges = lines[:25] + lines[-12:]
    for pattern in _PUBLISHER_PATTERNS:
        for line in edges:
            if pattern is _NAME_AND_SITE and "www." not in line:
                continue  # an unanchored pattern: look only where it can match
            match = pattern.search(line)
            if not match:
                continue
            name = match["name"]
            place = match["place"] if pattern is _DATELINE else ""
            if _outlet_like(place, strict=True) and not _outlet_like(name, strict=True):
                name = place  # "[어느신문=음성]": the outlet, then its desk
            if pattern in _NEEDS_OUTLET_FORM and not _outlet_like(name.strip()):
                continue
            name = _DESK.sub("", name.strip(" ."))
            if name and not _NOT_OUTLET.search(name) and "기자" not in name:
                return name
    for line in edges:  # "홍길동 기자 hong@example.kr": the site
        if "@" not in line:
            continue
        for found in _EMAIL_SITE.finditer(line):
            site = found["site"].lower().rstrip(".")
            if site not in _MAIL_SERVICES:
                return site
    return None


def _outlet_like(name: str, strict: bool = False) -> bool:
    """A bare bracketed name is an outlet when it is long or ends like one (``strict``: only
    when it ends like one)."""
    return (not strict and len(name) >= 4) or bool(_OUTLET_END.search(name))


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
