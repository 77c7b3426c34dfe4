"""A deterministic national graph in the project's own data format (docs/data-format.md).

The real gazetteer, taxonomy, designations (with their rounds) and organisations are copied
from ``data/`` without the real sources they cite (a round's ``sources``, a former name's
``sources`` and ``evidence``), since those sources are not in the synthetic corpus; the
sources and fact files are synthetic: one document per (seeded) press release about one
region, with a strategy, its initiatives, money, partners, designations sought or held and
an evidence span for every fact. Regions, industries, designations and companies are drawn
with a Zipf-like skew, so a few of each are very popular, as in the real press.

    python -m bench.generate --tier S --out DIR [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import tempfile
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ("regions.yaml", "industries.yaml", "designations.yaml", "organizations.yaml")


@dataclass(frozen=True)
class Tier:
    name: str
    initiatives: int
    companies: int


TIERS = {
    "T": Tier("T", 20, 10),  # tiny: for the unit test
    "S": Tier("S", 2_000, 1_000),
    "M": Tier("M", 20_000, 5_000),
    "L": Tier("L", 200_000, 20_000),
}

_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Company names: our own syllables; nothing here names a real firm.
_HEAD = (
    "한빛 새롬 미르 누리 가람 다온 라온 바른 온새 하람 "
    "은솔 푸른 해솔 도담 보람 아라 늘봄 큰별 솔빛 단비"
)
_TAIL = "테크 소재 에너지 모빌리티 로보틱스 바이오 정밀 시스템 케미칼 일렉트릭 에어로 파워"
_HEAD_EN = [
    "Hanbit",
    "Saerom",
    "Mir",
    "Nuri",
    "Garam",
    "Daon",
    "Raon",
    "Bareun",
    "Onsae",
    "Haram",
    "Eunsol",
    "Pureun",
    "Haesol",
    "Dodam",
    "Boram",
    "Ara",
    "Neulbom",
    "Keunbyeol",
    "Solbit",
    "Danbi",
]
_TAIL_EN = [
    "Tech",
    "Materials",
    "Energy",
    "Mobility",
    "Robotics",
    "Bio",
    "Precision",
    "Systems",
    "Chemical",
    "Electric",
    "Aero",
    "Power",
]
_KINDS = ("program", "project", "complex", "facility", "fund", "study", "event")
_KIND_KO = {
    "program": "지원사업",
    "project": "실증사업",
    "complex": "특화단지",
    "facility": "지원센터",
    "fund": "펀드",
    "study": "기본계획 수립",
    "event": "박람회",
}
_MINISTRIES = ("motie", "msit", "mss", "molit", "me", "mafra", "mnd")
_ROLES = ("operator", "partner", "tenant", "researcher", "supporter")
_STATUS = ("planned", "in_progress", "completed")


class Zipf:
    """Draws index k (0-based) with probability proportional to 1 / (k + 1) ** s."""

    def __init__(self, n: int, s: float) -> None:
        self.cum = list(accumulate(1.0 / (k + 1) ** s for k in range(n)))

    def draw(self, rng: random.Random) -> int:
        return min(bisect_left(self.cum, rng.random() * self.cum[-1]), len(self.cum) - 1)


def won_text(krw: int) -> str:
    """Korean wording of an amount, as the press writes it: 1조 500억 원, 305억원, 50억 원."""
    jo, rest = divmod(krw, 10**12)
    eok = rest // 10**8
    parts = [f"{jo}조"] if jo else []
    if eok:
        parts.append(f"{eok:,}억")
    return " ".join(parts) + " 원"


def _short(name_ko: str) -> str:
    for suffix in ("특별자치도", "특별자치시", "특별시", "광역시", "도", "시", "군", "구"):
        if name_ko.endswith(suffix) and len(name_ko) > len(suffix) + 1:
            return name_ko[: -len(suffix)]
    return name_ko


def _evidence(*parts: str) -> str:
    return " ".join(parts)[:40].strip()


class Generator:
    """Builds the fact files of one tier; everything follows from ``seed``."""

    def __init__(self, tier: Tier, seed: int = 7, data_dir: Path | None = None) -> None:
        self.tier = tier
        self.seed = seed
        self.data_dir = data_dir or ROOT / "data"
        ref = {name: self._read(name) for name in REFERENCE}
        self.regions = [r for r in ref["regions.yaml"]["regions"] if r.get("valid_to") is None]
        self.by_region = {r["id"]: r for r in self.regions}
        self.children: dict[str, list[str]] = {}
        for region in self.regions:
            if region.get("parent"):
                self.children.setdefault(region["parent"], []).append(region["id"])
        self.industries = ref["industries.yaml"]["industries"]
        schemes = ref["designations.yaml"]["designations"]
        self.designations = [d["id"] for d in schemes]
        # Rounds as the bids see them: (round id, announced, decided or None).
        self.rounds = [
            (r["id"], str(r.get("announced") or r["year"]), r.get("decided"))
            for d in schemes
            for r in d.get("rounds") or []
        ]
        self.known_orgs = {o["id"] for o in ref["organizations.yaml"]["organizations"]}
        rng = random.Random(seed)
        # Popularity order is a seeded shuffle; the Zipf draw then favours the first few.
        self.region_order = [r["id"] for r in self.regions]
        rng.shuffle(self.region_order)
        self.industry_order = [i["id"] for i in self.industries]
        rng.shuffle(self.industry_order)
        self.designation_order = list(self.designations)
        rng.shuffle(self.designation_order)
        self.region_zipf = Zipf(len(self.region_order), 1.0)
        self.industry_zipf = Zipf(len(self.industry_order), 1.1)
        self.designation_zipf = Zipf(len(self.designation_order), 0.9)
        self.company_zipf = Zipf(tier.companies, 0.8)
        self.industry = {i["id"]: i for i in self.industries}
        self.companies = [self._company(c, rng) for c in range(tier.companies)]

    def _read(self, name: str) -> Any:
        return yaml.load((self.data_dir / name).read_text(encoding="utf-8"), Loader=_LOADER)

    def _company(self, c: int, rng: random.Random) -> dict[str, Any]:
        heads, tails = _HEAD.split(), _TAIL.split()
        h, t = c % len(heads), (c // len(heads)) % len(tails)
        lap = c // (len(heads) * len(tails))
        suffix = f" {lap + 1}" if lap else ""
        region = self.region_order[self.region_zipf.draw(rng)]
        return {
            "label": "Organization",
            "id": f"company-{c + 1:05d}",
            "name_ko": f"{heads[h]}{tails[t]}{suffix}",
            "name_en": f"{_HEAD_EN[h]} {_TAIL_EN[t]}{suffix}",
            "aliases": [],
            "kind": "company",
            "region": region,
        }

    # -- documents -----------------------------------------------------------------------

    def documents(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(source entry, facts file) pairs until the tier's initiative count is reached."""
        rng = random.Random(self.seed * 1_000_003 + 1)
        out: list[tuple[dict[str, Any], dict[str, Any]]] = []
        made = 0
        doc = 0
        while made < self.tier.initiatives:
            count = min(rng.randint(5, 15), self.tier.initiatives - made)
            out.append(self._document(doc, made, count, rng))
            made += count
            doc += 1
        return out

    def _pick_company(self, n: int, rng: random.Random) -> dict[str, Any]:
        # The first pass gives every company at least one initiative, so tier counts are exact.
        if n < len(self.companies):
            return self.companies[n]
        return self.companies[self.company_zipf.draw(rng)]

    def _document(
        self, doc: int, first: int, count: int, rng: random.Random
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        region_id = self.region_order[self.region_zipf.draw(rng)]
        region = self.by_region[region_id]
        short = _short(region["name_ko"])
        year = 2018 + rng.randint(0, 7)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        source_id = f"synth-{doc + 1:06d}"
        source = {
            "id": source_id,
            "name_ko": f"{region['name_ko']} 신산업 육성 계획 발표 ({doc + 1})",
            "name_en": f"{region['name_en']} announces new-industry plan ({doc + 1})",
            "publisher": "합성 뉴스 / synthetic news",
            "published": published,
            "kind": rng.choice(("press_release", "online_news", "newspaper")),
            "file": f"{source_id}.txt",
            "regions": [region_id],
        }
        main = sorted({self.industry_order[self.industry_zipf.draw(rng)] for _ in range(3)})
        strategy_id = f"strategy-{doc + 1:06d}"
        names = [self.industry[i]["name_ko"] for i in main]
        nodes: list[dict[str, Any]] = [
            {
                "label": "Strategy",
                "id": strategy_id,
                "name_ko": f"{short} {'·'.join(names)} 육성 전략 {year}",
                "name_en": f"{region['name_en']} strategy {year} ({doc + 1})",
                "aliases": [],
                "announced": published[:7],
                "period_start": str(year),
                "period_end": str(year + rng.randint(2, 8)),
            }
        ]
        facts: list[dict[str, Any]] = [
            self._fact(
                "ADOPTS",
                f"Region:{region_id}",
                f"Strategy:{strategy_id}",
                _evidence(short, "미래 먹거리 전략 발표"),
            ),
        ]
        for ind in main:
            facts.append(
                self._fact(
                    "TARGETS",
                    f"Strategy:{strategy_id}",
                    f"Industry:{ind}",
                    _evidence(short, self.industry[ind]["name_ko"], "집중 육성"),
                )
            )
        companies: dict[str, dict[str, Any]] = {}
        for n in range(first, first + count):
            self._initiative(
                n, region_id, short, strategy_id, main, year, rng, nodes, facts, companies
            )
        for company in companies.values():
            nodes.append(company)
        if rng.random() < 0.35:
            facts.extend(self._bid(doc, region_id, short, year, rng))
        if rng.random() < 0.1:
            other = self.region_order[self.region_zipf.draw(rng)]
            if other != region_id:
                facts.append(
                    self._fact(
                        "COOPERATES_WITH",
                        f"Region:{region_id}",
                        f"Region:{other}",
                        _evidence(short, "초광역 협력 협약"),
                    )
                )
        return source, {"source": source_id, "nodes": nodes, "facts": facts}

    def _bid(
        self, doc: int, region_id: str, short: str, year: int, rng: random.Random
    ) -> list[dict[str, Any]]:
        """A bid as the data format writes it: SEEKS a round (filed date, outcome when the
        round is decided) and HOLDS it for a win; a scheme without rounds is sought by year."""
        designation = self.designation_order[self.designation_zipf.draw(rng)]
        if not self.rounds or rng.random() < 0.2:
            return [
                self._fact(
                    "SEEKS",
                    f"Region:{region_id}",
                    f"Designation:{designation}",
                    _evidence(short, "지정 유치 추진"),
                    target_year=str(year + rng.randint(0, 3)),
                )
            ]
        round_id, announced, decided = self.rounds[rng.randrange(len(self.rounds))]
        target = f"DesignationRound:{round_id}"
        bid = f"{round_id}-synth-{doc + 1:06d}"
        seeks: dict[str, Any] = {"date": announced[:7], "bid": bid}
        if decided is None:
            seeks["outcome"] = "pending"
            return [
                self._fact(
                    "SEEKS", f"Region:{region_id}", target, _evidence(short, "공모 신청"), **seeks
                )
            ]
        won = rng.random() < 0.4
        seeks["outcome"] = "designated" if won else "not_selected"
        seeks["decided"] = str(decided)
        out = [
            self._fact(
                "SEEKS",
                f"Region:{region_id}",
                target,
                _evidence(short, "공모 신청 결과 발표"),
                **seeks,
            )
        ]
        if won:
            out.append(
                self._fact(
                    "HOLDS",
                    f"Region:{region_id}",
                    target,
                    _evidence(short, "특화단지 지정 완료"),
                    since=str(decided),
                    bid=bid,
                )
            )
        return out

    def _initiative(
        self,
        n: int,
        region_id: str,
        short: str,
        strategy_id: str,
        main: Sequence[str],
        year: int,
        rng: random.Random,
        nodes: list[dict[str, Any]],
        facts: list[dict[str, Any]],
        companies: dict[str, dict[str, Any]],
    ) -> None:
        kind = rng.choice(_KINDS)
        industry = (
            main[rng.randrange(len(main))]
            if rng.random() < 0.8
            else (self.industry_order[self.industry_zipf.draw(rng)])
        )
        ind_ko = self.industry[industry]["name_ko"]
        init_id = f"initiative-{n + 1:06d}"
        budget = rng.choice((5, 10, 30, 50, 120, 305, 500, 1050, 3000, 10500)) * 10**8
        node: dict[str, Any] = {
            "label": "Initiative",
            "id": init_id,
            "name_ko": f"{short} {ind_ko} {_KIND_KO[kind]} {n + 1}",
            "name_en": f"{self.by_region[region_id]['name_en']} {industry} {kind} {n + 1}",
            "aliases": [],
            "kind": kind,
            "start": str(year + rng.randint(0, 2)),
            "end": str(year + rng.randint(3, 6)),
            "status": rng.choice(_STATUS),
            "budget_krw": budget,
            "budget_text": won_text(budget),
        }
        nodes.append(node)
        ref = f"Initiative:{init_id}"
        facts.append(
            self._fact(
                "INCLUDES", f"Strategy:{strategy_id}", ref, _evidence(short, node["name_ko"])
            )
        )
        facts.append(
            self._fact(
                "TARGETS", ref, f"Industry:{industry}", _evidence(ind_ko, _KIND_KO[kind], "추진")
            )
        )
        place = region_id
        kids = self.children.get(region_id)
        if kids and rng.random() < 0.6:
            place = kids[rng.randrange(len(kids))]
        facts.append(
            self._fact(
                "LOCATED_IN",
                ref,
                f"Region:{place}",
                _evidence(_short(self.by_region[place]["name_ko"]), "일원에 조성"),
            )
        )
        national = budget * rng.choice((5, 6, 7)) // 10
        ministry = _MINISTRIES[rng.randrange(len(_MINISTRIES))]
        facts.append(
            self._fact(
                "FUNDED_BY",
                ref,
                f"Organization:{ministry}",
                _evidence("국비", won_text(national), "확보"),
                basis="national",
                amount_krw=national,
                amount_text=won_text(national),
            )
        )
        gov = f"gov-{region_id}"
        if gov in self.known_orgs and rng.random() < 0.7:
            local = budget - national
            basis = "municipal" if self.by_region[region_id].get("parent") else "provincial"
            facts.append(
                self._fact(
                    "FUNDED_BY",
                    ref,
                    f"Organization:{gov}",
                    _evidence("지방비", won_text(local), "투입"),
                    basis=basis,
                    amount_krw=local,
                    amount_text=won_text(local),
                )
            )
        for k in range(rng.randint(1, 3)):
            company = self._pick_company(n if k == 0 else len(self.companies), rng)
            companies[company["id"]] = company
            cref = f"Organization:{company['id']}"
            role = _ROLES[rng.randrange(len(_ROLES))]
            facts.append(
                self._fact(
                    "PARTICIPATES_IN", cref, ref, _evidence(company["name_ko"], "참여"), role=role
                )
            )
            if rng.random() < 0.15:
                amount = rng.choice((20, 50, 100, 300, 1000, 5000)) * 10**8
                facts.append(
                    self._fact(
                        "INVESTS_IN",
                        cref,
                        ref,
                        _evidence(company["name_ko"], won_text(amount), "투자"),
                        amount_krw=amount,
                        amount_text=won_text(amount),
                        date=str(year),
                    )
                )
        if kind == "complex" and rng.random() < 0.2:
            designation = self.designation_order[self.designation_zipf.draw(rng)]
            facts.append(
                self._fact(
                    "DESIGNATED_AS",
                    ref,
                    f"Designation:{designation}",
                    _evidence(node["name_ko"], "지정"),
                    since=str(year),
                )
            )

    @staticmethod
    def _fact(rel: str, start: str, end: str, evidence: str, **props: Any) -> dict[str, Any]:
        return {"rel": rel, "from": start, "to": end, **props, "evidence": evidence}

    # -- output --------------------------------------------------------------------------

    def write(self, out: Path) -> dict[str, int]:
        """Write a complete data directory at ``out`` (replaced whole); returns counts."""
        out = out.resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        try:
            for name in REFERENCE:
                _dump(tmp / name, _uncited(self._read(name)))
            (tmp / "facts").mkdir()
            docs = self.documents()
            sources = [source for source, _ in docs]
            _dump(tmp / "sources.yaml", {"sources": sources})
            facts = 0
            for source, body in docs:
                _dump(tmp / "facts" / f"{source['id']}.yaml", body)
                facts += len(body["facts"])
            if out.exists():
                shutil.rmtree(out)
            tmp.rename(out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return {
            "documents": len(docs),
            "initiatives": self.tier.initiatives,
            "companies": self.tier.companies,
            "facts": facts,
        }


def _uncited(data: Any) -> Any:
    """``data`` without the citations of real sources: every mapping that lists ``sources``
    loses them and the ``evidence`` quoted from them (they come as a pair)."""
    if isinstance(data, dict):
        cited = "sources" in data
        return {
            key: _uncited(value)
            for key, value in data.items()
            if not (cited and key in ("sources", "evidence"))
        }
    if isinstance(data, list):
        return [_uncited(item) for item in data]
    return data


def _dump(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def tree_hash(root: Path) -> str:
    """One digest over every file's relative path and bytes (for the determinism test)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def generate(tier: str, out: Path, seed: int = 7) -> dict[str, int]:
    if tier not in TIERS:
        raise SystemExit(f"unknown tier {tier!r}: choose one of {', '.join(TIERS)}")
    return Generator(TIERS[tier], seed).write(out)


def main() -> None:
    parser = argparse.ArgumentParser(description="synthetic national graph (data files)")
    parser.add_argument("--tier", default="S", choices=sorted(TIERS))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    counts = generate(args.tier, args.out, args.seed)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
