"""Regions named without being spoken of: venues, head offices, comparisons, titles.

장소 언급 / a place named in passing is not a region of the story: the venue of an event
("서울 포시즌스 호텔에서 열린"), a company's home ("㈜한빛(서울)", "대구에 본사를 둔",
"경기 시흥 소재 ㈜한빛", "청주 오창단지에 위치한 한빛은", "부산에 공장을 둔", "평택 단지를
거점으로 운영해 온") or its other office ("연구소는 하남에 자리 잡았다"), a place used only
for comparison or as a rival ("서울·부산에 이어", "송도 등과 어깨를 나란히", "세종과
제주를 제외한", "경쟁 상대인 구미", "구미 등이 공장을 갖춘 데 비해"), a person's title
("김철수 여수시장", "경기도의원"), an outlet's dateline in brackets ("[KBS 전주]"), a
company that shares a region's name in a list of companies ("현대차, 세종, 효성"), where a
company moves from ("본사를 울산에서 대구로 이전", "경기도 남양주 본사를 춘천으로 이전"),
a hotel or hall where something takes place ("서울 여의도 한빛호텔에서"), and a wider area
named after a place ("경남권").
``in_passing`` leaves such region mentions out; the designation rules use the same tests.
"""

from __future__ import annotations

import re

from ingest.documents.matcher import Mention

# "서울 한국기술센터에서 열린 …", "어느군 산업단지 (주)가온로봇에서 개최된 …".
_VENUE = re.compile(
    r"^(?P<gap>[^,.\n]{0,30}?)(?:(?:에서|서)\s(?:[^,.\n]{0,30}?(?:을|를)\s)?"
    r"(?:열린|열렸|열리는|열어|개최|진행된|진행됐|진행한|가진|가졌)"
    # a signing's venue: "진주시 … 서부청사에서 경남도·사천시와 협약을 체결했다"
    r"|에서\s(?:[^,.\n]{0,30}?(?:을|를)\s)?체결)"
)
# Right after a region: a briefing or a fair held there ("서울서 ‘…’ 투자설명회 개최").
_EVENT_HELD = re.compile(
    r"^\s?(?:에서|서)\s[^,.\n]{0,30}?(?:설명회|박람회|전시회|포럼|보고회|간담회|세미나|로드쇼)"
    r"(?:를|을)?\s?(?:개최|열|가졌|가진)"
)
# A subject or object particle in the gap: the region has a part in its own clause.
_ARGUMENT = re.compile(r"(?:^|[가-힣])(?:은|는|이|가|을|를)(?:\s|$)")
# A particle inside the gap means the place is the subject or object of its own clause.
_CLAUSE = re.compile(r"(?:은|는|이|가|을|를|도|와|과)\s")
# "서울·부산에 이어", "송도 등과 어깨를 나란히", "수도권처럼".
_COMPARED = re.compile(
    r"^(?P<gap>[^,.\n]{0,8}?)(?:에\s?이어|에\s?비해|처럼|와\s?달리|과\s?달리|보다\s|(?:과|와)\s?어깨를"
    r"|(?:과|와)\s?같은|(?:을|를)\s?(?:한발\s?|한\s?발\s?|크게\s?)?앞서(?:가|갈|나|고|며|는)"
    # Left out of a list ("세종과 제주를 제외한 모든 지자체"), not left out of a selection
    # ("상주를 제외한 4곳이 선정됐다": a bid lost).
    r"|(?:을|를)\s?(?:제외한|제외하고|빼고|뺀)(?![가-힣])(?!\s?(?:\d|[두세네]\s?곳|다섯|나머지)))"
)
# The subject of a contrast clause: "구미나 용인 등이 공장을 갖춘 데 비해 (대전은 …)".
_CONTRAST = re.compile(
    r"^\s?(?:등)?(?:이|가|은|는)\s[^,.\n]{0,40}?(?:데|것에|것과)\s?(?:비해|반해|달리)(?![가-힣])"
)
# Before a region: what makes it a rival ("경쟁 상대인 ", "경쟁에 나설 것으로 예상되는 ").
_RIVAL = re.compile(
    r"(?:경쟁\s?(?:상대|지역|도시|지자체)(?:인|로|들인)?|라이벌인?"
    r"|경쟁[^.,\n]{0,20}?예상되는|다른\s?(?:지역|지자체|시도|시·도)인?)\s$"
)
# After a region: one of the places a comparison names alongside the story's own ("구미는
# 경남 창원 등과 함께 국내에서 대표적인 방산 도시다").
_ALONGSIDE = re.compile(
    r"^\s?등(?:과|와)\s?(?:함께|더불어)\s(?:국내(?:에서)?\s|전국(?:에서)?\s)?(?:대표적|손꼽)"
)
# A company's home: "대구에 본사를 둔", "경북 포항에 본사를 두고", "청주시 소재 ㈜…".
_HOME = re.compile(
    # the homes of a list of firms too: "대구, 경산, 안동 등에 본사를 두고 있는"
    r"^\s?(?:등)?(?:에|에서)?\s?(?:본사|본점|본사를|본사가)\s?(?:를|가)?\s?(?:둔|두고|둔다|있는|이전한)"
    # with the district between: "경기도 용인시 수지구 소재 한빛은"
    # ("부천시 소재로 장비를 만드는 한빛은")
    r"|^\s?(?:[가-힣]{1,4}(?:구|동|읍|면)\s)?소재(?:의|로)?\s|^\s?본사(?:에서|에|의)?\s"
    # a company introduced as one of the place's own firms: "포항시 강소기업인 ㈜한빛",
    # "부산의 향토기업인 ㈜가온"
    r"|^(?:의)?\s(?:강소|향토|중견|중소|지역)?\s?기업인\s"
    # a company's plant as its home: "부산에 공장을 둔 한빛은"
    r"|^\s?에\s(?:공장|생산\s?공장|사업장)(?:을|를)\s(?:둔|두고)\s"
    # where it was founded: "2006년 충남 천안에 설립된 한빛은"
    r"|^\s?에(?:서)?\s(?:설립된|설립한|창업한|창립한)(?![가-힣])"
    # a tenant of another firm's office: "경기 이천 한빛전자 본사에 입주해 있는"
    r"|^\s[^,.\n]{0,15}?(?:본사|사옥)\s?(?:에|내에)\s?입주(?:해\s?있|한)"
    # where it has long been based: "평택 포승단지를 거점으로 회사를 운영해 왔으나"
    r"|^\s(?:[^,.\n\s]{1,12}\s)?[^,.\n\s]{0,12}?(?:을|를)\s?거점으로\s[^.\n]{0,25}?(?:운영해\s?왔|운영해\s?온)"
    # a company's home written before its marked name: "서울 ㈜한빛, 충남 ㈜가온"
    r"|^\s(?:㈜|\(주\))"
)
# Before and after a region: a company's plant that it already runs there ("기존 경기 광명의
# 공장 생산시설이 협소해", "기존 군산공장과 인접한").
_EXISTING_BEFORE = re.compile(r"기존\s$")
_EXISTING_PLANT = re.compile(
    r"^(?:의\s)?\s?[^.,\n]{0,12}?(?:공장|생산\s?시설|사업장)(?![가-힣]{0,2}\s?(?:을|를)\s?(?:짓|건립|신축))"
)
# Before a region: a company's home as the topic ("본사는 충북 청주 … 위치한", "본사가 있는
# 진천군").
_HOME_BEFORE = re.compile(r"(?:본사|본점)(?:는|가)\s(?:있는\s|위치한\s)?$")
# Before and after a region: a firm's laboratory or other office that is already settled there
# ("연구소는 경기도 하남에 자리 잡았다").
_OFFICE_BEFORE = re.compile(r"(?:연구소|연구개발센터|사무소|지사)(?:는|가)\s$")
_SETTLED = re.compile(r"^\s?에\s?(?:자리\s?(?:잡았|잡고\s?있|하고\s?있)|있다|위치해\s?있)")
# After a region: where a company moves from ("울산에서 대구로 이전", "경기도 남양주 본사를
# 춘천으로 이전", "경산에 있는 생산 시설을 논산으로 이전", "서울 본사와 연구소 등을 이전").
_MOVED_FROM = re.compile(
    r"^\s?(?:에서|서)\s[^,.\n]{0,25}?(?:으로|로)\s(?:[^,.\n]{0,12}?\s)?(?:통합\s?)?(?:이전|옮)"
    r"|^(?:\s?에\s(?:있는|있던|위치한|(?:분산\s?)?운영\s?중인)\s[^.\n]{0,20}?|\s)"
    r"(?:본사|본점|공장|생산\s?시설|연구소)(?:를|을|와|과|도)?\s[^.\n]{0,30}?(?:이전|옮)"
)
# After a region: a company's plant there that already runs ("울산공장에서 생산을 이어오다",
# "청주공장에서 생산을 시작으로", "울산의 루프 생산 공장과 … 가동 중").
_OTHER_PLANT = re.compile(
    r"^(?:의\s[^.,\n]{0,12}?)?\s?공장(?:에서|을|과|와)?\s[^.\n]{0,30}?"
    r"(?:생산을?\s?(?:시작으로|이어오|이어\s?오)|가동\s?(?:중|하고\s?있))"
)
# Before a region: the head office being moved ("본사를 경북 예천에서 …", "본사 울산서 대구로").
_MOVED_BEFORE = re.compile(r"(?:본사|본점|공장|연구소)(?:를|을)?\s$")
_FROM = re.compile(r"^\s?(?:에서|서)\s\S{1,12}?(?:으로|로)(?![가-힣])")
# After a region: the venue of a signing or a briefing ("서울 여의도 켄싱턴호텔에서", "청주
# 그랜드플라자에서", "강남구 삼성동 코엑스에서", "서울 중구 한빛빌딩에서", "서울 한빛협회
# 중앙회에서", "부산 한빛 유스호스텔에서").
_VENUE_PLACE = re.compile(
    r"^(?P<gap>[^,.\n]{0,25}?)(?:호텔|컨벤션\s?(?:센터|홀)?|코엑스|벡스코|킨텍스|엑스코|플라자|웨딩홀"
    r"|회관|볼룸|빌딩|타워|중앙회|호스텔)(?:\([^()\n]{1,15}\))?에서\s"  # "…플라자(IKP)에서"
)
# "… 오창산업단지에 위치한 (한빛은)": a company's site, when a company follows.
_SITED = re.compile(r"^\s?(?:\S+\s)?\S*?에\s?위치한\s")
# A person's title: "여수시장", "나주시 부시장", "전북지사", "목포시장은".
_TITLE = re.compile(
    r"^\s?(?:(?:시|군|구|도)\s?)?(?:부|행정부|경제부|정무부)?"
    r"(?:시장|군수|구청장|도지사|지사|교육감|시의회\s?의장|도의회\s?의장|의원)"
    r"(?:은|는|이|가|과|와|도|의|을|를|에게|\s?권한대행)?(?![가-힣])"
)
# "여수시 장," where the matcher took "여수시": the rest of the title.
_TITLE_REST = re.compile(r"^\s?장(?:은|는|이|가|과|와|도|의|을|를)?(?![가-힣])")
# An outlet's dateline: "[KBS 전주]", "[전주=뉴스1]".
_BRACKET = re.compile(r"\[[^\[\]\n]{0,14}$")
_BRACKET_END = re.compile(r"^\s?(?:\]|=)")
# What joins the regions of one place or one list: "경북 포항", "구미나 경기 용인".
_CHAIN = re.compile(r"\s?(?:,|·|과|와|이나|나|및)?\s?")


def compared(after: str) -> bool:
    """Whether the text after a region makes it a comparison ("서울·부산에 이어")."""
    match = _COMPARED.match(after)
    return match is not None and not _ARGUMENT.search(match["gap"])


def venue(after: str) -> bool:
    """Whether the text after a region makes it the venue of an event."""
    match = _VENUE.match(after)
    return match is not None and not _CLAUSE.search(match["gap"])


def _venue_place(after: str) -> bool:
    """Whether a hotel, a convention centre or a hall right after the region is where
    something takes place ("서울 여의도 켄싱턴호텔에서"), the region not being a party, or
    the region is where a briefing is held ("서울서 ‘…’ 투자설명회 개최")."""
    match = _VENUE_PLACE.match(after)
    return (match is not None and not _ARGUMENT.search(match["gap"])) or (
        _EVENT_HELD.match(after) is not None
    )


def in_passing(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without regions that are only a venue, a head office, a comparison, a rival,
    a title or a dateline, and without organisations that are only a venue ("(주)한빛로보틱스에서
    열린 보고회") or a comparison ("포스코와 같은 기업"). A title of a region the text names
    elsewhere too stays ("상주시는 … ◀홍길동 상주시장▶"): it still says what the story is about."""
    orgs = [m for m in mentions if m.label == "Organization"]
    regions = [m for m in mentions if m.label == "Region"]
    aside = _aside(text, regions, orgs) | _zone_names(text, regions, mentions)
    out: list[Mention] = []
    titled: set[int] = set()
    for m in mentions:
        after = text[m.end : m.end + 40]
        if m.label == "Region" and (
            id(m) in aside
            or _head_office(text, m, orgs)
            or venue(after)
            or _venue_place(after)
            or compared(after[:16])
            or _company_in_list(text, m, orgs)
            or _homonym(text, m)
        ):
            continue
        if m.label == "Region" and _titled(text, m):
            titled.add(id(m))
        if m.label == "Organization" and (venue(after[:24]) or compared(after[:10])):
            continue
        out.append(m)
    named = {m.id for m in out if m.label == "Region" and id(m) not in titled}
    return [m for m in out if id(m) not in titled or m.id in named]


def _zone_names(text: str, regions: list[Mention], mentions: list[Mention]) -> set[int]:
    """Ids of the second place of a two-place zone name written as one word with the scheme
    ("부산·진해경제자유구역 미음지구"): the name of a zone, not a region of the story (the
    first place stays; it is usually the story's own)."""
    schemes = {m.start for m in mentions if m.label == "Designation"}
    return {
        id(r)
        for r in regions
        if r.end in schemes
        and text[r.start - 1 : r.start] in ("·", "ㆍ")
        and any(o.end == r.start - 1 for o in regions)
    }


def _head_office(text: str, region: Mention, orgs: list[Mention]) -> bool:
    """ "㈜커먼코딩(서울)": a region alone in the brackets right after an organisation or after
    its chief's name ("(대표 김철수, 창원)"), or
    right after any name in a list of companies ("한빛바이오(대전)와 … 등 7개 기업이") or
    in an outlet's byline ("한빛경제(세종) 전문기자", "한빛일보(춘천)=", or such a bracket
    ending its line)."""
    if text[region.end : region.end + 1] == ")" and _CHIEF_BEFORE.search(
        text, max(0, region.start - 14), region.start
    ):
        return True  # "㈜한빛(대표 김철수, 창원)"
    if text[region.start - 1 : region.start] != "(" or text[region.end : region.end + 1] != ")":
        return False
    if any(o.end == region.start - 1 for o in orgs):
        return True
    if region.start < 2 or not text[region.start - 2].isalnum():
        return False
    return _BYLINE.match(text, region.end + 1) is not None or (
        _COMPANIES.match(text, region.end + 1) is not None
    )


# Before a region: a company's chief in the same bracket ("(대표 김철수, ").
_CHIEF_BEFORE = re.compile(r"\(대표(?:이사)?\s?[가-힣]{2,4}\s?,\s?$")
# After "(region)": the rest of a byline ("= 기자", ") 전문기자").
# A byline whose rest was cleaned away leaves the bracket at the end of its line.
_BYLINE = re.compile(r"\s?=|\s(?:[가-힣]{1,6}\s)?(?:전문)?기자(?![가-힣])|[ \t]*(?:\n|$)")
# After "(region)": a list that closes as a count of companies ("… 등 총 7개 기업이").
_COMPANIES = re.compile(
    r"[^.\n]{0,160}?\s등\s(?:총\s?)?\d+\s?(?:개\s?)?(?:기업|업체|개사|사)(?:이|가|은|는|을|를|과|와)?\s"
)
_ANSAN_DAEJEON = re.compile(r"\s?첨단(?:국방)?산업?단지")
# "경남권", "서울권의": a wider area named after a place.
_SPHERE = re.compile(r"권(?:역)?(?:의|에|에서|과|와|을|를|이|가|은|는|도|·|,|\s)")
# A homonym: "양산" written as mass production ("양산공장", "양산 체제에 들어간다"); 진해만,
# the bay.
_MASS_PRODUCTION = re.compile(
    r"(?:공장|체제|라인|설비|능력|규모|돌입|시설|기술|성공|착수|시점|단계|물량|화(?![가-힣]))"
    r"|\s(?:체제|라인|설비|돌입|공장|단계|시점)"
)


def _homonym(text: str, region: Mention) -> bool:
    if region.text == "진해":
        return text.startswith("만", region.end)  # 진해만: the bay, not the former city
    if region.text == "안산":  # Daejeon's 안산 complex ("안산 첨단국방산업단지"), not Ansan city
        return _ANSAN_DAEJEON.match(text, region.end) is not None
    if _SPHERE.match(text, region.end):
        return True  # "경남권·충남권", "서울권": the area around a place, not its government
    return region.text == "양산" and _MASS_PRODUCTION.match(text, region.end) is not None


def _titled(text: str, region: Mention) -> bool:
    """Whether the region is only part of a person's title ("여수시장", "나주시 부시장") or of
    an outlet's dateline ("[KBS 전주]")."""
    after = text[region.end : region.end + 16]
    if _TITLE.match(after):
        return True
    if region.text.endswith(("시", "군")) and _TITLE_REST.match(after):
        return True
    return bool(
        _BRACKET.search(text, max(0, region.start - 14), region.start) and _BRACKET_END.match(after)
    )


def _chains(text: str, regions: list[Mention]) -> list[list[Mention]]:
    """Regions written one after another as one place or one list ("경북 포항", "경북 구미나
    경기 용인")."""
    chains: list[list[Mention]] = []
    for r in sorted(regions, key=lambda m: m.start):
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and 0 <= r.start - last.end <= 4
            and _CHAIN.fullmatch(text[last.end : r.start])
        ):
            chains[-1].append(r)
        else:
            chains.append([r])
    return chains


def _aside(text: str, regions: list[Mention], orgs: list[Mention]) -> set[int]:
    """Ids of the regions whose whole chain is a company's home, a rival or the subject of a
    contrast: "경북 포항에 본사를 둔", "경쟁 상대인 경북 구미나 경기 용인", "구미 등이 … 갖춘
    데 비해"."""
    out: set[int] = set()
    for chain in _chains(text, regions):
        first, last = chain[0], chain[-1]
        after = text[last.end : last.end + 60]
        before = text[max(0, first.start - 30) : first.start]
        sited = _SITED.match(after[:30])
        if (
            _HOME.match(after)
            or _HOME_BEFORE.search(before)
            or (_OFFICE_BEFORE.search(before) and _SETTLED.match(after))
            or (_EXISTING_BEFORE.search(before) and _EXISTING_PLANT.match(after))
            or _MOVED_FROM.match(after)
            or _OTHER_PLANT.match(after)
            or (_MOVED_BEFORE.search(before) and _FROM.match(after))
            or _RIVAL.search(before)
            or _CONTRAST.match(after)
            or _ALONGSIDE.match(after)
            or (sited is not None and any(o.start == last.end + sited.end() for o in orgs))
        ):
            out.update(id(r) for r in chain)
    return out


def _company_in_list(text: str, region: Mention, orgs: list[Mention]) -> bool:
    """ "현대차, SK가스, 세종, 동희산업": a bare name between two organisations of a list is
    a company that shares a region's name."""
    if region.text.endswith(("시", "군", "구", "도")):
        return False  # "새만금개발청, 군산시, 농어촌공사": a government among the parties
    left = _COMMA_BEFORE.search(text, max(0, region.start - 2), region.start)
    right = _COMMA_AFTER.match(text, region.end)
    if left is None or right is None:
        return False
    before, after = left.start(), right.end()
    return any(o.end == before for o in orgs) and any(o.start == after for o in orgs)


_COMMA_BEFORE = re.compile(r",\s?$")
_COMMA_AFTER = re.compile(r",\s?")
