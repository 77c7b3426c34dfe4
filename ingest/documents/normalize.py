"""Clean noisy raw document text for extraction, keeping each clean offset's place in the raw text.

Raw text comes from PDF and web-page extraction. It has U+FFFD and odd spaces where spaces
were, characters doubled by bold headings ("도도약약" for "도약"), hard line breaks inside
sentences and even inside words, web menus, share buttons and copyright lines. ``normalize``
returns clean text with one paragraph per line and a map back to the raw text, so that a span
found in the clean text can be shown, and quoted as evidence, in place (``Normalized.to_raw``).

Every step is a generic rule or heuristic; nothing here knows the sentences of a document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.documents.noise import inline_spans, line_reasons
from ingest.documents.paragraphs import FREE_SYLLABLES, assemble
from ingest.documents.textrun import Line, Run
from ingest.korean.numbers import find_amounts
from ontology.errors import ValidationFailed

# A doubled stretch needs this many pairs, so that "보보" or "다다음" in running text is kept.
MIN_PAIRS = 4
# Some alignment with MIN_PAIRS doubled characters in a row: without one, nothing is doubled.
_PAIRS = re.compile(rf"(?:(.)\1){{{MIN_PAIRS}}}", re.DOTALL)
_SPACE_RUN = re.compile(" +")

_SPACES = {"\ufffd", "\u200b", "\u180e"}
_REMOVED = {"\u00ad", "\ufeff", "\u2060"}  # soft hyphen, BOM, word joiner: no width at all
_NEWLINES = {"\r", "\n", "\x0c", "\x85", "\u2028", "\u2029"}
# Every character that ``_clean_lines`` changes: the three sets above and the Zs and Cc
# categories except the plain space (a test checks this class against unicodedata).
_SPECIAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\xa0\xad\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f"
    "\u2060\u3000\ufeff\ufffd]"
)

_BULLET = re.compile(r"(?:[▲△•ㆍ◆■□○▶▷●◇◦‣∙]|-(?=[\s가-힣]))\s*")
_IMAGE = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg)", re.IGNORECASE)
_COPYRIGHT = re.compile(r"copyright|ⓒ|©|무단\s?전재|재배포\s?금지|all rights reserved", re.I)
_CRUMB_SEP = re.compile(r"\s*[>›»]\s*")
_CRUMB_MARK = re.compile("[>›»]")
_MENU_PUNCT = re.compile(r"[.,!?\"'“”‘’()\[\]:;]")
# Words that only web-page furniture is made of (navigation, sharing, comments, login).
_CHROME_TEXT = """
    로그인 로그아웃 회원가입 마이페이지 기사공유 공유 공유하기 url복사 링크복사 주소복사 스크랩
    인쇄 프린트 글자크기 글씨크기 댓글 좋아요 구독 구독하기 검색 전체메뉴 메뉴 닫기 홈 맨위로
    목록 이전기사 다음기사 기사제보 제보하기 뉴스레터 트위터 페이스북 카카오스토리 카카오톡
    네이버밴드 밴드 네이버블로그 블로그 텔레그램 facebook twitter googleplus kakaostory
    kakaotalk naverband band pinterest linkedin email e-mail print share comments comment rss
    home login logout top
"""
_CHROME_WORDS = frozenset(_CHROME_TEXT.split())

_ENDINGS = set("을를은는이가의에로와과도서고며다해한할된인적")


@dataclass(frozen=True)
class Dropped:
    """A raw line left out of the clean text, and why."""

    start: int
    end: int
    # image | copyright | breadcrumb | share | menu (web pages); dateline | byline | credit |
    # caption | counter | related (news furniture, ``ingest.documents.noise``)
    reason: str


@dataclass(frozen=True)
class Normalized:
    """Clean text (one paragraph per line) and, per clean character, its raw [start, end)."""

    raw: str
    text: str
    starts: tuple[int, ...] = field(repr=False)
    ends: tuple[int, ...] = field(repr=False)
    dropped: tuple[Dropped, ...] = ()

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span [rs, re) that the clean span [start, end) came from (noise included)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValidationFailed(
                "clean-text span out of range",
                [f"span [{start}, {end}) is not within 0..{len(self.text)}"],
            )
        if start == end:
            pos = self.starts[start] if start < len(self.text) else self._raw_end()
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def raw_slice(self, start: int, end: int) -> str:
        """The raw text behind a clean span."""
        raw_start, raw_end = self.to_raw(start, end)
        return self.raw[raw_start:raw_end]

    def _raw_end(self) -> int:
        return self.ends[-1] if self.ends else 0


def normalize(raw: str) -> Normalized:
    """Clean ``raw`` and keep the offset map; any text is accepted."""
    lines = [_squeeze(_undouble(line)) for line in _clean_lines(_nfc(raw))]
    kept, dropped = _drop_chrome(lines)
    out = assemble(kept)
    return Normalized(raw, out.text, tuple(out.starts), tuple(out.ends), tuple(dropped))


def _nfc(raw: str) -> Run:
    # NFC may merge characters (decomposed Hangul jamo into syllables), so it is applied to
    # short segments, each mapped as a whole onto its raw span.
    if unicodedata.is_normalized("NFC", raw):
        return Run.identity(raw)
    run = Run()
    target = unicodedata.normalize("NFC", raw)
    # Cutting before ASCII is always safe (ASCII never composes with what precedes it).
    for bounds in (_segments(raw, _starter), _segments(raw, str.isascii)):
        pieces = [unicodedata.normalize("NFC", raw[s:e]) for s, e in bounds]
        if "".join(pieces) == target:
            break
    for (start, end), piece in zip(bounds, pieces, strict=True):
        for char in piece:
            run.add(char, start, end)
    return run


def _starter(char: str) -> bool:
    jamo_tail = "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff"
    return unicodedata.combining(char) == 0 and not jamo_tail


def _segments(raw: str, boundary: Callable[[str], bool]) -> list[tuple[int, int]]:
    cuts = [0, *(i for i in range(1, len(raw)) if boundary(raw[i]))]
    return list(zip(cuts, [*cuts[1:], len(raw)], strict=True))


def _clean_lines(src: Run) -> list[Run]:
    """Odd spaces become spaces, invisible characters go, and the text is cut into lines."""
    text = "".join(src.chars)
    lines = [Run()]
    pos = 0
    for match in _SPECIAL.finditer(text):
        i = match.start()
        lines[-1].extend(src, pos, i)
        pos = i + 1
        char = text[i]
        if char == "\r" and text[i + 1 : i + 2] == "\n":
            continue  # CR LF is one line break, mapped to the LF
        if char in _NEWLINES:
            lines.append(Run())
        elif char not in _REMOVED:  # an odd space (U+FFFD, Zs, Cc) becomes a space
            lines[-1].add(" ", src.starts[i], src.ends[i])
    lines[-1].extend(src, pos)
    return lines


def _undouble(line: Run) -> Run:
    text = line.text
    if not _PAIRS.search(text):
        return line
    out = Run()
    pos = 0
    for start, pairs in _doubled_stretches(text):
        out.extend(line, pos, start)
        for j in range(start, start + 2 * pairs, 2):
            out.add(text[j], line.starts[j], line.ends[j + 1])
        pos = start + 2 * pairs
    out.extend(line, pos)
    return out


def _doubled_stretches(text: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, pairs) where every character is written twice, in order."""
    found: list[tuple[int, int]] = []
    for j in range(2):  # both alignments, each scanned once: linear time
        while j + 1 < len(text):
            pairs = 0
            while j + 2 * pairs + 1 < len(text) and text[j + 2 * pairs] == text[j + 2 * pairs + 1]:
                pairs += 1
            if pairs >= MIN_PAIRS and _looks_doubled(text[j : j + 2 * pairs : 2]):
                found.append((j, pairs))
            j += 2 * pairs + 2
    chosen: list[tuple[int, int]] = []
    for start, pairs in sorted(found, key=lambda item: (item[0], -item[1])):
        if not chosen or start >= chosen[-1][0] + 2 * chosen[-1][1]:
            chosen.append((start, pairs))
    return chosen


def _looks_doubled(single: str) -> bool:
    # Repeated separators ("====") and laughter ("ㅋㅋㅋㅋ") are not bold-heading noise.
    letters = {c for c in single if c.isalpha()}
    return len(letters) >= 2 and len(set(single) - {" "}) >= 3


def _squeeze(line: Run) -> Run:
    """Runs of spaces become one space (mapped to the whole run); no space at either end."""
    text = line.text
    if "  " not in text and text[:1] != " " and text[-1:] != " ":
        return line
    out = Run()
    pos = 0
    for run in _SPACE_RUN.finditer(text):
        out.extend(line, pos, run.start())
        pos = run.end()
        if run.start() and run.end() < len(text):
            out.add(" ", line.starts[run.start()], line.ends[run.end() - 1])
    out.extend(line, pos)
    return out


def _drop_chrome(lines: list[Run]) -> tuple[list[Line], list[Dropped]]:
    """Leave out web-page and news furniture; blank lines count on the line that follows them.

    A line that is furniture as a whole goes; inside the other lines, datelines, bylines,
    credits and image markup are cut out (a line with nothing else left goes too).
    """
    texts = [run.text for run in lines]
    reasons = _chrome_reasons(texts)
    news = line_reasons(texts)
    kept: list[Line] = []
    dropped: list[Dropped] = []
    blanks, dropped_since = 0, False
    for run, text, reason, other in zip(lines, texts, reasons, news, strict=True):
        reason = reason or other
        if text and not reason:
            run, cuts = _cut_inline(run)
            dropped += cuts
            text = run.text
            reason = cuts[0].reason if cuts and not text else None
        if not text and not reason:
            blanks += 1
        elif reason:
            if run.starts:
                dropped.append(Dropped(run.starts[0], run.ends[-1], reason))
            dropped_since = True
        else:
            kept.append(_bulleted(Line(run, text, blanks, dropped_since)))
            blanks, dropped_since = 0, False
    return kept, sorted(dropped, key=lambda d: d.start)


def _cut_inline(line: Run) -> tuple[Run, list[Dropped]]:
    """``line`` without the furniture spans inside it, and what was cut."""
    spans = inline_spans(line.text)
    if not spans:
        return line, []
    out = Run()
    pos = 0
    cuts = []
    for start, end, reason in spans:
        out.extend(line, pos, start)
        cuts.append(Dropped(line.starts[start], line.ends[end - 1], reason))
        pos = end
    out.extend(line, pos)
    return _squeeze(out), cuts


def _chrome_reasons(texts: list[str]) -> list[str | None]:
    reasons = [_chrome_reason(text) if text else None for text in texts]
    # A group of short lines (blank lines between them allowed) is a menu when it is long or
    # when it touches a line that is certainly furniture.
    group: list[int] = []
    for i in [*range(len(texts)), len(texts)]:
        if i < len(texts) and not texts[i]:
            continue
        if i < len(texts) and (reasons[i] or _menu_item(texts[i])):
            group.append(i)
            continue
        short = [j for j in group if not reasons[j]]
        if len(short) >= 5 or len(short) < len(group):
            for j in short:
                reasons[j] = "menu"
        group = []
    return reasons


def _chrome_reason(text: str) -> str | None:
    if _IMAGE.fullmatch(text):
        return "image"
    if len(text) <= 200 and _COPYRIGHT.search(text) and not text.endswith("다."):
        return "copyright"
    parts = _CRUMB_SEP.split(text) if _CRUMB_MARK.search(text) else [text]
    if 2 <= len(parts) <= 6 and all(0 < len(p) <= 12 and p.count(" ") <= 1 for p in parts):
        return "breadcrumb"
    words = text.lower().split()
    if all(w in _CHROME_WORDS or w.isdigit() for w in words) and any(
        w in _CHROME_WORDS for w in words
    ):
        return "share"
    # Even a wrapped piece of a sentence has particles and endings; a menu bar has none. A
    # headline can be as bare ("누리시 소재기업 3천억원 투자 유치 협약 체결"), but a menu bar
    # never names a sum of money.
    bare = all(len(w) <= 6 and w not in FREE_SYLLABLES and w[-1] not in _ENDINGS for w in words)
    if len(words) < 6 or not bare or _MENU_PUNCT.search(text):
        return None
    return None if find_amounts(text) else "menu"


def _menu_item(text: str) -> bool:
    item = text[m.end() :] if (m := _BULLET.match(text)) else text
    return len(item) <= 10 and item.count(" ") <= 1 and not any(c.isdigit() for c in item)


def _bulleted(line: Line) -> Line:
    match = _BULLET.match(line.text)
    if match is None or match.end() == len(line.text):
        return line
    rest = Run()
    rest.extend(line.run, match.end())
    return Line(rest, rest.text, line.blanks_before, line.dropped_before, bullet=True)
