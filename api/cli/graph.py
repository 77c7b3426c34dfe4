"""``rsg build``, ``status``, ``cypher``, ``serve`` and ``explain``: the graph itself."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli.common import corpus_dir, fail, open_store, parse_params, store_settings
from api.cli.output import FORMATS, emit, err, out
from ontology.errors import RsgError


def register(app: typer.Typer) -> None:
    """Add the commands to the ``rsg`` app."""
    app.command()(build)
    app.command()(status)
    app.command()(cypher)
    app.command()(serve)
    app.command()(explain)


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
    from ingest.graph.build import Build
    from ingest.settings import BuildSettings

    try:
        corpus = corpus or BuildSettings().corpus
        if corpus is not None and not corpus.is_dir():
            raise RsgError(f"corpus folder {corpus} not found", "pass the folder of raw documents")
        settings = store_settings()
        with (
            open_store() as store,
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
        raise fail(exc) from None
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


def status() -> None:
    """저장소 상태 / store kind, location, counts and build id."""
    try:
        with open_store() as store:
            info = store.info()
    except RsgError as exc:
        raise fail(exc) from None
    out.print(f"store: {info.kind}  ({info.location})")
    out.print(f"nodes: {info.nodes}  relationships: {info.relationships}")
    build_id = info.build.get("id") if info.build else None
    out.print(f"build: {build_id or 'none yet (run `rsg build`)'}")
    for label, count in info.labels.items():
        out.print(f"  {label}: {count}")


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
    params = parse_params(param or [])
    try:
        check_read_only(query)
        with open_store() as store:
            result = store.read(query, params)
    except RsgError as exc:
        raise fail(exc) from None
    emit(result.columns, result.rows, fmt, truncated=result.truncated)


def serve(
    host: Annotated[str | None, typer.Option(help="address (default RSG_API_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default RSG_API_PORT)")] = None,
) -> None:
    """API와 뷰 제공 / serve the HTTP API and views with uvicorn."""
    import uvicorn

    from api.web.settings import ApiSettings

    try:
        settings = ApiSettings()
        bind_host = host or settings.host
        bind_port = port or settings.port
        settings.check_exposure(bind_host)
        with open_store() as store:
            store.info()  # fail here, with one line, rather than inside the server
        _check_port(bind_host, bind_port)
    except RsgError as exc:
        raise fail(exc) from None
    out.print(f"serving on http://{bind_host}:{bind_port}  (Ctrl+C stops)")
    uvicorn.run(
        "api.web.app:create_app",
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


def explain(node_id: Annotated[str, typer.Argument(help="a node id, e.g. jeonbuk-gimje")]) -> None:
    """노드와 근거 / a node with its facts, sources and evidence."""
    from api.cli.explain import explain_node

    try:
        corpus = corpus_dir()
        with open_store() as store:
            lines = explain_node(store, node_id, corpus)
    except RsgError as exc:
        raise fail(exc) from None
    for line in lines:
        out.print(line, highlight=False, markup=False)
