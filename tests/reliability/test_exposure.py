"""Exposure: the embedded server listens on a unix socket or loopback only and needs its
password; the API refuses a public address without a key; keys and CORS are enforced."""

from __future__ import annotations

import ipaddress
import os
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli.main import app as cli
from api.web.app import create_app
from api.web.security import OPEN_PATHS
from api.web.settings import ApiSettings
from ingest.graph.build import BuildReport
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from tests.reliability.faultkit import RSG, rsg_env

KEY = "k-" + "x" * 30
ORIGIN = "https://analyst.example"


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _own_sockets(pid: int) -> dict[str, list[tuple[str, str]]]:
    """The process's sockets per table, read from its own network namespace's view
    (``/proc/<pid>/net``): (local address or path, state) for each."""
    inodes = _socket_inodes(pid)
    found: dict[str, list[tuple[str, str]]] = {}
    for table in ("tcp", "tcp6", "udp", "udp6"):
        lines = Path(f"/proc/{pid}/net/{table}").read_text(encoding="ascii").splitlines()[1:]
        for fields in (line.split() for line in lines):
            if fields[9] in inodes:
                found.setdefault(table, []).append((fields[1], fields[3]))
    for line in Path(f"/proc/{pid}/net/unix").read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split()
        if fields[6] in inodes:
            found.setdefault("unix", []).append((fields[7] if len(fields) > 7 else "", ""))
    return found


def _loopback(hex_address: str) -> bool:
    host = hex_address.split(":")[0]
    raw = bytes.fromhex(host)
    # /proc/net/tcp prints each 32-bit word of the address in host (little-endian) order
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.ip_address(words).is_loopback


def test_embedded_server_listens_on_unix_socket_or_loopback_only(server: EmbeddedServer) -> None:
    pid = server.pid()
    assert pid is not None
    sockets = _own_sockets(pid)
    endpoint = server.ensure_running()
    listening = [addr for table in ("tcp", "tcp6") for addr, state in sockets.get(table, [])
                 if state == "0A"]  # fmt: skip
    if endpoint.unix_socket:
        assert (endpoint.unix_socket, "") in sockets.get("unix", []), sockets
        # FalkorDB's Bolt port (and any other TCP port) stays closed with a unix socket
        assert listening == [], sockets
        mode = stat.S_IMODE(os.stat(endpoint.unix_socket).st_mode)
        assert mode & 0o077 == 0, oct(mode)  # only the owner may connect
    else:
        assert listening, "the server listens nowhere?"
        assert all(_loopback(addr) for addr in listening), listening


def _raw(endpoint_socket: str, payload: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(endpoint_socket)
        sock.sendall(payload)
        return sock.recv(4096)


def test_connections_without_the_password_are_refused(server: EmbeddedServer) -> None:
    endpoint = server.ensure_running()
    assert endpoint.unix_socket, "the test home is short enough for a unix socket"
    assert _raw(endpoint.unix_socket, b"PING\r\n").startswith(b"-NOAUTH")
    query = b"*3\r\n$11\r\nGRAPH.QUERY\r\n$3\r\nrsg\r\n$21\r\nMATCH (n) RETURN n.id\r\n"
    assert _raw(endpoint.unix_socket, query).startswith(b"-NOAUTH")
    wrong = b"*2\r\n$4\r\nAUTH\r\n$5\r\nwrong\r\n"
    assert _raw(endpoint.unix_socket, wrong).startswith(b"-WRONGPASS")
    password_file = server.password_file
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert len(password_file.read_text(encoding="utf-8").strip()) >= 32


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_serve_on_a_public_address_needs_a_key(home: Path, host: str) -> None:
    env: dict[str, str | None] = {**rsg_env(home), "RSG_API_KEY": None}  # None unsets it
    result = CliRunner().invoke(cli, ["serve", "--host", host], env=env)
    assert result.exit_code == 1
    assert "without a key" in result.output
    assert "RSG_API_KEY" in result.output


def test_serve_on_0000_refused_in_a_real_process(home: Path) -> None:
    done = subprocess.run(
        [str(RSG), "serve", "--host", "0.0.0.0", "--port", "8765"],
        env=rsg_env(home), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "0.0.0.0" in done.stderr
    assert "without a key" in done.stderr


def test_loopback_and_keyed_public_addresses_pass_the_check() -> None:
    ApiSettings(api_key=None).check_exposure("127.0.0.1")
    ApiSettings(api_key=None).check_exposure("::1")
    ApiSettings(api_key=SecretStr(KEY)).check_exposure("0.0.0.0")


@pytest.fixture(scope="module")
def keyed(store: FalkorStore, built: BuildReport) -> Iterator[TestClient]:
    # every route is tried with a wrong key: more than the wrong-key limit lets through
    settings = ApiSettings(api_key=SecretStr(KEY), cors_origins=[ORIGIN], login_attempts=10_000)
    with TestClient(create_app(store=store, settings=settings)) as client:
        yield client


@pytest.fixture(scope="module")
def open_api(store: FalkorStore, built: BuildReport) -> Iterator[TestClient]:
    with TestClient(create_app(store=store, settings=ApiSettings(api_key=None))) as client:
        yield client


def _routes(client: TestClient) -> list[tuple[str, str]]:
    paths = client.app.openapi()["paths"]  # type: ignore[attr-defined]
    return [
        (method.upper(), path.replace("{id}", "jeonbuk").replace("{name}", "search")
         .replace("{item_id}", "none"))
        for path, ops in paths.items() for method in ops
    ]  # fmt: skip


def test_every_route_needs_the_key_when_one_is_set(keyed: TestClient) -> None:
    routes = _routes(keyed)
    assert len(routes) >= 20
    for method, path in routes:
        if path in OPEN_PATHS:  # the login page: open, but its form grants nothing without the key
            continue
        missing = keyed.request(method, path)
        assert missing.status_code == 401, (method, path)
        wrong = keyed.request(method, path, headers={"X-API-Key": KEY + "x"})
        assert wrong.status_code == 401, (method, path)
    assert keyed.get("/health", headers={"X-API-Key": KEY}).status_code == 200
    assert {"/login"} == OPEN_PATHS
    assert keyed.get("/login").status_code == 200
    origin = {"Origin": "http://testserver"}
    for form in ({}, {"key": KEY + "x"}, {"key": ""}):
        refused = keyed.post("/login", data=form, headers=origin, follow_redirects=False)
        assert refused.status_code == 401, form
        assert "set-cookie" not in refused.headers, form


#: POST routes that only read (queries sent as a body); every other non-GET route writes.
READ_ONLY_POSTS = {"/cypher", "/console/export", "/queries/search", "/sparql", "/views/cypher"}
#: Session routes: they change no data; without a configured key they open no session.
SESSION_POSTS = {"/login", "/logout"}


def test_write_routes_always_need_a_key(open_api: TestClient, keyed: TestClient) -> None:
    write_routes = [
        (method, path)
        for method, path in _routes(open_api)
        if method != "GET" and path not in READ_ONLY_POSTS | SESSION_POSTS
    ]
    assert any(path.startswith("/review") for _, path in write_routes)
    for path in SESSION_POSTS:
        answer = open_api.post(path, data={"key": "anything"}, follow_redirects=False)
        cookie = answer.headers.get("set-cookie", "")
        assert not cookie or "Max-Age=0" in cookie, (path, cookie)  # never a new session
    for method, path in write_routes:
        response = open_api.request(method, path)
        assert response.status_code == 403, (method, path)
        assert response.json()["error"] == "Forbidden"
    assert keyed.get("/review", headers={"X-API-Key": KEY}).status_code == 200


def test_cors_only_for_configured_origins(keyed: TestClient, open_api: TestClient) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "X-API-Key": KEY}
    allowed = keyed.options("/cypher", headers={"Origin": ORIGIN, **preflight})
    assert allowed.headers.get("access-control-allow-origin") == ORIGIN
    other = keyed.options("/cypher", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in other.headers
    simple = keyed.get("/health", headers={"Origin": "https://evil.example", "X-API-Key": KEY})
    assert "access-control-allow-origin" not in simple.headers
    assert "access-control-allow-credentials" not in allowed.headers
    unconfigured = open_api.get("/health", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in unconfigured.headers
