"""Bad data files: every problem located by file and line, nothing loaded, exit 3."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.graph.dataset import default_data_dir, load_graph_data
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


def test_one_libyaml_pass_gives_what_safe_load_gives() -> None:
    """``parse`` (libyaml, one pass) returns the values of ``yaml.safe_load`` and the lines of
    the pure-Python composer, for every bundled data file."""
    import yaml

    from ingest.graph.datafile import parse

    def lines(node: yaml.Node) -> list[tuple[int, int, str]]:
        out = [(node.start_mark.line, node.start_mark.column, node.tag)]
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                out += lines(key) + lines(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                out += lines(item)
        return out

    files = sorted(default_data_dir().rglob("*.yaml"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        node, data = parse(text)
        assert data == yaml.safe_load(text), path
        reference = yaml.compose(text, Loader=yaml.SafeLoader)
        assert node is not None
        assert reference is not None
        assert lines(node) == lines(reference), path


def test_values_keep_yaml_types_and_lines(tmp_path: Path) -> None:
    from datetime import date

    from ingest.graph.datafile import DataFile

    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb:\n  - 2025-09-03\n  - yes\n  - '007'\n", encoding="utf-8")
    data_file = DataFile(path)
    assert data_file.data == {"a": 1, "b": [date(2025, 9, 3), True, "007"]}
    assert data_file.line_of(("b", 2)) == 5
    assert data_file.line_of(("b", 9)) == 3  # no item 9: the list itself


def test_broken_yaml_names_the_exact_line(data_copy: Path) -> None:
    path = _add_facts(data_copy, "source: x\nfacts:\n  - rel: SEEKS\n    from: [a\n  - b: c\n")
    with pytest.raises(ValidationFailed) as info:
        load_graph_data(data_copy)
    located = [p for p in info.value.problems if p.startswith(f"{path}:")]
    assert located
    assert located[0].startswith(f"{path}:5: ")


def test_an_empty_file_is_reported_not_crashed(data_copy: Path) -> None:
    path = _add_facts(data_copy, "")
    with pytest.raises(ValidationFailed) as info:
        load_graph_data(data_copy)
    assert any(p.startswith(f"{path}:1: ") for p in info.value.problems)


@pytest.mark.parametrize("value", ["2023-13-01", "2024-02-30", "2023-00-10"])
def test_an_impossible_date_names_its_line(tmp_path: Path, value: str) -> None:
    from ingest.graph.datafile import DataFile

    path = tmp_path / "x.yaml"
    path.write_text(f"a: 1\nb:\n  since: {value}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        DataFile(path)
    assert info.value.problems == [f"{path}:3: {value} is not a calendar date"]
