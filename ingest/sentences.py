"""Sentence splitting and tokenisation with Kiwi, taught the gazetteer's names.

Without a user dictionary Kiwi cuts domain words into pieces (이차전지 -> 이차 + 전지); every
Hangul name and alias of the gazetteer and the taxonomy is added as a proper noun. One
``split_into_sents(..., return_tokens=True)`` pass gives sentences and tokens together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Token:
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
        for line in text.split("\n"):
            if line.strip():
                for sent in self.kiwi.split_into_sents(line, return_tokens=True):
                    tokens = tuple(
                        Token(t.form, t.tag, offset + t.start, offset + t.start + t.len)
                        for t in sent.tokens
                    )
                    out.append(Sentence(offset + sent.start, offset + sent.end, sent.text, tokens))
            offset += len(line) + 1
        return out

    def tokenize(self, text: str) -> list[Any]:
        """Kiwi's tokens alone (the speed baseline)."""
        return list(self.kiwi.tokenize(text))


@lru_cache(maxsize=4)
def tokenizer_for(words: tuple[tuple[str, str], ...]) -> Tokenizer:
    return Tokenizer(words)
