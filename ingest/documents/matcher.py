"""Find known regions, industries, designations and organisations in clean text.

Every name and alias of the graph's reference nodes goes into one Aho-Corasick automaton.
Matches are taken longest first and never overlap, so "전북대" is the university and not
the province, and "탄소중립" is not "탄소". Boundaries are Korean-aware: a particle may follow
a name directly ("이차전지를"), but a short name must not sit inside a longer word ("전주기" is
not Jeonju) and a Latin name must not touch other Latin letters ("FAI" is not "AI").
Ambiguity that the longest match cannot settle is settled by context (``_resolve``).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick  # type: ignore[import-not-found]

from ingest.documents import orgnames
from ingest.documents.spellings import scheme_spellings
from ingest.graph.graphdata import GraphBuilder, GraphData
from ingest.korean.sentences import Token
from ontology.gazetteer import GazetteerFile, first_day, last_day

LINKED_LABELS = ("Region", "Industry", "Designation", "Organization")

# What may follow a short region name directly: particles, suffixes and "형" (전주형).
_REGION_FOLLOWERS = set("은는이가을를의에와과도로만서시군구형권내민산·,.)’”'\" ")
# After a short region name: the port or airport named after it ("부산항과", "광양항은",
# "목포신항", "무안국제공항"), maybe with a second city's name between ("평택당진항"), however
# Kiwi reads the whole as one name; not a longer word ("광주항쟁", "여수항로").
_PORT = re.compile(
    r"(?:[가-힣]{2})?(?:신?항(?:구|만)?|(?:국제)?공항)(?:[은는이가을를의에와과도]|으로|(?![가-힣]))"
)
# Words after bare 탄소 that make it about emissions rather than materials.
_EMISSION = re.compile(r"^\s?(?:배출|중립|저감|감축|제로|포집|흡수|발자국|규제|국경)")
_MATERIAL = re.compile(r"^\s?(?:소재|섬유|복합재|산업|부품|기술|융복합|밸리|국가산단)")
# Words after an industry name that make it a property or a means, not the sector:
# 에너지 효율 (energy efficiency), 금융기관/금융 지원 (a bank, financial aid), 벤처펀드 (a fund).
_NOT_SECTOR = {
    "energy": re.compile(
        r"^(?:\s?(?:효율|절감|절약|소비|사용량|비용|요금|진단|손실|낭비)|[을를]\s?(?:활용|이용|사용))"
    ),
    "finance": re.compile(r"^\s?(?:기관|지원|비용|부담|상품|거래|사기)"),
}
_FUND = re.compile(r"^(?:펀드|기금|캐피탈)")
# What may follow the last stem of a ·-list: a particle or a list joiner.
_ITEM_END = set("·와과및의은는이가을를도에")
# A stem that names its industry only beside 분야 or in a list of industries (우주·바이오).
_STEM_CONTEXT = re.compile(r"^\s?분야")


@dataclass(frozen=True)
class Entry:
    label: str
    id: str
    name_ko: str
    name_en: str
    parent: str | None = None  # a region's parent, to settle shared names
    level: str | None = None  # a region's level (province, city, area, ...)
    kind: str | None = None  # an organisation's kind (company, government_body, ...)


@dataclass(frozen=True)
class Mention:
    """A linked name in the clean text: [start, end) offsets and the surface text."""

    label: str
    id: str
    name_ko: str
    name_en: str
    text: str
    start: int
    end: int
    confidence: float = 1.0
    new: bool = False  # proposed by its form, not in the graph yet
    kind: str = ""  # an organisation's kind, where known
    qualifier: tuple[str, ...] = ()  # a designation's industries ("이차전지 특화단지")


class Gazetteer:
    """Surface forms -> graph entries, and the automaton that finds them."""

    def __init__(self, graph: GraphData, organizations: GazetteerFile | None = None) -> None:
        parents = {e.start[1]: e.end[1] for e in graph.edges if e.type == "PART_OF"}
        # Every region each region lies in (a named area may span several cities).
        self.part_of: dict[str, set[str]] = defaultdict(set)
        #: Each industry's broader industries in the taxonomy (polyhierarchy allowed).
        self.broader: dict[str, set[str]] = defaultdict(set)
        for edge in graph.edges:
            if edge.type == "PART_OF":
                self.part_of[edge.start[1]].add(edge.end[1])
            elif edge.type == "BROADER":
                self.broader[edge.start[1]].add(edge.end[1])
        self.surfaces: dict[str, list[Entry]] = defaultdict(list)
        # (surface, organisation id) -> the period in which that form named it.
        self.periods: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        self.governments: dict[str, Entry] = {}
        self.listed: set[str] = set()  # forms that only the organisation gazetteer gives
        spelled: list[tuple[str, Entry]] = []
        for node in graph.nodes.values():
            if node.label not in LINKED_LABELS:
                continue
            entry = Entry(
                node.label,
                node.id,
                node.props["name_ko"],
                node.props["name_en"],
                parents.get(node.id) if node.label == "Region" else None,
                node.props.get("level"),
                node.props.get("kind") if node.label == "Organization" else None,
            )
            names = {node.props["name_ko"], *node.props.get("aliases", [])}
            if node.label != "Region":
                names.add(node.props["name_en"])
            for name in names:
                surface = _key(name)
                if len(surface) >= 2 and entry not in self.surfaces[surface]:
                    self.surfaces[surface].append(entry)
                if node.label == "Designation":
                    spelled.extend((v, entry) for v in scheme_spellings(surface)[1:])
        # "글로벌 혁신 특구" is 글로벌혁신특구: a scheme's other spacings, where no name has them.
        for surface, entry in spelled:
            if surface not in self.surfaces:
                self.surfaces[surface] = [entry]
        self._share_city_forms()
        if organizations is not None:
            self._add_organizations(organizations)
        # A bare word the taxonomy cannot own alone: settled by the words after it.
        for surface, ids in _SHARED.items():
            entries = [e for i in ids for e in _entries_of(self.surfaces, i)]
            if surface not in self.surfaces and len(entries) == len(ids):
                self.surfaces[surface] = entries
        # "우주" of 우주산업: a stem without 산업, linked only in context (see ``_stem_ok``).
        self.stems: set[str] = set()
        for surface, entries in list(self.surfaces.items()):
            stem = surface[:-2]
            if (
                surface.endswith("산업")
                and len(stem) >= 2
                and all(_hangul(c) for c in stem)
                and stem not in self.surfaces
                and all(e.label == "Industry" for e in entries)
            ):
                self.surfaces[stem] = entries
                self.stems.add(stem)
        self.automaton = ahocorasick.Automaton()
        for surface in self.surfaces:
            self.automaton.add_word(surface, surface)
        self.automaton.make_automaton()
        self.by_key = {(e.label, e.id): e for e in self.governments.values()}
        self.by_key |= {(e.label, e.id): e for es in self.surfaces.values() for e in es}
        self.short = {
            s for s, entries in self.surfaces.items() if _short_name(s, entries, s in self.listed)
        }
        # Short words that may sit inside a longer word: industries (방산업 in 전후방산업),
        # where Kiwi's word decides, and organisation names (지스트 in 포토레지스트), refused there.
        self.glued_orgs = self._short_words("Organization")
        self.glued = self._short_words("Industry") | self.glued_orgs

    def _short_words(self, label: str) -> set[str]:
        """The surfaces of three Hangul letters or fewer, no short region name, that stand for
        ``label`` entries only."""
        return {
            s
            for s, entries in self.surfaces.items()
            if s not in self.short
            and _hangul_len(s) == len(s) <= 3
            and all(e.label == label for e in entries)
        }

    def above(self, industry: str) -> set[str]:
        """Every industry above ``industry`` in the taxonomy, however many steps up."""
        seen: set[str] = set()
        todo = [industry]
        while todo:
            for up in self.broader.get(todo.pop(), set()) - seen:
                seen.add(up)
                todo.append(up)
        return seen

    def written_above(self, industry: str, text: str) -> set[str]:
        """The industries above ``industry`` whose own name ``text`` opens with: "이차전지
        양극재" and "배터리팩" name the battery industry before its sub-field."""
        up = self.above(industry)
        if not up:
            return set()
        return {
            e.id
            for end, surface in self.automaton.iter(_fold(text))
            if end + 1 == len(surface)
            for e in self.surfaces[surface]
            if e.label == "Industry" and e.id in up
        }

    def _share_city_forms(self) -> None:
        """ "광주시" names Gwangju in Gyeonggi and, as news writes it, Gwangju Metropolitan
        City too: a city's "<name>시" is shared with the metropolitan city called <name>."""
        for surface, entries in list(self.surfaces.items()):
            if not surface.endswith("시") or not all(e.label == "Region" for e in entries):
                continue
            big = [
                e
                for e in self.surfaces.get(surface[:-1], [])
                if e.level == "metropolitan_city" and e not in entries
            ]
            if big:
                self.surfaces[surface] = [*entries, *big]

    def _add_organizations(self, organizations: GazetteerFile) -> None:
        """The gazetteer's forms; an organisation that is also a graph node keeps its entry."""
        known = {e.id: e for es in self.surfaces.values() for e in es if e.label == "Organization"}
        # Local governments are never mentions (the region is), but funding lines name them.
        self.governments = {
            entry.id: Entry("Organization", entry.id, entry.name_ko, entry.name_en, kind=entry.kind)
            for entry in organizations.organizations
            if orgnames.local_government(entry.id)
        }
        for form in orgnames.forms(organizations):
            entry = known.get(form.id) or Entry(
                "Organization", form.id, form.name_ko, form.name_en, kind=form.kind
            )
            known[form.id] = entry
            surface = _key(form.text)
            if len(surface) < 2:
                continue
            for variant in (surface, *_spaced(surface)):
                if variant not in self.surfaces:
                    self.listed.add(variant)
                if entry not in self.surfaces[variant]:
                    self.surfaces[variant].append(entry)
                if form.valid_from or form.valid_to:
                    self.periods[(variant, form.id)] = (form.valid_from, form.valid_to)

    @classmethod
    def load(cls, data_dir: Path | None = None, *, reference_only: bool = False) -> Gazetteer:
        """From the data files (and the organisation gazetteer); ``reference_only`` leaves out
        the nodes of curated fact files."""
        from ingest.graph.dataset import default_data_dir, load_graph_data

        folder = data_dir or default_data_dir()
        organizations = orgnames.load(folder)
        if not reference_only:
            return cls(load_graph_data(data_dir), organizations)
        builder = GraphBuilder()
        builder.load_reference(folder)
        return cls(builder.graph, organizations)

    def words(self) -> list[tuple[str, str]]:
        """(surface, label) pairs without spaces, for the tokenizer's user dictionary.

        Short region names are left to Kiwi's own dictionary: forced in as proper nouns they
        would make every 강화 (strengthening) Ganghwa and every 예산 (budget) Yesan.
        """
        return [
            (surface, entries[0].label)
            for surface, entries in self.surfaces.items()
            if " " not in surface
            and surface not in self.stems
            and any(_hangul(c) for c in surface)
            and not _short_name(surface, entries, surface in self.listed)
        ]

    def find(
        self, text: str, tokens: Sequence[Token] | None = None, on: str | None = None
    ) -> list[Mention]:
        """Every linked mention in ``text``, in order, longest first, no overlaps.

        With Kiwi's ``tokens`` of the same text, Kiwi's reading decides for short region names
        (see ``_kiwi_verdict``); where it has none, the character rules of ``_bounded`` do.
        ``on`` (ISO date) picks among organisations that a form named in turn.
        """
        spans = sorted(tokens, key=_SPAN_ORDER) if tokens is not None else None
        lowered = _fold(text)
        found: list[tuple[int, int, str]] = []
        glued: list[tuple[int, int, str]] = []  # short region names written onto a word
        for end, surface in self.automaton.iter(lowered):
            start = end - len(surface) + 1
            verdict = None
            short = surface in self.short
            if spans is not None and short:
                verdict = _kiwi_verdict(spans, start, end + 1)
                if verdict is False and _bracketed(text, start, end + 1):
                    verdict = None  # "대전(유성)": a place in brackets after another
                if verdict is False and _after_province(text, start, self.surfaces[surface]):
                    verdict = None  # "경상북도가 구미를": the city's province just before
            elif start and surface in self.glued and _hangul(text[start - 1]):
                # "전후방산업" holds 방산업 but is no defense: a one-syllable stem of 산업
                # glued onto a word, or a match that Kiwi's word starts before.
                if surface.endswith("산업") and len(surface) == 3:
                    continue
                if surface in self.glued_orgs:
                    continue  # "포토레지스트": a short name inside a word, however Kiwi cuts it
                if spans is not None and _kiwi_verdict(spans, start, end + 1) is False:
                    continue
            if short and _PORT.match(text, end + 1):
                verdict = True  # "부산항", "광양항": a port or airport named after its city
            if verdict is False or (short and _person_name(text, start, end + 1)):
                continue
            if verdict is None and not _bounded(text, start, end + 1, surface, short):
                if short and _bounded(text, start, end + 1, surface, False):
                    glued.append((start, end + 1, surface))
                continue
            if surface in self.stems and not self._stem_ok(lowered, start, end + 1):
                continue
            found.append((start, end + 1, surface))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken: list[tuple[int, int, str]] = []
        busy = bytearray(len(text) + 1)
        for start, end, surface in found:
            if not any(busy[start:end]):
                taken.append((start, end, surface))
                busy[start:end] = b"\x01" * (end - start)
        taken += self._glued_regions(glued, taken, busy)
        taken.sort()
        context = {
            e.id for _, _, s in taken for e in self.surfaces[s] if len(self.surfaces[s]) == 1
        }
        mentions = []
        for start, end, surface in taken:
            entry = _resolve(self._in_use(surface, on), text, end, context)
            if (
                entry is not None
                and entry.label == "Organization"
                and (
                    orgnames.local_government(entry.id)
                    or orgnames.refused(text[start:end], text[end : end + 3])
                    or (
                        entry.id.startswith(orgnames.LISTED_PREFIX)
                        and not orgnames.listed_bounded(text, start, end)
                    )
                )
            ):
                continue  # a city hall is its region; 정부 is no particular body
            if (
                entry is not None
                and entry.label == "Organization"
                and surface[0].isascii()
                and start
                and _hangul(text[start - 1])
            ):
                continue  # "에코프로GEM": a Latin form glued onto a Korean name is part of it
            if entry is not None and not _not_sector(entry, text, end):
                mentions.append(
                    Mention(
                        entry.label,
                        entry.id,
                        entry.name_ko,
                        entry.name_en,
                        text[start:end],
                        start,
                        end,
                        kind=entry.kind or "",
                    )
                )
        return mentions

    def _glued_regions(
        self,
        glued: list[tuple[int, int, str]],
        taken: list[tuple[int, int, str]],
        busy: bytearray,
    ) -> list[tuple[int, int, str]]:
        """Short region names glued onto a scheme's name ("경남창원방산혁신클러스터"): written
        right before a designation, or before another such region name."""
        heads = {
            start
            for start, _, surface in taken
            if any(e.label == "Designation" for e in self.surfaces[surface])
        }
        out = []
        for start, end, surface in sorted(glued, reverse=True):
            if end in heads and not any(busy[start:end]):
                out.append((start, end, surface))
                busy[start:end] = b"\x01" * (end - start)
                heads.add(start)
        return out

    def _in_use(self, surface: str, on: str | None) -> list[Entry]:
        """The entries of ``surface``; of organisations it named in turn, the one of ``on``."""
        entries = self.surfaces[surface]
        if len(entries) < 2 or not any((surface, e.id) in self.periods for e in entries):
            return entries
        day = on or "9999-12-30"
        current = [
            e
            for e in entries
            if first_day(self.periods.get((surface, e.id), (None, None))[0]) <= first_day(day)
            and first_day(day) < last_day(self.periods.get((surface, e.id), (None, None))[1])
        ]
        return current or entries

    def _stem_ok(self, lowered: str, start: int, end: int) -> bool:
        """A stem stands for its industry before 분야, or as an item of a ·-list of industries."""
        if _STEM_CONTEXT.match(lowered[end:]):
            return True
        if start and lowered[start - 1] == "·":
            # the last item ends its word: "우주·항공 분야", not "궤도·전자파"
            return end >= len(lowered) or not _hangul(lowered[end]) or lowered[end] in _ITEM_END
        if end < len(lowered) and lowered[end] == "·":
            nxt = re.match(r"[^\s·,.]+", lowered[end + 1 :])
            word = nxt.group() if nxt else ""
            return any(
                word[:n] not in self.stems
                and any(e.label == "Industry" for e in self.surfaces.get(word[:n], []))
                for n in range(2, len(word) + 1)
            )
        return False


def _not_sector(entry: Entry, text: str, end: int) -> bool:
    """An industry word used for a property or a means (에너지 효율, 금융 지원, 벤처펀드)."""
    if entry.label != "Industry":
        return False
    after = text[end : end + 12]
    rule = _NOT_SECTOR.get(entry.id)
    return bool(_FUND.match(after) or (rule and rule.match(after)))


_SHARED = {"탄소": ("carbon-materials", "carbon-neutrality")}
# Kiwi's tokens in the order ``_kiwi_verdict`` searches them.
_SPAN_ORDER = operator.attrgetter("start", "end", "tag")


def _entries_of(surfaces: dict[str, list[Entry]], node_id: str) -> list[Entry]:
    for entries in surfaces.values():
        for entry in entries:
            if entry.id == node_id:
                return [entry]
    return []


_SCRIPT_CHANGE = re.compile(r"(?<=[a-z0-9])(?=[가-힣])|(?<=[가-힣])(?=[a-z])")


def _spaced(surface: str) -> list[str]:
    """ "sk 하이닉스" for "sk하이닉스": news writes a space where the script changes."""
    if " " in surface or not _SCRIPT_CHANGE.search(surface):
        return []
    return [_SCRIPT_CHANGE.sub(" ", surface, count=1)]


def surface_key(name: str) -> str:
    """A name as the gazetteer keys it: spaces squeezed, lower case."""
    return _fold(re.sub(r"\s+", " ", name.strip()))


_key = surface_key


def _fold(text: str) -> str:
    """Lower case, one character for one, so offsets in the result are offsets in ``text``.

    ``str.lower`` turns a few letters into two (İ -> i + combining dot); those keep their
    single-letter lower case where it exists and stay as they are otherwise.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def _hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _kiwi_verdict(spans: list[Token], start: int, end: int) -> bool | None:
    """What Kiwi's tokens say of [start, end): a place name (True), not one (False), or unsure.

    Kiwi reading the very span as a proper noun settles compounds such as 전주경제 and
    구미기업; reading it as an ordinary word (강화, 예산, 세계 대전) or seeing it start inside
    another word (성주 in the name 정성주) rules it out.
    """
    i = bisect.bisect_left(spans, (start, -1, ""), key=_SPAN_ORDER)
    if i > 0 and spans[i - 1].end > start:
        return False
    same = [t.tag for t in spans[i : i + 3] if t.start == start and t.end == end]
    if not same:
        return None
    return "NNP" in same


# A person written as surname + given name and a title: 정선영 국장, 박진주 시 과장.
_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주")
_SURNAMES |= set("우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹")
_SURNAMES |= set("제모탁국어은편용예경봉")
_TITLE = re.compile(
    r"^\s(?:[가-힣]{1,8}\s){0,2}?[가-힣]{0,8}"
    r"(?:국장|과장|팀장|실장|부장|차장|시장|군수|지사|구청장|기자|대표|교수|의원|위원장|원장|소장|"
    r"센터장|회장|사장|장관|차관|청장|주무관|연구원|씨|님)"
    r"(?:은|는|이|가|을|를|의|과|와|도|에게|께서)?(?![가-힣])"
)


def _person_name(text: str, start: int, end: int) -> bool:
    """A two-syllable region name that is the start of a three-syllable personal name."""
    if end - start != 2 or text[start] not in _SURNAMES:
        return False
    if start and _hangul(text[start - 1]):
        return False
    if end >= len(text) or not _hangul(text[end]) or text[end] in _REGION_FOLLOWERS:
        return False
    word_end = end + 1
    if word_end < len(text) and _hangul(text[word_end]):
        return False
    return bool(_TITLE.match(text[word_end : word_end + 24]))


def _short_name(surface: str, entries: list[Entry], listed: bool = False) -> bool:
    """A region name of one or two syllables (전주, 강화, 예산), or such a short form of the
    organisation gazetteer (``listed``: 기아, 효성, 수은): often an ordinary word too."""
    if all(e.label == "Region" for e in entries):
        return _hangul_len(surface) <= 2
    return (
        listed
        and all(e.label == "Organization" for e in entries)
        and len(surface) <= 2
        and all(_hangul(c) for c in surface)
    )


@lru_cache(maxsize=8192)
def _hangul_len(surface: str) -> int:
    return sum(1 for c in surface if _hangul(c))


def _bounded(text: str, start: int, end: int, surface: str, short: bool) -> bool:
    """Character rules at the edges of a match; ``short``: a short region name (see below)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if surface[0].isascii() and surface[0].isalnum() and before.isascii() and before.isalnum():
        return False
    if surface[-1].isascii() and surface[-1].isalnum() and after.isascii() and after.isalnum():
        return False
    if _hangul(surface[0]) and _hangul_len(surface) <= 2 and (_hangul(before) or before.isdigit()):
        return False  # "온전주", "5전북": inside another word
    return not (short and _hangul(after) and after not in _REGION_FOLLOWERS)


def _resolve(entries: list[Entry], text: str, end: int, context: set[str]) -> Entry | None:
    """The entry a surface stands for here, or None when it cannot be told."""
    if len(entries) == 1:
        return entries[0]
    by_id = {e.id: e for e in entries}
    if "carbon-materials" in by_id and "carbon-neutrality" in by_id:
        # 탄소 alone: emissions when 배출/중립/저감... follow, otherwise the material
        # (industry lists such as "수소와 탄소, 드론" name the carbon-materials industry).
        emission = _EMISSION.match(text[end:]) and not _MATERIAL.match(text[end:])
        return by_id["carbon-neutrality" if emission else "carbon-materials"]
    near = [e for e in entries if e.parent in context or e.id in context]
    if len(near) == 1:
        return near[0]
    # "경기 광주": a parent written just before settles it; otherwise a metropolitan city
    # named in the document is the one meant (광주 is Gwangju, not Gwangju in Gyeonggi).
    before = text[max(0, end - 16) : end]
    adjacent = [e for e in near if e.parent and e.parent in context and _named_before(before, e)]
    if len(adjacent) == 1:
        return adjacent[0]
    # "울산에서는 … 동구, 북구": the parent named last before it in its sentence settles it.
    sentence = re.split(r"[.!?\n]", text[max(0, end - 80) : end])[-1]
    spots = {e.id: _last_named(sentence, e) for e in near}
    latest = max(spots.values(), default=-1)
    if latest >= 0 and list(spots.values()).count(latest) == 1:
        return by_id[max(spots, key=lambda i: spots[i])]
    big = [e for e in near if e.level in ("metropolitan_city", "province") and e.id in context]
    if not near:  # nothing in the text settles it: the metropolitan city is the one news means
        big = [e for e in entries if e.level in ("metropolitan_city", "province")]
    return big[0] if len(big) == 1 else None


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether a name is an item of a bracket right after a Hangul word: "대전(유성)",
    "강원(춘천·홍천)"."""
    opened = start >= 2 and text[start - 1] in "(·" and _hangul(text[start - 2])
    return opened and end < len(text) and text[end] in ")·"


def _after_province(text: str, start: int, entries: list[Entry]) -> bool:
    """Whether the word before a short region name is its province ("경북 구미를", "경상북도가
    구미를"): Kiwi may read the name as an ordinary word (구미 appetite, 청주 rice wine)."""
    before = text[max(0, start - 8) : start]
    return any(
        e.label == "Region" and re.search(rf"{word}\S{{0,3}}\s$", before) is not None
        for e in entries
        for word in _PARENT_WORDS.get(e.parent or "", ())
    )


def _named_before(before: str, entry: Entry) -> bool:
    """Whether the text right before a shared name ends with its parent's short name."""
    parent = _PARENT_WORDS.get(entry.parent or "", ())
    return any(re.search(rf"{word}\S{{0,2}}\s\S+$", before) for word in parent)


def _last_named(sentence: str, entry: Entry) -> int:
    """Where ``sentence`` last names the parent of ``entry`` (-1 when it does not)."""
    return max((sentence.rfind(w) for w in _PARENT_WORDS.get(entry.parent or "", ())), default=-1)


# Short names of the provinces and metropolitan cities that share place names with others.
_PARENT_WORDS: dict[str, tuple[str, ...]] = {
    "seoul": ("서울",),
    "busan": ("부산",),
    "daegu": ("대구",),
    "incheon": ("인천",),
    "gwangju": ("광주",),
    "daejeon": ("대전",),
    "ulsan": ("울산",),
    "gyeonggi": ("경기",),
    "gangwon": ("강원",),
    "chungbuk": ("충북", "충청북"),
    "chungnam": ("충남", "충청남"),
    "jeonbuk": ("전북", "전라북"),
    "jeonnam": ("전남", "전라남"),
    "gyeongbuk": ("경북", "경상북"),
    "gyeongnam": ("경남", "경상남"),
}
