"""Money and target rules: investments, funding lines by basis, budgets, numeric targets.

돈과 목표 / money and targets: an amount next to an organisation and an investment cue is an
investment; after 국비, 도비, 시비, 민자 ... it is a funding line of the initiative it names;
with a budget cue it is the initiative's budget. A count followed by a target cue (보급,
양성, 창출, ...) is a target of the subject region.
"""

from __future__ import annotations

import re

from ingest.documents.candidate import Candidate, Context, initiative_name, ref, span
from ingest.documents.matcher import Mention
from ingest.korean.dates import DateValue
from ingest.korean.numbers import Count, Money, Quantity

_INVEST = re.compile(r"투자|유입|유치")
_BUDGET = re.compile(r"규모|투입|투자|확보|들여|사업비|예산|펀드|결성|지원")
_TARGET = re.compile(
    r"목표|보급|배출|양성|창출|선발|선정|배치|모집|달성|육성|유치|도약|늘리|늘려|확충"
)
_BASIS = {
    "국비": ("Organization:gov-korea", "national"),
    "도비": ("region-gov", "provincial"),
    "시비": ("region-gov", "municipal"),
    "군비": ("region-gov", "municipal"),
    "시군비": ("region-gov", "municipal"),
    "지방비": ("region-gov", "mixed"),
    "민자": ("private", "private"),
    "민간": ("private", "private"),
}
_BASIS_RE = re.compile(
    r"(?P<basis>국비|도비|시군비|시비|군비|지방비|민자|민간)\s?(?:자금\s?)?(?:은|는|이|가)?\s?$"
)


def _org_subject(text: str, s: int, pos: int, mentions: list[Mention]) -> Mention | None:
    """An organisation that is the subject of the clause holding ``pos`` ("현대차는 ...")."""
    for m in mentions:
        if (
            m.label == "Organization"
            and s <= m.start < pos
            and "," not in text[m.end : pos]
            and re.match(r"(?:은|는|이|가|도)\s", text[m.end : m.end + 2])
        ):
            return m
    return None


def _org_before(text: str, pos: int, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.label == "Organization" and 0 <= pos - m.end <= 3:
            return m
    return None


def money(
    text: str,
    s: int,
    e: int,
    subject: str | None,
    mentions: list[Mention],
    quantities: list[Quantity],
    ctx: Context,
) -> list[Candidate]:
    out = []
    for q in quantities:
        if not isinstance(q, Money):
            continue
        before = text[max(s, q.start - 6) : q.start]
        org = _org_before(text, q.start, mentions) or _org_subject(text, s, q.start, mentions)
        basis = _BASIS_RE.search(before)
        if org and _INVEST.search(text, s, e):
            place = next((ref(m) for m in mentions if m.label == "Region"), subject or "")
            a, b = span(text, s, e, org.start, q.end)
            out.append(Candidate("INVESTS_IN", ref(org), place, a, b, 0.7, q.krw, q.text, props={}))
        elif basis:
            org_ref, kind = _BASIS[basis["basis"]]
            if org_ref == "region-gov":
                org_ref = ctx.region_gov.get((subject or ":").split(":")[1], "Organization:?")
            a, b = span(text, s, e, q.start - len(basis.group()), q.end)
            name = initiative_name(text, s, e, q.end)
            out.append(
                Candidate(
                    "FUNDED_BY",
                    f"Initiative:{name}",
                    org_ref,
                    a,
                    b,
                    0.65,
                    q.krw,
                    q.text,
                    props={"basis": kind},
                )
            )
        elif (re.search(r"총\s?$", before) and _BUDGET.search(text, q.end, e)) or _BUDGET.search(
            text, q.end, min(e, q.end + 12)
        ):
            name = initiative_name(text, s, e, q.end)
            a, b = span(text, s, e, q.start, q.end + 12)
            out.append(
                Candidate(
                    "Initiative", subject or "", f"Initiative:{name}", a, b, 0.6, q.krw, q.text
                )
            )
    return out


def targets(
    text: str,
    s: int,
    e: int,
    subject: str | None,
    quantities: list[Quantity],
    dates: list[DateValue],
) -> list[Candidate]:
    out = []
    for q in quantities:
        if not isinstance(q, Count):
            continue
        cue = _TARGET.search(text, q.end, min(e, q.end + 15))
        if cue is None:
            continue
        when = next((d.iso[:4] for d in dates if d.relation != "from"), None)
        a, b = span(text, s, e, q.start, cue.end())
        out.append(
            Candidate(
                "HAS_TARGET",
                subject or "",
                f"Target:{q.text}",
                a,
                b,
                0.55,
                date=when,
                props={"value": str(q.value), "unit": q.unit},
            )
        )
    return out
