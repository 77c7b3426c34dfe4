"""Static pictures for print: no name overlaps another name or a node (counted from the
renderer's boxes) on every seed picture, the caption names the sources, and the size presets
give the same picture as PNG, SVG and PDF."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import partial
from itertools import combinations
from pathlib import Path

import matplotlib.image
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from pypdf import PdfReader

from ingest.graph.build import BuildReport
from queries import catalog
from queries.falkor_backend import FalkorStore
from queries.store import GraphStore
from visual import caption, collisions, picture, static, views
from visual.model import Cited, Provenance, ViewGraph, ViewNode

MAIN_REGIONS = ["jeonbuk", "jeonbuk-jeonju", "jeonbuk-gimje", "gyeongbuk-gumi"]

Build = Callable[[GraphStore], ViewGraph]


@pytest.fixture(scope="module")
def seed(store: FalkorStore, built: BuildReport) -> FalkorStore:
    return store


def _ids(store: GraphStore, label: str) -> list[str]:
    """Ids of the items the home page lists (those with facts)."""
    query = catalog.get("view_home")
    rows = store.read(query.text, query.bind({})).rows
    return sorted({str(r["id"]) for r in rows if r["label"] == label})


def _pictures(store: GraphStore, kind: str) -> list[tuple[str, Build]]:
    regions = _ids(store, "Region")
    if kind == "region":
        return [(r, partial(views.region, region_id=r)) for r in regions]
    if kind == "industry":
        return [(i, partial(views.industry, industry_id=i)) for i in _ids(store, "Industry")]
    if kind == "overlap":
        groups = [list(p) for p in combinations(MAIN_REGIONS, 2)]
        groups += [MAIN_REGIONS[:3], MAIN_REGIONS]
        return [(",".join(g), partial(views.overlap, region_ids=g)) for g in groups]
    if kind == "organizations":
        found: list[tuple[str, Build]] = [("all", views.organizations)]
        found += [(f"region={r}", partial(views.organizations, region_id=r)) for r in regions]
        orgs = _ids(store, "Organization")
        return found + [(o, partial(views.organizations, organization=o)) for o in orgs]
    found = [("all", views.funding)]
    return found + [(r, partial(views.funding, region_id=r)) for r in regions]


@pytest.mark.parametrize("kind", ["region", "industry", "overlap", "organizations", "funding"])
def test_no_name_overlaps_a_name_or_a_node_on_any_seed_picture(
    seed: FalkorStore, kind: str
) -> None:
    pictures = _pictures(seed, kind)
    assert pictures
    bad = []
    named = 0
    for what, build in pictures:
        graph = build(seed)
        for lang in ("ko", "en"):
            found = collisions.count(static.figure(graph, lang=lang))
            named += found.labels
            if found.total or found.labels != min(len(graph.nodes), 150):
                bad.append(f"{kind} {what} {lang}: {found}")
    assert not bad, "\n".join(bad)
    assert named > len(pictures)  # the pictures do carry names


def _pair() -> ViewGraph:
    graph = ViewGraph("query", "둘", "Two")
    for key in ("a", "b"):
        graph.nodes[key] = ViewNode(key, key, "Region", ["Region"], "같은 이름", "Same", {})
    graph.size_nodes("degree")
    return graph


def test_the_count_sees_overlaps_when_there_are_some() -> None:
    fig = static.figure(_pair())
    ax = fig.axes[0]
    shown = [t for t in ax.texts if t.get_gid() == collisions.LABEL_GID]
    assert len(shown) == 2
    assert collisions.count(fig).total == 0
    shown[1].set_position(shown[0].get_position())  # one name onto the other
    assert collisions.count(fig).label_label == 1
    x0, y0, x1, y1 = collisions.marker_boxes(fig)[0]
    x, y = ax.transData.inverted().transform(((x0 + x1) / 2, (y0 + y1) / 2))
    shown[1].set_position((float(x), float(y)))
    assert collisions.count(fig).label_node >= 1  # onto a node
    shown[1].set_position((-500.0, 0.0))
    assert collisions.count(fig).outside == 1  # off the picture


def _texts(fig: Figure, gid: str) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_gid() == gid]


def test_caption_names_publishers_dates_build_and_data_date(seed: FalkorStore) -> None:
    graph = views.region(seed, "jeonbuk")
    prov = graph.provenance
    assert prov is not None
    assert prov.build_id == seed.build_id()
    assert len(prov.sources) >= 2
    assert all(c.facts >= 1 for c in prov.sources)
    assert [c.facts for c in prov.sources] == sorted((c.facts for c in prov.sources), reverse=True)
    ko = " ".join(_texts(static.figure(graph, lang="ko"), "rsg-caption")).replace("\n", " ")
    en = " ".join(_texts(static.figure(graph, lang="en"), "rsg-caption")).replace("\n", " ")
    assert ko.startswith("출처: ")
    assert en.startswith("Sources: ")
    assert f"빌드 {prov.build_id}" in ko
    assert f"build {prov.build_id}" in en
    assert f"자료 기준일 {prov.data_date}" in ko
    assert f"data as of {prov.data_date}" in en
    top = prov.sources[0]
    assert (top.publisher or top.title_ko[:10]) in ko
    assert top.published in ko


def test_caption_counts_the_sources_past_a_few() -> None:
    many = tuple(
        Cited(f"s{i}", f"신문{i}", f"2025-0{i + 1}-01", f"제목{i}", f"Title {i}", 10 - i)
        for i in range(5)
    )
    prov = Provenance(many, "b1")
    assert caption.text(prov, "ko") == (
        "출처: 신문0 (2025-01-01), 신문1 (2025-02-01), 신문2 (2025-03-01) 외 2건 · 빌드 b1 · "
        "자료 기준일 2025-05-01"
    )
    assert caption.text(prov, "en").endswith("and 2 more · build b1 · data as of 2025-05-01")
    untitled = Provenance((Cited("x", "", "", "긴 제목이 있는 기사", "An article", 1),), None)
    assert caption.text(untitled, "ko") == "출처: 「긴 제목이 있는 기사」"
    assert caption.text(Provenance(), "en") == "Sources: none"


def _height_ok(preset: static.Preset, height_mm: float) -> bool:
    """A fixed preset has its height; A4 page width is as tall as needed, at most the page."""
    if preset.fixed:
        return abs(height_mm - preset.height_mm) < 0.3
    return 50 < height_mm <= preset.height_mm + 0.3


@pytest.mark.parametrize("name", sorted(static.PRESETS))
def test_presets_give_the_same_picture_as_png_svg_and_pdf(seed: FalkorStore, name: str) -> None:
    graph = views.region(seed, "jeonbuk-gimje")
    preset = static.PRESETS[name]
    fig = static.figure(graph, preset=name)
    assert collisions.count(fig).total == 0
    names = sorted(_texts(fig, collisions.LABEL_GID))
    assert len(names) == len(graph.nodes)
    mm = 25.4

    png = static.render(graph, "png", preset=name)
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    assert pixels.shape[1] == pytest.approx(preset.width_mm / mm * 300, abs=2)
    assert _height_ok(preset, pixels.shape[0] / 300 * mm)

    svg = static.render(graph, "svg", preset=name).decode()
    size = re.search(r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert size is not None
    assert float(size.group(1)) == pytest.approx(preset.width_mm / mm * 72, abs=0.5)
    assert float(size.group(2)) == pytest.approx(pixels.shape[0] / 300 * 72, abs=0.5)
    assert svg.count(f'<g id="{collisions.LABEL_GID}') == len(names)

    pdf = PdfReader(io.BytesIO(static.render(graph, "pdf", preset=name)))
    (page,) = pdf.pages
    assert float(page.mediabox.width) == pytest.approx(preset.width_mm / mm * 72, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(pixels.shape[0] / 300 * 72, abs=0.5)
    text = re.sub(r"\s+", "", page.extract_text())
    for shown in names:  # Hangul stays text in the PDF, every name as drawn
        assert re.sub(r"\s+", "", shown) in text
    again = static.render(graph, "pdf", preset=name)
    assert again == static.render(graph, "pdf", preset=name)  # no dates: repeatable


def test_a_crowded_preset_shortens_names_and_keys_them(seed: FalkorStore) -> None:
    graph = views.region(seed, "jeonbuk")
    fig = static.figure(graph, lang="en", preset="square")
    assert collisions.count(fig).total == 0
    shown = _texts(fig, collisions.LABEL_GID)
    numbers = sorted(int(n) for t in shown for n in re.findall(r"\[(\d+)\]", t))
    assert numbers == list(range(1, len(numbers) + 1))  # keyed 1..n, each once
    assert numbers
    key = "\n".join(t for t in _texts(fig, "rsg-key"))
    full = {n.name_en for n in graph.nodes.values()}
    for number in numbers:
        entry = re.search(rf"^\[{number}\] (.+?)(?=\n\[|\Z)", key, re.MULTILINE | re.DOTALL)
        assert entry is not None
        assert " ".join(entry.group(1).split()) in full


def test_names_at_their_nodes_would_overlap_on_a_seed_picture(seed: FalkorStore) -> None:
    """The placement is what keeps the count at 0: the same picture with every name on its
    node (no placement) overlaps everywhere."""
    graph = views.region(seed, "jeonbuk-gimje")
    composer = picture.Composer(graph, static.korean_font(), "ko", None, static.SCREEN_DPI)
    fig = composer.figure()
    assert collisions.count(fig).total == 0
    for text in fig.findobj(Text):
        if text.get_gid() == collisions.LABEL_GID:
            text.set_position(composer.centres[str(text.get_label())])
    at_nodes = collisions.count(fig)
    assert at_nodes.label_node >= at_nodes.labels == len(graph.nodes)
    assert at_nodes.label_label > 0


def test_the_docs_pictures_are_one_small_png_per_kind(seed: FalkorStore, tmp_path: Path) -> None:
    from tools.gallery import PICTURES, draw

    written = draw(seed, tmp_path, "ko")
    assert [p.name for p in written] == [f"view-{kind}.png" for kind in PICTURES]
    assert set(PICTURES) == {"region", "industry", "overlap", "organizations", "funding"}
    docs = (Path(__file__).resolve().parents[2] / "docs" / "views.md").read_text("utf-8")
    for path in written:
        assert path.stat().st_size < 200_000
        assert path.read_bytes().startswith(b"\x89PNG")
        assert f"(img/{path.name})" in docs
