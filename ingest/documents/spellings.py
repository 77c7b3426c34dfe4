"""The spellings news uses for a designation scheme's name: with and without its spaces.

띄어쓰기 / spacing: "글로벌혁신특구", "글로벌 혁신특구" and "글로벌 혁신 특구" name one
scheme, and news writes all three. The reference data lists a scheme's usual names; every
spacing of them is too many to list by hand. ``scheme_spellings`` gives a name's spellings
with a space or none at each boundary between the words of a scheme name: the spaces written
in the name itself, and the places where one word of ``_WORDS`` ends and another begins.
"""

from __future__ import annotations

from itertools import combinations

# The words scheme names are made of (a boundary is where one ends and another begins).
_WORDS = (
    "국가",
    "첨단",
    "전략",
    "전략산업",
    "산업",
    "특화",
    "단지",
    "특구",
    "지구",
    "구역",
    "지역",
    "도시",
    "혁신",
    "발전",
    "자유",
    "자유화",
    "무역",
    "경제",
    "투자",
    "융합",
    "융복합",
    "복합",
    "복합단지",
    "연구개발",
    "강소",
    "규제",
    "글로벌",
    "기회",
    "교육",
    "도심",
    "수소",
    "시범",
    "시범운행",
    "실증",
    "클러스터",
    "산단",
    "산업단지",
    "스마트",
    "그린",
    "외국인",
    "첨단의료",
    "의료",
    "에너지",
    "분산에너지",
    "재생에너지",
    "집적화",
    "소재",
    "부품",
    "장비",
    "방산",
    "방위산업",
    "드론",
    "특별",
    "위기",
    "대응",
    "자율주행",
    "파크",
    "캠퍼스",
    "디지털",
    "산학",
    "선도",
    "밸리",
    "허브",
    "랩",
    "바이오",
    "혁신밸리",
    "스마트팜",
    "해양",
    "고용",
)
# At most this many boundaries are spaced at once (a long name has many boundaries).
_MOST_SPACES = 3


def scheme_spellings(surface: str) -> list[str]:
    """``surface`` and its other spellings, each boundary between two words written with a
    space or without: "글로벌 혁신특구" gives "글로벌혁신특구", "글로벌 혁신 특구" and the
    rest. Names in Latin letters are given as they are."""
    if not any("가" <= c <= "힣" for c in surface):
        return [surface]
    squeezed = surface.replace(" ", "")
    cuts = _boundaries(squeezed) | _spaces(surface)
    out = [surface]
    for n in range(min(len(cuts), _MOST_SPACES) + 1):
        for chosen in combinations(sorted(cuts), n):
            spelled = _spaced(squeezed, chosen)
            if spelled not in out:
                out.append(spelled)
    return out


def _spaces(surface: str) -> set[int]:
    """The positions in the name without spaces where the name has one."""
    out, removed = set(), 0
    for i, c in enumerate(surface):
        if c == " ":
            out.add(i - removed)
            removed += 1
    return out


def _boundaries(squeezed: str) -> set[int]:
    """Positions where a word of ``_WORDS`` ends and another begins."""
    found = [(i, w) for w in _WORDS for i in _find_all(squeezed, w)]
    ends = {i + len(w) for i, w in found}
    starts = {i for i, _ in found}
    return {p for p in ends & starts if 0 < p < len(squeezed)}


def _find_all(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _spaced(squeezed: str, cuts: tuple[int, ...]) -> str:
    parts, last = [], 0
    for cut in cuts:
        parts.append(squeezed[last:cut])
        last = cut
    parts.append(squeezed[last:])
    return " ".join(parts)
