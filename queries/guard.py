"""Read-only guard for Cypher that arrives from users (``rsg cypher``, ``POST /cypher``).

The backends already refuse writes on read paths (FalkorDB ``GRAPH.RO_QUERY``, Neo4j READ
access mode); this guard is the second wall and gives a clear message before anything is sent.
It looks at the query with comments, string literals and quoted names blanked out, so a
keyword inside a string is fine and a write hidden behind a comment is not.
"""

from __future__ import annotations

import re
import unicodedata

from ontology.errors import QueryError, ReadOnlyViolation
from queries.nesting import measure

_WRITE_CLAUSES = (
    "CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DETACH", "DROP", "FOREACH", "LOAD",
    "ALTER", "GRANT", "DENY", "REVOKE",
    r"(?:START|STOP)\s+DATABASE", r"TERMINATE\s+TRANSACTIONS?", r"(?:ENABLE|DEALLOCATE)\s+SERVER",
    r"RENAME\s+(?:ROLE|USER|SERVER|DATABASE)", r"USE\s+[A-Za-z_]\w*",
)  # fmt: skip
# A keyword used as a property name (n.start), parameter ($set) or label (:Load) is no clause.
_WRITE_RE = re.compile(r"(?<![.$:\w])(" + "|".join(_WRITE_CLAUSES) + r")\b(?!\s*:)", re.IGNORECASE)
_IN_TX_RE = re.compile(r"\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.IGNORECASE)
_CALL_RE = re.compile(r"\bCALL\s+(?!\{)([A-Za-z_][\w.]*)", re.IGNORECASE)

#: Procedures that only describe the schema.
ALLOWED_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys"})

MAX_QUERY_CHARS = 20_000
#: Deepest expression nesting let through: FalkorDB parses 12 levels in about 10 ms and
#: doubles with each further level (docs/reliability.md); the named queries reach 6.
MAX_NESTING = 12
#: Parse weight let through (``queries.nesting``): about 0.5 µs of FalkorDB parsing per unit
#: measured, so 2**17 keeps the worst accepted query to well under 0.2 s of parsing.
MAX_WEIGHT = 1 << 17

_LINE_ENDS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")


def blank_literals(query: str) -> str:
    """Replace comments, strings and backtick names by spaces, keeping the code around them."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if query.startswith("//", i):
            # Neo4j ends a line comment at CR as well; the other line breaks end it here too,
            # so that no parser can see code that this guard took for a comment.
            end = next((j for j in range(i + 2, n) if query[j] in _LINE_ENDS), n)
            i = end
            continue
        if query.startswith("/*", i):
            end = query.find("*/", i + 2)
            i = n if end == -1 else end + 2
            out.append(" ")
            continue
        if ch in "'\"`":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" and ch != "`" else 1
            i = j + 1
            out.append(" x ")
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def check_read_only(query: str) -> None:
    """Raise ReadOnlyViolation unless ``query`` is a single read-only statement."""
    if len(query) > MAX_QUERY_CHARS:
        raise ReadOnlyViolation(
            f"query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}",
            "shorten the query or use a named query",
        )
    if not query.strip():
        raise ReadOnlyViolation("the query is empty", "write a MATCH ... RETURN query")
    code = blank_literals(query)
    for ch in code:
        if unicodedata.category(ch) in {"Cc", "Cf", "Co", "Cs"} and ch not in "\t\n\r":
            raise ReadOnlyViolation(
                f"the query contains the invisible or control character U+{ord(ch):04X}",
                "remove it; only strings may hold such characters",
            )
    check_nesting(code)
    hint = "read paths only run MATCH/OPTIONAL MATCH/WITH/UNWIND/RETURN queries"
    if ";" in code.rstrip().rstrip(";"):
        raise ReadOnlyViolation("only one statement is allowed per query", hint)
    match = _WRITE_RE.search(code)
    if match:
        clause = " ".join(match.group(1).upper().split())
        raise ReadOnlyViolation(f"{clause} is not allowed on a read path", hint)
    if _IN_TX_RE.search(code):
        raise ReadOnlyViolation("CALL ... IN TRANSACTIONS is not allowed on a read path", hint)
    for proc in _CALL_RE.findall(code):
        if proc.lower() not in ALLOWED_PROCEDURES:
            allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
            raise ReadOnlyViolation(
                f"procedure {proc} is not allowed on a read path", f"allowed: {allowed}"
            )


def check_nesting(code: str) -> None:
    """Refuse a query the store's parser would spend seconds on (``code`` already blanked).

    The parse runs before the store's timeout starts and cannot be stopped, so this is the
    only place such a query can be stopped.
    """
    nesting = measure(code)
    if nesting.depth > MAX_NESTING:
        raise QueryError(
            f"the query nests expressions {nesting.depth} levels deep; the limit is "
            f"{MAX_NESTING} / 식이 너무 깊게 중첩되어 있습니다",
            "drop redundant parentheses, or compute the inner part in a WITH step",
        )
    if nesting.weight > MAX_WEIGHT:
        raise QueryError(
            f"the query's nesting weight is {nesting.weight}; the limit is {MAX_WEIGHT} "
            "(many deeply nested expressions) / 중첩된 식이 너무 많습니다",
            "split the query, or compute the nested parts in WITH steps",
        )
