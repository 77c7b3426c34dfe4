"""Read one YAML data file and validate it, with every problem located by file and line.

YAML 은 한 번만 읽는다: libyaml(C)로 노드 트리를 만들고(줄 번호가 여기 있다) 그 트리에서
값을 만든다. / The file is parsed once: libyaml (C) composes the node tree, which keeps the
line numbers, and the values are constructed from that tree with PyYAML's safe constructor
(the same values ``yaml.safe_load`` gives).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ontology.errors import ValidationFailed

M = TypeVar("M", bound=BaseModel)

# libyaml is part of the PyYAML wheels; the pure-Python loader is only a fallback.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Constructor(yaml.constructor.SafeConstructor):
    """PyYAML's safe constructor, but an impossible date is a located YAML error, not a crash."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value} is not a calendar date", node.start_mark
            ) from exc


# The table maps tags to plain functions, so the override must be registered again.
_Constructor.yaml_constructors = {
    **_Constructor.yaml_constructors,
    "tag:yaml.org,2002:timestamp": _Constructor.construct_yaml_timestamp,
}


def parse(text: str) -> tuple[yaml.Node | None, Any]:
    """One pass: the node tree (with line numbers) and the values ``yaml.safe_load`` gives."""
    node = yaml.compose(text, Loader=_Loader)
    if node is None:
        return None, None
    return node, _Constructor().construct_document(node)


class DataFile:
    """A parsed YAML file that remembers where each value came from."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise ValidationFailed(
                f"{path}: file not found", [f"{path}: no such file"], "check the path"
            ) from exc
        except UnicodeDecodeError as exc:
            raise ValidationFailed(
                f"{path}: not UTF-8", [f"{path}: byte {exc.start} is not UTF-8"],
                "save the file as UTF-8",
            ) from exc  # fmt: skip
        try:
            node, data = parse(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise ValidationFailed(
                f"{path}{line}: not valid YAML", [f"{path}{line}: {problem}"],
                "fix the YAML syntax (indentation, quotes, colons)",
            ) from exc  # fmt: skip
        self.node = node
        self.data: Any = data

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """1-based line of the value at ``loc`` (keys and list indexes), or its nearest parent."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else 1
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == key), None)
                if match is None:
                    break
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if key >= len(node.value):
                    break
                node = node.value[key]
            else:
                break
            line = node.start_mark.line + 1
        return line

    def where(self, loc: tuple[Any, ...]) -> str:
        return f"{self.path}:{self.line_of(loc)}"

    def validate(self, model: type[M], key: str | None = None) -> M:
        """Validate the whole file (or ``data[key]``) as ``model``; ValidationFailed lists all."""
        data = self.data if key is None else {key: (self.data or {}).get(key)}
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            problems = []
            for error in exc.errors():
                loc = tuple(error["loc"])
                field = ".".join(str(part) for part in loc) or "(file)"
                message = error["msg"].removeprefix("Value error, ")
                problems.append(f"{self.where(loc)}: {field}: {message}")
            raise ValidationFailed(
                f"{self.path}: {len(problems)} problem(s)", problems,
                "fix the listed fields; docs/data-format.md describes every field",
            ) from exc  # fmt: skip
