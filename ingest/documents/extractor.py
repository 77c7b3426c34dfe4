"""Typed candidate facts per sentence, each with its evidence span and a confidence.

Rules read one sentence at a time, with the linked mentions, amounts and dates found in it:
cue words (육성, 지정, 투자, 협력, 개최, ...) decide the fact type, the mentions fill subject
and object. A sentence without an explicit region speaks of the document's main region
("시는", "도는"). Everything here works on clean-text offsets; ``document.py`` maps them
back to the raw text. The money and target rules are in ``ingest.documents.funding``; the candidate
fact and the helpers every rule shares in ``ingest.documents.candidate``.
"""

from __future__ import annotations

import itertools
import re

from ingest.documents.candidate import Candidate, Context, Cues, ref, span
from ingest.documents.designation import continued_designation, designation_facts
from ingest.documents.funding import money, targets
from ingest.documents.initiative import initiative_name, trim_name
from ingest.documents.investment import sentence_topic
from ingest.documents.matcher import Mention
from ingest.korean.dates import DateValue, find_dates
from ingest.korean.numbers import Count, Quantity, find_quantities
from ingest.korean.sentences import Sentence

_PURSUE = re.compile(
    r"육성|추진|조성|선정|집중|키우|키워|구축|선도|거점|유치|고도화|전략산업|신산업|성장동력|먹거리|"
    r"특화|생태계|클러스터|기반|도약|산업화|본격화|강화|확보|확충|늘리|늘려"
)
_COOPERATE = re.compile(r"협력|협업|공동|초광역|상생|연대|협약")
_PARTICIPATE = {
    "operator": re.compile(r"운영|주관|총괄|맡"),
    "investor": re.compile(r"투자"),
    "tenant": re.compile(r"가동|입주"),
    "partner": re.compile(r"참여|참가|협력|협업|연계"),
    "supporter": re.compile(r"지원|돕|도왔|건의"),
}
_EVENT = re.compile(
    r"(?P<name>[\w·&\-]+(?:\s[\w·&\-]+){0,3}?\s?"
    r"(?:박람회|축제|월드컵|국제대회|대회|포럼|보고회|간담회|협약식|준공식|기공식|착공식|"
    r"개소식|출범식|기자회견|설명회|세미나|결의대회|(?:위원회|협의회|추진단)\s?출범))"
)
_EVENT_CUE = re.compile(r"개최|열린|열렸|열며|열어|연다|열고|가졌|개소|출범|시작으로")
_LAW = re.compile(
    r"[‘'\"“]?(?P<name>[\w·\s]{2,30}?(?:특별법|조례|법률|시행령|법))(?=[’'\"”]?\s?(?:제정|개정|발의|에|을|이|의|‘|’|\s))"
)
_LAW_WORD = re.compile(r"법|조례|시행령")  # cheap test before the costly _LAW
_SUBJECT_PARTICLE = re.compile(r"^(?:은|는|이|가|에서는|에서)(?![가-힣])")
_ANAPHOR = re.compile(r"(?:^|\s)(?:시|도|군|구|시와|도와)(?:는|가|도)\s")


def extract(
    sentence: Sentence, text: str, mentions: list[Mention], ctx: Context
) -> list[Candidate]:
    """Candidate facts of one sentence; ``mentions`` are those inside it."""
    s, e = sentence.start, sentence.end
    body = text[s:e]
    quantities = find_quantities(body, offset=s)
    dates = (
        find_dates(body, ctx.published, offset=s)
        if _needs_dates(body, mentions, quantities)
        else []
    )
    regions = [m for m in mentions if m.label == "Region"]
    subject = _subject(body, s, regions, ctx)
    out: list[Candidate] = []
    out += _pursues(text, s, e, subject, mentions)
    partner = _joint_subject(text, regions, subject)
    if partner is not None and subject is not None:
        # "충청북도와 청주시가 ... 육성": both pursue, and they work together.
        out += _pursues(text, s, e, ref(partner), mentions)
        a, b = span(text, s, e, partner.start, partner.end + 12)
        out.append(Candidate("COOPERATES_WITH", subject, ref(partner), a, b, 0.5))
    held = designation_facts(text, s, e, subject, mentions, dates, ctx)
    held = held or continued_designation(text, s, e, mentions, ctx)
    ctx.last_scheme = next(
        ((c.type, c.object, c.props) for c in held if c.type in ("HOLDS", "SEEKS")),
        ctx.last_scheme,
    )
    out += held
    out += _cooperation(text, s, e, subject, regions)
    out += money(text, s, e, subject, mentions, quantities, ctx)
    out += _participation(text, s, e, mentions, ctx)
    out += targets(text, s, e, subject, quantities, dates)
    out += _events_and_laws(text, s, e, subject, dates)
    # What this sentence names is what the next one speaks of ("이 사업은", "… 참여한다").
    ctx.earlier.append((s, e, _ends(mentions)))
    ctx.topic = sentence_topic(text, s, e, mentions, ctx.topic)
    investors = {c.subject for c in out if c.type == "INVESTS_IN"}
    # An investor's own investment is its INVESTS_IN fact, not a part in an initiative.
    return [
        c
        for c in out
        if not (
            c.type == "PARTICIPATES_IN"
            and c.props.get("role") == "investor"
            and c.subject in investors
        )
    ]


def _ends(mentions: list[Mention]) -> frozenset[int]:
    return frozenset(m.end for m in mentions)


def _needs_dates(body: str, mentions: list[Mention], quantities: list[Quantity]) -> bool:
    """Whether a rule below reads dates: a designation, a count, an event or law cue.

    Most sentences have none; reading their dates anyway was a quarter of ``extract``'s time.
    """
    return (
        any(m.label == "Designation" for m in mentions)
        or any(isinstance(q, Count) for q in quantities)
        or bool(_EVENT_CUE.search(body) or _LAW_WORD.search(body))
    )


def _subject(body: str, s: int, regions: list[Mention], ctx: Context) -> str | None:
    for m in regions:
        if _SUBJECT_PARTICLE.match(body[m.end - s :]):
            return ref(m)
    if ctx.main_region:
        # "도는" in a city's document speaks of the province the city is in.
        province = ctx.parents.get(ctx.main_region)
        if province and re.match(r"\s?도(?:는|가|와|에서는)\s", body):
            return f"Region:{province}"
        return f"Region:{ctx.main_region}"
    return ref(regions[0]) if regions else None


def _joint_subject(text: str, regions: list[Mention], subject: str | None) -> Mention | None:
    """The region joined to the subject region by 와/과/· ("경상남도와 창원시가"), if any."""
    for first, second in itertools.pairwise(regions):
        if (
            ref(second) == subject
            and ref(first) != subject
            and re.fullmatch(r"(?:와|과)\s|·", text[first.end : second.start])
        ):
            return first
    return None


def _based_on(text: str, end: int) -> int:
    """Where "기반" right after a name starts ("인공지능 기반 장비": AI-based, not pursued)."""
    match = re.match(r"\s?기반", text[end : end + 3])
    return end + match.end() - 2 if match else -1


def _pursues(
    text: str, s: int, e: int, subject: str | None, mentions: list[Mention]
) -> list[Candidate]:
    out: list[Candidate] = []
    if subject is None:
        return out
    cues: Cues | None = None  # found when the sentence's first industry asks
    for m in mentions:
        if m.label != "Industry":
            continue
        cues = cues or Cues(_PURSUE, text, s, e)
        cue = cues.near(m.end, skip=_based_on(text, m.end))
        if cue is None:
            continue
        a, b = span(text, s, e, m.start, cue.end() if cue.start() > m.start else m.end)
        near = abs(cue.start() - m.end) < 25
        out.append(Candidate("PURSUES", subject, ref(m), a, b, 0.75 if near else 0.55))
    return out


def _cooperation(
    text: str, s: int, e: int, subject: str | None, regions: list[Mention]
) -> list[Candidate]:
    cue = _COOPERATE.search(text, s, e)
    if cue is None or subject is None:
        return []
    out = []
    for m in regions:
        if ref(m) == subject or m.start > cue.start():
            continue
        if re.match(r"(?:과|와)(?:는|도|의)?(?:\s|$)|[·,]", text[m.end : m.end + 4]) is None:
            continue
        a, b = span(text, s, e, m.start, cue.end())
        out.append(Candidate("COOPERATES_WITH", subject, ref(m), a, b, 0.7))
    return out


def _participation(
    text: str, s: int, e: int, mentions: list[Mention], ctx: Context
) -> list[Candidate]:
    out = []
    cues: dict[str, Cues] = {}  # by role, found when the sentence's first organisation asks
    for m in mentions:
        if m.label != "Organization":
            continue
        for role, pattern in _PARTICIPATE.items():
            if role not in cues:
                cues[role] = Cues(pattern, text, s, e)
            cue = cues[role].near(m.end)
            if cue is not None and abs(cue.start() - m.end) <= 40:
                name = initiative_name(text, s, e, cue.end(), _ends(mentions))
                name = name or ctx.earlier_initiative(text)
                if name is None or _names_a_party(name, mentions):
                    break  # no initiative named (or only a party to it): no part in one
                a, b = span(text, s, e, m.start, m.end)
                out.append(
                    Candidate(
                        "PARTICIPATES_IN",
                        ref(m),
                        f"Initiative:{name}",
                        a,
                        b,
                        0.6,
                        props={"role": role},
                    )
                )
                break
    return out


def _names_a_party(name: str, mentions: list[Mention]) -> bool:
    """Whether an initiative's name is only the name of an organisation or region ("협약에는
    A, B, 충남테크노파크가 참여했다" names no initiative)."""
    key = name.replace(" ", "")
    return any(m.text.replace(" ", "") == key for m in mentions if m.label != "Industry")


_LEAD_WORD = re.compile(
    r"^(?:\S*\d\S*|\S+(?:은|는|에는|에서|이|가|도)|내년|올해|오는|지난|상반기|하반기|한편|또)\s"
)


def _trim_name(name: str) -> str:
    """Drop leading words that are not part of a name (dates, subjects, connectives)."""
    while (match := _LEAD_WORD.match(name)) and len(name) - match.end() >= 4:
        name = name[match.end() :]
    return trim_name(name) or name


def _events_and_laws(
    text: str, s: int, e: int, subject: str | None, dates: list[DateValue]
) -> list[Candidate]:
    out = []
    body = text[s:e]
    if _EVENT_CUE.search(body):
        for match in _EVENT.finditer(text, s, e):
            name = _trim_name(match["name"].strip())
            when = min(dates, key=lambda d: abs(d.start - match.start()), default=None)
            a, b = span(text, s, e, match.start(), match.end())
            out.append(
                Candidate(
                    "Event",
                    subject or "",
                    f"Initiative:{name}",
                    a,
                    b,
                    0.6,
                    date=when.iso if when else None,
                )
            )
    laws = _LAW.finditer(text, s, e) if _LAW_WORD.search(body) else iter(())
    for match in laws:
        name = _trim_name(match["name"].strip(" ‘'\"“"))
        if len(name.replace(" ", "")) < 4 or name.endswith(("방법", "해법", "기법", "문법")):
            continue
        when = min(dates, key=lambda d: abs(d.start - match.start()), default=None)
        a, b = span(text, s, e, match.start("name"), match.end("name"))
        out.append(
            Candidate(
                "Law",
                subject or "",
                f"Initiative:{name}",
                a,
                b,
                0.65,
                date=when.iso if when else None,
            )
        )
    return out
