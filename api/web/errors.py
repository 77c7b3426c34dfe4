"""The one place where the project's exceptions become HTTP responses."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ontology.errors import (
    ConfigError,
    Forbidden,
    NotAcceptable,
    NotFound,
    QueryError,
    QueryTimeout,
    RateLimited,
    ReadOnlyViolation,
    RsgError,
    StoreUnavailable,
    TooLarge,
    Unauthorized,
    UnknownHost,
    ValidationFailed,
)

STATUS: list[tuple[type[RsgError], int]] = [
    (UnknownHost, 400),
    (NotFound, 404),
    (Unauthorized, 401),
    (RateLimited, 429),
    (Forbidden, 403),
    (TooLarge, 413),
    (NotAcceptable, 406),
    (ReadOnlyViolation, 403),
    (QueryError, 400),
    (ValidationFailed, 422),
    (QueryTimeout, 408),
    (StoreUnavailable, 503),
    (ConfigError, 500),
    (RsgError, 500),
]


def status_for(exc: RsgError) -> int:
    return next(code for kind, code in STATUS if isinstance(exc, kind))


class SafeJSON(JSONResponse):
    """JSON that can always be sent: an error body may quote the request, and a lone
    surrogate in it (valid in JSON text, not in UTF-8) must not turn a 4xx into a 500. Such a
    body is written with ``\\u`` escapes, which clients decode back to the same text."""

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except UnicodeEncodeError:
            text = json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
            return text.encode("ascii")


def response_for(exc: RsgError) -> JSONResponse:
    """The JSON error body: what went wrong (``detail``) and what to do (``hint``)."""
    body: dict[str, object] = {"error": type(exc).__name__, "detail": exc.message, "hint": exc.hint}
    if isinstance(exc, ValidationFailed):
        body["problems"] = exc.problems
    headers = {"WWW-Authenticate": "ApiKey"} if isinstance(exc, Unauthorized) else None
    if isinstance(exc, RateLimited):
        headers = {"Retry-After": str(exc.retry_after)}
    return SafeJSON(status_code=status_for(exc), content=body, headers=headers)


async def _handle(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RsgError)
    return response_for(exc)


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's standard 422 body, rendered so that any input it quotes can be sent."""
    assert isinstance(exc, RequestValidationError)
    return SafeJSON(status_code=422, content={"detail": jsonable_encoder(exc.errors())})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RsgError, _handle)
    app.add_exception_handler(RequestValidationError, _invalid)
