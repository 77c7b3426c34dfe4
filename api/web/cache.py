"""A response cache for the read endpoints, valid for one build of the graph.

Every answer of a ``GET`` read route depends only on the live graph (and the files written
by the same build), the path, the query string and a few headers. The cache keys on all of
them, with the build id asked of the store on every request: a new build changes the key,
so nothing computed on an older graph is ever served, and the first request that sees the
new build drops every older entry. It holds at most ``RSG_API_CACHE_ENTRIES`` answers and
``RSG_API_CACHE_BYTES`` bytes (least recently used out first). ``POST`` (ad-hoc Cypher,
SPARQL, writes) and the routes listed in ``UNCACHED`` are never cached. A request with
``Cache-Control: no-cache`` is answered fresh (and the fresh answer replaces the kept one).

The layer sits inside the ``Guard`` middleware, so the API key is checked before any answer,
cached or not, goes out.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.web.errors import response_for
from ontology.errors import RsgError
from queries.store import GraphStore

#: Path prefixes answered fresh every time: the health check, the review queue, which
#: changes between builds, and the workbench pages, which carry the session's CSRF token.
UNCACHED = ("/health", "/review", "/login", "/logout", "/console", "/inbox", "/build")
#: Request headers that change an answer (content negotiation).
VARYING = (b"accept", b"accept-language")
#: Response header saying whether the answer came from the cache (``hit``) or not (``miss``).
STATE_HEADER = b"x-rsg-cache"


@dataclass(frozen=True)
class Cached:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


Key = tuple[str, str, bytes, tuple[bytes, ...]]


class ResponseCache:
    """Least-recently-used answers of one build, bounded in count and in bytes."""

    def __init__(self, entries: int, max_bytes: int) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self.build: str | None = None
        self.size = 0
        self._items: OrderedDict[Key, Cached] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def use_build(self, build: str) -> None:
        """Forget every answer of another build."""
        if build != self.build:
            self._items.clear()
            self.size = 0
            self.build = build

    def get(self, key: Key) -> Cached | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def fits(self, size: int) -> bool:
        """One answer may take at most an eighth of the byte budget."""
        return self.entries > 0 and size <= self.max_bytes // 8

    def put(self, key: Key, item: Cached) -> None:
        if key[0] != self.build or not self.fits(len(item.body)):
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self._items[key] = item
        self.size += len(item.body)
        while len(self._items) > self.entries or self.size > self.max_bytes:
            _, dropped = self._items.popitem(last=False)
            self.size -= len(dropped.body)


class CacheLayer:
    """ASGI middleware serving ``GET`` answers from a ``ResponseCache``."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or self.cache.entries <= 0
            or path.startswith(UNCACHED)
        ):
            await self.app(scope, receive, send)
            return
        store: GraphStore = scope["app"].state.store
        try:
            # A small read; in the thread pool like the routes, so a slow store never
            # stalls the event loop.
            build = await run_in_threadpool(store.build_id)
        except RsgError as exc:
            await response_for(exc)(scope, receive, send)
            return
        if build is None:  # an empty store: nothing worth keeping
            await self.app(scope, receive, send)
            return
        self.cache.use_build(build)
        # Told to the routes (request.state.build_id): an answer kept under this build is
        # computed from this build's projections, and the store is not asked twice.
        scope.setdefault("state", {})["build_id"] = build
        headers = dict(scope["headers"])
        key: Key = (build, path, scope["query_string"], tuple(headers.get(h, b"") for h in VARYING))
        hit = None if _fresh(headers) else self.cache.get(key)
        if hit is not None:
            await _replay(hit, send)
            return
        await self._fill(key, scope, receive, send)

    async def _fill(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200 and not _private(message["headers"])
                message = {**message, "headers": [*message["headers"], (STATE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                body: bytes = message.get("body", b"")
                size += len(body)
                keep = self.cache.fits(size)
                if keep:
                    chunks.append(body)
                else:
                    chunks.clear()
                if keep and not message.get("more_body", False) and start is not None:
                    self.cache.put(
                        key, Cached(start["status"], list(start["headers"]), b"".join(chunks))
                    )
            await send(message)

        await self.app(scope, receive, capture)


def _fresh(headers: dict[bytes, bytes]) -> bool:
    """``Cache-Control: no-cache`` asks for an answer computed now (it is then kept)."""
    return b"no-cache" in headers.get(b"cache-control", b"").lower()


def _private(headers: list[tuple[bytes, bytes]]) -> bool:
    """Answers that set cookies or refuse storage are not shared."""
    for name, value in headers:
        lowered = name.lower()
        if lowered == b"set-cookie" or (lowered == b"cache-control" and b"no-store" in value):
            return True
    return False


async def _replay(item: Cached, send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": item.status,
            "headers": [*item.headers, (STATE_HEADER, b"hit")],
        }
    )
    await send({"type": "http.response.body", "body": item.body, "more_body": False})
