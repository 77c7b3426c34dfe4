"""Browser sessions: the API key exchanged once on ``/login`` for a signed cookie.

A browser cannot send ``X-API-Key``, so the login page takes the key and answers a cookie
``rsg_session`` = ``<payload>.<signature>``: the payload (base64url JSON) holds the expiry and
a random CSRF token, the signature is HMAC-SHA256 under a secret derived from the API key (a
new key ends every session). The cookie is ``HttpOnly``, ``SameSite=Strict``, ``Path=/``,
``Secure`` when the request came over HTTPS, and expires after ``RSG_API_SESSION_HOURS``.

A request that changes something (any method but GET, HEAD, OPTIONS) and is let in by the
cookie alone must carry the session's CSRF token in the ``X-CSRF-Token`` header (pages put it
there from their ``<meta name="rsg-csrf">``) or, for a plain HTML form, in a ``csrf`` field
checked by the route; and an ``Origin`` header, when sent, must be this server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie

from api.web.settings import ApiSettings

COOKIE = "rsg_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Session:
    expires: int
    csrf: str

    def checks(self, token: str | None) -> bool:
        return token is not None and hmac.compare_digest(token.encode(), self.csrf.encode())


def _secret(settings: ApiSettings) -> bytes | None:
    key = settings.api_key.get_secret_value() if settings.api_key else ""
    if not key:
        return None
    return hmac.new(key.encode(), b"rsg session cookie v1", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(settings: ApiSettings, now: float | None = None) -> tuple[str, Session]:
    """A new session and its signed cookie value (only when a key is configured)."""
    secret = _secret(settings)
    assert secret is not None, "sessions exist only when RSG_API_KEY is set"
    moment = time.time() if now is None else now
    session = Session(int(moment + settings.session_hours * 3600), secrets.token_urlsafe(24))
    payload = _b64(json.dumps({"exp": session.expires, "csrf": session.csrf}).encode())
    signature = _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{signature}", session


def verify(value: str | None, settings: ApiSettings, now: float | None = None) -> Session | None:
    """The session a cookie value stands for, or None (unsigned, altered, expired, no key)."""
    secret = _secret(settings)
    if secret is None or not value or value.count(".") != 1:
        return None
    payload, signature = value.split(".")
    expected = _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(signature.encode(), expected.encode()):
        return None
    try:
        data = json.loads(_unb64(payload))
        session = Session(int(data["exp"]), str(data["csrf"]))
    except (ValueError, KeyError, TypeError):
        return None
    if session.expires <= (time.time() if now is None else now):
        return None
    return session


def cookie_value(cookie_header: str | None) -> str | None:
    if not cookie_header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(cookie_header)
    except Exception:  # a malformed Cookie header is no session at all
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


def set_cookie_header(value: str, settings: ApiSettings, *, https: bool) -> str:
    parts = [
        f"{COOKIE}={value}",
        "Path=/",
        f"Max-Age={settings.session_hours * 3600}",
        "HttpOnly",
        "SameSite=Strict",
    ]
    if https:
        parts.append("Secure")
    return "; ".join(parts)


def clear_cookie_header(*, https: bool) -> str:
    parts = [f"{COOKIE}=", "Path=/", "Max-Age=0", "HttpOnly", "SameSite=Strict"]
    if https:
        parts.append("Secure")
    return "; ".join(parts)


def same_origin(origin: str | None, host: str | None, scheme: str) -> bool:
    """No Origin header (same-origin GET, older clients), or one naming this server."""
    if origin is None:
        return True
    return host is not None and origin == f"{scheme}://{host}"
