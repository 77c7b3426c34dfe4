"""The synthetic generator: deterministic, loads and validates, right sizes (tiny tier)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.articles import LENGTH, Articles
from bench.generate import ROOT, TIERS, Generator, tree_hash, won_text
from bench.rdfbench import document_subgraph
from ingest.graph import rdf
from ingest.graph.dataset import load_graph_data


def test_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = Generator(TIERS["T"], seed=7).write(tmp_path / "a")
    second = Generator(TIERS["T"], seed=7).write(tmp_path / "b")
    other = Generator(TIERS["T"], seed=8).write(tmp_path / "c")
    assert first == second
    assert tree_hash(tmp_path / "a") == tree_hash(tmp_path / "b")
    assert other["initiatives"] == first["initiatives"]
    assert tree_hash(tmp_path / "c") != tree_hash(tmp_path / "a")


# Edges the reference files make (gazetteer, taxonomy, schemes): no evidence span of their own.
REFERENCE_EDGES = ("PART_OF", "BROADER", "ROUND_OF", "COVERS", "HAD_NAME")


def test_output_loads_validates_and_has_the_tier_sizes(tmp_path: Path) -> None:
    tier = TIERS["T"]
    counts = Generator(tier, seed=7).write(tmp_path / "t")
    graph = load_graph_data(tmp_path / "t")
    labels = graph.labels()
    gazetteer = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
    assert labels["Initiative"] == tier.initiatives
    assert len([k for k in graph.nodes if k[1].startswith("company-")]) == tier.companies
    assert labels["Region"] == len(gazetteer["regions"]) + len(gazetteer["areas"])
    assert labels["Source"] == counts["documents"]
    types = graph.types()
    for rel in (
        "ADOPTS",
        "INCLUDES",
        "TARGETS",
        "LOCATED_IN",
        "FUNDED_BY",
        "PARTICIPATES_IN",
        "PURSUES",
    ):
        assert types.get(rel, 0) > 0, rel
    assert all(
        e.props.get("evidence")
        for e in graph.edges
        if e.origin != "derived" and e.type not in REFERENCE_EDGES
    )
    conforms, messages = rdf.validate(rdf.to_rdf(graph))
    assert conforms, messages[:5]


def test_tier_s_validates_with_the_national_model(tmp_path: Path) -> None:
    """Tier S against today's data/: bids on designation rounds with dates and outcomes, wins
    held since the decision, former names; it must load (validation) as the bench needs it."""
    Generator(TIERS["S"], seed=7).write(tmp_path / "s")
    graph = load_graph_data(tmp_path / "s")
    labels = graph.labels()
    assert labels["Initiative"] == TIERS["S"].initiatives
    assert labels["DesignationRound"] > 0
    assert labels["FormerName"] > 0
    bids = [e for e in graph.edges if e.type == "SEEKS" and e.end[0] == "DesignationRound"]
    assert {e.props.get("outcome") for e in bids} >= {"designated", "not_selected"}
    assert all(e.props.get("date") and e.props.get("bid") for e in bids)
    held = [e for e in graph.edges if e.type == "HOLDS" and e.end[0] == "DesignationRound"]
    won = {e.props["bid"] for e in bids if e.props.get("outcome") == "designated"}
    assert held
    assert {e.props["bid"] for e in held} == won
    # One document's facts alone (the bench's SHACL per document) conform with their rounds.
    for source in sorted({e.props["sources"][0] for e in bids})[:5]:
        conforms, messages = rdf.validate(rdf.to_rdf(document_subgraph(graph, source)))
        assert conforms, (source, messages[:3])


def test_money_wording_and_articles() -> None:
    assert won_text(1_050_000_000_000) == "1조 500억 원"
    assert won_text(30_500_000_000) == "305억 원"
    articles = Articles(seed=3)
    text = articles.article(0)
    assert len(text) == LENGTH
    assert text == Articles(seed=3).article(0)
    assert any(name in text for name in articles.industries)
