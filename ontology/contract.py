"""The graph contract (v1) as data: labels, relationship types and their properties.

Everything else (pydantic models, OWL ontology, SHACL shapes, JSON-LD context, the
property-graph mapping) is checked against this table by ``tests/ontology/test_agreement.py``.
Analysts save Cypher against these names: extend freely, rename only with a migration note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Value kinds of properties, shared by the models, RDF mapping and SHACL shapes."""

    STRING = "string"
    STRINGS = "strings"  # list of strings
    INTEGER = "integer"  # KRW amounts, years, orders
    DECIMAL = "decimal"  # areas, target values
    BOOLEAN = "boolean"
    DATE = "date"  # ISO 8601 with the source's precision: 2025, 2025-09, 2025-09-03
    REFS = "refs"  # list of Source ids


@dataclass(frozen=True)
class Prop:
    name: str
    kind: Kind
    required: bool = False
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Label:
    name: str
    props: tuple[Prop, ...]
    sublabels: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    props: tuple[Prop, ...] = field(default_factory=tuple)


REGION_LEVELS = (
    "province",
    "metropolitan_city",
    "special_city",
    "special_self_governing_city",
    "special_self_governing_province",
    "city",
    "county",
    "district",
    "area",
)
INITIATIVE_KINDS = ("program", "project", "complex", "facility", "fund", "event", "law", "study")
INITIATIVE_STATUSES = ("planned", "in_progress", "completed")
ORG_KINDS = (
    "company",
    "university",
    "research_institute",
    "government_body",
    "association",
    "public_institution",
)
FUNDING_BASES = ("national", "provincial", "municipal", "private", "mixed", "unknown")
#: How far a company's investment had got when the source reported it.
INVESTMENT_BASES = ("announced", "mou", "executed")
#: Where a region's bid for a designation round stands: won, lost, or not yet decided.
OUTCOMES = ("designated", "not_selected", "pending")
ROLES = (
    "operator",
    "partner",
    "host",
    "investor",
    "tenant",
    "supporter",
    "organiser",
    "researcher",
    "beneficiary",
)

#: Extra label given to an Organization by its ``kind``.
ORG_SUBLABELS = {
    "company": "Company",
    "university": "University",
    "research_institute": "ResearchInstitute",
    "government_body": "GovernmentBody",
    "association": "Association",
    "public_institution": "PublicInstitution",
}

S, SS, INT, DEC, DATE = Kind.STRING, Kind.STRINGS, Kind.INTEGER, Kind.DECIMAL, Kind.DATE

COMMON_NODE_PROPS = (
    Prop("id", S, required=True),
    Prop("uri", S, required=True),
    Prop("name_ko", S, required=True),
    Prop("name_en", S, required=True),
    Prop("aliases", SS),
    Prop("sources", Kind.REFS),
)

LABELS: dict[str, Label] = {
    lab.name: lab
    for lab in (
        Label(
            "Region",
            (
                Prop("level", S, required=True, allowed=REGION_LEVELS),
                Prop("admin_code", S),
                Prop("valid_from", DATE),
                Prop("valid_to", DATE),
                Prop("area_kind", S),
            ),
        ),
        Label(
            "Industry",
            (
                Prop("ksic", SS),
                Prop("segment", Kind.BOOLEAN),
                Prop("definition_ko", S),
                Prop("definition_en", S),
            ),
        ),
        Label(
            "Strategy",
            (
                Prop("announced", DATE),
                Prop("period_start", DATE),
                Prop("period_end", DATE),
                Prop("description_ko", S),
                Prop("description_en", S),
            ),
        ),
        Label(
            "Initiative",
            (
                Prop("kind", S, required=True, allowed=INITIATIVE_KINDS),
                Prop("start", DATE),
                Prop("end", DATE),
                Prop("status", S, allowed=INITIATIVE_STATUSES),
                Prop("budget_krw", INT),
                Prop("budget_text", S),
                Prop("area_m2", DEC),
                Prop("area_text", S),
                Prop("description_ko", S),
                Prop("description_en", S),
            ),
        ),
        Label(
            "Organization",
            (Prop("kind", S, required=True, allowed=ORG_KINDS), Prop("region", S)),
            sublabels=tuple(ORG_SUBLABELS.values()),
        ),
        Label("Designation", (Prop("authority", S),)),
        Label(
            "DesignationRound",
            (
                Prop("year", DATE, required=True),
                Prop("announced", DATE),
                Prop("decided", DATE),
                Prop("authority", S),
                Prop("description_ko", S),
                Prop("description_en", S),
            ),
        ),
        Label(
            "FormerName",
            (Prop("valid_from", DATE), Prop("valid_to", DATE, required=True), Prop("parent", S)),
        ),
        Label(
            "Source",
            (
                Prop("publisher", S),
                Prop("byline", S),
                Prop("published", DATE),
                Prop("published_hint", S),
                Prop("title", S),
                Prop("url", S),
                Prop("kind", S, required=True),
                Prop("file", S),
            ),
        ),
        Label("Person", (Prop("title_ko", S), Prop("title_en", S))),
        Label(
            "Target",
            (
                Prop("value", DEC),
                Prop("unit", S),
                Prop("year", DATE),
                Prop("text", S),
            ),
        ),
    )
}

#: Properties every fact relationship carries.
FACT_PROPS = (
    Prop("sources", Kind.REFS, required=True),
    Prop("evidence", S, required=True),
    Prop("evidence_start", INT),
    Prop("evidence_end", INT),
)

MONEY = (Prop("amount_krw", INT), Prop("amount_text", S))
ORGS = ("Organization",)
DESIGNATIONS = ("Designation", "DesignationRound")
#: What a bid for a designation round and the designation won share: the bid they belong to
#: (partners of a joint bid share it), the industries the bid is for when the round names
#: none or several, the place's role in the cluster, the site's area, and,
#: on an edge the build rolled up from a round to its scheme, the round and ``derived``.
BID = (
    Prop("bid", S),
    Prop("industries", SS),
    Prop("role", S),
    Prop("role_ko", S),
    Prop("area_m2", DEC),
    Prop("area_text", S),
    Prop("round", S),
    Prop("derived", Kind.BOOLEAN),
)

RELATIONSHIPS: dict[str, RelType] = {
    rel.name: rel
    for rel in (
        RelType("PART_OF", ("Region",), ("Region",)),
        RelType("BROADER", ("Industry",), ("Industry",)),
        RelType("ADOPTS", ("Region",), ("Strategy",)),
        RelType("HAS_PHASE", ("Strategy",), ("Strategy",), (Prop("order", INT),)),
        RelType("INCLUDES", ("Strategy", "Initiative"), ("Initiative",)),
        RelType("TARGETS", ("Initiative", "Strategy"), ("Industry",)),
        RelType(
            "PURSUES",
            ("Region",),
            ("Industry",),
            (Prop("since", DATE), Prop("segments", SS), Prop("derived", Kind.BOOLEAN)),
        ),
        RelType("LOCATED_IN", ("Initiative", "Organization"), ("Region",)),
        RelType(
            "INVESTS_IN",
            ORGS,
            ("Initiative", "Region"),
            (
                *MONEY,
                Prop("date", DATE),
                Prop("basis", S, allowed=INVESTMENT_BASES),
                Prop("round", S),
            ),
        ),
        RelType(
            "FUNDED_BY",
            ("Initiative",),
            ORGS,
            (*MONEY, Prop("basis", S, required=True, allowed=FUNDING_BASES)),
        ),
        RelType("PARTICIPATES_IN", ORGS, ("Initiative",), (Prop("role", S, allowed=ROLES),)),
        RelType(
            "SEEKS",
            ("Region",),
            DESIGNATIONS,
            (
                Prop("target_year", DATE),
                Prop("date", DATE),
                Prop("outcome", S, allowed=OUTCOMES),
                Prop("decided", DATE),
                *BID,
            ),
        ),
        RelType(
            "HOLDS", ("Region",), DESIGNATIONS, (Prop("since", DATE), Prop("until", DATE), *BID)
        ),
        RelType("DESIGNATED_AS", ("Initiative",), DESIGNATIONS, (Prop("since", DATE),)),
        RelType("COOPERATES_WITH", ("Region",), ("Region",)),
        RelType("HAS_TARGET", ("Initiative", "Strategy"), ("Target",)),
        RelType("ROUND_OF", ("DesignationRound",), ("Designation",)),
        RelType("COVERS", ("DesignationRound",), ("Industry",)),
        RelType("HAD_NAME", ("Region",), ("FormerName",)),
        RelType(
            "LEADS",
            ("Person",),
            ("Region", "Organization"),
            (Prop("title_ko", S), Prop("title_en", S), Prop("date", DATE)),
        ),
    )
}

#: Relationships that come from reference data (taxonomy, gazetteer, the designation rounds)
#: rather than documents; they carry no evidence.
REFERENCE_RELATIONSHIPS = frozenset({"PART_OF", "BROADER", "ROUND_OF", "COVERS", "HAD_NAME"})


def rel_iri_name(rel_type: str) -> str:
    """``FUNDED_BY`` -> ``fundedBy``: the local name of a relationship's RDF property."""
    head, *rest = rel_type.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)
