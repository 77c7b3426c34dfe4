"""Every variable of the README's configuration table takes effect under exactly that name.

Each variable is set, alone, in the environment of a fresh process, which reports what the
code that reads it observed (``tests/api/envprobe.py``); one more process with none of them set
shows that each observed value differs from the default, so no check can pass by accident.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from api.web import environment

ROOT = Path(__file__).resolve().parent.parent.parent
KEY = "probe-key"
ORIGIN = "https://reports.example.org"

#: Variable -> (value set in the child, what the child must observe).
EXPECTED: dict[str, tuple[str, str]] = {
    "RSG_STORE": ("falkordb", "RSG_STORE=falkordb needs RSG_FALKORDB_URL"),
    "RSG_HOME": ("custom-home", "custom-home"),
    "RSG_FALKORDB_URL": ("redis://127.0.0.1:9", "redis://127.0.0.1:9"),
    "RSG_GRAPH": ("other_graph", "other_graph"),
    "RSG_QUERY_TIMEOUT_MS": ("1234", "1234"),
    "RSG_ROW_CAP": ("77", "77"),
    "RSG_RESULT_MAX_MB": ("9", "9"),
    "RSG_STORE_QUERY_MEMORY_MB": ("64", "64"),
    "RSG_STORE_MEMORY_MB": ("0", "0"),
    "RSG_STORE_MAX_QUEUED": ("3", "3"),
    "RSG_DATA_DIR": ("custom-data", "custom-data"),
    "RSG_CORPUS": ("custom-corpus", "custom-corpus"),
    "RSG_INGEST_TIMEOUT_S": ("7.5", "7.5"),
    "RSG_INGEST_MEMORY_MB": ("300", "300"),
    "NEO4J_URI": ("bolt://127.0.0.1:7", "bolt://127.0.0.1:7"),
    "NEO4J_USER": ("analyst", "analyst"),
    "NEO4J_PASSWORD": ("probe-password", "probe-password"),
    "NEO4J_DATABASE": ("strategy", "strategy"),
    "RSG_API_HOST": (
        "0.0.0.0",
        "serving on 0.0.0.0 exposes the API beyond this machine without a key",
    ),
    "RSG_API_PORT": ("8123", "8123"),
    "RSG_API_KEY": (KEY, "401 200"),
    "RSG_API_CORS_ORIGINS": (f'["{ORIGIN}"]', ORIGIN),
    "RSG_API_MAX_BODY_BYTES": ("1000", "413"),
    "RSG_API_ALLOWED_HOSTS": ('["graph.team.example"]', "413"),
    "RSG_API_CACHE_ENTRIES": ("0", "0"),
    "RSG_API_CACHE_BYTES": ("4096", "4096"),
    "RSG_API_DETAIL_PROJECTION": ("false", "False"),
    "RSG_API_SESSION_HOURS": ("3", "10800"),
    "RSG_API_LOGIN_ATTEMPTS": ("2", "2"),
    "RSG_API_LOGIN_WINDOW_SECONDS": ("90", "90"),
    "RSG_VIEW_FRAME_ANCESTORS": (f'["{ORIGIN}"]', f"frame-ancestors {ORIGIN}"),
    "RSG_VIEW_NODE_LIMIT": ("10", "10"),
    "RSG_VIEW_LAYOUT_THRESHOLD": ("5", "5"),
    "RSG_VIEW_FONT_FAMILY": ("DejaVu Sans", "DejaVuSans.ttf"),
    "RSG_VIEW_FALLBACK_FONTS": ('["DejaVu Sans"]', "['DejaVu Sans']"),
}


def documented() -> list[str]:
    """The variable names of the README's configuration table, in its order."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    names: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([A-Z][A-Z0-9_]*)`", line.split("|")[1])
    return names


def _probe(tmp_path: Path, names: list[str], extra: dict[str, str]) -> dict[str, str]:
    """Run the probe of ``names`` in a child whose environment has no setting but ``extra``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.upper().startswith(("RSG_", "NEO4J_"))
    }
    env |= {"PYTHONPATH": str(ROOT), "MPLCONFIGDIR": str(tmp_path / "mpl"), **extra}
    done = subprocess.run(
        [sys.executable, "-m", "tests.api.envprobe", *names],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(line.split("\t", 1) for line in done.stdout.splitlines())


def test_the_table_lists_exactly_what_the_program_reads() -> None:
    assert sorted(documented()) == sorted(environment.variables())
    assert set(EXPECTED) == set(documented())


@pytest.mark.parametrize("name", documented())
def test_each_documented_variable_takes_effect(name: str, tmp_path: Path) -> None:
    assert name in EXPECTED, f"{name}: add its probe to tests/api/envprobe.py and EXPECTED"
    value, expected = EXPECTED[name]
    assert _probe(tmp_path, [name], {name: value}) == {name: expected}


def test_no_probe_passes_without_its_variable(tmp_path: Path) -> None:
    observed = _probe(tmp_path, sorted(EXPECTED), {})
    same = sorted(name for name, (_value, want) in EXPECTED.items() if observed[name] == want)
    assert same == []


def test_the_old_key_name_still_protects_the_api(tmp_path: Path) -> None:
    assert _probe(tmp_path, ["RSG_API_KEY"], {"RSG_API_API_KEY": KEY}) == {"RSG_API_KEY": "401 200"}


def test_unknown_and_old_names_are_warned_about() -> None:
    lines = environment.warnings(
        {"RSG_HOM": "x", "RSG_API_API_KEY": "k", "RSG_HOME": "y", "PATH": "/bin"}
    )
    assert lines == [
        "RSG_API_API_KEY is the old name of RSG_API_KEY (still read); rename it to RSG_API_KEY",
        "RSG_HOM is not a setting of rsg and is ignored; did you mean RSG_HOME?",
    ]
    both = environment.warnings({"RSG_API_API_KEY": "old", "RSG_API_KEY": "new"})
    assert both == [
        "RSG_API_API_KEY is the old name of RSG_API_KEY (ignored: RSG_API_KEY is set too); "
        "rename it to RSG_API_KEY"
    ]
    assert environment.warnings({"RSG_STORE": "neo4j", "NEO4J_AUTH": "neo4j/x"}) == []


def test_rsg_warns_at_start_up(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("RSG_")}
    env |= {"RSG_HOME": str(tmp_path), "RSG_API_KYE": "k", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "rsg"), "queries"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "RSG_API_KYE is not a setting of rsg" in done.stderr
    assert "did you mean RSG_API_KEY?" in done.stderr
