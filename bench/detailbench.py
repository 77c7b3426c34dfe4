"""Where the time of one uncached entity detail goes, and the same answers as before.

``detail_profile`` takes one ``/regions/{id}`` apart on one connection, step by step, each
the best of a few rounds over the busiest regions: the query inside the store (its own
"internal execution time"), the round trip of the command (the query, the store writing its
reply, the transfer and the C reply parser), decoding the reply into rows, building the
answer's models and writing its JSON; for the query and the decoding, the code before issue
19 beside the current one; then the neighbourhood projection the API answers from by
default (``queries/neighbourhood.py``): reading it once, the memory it holds and a detail from
it. ``same_details`` compares the current named query and decoding with the earlier ones
(``bench/cypher/entity_detail_before.cypher``, the client's decoding), and the projection's
rows with the named query's, on every region and a sample of the other nodes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from bench.detailref import detail_as_models
from bench.machine import BENCH
from queries import catalog
from queries.falkor_backend import FalkorStore

BEFORE = BENCH / "cypher" / "entity_detail_before.cypher"
_ROUNDS = 5
_INTERNAL = re.compile(r"internal execution time: ([0-9.]+) milliseconds")


def _best_ms(fn: Callable[[int], Any], calls: int) -> float:
    """The best round's mean per call, in ms (the least disturbed by the rest of the machine)."""
    import time

    best = float("inf")
    for _ in range(_ROUNDS):
        started = time.perf_counter()
        for k in range(calls):
            fn(k)
        best = min(best, (time.perf_counter() - started) / calls)
    return round(best * 1000, 3)


def _command(store: FalkorStore, text: str, params: dict[str, Any]) -> list[Any]:
    graph = store.reads.select_graph(store.graph_name)
    reply: list[Any] = graph.execute_command(
        "GRAPH.RO_QUERY",
        store.graph_name,
        graph._build_params_header(params) + text,
        "--compact",
        "timeout",
        store.timeout_ms,
    )
    return reply


def _client_decode(store: FalkorStore, reply: list[Any]) -> Any:
    graph = store.reads.select_graph(store.graph_name)
    columns = [str(col[1]) for col in reply[0]]
    return FalkorStore._client_rows(graph, reply, columns, store.row_cap)


def detail_profile(store: FalkorStore, region_ids: list[str]) -> dict[str, Any]:
    """Per-step ms of one uncached ``/regions/{id}`` (default page), single connection."""
    import time
    import tracemalloc

    from api.web.routers.entities import detail_answer
    from queries.neighbourhood import Neighbourhood, Neighbourhoods

    query = catalog.get("entity_detail")
    before = catalog.parse(BEFORE).text
    params = [dict(query.bind({"label": "Region", "id": rid, "limit": 200})) for rid in region_ids]
    n = len(params)

    def internal(text: str) -> float:
        best = float("inf")
        for _ in range(_ROUNDS):
            total = 0.0
            for p in params:
                stats = _command(store, text, p)[-1]
                found = _INTERNAL.search(" ".join(str(s) for s in stats))
                total += float(found.group(1)) if found else 0.0
            best = min(best, total / n)
        return round(best, 3)

    replies = [_command(store, query.text, p) for p in params]
    rows = [store._rows(None, reply, store.row_cap).rows for reply in replies]
    answers = [detail_answer("Region", r[0], 0, 200) for r in rows]

    def as_models(k: int) -> bytes:
        # The earlier handler: two models per neighbour, written as FastAPI writes a model.
        return detail_as_models("Region", rows[k % n][0], 0, 200)

    read_ms = _best_ms(lambda k: store.read(query.text, params[k % n]), n * 4)

    def from_store(k: int) -> bytes:
        # The handler's work with RSG_API_DETAIL_PROJECTION=false: read, answer, JSON.
        found = store.read(query.text, params[k % n]).rows
        return to_json(detail_answer("Region", found[0], 0, 200))

    handler_ms = _best_ms(from_store, n * 4)
    # The neighbourhood projection: read once per build (its time and the memory it holds),
    # then each detail from it (the handler's work by default: the build id, the rows, the
    # answer and its JSON).
    started = time.perf_counter()
    view = Neighbourhood.read(store, store.build_id())
    projection_read_s = round(time.perf_counter() - started, 3)
    del view
    tracemalloc.start()  # a second read for its memory: tracing slows the allocations down
    view = Neighbourhood.read(store, store.build_id())
    projection_mb = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
    tracemalloc.stop()
    kept = Neighbourhoods()
    if kept.of(store) is None:
        raise RuntimeError("the bench graph has no build id")

    def from_projection(k: int) -> bytes:
        live = kept.of(store)
        assert live is not None
        found = live.detail("Region", region_ids[k % n], None, 0, 200)
        return to_json(detail_answer("Region", found[0], 0, 200))

    projection_ms = _best_ms(from_projection, n * 4)
    rows_ms = _best_ms(lambda k: view.detail("Region", region_ids[k % n], None, 0, 200), n * 4)
    return {
        "regions": n,
        "reply_bytes": round(
            sum(len(json.dumps(r, ensure_ascii=False).encode()) for r in rows) / n
        ),
        "neighbours": round(sum(len(r[0]["neighbours"]) for r in rows) / n),
        "query_in_store_ms": internal(query.text),
        "query_in_store_before_ms": internal(before),
        "round_trip_ms": _best_ms(lambda k: _command(store, query.text, params[k % n]), n * 4),
        "decode_ms": _best_ms(lambda k: store._rows(None, replies[k % n], store.row_cap), n * 4),
        "decode_before_ms": _best_ms(lambda k: _client_decode(store, replies[k % n]), n * 4),
        "store_read_ms": read_ms,
        "handler_ms": handler_ms,
        "projection_read_s": projection_read_s,
        "projection_mb": projection_mb,
        "projection_nodes": view.nodes,
        "projection_relationships": view.relationships,
        "projection_rows_ms": rows_ms,
        "projection_handler_ms": projection_ms,
        "answer_and_json_ms": _best_ms(
            lambda k: to_json(detail_answer("Region", rows[k % n][0], 0, 200)), n * 4
        ),
        "answer_and_json_before_ms": _best_ms(as_models, n * 4),
        "json_ms": _best_ms(lambda k: to_json(answers[k % n]), n * 4),
        "health_store_ms": _best_ms(lambda k: store.info(), n * 4),
        "build_id_ms": _best_ms(lambda k: store.build_id(), n * 4),
    }


def same_details(store: FalkorStore, sample: int = 200) -> dict[str, Any]:
    """The current entity detail (query and decoding) against the earlier ones: every region,
    ``sample`` other nodes (seeded), and paged / typed variants of the busiest region."""
    query = catalog.get("entity_detail")
    before = catalog.parse(BEFORE).text
    rows = store.read(
        "MATCH (n) WHERE n:Region OR n:Industry OR n:Strategy OR n:Initiative OR "
        "n:Organization OR n:Designation OR n:Source "
        "RETURN n.id AS id, [x IN ['Region', 'Industry', 'Strategy', 'Initiative', "
        "'Organization', 'Designation', 'Source'] WHERE x IN labels(n)][0] AS label "
        "ORDER BY label, id"
    ).rows
    regions = [r for r in rows if r["label"] == "Region"]
    others = [r for r in rows if r["label"] != "Region"]
    picked = random.Random(19).sample(others, min(sample, len(others)))
    cases: list[dict[str, Any]] = [{"label": r["label"], "id": r["id"]} for r in regions + picked]
    busiest = max(
        regions,
        key=lambda r: store.read(query.text, query.bind({"label": "Region", "id": r["id"]})).rows[
            0
        ]["matching"],
    )["id"]
    for variant in ({"type": "LOCATED_IN"}, {"skip": 3, "limit": 5}, {"limit": 10_000}):
        cases.append({"label": "Region", "id": busiest, **variant})
    from queries.neighbourhood import Neighbourhood

    view = Neighbourhood.read(store, store.build_id())
    different, projected_different = [], []
    for case in cases:
        params = dict(query.bind(case))
        now = store.read(query.text, params).rows
        earlier = _client_decode(store, _command(store, before, params)).rows
        if json.dumps(now, ensure_ascii=False) != json.dumps(earlier, ensure_ascii=False):
            different.append(case)
        projected = view.detail(
            case["label"], case["id"], case.get("type"), case.get("skip", 0), case.get("limit")
        )
        if json.dumps(projected, ensure_ascii=False) != json.dumps(now, ensure_ascii=False):
            projected_different.append(case)
    return {
        "compared": len(cases),
        "regions": len(regions),
        "others": len(picked),
        "different": len(different),
        "first_different": different[:3],
        "projection_different": len(projected_different),
        "first_projection_different": projected_different[:3],
    }


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a process so far (Linux ``/proc``; None elsewhere)."""
    import os

    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
