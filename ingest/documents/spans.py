"""Spans of a text looked up by where they lie: those sharing a character with a stretch.

구간 색인 / span index. The extractor asks, for every candidate name of a document, which
linked names overlap it, lie inside it or cover a position. Scanning a list for each question
makes a long document (a report of hundreds of pages, thousands of names) quadratic. ``Spans``
keeps its items sorted by start and knows its longest item, so a question reads only the items
that can answer it; the answers are those the list scan gives, in order of start.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Generic, NamedTuple, Protocol, TypeVar


class Spanned(Protocol):
    """Anything with [start, end) offsets: a mention, a candidate name."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Stretch(NamedTuple):
    """A bare [start, end) of the text."""

    start: int
    end: int


T = TypeVar("T", bound=Spanned)


def _start(item: Spanned) -> int:
    return item.start


class Spans(Generic[T]):
    """Items with offsets, sorted by start (items of one start in the order they came)."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = sorted(items, key=_start)
        self._starts = [item.start for item in self._items]
        self._longest = max((item.end - item.start for item in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, item: T) -> None:
        """Put ``item`` after the items of its start already held."""
        at = bisect.bisect_right(self._starts, item.start)
        self._starts.insert(at, item.start)
        self._items.insert(at, item)
        self._longest = max(self._longest, item.end - item.start)

    def discard(self, item: T) -> None:
        """Take out ``item`` itself (not an equal one); nothing happens when it is not held."""
        lo = bisect.bisect_left(self._starts, item.start)
        for at in range(lo, bisect.bisect_right(self._starts, item.start)):
            if self._items[at] is item:
                del self._items[at], self._starts[at]
                return

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items that share a character with [start, end): ``item.start < end`` and
        ``start < item.end``."""
        lo = bisect.bisect_left(self._starts, start - self._longest + 1)
        hi = bisect.bisect_left(self._starts, end)
        return [item for item in self._items[lo:hi] if start < item.end]

    def ending_by(self, pos: int, within: int) -> list[T]:
        """The items that end at most ``within`` characters before ``pos``:
        ``pos - within <= item.end <= pos``."""
        return [
            item
            for item in self.overlapping(pos - within - 1, pos + 1)
            if pos - within <= item.end <= pos
        ]

    def covering(self, pos: int) -> list[T]:
        """The items with ``item.start <= pos < item.end``."""
        return self.overlapping(pos, pos + 1)
