"""Pydantic models of the organisation gazetteer (``data/gazetteer/organizations.yaml``).

조직 사전은 그래프 노드가 아니라 인식용 자료다: 이름, 약칭, 라틴 문자 표기, 옛 이름과
그 유효 기간. / The gazetteer is recognition data, not graph nodes: the names, short forms,
Latin-script forms and former names (with the date each stopped being valid) under which
Korean news writes an organisation. A written form may name two organisations only in periods
that do not overlap (포스코 was the holding company until 2022-03-02 and is the steel company
since), so a form and a date give at most one organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from datetime import date
from typing import Annotated, Any, NamedTuple, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from ontology.contract import ORG_KINDS
from ontology.models import DATE_RE, SLUG, Named, Strict

Loc = tuple[str | int, ...]
Problem = tuple[Loc, str]


def _date_text(value: Any) -> Any:
    """YAML reads an unquoted 2023-03-20 as a date and 2023 as a number: both become text."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _iso(value: str) -> str:
    if not DATE_RE.match(value):
        raise ValueError(f"{value!r} is not an ISO date (2025, 2025-09 or 2025-09-03)")
    return value


IsoDate = Annotated[str, BeforeValidator(_date_text), AfterValidator(_iso)]
Form = Annotated[str, Field(min_length=1)]
Slug = Annotated[str, Field(pattern=SLUG)]


def surface_key(text: str) -> str:
    """The form names are compared in: NFKC (㈜ = (주)), no whitespace, case-folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def first_day(value: str | None) -> str:
    return "0000-01-01" if value is None else (value + "-01-01")[:10]


def last_day(value: str | None) -> str:
    """A year or a month is taken at its end, so a coarse date never hides an overlap."""
    return "9999-12-31" if value is None else (value + "-12-31")[:7] + (value + "-31")[7:10]


class Surface(NamedTuple):
    """One written form of an organisation and the period in which it named it."""

    loc: Loc
    text: str
    valid_from: str | None
    valid_to: str | None

    def overlaps(self, other: Surface) -> bool:
        mine = first_day(self.valid_from), last_day(self.valid_to)
        theirs = first_day(other.valid_from), last_day(other.valid_to)
        return mine[0] < theirs[1] and theirs[0] < mine[1]

    def valid_on(self, day: str | None) -> bool:
        """Today's names when ``day`` is None; otherwise the names in use on that date."""
        if day is None:
            return self.valid_to is None
        return first_day(self.valid_from) <= first_day(day) < last_day(self.valid_to)


class FormerOrgName(Strict):
    """A name the organisation no longer uses; ``valid_to`` is the day it stopped being valid."""

    name: Form
    name_en: str | None = None
    valid_from: IsoDate | None = None
    valid_to: IsoDate

    @model_validator(mode="after")
    def _order(self) -> Self:
        if self.valid_from is not None and first_day(self.valid_from) >= last_day(self.valid_to):
            raise ValueError("valid_from must come before valid_to")
        return self


class GazetteerEntry(Named):
    """One organisation with every form under which Korean news writes it."""

    kind: str
    short_forms: list[Form] = Field(default_factory=list)
    latin: list[Form] = Field(default_factory=list)
    former_names: list[FormerOrgName] = Field(default_factory=list)
    #: When the current names took effect, where they named another organisation before.
    valid_from: IsoDate | None = None
    parent: Slug | None = None
    region: Slug | None = None
    industries: list[Slug] = Field(default_factory=list)
    note: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in ORG_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ORG_KINDS)}; got {value!r}")
        return value

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: list[str]) -> list[str]:
        if not all(value):
            raise ValueError("an alias is empty")
        return value

    @field_validator("latin")
    @classmethod
    def _latin(cls, value: list[str]) -> list[str]:
        for form in value:
            if not re.search(r"[A-Za-z]", form):
                raise ValueError(f"latin form {form!r} has no Latin letter")
        return value

    @model_validator(mode="after")
    def _not_own_parent(self) -> Self:
        if self.parent == self.id:
            raise ValueError("an organisation cannot be its own parent")
        return self

    def surfaces(self) -> Iterator[Surface]:
        """Every written form with its validity; ``loc`` is relative to the entry."""
        yield Surface(("name_ko",), self.name_ko, self.valid_from, None)
        yield Surface(("name_en",), self.name_en, self.valid_from, None)
        for field in ("aliases", "short_forms", "latin"):
            for i, text in enumerate(getattr(self, field)):
                yield Surface((field, i), text, self.valid_from, None)
        for i, old in enumerate(self.former_names):
            yield Surface(("former_names", i, "name"), old.name, old.valid_from, old.valid_to)
            if old.name_en:
                loc: Loc = ("former_names", i, "name_en")
                yield Surface(loc, old.name_en, old.valid_from, old.valid_to)


class GazetteerFile(Strict):
    """The whole file: ids unique, parents known and acyclic, no form naming two at once.

    The file-wide problems are raised with the location of the offending value (for
    example ``organizations.12.short_forms.0``), as field errors are, so a reader that keeps
    YAML line numbers can point at the line.
    """

    organizations: list[GazetteerEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _whole_file(self) -> Self:
        problems = [*self._id_problems(), *self._parent_problems(), *self._collisions()]
        if problems:
            details = [
                InitErrorDetails(
                    type=PydanticCustomError("gazetteer", "{message}", {"message": message}),
                    loc=loc,
                    input=None,
                )
                for loc, message in problems
            ]
            raise ValidationError.from_exception_data(type(self).__name__, details)
        return self

    def _id_problems(self) -> Iterator[Problem]:
        first: dict[str, int] = {}
        for i, entry in enumerate(self.organizations):
            if entry.id in first:
                where = f"organizations.{first[entry.id]}"
                yield ("organizations", i, "id"), f"id {entry.id!r} is already used by {where}"
            first.setdefault(entry.id, i)

    def _parent_problems(self) -> Iterator[Problem]:
        parent_of = {entry.id: entry.parent for entry in self.organizations}
        for i, entry in enumerate(self.organizations):
            if entry.parent is None:
                continue
            loc: Loc = ("organizations", i, "parent")
            if entry.parent not in parent_of:
                yield loc, f"parent {entry.parent!r} is not in the file"
                continue
            seen, step = {entry.id}, parent_of[entry.parent]
            while step is not None and step not in seen:
                seen.add(step)
                step = parent_of.get(step)
            if step is not None:
                yield loc, f"the parent chain of {entry.id!r} comes back to {step!r}"

    def _collisions(self) -> Iterator[Problem]:
        holders: dict[str, list[tuple[str, Surface]]] = {}
        for i, entry in enumerate(self.organizations):
            for surface in entry.surfaces():
                placed = surface._replace(loc=("organizations", i, *surface.loc))
                holders.setdefault(surface_key(surface.text), []).append((entry.id, placed))
        reported: set[Loc] = set()
        for same_key in holders.values():
            for n, (one, a) in enumerate(same_key):
                for other, b in same_key[n + 1 :]:
                    if one == other or not a.overlaps(b):
                        continue
                    for mine, them, their_id in ((a, b, other), (b, a, one)):
                        if mine.loc in reported:
                            continue
                        reported.add(mine.loc)
                        where = ".".join(map(str, them.loc))
                        yield (
                            mine.loc,
                            (
                                f"{mine.text!r} also names {their_id!r} ({where}) in the same"
                                " period: drop one of the forms or date them apart"
                            ),
                        )

    def unknown_references(
        self, regions: Collection[str], industries: Collection[str]
    ) -> list[Problem]:
        """Region and industry ids the reference data does not know, with their locations."""
        found: list[Problem] = []
        for i, entry in enumerate(self.organizations):
            if entry.region is not None and entry.region not in regions:
                found.append((("organizations", i, "region"), f"unknown region {entry.region!r}"))
            for j, industry in enumerate(entry.industries):
                if industry not in industries:
                    found.append(
                        (("organizations", i, "industries", j), f"unknown industry {industry!r}")
                    )
        return found

    def resolve(self, text: str, on: str | None = None) -> list[str]:
        """Ids of the organisations ``text`` names on date ``on`` (today's names if None)."""
        key = surface_key(text)
        return [
            entry.id
            for entry in self.organizations
            if any(surface_key(s.text) == key and s.valid_on(on) for s in entry.surfaces())
        ]


STOCK_CODE = r"^[0-9][0-9A-Z]{5}$"
MARKETS = ("KOSPI", "KOSDAQ", "KONEX")


class ListedCompany(Strict):
    """One company listed on the Korea Exchange: stock code, name, market (None: not known)."""

    code: str = Field(pattern=STOCK_CODE)
    name_ko: Form
    market: str | None = None

    @field_validator("market")
    @classmethod
    def _market(cls, value: str | None) -> str | None:
        if value is not None and value not in MARKETS:
            raise ValueError(f"market must be one of {', '.join(MARKETS)}; got {value!r}")
        return value


class ListingSource(Strict):
    listing: str
    snapshots: list[IsoDate] = Field(min_length=1)


class ListedFile(Strict):
    """상장사 목록 / ``data/gazetteer/listed.yaml``: codes and names each used once."""

    source: ListingSource
    companies: list[ListedCompany] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        codes: set[str] = set()
        names: set[str] = set()
        for company in self.companies:
            key = surface_key(company.name_ko)
            if company.code in codes or key in names:
                raise ValueError(f"{company.code} {company.name_ko!r} is listed twice")
            codes.add(company.code)
            names.add(key)
        return self

    def entries(self, hand: GazetteerFile) -> list[GazetteerEntry]:
        """The companies as gazetteer entries (id ``krx-<code>``), leaving out every name the
        hand-made gazetteer has in any period: its entry wins and keeps its id."""
        taken = {surface_key(s.text) for e in hand.organizations for s in e.surfaces()}
        return [
            # The listing gives no English name: the Korean one stands in (name_en is required).
            GazetteerEntry.model_construct(
                id=f"krx-{company.code.lower()}",
                name_ko=company.name_ko,
                name_en=company.name_ko,
                kind="company",
            )
            for company in self.companies
            if surface_key(company.name_ko) not in taken
        ]
