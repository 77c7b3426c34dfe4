"""``rsg queries``, ``rsg query`` and ``rsg overlaps``: the named query library from the shell.

They run the same code as ``/queries/{name}`` and ``/overlaps``, so both give the same rows;
overlap of three or more regions comes from the per-build analytics projection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli.common import fail, open_store, parse_params
from api.cli.output import FORMATS, emit, out
from ontology.errors import QueryError, RsgError
from queries.catalog import catalog, get
from queries.projection import projections

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="YYYY, YYYY-MM or YYYY-MM-DD: the state at the end of that period"
    ),
]


def register(app: typer.Typer) -> None:
    """Add the commands to the ``rsg`` app."""
    app.command("queries")(list_queries)
    app.command("query")(run_query)
    app.command("overlaps")(overlaps)
    app.command("competition")(competition)
    app.command("rounds")(rounds)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter("use table, json or csv", param_hint="--format")


def list_queries(
    docs: Annotated[
        Path | None,
        typer.Option(help="write the Markdown reference (docs/queries.md) to this file"),
    ] = None,
) -> None:
    """명명 질의 목록 / list the named queries (or write their reference page)."""
    if docs is not None:
        from api.cli.querydoc import render

        try:
            with open_store() as store:
                text = render(store)
        except RsgError as exc:
            raise fail(exc) from None
        tmp = docs.with_name(docs.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(docs)
        out.print(f"wrote {docs} ({len(catalog())} queries)")
        return
    table = Table("name", "설명", "description", "parameters")
    for query in catalog().values():
        params = ", ".join(f"{p.name}{'*' if p.required else ''}: {p.type}" for p in query.params)
        table.add_row(query.name, query.description_ko, query.description_en, params)
    out.print(table)
    out.print("* required. Run one with `rsg query NAME -p name=value`.")


def run_query(
    name: Annotated[str, typer.Argument(help="a named query, see `rsg queries`")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE; VALUE is JSON or plain text"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """명명 질의 실행 / run a named query with parameters."""
    from api.web.routers.queries import run_named

    _check_format(fmt)
    params = parse_params(param or [])
    try:
        with open_store() as store:
            run = run_named(store, name, params)
    except RsgError as exc:
        raise fail(exc) from None
    emit(run.columns, run.rows, fmt, truncated=run.truncated)


def overlaps(
    regions: Annotated[list[str], typer.Argument(help="two or more Region ids")],
    level: Annotated[
        int | None,
        typer.Option(help="taxonomy depth: 0 = top level; default as pursued"),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """지역 간 산업 중복 / shared industries and Jaccard score between regions."""
    from api.web.routers.queries import run_named

    _check_format(fmt)
    try:
        if len(regions) < 2:
            raise QueryError("one region has nothing to overlap with", "give two or more regions")
        with open_store() as store:
            if len(regions) == 2 or as_of is not None:
                # The projection holds today's graph; a past date asks the named queries.
                pair = {"region_a": regions[0], "region_b": regions[-1], "level": level}
                given = pair if len(regions) == 2 else {"regions": regions, "level": level}
                name = "region_overlap" if len(regions) == 2 else "overlap_matrix"
                run = run_named(store, name, given | {"as_of": as_of})
                columns, rows, truncated = run.columns, run.rows, run.truncated
            else:
                rows = projections.of(store).overlaps(regions, level=level)
                columns, truncated = list(get("overlap_matrix").returns), False
    except RsgError as exc:
        raise fail(exc) from None
    if fmt == "table":
        columns = ["region_a", "region_b", "shared_count", "jaccard", "shared"]
    emit(columns, rows, fmt, truncated=truncated)


def competition(
    designation: Annotated[
        str | None, typer.Argument(help="a Designation id; all designations without one")
    ] = None,
    min_regions: Annotated[int, typer.Option(help="only schemes with this many places")] = 2,
    rivals_only: Annotated[
        bool, typer.Option(help="only schemes with rivals in one of their rounds")
    ] = False,
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """지정 경쟁 / who seeks or holds each national designation, and the rivals of each round."""
    given = {"designation": designation, "min_regions": min_regions, "as_of": as_of}
    _named_table(
        "designation_competition",
        given | {"rivals_only": rivals_only},
        fmt,
        ["designation", "name_ko", "region_count", "holders", "seekers", "rivals"],
    )


def rounds(
    designation: Annotated[
        str | None, typer.Argument(help="a Designation id; every scheme without one")
    ] = None,
    round_id: Annotated[str | None, typer.Option("--round", help="one DesignationRound id")] = None,
    industry: Annotated[str | None, typer.Option(help="rounds covering this Industry id")] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """공모 차수 / winners, losers and pending bids of each designation round."""
    given = {"designation": designation, "round": round_id, "industry": industry, "as_of": as_of}
    table = ["round", "name_ko", "status", "bid_count", "winners", "losers", "pending"]
    _named_table("round_results", given, fmt, table, shorten=("winners", "losers", "pending"))


def _named_table(
    name: str,
    given: dict[str, Any],
    fmt: str,
    table: list[str],
    shorten: tuple[str, ...] = (),
) -> None:
    """Run a named query; the table shows a few columns (lists of bids by place only)."""
    from api.web.routers.queries import run_named

    _check_format(fmt)
    try:
        with open_store() as store:
            run = run_named(store, name, given)
    except RsgError as exc:
        raise fail(exc) from None
    if fmt != "table":
        emit(run.columns, run.rows, fmt, truncated=run.truncated)
        return
    rows = [
        {k: [b["region"] for b in v] if k in shorten else v for k, v in row.items()}
        for row in run.rows
    ]
    emit(table, rows, fmt, truncated=run.truncated)
