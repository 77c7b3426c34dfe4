"""A candidate fact and the helpers every extraction rule shares.

후보 사실 / candidate fact: a typed fact found in one sentence, with clean-text offsets of its
evidence (at most ``MAX_EVIDENCE`` characters) and a confidence; ``document.py`` maps the
offsets back to the raw text. The rules themselves are in ``ingest.documents.extractor`` and
``ingest.documents.funding``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from ingest.documents.matcher import Mention
from ontology.models import MAX_EVIDENCE  # the data files' limit: accepted facts must fit it

#: The marks that open an item of a list written inline in a sentence ("투자규모는 ▲A … ▲B …",
#: "주요 사업은 △… 특구 운영 △…"), as a character class.
ITEM_MARKS = "[▲△■◆▶]"


@dataclass
class Candidate:
    """A candidate fact (clean-text offsets until ``document.py`` maps them)."""

    type: str
    subject: str
    object: str
    start: int
    end: int
    confidence: float
    amount_krw: int | None = None
    amount_text: str | None = None
    date: str | None = None
    props: dict[str, str] = field(default_factory=dict)

    def key(self) -> tuple[str, str, str, int | None]:
        return (self.type, self.subject, self.object, self.amount_krw)


@dataclass
class Context:
    """What a sentence may lean on: the document's main region and its date."""

    main_region: str | None
    published: date | None
    region_gov: dict[str, str] = field(default_factory=dict)  # region id -> its government org
    parents: dict[str, str] = field(default_factory=dict)  # region id -> the region it is in
    levels: dict[str, str] = field(default_factory=dict)  # region id -> province, city, ...
    #: Whether the main region is what the document is about (a regional story), rather than
    #: the region named most in a national one; only then is it a sentence's implicit subject.
    main_strong: bool = True
    #: The organisations of the sentence before the current one ("… 400억원씩 투자").
    previous: list[Mention] = field(default_factory=list)
    #: The last organisation that was the subject of a sentence about an investment.
    investor: Mention | None = None
    #: The company the story speaks of since a sentence had it as its subject ("A는 …
    #: 전문기업이다"), until a sentence has another subject: whose an amount in a sentence
    #: without a subject of its own is.
    topic: Mention | None = None
    #: The one company the whole document names, if it names only one: whose an invested
    #: amount is when its sentence names no investor ("공장은 … 150억 원을 투입하며").
    sole: Mention | None = None
    #: The last designation fact's kind, scheme and properties: what "나머지 네 곳은 …" in the
    #: next sentence continues.
    last_scheme: tuple[str, str, dict[str, str]] | None = None
    #: The sentences so far, nearest last, as (start, end, ends of linked names): the
    #: initiative one of them named is what a later one speaks of ("이 사업은", "… 참여한다").
    earlier: list[tuple[int, int, frozenset[int]]] = field(default_factory=list)
    #: The cities and counties named so far, nearest last: where "이번 투자 부지는" lies.
    localities: list[str] = field(default_factory=list)

    def earlier_initiative(self, text: str) -> str | None:
        """The initiative the nearest of the last three sentences names, if any."""
        from ingest.documents.initiative import initiative_name

        for s, e, ends in reversed(self.earlier[-3:]):
            name = initiative_name(text, s, e, s, ends)
            if name is not None:
                return name
        return None


def ref(m: Mention) -> str:
    return f"{m.label}:{m.text if m.new else m.id}"


def span(text: str, s: int, e: int, a: int, b: int) -> tuple[int, int]:
    """A short evidence span covering [a, b) as far as MAX_EVIDENCE allows, within the sentence."""
    a, b = max(s, min(a, b)), min(e, max(a, b))
    if b - a > MAX_EVIDENCE:
        b = a + MAX_EVIDENCE
    while b - a < 12 and (a > s or b < e):  # grow by whole words on both sides
        left = text.rfind(" ", s, max(s, a - 1))
        right = text.find(" ", min(e, b + 1), e)
        a, b = (s if left < 0 else left + 1), (e if right < 0 else right)
    while a < b and text[a] in " ,.·":
        a += 1
    while b > a and text[b - 1] in " ,":
        b -= 1
    return a, b


class Cues:
    """The matches of a cue ``pattern`` in the sentence [s, e), found once for all the names
    of the sentence that ask which cue is nearest them (a long sentence names many)."""

    def __init__(self, pattern: re.Pattern[str], text: str, s: int, e: int) -> None:
        self._matches = list(pattern.finditer(text, s, e))
        self._starts = [match.start() for match in self._matches]

    def near(self, pos: int, skip: int = -1) -> re.Match[str] | None:
        """The match starting nearest ``pos`` (the earlier one on a tie), not one starting at
        ``skip``."""
        starts = self._starts
        at = bisect.bisect_left(starts, pos)
        left = at - 1
        while left >= 0 and starts[left] == skip:
            left -= 1
        right = at
        while right < len(starts) and starts[right] == skip:
            right += 1
        best = bisect.bisect_left(starts, starts[left]) if left >= 0 else None
        if right < len(starts) and (best is None or starts[right] - pos < pos - starts[best]):
            best = right
        return None if best is None else self._matches[best]
