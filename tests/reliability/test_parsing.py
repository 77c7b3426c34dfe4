"""hypothesis on parameter parsing (NamedQuery.bind, the query string of GET /queries/{name})
and on the Korean number, date and name parsers: no crash, and round trips hold."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.documents import orgnames
from ingest.documents.matcher import Gazetteer
from ingest.korean.dates import find_dates, resolve
from ingest.korean.numbers import find_quantities, format_money, parse_money
from ontology.errors import QueryError
from queries import catalog
from tests.reliability.tally import record

EXAMPLES = int(os.environ.get("RSG_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
QUERIES = sorted(catalog.catalog())

#: What a URL can carry (no surrogates) and a parameter may hold (no NUL).
_SENDABLE = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=8,
)


@FUZZ
@given(name=st.sampled_from(QUERIES), data=st.data())
def test_bind_accepts_or_refuses_clearly(name: str, data: st.DataObject) -> None:
    """Any JSON value for any parameter: bound with the declared type, or a QueryError."""
    record("hypothesis", "test_bind_accepts_or_refuses_clearly")
    query = catalog.get(name)
    names = [p.name for p in query.params] + ["unknown_param"]
    given_params = data.draw(st.dictionaries(st.sampled_from(names), json_values, max_size=4))
    try:
        bound = query.bind(given_params)
    except QueryError as exc:
        refusal: QueryError | None = exc
    else:
        refusal = None
    if refusal is not None:
        assert refusal.message
        assert refusal.hint
        return
    types = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "list": list}
    for param in query.params:
        value = bound[param.name]
        if value is not None:
            assert isinstance(value, types[param.type]), (param, value)
            if param.type in ("integer", "number"):
                assert not isinstance(value, bool)


@FUZZ
@given(value=st.integers(min_value=-(10**30), max_value=10**30))
def test_integer_parameters_round_trip_through_text(value: int) -> None:
    record("hypothesis", "test_integer_parameters_round_trip_through_text")
    query = catalog.get("path_between")
    bound = query.bind({"from_id": "a", "to_id": "b", "limit": str(value)})
    assert bound["limit"] == value


@FUZZ
@given(parts=st.lists(st.text(alphabet=st.characters(blacklist_characters=","), min_size=1)))
def test_list_parameters_split_on_commas(parts: list[str]) -> None:
    record("hypothesis", "test_list_parameters_split_on_commas")
    query = catalog.get("overlap_matrix")
    bound = query.bind({"regions": ",".join(parts)})
    assert bound["regions"] == [p.strip() for p in parts if p.strip()]


@FUZZ
@given(
    name=st.sampled_from(QUERIES),
    pairs=st.lists(st.tuples(st.text(max_size=20), st.text(max_size=60)), max_size=5),
)
def test_query_string_never_breaks_the_server(
    api: TestClient, name: str, pairs: list[tuple[str, str]]
) -> None:
    record("hypothesis", "test_query_string_never_breaks_the_server")
    response = api.get(f"/queries/{name}", params=pairs)
    assert response.status_code in (200, 400), response.text[:300]
    if response.status_code == 400:
        assert response.json()["detail"]


@FUZZ
@given(
    regions=st.lists(
        st.text(alphabet=_SENDABLE, min_size=1, max_size=30),
        min_size=1,
        max_size=6,
    )
)
def test_repeated_and_comma_lists_mean_the_same(api: TestClient, regions: list[str]) -> None:
    record("hypothesis", "test_repeated_and_comma_lists_mean_the_same")
    repeated = api.get("/queries/overlap_matrix", params=[("regions", r) for r in regions])
    joined = api.get("/queries/overlap_matrix", params={"regions": ",".join(regions)})
    assert repeated.status_code == joined.status_code == 200
    assert repeated.json()["params"]["regions"] == joined.json()["params"]["regions"]


# -- Korean numbers and dates (modules of the ingest owner: tests only) ----------------------


@FUZZ
@given(krw=st.integers(min_value=0, max_value=10**20 - 1))
def test_money_round_trips(krw: int) -> None:
    record("hypothesis", "test_money_round_trips")
    parsed = parse_money(format_money(krw))
    assert parsed is not None
    assert parsed.krw == krw


@FUZZ
@given(text=st.text(max_size=200))
def test_number_finders_do_not_crash(text: str) -> None:
    record("hypothesis", "test_number_finders_do_not_crash")
    for found in find_quantities(text):
        assert 0 <= found.start <= found.end <= len(text)
        assert text[found.start : found.end] == found.text


@FUZZ
@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    style=st.sampled_from(["{y}년 {m}월 {d}일", "{y}.{m}.{d}", "{y}년 {m}월 {d}일부터"]),
)
def test_absolute_dates_round_trip(day: date, style: str) -> None:
    record("hypothesis", "test_absolute_dates_round_trip")
    text = style.format(y=day.year, m=day.month, d=day.day)
    found = resolve(text, None)
    assert found is not None, text
    assert found.iso == day.isoformat()
    assert found.precision == "day"


@FUZZ
@given(text=st.text(max_size=200), doc=st.none() | st.dates())
def test_date_finders_do_not_crash(text: str, doc: date | None) -> None:
    record("hypothesis", "test_date_finders_do_not_crash")
    for found in find_dates(text, doc, bare_day=True):
        assert 0 <= found.start <= found.end <= len(text)
    resolve(text, doc)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


_ANY_TEXT = st.characters(blacklist_categories=("Cs",))


@FUZZ
@given(data=st.data(), before=st.text(alphabet=_ANY_TEXT, max_size=30))
def test_gazetteer_finds_a_known_name_anywhere(
    gazetteer: Gazetteer, data: st.DataObject, before: str
) -> None:
    record("hypothesis", "test_gazetteer_finds_a_known_name_anywhere")
    unambiguous = [w for w, _ in gazetteer.words() if len(gazetteer.surfaces[w]) == 1]
    # A local government's office ("…도청") is its region in the graph: the matcher refuses
    # it as an organisation on purpose (docs/extraction.md), so it is not a name to find.
    linkable = [
        w
        for w in unambiguous
        if not (
            gazetteer.surfaces[w][0].label == "Organization"
            and (
                orgnames.local_government(gazetteer.surfaces[w][0].id)
                or orgnames.refused(w, " 지역")
            )
        )
    ]
    surface = data.draw(st.sampled_from(linkable))
    text = f"{before} {surface} 지역"
    mentions = gazetteer.find(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    assert any(m.start == len(before) + 1 for m in mentions), (text, mentions)


def test_gazetteer_offsets_survive_length_changing_lower_case(gazetteer: Gazetteer) -> None:
    text = "İİ 전북 김제"
    found: Any = [(m.text, m.id) for m in gazetteer.find(text)]
    assert found == [("전북", "jeonbuk"), ("김제", "jeonbuk-gimje")]
