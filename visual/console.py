"""The Cypher console page (``/console``): our own small editor (a textarea under a highlighted
copy of its text) with completion of the graph's labels, relationship types and property
names, a parameters box, results as a table and as a graph (vis-network from pyvis, inlined),
CSV download, history in the browser, the named queries one click away, a shareable link, and
saving the query into the catalog. The page asks only its own server (``POST /cypher``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ontology.contract import COMMON_NODE_PROPS, FACT_PROPS, LABELS, ORG_SUBLABELS, RELATIONSHIPS
from queries import catalog
from visual.page import Page, escape, fill, json_for_script, template, vis_script

#: Words the editor completes and highlights besides the graph's own names.
KEYWORDS = (
    "MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER BY", "SKIP", "LIMIT",
    "DISTINCT", "AS", "AND", "OR", "NOT", "XOR", "IN", "IS NULL", "IS NOT NULL", "CONTAINS",
    "STARTS WITH", "ENDS WITH", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION", "CALL", "YIELD",
    "EXISTS", "count", "collect", "sum", "avg", "min", "max", "size", "coalesce", "labels",
    "type", "keys", "nodes", "relationships", "toLower", "toUpper", "trim", "split", "head",
    "last", "range", "any", "all", "none", "shortestPath", "id",
)  # fmt: skip


@dataclass(frozen=True)
class Limits:
    row_cap: int
    timeout_ms: int


def schema(labels: list[str], types: list[str]) -> dict[str, list[str]]:
    """Names to complete: the graph contract's, plus any the live graph holds."""
    all_labels = set(LABELS) | set(ORG_SUBLABELS.values()) | set(labels)
    all_types = set(RELATIONSHIPS) | set(types)
    props = {p.name for p in COMMON_NODE_PROPS} | {p.name for p in FACT_PROPS}
    for label in LABELS.values():
        props |= {p.name for p in label.props}
    for rel in RELATIONSHIPS.values():
        props |= {p.name for p in rel.props}
    return {
        "labels": sorted(all_labels),
        "types": sorted(all_types),
        "properties": sorted(props),
        "keywords": list(KEYWORDS),
    }


def body_of(query: catalog.NamedQuery) -> str:
    """The query text without its header comment."""
    lines = query.text.splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "\n".join(lines).strip()


def named() -> list[dict[str, Any]]:
    return [
        {
            "name": q.name,
            "description_ko": q.description_ko,
            "description_en": q.description_en,
            "origin": q.origin,
            "query": body_of(q),
            "params": {
                p.name: p.example if p.example is not None else p.default
                for p in q.params
                if p.required or p.example is not None
            },
        }
        for q in catalog.catalog().values()
        if not q.name.startswith("view_")
    ]


def render(
    names: dict[str, list[str]],
    limits: Limits,
    *,
    query: str = "",
    params: str = "",
    run: bool = False,
    csrf: str | None = None,
    can_save: bool = False,
) -> Page:
    payload = {
        "schema": names,
        "named": named(),
        "initial": {"query": query, "params": params, "run": run},
        "limits": {"row_cap": limits.row_cap, "timeout_ms": limits.timeout_ms},
        "can_save": can_save,
    }
    return fill(
        "console.html",
        scripts=["vis", "app"],
        styles=["style"],
        connect=True,
        style=template("workbench.css") + template("console.css"),
        csrf=escape(csrf or ""),
        data=json_for_script(payload),
        vis=vis_script(),
        app=template("console.js"),
    )
