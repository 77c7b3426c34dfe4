"""Who invests an amount: attribution by clause.

투자 주체 / the investor of an amount is the organisation the clause gives it to:

- written right before it: "LG에너지솔루션(4조 원)", "에코프로의 2조 원" (0.8, 0.75);
- the subject of the clause: "현대엔지니어링은 4000억원을 들여", "삼성디스플레이는 충남도 등과
  협약을 맺고, ... 4조 1000억원을 우선 투자할" (0.7), as long as no other subject stands
  between them ("A는 ... B가 100억을 투자": B);
- named right after it: "2조 2천억 원 규모의 기아 ... 공장" (0.65);
- each of the companies of the sentence (or the one before) for "… 400억원씩 투자" (0.6);
- the n-th of the companies joined before "각각" for the n-th amount after it (0.65);
- the company whose investment amount it is: "SK하이닉스의 … 투자액은 20조원" (0.7);
- the document's one company, when the clause names no investor and its topic is a thing
  ("이날 착공한 공장은 … 1차로 150억 원을 투입하며": 0.5).

An amount is invested when an investing word follows it in its clause (투자, 투입, 들여,
짓, 건립, ...) or "투자" names it ("투자 금액 593억 원"). Not investments: an amount after a
budget word (국비, 도비, 민자: funding lines), a forecast (전망, 예상, 유발, 효과), a total on an
agreement basis (양해각서 기준), and a total of grouped companies ("금양 등 10개사가"); no fact is
made without a named investor, and no part of a total that the clause sums up ("10조원과
R&D에 3조원 등 모두 13조원을 투자": the 13조 only).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ingest.documents.candidate import ITEM_MARKS, Candidate, Context, ref, span
from ingest.documents.matcher import Mention
from ingest.documents.orgnames import COUNTRY_PATTERN, acceptable
from ingest.korean.numbers import Money, find_amounts

INVESTED_AFTER = re.compile(
    r"^(?:을|를|이|가|의|씩|으로|로|에|이나|까지)?\s?(?:규모의?|규모로|상당의?)?\s?"
    r"(?:(?:[^\s.]+\s){0,10}?[^\s.]*?(?:추가\s?|신규\s?|직접\s?|우선\s?)?"
    r"(?:투자|투입|들여|들인|출자|지어|짓|건립|신설|신축|증설|설립|유치|유입|FDI)"
    # "3000억원 규모의 MOU를": the amount an agreement commits to
    r"|(?:(?<=규모의\s)|(?<=규모의))(?:투자\s?)?(?:MOU|양해각서|업무협약|협약))"
)
_INVEST_WORD = re.compile(r"투자|투입|유입|유치|들여|들인|출자")
_INVESTED_BEFORE = re.compile(
    r"투자\s?(?:금액|금|액|규모|계획)?\s?(?:은|는|이|가|도|으로)?\s?(?:총\s?|약\s?)?$"
)
# An amount that a later total of the same clause sums up with others.
_PART_OF_TOTAL = re.compile(
    r"(?P<gap>[^.\n]{0,60}?)(?:등\s?(?:모두|총|합계)?|모두|합계|합쳐서?)\s?(?:약\s?)?[\d][\d,.]*\s?(?:조|억|천|만)"
)
# A part of a total the clause gives next ("150억원 투자를 시작, 3년간 총 300억원", "700억원에 …
# 300억원을 더해 최대 1,000억원"), and a further sum only thought of ("2000억 원가량의 추가 투자도
# 고려").
_PART_BEFORE_TOTAL = re.compile(
    r"[^.\n]{0,30}?(?:더해|더하면|포함해)\s?(?:최대|총)\s?\d"
    r"|[^.\n]{0,12}?시작[^.\n]{0,20}?(?:총|최대)\s?(?:약\s?)?\d"
    r"|[^.\n]{0,6}?추가\s?투자(?:도|를)?\s?(?:고려|검토)"
)
_FORECAST = re.compile(r"전망|예상|기대|추산|추정|유발|파급|효과")
_AGREEMENT_TOTAL = re.compile(r"양해각서\s?기준|MOU\s?기준|협약\s?기준")
# A name's subject particle, maybe after its bracketed Latin form ("케이에프 윈드(KF Wind)는",
# "가온항공()(GA)은"), 사 (company: "Merck사가"), its company mark ("한빛바이오㈜는"), its plant
# ("누리텍 2공장은", "누리텍 청주공장은", "누리텍의 이차전지 전극공장은") or a closing quote
# ("‘누리텍’은").
_SUBJECT = re.compile(
    r"^(?:\([^()\n]{0,30}\)){0,2}"
    r"(?:\s?측|사|㈜|\s?[가-힣0-9]{0,4}공장|의\s(?:[가-힣0-9]+\s){0,2}[가-힣0-9]{0,6}공장)?[’'”\"]?"
    r"(?:(?:은|는|이|가|도)(?:\s|$)|\s(?:역시|또한)\s)"
)
# A group as the subject: "금양 등 10개사가", "A 외 3곳이", "A, B 등 바이오기업 3사가".
_GROUPED = re.compile(
    r"^(?:\([^()\n]{1,30}\))?\s?(?:등|외)\s?(?:(?:[^\s\d]+\s){0,2}?"
    r"(?:\d+\s?(?:개\s?사|사|개\s?기업|곳|개)|\S*기업|\S*업체|"
    r"그룹\s?사|계열사|자회사))?"
    r"(?:들)?(?:이|가|은|는|도)(?:\s|$)"
)
# An investment named by reference to one reported before: "이번 투자는 ... 19조 원이".
_THIS_INVESTMENT = re.compile(
    r"(?:이번|해당|이)\s?(?:투자|증설|사업|사업비)(?:은|는|에는)\s"
    r"|(?<![가-힣])(?<!총 )투자\s?(?:규모|금액|금|액|비)(?:은|는)\s"
)
_EACH = re.compile(r"^(?:원)?씩")
# The company named right after its sum: "N원 규모의 A", "N원이 투입되는 A 구미 4공장".
_AFTER_NAMED = re.compile(
    r"^\s?(?:규모의?|(?:이|가)\s?(?:투입|투자)(?:되는|된|될))\s?(?:㈜|\(주\))?\s?$"
)
_MOU = re.compile(r"협약|MOU|양해각서|투자의향서|의향서|LOI")
_EXECUTED = re.compile(r"건립\s?중|건설\s?중|진행\s?중|가동|준공|완공|투자했|들였|투입했")
_LEVEL_ORDER = {"district": 0, "county": 0, "city": 0, "metropolitan_city": 1, "province": 2}


@dataclass(frozen=True)
class Clause:
    """One sentence of the clean text: [s, e) and the mentions in it."""

    text: str
    s: int
    e: int
    mentions: list[Mention]


def amount_note(text: str, s: int, e: int, money: Money, mentions: list[Mention]) -> str | None:
    """What an amount is, where that keeps it from being anyone's investment: a "forecast"
    (전망, 예상, 유발), an "agreement total" (양해각서 기준) or a "group total" ("금양 등
    10개사가 1조8400억원")."""
    near = text[max(s, money.start - 30) : min(e, money.end + 30)]
    if _AGREEMENT_TOTAL.search(near):
        return "agreement total"
    if _FORECAST.search(near):
        return "forecast"
    for m in reversed([m for m in mentions if s <= m.start and m.end <= money.start]):
        if m.label in ("Organization", "Region"):
            return "group total" if _GROUPED.match(text[m.end : m.end + 40]) else None
    return None


# "A와 B는 각각 30억원, …": an amount given to each of the companies before it.
_EACH_AMOUNT = re.compile(r"(?<![가-힣])각각?\s?$")
# "N원 규모다", "N원 수준이다": the size of what the clause speaks of.
_SIZE_AFTER = re.compile(r"^\s?(?:규모|수준)(?:다|이다)")
# A company's accounts, not a sum it spends: "매출액은 200억원으로", "자본금 50억원".
_ACCOUNTS = re.compile(
    r"(?:매출|매출액|자본금|시가총액|영업이익|순이익)\s?(?:은|는|이|가|도)?\s?(?:약\s?)?$"
)
# The lower end of a range ("4조~5조원", "3000억 원에서 5000억 원"): the upper end is the
# amount.
_RANGE_FROM = re.compile(r"\s?(?:원\s?)?(?:[~∼～〜-]|에서\s|내지\s)\s?(?:약\s?)?\d")
# A list of amounts headed by "투자 규모는": "투자 규모는 A 500억원, B 700억원 등 총 …".
_LIST_HEAD = re.compile(
    r"투자\s?(?:금액|액|규모)(?:은|는)\s"
    # "투자협약을 맺은 기업은 A(300억원), B(100억원) 등이다": each firm's own sum
    r"|투자\s?협약을\s(?:맺은|체결한)\s(?:\d+\s?개\s?)?(?:기업|업체|회사)(?:은|는|들은)\s"
)


# An item of a list written inline, each after a mark: "투자규모는 ▲A 3만㎡에 220억 원(…)
# ▲B 1만㎡에 110억 원 등이다". The company that opens an item owns the item's first sum.
_ITEM_MARK = re.compile(ITEM_MARKS)
_ITEM_LEAD = re.compile(r"\s?(?:\(주\)|㈜)?\s?")
_ITEM_GAP = 30
# An item about a group the company only leads: "▲A 등 전자부품 분야 2개사 76억원".
_ITEM_GROUP = re.compile(r"(?<![가-힣])등\s|\d+\s?개\s?(?:사|기업|업체|社)")


def item_head(text: str, s: int, money: Money, mentions: list[Mention]) -> Mention | None:
    """The organisation that opens the marked list item ``money`` is the first sum of."""
    marks = [m.end() for m in _ITEM_MARK.finditer(text, s, money.start)]
    if not marks:
        return None
    lead = _ITEM_LEAD.match(text, marks[-1])
    start = lead.end() if lead else marks[-1]
    head = next((m for m in mentions if m.label == "Organization" and m.start == start), None)
    if head is None or not 0 <= money.start - head.end <= _ITEM_GAP:
        return None
    gap = text[head.end : money.start]
    if _ITEM_GROUP.search(gap) or any(a.krw for a in find_amounts(gap)):
        return None  # a group's sum, or not the item's first sum
    return head


def invested(text: str, s: int, e: int, money: Money, mentions: list[Mention]) -> bool:
    """Whether the clause says the amount is invested (not a forecast, not an MOU total).

    An amount written right after an organisation ("LS-L&F 1조 500억 원, 퓨처그라프 4,400억
    원 등 ... 유입됐다") or after "각각" needs an investing word anywhere later in its
    sentence, or "투자 규모는" before the list; such a named amount is no part of the total
    that ends the list ("투자 규모는 A 500억원, B 700억원 등 총 1200억원이다")."""
    after = text[money.end : min(e, money.end + 70)]
    before = text[max(s, money.start - 12) : money.start]
    named = (
        any(m.label == "Organization" and 0 <= money.start - m.end <= 2 for m in mentions)
        or item_head(text, s, money, mentions) is not None
    )
    each = _EACH_AMOUNT.search(before) is not None and any(
        m.label == "Organization" and s <= m.start and m.end <= money.start for m in mentions
    )
    listed = (named or each) and bool(
        _INVEST_WORD.search(text, money.end, e) or _LIST_HEAD.search(text, s, money.start)
    )
    # "이번 투자는 … 총 164억원 규모다": the size of the investment the clause speaks of
    sized = _SIZE_AFTER.match(after) and _THIS_INVESTMENT.search(text, s, money.start)
    if not (INVESTED_AFTER.match(after) or _INVESTED_BEFORE.search(before) or listed or sized):
        return False
    if (
        _PART_BEFORE_TOTAL.match(text, money.end, e)
        or _ACCOUNTS.search(before)
        or _RANGE_FROM.match(text, money.end, e)
    ):
        return False
    part = None if named else _PART_OF_TOTAL.match(text, money.end, e)
    if part is not None and not _INVEST_WORD.search(part.group("gap")):
        return False  # "10조원과 R&D에 3조원 등 모두 13조원을": the total is the investment
    near = text[max(s, money.start - 30) : min(e, money.end + 30)]
    return not (_forecast(text, s, e, money) or _AGREEMENT_TOTAL.search(near))


# A purpose clause closed before the amount: "… 마련을 위해", "… 대응하기 위해".
_PURPOSE = re.compile(r"위해\s")


def _forecast(text: str, s: int, e: int, money: Money) -> bool:
    """Whether a forecast word near ``money`` makes it a forecast; one after the amount's own
    investing verb and another number speaks of that number ("100억 원을 투자해 50명의 고용
    효과가 예상된다": the jobs)."""
    before = _FORECAST.search(text, max(s, money.start - 30), money.start)
    if before is not None and not _PURPOSE.search(text, before.end(), money.start):
        return True  # not "성장이 예상되는 기종 생산을 위해 N원을": the purpose's forecast
    after = _FORECAST.search(text, money.end, min(e, money.end + 30))
    if after is None:
        return False
    verb = _INVEST_WORD.search(text, money.end, after.start())
    return verb is None or not re.search(r"\d", text[verb.end() : after.start()])


def investors(
    clause: Clause, money: Money, ctx: Context, previous: list[Mention]
) -> list[tuple[Mention, float]]:
    """The organisations that invest ``money`` and how sure the clause makes it."""
    text, s = clause.text, clause.s
    orgs = [m for m in clause.mentions if m.label == "Organization"]
    for m in reversed(orgs):  # written right before it: "현대모비스(5,000억 원)", "에코프로의"
        gap = text[m.end : money.start]
        if m.end <= money.start and re.fullmatch(r"\s?\(\s?|의\s|\s", gap):
            return [(m, 0.75 if "의" in gap else 0.8)]
    head = item_head(text, s, money, orgs)
    if head is not None:
        return [(head, 0.7)]
    if _EACH.match(text[money.end : money.end + 2]):
        listed = [m for m in orgs if m.end <= money.start] or previous
        return [(m, 0.6) for m in _distinct(listed)]
    respectively = _respectively(text, s, clause.e, money, orgs)
    if respectively is not None:
        return [(respectively, 0.65)]
    each = _each_named(text, s, money, orgs)
    if each:
        return [(m, 0.6) for m in each]
    owner = _owner(text, s, money, orgs)
    if owner is not None:
        return [(owner, 0.7)]
    source = _source(text, money, orgs)
    if source is not None:
        return [(source, 0.7)]
    partner = _partner(text, money, orgs)
    if partner is not None:
        # "A·B와 총 108억원 규모의 투자협약": the sum of the companies listed, no one's
        return [] if _listed_after(text, partner, orgs) else [(partner, 0.7)]
    if _RECEIVED.match(text, money.end, clause.e):
        return []  # "A는 640억 원을 투자받아", "1000억 원의 기업 유치에 이어": drawn in
    subject = _subject(text, s, money.start, clause.mentions)
    if subject is not None:
        if subject.label == "Region":
            signed = _signing_company(clause)
            return [(signed, 0.6)] if signed is not None else []
        if subject.kind == "government_body":
            return []  # a ministry's budget, not an investment
        if (
            subject.kind != "company"
            and _PROJECT_COST.search(text, s, money.start)
            and not _WHOLE.match(text, money.end)
        ):
            return []  # "공사가 사업을 맡아 … 사업비 1600억 원을 투입": the project's cost
        if (
            _joint(text, subject, clause.mentions)
            or _TOGETHER.search(text, subject.end, min(clause.e, money.end + 16))
            or _with_company(text, subject, money, clause.mentions)
        ):
            # "A와 B는 … 510억원의 투자를", "A는 관계사들과 함께 N원", "A는 B 기업과 N원 규모의
            # 합작법인": their joint sum, no one's
            return []
        return [(subject, 0.7)]
    after = [m for m in orgs if m.start >= money.end]
    if after and _AFTER_NAMED.match(text[money.end : after[0].start]):
        return [(after[0], 0.65)]
    if ctx.investor is not None and _THIS_INVESTMENT.search(text, s, money.start):
        # the company the story now speaks of, else the last one that invested
        topic = ctx.topic if ctx.topic is not None and ctx.topic.kind == "company" else None
        return [(topic or ctx.investor, 0.55)]
    back = ctx.topic or (ctx.investor if ctx.investor and ctx.investor.kind == "company" else None)
    if back is not None and _BACK_REFERENCE.search(text, s, money.start):
        # "A는 … 회사다. 이 기업은 … 6005억원을 투자해": A's, even when a sentence between
        # spoke of something else ("시는 A와 협약을 맺었다. 공장은 … 이 업체는 … 투자해")
        return [(back, 0.6)]
    if (
        ctx.topic is not None
        and not _ANY_SUBJECT.search(text, s, money.start)
        and not _PUBLIC_MONEY.search(text, s, clause.e)
        and not _elsewhere(clause.mentions, money, ctx)
    ):
        return [(ctx.topic, 0.55)]  # "A는 … 전문기업이다. (…) 80억원을 투자해": A's
    if _sole_investor(clause, money, ctx):
        return [(ctx.sole, 0.5)] if ctx.sole is not None else []
    return []


# The whole cost paid by the subject itself: "사업비 N원을 전액 투자해".
_WHOLE = re.compile(r"(?:을|를)?\s?전액\s?(?:을\s)?(?:투자|부담)")
# An amount drawn in or received, not spent: "N원을 투자받아", "N원의 대규모 기업 유치".
_RECEIVED = re.compile(r"\S{0,3}\s?(?:투자\s?받|투자를\s받|[^.\n]{0,14}?유치)")


@functools.lru_cache(maxsize=4)
def _document_amounts(text: str) -> list[tuple[int, int]]:
    """Every amount of the document: (start, won)."""
    return [(a.start, a.krw) for a in find_amounts(text) if a.krw]


def _stage_of_total(clause: Clause, money: Money) -> bool:
    """Whether ``money`` is one of the sentence's amounts (stages: "1단계로 180억원을 …,
    이후 추가로 170억원을") whose sum the document states elsewhere as one amount (350억원):
    the total is the investment, the stages are its parts. Amounts of several companies
    ("A 100억원, B 200억원", "A는 100억원, B는 200억원을") are no such sum."""
    text, s, e = clause.text, clause.s, clause.e
    if any(m.label == "Organization" and 0 <= money.start - m.end <= 2 for m in clause.mentions):
        return False
    own = [(a.start + s, a.krw) for a in find_amounts(text[s:e]) if a.krw]
    if len(own) < 2 or money.start not in {a for a, _ in own}:
        return False
    if any(m.label == "Organization" and own[0][0] < m.start < own[-1][0] for m in clause.mentions):
        return False  # "A는 114억원, B는 81억원을": each company's own
    total = sum(k for _, k in own)
    return any(k == total and not s <= a < e for a, k in _document_amounts(text))


# A public body's money: a share of a project's budget or a grant to projects (과제).
_PUBLIC_SPENDING = re.compile(r"국비|도비|시비|군비|지방비|사업비|예산|과제")


def sole_company(mentions: list[Mention]) -> Mention | None:
    """The document's one company, when it names exactly one (by id or new name)."""
    found: Mention | None = None
    for m in mentions:
        if m.label != "Organization" or m.kind != "company":
            continue
        if found is not None and ref(found) != ref(m):
            return None
        found = found or m
    return found


# The clause's topics ("공장은", "A사는", "()샘코는"): each must be a thing, not a party.
_TOPIC_WORD = re.compile(r"(?P<stem>[가-힣A-Za-z0-9]+)[)’'”]?(?:은|는)\s")
# Things whose amount is the one company's: the plant, the sum, the project's cost, a
# place ("공장은", "이번 투자는", "조성비는", "단지에는").
_THING_STEM = re.compile(r"^(?:[가-힣]*공장|투자(?:금|액|비|유치)?|[가-힣]*조성비|[가-힣]+에)$")
# Another party or a count of them: "소프트뱅크로부터", "13개 유망기업이".
_OTHER_PARTY = re.compile(r"로부터|에게서|\d+\s?(?:개|곳)\s?[가-힣]*(?:사|기업|업체)")
# A name in a list or a headline's "A, 구미에 1조원 투자": "A, B와", "A(), B와".
_LISTED = re.compile(r"\s?(?:\([^()\n]{0,30}\))?\s?[,·]")
# A group's sum ("A 등 409억원") or a part of a sum ("부지 매입을 제외한 … 138억원").
_SHARE = re.compile(r"등\s?(?:총\s?)?$|제외한|제외하고")
# The region drawing the sum in ("6848억원 규모의 투자를 유치한"): no company's investment.
_DRAWN_IN = re.compile(r"[^.\n]{0,14}?유치")


def _sole_investor(clause: Clause, money: Money, ctx: Context) -> bool:
    """Whether an invested amount whose clause names no investor is the document's one
    company's: the clause's topic is a thing (the plant, the sum) or nothing, it names no
    other party, no public money, no second amount and no region outside the story's
    ("이날 착공한 공장은 … 1차로 150억 원을 투입하며": the firm's)."""
    text, s, e = clause.text, clause.s, clause.e
    sole = ctx.sole
    if sole is None or _DRAWN_IN.match(text, money.end, e):
        return False
    for m in clause.mentions:
        if m.label == "Region" and _PARTY.match(text, m.end):
            return False  # "대전시와 815억 원 규모의 투자 협약": a party left unnamed
        if m.label == "Organization" and (
            ref(m) != ref(sole) or m.start > money.start or _LISTED.match(text, m.end)
        ):
            return False  # only the company itself, before the sum, not in a list or headline
    if _PUBLIC_MONEY.search(text, s, e) or _OTHER_PARTY.search(text, s, e):
        return False
    if _SHARE.search(text, s, money.start):
        return False  # "A 등 409억원", "부지 매입을 제외한 … 138억원": a group's sum or a part
    if _elsewhere(clause.mentions, money, ctx):
        return False
    if sum(1 for a in find_amounts(text[s:e]) if a.krw) != 1:
        return False  # "생산시설에 10조원·R&D에 3조원": parts of a sum
    back = _BACK_REFERENCE.search(text, s, money.start)
    return all(
        _THING_STEM.match(w["stem"]) or (back is not None and back.start() <= w.start())
        for w in _TOPIC_WORD.finditer(text, s, money.start)
        if not _MODIFIER.match(w[0])
    )


# A partner between the subject and its amount: "… 기업과 함께", "관계사들과 공동으로", "합작".
_TOGETHER = re.compile(r"(?:기업|업체|회사|관계사|계열사)들?(?:과|와)\s(?:함께|공동으로)|합작")


# A named company as the partner: "A는 B㈜와 공동으로", "A는 B와 함께".
_WITH = re.compile(r"(?:\(주\)|㈜)?(?:와|과)\s(?:함께|공동으로)\s")


def _with_company(text: str, subject: Mention, money: Money, mentions: list[Mention]) -> bool:
    """Whether a company between the subject and ``money`` invests with it ("가온은 누리와
    공동으로 100억원을 투자해"): their joint sum, no one's."""
    return any(
        m.label == "Organization"
        and m.kind == "company"
        and subject.end <= m.start
        and m.end <= money.start
        and _WITH.match(text, m.end)
        for m in mentions
    )


def _joint(text: str, subject: Mention, mentions: list[Mention]) -> bool:
    """Whether the subject company is the last of two or more joined by 과/와, commas or
    middle dots ("㈜A과 ㈜B는", "가온㈜, ㈜누리는", "A, 설비 업체인 B가")."""
    return _listed_after(text, subject, [m for m in mentions if m.label == "Organization"])


def _listed_after(text: str, last: Mention, orgs: list[Mention]) -> bool:
    """Whether ``last`` follows another organisation it is listed with ("A·B와", "A, ㈜B와")."""
    before = [m for m in orgs if m.end <= last.start]
    return bool(before) and _PAIR_JOIN.fullmatch(text, before[-1].end, last.start) is not None


def _signing_company(clause: Clause) -> Mention | None:
    """ "도는 … A㈜ 대표 등이 참석한 가운데 360억을 투자하고 … 투자 협약을 체결": in a
    region's investment agreement with one company and no public money, the amount is the
    company's."""
    text, s, e = clause.text, clause.s, clause.e
    if not _INVEST_AGREEMENT.search(text, s, e) or _PUBLIC_MONEY.search(text, s, e):
        return None
    companies = _distinct(
        [m for m in clause.mentions if m.label == "Organization" and m.kind == "company"]
    )
    if len(companies) != 1 or not _SIGNER.match(text, companies[0].end):
        return None  # "포항 소재 A에서", "A 등 6개 기업과": no single party
    return companies[0]


# A company as the one party: "A와", "A㈜ 대표".
_SIGNER = re.compile(r"(?:\(주\)|㈜|\(유\))?(?:와|과|\s?(?:대표|회장|사장))(?![가-힣])")


# An investment agreement: "투자협약", "투자 협약", "투자 MOU", "투자양해각서".
_INVEST_AGREEMENT = re.compile(r"투자\s?(?:협약|MOU|양해각서|의향서)")


def _elsewhere(mentions: list[Mention], money: Money, ctx: Context) -> bool:
    """Whether a region before ``money`` lies outside the story's main region (then the
    amount is about somewhere else: "경기 용인에 300조 원을 투자해 … 정부 정책")."""
    if ctx.main_region is None:
        return False
    for m in mentions:
        if m.label != "Region" or m.end > money.start or m.id not in ctx.levels:
            continue
        if not (_within(m.id, ctx.main_region, ctx) or _within(ctx.main_region, m.id, ctx)):
            return True
    return False


def _within(region: str, outer: str, ctx: Context) -> bool:
    step: str | None = region
    for _ in range(4):
        if step == outer:
            return True
        step = ctx.parents.get(step) if step else None
    return False


# A subject that refers back to the company before: "이 기업은", "이 제약회사는", "동사는".
_BACK_REFERENCE = re.compile(
    r"(?<![^\s(])(?:(?:이|해당|같은)\s[가-힣]{0,6}(?:회사|기업|업체)|동사)(?:은|는|이|가|도)\s"
)
# A project's cost written before its amount ("사업비 1600억 원"): what a public body
# that runs the project spends is the project's budget, not its investment.
_PROJECT_COST = re.compile(r"(?:사업비|예산|재원)\s?(?:은|는|이|가|으로|로)?\s?(?:총\s?|약\s?)?$")
# Public money in the sentence: the amount is a project's budget, not the company's.
_PUBLIC_MONEY = re.compile(r"국비|도비|시비|군비|지방비|사업비|예산")
# A word with a subject particle: the clause names its own subject.
# A verb's one-letter stem with 는 ("오는 2031년까지", "하는", "있는") is a modifier, no subject.
# Nor is a verb's ending inside a word ("구축하는", "예정되는") or a place or a part with
# 는/도 ("2단계 사업에는", "울산에서도").
_ANY_SUBJECT = re.compile(
    r"(?:(?<=[가-힣A-Za-z0-9)])|(?![오하되있없온간갈할]는))(?![하되있없]는\s|(?:에|서)(?:는|도)\s)"
    r"[가-힣A-Za-z0-9)](?:은|는|이|가|도|께서)\s"
)
# "A, B와 각각 1000억원", "A·B 각 1000억원": one amount for each company joined before.
_EACH_BEFORE = re.compile(r"(?:\(주\)|㈜)?(?:와|과|은|는|이|가|도)?\s?(?:[^\s]+\s){0,2}?각각?\s?$")


def _each_named(text: str, s: int, money: Money, orgs: list[Mention]) -> list[Mention]:
    """The companies "각" or "각각" right before ``money`` gives it to, each in full."""
    if not re.search(r"(?<![가-힣])각각?\s?$", text[max(s, money.start - 4) : money.start]):
        return []
    before = [m for m in orgs if m.end <= money.start]
    if not before or not _EACH_BEFORE.fullmatch(text, before[-1].end, money.start):
        return []
    joined = [before[-1]]
    for m in reversed(before[:-1]):
        if not _PAIR_JOIN.fullmatch(text[m.end : joined[0].start]):
            break
        joined.insert(0, m)
    return _distinct(joined) if len(joined) >= 2 else []


# "A와 B는 각각 … 6000억원, 2조원을", "A, B는 각 … 70억원과 50억원을": the n-th amount is
# the n-th company's.
_RESPECTIVELY = re.compile(r"(?:은|는|이|가)\s(?:[^\s]+\s){0,3}?각각?\s")
_EACH_WORD = re.compile(r"(?<![가-힣])각각?\s")
# What joins them: "A와 B", "A, ㈜B", "A와 화장품 제조 업체인 B" (what the next one makes).
_PAIR_JOIN = re.compile(
    r"\s?(?:\(주\)|㈜)?\s?(?:과|와|,|및|·)\s?"
    r"(?:(?:[^\s,.]+\s){0,4}?[^\s,.]*(?:업체|기업|회사)인\s)?(?:\(주\)|㈜)?\s?"
)
# "A의 … 투자액은 20조원": the investment amount of A.
_OWNED_AMOUNT = re.compile(r"투자\s?(?:금액|액|규모|비)\s?(?:은|는|이|가)\s?(?:총\s?|약\s?)?$")


def _respectively(text: str, s: int, e: int, money: Money, orgs: list[Mention]) -> Mention | None:
    """The company that "각각" pairs ``money`` with: the companies joined before it and the
    amounts after it, in the same order and as many of each."""
    if not _EACH_WORD.search(text, s, money.start):
        return None
    before = [m for m in orgs if m.end <= money.start]
    for i, m in enumerate(before):
        joined = [m]
        for nxt in before[i + 1 :]:
            if not _PAIR_JOIN.fullmatch(text[joined[-1].end : nxt.start]):
                break
            joined.append(nxt)
        tail = _RESPECTIVELY.match(text, joined[-1].end)
        if len(joined) < 2 or tail is None:
            continue
        amounts = [a for a in find_amounts(text[tail.end() : e]) if a.krw]
        starts = [tail.end() + a.start for a in amounts]
        if len(amounts) == len(joined) and money.start in starts:
            return joined[starts.index(money.start)]
    return None


def _owner(text: str, s: int, money: Money, orgs: list[Mention]) -> Mention | None:
    """The company whose investment amount this is: "SK하이닉스의 청주 공장 투자액은 20조원"."""
    if not _OWNED_AMOUNT.search(text, max(s, money.start - 16), money.start):
        return None
    for m in reversed([m for m in orgs if m.end <= money.start]):
        if text.startswith("의 ", m.end) and m.kind != "government_body":
            return m
    return None


# "A로부터 500억원 규모의 투자를 유치": the company the region draws the investment from.
_FROM = re.compile(r"(?:\(주\)|㈜)?\s?(?:으로부터|로부터|에게서)\s")


def _source(text: str, money: Money, orgs: list[Mention]) -> Mention | None:
    """The company an investment is drawn from: "시는 A로부터 500억원의 투자를 유치했다"."""
    for m in reversed([m for m in orgs if m.end <= money.start]):
        found = _FROM.match(text, m.end)
        if found is not None and money.start - found.end() <= 20:
            return m if m.kind != "government_body" else None
    return None


# "A와 1조원 규모의 투자협약": the amount of an investment agreement with a company.
# "A와 800억원 투자 규모의 공장 신설 협약": up to five words may name what is agreed.
_AGREEMENT_AFTER = re.compile(
    r"^\s?(?:원\s?)?(?:대\s?)?(?:투자\s?)?(?:규모의?|상당의?)?\s?(?:[^\s.,]+\s){0,5}?"
    r"(?:투자\s?)?(?:협약|양해각서|MOU|업무협약)"
    # "A과 500억원 규모의 투자를 결정": an investment settled with the company
    r"|^\s?(?:원\s?)?규모의\s투자를?\s(?:결정|확정|약속)"
)


# What stands between the partner and the amount: 와/과, maybe after a bracket naming its
# chief ("가온소재(대표 홍길동)와").
_PARTNER_GAP = re.compile(r"(?:\(주\)|㈜)?(?:\([^()\n]{0,30}\))?(?:와|과)\s")


def _partner(text: str, money: Money, orgs: list[Mention]) -> Mention | None:
    """The company an investment agreement of ``money`` is signed with: "에코프로와 1조원
    규모의 투자협약" (the region is the other party, not the investor)."""
    if not _AGREEMENT_AFTER.match(text[money.end : money.end + 60]):
        return None
    for m in reversed(orgs):
        if m.end <= money.start and _PARTNER_GAP.fullmatch(text, m.end, money.start):
            return m if m.kind != "government_body" else None
    return None


def _subject(text: str, s: int, pos: int, mentions: list[Mention]) -> Mention | None:
    """The nearest named subject before ``pos`` in the sentence (an organisation or a region);
    None when it is a group ("금양 등 10개사가") or there is none."""
    for m in reversed([m for m in mentions if s <= m.start and m.end <= pos]):
        if m.label not in ("Organization", "Region"):
            continue
        after = text[m.end : m.end + 40]
        if _GROUPED.match(after):
            return None
        if _OWNERS_CLAUSE.match(after):
            continue  # "A는 일본 B사가 100% 출자한 회사로, … 투자": B owns A; A is the subject
        if _SUBJECT.match(after) or _comma_subject(text, m, mentions) or _owner_topic(text, s, m):
            return None if _COUNTED.search(text, m.end, pos) else m
    return None


# A subject inside a clause that describes another company by who owns or founded it ("B사가
# 100% 출자한", "B가 설립한", "B가 인수한"): the clause names the owner, not the investor.
_OWNERS_CLAUSE = re.compile(
    r"^(?:사|㈜|\(주\))?(?:이|가)\s(?:[^\s.,]+\s){0,2}?(?:출자|설립|인수|소유)(?:한|했던)\s"
)


# "A의 2016년 매출액은": the company's attribute as the topic.
_OWNER_TOPIC = re.compile(r"의\s(?:[^\s.,]+\s){0,2}?[가-힣]+(?:은|는)\s")


def _owner_topic(text: str, s: int, m: Mention) -> bool:
    """ "가온의 지난해 매출액은 200억원으로 … 100억원 투자를 진행": a company opening the
    sentence with its own attribute as the topic is the one the clause speaks of."""
    return (
        m.label == "Organization"
        and m.kind == "company"
        and not text[s : m.start].strip()
        and _OWNER_TOPIC.match(text, m.end) is not None
    )


# A count of companies between a subject and an amount: the amount sums their investments
# ("A 역시 … 투자에 나서는 등 … 기업만 9곳, 투자 금액은 5조 원").
# "8개 기업 가운데 가장 많은" singles one out of them.
_COUNTED = re.compile(
    r"\d+\s?(?:곳|개\s?사|개\s?기업|개\s?업체|건)(?!\s?(?:가운데|중))|기업만|기업들이"
)


def _comma_subject(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """ "A, 구미시와 1조원 투자 협약": a company written with a comma before the region it
    signs with is the subject (the particle left out, as in headlines and broadcasts)."""
    if m.label != "Organization" or not text.startswith(", ", m.end):
        return False
    nxt = next((n for n in mentions if n.start == m.end + 2), None)
    return nxt is not None and nxt.label == "Region" and text.startswith(("와 ", "과 "), nxt.end)


_WORD_SUBJECT = re.compile(r"(?<![^\s(])(?P<stem>[가-힣A-Za-z0-9&·\-]{2,20})(?:은|는|이|가)\s")
# Subjects that are the document's region or a budget, not an unnamed investor.
_OWN_SUBJECTS = re.compile(r"^(?:시|도|군|구|정부|국가|예산|사업비|총사업비|재원|이번|올해|내년)")


def unnamed_investor(text: str, s: int, pos: int, mentions: list[Mention]) -> bool:
    """Whether the clause before ``pos`` has a subject that is a name nobody linked: then the
    amount is that unknown party's, and no fact is made of it (not a budget of the region)."""
    linked = [(m.start, m.end) for m in mentions]
    subjects = list(_WORD_SUBJECT.finditer(text, s, pos))
    if not subjects:
        return False
    last = subjects[-1]
    if any(a <= last.start("stem") < b for a, b in linked):
        return False
    return not _OWN_SUBJECTS.match(last["stem"]) and acceptable(last["stem"])


# What makes a sentence about a company's investment: investing or building.
_INVESTING_STORY = re.compile(r"투자|증설|신설|건립|(?:공장|라인|캠퍼스|설비)[을를]\s?(?:짓|세우)")


def subject_investor(text: str, s: int, e: int, mentions: list[Mention]) -> Mention | None:
    """The company a sentence about an investment is about (its subject), if any."""
    if not _INVESTING_STORY.search(text, s, e):
        return None
    for m in mentions:
        if (
            m.label == "Organization"
            and m.kind != "government_body"
            and _SUBJECT.match(text[m.end : m.end + 40])
        ):
            return m
    return _agreement_party(text, s, e, mentions)  # "시는 A(유)와 … 투자협약을 체결": A


# A company as the party a region signs with: "A와", "A㈜와", "A(유)와".
_PARTY = re.compile(r"(?:\(주\)|㈜|\(유\))?(?:와|과)\s")


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(ref(m), m)
    return list(seen.values())


def place(clause: Clause, money: Money, ctx: Context, levels: dict[str, str]) -> str:
    """Where the money goes: the most specific region of the sentence, nearest the amount;
    the document's main region when the sentence names none."""
    regions = [m for m in clause.mentions if m.label == "Region" and m.id in levels]
    if not regions:
        return f"Region:{ctx.main_region}" if ctx.main_region else ""
    best = min(
        regions,
        key=lambda m: (_LEVEL_ORDER.get(levels[m.id], 1), abs(m.start - money.start)),
    )
    return ref(best)


def basis(clause: Clause) -> str:
    body = clause.text[clause.s : clause.e]
    if _MOU.search(body):
        return "mou"
    return "executed" if _EXECUTED.search(body) else "announced"


# A place abroad the amount goes to: "베트남 생산법인에", "미국 공장에", "인도네시아 현지에".
_ABROAD = re.compile(
    rf"(?<![가-힣])(?:{COUNTRY_PATTERN})\s?"
    r"(?:[가-힣]{0,4}(?:법인|공장|현지|사업장))?에\s"
)


def invest_candidates(
    clause: Clause, money: Money, ctx: Context, previous: list[Mention], levels: dict[str, str]
) -> list[Candidate]:
    out: list[Candidate] = []
    if _stage_of_total(clause, money) or _ABROAD.search(clause.text, clause.s, money.start):
        return out
    where = place(clause, money, ctx, levels)
    kind = basis(clause)
    for org, confidence in investors(clause, money, ctx, previous):
        if (
            org.kind != "company"
            and _PUBLIC_SPENDING.search(clause.text, clause.s, clause.e)
            and not _WHOLE.match(clause.text, money.end)
        ):
            continue  # "사업비 710억원(국비 …, 공사 440억원)", "진흥원이 24개 과제에 72억원 투입"
        a, b = span(clause.text, clause.s, clause.e, min(org.start, money.start), money.end)
        out.append(
            Candidate(
                "INVESTS_IN",
                ref(org),
                where,
                a,
                b,
                confidence,
                money.krw,
                money.text,
                props={"basis": kind},
            )
        )
    return out


# The first subject of a sentence, linked or not: "시는", "이 회사는", "A는".
_FIRST_SUBJECT = re.compile(
    r"(?<![^\s(\[])(?P<stem>[가-힣A-Za-z0-9&·\-]{1,20})(?:은|는|이|가|도)\s"
)
# A verb's one-letter stem with 는 ("오는 3월", "하는", "있는"): a modifier, not a subject.
_MODIFIER = re.compile(r"[오하되있없온간갈할]는\s")
# Subjects that go on speaking of the company before: "이 회사는", "회사 측은".
# So does its plant: "A는 … 공장을 열었다. 이 공장은 …", "신공장은".
_SAME_TOPIC = re.compile(r"^(?:회사|동사|업체|기업|이번|이|해당|같은|[가-힣]?공장)$")


def sentence_topic(
    text: str, s: int, e: int, mentions: list[Mention], topic: Mention | None
) -> Mention | None:
    """The company the story speaks of after this sentence: its subject when that is a
    company; nobody when it is a region, an agency or another name; unchanged when
    the sentence names no subject or refers back ("이 회사는")."""
    if topic is None and not any(m.label == "Organization" for m in mentions):
        return None  # most sentences: nothing to carry and no company to start with
    named = next(
        (
            m
            for m in mentions
            if m.label in ("Organization", "Region") and _SUBJECT.match(text[m.end : m.end + 40])
        ),
        None,
    )
    word = next((w for w in _FIRST_SUBJECT.finditer(text, s, e) if not _MODIFIER.match(w[0])), None)
    if word is not None and any(m.start <= word.start("stem") < m.end for m in mentions):
        word = None
    if named is not None and (word is None or named.start <= word.start()):
        if named.label == "Region" or named.kind != "company":
            # "도는 A와 투자협약을", "공항공사는 A와 공장을 짓는 협약을": the story goes on
            # about A
            return _agreement_party(text, s, e, mentions, _AGREEMENT)
        return named
    if word is not None:
        back = _BACK_REFERENCE.match(text, max(s, word.start() - 3))
        return topic if _SAME_TOPIC.match(word["stem"]) or back else None
    return topic


# Any agreement: "협약", "MOU", "양해각서".
_AGREEMENT = re.compile(r"협약|MOU|양해각서")


def _agreement_party(
    text: str, s: int, e: int, mentions: list[Mention], agreement: re.Pattern[str] | None = None
) -> Mention | None:
    """The company a sentence signs an investment agreement (or ``agreement``) with ("A(유)와
    … 투자협약")."""
    if (agreement or _INVEST_AGREEMENT).search(text, s, e):
        for m in mentions:
            if m.label == "Organization" and m.kind == "company" and _PARTY.match(text, m.end):
                return m
    return None
