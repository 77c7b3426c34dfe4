"""Something read whole from the live build, kept per store until the build id changes.

The analytics projection (``queries.projection``) and the neighbourhood projection
(``queries.neighbourhood``) are each read once per build and then answer every request from
memory. The graph changes only through a build, which gives it a new id, so what is kept is
as fresh as the store as long as its build id is the live one. A build that lands during the
read changes the id; the read starts again, a few times at most.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from ontology.errors import StoreUnavailable
from queries.store import GraphStore

#: Attempts at reading one build whole before giving up.
ATTEMPTS = 3


class OfBuild(Protocol):
    """What a kept reading says about itself: the build id it was read from."""

    build: str | None


Kept = TypeVar("Kept", bound=OfBuild)


class PerBuild(Generic[Kept]):
    """The reading of each store's live build, read on first use and again on a new build id.

    ``freeze``: move each reading out of the garbage collector's walks once read (the served
    app turns it on, as it freezes its start-up objects; tests build many apps).
    """

    def __init__(
        self, read: Callable[[GraphStore, str | None], Kept], *, freeze: bool = False
    ) -> None:
        self._read = read
        self.freeze = freeze
        # Keyed by the store itself, held weakly: a store closed and replaced by another at
        # the same address never inherits its reading.
        self._kept: weakref.WeakKeyDictionary[GraphStore, Kept] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def kept(self, store: GraphStore, build_id: str) -> Kept | None:
        """The reading kept for this store if it is of ``build_id``; never reads."""
        kept = self._kept.get(store)
        return kept if kept is not None and kept.build == build_id else None

    def of(self, store: GraphStore, build_id: str | None = None) -> Kept | None:
        """The live build's reading, read if it is not kept yet; None for a graph without a
        build id (loaded by other means), whose changes nothing would tell: ask the store.
        ``build_id``: the live build's id when the caller has just read it."""
        build = build_id or store.build_id()
        if build is None:
            return None
        kept = self.kept(store, build)
        if kept is not None:
            return kept
        with self._lock:
            kept = self.kept(store, build)  # another request may have read it meanwhile
            if kept is not None:
                return kept
            for _ in range(ATTEMPTS):
                fresh = self._read(store, build)
                after = store.build_id()
                if after == build:
                    self._kept[store] = fresh
                    if self.freeze:
                        # A full collection would otherwise visit every value of the graph
                        # and stall requests for tens of ms at tier M (api/web/app.py).
                        gc.freeze()
                    return fresh
                if after is None:
                    return None
                build = after
            raise StoreUnavailable(
                "the graph was rebuilt while it was being read / 읽는 중 그래프가 다시 빌드됨",
                "ask again when the build has finished",
            )
