"""Find evidence spans in the raw source documents and report their character offsets.

Raw text is noisy: a run of whitespace, line breaks and U+FFFD counts as one space on both
sides, so an evidence span written with single spaces is found across a broken line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_GAP = re.compile(r"[\s\ufffd]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class RawDocument:
    """A raw document with a whitespace-collapsed view and offsets back to the raw text."""

    def __init__(self, text: str) -> None:
        self.raw = text
        pieces: list[str] = []
        offsets: list[int] = []
        pos = 0
        for match in _GAP.finditer(text):
            for i in range(pos, match.start()):
                pieces.append(text[i])
                offsets.append(i)
            pieces.append(" ")
            offsets.append(match.start())
            pos = match.end()
        for i in range(pos, len(text)):
            pieces.append(text[i])
            offsets.append(i)
        offsets.append(len(text))
        self.flat = "".join(pieces)
        self._offsets = offsets
        self._gap_end = {m.start(): m.end() for m in _GAP.finditer(text)}

    @classmethod
    def read(cls, path: Path) -> RawDocument:
        return cls(path.read_text(encoding="utf-8"))

    def find(self, evidence: str) -> list[Span]:
        """Every place the evidence occurs, as raw-text offsets [start, end)."""
        needle = _GAP.sub(" ", evidence).strip()
        if not needle:
            return []
        spans: list[Span] = []
        start = self.flat.find(needle)
        while start != -1:
            end_flat = start + len(needle) - 1
            raw_start = self._offsets[start]
            raw_last = self._offsets[end_flat]
            raw_end = (
                self._gap_end.get(raw_last, raw_last + 1) if needle[-1] == " " else raw_last + 1
            )
            spans.append(Span(raw_start, raw_end))
            start = self.flat.find(needle, start + 1)
        return spans

    def context(self, span: Span, width: int = 60) -> str:
        """The evidence with some raw text around it, on one line, the span in [brackets]."""
        before = _GAP.sub(" ", self.raw[max(0, span.start - width) : span.start])
        inside = _GAP.sub(" ", self.raw[span.start : span.end])
        after = _GAP.sub(" ", self.raw[span.end : span.end + width])
        return f"…{before}[{inside}]{after}…"
