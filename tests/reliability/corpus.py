"""The write-attempt corpus (``write_attempts.yaml``) and hostile parameter values."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


@cache
def write_attempts() -> list[dict[str, Any]]:
    data = yaml.safe_load((HERE / "write_attempts.yaml").read_text(encoding="utf-8"))
    attempts: list[dict[str, Any]] = data["attempts"]
    return attempts


@cache
def sparql_updates() -> list[dict[str, Any]]:
    data = yaml.safe_load((HERE / "write_attempts.yaml").read_text(encoding="utf-8"))
    attempts: list[dict[str, Any]] = data["sparql_updates"]
    return attempts


#: Values that would break a query built by pasting text: quotes, backticks, braces, comments,
#: Hangul, NUL and other controls, and very long strings.
HOSTILE_VALUES: list[str] = [
    "' OR 1=1 //",
    "jeonbuk' }) MATCH (n) DETACH DELETE n //",
    '" }) CREATE (:Hack) //',
    "`) DETACH DELETE n //",
    "{id: 'x'}",
    "}]->(x) SET x.hacked = true //",
    "$region",
    "\\' CREATE (:Hack) //",
    "전북특별자치도'; MATCH (n) DELETE n; //",
    "배터리` RETURN 1 UNION MATCH (n) SET n.x = 1 //",
    "jeonbuk\x00CREATE (:Hack)",
    "\x00",
    "line\nbreak\r\ttab",
    "\u202ekcah\u202c",
    "ｊｅｏｎｂｕｋ",
    "jeon\u200dbuk",
    "/* */ CREATE (:Hack) /*",
    "x" * 10_000,
    "가" * 5_000,
    "",
    " ",
    "%00%27",
    "😀🇰🇷",
    "\ud7a3\u3131\u1100",
]
