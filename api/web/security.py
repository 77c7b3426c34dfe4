"""API key, browser session, CSRF and request-size checks.

When ``RSG_API_KEY`` is set, every route needs the ``X-API-Key`` header or a signed session
cookie from ``/login`` (``api/web/session.py``); a browser asking for a page without either is
sent to the login page. ``rsg serve`` refuses a non-loopback address without a key. A request
let in by the cookie alone that changes something needs the session's CSRF token and, when it
says where it comes from, this server's origin. Write routes (ingest, review, build, saving a
query) always need the key or a session: with no key configured they answer 403.

Wrong keys are limited per client (its address): after ``RSG_API_LOGIN_ATTEMPTS`` wrong keys
within ``RSG_API_LOGIN_WINDOW_SECONDS``, through the login form or the ``X-API-Key`` header,
every further key from that client answers 429 with ``Retry-After`` until the oldest of them
leaves the window. The count is kept in this process (no other service).
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Header, Request
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.web import session as sessions
from api.web.errors import response_for
from api.web.settings import ApiSettings
from ontology.errors import Forbidden, RateLimited, RsgError, TooLarge, Unauthorized, UnknownHost

HEADER = "X-API-Key"


class KeyLimiter:
    """Wrong keys per client in a sliding window, in this process; at most ``clients`` are
    remembered (the longest quiet is forgotten first), so the table cannot grow without end."""

    def __init__(
        self,
        attempts: int,
        window: float,
        *,
        clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts = attempts
        self.window = window
        self.clients = clients
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def of(cls, settings: ApiSettings) -> KeyLimiter:
        return cls(settings.login_attempts, float(settings.login_window_seconds))

    def _recent(self, client: str, now: float) -> deque[float]:
        seen = self._failures.get(client, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        return seen

    def check(self, client: str) -> None:
        """Raise RateLimited while the client has used up its wrong keys in the window."""
        with self._lock:
            now = self.clock()
            seen = self._recent(client, now)
            if not seen:
                self._failures.pop(client, None)
            if len(seen) >= self.attempts:
                wait = max(1, int(seen[0] + self.window - now + 0.999))
                raise RateLimited(
                    f"too many wrong keys from this client; try again in {wait} s",
                    "wait, then send the server's RSG_API_KEY",
                    retry_after=wait,
                )

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            seen = self._recent(client, now)
            seen.append(now)
            self._failures[client] = seen
            self._failures.move_to_end(client)
            while len(self._failures) > self.clients:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def client_of(scope: Scope) -> str:
    """The client's address (behind a proxy: the proxy's, unless the server is told better)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def limiter_of(request: Request) -> KeyLimiter:
    """The Guard's limiter, which it hands to the routes through the request state."""
    found: KeyLimiter = request.state.key_limiter
    return found


def _matches(given: str | None, settings: ApiSettings) -> bool:
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    return bool(key) and given is not None and hmac.compare_digest(given.encode(), key.encode())


def check_key(given: str | None, settings: ApiSettings, *, always: bool = False) -> None:
    """Raise unless the request may pass: a matching key, or no key configured (reads only)."""
    configured = bool(settings.api_key and settings.api_key.get_secret_value())
    if not configured:
        if always:
            raise Forbidden(
                "this route changes data and needs an API key, but none is configured",
                "set RSG_API_KEY on the server and send it in the X-API-Key header",
            )
        return
    if given is None:
        raise Unauthorized("the X-API-Key header is missing", "send the server's RSG_API_KEY")
    if not _matches(given, settings):
        raise Unauthorized("the X-API-Key header does not match", "send the server's RSG_API_KEY")


def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def current_session(request: Request) -> sessions.Session | None:
    """The browser session the Guard let this request in with (None for the key or no key)."""
    found: sessions.Session | None = getattr(request.state, "session", None)
    return found


def require_write_key(
    request: Request,
    x_api_key: Annotated[str | None, Header(alias=HEADER, include_in_schema=False)] = None,
) -> None:
    """Dependency for routes that change data: the key, or a logged-in session (whose CSRF
    token the Guard has checked), is always needed."""
    if x_api_key is None and current_session(request) is not None:
        return
    check_key(x_api_key, _settings(request), always=True)


WriteKey = Depends(require_write_key)


#: Routes open without the key: the login page itself (its form checks the key).
OPEN_PATHS = frozenset({"/login"})
#: Routes that check the CSRF token of a plain HTML form themselves (a form has no headers).
FORM_PATHS = frozenset({"/logout"})


def _admit(
    scope: Scope, headers: dict[str, str], settings: ApiSettings, limiter: KeyLimiter
) -> None:
    """Let the request in by its key or its session, or raise; notes the session in scope."""
    given = headers.get(HEADER.lower())
    configured = bool(settings.api_key and settings.api_key.get_secret_value())
    if not configured or given is not None or scope["path"] in OPEN_PATHS:
        if scope["path"] not in OPEN_PATHS:
            if configured and given is not None:
                limiter.check(client_of(scope))
            try:
                check_key(given, settings)
            except Unauthorized:
                if given is not None:
                    limiter.failed(client_of(scope))
                raise
        return
    found = sessions.verify(sessions.cookie_value(headers.get("cookie")), settings)
    if found is None:
        raise Unauthorized(
            "no X-API-Key header and no valid session",
            "send the server's RSG_API_KEY, or log in at /login in a browser",
        )
    scope.setdefault("state", {})["session"] = found
    if scope["method"] in sessions.SAFE_METHODS:
        return
    if not sessions.same_origin(headers.get("origin"), headers.get("host"), scope["scheme"]):
        raise Forbidden("the request comes from another site", "use the pages of this server")
    if scope["path"] not in FORM_PATHS and not found.checks(
        headers.get(sessions.CSRF_HEADER.lower())
    ):
        raise Forbidden(
            "the CSRF token is missing or wrong",
            "reload the page (it carries the token) or send the X-API-Key header",
        )


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def check_host(headers: dict[str, str], settings: ApiSettings) -> None:
    """Refuse a Host header that names another site. A page elsewhere can make its own name
    resolve to 127.0.0.1 (DNS rebinding) and so reach this API; its requests still carry that
    name. Checked before anything else, so no redirect is ever built from such a name."""
    allowed = [name.lower() for name in settings.allowed_hosts]
    if "*" in allowed:
        return
    name = host_name(headers.get("host", ""))
    if name not in allowed:
        raise UnknownHost(
            f"this server does not answer for the host {name or '(none)'!r}",
            "use one of RSG_API_ALLOWED_HOSTS, or add the name the server is reached by there",
        )


def _wants_page(scope: Scope, headers: dict[str, str]) -> bool:
    return scope["method"] == "GET" and "text/html" in headers.get("accept", "")


class Guard:
    """ASGI middleware: the Host header, the API key or a session on every route (when a key
    is set), CSRF on a session's writes, and the request-body limit."""

    def __init__(self, app: ASGIApp, settings: ApiSettings) -> None:
        self.app = app
        self.settings = settings
        self.limiter = KeyLimiter.of(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            check_host(headers, self.settings)
            scope.setdefault("state", {})["key_limiter"] = self.limiter
            try:
                _admit(scope, headers, self.settings, self.limiter)
            except Unauthorized:
                if not _wants_page(scope, headers):
                    raise
                path = scope["path"] + (
                    "?" + scope["query_string"].decode("latin-1") if scope["query_string"] else ""
                )
                target = "/login?next=" + quote(path, safe="")
                await RedirectResponse(target, status_code=303)(scope, receive, send)
                return
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self.settings.max_body_bytes:
                raise self._too_large()
            if not length:
                # Chunked (no Content-Length): read the body here, within the limit, and hand
                # it on whole. Raising later, inside the app's body parsing, would surface as
                # FastAPI's generic 400 instead of 413.
                receive = await self._buffered(receive)
        except RsgError as exc:
            await response_for(exc)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _too_large(self) -> TooLarge:
        return TooLarge(
            f"the request body is over {self.settings.max_body_bytes} bytes",
            "send less, or raise RSG_API_MAX_BODY_BYTES on the server",
        )

    async def _buffered(self, receive: Receive) -> Receive:
        """The whole body, read now; TooLarge as soon as it passes the limit."""
        body = bytearray()
        first: Message = {"type": "http.request", "body": b"", "more_body": False}
        while True:
            message = await receive()
            if message["type"] != "http.request":
                first = message  # the client went away; the app sees that
                break
            body += message.get("body", b"")
            if len(body) > self.settings.max_body_bytes:
                raise self._too_large()
            if not message.get("more_body", False):
                first = {"type": "http.request", "body": bytes(body), "more_body": False}
                break
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return first
            return await receive()

        return replay
