"""Data files -> one checked, merged set of nodes and edges (the graph before any store).

Reference data (gazetteer, taxonomy, designations, organisations, sources) and the curated
fact files are validated, merged by (label, id) and cross-checked: an unknown reference is
reported with the closest known ids.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ingest.graph.datafile import DataFile
from ontology.contract import ORG_SUBLABELS
from ontology.errors import ValidationFailed
from ontology.models import (
    AreaEntry,
    DesignationEntry,
    FactsFile,
    IndustryEntry,
    OrganizationEntry,
    RegionEntry,
    SourceEntry,
)

RESOURCE_BASE = "https://w3id.org/rsg/id/"
Key = tuple[str, str]


def node_uri(label: str, node_id: str) -> str:
    return f"{RESOURCE_BASE}{label.lower()}/{node_id}"


@dataclass
class NodeRecord:
    label: str
    id: str
    props: dict[str, Any]
    extra_labels: list[str] = field(default_factory=list)
    origin: str = ""

    @property
    def key(self) -> Key:
        return (self.label, self.id)


@dataclass
class EdgeRecord:
    type: str
    start: Key
    end: Key
    props: dict[str, Any]
    origin: str = ""


@dataclass
class GraphData:
    nodes: dict[Key, NodeRecord] = field(default_factory=dict)
    edges: list[EdgeRecord] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # source id -> facts file

    def labels(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node in self.nodes.values():
            for label in (node.label, *node.extra_labels):
                counts[label] = counts.get(label, 0) + 1
        return dict(sorted(counts.items()))

    def types(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for edge in self.edges:
            counts[edge.type] = counts.get(edge.type, 0) + 1
        return dict(sorted(counts.items()))


class _Regions(BaseModel):
    regions: list[RegionEntry]
    areas: list[AreaEntry] = Field(default_factory=list)


class _Industries(BaseModel):
    industries: list[IndustryEntry]


class _Designations(BaseModel):
    designations: list[DesignationEntry]


class _Organizations(BaseModel):
    organizations: list[OrganizationEntry]


class _Sources(BaseModel):
    sources: list[SourceEntry]


def _named(entry: BaseModel, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    data = entry.model_dump(exclude_none=True, exclude={"note", *skip})
    data.setdefault("aliases", [])
    return data


class GraphBuilder:
    """Collects nodes and edges from the data files; ``problems`` gathers every error."""

    def __init__(self) -> None:
        self.graph = GraphData()
        self.problems: list[str] = []

    # -- nodes --------------------------------------------------------------------------

    def add_node(
        self, label: str, props: dict[str, Any], where: str, extra: Iterable[str] = ()
    ) -> None:
        node_id = props["id"]
        props = {**props, "uri": node_uri(label, node_id)}
        existing = self.graph.nodes.get((label, node_id))
        if existing is None:
            self.graph.nodes[(label, node_id)] = NodeRecord(
                label, node_id, props, sorted(set(extra)), where
            )
            return
        for name, value in props.items():
            if name in ("aliases", "sources"):
                merged = list(dict.fromkeys([*existing.props.get(name, []), *value]))
                existing.props[name] = merged
            elif name not in existing.props:
                existing.props[name] = value
            elif existing.props[name] != value:
                self.problems.append(
                    f"{where}: {label}:{node_id} has {name}={value!r} but {existing.origin} "
                    f"says {existing.props[name]!r}; make them agree"
                )
        existing.extra_labels = sorted({*existing.extra_labels, *extra})

    # -- reference data -----------------------------------------------------------------

    def load_reference(self, data_dir: Path) -> None:
        regions = self._validate(data_dir / "regions.yaml", _Regions)
        industries = self._validate(data_dir / "industries.yaml", _Industries)
        designations = self._validate(data_dir / "designations.yaml", _Designations)
        organizations = self._validate(data_dir / "organizations.yaml", _Organizations)
        sources = self._validate(data_dir / "sources.yaml", _Sources)
        where = str(data_dir / "regions.yaml")
        for region in regions.regions if regions else []:
            props = _named(region, skip=("parent", "former_names"))
            # Former names stay aliases (v1: searchable) and are also nodes with their dates.
            props["aliases"] = list(
                dict.fromkeys([*region.aliases, *(f.name_ko for f in region.former_names)])
            )
            self.add_node("Region", props, where)
            if region.parent:
                self._edge("PART_OF", ("Region", region.id), ("Region", region.parent), {}, where)
            for former in region.former_names:
                name = former_name_props(region.id, former.model_dump(exclude_none=True))
                self.add_node("FormerName", name, where)
                key = ("FormerName", name["id"])
                cited = {"sources": former.sources, "evidence": former.evidence}
                props = cited if former.evidence else {}
                self._edge("HAD_NAME", ("Region", region.id), key, props, where)
        for area in regions.areas if regions else []:
            props = _named(area, skip=("kind", "regions"))
            props.update(level="area", area_kind=area.kind)
            self.add_node("Region", props, where)
            for parent in area.regions:
                self._edge("PART_OF", ("Region", area.id), ("Region", parent), {}, where)
        where = str(data_dir / "industries.yaml")
        for industry in industries.industries if industries else []:
            self.add_node("Industry", _named(industry, skip=("broader",)), where)
            for broader in industry.broader:
                self._edge("BROADER", ("Industry", industry.id), ("Industry", broader), {}, where)
        where = str(data_dir / "designations.yaml")
        for designation in designations.designations if designations else []:
            self.add_node("Designation", _named(designation, skip=("rounds",)), where)
            for entry in designation.rounds:
                props = _named(entry, skip=("industries",))
                props.setdefault("authority", designation.authority)
                props = {k: v for k, v in props.items() if v is not None}
                self.add_node("DesignationRound", props, where)
                key = ("DesignationRound", entry.id)
                self._edge("ROUND_OF", key, ("Designation", designation.id), {}, where)
                for industry in entry.industries:
                    self._edge("COVERS", key, ("Industry", industry), {}, where)
        where = str(data_dir / "organizations.yaml")
        for org in organizations.organizations if organizations else []:
            self.add_node("Organization", _named(org), where, [ORG_SUBLABELS[org.kind]])
        where = str(data_dir / "sources.yaml")
        for source in sources.sources if sources else []:
            props = _named(source, skip=("regions",))
            props["title"] = source.name_ko
            self.add_node("Source", props, where)

    # -- facts --------------------------------------------------------------------------

    def load_facts(self, path: Path) -> None:
        try:
            data_file = DataFile(path)
        except ValidationFailed as exc:
            self.problems.extend(exc.problems)
            return
        try:
            facts = data_file.validate(FactsFile)
        except ValidationFailed as exc:
            self.problems.extend(exc.problems)
            return
        if facts.source in self.graph.documents:
            self.problems.append(
                f"{data_file.where(('source',))}: source {facts.source} already has the facts "
                f"file {self.graph.documents[facts.source]}; keep one file per source"
            )
        self.graph.documents[facts.source] = str(path)
        if ("Source", facts.source) not in self.graph.nodes:
            self.problems.append(
                f"{data_file.where(('source',))}: unknown source {facts.source!r}"
                f"{self._suggest('Source', facts.source)}; add it to data/sources.yaml"
            )
        for i, node in enumerate(facts.nodes):
            props: dict[str, Any] = {
                "id": node.id,
                "name_ko": node.name_ko,
                "name_en": node.name_en,
                "aliases": node.aliases,
                "sources": [facts.source],
                **node.props,
            }
            extra = [ORG_SUBLABELS[props["kind"]]] if node.label == "Organization" else []
            self.add_node(node.label, props, data_file.where(("nodes", i)), extra)
        for i, fact in enumerate(facts.facts):
            props = {**fact.props, "sources": [facts.source], "evidence": fact.evidence}
            if fact.rel == "PURSUES":
                props["derived"] = False  # stated by the document, not computed
            start = _split(fact.from_)
            end = _split(fact.to)
            self._edge(fact.rel, start, end, props, data_file.where(("facts", i)))

    def _edge(self, rel: str, start: Key, end: Key, props: dict[str, Any], where: str) -> None:
        self.graph.edges.append(EdgeRecord(rel, start, end, props, where))

    # -- checks -------------------------------------------------------------------------

    def check_references(self) -> None:
        for edge in self.graph.edges:
            for industry in edge.props.get("industries", []):
                if ("Industry", industry) not in self.graph.nodes:
                    self.problems.append(
                        f"{edge.origin}: {edge.type} industries {industry!r} is not a known "
                        f"Industry{self._suggest('Industry', industry)}"
                    )
            for key, role in ((edge.start, "from"), (edge.end, "to")):
                if key not in self.graph.nodes:
                    label, node_id = key
                    self.problems.append(
                        f"{edge.origin}: {edge.type} {role} {label}:{node_id} is not a known "
                        f"{label}{self._suggest(label, node_id)}"
                    )
        for node in self.graph.nodes.values():
            refs = [(name, label, node.props.get(name)) for name, label in _NODE_REFS]
            refs += [("sources", "Source", ref) for ref in node.props.get("sources", [])]
            for ref_name, label, ref in refs:
                if ref and (label, ref) not in self.graph.nodes:
                    self.problems.append(
                        f"{node.origin}: {node.label}:{node.id} {ref_name} {ref!r} is not a "
                        f"known {label}{self._suggest(label, ref)}"
                    )

    def _suggest(self, label: str, node_id: str) -> str:
        known = [nid for (lab, nid) in self.graph.nodes if lab == label]
        close = difflib.get_close_matches(node_id, known, n=3, cutoff=0.5)
        return f" (closest: {', '.join(close)})" if close else ""

    def _validate(self, path: Path, model: type[Any]) -> Any:
        try:
            return DataFile(path).validate(model)
        except ValidationFailed as exc:
            self.problems.extend(exc.problems)
            return None


#: Node properties that hold the id of another node.
_NODE_REFS = (("region", "Region"), ("authority", "Organization"), ("parent", "Region"))


def former_name_props(region_id: str, former: dict[str, Any]) -> dict[str, Any]:
    """The FormerName node of one former name: its id says whose name it was and until when."""
    props = {
        "id": f"{region_id}-until-{former['valid_to']}",
        "name_ko": former["name_ko"],
        "name_en": former.get("name_en") or former["name_ko"],
        "aliases": [],
        "valid_to": former["valid_to"],
    }
    props.update({k: former[k] for k in ("valid_from", "parent") if former.get(k)})
    return props


def _split(ref: str) -> Key:
    label, node_id = ref.split(":", 1)
    return (label, node_id)
