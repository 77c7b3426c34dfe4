"""SHACL with the entailed types gives what pyshacl's full RDFS inference gives.

The build validates with ``inference="none"`` plus the ``rdf:type`` triples RDFS entails
(``ingest.graph.rdf.entailed_types``); these tests compare it with ``inference="rdfs"`` (how the
build validated before) on a conforming graph and on one broken in ways where the entailed
types change which shapes apply.
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from ingest.graph import rdf
from ingest.graph.dataset import load_graph_data
from ingest.graph.graphdata import GraphData, node_uri

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
    assert rdf.validate(graph) == (True, []) == _with_rdfs_inference(graph)


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
    assert rdf.validate(graph) == expected


def test_validate_leaves_the_callers_graph_alone() -> None:
    graph = _small_graph()
    before = len(graph)
    rdf.validate(graph)
    assert len(graph) == before
