"""The ``rsg`` command-line tool.

Exit codes: 0 ok, 1 failure, 2 usage error, 3 validation failure.
Errors print one line (what is wrong, what to do); ``--debug`` adds the traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.ingest_commands import register as register_ingest_commands
from api.output import FORMATS, emit, err, out
from ontology.errors import RsgError, ValidationFailed
from queries.settings import Neo4jSettings, StoreSettings

app = typer.Typer(
    name="rsg",
    help="지역 신산업 전략 지식그래프 / Regional Strategy Graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
store_app = typer.Typer(help="내장 저장소 / the embedded FalkorDB server.", no_args_is_help=True)
app.add_typer(store_app, name="store")

_state = {"debug": False}

EXIT_FAILURE, EXIT_USAGE, EXIT_INVALID = 1, 2, 3


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks on errors")] = False,
) -> None:
    _state["debug"] = debug


def _fail(exc: BaseException) -> typer.Exit:
    if _state["debug"]:
        err.print_exception()
    if isinstance(exc, ValidationFailed):
        err.print(f"[red]error:[/red] {exc.message}", highlight=False)
        for problem in exc.problems[:200]:
            err.print(f"  {problem}", highlight=False, markup=False)
        if len(exc.problems) > 200:
            err.print(f"  ... and {len(exc.problems) - 200} more", highlight=False)
        if exc.hint:
            err.print(f"  → {exc.hint}", highlight=False, markup=False)
        return typer.Exit(EXIT_INVALID)
    if isinstance(exc, RsgError):
        hint = f" → {exc.hint}" if exc.hint else ""
        err.print(f"[red]error:[/red] {exc.message}{hint}", highlight=False)
        return typer.Exit(EXIT_FAILURE)
    err.print(f"[red]error:[/red] {type(exc).__name__}: {exc}", highlight=False, markup=False)
    return typer.Exit(EXIT_FAILURE)


def _settings() -> StoreSettings:
    from pydantic import ValidationError

    from ontology.errors import ConfigError

    try:
        return StoreSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "RSG_" + str(first["loc"][0]).upper()
        raise ConfigError(
            f"{name}: {first['msg']}", "see the configuration table in the README"
        ) from exc


def _open_store() -> Any:
    from queries.backends import open_store

    return open_store(_settings(), Neo4jSettings())


@app.command()
def build(
    corpus: Annotated[
        Path | None,
        typer.Option(help="raw source documents; checks every evidence span and records offsets"),
    ] = None,
    data: Annotated[
        Path | None, typer.Option(help="data folder (default: the bundled data/)")
    ] = None,
    no_shacl: Annotated[bool, typer.Option("--no-shacl", help="skip SHACL validation")] = False,
) -> None:
    """데이터로 그래프를 빌드 / build the graph from the data files into the store."""
    from ingest.build import Build
    from ingest.settings import BuildSettings

    try:
        corpus = corpus or BuildSettings().corpus
        if corpus is not None and not corpus.is_dir():
            raise RsgError(f"corpus folder {corpus} not found", "pass the folder of raw documents")
        settings = _settings()
        with (
            _open_store() as store,
            Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=err, transient=True,
            ) as progress,
        ):  # fmt: skip
            task = progress.add_task("build", total=None)

            def step(text: str) -> None:
                progress.update(task, description=text)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            report = Build(
                store, settings.home, data, corpus, shacl=not no_shacl, step=step, advance=advance
            ).run()
    except (RsgError, OSError) as exc:
        raise _fail(exc) from None
    table = Table(title=f"build {report.build_id} ({report.seconds:.2f} s)")
    table.add_column("label / type")
    table.add_column("count", justify="right")
    for name, count in {**report.labels, **report.types}.items():
        table.add_row(name, str(count))
    table.add_row("[b]nodes[/b]", str(report.nodes))
    table.add_row("[b]relationships[/b]", str(report.relationships))
    table.add_row("[b]RDF triples[/b]", str(report.triples))
    out.print(table)
    if report.evidence_checked:
        out.print(f"evidence spans located: {report.evidence_checked}")
    for problem in report.evidence_problems:
        err.print(f"[yellow]warning:[/yellow] {problem}", highlight=False)
    out.print("SHACL: skipped (--no-shacl)" if report.shacl_conforms is None else "SHACL: conforms")


@app.command()
def status() -> None:
    """저장소 상태 / store kind, location, counts and build id."""
    try:
        with _open_store() as store:
            info = store.info()
    except RsgError as exc:
        raise _fail(exc) from None
    out.print(f"store: {info.kind}  ({info.location})")
    out.print(f"nodes: {info.nodes}  relationships: {info.relationships}")
    build_id = info.build.get("id") if info.build else None
    out.print(f"build: {build_id or 'none yet (run `rsg build`)'}")
    for label, count in info.labels.items():
        out.print(f"  {label}: {count}")


def _parse_params(items: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier():
            raise typer.BadParameter(f"{item!r}: write NAME=VALUE", param_hint="--param")
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw  # plain text needs no JSON quoting
    return params


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="a read-only Cypher query")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE; VALUE is JSON or plain text"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """읽기 전용 Cypher 실행 / run a read-only Cypher query on the configured store."""
    from queries.guard import check_read_only

    if fmt not in FORMATS:
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    params = _parse_params(param or [])
    try:
        check_read_only(query)
        with _open_store() as store:
            result = store.read(query, params)
    except RsgError as exc:
        raise _fail(exc) from None
    emit(result.columns, result.rows, fmt, truncated=result.truncated)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="address (default RSG_API_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default RSG_API_PORT)")] = None,
) -> None:
    """API와 뷰 제공 / serve the HTTP API and views with uvicorn."""
    import uvicorn

    from api.settings import ApiSettings

    try:
        settings = ApiSettings()
        bind_host = host or settings.host
        bind_port = port or settings.port
        settings.check_exposure(bind_host)
        with _open_store() as store:
            store.info()  # fail here, with one line, rather than inside the server
        _check_port(bind_host, bind_port)
    except RsgError as exc:
        raise _fail(exc) from None
    out.print(f"serving on http://{bind_host}:{bind_port}  (Ctrl+C stops)")
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        loop="uvloop",
        http="httptools",
    )


def _check_port(host: str, port: int) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise RsgError(
                f"cannot listen on {host}:{port}: {exc.strerror}",
                "stop the other program or choose another port with --port",
            ) from exc


@app.command()
def explain(node_id: Annotated[str, typer.Argument(help="a node id, e.g. jeonbuk-gimje")]) -> None:
    """노드와 근거 / a node with its facts, sources and evidence."""
    from api.explain import explain_node

    try:
        corpus = _corpus_dir()
        with _open_store() as store:
            lines = explain_node(store, node_id, corpus)
    except RsgError as exc:
        raise _fail(exc) from None
    for line in lines:
        out.print(line, highlight=False, markup=False)


def _corpus_dir() -> Path | None:
    from ingest.settings import BuildSettings

    return BuildSettings().corpus


@store_app.command("start")
def store_start() -> None:
    """내장 서버 시작 / start (or reuse) the embedded server."""
    from queries.server import EmbeddedServer

    try:
        server = EmbeddedServer(_settings().home)
        endpoint = server.ensure_running()
    except RsgError as exc:
        raise _fail(exc) from None
    out.print(f"embedded store running (pid {server.pid()}) at {endpoint.describe()}")


@store_app.command("stop")
def store_stop() -> None:
    """내장 서버 중지 / stop the embedded server (it saves first)."""
    from queries.server import EmbeddedServer

    try:
        stopped = EmbeddedServer(_settings().home).stop()
    except RsgError as exc:
        raise _fail(exc) from None
    out.print("embedded store stopped" if stopped else "embedded store was not running")


# Command groups kept in their own modules register on `app` when imported.
from api import query_commands, rdf_commands  # noqa: E402

__all__ = ["app", "main", "query_commands", "rdf_commands"]

from api import view_commands  # noqa: E402, F401  (`rsg view ...`)

register_ingest_commands(app, _fail)


def main() -> None:
    app()
