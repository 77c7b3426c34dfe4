"""Planner answers without Cypher: ``/search``, ``/overlaps``, ``/competition``, ``/rounds``,
``/complementarity``. Each gives a named query's rows with typed parameters and a response
model; ``?format=csv`` downloads the same rows. Overlap of several regions, competition for
designations and complementarity are computed from the per-build analytics projection
(``queries.projection``: the same rows as the named queries, from sparse matrices held in
memory)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.web.deps import StoreDep
from api.web.download import csv_response, safe_filename
from api.web.routers.queries import run_named
from ontology.errors import QueryError
from queries.catalog import get as named_query
from queries.projection import projections

router = APIRouter(tags=["analysis"])

CsvOrJson = Annotated[
    Literal["json", "csv"],
    Query(alias="format", description="json (default) or csv (UTF-8 with BOM)"),
]
AsOf = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
        description="YYYY, YYYY-MM or YYYY-MM-DD: the state at the end of that period "
        "(docs/graph-contract.md, as-of dates)",
        examples=["2023", "2023-07"],
    ),
]
_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with ?format=csv"}
}


class Named(BaseModel):
    id: str
    name_ko: str | None = None
    name_en: str | None = None


class SearchHit(Named):
    label: str | None = Field(description="main label: Region, Industry, Organization, ...")
    aliases: list[str]
    matched_on: list[str] = Field(description="the names or aliases that matched")
    rank: int = Field(description="0 exact, 1 prefix, 2 part of a name or id, 3 part of an alias")
    former_names: list[dict[str, Any]] = Field(
        default_factory=list,
        description="a region's former names with valid_from/valid_to (what an old name found)",
    )
    name_ko_then: str | None = Field(default=None, description="the name valid at as_of")
    name_en_then: str | None = None


class SearchResult(BaseModel):
    q: str
    items: list[SearchHit]


class OverlapPair(BaseModel):
    region_a: str
    region_b: str
    name_ko_a: str | None
    name_ko_b: str | None
    name_en_a: str | None
    name_en_b: str | None
    industries_a: int = Field(description="industries region A pursues at this level")
    industries_b: int
    shared_count: int
    jaccard: float = Field(description="shared / union of the two sets, 0..1")
    shared: list[Any] = Field(description="shared industries")
    only_a: list[str] | None = None
    only_b: list[str] | None = None
    evidence: list[dict[str, Any]] | None = Field(
        default=None, description="per shared industry, the facts behind it on each side"
    )


class OverlapResult(BaseModel):
    regions: list[str]
    level: int | None = Field(description="taxonomy depth compared at; null = as pursued")
    pairs: list[OverlapPair]


class RegionStatus(BaseModel):
    region: str
    name_ko: str | None
    name_en: str | None
    level: str | None
    status: Literal["holds", "seeks"]
    target_year: str | None = None
    since: str | None = None
    round: str | None = Field(default=None, description="the round of the bid, if known")
    outcome: str | None = Field(default=None, description="designated, not_selected, pending")
    bid: str | None = Field(default=None, description="partners of a joint bid share it")
    evidence: str | None = None
    sources: list[str] | None = None


class Rival(BaseModel):
    round: str
    a: str
    b: str


class Competition(BaseModel):
    designation: str
    name_ko: str | None
    name_en: str | None
    authority: str | None
    region_count: int
    holders: list[str]
    seekers: list[str]
    regions: list[RegionStatus]
    initiatives: list[dict[str, Any]]
    rounds: list[str] = Field(default_factory=list, description="the scheme's rounds")
    rivals: list[Rival] = Field(
        default_factory=list,
        description="pairs that bid in the same round: different places, neither inside the "
        "other, not partners of one bid",
    )


class CompetitionResult(BaseModel):
    items: list[Competition]


class Bid(BaseModel):
    region: str
    name_ko: str | None
    name_en: str | None
    name_ko_then: str | None = Field(description="the place's name when it filed the bid")
    level: str | None
    parents: list[str]
    bid: str
    partners: list[str] = Field(description="the other places of the same (joint) bid")
    outcome: Literal["designated", "not_selected", "pending"]
    filed: str | None
    since: str | None
    role: str | None = None
    role_ko: str | None = None
    area_m2: float | None = None
    area_text: str | None = None
    evidence: list[str]
    sources: list[str]


class RoundResult(BaseModel):
    round: str
    name_ko: str
    name_en: str
    designation: str
    designation_ko: str | None
    designation_en: str | None
    year: str | None
    industries: list[str]
    announced: str | None
    decided: str | None
    status: Literal["decided", "open"]
    bid_count: int
    winners: list[Bid]
    losers: list[Bid]
    pending: list[Bid]


class RoundsResult(BaseModel):
    items: list[RoundResult]


class Complement(BaseModel):
    industry: str
    name_ko: str | None
    name_en: str | None
    region_a: str
    name_ko_a: str | None
    name_en_a: str | None
    region_b: str
    name_ko_b: str | None
    name_en_b: str | None
    segments_a: list[Named]
    segments_b: list[Named]
    common: list[str]
    only_a: list[str]
    only_b: list[str]
    score: float = Field(description="segments unique to one side / all segments of the pair")
    evidence: dict[str, Any]


class ComplementarityResult(BaseModel):
    items: list[Complement]


@router.get(
    "/search",
    summary="이름·별칭 검색 / search names and aliases",
    response_model=SearchResult,
    responses=_CSV,
)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, examples=["배터리", "Gimje"])],
    labels: Annotated[
        list[str] | None, Query(max_length=20, description="only these labels", examples=[])
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    as_of: AsOf = None,
    fmt: CsvOrJson = "json",
) -> SearchResult | Response:
    given = {"q": q, "labels": labels or [], "limit": limit, "as_of": as_of}
    run = run_named(store, "search", given)
    if fmt == "csv":
        return csv_response(safe_filename("search", q) + ".csv", run.columns, run.rows)
    return SearchResult(q=q, items=[SearchHit.model_validate(r) for r in run.rows])


@router.get(
    "/overlaps",
    summary="지역 간 산업 중복 / shared industries between regions",
    response_model=OverlapResult,
    responses=_CSV,
)
def overlaps(
    store: StoreDep,
    regions: Annotated[
        list[str] | None,
        Query(
            max_length=300,
            description="Region ids (repeat or comma-separate); two give the detailed comparison "
            "with evidence, more give every pair, none give all pairs that share something",
            examples=[["jeonbuk", "gyeongbuk-gumi"]],
        ),
    ] = None,
    level: Annotated[
        int | None,
        Query(ge=0, le=6, description="taxonomy depth: 0 = top level; empty = as pursued"),
    ] = None,
    min_shared: Annotated[int, Query(ge=0, le=1000)] = 0,
    as_of: AsOf = None,
    fmt: CsvOrJson = "json",
) -> OverlapResult | Response:
    ids = [part.strip() for item in regions or [] for part in item.split(",") if part.strip()]
    if len(ids) == 1:
        raise QueryError("one region has nothing to overlap with", "give two or more regions")
    if len(ids) == 2:
        given = {"region_a": ids[0], "region_b": ids[1], "level": level, "as_of": as_of}
        run = run_named(store, "region_overlap", given)
        if not run.rows:
            raise QueryError(
                f"no region {ids[0]!r} or {ids[1]!r}", "find region ids with /search or /regions"
            )
        columns, rows = run.columns, run.rows
    else:  # the projection keeps each PURSUES edge's since: as_of filters it in memory
        rows = projections.of(store).overlaps(ids, level=level, min_shared=min_shared, as_of=as_of)
        columns = list(named_query("overlap_matrix").returns)
    if fmt == "csv":
        return csv_response(
            safe_filename("overlaps", *ids[:6], f"level{level}" if level is not None else "")
            + ".csv",
            columns,
            rows,
        )
    pairs = [OverlapPair.model_validate(r) for r in rows]
    return OverlapResult(regions=ids, level=level, pairs=pairs)


@router.get(
    "/competition",
    summary="같은 국가 지정을 노리는 지역 / regions competing for a national designation",
    response_model=CompetitionResult,
    responses=_CSV,
)
def competition(
    store: StoreDep,
    designation: Annotated[
        str | None, Query(max_length=120, examples=["defense-innovation-cluster"])
    ] = None,
    min_regions: Annotated[int, Query(ge=1, le=300)] = 2,
    rivals_only: Annotated[
        bool, Query(description="only designations with rivals in one of their rounds")
    ] = False,
    as_of: AsOf = None,
    fmt: CsvOrJson = "json",
) -> CompetitionResult | Response:
    # From the projection's round x region matrix: designation_competition's rows.
    rows = projections.of(store).competition(
        designation=designation, min_regions=min_regions, rivals_only=rivals_only, as_of=as_of
    )
    if fmt == "csv":
        name = safe_filename("competition", designation or "all", as_of or "") + ".csv"
        return csv_response(name, list(named_query("designation_competition").returns), rows)
    return CompetitionResult(items=[Competition.model_validate(r) for r in rows])


@router.get(
    "/rounds",
    summary="지정 공모 차수별 선정·탈락 / winners and losers of designation rounds",
    response_model=RoundsResult,
    responses=_CSV,
)
def rounds(
    store: StoreDep,
    designation: Annotated[
        str | None, Query(max_length=120, examples=["national-strategic-industry-complex"])
    ] = None,
    round_id: Annotated[
        str | None, Query(alias="round", max_length=120, examples=["nsic-2023-battery"])
    ] = None,
    industry: Annotated[str | None, Query(max_length=120, examples=["battery"])] = None,
    as_of: AsOf = None,
    fmt: CsvOrJson = "json",
) -> RoundsResult | Response:
    """Each round with its winners, losers and pending bids (joint-bid partners, roles, site
    areas, evidence); as of a date, the bids filed by then with the outcomes known then."""
    given = {"designation": designation, "round": round_id, "industry": industry, "as_of": as_of}
    run = run_named(store, "round_results", given)
    if fmt == "csv":
        name = safe_filename("rounds", designation or round_id or "all", as_of or "") + ".csv"
        return csv_response(name, run.columns, run.rows)
    return RoundsResult(items=[RoundResult.model_validate(r) for r in run.rows])


@router.get(
    "/complementarity",
    summary="가치사슬 상호보완 / regions on different segments of one industry",
    response_model=ComplementarityResult,
    responses=_CSV,
)
def complementarity(
    store: StoreDep,
    industry: Annotated[str | None, Query(max_length=120, examples=["battery"])] = None,
    region: Annotated[str | None, Query(max_length=120, examples=["jeonbuk"])] = None,
    strict: Annotated[bool, Query()] = True,
    fmt: CsvOrJson = "json",
) -> ComplementarityResult | Response:
    rows = projections.of(store).complementarity(industry=industry, region=region, strict=strict)
    if fmt == "csv":
        name = safe_filename("complementarity", industry or "all", region or "") + ".csv"
        return csv_response(name, list(named_query("complementarity").returns), rows)
    return ComplementarityResult(items=[Complement.model_validate(r) for r in rows])
