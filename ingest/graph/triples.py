"""Graph data -> RDF statements as plain strings (docs/rdf-mapping.md), no RDF library.

RDF 문장을 한 곳에서 만든다 / one place makes the statements: ``ingest.graph.rdf`` turns them
into rdflib terms (for SHACL) and ``ingest.graph.ntriples`` into N-Triples text (for the export
files), so both see the same triples. A statement is ``(subject IRI, predicate IRI,
object)``; the object is an IRI (``str``) or a literal ``(lexical form, datatype IRI,
language)`` with ``""`` for what is absent.

Statements come grouped by subject (a node's own triples, then its relationships; then each
fact), so that Turtle can use ``;``. Duplicates are dropped here, as an RDF graph would: two
relationships of one type between the same nodes state one triple, and identical facts share
one IRI.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any, TypeVar

from rdflib import Literal, URIRef

from ingest.graph.graphdata import EdgeRecord, GraphData, NodeRecord, node_uri
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

K = TypeVar("K")
V = TypeVar("V")
Obj = str | tuple[str, str, str]
Statement = tuple[str, str, Obj]

NODE_PROPS: dict[str, dict[str, Prop]] = {
    label: {p.name: p for p in (*COMMON_NODE_PROPS, *spec.props)} for label, spec in LABELS.items()
}
_EDGE_PROPS: dict[str, dict[str, Prop]] = {
    rel: {p.name: p for p in (*FACT_PROPS, *spec.props)} for rel, spec in RELATIONSHIPS.items()
}


class Memo(dict[K, V]):
    """A table filled on first use: ``table[key]`` is ``make(key)``, made once."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: K) -> V:
        found = self[key] = self.make(key)
        return found


_CLASSES = Memo[str, str](lambda label: RSG_NS + label)
_PREDICATES = Memo[str, str](lambda rel_type: RSG_NS + rel_iri_name(rel_type))
_FACT = RSG_NS + "Fact"
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = (RDF_NS + n for n in ("subject", "predicate", "object"))
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


def _canonical(text: str, datatype: str, cache: dict[str, Obj]) -> Obj:
    """The literal rdflib makes of ``Literal(text, datatype=datatype)`` (it rewrites a valid
    date or decimal in canonical form), remembered: the same years and amounts recur."""
    found = cache.get(text)
    if found is None:
        found = cache[text] = (str(Literal(text, datatype=URIRef(datatype))), datatype, "")
    return found


_DATES: dict[str, Obj] = {}
_DECIMALS: dict[str, Obj] = {}


def _date(value: Any) -> Obj:
    text = str(value)
    found = _DATES.get(text)
    if found is None:
        found = _canonical(text, _DATE_TYPES.get(len(text), XSD_NS + "date"), _DATES)
    return found


def _decimal(value: Any) -> Obj:
    # From text: a Python int given as xsd:decimal would keep an integer value.
    return _canonical(str(value), _DATATYPES[Kind.DECIMAL], _DECIMALS)


def _converter(prop: Prop) -> Callable[[Any], Obj]:
    """How one value of the property becomes an RDF object."""
    if prop.kind is Kind.REFS:
        source = node_uri("Source", "")
        return lambda value: f"{source}{value}"
    if prop.name in ("name_ko", "name_en"):
        language = prop.name[-2:]
        return lambda value: (str(value), "", language)
    if prop.kind is Kind.DATE:
        return _date
    if prop.kind is Kind.DECIMAL:
        return _decimal
    datatype = _DATATYPES.get(prop.kind, XSD_NS + "string")
    return lambda value: (
        value if value.__class__ is str else _lexical(value, datatype),
        datatype,
        "",
    )


# Per label (or relationship type) and property: the predicate IRI and the value converter;
# None for a node's ``uri`` (its subject, not a property).
_Table = dict[str, tuple[str, Callable[[Any], Obj]] | None]
_NODE_TABLES: dict[str, _Table] = {
    label: {
        name: (RSG_NS + name, _converter(p)) if name != "uri" else None for name, p in props.items()
    }
    for label, props in NODE_PROPS.items()
}
_EDGE_TABLES: dict[str, _Table] = {
    rel: {name: (RSG_NS + name, _converter(p)) for name, p in props.items()}
    for rel, props in _EDGE_PROPS.items()
}
# As json.dumps(..., ensure_ascii=False, sort_keys=True) writes it; made once (json.dumps makes
# an encoder per call), without the check for cycles that data read from files cannot have.
_IDENTITY = json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False)


def fact_iri(edge: EdgeRecord) -> str:
    # sort_keys orders the properties, so the identity does not depend on their order.
    identity = _IDENTITY.encode([edge.type, edge.start, edge.end, edge.props])
    return FACT_BASE + hashlib.sha256(identity.encode()).hexdigest()[:20]


_NodeIris = Memo[tuple[str, str], str]  # the same ends recur in many edges


def _add(
    out: list[Statement], subject: str, table: _Table, props: dict[str, Any], skip_none: bool
) -> None:
    """The statements of a node's or a fact's property values, each once: one predicate per
    property, so only the items of a list can repeat one."""
    for name, value in props.items():
        if value is None and skip_none:
            continue
        entry = table[name]
        if entry is None:
            continue
        predicate, convert = entry
        if isinstance(value, list):
            out += [(subject, predicate, o) for o in dict.fromkeys(map(convert, value))]
        else:
            out.append((subject, predicate, convert(value)))


def _node(node: NodeRecord, edges: Iterable[EdgeRecord], iris: _NodeIris) -> Iterable[Statement]:
    subject = str(node.props["uri"])
    out: list[Statement] = [(subject, RDF_TYPE, _CLASSES[node.label])]
    out += [(subject, RDF_TYPE, _CLASSES[extra]) for extra in node.extra_labels]
    if node.label == "Industry":
        out.append((subject, RDF_TYPE, SKOS_CONCEPT))
    _add(out, subject, _NODE_TABLES[node.label], node.props, True)
    out += [(subject, _PREDICATES[e.type], iris[e.end]) for e in edges]
    return dict.fromkeys(out)  # each statement once, in order


def _fact(edge: EdgeRecord, fact: str, iris: _NodeIris) -> Iterable[Statement]:
    out: list[Statement] = [
        (fact, RDF_TYPE, _FACT),
        (fact, _RDF_SUBJECT, iris[edge.start]),
        (fact, _RDF_PREDICATE, _PREDICATES[edge.type]),
        (fact, _RDF_OBJECT, iris[edge.end]),
    ]
    _add(out, fact, _EDGE_TABLES[edge.type], edge.props, False)
    return out


def statements(data: GraphData) -> Iterator[Statement]:
    """Every triple of the graph's RDF form, each once."""
    return chain.from_iterable(_groups(data))


def _groups(data: GraphData) -> Iterator[Iterable[Statement]]:
    """The statements a subject at a time (chained in C: no generator step per statement)."""
    iris = _NodeIris(lambda key: node_uri(*key))
    outgoing: dict[tuple[str, str], list[EdgeRecord]] = defaultdict(list)
    for edge in data.edges:
        outgoing[edge.start].append(edge)
    for key, node in data.nodes.items():
        yield _node(node, outgoing.pop(key, ()), iris)
    for start, edges in outgoing.items():  # relationships from a node outside ``data`` (a part)
        subject = iris[start]
        yield dict.fromkeys([(subject, _PREDICATES[e.type], iris[e.end]) for e in edges])
    del outgoing
    facts: set[str] = set()
    for edge in data.edges:
        if edge.type in REFERENCE_RELATIONSHIPS and not edge.props:
            continue
        fact = fact_iri(edge)
        if fact not in facts:
            facts.add(fact)
            yield _fact(edge, fact, iris)
