"""Small graphs written straight into a store for the view tests and timings: a synthetic
region of any size, and a graph whose names and evidence are script-injection payloads."""

from __future__ import annotations

from typing import Any

from queries.store import GraphStore, GraphWriter

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_NAME_EN = "</script><script>alert(2)</script>"
XSS_EVIDENCE = '<svg onload=alert(3)> 근거 & "인용"'
XSS_INITIATIVE = "<b onmouseover=alert(4)>배터리 사업</b>"
XSS_COMPANY = "㈜<iframe src=javascript:alert(6)>"


def _node(group: str, key: str, name_ko: str, name_en: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": key,
        "uri": f"https://example.org/{group}/{key}",
        "name_ko": name_ko,
        "name_en": name_en,
        "aliases": [],
        "sources": ["synthetic"],
        **extra,
    }


def _load(
    writer: GraphWriter,
    nodes: dict[str, list[dict[str, Any]]],
    rels: list[tuple[str, str, str, str, str, dict[str, Any]]],
) -> None:
    for label, rows in nodes.items():
        writer.write(f"UNWIND $rows AS row CREATE (n:{label}) SET n = row", {"rows": rows})
    for a_label, rel, b_label, a, b, props in rels:
        writer.write(
            f"MATCH (a:{a_label} {{id: $a}}), (b:{b_label} {{id: $b}}) "
            f"CREATE (a)-[r:{rel}]->(b) SET r = $props",
            {"a": a, "b": b, "props": props},
        )


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
                "r": _node("region", "synth", "합성 지역", "Synthetic region", level="city"),
                "s": _node("strategy", "synth-plan", "합성 전략", "Synthetic plan"),
            },
        )
        writer.write(
            "UNWIND $rows AS row CREATE (n:Industry) SET n = row",
            {
                "rows": [
                    _node("industry", f"ind-{i}", f"산업 {i}", f"Industry {i}")
                    for i in range(industries)
                ]
            },
        )
        writer.write(
            "UNWIND $rows AS row CREATE (n:Organization:Company) SET n = row",
            {
                "rows": [
                    _node("org", f"org-{i}", f"기업 {i}", f"Company {i}", kind="company")
                    for i in range(orgs)
                ]
            },
        )
        rows = [
            {
                **_node(
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


def xss_region(store: GraphStore) -> str:
    """A region named with markup, a neighbour it shares an industry with, an initiative, a
    funder and an investor, with evidence carrying payloads: every view has something to
    draw from it."""
    fact = {"sources": ["<svg onload=alert(5)>"], "evidence": XSS_EVIDENCE}

    def loader(writer: GraphWriter) -> None:
        _load(
            writer,
            {
                "Region": [
                    _node("region", "xss", XSS_NAME, XSS_NAME_EN, level="city"),
                    _node("region", "xss-next", "이웃 지역", "Neighbour", level="city"),
                ],
                "Industry": [_node("industry", "battery", "이차전지", "Secondary batteries")],
                "Organization": [
                    _node("org", "xss-co", XSS_COMPANY, XSS_NAME_EN, kind="company"),
                    _node(
                        "org",
                        "xss-gov",
                        "<script>alert(7)</script>부처",
                        "Ministry",
                        kind="ministry",
                    ),
                ],
                "Initiative": [
                    _node(
                        "initiative",
                        "xss-x",
                        XSS_INITIATIVE,
                        "Battery project",
                        kind="project",
                        budget_krw=5_000_000_000,
                    )
                ],
            },
            [
                ("Region", "PURSUES", "Industry", "xss", "battery", fact),
                ("Initiative", "LOCATED_IN", "Region", "xss-x", "xss", fact),
                ("Initiative", "TARGETS", "Industry", "xss-x", "battery", fact),
                ("Region", "PURSUES", "Industry", "xss-next", "battery", fact),
                (
                    "Initiative",
                    "FUNDED_BY",
                    "Organization",
                    "xss-x",
                    "xss-gov",
                    {
                        **fact,
                        "basis": "national",
                        "amount_krw": 2_000_000_000,
                    },
                ),
                (
                    "Organization",
                    "INVESTS_IN",
                    "Initiative",
                    "xss-co",
                    "xss-x",
                    {
                        **fact,
                        "amount_krw": 3_000_000_000,
                    },
                ),
                (
                    "Organization",
                    "PARTICIPATES_IN",
                    "Initiative",
                    "xss-co",
                    "xss-x",
                    {
                        **fact,
                        "role": "<a href=javascript:alert(8)>투자</a>",
                    },
                ),
            ],
        )

    store.replace_graph(loader)
    return "xss"
