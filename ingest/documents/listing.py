"""The entries of a listing file (``sources.yaml`` of the data folder, ``manifest.yaml`` beside
a corpus), read once while the file is unchanged.

``rsg ingest`` asks for every document of a folder which source it belongs to and when it was
published; reading the listing again for each one cost more than extracting the document.
A file that cannot be read gives no entries: the data folder's own validation reports it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

#: libyaml's safe loader (part of the PyYAML wheels); the pure-Python one only as a fallback.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def entries(path: Path | None, key: str) -> tuple[dict[str, Any], ...]:
    """The mappings listed under ``key`` in the YAML file at ``path`` (none if it is missing,
    unreadable or not such a file). Shared between callers: read them, do not change them."""
    if path is None:
        return ()
    try:
        seen = path.stat()
    except OSError:
        return ()
    return _read(path, key, seen.st_mtime_ns, seen.st_size)


@functools.lru_cache(maxsize=16)
def _read(path: Path, key: str, mtime_ns: int, size: int) -> tuple[dict[str, Any], ...]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError, ValueError):
        return ()
    items = data.get(key) if isinstance(data, dict) else None
    return tuple(item for item in items or [] if isinstance(item, dict))
