"""The ``rsg`` command-line tool: the root app and its command groups.

Exit codes: 0 ok, 1 failure, 2 usage error, 3 validation failure (see ``api.cli.common``).
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from api.cli import documents, graph, queries, rdf, store, views
from api.cli.common import set_debug
from api.cli.output import err

app = typer.Typer(
    name="rsg",
    help="지역 신산업 전략 지식그래프 / Regional Strategy Graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks on errors")] = False,
) -> None:
    set_debug(debug)
    from api.web.environment import warnings

    for line in warnings(os.environ):
        err.print(f"[yellow]warning:[/yellow] {line}", highlight=False)


for group in (store, graph, queries, rdf, views, documents):
    group.register(app)


def main() -> None:
    app()
