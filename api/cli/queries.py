"""``rsg queries``, ``rsg query`` and ``rsg overlaps``: the named query library from the shell.

They run the same code as ``/queries/{name}`` and ``/overlaps``, so both give the same rows;
overlap of three or more regions comes from the per-build analytics projection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.cli.common import fail, open_store, parse_params
from api.cli.output import FORMATS, emit, out
from ontology.errors import QueryError, RsgError
from queries.catalog import catalog, get
from queries.projection import projections


def register(app: typer.Typer) -> None:
    """Add the commands to the ``rsg`` app."""
    app.command("queries")(list_queries)
    app.command("query")(run_query)
    app.command("overlaps")(overlaps)


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
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """지역 간 산업 중복 / shared industries and Jaccard score between regions."""
    from api.web.routers.queries import run_named

    _check_format(fmt)
    try:
        if len(regions) < 2:
            raise QueryError("one region has nothing to overlap with", "give two or more regions")
        with open_store() as store:
            if len(regions) == 2:
                given = {"region_a": regions[0], "region_b": regions[1], "level": level}
                run = run_named(store, "region_overlap", given)
                columns, rows, truncated = run.columns, run.rows, run.truncated
            else:
                rows = projections.of(store).overlaps(regions, level=level)
                columns, truncated = list(get("overlap_matrix").returns), False
    except RsgError as exc:
        raise fail(exc) from None
    if fmt == "table":
        columns = ["region_a", "region_b", "shared_count", "jaccard", "shared"]
    emit(columns, rows, fmt, truncated=truncated)
