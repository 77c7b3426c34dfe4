"""What the per-build holder keeps, and what it does when a build lands during a read."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ontology.errors import StoreUnavailable
from queries.falkor_backend import FalkorStore
from queries.kept import ATTEMPTS, PerBuild
from queries.store import BUILD_LABEL, GraphStore, GraphWriter


@dataclass
class Reading:
    build: str | None
    number: int


def _with_build(store: FalkorStore, build: str) -> None:
    def load(writer: GraphWriter) -> None:
        writer.write(f"CREATE (:{BUILD_LABEL} {{id: $id}})", {"id": build})

    store.replace_graph(load)


def _land(store: FalkorStore, build: str) -> None:
    """Another build lands: the live graph's build id changes."""
    store.db.select_graph(store.graph_name).query(
        f"MATCH (b:{BUILD_LABEL}) SET b.id = $id", {"id": build}
    )


def test_a_reading_is_kept_until_the_build_id_changes(scratch_store: FalkorStore) -> None:
    _with_build(scratch_store, "b1")
    reads: list[str | None] = []

    def read(store: GraphStore, build: str | None) -> Reading:
        reads.append(build)
        return Reading(build, len(reads))

    kept = PerBuild(read)
    first = kept.of(scratch_store)
    assert first is not None
    assert first.build == "b1"
    assert kept.of(scratch_store) is first
    assert kept.kept(scratch_store, "b1") is first
    _land(scratch_store, "b2")
    assert kept.kept(scratch_store, "b2") is None
    second = kept.of(scratch_store)
    assert second is not None
    assert (second.build, second.number) == ("b2", 2)


def test_a_build_landing_during_the_read_is_read_again(scratch_store: FalkorStore) -> None:
    _with_build(scratch_store, "b1")
    reads: list[str | None] = []

    def read(store: GraphStore, build: str | None) -> Reading:
        reads.append(build)
        if len(reads) == 1:
            _land(scratch_store, "b2")
        return Reading(build, len(reads))

    reading = PerBuild(read).of(scratch_store)
    assert reads == ["b1", "b2"]
    assert reading is not None
    assert reading.build == "b2"


def test_builds_that_keep_landing_end_in_store_unavailable(scratch_store: FalkorStore) -> None:
    _with_build(scratch_store, "b0")
    reads: list[str | None] = []

    def read(store: GraphStore, build: str | None) -> Reading:
        reads.append(build)
        _land(scratch_store, f"b{len(reads)}")
        return Reading(build, len(reads))

    with pytest.raises(StoreUnavailable, match="rebuilt while it was being read"):
        PerBuild(read).of(scratch_store)
    assert len(reads) == ATTEMPTS
