"""Our N-Triples writer (``ingest.graph.ntriples``) against oxigraph's own: read back by oxigraph,
both hold the same triples, on the seed graph and on any literal text."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.graph import ntriples, rdf
from ingest.graph.dataset import load_graph_data
from ingest.graph.triples import RSG_NS, XSD_NS, Obj, Statement, statements

NT = ox.RdfFormat.N_TRIPLES
XSD_STRING = XSD_NS + "string"
S = "https://w3id.org/rsg/id/initiative/가-1"
P = RSG_NS + "evidence"

FUZZ = settings(
    max_examples=int(os.environ.get("RSG_FUZZ_EXAMPLES", "200")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _term(obj: Obj) -> ox.NamedNode | ox.Literal:
    if isinstance(obj, str):
        return ox.NamedNode(obj)
    lexical, datatype, language = obj
    if language:
        return ox.Literal(lexical, language=language)
    return ox.Literal(lexical, datatype=ox.NamedNode(datatype or XSD_STRING))


def _oxigraph(items: Iterable[Statement]) -> bytes:
    """oxigraph's N-Triples of the statements (how the export was written before)."""
    out = ox.serialize(
        (ox.Triple(ox.NamedNode(s), ox.NamedNode(p), _term(o)) for s, p, o in items), format=NT
    )
    assert out is not None
    return out


def _ours(items: Iterable[Statement], **options: int) -> bytes:
    buffer = io.BytesIO()
    ntriples.write(items, buffer, **options)
    return buffer.getvalue()


def _triples(data: bytes) -> set[ox.Quad]:
    return set(ox.parse(data, NT))


def test_seed_graph_reads_back_as_oxigraph_writes_it() -> None:
    items = list(statements(load_graph_data()))
    buffer = io.BytesIO()
    assert ntriples.write(items, buffer) == len(items)
    ours = buffer.getvalue()
    assert ours.count(b"\n") == len(items)
    assert _triples(ours) == _triples(_oxigraph(items))
    assert len(_triples(ours)) == len(items)  # statements() gives each triple once
    # Written in batches or at once: the same text.
    assert _ours(items, batch=1) == ours


def test_build_writes_what_the_writer_writes() -> None:
    data = load_graph_data()
    buffer = io.BytesIO()
    count = rdf.write_ntriples(data, buffer)
    assert count == len(list(statements(data)))
    assert buffer.getvalue() == _ours(statements(data))


def test_lines_are_written_in_the_short_forms() -> None:
    items: list[Statement] = [
        (S, P, ("x", XSD_STRING, "")),
        (S, P, ("가", "", "ko")),
        (S, P, ("3", XSD_NS + "integer", "")),
        (S, P, ('a"b\\c\nd\re\tf\x00g\x7fh\x1bi', XSD_STRING, "")),
        (S, RSG_NS + "targets", "https://w3id.org/rsg/id/industry/배터리"),
    ]
    head = f"<{S}> <{P}> "
    assert _ours(items).decode() == (
        f'{head}"x" .\n'
        f'{head}"가"@ko .\n'
        f'{head}"3"^^<{XSD_NS}integer> .\n'
        f'{head}"a\\"b\\\\c\\nd\\re\\tf\\u0000g\\u007Fh\\u001Bi" .\n'
        f"<{S}> <{RSG_NS}targets> <https://w3id.org/rsg/id/industry/배터리> .\n"
    )


@pytest.mark.parametrize("bad", ["https://a/b c", "https://a/<b>", 'https://a/"', "https://a/\n"])
def test_an_iri_with_a_forbidden_character_is_refused(bad: str) -> None:
    for item in [(bad, P, "https://a/x"), (S, bad, "https://a/x"), (S, P, bad)]:
        with pytest.raises(ValueError, match="not an IRI"):
            _ours([item])
    with pytest.raises(ValueError, match="not an IRI"):
        _ours([(S, P, ("x", bad, ""))])


def test_a_bad_language_tag_or_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(ValueError, match="language tag"):
        _ours([(S, P, ("x", "", "ko kr"))])
    with pytest.raises(UnicodeEncodeError):
        _ours([(S, P, ("\ud800", XSD_STRING, ""))])


#: Any character but a surrogate, with the ones N-Triples escapes drawn often.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",))
    | st.sampled_from('"\\\n\r\t\b\f\x00\x0b\x1f\x7f\x85\u2028\ufeff')
)
_LITERALS = st.tuples(
    _TEXT, st.sampled_from([XSD_STRING, "", XSD_NS + "gYear", RSG_NS + "code"]), st.just("")
) | st.tuples(_TEXT, st.just(""), st.sampled_from(["ko", "en", "ko-KR"]))


@FUZZ
@given(st.lists(_LITERALS, min_size=1, max_size=12))
def test_any_literal_reads_back_as_oxigraph_writes_it(literals: list[Obj]) -> None:
    items: list[Statement] = [(S, P, literal) for literal in literals]
    ours = _ours(items)
    assert ours.count(b"\n") == len(items)  # one line each: no raw line break got through
    assert _triples(ours) == _triples(_oxigraph(items))
