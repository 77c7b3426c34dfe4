"""``rsg explain``: a node and every fact about it, with sources and evidence in context."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.graph.evidence import RawDocument, Span
from ontology.errors import NotFound
from queries import catalog
from queries.store import GraphStore

_SKIP = {"sources", "evidence", "evidence_start", "evidence_end"}


def _name(node: dict[str, Any]) -> str:
    labels = ":".join(node.get("_labels", []))
    return f"{node.get('name_ko')} / {node.get('name_en')} ({labels} {node.get('id')})"


def explain_node(store: GraphStore, node_id: str, corpus: Path | None = None) -> list[str]:
    query = catalog.get("node_facts")
    rows = store.read(query.text, query.bind({"id": node_id})).rows
    if not rows:
        raise NotFound(f"no node with id {node_id!r}", "search with `rsg cypher` or /search")
    node = rows[0]["node"]
    lines = [_name(node)]
    for key, value in sorted(node.items()):
        if not key.startswith("_") and key not in ("id", "name_ko", "name_en"):
            lines.append(f"  {key}: {value}")
    files = _source_files(store) if corpus else {}
    for row in rows:
        if row["type"] is None:
            continue
        arrow = f"-[{row['type']}]->" if row["outgoing"] else f"<-[{row['type']}]-"
        extra = {k: v for k, v in (row["props"] or {}).items() if k not in _SKIP}
        lines.append(f"{arrow} {_name(row['other'])} {extra or ''}".rstrip())
        if row["evidence"]:
            lines.append(f"    근거 evidence: “{row['evidence']}”  출처 sources: {row['sources']}")
        if corpus and row["evidence_start"] is not None:
            for source in row["sources"] or []:
                path = files.get(source)
                if path and (corpus / path).is_file():
                    doc = RawDocument.read(corpus / path)
                    span = Span(int(row["evidence_start"]), int(row["evidence_end"]))
                    lines.append(f"    {doc.context(span)}")
    return lines


def _source_files(store: GraphStore) -> dict[str, str]:
    rows = store.read("MATCH (s:Source) RETURN s.id AS id, s.file AS file").rows
    return {row["id"]: row["file"] for row in rows if row["file"]}
