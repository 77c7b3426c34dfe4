"""Organisations named only to describe the story's company, not parties to the story: a
business group that only owns it or is quoted, the body it sits under, the company whose
product it makes under contract, and where it or its founder came from (our own sentences,
one case per rule, with the case the rule must leave alone)."""

from __future__ import annotations

import pytest

from ingest.documents.document import Pipeline
from ingest.documents.orgnames import owner_group
from tests.ingest.extracting import organizations, run_text


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # A group named by its affiliate, its chairman or its plan only owns the company.
        ("SK그룹 바이오 전문사인 한빛팜은 세종에 공장을 짓는다.", [], ["SK그룹"]),
        ("협약식에는 홍길동 LG그룹 회장과 김바다 한빛화학 대표가 왔다.", [], ["LG그룹"]),
        ("이번 투자는 한화그룹의 장기 전략의 하나로 이뤄졌다.", [], ["한화그룹"]),
        # ... and a group only in a speaker's words is no party either.
        ("김바다 지사는 “LG가 지역과 함께 컸다”고 말했다.", [], ["LG"]),
        # A group that acts stays.
        ("LS그룹은 새만금에 1조원을 투자한다.", [("ls-group", "LS그룹")], []),
        ("전북도는 LS그룹과 투자협약을 체결했다.", [("ls-group", "LS그룹")], []),
        # The body above the story's one: "A부 산하 B".
        ("산업통상자원부 산하 한빛진흥원이 문을 연다.", [], ["산업통상자원부"]),
        # Whose product the company makes under contract.
        ("모더나 백신을 위탁 생산하는 한빛바이오가 공장을 늘린다.", [], ["모더나"]),
        # Where the company's founder came from ...
        ("한빛로봇은 구글 엔지니어 출신 홍길동 대표가 세웠다.", [], ["구글"]),
        ("한빛소재는 경희대학교 약학대학을 기반으로 설립된 기업이다.", [], ["경희대학교"]),
        # ... but people a company lends to a programme are its part in the story.
        (
            "전담멘토는 삼성전자 출신의 전문가 30명으로 꾸려졌다.",
            [("samsung-electronics", "삼성전자")],
            [],
        ),
    ],
)
def test_organisations_named_to_describe_a_company(
    pipeline: Pipeline, text: str, wanted: list[tuple[str | None, str]], unwanted: list[str]
) -> None:
    orgs = organizations(run_text(pipeline, text))
    assert all(w in orgs for w in wanted), orgs
    assert not [t for _, t in orgs if t in unwanted], orgs


def test_only_a_group_is_set_aside_as_an_owner() -> None:
    text = "한빛화학의 공장과 한빛그룹의 공장"
    assert not owner_group(text, 0, 4, "")  # a company before 의 is no group
    assert owner_group(text, 10, 14, "")  # a name ending in 그룹 is
