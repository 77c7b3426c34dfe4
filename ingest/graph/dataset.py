"""Load the whole dataset: validated data files, merged edges and derived edges."""

from __future__ import annotations

from pathlib import Path

from ingest.graph.derive import (
    date_from_sources,
    derive_bid_pursuits,
    derive_pursues,
    derive_scheme_bids,
    merge_edges,
)
from ingest.graph.graphdata import GraphBuilder, GraphData
from ingest.settings import BuildSettings
from ontology.errors import ValidationFailed


def default_data_dir() -> Path:
    """``RSG_DATA_DIR``, or the bundled ``data/`` folder of the project."""
    return BuildSettings().data_dir


def load_graph_data(data_dir: Path | None = None) -> GraphData:
    """Read, validate and cross-check every data file; ValidationFailed lists all problems."""
    data_dir = data_dir or default_data_dir()
    if not (data_dir / "regions.yaml").is_file():
        raise ValidationFailed(
            f"{data_dir} holds no regions.yaml",
            [f"{data_dir}: not a data directory"],
            "set RSG_DATA_DIR to the folder that holds regions.yaml and facts/",
        )
    builder = GraphBuilder()
    builder.load_reference(data_dir)
    for path in sorted((data_dir / "facts").glob("*.yaml")):
        builder.load_facts(path)
    builder.check_references()
    if builder.problems:
        raise ValidationFailed(
            f"{len(builder.problems)} problem(s) in the data files",
            builder.problems,
            "fix them and build again; nothing was loaded",
        )
    graph = builder.graph
    graph.edges = merge_edges(graph.edges)
    derived = [*derive_pursues(graph), *derive_scheme_bids(graph), *derive_bid_pursuits(graph)]
    graph.edges = merge_edges([*graph.edges, *derived])
    date_from_sources(graph)
    return graph
