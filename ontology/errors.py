"""The project's exception hierarchy. One root, translated to HTTP in ``api/errors.py``
and to exit codes in ``api/cli.py``; nothing else catches these broadly."""

from __future__ import annotations


class RsgError(Exception):
    """Root of every error the project raises on purpose.

    ``hint`` says what the user can do about it; it is shown beside the message.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(RsgError):
    """A setting is missing or invalid."""


class StoreUnavailable(RsgError):
    """The graph store cannot be reached or started."""


class StoreError(RsgError):
    """The store answered with an error that is not the caller's fault."""


class QueryError(RsgError):
    """The query is not valid Cypher or refers to something unknown."""


class ReadOnlyViolation(QueryError):
    """A read path was asked to write."""


class QueryTimeout(RsgError):
    """The query ran longer than the configured timeout."""


class NotFound(RsgError):
    """A node, query or resource with that id does not exist."""


class NoGraph(NotFound):
    """The store is reachable but holds no graph yet: nothing has been built."""

    def __init__(self) -> None:
        super().__init__(
            "아직 그래프가 없습니다 / no graph has been built yet",
            "run `rsg build` (or `make run`), then try again",
        )


class Unauthorized(RsgError):
    """The request lacks the API key, or carries a wrong one."""


class RateLimited(RsgError):
    """Too many wrong keys from one client in a while; ``retry_after`` seconds to wait."""

    def __init__(self, message: str, hint: str = "", retry_after: int = 1) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after


class Forbidden(RsgError):
    """The action is not allowed in this configuration (e.g. a write route with no key set)."""


class UnknownHost(RsgError):
    """The request names a host (``Host`` header) this server does not answer for."""


class NotAcceptable(RsgError):
    """No representation of the answer matches what the client accepts."""


class TooLarge(RsgError):
    """A request body or an input file is over the configured size limit."""


class ValidationFailed(RsgError):
    """Input data (facts files, shapes, parameters) is invalid.

    ``problems`` lists every problem found, each already located (file, line, field).
    """

    def __init__(self, message: str, problems: list[str], hint: str = "") -> None:
        super().__init__(message, hint)
        self.problems = problems
