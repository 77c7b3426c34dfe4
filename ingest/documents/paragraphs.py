"""Join hard-wrapped lines into paragraphs, one per line (the last step of ``normalize``).

줄 이어 붙이기 / joining lines: PDF text breaks lines at the column edge, even inside words.
Whether a break ends a paragraph, is a space, or falls inside a word is decided from the
document's own layout (its typical line width), punctuation, and how the document writes the
same pair of syllables elsewhere. Every added space or newline stands for the raw gap it
replaces.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ingest.documents.textrun import Line, Run

_HANGUL_SYLLABLES = re.compile("[가-힣]+")
_ASCII_OR_HANGUL = re.compile("[\x00-\x7f가-힣]+")
_SENTENCE_END = re.compile(r"[.!?。…][\"'’”」』)\]]*$")
_BYLINE = re.compile(r"[/=]\s?[가-힣]{2,4}\s?(?:기자|특파원|통신원)(?:\s?\S+@\S+)?$")
_OPENERS = set("‘“(「『[<《〈·-/~")
_CLOSERS = set(".,!?)’”」』]>》〉:;…·%")
_QUOTE_CLOSERS = set("’”」』)]")
_NUMBER_UNITS = set("만억조천백십원개명년월일곳건대%")
# A line that starts with an amount led by 천/백/십 ("천 300억원", "삼천억"): a new word.
_NUMERAL_HEAD = re.compile(
    r"[일이삼사오육칠팔구]?[천백십][^\S\n]?[\d일이삼사오육칠팔구천백십억조만]"
)
_WORD_TAIL = re.compile(r"\w+$")
_WORD_HEAD = re.compile(r"\w+")
# One-syllable words that stand alone; any other lone syllable at a line edge is a split word.
FREE_SYLLABLES = set("및등또더각총약수그새첫두세네몇것때뿐듯못잘꼭늘곧")
# Line starts that are endings or particles of the word the previous line began.
_BOUND_START = re.compile(
    r"(?:하[고며는여기지게면던였자]|한다|할|함|합니|해[서야]|했|된|될|됨|돼|됐|되[어었고며는지기]"
    r"|시[켜키]|적[인으이의]|으로|에서|에게|이다|이며|이고|이자|이었|였다|까지|부터|들[과은이의을에로도])"
)
_PARTICLES = set("의를을에는은이가도로와과")
_CASE_ENDINGS = set("을를이가은는에로와과도의")
# One-syllable nouns that often carry a particle at the start of a line ("시는", "도의").
_NOUN_SYLLABLES = set("시도군구이그저오하되있없같또일법길곳것때수물돈집책글말꿈힘빛")
# Above this size the document's own vocabulary is not consulted (it costs a scan per break).
_VOCAB_LIMIT = 200_000


@dataclass(frozen=True)
class _Layout:
    width: float  # the typical line width of the document, in display columns
    wrapped: bool  # hard-wrapped (PDF columns) rather than one line per paragraph
    vocab: str  # the document's own lines, to see how it writes a word elsewhere


def display_width(text: str) -> int:
    # ASCII is narrow and Hangul syllables are wide (a test checks both against unicodedata);
    # only the few other characters are looked up one by one.
    rest = _ASCII_OR_HANGUL.sub("", text)
    hangul = len(text) - len(_HANGUL_SYLLABLES.sub("", text))
    return len(text) - len(rest) + hangul + sum(map(_char_width, rest))


@lru_cache(maxsize=1 << 16)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _layout(lines: list[Line], widths: list[int]) -> _Layout:
    typical = statistics.median(widths) if widths else 0.0
    full = [line.text for line, w in zip(lines, widths, strict=True) if w >= 0.75 * typical]
    open_ended = sum(1 for text in full if not _SENTENCE_END.search(text))
    vocab = "\n".join(line.text for line in lines)
    return _Layout(typical, open_ended * 2 > len(full), vocab if len(vocab) <= _VOCAB_LIMIT else "")


def assemble(lines: list[Line]) -> Run:
    out = Run()
    widths = [display_width(line.text) for line in lines]
    layout = _layout(lines, widths)
    for i, line in enumerate(lines):
        if i:
            sep = _separator(lines[i - 1].text, widths[i - 1], line, layout)
            if sep:  # an added space or newline stands for the raw gap between the lines
                out.add(sep, lines[i - 1].run.ends[-1], line.run.starts[0])
        out.extend(line.run)
    return out


def _separator(prev: str, width: int, line: Line, layout: _Layout) -> str:
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
    if _hangul(last) and _NUMERAL_HEAD.match(nxt):
        return " "
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
        return (head if len(head) == 1 else tail) not in FREE_SYLLABLES
    if _BOUND_START.match(head) and tail[-1] not in _CASE_ENDINGS:
        return True
    return len(head) == 2 and head[1] in _PARTICLES and head[0] not in _NOUN_SYLLABLES
