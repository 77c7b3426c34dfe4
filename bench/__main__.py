"""Run the benchmarks of one tier and rewrite bench/RESULTS.md from every result file.

python -m bench run --tier S             # what `make bench` runs (under 5 minutes)
python -m bench run --tier M             # `make bench TIER=M`
python -m bench profile --tier M         # pyinstrument profile and before/after figures
python -m bench report                   # only rewrite RESULTS.md
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console

from bench import report
from bench.generate import TIERS, generate
from bench.machine import embedded_home, open_store, save, timed

console = Console(stderr=True)

#: Per tier: row-by-row baseline cap, whole-graph SHACL in the build, pyshacl on the whole
#: graph as the reference and the seconds after which each pyshacl run is stopped (pyshacl
#: takes minutes at tier S, about linear in the triples), API seconds per level, synthetic
#: articles for the extraction ratio and for the long document made of them, characters of
#: hostile text for the growth of extraction time with length, candidates in the review queue.
SETTINGS: dict[str, dict[str, Any]] = {
    "T": {
        "rowwise_cap": None,
        "shacl": True,
        "pyshacl": True,
        "api_s": 0.5,
        "articles": 3,
        "long": 10,
        "growth": 2_000,
        "queue": 2_000,
    },
    "S": {
        "rowwise_cap": None,
        "shacl": True,
        "pyshacl": True,
        "api_s": 2.0,
        "articles": 20,
        "long": 150,
        "growth": 20_000,
        "queue": 20_000,
    },
    "M": {
        "rowwise_cap": None,
        "shacl": True,
        "pyshacl": True,
        "pyshacl_cap_s": 1500.0,
        "api_s": 3.0,
        "articles": 40,
        "long": 300,
        "growth": 20_000,
        "queue": 50_000,
    },
    "L": {
        "rowwise_cap": 200_000,
        "shacl": False,
        "pyshacl": False,
        "api_s": 3.0,
        "articles": 40,
        "long": 300,
        "growth": 20_000,
        "queue": 50_000,
    },
}


def run(tier: str, seed: int, only: set[str]) -> None:
    from bench.load import build_in_process, load_rates
    from ingest.graph import rdf
    from ingest.graph.dataset import load_graph_data

    if only <= OWN_GRAPH:  # nothing that needs the tier's generated data
        with embedded_home() as (_, srv):
            _own_graph(tier, only, srv)
        report.write()
        return
    cfg = SETTINGS[tier]
    with tempfile.TemporaryDirectory(prefix="rsgb-data-") as tmp, embedded_home() as (home, srv):
        data = Path(tmp) / tier
        counts, gen_s = timed(lambda: generate(tier, data, seed))
        console.print(f"[bold]tier {tier}[/bold]: {counts} generated in {gen_s:.1f} s")
        graph, read_s = timed(lambda: load_graph_data(data))
        base = {
            "generated": counts,
            "generate_s": round(gen_s, 2),
            "read_s": round(read_s, 2),
            "nodes": len(graph.nodes),
            "relationships": len(graph.edges),
        }
        if "build" in only:
            console.print("build in a child process (peak memory) ...")
            build = build_in_process(data, home, shacl=cfg["shacl"])
            console.print("batched loader vs one MERGE per row ...")
            rates = load_rates(graph, srv, cfg["rowwise_cap"], keep="rsg")
            save(tier, "build", {**base, "build": build, "load": rates})
        else:
            from ingest.graph import loader

            store = open_store(srv)
            store.replace_graph(lambda w: loader.load(w, graph, {"id": "bench"}))
            store.close()
        if "rdf" in only:
            from bench.rdfbench import export_from_data, rdf_speed, shacl_speed

            console.print("RDF export and parse, SHACL per document ...")
            rdf_graph = rdf.to_rdf(graph)
            figures = {
                "from_data": export_from_data(graph),
                "speed": rdf_speed(rdf_graph),
                "shacl": shacl_speed(
                    graph,
                    rdf_graph,
                    whole=cfg["shacl"],
                    documents=5,
                    pyshacl_whole=cfg["pyshacl"],
                    pyshacl_cap_s=cfg.get("pyshacl_cap_s"),
                ),
            }
            save(tier, "rdf", figures)
            del rdf_graph
        if "queries" in only:
            from bench.querybench import competition_speed, overlap_speed

            console.print("overlap and competition queries vs Python ...")
            store = open_store(srv)
            save(
                tier,
                "queries",
                {"overlap": overlap_speed(store), "competition": competition_speed(store)},
            )
            store.close()
        if "api" in only:
            _api(tier, home, srv, cfg["api_s"])
        if "extract" in only:
            from bench.extractbench import extract_speed, long_document
            from bench.growthbench import growth
            from bench.queuebench import queue_speed

            console.print("extraction vs Kiwi alone ...")
            speed = extract_speed(cfg["articles"])
            console.print("one long document vs its articles one by one ...")
            long = long_document(cfg["long"])
            console.print("growth with length on hostile text ...")
            grown = growth(cfg["growth"])
            console.print(f"the review queue at {cfg['queue']:,} candidates ...")
            queued = queue_speed(cfg["queue"])
            save(
                tier,
                "extract",
                {**speed, "long_document": long, "growth": grown, "queue": queued},
            )
        _own_graph(tier, only, srv)
    report.write()


#: Sections that write a synthetic graph of their own (no tier data needed).
OWN_GRAPH = frozenset({"views", "pictures"})


def _own_graph(tier: str, only: set[str], srv: Any) -> None:
    if "views" in only:
        from bench.viewbench import view_speed

        console.print("views in headless Chromium at 100, 1,000 and 5,000 nodes ...")
        save(tier, "views", view_speed(srv))
    if "pictures" in only:
        from bench.viewbench import picture_overlaps

        console.print("static picture of the 1,000-node view: overlapping names ...")
        save(tier, "pictures", picture_overlaps(srv))


def _api(tier: str, home: Path, srv: Any, seconds: float) -> None:
    from bench.apibench import api_server, api_speed, ready_after

    store = open_store(srv)
    rows = store.read(
        "MATCH (r:Region)-[:PURSUES]->() RETURN r.id AS id, count(*) AS n ORDER BY n DESC, id"
    ).rows
    store.close()
    busy = [row["id"] for row in rows[:10]]
    endpoints = {
        "/health": ["/health"],
        "/regions/{id}": [f"/regions/{rid}" for rid in busy],
        # The same details with every neighbour in one answer (thousands at tier M) instead of
        # the default page of 200.
        "/regions/{id}?limit=10000": [f"/regions/{rid}?limit=10000" for rid in busy],
        "/overlaps": [f"/overlaps?regions={a}&regions={b}" for a, b in itertools.pairwise(busy)],
    }
    from bench.apibench import PIDS
    from bench.detailbench import detail_profile, same_details

    store = open_store(srv)
    console.print("entity detail: the same answers as before, then one request step by step ...")
    same = same_details(store)
    if same["different"] or same["projection_different"]:
        raise RuntimeError(f"entity detail answers changed: {same}")
    steps = detail_profile(store, busy)
    store.close()
    console.print("API at 1, 8 and 32 connections ...")
    with api_server(home, "rsg") as port:
        pids = {"api": PIDS.get("api"), "store": srv.pid()}
        # The server reads its neighbourhood projection in the background when it starts; a
        # detail waits for that read, so nothing is measured while it runs.
        ready = ready_after(port, endpoints["/regions/{id}"][0])
        speed = api_speed(port, endpoints, seconds, (1, 8, 32), pids)
    console.print("the same details read from the store on every request ...")
    details = {name: endpoints[name] for name in ("/health", "/regions/{id}")}
    with api_server(home, "rsg", {"RSG_API_DETAIL_PROJECTION": "false"}) as port:
        pids = {"api": PIDS.get("api"), "store": srv.pid()}
        store_path = api_speed(port, details, seconds, (1, 8, 32), pids, modes=("uncached",))
    save(
        tier,
        "api",
        {
            "seconds_per_level": seconds,
            "same_details": same,
            "detail_steps": steps,
            "endpoints": speed,
            "projection_ready_s": ready,
            "store_path": store_path,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="run the benchmarks of one tier")
    run_p.add_argument("--tier", default="S", choices=sorted(TIERS))
    run_p.add_argument("--seed", type=int, default=7)
    run_p.add_argument(
        "--only",
        default="build,rdf,queries,api,extract,views,pictures",
        help="comma-separated sections (build, rdf, queries, api, extract, views, pictures)",
    )
    prof_p = sub.add_parser("profile", help="profile a build and time the fixed steps")
    prof_p.add_argument("--tier", default="M", choices=sorted(TIERS))
    prof_p.add_argument("--seed", type=int, default=7)
    sub.add_parser("report", help="rewrite RESULTS.md from bench/results/")
    args = parser.parse_args()
    if args.command == "run":
        run(args.tier, args.seed, set(args.only.split(",")))
    elif args.command == "profile":
        from bench.profile import profile

        profile(args.tier, args.seed)
        report.write()
    else:
        report.write()


if __name__ == "__main__":
    main()
