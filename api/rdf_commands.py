"""``rsg sparql`` and ``rsg export``: the RDF side from the shell (same answers as the API)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from api.cli import _fail, _settings, app
from api.output import emit, out
from ontology.errors import NotFound, RsgError
from queries.sparql import SparqlStore, dumps

EXPORT_NAMES = {"ttl": "graph.ttl", "jsonld": "graph.jsonld", "nt": "graph.nt"}


@app.command("sparql")
def sparql(
    query: Annotated[str, typer.Argument(help="SELECT, ASK, CONSTRUCT or DESCRIBE")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, json (SPARQL results JSON) or csv")
    ] = "table",
) -> None:
    """SPARQL 질의 / run a read-only SPARQL query on the current build's RDF export."""
    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    try:
        settings = _settings()
        result = SparqlStore(settings.home, row_cap=settings.row_cap).query(query)
    except RsgError as exc:
        raise _fail(exc) from None
    if result.kind == "graph":
        import pyoxigraph as ox

        sys.stdout.write(result.as_rdf(ox.RdfFormat.TURTLE).decode("utf-8"))
    elif fmt == "json":
        sys.stdout.write(dumps(result) + "\n")
    else:
        columns = ["boolean"] if result.kind == "ask" else result.variables
        emit(columns, result.as_rows(), fmt, truncated=result.truncated)


@app.command("export")
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, jsonld or nt")] = "ttl",
    dest: Annotated[str, typer.Option("--out", "-o", help="file to write, or - for stdout")] = "-",
) -> None:
    """RDF 내보내기 / write the current build's graph as Turtle, JSON-LD or N-Triples."""
    if fmt not in EXPORT_NAMES:
        raise typer.BadParameter("use ttl, jsonld or nt", param_hint="--format")
    try:
        source = _settings().home / "export" / EXPORT_NAMES[fmt]
        if not source.is_file():
            raise NotFound("no RDF export yet", "run `rsg build` first")
        if dest == "-":
            with source.open("rb") as handle:
                shutil.copyfileobj(handle, sys.stdout.buffer)
            return
        target = Path(dest)
        tmp = target.with_name(target.name + ".tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    except RsgError as exc:
        raise _fail(exc) from None
    except OSError as exc:
        raise _fail(RsgError(f"cannot write {dest}: {exc.strerror}", "check the path")) from None
    out.print(f"wrote {target} ({target.stat().st_size:,} bytes)")
