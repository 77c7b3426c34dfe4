"""Browser sessions over HTTP: login exchanges the key for a signed cookie with the right
attributes, the cookie lets reads in, writes need its CSRF token and this server's origin,
altered or expired cookies count for nothing, logout ends it, and API clients keep the key.
Repeated wrong keys from one client get 429 with Retry-After until the window has passed."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.web import session as sessions
from api.web.app import create_app
from api.web.security import KeyLimiter
from api.web.settings import ApiSettings
from ontology.errors import RateLimited

KEY = "test-key-18"
BASE = "http://testserver"


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> TestClient:
    monkeypatch.setenv("RSG_HOME", str(tmp_path))
    app = create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY), session_hours=2))
    return TestClient(app, base_url=BASE)


def _login(client: TestClient) -> str:
    answer = client.post("/login", data={"key": KEY, "next": "/review"}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/review"
    cookie = answer.headers["set-cookie"]
    for attribute in ("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=7200"):
        assert attribute in cookie
    assert "Secure" not in cookie  # plain HTTP here
    value = cookie.split(";")[0].split("=", 1)[1]
    found = sessions.verify(value, ApiSettings(api_key=SecretStr(KEY)))
    assert found is not None
    return found.csrf


def test_a_page_without_a_session_goes_to_the_login_page(client: TestClient) -> None:
    answer = client.get("/review?status=pending", headers={"accept": "text/html"},
                        follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=%2Freview%3Fstatus%3Dpending"
    assert client.get("/review").status_code == 401  # an API client gets 401, not a page
    page = client.get("/login?next=/review")
    assert page.status_code == 200
    assert 'name="next" value="/review"' in page.text


def test_wrong_key_is_refused_and_sets_no_cookie(client: TestClient) -> None:
    answer = client.post("/login", data={"key": "nope", "next": "/"}, follow_redirects=False)
    assert answer.status_code == 401
    assert "set-cookie" not in answer.headers
    assert "키가 맞지 않습니다" in answer.text


def test_login_only_sends_back_to_this_server(client: TestClient) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        answer = client.post("/login", data={"key": KEY, "next": target}, follow_redirects=False)
        assert answer.headers["location"] == "/"


def test_session_reads_and_writes_with_csrf(client: TestClient) -> None:
    csrf = _login(client)
    assert client.get("/review").status_code == 200
    refused = client.post("/review/nothing/reject")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    wrong = client.post("/review/nothing/reject", headers={"X-CSRF-Token": csrf + "x"})
    assert wrong.status_code == 403
    # with the token the request reaches the route (which knows no such item)
    passed = client.post("/review/nothing/reject", headers={"X-CSRF-Token": csrf})
    assert passed.status_code == 404
    other_site = client.post(
        "/review/nothing/reject",
        headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"},
    )
    assert other_site.status_code == 403


def test_the_key_header_still_works_without_csrf(client: TestClient) -> None:
    answer = client.post("/review/nothing/reject", headers={"X-API-Key": KEY})
    assert answer.status_code == 404


def test_altered_and_expired_cookies_count_for_nothing() -> None:
    settings = ApiSettings(api_key=SecretStr(KEY), session_hours=1)
    value, _ = sessions.issue(settings, now=1000.0)
    assert sessions.verify(value, settings, now=1000.0 + 3599) is not None
    assert sessions.verify(value, settings, now=1000.0 + 3600) is None
    payload, signature = value.split(".")
    assert sessions.verify(payload + "." + signature[:-2] + "AA", settings, now=1001) is None
    assert sessions.verify(value, ApiSettings(api_key=SecretStr("another")), now=1001) is None
    assert sessions.verify(value, ApiSettings(), now=1001) is None


def test_logout_needs_the_token_and_clears_the_cookie(client: TestClient) -> None:
    csrf = _login(client)
    page = client.get("/logout")
    assert page.status_code == 200
    assert f'value="{csrf}"' in page.text
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 403
    answer = client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert answer.status_code == 303
    assert "Max-Age=0" in answer.headers["set-cookie"]
    client.cookies.clear()
    assert client.get("/review").status_code == 401


def test_secure_cookie_over_https(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("RSG_HOME", str(tmp_path))
    app = create_app(store=None, settings=ApiSettings(api_key=SecretStr(KEY)))
    secure = TestClient(app, base_url="https://testserver")
    answer = secure.post("/login", data={"key": KEY}, follow_redirects=False)
    assert "Secure" in answer.headers["set-cookie"]


def _limited(tmp_path: object, monkeypatch: pytest.MonkeyPatch, window: int) -> TestClient:
    monkeypatch.setenv("RSG_HOME", str(tmp_path))
    settings = ApiSettings(api_key=SecretStr(KEY), login_attempts=3, login_window_seconds=window)
    return TestClient(create_app(store=None, settings=settings), base_url=BASE)


def test_repeated_wrong_keys_at_the_login_form_get_429_until_the_window_has_passed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    client = _limited(tmp_path, monkeypatch, window=2)
    origin = {"Origin": BASE}
    for _ in range(3):
        wrong = client.post("/login", data={"key": "guess"}, headers=origin)
        assert wrong.status_code == 401
    started = time.monotonic()
    for key in ("guess", KEY):  # past the limit even the right key waits
        refused = client.post("/login", data={"key": key}, headers=origin, follow_redirects=False)
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 2
        assert "set-cookie" not in refused.headers
        assert "너무 많습니다" in refused.text
    api = client.get("/health", headers={"X-API-Key": KEY})
    assert api.status_code == 429, "the header counts against the same client"
    time.sleep(max(0.0, 2.05 - (time.monotonic() - started)))
    done = client.post("/login", data={"key": KEY}, headers=origin, follow_redirects=False)
    assert done.status_code == 303
    assert "rsg_session=" in done.headers["set-cookie"]


def test_repeated_wrong_api_keys_get_429_with_retry_after(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    client = _limited(tmp_path, monkeypatch, window=60)
    assert client.get("/health").status_code == 401  # no key at all is no guess
    for _ in range(3):
        assert client.get("/health", headers={"X-API-Key": "guess"}).status_code == 401
    refused = client.get("/health", headers={"X-API-Key": KEY})
    assert refused.status_code == 429
    assert refused.json()["error"] == "RateLimited"
    assert 59 <= int(refused.headers["retry-after"]) <= 60


def test_the_limit_is_per_client_and_forgets_old_failures() -> None:
    now = [0.0]
    limiter = KeyLimiter(2, 10.0, clients=2, clock=lambda: now[0])
    limiter.failed("a")
    limiter.failed("a")
    with pytest.raises(RateLimited) as raised:
        limiter.check("a")
    assert raised.value.retry_after == 10
    limiter.check("b")  # another client is not held back
    now[0] = 6.0
    with pytest.raises(RateLimited) as raised:
        limiter.check("a")
    assert raised.value.retry_after == 4
    now[0] = 10.5
    limiter.check("a")  # both failures have left the window
    limiter.failed("b")
    limiter.failed("c")
    limiter.failed("d")  # at most two clients are remembered: the quietest is forgotten
    assert len(limiter._failures) == 2
