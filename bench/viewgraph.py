"""A synthetic region of any size for view timings and tests: one strategy, 20 industries,
100 organisations and the rest initiatives, written straight into a store."""

from __future__ import annotations

from typing import Any

from queries.store import GraphStore, GraphWriter


def node_row(group: str, key: str, name_ko: str, name_en: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": key,
        "uri": f"https://example.org/{group}/{key}",
        "name_ko": name_ko,
        "name_en": name_en,
        "aliases": [],
        "sources": ["synthetic"],
        **extra,
    }


def synthetic_region(store: GraphStore, nodes: int = 1000) -> str:
    """A region whose view has ``nodes`` nodes: one strategy, 20 industries, 100
    organisations and the rest initiatives. Returns the region id."""
    industries, orgs = 20, 100
    initiatives = nodes - 2 - industries - orgs
    fact = {"sources": ["synthetic"], "evidence": "합성 근거"}

    def loader(writer: GraphWriter) -> None:
        writer.write(
            "CREATE (r:Region) SET r = $r CREATE (s:Strategy) SET s = $s "
            "CREATE (r)-[:ADOPTS {sources: ['synthetic'], evidence: '합성'}]->(s)",
            {
                "r": node_row("region", "synth", "합성 지역", "Synthetic region", level="city"),
                "s": node_row("strategy", "synth-plan", "합성 전략", "Synthetic plan"),
            },
        )
        writer.write(
            "UNWIND $rows AS row CREATE (n:Industry) SET n = row",
            {
                "rows": [
                    node_row("industry", f"ind-{i}", f"산업 {i}", f"Industry {i}")
                    for i in range(industries)
                ]
            },
        )
        writer.write(
            "UNWIND $rows AS row CREATE (n:Organization:Company) SET n = row",
            {
                "rows": [
                    node_row("org", f"org-{i}", f"기업 {i}", f"Company {i}", kind="company")
                    for i in range(orgs)
                ]
            },
        )
        rows = [
            {
                **node_row(
                    "initiative",
                    f"x-{i}",
                    f"사업 {i}",
                    f"Initiative {i}",
                    kind="project",
                    budget_krw=(i % 17 + 1) * 100_000_000,
                ),
                "ind": f"ind-{i % industries}",
                "org": f"org-{i % orgs}",
            }
            for i in range(initiatives)
        ]
        writer.write(
            "MATCH (r:Region {id: 'synth'}), (s:Strategy {id: 'synth-plan'}) "
            "UNWIND $rows AS row "
            "MATCH (i:Industry {id: row.ind}), (o:Organization {id: row.org}) "
            "CREATE (x:Initiative) SET x = row "
            "REMOVE x.ind, x.org "
            "CREATE (s)-[:INCLUDES {sources: $f.sources, evidence: $f.evidence}]->(x) "
            "CREATE (x)-[:LOCATED_IN {sources: $f.sources, evidence: $f.evidence}]->(r) "
            "CREATE (x)-[:TARGETS {sources: $f.sources, evidence: $f.evidence}]->(i) "
            "CREATE (o)-[:PARTICIPATES_IN {role: 'partner', sources: $f.sources, "
            "evidence: $f.evidence}]->(x)",
            {"rows": rows, "f": fact},
        )

    store.replace_graph(loader)
    return "synth"
