"""Organisations the gazetteer does not know, recognised by the clause they stand in.

문맥으로 찾는 조직 / organisations by context: a name without a form marker (㈜, 대학교,
연구원, ...) is still an organisation when the sentence gives it an organisation's part:

- the subject of an investing clause: "반딧불이에너지는 약 2290억 원의 ... 5조 원을 투입해",
  "산내들식품도 70억원으로 공장을 지어" (0.7);
- a party to an agreement: "A, B와 업무협약을 체결" (0.6);
- the company of a chief: "문성준 에이치비테크놀로지 대표이사" (0.6);
- an item of a list of companies: "아이큐랩과 비투지 등 5개사가" (0.6);
- a quoted name that forms a consortium: "‘K-UAM 드림팀’ 컨소시엄" (0.7).

A name is one written word (two when a Latin form in brackets spells both, "케이에프
윈드(KF Wind)"; up to six when it is written in Latin letters, "Eco Health International"), its
particle cut off; generic words ("지역기업은", "이 회사는"), counts ("5개사")
and names the gazetteer already links are refused. The caller drops candidates that overlap a
linked mention.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Collection, Iterator, Sequence

from ingest.documents.investment import INVESTED_AFTER
from ingest.documents.orgform import OrgCandidate
from ingest.documents.orgnames import (
    COMPANY_END,
    COUNTRY_PATTERN,
    acceptable,
    by_morphology,
    common_noun,
    particle_fits,
    word_start,
)
from ingest.korean.sentences import Token

_NAME_CHARS = r"[가-힣A-Za-z0-9&.\-]"
_SUBJECT = r"(?:은|는|이|가|도)"
_PARTICLES: tuple[str, ...] = ("에서는", "으로는", "와의", "과의", "으로", "에서", "에게")
_PARTICLES += ("까지", "부터", "로부터", "으로부터", *"은는이가을를의에와과도로")
# What an invested amount is followed by: 투자, 투입, 들여, a plant built or opened with it.
_INVEST_VERB = re.compile(
    r"^(?:을|를|이|가|의|씩|으로|로)?\s?(?:[^\s.]+\s){0,5}?"
    r"(?:추가\s?|신규\s?|직접\s?)?(?:투자|투입|들여|들인|출자|지어|짓|건립|신설|신축|증설|설립)"
)
# An amount in won; 원 may be left out after 억 or 조 before a particle ("44억을 투자해").
_AMOUNT = re.compile(
    r"(?:약\s?|총\s?)?(?:\d[\d,.]*|(?<![가-힣])[천백]\d*)\s?"
    r"(?:(?:조|억|천억|백억|십억|천만|만)[\d,.천백십\s억만]*(?:여\s?)?원|(?:조|억)(?=[을를이의]\s|\s규모))"
)
# Every word ``_INVEST_VERB`` can end in: a text without one has no investing clause.
_INVESTING = re.compile(r"투자|투입|들여|들인|출자|지어|짓|건립|신설|신축|증설|설립")
# Words that end a clause: what follows belongs to another subject.
_CLAUSE_END = re.compile(r"[.;!?]\s|다\.|\n")
# Up to three words of subject matter may stand before the agreement, five after a list of
# parties; its name may be quoted ("A와 우주산업 협력 업무협약", "A·B·C와 우주산업 생태계
# 조성·기업 유치 협력 업무협약", "A 와 '투자유치업무협약'").
_AGREEMENT_NAME = r"[‘'\"“]?(?:투자\s?)?(?:유치\s?)?(?:업무\s?)?(?:투자\s?)?(?:협약|MOU|양해각서)"
_AGREEMENT = re.compile(rf"^(?:는|도)?\s?(?:[^\s.]+\s){{0,3}}?{_AGREEMENT_NAME}")
_AGREEMENT_FAR = re.compile(rf"^(?:는|도)?\s?(?:[^\s.]+\s){{0,5}}?{_AGREEMENT_NAME}")
_CHIEF = re.compile(
    r"(?:^|[\s,(])(?P<person>[가-힣]{2,4})\s(?P<name>[가-힣A-Za-z0-9&\-]{2,20})\s"
    r"(?:대표이사|대표|회장|부회장|사장|부사장|CEO|이사장)(?:$|(?=[\s,.)]|와|과|는|은|이|가|의|을|를|도))"
)
# "SK디스커버리 홍길동 부회장": a company, then its chief's name and title; the company's
# possessive 의 is no part of its name ("SK디스커버리의 홍길동 부회장").
_CHIEF_AFTER = re.compile(
    r"(?:^|(?<=[\s,(]))(?P<name>[가-힣A-Za-z0-9&\-]{2,20}?)의?\s(?P<person>[가-힣]{3})\s"
    r"(?:대표이사|대표|회장|부회장|사장|부사장|CEO)(?:$|(?=[\s,.)]|와|과|는|은|이|가|의|을|를|도))"
)
# "바이오앱(대표 홍길동)": a company with its chief in brackets, maybe with its home or trade
# after the chief ("바이오앱(대표 홍길동, 대전)", "바이오앱(대표 홍길동, 효소 제제)").
_CHIEF_BRACKET = re.compile(
    r"(?:^|(?<=[\s,(‘'\"“]))(?P<name>[가-힣A-Za-z0-9&\-]{2,20})\((?:대표이사|대표|회장|사장|CEO)\s?"
    r"[가-힣]{2,4}(?:,\s?[^()\n]{1,30})?\)"
)
# An item of a list of companies: a name, maybe after its country ("미국 A") or a bullet
# ("▷A ▷B"), maybe with its home or Latin form in brackets ("A(대전)", "A(ABC)").
_LIST_NAME = r"[가-힣A-Za-z0-9&\-]{2,20}"
_LIST_HOME = r"(?:\([가-힣A-Za-z ]{2,12}\))?"
_LIST_ITEM = rf"(?:(?:{COUNTRY_PATTERN})\s)?{_LIST_NAME}{_LIST_HOME}"
_LIST_ITEM_RE = re.compile(
    rf"(?:^|(?<=[\s,·▷]))(?:▷\s?)?(?:(?:{COUNTRY_PATTERN})\s)?(?P<name>{_LIST_NAME}?){_LIST_HOME}"
    r"(?=\s?,|(?:과|와)\s|·|\s?▷|\s?$)"
)
# The list is closed by a count of companies or a word for them, up to three words after 등
# ("… 등 5개사가", "… 등 지역 내 주요 부품기업과", "… 등 10개 AI 기업과", "… 등 20여개의
# 조선기자재 기업이").
_LIST_CLOSE = (
    r"\s?등\s?(?:총\s?)?"
    r"(?:\d+\s?개\s?(?:사|기업|업체|회사)|\d+\s?곳|(?:(?<![가-힣])[가-힣A-Za-z0-9]+\s){0,3}?\S*기업들?|업체들?)"
)
# A list reads at most LIST_MOST names before its close (the longest in our evaluation texts
# has ten). Unbounded, a long run of names with no close would be read again from each name.
LIST_MOST = 50
_LISTED = re.compile(
    r"(?P<list>"
    rf"(?:{_LIST_ITEM}(?:\s?,\s?|(?:과|와)\s|·)){{0,{LIST_MOST - 1}}}{_LIST_ITEM}"
    rf"|(?:▷\s?{_LIST_ITEM}\s?){{2,{LIST_MOST}}}"
    rf"){_LIST_CLOSE}"
    r"(?:이|가|은|는|을|를|과|와|의|도|까지)?(?![가-힣])"
)
_CONSORTIUM = re.compile(r"[‘'\"“](?P<name>[^’'\"”\n]{2,30})[’'\"”]\s?(?:컨소시엄|연합체)")


def find_by_clause(
    text: str,
    known: dict[int, int],
    tokens: Sequence[Token] = (),
    orgs: Collection[int] = (),
) -> list[OrgCandidate]:
    """Organisation names by the part the sentence gives them, in order, without overlaps.

    ``known`` maps the start of every name already linked (regions, industries,
    organisations) to its end: such a name is not proposed again, and a linked subject is the
    clause's subject. With Kiwi's ``tokens``, a word Kiwi knows as a common noun ("실적",
    "관계자들") is no name unless it ends like a company ("아이큐랩", "새봄식품"), nor is a
    verb, copula or particle form ("진행하" of 진행하는, ``orgnames.by_morphology``).
    ``orgs`` holds the starts of the linked organisations: the other items of a comma list
    that names two or more of them are organisations too.
    """
    found = [
        *_investors(text, known, tokens),
        *_agreement_parties(text, tokens),
        *_chiefs(text),
        *_list_items(text),
        *_amount_lists(text),
        *_bullet_amounts(text),
        *_consortia(text),
        *_lists_with_known(text, known, orgs),
        *_defined(text),
        *_foreign(text),
        *_glued_to_known(text, known, orgs),
        *_latin_affiliates(text, known, orgs),
        *_dot_parties(text, known),
        *_latin_companies(text),
        *_apposed(text),
    ]
    kept: list[OrgCandidate] = []
    for cand in sorted(found, key=lambda c: (c.start, -c.confidence, c.start - c.end)):
        if known.get(cand.start) == cand.end or not acceptable(cand.name):
            continue
        if tokens and (
            (not cand.described and common_noun(cand.start, cand.end, cand.name, tokens))
            or by_morphology(cand.start, cand.end, tokens)
        ):
            continue
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return _after_a_mark(text, kept, known)


def _words_before(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """[start, end) of the written words before ``pos``, nearest first; a bracket closed in
    a word keeps the words since it opened ("윈드(KF Wind)는" is one word)."""
    end = pos
    while end > 0:
        while end > 0 and text[end - 1] == " ":
            end -= 1
        start = word_start(text, end)
        word = text[start:end]
        if ")" in word and "(" not in word[: word.index(")")]:
            opened = text.rfind("(", max(0, start - 30), start)
            if opened >= 0 and "\n" not in text[opened:start]:
                start = text.rfind(" ", 0, opened) + 1
        if start == end:
            return
        yield start, end
        end = start


def _name_of(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name in the word [start, end): punctuation before it and its particle cut off."""
    while start < end and not re.match(_NAME_CHARS, text[start]):
        start += 1
    word = text[start:end]
    aside = _ASIDE.search(word)
    if aside:  # "바이오앱(대표 홍길동)": the name before the bracket
        end = start + aside.start()
        word = text[start:end]
    latin = re.search(r"\(([A-Za-z][A-Za-z0-9&.\- ]*)\)$", word)
    if latin:  # "케이에프 윈드(KF Wind)": the Latin form spells the name's words
        end = start + latin.start()
        words = len(latin.group(1).split())
        while words > 1 and start > 1 and text[start - 1] == " ":
            prev = text.rfind(" ", 0, start - 1) + 1
            if not re.fullmatch(r"[가-힣]{2,8}", text[prev : start - 1]):
                break
            start, words = prev, words - 1
    if re.fullmatch(_LATIN_WORD, text[start:end]):
        start = _latin_name_start(text, start)
    name = text[start:end]
    if not re.fullmatch(
        rf"{_NAME_CHARS}+(?:\s{_NAME_CHARS}+)?|{_LATIN_WORD}(?:\s{_LATIN_WORD}){{1,{_LATIN_WORDS}}}",
        name,
    ):
        return None
    return (start, end) if end - start >= 2 else None


# A name in Latin letters is often several words ("Eco Health International", "Park's Health
# Care Group"); its last word alone is no name. The words before it that start with a capital
# (or a digit) belong to it, up to five more.
_LATIN_WORD = r"[A-Za-z0-9][A-Za-z0-9&.'’\-]*"
_LATIN_CAPITAL = re.compile(r"[A-Z0-9][A-Za-z0-9&.'’\-]*")
_LATIN_WORDS = 5


def _latin_name_start(text: str, start: int) -> int:
    """Where the Latin name whose last word starts at ``start`` begins."""
    for _ in range(_LATIN_WORDS):
        if start < 2 or text[start - 1] != " ":
            break
        prev = text.rfind(" ", 0, start - 1) + 1
        if not _LATIN_CAPITAL.fullmatch(text[prev : start - 1]):
            break
        start = prev
    return start


# What a bracket after a company's name says about it: its chief ("(대표 홍길동)"), its
# stock code ("(123450)") or its home ("(서울)").
_ASIDE = re.compile(
    r"(?<=[가-힣A-Za-z0-9])\((?:(?:대표이사|대표|회장|사장|CEO)\s?[가-힣]{2,4}|\d{6}|[가-힣]{2,3})\)$"
)


def _strip_particle(text: str, start: int, end: int, particles: tuple[str, ...]) -> int | None:
    for particle in sorted(particles, key=len, reverse=True):
        stem = end - len(particle)
        if (
            text.endswith(particle, start, end)
            and stem - start >= 2
            and particle_fits(text[start:stem], particle)
        ):
            return stem
    return None


def _investors(
    text: str, known: dict[int, int], tokens: Sequence[Token] = ()
) -> list[OrgCandidate]:
    """The subject of a clause whose amount is invested (unless it is a linked name); a verb
    with its ending ("진행하는") is no subject: the search goes on before it."""
    out: list[OrgCandidate] = []
    if not _INVESTING.search(text):
        return out
    for money in _AMOUNT.finditer(text):
        if not INVESTED_AFTER.match(text[money.end() : money.end() + 70]):
            continue
        clause_start = max(
            (
                m.end()
                for m in _CLAUSE_END.finditer(text, max(0, money.start() - 120), money.start())
            ),
            default=max(0, money.start() - 120),
        )
        party = _party_of_amount(text, money.start(), money.end(), known)
        if party is not None:  # "시는 A와 800억원 투자 규모의 … 협약": A invests
            out.append(party)
            continue
        past_verb = False
        also = False  # the word after this one is 역시/또한: this one is the subject
        for start, end in _words_before(text, money.start()):
            if start < clause_start:
                break
            if text[start:end] in _ALSO:
                also = True
                continue
            if also and start not in known:
                span = _name_of(text, start, end)
                if span is not None and not (tokens and by_morphology(*span, tokens)):
                    out.append(OrgCandidate(text[span[0] : span[1]], "company", *span, 0.7))
                break
            if start in known:  # a linked name: the subject if a subject particle follows
                if also:
                    break
                if re.match(r"(?:\([^()\n]{1,30}\))?(?:은|는|이|가|도)$", text[known[start] : end]):
                    break
                continue
            stem_end = _strip_particle(text, start, end, ("은", "는", "이", "가", "도"))
            if stem_end is None or not re.match(_SUBJECT, text[stem_end:end]):
                continue
            described = _DESCRIPTION.search(text, start, stem_end)
            span = _name_of(text, start, described.start() if described else stem_end)
            if span is not None and tokens and by_morphology(*span, tokens):
                past_verb = True
                continue
            if span is not None and past_verb and _cuts_token(span[1], tokens):
                break  # "전문가 등이 참여하는": 가 is part of the word, not the subject's
            if span is not None:
                # "㈜샘누리는", "(주)샘누리는": the company mark makes it a name whatever Kiwi's
                # reading ("()" where the mark was dropped)
                marked = _MARK_BEFORE.search(text, max(0, span[0] - 4), span[0]) is not None
                name = text[span[0] : span[1]]
                out.append(OrgCandidate(name, "company", *span, 0.7, described=marked))
                out += _joined_before(text, span[0], known)
            break  # the nearest subject is the clause's subject
    return out


# A bracket after a subject's name that says what the firm is: "가온테크(전력반도체
# 전문회사)가".
_DESCRIPTION = re.compile(r"(?<=[가-힣A-Za-z0-9])\([가-힣A-Za-z0-9 ]{1,20}(?:회사|기업|업체)\)$")


# A company mark right before a subject's name: "㈜", "(주)", or "()" where it was dropped.
_MARK_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])(?:㈜|\(주\)|\(\))\s?$")


# An agreement the amount is the size of, in the same clause ("800억원 투자 규모의 … 협약").
_SIZE_OF_AGREEMENT = re.compile(
    r"^\s?(?:을|를|의)?\s?(?:투자\s?)?(?:규모의?|상당의?)?\s?(?:[^\s.,]+\s){0,5}?"
    r"(?:투자\s?)?(?:협약|양해각서|MOU)"
)


def _party_of_amount(text: str, start: int, end: int, known: dict[int, int]) -> OrgCandidate | None:
    """The name joined by 와/과 right before an amount that an agreement is the size of:
    "시는 A와 800억원 투자 규모의 공장 신설 협약을" (the region signs with A)."""
    if not _SIZE_OF_AGREEMENT.match(text[end : end + 60]):
        return None
    word = next(_words_before(text, start), None)
    if word is None or word[0] in known:
        return None
    stem = _strip_particle(text, *word, ("와", "과"))
    span = _name_of(text, word[0], stem) if stem is not None else None
    if span is None:
        return None
    return OrgCandidate(text[span[0] : span[1]], "company", *span, 0.6)


def _joined_before(text: str, pos: int, known: dict[int, int]) -> list[OrgCandidate]:
    """ "A과 B는 각각 … 투자", "A, B가 … 투자": the names joined before a subject share it."""
    out: list[OrgCandidate] = []
    joins: tuple[str, ...] = ("과", "와", ",")  # the word right before: "B과 C는", "B, C는"
    for start, end in _words_before(text, pos):
        stem = _strip_particle(text, start, end, joins)
        if start in known or stem is None or text[stem - 1] in ",·":
            break
        span = _name_of(text, start, stem)
        if span is None:
            break
        out.append(OrgCandidate(text[span[0] : span[1]], "company", *span, 0.6))
        joins = (",",)  # further back, a comma list: "A, B과 C는"
    return out


# "A 역시 … 투자": A is the subject, as with A도.
_ALSO = frozenset({"역시", "또한"})


def _cuts_token(pos: int, tokens: Sequence[Token]) -> bool:
    """Whether ``pos`` falls inside one of Kiwi's tokens."""
    at = bisect.bisect_right(tokens, pos, key=_START) - 1
    return at >= 0 and tokens[at].start < pos < tokens[at].end


def _agreement_parties(text: str, tokens: Sequence[Token] = ()) -> list[OrgCandidate]:
    """ "A, B와 (업무)협약": the names joined to an agreement by 와/과, and the list before."""
    out: list[OrgCandidate] = []
    if not re.search(r"협약|MOU|양해각서", text):
        return out
    for match in _JOINED_TO.finditer(text):
        near = _AGREEMENT.match(text[match.end() :]) is not None
        if not near and not _AGREEMENT_FAR.match(text[match.end() :]):
            continue
        found: list[OrgCandidate] = []
        first = True
        joined = False  # the word after this one is 및: this one is an item too
        for start, end in _words_before(text, match.start()):
            if text[start:end] == "및" and not first:
                joined = True
                continue
            if not first and not joined and _APPOSITION.search(text, start, end):
                continue  # "방산기업 매티스와": what the name is, written before it
            word_end = end if not first else match.start()
            stem = word_end if first or joined else _list_item_end(text, start, end)
            joined = False
            if stem is None:
                break
            spans = _dotted_names(text, start, stem, tokens)
            if not spans:
                break
            for a, b in spans:
                name, a, b = _without_sa(text, a, b)
                found.append(OrgCandidate(name, "company", a, b, 0.6))
            first = False
        if near or len(found) >= 2:  # far from the agreement, only a list of parties counts
            out += found
    return out


def _without_sa(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A name written with 사 (company) after it ("이디엘사와") is the name the text also
    writes without it."""
    stem = end - 1
    if text[stem] == "사" and stem - start >= 2 and text.count(text[start:stem]) > 1:
        return text[start:stem], start, stem
    return text[start:end], start, end


# 와/과 joining a party to an agreement, glued to the name or, after a Latin name, with a space
# before it ("KWB 와").
_JOINED_TO = re.compile(r"(?:(?<=[가-힣A-Za-z0-9)])|(?<=[A-Za-z0-9)])\s)(?:와|과)\s")


def _list_item_end(text: str, start: int, end: int) -> int | None:
    """The end of the name in an earlier item of a list of parties: "A," or "A과" ("가온과
    누리, KWB와 협약")."""
    comma = _strip_comma(text, start, end)
    return comma if comma is not None else _strip_particle(text, start, end, ("와", "과"))


def _dotted_names(
    text: str, start: int, end: int, tokens: Sequence[Token] = ()
) -> list[tuple[int, int]]:
    """The names in [start, end): one, or each of a run joined by middle dots ("가온·누리");
    none when any part is no name, or with Kiwi's ``tokens`` a common noun ("소재·부품과")."""
    if "·" not in text[start:end] and "ㆍ" not in text[start:end]:
        span = _name_of(text, start, end)
        return [span] if span is not None else []
    spans: list[tuple[int, int]] = []
    for part in re.finditer(r"[^·ㆍ]+", text[start:end]):
        span = _name_of(text, start + part.start(), start + part.end())
        if span is None or (tokens and common_noun(*span, text[span[0] : span[1]], tokens)):
            return []
        spans.append(span)
    return spans


# A word that says what the next name is: "방산기업 매티스", "전문업체 아이랩".
_APPOSITION = re.compile(r"(?:기업|업체|회사|법인|스타트업)$")


def _strip_comma(text: str, start: int, end: int) -> int | None:
    """The end of a list item written "A," (None when the word is not one)."""
    return end - 1 if text[end - 1] == "," and end - 1 - start >= 2 else None


def _chiefs(text: str) -> list[OrgCandidate]:
    out = [
        OrgCandidate(m["name"], "company", m.start("name"), m.end("name"), 0.6)
        for m in _CHIEF_AFTER.finditer(text)
        if _person(m["person"]) and not _person(m["name"])
    ]
    out += [
        OrgCandidate(m["name"], "company", m.start("name"), m.end("name"), 0.7)
        for m in _CHIEF_BRACKET.finditer(text)
    ]
    for match in _CHIEF.finditer(text):
        if not _person(match["person"]) or (
            _person(match["name"]) and not COMPANY_END.search(match["name"])
        ):
            continue  # "새롬산업 전기남 부사장": the person stands second
        out.append(
            OrgCandidate(match["name"], "company", match.start("name"), match.end("name"), 0.6)
        )
    return out


# Surnames that open most Korean personal names (a three-syllable name is the usual form).
_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
)


def _person(word: str) -> bool:
    return len(word) == 3 and word[0] in _SURNAMES and all("가" <= c <= "힣" for c in word)


# The parties of a signing named as a roll of three or more: "협약식에는 A, B, C가
# 참여했다", "협약 기업은 A, B, C이다", "협약기업은 A·B·C이다"; the exhibitors of a fair, each
# maybe with what it makes in brackets: "참가 기업은 A(측정장비), B(센서 모듈), C 등이다".
_ROLL = re.compile(
    r"(?:협약식|체결식)에는\s|(?:\d+\s?개\s?)?(?:협약|참여|참가|입주)\s?기업(?:은|들은|으로는)\s"
    # "(투자)협약을 맺은 6개 기업은 △A △B △C 등이다", "… 체결한 기업은 A(300억원), B(…)"
    r"|협약을\s(?:맺은|체결한)\s(?:\d+\s?개\s?)?(?:기업|업체|회사)(?:은|는|들은)\s"
)
_ROLL_WARES = r"(?:\([^()\n]{2,30}\))?"
# A name of the roll, maybe after a company mark ("㈜가온랩").
_ROLL_MARK = r"(?:㈜|\(주\))?\s?"
_ROLL_NAME = rf"{_ROLL_MARK}{_LIST_NAME}"
_ROLL_LIST = re.compile(
    rf"(?P<list>{_ROLL_NAME}{_ROLL_WARES}(?:\s?,\s?{_ROLL_NAME}{_ROLL_WARES}){{2,}}"
    rf"|{_ROLL_NAME}(?:·{_ROLL_NAME}){{2,}})"
    r"(?:(?:이|가)\s(?:참여|참석|함께)|\s?등?(?:이다|입니다))"
)
_ROLL_ITEM = re.compile(
    rf"(?:^|(?<=[,·▲△▷])|(?<=[,·▲△▷]\s)){_ROLL_MARK}(?P<name>{_LIST_NAME}){_ROLL_WARES}"
)


# The same roll written with bullets: "협약 기업은 △A △B △C 등으로".
_ROLL_BULLETS = re.compile(
    rf"(?P<list>(?:[▲△▷]\s?{_ROLL_NAME}\s?){{3,}})(?:등)?(?:으로|이다|입니다|이며|이\s|가\s)"
)


def _roll(text: str) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    for opened in _ROLL.finditer(text) if "기업" in text or "식에는" in text else ():
        match = _ROLL_LIST.match(text, opened.end()) or _ROLL_BULLETS.match(text, opened.end())
        if match is None:
            continue
        for item in _ROLL_ITEM.finditer(match["list"]):
            a, b = match.start("list") + item.start("name"), match.start("list") + item.end("name")
            out.append(OrgCandidate(text[a:b], "company", a, b, 0.6))
    return out


def _list_items(text: str) -> list[OrgCandidate]:
    out: list[OrgCandidate] = _roll(text)
    if "등" not in text:
        return out
    for match in _LISTED.finditer(text):
        items = _LIST_ITEM_RE.finditer(text, match.start("list"), match.end("list"))
        for item in items:
            a, b = item.span("name")
            out.append(OrgCandidate(text[a:b], "company", a, b, 0.6))
    return out


_AMOUNT_ITEM = re.compile(
    r"(?<![^\s,(])(?P<name>[가-힣A-Za-z0-9&\-]{2,20}?)(?P<tail>은|는|이|가|도)?\s?"
    r"(?:\((?:[^()\d\n,]{1,15},\s?)?)?\s?(?:약\s?)?"
    r"\d[\d,.]*\s?(?:조|억|천억)"
    r"[\d,.천백십\s억만]*원"
)


def _amount_lists(text: str) -> list[OrgCandidate]:
    """ "한빛소재 402억 원, 온누리전자(1조4천억 원) 등의 투자", "가온텍(보일러, 200억 원),
    누리랩(센서, 51억 원)": names each written with its amount (and maybe its trade in the
    bracket), two or more in a row, in a text about investment."""
    out: list[OrgCandidate] = []
    if not _INVESTING_LIST.search(text):
        return out
    items: list[tuple[int, int, int]] = []  # name start, name end, item end
    for m in _AMOUNT_ITEM.finditer(text):
        end = _name_end(m)  # "케이지에이 700억원": the 이 is the name's
        if end == m.end("name") and text[end] not in " (":
            continue
        if not _BUDGET_ITEM.match(text[m.start() : end]):
            items.append((m.start("name"), end, m.end()))
    for one, two in itertools.pairwise(items):
        gap = text[one[2] : two[0]]
        if re.fullmatch(r"\)?\s?,\s?", gap):
            for a, b, _ in (one, two):
                cand = OrgCandidate(text[a:b], "company", a, b, 0.6)
                if cand not in out:
                    out.append(cand)
    return out


_INVESTING_LIST = re.compile(r"투자|투입|유입|유치")


def _name_end(m: re.Match[str]) -> int:
    """Where the ``name`` group of ``m`` ends, its ``tail`` taken in when that cannot be a
    particle after it ("케이지에이" keeps its 이: after 에 it would be 가)."""
    if m["tail"] and not particle_fits(m["name"], m["tail"]):
        return m.end("tail")
    return m.end("name")


# A bulleted list of investments, three or more items each with its amount: "▲한빛전기
# 300억원 ▲광학부품회사 누리광학 30억원 ▲다온테크 등 부품 분야 2개사 76억원". The company
# is the word before the item's amount, or, where that is a count ("2개사"), the word that
# opens the item before 등.
_BULLET_ITEM = re.compile(r"[▲△▷]\s?(?P<body>[^▲△▷\n]+)")
_ITEM_AMOUNT = re.compile(
    r"(?<![^\s▲△▷])(?P<name>[가-힣A-Za-z0-9&\-]{2,20})\s\(?(?:약\s?)?\d[\d,.]*\s?(?:조|억|천억)"
    r"[\d,.천백십\s억만]*원"
)
# The item calls the name a company before it ("광학부품회사 누리광학", "설비분야 제일"): the
# name stands even where Kiwi reads it as a common noun.
_DESCRIBED = re.compile(r"(?:회사|기업|업체|분야)\s$")
_ITEM_FIRST = re.compile(r"\s?(?P<name>[가-힣A-Za-z0-9&\-]{2,20})\s등\s")
_COUNT = re.compile(r"\d+\s?(?:개사|개\s?기업|곳)$")


def _bullet_amounts(text: str) -> list[OrgCandidate]:
    """The companies of a bulleted list of investments; those the item calls a company
    ("부품회사 태한") with confidence 0.65 and marked ``described``, which ``find_by_clause``
    keeps whatever Kiwi's reading."""
    out: list[OrgCandidate] = []
    if "▲" not in text and "△" not in text and "▷" not in text:
        return out
    for line in re.finditer(r"[^\n]+", text):
        if line.group().count("▲") + line.group().count("△") + line.group().count("▷") < 3:
            continue
        if not _INVESTING_LIST.search(line.group()):
            continue
        names: list[tuple[int, int, bool]] = []
        for item in _BULLET_ITEM.finditer(text, line.start(), line.end()):
            amount = _ITEM_AMOUNT.search(text, item.start("body"), item.end("body"))
            if amount is None:
                continue
            a, b = amount.span("name")
            if _COUNT.match(amount["name"]):
                first = _ITEM_FIRST.match(text, item.start("body"), item.end("body"))
                if first is None:
                    continue
                a, b = first.span("name")
            names.append((a, b, _DESCRIBED.search(text, item.start("body"), a) is not None))
        if len(names) >= 3:
            out += [
                OrgCandidate(text[a:b], "company", a, b, 0.65 if said else 0.6, described=said)
                for a, b, said in names
            ]
    return out


# Budget items that a list of amounts may hold: not companies.
_BUDGET_ITEM = re.compile(
    r"^(?:R&D|연구개발|인프라|시설비|장비|운영비|인건비|설비|사업비|기반|건축비|부지|국비|도비|시비|지방비|민자"
    r"|총|합계|누적|연간|매출|수출)$",
    re.IGNORECASE,
)


_START = operator.attrgetter("start")


# "A·B·C ‘탄소중립 협약’": the parties of an agreement written as a ·-list before its name.
_DOT_PARTIES = re.compile(
    r"(?<![^\s(])(?P<list>[가-힣A-Za-z0-9&]{2,20}(?:·[가-힣A-Za-z0-9&]{2,20}){1,6})"
    r"\s?[‘'\"“][^’'\"”\n]{0,30}(?:협약|MOU|양해각서)"
)


def _dot_parties(text: str, known: dict[int, int]) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    if "·" not in text:
        return out
    for match in _DOT_PARTIES.finditer(text):
        for item in re.finditer(r"[^·]+", match["list"]):
            a = match.start("list") + item.start()
            b = a + len(item.group())
            b = _strip_particle(text, a, b, ("와", "과")) or b  # "A·B·C와 ‘…협약’"
            if a not in known:
                out.append(OrgCandidate(text[a:b], "company", a, b, 0.6))
    return out


def _consortia(text: str) -> list[OrgCandidate]:
    return [
        OrgCandidate(m["name"].strip(), "consortium", m.start("name"), m.end("name"), 0.7)
        for m in _CONSORTIUM.finditer(text)
    ]


# "현대자동차, SK가스, 덕양, 동희산업 등이 참석": one comma list holding two or more linked
# organisations; an item may be two words when the second is a company-type word
# ("시드인베스트먼트 자산운용").
_ITEM = (
    r"(?:[A-Za-z][A-Za-z0-9&\-]*\s[A-Z][A-Za-z0-9&\-]+|[가-힣A-Za-z0-9&\-]{2,20})"
    r"(?:\s(?:자산운용|투자증권|증권|은행|캐피탈|건설|엔지니어링|코리아|홀딩스|그룹))?"
)
# The first two may be joined by 과/와 ("롯데케미칼과 SK가스, 한빛코리아가 각각").
_COMMA_LIST = re.compile(rf"(?<![^\s(])(?:{_ITEM})(?:(?:\s?,\s?|(?<=[과와])\s)(?:{_ITEM})){{2,}}")
_ITEM_RE = re.compile(_ITEM)


def _lists_with_known(
    text: str, known: dict[int, int], orgs: Collection[int]
) -> list[OrgCandidate]:
    """The unlinked items of a comma list in which two or more linked organisations stand."""
    out: list[OrgCandidate] = []
    if not orgs or "," not in text:
        return out
    for run in _COMMA_LIST.finditer(text):
        items = [(m.start(), m.end()) for m in _ITEM_RE.finditer(text, run.start(), run.end())]
        if len(items) > 1 and text[items[0][1] - 1] in "과와" and known.get(items[0][0]):
            items[0] = (items[0][0], items[0][1] - 1)  # "롯데케미칼과"
        if sum(1 for a, b in items if a in orgs and known.get(a) == b) < 2:
            continue
        for i, (a, b) in enumerate(items):
            if known.get(a) == b:
                continue
            if i == len(items) - 1:  # the last item may carry its particle
                b = _strip_particle(text, a, b, _PARTICLES) or b
            elif text[b - 1] in "과와" and text[b : b + 1] == " " and b - a > 2:
                b -= 1  # "A, B와 C": 와 joins B to the next item
            out.append(OrgCandidate(text[a:b], "company", a, b, 0.6))
    return out


# "A는 … 공동 설립한 회사다.": a sentence's subject that the sentence defines as a company.
_DEFINED = re.compile(
    r"(?:^|(?<=[.\n])\s?)(?P<name>[가-힣A-Za-z0-9&\-]{2,20})(?:은|는)\s[^.\n]{0,150}?"
    r"(?:회사|기업|업체|제조사|법인)(?:이)?다\."
)


def _defined(text: str) -> list[OrgCandidate]:
    if not re.search(r"(?:회사|기업|업체|제조사|법인)(?:이)?다\.", text):
        return []
    return [
        OrgCandidate(m["name"], "company", m.start("name"), m.end("name"), 0.6)
        for m in _DEFINED.finditer(text)
    ]


# "싱가포르 프레스티지 바이오제약과", "프랑스 A코리아, 독일 B 등": a company written after
# its country; a name of two words ends like a company, one word does so or stands in a list
# of such names.
_FOREIGN = re.compile(
    rf"(?<![가-힣])(?:{COUNTRY_PATTERN})\s(?P<name>[가-힣A-Za-z0-9&\-]{{2,20}}"
    r"(?:\s[가-힣A-Za-z0-9&\-]{2,12})?)(?=(?:와|과|은|는|이|가|,)(?![가-힣])|\s?등)"
)
_FOREIGN_ITEM = re.compile(rf",\s?(?:{COUNTRY_PATTERN})\s")


def _foreign(text: str) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    for m in _FOREIGN.finditer(text):
        name, start = m["name"], m.start("name")
        if " " in name:
            if not COMPANY_END.search(name):
                continue
        elif not COMPANY_END.search(name):
            before = text[max(0, m.start() - 8) : m.start()]
            if not (_FOREIGN_ITEM.match(text, m.end()) or re.search(r",\s?$", before)):
                continue  # one word without a company's ending: only in a list of them
        out.append(OrgCandidate(name, "company", start, start + len(name), 0.6))
    return out


# "SK디앤디와", "LS메카피온", "포스코케미컬": a group's short name with more of a name glued
# after it is the affiliate, not the group. Only short linked names (up to three Hangul or
# four Latin letters) are read so; what is glued must be two letters or more once its particle
# is cut off, and not a side or part of the group (측, 그룹, 공장: ``orgnames.builds_on``).
_GLUED_TAIL = re.compile(r"[가-힣A-Za-z0-9&]+")
_SHORT_NAME = re.compile(r"[가-힣]{2,3}|[A-Z]{2,4}")


def _glued_to_known(text: str, known: dict[int, int], orgs: Collection[int]) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    for a in orgs:
        b = known.get(a)
        mark = _MARK.match(text, a, b) if b is not None else None  # "㈜한화기계": 한화 and more
        if b is None or not _SHORT_NAME.fullmatch(text, mark.end() if mark else a, b):
            continue
        tail = _GLUED_TAIL.match(text, b)
        if tail is None:
            continue
        end = _strip_particle(text, a, tail.end(), _PARTICLES) or tail.end()
        if end - b < 2 or _GLUED_NOT_NAME.match(text, b):
            continue
        name = text[mark.end() if mark else a : end]
        out.append(OrgCandidate(name, "company", a, end, 0.6))
    return out


_MARK = re.compile(r"㈜|\(주\)")
# "LG HY BCM", "도레이 BSF", "SK㈜ C&C": a group's short name, then a word or two in Latin
# capitals written apart, is the affiliate of that name; a particle or no letter follows.
_LATIN_TAIL = re.compile(
    r"(?:㈜|\(주\))?(?P<tail>(?:\s[A-Z][A-Z0-9&]{1,5}){1,2})"
    r"(?=$|[^A-Za-z0-9가-힣]|(?:은|는|이|가|을|를|의|와|과|도|에|로)(?![가-힣]))"
)
# Latin words that say what a company does or is, not an affiliate's name.
_NOT_AFFILIATE = frozenset(
    {"CEO", "CTO", "CFO", "MOU", "R&D", "ESG", "IR", "PR", "AI", "IT", "ICT", "EV", "DX", "AX"}
)


def _latin_affiliates(
    text: str, known: dict[int, int], orgs: Collection[int]
) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    for a in orgs:
        b = known.get(a)
        if b is None or b >= len(text) or text[b] not in " ㈜(":
            continue
        mark = _MARK.search(text, a, b)
        short = text[a : mark.start()] if mark and mark.end() == b else text[a:b]
        if not _SHORT_NAME.fullmatch(short):
            continue
        tail = _LATIN_TAIL.match(text, b)
        if tail is None or tail.end("tail") in known.values():
            continue  # a name linked of its own right after the group's
        words = tail["tail"].split()
        if any(w in _NOT_AFFILIATE for w in words) or b + 1 in known:
            continue
        out.append(OrgCandidate(f"{short}{tail['tail']}", "company", a, tail.end(), 0.6))
    return out


# What follows a group's name without making another company of it: its side, members, sites
# and things ("삼성전자측" is handled by the linked name; these follow a group's short name).
_GLUED_NOT_NAME = re.compile(
    r"(?:측|계열|그룹|등|공장|본사|사업장|캠퍼스|컨소시엄|노조|사|사의|사는|사가|사와|사도|형|식|표|발|산"
    r"|관계자|회장|대표|직원|임직원|출신|제품|브랜드)"
)


# "MEMC사는", "DSME사와": a Latin name of three letters or more written with 사 (company)
# before its particle is a company.
_LATIN_COMPANY = re.compile(
    r"(?<![A-Za-z0-9가-힣])(?P<name>[A-Z][A-Za-z0-9&]{2,15})사"
    r"(?=(?:는|가|의|와|도|를|에|로|와의|에서)?(?:[^가-힣]|$))"
)


def _latin_companies(text: str) -> list[OrgCandidate]:
    if "사" not in text:
        return []
    return [
        OrgCandidate(m["name"], "company", m.start("name"), m.end("name"), 0.6)
        for m in _LATIN_COMPANY.finditer(text)
    ]


# "1차전지 설비 업체인 A와", "화장품 제조 업체인 B가": a company named after what it makes.
_APPOSED = re.compile(
    r"(?:업체|제조사|전문기업|전문업체)인\s(?P<name>[가-힣A-Za-z0-9&]{2,20}?)"
    r"(?P<tail>과|와|이|가|은|는|을|를|도|의|에|에서|로|으로)?(?=[\s,·]|$)"
)


# "의료기기 전문제조업체 A, 피부미용 업체 B 등", "이차전지기업 C, 풍력발전기업 D가": a
# company named right after the word for its trade, without 인; the name is closed by a
# comma, a middle dot, 등, a chief's or staff word, or a particle and a space. The trade must
# say what the firm does: "기업 설명회", "중소기업 지원", "협력업체 관계자" are no trades.
_TRADE_BEFORE = re.compile(
    r"(?P<before>[가-힣A-Za-z]\s)?(?<![가-힣])(?P<trade>[가-힣]{0,8})"
    r"(?P<word>기업|업체|제조사|개발사|전문회사|회사)\s"
    r"(?P<name>[가-힣A-Za-z0-9&]{2,20}?)"
    r"(?:(?P<tail>과|와|이|가|은|는|도)(?=\s)"
    r"|(?<![을를에])(?=\s?[,·]|\s등(?=[이은의과와을를도에]|[^가-힣]|$)|\s(?:관계자|대표)))"
)
_NO_TRADE_TEXT = """
    기관 중소 대 중견 관련 협력 입주 참여 유치 지역 국내 해외 외국 상장 우수 유망 선도 벤처 투자
    해당 이 각 두 세 여러 신규 민간 대표
"""
_NO_TRADE = frozenset(_NO_TRADE_TEXT.split())


def _apposed(text: str) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    for m in _APPOSED.finditer(text) if "인 " in text else ():
        end = _name_end(m)  # "… 업체인 바이오웨이가": the 이 is the name's
        out.append(OrgCandidate(text[m.start("name") : end], "company", m.start("name"), end, 0.6))
    for m in _TRADE_BEFORE.finditer(text):
        generic = m["word"] in ("기업", "업체", "회사") and m["trade"] in _NO_TRADE
        # a bare 기업 or 회사 is any firm; a bare 업체 needs its trade as a word before it
        bare = not m["trade"] and (m["word"] in ("기업", "회사") or not m["before"])
        if generic or bare:
            continue
        name, a, b = _without_sa(text, m.start("name"), _name_end(m))  # "A사와"
        out.append(OrgCandidate(name, "company", a, b, 0.55))
    return out


# "㈜천보 비엘에스는": a company mark opens a name of two words whose first is a known short
# name; the name found by its clause takes that word in, and so does the same name written
# again after the mark.
_MARKED_FIRST = re.compile(r"(?:㈜|\(주\))\s?(?P<first>[가-힣A-Za-z0-9&]{2,10})\s$")


def _after_a_mark(text: str, kept: list[OrgCandidate], known: dict[int, int]) -> list[OrgCandidate]:
    if "㈜" not in text and "(주)" not in text:
        return kept
    out: list[OrgCandidate] = []
    names: dict[str, OrgCandidate] = {}
    for cand in kept:
        mark = _MARKED_FIRST.search(text, max(0, cand.start - 16), cand.start)
        if mark is not None and known.get(mark.start("first")) == mark.end("first"):
            a = mark.start("first")
            # the mark makes the whole a company's name, as sure as a marked one
            cand = OrgCandidate(text[a : cand.end], "company", a, cand.end, 0.95)
            names.setdefault(cand.name, cand)
        out.append(cand)
    for name, first in names.items():
        for again in re.finditer(rf"(?:㈜|\(주\))\s?(?P<name>{re.escape(name)})", text):
            a, b = again.span("name")
            if b < len(text) and re.match(r"[가-힣A-Za-z0-9]", text[b]):
                rest = re.match(r"[가-힣]+", text[b:])
                if rest is None or rest.group() not in _PARTICLES:
                    continue  # a longer word: not the name written again
            if any(c.start < b and a < c.end for c in out):
                continue
            out.append(OrgCandidate(name, first.kind, a, b, first.confidence))
    return sorted(out, key=lambda c: c.start)


# A person's seat after the body they come from ("홍길동 한빛연구원 원장", "홍길동 한빛대학교
# 새봄캠퍼스 부총장"), then what shows the person is one of a roll of guests: a comma, 등, 겸,
# the next person's name, the end of the text, or 이/가 참석.
_SEAT_AFTER = re.compile(
    r"\s(?:[가-힣A-Za-z0-9]+\s)?[가-힣]*(?:원장|총장|이사장|사장|대표이사|대표|회장|센터장|청장"
    r"|장관|차관|단장|소장|본부장|학장|위원장|의장|전무|상무|실장|국장|차장|과장|교수)"
    r"(?=\s?[,·]|\s?등(?:이|은|의|과|와)?(?![가-힣])|\s겸\s|\s[가-힣]{3}\s|\s?$|(?:이|가)\s참석)"
)
_PERSON_BEFORE = re.compile(r"(?:^|(?<=[\s,(·]))(?P<person>[가-힣]{3})\s$")


def seat_only(text: str, start: int, end: int) -> bool:
    """Whether the organisation at [start, end) is named only as where a guest comes from:
    "… 홍길동 한빛연구원 원장, 김바다 새봄대학교 부총장 등이 참석했다" (a person's name
    before it, the person's seat after it, a roll going on). "홍길동 한빛소재 대표와 협약을
    맺었다" keeps the company: the person signs for it."""
    before = _PERSON_BEFORE.search(text, max(0, start - 5), start)
    return (
        before is not None
        and _person(before["person"])
        and _SEAT_AFTER.match(text, end) is not None
    )
