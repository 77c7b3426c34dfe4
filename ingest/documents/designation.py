"""National designation schemes as news writes them, and the regions that hold or seek them.

지정 제도 / designation schemes: the gazetteer knows each scheme's names and aliases; news
also writes a scheme by its industry ("이차전지 특화단지", "바이오 국가첨단전략산업 특화단지",
"이차전지 소부장 특화단지", "모빌리티·이차전지 기회발전특구") and, once named, by its bare
head word ("특화단지로 지정된 곳은"). ``complete`` adds those mentions and the industries
that qualify each; ``designation_facts`` gives SEEKS or HOLDS per region:

- the regions written next to the scheme, or every region of a list that the scheme closes
  ("용인·청주·천안 … 특화단지 5곳", "A, B 등 … 지정");
- the most specific of them: "경남·창원" is Changwon, "충북 청주 오창" Cheongju;
- a national industrial complex only where the sentence creates or designates one ("우주발사체
  국가산단 조성", "국가산단 후보지로 지정"), never where it is an address.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from ingest.documents.candidate import ITEM_MARKS, Candidate, Context, ref, span
from ingest.documents.matcher import Mention
from ingest.documents.places import compared, venue
from ingest.documents.spans import Spans
from ingest.korean.dates import DateValue

NIC = "national-industrial-complex"
_NSIC = "national-strategic-industry-complex"
_MPE = "mpe-specialized-complex"
_MPE_INDUSTRY = "materials-parts-equipment"
_HYDROGEN_COMPLEX = "hydrogen-specialized-complex"
# Bare head words that stand for the scheme last named with them.
_BARE = re.compile(r"특화단지|특구")
# Words between a qualifier and a bare head that say which scheme it is.
# A gloss in brackets may stand between them: "소부장(소재·부품·장비) 특화단지".
_MARKER = re.compile(r"^(?:\([^()\n]{1,20}\)|\))?(?:\s?(?:국가)?첨단전략산업\s?|\s?|\s?·\s?)$|^\($")
_HOLD = re.compile(
    r"지정(?:된|돼|되었|받(?!기|으려|고자|을|도록)|됐|되어|됨|되고|했|하였|한|하며|하면서|하고)|"
    r"지정해\s(?!줄|달라|주기|주도록|주길|달라고)|"  # "추가로 지정해 고시한다"
    r"선정(?:된|돼|되었|됐|되어|됨|했|하였|한)|(?:으로|로)\s?(?:최종\s?)?결정(?:된|돼|되었|됐|됨)|"
    r"에 따라|에\s?힘입어|승인|운영\s?(?:을|하|되|중)|"
    rf"^\s?운영\s?(?={ITEM_MARKS}|$)|"  # an item of what a plan does: "… 특구 운영 △ …"
    r"^\s?참여\s?(?:기업|업체|기관)|"  # "… 규제자유특구 참여 기업으로": the zone is there
    r"^\s?(?:사업\s?)?성과(?:를|로|가|와|는)\s|"  # "… 클러스터 성과를 발판으로": it has results
    r"^[’'\"”]?\s?(?:으로|로)\s?(?:넓혔|넓힌|넓혀|확대(?:했|한|됐|된|돼))|"  # "… 지역으로 넓혔다"
    r"^\s?(?:에|으로|로)\s?이어\s|"  # "수소 시범도시에 이어 … 특구까지": held before
    r"지정\s?(?:기간\s?)?(?:\d+\s?(?:년|개월)\s?)?연장|"  # "고용위기지역 지정 1년 연장"
    r"새로\s?(?:추가|지정)(?:한다|했|하였|된다|됐|되었|돼)|"  # "특구 2곳을 새로 추가한다"
    # "… 지정안을 의결했다", "추가지정(안)'을 심의·의결": a committee passed the designation
    r"(?:지정|선정)\s?\(?안\)?[’'\"”」]?(?:을|를|이|가|도)?\s?(?:심의\s?[·,]?\s?)?"
    r"의결(?:했|하였|됐|되었|돼|한|,|\s?확정)|"
    r"(?:지정|선정)\s?(?:$|[…,.·\n])"  # a headline: "… 특화단지 선정"
)
# Cues shared by every bid: 유치 of the scheme itself (not "기업 유치", "투자 유치"); a bid
# lost ("탈락", "고배", "되지 못했다"); a request ("추가지정 요청을 보고"); a headline's "…
# 기회발전특구 출사표".
_BID_FOR = r"^(?:을|를)\s?유치|(?<![을를]\s)(?<!투자\s)(?<!투자|기업)유치"
_BID_LOST = r"탈락|고배|불발|되지\s?(?:못|않)"
_BID_ASKED = r"지정\s?요청|요청(?:을|했|하였|한)|출사표|눈앞|유치전"
_SEEK = re.compile(
    rf"목표|{_BID_FOR}|도전|신청|준비|지정을|추진|공모|받기\s?위해|위해|위한|후보|조성(?:과|을|하|에)"
    rf"|{_BID_LOST}|유력"  # a bid lost or pending is still a bid
    r"|선정에\s(?!대해|대한|따라|따른|힘입어)"  # "… 사업 선정에 박차를 가할"
    rf"|{_BID_ASKED}"
)
# A bid that was won: "유치에 성공했다", "이름을 올렸다", "최종 포함됐다".
_WON = re.compile(
    r"^[^.\n]{0,20}?(?:유치(?:에|를)?\s?(?:성공|확정)|유치했|유치한\s(?!뒤|후|다음|이후)|이름을\s?올렸"
    # "… 등을 유치해 기반을 마련했다"
    r"|유치해\s(?=[^.\n]{0,40}?(?:마련했|마련한|이뤘|이루었|닦았))"
    r"|(?:지정|선정)(?:을|까지|도)\s?받(?:았|은\s|아\s|으며|고\s)"  # "… 특구 지정을 받았다"
    r"|(?:지정|선정|유치)\s?(?:확정|쾌거)"  # a headline's "… 특화단지 선정 쾌거"
    r"|포함(?:됐|되었|돼))"
    # "… 지정 공모에 A시가 최종 선정됐다": the call named, then the place chosen in it.
    r"|^[’'\"”]?\s?(?:지정\s?)?공모[’'\"”]?(?:에|에서)[^.\n]{0,30}?(?:선정|지정)(?:됐|되었|돼)"
)
# What makes a national industrial complex a designation: it is created or designated (a bid
# for the complex itself, not "국가산단 등에 투자유치": investment drawn into it).
_CREATED = re.compile(
    r"조성|지정|후보지|예타|예비타당성|(?<!투자)(?<!투자\s)(?<!기업)유치|신청|선정|신규|추진"
)
_ADDRESS = re.compile(r"^\s?(?:내|안|에\s?(?:위치|입주|들어선|있는)|입주\s?(?:기업|업체))")
# A complex due by a year is one being created: "2032년까지 'SMR 국가산업단지'".
_DUE = re.compile(r"\d{4}년\s?까지[^.,\n]{0,12}$")
# A complex under way, before its name ("조성될 … 국가산단 내": firms that settle in it speak of
# a complex being created, not of an address) or as the topic its sentence says is being built
# ("… 국가산단은 … 2030년까지 조성될 예정이다").
_UNDER_WAY = re.compile(r"조성\s?(?:될|중인|예정인|되는|하고\s?있는)\s[^.,\n]{0,14}$")
_BUILT_LATER = re.compile(r"[^.\n]*?조성(?:될|되며|된다|할|한다|\s?중|\s?예정|\s?계획)")
# A scheme that closes a list: "... 특화단지 5곳이 지정", "... 등 ... 특화단지".
_LIST = re.compile(r"(?:\d+|[두세네]|다섯)\s?(?:곳|개\s?지역|개\s?지자체|개\s?시군)|각각")
_LIST_BEFORE = re.compile(r"등\s")
# A sentence that says what a law provides speaks of no place ("…특별법'에 따르면 경제자유구역
# 지정을 위해 시·도지사는 …").
_LAW_SAYS = re.compile(
    r"(?:특별법|특례법|법률|시행령|촉진법|육성법|지원법)[’'\"”]?(?:에\s?따르면|에서는|은|상)\s"
)
_VISION = re.compile(r"\s?비전(?:\s|을|의|이|으로)")
# A scheme that names the kind of another: "… 연구개발특구 모델인 강소특구", "… 모델이다".
_MODEL = re.compile(r"\s?(?:의\s)?(?:모델|유형|형태)(?:인|이다|으로|로|의)")
# A scheme written onto the name of an office: "경제자유구역기획단", "특구위원회".
_OFFICE = re.compile(r"(?:기획단|추진단|사업단|위원회|청장|청(?:은|이|과|와|의|\s)|본부)")
# A scheme named inside the title of a law.
_LAW = re.compile(r"[^.\n]{0,16}?(?:에\s?관한\s?\S*법|(?:특별|특례)법)")
# Strong cues, for a scheme whose own clause has none and for a bare head word.
_STRONG_SEEK = re.compile(
    rf"신청|{_BID_FOR}|도전|공모|지정을|목표|후보|{_BID_LOST}"
    r"|(?:지정|선정)\s?받(?:기|으려|고자|을)"  # "특화단지로 지정받기 위해"
    r"|(?:지정|선정)에\s(?!대해|대한|따라|따른|힘입어)"  # "… 선정에 박차를 가할"
    rf"|{_BID_ASKED}"
)


def complete(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the industry qualifiers of designations and the bare or industry-named
    schemes added (in order)."""
    out: list[Mention] = []
    industries = _Industries([m for m in mentions if m.label == "Industry"])
    taken = Spans(mentions)
    # "연구개발특구 모델인 강소특구": a scheme that only says what kind another one is, not
    # what a bare head word after it stands for.
    referents = [m for m in mentions if not _MODEL.match(text, m.end)]
    last: Mention | None = None
    added: list[Mention] = []
    for match in _BARE.finditer(text):
        if taken.covering(match.start()):
            continue
        qualifiers = _qualifiers(text, match.start(), industries)
        scheme = _scheme(match.group(), qualifiers, last, referents, match.start())
        if scheme is None:
            continue
        ids = tuple(q.id for q in qualifiers if q.id != _MPE_INDUSTRY) or (
            scheme.qualifier if not qualifiers else ()
        )
        # "소부장(소재·부품·장비) 특화단지" is the scheme's own name with a gloss inside: the
        # mention is the whole name, as "소부장 특화단지" is (an industry before it stays out).
        begin = match.start()
        if scheme.id == _MPE:
            for q in reversed(qualifiers):
                if q.id != _MPE_INDUSTRY:
                    break
                begin = q.start
        added.append(
            replace(
                scheme,
                text=text[begin : match.end()],
                start=begin,
                end=match.end(),
                qualifier=ids,
                confidence=0.85 if qualifiers else 0.7,
            )
        )
        last = added[-1]
    new = set(added)
    for m in sorted([*mentions, *added], key=lambda m: m.start):
        if m.label == "Designation" and not m.qualifier and m not in new:
            ids = tuple(q.id for q in _qualifiers(text, m.start, industries))
            m = replace(m, qualifier=tuple(i for i in ids if i != _MPE_INDUSTRY))
        out.append(m)
    return out


class _Industries:
    """A document's industry mentions in order, and those that end by a position, last first.

    The mentions come sorted by start; when their ends are in order too (no industry inside
    another), those ending by ``pos`` are a prefix found by bisection instead of a scan."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self._ends = [m.end for m in mentions]
        self._ordered = all(a <= b for a, b in pairwise(self._ends))

    def ending_by(self, pos: int) -> Iterator[Mention]:
        """The mentions with ``end <= pos``, from the last of the list to the first."""
        if self._ordered:
            last = bisect.bisect_right(self._ends, pos) - 1
            return (self.mentions[at] for at in range(last, -1, -1))
        return reversed([m for m in self.mentions if m.end <= pos])


def _qualifiers(text: str, pos: int, industries: _Industries) -> list[Mention]:
    """Industry names written right before ``pos``: "이차전지 ", "모빌리티·이차전지 ",
    "이차전지 첨단전략산업 ", "소부장 전력반도체 "."""
    found: list[Mention] = []
    for m in industries.ending_by(pos):
        gap = text[m.end : (found[-1].start if found else pos)]
        if not _MARKER.match(gap):
            break
        found.append(m)
    return list(reversed(found))


def _scheme(
    head: str,
    qualifiers: list[Mention],
    last: Mention | None,
    mentions: list[Mention],
    pos: int,
) -> Mention | None:
    """The scheme a bare head word stands for here (a template mention), or None."""
    ids = {q.id for q in qualifiers}
    if head == "특화단지" and qualifiers:
        if _MPE_INDUSTRY in ids:
            return _template(_MPE)
        if "hydrogen" in ids:
            return _template(_HYDROGEN_COMPLEX)
        return _template(_NSIC)
    if last is not None and last.text.endswith(head):
        return last
    for m in reversed([m for m in mentions if m.label == "Designation" and m.end <= pos]):
        if m.text.replace(" ", "").endswith(head):
            return m
    return None


def _template(scheme: str) -> Mention:
    return Mention("Designation", scheme, "", "", "", 0, 0)


def designation_facts(
    text: str,
    s: int,
    e: int,
    subject: str | None,
    mentions: list[Mention],
    dates: list[DateValue],
    ctx: Context,
) -> list[Candidate]:
    out = []
    regions = [m for m in mentions if m.label == "Region"]
    ctx.localities += [r.id for r in regions if ctx.levels.get(r.id) in ("city", "county")]
    named: tuple[str, str, dict[str, str]] | None = None
    for m in mentions:
        if m.label != "Designation":
            continue
        after = text[m.end : min(e, m.end + 25)]
        before = _clause(text[max(s, m.start - 20) : m.start])
        if _address(m, regions, ctx):
            continue  # "경제자유구역 미음지구": the scheme names where a place lies
        if _VISION.match(text, m.end, e):
            continue  # "세계 최고 수소도시 비전 실현": a slogan, not a scheme
        if _MODEL.match(text, m.end, e):
            continue  # "연구개발특구 모델인 강소특구로 지정": the kind of the scheme after it
        if _OFFICE.match(text, m.end, e):
            continue  # "경제자유구역기획단장", "규제자유특구위원회": an office, not a fact
        if _LAW.match(text, m.end, e):
            continue  # "규제자유특구 및 지역특화발전특구에 관한 규제특례법": a law's name
        if any(o.label == "Designation" and 0 <= o.start - m.end <= 1 for o in mentions):
            continue  # "홍천 도시첨단산업단지 기회발전특구": the site of the scheme after it
        zone = _named_zone(text, m, mentions)
        if m.id != NIC and zone is None and _sited(text, m.end, e):
            continue  # "외투지역 2만㎡에 공장을 증축", "첨복단지 입주": a site, not a fact
        if m.id == NIC:
            under_way = _UNDER_WAY.search(text, max(s, m.start - 30), m.start) or (
                _TOPIC.match(text, m.end, e) and _BUILT_LATER.match(text, m.end, e)
            )
            created = _CREATED.search(text, m.end, min(e, m.end + 60)) or _DUE.search(before)
            if not under_way and (not created or _ADDRESS.match(after)):
                continue  # an existing complex given as an address
            kind: str | None = "SEEKS"
        else:  # a bare head word takes only a clear cue ("특화단지의 정착을 위해" seeks nothing)
            lead, rest = text[s : m.start], text[m.end : e]
            kind = _kind(after, before, lead, rest, strong=m.confidence < 1) or _kind(
                rest, _clause(lead), strong=True
            )
        industry = m.qualifier or _INHERENT.get(m.id, ())
        props = {"industry": ",".join(industry)} if industry else {}
        roster = _ROSTER.match(text, m.end, e) is not None or (
            _TOPIC.match(text, m.end, e) is not None
            and _LIST_END.search(text, m.end, e) is not None
        )
        if kind is None and m.id == _NSIC:
            kind = _complex_kind(text, m.end, e)
        if kind is None and roster:
            kind = _roster_kind(text, s, e, ctx)
        if kind is None and _COUNTED.match(text, m.end, e) and _NOW.search(before):
            kind, roster = "HOLDS", True  # "현재 경제자유구역은 A, B, C 등 세 곳이다"
        if kind is None and _ASSETS.match(text, s, m.start) and _ASSET_LIST.match(text, m.end, e):
            kind = "HOLDS"  # "A시는 그동안 B 규제자유특구, C 등 … 과 연계해 … 마련해 왔다"
        by_name = zone is not None and (kind is None or _sited(text, m.end, e))
        if by_name:
            kind, roster = "HOLDS", False  # "화순백신산업특구에 공장": the zone of that place
        named = (kind or "SEEKS", ref(m), props)
        if kind is None:
            continue
        places = (
            [zone]
            if by_name and zone is not None
            else _places(text, s, e, m, regions, ctx, every=roster)
        )
        if m.id == NIC:
            places = _metropolitan(places, ctx)
        places = _governed(places, ctx)
        bidders = (
            _applicants(text, s, m, regions, ctx)
            if kind == "SEEKS" and m.id in _PROVINCE_BIDS
            else []
        )
        if not bidders and kind == "SEEKS" and m.id in _PROVINCE_BIDS:
            bidders = _story_bidder(text, s, m, places, subject, regions, ctx)
        if bidders:
            places = bidders  # the province that bids, not the sites it names
        when = min(dates, key=lambda d: abs(d.start - m.start), default=None)
        year = when.iso[:4] if when else None
        own = (
            subject
            if (ctx.main_strong or _ANAPHOR.search(text, s, e) or _explicit(subject, regions))
            and not _LAW_SAYS.search(text, s, m.start)
            else None
        )
        province = (
            _province_anaphor(text, s, m.start, own or _main(ctx), ctx)
            if not bidders
            and not _city_subject(text, s, m, regions)
            and ((kind == "SEEKS" and m.id in _PROVINCE_BIDS) or not places)
            else None
        )
        if province is not None and kind == "SEEKS":
            # "도는 … 당진시 등과 … 특화단지 지정을 위한 협약": the province bids, the
            # cities of its sentence are partners or sites.
            places = [p for p in places if not _inside(p.id, province.split(":", 1)[1], ctx)]
        own = province or own
        if not places and own and _SITE_TOPIC.search(text, s, m.start):
            own = _site_city(own, ctx) or own
        options: list[Mention | None] = [*places] or [None]
        for place in options:
            subj = ref(place) if place is not None else own
            if not subj:
                continue
            a, b = span(text, s, e, min(m.start, place.start if place else m.start), m.end)
            bids = kind == "SEEKS" and (
                bool(bidders)
                or province is not None
                or (m.id in _PROVINCE_BIDS and _designated_object(text, s, m, regions))
            )
            out.append(
                Candidate(
                    kind,
                    subj,
                    ref(m),
                    a,
                    b,
                    m.confidence * 0.7,
                    date=year,
                    props={**props, _APPLICANT: "yes"} if bids else props,
                )
            )
    if not out and named is not None:
        # A scheme named without a place ("반도체 특화단지 2곳을 발표했다") is what the next
        # sentence's places continue ("용인과 구미가 지정됐다").
        ctx.last_scheme = named
    # The roll call's facts first: its scheme stays the one the next sentence continues.
    return _roll_call(text, s, e, mentions, ctx, out) + out


# A province or metropolitan city as the subject that bids: "강원도는 …", "충남도가 …",
# "전남은 …", "대구ㆍ경북의 경우 …", "A, B 등 5개 지역이 …", or a headline's "강원도, …".
_BIDDER = re.compile(
    r"\s?(?:은|는|이|가|도|에서는|의\s?경우|측은)\s"
    r"|\s?등\s?(?:\d+|[두세네]|다섯|여섯|일곱)\s?(?:개\s?)?(?:지역|곳|시도|시·도|광역자치단체|지자체)"
    r"(?:이|가|은|는)\s"
)
_HEADLINE_BIDDER = re.compile(r",\s")
# What joins the bidders of one subject: "강원과 경기ㆍ충남, 대구ㆍ경북".
_BIDDER_JOINER = re.compile(r"\s?(?:,|과|와|및|·|ㆍ)\s?")
_UPPER = (
    "province",
    "special_self_governing_province",
    "metropolitan_city",
    "special_city",
    "special_self_governing_city",
)
# Schemes a province or metropolitan city applies for by law (the sites are its plan's): the
# free economic zone, the opportunity zone, the hydrogen complex, the regulation-free zone and
# the global innovation zone.
_PROVINCE_BIDS = frozenset(
    {
        "free-economic-zone",
        "opportunity-development-zone",
        _HYDROGEN_COMPLEX,
        "regulation-free-zone",
        "global-innovation-zone",
    }
)
# "A 일대를 … 특구로 지정해 줄 것을", "B군 일부 지역을 기회발전특구로 지정하는": the place is
# what the bid designates, so it holds the bid itself.
_OBJECT_DESIGNATED = re.compile(r"[’'\"”]?\s?(?:으로|로)\s?(?:추가\s?)?(?:지정|선정)")
# Marks a bid whose subject the text names (a province), for ``most_specific``; dropped there.
_APPLICANT = "applicant"


def _applicants(
    text: str, s: int, m: Mention, regions: list[Mention], ctx: Context
) -> list[Mention]:
    """The provinces or metropolitan cities that are the subject of a bid for ``m``: the
    applicant the text names, even where it names the cities of the sites too ("충남도가 …
    당진 수소특화단지 지정을 위해", "전남은 목포ㆍ무안 일대 … 지정을 신청했다"), and a city
    joined to it in the subject ("경기도와 평택시는"). Empty when the subject is only cities or
    counties, or the sentence names no region as its subject."""
    before = [r for r in regions if r.end <= m.start and r.start >= s]
    if _designated_object(text, s, m, regions):
        return []
    for i in range(len(before) - 1, -1, -1):
        r = before[i]
        headline = not text[s : r.start].strip() and _HEADLINE_BIDDER.match(text, r.end)
        if not (headline or _BIDDER.match(text, r.end, m.start)):
            continue
        chain = [r]
        for other in reversed(before[:i]):
            if not _BIDDER_JOINER.fullmatch(text[other.end : chain[-1].start]):
                break
            chain.append(other)
        # "경기도와 평택시는": the province and the city both bid.
        if any(ctx.levels.get(c.id) in _UPPER for c in chain) and not any(
            venue(text[c.end : c.end + 40]) or compared(text[c.end : c.end + 16]) for c in chain
        ):
            return list(reversed(chain))
        return []
    return []


_PROVINCES = ("province", "special_self_governing_province")


def _story_bidder(
    text: str,
    s: int,
    m: Mention,
    places: list[Mention],
    subject: str | None,
    regions: list[Mention],
    ctx: Context,
) -> list[Mention]:
    """The province a story is about as the bidder for ``m`` when its sentence names no
    subject of its own and only sites inside that province ("[전남도는 …] 특히 무안 항공정비
    산단을 기회발전특구로 지정받기 위해 노력 중이다", "이를 위해 창원국가산단에
    수소특화단지를 조성하고자"): the province applies, the sites are its plan's. Empty
    otherwise."""
    if not (places and subject and ctx.main_strong and subject == _main(ctx)):
        return []
    province = subject.split(":", 1)[1]
    if ctx.levels.get(province) not in _PROVINCES:
        return []
    before = [r for r in regions if s <= r.start and r.end <= m.start]
    if any(r.id == province for r in before) or _city_subject(text, s, m, regions):
        return []
    if not all(_inside(p.id, province, ctx) for p in places):
        return []
    return [replace(places[0], id=province)]


def _designated_object(text: str, s: int, m: Mention, regions: list[Mention]) -> bool:
    """Whether the places before ``m`` are what the bid would designate ("A 일대를 …특구로
    지정해 줄 것을 신청", "B군 일부 지역을 기회발전특구로 지정하는 방안")."""
    before = [r for r in regions if s <= r.start and r.end <= m.start]
    return bool(
        before
        and _OBJECT_DESIGNATED.match(text, m.end)
        and re.search(r"(?:을|를)\s", text[before[-1].end : m.start])
    )


# A site as the topic of the sentence: "이번 투자 부지는 … 특구로 지정된 지역이다", "A산단은
# 지난해 … 융복합단지로 지정받았다".
_SITE_TOPIC = re.compile(r"(?:부지|산단|산업단지|단지|이곳|이\s?지역)(?:은|는)\s")


def _site_city(own: str, ctx: Context) -> str | None:
    """The city or county in the province ``own`` that the text named last: where the site
    of its story lies, and so the holder of the scheme the site was given."""
    province = own.split(":", 1)[1]
    if ctx.levels.get(province) not in _UPPER:
        return None
    for place in reversed(ctx.localities):
        if _within(place, province, ctx.parents):
            return f"Region:{place}"
    return None


def _city_subject(text: str, s: int, m: Mention, regions: list[Mention]) -> bool:
    """Whether a region before ``m`` is the subject of its sentence ("포항시는 도와 함께 …"):
    then "도" is a partner, not the bidder."""
    return any(
        s <= r.start and r.end <= m.start and _BIDDER.match(text, r.end, m.start) is not None
        for r in regions
    )


# "도는", "도에서는", "도와": the province, wherever the sentence has it before the scheme.
_PROVINCE_WORD = re.compile(r"(?<![가-힣A-Za-z0-9])도(?:는|가|와|에서는|에서)\s")


def _province_anaphor(text: str, s: int, pos: int, own: str | None, ctx: Context) -> str | None:
    """The province of the document's city when the sentence speaks of "도" before the scheme
    ("한편, 도에서는 … 특화단지 지정을 신청했다"), or None."""
    if own is None or not own.startswith("Region:"):
        return None
    region = own.split(":", 1)[1]
    if not _PROVINCE_WORD.search(text, s, pos):
        return None
    if ctx.levels.get(region) in _UPPER:
        return own if ctx.levels.get(region) != "metropolitan_city" else None
    parent = ctx.parents.get(region)
    while parent is not None and ctx.levels.get(parent) not in _UPPER:
        parent = ctx.parents.get(parent)
    return f"Region:{parent}" if parent else None


def _main(ctx: Context) -> str | None:
    return f"Region:{ctx.main_region}" if ctx.main_region else None


def _address(m: Mention, regions: list[Mention], ctx: Context) -> bool:
    """Whether a named area (a district, a complex) follows the scheme's name directly, so
    that the scheme is part of an address and not a fact of its own."""
    return any(m.end <= r.start <= m.end + 1 and ctx.levels.get(r.id) == "area" for r in regions)


# A strategic-industry complex written with only its own plan or its benefits after it: "바이오
# 특화단지 조성 사업", "첨단특화단지로 조성", "… 특화단지 지정에도 도움이 될" seek it; "… 특화단지
# 지정에 따른 입지 확보" speaks of it as held.
_COMPLEX_BUILT = re.compile(
    r"[’'\"”]?\s?(?:(?:으로|로)\s?)?조성(?:\s?(?:사업|협약|계획|추진)|하|을|에)"
    r"|[’'\"”]?\s?(?:지정|선정)에도\s"
    r"|[’'\"”]?\s?(?:(?:으로|로)\s?)?조성\s?$"
)
_COMPLEX_HELD = re.compile(r"[’'\"”]?\s?지정에\s?따(?:른|라)\s")


def _complex_kind(text: str, end: int, e: int) -> str | None:
    """SEEKS or HOLDS for a strategic-industry complex from the words right after it."""
    if _COMPLEX_HELD.match(text, end, e):
        return "HOLDS"
    return "SEEKS" if _COMPLEX_BUILT.match(text, end, e) else None


# A scheme followed by its places as the topic: "첨단 특화단지 분야 및 지역은 A, B, C이다".
_ROSTER = re.compile(
    r"\s?(?:\S+\s){0,3}?(?:지역|곳|지자체|대상지|후보지|예정지)(?:은|는|으로는|로는)\s"
)
# A scheme as the topic of a count of its places: "(현재) 경제자유구역은 A, B 등 세 곳이다".
_COUNTED = re.compile(
    r"(?:은|는)\s[^.\n]{2,60}?\s등\s?(?:\d+|[두세네]|다섯|여섯|일곱|여덟|아홉)\s?(?:곳|개\s?(?:지역|시군|곳))"
    r"(?:이다|이며|이고|으로|에)"
)
# "국내 경제자유구역은 A, B 등 6곳에서 8곳으로": the whole country's roll of the scheme.
_NOW = re.compile(
    r"(?:현재|기존|이미|지금까지)(?:의)?\s?$|(?:현재|기존|이미)\s\S{0,6}\s?$|(?:국내|전국)(?:의)?\s$"
)
# A region's schemes listed as what it has built on so far: "대구시는 그동안 … 규제자유특구,
# 글로벌혁신특구 등 국가 사업과 연계해 …".
_ASSETS = re.compile(r"[^.\n]{0,12}?(?:은|는|이|가)\s(?:그동안|지금까지|이미|그간)\s")
_ASSET_LIST = re.compile(
    r"[^.\n]{0,60}?\s등\s[^.\n]{0,20}?(?:과|와)\s?(?:연계|연계해|연계하여|함께)(?![가-힣]{0,2}\s?(?:신청|추진))"
)
# The scheme as the topic of a sentence that is a list of its places: "지정된 특구는 ▲A ▲B
# ▲C 등이다", and such a list on its own after the sentence that named and counted them.
_TOPIC = re.compile(r"[’'\"”]?(?:은|는)\s")
_LIST_END = re.compile(r"\s?등\s?(?:\d+\s?곳)?(?:이다|입니다|이었다)")
# What the roster is: sites of a plan or bid, or the places a result named.
_ROSTER_SEEK = re.compile(r"후보|대상지|예정지|신청|공모|유치")
_ROSTER_HOLD = re.compile(r"(?:지정|선정)\s?(?:결과|됐|되었|돼|된|확정)|결과를\s?발표")


def _roster_kind(text: str, s: int, e: int, ctx: Context) -> str | None:
    """HOLDS or SEEKS for a roster sentence, from it and the sentence before; None without a
    cue in either."""
    windows = [(s, e), *((a, b) for a, b, _ in ctx.earlier[-1:])]
    if _ROSTER_SEEK.search(text, s, e):
        return "SEEKS"
    if any(_ROSTER_HOLD.search(text, a, b) for a, b in windows):
        return "HOLDS"
    return None


# A scheme used as a site: a factory built or a company moving in there, not a designation
# ("외투지역 2만3천㎡에 생산공장을 증축", "첨복단지 입주기회", "특구 내에 공장을 짓는다").
_SITE = re.compile(
    r"\s?(?:[\d,.]+(?:\s?[만천백]\s?[\d,.]*)*\s?(?:㎡|평|m²|km²|ha)\s?)?"
    r"(?:입주|(?:내|안)(?:에|의)?\s[^.\n]{0,20}?입주|(?:내|안)?에\s(?![^.\n]{0,6}(?:선정|지정|도전|신청|공모|응모|뛰어|재도전|포함))"
    r"[^.\n]{0,60}?(?:공장|시설|센터|연구소)(?:을|를)?\s?"
    r"(?:증축|신축|건립|건설|짓|지어|세우|세워|세운|신·증축|증설|설립)"
    # "외투지역 내 기존 공장을 증설", "… 내 제조공장 신설", "… 내 유휴지에 투자해 연구소를
    # 지을": a plant inside it
    r"|(?:내|안)(?:에|의)?\s[^.\n]{0,40}?(?:공장|시설|센터|연구소|설비)(?:을|를)?\s?(?:추가\s?)?"
    r"(?:증축|신축|건립|건설|신·증축|신증설|증설|신설|설립|짓|지을|지어)"
    # "과학벨트 내에 소재 전용단지가 조성된다": a complex of its own inside it
    r"|(?:내|안)(?:에|의)?\s[^.\n]{0,16}?단지(?:가|를|이)?\s?[^.\n]{0,50}?조성"
    r"|에\s(?:공장|시설|설비)(?:을|를)\s?(?:추가\s?)?(?:증축|신축|건립|건설|증설|신설)"
    # "산업단지 내 1만㎡ 부지에 …": a plot inside it
    r"|(?:내|안)\s[^.\n]{0,16}?부지(?:에|를|로)\s"
    # "A산단, 스마트그린산단, B밸리 등 3만㎡ 규모 부지에": an item of a list of plots
    r"|(?:,\s?[^,.\n]{1,15}){0,4}\s?등\s[^.\n]{0,16}?부지(?:에|를|로)\s"
    # "첨복단지에 연구소 기업 28곳을 유치했다", "…구역에서 사업을 운영하도록": the address of
    # the firms brought in or working there
    r"|에(?:는)?\s[^.\n]{0,30}?(?:기업|업체)[^.\n]{0,20}?유치"
    r"|에서\s[^.\n]{0,20}?사업을\s?(?:운영|영위))"
)


def _sited(text: str, end: int, e: int) -> bool:
    return _SITE.match(text, end, e) is not None


# Schemes whose name says their industry: a fact of one is a fact about that industry too.
_INHERENT: dict[str, tuple[str, ...]] = {
    _HYDROGEN_COMPLEX: ("hydrogen",),
    "hydrogen-pilot-city": ("hydrogen",),
    "k-uam-grand-challenge": ("uam",),
    "uam-regional-pilot-support": ("uam",),
    "drone-special-free-zone": ("drones",),
    "drone-pilot-city": ("drones",),
    "autonomous-driving-pilot-zone": ("autonomous-driving",),
    "defense-innovation-cluster": ("defense",),
    "space-cluster-district": ("space",),
    "bio-lab-hub": ("bio",),
}


# A sentence that goes on listing the places of the scheme named before: "나머지 네 곳은 …",
# "선정된 지역은 …", "지정된 곳은 …".
_CONTINUES = re.compile(
    r"\s?(?:나머지|선정된|지정된|신청한|이름을\s?올린)\s?(?:\S+\s)?(?:곳|지역|지자체|시군)(?:은|는)\s"
)
# A sentence that names the places the scheme just named was given to, without naming it
# again: "통영시와 창원시에 85만평을 지정했다", "기장군과 강서구가 지정됐다", "선정·운영 중인
# 안티드론(아산)"; or that lists the places of a plan just named: "대전, 천안만 이름을 올려".
_GIVEN = re.compile(
    r"(?:지정|선정)(?:\s?·\s?운영\s?중인|돼\s?운영\s?중인)"
    r"|(?:지정|선정)(?:했|하였)|지정한(?!\s?(?:바|적))|(?:지정|선정)(?:됐|되었|돼|된|되어)(?!\s?(?:바|적))"
)
_LISTED = re.compile(r"이름을\s?(?:올렸|올려|올린)|포함(?:됐|되었|돼)")
# A sentence that names the sites of the bid or plan just named: "대상지는 군산과 익산이다".
_SITES = re.compile(r"\s?(?:\S+\s)?(?:대상지|후보지|예정지|신청지|대상\s?지역)(?:는|은|로는)\s")
# "…로 지정됐다": something else is designated as something (a cultural site, a model firm).
_AS_OTHER = re.compile(r"(?:으로|로)\s?(?:추가\s?|최종\s?|신규\s?|새로\s?)?$")
# What makes an earlier sentence one about a scheme: the scheme's head word.
_SCHEME_WORD = re.compile(r"특구|특화단지|구역|지구|산업단지|국가산단|클러스터|허브|도시")
# A sentence that opens a roll call of bidders: "… 특화단지 유치에 뛰어든 자치단체는 7곳",
# "공모에 5개 시군이 신청했다".
_ROLL_OPENS = re.compile(
    r"(?:유치|신청|공모|도전|경쟁)[^.\n]{0,40}?(?:\d+|[두세네]|다섯|여섯|일곱|여덟|아홉)\s?"
    r"(?:곳|개\s?(?:시|군|시군|지자체|자치단체|지역|도시))"
)
# A bidder of the roll call as the topic of its sentence: "용인시는", "화성시 역시".
_ROLL_TOPIC = re.compile(r"(?:은|는|도|\s역시|\s또한)\s")


def continued_designation(
    text: str, s: int, e: int, mentions: list[Mention], ctx: Context
) -> list[Candidate]:
    """The scheme of the last designation fact for each place of a sentence that goes on
    listing its places ("나머지 네 곳은 대전(유성), 강원(춘천·홍천)이다"), that says they were
    given it without naming it again ("기장군과 강서구 총 57만평이 지정됐다") or that lists
    them as the places of the plan named before ("대전, 천안만 이름을 올려"): the most
    specific of them, as for a list the scheme closes. Only in one of the two sentences after
    one about a scheme."""
    if ctx.last_scheme is None or any(
        m.label == "Designation" and not _named_complex(text, m) for m in mentions
    ):
        return []
    kind, scheme, props = ctx.last_scheme
    regions = [
        m
        for m in mentions
        if m.label == "Region"
        and not venue(text[m.end : m.end + 40])
        and not _in_extent(text, m, s, e)  # "▲경북(구미국가산단)": the province's
    ]
    if _CONTINUES.match(text, s, e):
        return _each(text, s, e, regions, (kind, scheme, props), ctx, 0.5)
    if not _recent(text, ctx):
        return []
    if _SITES.match(text, s, e):
        return _each(text, s, e, regions, (kind, scheme, props), ctx, 0.45)
    ended = _LIST_END.search(text, s, e)
    if ended is not None and _LIST.search(text, *ctx.earlier[-1][:2]):
        # "… 7개 지역을 국가산업단지 후보지로 선정했다. A, B, C 등이다."
        before = [r for r in regions if r.end <= ended.start()]
        if len(before) >= 2:
            return _each(text, s, e, before, (kind, scheme, props), ctx, 0.45)
    listed = _LISTED.search(text, s, e)
    if listed is not None:
        before = [r for r in regions if r.end <= listed.start()]
        return _each(text, s, e, before, (kind, scheme, props), ctx, 0.45)
    for given in _GIVEN.finditer(text, s, e):
        other = _AS_OTHER.search(text, max(s, given.start() - 12), given.start())
        if other is not None and not any(r.end == other.start() for r in regions):
            continue  # "문화재로 지정됐다": designated as something else
        return _each(text, s, e, regions, ("HOLDS", scheme, props), ctx, 0.45)
    return []


# What stands between a zone's place and its scheme in the zone's own name: nothing, a space,
# or the industries it is for ("화순백신산업특구", "세종 자율주행 규제자유특구").
_ZONE_GAP = re.compile(r"\s?|·")
# A special zone's scheme ("…특구"); an investment or trade zone, or a complex, written after
# its place is an address ("천안 외투지역 내 공장").
_ZONE_HEAD = re.compile(r"특구$")
# A zone as the object ("춘천 강소특구를 중심으로 기업을 유치"): its own cues decide.
_ZONE_OBJECT = re.compile(r"[’'\"”]?\s?(?:을|를)(?![가-힣])")


def _named_zone(text: str, m: Mention, mentions: list[Mention]) -> Mention | None:
    """The region a zone is named after, written right before the scheme with only its
    industries between: the zone there is that region's ("세종 자율주행 규제자유특구에 참여하는
    기업", "화순백신산업특구에 공장을 짓는다"). None for any other scheme."""
    if not _ZONE_HEAD.search(m.text) or _ZONE_OBJECT.match(text, m.end):
        return None
    pos = m.start
    for o in sorted((o for o in mentions if o.end <= m.start), key=lambda o: -o.start):
        if not _ZONE_GAP.fullmatch(text[o.end : pos]):
            return None
        if o.label == "Region":
            return o
        if o.label != "Industry":
            return None
        pos = o.start
    return None


def _named_complex(text: str, m: Mention) -> bool:
    """Whether ``m`` ends the name of one complex ("구미1~4국가산단", "명지·녹산국가산단"):
    an address inside a list of places, not a scheme the sentence speaks of."""
    return m.id == NIC and m.start > 0 and re.match(r"[가-힣0-9~·]", text[m.start - 1]) is not None


def _recent(text: str, ctx: Context) -> bool:
    """Whether one of the two sentences before speaks of a scheme."""
    return any(_SCHEME_WORD.search(text, a, b) for a, b, _ in ctx.earlier[-2:])


def _each(
    text: str,
    s: int,
    e: int,
    regions: list[Mention],
    fact: tuple[str, str, dict[str, str]],
    ctx: Context,
    confidence: float,
) -> list[Candidate]:
    """``fact`` for each region, a region inside another of them taking its place."""
    kind, scheme, props = fact
    ids = {r.id for r in regions}
    out: list[Candidate] = []
    seen: set[str] = set()
    for r in regions:
        if r.id in seen or any(_inside(other, r.id, ctx) for other in ids if other != r.id):
            continue
        seen.add(r.id)
        a, b = span(text, s, e, r.start, r.end)
        # "상주를 제외한 4곳이 선정됐다": the place left out lost its bid.
        lost = _LEFT_OUT.match(text, r.end, e) is not None
        out.append(
            Candidate(
                "SEEKS" if lost else kind, ref(r), scheme, a, b, confidence, props=dict(props)
            )
        )
    return out


_LEFT_OUT = re.compile(r"(?:을|를)\s?(?:제외한|제외하고|빼고|뺀)(?![가-힣])")


def _roll_call(
    text: str, s: int, e: int, mentions: list[Mention], ctx: Context, found: list[Candidate]
) -> list[Candidate]:
    """The bid of the scheme last named for a city that is the topic of its sentence, in the
    sentences after one that counts the bidders ("유치에 뛰어든 자치단체는 7곳 … 용인시는 …,
    평택시는 …")."""
    if ctx.last_scheme is None or ctx.last_scheme[0] != "SEEKS":
        return []
    kind, scheme, props = ctx.last_scheme
    had = {c.subject for c in found if c.object == scheme}
    topics = [
        m
        for m in mentions
        if m.label == "Region"
        and ctx.levels.get(m.id) in ("city", "county", "district")
        and _ROLL_TOPIC.match(text, m.end, e)
        and ref(m) not in had
    ]
    if not topics or not any(_ROLL_OPENS.search(text, a, b) for a, b, _ in ctx.earlier[-8:]):
        return []
    return _each(text, s, e, topics[:1], (kind, scheme, props), ctx, 0.45)


# A zone that is already there: "포항 외국인투자지역 내에 공장을 지었다".
# Where the scheme is the place of a thing: "특구 내에", "국가시범도시 일원에서".
_WITHIN = re.compile(r"\s?(?:내|안|일원)(?:에|의|에서|으로)?\s")


# "지정," or "선정." with no verb: a headline's news, or an item of a plan when the sentence
# says it is one ("이를 위해 기업 유치, 특화단지 지정, …").
_NOMINAL = re.compile(r"(?:지정|선정)\s?[…,.·\n]?")
_PLAN = re.compile(r"위해|위한|목표|계획")


# A sentence that ends on an intention: "… 산학융합지구 지정, 대학 유치 등을 통해 … 방침이다".
_PLAN_END = re.compile(
    r"(?:방침|계획|예정|구상)(?:이다|이며|이고|을)|추진(?:한다|할\s?계획)|나선다|나설\s|할\s?것"
)


def _clause(lead: str) -> str:
    """The clause of ``lead`` that the scheme after it is in ("… 요청을 보고하고, 광양만권
    경제자유구역 …": the bid was the clause before)."""
    ends = list(_NEXT_CLAUSE.finditer(lead))
    return lead[ends[-1].end() :] if ends else lead


def _held_after(after: str, lead: str, rest: str = "") -> bool:
    """A cue of a scheme held in the words after it; ``lead`` is its sentence up to it and
    ``rest`` the sentence after it: "지정," as an item of a plan holds nothing."""
    held = _HOLD.search(after)
    if held is None or _SEEK.search(after[:8]):
        return False
    return not (_NOMINAL.fullmatch(held.group()) and (_PLAN.search(lead) or _PLAN_END.search(rest)))


def _kind(
    after: str, before: str, lead: str = "", rest: str = "", *, strong: bool = False
) -> str | None:
    """HOLDS or SEEKS from the words after (first) and before a scheme, or None; ``strong``
    takes only clear cues (for a bare head word, and for a scheme's whole sentence)."""
    if _WON.match(after) or (not strong and _WITHIN.match(after)):
        return "HOLDS"
    if _held_after(after, lead or before, rest or after):
        return "HOLDS"
    seek = _STRONG_SEEK if strong else _SEEK
    if seek.search(after) or seek.search(before):
        return "SEEKS"
    return "HOLDS" if _HOLD.search(before) else None


# The document's own region as the subject: "시는", "도와", "군은".
_ANAPHOR = re.compile(r"(?<![가-힣])(?:시|도|군|구)(?:는|가|도|와|에서는)\s")


def most_specific(facts: list[Candidate], parents: dict[str, str]) -> list[Candidate]:
    """Drop a province's SEEKS or HOLDS of a scheme when a region inside it has the same one
    in the document (a city, or a named area in it): the region that holds a designation is
    the place itself."""
    held = [
        (c.type, c.object, c.subject.split(":", 1)[1], c.props.get("industry", ""))
        for c in facts
        if c.type in _KINDS
    ]
    # The bids whose bidder the text names: a province's keeps it beside its cities', and a
    # city's bid that the text only gives as a site of its province's is the province's.
    named = {
        (c.object, c.subject.split(":", 1)[1])
        for c in facts
        if c.type == "SEEKS" and c.props.get(_APPLICANT)
    }
    out = []
    for c in facts:
        if c.type in _KINDS:
            region, industry = c.subject.split(":", 1)[1], c.props.get("industry", "")
            if c.props.pop(_APPLICANT, None) and c.type == "SEEKS":
                out.append(c)  # the province the text names as bidding keeps its bid
                continue
            if (
                c.type == "SEEKS"
                and c.object.split(":", 1)[1] in _PROVINCE_BIDS
                and any(
                    scheme == c.object and _within(region, bidder, parents)
                    for scheme, bidder in named
                )
            ):
                continue  # "당진 수소특화단지": a site of the province's bid
            if any(
                kind == c.type
                and scheme == c.object
                and _within(child, region, parents)
                and (not industry or industry == their)
                for kind, scheme, child, their in held
            ):
                continue  # a finance zone of the province stays beside the cities' zones
        out.append(c)
    # A region's bid for a scheme the document as surely says it holds is the bid it won, or a
    # further bid of a holder ("기회발전특구 추가 지정 도전"): the region holds the scheme.
    holds = {(c.object, c.subject): c.confidence for c in out if c.type == "HOLDS"}
    return [
        c
        for c in out
        if not (c.type == "SEEKS" and holds.get((c.object, c.subject), -1.0) >= c.confidence)
    ]


_KINDS = ("SEEKS", "HOLDS")


def _within(child: str, region: str, parents: dict[str, str]) -> bool:
    """Whether ``region`` is a parent of ``child`` at any depth."""
    step, seen = parents.get(child), {child}
    while step is not None and step not in seen:
        if step == region:
            return True
        seen.add(step)
        step = parents.get(step)
    return False


def _places(
    text: str,
    s: int,
    e: int,
    m: Mention,
    regions: list[Mention],
    ctx: Context,
    every: bool = False,
) -> list[Mention]:
    """The regions a designation is given to, parents of others left out.

    The regions next to it (20 characters on either side); every region of the sentence
    when the sentence lists them ("… 등 5곳", "각각"); otherwise, with none next to it, the
    regions before it (a passive subject far before: "부산 기장군과 강서구 일대 …
    기회발전특구로 지정됐다"). A named area (an industrial complex) is a place of its own.
    ``every``: the sentence is a roster of the scheme's places. Places in a bracket that gives
    the extent of the place before it ("충북(청주 청원 충주 일원)") are not holders: the
    place before the bracket is."""
    present = [
        r
        for r in regions
        if not venue(text[r.end : min(e, r.end + 40)])
        and not compared(text[r.end : min(e, r.end + 16)])
        and not _in_extent(text, r, s, e)
        and not (0 <= r.start - m.end <= 1 and _ZONE_PART.match(text, r.end, e))
    ]
    near = [
        r
        for r in present
        if 0 <= m.start - r.end <= 20
        or (
            0 <= r.start - m.end <= 20
            and "," not in text[m.end : r.start]
            and not _NEXT_CLAUSE.search(text, m.end, r.start)
        )
    ]
    if (
        every
        or _LIST.search(text, s, e)
        or _LIST_BEFORE.search(text, max(s, m.start - 25), m.start)
    ):
        near = present
    elif not near:
        near = [r for r in present if r.end <= m.start]
    else:
        near = _enumeration(text, present, near, m)
    ids = {r.id for r in near}
    kept: dict[str, Mention] = {}
    for r in near:
        if any(_inside(other, r.id, ctx) for other in ids if other != r.id):
            continue  # "경남·창원": the province gives way to the city in it
        kept.setdefault(r.id, r)
    # "새만금ㆍ군산 경제자유구역": a named area beside a city of its province gives way to the
    # city, the local government that holds it.
    return [
        r
        for r in kept.values()
        if ctx.levels.get(r.id) != "area"
        or not any(
            o.id != r.id and ctx.levels.get(o.id) in _LOCAL and _top(o.id, ctx) == _top(r.id, ctx)
            for o in kept.values()
        )
    ]


_LOCAL = ("city", "county", "district")
_METROPOLITAN = ("metropolitan_city", "special_city")


def _metropolitan(places: list[Mention], ctx: Context) -> list[Mention]:
    """A national industrial complex planned in a district or county of a metropolitan city is
    the metropolitan city's ("대전 유성구 교촌동 일대에 조성될 … 국가산업단지"): the city plans
    and proposes it, the district is its site."""
    out: list[Mention] = []
    for place in places:
        parent = ctx.parents.get(place.id)
        if parent is not None and ctx.levels.get(parent) in _METROPOLITAN:
            place = replace(place, id=parent)
        if all(o.id != place.id for o in out):
            out.append(place)
    return out


# The name of an industrial complex, not of a wider area ("새만금", "광양만권").
_COMPLEX = re.compile(r"(?:단지|산단)$")


def _governed(places: list[Mention], ctx: Context) -> list[Mention]:
    """An industrial complex given a scheme stands for the local government it lies in ("경북
    구미국가산업단지 일부 지역 … 외국인투자지역 지정"): the complex holds nothing itself, the
    city that has it does. A wider area (Saemangeum, a bay) keeps its own rule."""
    out: list[Mention] = []
    for place in places:
        parent = ctx.parents.get(place.id)
        if (
            ctx.levels.get(place.id) == "area"
            and parent is not None
            and _COMPLEX.search(place.text)
        ):
            place = replace(place, id=parent)
        if all(o.id != place.id for o in out):
            out.append(place)
    return out


def _top(region: str, ctx: Context) -> str:
    """The province or metropolitan city ``region`` lies in (itself if it is one)."""
    seen = {region}
    while ctx.levels.get(region) not in _UPPER and region in ctx.parents:
        region = ctx.parents[region]
        if region in seen:
            break
        seen.add(region)
    return region


# A place glued to the name of a zone's district right after the scheme ("인천경제자유구역
# 강화남단지구 추가지정"): the district's name, not a holder.
_ZONE_PART = re.compile(r"[가-힣]{0,4}(?:지구|단지|지역)")
# A clause ending between a scheme and a place after it: the place is the next clause's
# ("A를 '대불 자유무역지역'으로 지정하고 경남 B시 …").
_NEXT_CLAUSE = re.compile(r"(?:하고|했고|하며|했으며|되고|됐고|되며|이며|이고),?\s")
# What joins the items of a list of places: "오창과 경북 포항, 울산, 전북 새만금"; an item
# may carry a word with its extent in brackets ("강원 동해안(강릉 동해 일원), 충북").
_JOINER = re.compile(r"\s?(?:[가-힣]{0,4}\([^()\n]{0,30}\))?\s?(?:,|과|와|및|·|이나|또는)?\s?")
# A bracket that gives the extent of a place: "(청주 청원 충주 일원)".
_EXTENT_OPEN = re.compile(r"\(([^()\n]{0,30})$")
_EXTENT_CLOSE = re.compile(r"[^()\n]{0,30}?(?:일원|일대|등지|국가산단|산단|산업단지|일반산단)\s?\)")


def _in_extent(text: str, r: Mention, s: int, e: int) -> bool:
    """Whether ``r`` is written inside a bracket that ends with 일원/일대 (an extent)."""
    return (
        _EXTENT_OPEN.search(text, max(s, r.start - 30), r.start) is not None
        and _EXTENT_CLOSE.match(text, r.start, e) is not None
    )


def _enumeration(
    text: str, present: list[Mention], near: list[Mention], m: Mention
) -> list[Mention]:
    """``near`` with the places of the list that the nearest one before the scheme closes:
    "충북 청주 오창과 경북 포항, 울산, 전북 새만금이 … 특화단지에 선정" gives all four."""
    before = sorted((r for r in present if r.end <= m.start), key=lambda r: r.start)
    if not before or before[-1] not in near:
        return near
    chain = [before[-1]]
    for r in reversed(before[:-1]):
        if not _JOINER.fullmatch(text[r.end : chain[-1].start]):
            break
        chain.append(r)
    return [*near, *(r for r in chain if r not in near)]


def _explicit(subject: str | None, regions: list[Mention]) -> bool:
    """Whether the sentence names its subject region itself (not only the document does)."""
    return subject is not None and any(ref(r) == subject for r in regions)


def _inside(child: str, parent: str, ctx: Context) -> bool:
    return _within(child, parent, ctx.parents)
