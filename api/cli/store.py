"""``rsg store start`` and ``rsg store stop``: the embedded FalkorDB server."""

from __future__ import annotations

import typer

from api.cli.common import fail, store_settings
from api.cli.output import out
from ontology.errors import RsgError


def register(app: typer.Typer) -> None:
    """Add the ``store`` group to the ``rsg`` app."""
    store_app = typer.Typer(
        help="내장 저장소 / the embedded FalkorDB server.", no_args_is_help=True
    )
    store_app.command("start")(store_start)
    store_app.command("stop")(store_stop)
    app.add_typer(store_app, name="store")


def store_start() -> None:
    """내장 서버 시작 / start (or reuse) the embedded server."""
    from queries.server import EmbeddedServer

    try:
        settings = store_settings()
        server = EmbeddedServer(settings.home, limits=settings.server_limits())
        endpoint = server.ensure_running()
    except RsgError as exc:
        raise fail(exc) from None
    out.print(f"embedded store running (pid {server.pid()}) at {endpoint.describe()}")


def store_stop() -> None:
    """내장 서버 중지 / stop the embedded server (it saves first)."""
    from queries.server import EmbeddedServer

    try:
        stopped = EmbeddedServer(store_settings().home).stop()
    except RsgError as exc:
        raise fail(exc) from None
    out.print("embedded store stopped" if stopped else "embedded store was not running")
