"""docker-compose.yml and the Dockerfile, proved without a Docker engine.

The compose file is resolved as Compose resolves it (``${VAR}``, ``${VAR:-default}``,
``${VAR:?message}`` and ``$$`` from ``.env``, here ``.env.example``); each container's
environment is what Compose gives it (the image's ``ENV``, then ``env_file``, then
``environment``). The checks: every variable a healthcheck or command reads is defined in that
container, the API can log in to Neo4j, every path the app writes is a volume owned by the
app's user, the build context leaves out the local environment and secrets, and the image's
start command, run here with exactly the container's environment against the embedded store,
serves ``/health`` to a client with the key and to no one else.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from queries.server import EmbeddedServer

ROOT = Path(__file__).resolve().parent.parent
_VARIABLE = re.compile(
    r"\$(?:\$|\{(?P<braced>[A-Za-z_]\w*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}|(?P<plain>[A-Za-z_]\w*))"
)


class ComposeError(Exception):
    """What ``docker compose`` would refuse to start with."""


def dotenv(path: Path) -> dict[str, str]:
    """``KEY=VALUE`` lines; blank lines and ``#`` comments skipped."""
    values: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip("'\"")
    return values


def interpolate(text: str, env: dict[str, str]) -> str:
    """One string as Compose interpolates it; ``$$`` stays a literal ``$`` for the container."""

    def one(match: re.Match[str]) -> str:
        if match.group() == "$$":
            return "$"
        name = match.group("braced") or match.group("plain")
        op, arg = match.group("op"), match.group("arg") or ""
        value = env.get(name)
        missing = value is None or (op is not None and op.startswith(":") and value == "")
        if op in ("-", ":-") and missing:
            return arg
        if op in ("?", ":?") and missing:
            raise ComposeError(f"{name}: {arg}")
        return value or ""

    return _VARIABLE.sub(one, text)


def _resolve(node: Any, env: dict[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, env)
    if isinstance(node, list):
        return [_resolve(item, env) for item in node]
    if isinstance(node, dict):
        return {key: _resolve(value, env) for key, value in node.items()}
    return node


def compose(env: dict[str, str] | None = None) -> dict[str, Any]:
    """docker-compose.yml resolved with ``env`` (default: .env.example as the .env file)."""
    raw = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    resolved: dict[str, Any] = _resolve(raw, dotenv(ROOT / ".env.example") if env is None else env)
    return resolved


def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text("utf-8"))
    steps = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            instruction, _, rest = line.partition(" ")
            steps.append((instruction.upper(), rest.strip()))
    return steps


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction, rest in dockerfile():
        if instruction == "ENV":
            env |= dict(pair.split("=", 1) for pair in rest.split())
    return env


def image_user() -> str:
    users = [rest for instruction, rest in dockerfile() if instruction == "USER"]
    return users[-1] if users else "root"


def image_command() -> list[str]:
    commands = [json.loads(rest) for instruction, rest in dockerfile() if instruction == "CMD"]
    command: list[str] = commands[-1]
    return command


def container_env(name: str, resolved: dict[str, Any] | None = None) -> dict[str, str]:
    """The environment Compose gives the service's container."""
    service = (resolved or compose())["services"][name]
    env = image_env() if "build" in service else {}
    env_files = service.get("env_file", [])
    for env_file in [env_files] if isinstance(env_files, str) else env_files:
        # The deployment's .env is made from .env.example (README, docs/stores.md).
        env |= dotenv(ROOT / (".env.example" if env_file == ".env" else env_file))
    given = service.get("environment", {})
    if isinstance(given, list):
        given = dict(item.split("=", 1) for item in given)
    return env | {key: str(value) for key, value in given.items()}


def referenced(text: str) -> set[str]:
    """Variables a container shell expands or a ``python -c`` snippet reads."""
    shell = {m.group("braced") or m.group("plain") for m in _VARIABLE.finditer(text)} - {None}
    python = set(re.findall(r"os\.(?:environ\[|environ\.get\(|getenv\()['\"](\w+)['\"]", text))
    return {str(name) for name in shell} | python


def _commands(name: str, service: dict[str, Any]) -> list[str]:
    """The healthcheck and the start command of a service, as text."""
    texts = []
    test = service.get("healthcheck", {}).get("test")
    if test:
        texts.append(" ".join(test) if isinstance(test, list) else test)
    command = service.get("command") or (image_command() if "build" in service else None)
    if command:
        texts.append(" ".join(command) if isinstance(command, list) else command)
    assert texts or name == "neo4j"
    return texts


def test_compose_resolves_with_the_example_env_and_refuses_without_secrets() -> None:
    resolved = compose()
    assert set(resolved["services"]) == {"neo4j", "api"}
    assert resolved["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == (
        "neo4j/" + dotenv(ROOT / ".env.example")["NEO4J_PASSWORD"]
    )
    for secret in ("NEO4J_PASSWORD", "RSG_API_KEY"):
        without = {k: v for k, v in dotenv(ROOT / ".env.example").items() if k != secret}
        with pytest.raises(ComposeError, match=secret):
            compose(without)


@pytest.mark.parametrize("name", ["neo4j", "api"])
def test_healthchecks_and_commands_read_only_what_their_container_defines(name: str) -> None:
    resolved = compose()
    env = container_env(name, resolved)
    for text in _commands(name, resolved["services"][name]):
        missing = referenced(text) - set(env)
        assert missing == set(), f"{name}: {text!r} reads {sorted(missing)}, not defined there"


def test_the_neo4j_healthcheck_logs_in_with_the_password() -> None:
    service = compose()["services"]["neo4j"]
    test = " ".join(service["healthcheck"]["test"])
    assert "cypher-shell" in test
    auth = container_env("neo4j")["NEO4J_AUTH"]
    # What the container's shell makes of ${NEO4J_AUTH#neo4j/}.
    assert "${NEO4J_AUTH#neo4j/}" in test
    assert auth.removeprefix("neo4j/") == dotenv(ROOT / ".env.example")["NEO4J_PASSWORD"]


def test_the_api_logs_in_to_neo4j() -> None:
    resolved = compose()
    api, neo4j = container_env("api", resolved), container_env("neo4j", resolved)
    assert api["RSG_STORE"] == "neo4j"
    uri = api["NEO4J_URI"]
    host, port = uri.removeprefix("bolt://").split(":")
    assert host in resolved["services"]
    assert any(p.endswith(f":{port}") for p in resolved["services"][host]["ports"])
    user, password = neo4j["NEO4J_AUTH"].split("/", 1)
    assert (api["NEO4J_USER"], api["NEO4J_PASSWORD"]) == (user, password)
    assert resolved["services"]["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_serving_on_every_interface_has_a_key() -> None:
    env = container_env("api")
    host = env["RSG_API_HOST"]
    assert not ipaddress.ip_address(host).is_loopback  # reachable through the published port
    assert env["RSG_API_KEY"]
    assert "127.0.0.1:8000:8000" in compose()["services"]["api"]["ports"]


def _owned_by_user(path: PurePosixPath, user: str) -> bool:
    """The Dockerfile gives ``path`` to ``user``: COPY --chown to it, or chown of it in a RUN."""
    workdir = PurePosixPath("/")
    for instruction, rest in dockerfile():
        if instruction == "WORKDIR":
            workdir = workdir / rest
        if instruction == "COPY" and rest.startswith(f"--chown={user}"):
            target = workdir / rest.split()[-1]
            if target == path:
                return True
        if instruction == "RUN" and re.search(
            rf"chown (-R )?{user}(:\w+)? .*{re.escape(str(path))}", rest
        ):
            return True
    return False


def test_every_path_the_app_writes_is_a_volume_owned_by_its_user() -> None:
    resolved = compose()
    env = container_env("api", resolved)
    user = image_user()
    assert user not in ("root", "0")
    mounts = {
        PurePosixPath(volume.split(":")[1]): volume.split(":")[0]
        for volume in resolved["services"]["api"]["volumes"]
    }
    # RSG_HOME: build lock, exports, review queue, saved queries; RSG_DATA_DIR: review accepts.
    for variable in ("RSG_HOME", "RSG_DATA_DIR"):
        path = PurePosixPath(env[variable])
        assert path in mounts, f"{variable}={path} is not a volume: it is lost with the container"
        assert mounts[path] in resolved["volumes"]  # a named volume, declared
        # A named volume starts as a copy of the image's folder, owner included.
        assert _owned_by_user(path, user), f"{path} is not made writable for {user}"


def test_the_build_context_leaves_out_the_local_environment_and_secrets() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for needed in (".git", ".env", ".venv", ".rsg", "**/__pycache__", ".mypy_cache"):
        assert needed in patterns
    copied = [
        source
        for instruction, rest in dockerfile()
        if instruction == "COPY"
        for source in [p for p in rest.split() if not p.startswith("--")][:-1]
    ]
    assert {"ontology", "ingest", "queries", "visual", "api", "data", "README.md"} <= set(copied)
    for source in copied:
        assert not any(fnmatch(source, pattern) for pattern in patterns), source


def test_the_image_brings_the_hangul_font_with_the_python_dependencies() -> None:
    runs = [rest for instruction, rest in dockerfile() if instruction == "RUN"]
    assert any("pip install" in run and "-c constraints.txt" in run for run in runs)
    assert not any("apt-get" in run for run in runs)  # no system font package needed
    project = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"koreanize-matplotlib==' in project  # ships NanumGothic (visual/fonts.py)


def test_neo4j_service() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
    assert "community" in neo4j["image"]
    assert any("heap" in key for key in neo4j["environment"])
    assert any("pagecache" in key for key in neo4j["environment"])
    assert {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"} <= set(neo4j["ports"])
    volumes = {v.split(":")[0] for v in neo4j["volumes"]}
    assert volumes <= set(compose()["volumes"])


def test_env_example_names_every_secret_and_env_is_never_committed() -> None:
    example = dotenv(ROOT / ".env.example")
    assert len(example["NEO4J_PASSWORD"]) >= 8  # Neo4j's minimum
    assert example["RSG_API_KEY"]
    assert ".env" in (ROOT / ".gitignore").read_text("utf-8").split()


# --- the image's start command, run here -------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def started(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """``rsg build && rsg serve`` with the api container's environment, changed only where
    this machine differs: the embedded store instead of the Neo4j container, the container's
    paths mapped to folders here, a free port, and PATH to this checkout's ``rsg``."""
    env = container_env("api")
    key = env["RSG_API_KEY"]
    home = tmp_path / "home"
    port = _free_port()
    env |= {
        "RSG_STORE": "embedded",
        "RSG_HOME": str(home / ".rsg"),  # /home/rsg/.rsg, the rsg-home volume
        "RSG_DATA_DIR": str(ROOT / "data"),  # /app/data, the data the image copies
        "RSG_API_PORT": str(port),
        "HOME": str(home),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin{os.pathsep}/bin",
    }
    assert env["RSG_API_HOST"] == "0.0.0.0"  # as in the container: the key is required
    log = tmp_path / "api.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            image_command(), env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 300
            while not _answers(base):
                exited = process.poll()
                assert exited is None, log.read_text("utf-8", errors="replace")[-3000:]
                assert time.monotonic() < deadline, "the API did not start in 300 s"
                time.sleep(0.5)
            yield base, key
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            # The shell ends at once, the API only after its graceful shutdown: stopping the
            # store before that lets the API's reader start it again, and that store outlives
            # the test. So wait for the whole process group, then stop the store.
            if not _group_gone(process, 30):
                os.killpg(process.pid, signal.SIGKILL)
                assert _group_gone(process, 10), "the API's processes did not end"
            EmbeddedServer(home / ".rsg").stop()
            assert not _servers_of(home), "an embedded store of this test is still running"


def _group_gone(process: subprocess.Popen[bytes], timeout_s: float) -> bool:
    """Whether every process of ``process``'s group (its session) has ended in time; an
    ended process that nobody reaps (a zombie) counts as ended."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        process.poll()  # reap the shell itself
        if not _live_members(process.pid):
            return True
        time.sleep(0.1)
    return False


def _live_members(group: int) -> bool:
    if not Path("/proc").is_dir():  # no /proc: ask the kernel, zombies included
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    return any(pgrp == group for _, pgrp, _ in _live_processes())


def _servers_of(home: Path) -> list[int]:
    """The live redis-server processes whose command line names a path under ``home``."""
    return [
        pid
        for pid, _, cmdline in _live_processes()
        if b"redis-server" in cmdline and str(home).encode() in cmdline
    ]


def _live_processes() -> Iterator[tuple[int, int, bytes]]:
    """(pid, process group, command line) of every process in /proc that is no zombie."""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            # the command's name in brackets may hold spaces: the fields start after it
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (proc / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            yield int(proc.name), int(fields[2]), cmdline


def _answers(base: str) -> bool:
    try:
        urllib.request.urlopen(f"{base}/health", timeout=2)
    except urllib.error.HTTPError:
        return True  # it answers (401 without the key)
    except OSError:
        return False
    return True


def _get(base: str, path: str, key: str | None) -> tuple[int, dict[str, Any]]:
    headers = {"X-API-Key": key} if key else {}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(base + path, headers=headers), timeout=30
        ) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def test_the_start_command_serves_health_to_the_key_only(started: tuple[str, str]) -> None:
    base, key = started
    status, body = _get(base, "/health", key)
    assert status == 200, body
    assert body["store"] == "embedded"
    assert body["nodes"] > 100  # the bundled data, built by the command's `rsg build`
    assert body["build"]["id"]
    assert _get(base, "/health", None)[0] == 401
    assert _get(base, "/health", key + "x")[0] == 401
    assert _get(base, "/regions", None)[0] == 401
    assert _get(base, "/regions", key)[0] == 200
