"""Folding a view above the node limit: nothing is lost from the counts, the most connected
nodes stay themselves, and every drawn edge has both ends drawn."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from visual.aggregate import GROUP, KEEP, fit, fold
from visual.model import ViewEdge, ViewGraph, ViewNode

LABELS = ("Region", "Industry", "Initiative", "Organization")


def _graph(labels: list[str], pairs: list[tuple[int, int]], marked: set[int]) -> ViewGraph:
    graph = ViewGraph("region", "지역", "Region", note_ko="원래 메모", note_en="first note")
    for i, label in enumerate(labels):
        mark = "shared" if i in marked else None
        key = f"k{i}"
        graph.nodes[key] = ViewNode(key, f"n{i}", label, [label], f"노드{i}", f"N{i}", {}, mark)
    for j, (a, b) in enumerate(pairs):
        if a < len(labels) and b < len(labels):
            key = f"e{j}"
            graph.edges[key] = ViewEdge(key, f"k{a}", f"k{b}", "PURSUES", {"evidence": "x"})
    return graph


graphs = st.builds(
    _graph,
    st.lists(st.sampled_from(LABELS), min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.integers(0, 59)), max_size=150),
    st.sets(st.integers(0, 59), max_size=3),
)


@settings(max_examples=200, deadline=None)
@given(graphs, st.integers(min_value=5, max_value=70))
def test_folding_keeps_every_count(graph: ViewGraph, limit: int) -> None:
    shown = fit(graph, limit)
    if len(graph.nodes) <= limit:
        assert shown is graph
        return
    assert len(shown.nodes) <= limit
    kept = {k for k in shown.nodes if not k.startswith(GROUP)}
    groups = {k: n for k, n in shown.nodes.items() if k.startswith(GROUP)}
    # every node is drawn or counted in the group of its kind
    assert len(kept) + sum(n.props["members"] for n in groups.values()) == len(graph.nodes)
    for key, group in groups.items():
        assert group.label == key[len(GROUP) :]
        assert group.name_en.endswith(f"×{group.props['members']:,}")
    # the kept nodes are the marked ones first, then the most connected
    degree = graph.degree()
    order = sorted(graph.nodes, key=lambda k: (graph.nodes[k].mark is None, -degree[k], k))
    assert kept == set(order[: len(kept)])
    assert len(kept) == min(KEEP, limit - len({n.label for n in graph.nodes.values()}))
    # every relationship is drawn, counted on a group edge, or inside one group
    where = {k: k if k in kept else GROUP + graph.nodes[k].label for k in graph.nodes}
    inside = sum(
        1
        for e in graph.edges.values()
        if where[e.source] == where[e.target] and where[e.source].startswith(GROUP)
    )
    drawn = sum(e.props.get("relationships", 1) for e in shown.edges.values())
    assert drawn + inside == len(graph.edges)
    for edge in shown.edges.values():
        assert edge.source in shown.nodes
        assert edge.target in shown.nodes
    assert shown.note_ko.startswith("원래 메모 ")
    assert "grouped by kind" in shown.note_en


def test_group_edges_count_and_name_the_biggest_members() -> None:
    labels = ["Region"] + ["Initiative"] * 30
    pairs = [(0, i) for i in range(1, 31)] + [(1, 2), (1, 3)]
    graph = _graph(labels, pairs, set())
    shown = fold(graph, 3)  # room for one node of its own beside two groups
    assert set(shown.nodes) == {"k0", GROUP + "Initiative"}
    group = shown.nodes[GROUP + "Initiative"]
    assert group.props["members"] == 30
    assert group.name_ko == "사업 30개"
    # k1 has the most relationships after the region, then k2 and k3, then the rest by key
    assert group.props["examples_en"] == ["N1", "N2", "N3", "N10", "N11"]
    (edge,) = shown.edges.values()
    assert (edge.source, edge.target) == ("k0", GROUP + "Initiative")
    assert edge.props["relationships"] == 30
    assert Counter(n.label for n in shown.nodes.values()) == {"Region": 1, "Initiative": 1}


def test_a_folded_picture_carries_the_note_under_its_title() -> None:
    from matplotlib.text import Text

    from visual import static
    from visual.settings import ViewSettings

    labels = ["Region"] + ["Initiative"] * 40 + ["Industry"] * 10
    graph = _graph(labels, [(0, i) for i in range(1, 51)], set())
    graph.note_ko = graph.note_en = ""

    def note_under_title(fig: Figure) -> bool:
        fig.canvas.draw()
        texts = {t.get_gid(): t for t in fig.findobj(Text) if t.get_gid()}
        if "rsg-note" not in texts:
            return False
        note = texts["rsg-note"].get_window_extent()
        title = texts["rsg-title"].get_window_extent()
        graph_top = max(a.get_window_extent().y1 for a in fig.axes)
        return "grouped by kind" in texts["rsg-note"].get_text().replace("\n", " ") and (
            graph_top <= note.y0 < note.y1 <= title.y0
        )

    folded = fold(graph, 10)
    plain = ViewGraph(folded.kind, folded.title_ko, folded.title_en, folded.nodes, folded.edges)
    wide = ViewSettings(node_limit=100)
    assert note_under_title(static.figure(folded, wide, lang="en"))
    assert not note_under_title(static.figure(plain, wide, lang="en"))
