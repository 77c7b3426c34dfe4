"""The organisation gazetteer as written forms for the matcher, and names that are not names.

조직 이름 / organisation names: ``data/gazetteer/organizations.yaml`` (``ontology.gazetteer``)
gives every form under which Korean news writes an organisation: its Korean and English
names, aliases, short forms, Latin-script forms and former names with the period in which
each was valid. ``forms`` turns them into (written form, id, names, period) rows for the
matcher; a form that named two organisations in turn is settled by the document's date.

Some words look like organisations and are not (the issue-16 gold's rules): generic words
("정부", "지자체", "협력업체"), local governments, which are regions, and a name glued to a
title ("국회의원" is a member of the National Assembly, not the Assembly).

Kiwi's reading of a proposed name refuses the rest (``by_morphology``): a name does not end
in a verb or adjective stem or its suffix ("진행하" of 진행하는), an ending ("돌리는",
"잇따라"), the copula ("등이다") or a particle ("집적단지에" of 집적단지에는); it is not an
adverb alone; and a generic head (산업, 연구소) after common nouns only ("우주항공산업",
"우수연구소", "AI연구소") is a kind of thing, not one organisation ("대한산업" keeps its
proper noun).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml

from ingest.korean.sentences import Token
from ontology.errors import ValidationFailed
from ontology.gazetteer import GazetteerFile, ListedFile

GAZETTEER_FILE = Path("gazetteer") / "organizations.yaml"
#: libyaml's safe loader where it is built in (the listed companies take 0.1 s, not 0.4 s).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_File = TypeVar("_File", GazetteerFile, ListedFile)
#: Companies listed on the Korea Exchange, beside the hand-made file (which wins on a name).
LISTED_FILE = Path("gazetteer") / "listed.yaml"

#: Words that name no particular organisation, whatever their form.
_GENERIC_TEXT = """
    정부 중앙정부 우리정부 한국정부 지자체 지방자치단체 지방정부 관계기관 유관기관 관계부처
    관계당국 협력업체 협력사 민간투자사 민간발전사 발전사 투자사 개발사 시행사 운영사 대기업
    중견기업 중소기업 기업 업체 회사 기관 공공기관 연구기관 대학 정부출연기관 출연연 혁신기관
    앵커기업 선도기업 지역기업 입주기업 참여기업 투자기업 국내기업 해외기업 외국기업 글로벌기업
    스타트업 벤처기업 컨소시엄 위원회 협의회 재단 연구원 연구소 센터 주식회사 농업회사법인 법인
    본사 공장 지사 주관기관 참여기관 수요기업 공급기업 국비 도비 시비 군비 구비 시군비 지방비
    민자 민간 자부담 출연연구원 출연연구기관 정부출연연구기관
"""
GENERIC_NAMES = frozenset(_GENERIC_TEXT.split())
#: Countries, written before a foreign company's name ("미국 A") or listed where the text
#: means firms from them ("미국, 독일 등 3개국 기업"): never an organisation themselves.
_COUNTRY_TEXT = """
    미국 일본 중국 독일 프랑스 영국 대만 네덜란드 룩셈부르크 스위스 벨기에 싱가포르 캐나다
    호주 이탈리아 스페인 스웨덴 덴마크 핀란드 노르웨이 오스트리아 이스라엘 인도 홍콩
    베트남 인도네시아 태국 말레이시아 필리핀 멕시코 브라질 폴란드 헝가리 체코 튀르키예
    몽골 카자흐스탄 우즈베키스탄 사우디아라비아 아랍에미리트 러시아
"""
COUNTRIES = frozenset(_COUNTRY_TEXT.split())
#: The countries as a pattern's alternation, longest first ("인도네시아" before "인도").
COUNTRY_PATTERN = "|".join(sorted(COUNTRIES, key=len, reverse=True))
# A body named only by what it does ("실무협의회", "자문위원회") is no particular organisation.
_GENERIC_BODY = re.compile(
    r"^(?:실무|운영|자문|추진|공동|합동|전문가|민관|민관합동|상설|분과|소)"
    r"(?:협의회|위원회|협의체|추진단|실무단|협의단)$"
)
# An industry's name before a generic head names a kind of place ("화장품연구소", "바이오센터").
_KIND_HEAD = re.compile(r"\s?(?:연구소|연구센터|센터|지원센터|공장)")


# Particles written only after a syllable with a final consonant: after one without, the
# letter is part of the name ("케이지에이": 에 takes 가, never 이). The other way round is
# left alone: news writes "한빛텍는" too.
_AFTER_CONSONANT = ("이", "은", "을", "과", "으로", "과의", "으로는", "과는", "이다", "으로부터")


def particle_fits(word: str, particle: str) -> bool:
    """Whether ``particle`` can follow ``word``: 이, 은, 을, 과 and 으로 need a final consonant
    before them; a word not ending in Hangul takes any particle."""
    last = word[-1:]
    if particle not in _AFTER_CONSONANT or not "가" <= last <= "힣":
        return True
    return (ord(last) - 0xAC00) % 28 != 0


#: Ids of the listed companies (``listed.yaml``): ``krx-<stock code>``.
LISTED_PREFIX = "krx-"
# A listed company's name stands as a word of its own, a particle at most after it: 하이브 is
# not the firm in 하이브리드, nor 파워넷 in 제이지파워넷 (another firm's name).
_LISTED_AFTER = re.compile(
    r"(?:에서는|으로는|에서|으로|에게|까지|부터|와의|과의|와는|과는|이다|이며|이고|"
    r"[은는이가을를의에와과도로만])?(?![가-힣A-Za-z0-9])"
)


def listed_bounded(text: str, start: int, end: int) -> bool:
    """Whether a listed company's name at [start, end) is a word of its own (see above)."""
    if start and (text[start - 1].isalnum() or "가" <= text[start - 1] <= "힣"):
        return False
    return _LISTED_AFTER.match(text, end) is not None


def generic_body(name: str) -> bool:
    """Whether ``name`` is a body named only by what it does ("실무협의회")."""
    return _GENERIC_BODY.match(name.replace(" ", "")) is not None


def kind_of_place(text: str, start: int, end: int, industries: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) is an industry's name and a generic head, no one organisation."""
    return any(a == start and _KIND_HEAD.fullmatch(text, b, end) for a, b in industries)


# A name glued to a title is a person's title: 국회의원, 국회의장, 시의원.
_TITLE_AFTER = re.compile(r"^(?:의원|의장|의원실|위원장|부의장)")
# A university's short form glued to 표 is the word 대표 ("경남대표단" is a delegation).
_DELEGATE_AFTER = re.compile(r"^표")
# Last words that make a name generic whatever stands before them ("지역기업", "5개사"), or
# a company's division, no organisation of its own ("UAM사업부", "에너지부문").
_GENERIC_TAIL = re.compile(
    r"(?:기업|업체|회사|기관|대학|개사|곳|사들|기업들|관계자|지자체|단체|시설|공장|단지|지구|사업|계획"
    r"|사업부|사업본부|부문)$"
)
# A person's title is not a name ("대표이사와 협약", "아산시장,").
_TITLE_TAIL = re.compile(
    r"(?:대표이사|대표|회장|사장|시장|지사|도지사|군수|구청장|청장|장관|차관|총리|대통령|의원|교수|원장"
    r"|총장|부장|국장|과장|팀장|실장|본부장|이사|위원장|관계자|담당자|전무|상무|매니저)$"
)
_NOT_NAME = re.compile(
    r"^(?:이들|이번|해당|두|세|각|모든|다른|일부|또|한편|특히|이|그|저|이곳)$|\d+개|^\d+\s?(?:사|곳)$|^[A-Za-z]사$"
    r"|[가-힣](?:에서|에서는|에게)$"  # "구미시청에서 홍길동 사장": where, not who
)


@dataclass(frozen=True)
class Form:
    """One written form of a gazetteer organisation and when it named it (None: open)."""

    text: str
    id: str
    name_ko: str
    name_en: str
    kind: str
    valid_from: str | None
    valid_to: str | None


def load(data_dir: Path) -> GazetteerFile | None:
    """The gazetteer of a data folder, or None when the folder has none; the listed companies
    (``listed.yaml``, where the folder has it) follow the hand-made entries."""
    path = data_dir / GAZETTEER_FILE
    if not path.is_file():
        return None
    listed = data_dir / LISTED_FILE
    stamp = listed.stat().st_mtime_ns if listed.is_file() else None
    return _merged(path, path.stat().st_mtime_ns, listed, stamp)


@lru_cache(maxsize=4)
def _merged(path: Path, stamp: int, listed: Path, listed_stamp: int | None) -> GazetteerFile:
    hand = _parse(path, stamp, GazetteerFile)
    if listed_stamp is None:
        return hand
    companies = _parse(listed, listed_stamp, ListedFile).entries(hand)
    return GazetteerFile.model_construct(organizations=[*hand.organizations, *companies])


def _parse(path: Path, _stamp: int, model: type[_File]) -> _File:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        return model.model_validate(data)
    except Exception as exc:  # a broken gazetteer must not look like an empty one
        raise ValidationFailed(
            f"{path}: the organisation gazetteer does not load",
            [f"{path}: {exc}"[:800]],
            "fix the file (`rsg build` reports each problem with its line)",
        ) from exc


def forms(gazetteer: GazetteerFile) -> Iterator[Form]:
    """Every written form of every organisation that is not a local government."""
    for entry in gazetteer.organizations:
        if local_government(entry.id):
            continue
        for surface in entry.surfaces():
            if surface.text.replace(" ", "") in GENERIC_NAMES:
                continue
            yield Form(
                surface.text,
                entry.id,
                entry.name_ko,
                entry.name_en,
                entry.kind,
                surface.valid_from,
                surface.valid_to,
            )


def local_government(org_id: str) -> bool:
    """A city, county or province government (gov-<region>): in the graph it is the region."""
    return org_id.startswith("gov-") and org_id != "gov-korea"


def acceptable(name: str) -> bool:
    """Whether ``name`` can be an organisation's name (not generic, a title or a count)."""
    bare = name.replace(" ", "")
    return (
        len(bare) >= 2
        and bare not in GENERIC_NAMES
        and bare not in COUNTRIES
        and not _GENERIC_TAIL.search(bare)
        and not _TITLE_TAIL.search(bare)
        and not _NOT_NAME.search(name)
        and not generic_body(bare)
        and not bare.isdigit()
        and re.search(r"[가-힣A-Za-z]", bare) is not None
        and name.strip(" .").upper() not in _LATIN_FORM_WORDS
        and not COMPANY_END.fullmatch(bare)  # "건설과 관련한": a company's ending alone
    )


# Latin words that say what kind of body a name is, never a name alone ("International은",
# "Group과", "LLC").
_LATIN_FORM_WORDS = frozenset(
    {"GROUP", "INTERNATIONAL", "INC", "CO", "LTD", "CORP", "CORPORATION", "COMPANY", "LLC"}
    | {"HOLDINGS", "KOREA", "GMBH", "AG", "SA", "PLC", "LIMITED", "TECHNOLOGIES", "SOLUTIONS"}
)


def refused(text: str, after: str) -> bool:
    """Whether a name found in text is not an organisation here: a generic word, a name
    glued to a title, or a university's short form that is the start of 대표 ("경남대표단")
    (``after`` is the text that follows it)."""
    return (
        text.replace(" ", "") in GENERIC_NAMES
        or bool(_TITLE_AFTER.match(after))
        or (text.endswith("대") and bool(_DELEGATE_AFTER.match(after)))
    )


# Kiwi tags no organisation's name ends in: verb and adjective stems and their suffixes,
# the copula, endings (a nominalising ending makes a noun: 두드림) and particles.
_VERBAL_END = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EP", "EF", "EC", "ETM", "J")
_ADVERBS = ("MAG", "MAJ", "XR")  # and roots alone: 비롯 of 비롯해
_GENERIC_HEADS = frozenset({"산업", "연구소"})
# Latin words that are common nouns in a name: "AI연구소" names no one.
_GENERIC_LATIN = frozenset(
    {"AI", "IT", "ICT", "SW", "HW", "IOT", "R&D", "BT", "NT", "ET", "CT", "ESG", "DX", "AX"}
    | {"UAM", "SMR", "EV", "ESS", "VR", "AR", "XR"}
)


def word_start(text: str, end: int) -> int:
    """Where the word that ends at ``end`` begins (after the white space before it; white
    space as ``str.isspace`` and a pattern's ``\\s`` read it)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def tokens_within(start: int, end: int, tokens: Sequence[Token]) -> list[Token]:
    """Kiwi's ``tokens`` (sorted, text offsets) that lie wholly inside [start, end)."""
    inside = []
    for at in range(bisect.bisect_left(tokens, start, key=_start), len(tokens)):
        token = tokens[at]  # by index: a slice would copy the rest of a long document's tokens
        if token.start >= end:
            break
        if token.end <= end:
            inside.append(token)
    return inside


def by_morphology(start: int, end: int, tokens: Sequence[Token]) -> bool:
    """Whether Kiwi's ``tokens`` (sorted, text offsets) read [start, end) as no name: ending
    in a verb stem, an ending, the copula or a particle, an adverb alone, or common nouns
    before a generic head (산업, 연구소) with no proper noun."""
    inside = tokens_within(start, end, tokens)
    if not inside:
        return False
    last = inside[-1]
    # A proper noun or a Latin word in it: Kiwi does not know the name, its split is no
    # reading ("HL만도" is no particle 만도).
    foreign = any(t.tag in ("NNP", "SL", "SH") for t in inside)
    if last.tag.startswith(_VERBAL_END) and last.tag != "ETN" and not foreign:
        return True
    if all(t.tag in _ADVERBS for t in inside):
        return True  # 잇따라, 비롯
    if last.form in _GENERIC_HEADS and len(inside) > 1:
        return all(_common(t) for t in inside[:-1])
    return False


# What company names end in ("한빛소재", "누리에너지", "다온코리아").
COMPANY_END = re.compile(
    r"(?:전자|화학|제약|약품|바이오|에너지|소재|산업|건설|엔지니어링|솔루션|시스템|테크|텍|랩|코리아|홀딩스|그룹"
    r"|식품|중공업|공업|모빌리티|로보틱스|반도체|디스플레이|머티리얼즈|케미칼|발전|전기|정밀|물산|통신|텔레콤"
    r"|네트웍스|푸드|헬스케어|메디컬|테크놀로지|에어로스페이스|모터스|오토|파워|인더스트리)$"
)
# One-letter nouns that end ordinary compounds ("생산유발액", "투자비", "사업장"): no sign of
# a name that Kiwi does not know.
_NOUN_ENDS = frozenset("액비금량율률세가자권점층동실장원력성용적형별내외간상하중부소국과팀법")


def common_noun(start: int, end: int, name: str, tokens: Sequence[Token]) -> bool:
    """Whether Kiwi reads the name [start, end) as common nouns only ("실적", "안경"), unless
    it ends like a company or Kiwi cuts it into pieces ending in a one-letter noun it does
    not know ("이엔드디": a name)."""
    inside = tokens_within(start, end, tokens)
    if not inside or COMPANY_END.search(name):
        return False
    if any(len(t.form) == 1 and t.tag == "NNG" and t.form not in _NOUN_ENDS for t in inside[1:]):
        return False
    return all(t.tag in ("NNG", "NNB", "XSN", "XPN", "NR", "MM", "SN") for t in inside)


def _common(token: Token) -> bool:
    if token.tag == "SL":
        return token.form.upper() in _GENERIC_LATIN
    return token.tag in ("NNG", "XPN", "XSN", "SN", "NNB")


def _start(token: Token) -> int:
    return token.start


# What may follow a linked name glued to it without making a longer name: a side, a part or
# a group of it ("삼성전자측", "현대차그룹", "SK계열사").
_NOT_LONGER = re.compile(r"^(?:측|계열|계열사|그룹|등|공장|본사|사업장|캠퍼스|컨소시엄|노조)")
_LETTER = re.compile(r"[가-힣A-Za-z0-9&\-]")


def builds_on(text: str, start: int, end: int, linked: Sequence[tuple[int, int]]) -> bool:
    """Whether the new name [start, end) is a longer name built on the linked names that
    overlap it ("포스코에이치와이클린메탈" on 포스코, "LS-엘앤에프 배터리솔루션" on LS and
    엘앤에프): each lies inside it, touching another letter of it, the name goes on after the
    last of them, and what is glued after one is not a side or part of it (삼성전자측,
    현대차그룹)."""
    if not linked or max(b for _, b in linked) >= end:
        return False  # the longer name adds words of its own after them ("전남도-LH" does not)
    marked = text.endswith(("㈜", "(주)", "㈜ ", "(주) "), 0, start)  # "㈜천보 비엘에스"
    for a, b in linked:
        if a < start or b > end or (a, b) == (start, end):
            return False
        glued_after = b < end and _LETTER.match(text[b]) is not None
        glued_before = a > start and _LETTER.match(text[a - 1]) is not None
        opens = marked and a == start and text[b : b + 1] == " "
        latin = a == start and _LATIN_AFTER.match(text, b, end) is not None  # "LG HY BCM"
        if not (glued_after or glued_before or opens or latin):
            return False
        if glued_after and _NOT_LONGER.match(text[b:end]):
            return False
    return True


_LATIN_AFTER = re.compile(r"(?:㈜|\(주\))?\s[A-Z]")


def spelled_inside(text: str, start: int, end: int) -> bool:
    """Whether the name [start, end) is a Latin form in brackets inside a longer word
    ("에스케이(SK)가스와": SK spells part of SK가스, it is not the group)."""
    if start < 2 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    if not re.match(r"[가-힣]", text[start - 2]):
        return False
    glued = re.match(r"[가-힣]+", text[end + 1 :])
    if glued is None:
        return False
    word = glued.group()
    bare = re.sub(
        r"(?:은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|에서는|와의|과의|이다)$", "", word
    )
    return len(bare) >= 2


# Organisations named as the customers of a company: "A, B 등에 소재를 공급해 온", "A 등이
# 주요 고객사" (a company's buyers, not parties to the story).
_CUSTOMERS = re.compile(
    r"\s?등(?:에|에게|이)\s(?:[^\s.]+\s){0,3}?(?:공급|납품|주요\s?고객|고객)"
    # "A, B 등의 … 대기업에 납품한다", "A와 B 등 … 기업들과 협력하고 있는 곳이다", "A 등
    # 다양한 국방과제에도 참여하는": whom the story's company works for, not parties to it.
    r"|\s?등(?:의)?\s(?:[^\s.]+\s){0,4}?[^\s.]*(?:과|와|에)도?\s(?:협력하고\s?있|납품|참여하는)"
    # "A, B 등 국내 배터리 업체들에 음극재 공급", "A, B 등 북미의 자동차 회사와 … 부품 기업에
    # 전량 수출": the buyers a product goes to.
    # (a count before them, "등 5개 기업에 부지를 공급", makes them the story's firms)
    r"|\s?등\s(?:[^\s.\d]+\s){0,8}?[^\s.\d]*(?:들에|에|에게)\s(?!부지|용지|용수|전력)"
    r"(?:[^\s.]+\s){0,2}?(?:전량\s?)?(?:공급|납품|수출)"
)
# The buyers named before the list: "주요 수요기업은 A와 B이며", "고객사로는 A, B가 있다".
_BUYERS_BEFORE = re.compile(r"(?:수요\s?기업|고객사|고객|납품처|수요처)(?:은|는|으로는|로는)\s$")
_LIST_GAP = re.compile(r"\s?[,·]\s?|\s?(?:과|와)\s")


def customers(text: str, spans: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The organisation spans (sorted) that a clause names as a company's customers: the
    items of a list closed by "등에 … 공급", "등이 … 고객사" or "등 … 업체들에 … 공급", or
    opened by "주요 수요기업은"."""
    out: set[tuple[int, int]] = set()
    for i, (a, b) in enumerate(spans):
        if _BUYERS_BEFORE.search(text, max(0, a - 12), a):
            out.add((a, b))
            after = (a, b)
            for nxt in spans[i + 1 :]:  # "… 수요기업은 A와 B이며": B too
                if not _LIST_GAP.fullmatch(text, after[1], nxt[0]):
                    break
                out.add(nxt)
                after = nxt
            continue
        if not _CUSTOMERS.match(text, b):
            continue
        listed = [(a, b)]
        for prev in reversed(spans[:i]):
            if not _LIST_GAP.fullmatch(text, prev[1], listed[0][0]):
                break
            listed.insert(0, prev)
        out.update(listed)
    return out


# A parent named only as what the story's company belongs to or came from: "A 자회사인 B",
# "A그룹 계열사인 B",
# "A의 자회사 B", "A 계열사인 B", "A에서 분사한 B".
_PARENT_OF = re.compile(
    r"(?:의\s?|\s)?(?:자회사|손자회사|계열사)(?:인|로)?\s|에서\s(?:인적\s?|물적\s?)?(?:분사|분할)"
    r"|\s산하\s"  # "A부 산하 B": the body above the story's one
)

# Whose product the story's company makes under contract: "A 백신을 위탁 생산하는 B".
_CONTRACTED = re.compile(r"\s?[가-힣A-Za-z]*(?:을|를)\s?위탁[·\s]?(?:생산|제조)")

# Where the story's company or its founder came from: "A 엔지니어 출신 홍길동 대표", "A 교수가
# 설립한", "A 한의과대학을 기반으로 설립된" ("A 출신의 전문가 30명", people A lends, stays).
_ORIGIN = re.compile(
    r"(?:\s[가-힣A-Za-z]+){0,2}\s출신\s[가-힣]{2,4}\s|(?:\s[가-힣A-Za-z]+){0,3}?\s?"
    r"(?:[가-힣]*교수가\s(?:창업|설립)|[가-힣]*(?:을|를)\s기반으로\s(?:창업|설립))"
)


# A company's premises as the place another company stays in or leaves ("A 본사에
# 입주해있는", "A 구미1사업장을 떠나", "A 구미공장 부지로 이전"): the company is no party.
_PREMISES_OF = re.compile(
    r"\s?[가-힣A-Za-z0-9]*(?:본사|사업장|공장|캠퍼스)(?:\s?부지)?(?:에|에서|을|를|으로|로)\s"
    r"(?:[^\s.]+\s)?(?:입주|떠나|떠난|이전|임대)"
)


def named_aside(text: str, spans: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The linked organisation spans (sorted) that are no organisation of the story: a Latin
    form spelling part of a longer word (``spelled_inside``), a company's customers, a
    parent named as such and a company whose premises are only a place."""
    aside = {
        (a, b)
        for a, b in spans
        if spelled_inside(text, a, b)
        or _PARENT_OF.match(text, b)
        or _PREMISES_OF.match(text, b)
        or _CONTRACTED.match(text, b)
        or _ORIGIN.match(text, b)
    }
    return aside | customers(text, spans)


# What a business group is named for when it only owns the story's company: its chairman,
# its affiliate ("A그룹 계열사인", "A그룹 신약개발 전문사인"), its plan or strategy ("A그룹의").
_OWNER_ONLY = re.compile(r"의\s|\s(?:[가-힣]+\s){0,2}?(?:계열사|자회사|전문사|회장)")


def owner_group(text: str, start: int, end: int, org_id: str) -> bool:
    """Whether a business group's mention names it only as an owner or in a speaker's words:
    "A그룹 계열사인 B", "A그룹 회장", "A그룹의 … 전략", "“A가 지역을 기반으로 …”" (a group
    that acts, "A그룹은 … 투자한다", "A그룹과 협약", stays)."""
    if not (org_id.endswith("-group") or text[start:end].endswith("그룹")):
        return False
    if _OWNER_ONLY.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start]
    after = text[end : len(text) if line_end < 0 else line_end]
    curly = before.rfind("“") > before.rfind("”") and "”" in after
    straight = before.count('"') % 2 == 1 and '"' in after
    return curly or straight


# A name written again ends where a particle or no Hangul letter follows ("매티스는").
_AGAIN_END = re.compile(
    r"(?=$|[^가-힣A-Za-z0-9]|(?:은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|에서는|와의|과의)"
    r"(?:[^가-힣]|$))"
)


def written_again(
    text: str, names: Sequence[str], taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where the new organisations ``names`` (found once by a form or a clause) are written
    again as words of their own, outside the ``taken`` spans: "매티스와 투자협약 … 매티스는
    2020년 설립된". Names shorter than three letters are left alone (two letters recur inside
    other words too often)."""
    spans = sorted(taken)
    starts = [a for a, _ in spans]
    out: list[tuple[int, int]] = []
    for name in dict.fromkeys(n for n in names if len(n) >= 3):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            i = bisect.bisect_right(starts, at) - 1
            free = (i < 0 or spans[i][1] <= at) and (i + 1 >= len(spans) or spans[i + 1][0] >= end)
            before_ok = at == 0 or _LETTER.match(text[at - 1]) is None
            if free and before_ok and _AGAIN_END.match(text, end):
                out.append((at, end))
            at = text.find(name, end)
    return out
