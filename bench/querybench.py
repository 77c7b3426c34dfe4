"""Overlap and competition named queries vs a Python baseline that fetches the edges.

Both sides must give the same answer; the run stops with an error if they do not.
"""

from __future__ import annotations

import random
from collections import defaultdict
from functools import partial
from itertools import combinations
from typing import Any

from bench.machine import best_of, timed
from queries import catalog
from queries.projection import Projections
from queries.store import GraphStore

Pairs = dict[tuple[str, str], tuple[int, float]]


def named(store: GraphStore, name: str, **given: Any) -> list[dict[str, Any]]:
    query = catalog.get(name)
    return store.read(query.text, query.bind(given)).rows


def redis_parser() -> str:
    """Which RESP parser the client uses: both sides of every ratio go through it."""
    from redis.utils import HIREDIS_AVAILABLE

    return "hiredis (C)" if HIREDIS_AVAILABLE else "pure Python"


def _round(shared: int, union: int) -> float:
    # Cypher's round() is half-up; Python's round() is half-even.
    return 0.0 if union == 0 else int(1000.0 * shared / union + 0.5) / 1000.0


class Baseline:
    """Fetch PURSUES and BROADER edges once, roll up and compare in Python."""

    def __init__(self, store: GraphStore) -> None:
        pursues = store.read(
            "MATCH (r:Region)-[:PURSUES]->(i:Industry) RETURN r.id AS r, i.id AS i"
        ).rows
        broader = store.read(
            "MATCH (a:Industry)-[:BROADER]->(b:Industry) RETURN a.id AS a, b.id AS b"
        ).rows
        industries = store.read("MATCH (i:Industry) RETURN i.id AS i").rows
        self.pursued: dict[str, set[str]] = defaultdict(set)
        for row in pursues:
            self.pursued[row["r"]].add(row["i"])
        self.up: dict[str, list[str]] = defaultdict(list)
        for row in broader:
            self.up[row["a"]].append(row["b"])
        self.depth = {row["i"]: self._depth(row["i"]) for row in industries}

    def _depth(self, node: str) -> int:
        frontier, seen, hops = [node], {node}, 0
        while frontier:
            if any(not self.up.get(n) for n in frontier):
                return hops
            frontier = [m for n in frontier for m in self.up[n] if m not in seen]
            seen.update(frontier)
            hops += 1
        return hops

    def _ancestors(self, node: str) -> set[str]:
        seen, stack = {node}, [node]
        while stack:
            for nxt in self.up.get(stack.pop(), []):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    def concepts(self, level: int | None) -> dict[str, set[str]]:
        rolled: dict[str, set[str]] = {}
        for industry in {i for items in self.pursued.values() for i in items}:
            if level is None or level >= self.depth[industry]:
                rolled[industry] = {industry}
            else:
                rolled[industry] = {t for t in self._ancestors(industry) if self.depth[t] == level}
        return {
            region: set().union(*(rolled[i] for i in items))
            for region, items in self.pursued.items()
        }

    def all_pairs(self, level: int | None) -> Pairs:
        """Every pair of regions that shares at least one industry (inverted index)."""
        sets = self.concepts(level)
        holders: dict[str, list[str]] = defaultdict(list)
        for region in sorted(sets):
            for concept in sets[region]:
                holders[concept].append(region)
        shared: dict[tuple[str, str], int] = defaultdict(int)
        for regions in holders.values():
            for pair in combinations(regions, 2):
                shared[pair] += 1
        return {
            (a, b): (n, _round(n, len(sets[a]) + len(sets[b]) - n)) for (a, b), n in shared.items()
        }

    def pairs(self, level: int | None, wanted: list[tuple[str, str]]) -> Pairs:
        sets = self.concepts(level)
        out: Pairs = {}
        for a, b in wanted:
            sa, sb = sets.get(a, set()), sets.get(b, set())
            n = len(sa & sb)
            out[(a, b)] = (n, _round(n, len(sa | sb)))
        return out


def _all_pairs(store: GraphStore, level: int | None) -> Pairs:
    return Baseline(store).all_pairs(level)


def _same(found: Pairs, expected: Pairs, what: str) -> None:
    if found.keys() != expected.keys():
        missing = sorted(set(expected) - set(found))[:3]
        extra = sorted(set(found) - set(expected))[:3]
        raise RuntimeError(f"{what}: pairs differ (missing {missing}, extra {extra})")
    for key, (n, j) in expected.items():
        fn, fj = found[key]
        if fn != n or abs(fj - j) > 0.0011:
            raise RuntimeError(f"{what}: {key} gives {found[key]} in Cypher, {(n, j)} in Python")


def _ship(store: GraphStore, row: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """``count`` copies of one answer row, computed by nothing: only sent and decoded."""
    names = list(row)
    given = {f"c{i}": row[name] for i, name in enumerate(names)}
    # Column names come from our own query's answer; the values travel as parameters.
    returned = ", ".join(f"$c{i} AS {name}" for i, name in enumerate(names))
    text = f"UNWIND range(1, $count) AS x RETURN {returned}"
    return store.read(text, {**given, "count": count}).rows


def overlap_speed(store: GraphStore, repeat: int = 3, sample_pairs: int = 100) -> dict[str, Any]:
    out: dict[str, Any] = {"target": "<= 0.5x", "redis_parser": redis_parser()}
    for level, list_shared in ((None, True), (0, True), (None, False)):
        rows, cypher_s = best_of(
            partial(
                named, store, "overlap_matrix", regions=[], level=level, list_shared=list_shared
            ),
            repeat,
        )
        expected, python_s = best_of(partial(_all_pairs, store, level), repeat)
        found = {(r["region_a"], r["region_b"]): (r["shared_count"], r["jaccard"]) for r in rows}
        _same(found, expected, f"overlap_matrix level={level}")
        # The floor of any answer of this size through this client: the same number of rows
        # of the same shape, nothing to compute on the server.
        shipped, ship_s = best_of(partial(_ship, store, rows[len(rows) // 2], len(rows)), repeat)
        if len(shipped) != len(rows):
            raise RuntimeError("the wire floor shipped a different number of rows")
        key = f"matrix_level_{level}" + ("" if list_shared else "_counts")
        out[key] = {
            "pairs": len(rows),
            "cypher_s": round(cypher_s, 3),
            "python_s": round(python_s, 3),
            "ratio": round(cypher_s / python_s, 2),
            "ship_s": round(ship_s, 3),
            "ship_ratio": round(ship_s / python_s, 2),
        }
    out.update(projection_speed(store, repeat))
    regions = sorted(r["id"] for r in store.read("MATCH (r:Region) RETURN r.id AS id").rows)
    rng = random.Random(5)
    wanted = [tuple(sorted(rng.sample(regions, 2))) for _ in range(sample_pairs)]
    pairs = [(a, b) for a, b in wanted]

    def run_pairs() -> Pairs:
        found: Pairs = {}
        for a, b in pairs:
            for row in named(store, "region_overlap", region_a=a, region_b=b, level=0):
                found[(a, b)] = (row["shared_count"], row["jaccard"])
        return found

    found, cypher_s = best_of(run_pairs, 1)
    expected, python_s = best_of(lambda: Baseline(store).pairs(0, pairs), 1)
    _same(found, expected, "region_overlap level=0")
    out["region_overlap_pairs"] = {
        "pairs": len(pairs),
        "cypher_s": round(cypher_s, 3),
        "python_s": round(python_s, 3),
        "ratio": round(cypher_s / python_s, 2),
    }
    return out


def projection_speed(store: GraphStore, repeat: int = 3) -> dict[str, Any]:
    """All pairs from the per-build projection (queries/projection.py) vs the Python baseline.

    The projection is read from the store once per build (timed apart, with the first answer
    of each level); every later answer asks the store for the build id (one small read, as
    the API does) and multiplies the kept matrices. *scores*: the same output as the
    baseline (pair -> shared count, Jaccard); *rows*: the whole answer of ``/overlaps``
    (names, set sizes and the shared industries of every pair).
    """
    kept = Projections()
    _, read_s = timed(lambda: kept.of(store))
    out: dict[str, Any] = {"projection_read_s": round(read_s, 3)}
    for level in (None, 0):
        first, first_s = timed(partial(lambda lv: kept.of(store).scores(level=lv), level))
        found, seconds = best_of(partial(lambda lv: kept.of(store).scores(level=lv), level), repeat)
        rows, rows_s = best_of(partial(lambda lv: kept.of(store).overlaps(level=lv), level), repeat)
        expected, python_s = best_of(partial(_all_pairs, store, level), repeat)
        _same(found, expected, f"projection level={level}")
        listed = {(r["region_a"], r["region_b"]): (r["shared_count"], r["jaccard"]) for r in rows}
        _same(listed, expected, f"projection rows level={level}")
        if found != first:
            raise RuntimeError("the projection answered differently the second time")
        out[f"projection_level_{level}"] = {
            "pairs": len(found),
            "projection_s": round(seconds, 4),
            "first_s": round(first_s, 4),
            "rows_s": round(rows_s, 4),
            "python_s": round(python_s, 4),
            "ratio": round(seconds / python_s, 3),
            "rows_ratio": round(rows_s / python_s, 3),
        }
    return out


def competition_speed(store: GraphStore, repeat: int = 3) -> dict[str, Any]:
    rows, cypher_s = best_of(lambda: named(store, "designation_competition", min_regions=1), repeat)

    def python() -> dict[str, tuple[int, list[str], list[str]]]:
        edges = store.read(
            "MATCH (r:Region)-[rel:SEEKS|HOLDS]->(d:Designation) "
            "RETURN d.id AS d, r.id AS r, type(rel) AS t"
        ).rows
        regions: dict[str, set[str]] = defaultdict(set)
        holds: dict[str, set[str]] = defaultdict(set)
        seeks: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            regions[e["d"]].add(e["r"])
            (holds if e["t"] == "HOLDS" else seeks)[e["d"]].add(e["r"])
        return {d: (len(rs), sorted(holds[d]), sorted(seeks[d])) for d, rs in regions.items()}

    expected, python_s = best_of(python, repeat)
    found = {
        r["designation"]: (r["region_count"], sorted(r["holders"]), sorted(r["seekers"]))
        for r in rows
    }
    if found != expected:
        raise RuntimeError("designation_competition: Cypher and Python answers differ")
    return {
        "designations": len(rows),
        "cypher_s": round(cypher_s, 3),
        "python_s": round(python_s, 3),
        "ratio": round(cypher_s / python_s, 2),
        "target": "<= 0.5x",
    }
