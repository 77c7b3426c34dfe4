"""The longer reliability run behind docs/reliability.md.

    .venv/bin/python -m tools.reliability [--kills 10] [--examples 500] [--out FILE]

1. runs tests/reliability with RSG_FUZZ_EXAMPLES generated cases per schemathesis operation
   and hypothesis property, and counts every case and status (RSG_RELIABILITY_TALLY);
2. on a throwaway RSG_HOME: kills `rsg build` with SIGKILL at random moments (--kills) while a
   reader checks the live graph, kills the embedded server during API queries and times the
   recovery, times an expensive cartesian query against the timeout, and round-trips the RDF
   exports through a wiped store;
3. prints a table and writes every figure as JSON (--out, default reliability.json in
   RSG_HOME or ./.rsg).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.web.app import create_app
from api.web.settings import ApiSettings
from ingest.graph.rdfload import import_rdf
from ontology.errors import QueryTimeout
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from tests.reliability.faultkit import kill_builds, kill_server, time_full_build
from tests.reliability.graphsum import graph_lines, graph_sum

ROOT = Path(__file__).resolve().parent.parent
CARTESIAN = "MATCH (a), (b), (c), (d) RETURN count(*) AS n"
READ = "MATCH (a:Region)-[r]->(b) RETURN a.id, type(r), b.id"


def run_tests(examples: int, tally: Path) -> dict[str, Any]:
    env = {**os.environ, "RSG_FUZZ_EXAMPLES": str(examples), "RSG_RELIABILITY_TALLY": str(tally)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/reliability", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:]
    items = [
        json.loads(line)
        for line in (tally.read_text(encoding="utf-8").splitlines() if tally.exists() else [])
    ]
    cases: Counter[str] = Counter()
    statuses: dict[str, Counter[int]] = {}
    measured: dict[str, float] = {}
    for item in items:
        if "figure" in item:
            measured[item["figure"]] = item["value"]
            continue
        cases[item["check"]] += 1
        statuses.setdefault(item["check"], Counter())[item["status"]] += 1
    per_operation = Counter(i["case"] for i in items if i.get("check") == "schemathesis")
    return {
        "exit_code": done.returncode,
        "summary": summary,
        "seconds": round(time.perf_counter() - started, 1),
        "failed": [line for line in done.stdout.splitlines() if line.startswith("FAILED")],
        "cases": dict(cases),
        "figures": measured,
        "statuses": {k: {str(s): n for s, n in v.items()} for k, v in statuses.items()},
        "schemathesis_operations": len(per_operation),
        "schemathesis_min_per_generated_operation": min(
            (n for n in per_operation.values() if n > 5), default=0
        ),
    }


#: Checks whose cases try to write or escape; a mutation fails the test that tried it.
WRITE_CHECKS = ("write-attempts", "sparql-update", "injection")
WRITE_TESTS = ("test_read_only.py", "test_sparql_update.py", "test_injection.py")
#: Checks whose cases are malformed or hostile input, counted for 5xx answers.
INPUT_CHECKS = ("schemathesis", "injection", "bad input", "hostile Host header")


def summary(figures: dict[str, Any]) -> dict[str, Any]:
    """The four figures issue 15 asks of one run: writes attempted / mutations seen, bad
    inputs tried / 5xx seen, faults injected / facts lost, peak memory under the hostile
    queries."""
    tests = figures.get("tests", {})
    cases: dict[str, int] = tests.get("cases", {})
    statuses: dict[str, dict[str, int]] = tests.get("statuses", {})
    measured: dict[str, float] = tests.get("figures", {})
    failed = tests.get("failed", [])
    kills = figures.get("build_kills", {})
    inputs = [check for check in cases if check.startswith(INPUT_CHECKS)]
    lost = sum(
        value for name, value in measured.items() if "lost" in name or "more than once" in name
    )
    return {
        "writes attempted": sum(n for c, n in cases.items() if c.startswith(WRITE_CHECKS)),
        "mutations seen": sum(1 for line in failed if any(t in line for t in WRITE_TESTS))
        + kills.get("mismatches", 0),
        "bad inputs tried": sum(cases[c] for c in inputs),
        "5xx seen": sum(
            n for c in inputs for status, n in statuses.get(c, {}).items() if int(status) >= 500
        ),
        "faults injected": kills.get("kills", 0)
        + figures.get("server_kills", {}).get("cycles", 0)
        + int(measured.get("build kills in the CI test", 0))
        + int(measured.get("ingest faults injected (bomb, over time)", 0))
        + 1  # the failed load of test_faults
        + 16,  # the concurrent review accepts of test_concurrency
        "facts lost": int(lost) + (0 if kills.get("after_equal", True) else 1),
        "API peak RSS (MB)": measured.get("API peak RSS under the item-3 queries (MB)"),
        "store peak RSS (MB)": measured.get("store peak RSS under the item-3 queries (MB)"),
    }


def server_kills(home: Path, store: FalkorStore, cycles: int) -> dict[str, Any]:
    """Kill the server while the API answers queries; time until the API answers again."""
    server = EmbeddedServer(home)
    before = graph_sum(store)
    figures: dict[str, Any] = {"cycles": cycles, "failures": 0, "recovery_s": []}
    settings = ApiSettings(api_key=None, cors_origins=[])
    with TestClient(
        create_app(store=store, settings=settings), base_url="http://127.0.0.1"
    ) as client:
        for _ in range(cycles):
            statuses: list[int] = []
            stop = threading.Event()

            def hammer(sink: list[int] = statuses, halt: threading.Event = stop) -> None:
                while not halt.is_set():
                    sink.append(client.post("/cypher", json={"query": READ}).status_code)

            thread = threading.Thread(target=hammer, daemon=True)
            thread.start()
            time.sleep(0.2)
            kill_server(server)
            time.sleep(0.2)
            down = client.get("/health").status_code
            started = time.perf_counter()
            server.ensure_running()
            while client.get("/health").status_code != 200:
                time.sleep(0.01)
            figures["recovery_s"].append(round(time.perf_counter() - started, 3))
            stop.set()
            thread.join(10)
            ok = down == 503 and set(statuses) <= {200, 503} and graph_sum(store) == before
            figures["failures"] += 0 if ok else 1
    return figures


def cartesian_timeout(store: FalkorStore, timeout_ms: int) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        store.read(CARTESIAN, timeout_ms=timeout_ms)
        stopped = False
    except QueryTimeout:
        stopped = True
    return {
        "timeout_ms": timeout_ms,
        "stopped": stopped,
        "seconds": round(time.perf_counter() - started, 3),
    }


def rdf_round_trip(home: Path, store: FalkorStore) -> dict[str, Any]:
    before = graph_lines(store, with_build=False, lists_as_sets=True)
    result: dict[str, Any] = {"nodes": 0, "relationships": 0, "formats": {}}
    for name in ("graph.ttl", "graph.nt", "graph.jsonld"):
        store.db.connection.delete(store.graph_name)
        import_rdf(store, home / "export" / name)
        after = graph_lines(store, with_build=False, lists_as_sets=True)
        summed = graph_sum(store, with_build=False, lists_as_sets=True)
        result["nodes"], result["relationships"] = summed.nodes, summed.relationships
        result["formats"][name] = {"equal": after == before, "digest": summed.digest[:16]}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=10, help="builds to kill (default 10)")
    parser.add_argument("--server-kills", type=int, default=5, help="server kills (default 5)")
    parser.add_argument("--examples", type=int, default=500, help="cases per property/operation")
    parser.add_argument("--seed", type=int, default=20251123)
    parser.add_argument("--skip-tests", action="store_true", help="only the fault runs")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {"examples": args.examples, "seed": args.seed}
    with tempfile.TemporaryDirectory(prefix="rsg-rel-") as tmp:
        tmp_path = Path(tmp)
        if not args.skip_tests:
            print(f"tests/reliability with {args.examples} cases per property ...", flush=True)
            figures["tests"] = run_tests(args.examples, tmp_path / "tally.jsonl")
        home = tmp_path / "h"
        server = EmbeddedServer(home)
        try:
            server.ensure_running()
            with FalkorStore(server.ensure_running(), graph="rsg", kind="embedded") as store:
                timing = time_full_build(home, store)
                figures["full_build_s"] = round(timing.total_s, 2)
                figures["load_stage_s"] = round(timing.load_s, 3)
                print(f"killing {args.kills} builds ...", flush=True)
                kills = kill_builds(home, store, args.kills, args.seed, timing)
                figures["build_kills"] = kills.__dict__
                print(f"killing the server {args.server_kills} times ...", flush=True)
                figures["server_kills"] = server_kills(home, store, args.server_kills)
                figures["cartesian"] = cartesian_timeout(store, 1000)
                figures["rdf_round_trip"] = rdf_round_trip(home, store)
        finally:
            server.stop()
    figures["summary"] = summary(figures)
    out = args.out or Path(os.environ.get("RSG_HOME", ".rsg")) / "reliability.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_name(out.name + ".tmp")
    tmp_out.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp_out.replace(out)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"figures written to {out}")
    tests_ok = figures.get("tests", {}).get("exit_code", 0) == 0
    kills_ok = kills.mismatches == 0 and kills.next_build_ok and kills.after_equal
    return 0 if tests_ok and kills_ok and figures["server_kills"]["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
