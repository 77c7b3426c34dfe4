"""Small graphs written straight into a store for the view tests and timings: a synthetic
region of any size, and a graph whose names and evidence are script-injection payloads."""

from __future__ import annotations

from typing import Any

from bench.viewgraph import node_row as _node
from bench.viewgraph import synthetic_region
from queries.store import GraphStore, GraphWriter

__all__ = ["synthetic_region", "xss_region"]

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_NAME_EN = "</script><script>alert(2)</script>"
XSS_EVIDENCE = '<svg onload=alert(3)> 근거 & "인용"'
XSS_INITIATIVE = "<b onmouseover=alert(4)>배터리 사업</b>"
XSS_COMPANY = "㈜<iframe src=javascript:alert(6)>"


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
