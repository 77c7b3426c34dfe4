"""CSV downloads: UTF-8 with a byte-order mark (Excel opens Hangul correctly) and RFC 5987 names."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from fastapi.responses import Response


def cell(value: Any) -> str:
    """A CSV cell: text as it is, everything else as compact JSON (Hangul kept)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def csv_text(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 5987)."""
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_") or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def safe_filename(*parts: str) -> str:
    """Join parts into a file name: Hangul kept, path separators and controls dropped."""
    joined = "-".join(p for p in parts if p)
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", joined)[:150] or "result"


def csv_response(filename: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> Response:
    body = csv_text(columns, rows).encode("utf-8-sig")
    return Response(
        content=body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition(filename)},
    )
