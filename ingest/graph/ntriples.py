"""Statements (``ingest.graph.triples``) -> N-Triples text, without an RDF library.

N-Triples 를 직접 쓴다 / written by hand: one pyoxigraph object per statement cost more than
making the statements. The output is RDF 1.1 N-Triples as oxigraph writes it: literals escape
``"``, ``\\``, and the control characters (``\\n``, ``\\t`` and the like as short escapes, the
rest as ``\\uXXXX``); ``"x"^^xsd:string`` is written ``"x"``. Most literals need no escape, so
one regex search decides, and repeated IRIs are bracketed once. A character no IRI may hold, a
malformed language tag or a lone surrogate raises an error instead of writing a broken file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from ingest.graph.triples import XSD_NS, Memo, Statement

__all__ = ["write"]

#: Code points an IRIREF cannot hold; an IRI containing one is not an IRI (no escape helps).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_SHORT = {"\b": "b", "\t": "t", "\n": "n", "\f": "f", "\r": "r", '"': '"', "\\": "\\"}
_ESCAPES = {
    code: "\\" + _SHORT.get(chr(code), f"u{code:04X}") for code in (*range(0x20), 0x22, 0x5C, 0x7F)
}
_LANGUAGE = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")
_XSD_STRING = XSD_NS + "string"


def _iri(value: str) -> str:
    """``<value>``; ValueError for a character no IRI may hold."""
    bad = _NOT_IN_IRI.search(value)
    if bad:
        raise ValueError(f"not an IRI ({bad.group()!r} at {bad.start()}): {value!r}")
    return f"<{value}>"


def _ending(key: tuple[str, str]) -> str:
    """What follows a literal's lexical form up to the line's end, for (datatype, language)."""
    datatype, language = key
    if language:
        if not _LANGUAGE.fullmatch(language):
            raise ValueError(f"not a language tag: {language!r}")
        return f'"@{language} .\n'
    if datatype in ("", _XSD_STRING):
        return '" .\n'
    return f'"^^{_iri(datatype)} .\n'


def write(items: Iterable[Statement], out: BinaryIO, *, batch: int = 2_000) -> int:
    """Write the statements to ``out`` as UTF-8 N-Triples, in their order; return how many.

    Lines go out about ``batch`` at a time: pieces of 50,000 lines made the writer a quarter
    slower (each large joined string takes fresh memory)."""
    iris = Memo[str, str](_iri)  # IRI -> its bracketed form, made on first use
    endings = Memo[tuple[str, str], str](_ending)
    search, table = _NEEDS_ESCAPE.search, _ESCAPES
    subject: str | None = None
    head, count = "", 0
    lines: list[str] = []
    append = lines.append
    for s, p, o in items:
        if s != subject:  # statements come grouped by subject
            subject, head = s, _iri(s) + " "
            if len(lines) >= batch:
                count += len(lines)
                out.write("".join(lines).encode())
                lines.clear()
        if isinstance(o, str):
            append(f"{head}{iris[p]} {iris[o]} .\n")
        else:
            lexical = o[0]
            if search(lexical):
                lexical = lexical.translate(table)
            append(f'{head}{iris[p]} "{lexical}{endings[o[1], o[2]]}')
    out.write("".join(lines).encode())
    return count + len(lines)
