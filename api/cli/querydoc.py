"""docs/queries.md, written from the bundled queries: each query's purpose, parameters,
columns and an example of its output on the seed graph (``rsg queries --docs docs/queries.md``)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from queries.catalog import NamedQuery, bundled
from queries.store import GraphStore

EXAMPLE_ROWS = 2
MAX_ITEMS = 4
MAX_TEXT = 70
#: Store-internal ids differ between stores and builds, and evidence offsets exist only when
#: the build had the raw corpus; the docs leave them out so they read the same everywhere.
INTERNAL = frozenset({"_id", "_start", "_end", "evidence_start", "evidence_end"})


def _trim(value: Any) -> Any:
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"
    if isinstance(value, list):
        kept = [_trim(v) for v in value[:MAX_ITEMS]]
        if len(value) > MAX_ITEMS:
            kept.append(f"… {len(value) - MAX_ITEMS} more")
        return kept
    if isinstance(value, dict):
        return {k: _trim(v) for k, v in value.items() if k not in INTERNAL}
    return value


def example_params(query: NamedQuery) -> dict[str, Any]:
    return {p.name: p.example for p in query.params if p.example is not None}


def _cli(query: NamedQuery, params: dict[str, Any]) -> str:
    parts = ["rsg query", query.name]
    for name, value in params.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"-p '{name}={text}'")
    return " ".join(parts)


def _http(query: NamedQuery, params: dict[str, Any]) -> str:
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if isinstance(value, list):
            pairs.extend((name, str(v)) for v in value)
        elif isinstance(value, bool):
            pairs.append((name, "true" if value else "false"))
        else:
            pairs.append((name, str(value)))
    suffix = f"?{urlencode(pairs, safe=',')}" if pairs else ""
    return f"GET /queries/{query.name}{suffix}"


def _section(query: NamedQuery, store: GraphStore) -> list[str]:
    params = example_params(query)
    lines = [f"## `{query.name}`", "", query.description_ko, "", query.description_en, ""]
    if query.params:
        lines += [
            "| parameter | type | required | default | description |",
            "|---|---|---|---|---|",
        ]
        for p in query.params:
            default = "" if p.default is None else json.dumps(p.default, ensure_ascii=False)
            description = p.description.replace("|", "\\|")
            required = "yes" if p.required else ""
            lines.append(f"| `{p.name}` | {p.type} | {required} | {default} | {description} |")
        lines.append("")
    else:
        lines += ["No parameters.", ""]
    lines += [f"Columns: {', '.join(f'`{c}`' for c in query.returns)}", ""]
    lines += ["```sh", _cli(query, params), _http(query, params), "```", ""]
    result = store.read(query.text, query.bind(params))
    shown = [_trim(row) for row in result.rows[:EXAMPLE_ROWS]]
    more = len(result.rows) - len(shown)
    lines.append(
        f"Example output on the seed graph ({len(result.rows)} row(s)"
        + (f", first {len(shown)} shown" if more > 0 else "")
        + "):"
    )
    lines += ["", "```json", json.dumps(shown, ensure_ascii=False, indent=2), "```", ""]
    return lines


def render(store: GraphStore) -> str:
    """The whole page; deterministic for a given build (every query orders its rows)."""
    queries = list(bundled().values())  # never the queries a user saved in RSG_HOME
    lines = [
        "# 명명 질의 / Named queries",
        "",
        "<!-- Written by `rsg queries --docs docs/queries.md` from queries/cypher/*.cypher;"
        " edit the .cypher headers, not this file. -->",
        "",
        "Every query runs read-only on either store, from the CLI (`rsg query NAME -p k=v`),",
        'over HTTP (`GET /queries/NAME?k=v`, or `POST` with `{"params": {...}}`) and from',
        "Python (`api.facade.StrategyGraph.query`). List parameters repeat in the query string",
        "(`?regions=a&regions=b`) or are comma-separated. Add `?format=csv` (HTTP) or",
        "`-f csv` (CLI) for a spreadsheet. Example outputs are cut to a few rows, list items",
        "and characters.",
        "",
        "| query | what it answers |",
        "|---|---|",
    ]
    lines += [f"| [`{q.name}`](#{q.name}) | {q.description_en} |" for q in queries]
    lines.append("")
    for query in queries:
        lines += _section(query, store)
    return "\n".join(lines).rstrip() + "\n"
