"""Queries saved from the console: ``RSG_HOME/queries/<name>.cypher`` with the same header as
the bundled ones (``queries/catalog.py`` reads them and lists them after the bundled ones).

Only this module writes there. A saved query is checked by the read-only guard first, its
name may not be a bundled query's, and the file is replaced atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ontology.errors import ValidationFailed
from queries.guard import check_read_only
from queries.settings import StoreSettings

NAME_RE = re.compile(r"^[a-z][a-z0-9_]{2,60}$")
#: The files of the folder with their modification times (a change gives a new stamp).
Stamp = tuple[tuple[Path, int], ...]
_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (list, "list"), (str, "string"))


def folder() -> Path:
    return _folder(os.environ.get("RSG_HOME"))


@cache
def _folder(home_variable: str | None) -> Path:
    """Settings are read once per value of RSG_HOME (catalog() runs on every request)."""
    del home_variable
    return StoreSettings().home / "queries"


def stamp(where: Path) -> Stamp:
    try:
        entries = sorted(os.scandir(where), key=lambda e: e.name)
    except FileNotFoundError:
        return ()
    return tuple(
        (Path(e.path), e.stat().st_mtime_ns)
        for e in entries
        if e.name.endswith(".cypher") and e.is_file()
    )


def param_type(value: Any) -> str:
    for kind, name in _TYPES:
        if isinstance(value, kind):
            return name
    raise ValidationFailed(
        "a parameter value must be a string, number, boolean or list",
        [f"got {value!r}"],
        "give each parameter an example value of its type",
    )


def header(name: str, description_ko: str, description_en: str, params: dict[str, Any]) -> str:
    """The comment header the catalog reads: YAML behind ``// ``."""
    meta: dict[str, Any] = {
        "name": name,
        "description_ko": " ".join(description_ko.split()),
        "description_en": " ".join(description_en.split()),
        "params": {
            key: {"type": param_type(value), "required": True, "example": value}
            for key, value in params.items()
        },
        "returns": [],
    }
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return "".join(f"// {line}\n" for line in text.splitlines())


def save(
    name: str,
    description_ko: str,
    description_en: str,
    query: str,
    params: dict[str, Any],
    *,
    taken: set[str],
    where: Path | None = None,
) -> Path:
    """Write the query file (replacing an earlier save of the same name); ``taken`` holds the
    bundled names, which a saved query may not use."""
    problems = []
    if not NAME_RE.match(name):
        problems.append("name: lower-case letters, digits and _, 3 to 61 long, a letter first")
    if name in taken:
        problems.append(f"name: {name} is a bundled query")
    if not description_ko.strip() or not description_en.strip():
        problems.append("description_ko and description_en: both are needed")
    if not query.strip():
        problems.append("query: empty")
    if problems:
        raise ValidationFailed("the query cannot be saved", problems, "fix the fields and save")
    check_read_only(query)
    target = (where or folder()) / f"{name}.cypher"
    # A blank line ends the header, so a query opening with a comment stays query text.
    text = header(name, description_ko, description_en, params) + "\n" + query.strip() + "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temp, target)
    return target
