"""Every named query passes Neo4j's own parser (npm @neo4j-cypher/language-support).

Runs ``node tools/cypher-lint/lint.mjs`` (after ``npm ci`` when its node_modules is missing).
Without Node.js the tests fail on CI and are skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest

from ontology.contract import LABELS, ORG_SUBLABELS, RELATIONSHIPS
from queries.catalog import CYPHER_DIR
from queries.store import BUILD_LABEL

ROOT = Path(__file__).resolve().parents[2]
LINT_DIR = ROOT / "tools" / "cypher-lint"
LINT = LINT_DIR / "lint.mjs"
TIMEOUT_S = 300

#: Broken queries and the line (1-based) where the linter must report them.
BROKEN = {
    "syntax": ("MATCH (n:Region)\nRETRN n.id AS id\n", 2),
    "deprecated_function": ("MATCH (n:Region)\nRETURN id(n) AS internal\n", 2),
    "undeclared_parameter": ("MATCH (n:Region)\nWHERE n.id = $nobody\nRETURN n.id AS id\n", 2),
    "exists_subquery": ("MATCH (n:Region)\nWHERE EXISTS { (n)-[:PART_OF]->() }\nRETURN n\n", 2),
    "undirected_shortest_path": (
        "MATCH (a:Region {id: $a}), (b:Region {id: $b})\n"
        "RETURN shortestPath((a)-[*..4]-(b)) AS p\n",
        2,
    ),
    "apoc": ("MATCH (n:Region)\nRETURN apoc.coll.toSet(n.aliases) AS a\n", 2),
    "unknown_label": ("MATCH (n:Regoin)\nRETURN n.id AS id\n", 1),
    "scoped_call": ("MATCH (n:Region)\nCALL (n) { RETURN 1 AS one }\nRETURN n.id, one\n", 2),
}


def _missing(tool: str) -> NoReturn:
    message = (
        f"{tool} not found: install Node.js 20 and run `npm ci` in tools/cypher-lint "
        "to check the named queries with Neo4j's parser"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def node() -> str:
    exe = shutil.which("node")
    if exe is None:
        _missing("node")
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            _missing("npm")
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=LINT_DIR,
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )
    return exe


def _lint(node: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node, str(LINT.relative_to(ROOT)), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def _contract_schema(path: Path) -> Path:
    props = {prop.name for label in LABELS.values() for prop in label.props}
    props |= {prop.name for rel in RELATIONSHIPS.values() for prop in rel.props}
    path.write_text(
        json.dumps(
            {
                "labels": sorted({*LABELS, *ORG_SUBLABELS.values(), BUILD_LABEL}),
                "relationshipTypes": sorted(RELATIONSHIPS),
                "propertyKeys": sorted(props),
            }
        ),
        encoding="utf-8",
    )
    return path


def test_every_named_query_passes_the_neo4j_parser(node: str) -> None:
    done = _lint(node)
    assert done.stdout.splitlines() == []
    assert done.returncode == 0, done.stderr


def test_broken_queries_are_reported_and_contract_names_pass(node: str, tmp_path: Path) -> None:
    files = {}
    for name, (text, _) in BROKEN.items():
        path = tmp_path / f"{name}.cypher"
        path.write_text(
            f"// name: {name}\n// description_ko: 오류\n// description_en: broken\n"
            "// params:\n//   a: {type: string}\n//   b: {type: string}\n"
            f"// returns: []\n{text}",
            encoding="utf-8",
        )
        files[name] = path
    header_lines = 7
    schema = _contract_schema(tmp_path / "schema.json")
    queries = sorted(str(p) for p in CYPHER_DIR.glob("*.cypher"))
    done = _lint(node, "--schema", str(schema), *queries, *map(str, files.values()))
    assert done.returncode == 1, done.stderr
    reported = done.stdout.splitlines()
    # The library itself stays clean against the contract's labels and relationship types.
    assert [line for line in reported if str(tmp_path) not in line] == []
    for name, (_, line) in BROKEN.items():
        where = f"{files[name]}:{header_lines + line}:"
        hits = [r for r in reported if r.startswith(where)]
        assert hits, f"{name}: nothing reported at {where}\n" + "\n".join(reported)
