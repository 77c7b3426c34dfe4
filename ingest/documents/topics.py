"""The industries a document is about, as opposed to every industry word in it.

문서의 산업 / a document's industries: those of its facts (a region pursues them, a scheme or
an investment is for them) and the industries it names in its own statements, but not:

- the words of a definition ("피지컬AI는 차량·로봇·공장 등을 움직이는 …이다", "SMR은 …
  원자로로, 태양광·풍력과 연계된다"): only what is defined counts;
- a national list of categories ("반도체, 디스플레이, 바이오 등 6대 주력산업", "국방 5대
  신산업");
- umbrella words (에너지, 신재생에너지, 탄소중립, 창업, 관광, 첨단소재, 식품) unless a fact makes
  them a focus or they are written as an industry or a concrete thing of it ("관광 산업",
  "관광·레저단지", "관광리조트", "건강기능식품", "식품첨가물 제조업체"), or as an item of a list
  of sectors ("로봇·모빌리티·에너지 등");
- a national category list ("이차전지와 반도체 등 정부의 국가첨단전략산업", "… 3개
  분야별로");
- an industry named as an era, a means or a market the product serves ("AI 시대", "AI 기반
  서비스", "수소차 연료탱크", "충전용", "전기차 시장 확대", "자동차, 스마트폰 등에 공급",
  "바이오, 반도체 등 다양한 분야에서 응용", "전기차, ESS 시장에서");
- a company's history ("… 사업을 시작으로 … 거쳐", "2020년부터 수소연료전지 사업"): it adds
  no industry the rest of the story does not name.

A scheme whose name is an industry concept (소부장 특화단지) names that industry; an advanced
medical complex (첨단의료복합단지) is for bio and medical devices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.documents.matcher import Gazetteer, Mention
from ingest.documents.spans import Spans
from ingest.korean.sentences import Sentence

#: Categories too broad to be a document's industry by being named.
UMBRELLA = frozenset(
    {
        "energy",
        "renewable-energy",
        "carbon-neutrality",
        "startups",
        "tourism",
        "food",
    }
)
# Fields whose name opens the name of a sub-field ("이차전지 양극재", "배터리 팩") as a field
# of its own: the text names both (the gold guideline's example). Not so for 자동차부품,
# 전력반도체 or 수소 생산, where the field is only the sub-field's head word.
_NAMED_BEFORE_SUBFIELD = frozenset({"battery"})
# "X는 … Y로, …" or "X는 … 제도다/거점이다/…이다": a sentence that says what X is.
_DEFINES = re.compile(
    r"(?:이다|입니다|(?:제도|구역|거점|재료|소재|원료|물질|기술|산업|시설|사업|개념|방식|분야|것)"
    r"(?:이)?(?:다|입니다)|말한다|뜻한다|의미한다|가리킨다|일컫는다)\s?[.\"”’']*$"
)
_APPOSITION = re.compile(r"^[^,]{0,40}?(?:은|는)\s[^,]{0,60}?(?:으로|로),\s")
_CATEGORY_LIST = re.compile(
    r"(?:등|같은)\s?(?:\S+\s){0,2}?(?:\d+|[두세네]|다섯|여섯|일곱|BIG\s?\d)\s?대?\s?"
    r"(?:주력|신|전략|핵심|미래|신성장)?\s?(?:산업|분야|기술)"
    # "이차전지와 반도체 등 정부의 국가첨단전략산업", "… 세 분야별로"
    r"|등\s?(?:정부의?\s?)?(?:국가)?첨단전략산업"
    r"|(?:\d+|[두세네])\s?개\s?분야(?:별|에|의|로)"
    r"|(?:\d+|[두세네])\s?개(?:다|이다)\.?$"  # "분야는 반도체와 이차전지, 디스플레이 3개다"
    # the region's industries of old: "… 등 도의 주력산업", "자동차 산업을 비롯한 기존 주력산업"
    r"|(?:등|[을를]\s?비롯한)\s?(?:(?:도|시|지역|기존|전통)의?\s?(?:주력\s?산업|제조업)|제조\s?산업을)"
)
# "4대 주력산업이었던 자동차 조선 석유화학 비철금속과 함께 2차전지 산업을": the region's
# industries of old, named beside the new one.
_OLD_MAINSTAYS = re.compile(r"(?:주력\s?산업|제조업)(?:이었던|였던)\s")
_ALONGSIDE = re.compile(r"[^.\n]{0,30}?(?:과|와)\s함께")
_CLAUSE_BREAK = re.compile(r"(?:한편|면서|으며|하며|하고),?\s")
_SUBJECT = re.compile(r"(?:은|는)\s")
# What makes an umbrella word a focus: written as an industry or a concrete thing of it.
_FOCUS = re.compile(
    r"(?:산업|리조트|관광단지|테마파크|관광상품|우주관광|의료관광|건강기능식품|메디컬푸드|식품가공)$"
)
# An umbrella word glued to another word and 산업 ("관광레저산업"): written as an industry.
_GLUED_INDUSTRY = re.compile(r"[가-힣]{1,4}산업")
# An umbrella word written as a field of its own ("첨단소재 산업의 거점", "에너지 분야 대기업",
# "에너지 신산업"), or as what is built for it ("재생에너지 인프라", "재생에너지 융복합 단지",
# "탄소 저감 설비").
_AS_FIELD = re.compile(
    r"\s?(?:신산업|산업|분야|인프라|융복합|설비)(?:[은는이가의을를에와과도]|에서|으로|로)?(?![가-힣])"
)
# The aerospace industry, written as such, is the aviation and the space industry.
_AEROSPACE_INDUSTRY = re.compile(r"(?:우주항공|항공우주)\s?산업")
# ... and so is the aerospace field written as such ("우주항공 분야", "우주항공 특구", "항공우주
# 부품", "항공우주 소재산업").
_AEROSPACE = re.compile(r"우주항공|항공우주")
_AEROSPACE_FIELD = re.compile(r"\s?(?:분야|특구|부품|소재|클러스터|기업)")
# Cars are the market most stories of batteries, chips and materials name (see _car_markets).
_CARS = frozenset({"automotive", "electric-vehicles"})
_MARKET_MENTIONS = 2
# Schemes whose name is itself an industry concept, or whose law gives their industries (the
# advanced medical complexes are for new drugs and medical devices).
_SCHEME_INDUSTRY = {
    "mpe-specialized-complex": ("materials-parts-equipment",),
    "advanced-medical-complex": ("bio", "medical-devices"),
}
# Words after an industry's name that make it an era, a means or a market served rather than
# the sector itself: "AI 시대", "인공지능(AI) 기반 서비스", "수소차 연료탱크", "수소차 15만 대",
# "충전용", "전자 부품용 소재".
_NOT_THE_SECTOR = re.compile(
    r"(?:\([^()\n]{1,12}\)|\))?(?:\s?시대(?:에|의|를|을)?(?![가-힣])"
    r"|(?:·[가-힣A-Za-z0-9]{1,6})*\s?기반(?:의)?\s(?!구축|조성|마련|확충|강화|시설|산업)"
    r"|\s?(?:연료탱크|용기)|\s?[\d,.]+\s?만?\s?대(?![가-힣])"
    r"|\s?(?:시장|수요|업황)(?:의|이|은|을|에|과|와)?\s?(?:확대|성장|증가|둔화|침체|회복|규모|수요)"
    r"|\s?(?:충전|부품|소재)?용(?:으로|의|도)?(?![가-힣]))"
)

# After an industry: the rest of a list of the markets or uses a product serves ("자동차, 스마트폰
# 등 IT기기에 공급", "바이오, 의약, 반도체 등 다양한 분야에서 응용", "자동차·반도체 등으로
# 확장", "전기자동차, 에너지저장장치(ESS) 시장에서"), with items of two words ("노트북 케이스,
# 의료기기, 해양 장비 등으로 공급"), or a use without a list ("에너지저장장치에 주로 쓰이는").
_SERVED = re.compile(
    r"(?:\([^()\n]{1,12}\)|\))?"
    r"(?:\s?[,·ㆍ]\s?[^\s,.·ㆍ]{1,14}(?:\([^()\n]{1,12}\))?"
    r"(?:\s[^\s,.·ㆍ]{1,8})?){0,5}"
    r"(?:\s?등\s?(?:(?:첨단|다양한|여러|각종|다른)\s)?(?:[^\s,.]{1,8}\s?){0,2}?(?:에서|에|으로|로)\s"
    r"(?:응용|활용|사용|적용|쓰이|쓰|공급|납품|확장|수출|판매)"
    r"|(?:에|에서)\s(?:주로\s|널리\s|많이\s)?(?:쓰이|쓰는|사용되|활용되|적용되)"
    r"|\s?시장에서\s)"
)
# Before an industry: 국방 ("국방용 드론", "국방 정찰용 드론", "국방 드론 기업"): that
# industry for the armed forces, the defense industry too.
_FOR_DEFENSE = re.compile(r"국방(?:용)?\s?(?:[가-힣]{1,4}\s)?(?:첨단|미래)?$")
# A foundry named after a field that is no chip ("전극 파운드리", "바이오 파운드리", "제조
# 파운드리"): a contract-making service of that field, not a chip foundry.
_OTHER_FOUNDRY = re.compile(
    r"(?<![가-힣])(?!반도체|시스템|메모리|위탁)[가-힣]{2,5}(?<![은는이가을를의에도와과])\s?$"
)
# After 자동차 or 완성차: the carmakers as a trade ("자동차업계", "완성차 업계", "자동차 회사",
# "자동차사"): the customers or partners of the story's firms, not the cars they make.
_CARMAKERS = re.compile(
    r"\s?(?:업계|업체|회사|사|제조사|메이커)(?:들)?(?:[은는이가의와과를에도]|에서|으로|로)?(?![가-힣])"
)
# After 반도체: the equipment that makes or tests chips ("반도체 검사장비", "반도체 및 이차전지
# 생산장비", "반도체공정 장비", "반도체 전공정 장비"): the semiconductor-equipment industry.
_CHIP_EQUIPMENT = re.compile(
    r"(?:\s?(?:및|와|과|[·ㆍ,])\s?[가-힣0-9]{1,6}?)?(?:용)?\s?(?:[가-힣]{1,4}\s?)?장비(?!용)"
)
# After an electric car: its battery's cells, materials or second life ("전기차 배터리 소재",
# "전기자동차 사용후 배터리", "전기차 폐배터리"): the market the battery serves, not the
# electric-vehicle industry. A pack or module ("전기차 배터리 팩") is the car's own system.
_CARS_BATTERY = re.compile(
    r"\s?(?:사용\s?후\s?|폐)?(?:배터리|[이2]차\s?전지|리튬\s?전지)(?!\s?(?:팩|모듈))"
)
# After a car: the battery pack or module fitted to it ("전기차 배터리 팩", "전기차용 배터리팩").
_CARS_PACK = re.compile(r"\s?(?:용\s?)?(?:배터리|[이2]차\s?전지)\s?(?:팩|모듈)")
# After 자율주행: the robot it drives ("자율주행 배달로봇", "실외 자율주행 로봇"): a robot's
# feature, not the autonomous-driving industry.
_ROBOTS_FEATURE = re.compile(r"\s?(?:[가-힣]{1,3}\s?)?로봇")
# After an industry: the rest of a list of technologies put to use ("인공지능(AI), 로봇, 센서
# 기술을 융합해", "사물인터넷, 5G 등 4차 산업혁명 기술을 접목한"), or a tool glued to 활용
# ("로봇활용 제작지원센터", not "배터리 활용 사업"): a means, not the sector.
_MEANS = re.compile(
    r"(?:\([^()\n]{1,12}\))?"
    r"(?:\s?[,·ㆍ]\s?[^\s,.·ㆍ]{1,14}(?:\([^()\n]{1,12}\))?(?:\s[^\s,.·ㆍ]{1,8})?){0,5}"
    r"(?:\s?등)?\s?(?:[^\s,.]{1,8}\s){0,3}?기술(?:을|를)\s?(?:접목|융합|결합|활용|적용)"
    r"|활용\s(?!사업|산업)"
)
# After 자동차: one of its parts ("자동차 히터", "자동차 내장재 부품", "자동차ㆍ항공기 부품"):
# the automotive-parts industry.
_CAR_PART = re.compile(
    r"(?:\s?[ㆍ·]\s?[가-힣]{1,4})?\s?(?:[가-힣]{1,4}\s)?"
    r"(?:부품|제동장치|히터|내장재|외장재|시트|램프)(?![가-힣])"
)
# A company's history: grown from something else, gone into a field since a past year ("…
# 사업을 시작으로 … 거쳐", "… 생산하다가 … 분야에도 진출했다", "2020년부터 … 사업 추진을 위해").
_HISTORY = re.compile(
    r"시작으로\s|거쳐\s|하다가\s|진출했|둥지를\s?튼\s?이래|\d{4}년부터\s(?![^.\n]{0,12}까지)[^.\n]{0,30}?사업"
)
# After 식품: a concrete product made ("식품첨가물 제조업체", "식품 제조업").
_MADE = re.compile(
    r"[가-힣]{0,6}\s?(?:[가-힣]{1,5}\s)?(?:제조|생산|가공)\s?(?:업체|기업|업|시설|공장)"
)
# After 관광: leisure or rest and a place built for both ("관광·레저단지", "관광ㆍ레저허브",
# "관광·휴양단지"): the tourism industry written as a concrete thing.
_LEISURE = re.compile(r"\s?[·ㆍ,]\s?(?:레저|휴양)\s?(?:단지|허브|특구|시설|도시|벨트)")
# After a battery: its materials ("이차전지 신소재", "배터리 핵심원료", "전지용 차세대 소재"):
# the battery-materials industry too.
_BATTERY_MATERIAL = re.compile(
    r"(?:용)?\s?(?:차세대\s?|핵심\s?|신|리튬\s?)?(?:소재|원료|원재료|재료|화합물)(?![가-힣])"
)
# Between two items of a list of sectors ("로봇·모빌리티·에너지 등", "수소연료전지, 에너지 등").
_LIST_JOIN = re.compile(r"\s?[,·ㆍ]\s?|\s?(?:및|와|과)\s")
_LIST_END = re.compile(r"\s?(?:분야\s?)?등(?:의|이|을|과|와)?(?![가-힣])")


def document_industries(
    text: str,
    sentences: Iterable[Sentence],
    mentions: list[Mention],
    from_facts: set[str],
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
) -> list[str]:
    """Industry ids of the document: ``from_facts`` and the statements' own industries.

    With the ``gazetteer``, a sub-field written with its field's name ("이차전지 양극재",
    "배터리팩") gives the field too: the text names both. Cars named only once or twice,
    in no fact, not in the ``title`` and not before a battery pack, are the market of the
    story's other industries (``_car_markets``)."""
    found = set(from_facts)
    industries = [m for m in mentions if m.label == "Industry"]
    by_place = Spans(industries)
    every_place = Spans(mentions)
    # An umbrella word counts when written as an industry ("에너지 산업") or as a concrete
    # thing of it ("관광리조트", "건강기능식품"), not as a word.
    named = {
        m.id
        for m in industries
        if _FOCUS.search(m.text.replace(" ", ""))
        or _GLUED_INDUSTRY.match(text, m.end)
        or _AS_FIELD.match(text, m.end)
        or (m.id == "food" and _MADE.match(text, m.end))
        or (m.id == "tourism" and _LEISURE.match(text, m.end))
        or _listed_with_sectors(text, m, by_place)
    }
    # A scheme whose name is an industry concept: "소부장 특화단지" is about MPE.
    found |= {
        industry
        for m in mentions
        if m.label == "Designation" and m.id in _SCHEME_INDUSTRY
        for industry in _SCHEME_INDUSTRY[m.id]
    }
    concepts = Spans(m for m in mentions if m.label in ("Industry", "Designation"))
    quoted = {m.id for m in industries if _quoted(text, m.start)}
    only_quoted = quoted - {m.id for m in industries if not _quoted(text, m.start)}
    order = {id(m): at for at, m in enumerate(industries)}
    for sent in sentences:
        inside = sorted(
            (
                m
                for m in by_place.overlapping(sent.start, sent.end)
                if sent.start <= m.start and m.end <= sent.end
            ),
            key=lambda m: order[id(m)],
        )
        if not inside:
            continue
        body = text[sent.start : sent.end]
        # A company's history adds no industry the rest of the story does not name.
        in_history = _HISTORY.search(body) is not None
        if _defines(body) and _concept_subject(text, sent, concepts):
            subject = _subject_mention(text, sent, inside)
            if subject is not None and subject.id not in UMBRELLA:
                found.add(subject.id)
            continue
        listed = _CATEGORY_LIST.search(body)
        # The list is the one of its own clause: "… 생산 거점으로 성장하는 한편, 자동차 산업을
        # 비롯한 기존 주력산업" leaves what comes before 한편 alone.
        clause = 0
        if listed:
            breaks = [b.end() for b in _CLAUSE_BREAK.finditer(body, 0, listed.start())]
            clause = breaks[-1] if breaks else 0
        for m in inside:
            if m.id == "semiconductor" and _CHIP_EQUIPMENT.match(text, m.end):
                found.add("semiconductor-equipment")  # "반도체 검사장비": its equipment
            if m.id in UMBRELLA and m.id not in named:
                continue
            if m.id == "advanced-materials" and _material_of(text, m, every_place):
                continue  # "반도체용 첨단소재", "이차전지 신소재": another industry's material
            if _NOT_THE_SECTOR.match(text, m.end):
                continue  # "AI 시대", "수소차 연료탱크", "부품용 소재": an era or a market
            if listed and sent.start + clause <= m.start < sent.start + listed.start():
                continue  # an item of a national list of categories
            if _OLD_MAINSTAYS.search(text, sent.start, m.start) and _ALONGSIDE.match(
                text, m.end, sent.end
            ):
                continue  # "주력산업이었던 자동차 조선 … 과 함께": the region's industries of old
            if _in_a_name(text, m, by_place) or _among_other_things(text, m, by_place):
                continue  # "한국항공우주(KAI)", "기술·제도·금융·인력": a name, a list of means
            if _alone_on_its_line(text, m):
                continue  # "로봇" as a line of its own: a menu or a tag, not a statement
            if m.id in only_quoted:
                continue  # named only in someone's words: "… 반도체·자동차 등을 선도했듯"
            if _SERVED.match(text, m.end, sent.end):
                continue  # "자동차, 스마트폰 등에 공급": a market the product serves
            if in_history:
                continue  # "2020년부터 수소연료전지 사업": another business
            if m.id in ("autonomous-driving", "ai") and _ROBOTS_FEATURE.match(text, m.end):
                continue  # "자율주행 배달로봇", "AI 첨단로봇": a feature of the robot
            if _MEANS.match(text, m.end, sent.end):
                continue  # "인공지능, 로봇, 센서 기술을 융합해", "로봇활용 제작": a means
            if m.id == "electric-vehicles" and _CARS_BATTERY.match(text, m.end):
                continue  # "전기차 사용후 배터리": the battery's market, not the cars
            if m.id == "automotive" and _CARMAKERS.match(text, m.end):
                continue  # "자동차업계와 협력": the carmakers as customers or partners
            if _other_foundry(text, m, every_place):
                continue  # "바이오 파운드리": another field's contract making
            if _FOR_DEFENSE.search(text, max(0, m.start - 12), m.start):
                found.add("defense")  # "국방용 드론": drones for the armed forces
            if m.id == "automotive" and _CAR_PART.match(text, m.end):
                found.add("automotive-parts")
                continue
            found.add(m.id)
            if m.id == "battery" and _BATTERY_MATERIAL.match(text, m.end):
                found.add("battery-materials")  # "이차전지 신소재": the battery's materials
            if gazetteer is not None:
                found |= gazetteer.written_above(m.id, m.text) & _NAMED_BEFORE_SUBFIELD
            if m.id == "space" and (
                _AEROSPACE_INDUSTRY.fullmatch(m.text)
                or (_AEROSPACE.fullmatch(m.text) and _AEROSPACE_FIELD.match(text, m.end))
            ):
                found.add("aviation")  # "우주항공 산업": aviation and space
    return sorted(found - _car_markets(text, industries, found, from_facts, title))


def _car_markets(
    text: str,
    industries: list[Mention],
    found: set[str],
    from_facts: set[str],
    title: str | None,
) -> set[str]:
    """Car industries the story names only as the demand for its others ("전기차 수요 급증",
    "전기차 100만 대에 공급할", "자동차·가전 제조사에 납품"): named at most twice, in no
    fact, not in the title and not before a battery pack (the car's own system), beside an
    industry that is no car."""
    if not found - _CARS:
        return set()
    heading = (title or "").replace(" ", "")
    return {
        car
        for car in _CARS & found
        if car not in from_facts
        and sum(m.id == car for m in industries) <= _MARKET_MENTIONS
        and not any(
            m.id == car and (m.text.replace(" ", "") in heading or _CARS_PACK.match(text, m.end))
            for m in industries
        )
    }


_MATERIAL_FOR = re.compile(r"(?:용|용의)?\s?(?:첨단\s?)?")
_MATERIAL_GAP = 6  # the longest text _MATERIAL_FOR matches: "용의 첨단 "


def _material_of(text: str, m: Mention, mentions: Spans[Mention]) -> bool:
    """Advanced materials written right after another industry or a company ("반도체용
    첨단소재", "이차전지 신소재", "한화솔루션 첨단소재 부문"): that one's material or
    division, not the advanced-materials field."""
    return any(
        o.end <= m.start
        and o.label in ("Industry", "Organization")
        and o.id != m.id
        and _MATERIAL_FOR.fullmatch(text, o.end, m.start) is not None
        for o in mentions.ending_by(m.start, _MATERIAL_GAP)
    )


def _other_foundry(text: str, m: Mention, mentions: Spans[Mention]) -> bool:
    """파운드리 after a word that is neither a chip nor a company ("바이오 파운드리", "전극
    파운드리"), not "반도체 파운드리" or "한빛전자 파운드리"."""
    if m.text != "파운드리" or not _OTHER_FOUNDRY.search(text, max(0, m.start - 8), m.start):
        return False
    return not any(
        o.label == "Organization" and o.end <= m.start and m.start - o.end <= 1
        for o in mentions.ending_by(m.start, 1)
    )


def _listed_with_sectors(text: str, m: Mention, industries: Spans[Mention]) -> bool:
    """An umbrella word as an item of a list of sectors, after another industry ("로봇·
    모빌리티·에너지 등", "인공지능, 수소연료전지, 에너지 등 관련 기업")."""
    if not _LIST_END.match(text, m.end):
        return False
    return any(
        o.end <= m.start
        and m.start - o.end <= 6
        and o.id not in UMBRELLA
        and _LIST_JOIN.fullmatch(text, o.end, m.start) is not None
        for o in industries.ending_by(m.start, 6)
    )


def _defines(body: str) -> bool:
    first = _SUBJECT.search(body)
    if first is None or first.start() > 45:
        return False
    return bool(_DEFINES.search(body.rstrip()) or _APPOSITION.match(body))


def _concept_subject(text: str, sent: Sentence, concepts: Spans[Mention]) -> bool:
    """Whether what the sentence is about is a concept (an industry, a scheme, a term with
    its abbreviation in brackets), not a region or an organisation."""
    first = _SUBJECT.search(text, sent.start, sent.end)
    if first is None:
        return False
    head = text[sent.start : first.start()]
    # The concept is the subject's head word ("SMR은"), not part of a longer name before
    # the particle ("마산 로봇랜드는" is a place).
    return head.endswith(")") or any(
        sent.start <= m.start and m.end == first.start()
        for m in concepts.ending_by(first.start(), 0)
    )


def _subject_mention(text: str, sent: Sentence, inside: list[Mention]) -> Mention | None:
    """The industry named before the sentence's first topic particle, if any."""
    first = _SUBJECT.search(text, sent.start, sent.end)
    if first is None:
        return None
    before = [m for m in inside if m.end <= first.start()]
    return before[0] if before else None


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation (“…” or "…") of its paragraph that does not
    speak of the story's own deal ("이번 투자", "이번 협약"): what a person says of the past,
    the field or the region, not what the story is about."""
    seg = text[text.rfind("\n", 0, pos) + 1 : pos]
    if seg.count("“") > seg.count("”"):
        opened, closing = seg.rfind("“"), "”"
    elif seg.count('"') % 2 == 1:
        opened, closing = seg.rfind('"'), '"'
    else:
        return False
    close = text.find(closing, pos)
    quote = seg[opened:] + text[pos : close if close >= 0 else pos + 80]
    return "이번" not in quote


_LETTER = re.compile(r"[가-힣A-Za-z]")


def _in_a_name(text: str, m: Mention, industries: Spans[Mention]) -> bool:
    """An industry written inside a longer name: glued to a word before it that is no
    industry, and to a letter or a bracket after it ("한국항공우주(KAI)", "진주뿌리산업단지")."""
    if m.start == 0 or not _LETTER.match(text[m.start - 1]):
        return False
    if industries.ending_by(m.start, 0):
        return False  # "수소모빌리티": two industries glued
    after = text[m.end : m.end + 1]
    return bool(after) and (after == "(" or _LETTER.match(after) is not None)


_LIST_WORD = re.compile(r"[가-힣A-Za-z]+(?:·[가-힣A-Za-z]+)+")


def _among_other_things(text: str, m: Mention, industries: Spans[Mention]) -> bool:
    """An item of a ·-list of three or more whose items are mostly no industry ("기술·제도·
    금융·인력", "생활·여가·안전"): a list of means or areas of life, not of sectors."""
    if "·" not in text[max(0, m.start - 1) : m.end + 1]:
        return False
    start = m.start
    while start > 0 and (_LETTER.match(text[start - 1]) or text[start - 1] == "·"):
        start -= 1
    run = _LIST_WORD.match(text, start)
    if run is None or run.end() < m.end:
        return False
    items = run.group().split("·")
    if len(items) < 3:
        return False
    named, at = 0, run.start()
    for item in items:  # an item inside an industry's name ("소재·부품·장비") is one
        if any(at + len(item) <= o.end for o in industries.covering(at)):
            named += 1
        at += len(item) + 1
    return named * 2 < len(items)


def _alone_on_its_line(text: str, m: Mention) -> bool:
    """Whether the mention is all its line holds (a site's menu item or a tag)."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) <= len(m.text) + 2
