"""How the CLI prints rows: a rich table, a JSON array of row objects, or CSV."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from api.web.download import cell, csv_text

FORMATS = ("table", "json", "csv")

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def emit(
    columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str, *, truncated: bool = False
) -> None:
    """Print ``rows``; with ``json`` and ``csv`` nothing but the data goes to stdout."""
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(csv_text(columns, rows))
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*(cell(row.get(column)) for column in columns))
        out.print(table)
        out.print(f"{len(rows)} row(s)")
    if truncated:
        err.print(f"[yellow]warning:[/yellow] stopped at the row cap of {len(rows)} rows")
