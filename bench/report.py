"""bench/results/*.json -> bench/RESULTS.md (written whole, never by hand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.machine import BENCH, RESULTS

TARGET = BENCH / "RESULTS.md"
#: The headline ratios of every tier under stable names, beside RESULTS.md.
HEADLINES = BENCH / "results.json"
TIER_ORDER = ("S", "M", "L", "T")


def _load() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(RESULTS.glob("*.json")):
        found[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _ok(value: float, target: str) -> str:
    op, number = target.split()[0], float(target.split()[1].rstrip("x"))
    good = value >= number if op == ">=" else value <= number
    return "met" if good else "**not met**"


def _build(r: dict[str, Any]) -> list[str]:
    b, load = r["build"], r["load"]
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in b["steps"].items())
    gen = r["generated"]
    return [
        f"Graph: {r['nodes']:,} nodes, {r['relationships']:,} relationships "
        f"({gen['documents']:,} documents, {gen['facts']:,} stated facts); generated in "
        f"{r['generate_s']} s, read and validated in {r['read_s']} s.",
        "",
        "| | rows | seconds | rows/s |",
        "|---|---:|---:|---:|",
        f"| batched `UNWIND $rows` loader ({load.get('batch', 500):,} rows a query) | "
        f"{load['rows']:,} | "
        f"{load['batched_seconds']} | {load['batched_rows_per_s']:,} |",
        f"| baseline: one MERGE / MATCH-CREATE per row | {load['rowwise_rows']:,} | "
        f"{load['rowwise_seconds']} | {load['rowwise_rows_per_s']:,} |",
        "",
        f"Ratio **{load['ratio']}x** (target >= 25x: {_ok(load['ratio'], '>= 25')}).",
        "",
        f"Whole build (`Build.run`, {'with' if b['shacl'] else 'without'} SHACL) in a child "
        f"process: {b['seconds']} s ({steps}); peak RSS of the build process "
        f"**{b['peak_rss_mb']:,} MB**, FalkorDB peak memory {b['store_peak_mb']:,} MB "
        + (
            f"(target <= 2 GB at tier M: "
            f"{_ok((b['peak_rss_mb'] + b['store_peak_mb']) / 1024, '<= 2')}, counting both)."
            if r.get("tier") == "M"
            else "(the 2 GB target is set for tier M)."
        ),
    ]


def _from_data(fig: dict[str, Any] | None) -> list[str]:
    """Export as the build does it: graph data to a file, rdflib vs the build's own path."""
    if not fig:
        return []
    lines = [
        "Export as the build does it, from the graph data to a file: rdflib's default store "
        "(build the in-memory graph, serialise) vs the build's path (N-Triples written as "
        "text by `ingest/graph/ntriples.py`; Turtle converted from them by oxigraph). Both outputs "
        "parsed by oxigraph hold the same triples (checked in the run).",
        "",
        "| format | triples | rdflib (s) | build's path (s) | ratio (target >= 10x) |",
        "|---|---:|---:|---:|---:|",
    ]
    for fmt, f in fig.items():
        lines.append(
            f"| {fmt} | {f['triples']:,} | {f['rdflib_s']} | {f['oxigraph_s']} | "
            f"**{f['ratio']}x** ({_ok(f['ratio'], '>= 10')}) |"
        )
    return [*lines, "", "Serialising and parsing an rdflib graph that already exists:", ""]


def _rdf(r: dict[str, Any], build: dict[str, Any] | None = None) -> list[str]:
    speed, shacl = r["speed"], r["shacl"]
    lines = [
        f"{speed['triples']:,} triples. Oxigraph times include converting the rdflib terms "
        f"({speed['oxigraph_convert_seconds']} s).",
        "",
        "| format | size | export rdflib / oxigraph with conversion (s) | ratio | "
        "oxigraph serialisation only (s) | ratio | parse rdflib / oxigraph (s) | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines = _from_data(r.get("from_data")) + lines
    for fmt in ("nt", "turtle"):
        f = speed[fmt]
        only = f.get("serialize_only_ratio")
        only_cells = (
            f"{f['oxigraph_serialize_only_s']} | **{only}x** ({_ok(only, '>= 10')})"
            if only is not None
            else "- | -"
        )
        lines.append(
            f"| {fmt} | {f['bytes'] / 2**20:.1f} MB | {f['rdflib_export_s']} / "
            f"{f['oxigraph_export_s']} | **{f['export_ratio']}x** "
            f"({_ok(f['export_ratio'], '>= 10')}) | {only_cells} | {f['rdflib_parse_s']} / "
            f"{f['oxigraph_parse_s']} | **{f['parse_ratio']}x** "
            f"({_ok(f['parse_ratio'], '>= 10')}) |"
        )
    lines += ["", *_shacl(shacl, build)]
    return lines


def _shacl(shacl: dict[str, Any], build: dict[str, Any] | None) -> list[str]:
    if "engine" not in shacl:  # figures from before the Rust engine
        return ["SHACL: pyshacl figures from an older run; run the benchmark again."]
    docs = shacl["documents_in_graph"]
    text = (
        f"SHACL with the build's engine, {shacl['engine']} (RDFS closure in Rust, on the data "
        f"plus the ontology): one document with the nodes it touches takes "
        f"{shacl['per_document_s']} s (mean of {shacl['documents_timed']})."
    )
    if "whole_graph_s" not in shacl:
        return [text + " Whole-graph SHACL is not run at this tier."]
    text += (
        f" The whole graph ({docs} documents) takes {shacl['whole_graph_s']} s from the "
        f"rdflib graph and {shacl['whole_build_path_s']} s on the build's path (N-Triples "
        f"written from the graph data, no rdflib graph); with {shacl['planted']} violations "
        f"planted, {shacl['planted_found']} are reported."
    )
    step = (build or {}).get("build", {}).get("steps", {}).get("validating shapes")
    if step is not None:
        text += f" In the build (child process) the step took {step:.1f} s."
    lines = [text]
    if "whole_pyshacl_s" in shacl:
        ratio = shacl["ratio_vs_pyshacl"]
        same = "identical" if shacl["verdicts_identical"] else "**different**"
        lines += [
            "",
            "| whole graph | pyshacl (s) | Rust engine (s) | ratio (target <= 0.05x) | verdicts |",
            "|---|---:|---:|---:|---|",
            f"| {docs} documents, and a copy with {shacl['planted']} planted violations | "
            f"{shacl['whole_pyshacl_s']} | {shacl['whole_graph_s']} | **{ratio}x** "
            f"({_ok(ratio, '<= 0.05')}) | {same} |",
        ]
        if shacl.get("pyshacl_planted_capped_s") is not None:
            lines += [
                "",
                f"pyshacl on the copy with planted violations was stopped after "
                f"{shacl['pyshacl_planted_capped_s']:,.0f} s: the verdicts are compared at "
                "tier S only.",
            ]
    elif "pyshacl_capped_s" in shacl:
        cap = shacl["pyshacl_capped_s"]
        bound = shacl["ratio_vs_pyshacl_at_most"]
        lines += [
            "",
            f"pyshacl on the whole graph ({shacl['triples']:,} triples) was stopped after "
            f"{cap:,.0f} s without an answer (the cap of this tier, so that a run ends in "
            f"reasonable time): the Rust engine's {shacl['whole_graph_s']} s is at most "
            f"**{bound}x** pyshacl's time ({_ok(bound, '<= 0.05')}). The verdicts of the two "
            "engines are compared at tier S.",
        ]
    else:
        lines.append(
            "pyshacl is not run on the whole graph at this tier (minutes); tier S compares the "
            "two engines."
        )
    return lines


def _queries(r: dict[str, Any]) -> list[str]:
    lines = [
        "Both sides give the same pairs, shared counts and Jaccard scores (checked in the run). "
        f"Redis reply parser: {r['overlap'].get('redis_parser', 'pure Python')} (the Python "
        "baseline reads its edges through the same client). The Cypher side is uncached: "
        "every call runs the query and decodes every row. *Wire floor*: the same number of "
        "rows of the same shape (copies of one answer row, nothing computed on the server) "
        "sent through the same client; no query returning that many rows can be faster. "
        "The competition baseline computes only the region counts and holder/seeker lists; "
        "the named query also returns each region's evidence and every designated initiative "
        "with its places. *Projection* rows: the per-build analytics projection "
        "(`queries/projection.py`, what `/overlaps` and `rsg overlaps` answer from) kept in "
        "memory; each answer asks the store for the build id and multiplies sparse matrices "
        "(the Cypher column shows its time, and in brackets its first answer of that level). "
        "*scores* gives what the baseline gives (each pair's shared count and Jaccard); "
        "*whole answer rows* adds the names, set sizes and shared industry lists of "
        "`/overlaps`. "
        + (
            f"Reading the projection from the store once per build took "
            f"{r['overlap']['projection_read_s']} s."
            if "projection_read_s" in r["overlap"]
            else ""
        ),
        "",
        "| query | size | Cypher (s) | Python baseline (s) | ratio (target <= 0.5x) "
        "| wire floor (s) | floor vs baseline |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    o = r["overlap"]
    for key, label in (
        ("matrix_level_None", "overlap_matrix, all pairs, as pursued"),
        ("matrix_level_0", "overlap_matrix, all pairs, level 0"),
        ("matrix_level_None_counts", "overlap_matrix, all pairs, as pursued, counts only"),
        ("region_overlap_pairs", "region_overlap, sampled pairs, level 0"),
    ):
        if key not in o:
            continue
        f = o[key]
        floor = f"{f['ship_s']} | {f['ship_ratio']}x" if "ship_s" in f else "- | -"
        lines.append(
            f"| {label} | {f['pairs']:,} pairs | {f['cypher_s']} | {f['python_s']} | "
            f"**{f['ratio']}x** ({_ok(f['ratio'], '<= 0.5')}) | {floor} |"
        )
    for key, label in (
        ("projection_level_None", "projection, all pairs, as pursued"),
        ("projection_level_0", "projection, all pairs, level 0"),
    ):
        if key in o:
            f = o[key]
            lines.append(
                f"| {label}: scores | {f['pairs']:,} pairs | {f['projection_s']} (first "
                f"{f['first_s']}) | {f['python_s']} | **{f['ratio']}x** "
                f"({_ok(f['ratio'], '<= 0.5')}) | - | - |"
            )
            if "rows_s" in f:
                lines.append(
                    f"| {label}: whole answer rows | {f['pairs']:,} pairs | {f['rows_s']} | "
                    f"{f['python_s']} | {f['rows_ratio']}x | - | - |"
                )
    c = r["competition"]
    lines.append(
        f"| designation_competition, all | {c['designations']} designations | {c['cypher_s']} | "
        f"{c['python_s']} | **{c['ratio']}x** ({_ok(c['ratio'], '<= 0.5')}) | - | - |"
    )
    return lines


def _api(r: dict[str, Any]) -> list[str]:
    if "uncached" not in r["endpoints"].get("/health", {}):
        return ["(figures from an older layout of this benchmark; run it again)"]
    lines = [
        f"uvicorn, one worker, uvloop + httptools; {r['seconds_per_level']} s per level; the "
        "load generator runs on the same machine. Read answers are cached per build "
        "(`api/web/cache.py`). *first*: the first request of each distinct path on a fresh "
        "server (always computed: a cache miss). *uncached*: every request sends "
        "`Cache-Control: no-cache`, so the server computes each answer. *cached*: answers "
        "come from the cache (the hits column counts them). `/health` is never cached and "
        "is the baseline of both. Target for cached answers: p99 <= 20 ms.",
        "",
        "| endpoint | first request of each path: p50 / max ms |",
        "|---|---:|",
    ]
    for name, by_mode in r["endpoints"].items():
        first = by_mode["first"]
        lines.append(
            f"| `{name}` ({first['paths']} paths) | {first['p50_ms']} / {first['max_ms']} |"
        )
    lines += [
        "",
        "| endpoint | mode | connections | req/s | hits | p50 ms | p99 ms | p99 vs /health |"
        " p99 <= 20 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, by_mode in r["endpoints"].items():
        for mode in ("uncached", "cached"):
            for level, f in by_mode.get(mode, {}).items():
                errors = f" ({f['errors']} errors)" if f["errors"] else ""
                target = _ok(f["p99_ms"], "<= 20") if mode == "cached" else "-"
                lines.append(
                    f"| `{name}` | {mode} | {level} | {f['rps']}{errors} | {f['hits']} | "
                    f"{f['p50_ms']} | {f['p99_ms']} | {f['p99_vs_health']}x | {target} |"
                )
    health = _get(r, "endpoints", "/health", "uncached", "32", "p99_ms")
    entity = _get(r, "endpoints", "/regions/{id}", "uncached", "32", "p99_ms")
    if health and entity:
        ratio = round(entity / health, 2)
        lines += [
            "",
            f"Uncached `/regions/{{id}}` p99 at 32 connections: **{ratio}x** `/health`'s "
            f"(target <= 3x: {_ok(ratio, '<= 3')}).",
        ]
    return lines + _detail_steps(r)


def _cpu_cell(f: dict[str, Any] | None) -> str:
    cpu = (f or {}).get("cpu_ms") or {}
    return " / ".join(str(cpu.get(k, "-")) for k in ("api", "store", "load generator"))


def _detail_steps(r: dict[str, Any]) -> list[str]:
    """Where the time of one uncached detail goes (bench/detailbench.py), and CPU per request."""
    steps, same = r.get("detail_steps"), r.get("same_details")
    if not steps:
        return []
    lines = ["", "#### Where the time of one uncached `/regions/{id}` goes", ""]
    if same:
        lines += [
            f"Answers checked first: the entity detail of every region ({same['regions']}) and "
            f"of {same['others']} other nodes, and paged and typed variants ({same['compared']} "
            f"in all), from the current query and decoding against the earlier ones "
            f"(`bench/cypher/entity_detail_before.cypher`, the client's decoding): "
            f"**{same['different']} different**."
            + (
                f" The neighbourhood projection's rows against the named query's: "
                f"**{same['projection_different']} different**."
                if "projection_different" in same
                else ""
            ),
            "",
        ]
    lines += [
        f"One connection, the {steps['regions']} busiest regions (about {steps['neighbours']} "
        f"neighbours and {steps['reply_bytes'] / 1024:.0f} KB of rows each, the default page "
        "of 200), best of 5 rounds, ms per request:",
        "",
        "| step | now (ms) | before issue 19 (ms) |",
        "|---|---:|---:|",
        f"| the query inside the store (FalkorDB's own execution time) | "
        f"{steps['query_in_store_ms']} | {steps['query_in_store_before_ms']} |",
        f"| round trip of the command: query, the store writing its reply, transfer, C reply "
        f"parser | {steps['round_trip_ms']} | - |",
        f"| decoding the reply into rows | {steps['decode_ms']} | {steps['decode_before_ms']} |",
        f"| `store.read` in all (round trip and decoding) | {steps['store_read_ms']} | - |",
        f"| building the answer from the rows and writing its JSON (before: two models per "
        f"neighbour, written as FastAPI writes a model) | "
        f"{steps['answer_and_json_ms']} | {steps['answer_and_json_before_ms']} |",
        f"| of which writing the JSON | {steps['json_ms']} | - |",
        f"| the handler's work from the store in all (`RSG_API_DETAIL_PROJECTION=false`) | "
        f"{steps['handler_ms']} | - |",
        f"| for comparison: the store reads of `/health` / of the cache's build id | "
        f"{steps['health_store_ms']} / {steps['build_id_ms']} | - |",
    ]
    if "projection_handler_ms" in steps:
        lines += [
            "",
            "From the neighbourhood projection (`queries/neighbourhood.py`, the default): the "
            f"graph ({steps['projection_nodes']:,} nodes, "
            f"{steps['projection_relationships']:,} relationships) is read once per build in "
            f"{steps['projection_read_s']} s and holds {steps['projection_mb']} MB of Python "
            f"objects (tracemalloc). Per detail: the rows {steps['projection_rows_ms']} ms; "
            "the handler's work in all (the build id from the store, the rows, the answer and "
            f"its JSON) **{steps['projection_handler_ms']} ms**, against "
            f"{steps['handler_ms']} ms from the store.",
        ]
        if r.get("projection_ready_s") is not None:
            lines[-1] += (
                f" The API server reads it in the background when it starts: its first detail "
                f"answered {r['projection_ready_s']} s after start-up, and nothing was measured "
                "before."
            )
    rows = []
    for name in ("/health", "/regions/{id}"):
        for level, f in (_get(r, "endpoints", name, "uncached") or {}).items():
            if f.get("cpu_ms"):
                rows.append(
                    f"| `{name}` | {level} | {f['rps']} | {_cpu_cell(f)} | "
                    f"{round(int(level) * 1000 / f['rps'], 1)} | {f['p50_ms']} |"
                )
    if rows:
        lines += [
            "",
            "CPU per request under load (uncached), from the processes' own CPU time: the API "
            "server (one Python process, so at most one core for Python code), the store and "
            "the load generator. With *n* connections every request waits behind the others: "
            "*n* x 1000 / req/s is the time a request spends in the server's queue and work, "
            "which the p50 follows.",
            "",
            "| endpoint | connections | req/s | CPU ms per request: API / store / load generator |"
            " n x 1000 / req/s (ms) | p50 ms |",
            "|---|---:|---:|---|---:|---:|",
            *rows,
        ]
    return lines + _store_path(r)


def _store_path(r: dict[str, Any]) -> list[str]:
    """The same uncached details read from the store on every request, on a second server."""
    path = r.get("store_path")
    if not path:
        return []
    lines = [
        "",
        "The same uncached details on a second server with `RSG_API_DETAIL_PROJECTION=false` "
        "(every detail read from the store with `entity_detail`), with its own `/health`:",
        "",
        "| endpoint | connections | req/s | p50 ms | p99 ms | p99 vs /health | CPU ms per "
        "request: API / store / load generator |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, by_mode in path.items():
        for level, f in by_mode.get("uncached", {}).items():
            lines.append(
                f"| `{name}` | {level} | {f['rps']} | {f['p50_ms']} | {f['p99_ms']} | "
                f"{f['p99_vs_health']}x | {_cpu_cell(f)} |"
            )
    return lines


def _extract(r: dict[str, Any]) -> list[str]:
    return [
        f"{r['documents']} synthetic articles ({r['characters']:,} characters, `bench/articles.py`)"
        f": Kiwi tokenisation alone {r['kiwi_docs_per_s']} docs/s, the whole pipeline "
        f"(`ingest.documents.document.Pipeline`) {r['pipeline_docs_per_s']} docs/s, "
        f"{r['candidate_facts']} candidate facts. Ratio **{r['ratio']}** "
        f"(target >= 0.6: {_ok(r['ratio'], '>= 0.6')}).",
        *_long_line(r.get("long_document")),
        *_growth_lines(r.get("growth")),
        *_queue_lines(r.get("queue")),
    ]


def _queue_lines(q: dict[str, Any] | None) -> list[str]:
    if not q:
        return []
    return [
        "",
        f"The review queue (`bench/queuebench.py`) at {q['candidates']:,} candidates against "
        f"one that holds almost none: adding the candidates of {q['documents_added']} documents "
        f"{q['add_large_s']} s against {q['add_small_s']} s, ratio **{q['add_ratio']}**; a page "
        f"of 50 {q['page_large_ms']} ms against {q['page_small_ms']} ms, ratio "
        f"**{q['page_ratio']}** (target {q['target']}: "
        f"{_ok(max(q['add_ratio'], q['page_ratio']), q['target'])}). The inbox's first page "
        f"(its documents counted over the whole queue) {q['inbox_page_ms']} ms.",
    ]


def _growth_lines(g: dict[str, Any] | None) -> list[str]:
    if not g:
        return []
    lines = [
        "",
        f"Growth with length on hostile text (`bench/growthbench.py`): each fragment of our own "
        f"repeated into one document of {g['characters']:,} characters and of twice that; the "
        f"figure is the double's time over the single's (2 linear, 4 quadratic). Worst "
        f"**{g['worst']}** (target {g['target']}: {_ok(g['worst'], g['target'])}).",
        "",
        "| shape | single (s) | double (s) | ratio |",
        "|---|---|---|---|",
    ]
    for name, f in g["shapes"].items():
        lines.append(f"| {name} | {f['single_s']} | {f['double_s']} | {f['ratio']} |")
    return lines


def _long_line(d: dict[str, Any] | None) -> list[str]:
    if not d:
        return []
    return [
        "",
        f"One document made of {d['articles']} of them ({d['characters']:,} characters, a long "
        f"report) against the same articles one by one: {d['whole_s']} s against "
        f"{d['parts_s']} s, ratio **{d['ratio']}** (target <= 1.5: {_ok(d['ratio'], '<= 1.5')}). "
        f"Candidate facts: {d['facts_whole']} as one document, {d['facts_parts']} one by one "
        "(one document's facts are merged and read against the whole of it).",
    ]


def _turtle_line(t: dict[str, Any] | None) -> list[str]:
    if not t:
        return []
    return [
        f"- Fixed: the Turtle export (`ingest/graph/rdf.py`) is written by oxigraph instead of "
        f"rdflib's serializer. Before {t['before_s']} s, after {t['after_s']} s on "
        f"{t['triples']:,} triples: **{t['ratio']}x** faster (the same triples; "
        f"{t['bytes_before'] / 2**20:.1f} MB before, {t['bytes_after'] / 2**20:.1f} MB after)."
    ]


def _before_after(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """The whole build before and after the fixes (each from its own `--only build` run)."""
    if not before or not after or before["when"] == after["when"]:
        return []
    lines = [
        "",
        "The whole build before the fixes (the same `run --tier "
        f"{after['tier']}` on the earlier code, {before['when']}) and after ({after['when']}):",
        "",
        "| build step | before (s) | after (s) | ratio |",
        "|---|---:|---:|---:|",
    ]
    b, a = before["build"], after["build"]
    for step, seconds in b["steps"].items():
        now = a["steps"].get(step)
        if now:
            lines.append(f"| {step} | {seconds} | {now} | {seconds / now:.1f}x |")
    lines.append(
        f"| whole build | {b['seconds']} | {a['seconds']} | {b['seconds'] / a['seconds']:.1f}x |"
    )
    lines += [
        "",
        f"Peak RSS of the build process: {b['peak_rss_mb']:,} MB before, "
        f"{a['peak_rss_mb']:,} MB after. Both runs share the machine with other work, "
        "so the unchanged steps show how much timings move between runs.",
    ]
    return lines


def _profile(r: dict[str, Any]) -> list[str]:
    d, y = r["derive"], r["yaml"]
    return [
        f"Profile (pyinstrument) of a tier {r['tier']} build without SHACL, taken after the "
        f"fixes below: `bench/results/{r['tier']}-profile.txt`. Reading the YAML data files "
        "(now one libyaml pass) is still the largest share, then the RDF exports; loading "
        "the store is a few per cent.",
        "",
        f"- Fixed: deriving PURSUES (`ingest/graph/derive.py`) rebuilt the plan adjacency for "
        f"every ADOPTS edge (quadratic). Before {d['before_s']} s, after {d['after_s']} s on "
        f"{d['edges_in']:,} edges: **{d['ratio']}x** faster, same {d['derived']:,} edges.",
        *_turtle_line(r.get("turtle")),
        f"- Fixed: every data file was parsed twice by pure-Python PyYAML (`compose` for line "
        f"numbers, then `safe_load`); `ingest/graph/datafile.py` now composes once with libyaml "
        f"and constructs the values from that node tree. On {y['files']} fact files: before "
        f"{y['now_s']} s, after {y['libyaml_one_pass_s']} s: **{y['ratio']}x** faster, the "
        f"same values and line numbers (tested).",
    ]


def _views(r: dict[str, Any]) -> list[str]:
    lines = [
        f"A synthetic region view (`bench/viewgraph.py`) served by the app and opened in "
        f"headless Chromium with every request answered locally; time from navigation to a "
        f"stable layout, median of {r['rounds']}. Ratios against the 100-node view of the "
        f"same run. Interactive limit `RSG_VIEW_NODE_LIMIT` = {r['limit']:,}.",
        "",
        "| nodes | HTML | stable layout (ms) | HTML vs 100 | time vs 100 |",
        "|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for row in r["views"]:
        drawn = row.get("raised", row)
        lines.append(
            f"| {row['nodes']:,} | {drawn['bytes'] / 2**20:.2f} MB | {drawn['stable_ms']:,} | "
            f"{row['bytes_ratio']}x | {row['time_ratio']}x |"
        )
        if "raised" in row and "note" in row:
            notes.append(
                f"At {row['nodes']:,} nodes, above the limit, the default page folds the graph "
                f"(`visual/aggregate.py`): {row['drawn_nodes']} nodes drawn, {row['groups']} of "
                f"them groups, {row['bytes'] / 2**20:.2f} MB, stable in {row['stable_ms']:,} ms; "
                f'its note reads: "{row["note"]}" The row above is the same view with the '
                f"limit raised to {row['nodes']:,}, every node drawn."
            )
        elif "raised" in row:
            notes.append(
                f"At {row['nodes']:,} nodes the default page ({row['bytes'] / 1024:.0f} KB, "
                f"stable in {row['stable_ms']:,} ms, {row['drawn_nodes']} nodes drawn) showed "
                f'a message instead: "{row["message"]}" (an older run, before views folded '
                "large graphs). The row above is the same view with the limit raised."
            )
    return [*lines, "", *notes]


def _pictures(r: dict[str, Any]) -> list[str]:
    lines = [
        f"The static picture (PNG) of a synthetic region view of {r['nodes']:,} nodes and "
        f"{r['edges']:,} relationships (`bench/viewgraph.py`). Overlapping pairs are counted "
        "from the boxes matplotlib's renderer gives after a draw (`visual/collisions.py`): "
        "name and name, name and node marker (its own included), and names outside the "
        "picture; the baseline of the same run is the same picture with every name moved "
        "onto its node (no placement). Above 150 nodes only the 150 largest are named. "
        "Times: building the figure (layout, placement, measuring names) against writing the "
        "PNG.",
        "",
        "| size | inches | names | overlaps as drawn | names on their nodes | figure | PNG | "
        "figure vs PNG |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in r["pictures"]:
        drawn, base = p["placed"], p["at_nodes"]
        lines.append(
            f"| {p['preset']} | {p['inches'][0]} x {p['inches'][1]} | {p['names']} | "
            f"{drawn['label_label']} + {drawn['label_node']} + {drawn['outside']} | "
            f"{base['label_label']} + {base['label_node']} + {base['outside']} | "
            f"{p['layout_s']} s | {p['png_s']} s ({p['png_bytes'] / 2**20:.1f} MB) | "
            f"{p['layout_vs_png']}x |"
        )
    return [*lines, "", "Overlaps as name-name + name-marker + outside."]


SECTIONS = (
    ("build", "Build and load", _build),
    ("rdf", "RDF: oxigraph vs rdflib; SHACL", _rdf),
    ("queries", "Overlap and competition queries vs Python", _queries),
    ("api", "HTTP API", _api),
    ("extract", "Extraction vs Kiwi alone", _extract),
    ("views", "Views in headless Chromium", _views),
    ("pictures", "Static pictures: overlapping names", _pictures),
    ("profile", "Profile and fixes", _profile),
)


def render(results: dict[str, dict[str, Any]]) -> str:
    out = [
        "# 벤치마크 결과 / Benchmark results",
        "",
        "Written by `python -m bench` (do not edit by hand). Every figure is a ratio against a "
        "baseline measured in the same run. Synthetic data: `bench/generate.py` (seed 7): the "
        "real 252-entry region gazetteer and 65-industry taxonomy, Zipf-skewed regions, "
        "industries, designations and companies. Tiers: S 2k initiatives / 1k companies, "
        "M 20k / 5k, L 200k / 20k. Runs may share the machine's CPUs with other work: "
        "absolute times then vary several-fold between runs (compare the pyshacl or Python "
        "baselines of two runs), the ratios within one run much less. The headline ratios of "
        "every tier are also written to `bench/results.json`.",
        "",
    ]
    for tier in TIER_ORDER:
        present = [(k, t, f) for k, t, f in SECTIONS if f"{tier}-{k}" in results]
        if not present:
            continue
        first = results[f"{tier}-{present[0][0]}"]
        m = first["machine"]
        out += [
            f"## Tier {tier}",
            "",
            f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB RAM, {m['platform']}, "
            f"Python {m['python']}. Run {first['when']} "
            "(a section measured at another time says when).",
            "",
        ]
        for key, title, fn in present:
            r = results[f"{tier}-{key}"]
            body = _rdf(r, results.get(f"{tier}-build")) if key == "rdf" else fn(r)
            if key == "profile":
                body += _before_after(
                    results.get(f"{tier}-build-before"), results.get(f"{tier}-build")
                )
            # Each section says when it was measured if not with the first (it may be a later run).
            later = r["when"] != first["when"]
            when = [f"Measured {r['when']}.", ""] if later else []
            out += [f"### {title}", "", *when, *body, "", f"Reproduce: `{r['command']}`", ""]
    if "L-build" not in results:
        out += [
            "## Tier L",
            "",
            "Not run. Scaling from tier M (10x the facts), the build would read YAML for about "
            "40 minutes and rdflib's in-memory graph alone would need about 15 GB, close to this "
            "machine's 23.5 GB. Tier L needs the YAML fix above and an RDF path that does not "
            "hold the whole graph in rdflib. Command: `make bench TIER=L`.",
            "",
        ]
    return "\n".join(out)


def _get(results: dict[str, dict[str, Any]], name: str, *path: str) -> Any:
    found: Any = results.get(name)
    for key in path:
        if not isinstance(found, dict) or key not in found:
            return None
        found = found[key]
    return found


def _picture_overlaps(results: dict[str, dict[str, Any]], tier: str) -> int | None:
    """Overlapping pairs (and names outside) on the 1,000-node picture at the default size."""
    for picture in _get(results, f"{tier}-pictures", "pictures") or []:
        if picture["preset"] == "default":
            return int(sum(picture["placed"].values()))
    return None


def headlines(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per tier, the headline ratios under stable names (bench/results.json); null when the
    figure was not measured at that tier."""
    out: dict[str, dict[str, Any]] = {}
    for tier in TIER_ORDER:
        if not any(name.startswith(f"{tier}-") for name in results):
            continue
        health = _get(results, f"{tier}-api", "endpoints", "/health", "uncached", "32", "p99_ms")
        entity = _get(
            results, f"{tier}-api", "endpoints", "/regions/{id}", "uncached", "32", "p99_ms"
        )
        out[tier] = {
            "overlap_all_pairs_vs_python": _get(
                results, f"{tier}-queries", "overlap", "projection_level_None", "ratio"
            ),
            "shacl_whole_graph_vs_pyshacl": _get(
                results, f"{tier}-rdf", "shacl", "ratio_vs_pyshacl"
            ),
            # When pyshacl was stopped at the tier's cap: the ratio is at most this.
            "shacl_whole_graph_vs_pyshacl_at_most": _get(
                results, f"{tier}-rdf", "shacl", "ratio_vs_pyshacl_at_most"
            ),
            "shacl_verdicts_identical": _get(results, f"{tier}-rdf", "shacl", "verdicts_identical"),
            "uncached_entity_p99_vs_health_32": (
                round(entity / health, 2) if entity is not None and health else None
            ),
            "build_seconds": _get(results, f"{tier}-build", "build", "seconds"),
            "extraction_vs_kiwi": _get(results, f"{tier}-extract", "ratio"),
            "picture_1000_overlaps": _picture_overlaps(results, tier),
            "runs": {
                name.split("-", 1)[1]: results[name].get("when")
                for name in sorted(results)
                if name.startswith(f"{tier}-")
            },
        }
    return out


def write() -> Path:
    results = _load()
    text = render(results)
    tmp = TARGET.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(TARGET)
    figures = json.dumps(headlines(results), indent=2, ensure_ascii=False) + "\n"
    tmp = HEADLINES.with_suffix(".json.tmp")
    tmp.write_text(figures, encoding="utf-8")
    tmp.replace(HEADLINES)
    return TARGET
