"""The entity detail as it was written before issue 19: the reference its answers are held to.

``detail_as_models`` builds an ``Entity`` and a ``Neighbour`` model per neighbour from one
``entity_detail`` row and writes the ``EntityDetail`` the way FastAPI writes a response
model. The route now writes the same bytes from plain data (``detail_answer``); the bench
times both and tests/api/test_entity_detail_json.py compares them. Kept as it was: a
reference that follows the route would compare the route with itself.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from api.web.routers.entities import Entity, EntityDetail, Neighbour

_DETAIL = TypeAdapter(EntityDetail)


def detail_as_models(label: str, row: dict[str, Any], skip: int, limit: int) -> bytes:
    """The earlier handler's answer for ``row``: models one by one, written like FastAPI."""
    neighbours = [
        Neighbour(
            type=item["type"],
            direction="out" if item["outgoing"] else "in",
            labels=item["neighbour_labels"],
            node=Entity.of(item["neighbour"]),
            properties=item["props"] or {},
        )
        for item in row["neighbours"]
    ]
    matching = int(row["matching"])
    detail = EntityDetail(
        label=label,
        entity=Entity.of(row["node"]),
        neighbour_counts={c["type"]: int(c["count"]) for c in row["counts"]},
        matching=matching,
        skip=skip,
        limit=limit,
        next_skip=skip + limit if skip + limit < matching else None,
        neighbours=neighbours,
    )
    return _DETAIL.dump_json(_DETAIL.validate_python(detail))
