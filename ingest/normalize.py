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
import statistics
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ontology.errors import ValidationFailed

# A doubled stretch needs this many pairs, so that "보보" or "다다음" in running text is kept.
MIN_PAIRS = 4
# Some alignment with MIN_PAIRS doubled characters in a row: without one, nothing is doubled.
_PAIRS = re.compile(rf"(?:(.)\1){{{MIN_PAIRS}}}", re.DOTALL)
_SPACE_RUN = re.compile(" +")
_HANGUL_SYLLABLES = re.compile("[가-힣]+")
_ASCII_OR_HANGUL = re.compile("[\x00-\x7f가-힣]+")

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

_SENTENCE_END = re.compile(r"[.!?。…][\"'’”」』)\]]*$")
_BYLINE = re.compile(r"[/=]\s?[가-힣]{2,4}\s?(?:기자|특파원|통신원)(?:\s?\S+@\S+)?$")
_OPENERS = set("‘“(「『[<《〈·-/~")
_CLOSERS = set(".,!?)’”」』]>》〉:;…·%")
_QUOTE_CLOSERS = set("’”」』)]")
_NUMBER_UNITS = set("만억조천백십원개명년월일곳건대%")
_WORD_TAIL = re.compile(r"\w+$")
_WORD_HEAD = re.compile(r"\w+")
# One-syllable words that stand alone; any other lone syllable at a line edge is a split word.
_FREE_SYLLABLES = set("및등또더각총약수그새첫두세네몇것때뿐듯못잘꼭늘곧")
# Line starts that are endings or particles of the word the previous line began.
_BOUND_START = re.compile(
    r"(?:하[고며는여기지게면던였자]|한다|할|함|합니|해[서야]|했|된|될|됨|돼|됐|되[어었고며는지기]"
    r"|시[켜키]|적[인으이의]|으로|에서|에게|이다|이며|이고|이자|이었|였다|까지|부터|들[과은이의을에로도])"
)
_PARTICLES = set("의를을에는은이가도로와과")
_CASE_ENDINGS = set("을를이가은는에로와과도의")
_ENDINGS = set("을를은는이가의에로와과도서고며다해한할된인적")
# One-syllable nouns that often carry a particle at the start of a line ("시는", "도의").
_NOUN_SYLLABLES = set("시도군구이그저오하되있없같또일법길곳것때수물돈집책글말꿈힘빛")
# Above this size the document's own vocabulary is not consulted (it costs a scan per break).
_VOCAB_LIMIT = 200_000


@dataclass(frozen=True)
class Dropped:
    """A raw line left out of the clean text, and why."""

    start: int
    end: int
    reason: str  # image | copyright | breadcrumb | share | menu


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


class _Run:
    """Characters under construction, each with the raw span it stands for.

    The steps copy whole slices between the few characters they change (``extend``): a loop
    over every character in Python was most of the time of ``normalize``.
    """

    __slots__ = ("chars", "ends", "starts")

    def __init__(
        self,
        chars: list[str] | None = None,
        starts: list[int] | None = None,
        ends: list[int] | None = None,
    ) -> None:
        self.chars: list[str] = chars if chars is not None else []
        self.starts: list[int] = starts if starts is not None else []
        self.ends: list[int] = ends if ends is not None else []

    @classmethod
    def identity(cls, text: str) -> _Run:
        """``text`` itself: character i stands for raw [i, i + 1)."""
        return cls(list(text), list(range(len(text))), list(range(1, len(text) + 1)))

    def add(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)

    def extend(self, other: _Run, lo: int = 0, hi: int | None = None) -> None:
        self.chars.extend(other.chars[lo:hi])
        self.starts.extend(other.starts[lo:hi])
        self.ends.extend(other.ends[lo:hi])

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass
class _Line:
    run: _Run
    text: str
    blanks_before: int = 0
    dropped_before: bool = False
    bullet: bool = False


def normalize(raw: str) -> Normalized:
    """Clean ``raw`` and keep the offset map; any text is accepted."""
    lines = [_squeeze(_undouble(line)) for line in _clean_lines(_nfc(raw))]
    kept, dropped = _drop_chrome(lines)
    out = _assemble(kept)
    return Normalized(raw, out.text, tuple(out.starts), tuple(out.ends), tuple(dropped))


def _nfc(raw: str) -> _Run:
    # NFC may merge characters (decomposed Hangul jamo into syllables), so it is applied to
    # short segments, each mapped as a whole onto its raw span.
    if unicodedata.is_normalized("NFC", raw):
        return _Run.identity(raw)
    run = _Run()
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


def _clean_lines(src: _Run) -> list[_Run]:
    """Odd spaces become spaces, invisible characters go, and the text is cut into lines."""
    text = "".join(src.chars)
    lines = [_Run()]
    pos = 0
    for match in _SPECIAL.finditer(text):
        i = match.start()
        lines[-1].extend(src, pos, i)
        pos = i + 1
        char = text[i]
        if char == "\r" and text[i + 1 : i + 2] == "\n":
            continue  # CR LF is one line break, mapped to the LF
        if char in _NEWLINES:
            lines.append(_Run())
        elif char not in _REMOVED:  # an odd space (U+FFFD, Zs, Cc) becomes a space
            lines[-1].add(" ", src.starts[i], src.ends[i])
    lines[-1].extend(src, pos)
    return lines


def _undouble(line: _Run) -> _Run:
    text = line.text
    if not _PAIRS.search(text):
        return line
    out = _Run()
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


def _squeeze(line: _Run) -> _Run:
    """Runs of spaces become one space (mapped to the whole run); no space at either end."""
    text = line.text
    if "  " not in text and text[:1] != " " and text[-1:] != " ":
        return line
    out = _Run()
    pos = 0
    for run in _SPACE_RUN.finditer(text):
        out.extend(line, pos, run.start())
        pos = run.end()
        if run.start() and run.end() < len(text):
            out.add(" ", line.starts[run.start()], line.ends[run.end() - 1])
    out.extend(line, pos)
    return out


def _drop_chrome(lines: list[_Run]) -> tuple[list[_Line], list[Dropped]]:
    """Leave out web-page furniture; blank lines are counted on the line that follows them."""
    texts = [run.text for run in lines]
    reasons = _chrome_reasons(texts)
    kept: list[_Line] = []
    dropped: list[Dropped] = []
    blanks, dropped_since = 0, False
    for run, text, reason in zip(lines, texts, reasons, strict=True):
        if not text:
            blanks += 1
        elif reason:
            dropped.append(Dropped(run.starts[0], run.ends[-1], reason))
            dropped_since = True
        else:
            kept.append(_bulleted(_Line(run, text, blanks, dropped_since)))
            blanks, dropped_since = 0, False
    return kept, dropped


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
    # Even a wrapped piece of a sentence has particles and endings; a menu bar has none.
    bare = all(len(w) <= 6 and w not in _FREE_SYLLABLES and w[-1] not in _ENDINGS for w in words)
    return "menu" if len(words) >= 6 and bare and not _MENU_PUNCT.search(text) else None


def _menu_item(text: str) -> bool:
    item = text[m.end() :] if (m := _BULLET.match(text)) else text
    return len(item) <= 10 and item.count(" ") <= 1 and not any(c.isdigit() for c in item)


def _bulleted(line: _Line) -> _Line:
    match = _BULLET.match(line.text)
    if match is None or match.end() == len(line.text):
        return line
    rest = _Run()
    rest.extend(line.run, match.end())
    return _Line(rest, rest.text, line.blanks_before, line.dropped_before, bullet=True)


# ---- joining hard-wrapped lines ---------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    width: float  # the typical line width of the document, in display columns
    wrapped: bool  # hard-wrapped (PDF columns) rather than one line per paragraph
    vocab: str  # the document's own lines, to see how it writes a word elsewhere


def _width(text: str) -> int:
    # ASCII is narrow and Hangul syllables are wide (a test checks both against unicodedata);
    # only the few other characters are looked up one by one.
    rest = _ASCII_OR_HANGUL.sub("", text)
    hangul = len(text) - len(_HANGUL_SYLLABLES.sub("", text))
    return len(text) - len(rest) + hangul + sum(map(_char_width, rest))


@lru_cache(maxsize=1 << 16)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _layout(lines: list[_Line], widths: list[int]) -> _Layout:
    typical = statistics.median(widths) if widths else 0.0
    full = [line.text for line, w in zip(lines, widths, strict=True) if w >= 0.75 * typical]
    open_ended = sum(1 for text in full if not _SENTENCE_END.search(text))
    vocab = "\n".join(line.text for line in lines)
    return _Layout(typical, open_ended * 2 > len(full), vocab if len(vocab) <= _VOCAB_LIMIT else "")


def _assemble(lines: list[_Line]) -> _Run:
    out = _Run()
    widths = [_width(line.text) for line in lines]
    layout = _layout(lines, widths)
    for i, line in enumerate(lines):
        if i:
            sep = _separator(lines[i - 1].text, widths[i - 1], line, layout)
            if sep:  # an added space or newline stands for the raw gap between the lines
                out.add(sep, lines[i - 1].run.ends[-1], line.run.starts[0])
        out.extend(line.run)
    return out


def _separator(prev: str, width: int, line: _Line, layout: _Layout) -> str:
    """A newline between paragraphs; " " or "" where a wrapped line continues the last.

    ``width`` is the display width of ``prev``.
    """
    if line.bullet or line.dropped_before or line.blanks_before > 1:
        return "\n"
    if line.blanks_before == 1:
        # PDF columns put blank lines inside paragraphs; bridge one only after a line that
        # runs to the column edge and is not a glued heading.
        glued_heading = " " not in prev and width < layout.width
        if not layout.wrapped or width < 0.9 * layout.width or glued_heading:
            return "\n"
    if _SENTENCE_END.search(prev) or _BYLINE.search(prev) or width < 0.75 * layout.width:
        return "\n"
    return _glue(prev, line.text, layout.vocab)


def _glue(prev: str, nxt: str, vocab: str) -> str:
    last, first = prev[-1], nxt[0]
    if last in _OPENERS or first in _CLOSERS or (first == "(" and _hangul(last)):
        return ""
    if last.isdigit() and (first.isdigit() or first in _NUMBER_UNITS):
        return ""
    if _hangul(last) and _hangul(first) and _splits_word(prev, nxt, vocab):
        return ""
    if _hanja(last) and _hanja(first):
        return ""  # hanja compounds are written without spaces
    return " "


def _hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _hanja(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def _splits_word(prev: str, nxt: str, vocab: str) -> bool:
    """Whether a line break between two Hangul syllables falls inside a word."""
    tail_match, head_match = _WORD_TAIL.search(prev), _WORD_HEAD.match(nxt)
    tail = tail_match.group() if tail_match else prev[-1]
    head = head_match.group() if head_match else nxt[0]
    if tail_match and prev[: tail_match.start()][-1:] in _QUOTE_CLOSERS:
        return False  # a particle after a quotation or bracket ends its word
    joined = vocab.count(tail[-2:] + head[:2])
    spaced = vocab.count(f"{tail[-2:]} {head[:2]}")
    if joined != spaced:  # the document itself shows how it writes this pair
        return joined > spaced
    if tail.endswith("로") and head == "한":  # "…(으)로 한": "taken as"
        return False
    if len(head) == 1 or len(tail) == 1:
        return (head if len(head) == 1 else tail) not in _FREE_SYLLABLES
    if _BOUND_START.match(head) and tail[-1] not in _CASE_ENDINGS:
        return True
    return len(head) == 2 and head[1] in _PARTICLES and head[0] not in _NOUN_SYLLABLES
