"""``rsg view ...``: write a view to an HTML page, a PNG, SVG or PDF picture, or a GraphML or
GEXF file for graph tools.

The same code as ``/views/...``; the file type follows the suffix of ``--out`` (a .graphml or
.gexf file holds the same as ``?format=graphml|gexf``: the whole view, every node), and
``--preset a4|slide|square`` sizes a picture for documents. HTML files
are self-contained (vis-network inlined, no network requests) and UTF-8; every file is
written whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

import typer

from api.cli.common import fail, open_store, parse_params
from api.cli.output import err, out
from ontology.errors import RsgError
from queries.store import GraphStore
from visual.model import ViewGraph

SUFFIXES = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf"}
SUFFIXES |= {".graphml": "graphml", ".gexf": "gexf"}
GRAPH_FILES = ("graphml", "gexf")

Out = Annotated[
    Path,
    typer.Option(
        "--out", "-o", help="FILE.html, FILE.png, FILE.svg, FILE.pdf, FILE.graphml or FILE.gexf"
    ),
]
LangOpt = Annotated[str, typer.Option("--lang", help="names in ko (default) or en")]
SizeOpt = Annotated[
    str | None, typer.Option("--size", help="node size by degree or money (default per view)")
]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", help="most nodes to draw (default RSG_VIEW_NODE_LIMIT)")
]
PresetOpt = Annotated[
    str | None,
    typer.Option(
        "--preset",
        help="picture size: a4 (A4 page width), slide (16:9) or square, at 300 dpi for PNG "
        "(default: as large as the names need)",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``view`` group to the ``rsg`` app."""
    view_app = typer.Typer(
        help="그래프 뷰를 파일로 / write graph views to HTML, PNG, SVG, PDF, GraphML or GEXF "
        "files.",
        no_args_is_help=True,
    )
    view_app.command("region")(region)
    view_app.command("industry")(industry)
    view_app.command("overlap")(overlap)
    view_app.command("organizations")(organizations)
    view_app.command("funding")(funding)
    view_app.command("round")(designation_round)
    view_app.command("designations")(designations)
    view_app.command("query")(query)
    view_app.command("cypher")(cypher)
    view_app.command("heatmap")(heatmap_command)
    app.add_typer(view_app, name="view")


def _format(
    path: Path, allowed: tuple[str, ...] = ("html", "png", "svg", "pdf", *GRAPH_FILES)
) -> str:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt not in allowed:
        raise typer.BadParameter(
            f"{path.name}: use a file name ending in " + ", ".join(f".{a}" for a in allowed),
            param_hint="--out",
        )
    return fmt


def _graph_format(fmt: str) -> Literal["graphml", "gexf"]:
    return "graphml" if fmt == "graphml" else "gexf"


def _lang(lang: str) -> Literal["ko", "en"]:
    if lang not in ("ko", "en"):
        raise typer.BadParameter("use ko or en", param_hint="--lang")
    return "ko" if lang == "ko" else "en"


def _size(size: str | None, default: Literal["degree", "money"]) -> Literal["degree", "money"]:
    if size is None:
        return default
    if size not in ("degree", "money"):
        raise typer.BadParameter("use degree or money", param_hint="--size")
    return "degree" if size == "degree" else "money"


def _preset(preset: str | None, fmt: str) -> str | None:
    from visual.static import PRESETS

    if preset is None:
        return None
    if preset not in PRESETS:
        raise typer.BadParameter("use " + ", ".join(PRESETS), param_hint="--preset")
    if fmt == "html" or fmt in GRAPH_FILES:
        raise typer.BadParameter("a preset sizes a .png, .svg or .pdf", param_hint="--preset")
    return preset


def _write(
    build: Callable[[GraphStore], ViewGraph],
    out_path: Path,
    lang: str,
    limit: int | None,
    preset: str | None = None,
) -> None:
    from visual import exports, page, static
    from visual.aggregate import fit
    from visual.files import write_atomic, write_text
    from visual.settings import ViewSettings

    fmt = _format(out_path)
    language = _lang(lang)
    sized = _preset(preset, fmt)
    try:
        settings = ViewSettings()
        if limit is not None:
            settings = settings.model_copy(update={"node_limit": limit})
        with open_store() as store, err.status("뷰 생성 중 / building the view"):
            whole = build(store)
            graph = whole if fmt in GRAPH_FILES else fit(whole, settings.node_limit)
            if fmt in GRAPH_FILES:  # the whole view, as the HTTP download
                write_atomic(out_path, exports.write(whole, _graph_format(fmt)))
            elif fmt == "html":
                write_text(out_path, page.render(graph, settings, lang=language).html)
            else:
                picture = static.render(graph, fmt, settings, lang=language, preset=sized)  # type: ignore[arg-type]
                write_atomic(out_path, picture)
    except (RsgError, OSError) as exc:
        raise fail(exc) from None
    size_kb = out_path.stat().st_size / 1024
    out.print(
        f"wrote {out_path} ({len(graph.nodes)} nodes, {len(graph.edges)} edges, {size_kb:,.0f} KB)",
        highlight=False,
        markup=False,
    )
    if graph is not whole:
        err.print(
            f"{len(whole.nodes):,} nodes is above the limit of {settings.node_limit:,}: "
            "the most connected are drawn and the rest grouped by kind "
            "(narrow the view, or raise --limit to draw every node)",
            highlight=False,
            markup=False,
        )


def region(
    region_id: Annotated[str, typer.Argument(help="Region id, e.g. jeonbuk-gimje")],
    out_path: Out,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """지역 뷰 / a region with its strategies, initiatives, industries, money and partners."""
    from visual import views

    _write(
        lambda s: views.region(s, region_id, _size(size, "degree")), out_path, lang, limit, preset
    )


def industry(
    industry_id: Annotated[str, typer.Argument(help="Industry id, e.g. battery")],
    out_path: Out,
    initiatives: Annotated[
        bool, typer.Option(help="include the initiatives targeting the industry")
    ] = True,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """산업 뷰 / every region pursuing an industry, by segment."""
    from visual import views

    _write(
        lambda s: views.industry(s, industry_id, initiatives, _size(size, "degree")),
        out_path,
        lang,
        limit,
        preset,
    )


def overlap(
    regions: Annotated[list[str], typer.Argument(help="two or more Region ids")],
    out_path: Out,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """지역 중복 뷰 / shared, competing and complementary items of two or more regions."""
    from visual import views

    _write(
        lambda s: views.overlap(s, regions, _size(size, "degree")), out_path, lang, limit, preset
    )


def organizations(
    out_path: Out,
    organization: Annotated[str | None, typer.Option(help="one Organization id")] = None,
    kind: Annotated[str | None, typer.Option(help="Organization kind, e.g. university")] = None,
    region_id: Annotated[str | None, typer.Option("--region", help="one Region id")] = None,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """기관 네트워크 / organisations and the initiatives they join, fund or invest in."""
    from visual import views

    _write(
        lambda s: views.organizations(s, organization, kind, region_id, _size(size, "degree")),
        out_path,
        lang,
        limit,
        preset,
    )


def funding(
    out_path: Out,
    region_id: Annotated[str | None, typer.Option("--region", help="one Region id")] = None,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """재원 흐름 / funders -> initiatives -> regions, edge width by amount."""
    from visual import views

    _write(
        lambda s: views.funding(s, region_id, _size(size, "money")), out_path, lang, limit, preset
    )


def designation_round(
    round_id: Annotated[str, typer.Argument(help="DesignationRound id, e.g. nsic-2023-battery")],
    out_path: Out,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """공모 차수 뷰 / a designation round: who bid, who won, who lost."""
    from visual import views

    _write(
        lambda s: views.designation_round(s, round_id, _size(size, "degree")),
        out_path,
        lang,
        limit,
        preset,
    )


def designations(
    region_id: Annotated[str, typer.Argument(help="Region id, e.g. jeonbuk")],
    out_path: Out,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """지정 연표 뷰 / the rounds a region (and the places in it) bid for, with outcomes."""
    from visual import views

    _write(
        lambda s: views.region_designations(s, region_id, _size(size, "degree")),
        out_path,
        lang,
        limit,
        preset,
    )


def query(
    name: Annotated[str, typer.Argument(help="a named query, see `rsg queries`")],
    out_path: Out,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE; VALUE is JSON or text")
    ] = None,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """명명 질의 결과 그래프 / a named query's result as a graph."""
    from visual import views

    params = parse_params(param or [])
    _write(
        lambda s: views.named(s, name, params, _size(size, "degree")), out_path, lang, limit, preset
    )


def cypher(
    text: Annotated[str, typer.Argument(metavar="QUERY", help="a read-only Cypher query")],
    out_path: Out,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE; VALUE is JSON or text")
    ] = None,
    lang: LangOpt = "ko",
    size: SizeOpt = None,
    limit: LimitOpt = None,
    preset: PresetOpt = None,
) -> None:
    """Cypher 결과 그래프 / a read-only Cypher result as a graph."""
    from visual import views

    params = parse_params(param or [])
    _write(
        lambda s: views.cypher(s, text, params, size_by=_size(size, "degree")),
        out_path,
        lang,
        limit,
        preset,
    )


def heatmap_command(
    regions: Annotated[list[str], typer.Argument(help="two or more Region ids")],
    out_path: Out,
    level: Annotated[int | None, typer.Option(help="taxonomy depth, 0 = top level")] = None,
    lang: LangOpt = "ko",
) -> None:
    """지역 중복 히트맵 / Jaccard heatmap of regions (FILE.html, FILE.svg, or FILE.graphml /
    FILE.gexf: regions and their shared industries, the scores as edge weights)."""
    from visual import exports, heatmap
    from visual.files import write_atomic, write_text

    fmt = _format(out_path, ("html", "svg", *GRAPH_FILES))
    language = _lang(lang)
    try:
        with open_store() as store:
            heat = heatmap.build(store, regions, level)
        if fmt in GRAPH_FILES:
            write_atomic(out_path, exports.write(heatmap.graph(heat), _graph_format(fmt)))
        else:
            text = (
                heatmap.svg(heat, language)
                if fmt == "svg"
                else heatmap.page(heat, lang=language).html
            )
            write_text(out_path, text)
    except (RsgError, OSError) as exc:
        raise fail(exc) from None
    out.print(f"wrote {out_path} ({len(heat.regions)} regions)", highlight=False, markup=False)
