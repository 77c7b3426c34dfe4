"""Money and target rules: investments, funding lines by basis, budgets, numeric targets.

돈과 목표 / money and targets: an amount next to an organisation and an investment cue is an
investment; after 국비, 도비, 시비, 민자 ... it is a funding line of the initiative it names;
with a budget cue it is the initiative's budget. A count followed by a target cue (보급,
양성, 창출, ...) is a target of the subject region.
"""

from __future__ import annotations

import re

from ingest.documents.candidate import Candidate, Context, span
from ingest.documents.initiative import initiative_name
from ingest.documents.investment import (
    Clause,
    invest_candidates,
    invested,
    unnamed_investor,
)
from ingest.documents.matcher import Mention
from ingest.korean.dates import DateValue
from ingest.korean.numbers import Count, Money, Quantity

_BUDGET = re.compile(r"규모|투입|투자|확보|들여|사업비|예산|펀드|결성|지원")
_FORECAST = re.compile(r"전망|예상|추산|추정|유발|파급|효과")
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
    "민자": ("", "private"),
    "민간": ("", "private"),
}
_BASIS_RE = re.compile(
    r"(?P<basis>국비|도비|시군비|시비|군비|지방비|민자|민간)\s?(?:자금\s?)?(?:은|는|이|가)?\s?$"
)


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
    clause = Clause(text, s, e, mentions)
    ends = frozenset(m.end for m in mentions)
    for q in quantities:
        if not isinstance(q, Money):
            continue
        before = text[max(s, q.start - 6) : q.start]
        basis = _BASIS_RE.search(before)
        if basis:
            out += _funding_line(text, s, e, q, basis, subject, ctx, ends)
        elif invested(text, s, e, q, mentions) and (
            (found := invest_candidates(clause, q, ctx, ctx.previous, ctx.levels))
            or unnamed_investor(text, s, q.start, mentions)
            or (
                _GROUP_TOTAL.search(before)
                and any(m.label == "Organization" and s <= m.start < q.start for m in mentions)
            )
        ):
            out += found  # a named investor's; an unnamed one's or a group's total is no fact
        elif (
            _budget(text, s, e, q, before) and subject and not _other_subject(text, s, q, mentions)
        ):
            name = initiative_name(text, s, e, q.end, ends) or ctx.earlier_initiative(text)
            if name is None:
                continue
            a, b = span(text, s, e, q.start, q.end + 12)
            out.append(
                Candidate(
                    "Initiative", subject or "", f"Initiative:{name}", a, b, 0.6, q.krw, q.text
                )
            )
    return out


# "A 100억, B 200억 등 총 300억 원": the total of a group is no one's.
_GROUP_TOTAL = re.compile(r"등\s?(?:총\s?)?$")
# A subject that is not the region: the national government, a ministry, a company.
_NOT_REGION_SUBJECT = re.compile(r"(?:^|\s)(?:정부|중앙정부|국가)(?:는|가|도)\s")


def _other_subject(text: str, s: int, q: Money, mentions: list[Mention]) -> bool:
    """Whether the clause's subject is someone other than a region (then the budget is not
    the region's initiative): the government, or an organisation."""
    if _NOT_REGION_SUBJECT.search(text, s, q.start):
        return True
    for m in reversed([m for m in mentions if s <= m.start and m.end <= q.start]):
        if re.match(r"(?:은|는|이|가)\s", text[m.end : m.end + 2]):
            return m.label == "Organization"
    return False


def _budget(text: str, s: int, e: int, q: Money, before: str) -> bool:
    """An initiative's budget: a budget word after the amount (or 총 before it and one later)."""
    if _FORECAST.search(text, max(s, q.start - 30), min(e, q.end + 30)):
        return False
    return bool(
        (re.search(r"총\s?$", before) and _BUDGET.search(text, q.end, e))
        or _BUDGET.search(text, q.end, min(e, q.end + 12))
    )


def _funding_line(
    text: str,
    s: int,
    e: int,
    q: Money,
    basis: re.Match[str],
    subject: str | None,
    ctx: Context,
    ends: frozenset[int],
) -> list[Candidate]:
    """국비/도비/시비/민자 N원: a funding line of the initiative the sentence names."""
    org_ref, kind = _BASIS[basis["basis"]]
    if org_ref == "region-gov":
        region = (subject or ":").split(":")[1]
        if kind == "provincial" and ctx.levels.get(region) not in ("province", None):
            region = ctx.parents.get(region, region)  # 도비 in a city's document: the province
        # The region's government by the gov-<region> convention; the review step adds its
        # node when the graph has none yet (``ingest.documents.proposal``).
        known = ctx.levels.get(region) not in (None, "area")
        org_ref = ctx.region_gov.get(region) or (f"Organization:gov-{region}" if known else "")
    if not org_ref:
        return []  # no region to name the government of: no fact with an unknown party
    a, b = span(text, s, e, q.start - len(basis.group()), q.end)
    name = initiative_name(text, s, e, q.end, ends) or ctx.earlier_initiative(text)
    if name is None:
        return []
    return [
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
    ]


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
