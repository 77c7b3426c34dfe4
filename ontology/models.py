"""Pydantic models of the data files (reference data and curated facts).

Label- and relationship-specific properties are checked against ``ontology.contract`` so the
models cannot drift from the graph contract.
"""

from __future__ import annotations

import re
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ontology.contract import (
    COMMON_NODE_PROPS,
    LABELS,
    ORG_KINDS,
    REFERENCE_RELATIONSHIPS,
    REGION_LEVELS,
    RELATIONSHIPS,
    Kind,
    Prop,
)

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
REF_RE = re.compile(r"^([A-Z][A-Za-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$")
#: Evidence spans are short quotes: the minimal span that states the fact, at most this many
#: characters (docs/data-format.md; the SHACL shapes and the extractor use the same limit).
MAX_EVIDENCE = 40

_COMMON = {prop.name for prop in COMMON_NODE_PROPS}
#: Relationship properties the build sets (on a round's bid rolled up to its scheme).
BUILT = frozenset({"derived", "round"})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Named(Strict):
    id: str = Field(pattern=SLUG, max_length=120)
    name_ko: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)


def check_value(prop: Prop, value: Any) -> Any:
    """Validate one property value against its contract kind; returns the normalised value."""
    kind = prop.kind
    if value is None:
        return None
    if kind in (Kind.STRING,) and not isinstance(value, str):
        raise ValueError(f"{prop.name} must be text, got {value!r}")
    if kind in (Kind.STRINGS, Kind.REFS) and not (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        raise ValueError(f"{prop.name} must be a list of text values")
    if kind is Kind.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(f"{prop.name} must be a whole number, got {value!r}")
    if kind is Kind.DECIMAL and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ValueError(f"{prop.name} must be a number, got {value!r}")
    if kind is Kind.BOOLEAN and not isinstance(value, bool):
        raise ValueError(f"{prop.name} must be true or false, got {value!r}")
    if kind is Kind.DATE:
        value = str(value)
        if not DATE_RE.match(value):
            raise ValueError(f"{prop.name} must be an ISO date (2025, 2025-09 or 2025-09-03)")
    if prop.allowed and value not in prop.allowed:
        raise ValueError(f"{prop.name} must be one of {', '.join(prop.allowed)}; got {value!r}")
    return value


# -- reference data ------------------------------------------------------------------------


class FormerName(Strict):
    """A name the region had until ``valid_to``; ``parent`` is the Region it then lay in, when
    that differs from today's (군위군 lay in 경상북도 until 2023-06-30)."""

    name_ko: str
    name_en: str | None = None
    valid_from: str | None = Field(default=None, pattern=DATE_RE.pattern)
    valid_to: str = Field(pattern=DATE_RE.pattern)
    parent: str | None = Field(default=None, pattern=SLUG)
    #: A report of the change, as for a fact: its Source ids and a short span of it.
    sources: list[str] = Field(default_factory=list)
    evidence: str | None = Field(default=None, min_length=1, max_length=MAX_EVIDENCE)

    @model_validator(mode="after")
    def _cited(self) -> Self:
        if bool(self.sources) != bool(self.evidence):
            raise ValueError("give sources and evidence together (or neither)")
        return self


class RegionEntry(Named):
    level: str
    parent: str | None = None
    admin_code: str | None = None
    valid_from: str | None = Field(default=None, pattern=DATE_RE.pattern)
    valid_to: str | None = Field(default=None, pattern=DATE_RE.pattern)
    former_names: list[FormerName] = Field(default_factory=list)
    note: str | None = None

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value not in REGION_LEVELS or value == "area":
            raise ValueError(f"level must be one of {', '.join(REGION_LEVELS[:-1])}")
        return value

    @field_validator("admin_code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> Any:
        return None if value is None else str(value)


class AreaEntry(Named):
    kind: str
    regions: list[str] = Field(min_length=1)
    note: str | None = None


class IndustryEntry(Named):
    broader: list[str] = Field(default_factory=list)
    segment: bool = False
    ksic: list[str] = Field(default_factory=list)
    definition_ko: str | None = None
    definition_en: str | None = None

    @field_validator("ksic", mode="before")
    @classmethod
    def _ksic(cls, value: Any) -> Any:
        return [str(v) for v in value] if isinstance(value, list) else value


class RoundEntry(Named):
    """One round of a designation scheme: the year, the industries it selects for, when the
    call was announced and the results decided, and the sources that say so."""

    year: str = Field(pattern=DATE_RE.pattern)
    industries: list[str] = Field(default_factory=list)
    announced: str | None = Field(default=None, pattern=DATE_RE.pattern)
    decided: str | None = Field(default=None, pattern=DATE_RE.pattern)
    authority: str | None = None
    description_ko: str | None = None
    description_en: str | None = None
    sources: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("year", "announced", "decided", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return None if value is None else str(value)


class DesignationEntry(Named):
    authority: str | None = None
    note: str | None = None
    rounds: list[RoundEntry] = Field(default_factory=list)


class OrganizationEntry(Named):
    kind: str
    region: str | None = None
    note: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in ORG_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ORG_KINDS)}")
        return value


class SourceEntry(Named):
    publisher: str | None = None
    byline: str | None = None
    published: str | None = None
    published_hint: str | None = None
    kind: str
    url: str | None = None
    file: str | None = None
    regions: list[str] = Field(default_factory=list)

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> Any:
        if value is None:
            return None
        value = str(value)
        if not DATE_RE.match(value):
            raise ValueError("published must be an ISO date (2025, 2025-09 or 2025-09-03)")
        return value


# -- curated facts -------------------------------------------------------------------------

FACT_NODE_LABELS = ("Strategy", "Initiative", "Organization", "Designation", "Person", "Target")


class FactNode(Named):
    """A node a fact file introduces; label-specific properties go in ``props``."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)

    label: str
    evidence: str | None = Field(default=None, max_length=MAX_EVIDENCE)

    @model_validator(mode="after")
    def _props(self) -> Self:
        if self.label not in FACT_NODE_LABELS:
            raise ValueError(f"label must be one of {', '.join(FACT_NODE_LABELS)}")
        allowed = {prop.name: prop for prop in LABELS[self.label].props}
        for name, value in (self.model_extra or {}).items():
            if name not in allowed:
                known = ", ".join(sorted(allowed)) or "none"
                raise ValueError(f"{self.label} has no property {name!r} (known: {known})")
            check_value(allowed[name], value)
        for prop in allowed.values():
            if prop.required and prop.name not in _COMMON and prop.name not in self.props:
                raise ValueError(f"{self.label} needs {prop.name!r}")
        return self

    @property
    def props(self) -> dict[str, Any]:
        allowed = {prop.name: prop for prop in LABELS[self.label].props}
        return {
            name: check_value(allowed[name], value)
            for name, value in (self.model_extra or {}).items()
            if value is not None
        }


class Fact(Strict):
    """One relationship stated by a document, with its evidence span."""

    model_config = ConfigDict(
        extra="allow", str_strip_whitespace=True, frozen=True, populate_by_name=True
    )

    rel: str
    from_: str = Field(alias="from", pattern=REF_RE.pattern)
    to: str = Field(pattern=REF_RE.pattern)
    evidence: str = Field(min_length=1, max_length=MAX_EVIDENCE)
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        rel = RELATIONSHIPS.get(self.rel)
        if rel is None or self.rel in REFERENCE_RELATIONSHIPS:
            usable = sorted(set(RELATIONSHIPS) - REFERENCE_RELATIONSHIPS)
            raise ValueError(f"rel must be one of {', '.join(usable)}; got {self.rel!r}")
        start, end = self.from_.split(":")[0], self.to.split(":")[0]
        if start not in rel.sources:
            raise ValueError(f"{self.rel} starts at {' or '.join(rel.sources)}, not {start}")
        if end not in rel.targets:
            raise ValueError(f"{self.rel} ends at {' or '.join(rel.targets)}, not {end}")
        allowed = {prop.name: prop for prop in rel.props}
        for name, value in (self.model_extra or {}).items():
            if name not in allowed:
                known = ", ".join(sorted(allowed)) or "none"
                raise ValueError(f"{self.rel} has no property {name!r} (known: {known})")
            if name in BUILT and self.rel in ("SEEKS", "HOLDS"):
                raise ValueError(f"{name} is set by the build on {self.rel}; leave it out")
            check_value(allowed[name], value)
        for prop in rel.props:
            if prop.required and prop.name not in (self.model_extra or {}):
                raise ValueError(f"{self.rel} needs {prop.name!r}")
        return self

    @property
    def props(self) -> dict[str, Any]:
        allowed = {prop.name: prop for prop in RELATIONSHIPS[self.rel].props}
        return {
            name: check_value(allowed[name], value)
            for name, value in (self.model_extra or {}).items()
            if value is not None
        }


class FactsFile(Strict):
    source: str = Field(pattern=SLUG)
    nodes: list[FactNode] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
