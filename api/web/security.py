"""API key and request-size checks.

When ``RSG_API_KEY`` is set, every route needs the ``X-API-Key`` header (``rsg serve`` refuses a
non-loopback address without a key). Write routes (ingest, review, build) always need the key:
with no key configured they answer 403.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.web.errors import response_for
from api.web.settings import ApiSettings
from ontology.errors import Forbidden, RsgError, TooLarge, Unauthorized

HEADER = "X-API-Key"


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


def require_write_key(
    request: Request,
    x_api_key: Annotated[str | None, Header(alias=HEADER, include_in_schema=False)] = None,
) -> None:
    """Dependency for routes that change data: the key is always needed."""
    check_key(x_api_key, _settings(request), always=True)


WriteKey = Depends(require_write_key)


class Guard:
    """ASGI middleware: the API key on every route (when set) and the request-body limit."""

    def __init__(self, app: ASGIApp, settings: ApiSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            check_key(headers.get(HEADER.lower()), self.settings)
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
