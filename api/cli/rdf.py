"""``rsg sparql`` and ``rsg export``: the RDF side from the shell (same answers as the API)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import fail, store_settings
from api.cli.output import emit, out
from ontology.errors import RsgError

SPARQL_FORMATS = ("table", "json", "csv", "tsv")


def register(app: typer.Typer) -> None:
    """Add the commands to the ``rsg`` app."""
    app.command("sparql")(sparql)
    app.command("export")(export)


def sparql(
    query: Annotated[
        str, typer.Argument(help="SELECT, ASK, CONSTRUCT or DESCRIBE; - reads it from stdin")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="table, json (SPARQL results JSON), csv or tsv (SPARQL TSV)"
        ),
    ] = "table",
) -> None:
    """SPARQL 질의 / run a read-only SPARQL query on the current build's RDF export.

    CONSTRUCT and DESCRIBE print Turtle whatever the format.
    """
    from queries.sparql import SparqlStore, dumps

    if fmt not in SPARQL_FORMATS:
        raise typer.BadParameter("use table, json, csv or tsv", param_hint="--format")
    text = sys.stdin.read() if query == "-" else query
    try:
        settings = store_settings()
        store = SparqlStore(
            settings.home, row_cap=settings.row_cap, timeout_ms=settings.query_timeout_ms
        )
        result = store.query(text)
    except RsgError as exc:
        raise fail(exc) from None
    if result.kind == "graph":
        import pyoxigraph as ox

        sys.stdout.write(result.as_rdf(ox.RdfFormat.TURTLE).decode("utf-8"))
    elif fmt == "json":
        sys.stdout.write(dumps(result) + "\n")
    elif fmt == "csv":
        sys.stdout.write(result.as_csv())
    elif fmt == "tsv":
        sys.stdout.write(result.as_tsv())
    else:
        columns = ["boolean"] if result.kind == "ask" else result.variables
        emit(columns, result.as_rows(), fmt, truncated=result.truncated)
        return
    if result.truncated:
        from api.cli.output import err

        err.print(f"[yellow]warning:[/yellow] stopped at the row cap of {store.row_cap}")


def _write_atomically(source: Path, target: Path) -> None:
    """Copy into a temporary file beside ``target``, then rename: whole file or nothing."""
    handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(handle, "wb") as sink, source.open("rb") as src:
            shutil.copyfileobj(src, sink)
        os.chmod(tmp, 0o644)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, jsonld or nt")] = "ttl",
    dest: Annotated[
        str, typer.Option("--out", "-o", help="file to write (UTF-8), or - for stdout")
    ] = "-",
) -> None:
    """RDF 내보내기 / write the current build's graph as Turtle, JSON-LD or N-Triples."""
    from api.web.routers.export import EXPORTS, export_file

    if fmt not in EXPORTS:
        raise typer.BadParameter("use ttl, jsonld or nt", param_hint="--format")
    try:
        source = export_file(store_settings().home / "export", fmt)
        if dest == "-":
            with source.open("rb") as handle:
                shutil.copyfileobj(handle, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        target = Path(dest)
        if target.is_dir():
            raise RsgError(f"{dest} is a folder", "give a file name, e.g. --out graph.ttl")
        _write_atomically(source, target)
    except RsgError as exc:
        raise fail(exc) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail(RsgError(f"cannot write {dest}: {reason}", "check the path")) from None
    out.print(f"wrote {target} ({target.stat().st_size:,} bytes)", highlight=False)
