"""``/login`` and ``/logout``: the browser's way in when ``RSG_API_KEY`` is set.

The login form posts the key once and gets a signed session cookie (``api/web/session.py``);
API clients keep sending ``X-API-Key``. Logout is a form POST carrying the session's CSRF
token, and clears the cookie. Wrong keys count against the client's limit (``KeyLimiter`` in
``api/web/security.py``): past it the form answers 429 with ``Retry-After``.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.web import session as sessions
from api.web.security import HEADER, client_of, current_session, limiter_of
from api.web.settings import ApiSettings
from ontology.errors import Forbidden, RateLimited
from visual import login
from visual.page import Page

router = APIRouter(tags=["access"])

WRONG_KEY = "키가 맞지 않습니다 / The key does not match"
NO_KEY = "이 서버에는 키가 없어 로그인이 필요 없습니다 / This server has no key: no login needed"
TOO_MANY = "잘못된 키가 너무 많습니다. {0}초 뒤에 다시 / Too many wrong keys: try again in {0} s"


def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def local_path(target: str | None) -> str:
    """Where to go after logging in: a path on this server only (never //host or a URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _page(next_path: str, settings: ApiSettings, error: str | None, status: int) -> HTMLResponse:
    return _html(login.render(next_path, settings.session_hours, error), status)


def _html(rendered: Page, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        rendered.html,
        status_code=status,
        headers={
            "Content-Security-Policy": rendered.csp([]),
            "Cache-Control": "no-store",
            # same-origin, not no-referrer: with no-referrer a form POST says Origin: null
            "Referrer-Policy": "same-origin",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def _form(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


@router.get("/login", summary="로그인 화면 / login page", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    settings = _settings(request)
    configured = bool(settings.api_key and settings.api_key.get_secret_value())
    return _page(local_path(next), settings, None if configured else NO_KEY, 200)


@router.post(
    "/login",
    summary="로그인 / exchange the API key for a session cookie",
    response_class=HTMLResponse,
)
async def log_in(request: Request) -> Response:
    settings = _settings(request)
    form = await _form(request)
    target = local_path(form.get("next"))
    if not sessions.same_origin(
        request.headers.get("origin"), request.headers.get("host"), request.url.scheme
    ):
        raise Forbidden("the login form comes from another site", "log in on this server's page")
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    given = form.get("key", "")
    if not key:
        return _page(target, settings, NO_KEY, 400)
    limiter, client = limiter_of(request), client_of(request.scope)
    try:
        limiter.check(client)
    except RateLimited as exc:
        refused = _page(target, settings, TOO_MANY.format(exc.retry_after), 429)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    if not hmac.compare_digest(given.encode(), key.encode()):
        limiter.failed(client)
        return _page(target, settings, WRONG_KEY, 401)
    limiter.succeeded(client)
    value, _ = sessions.issue(settings)
    answer = RedirectResponse(target, status_code=303)
    https = request.url.scheme == "https"
    answer.headers.append("Set-Cookie", sessions.set_cookie_header(value, settings, https=https))
    answer.headers["Cache-Control"] = "no-store"
    return answer


@router.get("/logout", summary="로그아웃 화면 / log-out page", response_class=HTMLResponse)
def logout_page(request: Request) -> Response:
    found = current_session(request)
    if found is None:  # the key in a header, or no key at all: nothing to end
        return RedirectResponse("/", status_code=303)
    return _html(login.logout(found.csrf))


@router.post("/logout", summary="로그아웃 / end the browser session", response_class=HTMLResponse)
async def log_out(request: Request) -> Response:
    found = current_session(request)
    if found is not None:
        form = await _form(request)
        token = form.get("csrf") or request.headers.get(sessions.CSRF_HEADER)
        if not found.checks(token):
            raise Forbidden("the CSRF token is missing or wrong", "log out from a page")
    elif request.headers.get(HEADER) is None and _settings(request).api_key:
        raise Forbidden("there is no session to end", "log in first")
    answer = RedirectResponse("/login", status_code=303)
    answer.headers.append(
        "Set-Cookie", sessions.clear_cookie_header(https=request.url.scheme == "https")
    )
    return answer
