"""Bad data files: every problem located by file and line, nothing loaded, exit 3."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.dataset import default_data_dir, load_graph_data
from ontology.errors import ValidationFailed


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


def _add_facts(data_dir: Path, text: str) -> Path:
    """Replace the Gimje facts file with ``text`` (one facts file per source is a rule)."""
    (data_dir / "facts" / "gimje-dna-roadmap-2025.yaml").unlink()
    path = data_dir / "facts" / "zz-test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_wrong_type_is_reported_with_file_line_and_field(data_copy: Path) -> None:
    path = _add_facts(
        data_copy,
        "source: gimje-dna-roadmap-2025\n"
        "nodes:\n"
        "  - label: Initiative\n"
        "    id: test-initiative\n"
        "    name_ko: 시험 사업\n"
        "    name_en: Test initiative\n"
        "    kind: project\n"
        "    budget_krw: lots\n",
    )
    with pytest.raises(ValidationFailed) as info:
        load_graph_data(data_copy)
    problems = "\n".join(info.value.problems)
    assert f"{path}:3: nodes.0: " in problems
    assert "budget_krw must be a whole number" in problems


def test_unknown_region_lists_closest_names(data_copy: Path) -> None:
    path = _add_facts(
        data_copy,
        "source: gimje-dna-roadmap-2025\n"
        "facts:\n"
        "  - rel: SEEKS\n"
        "    from: Region:jeonbuk-gimjee\n"
        "    to: Designation:regulation-free-zone\n"
        "    evidence: 규제자유특구\n",
    )
    with pytest.raises(ValidationFailed) as info:
        load_graph_data(data_copy)
    problems = [p for p in info.value.problems if str(path) in p]
    assert len(problems) == 1
    assert f"{path}:3:" in problems[0]
    assert "closest: jeonbuk-gimje" in problems[0]


def test_wrong_relationship_endpoint_and_unknown_property(data_copy: Path) -> None:
    _add_facts(
        data_copy,
        "source: gimje-dna-roadmap-2025\n"
        "facts:\n"
        "  - rel: FUNDED_BY\n"
        "    from: Region:jeonbuk-gimje\n"
        "    to: Organization:motie\n"
        "    basis: national\n"
        "    evidence: 국비\n"
        "  - rel: SEEKS\n"
        "    from: Region:jeonbuk-gimje\n"
        "    to: Designation:regulation-free-zone\n"
        "    colour: red\n"
        "    evidence: 규제\n",
    )
    with pytest.raises(ValidationFailed) as info:
        load_graph_data(data_copy)
    problems = "\n".join(info.value.problems)
    assert "FUNDED_BY starts at Initiative, not Region" in problems
    assert "SEEKS has no property 'colour'" in problems


def test_broken_yaml_reports_the_line(data_copy: Path) -> None:
    path = _add_facts(data_copy, "source: x\nfacts:\n  - rel: [unclosed\n")
    with pytest.raises(ValidationFailed) as info:
        load_graph_data(data_copy)
    assert any(p.startswith(f"{path}:") for p in info.value.problems)


def test_conflicting_names_for_one_id(data_copy: Path) -> None:
    _add_facts(
        data_copy,
        "source: gimje-dna-roadmap-2025\n"
        "nodes:\n"
        "  - label: Organization\n"
        "    id: motie\n"
        "    name_ko: 다른 이름\n"
        "    name_en: Another name\n"
        "    kind: government_body\n",
    )
    with pytest.raises(ValidationFailed, match="problem") as info:
        load_graph_data(data_copy)
    assert any("motie has name_ko" in p for p in info.value.problems)


def test_not_a_data_directory(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed, match=r"holds no regions\.yaml"):
        load_graph_data(tmp_path)
