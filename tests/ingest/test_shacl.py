"""SHACL: the Rust engine gives pyshacl's verdicts, and the entailed types give what
pyshacl's full RDFS inference gives.

The build validates with the ``shacl`` engine (Rust, RDFS closure in Rust). pyshacl is the
reference: it runs with ``inference="none"`` plus the ``rdf:type`` triples RDFS entails
(``ingest.graph.rdf.entailed_types``), which these tests compare with ``inference="rdfs"``. A
verdict is conforms plus the set of (focus node, path, constraint component) of every result;
the two engines must agree on the seed graph and on every broken-data case
(tests/ingest/shacl_cases.py).
"""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from ingest.graph import rdf
from ingest.graph.dataset import load_graph_data
from ingest.graph.graphdata import GraphData, node_uri
from tests.ingest.shacl_cases import CASES, PLANTED

RSG = rdf.RSG


def _with_rdfs_inference(graph: Graph) -> tuple[bool, list[str]]:
    from pyshacl import validate

    shapes = Graph().parse(rdf.ONTOLOGY_DIR / "shapes.ttl")
    conforms, report, _ = validate(
        graph,
        shacl_graph=shapes,
        ont_graph=rdf.ontology_graph(),
        inference="rdfs",
        allow_warnings=True,
    )
    messages = [
        f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}: "
        f"{report.value(r, SH.resultMessage)}"
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]
    return bool(conforms), sorted(messages)


def _small_graph() -> Graph:
    """A few facts of the seed data with every node they touch (a quick SHACL run)."""
    data = load_graph_data()
    edges = [
        edge
        for rel in ("TARGETS", "LOCATED_IN", "FUNDED_BY")
        for edge in [e for e in data.edges if e.type == rel][:4]
    ]
    keys = {k for e in edges for k in (e.start, e.end)}
    keys |= {("Source", s) for e in edges for s in e.props.get("sources", [])}
    nodes = {k: data.nodes[k] for k in keys}
    keys |= {("Source", s) for n in nodes.values() for s in n.props.get("sources", [])}
    return rdf.to_rdf(GraphData(nodes={k: data.nodes[k] for k in keys}, edges=edges))


def test_conforming_graph_conforms_both_ways() -> None:
    graph = _small_graph()
    assert rdf.validate(graph, engine="pyshacl") == (True, []) == _with_rdfs_inference(graph)
    assert rdf.validate(graph) == (True, [])


def test_broken_graph_gives_the_same_messages_as_rdfs_inference() -> None:
    graph = _small_graph()
    initiative, industry = next(graph.subject_objects(RSG.targets))
    region = next(graph.subjects(RDF.type, RSG.Region))
    # A source nobody describes: rdfs:range makes it an rsg:Source, so SourceShape applies.
    graph.add((initiative, RSG.sources, URIRef(node_uri("Source", "no-such-source"))))
    # A Strategy property on an Initiative: rdfs:domain makes it a Strategy as well.
    graph.add((initiative, RSG.announced, Literal("2025")))
    # An untyped industry: rdfs:range of rsg:targets types it again.
    graph.remove((industry, RDF.type, RSG.Industry))
    graph.remove((industry, RSG.name_en, None))
    # A wrong endpoint: a region where an industry belongs.
    graph.add((initiative, RSG.targets, region))
    expected = _with_rdfs_inference(graph)
    assert expected[0] is False
    assert any("no-such-source" in m and "name_ko" in m for m in expected[1])
    assert any(str(industry) in m and "name_en" in m for m in expected[1])
    assert rdf.validate(graph, engine="pyshacl") == expected
    assert _verdict(graph, "shacl") == _verdict(graph, "pyshacl")


def test_validate_leaves_the_callers_graph_alone() -> None:
    graph = _small_graph()
    before = len(graph)
    for engine in ("shacl", "pyshacl"):
        rdf.validate(graph, engine=engine)
        assert len(graph) == before


Verdict = tuple[bool, frozenset[tuple[str, str | None, str]]]


def _verdict(graph: Graph, engine: rdf.Engine) -> Verdict:
    conforms, found = rdf.check(graph, engine=engine)
    return conforms, frozenset((v.focus, v.path, v.constraint) for v in found)


@cache
def _seed() -> Graph:
    return rdf.to_rdf(load_graph_data())


def test_the_engines_agree_on_the_seed_graph() -> None:
    assert _verdict(_seed(), "shacl") == _verdict(_seed(), "pyshacl") == (True, frozenset())


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_engines_agree_on_broken_data(name: str) -> None:
    graph = CASES[name](rdf._copy(_seed()))
    expected = _verdict(graph, "pyshacl")
    if name != "korean_evidence_at_the_limit":
        assert expected[0] is False, f"{name} breaks no shape"
        assert expected[1]
    assert _verdict(graph, "shacl") == expected


def test_the_build_path_finds_what_the_graph_path_finds() -> None:
    """``check_data`` (N-Triples from the graph data) sees the triples ``to_rdf`` makes."""
    data = load_graph_data()
    assert rdf.check_data(data) == rdf.check(rdf.to_rdf(data)) == (True, [])


def test_planted_violations_are_found_one_each() -> None:
    graph = rdf._copy(_seed())
    for case in PLANTED:
        case(graph)
    conforms, found = rdf.check(graph)
    assert conforms is False
    assert len({(v.focus, v.path, v.constraint) for v in found}) == len(PLANTED)
