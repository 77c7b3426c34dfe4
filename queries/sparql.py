"""SPARQL over the RDF export of the current build, read-only, in an in-memory oxigraph store.

``rsg build`` writes ``RSG_HOME/export/graph.nt``; the store loads it on first use and again
whenever the file is replaced (a new build). Only queries run: oxigraph's query call cannot
execute SPARQL Update at all, and update requests are refused with a clear reason before
anything is parsed. ``SERVICE`` is refused too, because oxigraph would really fetch from the
named server (measured). Every query runs in a worker process (``queries.sparqlpool``) that is
killed when the query outlives its deadline (the read timeout), and stops at the row cap.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ontology.errors import NotFound, QueryError, ReadOnlyViolation, RsgError
from queries.sparqlpool import SparqlPool

EXPORT_FILE = "graph.nt"
MAX_QUERY_CHARS = 20_000
#: Worker processes per store: queries evaluated at once (one per core of a small machine).
WORKERS = 2

PREFIXES = {
    "rsg": "https://w3id.org/rsg/ontology#",
    "rsgid": "https://w3id.org/rsg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")

# One left-to-right scan, so a '#' inside an IRI or a string does not start a comment and a
# keyword inside a string, IRI, variable or prefixed name is not taken for a keyword.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<name>[?$]\w+|[^\W\d]?[\w.-]*:(?:[\w.:%-]|\\.)*)
    | (?P<word>[A-Za-z]+)
    """,
    re.VERBOSE | re.DOTALL,
)
# Any spelling of the letters, wherever they are (Python folds 'ſ' and 'K' too).
_SERVICE = re.compile("service", re.IGNORECASE)
_SILENT = re.compile(r"\A\s+silent\b", re.IGNORECASE)
_READ_ONLY_HINT = (
    "send SELECT, ASK, CONSTRUCT or DESCRIBE; the graph changes only through `rsg build`"
)


def _words(query: str) -> list[str]:
    return [m.group("word").upper() for m in _TOKEN.finditer(query) if m.group("word")]


def check_query(query: str) -> None:
    """Refuse empty, oversized and update requests with a clear reason (before any parsing)."""
    if not query.strip():
        raise QueryError("the SPARQL query is empty", "send SELECT, ASK, CONSTRUCT or DESCRIBE")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}",
            "shorten it",
        )
    words = _words(query)
    for word in UPDATE_WORDS:
        if word in words:
            raise ReadOnlyViolation(
                f"{word} 사용 불가 (읽기 전용) / {word} is not allowed: this SPARQL endpoint is "
                "read-only",
                _READ_ONLY_HINT,
            )
    if "SERVICE" in words:
        raise _service_refused()


def _service_refused() -> ReadOnlyViolation:
    return ReadOnlyViolation(
        "SERVICE 사용 불가 / SERVICE is not allowed: this endpoint does not query other servers",
        "query this graph only; other data comes in through data/ and `rsg build`",
    )


def _parser_message(exc: BaseException) -> str:
    """oxigraph's message, first line only (the rest lists Unicode ranges)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return first[:300]


def _defuse(match: re.Match[str]) -> str:
    """'service' -> 'sxrvice' keeping the case of each letter, so names stay distinct."""
    text = match.group()
    return text[0] + ("X" if text[1].isupper() else "x") + text[2:]


def _parses(query: str) -> SyntaxError | None:
    """None if oxigraph parses ``query``; run on an empty store, so nothing is read or fetched."""
    try:
        ox.Store().query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        return exc
    return None


def check_no_service(query: str) -> None:
    """Prove with oxigraph's own parser that ``query`` has no SERVICE clause.

    A regular-expression scan cannot know whether ``<`` opens an IRI or compares two values,
    so it can be fooled. Instead every ``service`` in the text is replaced by a word of the
    same length that is no keyword: inside strings, IRIs and names that changes nothing the
    parser cares about, but a SERVICE keyword becomes a syntax error. If the altered query
    does not parse, each occurrence in turn is replaced by ``GRAPH``, which takes the same
    shape of arguments: when that parses, the occurrence was a SERVICE keyword (403), else the
    query simply has a syntax error (400).
    """
    spans = [match.span() for match in _SERVICE.finditer(query)]
    if not spans:
        return
    defused = _SERVICE.sub(_defuse, query)
    error = _parses(defused)
    if error is None:
        return
    for start, end in spans:
        rest = _SILENT.sub(lambda m: " " * len(m.group()), defused[end:], count=1)
        if _parses(defused[:start] + "GRAPH  " + rest) is None:
            raise _service_refused()
    raise QueryError(
        f"SPARQL 구문 오류 / syntax error: {_parser_message(error)}",
        "check the query near that position",
    ) from None


def _term(term: Any) -> dict[str, str]:
    """One RDF term in SPARQL 1.1 Query Results JSON form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _tsv_cell(term: dict[str, str] | None) -> str:
    """A term in the SPARQL TSV form (N-Triples syntax: <iri>, _:b, "text"@ko, "1"^^<dt>)."""
    if term is None:
        return ""
    value = term["value"]
    if term["type"] == "uri":
        return f"<{value}>"
    if term["type"] == "bnode":
        return f"_:{value}"
    text = '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'
    if "xml:lang" in term:
        return f"{text}@{term['xml:lang']}"
    if "datatype" in term:
        return f"{text}^^<{term['datatype']}>"
    return text


def _csv_cell(term: dict[str, str] | None) -> str:
    if term is None:
        return ""
    return f"_:{term['value']}" if term["type"] == "bnode" else term["value"]


@dataclass(frozen=True)
class SparqlResult:
    """``kind`` is select, ask or graph; the fields of that kind are filled."""

    kind: str
    variables: list[str]
    bindings: list[dict[str, dict[str, str]]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None
    truncated: bool = False

    def as_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        if self.kind == "ask":
            return {"head": {}, "boolean": self.boolean}
        return {"head": {"vars": self.variables}, "results": {"bindings": self.bindings}}

    def as_rows(self) -> list[dict[str, str | None]]:
        """Plain rows (variable -> lexical value) for tables."""
        if self.kind == "ask":
            return [{"boolean": "true" if self.boolean else "false"}]
        return [
            {v: _csv_cell(b[v]) if v in b else None for v in self.variables} for b in self.bindings
        ]

    def as_csv(self) -> str:
        """SPARQL 1.1 CSV results: lexical values only, CRLF line ends."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if self.kind == "ask":
            writer.writerows([["boolean"], ["true" if self.boolean else "false"]])
            return buffer.getvalue()
        writer.writerow(self.variables)
        for binding in self.bindings:
            writer.writerow([_csv_cell(binding.get(v)) for v in self.variables])
        return buffer.getvalue()

    def as_tsv(self) -> str:
        """SPARQL 1.1 TSV results: ``?var`` headers, terms in N-Triples syntax."""
        if self.kind == "ask":
            return "?boolean\n" + ("true" if self.boolean else "false") + "\n"
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        for binding in self.bindings:
            lines.append("\t".join(_tsv_cell(binding.get(v)) for v in self.variables))
        return "\n".join(lines) + "\n"

    def as_rdf(self, fmt: ox.RdfFormat) -> bytes:
        data = ox.serialize(self.triples or [], format=fmt, prefixes=PREFIXES)
        return data if isinstance(data, bytes) else b""


def dumps(result: SparqlResult) -> str:
    return json.dumps(result.as_json(), ensure_ascii=False)


class Export:
    """The export file loaded into oxigraph, loaded again when a build replaces the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._store: ox.Store | None = None
        self._stamp: tuple[int, int, int] | None = None

    def current(self) -> ox.Store:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise NotFound(
                "no RDF export yet / 아직 빌드가 없습니다",
                "run `rsg build`; it writes the export SPARQL reads",
            ) from None
        # A build replaces the file whole, so a new inode (or time, size) means a new build.
        stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if self._store is None or stamp != self._stamp:
                store = ox.Store()
                store.bulk_load(path=str(self.path), format=ox.RdfFormat.N_TRIPLES)
                self._store, self._stamp = store, stamp
            return self._store


class SparqlStore:
    """Queries on the export of ``home``, each in a worker process under a deadline."""

    def __init__(
        self,
        home: Path,
        row_cap: int = 10_000,
        timeout_ms: int = 10_000,
        *,
        workers: int = WORKERS,
        memory_mb: int = 0,
    ) -> None:
        self.path = home / "export" / EXPORT_FILE
        self.row_cap = row_cap
        self.timeout_ms = timeout_ms
        self.pool = SparqlPool(serve, self.path, row_cap, size=workers, memory_mb=memory_mb)

    def _exists(self) -> None:
        if not self.path.exists():
            raise NotFound(
                "no RDF export yet / 아직 빌드가 없습니다",
                "run `rsg build`; it writes the export SPARQL reads",
            )

    def triple_count(self) -> int:
        self._exists()
        count: int = self.pool.ask(("count",), self.timeout_ms / 1000)
        return count

    def query(self, query: str, timeout_ms: int | None = None) -> SparqlResult:
        """Run a read query; ``timeout_ms`` may only lower the store's own timeout."""
        check_query(query)
        self._exists()
        limit = min(timeout_ms or self.timeout_ms, self.timeout_ms) / 1000
        result: SparqlResult = self.pool.ask(("query", query), limit)
        return result

    def close(self) -> None:
        self.pool.close()


def serve(conn: Connection, path: str, row_cap: int) -> None:
    """A worker process: answer ("query", text) and ("count",) on the export at ``path``
    until the pipe closes (started by ``queries.sparqlpool``)."""
    export = Export(Path(path))
    with contextlib.suppress(NotFound):
        export.current()  # load now, so the first query does not wait for it
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            store = export.current()
            if request[0] == "count":
                conn.send(("ok", len(store)))
                continue
            check_no_service(request[1])
            conn.send(("ok", evaluate(store, request[1], row_cap)))
        except RsgError as exc:
            conn.send(("error", type(exc).__name__, exc.message, exc.hint))
        except Exception as exc:  # reported to the caller; the worker goes on
            conn.send(("error", "QueryError", f"SPARQL 질의 실패 / query failed: {exc}", ""))


def evaluate(store: ox.Store, query: str, row_cap: int) -> SparqlResult:
    """Evaluate ``query`` on ``store`` up to ``row_cap`` rows or triples (in a worker)."""
    try:
        answer = store.query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(
            f"SPARQL 구문 오류 / syntax error: {_parser_message(exc)}",
            "check the query near that position",
        ) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(
            f"SPARQL 질의 실패 / query failed: {_parser_message(exc)}", "check the query"
        ) from None
    try:
        if isinstance(answer, ox.QueryBoolean):
            return SparqlResult("ask", [], [], boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples: list[ox.Triple] = []
            for triple in answer:
                if len(triples) >= row_cap:
                    return SparqlResult("graph", [], [], triples=triples, truncated=True)
                triples.append(triple)
            return SparqlResult("graph", [], [], triples=triples)
        variables = [v.value for v in answer.variables]
        bindings: list[dict[str, dict[str, str]]] = []
        for solution in answer:
            if len(bindings) >= row_cap:
                return SparqlResult("select", variables, bindings, truncated=True)
            bindings.append(
                {name: _term(solution[name]) for name in variables if solution[name] is not None}
            )
        return SparqlResult("select", variables, bindings)
    except (OSError, ValueError, RuntimeError) as exc:  # raised while evaluating lazily
        raise QueryError(
            f"SPARQL 질의 실패 / query failed: {_parser_message(exc)}", "check the query"
        ) from None
