"""The one place where the project's exceptions become HTTP responses."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ontology.errors import (
    ConfigError,
    Forbidden,
    NotAcceptable,
    NotFound,
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    RsgError,
    StoreUnavailable,
    TooLarge,
    Unauthorized,
    ValidationFailed,
)

STATUS: list[tuple[type[RsgError], int]] = [
    (NotFound, 404),
    (Unauthorized, 401),
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


def response_for(exc: RsgError) -> JSONResponse:
    """The JSON error body: what went wrong (``detail``) and what to do (``hint``)."""
    body: dict[str, object] = {"error": type(exc).__name__, "detail": exc.message, "hint": exc.hint}
    if isinstance(exc, ValidationFailed):
        body["problems"] = exc.problems
    headers = {"WWW-Authenticate": "ApiKey"} if isinstance(exc, Unauthorized) else None
    return JSONResponse(status_code=status_for(exc), content=body, headers=headers)


async def _handle(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RsgError)
    return response_for(exc)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RsgError, _handle)
