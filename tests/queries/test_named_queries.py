"""The named query library on the seed graph built from data/.

Every query in the catalog runs with its example parameters and returns its declared
columns; each analysis has at least one expected answer taken from the curated facts. The
embedded store always runs; Neo4j runs too when NEO4J_URI is set (same queries, same answers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from ontology.errors import QueryError
from queries.catalog import NamedQuery, catalog, get
from queries.store import GraphStore, Row
from tests.backends import BACKENDS, seed_graph
from tests.conftest import corpus_dir

#: The analyses the planners asked for (issue 4); more may exist.
REQUIRED = {
    "region_portfolio",
    "regions_by_industry",
    "region_overlap",
    "overlap_matrix",
    "designation_competition",
    "complementarity",
    "funding_by_region",
    "funding_by_basis",
    "private_investment",
    "organization_network",
    "initiatives_timeline",
    "cooperation_links",
    "path_between",
    "fact_evidence",
    "search",
}


@pytest.fixture(scope="module", params=BACKENDS)
def graph(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    """The seed graph on each available backend."""
    yield from seed_graph(request, tmp_path_factory)


def run(store: GraphStore, name: str, **given: Any) -> list[Row]:
    query = get(name)
    result = store.read(query.text, query.bind(given))
    assert result.columns == list(query.returns), name
    assert not result.truncated, name
    return result.rows


def examples(query: NamedQuery) -> dict[str, Any]:
    return {p.name: p.example for p in query.params if p.example is not None}


def by(rows: list[Row], key: str) -> dict[Any, Row]:
    return {row[key]: row for row in rows}


def code_of(query: NamedQuery) -> str:
    """The query text without comments (header included)."""
    return "\n".join(line.split("//", 1)[0] for line in query.text.splitlines())


# -- the catalog itself ---------------------------------------------------------------------


def test_catalog_holds_the_planned_analyses() -> None:
    assert len(catalog()) >= 15
    assert set(catalog()) >= REQUIRED


@pytest.mark.parametrize("name", sorted(catalog()))
def test_header_is_complete_and_parameters_are_declared(name: str) -> None:
    query = get(name)
    assert query.description_ko.strip()
    assert query.description_en.strip()
    assert query.returns, "declare the returned columns"
    declared = {p.name for p in query.params}
    used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", code_of(query)))
    assert used == declared, "every parameter used is declared, and every declared one is used"
    for param in query.params:
        if param.required:
            assert param.example is not None, f"{param.name}: a required parameter needs an example"


@pytest.mark.parametrize("name", sorted(catalog()))
def test_stays_in_the_common_cypher_subset(name: str) -> None:
    code = code_of(get(name))
    # CALL { WITH x ... } runs on both stores; the scoped CALL (x) { ... } only on Neo4j.
    for banned in (r"\bapoc\.", r"\bEXISTS\s*\{", r"\bCALL\s*\(", r"\bCOUNT\s*\{"):
        assert not re.search(banned, code, re.IGNORECASE), banned
    assert not re.search(r"\bMATCH\s+(\w+\s*=\s*)?shortestPath", code), "shortestPath in MATCH"
    unbounded = r"\*\s*\]|\*\s*\d*\s*\.\.\s*\]"
    assert not re.search(unbounded, code), "variable-length paths need an upper bound"


def test_unknown_parameter_is_refused() -> None:
    with pytest.raises(QueryError, match="no parameter"):
        get("region_portfolio").bind({"region": "jeonbuk", "regoin": "jeonbuk"})


def test_missing_required_parameter_is_refused() -> None:
    with pytest.raises(QueryError, match="needs the parameter region"):
        get("region_portfolio").bind({})


def test_wrong_parameter_type_is_refused() -> None:
    with pytest.raises(QueryError, match="must be integer"):
        get("region_overlap").bind({"region_a": "a", "region_b": "b", "level": "top"})


# -- every query on the seed graph ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(catalog()))
def test_runs_with_its_example_parameters(graph: GraphStore, name: str) -> None:
    query = get(name)
    rows = run(graph, name, **examples(query))
    assert rows, f"{name}: its example finds nothing on the seed graph"


# -- expected answers from the curated facts ---------------------------------------------------


def test_region_portfolio_lists_industries_segments_initiatives_and_money(
    graph: GraphStore,
) -> None:
    gimje = by(run(graph, "region_portfolio", region="jeonbuk-gimje"), "industry")
    spv = gimje["special-purpose-vehicles"]
    assert spv["derived"] is False, "the document states Gimje's special-vehicle industry itself"
    assert "gimje-spv-action-plan-2025" in {x["id"] for x in spv["initiatives"]}
    assert spv["initiative_count"] == len(spv["initiatives"])
    assert "special-purpose-vehicles" in gimje["mobility"]["segments"]

    jeonju = run(graph, "region_portfolio", region="jeonbuk-jeonju")
    pilot = [
        (row, x)
        for row in jeonju
        for x in row["initiatives"]
        if x["id"] == "jeonju-wanju-hydrogen-pilot-city"
    ]
    assert pilot, "the hydrogen pilot city programme counts for Jeonju"
    for row, initiative in pilot:
        assert initiative["budget_krw"] == 32_000_000_000  # 총 320억원
        assert initiative["funded_krw"] == 14_500_000_000  # 국비 145억원
        assert row["budget_krw"] >= 32_000_000_000
        assert row["funded_krw"] >= 14_500_000_000


def test_regions_by_industry_follows_the_taxonomy(graph: GraphStore) -> None:
    battery = by(run(graph, "regions_by_industry", industry="battery"), "region")
    assert {"jeonbuk", "gyeongbuk-gumi"} <= set(battery)
    assert {"battery-materials", "battery-recycling"} <= set(battery["jeonbuk"]["segments"])
    assert {"battery-applications", "battery-testing"} <= set(battery["gyeongbuk-gumi"]["segments"])
    assert battery["gyeongbuk-gumi"]["parents"] == ["gyeongbuk"]
    narrower = by(run(graph, "regions_by_industry", industry="battery-materials"), "region")
    assert "jeonbuk" in narrower
    assert "gyeongbuk-gumi" not in narrower
    cities = run(graph, "regions_by_industry", industry="battery", level="city")
    assert {row["level"] for row in cities} == {"city"}
    assert "gyeongbuk-gumi" in {row["region"] for row in cities}


def test_region_overlap_scores_shared_industries(graph: GraphStore) -> None:
    (row,) = run(graph, "region_overlap", region_a="jeonbuk", region_b="gyeongbuk-gumi", level=0)
    shared = {item["id"]: item for item in row["shared"]}
    assert {"battery", "defense"} <= set(shared)
    assert shared["battery"]["name_ko"] == "이차전지"
    assert row["shared_count"] == len(shared)
    union = row["industries_a"] + row["industries_b"] - row["shared_count"]
    assert row["jaccard"] == pytest.approx(row["shared_count"] / union, abs=0.001)
    proof = {item["industry"]: item for item in row["evidence"]}["battery"]
    assert proof["a"], "Jeonbuk's PURSUES evidence for batteries"
    assert proof["b"], "Gumi's PURSUES evidence for batteries"
    assert not set(row["only_a"]) & set(row["only_b"])

    (direct,) = run(graph, "region_overlap", region_a="jeonbuk", region_b="gyeongbuk-gumi")
    assert "battery" in {item["id"] for item in direct["shared"]}
    assert direct["industries_a"] >= row["industries_a"], "rolling up merges concepts"
    assert run(graph, "region_overlap", region_a="jeonbuk", region_b="no-such-region") == []


def test_overlap_matrix_agrees_with_region_overlap(graph: GraphStore) -> None:
    regions = ["jeonbuk", "jeonbuk-jeonju", "jeonbuk-gimje", "gyeongbuk-gumi"]
    rows = run(graph, "overlap_matrix", regions=regions, level=0)
    pairs = {(row["region_a"], row["region_b"]): row for row in rows}
    assert len(rows) == len(pairs) == 6, "every pair once, including pairs that share nothing"
    assert all(a < b for a, b in pairs)
    (single,) = run(graph, "region_overlap", region_a="gyeongbuk-gumi", region_b="jeonbuk", level=0)
    pair = pairs[("gyeongbuk-gumi", "jeonbuk")]
    assert set(pair["shared"]) == {item["id"] for item in single["shared"]}
    assert pair["jaccard"] == single["jaccard"]
    assert pair["shared_count"] == len(pair["shared"])

    everyone = run(graph, "overlap_matrix", regions=[], min_shared=1)
    assert ("gyeongbuk-gumi", "jeonbuk") in {(r["region_a"], r["region_b"]) for r in everyone}
    assert all(r["shared_count"] >= 1 for r in everyone)
    counts_only = run(graph, "overlap_matrix", regions=regions, list_shared=False)
    assert all(r["shared"] == [] for r in counts_only)
    assert sum(r["shared_count"] for r in counts_only) > 0


def test_designation_competition_shows_rival_bids_and_holders(graph: GraphStore) -> None:
    competed = by(run(graph, "designation_competition"), "designation")
    defense = competed["defense-innovation-cluster"]
    assert {"jeonbuk", "gyeongbuk-gumi"} <= set(defense["seekers"])
    years = {entry["region"]: entry["target_year"] for entry in defense["regions"]}
    assert years["gyeongbuk-gumi"] == "2022"
    assert years["jeonbuk"] == "2026"
    hydrogen = competed["hydrogen-pilot-city"]
    assert {"jeonbuk-jeonju", "jeonbuk-wanju"} <= set(hydrogen["holders"])
    assert "jeonju-wanju-hydrogen-pilot-city" in {x["id"] for x in hydrogen["initiatives"]}
    assert all(row["region_count"] >= 2 for row in competed.values())
    one = run(graph, "designation_competition", designation="financial-hub", min_regions=1)
    assert len(one) == 1
    assert "jeonbuk-jeonju" in one[0]["seekers"]


def test_complementarity_pairs_different_battery_segments(graph: GraphStore) -> None:
    rows = run(graph, "complementarity", industry="battery")
    (row,) = [r for r in rows if {r["region_a"], r["region_b"]} == {"jeonbuk", "gyeongbuk-gumi"}]
    only = {row["region_a"]: set(row["only_a"]), row["region_b"]: set(row["only_b"])}
    assert {"battery-materials", "battery-recycling"} <= only["jeonbuk"]
    assert {"battery-applications", "battery-testing"} <= only["gyeongbuk-gumi"]
    assert 0 < row["score"] <= 1
    assert run(graph, "complementarity", industry="battery", region="jeonbuk-gimje") == []


def test_funding_by_region_splits_by_basis(graph: GraphStore) -> None:
    (jeonju,) = run(graph, "funding_by_region", region="jeonbuk-jeonju")
    assert jeonju["national_krw"] >= 14_500_000_000
    assert jeonju["budget_krw"] >= 32_000_000_000
    parts = [
        jeonju[f"{basis}_krw"]
        for basis in ("national", "provincial", "municipal", "private", "other")
    ]
    assert jeonju["funded_krw"] == sum(parts)
    (province,) = run(graph, "funding_by_region", region="jeonbuk", include_parts=True)
    assert province["national_krw"] >= jeonju["national_krw"], "Jeonju's money counts for Jeonbuk"
    assert province["lines_without_amount"] >= 1, "the smart-factory shares have no amount"


def test_funding_by_basis_groups_budget_lines(graph: GraphStore) -> None:
    bases = by(run(graph, "funding_by_basis"), "basis")
    national = bases["national"]
    assert national["amount_krw"] >= 14_500_000_000
    pilot = [x for x in national["lines"] if x["initiative"] == "jeonju-wanju-hydrogen-pilot-city"]
    assert [(x["funder"], x["amount_krw"], x["amount_text"]) for x in pilot] == [
        ("molit", 14_500_000_000, "국비 145억원")
    ]
    assert "gov-jeonbuk" in bases["provincial"]["funders"]
    assert {"national", "provincial", "municipal"} <= set(bases)
    only = run(graph, "funding_by_basis", basis="municipal")
    assert [row["basis"] for row in only] == ["municipal"]
    gumi = run(graph, "funding_by_basis", region="gyeongbuk-gumi")
    assert all(line["initiative"].startswith("gumi") for row in gumi for line in row["lines"]), gumi


def test_private_investment_by_company_and_region(graph: GraphStore) -> None:
    rows = run(graph, "private_investment")
    lnf = [r for r in rows if r["company"] == "ls-lnf"]
    assert ("saemangeum-battery-specialized-complex", 1_050_000_000_000, "saemangeum") in {
        (r["target"], r["amount_krw"], r["region"]) for r in lnf
    }
    for row in rows:
        same_region = [r["amount_krw"] or 0 for r in rows if r["region"] == row["region"]]
        assert row["region_total_krw"] == sum(same_region)
        same_company = [r["amount_krw"] or 0 for r in rows if r["company"] == row["company"]]
        assert row["company_total_krw"] == sum(same_company)
    in_jeonbuk = run(graph, "private_investment", region="jeonbuk")
    assert "ls-lnf" in {r["company"] for r in in_jeonbuk}, "Saemangeum lies in Jeonbuk"
    assert run(graph, "private_investment", region="jeju") == []


def test_organization_network_finds_partners_across_regions(graph: GraphStore) -> None:
    shared = by(run(graph, "organization_network", min_regions=2), "organization")
    assert "gov-jeonbuk" in shared
    assert all(row["region_count"] >= 2 for row in shared.values())
    (lnf,) = run(graph, "organization_network", organization="ls-lnf")
    invest = [x for x in lnf["links"] if x["relation"] == "INVESTS_IN"]
    assert invest
    assert invest[0]["amount_krw"] == 1_050_000_000_000
    (lg,) = run(graph, "organization_network", organization="lg-chem")
    assert "gyeongbuk-gumi" in lg["regions"]
    assert lg["labels"] == ["Company"]


def test_initiatives_timeline_by_year_and_region(graph: GraphStore) -> None:
    gimje = by(run(graph, "initiatives_timeline", region="jeonbuk-gimje"), "year")
    assert "gimje-spv-action-plan-2025" in {x["id"] for x in gimje[2025]["initiatives"]}
    window = run(graph, "initiatives_timeline", from_year=2020, to_year=2022)
    assert window
    assert all(2020 <= row["year"] <= 2022 for row in window)
    years = [row["year"] for row in window]
    assert years == sorted(years)
    jeonju_2020 = [r for r in window if r["region"] == "jeonbuk-jeonju" and r["year"] == 2020]
    assert "jeonju-wanju-hydrogen-pilot-city" in {
        x["id"] for row in jeonju_2020 for x in row["initiatives"]
    }


def test_cooperation_links_carry_their_evidence(graph: GraphStore) -> None:
    links = {(r["region_a"], r["region_b"]): r for r in run(graph, "cooperation_links")}
    assert links[("jeonbuk-gimje", "jeonbuk")]["evidence"] == "전북도 및 관계 부처와 협력해"
    wanju = run(graph, "cooperation_links", region="jeonbuk-wanju")
    assert ("jeonbuk-jeonju", "jeonbuk-wanju") in {(r["region_a"], r["region_b"]) for r in wanju}
    assert all("jeonbuk-wanju" in (r["region_a"], r["region_b"]) for r in wanju)


def test_path_between_finds_the_shortest_connections(graph: GraphStore) -> None:
    rows = run(graph, "path_between", from_id="jeonbuk", to_id="gyeongbuk-gumi")
    assert rows
    assert len({row["length"] for row in rows}) == 1, "only the shortest paths"
    for row in rows:
        ids = [node["id"] for node in row["nodes"]]
        assert (ids[0], ids[-1]) == ("jeonbuk", "gyeongbuk-gumi")
        assert len(row["relationships"]) == row["length"] == len(ids) - 1
        assert [n["id"] for n in row["path"]["_nodes"]] == ids
    assert ["jeonbuk", "battery", "gyeongbuk-gumi"] in [
        [n["id"] for n in row["nodes"]] for row in rows
    ]
    assert len(run(graph, "path_between", from_id="jeonbuk", to_id="gyeongbuk-gumi", limit=1)) == 1
    assert run(graph, "path_between", from_id="jeonbuk", to_id="jeonbuk") == []
    assert run(graph, "path_between", from_id="jeonbuk", to_id="battery", to_label="Region") == []


def test_fact_evidence_cites_sources(graph: GraphStore) -> None:
    (line,) = run(
        graph, "fact_evidence", id="jeonju-wanju-hydrogen-pilot-city", rel_type="FUNDED_BY"
    )
    assert line["properties"]["amount_krw"] == 14_500_000_000
    assert line["properties"]["basis"] == "national"
    assert line["evidence"] == "3년간 국비 145억원 등 총 320억원이 투입"
    (source,) = line["sources"]
    assert source["id"] == "jeonju-four-future-industries-2020"
    assert source["title"]
    if corpus_dir() is not None:
        assert line["evidence_start"] is not None, "the build located the span in the document"
    by_source = run(graph, "fact_evidence", source="gimje-dna-roadmap-2025", limit=1000)
    assert by_source
    assert all("gimje-dna-roadmap-2025" in {s["id"] for s in r["sources"]} for r in by_source)
    designations = run(graph, "fact_evidence", label="Designation", include_derived=False)
    assert {r["type"] for r in designations} <= {"SEEKS", "HOLDS", "DESIGNATED_AS"}
    assert not any(r["derived"] for r in designations)
    assert all(len(r["evidence"]) <= 40 for r in designations)


def test_search_matches_names_aliases_and_ids(graph: GraphStore) -> None:
    hits = run(graph, "search", q="배터리", labels=["Industry"])
    assert (hits[0]["id"], hits[0]["rank"]) == ("battery", 0), "배터리 is an alias of 이차전지"
    assert {row["label"] for row in hits} == {"Industry"}
    english = run(graph, "search", q="GIMJE", labels=["Region"])
    assert "jeonbuk-gimje" in {row["id"] for row in english}
    company = run(graph, "search", q="lg화학", labels=["Company"])
    assert ("lg-chem", "Organization") in {(row["id"], row["label"]) for row in company}
    assert run(graph, "search", q="b", labels=["BuildInfo"]) == []
    assert len(run(graph, "search", q="전북", limit=3)) == 3


def test_industry_tree_lists_segments(graph: GraphStore) -> None:
    tree = by(run(graph, "industry_tree", industry="battery"), "industry")
    assert tree["battery"]["depth"] == 0
    segments = {k for k, row in tree.items() if row["segment"]}
    assert {"battery-materials", "battery-recycling", "battery-applications"} <= segments
    assert all(tree[k]["depth"] == 1 for k in segments)
    assert "jeonbuk" in tree["battery-materials"]["regions"]


def test_region_strategies_lists_phases_in_order(graph: GraphStore) -> None:
    rows = run(graph, "region_strategies", region="jeonbuk-gimje")
    gimje = [r for r in rows if r["strategy"] == "gimje-dna-roadmap"]
    assert [r["phase_order"] for r in gimje] == [1, 2, 3]
    assert "gimje-spv-action-plan-2025" in {x["id"] for x in gimje[0]["initiatives"]}


def test_strategy_targets_keep_values_and_wording(graph: GraphStore) -> None:
    targets = by(run(graph, "strategy_targets", region="jeonbuk"), "target")
    sites = targets["jeonbuk-smart-factory-target-300-sites"]
    assert (sites["value"], sites["holder"]) == (300, "jeonbuk-smart-factory-project")


def test_node_facts_and_entity_queries(graph: GraphStore) -> None:
    facts = run(graph, "node_facts", id="jeonbuk-gimje")
    assert ("ADOPTS", "gimje-dna-roadmap") in {
        (r["type"], (r["other"] or {}).get("id")) for r in facts
    }
    # One row: the node, its counts and one page of neighbours as a list.
    (detail,) = run(graph, "entity_detail", label="Region", id="jeonbuk-gimje")
    page = detail["neighbours"]
    assert "gimje-dna-roadmap" in {item["neighbour"]["id"] for item in page}
    assert len(page) == detail["matching"] == sum(c["count"] for c in detail["counts"])
    assert any(item["outgoing"] for item in page)
    assert any(not item["outgoing"] for item in page)  # initiatives LOCATED_IN it
    # A negative skip counts from the start, a limit of 0 or less gives an empty page; either
    # way the node comes back.
    assert run(graph, "entity_detail", label="Region", id="jeonbuk-gimje", skip=-5) == [detail]
    (empty,) = run(graph, "entity_detail", label="Region", id="jeonbuk-gimje", limit=-1)
    assert (empty["node"]["id"], empty["neighbours"], empty["matching"]) == (
        "jeonbuk-gimje",
        [],
        len(page),
    )
    (second,) = run(graph, "entity_detail", label="Region", id="jeonbuk-gimje", skip=1, limit=2)
    assert second["neighbours"] == page[1:3]
    # A node without relationships (a source: facts cite it by id): nothing matches.
    source = graph.read("MATCH (s:Source) RETURN s.id AS id ORDER BY id LIMIT 1").rows[0]["id"]
    (alone,) = run(graph, "entity_detail", label="Source", id=source)
    assert (alone["matching"], alone["neighbours"], alone["counts"]) == (0, [], [])
    (listing,) = run(graph, "entity_list", label="Region", parent="jeonbuk", level="city")
    assert "jeonbuk-jeonju" in {item["id"] for item in listing["items"]}
