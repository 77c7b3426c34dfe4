"""The named query library: ``queries/cypher/*.cypher`` files with a metadata header.

A header is the leading block of ``//`` comment lines, read as YAML::

    // name: region_portfolio
    // description_ko: 지역의 산업, 세부 가치사슬, 사업과 예산
    // description_en: A region's industries, segments, initiatives and money
    // params:
    //   region: {type: string, required: true, example: jeonbuk}
    // returns: [industry, segment, initiative, budget_krw]
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ontology.errors import NotFound, QueryError, ValidationFailed
from ontology.models import DATE_RE
from queries import saved

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "list": (list,),
    "date": (str,),  # ISO 8601 at any precision: 2025, 2025-09, 2025-09-03
}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: Any = None
    example: Any = None
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description_ko: str
    description_en: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    text: str
    path: Path
    #: "bundled" (queries/cypher/) or "user" (saved from the console into RSG_HOME/queries/)
    origin: str = "bundled"

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Check and complete the parameters (types, required, defaults; no unknown names)."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(
                f"query {self.name} has no parameter {', '.join(unknown)}",
                f"its parameters: {', '.join(known) or 'none'}",
            )
        bound: dict[str, Any] = {}
        for param in self.params:
            value = given.get(param.name, param.default)
            if value is None:
                if param.required:
                    raise QueryError(
                        f"query {self.name} needs the parameter {param.name}",
                        f"e.g. {param.name}={param.example!r}",
                    )
                bound[param.name] = None
                continue
            value = _coerce(param, value)
            bound[param.name] = value
        return bound


def _coerce(param: Param, value: Any) -> Any:
    kinds = _TYPES[param.type]
    if isinstance(value, str) and param.type in ("integer", "number"):
        with contextlib.suppress(ValueError):
            value = int(value) if param.type == "integer" else float(value)
    if isinstance(value, str) and param.type == "boolean" and value in ("true", "false"):
        value = value == "true"
    if isinstance(value, str) and param.type == "list":
        value = [part.strip() for part in value.split(",") if part.strip()]
    if param.type == "date":
        # A year typed on the command line arrives as a number (-p as_of=2020 is JSON).
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not (isinstance(value, str) and DATE_RE.match(value.strip())):
            raise QueryError(
                f"parameter {param.name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, "
                f"got {value!r}",
                f"e.g. {param.name}={param.example!r}",
            )
        return value.strip()
    if isinstance(value, bool) and param.type in ("integer", "number"):
        kinds = ()
    if not isinstance(value, kinds):
        raise QueryError(
            f"parameter {param.name} must be {param.type}, got {value!r}",
            f"e.g. {param.name}={param.example!r}",
        )
    return value


def parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header_lines = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header_lines.append(line[3:] if line.startswith("// ") else line[2:])
    try:
        meta = yaml.safe_load("\n".join(header_lines)) or {}
        params = tuple(
            Param(name=name, **(spec or {})) for name, spec in (meta.get("params") or {}).items()
        )
        query = NamedQuery(
            name=str(meta["name"]),
            description_ko=str(meta["description_ko"]),
            description_en=str(meta["description_en"]),
            params=params,
            returns=tuple(meta.get("returns") or ()),
            text=text,
            path=path,
        )
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        raise ValidationFailed(
            f"{path}: bad query header", [f"{path}: {exc}"], "see queries/catalog.py for the format"
        ) from exc
    if query.name != path.stem:
        raise ValidationFailed(
            f"{path}: name {query.name!r} differs from the file name", [str(path)], "rename one"
        )
    for param in params:
        if param.type not in _TYPES:
            raise ValidationFailed(
                f"{path}: parameter {param.name} has unknown type {param.type}",
                [str(path)],
                f"use one of {', '.join(_TYPES)}",
            )
    return query


@cache
def bundled() -> dict[str, NamedQuery]:
    """The queries shipped in ``queries/cypher/``."""
    return {q.name: q for q in (parse(p) for p in sorted(CYPHER_DIR.glob("*.cypher")))}


@cache
def _saved(stamp: saved.Stamp) -> dict[str, NamedQuery]:
    found = {}
    for path, _mtime in stamp:
        query = parse(path)
        found[query.name] = NamedQuery(**{**query.__dict__, "origin": "user"})
    return found


def catalog() -> dict[str, NamedQuery]:
    """The bundled queries, then those saved from the console into ``RSG_HOME/queries/``
    (``queries/saved.py``); a saved query never shadows a bundled one."""
    found = dict(bundled())
    for name, query in _saved(saved.stamp(saved.folder())).items():
        found.setdefault(name, query)
    return found


def get(name: str) -> NamedQuery:
    try:
        return catalog()[name]
    except KeyError:
        raise NotFound(
            f"no named query {name!r}", f"known: {', '.join(sorted(catalog()))}"
        ) from None
