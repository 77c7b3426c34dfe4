"""RDF exports -> graph data: the reverse of ``ingest.graph.rdf`` (docs/rdf-mapping.md).

Reads a Turtle, N-Triples or JSON-LD export back into nodes and edges, so that an archived
export can be loaded into a store again (``import_rdf``). Node labels, properties and
relationship types are taken only from the graph contract; anything else in the file is
ignored. RDF has no order, so list properties come back sorted, and an empty list leaves no
triple, so a node's list properties come back as ``[]`` when absent (the loader keeps them so).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from ingest.graph import loader
from ingest.graph.graphdata import RESOURCE_BASE, EdgeRecord, GraphData, Key, NodeRecord
from ingest.graph.rdf import RSG
from ingest.graph.triples import NODE_PROPS
from ontology.contract import (
    FACT_PROPS,
    LABELS,
    ORG_SUBLABELS,
    RELATIONSHIPS,
    Kind,
    Prop,
    rel_iri_name,
)
from ontology.errors import ValidationFailed
from queries.store import GraphStore

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
_REL_BY_IRI = {RSG[rel_iri_name(name)]: name for name in RELATIONSHIPS}
_LABEL_BY_IRI = {RSG[name]: name for name in LABELS}
_EXTRA_BY_IRI = {RSG[name]: name for name in ORG_SUBLABELS.values()}
_LISTS = (Kind.STRINGS, Kind.REFS)


def _value(prop: Prop, obj: Node) -> Any:
    if prop.kind is Kind.REFS:
        return str(obj).rsplit("/", 1)[-1]
    if not isinstance(obj, Literal):
        return str(obj)
    if prop.kind is Kind.INTEGER:
        return int(obj)
    if prop.kind is Kind.DECIMAL:
        number = float(str(obj))
        return int(number) if number.is_integer() else number
    if prop.kind is Kind.BOOLEAN:
        return str(obj).lower() in ("true", "1")
    return str(obj)  # strings and dates keep their lexical form ("2025", "2025-09")


def _props(graph: Graph, subject: Node, known: dict[str, Prop]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for predicate, obj in graph.predicate_objects(subject):
        name = str(predicate).removeprefix(str(RSG))
        prop = known.get(name) if str(predicate).startswith(str(RSG)) else None
        if prop is None:
            continue
        value = _value(prop, obj)
        if prop.kind in _LISTS:
            props.setdefault(name, []).append(value)
        else:
            props[name] = value
    for name, value in props.items():
        if isinstance(value, list):
            props[name] = sorted(value)
    return props


def read_rdf(path: Path) -> GraphData:
    """Parse an export file into graph data; ValidationFailed if it cannot be read."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValidationFailed(
            f"{path}: unknown RDF file type", [str(path)], "use .ttl, .nt or .jsonld"
        )
    try:
        with warnings.catch_warnings():
            # rdflib's JSON-LD parser builds a ConjunctiveGraph inside and warns about it.
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            graph = Graph().parse(path, format=fmt)
    except (OSError, ValueError, SyntaxError) as exc:
        raise ValidationFailed(
            f"{path}: not readable as {fmt}", [f"{path}: {exc}"], "pass an export of `rsg build`"
        ) from exc
    return from_graph(graph)


def from_graph(graph: Graph) -> GraphData:
    data = GraphData()
    keys: dict[Node, Key] = {}
    for type_iri, label in _LABEL_BY_IRI.items():
        for subject in graph.subjects(RDF.type, type_iri):
            props = _props(graph, subject, NODE_PROPS[label])
            # An empty list leaves no triple; list properties of nodes always exist.
            for prop in NODE_PROPS[label].values():
                if prop.kind in _LISTS:
                    props.setdefault(prop.name, [])
            props["uri"] = str(subject)
            node_id = str(props.get("id") or str(subject).rsplit("/", 1)[-1])
            extra = sorted(
                _EXTRA_BY_IRI[t]
                for t in graph.objects(subject, RDF.type)
                if isinstance(t, URIRef) and t in _EXTRA_BY_IRI
            )
            data.nodes[(label, node_id)] = NodeRecord(label, node_id, props, extra, str(subject))
            keys[subject] = (label, node_id)
    covered: set[tuple[Node, Node, Node]] = set()
    for fact in graph.subjects(RDF.type, RSG.Fact):
        start = graph.value(fact, RDF.subject)
        predicate = graph.value(fact, RDF.predicate)
        end = graph.value(fact, RDF.object)
        if not isinstance(predicate, URIRef) or predicate not in _REL_BY_IRI:
            continue
        rel = _REL_BY_IRI[predicate]
        if start is None or end is None or start not in keys or end not in keys:
            continue
        known = {p.name: p for p in (*FACT_PROPS, *RELATIONSHIPS[rel].props)}
        props = _props(graph, fact, known)
        data.edges.append(EdgeRecord(rel, keys[start], keys[end], props, str(fact)))
        covered.add((start, predicate, end))
    for predicate, rel in _REL_BY_IRI.items():
        for start, end in graph.subject_objects(predicate):
            if (start, predicate, end) in covered or start not in keys or end not in keys:
                continue
            data.edges.append(EdgeRecord(rel, keys[start], keys[end], {}, RESOURCE_BASE))
    return data


def import_rdf(
    store: GraphStore, path: Path, progress: Callable[[int], None] | None = None
) -> GraphData:
    """Load an export into ``store``, replacing its graph at once (as a build does)."""
    data = read_rdf(path)
    meta = {
        "id": datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-rdf",
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "imported_from": path.name,
        "nodes": len(data.nodes),
        "relationships": len(data.edges),
    }
    store.replace_graph(lambda writer: loader.load(writer, data, meta, progress))
    return data
