"""The review inbox page (``/inbox``): candidate facts grouped by document, each with its
evidence marked inside its paragraph (its sentence for entries queued before paragraphs were
kept), accept / edit / reject, bulk accept above a confidence,
the organisations the documents propose (new to the graph), and a build button with progress.
A page holds a few documents of the queue (``Shown``), with links to the others.
The page asks only its own server; the decisions go through the review queue's functions."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ontology.models import REF_RE
from visual.page import Page, escape, fill, json_for_script, template

#: The fields a reviewer edits on the page (the queue accepts more through the API).
FIELDS = ("subject", "object", "amount_krw", "amount_text", "date", "basis", "role", "evidence")


class Shown(BaseModel):
    """Which part of the queue a page shows, and how much there is in all."""

    page: int = 1
    source: str | None = None
    min_confidence: float | None = None
    #: Pages, documents and candidates that match the filters (not only those on this page).
    pages: int = 1
    documents: int = 0
    candidates: int = 0


def new_node(ref: str) -> tuple[str, str] | None:
    """(label, name) of a reference the graph does not know yet, e.g. ``Organization:삼성``."""
    if REF_RE.match(ref):
        return None
    label, _, name = ref.partition(":")
    return (label, name) if name else None


def groups(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pending items (``Item.model_dump()`` with ``needs``: the roles that still lack an id,
    ``review.needs_ids``) grouped by their document, in queue order."""
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        fact = item["fact"]
        group = found.setdefault(
            item["source"],
            {
                "source": item["source"],
                "path": item["path"],
                "title": item.get("title"),
                "publisher": item.get("publisher"),
                "published": item.get("published"),
                "items": [],
            },
        )
        new = {}
        for role in ("subject", "object"):
            if (made := new_node(str(fact[role]))) is not None:
                new[role] = {"label": made[0], "name": made[1]}
        group["items"].append(
            {
                "id": item["id"],
                "type": fact["type"],
                "subject": fact["subject"],
                "object": fact["object"],
                "amount_krw": fact.get("amount_krw"),
                "amount_text": fact.get("amount_text"),
                "date": fact.get("date"),
                "basis": (fact.get("props") or {}).get("basis"),
                "role": (fact.get("props") or {}).get("role"),
                "evidence": fact["evidence"],
                "sentence": fact.get("sentence") or "",
                "paragraph": item.get("paragraph"),
                "evidence_at": item.get("evidence_at"),
                "confidence": fact["confidence"],
                "edits": item.get("edits") or {},
                "new": new,
                # The roles that still need an id and an English name before an accept.
                "needs": item["needs"],
            }
        )
    return list(found.values())


def proposed(grouped: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """New organisations the candidates name, with the items that name each."""
    seen: dict[str, dict[str, Any]] = {}
    for group in grouped:
        for item in group["items"]:
            for role, made in item["new"].items():
                if made["label"] != "Organization":
                    continue
                entry = seen.setdefault(made["name"], {"name": made["name"], "items": []})
                entry["items"].append({"id": item["id"], "role": role})
    return sorted(seen.values(), key=lambda e: (-len(e["items"]), e["name"]))


def render(
    items: list[dict[str, Any]],
    *,
    csrf: str | None,
    writable: bool,
    build: dict[str, Any],
    shown: Shown | None = None,
) -> Page:
    grouped = groups(items)
    payload = {
        "shown": (shown or Shown()).model_dump(),
        "groups": grouped,
        "proposed": proposed(grouped),
        "fields": list(FIELDS),
        "writable": writable,
        "build": build,
    }
    return fill(
        "inbox.html",
        scripts=["app"],
        styles=["style"],
        connect=True,
        style=template("workbench.css") + template("inbox.css"),
        csrf=escape(csrf or ""),
        data=json_for_script(payload),
        app=template("inbox.js"),
    )
