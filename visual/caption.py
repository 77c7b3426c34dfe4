"""The caption under a static picture: the sources of the facts shown (publisher and date,
the most cited first, "외 N건" / "and N more" past a few), the build and the data date.

출처 표기 / provenance: the sources are those the view's nodes and relationships cite, looked
up as Source nodes with the ``view_nodes`` query; a cited id without a Source node is named
by its id. The data date is the newest publication date among them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from queries import catalog
from queries.store import GraphStore
from visual.model import Cited, Provenance, ViewGraph, sources

#: Sources named on a caption; the rest are counted.
NAMED = 3
#: Most sources looked up for one view (the rest are counted, not named).
MAX_LOOKUP = 500
#: Characters of a title used when a source names no publisher.
TITLE_CHARS = 24


def cited(graph: ViewGraph) -> Counter[str]:
    """How many nodes and relationships of ``graph`` cite each source id."""
    counts: Counter[str] = Counter()
    for edge in graph.edges.values():
        counts.update(dict.fromkeys(sources(edge.props), 1))
    for node in graph.nodes.values():
        counts.update(dict.fromkeys(sources(node.props), 1))
        if node.label == "Source":
            counts[node.id] += 0  # a source drawn as a node is a source of the view too
    return counts


def provenance(store: GraphStore, graph: ViewGraph) -> Provenance:
    counts = cited(graph)
    ids = [i for i, _ in sorted(counts.items(), key=lambda c: (-c[1], c[0]))][:MAX_LOOKUP]
    found: dict[str, dict[str, Any]] = {}
    if ids:
        query = catalog.get("view_nodes")
        for row in store.read(query.text, query.bind({"ids": ids})).rows:
            node = row.get("a")
            if isinstance(node, dict) and "Source" in node.get("_labels", []):
                found[str(node.get("id"))] = node
    listed = []
    for source_id in ids:
        props = found.get(source_id, {})
        listed.append(
            Cited(
                id=source_id,
                publisher=str(props.get("publisher") or ""),
                published=str(props.get("published") or ""),
                title_ko=str(props.get("name_ko") or source_id),
                title_en=str(props.get("name_en") or props.get("name_ko") or source_id),
                facts=counts[source_id],
            )
        )
    # Most cited first, then the newest, then by id (stable sorts, last key first).
    listed.sort(key=lambda c: c.published, reverse=True)
    listed.sort(key=lambda c: -c.facts)
    return Provenance(sources=tuple(listed), build_id=store.build_id())


def _who(source: Cited, lang: Literal["ko", "en"]) -> str:
    if source.publisher:
        who = source.publisher
    else:
        title = source.title_ko if lang == "ko" else source.title_en
        who = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"
        who = f"「{who}」" if lang == "ko" else f"“{who}”"
    return f"{who} ({source.published})" if source.published else who


def text(prov: Provenance | None, lang: Literal["ko", "en"], named: int = NAMED) -> str:
    """One paragraph: sources, build, data date; the language follows ``lang``."""
    prov = prov or Provenance()
    shown = [_who(s, lang) for s in prov.sources[:named]]
    rest = len(prov.sources) - len(shown)
    parts = []
    if lang == "ko":
        listed = ", ".join(shown) + (f" 외 {rest:,}건" if rest else "")
        parts.append(f"출처: {listed}" if shown else "출처: 없음")
        if prov.build_id:
            parts.append(f"빌드 {prov.build_id}")
        if prov.data_date:
            parts.append(f"자료 기준일 {prov.data_date}")
    else:
        listed = ", ".join(shown) + (f" and {rest:,} more" if rest else "")
        parts.append(f"Sources: {listed}" if shown else "Sources: none")
        if prov.build_id:
            parts.append(f"build {prov.build_id}")
        if prov.data_date:
            parts.append(f"data as of {prov.data_date}")
    return " · ".join(parts)
