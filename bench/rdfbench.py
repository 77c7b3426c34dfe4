"""RDF: export and parse with pyoxigraph vs rdflib's default (in-memory) store; SHACL
validation of one document's facts vs the whole graph."""

from __future__ import annotations

import gc
import io
import multiprocessing
import random
from collections.abc import Callable
from functools import partial
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from bench.machine import timed
from ingest.graph import rdf
from ingest.graph.graphdata import GraphData

_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE}


def to_oxigraph(graph: Graph) -> list[Any]:
    return list(rdf.oxigraph_triples(graph))


def _rdflib_parse(data: bytes, fmt: str) -> Graph:
    return Graph().parse(data=data, format=fmt)


def _ox_parse(data: bytes | None, fmt: Any) -> Any:
    store = ox.Store()
    store.bulk_load(data, fmt)
    return store


def rdf_speed(graph: Graph) -> dict[str, Any]:
    """Export (serialise) and parse N-Triples and Turtle with both libraries."""
    triples, convert_s = timed(lambda: to_oxigraph(graph))
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    out: dict[str, Any] = {"triples": len(graph), "oxigraph_convert_seconds": round(convert_s, 3)}
    for name, fmt in _FORMATS.items():
        rdflib_bytes, rdflib_export = timed(partial(graph.serialize, format=name, encoding="utf-8"))
        ox_bytes, ox_export = timed(partial(ox.serialize, triples, format=fmt, prefixes=prefixes))
        serialize_only = ox_export
        ox_export += convert_s  # the fast path has to convert the terms first
        parsed, rdflib_parse = timed(partial(_rdflib_parse, rdflib_bytes, name))
        store, ox_parse = timed(partial(_ox_parse, ox_bytes, fmt))
        if len(parsed) != len(graph) or len(store) != len(graph):
            raise RuntimeError(f"{name}: parsed {len(parsed)} / {len(store)} of {len(graph)}")
        out[name] = {
            "bytes": len(rdflib_bytes),
            "rdflib_export_s": round(rdflib_export, 3),
            "oxigraph_export_s": round(ox_export, 3),
            "export_ratio": round(rdflib_export / ox_export, 1),
            "oxigraph_serialize_only_s": round(serialize_only, 3),
            "serialize_only_ratio": round(rdflib_export / serialize_only, 1),
            "rdflib_parse_s": round(rdflib_parse, 3),
            "oxigraph_parse_s": round(ox_parse, 3),
            "parse_ratio": round(rdflib_parse / ox_parse, 1),
        }
    out["target"] = ">= 10x"
    return out


def _rdflib_path(data: GraphData, fmt: str) -> bytes:
    out: bytes = rdf.to_rdf(data).serialize(format=fmt, encoding="utf-8")
    return out


def _fast_path(data: GraphData, fmt: Any) -> bytes:
    """The build's own functions (``rdf.export``), into memory as rdflib's side writes: our
    N-Triples writer, and for Turtle oxigraph's conversion of that N-Triples text."""
    nt = io.BytesIO()
    rdf.write_ntriples(data, nt)
    if fmt == ox.RdfFormat.N_TRIPLES:
        return nt.getvalue()
    nt.seek(0)
    out = io.BytesIO()
    rdf.from_ntriples(nt, out, fmt)
    return out.getvalue()


def _fingerprint(data: bytes, fmt: Any) -> tuple[int, int]:
    """The number of triples oxigraph parses from ``data`` and the sum of their hashes: equal
    for two files that hold the same triples, in any order and however written."""
    count = total = 0
    for quad in ox.parse(data, fmt):
        count += 1
        total += hash(quad)
    return count, total


def _timed_clean(fn: Callable[[], bytes]) -> tuple[bytes, float]:
    gc.collect()  # neither side pays for the other's garbage
    return timed(fn)


def export_from_data(data: GraphData) -> dict[str, Any]:
    """What a build does: graph data to an RDF file. rdflib's default store (build the
    in-memory graph, serialise it) vs the build's own path (statements written as N-Triples
    by ``ingest.graph.ntriples``; Turtle converted from those by oxigraph). Both files must hold
    the same triples, as oxigraph parses them."""
    out: dict[str, Any] = {}
    for name, fmt in _FORMATS.items():
        slow, slow_s = _timed_clean(partial(_rdflib_path, data, name))
        fast, fast_s = _timed_clean(partial(_fast_path, data, fmt))
        slow_print, fast_print = _fingerprint(slow, fmt), _fingerprint(fast, fmt)
        if slow_print != fast_print:
            raise RuntimeError(
                f"{name}: the two exports hold different triples "
                f"(rdflib {slow_print[0]:,}, ours {fast_print[0]:,})"
            )
        out[name] = {
            "triples": fast_print[0],
            "rdflib_s": round(slow_s, 3),
            "oxigraph_s": round(fast_s, 3),
            "ratio": round(slow_s / fast_s, 1),
        }
    return out


def document_subgraph(data: GraphData, source: str) -> GraphData:
    """The facts of one source document with every node they touch (what a reviewer adds)."""
    edges = [e for e in data.edges if source in e.props.get("sources", [])]
    keys = {("Source", source)}
    for edge in edges:
        keys.update((edge.start, edge.end))
    # A round the document names comes with its scheme (SHACL: exactly one ROUND_OF).
    scheme = [e for e in data.edges if e.type == "ROUND_OF" and e.start in keys]
    edges += scheme
    keys.update(e.end for e in scheme)
    keys.update(k for k, n in data.nodes.items() if source in n.props.get("sources", []))
    part = GraphData(nodes={k: data.nodes[k] for k in keys if k in data.nodes}, edges=edges)
    for node in list(part.nodes.values()):  # the sources those nodes cite must exist too
        for cited in node.props.get("sources", []):
            key = ("Source", cited)
            if key in data.nodes:
                part.nodes[key] = data.nodes[key]
    for edge in edges:
        for cited in edge.props.get("sources", []):
            part.nodes[("Source", cited)] = data.nodes[("Source", cited)]
    return part


def _verdict(found: tuple[bool, list[rdf.Violation]]) -> tuple[bool, set[tuple[Any, ...]]]:
    return found[0], {(v.focus, v.path, v.constraint) for v in found[1]}


def _pyshacl_capped(graph: Graph, cap_s: float | None) -> tuple[Any, float] | None:
    """pyshacl's verdict on ``graph`` and its seconds; with ``cap_s``, run in a forked child
    that is stopped (by its pid) after that many seconds: None then."""
    if cap_s is None:
        found, seconds = timed(lambda: rdf.check(graph, engine="pyshacl"))
        return _verdict(found), seconds
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        found, seconds = timed(lambda: rdf.check(graph, engine="pyshacl"))
        send.send((_verdict(found), seconds))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    try:
        if receive.poll(cap_s):
            verdict, seconds = receive.recv()
            return verdict, float(seconds)
        return None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


def shacl_speed(
    data: GraphData,
    graph: Graph,
    *,
    whole: bool,
    documents: int,
    pyshacl_whole: bool = False,
    pyshacl_cap_s: float | None = None,
) -> dict[str, Any]:
    """SHACL time of a few single documents (seeded pick) and, if asked, of the whole graph.

    Whole graph: the Rust engine (the build's) from the rdflib graph, and the build's own path
    (N-Triples from the graph data); with ``pyshacl_whole``, pyshacl on the same rdflib graph,
    and both engines on a copy with violations planted (tests/ingest/shacl_cases.py): the
    verdicts (conforms, and every focus node, path and constraint) must be identical. With
    ``pyshacl_cap_s`` each pyshacl run is stopped after that many seconds; the figures then say
    so (``pyshacl_capped_s``) and give the bound on the ratio instead of the ratio.
    """
    sources = sorted(k[1] for k in data.nodes if k[0] == "Source")
    picked = random.Random(11).sample(sources, min(documents, len(sources)))
    per_doc: list[float] = []
    for source in picked:
        part = rdf.to_rdf(document_subgraph(data, source))
        (conforms, _), seconds = timed(partial(rdf.validate, part))
        if not conforms:
            raise RuntimeError(f"document {source} does not conform")
        per_doc.append(seconds)
    out: dict[str, Any] = {
        "engine": "shacl (Rust)",
        "documents_in_graph": len(sources),
        "documents_timed": len(picked),
        "per_document_s": round(sum(per_doc) / len(per_doc), 3),
    }
    if not whole:
        return out
    from tests.ingest.shacl_cases import PLANTED

    rust, seconds = timed(lambda: rdf.check(graph))
    if not rust[0]:
        raise RuntimeError("the whole graph does not conform")
    (conforms, _), build_s = timed(lambda: rdf.check_data(data))
    if not conforms:
        raise RuntimeError("the whole graph does not conform on the build's path")
    planted = rdf._copy(graph)
    for case in PLANTED:
        case(planted)
    rust_planted = rdf.check(planted)
    out.update(
        whole_graph_s=round(seconds, 3),
        whole_build_path_s=round(build_s, 3),
        whole_per_document_s=round(seconds / len(sources), 4),
        ratio_document_to_whole=round(out["per_document_s"] / seconds, 4),
        planted=len(PLANTED),
        planted_found=len(_verdict(rust_planted)[1]),
    )
    if not pyshacl_whole:
        return out
    reference = _pyshacl_capped(graph, pyshacl_cap_s)
    if reference is None:
        assert pyshacl_cap_s is not None
        out.update(
            pyshacl_capped_s=pyshacl_cap_s,
            triples=len(graph),
            ratio_vs_pyshacl_at_most=round(seconds / pyshacl_cap_s, 4),
        )
        return out
    reference_planted = _pyshacl_capped(planted, pyshacl_cap_s)
    out.update(
        whole_pyshacl_s=round(reference[1], 3), ratio_vs_pyshacl=round(seconds / reference[1], 4)
    )
    if reference_planted is None:
        out.update(pyshacl_planted_capped_s=pyshacl_cap_s, verdicts_identical=None)
    else:
        out["verdicts_identical"] = _verdict(rust) == reference[0] and (
            _verdict(rust_planted) == reference_planted[0]
        )
    return out
