"""Graph data -> RDF statements as plain strings (docs/rdf-mapping.md), no RDF library.

RDF 문장을 한 곳에서 만든다 / one place makes the statements: ``ingest.rdf`` turns them into
rdflib terms (for SHACL) or pyoxigraph terms (for the export files), so both see the same
triples. A statement is ``(subject IRI, predicate IRI, object)``; the object is an IRI (``str``)
or a literal ``(lexical form, datatype IRI, language)`` with ``""`` for what is absent.

Statements come grouped by subject (a node's own triples, then its relationships; then each
fact), so that Turtle can use ``;``. Duplicates are dropped here, as an RDF graph would: two
relationships of one type between the same nodes state one triple, and identical facts share
one IRI.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from rdflib import Literal, URIRef

from ingest.graphdata import EdgeRecord, GraphData, NodeRecord, node_uri
from ontology.contract import (
    COMMON_NODE_PROPS,
    FACT_PROPS,
    LABELS,
    REFERENCE_RELATIONSHIPS,
    RELATIONSHIPS,
    Kind,
    Prop,
    rel_iri_name,
)

RSG_NS = "https://w3id.org/rsg/ontology#"
FACT_BASE = "https://w3id.org/rsg/id/fact/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
RDF_TYPE = RDF_NS + "type"

Obj = str | tuple[str, str, str]
Statement = tuple[str, str, Obj]

NODE_PROPS: dict[str, dict[str, Prop]] = {
    label: {p.name: p for p in (*COMMON_NODE_PROPS, *spec.props)} for label, spec in LABELS.items()
}
_EDGE_PROPS: dict[str, dict[str, Prop]] = {
    rel: {p.name: p for p in (*FACT_PROPS, *spec.props)} for rel, spec in RELATIONSHIPS.items()
}
_DATATYPES = {
    Kind.INTEGER: XSD_NS + "integer",
    Kind.DECIMAL: XSD_NS + "decimal",
    Kind.BOOLEAN: XSD_NS + "boolean",
}
_DATE_TYPES = {4: XSD_NS + "gYear", 7: XSD_NS + "gYearMonth"}


def _lexical(value: Any, datatype: str) -> str:
    """The lexical form rdflib gives ``Literal(value, datatype=datatype)``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return str(Literal(value, datatype=URIRef(datatype)))


def _normalised(text: str, datatype: str) -> str:
    """The lexical form rdflib keeps for ``Literal(text, datatype=datatype)`` (it rewrites a
    valid date or decimal in canonical form), remembered: the same years and amounts recur."""
    key = (text, datatype)
    found = _CANONICAL.get(key)
    if found is None:
        found = _CANONICAL[key] = str(Literal(text, datatype=URIRef(datatype)))
    return found


_CANONICAL: dict[tuple[str, str], str] = {}


def objects(prop: Prop, value: Any) -> list[Obj]:
    """The RDF objects of one property value (a list gives one object per item)."""
    values = value if isinstance(value, list) else [value]
    if prop.kind is Kind.REFS:
        return [node_uri("Source", v) for v in values]
    if prop.name == "name_ko":
        return [(str(v), "", "ko") for v in values]
    if prop.name == "name_en":
        return [(str(v), "", "en") for v in values]
    if prop.kind is Kind.DATE:
        dates = [(str(v), _DATE_TYPES.get(len(str(v)), XSD_NS + "date")) for v in values]
        return [(_normalised(text, datatype), datatype, "") for text, datatype in dates]
    if prop.kind is Kind.DECIMAL:
        # From text: a Python int given as xsd:decimal would keep an integer value.
        decimal = _DATATYPES[Kind.DECIMAL]
        return [(_normalised(str(v), decimal), decimal, "") for v in values]
    datatype = _DATATYPES.get(prop.kind, XSD_NS + "string")
    return [(_lexical(v, datatype), datatype, "") for v in values]


def fact_iri(edge: EdgeRecord) -> str:
    identity = json.dumps(
        [edge.type, edge.start, edge.end, {k: edge.props[k] for k in sorted(edge.props)}],
        ensure_ascii=False,
        sort_keys=True,
    )
    return FACT_BASE + hashlib.sha256(identity.encode()).hexdigest()[:20]


def _node(node: NodeRecord, edges: list[EdgeRecord]) -> Iterator[Statement]:
    subject = str(node.props["uri"])
    seen: set[tuple[str, Obj]] = set()
    pairs: list[tuple[str, Obj]] = [(RDF_TYPE, RSG_NS + node.label)]
    pairs += [(RDF_TYPE, RSG_NS + extra) for extra in node.extra_labels]
    if node.label == "Industry":
        pairs.append((RDF_TYPE, SKOS_CONCEPT))
    props = NODE_PROPS[node.label]
    for name, value in node.props.items():
        if name != "uri" and value is not None:
            pairs += [(RSG_NS + name, obj) for obj in objects(props[name], value)]
    pairs += [(RSG_NS + rel_iri_name(e.type), node_uri(*e.end)) for e in edges]
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            yield (subject, *pair)


def _fact(edge: EdgeRecord, fact: str) -> Iterator[Statement]:
    predicate = RSG_NS + rel_iri_name(edge.type)
    yield (fact, RDF_TYPE, RSG_NS + "Fact")
    yield (fact, RDF_NS + "subject", node_uri(*edge.start))
    yield (fact, RDF_NS + "predicate", predicate)
    yield (fact, RDF_NS + "object", node_uri(*edge.end))
    props = _EDGE_PROPS[edge.type]
    seen: set[tuple[str, Obj]] = set()
    for name, value in edge.props.items():
        for obj in objects(props[name], value):
            if (name, obj) not in seen:
                seen.add((name, obj))
                yield (fact, RSG_NS + name, obj)


def statements(data: GraphData) -> Iterator[Statement]:
    """Every triple of the graph's RDF form, each once."""
    outgoing: dict[tuple[str, str], list[EdgeRecord]] = defaultdict(list)
    for edge in data.edges:
        outgoing[edge.start].append(edge)
    for key, node in data.nodes.items():
        yield from _node(node, outgoing.pop(key, []))
    for edges in outgoing.values():  # relationships from a node outside ``data`` (a part)
        for pair in dict.fromkeys((rel_iri_name(e.type), node_uri(*e.end)) for e in edges):
            yield (node_uri(*edges[0].start), RSG_NS + pair[0], pair[1])
    del outgoing
    facts: set[str] = set()
    for edge in data.edges:
        if edge.type in REFERENCE_RELATIONSHIPS and not edge.props:
            continue
        fact = fact_iri(edge)
        if fact not in facts:
            facts.add(fact)
            yield from _fact(edge, fact)
