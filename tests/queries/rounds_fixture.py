"""A small data folder of designation rounds and bids, written by us for the as-of and
competition tests (the places are real gazetteer entries; the bids, dates and sentences are
made up and say so in their sources).

What it holds, and what the tests read from it:
- 2023 battery round (decided 2023-07-20): Jeonbuk and its area Saemangeum file one joint
  bid and win; Pohang wins while its province Gyeongbuk, in a bid of its own, loses; Ulsan
  and Cheongju win; Daegu loses. Rivals are never nested (Jeonbuk/Saemangeum,
  Gyeongbuk/Pohang) nor partners of one bid.
- 2019 hydrogen pilot round (decided 2019-12-05): Jeonju and Wanju win jointly (winners only,
  no SEEKS), Ansan wins, Samcheok loses.
- 2025 battery call: Gimje has applied (2025-04), nothing decided.
- PURSUES with mixed precision: Gimje AI since 2020-01-30, Gumi battery since 2020, Jeonbuk
  battery since 2021-03 (Jeonju hydrogen since 2020-01-30 too, but its 2019 win counts first).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]

SOURCES = [
    (
        "test-call-2023",
        "2023-03-02",
        "[시험] 특화단지 공모 신청 현황",
        "[test] applications to the call",
    ),
    ("test-result-2023", "2023-07-20", "[시험] 특화단지 선정 결과", "[test] results of the round"),
    (
        "test-hydrogen-2019",
        "2019-12-05",
        "[시험] 수소 시범도시 선정",
        "[test] hydrogen pilot cities",
    ),
    ("test-call-2025", "2025-04-15", "[시험] 2025 공모 신청", "[test] applications in 2025"),
    ("test-plans-2020", "2020-01-30", "[시험] 지역 계획 발표", "[test] regional plans"),
]

DESIGNATIONS = {
    "designations": [
        {
            "id": "national-strategic-industry-complex",
            "name_ko": "국가첨단전략산업 특화단지",
            "name_en": "National advanced strategic industry specialised complex",
            "authority": "motie",
            "rounds": [
                {
                    "id": "test-battery-2023",
                    "name_ko": "2023년 이차전지 특화단지 (시험)",
                    "name_en": "2023 battery complexes (test)",
                    "year": "2023",
                    "industries": ["battery"],
                    "announced": "2022-11",
                    "decided": "2023-07-20",
                    "sources": ["test-result-2023"],
                },
                {
                    "id": "test-battery-2025",
                    "name_ko": "2025년 특화단지 공모 (시험)",
                    "name_en": "2025 call (test)",
                    "year": "2025",
                    "industries": ["battery"],
                    "announced": "2025-03",
                    "sources": ["test-call-2025"],
                },
            ],
        },
        {
            "id": "hydrogen-pilot-city",
            "name_ko": "수소시범도시",
            "name_en": "Hydrogen pilot city",
            "authority": "molit",
            "rounds": [
                {
                    "id": "test-hydrogen-2019",
                    "name_ko": "2019년 수소시범도시 (시험)",
                    "name_en": "2019 hydrogen pilot cities (test)",
                    "year": "2019",
                    "industries": ["hydrogen"],
                    "decided": "2019-12-05",
                    "sources": ["test-hydrogen-2019"],
                }
            ],
        },
    ]
}

R23 = "DesignationRound:test-battery-2023"


def _bid(rel: str, region: str, round_ref: str, evidence: str, **props: Any) -> dict[str, Any]:
    return {"rel": rel, "from": f"Region:{region}", "to": round_ref, "evidence": evidence, **props}


FACTS: dict[str, list[dict[str, Any]]] = {
    "test-call-2023": [
        _bid(
            "SEEKS",
            "jeonbuk",
            R23,
            "전북은 새만금으로 신청했다",
            date="2023-02-20",
            bid="jeonbuk-saemangeum",
            outcome="pending",
        ),
        _bid(
            "SEEKS",
            "saemangeum",
            R23,
            "전북은 새만금으로 신청했다",
            date="2023-02-20",
            bid="jeonbuk-saemangeum",
            outcome="pending",
        ),
        _bid(
            "SEEKS", "gyeongbuk", R23, "경북도가 따로 신청했다", date="2023-02-20", bid="gyeongbuk"
        ),
        _bid(
            "SEEKS", "gyeongbuk-pohang", R23, "포항시도 신청했다", date="2023-02-20", bid="pohang"
        ),
        _bid("SEEKS", "ulsan", R23, "울산시가 신청했다", date="2023-02-20"),
        _bid("SEEKS", "chungbuk-cheongju", R23, "청주시가 신청했다", date="2023-02"),
        _bid("SEEKS", "daegu", R23, "대구시가 신청했다", date="2023-02-20"),
    ],
    "test-result-2023": [
        _bid("SEEKS", "saemangeum", R23, "새만금이 선정됐다", outcome="designated"),
        _bid(
            "HOLDS",
            "saemangeum",
            R23,
            "새만금이 선정됐다",
            bid="jeonbuk-saemangeum",
            role="cathode materials",
            role_ko="양극재",
            area_m2=1500000,
            area_text="150만㎡",
        ),
        _bid("HOLDS", "jeonbuk", R23, "새만금이 선정됐다", bid="jeonbuk-saemangeum"),
        _bid("HOLDS", "gyeongbuk-pohang", R23, "포항이 선정됐다", bid="pohang", role="cathode"),
        _bid("HOLDS", "ulsan", R23, "울산이 선정됐다"),
        _bid("HOLDS", "chungbuk-cheongju", R23, "청주가 선정됐다", since="2023-07"),
        _bid("SEEKS", "daegu", R23, "대구는 떨어졌다", outcome="not_selected"),
        _bid("SEEKS", "gyeongbuk", R23, "경북도 신청은 떨어졌다", outcome="not_selected"),
    ],
    "test-hydrogen-2019": [
        _bid(
            "HOLDS",
            "jeonbuk-jeonju",
            "DesignationRound:test-hydrogen-2019",
            "전주와 완주가 함께 뽑혔다",
            bid="jeonju-wanju",
        ),
        _bid(
            "HOLDS",
            "jeonbuk-wanju",
            "DesignationRound:test-hydrogen-2019",
            "전주와 완주가 함께 뽑혔다",
            bid="jeonju-wanju",
        ),
        _bid("HOLDS", "gyeonggi-ansan", "DesignationRound:test-hydrogen-2019", "안산도 뽑혔다"),
        _bid(
            "SEEKS",
            "gangwon-samcheok",
            "DesignationRound:test-hydrogen-2019",
            "삼척은 뽑히지 않았다",
            date="2019-10",
            outcome="not_selected",
        ),
    ],
    "test-call-2025": [
        _bid(
            "SEEKS",
            "jeonbuk-gimje",
            "DesignationRound:test-battery-2025",
            "김제시가 신청했다",
            date="2025-04",
            outcome="pending",
        ),
    ],
    "test-plans-2020": [
        {
            "rel": "PURSUES",
            "from": "Region:jeonbuk-jeonju",
            "to": "Industry:hydrogen",
            "since": "2020-01-30",
            "evidence": "전주는 수소를 키운다",
        },
        {
            "rel": "PURSUES",
            "from": "Region:gyeongbuk-gumi",
            "to": "Industry:battery",
            "since": "2020",
            "evidence": "구미는 배터리를 키운다",
        },
        {
            "rel": "PURSUES",
            "from": "Region:jeonbuk",
            "to": "Industry:battery",
            "since": "2021-03",
            "evidence": "전북은 배터리를 키운다",
        },
        {
            "rel": "PURSUES",
            "from": "Region:jeonbuk",
            "to": "Industry:hydrogen",
            "since": "2021-03",
            "evidence": "전북은 수소도 키운다",
        },
        {
            "rel": "PURSUES",
            "from": "Region:ulsan",
            "to": "Industry:hydrogen",
            "since": "2019",
            "evidence": "울산은 수소를 키운다",
        },
        {
            "rel": "PURSUES",
            "from": "Region:jeonbuk-gimje",
            "to": "Industry:ai",
            "since": "2020-01-30",
            "evidence": "김제는 인공지능을 키운다",
        },
    ],
}


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_round_data(path: Path) -> Path:
    """Write the data folder under ``path`` and return it."""
    path.mkdir(parents=True, exist_ok=True)
    for name in ("regions.yaml", "industries.yaml", "organizations.yaml"):
        shutil.copy(ROOT / "data" / name, path / name)
    sources = [
        {
            "id": sid,
            "name_ko": title_ko,
            "name_en": title_en,
            "publisher": "시험 자료 / test fixture",
            "published": published,
            "kind": "article",
            "url": f"https://example.org/rsg-test/{sid}",
        }
        for sid, published, title_ko, title_en in SOURCES
    ]
    (path / "sources.yaml").write_text(_yaml({"sources": sources}), "utf-8")
    (path / "designations.yaml").write_text(_yaml(DESIGNATIONS), "utf-8")
    facts_dir = path / "facts"
    facts_dir.mkdir(exist_ok=True)
    for source, facts in FACTS.items():
        body = {"source": source, "nodes": [], "facts": facts}
        (facts_dir / f"{source}.yaml").write_text(_yaml(body), "utf-8")
    return path
