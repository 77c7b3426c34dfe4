"""Questions the seed graph must answer, with the expected values read from the documents.

Each test runs plain Cypher (the kind an analyst would write) against the graph built from
data/; the figures in the comments are the wording of the source documents.
"""

from __future__ import annotations

from typing import Any

from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore


def rows(store: FalkorStore, query: str, **params: Any) -> list[dict[str, Any]]:
    return store.read(query, params).rows


def test_battery_regions_and_their_segments(built: BuildReport, store: FalkorStore) -> None:
    found = rows(
        store,
        "MATCH (r:Region)-[:PURSUES]->(s:Industry)-[:BROADER*0..3]->(:Industry {id: 'battery'}) "
        "RETURN r.id AS region, s.id AS segment",
    )
    by_region: dict[str, set[str]] = {}
    for row in found:
        by_region.setdefault(row["region"], set()).add(row["segment"])
    # Jeonbuk: materials and recycling at the Saemangeum complex (LS-L&F, 성일하이텍).
    assert {"battery-materials", "battery-recycling"} <= by_region["jeonbuk"]
    # Gumi: cells, applications and testing (Big5+1, battery strand).
    assert {"battery-cells", "battery-applications", "battery-testing"} <= by_region[
        "gyeongbuk-gumi"
    ]
    assert "jeonbuk-jeonju" not in by_region


def test_rival_bids_for_the_defense_innovation_cluster(
    built: BuildReport, store: FalkorStore
) -> None:
    found = rows(
        store,
        "MATCH (r:Region)-[s:SEEKS]->(d:Designation {id: 'defense-innovation-cluster'}) "
        "RETURN r.id AS region, s.target_year AS year, d.name_ko AS name",
    )
    # 2026년 방산혁신클러스터 지정을 목표로 (Jeonbuk); 2022년 방산혁신클러스터 사업 유치 (Gumi).
    # The national rounds add other bidders (without a target year); these two stay.
    assert {(row["region"], row["year"]) for row in found} >= {
        ("jeonbuk", "2026"),
        ("gyeongbuk-gumi", "2022"),
    }
    assert {row["year"] for row in found if row["region"] == "jeonbuk"} == {"2026"}
    assert found[0]["name"] == "방위산업 혁신클러스터"


def test_designations_held_with_their_dates(built: BuildReport, store: FalkorStore) -> None:
    found = rows(
        store,
        "MATCH (r:Region)-[h:HOLDS]->(d:Designation) RETURN r.id AS region, d.id AS d, "
        "h.since AS since",
    )
    held = {(row["region"], row["d"]): row["since"] for row in found}
    # 2023년 7월 국가첨단전략산업 특화단지로 지정된 새만금
    assert held[("saemangeum", "national-strategic-industry-complex")] == "2023-07"
    # 국토부의 수소시범도시 사업에 전주·완주가 선정
    assert ("jeonbuk-jeonju", "hydrogen-pilot-city") in held
    assert ("jeonbuk-wanju", "hydrogen-pilot-city") in held


def test_private_investment_in_the_saemangeum_battery_complex(
    built: BuildReport, store: FalkorStore
) -> None:
    found = rows(
        store,
        "MATCH (c:Company)-[v:INVESTS_IN]->(i:Initiative {id: $id}) "
        "RETURN c.id AS company, c.name_ko AS name, v.amount_krw AS krw, v.amount_text AS text",
        id="saemangeum-battery-specialized-complex",
    )
    invested = {row["company"]: (row["krw"], row["text"]) for row in found}
    assert invested == {
        "ls-lnf": (1_050_000_000_000, "1조 500억 원"),
        "futuregraph": (440_000_000_000, "4,400억 원"),
    }
    # The total attracted (총 9조 3,000억 원) is kept as an achieved figure, not split by company.
    total = rows(
        store,
        "MATCH (:Initiative {id: $id})-[:HAS_TARGET]->(t:Target) "
        "WHERE t.id = 'saemangeum-battery-investment-attracted' RETURN t.value AS value",
        id="saemangeum-battery-specialized-complex",
    )
    assert total == [{"value": 9_300_000_000_000}]


def test_physical_ai_poc_partners_and_budget(built: BuildReport, store: FalkorStore) -> None:
    found = rows(
        store,
        "MATCH (o:Organization)-[p:PARTICIPATES_IN]->(i:Initiative {id: $id}) "
        "RETURN i.budget_krw AS budget, o.id AS org, labels(o) AS labels, p.role AS role",
        id="jeonbuk-physical-ai-poc",
    )
    assert {row["budget"] for row in found} == {38_900_000_000}  # 389억 원 규모
    companies = {row["org"] for row in found if "Company" in row["labels"]}
    universities = {row["org"] for row in found if "University" in row["labels"]}
    # 현대차, 네이버, 리벨리온 등 기업과 전북대, 카이스트, 성균관대 등
    assert companies == {"hyundai-motor", "naver", "rebellions"}
    assert universities == {"jeonbuk-national-university", "kaist", "sungkyunkwan-university"}


def test_jeonju_hydrogen_plan_money_and_years(built: BuildReport, store: FalkorStore) -> None:
    found = rows(
        store,
        "MATCH (i:Initiative {id: 'jeonju-wanju-hydrogen-pilot-city'})-[f:FUNDED_BY]->(o) "
        "RETURN i.budget_krw AS total, i.start AS start, i.end AS end, o.id AS funder, "
        "f.amount_krw AS amount, f.basis AS basis",
    )
    # 오는 2022년까지 3년간 국비 145억원 등 총 320억원
    assert found == [
        {
            "total": 32_000_000_000,
            "start": "2020",
            "end": "2022",
            "funder": "molit",
            "amount": 14_500_000_000,
            "basis": "national",
        }
    ]
    parts = rows(
        store,
        "MATCH (:Initiative {id: 'jeonju-wanju-hydrogen-pilot-city'})-[:INCLUDES]->(p) "
        "RETURN p.id AS id",
    )
    # △송천동 1호 수소충전소 ... and the city bus replacement
    assert {"jeonju-songcheon-hydrogen-station-1", "jeonju-hydrogen-bus-replacement"} <= {
        row["id"] for row in parts
    }


def test_jeonbuk_initiatives_sharing_a_partner_company(
    built: BuildReport, store: FalkorStore
) -> None:
    found = rows(
        store,
        "MATCH (c:Company)-[:PARTICIPATES_IN]->(i:Initiative)-[:LOCATED_IN]->(:Region)"
        "-[:PART_OF*0..3]->(:Region {id: 'jeonbuk'}) "
        "WITH c, collect(DISTINCT i.id) AS initiatives WHERE size(initiatives) > 1 "
        "RETURN c.id AS company, initiatives",
    )
    shared = {row["company"]: set(row["initiatives"]) for row in found}
    assert shared == {
        "ls-lnf": {"ls-lnf-saemangeum-plant", "saemangeum-battery-specialized-complex"}
    }


def test_gumi_big5_strands_in_order(built: BuildReport, store: FalkorStore) -> None:
    found = rows(
        store,
        "MATCH (:Strategy {id: 'gumi-manufacturing-innovation-strategy'})-[h:HAS_PHASE]->(p) "
        "RETURN h.order AS n, p.id AS id ORDER BY n",
    )
    # 이차전지, UAM, 미래차, 스마트제조, 방산 + 반도체 (Big5+1)
    assert [row["id"] for row in found] == [
        "gumi-big5-battery",
        "gumi-big5-uam",
        "gumi-big5-future-cars",
        "gumi-big5-smart-manufacturing",
        "gumi-big5-defense",
        "gumi-big5-semiconductor",
    ]


def test_gimje_pursues_special_purpose_vehicles_directly(
    built: BuildReport, store: FalkorStore
) -> None:
    found = rows(
        store,
        "MATCH (:Region {id: 'jeonbuk-gimje'})-[p:PURSUES]->(i:Industry) "
        "RETURN i.id AS id, p.derived AS derived",
    )
    stated = {row["id"] for row in found if row["derived"] is False}
    derived = {row["id"] for row in found if row["derived"] is True}
    assert "special-purpose-vehicles" in stated
    # Rolled up from the initiatives' segments through the taxonomy.
    assert {"mobility", "drones", "ai-agriculture"} <= derived


FIRST_LEVEL = (
    "special_city",
    "metropolitan_city",
    "special_self_governing_city",
    "province",
    "special_self_governing_province",
)


def test_gazetteer_counts_and_hierarchy(built: BuildReport, store: FalkorStore) -> None:
    counts = {
        row["level"]: row["n"]
        for row in rows(store, "MATCH (r:Region) RETURN r.level AS level, count(*) AS n")
    }
    assert sum(counts[level] for level in FIRST_LEVEL) == 17
    assert counts["city"] + counts["county"] + counts["district"] == 226


def test_every_region_in_a_fact_is_in_the_gazetteer_hierarchy(
    built: BuildReport, store: FalkorStore
) -> None:
    orphans = rows(
        store,
        "MATCH (r:Region) WHERE NOT r.level IN $top AND NOT (r)-[:PART_OF]->(:Region) "
        "RETURN r.id AS id",
        top=list(FIRST_LEVEL),
    )
    assert orphans == []
