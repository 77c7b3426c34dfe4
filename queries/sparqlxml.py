"""SPARQL Query Results XML Format (W3C), the default of rdflib's SPARQLStore and SPARQLWrapper.

Written from the JSON-shaped bindings of ``queries.sparql.SparqlResult``: ``head`` with the
variables (none for ASK), then ``results`` with one ``result`` per solution and one ``binding``
per bound variable, or ``boolean`` for ASK.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from ontology.errors import NotAcceptable
from queries.sparql import SparqlResult

NAMESPACE = "http://www.w3.org/2005/sparql-results#"
#: Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    if _NOT_XML.search(value):
        raise NotAcceptable(
            "the result holds a control character that XML cannot carry / XML로 보낼 수 없는 문자",
            "ask for JSON (format=json or Accept: application/sparql-results+json)",
        )
    return escape(value)


def _term(term: dict[str, str]) -> str:
    kind, value = term["type"], _text(term["value"])
    if kind == "uri":
        return f"<uri>{value}</uri>"
    if kind == "bnode":
        return f"<bnode>{value}</bnode>"
    if "xml:lang" in term:
        return f"<literal xml:lang={quoteattr(term['xml:lang'])}>{value}</literal>"
    if "datatype" in term:
        return f"<literal datatype={quoteattr(term['datatype'])}>{value}</literal>"
    return f"<literal>{value}</literal>"


def results_xml(result: SparqlResult) -> bytes:
    """The SELECT or ASK result as SPARQL XML results, UTF-8."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sparql xmlns="{NAMESPACE}">']
    if result.kind == "ask":
        lines += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("<head>")
        lines += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
        lines += ["</head>", "<results>"]
        for binding in result.bindings:
            lines.append("<result>")
            lines += [
                f"<binding name={quoteattr(name)}>{_term(binding[name])}</binding>"
                for name in result.variables
                if name in binding
            ]
            lines.append("</result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return ("\n".join(lines) + "\n").encode("utf-8")
