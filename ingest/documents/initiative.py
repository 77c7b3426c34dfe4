"""Initiative names: noun phrases of the sentence, never fragments of it.

사업 이름 / an initiative is named by a noun phrase that ends in a head noun of its kind
(~사업, ~센터, ~클러스터, ~단지, ~공장, ~플랫폼, ...) or by a quoted name (‘제주형 UAM
시범사업’); words before the name that cannot belong to it (a subject with its particle, a
date, an adverb, a verb form) are cut off. A sentence without such a phrase names no
initiative, and no fact about an initiative is made of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HEADS = (
    "사업",
    "사업단",
    "센터",
    "클러스터",
    "단지",
    "산단",
    "특구",
    "지구",
    "공장",
    "플랫폼",
    "시설",
    "기지",
    "캠퍼스",
    "허브",
    "밸리",
    "파크",
    "테스트베드",
    "프로젝트",
    "펀드",
    "인프라",
    "발사장",
    "연구소",
    "과제",
    "프로그램",
    "팹",
    "라인",
    "충전소",
    "벨트",
    "거점",
    "로드맵",
    "연구실",
    "실증",
    "기반",
    "박람회",
    "포럼",
    "전략",
    "개발",
    "연구",
    "양성",
    "구축",
)
_WORD = r"[가-힣A-Za-z0-9·&\-()]"
# A head noun that ends a word (a particle may follow it).
_HEAD_END = re.compile(
    rf"{_WORD}*?(?:{'|'.join(_HEADS)})"
    r"(?=$|[^가-힣A-Za-z0-9]|(?:을|를|이|가|은|는|의|에|에서|으로|로|와|과|도|이다|에는)(?:[^가-힣]|$))"
)
#: A name is at most this many words.
_MAX_WORDS = 7
_QUOTED = re.compile(r"[‘'](?P<name>[^’'\n]{3,40})[’']")
# A word that cannot be inside a name: a particle or ending at its end, a number or date, a
# connective or adverb.
_NOT_IN_NAME = re.compile(
    r"(?<!효|성|결|학|교|부|통)(?:과)$"
    r"|(?:은|는|을|를|에|에서|에서는|에는|으로|에게|와|의|하고|하며|하여|해서|해|했고|하는|되는|된|한다"
    r"|했다|이며|이고|으며|지만|면서|까지|부터|따라|위해|통해|되며|되고|하고|며"
    r"|들여|거쳐|갖춰|맞춰|더해|걸쳐|이뤄|늘려|키워|넘어|이어)$"
    r"|^\d|^(?:올해|내년|지난해|이번|해당|관련|또|또한|한편|특히|이|그|각|모든|총|약|향후|오는|지난|매년|"
    r"우선|먼저|이어|아울러|함께|새로|신규|추가|본격|현재|최근|앞서|이날|당시|이후|국내|전국|등"
    r"|이달|지난달|다음달|오늘|내달|연내|올|금년)$"
)
_JOINED = re.compile(r"^(?:관한|대한|위한|따른)$|(?:에|을|를)\s(?:관한|대한|위한|따른)$")
_GENERIC = {
    "사업",
    "이 사업",
    "본 사업",
    "센터",
    "시설",
    "기반",
    "전략",
    "실증",
    "거점",
    "공장",
    "단지",
}


def initiative_name(
    text: str, s: int, e: int, pos: int, ends: frozenset[int] = frozenset()
) -> str | None:
    """The initiative the sentence [s, e) names nearest ``pos``, as written; None if none.

    ``ends`` are the offsets where linked names end: a name followed there by a particle
    ("한국재료연구원이") is a participant, not part of the initiative's name."""
    named = _named(text, s, e, ends)
    if not named:
        return None
    # After the amount first ("…을 들여 X를 짓는다"), then the nearest before it.
    after = [item for item in named if item[0] >= pos]
    if after:
        return min(after)[2]
    return min(named, key=lambda item: abs(item[0] - pos))[2]


@lru_cache(maxsize=64)
def _named(text: str, s: int, e: int, ends: frozenset[int]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of the initiatives the sentence [s, e) names; several rules ask the
    same sentence, so the answer is kept for a while."""
    quoted = [m for m in _QUOTED.finditer(text, s, e) if not m["name"].rstrip().endswith("다")]
    named = [(m.start("name"), m.end("name"), m["name"].strip()) for m in quoted]
    for end in _head_ends(text, s, e):
        begin = _words_back(text, s, end)
        begin = _after_participants(text, begin, end, ends)
        name = trim_name(text[begin:end])
        if name:
            named.append((end - len(name), end, name))
    # A phrase that a longer one ending later takes in ("세포치료 실증" of "... 실증 사업").
    return tuple(
        item
        for item in named
        if not any(o[0] <= item[0] and item[1] < o[1] and o[0] < item[1] for o in named)
    )


def _head_ends(text: str, s: int, e: int) -> list[int]:
    """Where words that end in a head noun end (before their particle)."""
    out = []
    for word in re.finditer(r"\S+", text[s:e]):
        match = _HEAD_END.match(word.group())
        if match:
            out.append(s + word.start() + match.end())
    return out


def _words_back(text: str, s: int, end: int) -> int:
    """The start of the last ``_MAX_WORDS`` words before ``end`` within the sentence."""
    begin = end
    for _ in range(_MAX_WORDS):
        space = text.rfind(" ", s, begin - 1) if begin > s else -1
        if space < s:
            return s
        begin = space + 1
        if text[begin - 2 : begin - 1] in ".,;" or begin - 1 <= s:
            return begin
    return begin


def _after_participants(text: str, start: int, end: int, ends: frozenset[int]) -> int:
    """Where the phrase starts once a linked name with its particle is cut off its front."""
    cut = start
    for pos in range(start, end):
        if pos in ends and text[pos : pos + 1] in _PARTICLE_CHARS:
            space = text.find(" ", pos, end)
            cut = space + 1 if space >= 0 else cut
    return cut


_PARTICLE_CHARS = set("이가은는과와도의을를에")


def trim_name(phrase: str) -> str | None:
    """``phrase`` without leading words that cannot be in a name; None if too little is left."""
    words = phrase.split()
    # The last word before the head that ends a clause ("…에서는 X과 Y사업") cuts it there;
    # "…에 관한", "…을 위한" join words inside a name ("지원에 관한 조례").
    for i in range(len(words) - 1, 0, -1):
        if _JOINED.search(" ".join(words[i - 1 : i + 1])) or _JOINED.match(words[i - 1]):
            continue
        if _NOT_IN_NAME.search(words[i - 1]):
            words = words[i:]
            break
    name = " ".join(words).strip("()‘’'\"“”「」『』<>《》")
    if len(name.replace(" ", "")) < 3 or name in _GENERIC:
        return None
    return name
