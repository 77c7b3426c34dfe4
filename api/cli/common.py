"""What the command groups of ``rsg`` share: error printing and exit codes, the store, parameters.

Exit codes: 0 ok, 1 failure, 2 usage error, 3 validation failure.
Errors print one line (what is wrong, what to do); ``--debug`` adds the traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from api.cli.output import err
from ontology.errors import RsgError, ValidationFailed
from queries.settings import Neo4jSettings, StoreSettings

STATE = {"debug": False}

EXIT_FAILURE, EXIT_USAGE, EXIT_INVALID = 1, 2, 3


def set_debug(debug: bool) -> None:
    STATE["debug"] = debug


def fail(exc: BaseException) -> typer.Exit:
    if STATE["debug"]:
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


def store_settings() -> StoreSettings:
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


def open_store() -> Any:
    from queries.backends import open_store as open_backend

    return open_backend(store_settings(), Neo4jSettings())


def parse_params(items: list[str]) -> dict[str, Any]:
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


def corpus_dir() -> Path | None:
    from ingest.settings import BuildSettings

    return BuildSettings().corpus
