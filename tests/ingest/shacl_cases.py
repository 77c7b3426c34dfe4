"""Broken-data cases for SHACL: each breaks a copy of a graph in one way a shape must catch.

Used by tests/ingest/test_shacl.py (every engine gives pyshacl's verdicts on each case) and by
the benchmark (the planted violations). Each case changes the graph in place and returns it.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import RDF, XSD, Graph, Literal, URIRef

from ingest.graph import rdf
from ingest.graph.graphdata import node_uri

RSG = rdf.RSG
Case = Callable[[Graph], Graph]


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def _fact_with(graph: Graph, predicate: URIRef) -> URIRef:
    facts = graph.subjects(RDF.predicate, predicate)
    return sorted(f for f in facts if isinstance(f, URIRef))[0]


def bad_id(graph: Graph) -> Graph:
    region = _first(graph, RSG.Region)
    graph.set((region, RSG.id, Literal("Not A Slug", datatype=XSD.string)))
    return graph


def long_korean_evidence(graph: Graph) -> Graph:
    # 61 characters (183 bytes in UTF-8): sh:maxLength counts characters.
    fact = _fact_with(graph, RSG.targets)
    graph.set((fact, RSG.evidence, Literal("가" * 61, datatype=XSD.string)))
    return graph


def korean_evidence_at_the_limit(graph: Graph) -> Graph:
    # 60 characters conform; an engine counting bytes would refuse them.
    fact = _fact_with(graph, RSG.targets)
    graph.set((fact, RSG.evidence, Literal("나" * 60, datatype=XSD.string)))
    return graph


def negative_budget(graph: Graph) -> Graph:
    initiative = _first(graph, RSG.Initiative)
    graph.set((initiative, RSG.budget_krw, Literal(-5, datatype=XSD.integer)))
    return graph


def budget_as_text(graph: Graph) -> Graph:
    initiative = _first(graph, RSG.Initiative)
    graph.set((initiative, RSG.budget_krw, Literal("오백억", datatype=XSD.string)))
    return graph


def region_without_korean_name(graph: Graph) -> Graph:
    region = _first(graph, RSG.Region)
    graph.remove((region, RSG.name_ko, None))
    return graph


def two_english_names(graph: Graph) -> Graph:
    industry = _first(graph, RSG.Industry)
    graph.add((industry, RSG.name_en, Literal("A second name", lang="en")))
    return graph


def korean_name_tagged_english(graph: Graph) -> Graph:
    region = _first(graph, RSG.Region)
    graph.set((region, RSG.name_ko, Literal("전북", lang="en")))
    return graph


def unknown_region_level(graph: Graph) -> Graph:
    region = _first(graph, RSG.Region)
    graph.set((region, RSG.level, Literal("galaxy", datatype=XSD.string)))
    return graph


def funding_basis_unknown(graph: Graph) -> Graph:
    fact = _fact_with(graph, RSG.fundedBy)
    graph.set((fact, RSG.basis, Literal("lottery", datatype=XSD.string)))
    return graph


def funding_without_basis(graph: Graph) -> Graph:
    fact = _fact_with(graph, RSG.fundedBy)
    graph.remove((fact, RSG.basis, None))
    return graph


def source_url_not_web(graph: Graph) -> Graph:
    source = _first(graph, RSG.Source)
    graph.set((source, RSG.url, Literal("ftp://example.org/x", datatype=XSD.string)))
    return graph


def literal_where_iri_belongs(graph: Graph) -> Graph:
    fact = _fact_with(graph, RSG.targets)
    graph.set((fact, RDF.subject, Literal("not a node", datatype=XSD.string)))
    return graph


def undescribed_source_and_stray_types(graph: Graph) -> Graph:
    """The entailed types change which shapes apply (as in test_shacl's first broken case)."""
    initiative, industry = next(graph.subject_objects(RSG.targets))
    graph.add((initiative, RSG.sources, URIRef(node_uri("Source", "no-such-source"))))
    graph.add((initiative, RSG.announced, Literal("2025")))
    graph.remove((industry, RDF.type, RSG.Industry))
    graph.remove((industry, RSG.name_en, None))
    return graph


CASES: dict[str, Case] = {
    case.__name__: case
    for case in (
        bad_id,
        long_korean_evidence,
        korean_evidence_at_the_limit,
        negative_budget,
        budget_as_text,
        region_without_korean_name,
        two_english_names,
        korean_name_tagged_english,
        unknown_region_level,
        funding_basis_unknown,
        funding_without_basis,
        source_url_not_web,
        literal_where_iri_belongs,
        undescribed_source_and_stray_types,
    )
}

#: Six violations planted at once (the benchmark's broken copy of a tier's graph).
PLANTED = (
    bad_id,
    long_korean_evidence,
    negative_budget,
    region_without_korean_name,
    funding_basis_unknown,
    two_english_names,
)
