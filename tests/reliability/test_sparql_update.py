"""SPARQL Update (and SERVICE) on /sparql: refused with a 4xx however it is sent; the RDF
export, the SPARQL store and the property graph stay as they were."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi.testclient import TestClient

from queries.falkor_backend import FalkorStore
from tests.reliability.corpus import sparql_updates
from tests.reliability.graphsum import graph_sum
from tests.reliability.tally import record

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _triples(api: TestClient) -> int:
    answer = api.get("/sparql", params={"query": COUNT, "format": "json"})
    assert answer.status_code == 200, answer.text
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def _ways(text: str) -> list[tuple[str, dict[str, object]]]:
    """Every way the SPARQL 1.1 Protocol lets a client send ``text``."""
    return [
        ("GET query=", {"method": "GET", "params": {"query": text}}),
        ("POST sparql-query", {
            "method": "POST", "content": text.encode(),
            "headers": {"Content-Type": "application/sparql-query"},
        }),
        ("POST sparql-update", {
            "method": "POST", "content": text.encode(),
            "headers": {"Content-Type": "application/sparql-update"},
        }),
        ("POST form update=", {"method": "POST", "data": {"update": text}}),
        ("POST form query=", {"method": "POST", "data": {"query": text}}),
    ]  # fmt: skip


def test_corpus_is_there() -> None:
    ids = [a["id"] for a in sparql_updates()]
    assert len(ids) >= 20
    assert len(set(ids)) == len(ids)


def test_every_update_is_refused(api: TestClient, store: FalkorStore, home: Path) -> None:
    export = home / "export" / "graph.nt"
    digest = hashlib.sha256(export.read_bytes()).hexdigest()
    triples = _triples(api)
    before = graph_sum(store)
    accepted = []
    for attempt in sparql_updates():
        for way, request in _ways(attempt["query"]):
            method = str(request.pop("method"))
            response = api.request(method, "/sparql", **request)  # type: ignore[arg-type]
            record("sparql-update", f"{way} {attempt['id']}", response.status_code)
            if not 400 <= response.status_code < 500:
                accepted.append((attempt["id"], way, response.status_code, response.text[:120]))
            elif response.headers.get("content-type", "").startswith("application/json"):
                assert response.json()["detail"], attempt["id"]
    assert accepted == []
    assert _triples(api) == triples
    assert hashlib.sha256(export.read_bytes()).hexdigest() == digest
    assert graph_sum(store) == before
