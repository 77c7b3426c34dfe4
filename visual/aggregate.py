"""Above the node limit: the most connected nodes as themselves, every other node grouped by kind.

큰 그래프 요약 / a large graph in summary: a region of a national graph can have thousands of
initiatives and organisations, more than a browser lays out in reasonable time. Instead of
refusing, a view keeps its marked nodes (overlap anchors) and the ``KEEP`` most connected
nodes, and folds the rest into one node per kind ("사업 3,259개 / Initiative ×3,259"). Edges
to folded nodes become one edge per (end, end, type, mark) that counts the relationships it
stands for. The page says what was folded and how to see everything (a narrower view or a
higher ``RSG_VIEW_NODE_LIMIT``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from visual.model import ViewEdge, ViewGraph, ViewNode
from visual.style import label_style

#: Nodes drawn as themselves when a graph is folded (fewer if the limit is lower).
KEEP = 100
GROUP = "group:"
#: Names of the biggest members a group's tooltip lists.
EXAMPLES = 5


def fit(graph: ViewGraph, limit: int) -> ViewGraph:
    """``graph`` itself when it has at most ``limit`` nodes, else its folded summary."""
    return graph if len(graph.nodes) <= limit else fold(graph, limit)


def fold(graph: ViewGraph, limit: int) -> ViewGraph:
    degree = graph.degree()
    labels = {node.label for node in graph.nodes.values()}
    room = max(0, min(KEEP, limit - len(labels)))
    ranked = sorted(graph.nodes, key=lambda k: (graph.nodes[k].mark is None, -degree[k], k))
    kept = set(ranked[:room])
    out = ViewGraph(graph.kind, graph.title_ko, graph.title_en, provenance=graph.provenance)
    for key in ranked[:room]:
        out.nodes[key] = graph.nodes[key]
    members: dict[str, list[str]] = defaultdict(list)
    for key in ranked[room:]:
        members[graph.nodes[key].label].append(key)
    biggest = max((len(keys) for keys in members.values()), default=1)
    for label in sorted(members):
        out.nodes[GROUP + label] = _group(graph, label, members[label], biggest)
    where = {k: k if k in kept else GROUP + graph.nodes[k].label for k in graph.nodes}
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    reverse: dict[tuple[str, str, str, str | None], bool] = {}
    for key, edge in graph.edges.items():
        start, end = where[edge.source], where[edge.target]
        if start in kept and end in kept:
            out.edges[key] = edge
        elif start != end:  # relationships inside one group are not drawn
            group = (start, end, edge.type, edge.mark)
            counts[group] += 1
            reverse[group] = edge.reverse
    most = max(counts.values(), default=1)
    for (start, end, rel, mark), n in sorted(counts.items(), key=lambda i: str(i[0])):
        key = f"{GROUP}{start}|{end}|{rel}|{mark or ''}"
        out.edges[key] = ViewEdge(
            key=key,
            source=start,
            target=end,
            type=rel,
            props={"relationships": n},
            mark=mark,
            width=1.0 + 11.0 * math.sqrt(n / most),
            reverse=reverse[(start, end, rel, mark)],
        )
    folded = len(graph.nodes) - len(kept)
    out.note_ko = _join(
        graph.note_ko,
        f"노드 {len(graph.nodes):,}개로 한도({limit:,}개)를 넘어 연결이 많은 {len(kept):,}개만 "
        f"그리고 나머지 {folded:,}개는 종류별로 묶었습니다. 지역·산업·기관으로 범위를 좁히면 "
        "모두 볼 수 있습니다.",
    )
    out.note_en = _join(
        graph.note_en,
        f"{len(graph.nodes):,} nodes is above the limit of {limit:,}: the {len(kept):,} most "
        f"connected are drawn and the other {folded:,} are grouped by kind. Narrow the view by "
        "region, industry or organisation to see every node.",
    )
    return out


def _group(graph: ViewGraph, label: str, keys: list[str], biggest: int) -> ViewNode:
    style = label_style(label)
    examples = [graph.nodes[k] for k in keys[:EXAMPLES]]  # keys come most connected first
    return ViewNode(
        key=GROUP + label,
        id=GROUP + label,
        label=label,
        labels=[label],
        name_ko=f"{style.name_ko} {len(keys):,}개",
        name_en=f"{style.name_en} ×{len(keys):,}",
        props={
            "members": len(keys),
            "examples_ko": [n.name_ko for n in examples],
            "examples_en": [n.name_en for n in examples],
        },
        size=20.0 + 25.0 * math.sqrt(len(keys) / biggest),
    )


def _join(first: str, second: str) -> str:
    return f"{first} {second}" if first else second
