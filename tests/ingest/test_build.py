"""The build on the real embedded store: complete, idempotent, atomic, traceable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from ingest.graph.build import Build, BuildReport
from ingest.graph.dataset import load_graph_data
from ontology.contract import REFERENCE_RELATIONSHIPS
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from tests.conftest import corpus_dir


def _snapshot(store: FalkorStore) -> tuple[list[str], list[str]]:
    """Every node and relationship as canonical JSON, sorted (independent of store order)."""
    nodes = store.read(
        "MATCH (n) WHERE NOT n:BuildInfo RETURN labels(n) AS l, properties(n) AS p"
    ).rows
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN a.uri AS a, type(r) AS t, b.uri AS b, properties(r) AS p"
    ).rows

    def canon(rows: list[dict[str, object]]) -> list[str]:
        return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)

    return canon(nodes), canon(rels)


def test_shacl_conforms_and_counts_match_the_store(built: BuildReport, store: FalkorStore) -> None:
    assert built.shacl_conforms
    info = store.info()
    assert info.nodes == built.nodes
    assert info.relationships == built.relationships
    assert info.build is not None
    assert info.build["id"] == built.build_id


def test_every_fact_relationship_has_sources_and_evidence(
    built: BuildReport, store: FalkorStore
) -> None:
    rows = store.read(
        "MATCH ()-[r]->() WHERE NOT type(r) IN $ref "
        "AND (r.sources IS NULL OR size(r.sources) = 0 OR r.evidence IS NULL OR r.evidence = '') "
        "RETURN type(r) AS t, count(*) AS n",
        {"ref": sorted(REFERENCE_RELATIONSHIPS)},
    ).rows
    assert rows == []
    too_long = store.read(
        "MATCH ()-[r]->() WHERE size(r.evidence) > 40 RETURN r.evidence AS e"
    ).rows
    assert too_long == [], "evidence spans are at most 40 characters"


def test_rebuild_is_idempotent(built: BuildReport, store: FalkorStore, home: Path) -> None:
    before = _snapshot(store)
    again = Build(store, home, corpus=corpus_dir()).run()
    assert (again.nodes, again.relationships) == (built.nodes, built.relationships)
    assert again.data_hash == built.data_hash
    assert _snapshot(store) == before


# rdflib's JSON-LD parser builds a ConjunctiveGraph internally and warns about it.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_exports_parse_to_the_same_triples(built: BuildReport) -> None:
    counts = {}
    for fmt, path in built.exports.items():
        graph = Graph().parse(
            path, format={"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}[fmt]
        )
        counts[fmt] = len(graph)
    assert counts == {"turtle": built.triples, "nt": built.triples, "json-ld": built.triples}


def test_streamed_exports_hold_the_triples_shacl_validated(built: BuildReport) -> None:
    """The exports are streamed from the graph data, not from the rdflib graph SHACL checks:
    every file must hold exactly that graph's triples."""
    import pyoxigraph as ox

    from ingest.graph import rdf
    from ingest.graph.build import locate_evidence

    data = load_graph_data()
    corpus = corpus_dir()
    if corpus is not None:
        locate_evidence(data, corpus)
    expected = {str(t) for t in rdf.oxigraph_triples(rdf.to_rdf(data))}
    assert len(expected) == built.triples
    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
    formats["json-ld"] = ox.RdfFormat.JSON_LD
    for fmt, path in built.exports.items():
        quads = ox.parse(path=path, format=formats[fmt])
        assert {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads} == expected, fmt


def test_evidence_offsets_point_at_the_span(built: BuildReport, store: FalkorStore) -> None:
    corpus = corpus_dir()
    if corpus is None:
        if os.environ.get("CI"):
            pytest.fail("the raw corpus is missing in CI (../shared/corpus or RSG_CORPUS)")
        pytest.skip("set RSG_CORPUS to the raw documents to check evidence offsets")
    from ingest.graph.evidence import RawDocument

    rows = store.read(
        "MATCH ()-[r]->() WHERE r.evidence_start IS NOT NULL "
        "MATCH (s:Source) WHERE s.id IN r.sources "
        "RETURN r.evidence AS e, r.evidence_start AS a, r.evidence_end AS b, s.file AS f"
    ).rows
    assert len(rows) >= 100
    docs: dict[str, RawDocument] = {}
    checked = 0
    for row in rows:
        if not (corpus / row["f"]).is_file():
            continue  # a fact also told by a source outside the corpus (its span is found here)
        doc = docs.setdefault(row["f"], RawDocument.read(corpus / row["f"]))
        raw = doc.raw[row["a"] : row["b"]]
        assert " ".join(raw.replace("\ufffd", " ").split()) == " ".join(row["e"].split())
        checked += 1
    assert built.evidence_checked >= checked >= 100


def test_killed_build_leaves_the_previous_graph(
    built: BuildReport, store: FalkorStore, home: Path, server: EmbeddedServer
) -> None:
    """SIGKILL a build process in the middle of its load: the live graph stays whole."""
    before = _snapshot(store)
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from ingest.graph import loader\n"
        "from ingest.graph.build import Build\n"
        "from queries.falkor_backend import FalkorStore\n"
        "from queries.server import EmbeddedServer\n"
        "home = Path(sys.argv[1])\n"
        "real = loader.load\n"
        "def dying(writer, graph, build, progress=None):\n"
        "    def tick(n):\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    real(writer, graph, build, tick)\n"
        "loader.load = dying\n"
        "store = FalkorStore(EmbeddedServer(home).ensure_running(), kind='embedded')\n"
        "Build(store, home, shacl=False).run()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(home)], capture_output=True, timeout=120, check=False
    )
    assert result.returncode == -9
    assert _snapshot(store) == before
    assert Build(store, home, corpus=corpus_dir()).run().nodes == built.nodes


def test_graph_data_loads_without_store() -> None:
    graph = load_graph_data()
    assert len(graph.nodes) > 300
    assert graph.documents.keys() >= {  # the five documents, and the national sources
        "gimje-dna-roadmap-2025",
        "gumi-big5-plus1-2021",
        "jeonbuk-new-industries-2025",
        "jeonbuk-smart-factory-2025",
        "jeonju-four-future-industries-2020",
    }
