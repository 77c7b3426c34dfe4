"""The views: each runs its named query (``queries/cypher/view_*.cypher``) and turns the rows
into a :class:`ViewGraph` with titles, marks, sizes and widths."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ontology.errors import NotFound, QueryError
from queries import catalog
from queries.guard import check_read_only
from queries.store import GraphStore, Row
from queries.subgraph import subgraph_of
from visual.caption import provenance
from visual.marks import mark_bids, mark_overlap
from visual.model import SizeBy, ViewGraph, ViewNode

#: Most ids looked up when a result names nodes only by id.
MAX_IDS = 5000


def _rows(store: GraphStore, name: str, **given: Any) -> tuple[list[Row], bool]:
    query = catalog.get(name)
    result = store.read(query.text, query.bind(given))
    return result.rows, result.truncated


def _finish(
    store: GraphStore, graph: ViewGraph, size_by: SizeBy, truncated: bool = False
) -> ViewGraph:
    graph.size_nodes(size_by)
    graph.width_edges()
    if truncated:
        graph.note_ko = "행 수 한도에서 잘린 결과입니다."
        graph.note_en = "The result stopped at the row cap."
    graph.provenance = provenance(store, graph)  # the caption of static pictures
    return graph


#: What a view says when its focus node is not in the graph: (Korean, English, where ids are).
_UNKNOWN = {
    "Region": ("지역", "region", "see GET /regions or the home page for region ids"),
    "Industry": ("산업", "industry", "see GET /industries or the home page for industry ids"),
    "DesignationRound": ("공모 차수", "designation round", "see GET /rounds for round ids"),
}


def _focus(graph: ViewGraph, node_id: str, label: str) -> ViewNode:
    """The view's focus node, or NotFound naming the unknown id and where ids are listed."""
    focus = graph.by_id(node_id, label)
    if focus is None:
        ko, en, hint = _UNKNOWN[label]
        raise NotFound(f"{ko} {node_id!r} 없음 / no {en} {node_id!r}", hint)
    return focus


def region(store: GraphStore, region_id: str, size_by: SizeBy = "degree") -> ViewGraph:
    rows, truncated = _rows(store, "view_region", region=region_id)
    graph = ViewGraph("region", "", "")
    graph.add_rows(rows)
    focus = _focus(graph, region_id, "Region")
    focus.mark = "focus"
    graph.title_ko, graph.title_en = f"{focus.name_ko} 지역 뷰", f"Region view: {focus.name_en}"
    return _finish(store, graph, size_by, truncated)


def industry(
    store: GraphStore, industry_id: str, initiatives: bool = True, size_by: SizeBy = "degree"
) -> ViewGraph:
    rows, truncated = _rows(store, "view_industry", industry=industry_id, initiatives=initiatives)
    graph = ViewGraph("industry", "", "")
    graph.add_rows(rows)
    focus = _focus(graph, industry_id, "Industry")
    focus.mark = "focus"
    graph.title_ko, graph.title_en = f"{focus.name_ko} 산업 뷰", f"Industry view: {focus.name_en}"
    return _finish(store, graph, size_by, truncated)


def overlap(store: GraphStore, region_ids: list[str], size_by: SizeBy = "degree") -> ViewGraph:
    wanted = list(dict.fromkeys(r.strip() for r in region_ids if r.strip()))
    if len(wanted) < 2:
        raise QueryError(
            "중복 뷰에는 지역이 둘 이상 필요 / the overlap view needs two or more regions",
            "e.g. ?regions=jeonbuk&regions=gyeongbuk-gumi",
        )
    rows, truncated = _rows(store, "view_overlap", regions=wanted)
    graph = ViewGraph("overlap", "", "")
    graph.add_rows(rows)
    found = {r: graph.by_id(r, "Region") for r in wanted}
    missing = [r for r, node in found.items() if node is None]
    if missing:
        raise NotFound(
            f"지역 없음 / no region: {', '.join(missing)}", "see GET /regions for region ids"
        )
    nodes = [n for n in found.values() if n is not None]
    keys = {n.id: n.key for n in nodes}
    nesting = _rows(store, "regions_within", regions=wanted)[0]
    within = {keys[r["region"]]: {keys[u] for u in r["within"]} for r in nesting}
    mark_overlap(graph, set(keys.values()), within)
    graph.title_ko = "지역 중복 뷰: " + " · ".join(n.name_ko for n in nodes)
    graph.title_en = "Overlap view: " + " · ".join(n.name_en for n in nodes)
    return _finish(store, graph, size_by, truncated)


def organizations(
    store: GraphStore,
    organization: str | None = None,
    kind: str | None = None,
    region_id: str | None = None,
    size_by: SizeBy = "degree",
) -> ViewGraph:
    rows, truncated = _rows(
        store, "view_organizations", organization=organization, kind=kind, region=region_id
    )
    graph = ViewGraph("organizations", "기관 네트워크", "Organisation network")
    graph.add_rows(rows)
    scope = [s for s in (organization, kind, region_id) if s]
    if scope:
        graph.title_ko += f" ({', '.join(scope)})"
        graph.title_en += f" ({', '.join(scope)})"
    if organization and (node := graph.by_id(organization, "Organization")) is not None:
        node.mark = "focus"
    return _finish(store, graph, size_by, truncated)


def funding(
    store: GraphStore, region_id: str | None = None, size_by: SizeBy = "money"
) -> ViewGraph:
    rows, truncated = _rows(store, "view_funding", region=region_id)
    graph = ViewGraph("funding", "재원 흐름", "Funding flow")
    graph.add_rows(rows)
    if region_id:
        graph.title_ko += f" ({region_id})"
        graph.title_en += f" ({region_id})"
        if (node := graph.by_id(region_id, "Region")) is not None:
            node.mark = "focus"
    for edge in graph.edges.values():
        if edge.type == "FUNDED_BY":
            edge.reverse = True  # money flows from the funder to the initiative
        elif edge.type == "LOCATED_IN":
            edge.flow = graph.nodes[edge.source].money
    return _finish(store, graph, size_by, truncated)


def designation_round(store: GraphStore, round_id: str, size_by: SizeBy = "degree") -> ViewGraph:
    """A designation round: its scheme and industries, and every place that bid, marked won,
    lost or pending (PART_OF among them shows which bids lie inside another)."""
    rows, truncated = _rows(store, "view_round", round=round_id)
    graph = ViewGraph("round", "", "")
    graph.add_rows(rows)
    focus = _focus(graph, round_id, "DesignationRound")
    mark_bids(graph)
    focus.mark = "focus"
    graph.title_ko = f"{focus.name_ko} 선정 결과"
    graph.title_en = f"Designation round: {focus.name_en}"
    tally = {m: sum(n.mark == m for n in graph.nodes.values()) for m in ("won", "lost", "pending")}
    graph.note_ko = f"선정 {tally['won']}곳, 탈락 {tally['lost']}곳, 심사 중 {tally['pending']}곳"
    graph.note_en = (
        f"{tally['won']} places designated, {tally['lost']} not selected, "
        f"{tally['pending']} pending"
    )
    return _finish(store, graph, size_by, truncated)


def region_designations(store: GraphStore, region_id: str, size_by: SizeBy = "degree") -> ViewGraph:
    """A region's designation timeline as a graph: the rounds it (or a place within it) bid
    for, each marked by the best outcome, their schemes, and the region's former names."""
    rows, truncated = _rows(store, "view_region_designations", region=region_id)
    graph = ViewGraph("designations", "", "")
    graph.add_rows(rows)
    focus = _focus(graph, region_id, "Region")
    places = {n.key for n in graph.nodes.values() if n.label == "Region"}
    mark_bids(graph, places)
    focus.mark = "focus"
    graph.title_ko = f"{focus.name_ko} 지정 연표"
    graph.title_en = f"Designation timeline: {focus.name_en}"
    rounds = sorted(
        (str(n.props.get("year") or ""), n.name_ko, n.name_en)
        for n in graph.nodes.values()
        if n.label == "DesignationRound"
    )
    if rounds:
        graph.note_ko = f"공모 {len(rounds)}건, {rounds[0][0]}–{rounds[-1][0]}년"
        graph.note_en = f"{len(rounds)} rounds, {rounds[0][0]}-{rounds[-1][0]}"
    return _finish(store, graph, size_by, truncated)


def result(
    store: GraphStore,
    rows: list[Row],
    title_ko: str,
    title_en: str,
    *,
    truncated: bool = False,
    size_by: SizeBy = "degree",
    asked: Mapping[str, Any] | None = None,
) -> ViewGraph:
    """Any query result as a graph: the nodes, relationships and paths it holds; when it holds
    none, the nodes it names by id (or that the parameters ``asked`` name) and the
    relationships among them."""
    graph = ViewGraph("query", title_ko, title_en)
    if subgraph_of(rows):
        graph.add_rows(rows)
    else:
        ids = sorted(_ids_in(rows) | _ids_in(dict(asked or {})))[:MAX_IDS]
        if ids:
            graph.add_rows(_rows(store, "view_nodes", ids=ids)[0])
    return _finish(store, graph, size_by, truncated)


def named(
    store: GraphStore, name: str, given: Mapping[str, Any], size_by: SizeBy = "degree"
) -> ViewGraph:
    query = catalog.get(name)
    outcome = store.read(query.text, query.bind(given))
    shown = ", ".join(f"{k}={v}" for k, v in given.items())
    return result(
        store,
        outcome.rows,
        f"{query.description_ko} ({name}{': ' + shown if shown else ''})",
        f"{query.description_en} ({name}{': ' + shown if shown else ''})",
        truncated=outcome.truncated,
        size_by=size_by,
        asked=given,
    )


def cypher(
    store: GraphStore,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout_ms: int | None = None,
    row_cap: int | None = None,
    size_by: SizeBy = "degree",
) -> ViewGraph:
    check_read_only(text)
    outcome = store.read(text, params, timeout_ms=timeout_ms, row_cap=row_cap)
    first = " ".join(text.split())[:80]
    return result(
        store,
        outcome.rows,
        f"Cypher 결과: {first}",
        f"Cypher result: {first}",
        truncated=outcome.truncated,
        size_by=size_by,
    )


def _ids_in(value: Any) -> set[str]:
    """Strings that may be node ids: plain values, list items and the ``id`` of maps."""
    found: set[str] = set()
    if isinstance(value, str):
        if 0 < len(value) <= 200:
            found.add(value)
    elif isinstance(value, list | tuple):
        for item in value:
            found |= _ids_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            found |= _ids_in(item)
    return found
