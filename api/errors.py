"""The one place where the project's exceptions become HTTP responses."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ontology.errors import (
    ConfigError,
    NotFound,
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    RsgError,
    StoreUnavailable,
    ValidationFailed,
)

STATUS: list[tuple[type[RsgError], int]] = [
    (NotFound, 404),
    (ReadOnlyViolation, 403),
    (QueryError, 400),
    (ValidationFailed, 422),
    (QueryTimeout, 504),
    (StoreUnavailable, 503),
    (ConfigError, 500),
    (RsgError, 500),
]


def status_for(exc: RsgError) -> int:
    return next(code for kind, code in STATUS if isinstance(exc, kind))


async def _handle(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RsgError)
    body: dict[str, object] = {"error": type(exc).__name__, "detail": exc.message, "hint": exc.hint}
    if isinstance(exc, ValidationFailed):
        body["problems"] = exc.problems
    return JSONResponse(status_code=status_for(exc), content=body)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RsgError, _handle)
