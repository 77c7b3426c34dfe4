"""The overlap heatmap of a set of regions: an SVG matrix of Jaccard scores (shared industry
counts in the cells, the shared industries on hover), alone or in an offline HTML page, or
as a graph of regions and shared industries for GraphML/GEXF."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

from ontology.errors import NotFound, QueryError
from queries import catalog
from queries.store import GraphStore
from visual.model import ViewEdge, ViewGraph, ViewNode
from visual.page import Page, fill, json_for_script, template
from visual.page import escape as html_escape

CELL = 56
LABEL_W = 150


@dataclass
class Heatmap:
    regions: list[tuple[str, str, str]]  # id, Korean name, English name
    pairs: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # industry -> (ko, en)

    def cell(self, a: str, b: str) -> dict[str, Any] | None:
        return self.pairs.get((a, b)) or self.pairs.get((b, a))

    def shared(self, a: str, b: str, lang: str) -> list[str]:
        found = self.cell(a, b)
        ids = [str(x) for x in (found or {}).get("shared", [])]
        return [self.names.get(i, (i, i))[0 if lang == "ko" else 1] for i in ids]


def build(store: GraphStore, region_ids: list[str], level: int | None = None) -> Heatmap:
    wanted = list(dict.fromkeys(r.strip() for r in region_ids if r.strip()))
    if len(wanted) < 2:
        raise QueryError(
            "히트맵에는 지역이 둘 이상 필요 / the heatmap needs two or more regions",
            "e.g. ?regions=jeonbuk&regions=gyeongbuk-gumi",
        )
    query = catalog.get("overlap_matrix")
    rows = store.read(query.text, query.bind({"regions": wanted, "level": level})).rows
    heat = Heatmap(regions=[])
    seen: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        heat.pairs[(row["region_a"], row["region_b"])] = row
        seen[row["region_a"]] = (row["region_a"], row["name_ko_a"], row["name_en_a"])
        seen[row["region_b"]] = (row["region_b"], row["name_ko_b"], row["name_en_b"])
    missing = [r for r in wanted if r not in seen]
    if missing:
        raise NotFound(
            f"지역 없음 / no region: {', '.join(missing)}", "see GET /regions for region ids"
        )
    heat.regions = [seen[r] for r in wanted]
    industries = sorted({str(i) for row in rows for i in row["shared"]})
    if industries:
        nodes = catalog.get("view_nodes")
        for row in store.read(nodes.text, nodes.bind({"ids": industries})).rows:
            node = row["a"]
            heat.names[node["id"]] = (node.get("name_ko") or node["id"], node.get("name_en") or "")
    return heat


def graph(heat: Heatmap) -> ViewGraph:
    """What the heatmap shows as a graph for graph tools: the regions, the industries they
    share, an ``OVERLAPS`` edge per pair of regions weighted by its cell (``weight`` =
    Jaccard score, ``shared_count``, ``shared``) and a ``PURSUES`` edge from each region to
    each industry it shares with another of them."""
    out = ViewGraph(
        "heatmap",
        "지역 중복 히트맵: " + ", ".join(r[1] for r in heat.regions),
        "Overlap heatmap: " + ", ".join(r[2] for r in heat.regions),
    )
    for region, name_ko, name_en in heat.regions:
        out.nodes[region] = ViewNode(region, region, "Region", ["Region"], name_ko, name_en, {})
    ids = [r[0] for r in heat.regions]
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            found = heat.cell(a, b)
            if found is None:
                continue
            shared = sorted(str(i) for i in found.get("shared", []))
            key = f"{a}|OVERLAPS|{b}"
            props = {
                "weight": float(found.get("jaccard") or 0.0),
                "jaccard": float(found.get("jaccard") or 0.0),
                "shared_count": int(found.get("shared_count") or 0),
                "shared": shared,
            }
            out.edges[key] = ViewEdge(key, a, b, "OVERLAPS", props)
            for industry in shared:
                name_ko, name_en = heat.names.get(industry, (industry, industry))
                out.nodes.setdefault(
                    industry,
                    ViewNode(industry, industry, "Industry", ["Industry"], name_ko, name_en, {}),
                )
                for region in (a, b):
                    edge = f"{region}|PURSUES|{industry}"
                    out.edges.setdefault(edge, ViewEdge(edge, region, industry, "PURSUES", {}))
    return out


def _colour(score: float) -> str:
    # White to deep red by the Jaccard score.
    low, high = (255, 255, 255), (178, 24, 43)
    mix = [
        round(lo + (hi - lo) * min(max(score, 0.0), 1.0)) for lo, hi in zip(low, high, strict=True)
    ]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def svg(heat: Heatmap, lang: Literal["ko", "en"] = "ko") -> str:
    """The matrix as a standalone SVG (text, not paths: the viewer's Korean font draws it)."""
    n = len(heat.regions)
    size = LABEL_W + n * CELL + 10
    names = [r[1] if lang == "ko" else r[2] for r in heat.regions]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" font-family="NanumGothic, Noto Sans CJK KR, sans-serif" '
        'font-size="12" role="img">',
        f"<title>{escape('지역 간 산업 중복 / overlap of industries between regions')}</title>",
    ]
    for i, name in enumerate(names):
        y = LABEL_W + i * CELL + CELL / 2
        out.append(
            f'<text x="{LABEL_W - 6}" y="{y}" text-anchor="end" dy="4">{escape(name)}</text>'
        )
        x = LABEL_W + i * CELL + CELL / 2
        turn = f"translate({x},{LABEL_W - 6}) rotate(-45)"
        out.append(f'<text transform="{turn}" dy="4">{escape(name)}</text>')
    for i, (a, _, _) in enumerate(heat.regions):
        for j, (b, _, _) in enumerate(heat.regions):
            x, y = LABEL_W + j * CELL, LABEL_W + i * CELL
            if a == b:
                out.append(f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="#e9ecef"/>')
                continue
            found = heat.cell(a, b) or {}
            score = float(found.get("jaccard", 0.0))
            count = int(found.get("shared_count", 0))
            shared = heat.shared(a, b, lang)
            label = f"{names[i]} × {names[j]}: {count} · Jaccard {score:.2f}"
            hover = label + ("\n" + ", ".join(shared) if shared else "")
            out.append(
                f'<g class="rsg-cell" data-a={quoteattr(a)} data-b={quoteattr(b)}>'
                f"<title>{escape(hover)}</title>"
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{_colour(score)}" '
                'stroke="#ffffff"/>'
                f'<text x="{x + CELL / 2}" y="{y + CELL / 2}" dy="4" text-anchor="middle" '
                f'fill="{"#ffffff" if score > 0.5 else "#1d2329"}">{count}</text></g>'
            )
    out.append("</svg>")
    return "\n".join(out)


def page(
    heat: Heatmap,
    *,
    lang: Literal["ko", "en"] = "ko",
    embed: bool = False,
    downloads: list[dict[str, str]] | None = None,
) -> Page:
    cells = {
        f"{a}|{b}": {"ko": heat.shared(a, b, "ko"), "en": heat.shared(a, b, "en")}
        for (a, b) in heat.pairs
    }
    title = "지역 간 산업 중복 히트맵" if lang == "ko" else "Industry overlap heatmap"
    payload = {"cells": cells, "downloads": downloads or []}
    return fill(
        "heatmap.html",
        scripts=["app"],
        styles=["style"],
        lang=lang,
        title=html_escape(title),
        style=template("heatmap.css"),
        body_class="rsg-embedded" if embed else "rsg-full",
        svg=svg(heat, lang),
        data=json_for_script(payload),
        app=template("heatmap.js"),
    )
