"""Regions named without being spoken of: venues, head offices, comparisons.

장소 언급 / a place named in passing is not a region of the story: the venue of an event
("서울 포시즌스 호텔에서 열린"), a company's home written after its name ("㈜한빛(서울)"),
and a place used only for comparison ("서울·부산에 이어", "송도 등과 어깨를 나란히").
``in_passing`` leaves such region mentions out; the designation rules use the same tests.
"""

from __future__ import annotations

import re

from ingest.documents.matcher import Mention

# "서울 한국기술센터에서 열린 …", "대구 달성군 테크노폴리스 (주)현대로보틱스에서 열린 …".
_VENUE = re.compile(
    r"^(?P<gap>[^,.\n]{0,30}?)(?:에서|서)\s(?:[^,.\n]{0,30}?(?:을|를)\s)?"
    r"(?:열린|열렸|열리는|열어|개최|진행된|진행됐|진행한|가진|가졌)"
)
# A subject or object particle in the gap: the region has a part in its own clause.
_ARGUMENT = re.compile(r"(?:^|[가-힣])(?:은|는|이|가|을|를)(?:\s|$)")
# A particle inside the gap means the place is the subject or object of its own clause.
_CLAUSE = re.compile(r"(?:은|는|이|가|을|를|도|와|과)\s")
# "서울·부산에 이어", "송도 등과 어깨를 나란히", "수도권처럼".
_COMPARED = re.compile(
    r"^(?P<gap>[^,.\n]{0,8}?)(?:에\s?이어|에\s?비해|처럼|와\s?달리|과\s?달리|보다\s|(?:과|와)\s?어깨를"
    r"|(?:과|와)\s?같은)"
)


def compared(after: str) -> bool:
    """Whether the text after a region makes it a comparison ("서울·부산에 이어")."""
    match = _COMPARED.match(after)
    return match is not None and not _ARGUMENT.search(match["gap"])


def venue(after: str) -> bool:
    """Whether the text after a region makes it the venue of an event."""
    match = _VENUE.match(after)
    return match is not None and not _CLAUSE.search(match["gap"])


def in_passing(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without regions that are only a venue, a head office or a comparison, and
    without organisations that are only a venue ("(주)한빛로보틱스에서 열린 보고회") or a
    comparison ("포스코와 같은 기업")."""
    orgs = [m for m in mentions if m.label == "Organization"]
    out = []
    for m in mentions:
        after = text[m.end : m.end + 40]
        if m.label == "Region" and (
            _head_office(text, m, orgs) or venue(after) or compared(after[:16])
        ):
            continue
        if m.label == "Organization" and (venue(after[:24]) or compared(after[:10])):
            continue
        out.append(m)
    return out


def _head_office(text: str, region: Mention, orgs: list[Mention]) -> bool:
    """ "㈜커먼코딩(서울)": a region alone in the brackets right after an organisation."""
    if text[region.start - 1 : region.start] != "(" or text[region.end : region.end + 1] != ")":
        return False
    return any(o.end == region.start - 1 for o in orgs)
