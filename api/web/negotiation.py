"""Content negotiation: which of the formats a route offers an ``Accept`` header asks for."""

from __future__ import annotations

from ontology.errors import NotAcceptable


def _ranked(accept: str) -> list[tuple[float, int, str]]:
    """(-q, position, media type) for every entry; q=0 entries are dropped."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return sorted(ranked)


def pick(accept: str, offered: dict[str, list[str]], default: str) -> str:
    """The key of ``offered`` (key -> media types, the first canonical) that ``accept`` prefers.

    No header, or ``*/*``, gives ``default``; ``text/*`` gives the first offered text type.
    NotAcceptable (406) when nothing offered is acceptable.
    """
    if not accept.strip():
        return default
    for _quality, _position, media in _ranked(accept):
        if media == "*/*":
            return default
        for key, types in offered.items():
            if media in types:
                return key
            family = media.removesuffix("/*")
            if media.endswith("/*") and any(t.startswith(family + "/") for t in types):
                return key
    names = ", ".join(types[0] for types in offered.values())
    raise NotAcceptable(
        f"{accept}: 제공할 수 없는 형식 / cannot answer in that media type",
        f"ask for one of {names}, or use ?format=",
    )
