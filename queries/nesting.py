"""How deeply a Cypher query nests its expressions, and what that costs the store's parser.

FalkorDB's parser takes about twice as long for every level of expression nesting, whatever
opens the level: a parenthesis, a list, a map, a function call, ``CASE``, a unary minus or a
``NOT`` (measured in docs/reliability.md: 20 levels take about 2 s, 24 about 37 s). The
parse runs before the query's timeout starts and cannot be stopped, so the guard measures
nesting before anything is sent.

``measure`` reads a query whose comments and strings are already blanked out (see
``queries.guard``) and returns the deepest level reached and a weight: the sum over tokens
of 2 ** (level of the token), which grows like the parser's work for one deep expression
and for many moderately deep ones side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W\d]\w*|\d+(?:\.\d+)?|<>|<=|>=|=~|->|<-|\.\.|\S")
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = frozenset(_OPEN.values())
#: Keywords that end the reach of a prefix operator (NOT, unary minus) at their level.
_BOUNDARY = frozenset(
    {
        "AND", "OR", "XOR", "IN", "CONTAINS", "STARTS", "ENDS", "IS", "WHERE", "RETURN",
        "WITH", "AS", "THEN", "ELSE", "WHEN", "MATCH", "OPTIONAL", "UNWIND", "ORDER", "BY",
        "SKIP", "LIMIT", "UNION", "ALL", "DISTINCT", "CALL", "YIELD", "ASC", "DESC",
        "ASCENDING", "DESCENDING",
    }
)  # fmt: skip
#: Tokens that keep the current operand going (names, numbers, property access, labels).
_OPERAND = frozenset(".:$")


@dataclass(frozen=True)
class Nesting:
    depth: int
    weight: int


@dataclass
class _Frame:
    closer: str
    prefix: int = 0


def _is_name(prev: str | None) -> bool:
    """A word after '.', ':', '$' or AS names something; it is no keyword."""
    return prev in {".", ":", "$"}


def measure(code: str) -> Nesting:
    """Deepest nesting level and parse weight of ``code`` (comments and strings blanked)."""
    stack: list[_Frame] = [_Frame(closer="")]
    level = 0  # brackets open plus prefix operators in force, kept in step with ``stack``
    depth = 0
    weight = 0
    prev: str | None = None  # previous token, upper-cased
    prev_operand = False  # whether the previous token ended an operand (then '-' is binary)
    for match in _TOKEN.finditer(code):
        token = match.group()
        upper = token.upper()
        word = token[0].isalpha() or token[0] == "_"
        keyword = word and not _is_name(prev) and prev != "AS"
        frame = stack[-1]
        if (keyword and upper == "NOT" and prev != "IS") or (token in "-+" and not prev_operand):
            frame.prefix += 1
            level += 1
            operand = False
        elif token in _OPEN or (keyword and upper == "CASE"):
            stack.append(_Frame(closer=_OPEN.get(token, "END")))
            level += 1
            operand = False
        elif (token in _CLOSE or (keyword and upper == "END")) and len(stack) > 1:
            if token == frame.closer or upper == frame.closer:
                stack.pop()
                level -= 1 + frame.prefix
            operand = True
        elif (word and not (keyword and upper in _BOUNDARY)) or token[0].isdigit():
            operand = True
        elif token in _OPERAND:
            operand = False
        else:  # an operator, a comma or a clause keyword: prefix operators end here
            level -= frame.prefix
            frame.prefix = 0
            operand = False
        depth = max(depth, level)
        weight += 1 << min(level, 62)
        prev = upper
        prev_operand = operand
    return Nesting(depth=depth, weight=weight)
