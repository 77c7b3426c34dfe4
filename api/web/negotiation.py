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


def named(requested: list[str], words: dict[str, str], offered: dict[str, list[str]]) -> str | None:
    """The key of ``offered`` for the first of ``requested`` that names one, or None if
    nothing was requested.

    A value is a format word (``words``: word -> key, e.g. ``turtle`` -> ``ttl``) or a media
    type of ``offered``; case does not matter. Clients such as SPARQLWrapper send the same
    choice several times (as a word and as a media type), so the first value that can be
    served wins; NotAcceptable (406) with the list of words when none can.
    """
    requested = [value for value in requested if value.strip()]
    for value in requested:
        lowered = value.strip().lower()
        if lowered in words:
            return words[lowered]
        for key, types in offered.items():
            if lowered in types:
                return key
    if not requested:
        return None
    names = ", ".join(sorted(words))
    raise NotAcceptable(
        f"format {', '.join(requested)}: 제공할 수 없는 형식 / cannot answer in that format",
        f"ask for one of {names} (or a media type: {', '.join(t[0] for t in offered.values())})",
    )
