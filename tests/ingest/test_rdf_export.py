"""Streamed exports hold exactly the triples of the rdflib graph, odd values included."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from ingest.graph import rdf
from ingest.graph.graphdata import EdgeRecord, GraphData, NodeRecord, node_uri
from ingest.graph.triples import fact_iri

_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def _node(label: str, node_id: str, **props: object) -> NodeRecord:
    base = {"id": node_id, "uri": node_uri(label, node_id), "name_ko": "가", "name_en": "a"}
    return NodeRecord(label, node_id, {**base, **props})


def _odd_graph() -> GraphData:
    nodes = [
        # A tiny decimal that str() writes as 1e-05 (rdflib keeps it as 0.00001), a repeated
        # alias, a year and a month.
        _node("Initiative", "i", area_m2=0.00001, aliases=["x", "x"], start="2025", end="2026-09"),
        _node("Industry", "ind", segment=True),
        _node("Source", "s", published="2025-09-03"),
    ]
    target = (("Initiative", "i"), ("Industry", "ind"))
    edges = [
        # Two TARGETS between the same nodes: one rsg:targets triple, two facts.
        EdgeRecord("TARGETS", *target, {"sources": ["s"], "evidence": "가"}),
        EdgeRecord("TARGETS", *target, {"sources": ["s"], "evidence": "나"}),
        # The same fact twice: one fact IRI, its triples once.
        EdgeRecord("TARGETS", *target, {"sources": ["s"], "evidence": "가"}),
        # A relationship from a node outside the data (a part of a graph).
        EdgeRecord("LOCATED_IN", ("Initiative", "elsewhere"), ("Region", "r"), {"evidence": "다"}),
    ]
    return GraphData(nodes={n.key: n for n in nodes}, edges=edges)


def test_exports_equal_the_rdflib_graph(tmp_path: Path) -> None:
    data = _odd_graph()
    graph = rdf.to_rdf(data)
    expected = {str(t) for t in rdf.oxigraph_triples(graph)}
    files, count = rdf.export(data, tmp_path)
    assert count == len(graph) == len(expected)
    for fmt, path in files.items():
        quads = ox.parse(path=path, format=_FORMATS[fmt])
        assert {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads} == expected, fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl"]


def test_literals_are_written_as_rdflib_writes_them() -> None:
    graph = rdf.to_rdf(_odd_graph())
    subject = URIRef(node_uri("Initiative", "i"))
    area = graph.value(subject, rdf.RSG.area_m2)
    assert isinstance(area, Literal)
    assert str(area) == "0.00001"
    assert {str(v) for v in graph.objects(subject, rdf.RSG.aliases)} == {"x"}
    targets = list(graph.objects(subject, rdf.RSG.targets))
    assert targets == [URIRef(node_uri("Industry", "ind"))]
    facts = set(graph.subjects(rdf.RSG.evidence, None))
    assert len(facts) == 3  # two TARGETS facts and the LOCATED_IN one


def test_fact_iris_keep_their_value_whatever_the_property_order() -> None:
    """Fact IRIs are published identifiers: the value below is what the build has given this
    fact so far (the JSON identity of the fact, hashed)."""
    props = {"sources": ["s"], "evidence": '국비 "300억" 원', "amount_krw": 30000000000}
    start, end = ("Initiative", "i"), ("Organization", "me")
    iris = {
        fact_iri(EdgeRecord("FUNDED_BY", start, end, {**props, "basis": "national"})),
        fact_iri(EdgeRecord("FUNDED_BY", start, end, {"basis": "national", **props})),
    }
    assert iris == {rdf.FACT_BASE + "de5fb0b3e82628427307"}


@pytest.mark.parametrize(("uri", "error"), [("urn:x y", ValueError), ("no-scheme", SyntaxError)])
def test_a_bad_iri_fails_the_export_and_leaves_no_file(
    tmp_path: Path, uri: str, error: type[Exception]
) -> None:
    """The writer refuses what N-Triples cannot hold; oxigraph's parser, converting to Turtle,
    refuses the rest. Either way nothing half-written stays behind."""
    node = _node("Source", "s", uri=uri, published="2025-09-03")
    with pytest.raises(error):
        rdf.export(GraphData(nodes={node.key: node}, edges=[]), tmp_path)
    assert list(tmp_path.iterdir()) == []
