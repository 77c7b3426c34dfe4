"""Sentence splitting and tokenisation with Kiwi, taught the gazetteer's names.

Without a user dictionary Kiwi cuts domain words into pieces (이차전지 -> 이차 + 전지); every
Hangul name and alias of the gazetteer and the taxonomy is added as a proper noun. One
``tokenize`` pass per paragraph gives sentences and tokens together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple


class Token(NamedTuple):
    """One Kiwi morpheme: its form, tag and [start, end) in the clean text.

    A named tuple, not a frozen dataclass: a document has about a thousand tokens, and a
    frozen dataclass's ``__init__`` alone cost more than all the matching done with them.
    """

    form: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean text: [start, end) and its tokens (clean-text offsets)."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    def lemmas(self) -> set[str]:
        """Verb and noun forms of the sentence, e.g. 육성, 추진, 조성, 지정."""
        return {t.form for t in self.tokens if t.tag[:2] in ("NN", "VV", "XR")}


class Tokenizer:
    """A Kiwi instance with the user dictionary; build once, reuse (loading takes a second)."""

    def __init__(self, words: Iterable[tuple[str, str]] = ()) -> None:
        from kiwipiepy import Kiwi  # type: ignore[import-untyped]

        self.kiwi: Any = Kiwi()
        for word, _label in words:
            self.kiwi.add_user_word(word, "NNP", 0.0)

    def sentences(self, text: str) -> list[Sentence]:
        out: list[Sentence] = []
        offset = 0
        # Kiwi splits inside a paragraph; paragraphs (lines of the clean text) never join.
        # One ``tokenize`` per paragraph, cut where Kiwi's ``sent_position`` changes: the
        # analysis that ``split_into_sents`` runs, without its Python work per token.
        for line in text.split("\n"):
            for start, piece in pieces(line):
                if piece.strip():
                    out += _sentences(self.kiwi.tokenize(piece), piece, offset + start)
            offset += len(line) + 1
        return out

    def tokenize(self, text: str) -> list[Any]:
        """Kiwi's tokens alone (the speed baseline)."""
        return list(self.kiwi.tokenize(text))


#: A paragraph longer than this is read in pieces: Kiwi's time on one paragraph grows faster
#: than its length (a text with no line breaks, 104,000 characters, took 4.8 s; in pieces
#: 1.6 s). The longest paragraph of our evaluation texts has 886 characters.
LONGEST = 2_000
_SENTENCE_END = re.compile(r"[.!?]\s+")


def pieces(line: str, longest: int = LONGEST) -> Iterator[tuple[int, str]]:
    """``line`` as (start, piece) pairs of at most ``longest`` characters, each cut after
    the last sentence end in its second half, else after its last space, else where it must."""
    start = 0
    while len(line) - start > longest:
        window = line[start : start + longest]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, longest // 2)]
        cut = ends[-1] if ends else window.rfind(" ", longest // 2) + 1 or longest
        yield start, line[start : start + cut]
        start += cut
    yield start, line[start:]


_tuple_new = tuple.__new__


def _sentences(found: list[Any], line: str, offset: int) -> list[Sentence]:
    """Kiwi's tokens of one paragraph, starting at ``offset``, as sentences."""
    if not found:
        return []
    # tuple.__new__ builds the named tuple without its Python-level __new__ (a third of the
    # time of this conversion, which runs for every token of every document).
    tokens = [_tuple_new(Token, (t.form, t.tag, offset + t.start, offset + t.end)) for t in found]
    positions = [t.sent_position for t in found]
    cuts = [0, *(i for i in range(1, len(positions)) if positions[i] != positions[i - 1])]
    out = []
    for lo, hi in zip(cuts, [*cuts[1:], len(tokens)], strict=True):
        first, last = found[lo].start, found[hi - 1].end
        out.append(Sentence(offset + first, offset + last, line[first:last], tuple(tokens[lo:hi])))
    return out


@lru_cache(maxsize=4)
def tokenizer_for(words: tuple[tuple[str, str], ...]) -> Tokenizer:
    return Tokenizer(words)
