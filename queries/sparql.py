"""SPARQL over the RDF export of the current build, read-only, in an in-memory oxigraph store.

``rsg build`` writes ``RSG_HOME/export/graph.nt``; the store loads it on first use and again
whenever the file changes (a new build). Only queries run: SPARQL Update (INSERT, DELETE,
LOAD, CLEAR, ...) and SERVICE (which would reach out to other servers) are refused before
anything is parsed, and the oxigraph store is rebuilt from the file anyway, so nothing a query
does can outlive it. Results are capped at the row cap.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ontology.errors import NotFound, QueryError, ReadOnlyViolation

EXPORT_FILE = "graph.nt"
MAX_QUERY_CHARS = 20_000

_UPDATE = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|SERVICE)\b", re.IGNORECASE
)
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


def _blank(query: str) -> str:
    """Strings, IRIs and comments replaced by spaces, so keywords inside them do not count."""
    query = re.sub(r"#[^\n]*", " ", query)
    query = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', " ", query)
    query = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', " ", query)
    return re.sub(r"<[^<>\s]*>", " ", query)


def check_query(query: str) -> None:
    """Refuse empty, oversized, update and federated requests with a clear reason."""
    if not query.strip():
        raise QueryError("the SPARQL query is empty", "send SELECT, ASK, CONSTRUCT or DESCRIBE")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}",
            "shorten it",
        )
    match = _UPDATE.search(_blank(query))
    if match:
        word = match.group(1).upper()
        raise ReadOnlyViolation(
            f"{word} is not allowed: this SPARQL endpoint is read-only",
            "send SELECT, ASK, CONSTRUCT or DESCRIBE; the graph changes only through `rsg build`",
        )


@dataclass(frozen=True)
class SparqlResult:
    """``kind`` is select, ask or graph; one of the other fields is filled accordingly."""

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
        """Plain rows (variable -> lexical value) for tables and CSV."""
        if self.kind == "ask":
            return [{"boolean": "true" if self.boolean else "false"}]
        return [
            {v: b[v]["value"] if v in b else None for v in self.variables} for b in self.bindings
        ]

    def as_delimited(self, delimiter: str = ",") -> str:
        buffer = io.StringIO()
        columns = ["boolean"] if self.kind == "ask" else self.variables
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(columns)
        for row in self.as_rows():
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        return buffer.getvalue()

    def as_rdf(self, fmt: ox.RdfFormat) -> bytes:
        data = ox.serialize(self.triples or [], format=fmt)
        return data if isinstance(data, bytes) else b""


def _term(term: Any) -> dict[str, str]:
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


class SparqlStore:
    """The export of ``home`` in oxigraph; thread-safe, reloaded when the export changes."""

    def __init__(self, home: Path, row_cap: int = 10_000) -> None:
        self.path = home / "export" / EXPORT_FILE
        self.row_cap = row_cap
        self._lock = threading.Lock()
        self._store: ox.Store | None = None
        self._stamp: tuple[int, int] | None = None

    def _current(self) -> ox.Store:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise NotFound(
                "no RDF export yet", "run `rsg build`; it writes the export SPARQL reads"
            ) from None
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if self._store is None or stamp != self._stamp:
                store = ox.Store()
                store.bulk_load(path=str(self.path), format=ox.RdfFormat.N_TRIPLES)
                self._store, self._stamp = store, stamp
            return self._store

    def triple_count(self) -> int:
        return len(self._current())

    def query(self, query: str) -> SparqlResult:
        check_query(query)
        store = self._current()
        prefixed = dict(PREFIXES)
        try:
            answer = store.query(query, prefixes=prefixed)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}", "check the query") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}", "check the query") from None
        if isinstance(answer, ox.QueryBoolean):
            return SparqlResult("ask", [], [], boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples: list[ox.Triple] = []
            for triple in answer:
                if len(triples) >= self.row_cap:
                    return SparqlResult("graph", [], [], triples=triples, truncated=True)
                triples.append(triple)
            return SparqlResult("graph", [], [], triples=triples)
        variables = [v.value for v in answer.variables]
        bindings: list[dict[str, dict[str, str]]] = []
        for solution in answer:
            if len(bindings) >= self.row_cap:
                return SparqlResult("select", variables, bindings, truncated=True)
            row = {}
            for name in variables:
                value = solution[name]
                if value is not None:
                    row[name] = _term(value)
            bindings.append(row)
        return SparqlResult("select", variables, bindings)


def dumps(result: SparqlResult) -> str:
    return json.dumps(result.as_json(), ensure_ascii=False)
