"""Run in a child process: what the program does with the one variable named on the command line.

``python -m tests.api.envprobe NAME`` prints one line: what the code that reads NAME observed,
through the same path the program uses (``open_store``, ``create_app``, the build's data
folder, the picture's font ...), never by reading the environment itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from ontology.errors import RsgError


def _client() -> TestClient:
    """The real app as ``rsg serve`` makes it; the probed routes do not touch a store."""
    from api.web.app import create_app

    return TestClient(
        create_app(store=None), base_url="http://127.0.0.1", raise_server_exceptions=False
    )


def _store_error() -> str:
    from queries.backends import open_store
    from queries.server import EmbeddedServer
    from queries.settings import StoreSettings

    settings = StoreSettings()
    try:
        open_store(settings).close()
    except RsgError as exc:
        return exc.message
    finally:
        EmbeddedServer(settings.home).stop()  # the default store starts one; leave none behind
    return "opened"


def _store(field: str) -> Callable[[], str]:
    def probe() -> str:
        from api.cli.common import store_settings

        return str(getattr(store_settings(), field))

    return probe


def _limit(field: str) -> Callable[[], str]:
    """What the embedded server is started with."""

    def probe() -> str:
        from api.cli.common import store_settings

        return str(getattr(store_settings().server_limits(), field))

    return probe


def _neo4j(field: str) -> Callable[[], str]:
    def probe() -> str:
        from pydantic import SecretStr

        from queries.settings import Neo4jSettings

        value = getattr(Neo4jSettings(), field)
        return value.get_secret_value() if isinstance(value, SecretStr) else str(value)

    return probe


def _view(field: str) -> Callable[[], str]:
    def probe() -> str:
        from visual.settings import ViewSettings

        return str(getattr(ViewSettings(), field))

    return probe


def _data_dir() -> str:
    from ingest.graph.dataset import default_data_dir

    return str(default_data_dir())


def _ingest(field: str) -> Callable[[], str]:
    """What ``rsg ingest`` gives each document (``ingest.documents.sandbox``)."""

    def probe() -> str:
        from ingest.settings import IngestSettings

        return str(getattr(IngestSettings(), field))

    return probe


def _corpus() -> str:
    from api.cli.common import corpus_dir

    return str(corpus_dir())


def _exposure() -> str:
    from api.web.settings import ApiSettings

    settings = ApiSettings()
    try:
        settings.check_exposure(settings.host)
    except RsgError as exc:
        return exc.message
    return f"serving on {settings.host} allowed"


def _api(field: str) -> Callable[[], str]:
    def probe() -> str:
        from api.web.settings import ApiSettings

        return str(getattr(ApiSettings(), field))

    return probe


def _key() -> str:
    """``/health`` of the app with its real embedded store (started here, stopped after)."""
    from api.web.app import create_app
    from queries.server import EmbeddedServer
    from queries.settings import StoreSettings

    try:
        with TestClient(create_app(), base_url="http://127.0.0.1") as client:
            without = client.get("/health").status_code
            with_key = client.get("/health", headers={"X-API-Key": "probe-key"}).status_code
    finally:
        EmbeddedServer(StoreSettings().home).stop()
    return f"{without} {with_key}"


def _session_hours() -> str:
    """Max-Age of the cookie the login page gives (with a key set here for the login)."""
    from api.web.session import set_cookie_header
    from api.web.settings import ApiSettings

    header = set_cookie_header("v", ApiSettings(), https=False)
    return next(p.split("=")[1] for p in header.split("; ") if p.startswith("Max-Age="))


def _wrong_keys() -> tuple[int, int]:
    """How many wrong keys the server's limiter lets one client send, and then the wait."""
    from api.web.security import KeyLimiter
    from api.web.settings import ApiSettings
    from ontology.errors import RateLimited

    limiter = KeyLimiter.of(ApiSettings())  # as the Guard makes it
    for tried in range(1000):
        try:
            limiter.check("probe")
        except RateLimited as exc:
            return tried, exc.retry_after
        limiter.failed("probe")
    return 1000, 0


def _cors() -> str:
    answer = _client().options(
        "/health",
        headers={
            "Origin": "https://reports.example.org",
            "Access-Control-Request-Method": "GET",
        },
    )
    return answer.headers.get("access-control-allow-origin", "none")


def _allowed_hosts() -> str:
    """Whether a request naming another host gets past the host check: 413 from the next
    check (the body limit, which needs no store) if it does, 400 if it does not."""
    body = b"x" * 200_000
    answer = _client().post("/cypher", content=body, headers={"Host": "graph.team.example"})
    return str(answer.status_code)


def _body_limit() -> str:
    answer = _client().post("/cypher", json={"query": "RETURN 1 // " + "x" * 1500})
    return str(answer.status_code)


def _cache(field: str) -> Callable[[], str]:
    def probe() -> str:
        from api.web.app import create_app

        return str(getattr(create_app(store=None).state.cache, field))

    return probe


def _detail_projection() -> str:
    """Whether the app answers entity details from the neighbourhood projection."""
    from api.web.app import create_app

    return str(create_app(store=None).state.settings.detail_projection)


def _frame_ancestors() -> str:
    from visual.page import csp
    from visual.settings import ViewSettings

    return csp((), (), ViewSettings().frame_ancestors).rsplit("; ", 1)[-1]


def _font() -> str:
    from visual.static import korean_font

    return Path(str(korean_font().get_file())).name


PROBES: dict[str, Callable[[], str]] = {
    "RSG_STORE": _store_error,
    "RSG_HOME": _store("home"),
    "RSG_FALKORDB_URL": _store("falkordb_url"),
    "RSG_GRAPH": _store("graph"),
    "RSG_QUERY_TIMEOUT_MS": _store("query_timeout_ms"),
    "RSG_ROW_CAP": _store("row_cap"),
    "RSG_RESULT_MAX_MB": _store("result_max_mb"),
    "RSG_STORE_QUERY_MEMORY_MB": _limit("query_memory_mb"),
    "RSG_STORE_MEMORY_MB": _limit("memory_mb"),
    "RSG_STORE_MAX_QUEUED": _limit("max_queued"),
    "RSG_DATA_DIR": _data_dir,
    "RSG_CORPUS": _corpus,
    "RSG_INGEST_TIMEOUT_S": _ingest("timeout_s"),
    "RSG_INGEST_MEMORY_MB": _ingest("memory_mb"),
    "NEO4J_URI": _neo4j("uri"),
    "NEO4J_USER": _neo4j("user"),
    "NEO4J_PASSWORD": _neo4j("password"),
    "NEO4J_DATABASE": _neo4j("database"),
    "RSG_API_HOST": _exposure,
    "RSG_API_PORT": _api("port"),
    "RSG_API_KEY": _key,
    "RSG_API_CORS_ORIGINS": _cors,
    "RSG_API_MAX_BODY_BYTES": _body_limit,
    "RSG_API_ALLOWED_HOSTS": _allowed_hosts,
    "RSG_API_CACHE_ENTRIES": _cache("entries"),
    "RSG_API_CACHE_BYTES": _cache("max_bytes"),
    "RSG_API_DETAIL_PROJECTION": _detail_projection,
    "RSG_API_SESSION_HOURS": _session_hours,
    "RSG_API_LOGIN_ATTEMPTS": lambda: str(_wrong_keys()[0]),
    "RSG_API_LOGIN_WINDOW_SECONDS": lambda: str(_wrong_keys()[1]),
    "RSG_VIEW_FRAME_ANCESTORS": _frame_ancestors,
    "RSG_VIEW_NODE_LIMIT": _view("node_limit"),
    "RSG_VIEW_LAYOUT_THRESHOLD": _view("layout_threshold"),
    "RSG_VIEW_FONT_FAMILY": _font,
    "RSG_VIEW_FALLBACK_FONTS": _view("fallback_fonts"),
}


def main(names: list[str]) -> None:
    for name in names:
        print(f"{name}\t{PROBES[name]()}")


if __name__ == "__main__":
    main(sys.argv[1:])
