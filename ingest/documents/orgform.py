"""Organisations that are not in the graph yet, recognised by the form of their name.

A company is written with ㈜, (주) or 주식회사; a university ends in 대학교 (or 대 after a
known stem such as 국립); institutes in 연구원, 연구소, 진흥원, 기술원; agencies in 공단,
재단, 테크노파크, 사업단, 관리원; associations in 협회, 조합, 상공회의소 (a 포럼 only with
"(사)" before it); hospitals in 의료원, 병원; military commands in 사령부; committees in 위원회,
심의회, 추진단.
"센터" names are as often a facility as an organisation, so they come with a low confidence.
Names listed before "등 기업" or "등 대학" are organisations by context. Each proposal carries
a confidence in [0, 1].
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.documents.orgnames import (
    COMPANY_END,
    GENERIC_NAMES,
    acceptable,
    by_morphology,
    common_noun,
    generic_body,
    particle_fits,
    word_start,
)
from ingest.korean.sentences import Token

# (pattern, kind, confidence); the pattern's group "name" is the organisation's name.
_WORD = r"[가-힣A-Za-z0-9&\-]"  # "·" separates names: "A·B" is two
# The name ends here: what follows is not Hangul, or is a particle ("울산테크노파크가").
_END = (
    r"(?=$|[^가-힣]|(?:은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|에서는|에서도|에도|와의|과의|이다)"
    r"(?:[^가-힣]|$))"
)
_COMPANY_MARKS = ("㈜", "(주)", "주식회사", "(유)", "유한회사")  # (유): a limited company
_MODIFIER = r"(?<![가-힣A-Za-z])(?:글로벌|국제|세계|아시아)"
_RESEARCH = ("연구원", "연구소", "진흥원", "기술원", "평가원", "정보원")
_PUBLIC = ("공단", "공사", "재단", "테크노파크", "진흥회", "관리원")
# Not 포럼: a forum is a meeting or a network, and no reading of our gold counts one (0 of the
# organisations of sets 1 to 20); an incorporated one "(사)…포럼" still is.
_ASSOCIATION = ("협회", "조합", "연합회", "협의회", "상공회의소")
_HOSPITAL = ("의료원", "병원")
# (pattern, kind, confidence, marks); a pattern can only match a text that holds one of its
# marks, a substring test that is much cheaper than running the pattern.
_FORMS: list[tuple[re.Pattern[str], str, float, tuple[str, ...]]] = [
    (
        # ㈜ and (주) may be glued to a generic word before them ("농업회사법인㈜ 헬스포유");
        # 주식회사 before a name stands apart ("신신제약주식회사 등" is no prefix).
        re.compile(
            rf"(?:㈜|\(주\)|\(유\)|(?<![가-힣A-Za-z0-9])(?:주식|유한)회사)\s?(?P<name>{_WORD}{{2,20}})"
        ),
        "company",
        0.95,
        _COMPANY_MARKS,
    ),
    (
        re.compile(rf"(?P<name>{_WORD}{{2,20}})(?:㈜|\(주\)|\(유\)|\s?(?:주식|유한)회사)"),
        "company",
        0.95,
        _COMPANY_MARKS,
    ),
    (
        re.compile(
            rf"\(사\)\s?(?P<name>[가-힣A-Za-z0-9&·\-]+(?:\s{_WORD}+){{0,3}}?(?:포럼|협회|조합|연합회))"
        ),
        "association",
        0.9,
        ("(사)",),
    ),
    (re.compile(rf"(?P<name>{_WORD}{{1,20}}대학교){_END}"), "university", 0.9, ("대학교",)),
    (re.compile(rf"(?P<name>국립{_WORD}{{1,10}}대){_END}"), "university", 0.8, ("국립",)),
    (
        re.compile(rf"(?P<name>{_WORD}{{2,20}}(?:{'|'.join(_RESEARCH)})){_END}"),
        "research_institute",
        0.8,
        _RESEARCH,
    ),
    (
        re.compile(rf"(?P<name>{_WORD}{{2,20}}(?:{'|'.join(_PUBLIC)})){_END}"),
        "public_institution",
        0.75,
        _PUBLIC,
    ),
    (
        # "글로벌 의약생명공학협회": a modifier written apart is part of the name.
        re.compile(
            rf"(?P<name>(?:{_MODIFIER}\s)?{_WORD}{{2,20}}(?:{'|'.join(_ASSOCIATION)})){_END}"
        ),
        "association",
        0.6,
        _ASSOCIATION,
    ),
    (re.compile(rf"(?P<name>{_WORD}{{2,20}}센터){_END}"), "public_institution", 0.35, ("센터",)),
    # "어느시의료원", "어느기독병원": a hospital that takes part (a bare 대학병원 is a common noun).
    (
        re.compile(rf"(?P<name>{_WORD}{{2,20}}(?:{'|'.join(_HOSPITAL)})){_END}"),
        "public_institution",
        0.6,
        _HOSPITAL,
    ),
    # "육군 제2작전사령부", "해군어느기지사령부": a military command.
    (
        re.compile(rf"(?P<name>(?:(?:육군|해군|공군|해병대)\s)?{_WORD}{{2,20}}사령부){_END}"),
        "government_body",
        0.6,
        ("사령부",),
    ),
    # "광주경제자유구역청장": the agency of its head.
    (
        re.compile(
            rf"(?P<name>{_WORD}{{3,20}}(?<![시도군구육])청)장(?:은|는|이|가|과|와|을|의|,|\s)"
        ),
        "government_body",
        0.6,
        ("청장",),
    ),
    # "특례심의위원회", "산업입지정책심의회": a committee with a name of its own (three or more
    # letters before the head word: 분과위원회 and 소위원회 are parts of another).
    (
        re.compile(
            rf"(?<![가-힣A-Za-z0-9])(?P<name>{_WORD}{{3,20}}(?:위원회|심의회|협의체|추진단)){_END}"
        ),
        "government_body",
        0.6,
        ("위원회", "심의회", "협의체", "추진단"),
    ),
    # "AI산업융합사업단": a body set up to run a programme (three or more letters before it:
    # a bare 사업단 or 본사업단 names none).
    (
        re.compile(rf"(?<![가-힣A-Za-z0-9])(?P<name>{_WORD}{{3,20}}사업단){_END}"),
        "public_institution",
        0.6,
        ("사업단",),
    ),
    # "도의회에서도": the council of the document's province, city or county.
    (
        re.compile(rf"(?<![가-힣])(?P<name>(?:도|시|군|구)의회){_END}"),
        "government_body",
        0.7,
        ("의회",),
    ),
]
# "현대차, 네이버, 리벨리온 등 기업과": a list closed by "등 <kind>".
_LISTED = re.compile(
    rf"(?P<list>{_WORD}{{2,15}}(?:\s?,\s?{_WORD}{{2,15}}){{1,8}})\s?등\s(?:[^\s.,]+\s){{0,3}}"
    r"(?P<kind>기업|업체|대기업|중소기업|대학|연구기관|기관)"
    r"(?:들)?(?:과|와|을|를|이|가|은|는|의|에|도|으로|로|에서)?(?![가-힣])"
)
_LIST_KIND = {"기업": "company", "업체": "company", "대기업": "company", "중소기업": "company"}
_LIST_KIND |= {"대학": "university", "연구기관": "research_institute", "기관": "public_institution"}
# Names that look like an organisation by form but are generic words.
_GENERIC = {"대학교", "연구원", "연구소", "기술원", "센터", "포럼", "공단", "재단", "지원센터"}
_GENERIC |= {"거점센터", "혁신센터", "실증센터", "주식회사", "국립대"}
_GENERIC |= {
    "대학병원",
    "종합병원",
    "요양병원",
    "전문병원",
    "공공병원",
    "거점병원",
    "지역병원",
    "의료원",
}
_GENERIC |= {
    "대형병원",
    "지방의료원",
    "산재병원",
    "연구중심병원",
    "권역병원",
    "협력병원",
    "민간병원",
}
_GENERIC |= {"어린이병원", "치과병원", "한방병원", "동물병원", "군병원", "상급종합병원"}
# After a marked name, what shows that its last letter is no particle: its home in brackets
# ("이인(광주)"), the next item of a list ("㈜모아이·㈜누리"), its chief's title ("㈜모아이
# 대표이사").
_NAME_GOES_ON = re.compile(
    r"[(·,/]|\s(?:대표이사|대표|회장|부회장|사장|부사장|관계자|임직원|직원)[은는이가과와의을를도]?(?![가-힣])"
)
# The word a mark is glued to ("한빛소재㈜ 전무").
_GLUED_BEFORE = re.compile(r"[가-힣A-Za-z0-9&\-]{2,20}$")
# A company mark followed by a name is that name's prefix.
_PREFIX_AFTER = re.compile(r"^\s?[가-힣A-Za-z]")
# X공사 is building work, not a public corporation, after these words.
_WORKS = re.compile(
    r"(?:증설|신설|신축|건설|보수|보강|설비|착공|건축|토목|정비|확장|시설|설치|전기|배관|포장|해체|준공|기반|기초|조성"
    r"|매립|부지|개량|복구|공사)공사$"
)
_PARTICLE_TAIL = re.compile(
    r"(?:과의|와의|에서는|으로는|은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|로부터|부터|까지|에게)$"
)


def _untail(name: str) -> str:
    """``name`` without the particle it ends in ("지텍과의" -> 지텍), if the particle fits it
    ("케이지에이" keeps its 이)."""
    tail = _PARTICLE_TAIL.search(name)
    if tail is None or not particle_fits(name[: tail.start()], tail.group()):
        return name
    return name[: tail.start()]


# "대전 우주산업 국제포럼을 개최": a forum that is held is an event, not an organisation.
# Words that follow a company's name and mark, never a name after a mark: its chief, its staff.
_AFTER_NAME = frozenset(
    {
        "대표",
        "대표이사",
        "회장",
        "부회장",
        "사장",
        "부사장",
        "이사",
        "관계자",
        "직원",
        "임직원",
        "측",
    }
)
_HELD = re.compile(
    r"^[’'\"”]?(?:을|를|이|가|은|는|도)?\s?(?:개최|개막|폐막|열[고어며린렸려었]|연다|출범)"
)
_EVENT_KINDS = ("포럼", "협의회")
# A committee followed by a member's seat is a person's title.
_SEAT = re.compile(
    r"\s?(?:간사|위원장|부위원장|상임위원|위원|소속|의장|부의장|의원)"
    r"(?:[은는이가과와의을를도](?![가-힣])|(?![가-힣]))"
)


# "LS-엘앤에프 배터리솔루션㈜": a word of two parts joined by '-' and a space before the
# name belong to it (the name of a joint company).
_HYPHENATED = re.compile(r"(?<![^\s(,\"'‘“])[가-힣A-Za-z0-9&]+-[가-힣A-Za-z0-9&]+\s$")


def _hyphenated_before(text: str, end: int) -> re.Match[str] | None:
    """The hyphenated word and space that end at ``end``. The search starts at the word's
    first letter: a search from the text's start would read the whole text before every
    company name, which a long document cannot afford."""
    last = end  # where the space closes; "$" also stands before a last newline
    if end >= 2 and text[end - 1] == "\n" and text[end - 2].isspace():
        last = end - 1
    if last == 0 or not text[last - 1].isspace():
        return None
    return _HYPHENATED.search(text, word_start(text, last - 1), end)


# The first word of a company's name written with a space before its company word
# ("페리지 에어로스페이스"): a word of its own, not a particle form or a descriptor.
_NAME_BEFORE = re.compile(r"(?<![^\s(‘'\"“])[가-힣A-Za-z0-9&]{2,10}\s$")


# "제주도-항공우주협회", "포항시-한빛재단": a local government joined to a name by '-' is
# another party to the same deal, not part of the name.
_JOINED_GOVERNMENT = re.compile(r"^(?:[가-힣]{1,6}(?:도|시|군|구)-)+")


@dataclass(frozen=True)
class OrgCandidate:
    name: str
    kind: str
    start: int
    end: int
    confidence: float
    #: The text calls it a company ("부품회사 태한"): kept whatever Kiwi reads it as.
    described: bool = False


def find_organizations(text: str, tokens: Sequence[Token] = ()) -> list[OrgCandidate]:
    """Organisation names by form or list context, in order, without overlaps.

    A company name written "A-B 배터리솔루션㈜" is kept whole. With Kiwi's ``tokens``, a
    name without a company mark that Kiwi reads as a verb, copula or particle form, or as
    common nouns before a generic head ("우수연구소"), is refused (``orgnames.by_morphology``)."""
    found: list[OrgCandidate] = []
    for pattern, kind, confidence, marks in _FORMS:
        if not any(mark in text for mark in marks):
            continue
        for match in pattern.finditer(text):
            name = match["name"].strip()
            marked = kind == "company" and match.group().startswith(_COMPANY_MARKS)
            # "다론㈜도": a mark glued after a Hangul name makes even two letters a company's
            # name (two Latin letters are a group's short form: "SK㈜ C&C")
            marked_after = (
                kind == "company"
                and match.group().endswith(("㈜", "(주)", "(유)"))
                and re.fullmatch(r"[가-힣]+", name) is not None
            )
            if marked and not _NAME_GOES_ON.match(text, match.end("name")):
                name = _untail(name)  # "헬스포유는", but "이인(광주)" is a name
            shortest = 2 if marked or marked_after else 3
            if name in _GENERIC or name in GENERIC_NAMES or len(name) < shortest:
                continue
            if marked and name.endswith(tuple(_AFTER_NAME)):
                continue  # "한빛소재㈜ 대표가", "한빛소재㈜ 소재사업대표": the name before it
            if marked and " " in match.group() and _closes_name_before(text, match.start()):
                continue  # "한빛소재㈜ 전무": the mark closes the name before it, not this one
            if marked and _COPULA.fullmatch(name) and _closes_name_before(text, match.start()):
                continue  # "… 새봄전선(주)이다.": the sentence's copula after a marked name
            if name.endswith("-"):
                continue  # "누리시-(주)한빛오토": a hyphen joins two parties, the mark is B's
            if generic_body(name):  # "실무협의회": named only by what it does
                continue
            if kind == "public_institution" and _WORKS.search(name):
                continue  # 증설공사: building work, not a public corporation
            if (
                not marked
                and kind == "company"
                and _PREFIX_AFTER.match(text[match.end() :])
                and text[match.end("name") : match.end("name") + 1] == " "
            ):
                continue  # "기업은 주식회사 가온": the mark belongs to the name after it
            if name.endswith(_EVENT_KINDS) and _HELD.match(text[match.end("name") :]):
                continue
            if name.endswith(("위원회", "의회")) and _SEAT.match(text, match.end("name")):
                continue  # "김하늘 산업위원회 간사", "시의회 의장": a member's seat, not a party
            if kind == "public_institution" and re.search(r"\d공단$|^[가-힣]{2}공단$", name):
                continue  # 구미5공단, 대불공단: an industrial complex, not an agency
            start = match.start("name")
            party = _JOINED_GOVERNMENT.match(name)
            if party and not marked and len(name) - party.end() >= 3:
                # "제주도-항공우주협회": a region joined to the name is the other party
                start, name = start + party.end(), name[party.end() :]
            joined = _hyphenated_before(text, start) if kind == "company" else None
            if joined and not marked:
                start, name = joined.start(), text[joined.start() : start] + name
            elif kind == "company" and not marked and COMPANY_END.fullmatch(name):
                # "페리지 에어로스페이스(주)": a company word alone is the end of a name
                # written with a space; the word before it opens the name
                first = _NAME_BEFORE.search(text, max(0, start - 16), start)
                word = first.group().strip() if first else ""
                if first is None or not acceptable(word) or _PARTICLE_TAIL.search(word):
                    continue  # "기업인 에어로스페이스㈜": no name before the company word
                if word.endswith("인"):
                    continue
                start, name = first.start(), text[first.start() : start] + name
            found.append(OrgCandidate(name, kind, start, start + len(name), confidence))
    for match in _LISTED.finditer(text) if "등" in text else ():
        kind = _LIST_KIND[match["kind"]]
        offset = match.start("list")
        for item in re.finditer(rf"{_WORD}+", match["list"]):
            name = _untail(item.group()) if kind != "company" else item.group()
            start = offset + item.start()
            if not acceptable(name) or (
                tokens and common_noun(start, start + len(name), name, tokens)
            ):
                continue  # "안경, 방독면, 벨트 등 장비 업체": things, not names; "기관"
            found.append(OrgCandidate(name, kind, start, start + len(name), 0.6))
    if tokens:  # a company mark glued to it outweighs Kiwi's reading ("㈜이인")
        found = [
            c for c in found if _glued_to_mark(text, c) or not by_morphology(c.start, c.end, tokens)
        ]
    found.sort(key=lambda c: (c.start, -(c.end - c.start), -c.confidence))
    kept: list[OrgCandidate] = []
    for cand in found:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


# A copula or verb ending right after a company mark: "한빛(주)이다", "한빛㈜이며".
_COPULA = re.compile(r"이(?:다|며|고|었다|라며|라고|어서)|였다|입니다")


def _glued_to_mark(text: str, cand: OrgCandidate) -> bool:
    """Whether a company mark touches the name and no other ("㈜이인", "이인(주)"; not
    "(주) 등이다", nor 잇따라 in "잇따라(주)누리바이오", whose mark is the next name's)."""
    if text.endswith(_COMPANY_MARKS, 0, cand.start):
        return True
    mark = next((m for m in _COMPANY_MARKS if text.startswith(m, cand.end)), None)
    return mark is not None and not _PREFIX_AFTER.match(text[cand.end + len(mark) :])


def _closes_name_before(text: str, mark: int) -> bool:
    """Whether the mark at ``mark`` is glued to a name before it ("한빛소재㈜ 전무"), so that
    it is that name's; a generic word before it ("농업회사법인㈜ 새봄팜") leaves it to the
    name after."""
    word = _GLUED_BEFORE.search(text, max(0, mark - 20), mark)
    return word is not None and acceptable(word.group())
