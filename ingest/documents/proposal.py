"""New organisation names as proposed gazetteer entries, and what accepting one writes.

새 조직 제안 / a name the extractor recognised by its form or clause but the organisation
gazetteer does not know becomes a review item of type ``NewOrganization``. Accepting it (with
an id and an English name) adds the organisation to ``gazetteer/organizations.yaml`` of the
data folder, or, when the id is one the gazetteer has, adds the name to that entry's aliases;
the next extraction links it. Accepting a fact about an organisation that the gazetteer knows
but the graph does not yet adds the graph node from the gazetteer entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ingest.documents import orgnames
from ontology.errors import ValidationFailed
from ontology.gazetteer import GazetteerFile
from ontology.models import SLUG

NEW_ORGANIZATION = "NewOrganization"


def proposal_fields(name: str, kind: str) -> dict[str, Any]:
    """The fact fields of a proposal: the name as written, its kind by form or clause."""
    return {
        "type": NEW_ORGANIZATION,
        "subject": f"Organization:{name}",
        "object": f"Kind:{kind or 'company'}",
    }


def gazetteer_path(data_dir: Path) -> Path:
    return data_dir / orgnames.GAZETTEER_FILE


def gazetteer_text(data_dir: Path, name: str, kind: str, edits: dict[str, str]) -> tuple[Path, str]:
    """The data folder's organisation gazetteer with the accepted name in it (checked), and
    its path; the caller writes it."""
    path = gazetteer_path(data_dir)
    if not path.is_file():
        raise ValidationFailed(
            f"{path}: no organisation gazetteer to add {name!r} to",
            [f"{path} does not exist"],
            "create data/gazetteer/organizations.yaml first (docs/data-format.md)",
        )
    org_id = edits.get("subject_id", "")
    if not re.fullmatch(SLUG, org_id):
        raise ValidationFailed(
            f"the organisation {name!r} needs an id to enter the gazetteer",
            ["give subject_id=<slug> (an existing id adds the name as an alias)"],
            "accept with --set subject_id=... --set subject_name_en=...",
        )
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^\s*- id: {re.escape(org_id)}\s*$", text, re.M):
        text = _with_alias(text, org_id, name)
    else:
        name_en = edits.get("subject_name_en", "")
        if not name_en:
            raise ValidationFailed(
                f"the organisation {name!r} is new to the gazetteer and needs an English name",
                ["give subject_name_en=<English name>"],
                "accept with --set subject_name_en=...",
            )
        entry = {
            "id": org_id,
            "name_ko": name,
            "name_en": name_en,
            "kind": edits.get("subject_kind") or kind,
        }
        block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False)
        text = text.rstrip("\n") + "\n" + "".join(f"  {line}\n" for line in block.splitlines())
    check(text, path)
    return path, text


def _with_alias(text: str, org_id: str, name: str) -> str:
    """``text`` with ``name`` among the aliases of entry ``org_id``."""
    lines = text.split("\n")
    start = next(
        i for i, line in enumerate(lines) if re.fullmatch(rf"\s*- id: {re.escape(org_id)}\s*", line)
    )
    indent = len(lines[start]) - len(lines[start].lstrip()) + 2
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"\s*- id: ", lines[i])),
        len(lines),
    )
    quoted = yaml.safe_dump(name, allow_unicode=True).split("\n")[0]
    for i in range(start + 1, end):
        match = re.fullmatch(r"(\s*aliases:\s*\[)(.*)\]\s*", lines[i])
        if match:
            items = f"{match[2]}, {quoted}" if match[2].strip() else quoted
            lines[i] = f"{match[1]}{items}]"
            return "\n".join(lines)
    lines.insert(start + 3, " " * indent + f"aliases: [{quoted}]")
    return "\n".join(lines)


def check(text: str, path: Path) -> GazetteerFile:
    try:
        return GazetteerFile.model_validate(yaml.safe_load(text))
    except Exception as exc:  # the file stays as it was; say why
        raise ValidationFailed(
            f"{path}: the gazetteer would not load with this entry",
            [str(exc)[:600]],
            "choose another id, or fix the name and kind",
        ) from exc


def graph_nodes(
    refs: Iterable[str], graph: dict[tuple[str, str], Any], data_dir: Path
) -> list[dict[str, Any]]:
    """Graph nodes for ``Organization:<id>`` references the graph lacks: from the gazetteer
    entry, or, for ``gov-<region>``, the government of a region the graph has."""
    wanted = {
        ref.split(":", 1)[1]
        for ref in refs
        if ref.startswith("Organization:") and ("Organization", ref.split(":", 1)[1]) not in graph
    }
    gazetteer = orgnames.load(data_dir) if wanted else None
    nodes = [
        _node(entry.id, entry.name_ko, entry.name_en, entry.kind)
        for entry in (gazetteer.organizations if gazetteer else [])
        if entry.id in wanted
    ]
    found = {node["id"] for node in nodes}
    for org_id in sorted(wanted - found):
        region = (
            graph.get(("Region", org_id.removeprefix("gov-")))
            if org_id.startswith("gov-")
            else None
        )
        if region is not None:
            names = region.props
            nodes.append(
                _node(
                    org_id,
                    f"{names['name_ko']}청",
                    f"{names['name_en']} government",
                    "government_body",
                )
            )
    return nodes


def _node(org_id: str, name_ko: str, name_en: str, kind: str) -> dict[str, Any]:
    return {
        "label": "Organization",
        "id": org_id,
        "name_ko": name_ko,
        "name_en": name_en,
        "kind": kind,
    }
