"""Build and load: batched ``UNWIND`` loader vs one MERGE per row; peak memory of a build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.machine import open_store, timed
from ingest.graph import loader
from ingest.graph.graphdata import GraphData
from ontology.contract import LABELS, RELATIONSHIPS
from queries.server import EmbeddedServer
from queries.store import GraphWriter


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def _row_by_row(graph: GraphData, cap: int | None) -> tuple[Any, list[int]]:
    """A loader that sends one MERGE (nodes) or one MATCH-MATCH-CREATE (edges) per row.

    The straightforward loader the batched one is measured against: the same rows, the same
    indexes and constraints, one query (one round trip) each.
    """
    written = [0]

    def load(writer: GraphWriter) -> None:
        for label in sorted(LABELS):
            writer.unique(label, "id")
        for (label, extra), nodes in sorted(loader.node_groups(graph).items()):
            labels = ":".join((label, *extra))
            query = f"MERGE (n:{labels} {{id: $id}}) SET n += $props"
            for node in nodes:
                if cap is not None and written[0] >= cap:
                    return
                props = _clean({"sources": [], "aliases": [], **node.props})
                writer.write(query, {"id": node.id, "props": props})
                written[0] += 1
        for (rel, start, end), edges in sorted(loader.edge_groups(graph).items()):
            assert rel in RELATIONSHIPS
            assert start in LABELS
            assert end in LABELS
            query = (
                f"MATCH (a:{start} {{id: $start}}) MATCH (b:{end} {{id: $end}}) "
                f"CREATE (a)-[r:{rel}]->(b) SET r += $props"
            )
            for edge in edges:
                if cap is not None and written[0] >= cap:
                    return
                row = {"start": edge.start[1], "end": edge.end[1], "props": _clean(edge.props)}
                writer.write(query, row)
                written[0] += 1

    return load, written


def load_rates(
    graph: GraphData, server: EmbeddedServer, cap: int | None, keep: str
) -> dict[str, Any]:
    """Rows per second of the project's batched loader and of the row-by-row baseline.

    The batched load stays in graph ``keep`` for the query and API benchmarks.
    """
    total = loader.total_rows(graph)
    batched_store = open_store(server, keep)
    meta = {"id": "bench"}
    _, batched_s = timed(lambda: batched_store.replace_graph(lambda w: loader.load(w, graph, meta)))
    rowwise_store = open_store(server, "bench_rowwise")
    load, written = _row_by_row(graph, cap)
    _, rowwise_s = timed(lambda: rowwise_store.replace_graph(load))
    rowwise_store.db.connection.delete(rowwise_store.graph_name)
    rowwise_store.close()
    batched_store.close()
    batched_rate = total / batched_s
    rowwise_rate = written[0] / rowwise_s
    return {
        "rows": total,
        "batch": loader.BATCH,
        "batched_seconds": round(batched_s, 3),
        "batched_rows_per_s": round(batched_rate),
        "rowwise_rows": written[0],
        "rowwise_seconds": round(rowwise_s, 3),
        "rowwise_rows_per_s": round(rowwise_rate),
        "ratio": round(batched_rate / rowwise_rate, 1),
        "target": ">= 25x",
    }


def build_in_process(data: Path, home: Path, *, shacl: bool) -> dict[str, Any]:
    """Run ``bench.buildrun`` in a child process and return its figures (peak RSS included)."""
    command = [
        sys.executable,
        "-m",
        "bench.buildrun",
        "--data",
        str(data),
        "--home",
        str(home),
        "--graph",
        "bench_build",
    ]
    if not shacl:
        command.append("--no-shacl")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"build failed: {done.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
