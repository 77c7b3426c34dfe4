"""The per-build analytics projection: region x industry incidence as sparse matrices.

Graph products project a graph into memory for whole-graph analytics (Neo4j GDS does); this
is ours. It is read once per build from the store (either backend) with the named query
``analytics_projection`` and kept until the build id changes. Overlap of all pairs and of a
list of regions comes from a matrix product (shared counts = X Xᵀ, X the region x concept
incidence rolled up to a taxonomy level), complementarity from the segment sets. The named
Cypher queries stay for analysts and give the same pairs, counts and scores
(tests/queries/test_projection.py).
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import scipy.sparse as sp

from queries import catalog
from queries.kept import PerBuild
from queries.store import GraphStore

Row = dict[str, Any]


def _jaccard(shared: int, union: int) -> float:
    # Cypher's round() is half-up: round(1000.0 * s / u) / 1000.0 in the named queries.
    return 0.0 if union == 0 else math.floor(1000.0 * shared / union + 0.5) / 1000.0


def period_end(as_of: str) -> str:
    """The last day of a YYYY, YYYY-MM or YYYY-MM-DD period, compared as text (as in Cypher)."""
    if len(as_of) == 4:
        return as_of + "-12-31"
    if len(as_of) == 7:
        return as_of + "-31"
    return as_of


@dataclass
class Projection:
    """One build's regions, industries and PURSUES edges, with the matrices made from them."""

    build: str | None
    regions: list[str]
    region_names: dict[str, tuple[str | None, str | None]]
    industries: list[str]
    industry_names: dict[str, tuple[str | None, str | None]]
    segment: set[str]
    broader: dict[str, list[str]]
    #: Per region, its PURSUES edges: (industry, since, evidence, sources).
    pursues: dict[str, list[tuple[str, str | None, Any, Any]]]
    #: Designation rounds x places that bid for or hold them (competition); None when not read.
    rounds: RoundMatrix | None = None
    #: Per designation: its names, SEEKS/HOLDS edges and designated initiatives (competition).
    designations: list[Row] = field(default_factory=list)
    _rolled: dict[Any, tuple[sp.csr_matrix, list[frozenset[str]]]] = field(
        default_factory=dict, repr=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self._region_ids = np.array(self.regions, dtype=object)
        self._industry_ids = np.array(self.industries, dtype=object)
        self._region_ko = [self.region_names[r][0] for r in self.regions]
        self._region_en = [self.region_names[r][1] for r in self.regions]

    @classmethod
    def read(cls, store: GraphStore, build: str | None) -> Projection:
        query = catalog.get("analytics_projection")
        rows = store.read(query.text, query.bind({})).rows
        scheme = catalog.get("competition_projection")
        regions, industries = [], []
        region_names, industry_names = {}, {}
        segment: set[str] = set()
        broader: dict[str, list[str]] = {}
        pursues: dict[str, list[tuple[str, str | None, Any, Any]]] = {}
        for row in rows:
            key = row["id"]
            if row["label"] == "Region":
                regions.append(key)
                region_names[key] = (row["name_ko"], row["name_en"])
                pursues[key] = [
                    (p["industry"], p.get("since"), p.get("evidence"), p.get("sources"))
                    for p in row["pursues"]
                ]
            else:
                industries.append(key)
                industry_names[key] = (row["name_ko"], row["name_en"])
                broader[key] = list(row["broader"])
                if row["segment"] is True:
                    segment.add(key)
        return cls(
            build=build,
            regions=sorted(regions),
            region_names=region_names,
            industries=sorted(industries),
            industry_names=industry_names,
            segment=segment,
            broader=broader,
            pursues=pursues,
            rounds=RoundMatrix.read(store),
            designations=store.read(scheme.text, scheme.bind({})).rows,
        )

    # -- taxonomy ------------------------------------------------------------------------

    def _depths(self) -> dict[str, int | None]:
        """Shortest BROADER distance to a top-level industry (within 6 hops, as in Cypher)."""
        depth: dict[str, int | None] = {}
        for start in self.industries:
            frontier, seen, hops, found = [start], {start}, 0, None
            while frontier and hops <= 6:
                if any(not self.broader.get(n) for n in frontier):
                    found = hops
                    break
                frontier = [m for n in frontier for m in self.broader.get(n, []) if m not in seen]
                seen.update(frontier)
                hops += 1
            depth[start] = found
        return depth

    def _ancestors(self, node: str) -> set[str]:
        """The industry and every broader one within 6 hops."""
        seen, frontier = {node}, [node]
        for _ in range(6):
            frontier = [m for n in frontier for m in self.broader.get(n, []) if m not in seen]
            seen.update(frontier)
        return seen

    def rollup(self, level: int | None) -> dict[str, list[str]]:
        """Each industry's concepts at ``level``: itself when it is at or above that depth."""
        if level is None:
            return {i: [i] for i in self.industries}
        depth = self._depths()
        out: dict[str, list[str]] = {}
        for i in self.industries:
            own = depth[i]
            if own is not None and level >= own:
                out[i] = [i]
            else:
                out[i] = sorted(t for t in self._ancestors(i) if depth[t] == level)
        return out

    # -- matrices ------------------------------------------------------------------------

    def concepts(self, level: int | None, as_of: str | None) -> sp.csr_matrix:
        """X: regions x industries, 1 where the region pursues the concept at ``level``."""
        return self._incidence(level, as_of)[0]

    def _incidence(
        self, level: int | None, as_of: str | None
    ) -> tuple[sp.csr_matrix, list[frozenset[str]]]:
        key = (level, as_of)
        with self._lock:
            found = self._rolled.get(key)
        if found is not None:
            return found
        col = {industry: k for k, industry in enumerate(self.industries)}
        end = None if as_of is None else period_end(as_of)
        rows, cols = [], []
        for r, region in enumerate(self.regions):
            for industry, since, _, _ in self.pursues.get(region, []):
                if end is not None and (since is None or (since + "-01-01")[:10] > end):
                    continue
                rows.append(r)
                cols.append(col[industry])
        shape = (len(self.regions), len(self.industries))
        pursued = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape)
        up = self.rollup(level)
        r_rows = [col[i] for i in self.industries for _ in up[i]]
        r_cols = [col[t] for i in self.industries for t in up[i]]
        square = (len(self.industries), len(self.industries))
        roll = sp.csr_matrix((np.ones(len(r_rows), dtype=np.int32), (r_rows, r_cols)), shape=square)
        x = (pursued @ roll).astype(bool).astype(np.int32).tocsr()
        x.sort_indices()
        sets = [
            frozenset(self.industries[c] for c in x.indices[x.indptr[r] : x.indptr[r + 1]])
            for r in range(len(self.regions))
        ]
        with self._lock:
            self._rolled[key] = (x, sets)
        return x, sets

    # -- answers -------------------------------------------------------------------------

    def scores(
        self, level: int | None = None, as_of: str | None = None
    ) -> dict[tuple[str, str], tuple[int, float]]:
        """(region a, region b) -> (shared count, Jaccard) of every pair sharing something:
        the matrix product alone, without the answer rows' names and shared lists."""
        a, b, n, _, _, jaccard = self._pairs(None, level, 0, as_of)
        ids = self._region_ids
        return dict(
            zip(
                zip(ids[a].tolist(), ids[b].tolist(), strict=True),
                zip(n.tolist(), jaccard.tolist(), strict=True),
                strict=True,
            )
        )

    def overlaps(
        self,
        regions: list[str] | None = None,
        level: int | None = None,
        min_shared: int = 0,
        list_shared: bool = True,
        as_of: str | None = None,
    ) -> list[Row]:
        """The rows of the named query ``overlap_matrix`` for the same parameters."""
        x, _ = self._incidence(level, as_of)
        a, b, n, na, nb, jaccard = self._pairs(regions, level, min_shared, as_of)
        if list_shared and len(a):
            both = x[a].multiply(x[b]).tocsr()
            both.sort_indices()
            ids = self._industry_ids[both.indices].tolist()
            ptr = both.indptr.tolist()
            shared_ids = [ids[ptr[k] : ptr[k + 1]] for k in range(len(a))]
        else:
            shared_ids = [[] for _ in range(len(a))]
        ids_a, ids_b = self._region_ids[a].tolist(), self._region_ids[b].tolist()
        ko, en = self._region_ko, self._region_en
        return [
            {
                "region_a": ra,
                "region_b": rb,
                "name_ko_a": ko[i],
                "name_ko_b": ko[j],
                "name_en_a": en[i],
                "name_en_b": en[j],
                "industries_a": sa,
                "industries_b": sb,
                "shared_count": count,
                "jaccard": score,
                "shared": common,
            }
            for ra, rb, i, j, sa, sb, count, score, common in zip(
                ids_a,
                ids_b,
                a.tolist(),
                b.tolist(),
                na.tolist(),
                nb.tolist(),
                n.tolist(),
                jaccard.tolist(),
                shared_ids,
                strict=True,
            )
        ]

    def _pairs(
        self, regions: list[str] | None, level: int | None, min_shared: int, as_of: str | None
    ) -> tuple[Any, ...]:
        """Index arrays (a, b), shared counts, set sizes and Jaccard scores, in answer order."""
        x, _ = self._incidence(level, as_of)
        sizes = np.asarray(x.sum(axis=1)).ravel()
        index = {region: k for k, region in enumerate(self.regions)}
        if regions:
            # Every pair among the listed regions, sharing nothing included (a few regions).
            listed = np.array(sorted({index[r] for r in regions if r in index}), dtype=np.int64)
            shared = (x[listed] @ x[listed].T).toarray()
            ia, ib = np.triu_indices(len(listed), k=1)
            a, b, n = listed[ia], listed[ib], shared[ia, ib].astype(np.int64)
        else:
            # Pairs that share something: the upper triangle of X Xᵀ.
            upper = sp.triu(x @ x.T, k=1).tocoo()
            nonzero = upper.data > 0
            a, b = upper.row[nonzero].astype(np.int64), upper.col[nonzero].astype(np.int64)
            n = upper.data[nonzero]
        keep = n >= (min_shared or 0)
        a, b, n = a[keep], b[keep], n[keep].astype(np.int64)
        na, nb = sizes[a].astype(np.int64), sizes[b].astype(np.int64)
        union = na + nb - n
        safe = np.where(union == 0, 1, union)
        # Cypher's round() is half-up: round(1000.0 * s / u) / 1000.0 in the named queries.
        jaccard = np.where(union == 0, 0.0, np.floor(1000.0 * n / safe + 0.5) / 1000.0)
        # Region indexes follow the ids' order, so this is ORDER BY jaccard DESC, a, b.
        order = np.lexsort((b, a, -jaccard))
        a, b, n, na, nb, jaccard = (
            a[order],
            b[order],
            n[order],
            na[order],
            nb[order],
            jaccard[order],
        )
        return a, b, n, na, nb, jaccard

    def similar(self, region: str, level: int | None = None, top: int = 10) -> list[Row]:
        """The regions most similar to ``region`` by Jaccard score (one row of X Xᵀ)."""
        rows = [r for r in self.overlaps(level=level) if region in (r["region_a"], r["region_b"])]
        return rows[:top]

    def complementarity(
        self, industry: str | None = None, region: str | None = None, strict: bool = True
    ) -> list[Row]:
        """The rows of the named query ``complementarity`` for the same parameters."""
        sides: dict[str, dict[str, list[tuple[str, Any, Any]]]] = defaultdict(dict)
        for r in self.regions:
            for seg, _, evidence, sources in sorted(self.pursues.get(r, []), key=lambda p: p[0]):
                if seg not in self.segment:
                    continue
                for parent in self.broader.get(seg, []):
                    if industry is None or parent == industry:
                        sides[parent].setdefault(r, []).append((seg, evidence, sources))
        out: list[Row] = []
        for parent, by_region in sides.items():
            for ra, rb in combinations(sorted(by_region), 2):
                if region is not None and region not in (ra, rb):
                    continue
                ia = _unique(s for s, _, _ in by_region[ra])
                ib = _unique(s for s, _, _ in by_region[rb])
                common = [s for s in ia if s in ib]
                only_a = [s for s in ia if s not in ib]
                only_b = [s for s in ib if s not in ia]
                if not ((only_a and only_b) or (not strict and only_a + only_b)):
                    continue
                total = len(common) + len(only_a) + len(only_b)
                out.append(
                    {
                        "industry": parent,
                        "name_ko": self.industry_names[parent][0],
                        "name_en": self.industry_names[parent][1],
                        "region_a": ra,
                        "name_ko_a": self.region_names[ra][0],
                        "name_en_a": self.region_names[ra][1],
                        "region_b": rb,
                        "name_ko_b": self.region_names[rb][0],
                        "name_en_b": self.region_names[rb][1],
                        "segments_a": [self._named(s) for s in ia],
                        "segments_b": [self._named(s) for s in ib],
                        "common": common,
                        "only_a": only_a,
                        "only_b": only_b,
                        "score": _jaccard(len(only_a) + len(only_b), total),
                        "evidence": {"a": _proof(by_region[ra]), "b": _proof(by_region[rb])},
                    }
                )
        out.sort(key=lambda r: (-r["score"], r["industry"], r["region_a"], r["region_b"]))
        return out

    def competition(
        self,
        designation: str | None = None,
        min_regions: int = 2,
        rivals_only: bool = False,
        as_of: str | None = None,
    ) -> list[Row]:
        """The rows of the named query ``designation_competition`` for the same parameters
        (rounds and rivals in round id then place order)."""
        at = None if as_of is None else period_end(as_of)
        out: list[Row] = []
        for row in self.designations:
            if designation is not None and row["designation"] != designation:
                continue
            edges = [e for e in row["edges"] if at is None or _live(e, at)]
            places = _unique(e["region"] for e in edges)
            if not edges or len(places) < min_regions:
                continue
            rounds = self.rounds.rounds_of(row["designation"], as_of) if self.rounds else []
            rivals = self.rounds.rivals(row["designation"], as_of) if self.rounds else []
            if rivals_only and not rivals:
                continue
            out.append(
                {
                    "designation": row["designation"],
                    "name_ko": row["name_ko"],
                    "name_en": row["name_en"],
                    "authority": row["authority"],
                    "region_count": len(places),
                    "holders": _unique(e["region"] for e in edges if e["status"] == "holds"),
                    "seekers": _unique(e["region"] for e in edges if e["status"] == "seeks"),
                    "regions": [
                        {k: v for k, v in e.items() if k not in ("until", "began")} for e in edges
                    ],
                    "initiatives": row["initiatives"],
                    "rounds": rounds,
                    "rivals": rivals,
                }
            )
        out.sort(key=lambda r: (-r["region_count"], r["designation"]))
        return out

    def _named(self, industry: str) -> Row:
        ko, en = self.industry_names[industry]
        return {"id": industry, "name_ko": ko, "name_en": en}


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))


def _proof(items: list[tuple[str, Any, Any]]) -> list[Row]:
    seen: list[Row] = []
    for seg, evidence, sources in items:
        entry = {"segment": seg, "evidence": evidence, "sources": sources}
        if entry not in seen:
            seen.append(entry)
    return seen


@dataclass
class RoundMatrix:
    """Designation rounds x places: which place bid for (or holds) which round, in which bid
    and from when, with the regions each place lies in. Rivals of a round are two places in
    different bids (partners share ``bid``), neither lying in the other: the pairs of a row of
    the incidence matrix, less the containment matrix and the same-bid pairs."""

    designation_rounds: dict[str, list[str]]
    round_ids: list[str]
    places: list[str]
    #: rounds x places, the bid's start date (text) stored by position in ``began``.
    incidence: sp.csr_matrix
    bids: dict[tuple[int, int], str]
    began: dict[tuple[int, int], str | None]
    #: places x places: 1 where one lies in the other (either way).
    contains: sp.csr_matrix

    @classmethod
    def read(cls, store: GraphStore) -> RoundMatrix:
        query = catalog.get("round_bids")
        rows = store.read(query.text, query.bind({})).rows
        designation_rounds: dict[str, list[str]] = {}
        round_ids: list[str] = []
        places = sorted({r["region"] for r in rows if r["region"] is not None})
        column = {p: k for k, p in enumerate(places)}
        entries: list[tuple[int, int]] = []
        bids: dict[tuple[int, int], str] = {}
        began: dict[tuple[int, int], str | None] = {}
        within: dict[str, list[str]] = {}
        row_of: dict[str, int] = {}
        for r in rows:
            if r["round"] not in row_of:
                row_of[r["round"]] = len(round_ids)
                round_ids.append(r["round"])
                designation_rounds.setdefault(r["designation"], []).append(r["round"])
            if r["region"] is None:
                continue
            cell = (row_of[r["round"]], column[r["region"]])
            entries.append(cell)
            bids[cell] = r["bid"]
            began[cell] = r["began"]
            within[r["region"]] = list(r["within"] or [])
        incidence = sp.csr_matrix(
            (np.ones(len(entries)), ([e[0] for e in entries], [e[1] for e in entries])),
            shape=(len(round_ids), len(places)),
        )
        pairs = [(column[p], column[u]) for p, ups in within.items() for u in ups if u in column]
        up = sp.csr_matrix(
            (np.ones(len(pairs)), ([a for a, _ in pairs], [b for _, b in pairs])),
            shape=(len(places), len(places)),
        )
        return cls(
            designation_rounds=designation_rounds,
            round_ids=round_ids,
            places=places,
            incidence=incidence,
            bids=bids,
            began=began,
            contains=((up + up.T) > 0).tocsr(),
        )

    def rivals(self, designation: str, as_of: str | None = None) -> list[Row]:
        """The rival pairs of the designation's rounds (as of the end of ``as_of``: bids that
        began by then), per round by round id, then by place ids."""
        at = None if as_of is None else period_end(as_of)
        out: list[Row] = []
        index = {r: k for k, r in enumerate(self.round_ids)}
        for round_id in self.designation_rounds.get(designation, []):
            k = index[round_id]
            cols = self.incidence.indices[self.incidence.indptr[k] : self.incidence.indptr[k + 1]]
            live = sorted(
                (int(c) for c in cols if at is None or _began_by(self.began[(k, int(c))], at)),
                key=lambda c: self.places[c],
            )
            for a, b in combinations(live, 2):
                if self.bids[(k, a)] == self.bids[(k, b)] or self.contains[a, b]:
                    continue
                out.append({"round": round_id, "a": self.places[a], "b": self.places[b]})
        return out

    def rounds_of(self, designation: str, as_of: str | None = None) -> list[str]:
        """The designation's rounds; as of a date, those nobody bid for or with a bid begun
        by then (as designation_competition lists them)."""
        at = None if as_of is None else period_end(as_of)
        index = {r: k for k, r in enumerate(self.round_ids)}
        out = []
        for round_id in self.designation_rounds.get(designation, []):
            k = index[round_id]
            cols = self.incidence.indices[self.incidence.indptr[k] : self.incidence.indptr[k + 1]]
            if (
                at is None
                or not len(cols)
                or any(_began_by(self.began[(k, int(c))], at) for c in cols)
            ):
                out.append(round_id)
        return out


def _live(edge: Row, at: str) -> bool:
    """A SEEKS/HOLDS edge counts at ``at`` from its start until the end of its ``until``."""
    until = edge.get("until")
    return _began_by(edge.get("began"), at) and (until is None or period_end(until) >= at)


def _began_by(began: str | None, at: str) -> bool:
    # As in Cypher: left(began + '-01-01', 10) <= at; a null start never counts.
    return began is not None and (began + "-01-01")[:10] <= at


class Projections(PerBuild[Projection]):
    """The projection of the live build, per store; read again on a new build id. A graph
    without a build id (loaded by other means) is read on every call."""

    def __init__(self) -> None:
        super().__init__(Projection.read)

    def of(self, store: GraphStore, build_id: str | None = None) -> Projection:
        kept = super().of(store, build_id)
        return kept if kept is not None else Projection.read(store, None)


#: The process's projections (the API and the CLI share it).
projections = Projections()
