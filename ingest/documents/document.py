"""One document through the whole pipeline: raw text -> entities and candidate facts.

normalise (offset map) -> sentences and tokens (Kiwi + user dictionary) -> linked mentions
(Aho-Corasick) and new organisations (by form) -> candidate facts per sentence -> offsets
mapped back to the raw text. ``Extraction`` is what ``rsg extract --format json`` prints.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from pathlib import Path

from pydantic import BaseModel

from ingest.documents import calibration, designation
from ingest.documents.calibration import Calibration
from ingest.documents.candidate import Candidate, Context, span
from ingest.documents.extractor import extract
from ingest.documents.investment import amount_note, sole_company, subject_investor
from ingest.documents.matcher import Gazetteer, Mention
from ingest.documents.normalize import Normalized, normalize
from ingest.documents.orgclause import find_by_clause, seat_only
from ingest.documents.orgform import OrgCandidate, find_organizations
from ingest.documents.orgnames import (
    builds_on,
    kind_of_place,
    named_aside,
    owner_group,
    tokens_within,
    word_start,
    written_again,
)
from ingest.documents.places import in_passing
from ingest.documents.proposal import proposal_fields
from ingest.documents.reader import RawText
from ingest.documents.source import source_info
from ingest.documents.spans import Spans, Stretch
from ingest.documents.topics import document_industries
from ingest.korean.numbers import find_amounts
from ingest.korean.sentences import Sentence, Token, Tokenizer, tokenizer_for

#: New organisations below this confidence are not proposed.
MIN_ORG_CONFIDENCE = 0.5
_GAP = re.compile(r"[\s\ufffd]+")


class DocumentInfo(BaseModel):
    path: str
    published: str | None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None


class Entity(BaseModel):
    type: str
    id: str | None
    name_ko: str | None
    name_en: str | None
    text: str
    start: int
    end: int
    value: int | None = None  # Amount: integer KRW
    #: Amount: "forecast", "agreement total" or "group total" where the text makes it one
    #: (never anyone's investment); None otherwise.
    note: str | None = None
    #: An organisation: how likely it takes part in what the document reports, by its class
    #: of evidence (``ingest.documents.calibration``).
    confidence: float | None = None


class Fact(BaseModel):
    type: str
    subject: str
    object: str
    amount_krw: int | None
    amount_text: str | None
    date: str | None
    evidence: str
    start: int
    end: int
    confidence: float


class Extraction(BaseModel):
    document: DocumentInfo
    entities: list[Entity]
    facts: list[Fact]
    #: The industries the document is about (``ingest.documents.topics``): those of its facts
    #: and of its own statements, not of definitions, national category lists or umbrella
    #: words.
    industries: list[str] = []


_FACT_FIELDS = tuple(Fact.model_fields)


class ExtractedFact(Fact):
    """A fact with the properties the review step needs (role, basis, value, unit)."""

    props: dict[str, str] = {}
    sentence: str = ""


class Pipeline:
    """Gazetteer and tokenizer loaded once; ``run`` takes one document at a time."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        tokenizer: Tokenizer | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.calibration = calibration or Calibration()
        self.tokenizer = tokenizer or tokenizer_for(tuple(sorted(gazetteer.words())))
        # What every document's context needs from the gazetteer, worked out once.
        self._governments = self._region_governments()
        self._parents = {e.id: e.parent for e in gazetteer.by_key.values() if e.parent}
        self._levels = {
            e.id: e.level for e in gazetteer.by_key.values() if e.label == "Region" and e.level
        }

    @classmethod
    def load(
        cls, data_dir: Path | None = None, *, reference_only: bool = False, calibrated: bool = True
    ) -> Pipeline:
        """The pipeline of the data folder's reference data; ``calibrated=False`` leaves
        every confidence as its rule gives it (what ``rsg calibrate`` counts)."""
        from ingest.graph.dataset import default_data_dir

        table = calibration.load(data_dir or default_data_dir()) if calibrated else None
        return cls(Gazetteer.load(data_dir, reference_only=reference_only), calibration=table)

    def run(
        self, raw: RawText, published: date | None = None
    ) -> tuple[Extraction, list[ExtractedFact]]:
        """Entities and candidate facts of one document; without ``published`` the date the
        document states (its metadata, a time stamp) resolves relative dates."""
        from ingest.documents.published import parse_iso

        norm = normalize(raw.text)
        source = source_info(raw, [(d.start, d.end) for d in norm.dropped])
        published = published or parse_iso(source.published)
        text = norm.text
        sentences = self.tokenizer.sentences(text)
        mentions = self.mentions(
            text,
            [t for sent in sentences for t in sent.tokens],
            published.isoformat() if published else None,
        )
        main, strong = self._main_region(mentions, text)
        ctx = Context(main, published, self._governments, self._parents, self._levels, strong)
        ctx.sole = sole_company(mentions)
        starts = [m.start for m in mentions]  # mentions are sorted by start
        candidates: dict[tuple[str, str, str, int | None], Candidate] = {}
        sentence_of: dict[tuple[str, str, str, int | None], tuple[int, int]] = {}
        for sent in sentences:
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            inside = [m for m in mentions[lo:hi] if m.end <= sent.end]
            for cand in extract(sent, text, inside, ctx):
                if not cand.subject or not cand.object or cand.subject == cand.object:
                    continue
                key = cand.key()
                if key not in candidates or cand.confidence > candidates[key].confidence:
                    candidates[key] = cand
                    sentence_of[key] = (sent.start, sent.end)
            ctx.previous = [m for m in inside if m.label == "Organization"]
            ctx.investor = subject_investor(text, sent.start, sent.end, inside) or ctx.investor
        entities = [self._entity(m, norm) for m in mentions]
        sent_starts = [sent.start for sent in sentences]
        for money in find_amounts(text):
            rs, re_ = norm.to_raw(money.start, money.end)
            at = sentences[max(0, bisect.bisect_right(sent_starts, money.start) - 1)]
            lo, hi = bisect.bisect_left(starts, at.start), bisect.bisect_left(starts, at.end)
            note = amount_note(text, at.start, at.end, money, mentions[lo:hi])
            entities.append(
                Entity(
                    type="Amount",
                    id=None,
                    name_ko=None,
                    name_en=None,
                    text=money.text,
                    start=rs,
                    end=re_,
                    value=money.krw,
                    note=note,
                )
            )
        entities.sort(key=lambda ent: (ent.start, ent.end))
        kept = {id(c) for c in designation.most_specific(list(candidates.values()), self._parents)}
        facts = [
            self._fact(c, norm, text[sentence_of[k][0] : sentence_of[k][1]])
            for k, c in sorted(candidates.items(), key=lambda kv: kv[1].start)
            if id(c) in kept
        ]
        facts = [self._fact_calibrated(f) for f in facts]
        info = DocumentInfo(
            path=str(raw.path),
            published=published.isoformat() if published else None,
            title=source.title,
            publisher=source.publisher,
            url=source.url,
        )
        plain = [Fact(**{k: getattr(f, k) for k in _FACT_FIELDS}) for f in facts]
        entities = self._calibrated(entities, plain)
        industries = document_industries(
            text,
            sentences,
            mentions,
            {i for f in facts for i in f.props.get("industry", "").split(",") if i},
            self.gazetteer,
            source.title,
        )
        proposals = _proposals(mentions, norm, sentences)
        return (
            Extraction(document=info, entities=entities, facts=plain, industries=industries),
            [*facts, *proposals],
        )

    def mentions(
        self, text: str, tokens: Sequence[Token] | None = None, on: str | None = None
    ) -> list[Mention]:
        """Linked mentions plus new organisations; a name inside an organisation's name yields.

        ``on`` is the document's date (ISO), for organisations renamed since."""
        linked = self.gazetteer.find(text, tokens, on)
        aside = named_aside(text, [(m.start, m.end) for m in linked if m.label == "Organization"])
        linked = [m for m in linked if (m.start, m.end) not in aside]  # "(SK)가스", customers
        new: list[Mention] = _regional_bodies(text, linked) + _university_units(text, linked)
        orgs = [m for m in linked if m.label == "Organization"]
        known = {m.start: m.end for m in linked}
        by_clause = find_by_clause(text, known, tokens or (), {m.start for m in orgs})
        placed = Spans(linked)  # the linked names still standing
        named = Spans([*orgs, *new])  # the organisations linked or found so far
        gone: set[int] = set()  # linked names that turned out to be part of a new name
        for cand in _without_overlaps(find_organizations(text, tokens or ()), by_clause):
            if cand.confidence < MIN_ORG_CONFIDENCE:
                continue
            near = placed.overlapping(cand.start, cand.end)
            if any((m.start, m.end) == (cand.start, cand.end) for m in near):
                continue  # "남동공단" is a named place, whatever its name ends in
            if (cand.start, cand.end) in aside:
                continue  # a customer or a parent set aside is not found again by its form
            overlapping = [(m.start, m.end) for m in named.overlapping(cand.start, cand.end)]
            if overlapping and not builds_on(text, cand.start, cand.end, overlapping):
                continue  # "SK디스커버리" is a name of its own, "SK" inside it yields
            inner = [m for m in near if cand.start <= m.start and m.end <= cand.end]
            if kind_of_place(
                text,
                cand.start,
                cand.end,
                [(m.start, m.end) for m in inner if m.label == "Industry"],
            ):
                continue  # "화장품연구소": a kind of place, not one organisation
            if any(m not in inner for m in near):
                continue  # a linked name crossing the candidate's edge
            for m in inner:  # "울산테크노파크": 울산 is part of the name, not a mention
                placed.discard(m)
                gone.add(id(m))
            new.append(
                Mention(
                    "Organization",
                    "",
                    cand.name,
                    "",
                    cand.name,
                    cand.start,
                    cand.end,
                    cand.confidence,
                    new=True,
                    kind=cand.kind,
                )
            )
            named.add(new[-1])
        linked = [m for m in linked if id(m) not in gone]
        new += _region_named(text, linked, new)  # after the call: it takes the parts out
        places = {m.start for m in linked if m.label == "Region"}
        new = [_committee_named(text, m, tokens or (), places) for m in new]
        by_name = {m.text: m for m in new}
        # A place or industry word inside a name written again ("강원이솔루션은") yields to it.
        taken = [(m.start, m.end) for m in [*orgs, *new]]
        again = written_again(text, list(by_name), taken)
        repeated = Spans(Stretch(a, b) for a, b in again)
        linked = [
            m
            for m in linked
            if m.label == "Organization" or not repeated.overlapping(m.start, m.end)
        ]
        for a, b in again:  # "매티스와 투자협약 … 매티스는 …": the same new organisation
            first = by_name[text[a:b]]
            new.append(_new_organization(text, a, b, first.confidence, first.kind))
        ordered = sorted([*linked, *new], key=lambda m: m.start)
        ordered = [  # "A그룹 계열사인 B": a group named only as an owner
            m
            for m in ordered
            if m.label != "Organization" or not owner_group(text, m.start, m.end, m.id)
        ]
        return designation.complete(text, _guests_dropped(text, in_passing(text, ordered)))

    def _main_region(self, mentions: list[Mention], text: str) -> tuple[str | None, bool]:
        """The region the document is about, and whether it clearly is (named often and
        early, well ahead of any other region)."""
        counts: Counter[str] = Counter()
        for m in mentions:
            if m.label == "Region":
                entry = self.gazetteer.by_key.get(("Region", m.id))
                if entry is not None and entry.level != "area":
                    counts[m.id] += 3 if m.start < 300 else 1
        if not counts:
            return None, False
        main, top = counts.most_common(1)[0]
        family = {main, *self._ancestors(main)}
        second = max(
            (
                n
                for region, n in counts.items()
                if region not in family and main not in self._ancestors(region)
            ),
            default=0,
        )
        return main, top >= 6 and top >= 2 * second

    def _ancestors(self, region: str) -> set[str]:
        found: set[str] = set()
        step = self._parents.get(region)
        while step is not None and step not in found:
            found.add(step)
            step = self._parents.get(step)
        return found

    def _region_governments(self) -> dict[str, str]:
        return {
            node_id[4:]: f"Organization:{node_id}"
            for (label, node_id) in self.gazetteer.by_key
            if label == "Organization" and node_id.startswith("gov-")
        }

    def _fact_calibrated(self, fact: ExtractedFact) -> ExtractedFact:
        """A fact the gold can settle, with the confidence of its rule's figure in the
        calibration table."""
        confidence = self.calibration.fact_confidence(fact.type, fact.confidence)
        return fact if confidence is None else fact.model_copy(update={"confidence": confidence})

    def _calibrated(self, entities: list[Entity], facts: list[Fact]) -> list[Entity]:
        """Organisations with the confidence of their class of evidence (``calibration``)."""
        orgs = [(e.id, e.text) for e in entities if e.type == "Organization"]
        classes = calibration.evidence(orgs, [(f.type, f.subject, f.object) for f in facts])
        return [
            e.model_copy(
                update={
                    "confidence": self.calibration.confidence(
                        classes[calibration.reference(e.id, e.text)]
                    )
                }
            )
            if e.type == "Organization"
            else e
            for e in entities
        ]

    @staticmethod
    def _entity(m: Mention, norm: Normalized) -> Entity:
        rs, re_ = norm.to_raw(m.start, m.end)
        return Entity(
            type=m.label,
            id=m.id or None,
            name_ko=m.name_ko or None,
            name_en=m.name_en or None,
            text=m.text,
            start=rs,
            end=re_,
        )

    @staticmethod
    def _fact(c: Candidate, norm: Normalized, sentence: str) -> ExtractedFact:
        rs, re_ = norm.to_raw(c.start, c.end)
        return ExtractedFact(
            type=c.type,
            subject=c.subject,
            object=c.object,
            amount_krw=c.amount_krw,
            amount_text=c.amount_text,
            date=c.date,
            evidence=evidence_text(norm.raw, rs, re_),
            start=rs,
            end=re_,
            confidence=round(c.confidence, 2),
            props=c.props,
            sentence=sentence,
        )


def _guests_dropped(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the public bodies, universities, institutes and associations the
    text names once, and only as where a guest comes from ("홍길동 한빛연구원 원장, … 등이
    참석"): no party to the story. A company's chief at a signing stands for a party."""
    orgs = [m for m in mentions if m.label == "Organization"]
    times = Counter(m.id or m.text for m in orgs)
    return [
        m
        for m in mentions
        if m.label != "Organization"
        or times[m.id or m.text] > 1
        or (m.kind == "company" and not _ASSOCIATION_NAME.search(m.text))
        or not seat_only(text, m.start, m.end)
    ]


# Names of associations whatever kind the form gave them ("한빛상공회의소").
_ASSOCIATION_NAME = re.compile(r"(?:상공회의소|협회|협동조합|조합|연합회)$")


def _proposals(
    mentions: list[Mention], norm: Normalized, sentences: Sequence[Sentence]
) -> list[ExtractedFact]:
    """One review item per new organisation name: a proposed gazetteer entry
    (``ingest.documents.proposal``), with the sentence it was first seen in."""
    out: dict[str, ExtractedFact] = {}
    starts = [sent.start for sent in sentences]
    for m in mentions:
        if not m.new or m.text in out:
            continue
        sent = sentences[max(0, bisect.bisect_right(starts, m.start) - 1)] if sentences else None
        a, b = span(
            norm.text, sent.start if sent else m.start, sent.end if sent else m.end, m.start, m.end
        )
        rs, re_ = norm.to_raw(a, b)
        out[m.text] = ExtractedFact(
            **proposal_fields(m.text, m.kind),
            amount_krw=None,
            amount_text=None,
            date=None,
            evidence=evidence_text(norm.raw, rs, re_),
            start=rs,
            end=re_,
            confidence=round(m.confidence, 2),
            props={"kind": m.kind or "company"},
            sentence=sent.text if sent else "",
        )
    return list(out.values())


def _without_overlaps(*groups: list[OrgCandidate]) -> list[OrgCandidate]:
    kept: list[OrgCandidate] = []
    # At one start, the surer name first, then the longer ("㈜천보 비엘에스" over "㈜천보").
    ordered = sorted((c for g in groups for c in g), key=lambda c: (c.start, -c.confidence, -c.end))
    held: Spans[OrgCandidate] = Spans()
    for cand in ordered:
        if not held.overlapping(cand.start, cand.end):
            kept.append(cand)
            held.add(cand)
    return kept


def evidence_text(raw: str, start: int, end: int) -> str:
    """The raw span with each run of whitespace and U+FFFD written as one space."""
    return _GAP.sub(" ", raw[start:end]).strip()


# A university's own bodies written after its name: "서울대 산학협력단", "충북대병원".
_UNIT = re.compile(
    r"\s?(?:산학협력단|기술지주(?:회사)?|병원|의과대학|치과병원)"
    r"(?=$|[^가-힣]|(?:은|는|이|가|을|를|의|에|와|과|도|로|으로|에서)(?:[^가-힣]|$))"
)


def _new_organization(text: str, start: int, end: int, confidence: float, kind: str) -> Mention:
    """A new organisation (not in the gazetteer) named by ``text[start:end]``."""
    name = text[start:end]
    return Mention("Organization", "", name, "", name, start, end, confidence, new=True, kind=kind)


def _in_place_of(linked: list[Mention], found: list[Mention]) -> list[Mention]:
    """Take out of ``linked`` every mention inside one of ``found``; give back ``found``."""
    for m in found:
        linked[:] = [x for x in linked if not (m.start <= x.start and x.end <= m.end)]
    return found


# A committee or council, named by what it is for in words written before it ("반도체산업
# 육성 발전협의회", "노후산단 경쟁력강화추진위원회"): the words are nouns only, up to three,
# after a clause's end (a particle, an ending, punctuation); words of time are no part.
_COUNCIL = re.compile(r"(?:위원회|협의회|협의체|추진단)$")
_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "XSN", "XPN"})
_NOT_NAMING = frozenset(
    {"이날", "오늘", "올해", "지난해", "내년", "이번", "최근", "현재", "향후", "지난"}
)


def _committee_named(text: str, org: Mention, tokens: Sequence[Token], places: set[int]) -> Mention:
    """The committee ``org`` with the noun words naming it before it, if any; a place's name
    (a start in ``places``) is no part of it ("신안 발전사협의회": the council is in 신안)."""
    if not org.new or not _COUNCIL.search(org.text) or not tokens:
        return org
    start = org.start
    for _ in range(3):
        if start < 2 or text[start - 1] != " ":
            break
        word = word_start(text, start - 1)
        inside = tokens_within(word, start - 1, tokens)
        if (
            not inside
            or text[word : start - 1] in _NOT_NAMING
            or word in places
            or not all(t.tag in _NOUN_TAGS for t in inside)
            or inside[0].start != word
        ):
            break
        start = word
    if start == org.start:
        return org
    if start > 0 and text[start - 1] not in "\n'\"‘“(":
        before = tokens_within(word_start(text, start - 1), start - 1, tokens)
        if (
            not before
            or before[-1].end != start - 1
            or not before[-1].tag.startswith(("J", "E", "S"))
        ):
            return org  # a longer run of nouns: where the name begins is unclear
    return _new_organization(text, start, org.end, org.confidence, org.kind)


def _region_named(text: str, linked: list[Mention], new: list[Mention]) -> list[Mention]:
    """A new institute or public body written after a region's name with a space ("전주
    소재부품기술원", "대구 제9산단관리공단") carries the region in its name: both mentions
    give way to one organisation of the whole (the body is the region's own, not a national
    one seen there). Returns the merged organisations; ``linked`` and ``new`` lose the parts."""
    regions = {m.end: m for m in linked if m.label == "Region"}
    out: list[Mention] = []
    for org in list(new):
        if org.kind not in ("research_institute", "public_institution"):
            continue
        region = regions.get(org.start - 1)
        if region is None or text[region.end] != " ":
            continue
        new.remove(org)
        linked.remove(region)
        merged = _new_organization(text, region.start, org.end, org.confidence, org.kind)
        out.append(merged)
    return out


def _university_units(text: str, linked: list[Mention]) -> list[Mention]:
    """Take each university followed by one of its own bodies out of ``linked`` and give back
    that body as a new organisation in its place."""
    out = []
    for m in linked:
        unit = _UNIT.match(text, m.end) if m.label == "Organization" else None
        if unit is not None and m.kind == "university":
            kind = "public_institution" if "병원" in unit.group() else "university"
            out.append(_new_organization(text, m.start, unit.end(), 0.8, kind))
    return _in_place_of(linked, out)


# A national committee's name after a region's is that region's own body ("제주특별자치도
# 수소경제위원회" is Jeju's committee, not the national one).
_BODY = re.compile(r"(?:위원회|협의회|추진단|추진위원회)$")
# A national association with a region glued before it is the region's own ("경남로봇산업협회").
_ASSOCIATION = re.compile(r"(?:협회|연합회)$")


def _regional_bodies(text: str, linked: list[Mention]) -> list[Mention]:
    """Take each national body written right after a region's name out of ``linked`` and
    give back the region's own body as a new organisation in its place."""
    out = []
    for region, org in pairwise(linked):
        if (
            region.label == "Region"
            and org.label == "Organization"
            and _BODY.search(org.name_ko)
            and text[region.end : org.start] in ("", " ")
        ):
            out.append(_new_organization(text, region.start, org.end, 0.8, "government_body"))
        elif (
            region.label == "Region"
            and org.label == "Organization"
            and _ASSOCIATION.search(org.text)
            and region.end == org.start
            and not org.text.startswith(("한국", "대한"))
        ):
            out.append(_new_organization(text, region.start, org.end, 0.8, "association"))
    return _in_place_of(linked, out)
