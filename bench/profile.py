"""Profile a build (pyinstrument) and time what the profile pointed at, before and after.

The "before" of each fixed step is the project's earlier code, kept here only to measure
against it on the same input in the same run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from bench.generate import generate
from bench.machine import RESULTS, ROOT_DIR, best_of, embedded_home, save, timed
from ingest.graph import rdf
from ingest.graph.datafile import parse
from ingest.graph.derive import derive_pursues
from ingest.graph.graphdata import EdgeRecord, GraphData, Key


def _walk_before(graph: GraphData, start: Key, types: set[str]) -> list[Key]:
    # Earlier ingest.graph.derive._walk: rebuilt the adjacency on every call.
    out: dict[Key, list[Key]] = defaultdict(list)
    for edge in graph.edges:
        if edge.type in types:
            out[edge.start].append(edge.end)
    seen = [start]
    stack = [start]
    while stack:
        for nxt in out[stack.pop()]:
            if nxt not in seen:
                seen.append(nxt)
                stack.append(nxt)
    return seen


def derive_before(graph: GraphData) -> list[EdgeRecord]:
    """Earlier ingest.graph.derive.derive_pursues (same output, quadratic walk)."""
    targets: dict[Key, list[EdgeRecord]] = defaultdict(list)
    broader: dict[Key, list[Key]] = defaultdict(list)
    for edge in graph.edges:
        if edge.type == "TARGETS":
            targets[edge.start].append(edge)
        elif edge.type == "BROADER":
            broader[edge.start].append(edge.end)
    derived: list[EdgeRecord] = []
    for adopt in (e for e in graph.edges if e.type == "ADOPTS"):
        for holder in _walk_before(graph, adopt.end, {"HAS_PHASE", "INCLUDES"}):
            node = graph.nodes[holder]
            since = node.props.get("announced") or node.props.get("start")
            for target in targets.get(holder, []):
                industry = graph.nodes[target.end]
                base: dict[str, Any] = {
                    "sources": target.props.get("sources", []),
                    "evidence": target.props.get("evidence", ""),
                    "derived": True,
                }
                if since:
                    base["since"] = since
                derived.append(EdgeRecord("PURSUES", adopt.start, target.end, dict(base)))
                if industry.props.get("segment"):
                    for parent in broader.get(target.end, []):
                        props = {**base, "segments": [target.end[1]]}
                        derived.append(EdgeRecord("PURSUES", adopt.start, parent, props))
    return derived


def _yaml_figures(files: list[Path]) -> dict[str, Any]:
    """How the data files were read (compose + load, pure Python) vs ``ingest.graph.datafile.parse``
    (one libyaml pass, values constructed from the node tree)."""
    texts = [path.read_text(encoding="utf-8") for path in files]

    def before() -> int:
        for text in texts:
            yaml.compose(text, Loader=yaml.SafeLoader)
            yaml.safe_load(text)
        return len(texts)

    def after() -> int:
        for text in texts:
            parse(text)
        return len(texts)

    _, before_s = best_of(before, 1)
    _, after_s = best_of(after, 3)
    return {
        "files": len(files),
        "now_s": round(before_s, 3),
        "libyaml_one_pass_s": round(after_s, 3),
        "ratio": round(before_s / after_s, 1),
    }


def _clean(text: str) -> str:
    for prefix in sorted(
        {str(ROOT_DIR) + "/", sys.prefix + "/", sys.base_prefix + "/"}, key=len, reverse=True
    ):
        text = text.replace(prefix, "")
    return text


def profile(tier: str, seed: int) -> None:
    from ingest.graph.dataset import load_graph_data

    with tempfile.TemporaryDirectory(prefix="rsgb-prof-") as tmp, embedded_home() as (home, _):
        data = Path(tmp) / tier
        generate(tier, data, seed)
        trace = Path(tmp) / "profile.txt"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.buildrun",
                "--data",
                str(data),
                "--home",
                str(home),
                "--graph",
                "bench_profile",
                "--no-shacl",
                "--profile",
                str(trace),
            ],
            check=True,
            capture_output=True,
        )
        RESULTS.mkdir(exist_ok=True)
        lines = _clean(trace.read_text(encoding="utf-8")).splitlines()
        (RESULTS / f"{tier}-profile.txt").write_text("\n".join(lines[:120]) + "\n", "utf-8")
        graph = load_graph_data(data)
        before, before_s = timed(lambda: derive_before(graph))
        after, after_s = best_of(lambda: derive_pursues(graph), 3)
        same = sorted((e.start, e.end, repr(sorted(e.props.items()))) for e in before) == sorted(
            (e.start, e.end, repr(sorted(e.props.items()))) for e in after
        )
        if not same:
            raise RuntimeError("the fixed derive_pursues gives other edges than before")
        rdf_graph = rdf.to_rdf(graph)
        before_ttl, after_ttl = Path(tmp) / "before.ttl", Path(tmp) / "after.ttl"
        _, rdflib_s = timed(
            lambda: rdf_graph.serialize(destination=before_ttl, format="turtle", encoding="utf-8")
        )
        _, ox_s = timed(lambda: rdf.write_turtle(rdf_graph, after_ttl))
        turtle = {
            "triples": len(rdf_graph),
            "before_s": round(rdflib_s, 3),
            "after_s": round(ox_s, 3),
            "ratio": round(rdflib_s / ox_s, 1),
            "bytes_before": before_ttl.stat().st_size,
            "bytes_after": after_ttl.stat().st_size,
        }
        files = sorted((data / "facts").glob("*.yaml"))[:200]
        save(
            tier,
            "profile",
            {
                "derive": {
                    "edges_in": len(graph.edges),
                    "derived": len(after),
                    "before_s": round(before_s, 3),
                    "after_s": round(after_s, 4),
                    "ratio": round(before_s / after_s, 1),
                },
                "turtle": turtle,
                "yaml": _yaml_figures(files),
            },
        )
