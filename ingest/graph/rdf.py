"""Graph data -> RDF (docs/rdf-mapping.md), SHACL validation, and the export files.

SHACL runs in Rust (the ``shacl`` package), chosen by measurement in bench/rdfbench.py; pyshacl
stays as the reference the tests compare its verdicts with.

The statements themselves come from ``ingest.graph.triples``; this module turns them into rdflib
terms (SHACL needs an rdflib graph) or streams them into the export files without holding the
graph in memory (at 1.4 million triples an rdflib graph took 1.3 GB): N-Triples written by
``ingest.graph.ntriples``, Turtle and JSON-LD converted from them by pyoxigraph.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO
from typing import Literal as Literal_

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from ingest.graph import ntriples
from ingest.graph.graphdata import GraphData
from ingest.graph.triples import FACT_BASE, RSG_NS, Memo, statements

__all__ = [
    "FACT_BASE",
    "RSG",
    "Violation",
    "check",
    "check_data",
    "export",
    "ontology_graph",
    "to_rdf",
    "validate",
]

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
RSG = Namespace(RSG_NS)
PREFIXES = {
    "rsg": RSG_NS,
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def to_rdf(data: GraphData) -> Graph:
    """The graph as an rdflib graph (for SHACL and the benchmarks; the build exports without)."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    iri = Memo[str, URIRef](URIRef)  # subjects and predicates repeat: one term each
    add = graph.add
    for s, p, o in statements(data):
        if isinstance(o, str):
            obj: Node = iri[o]
        elif o[2]:
            obj = Literal(o[0], lang=o[2])
        else:
            obj = Literal(o[0], datatype=iri[o[1]])
        add((iri[s], iri[p], obj))
    return graph


def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "rsg.ttl", format="turtle")


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns)
    add = copy.add
    for triple in graph:
        add(triple)
    return copy


def _closure(pairs: Iterable[tuple[Node, Node]]) -> dict[Node, set[Node]]:
    """Reflexive-transitive closure of a relation given as (narrower, broader) pairs."""
    direct: dict[Node, set[Node]] = {}
    for narrow, broad in pairs:
        direct.setdefault(narrow, set()).add(broad)
    closed: dict[Node, set[Node]] = {}
    for start in direct:
        seen, stack = {start}, [start]
        while stack:
            for nxt in direct.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        closed[start] = seen
    return closed


def entailed_types(data: Graph, ontology: Graph) -> Graph:
    """The ``rdf:type`` triples RDFS entails for ``data`` from the ontology (rules rdfs2,
    rdfs3, rdfs5, rdfs7, rdfs9, rdfs11).

    SHACL 의 대상과 sh:class 는 rdf:type 만 본다 / the shapes only look at rdf:type (targets,
    ``sh:class``) and at ``rsg:`` and ``rdf:`` properties, no ``rsg:`` property is a
    sub-property of another one, and the ontology uses no ``rsg:`` property itself. So these
    types are all that full RDFS inference (owlrl, ``inference="rdfs"``: 40 % of the SHACL
    time at 150k triples) adds that a shape can see; tests/ingest/test_shacl.py checks that
    both give the same verdict and messages.
    """
    supers = _closure(ontology.subject_objects(RDFS.subClassOf))
    props = _closure(ontology.subject_objects(RDFS.subPropertyOf))

    def classes(prop: Node, rule: URIRef) -> set[Node]:
        found = {c for q in props.get(prop, {prop}) for c in ontology.objects(q, rule)}
        return {s for c in found if isinstance(c, URIRef) for s in supers.get(c, {c})}

    out = Graph()
    for p in set(data.predicates()):
        domain, range_ = classes(p, RDFS.domain), classes(p, RDFS.range)
        for s, o in data.subject_objects(p) if domain or range_ else ():
            for c in domain:
                out.add((s, RDF.type, c))
            if not isinstance(o, Literal):
                for c in range_:
                    out.add((o, RDF.type, c))
    for s, c in data.subject_objects(RDF.type):
        for sup in supers.get(c, ()):
            out.add((s, RDF.type, sup))
    return out


#: SHACL engines: ``shacl`` (Rust, the build's) and ``pyshacl`` (the reference in the tests).
Engine = Literal_["shacl", "pyshacl"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: its verdict key (focus node, path, constraint component) and text."""

    focus: str
    path: str | None
    constraint: str  # local name of the constraint component, e.g. MinCountConstraintComponent
    message: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message or self.constraint}"


def check(data_graph: Graph, *, engine: Engine = "shacl") -> tuple[bool, list[Violation]]:
    """SHACL-validate an rdflib graph against ``ontology/shapes.ttl``; (conforms, violations).

    Both engines see the data with the ontology and the types RDFS entails from it, and give
    the same verdicts (tests/ingest/test_shacl.py). ``shacl`` computes the RDFS closure in
    Rust; ``pyshacl`` is given ``entailed_types`` (the subset of that closure a shape can see)
    and runs without inference.
    """
    if engine == "pyshacl":
        return _pyshacl(data_graph)
    return _rust(data_graph.serialize(format="nt", encoding="utf-8"))


def check_data(data: GraphData) -> tuple[bool, list[Violation]]:
    """The build's SHACL run: N-Triples written from the graph data (no rdflib graph at all)
    and validated by the Rust engine."""
    buffer = io.BytesIO()
    write_ntriples(data, buffer)
    return _rust(buffer.getvalue())


def validate(data_graph: Graph, *, engine: Engine = "shacl") -> tuple[bool, list[str]]:
    """(conforms, sorted messages ``focus path: message``); the caller's graph is left alone."""
    conforms, found = check(data_graph, engine=engine)
    return conforms, sorted(str(v) for v in found)


@cache
def _compiled_shapes() -> Any:
    import shacl

    return shacl.Shapes.from_file(str(ONTOLOGY_DIR / "shapes.ttl"))


@cache
def _ontology_ntriples() -> bytes:
    return ontology_graph().serialize(format="nt", encoding="utf-8")


def _plain(term: str | None) -> str | None:
    """``<iri>`` as the IRI (as pyshacl reports it); blank nodes and paths stay as written."""
    if term is not None and term.startswith("<") and term.endswith(">") and " " not in term:
        return term[1:-1]
    return term


def _rust(ntriples_data: bytes) -> tuple[bool, list[Violation]]:
    text = (ntriples_data + b"\n" + _ontology_ntriples()).decode("utf-8")
    report = _compiled_shapes().validate_text(
        text, format="ntriples", inference="rdfs", allow_warnings=True
    )
    found = [
        Violation(_plain(r.focus_node) or "", _plain(r.path), r.component, r.message or "")
        for r in report.results
    ]
    return bool(report.conforms), sorted(found)


def _pyshacl(data_graph: Graph) -> tuple[bool, list[Violation]]:
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = ontology_graph()
    target = _copy(data_graph)
    target += entailed_types(data_graph, ontology)
    conforms, report, _ = shacl_validate(
        target,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        inplace=True,
    )
    sh = Namespace("http://www.w3.org/ns/shacl#")
    found: list[Violation] = []
    for result in report.subjects(RDF.type, sh.ValidationResult):
        path = report.value(result, sh.resultPath)
        component = str(report.value(result, sh.sourceConstraintComponent))
        found.append(
            Violation(
                str(report.value(result, sh.focusNode)),
                None if path is None else str(path),
                component.rsplit("#", 1)[-1],
                str(report.value(result, sh.resultMessage) or ""),
            )
        )
    return bool(conforms), sorted(found)


# -- rdflib graph -> oxigraph (the benchmarks compare the two libraries on one graph) -----


def _ox_term(node: Node) -> Any:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def oxigraph_triples(graph: Graph) -> Iterator[Any]:
    """An rdflib graph's triples as pyoxigraph terms, grouped by subject and predicate."""
    terms: dict[Node, Any] = {}  # subjects and predicates repeat; convert each once

    def term(node: Node) -> Any:
        found = terms.get(node)
        if found is None:
            found = terms[node] = _ox_term(node)
        return found

    by_subject: dict[Node, list[tuple[Node, Node]]] = {}
    for s, p, o in graph:
        by_subject.setdefault(s, []).append((p, o))
    for s, pairs in by_subject.items():
        pairs.sort(key=lambda pair: str(pair[0]))
        for p, o in pairs:
            yield ox.Triple(term(s), term(p), _ox_term(o) if isinstance(o, Literal) else term(o))


def write_turtle(graph: Graph, target: Path) -> None:
    """An rdflib graph as Turtle written by oxigraph (4x faster than rdflib's serializer)."""
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    ox.serialize(oxigraph_triples(graph), str(target), ox.RdfFormat.TURTLE, prefixes=prefixes)


# -- export files ----------------------------------------------------------------------


def write_ntriples(data: GraphData, out: BinaryIO) -> int:
    """The graph's statements as N-Triples; returns how many (the build's N-Triples path)."""
    return ntriples.write(statements(data), out)


def from_ntriples(source: BinaryIO, out: BinaryIO, fmt: ox.RdfFormat) -> None:
    """N-Triples converted by oxigraph (streamed, triple by triple), with our prefixes.

    oxigraph's parser checks every IRI, so an IRI the writer let through (no scheme, a bad
    ``%`` escape) fails the export here."""
    ox.serialize(ox.parse(source, ox.RdfFormat.N_TRIPLES), out, fmt, prefixes=PREFIXES)


@dataclass
class StagedExports:
    """Export files written under temporary names, waiting to replace the live ones.

    A build publishes them only once the store has switched to the new graph, and discards
    them if loading fails: SPARQL and ``/export`` then keep serving the graph Cypher serves.
    """

    files: dict[str, tuple[Path, Path]]  # format -> (temporary file, final file)
    triples: int

    def publish(self) -> dict[str, Path]:
        for tmp, final in self.files.values():
            tmp.replace(final)
        return {fmt: final for fmt, (_, final) in self.files.items()}

    def discard(self) -> None:
        for tmp, _ in self.files.values():
            tmp.unlink(missing_ok=True)


def stage_exports(data: GraphData, out_dir: Path) -> StagedExports:
    """Write N-Triples, Turtle and JSON-LD beside the live files, under temporary names.

    내보내기는 스트리밍 / streamed: N-Triples are written statement by statement
    (``write_ntriples``); Turtle and JSON-LD are then converted from that file by oxigraph
    (Rust), so no RDF graph is held in memory. RDF 1.1 makes ``"x"^^xsd:string`` and ``"x"``
    one term; both writers use the short form. JSON-LD is written expanded (full IRIs), as
    oxigraph writes it.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    names = {"turtle": "graph.ttl", "nt": "graph.nt", "json-ld": "graph.jsonld"}
    staged = StagedExports(
        {fmt: (out_dir / (name + ".tmp"), out_dir / name) for fmt, name in names.items()}, 0
    )
    tmp = {fmt: paths[0] for fmt, paths in staged.files.items()}
    try:
        with tmp["nt"].open("wb") as out:
            staged.triples = write_ntriples(data, out)
        for fmt, target in (("turtle", ox.RdfFormat.TURTLE), ("json-ld", ox.RdfFormat.JSON_LD)):
            with tmp["nt"].open("rb") as source, tmp[fmt].open("wb") as out:
                from_ntriples(source, out, target)
    except BaseException:
        staged.discard()
        raise
    return staged


def export(data: GraphData, out_dir: Path) -> tuple[dict[str, Path], int]:
    """Write the three exports and return the files and the number of triples; each file
    appears whole or not at all."""
    staged = stage_exports(data, out_dir)
    return staged.publish(), staged.triples
