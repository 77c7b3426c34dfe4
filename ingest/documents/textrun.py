"""Text under construction that keeps, per character, the raw span it stands for.

원문 위치를 잃지 않는 텍스트 / text that never loses its place in the raw document: the
cleaning steps of ``ingest.documents.normalize`` and the line joining of
``ingest.documents.paragraphs`` pass these along, so that a clean span can always be mapped
back to the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass


class Run:
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
    def identity(cls, text: str) -> Run:
        """``text`` itself: character i stands for raw [i, i + 1)."""
        return cls(list(text), list(range(len(text))), list(range(1, len(text) + 1)))

    def add(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)

    def extend(self, other: Run, lo: int = 0, hi: int | None = None) -> None:
        self.chars.extend(other.chars[lo:hi])
        self.starts.extend(other.starts[lo:hi])
        self.ends.extend(other.ends[lo:hi])

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass
class Line:
    run: Run
    text: str
    blanks_before: int = 0
    dropped_before: bool = False
    bullet: bool = False
