"""Node names as they fit on a printed picture: wrapped onto a few lines, or shortened with a
number that the key under the picture resolves to the full name.

이름 줄바꿈과 번호 / wrapping and numbering: every name has three forms, tried in order by the
placement (``visual/placement.py``): the whole name on at most ``MAX_LINES`` lines, the start
of it with "…" and a key number, and the key number alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: Width of a line of a name, in ems of the label font (a Hangul syllable is about 0.94 em).
LINE_EMS = 11.0
MAX_LINES = 3
ELLIPSIS = "…"

Measure = Callable[[str], float]  # width of a text in ems


@dataclass(frozen=True)
class Forms:
    """The forms of one name, largest first: ``full`` (wrapped; empty when too long) and
    ``head`` (the start of the name for the shortened form; empty when not shorter)."""

    full: str
    head: str

    def short(self, number: int) -> str:
        return f"{self.head}{ELLIPSIS} {tag(number)}" if self.head else ""

    def number(self, number: int) -> str:
        return tag(number)

    def all(self, number: int) -> tuple[str, str, str]:
        """The three forms with ``number`` as the key number (empty: no such form)."""
        return (self.full, self.short(number), self.number(number))


def wrap(text: str, measure: Measure, width: float = LINE_EMS) -> list[str]:
    """Lines of at most ``width`` ems, broken at spaces; a word longer than a line is broken
    between characters (Korean allows it; a Latin word rarely reaches the width)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while measure(word) > width:
            cut = _fit(word, measure, width)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _fit(word: str, measure: Measure, width: float) -> int:
    """Most leading characters of ``word`` within ``width`` (at least one)."""
    cut = 1
    while cut < len(word) and measure(word[: cut + 1]) <= width:
        cut += 1
    return cut


def _head(text: str, measure: Measure, room: float) -> str:
    """The start of ``text`` within ``room`` ems, ending at a word when that keeps most of it
    ("Commercialisation R&D…" rather than "Commercialisation R&D fo…")."""
    cut = _fit(text, measure, room)
    if cut < len(text) and text[cut] != " ":
        space = text.rfind(" ", 0, cut)
        if space >= cut * 0.7:
            cut = space
    return text[:cut].rstrip()


def tag(number: int) -> str:
    return f"[{number}]"


def forms(name: str, measure: Measure, widest: int, width: float = LINE_EMS) -> Forms:
    """The forms of ``name`` in lines of ``width`` ems; ``widest`` is the largest key number
    any name may get, so the shortened form leaves room for it (a smaller number only
    narrows the box)."""
    lines = wrap(name, measure, width) or [name]
    full = "\n".join(lines) if len(lines) <= MAX_LINES else ""
    head = ""
    if len(lines) > 1:
        room = min(width, LINE_EMS) - measure(f"{ELLIPSIS} {tag(widest)}")
        flat = " ".join(name.split())
        head = _head(flat, measure, room) if room > 0 else ""
    return Forms(full=full, head=head)
