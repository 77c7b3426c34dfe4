"""Malformed input answers 4xx with a reason, never 500 (issue 15, item 6): lone surrogates,
parameters nested hundreds deep, integers past 64 bits, non-finite numbers, and answers that
nest too deeply for the client to decode."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.reliability.tally import record


def _nested(levels: int, inner: str = "1", open_: str = '{"a":', close: str = "}") -> str:
    return open_ * levels + inner + close * levels


#: name -> (path, raw JSON body, expected status)
CASES: dict[str, tuple[str, str, int]] = {
    "lone surrogate in the query": ("/cypher", '{"query":"RETURN \\ud800"}', 422),
    "lone surrogate in a view query": ("/views/cypher", '{"query":"RETURN \\ud800"}', 422),
    "lone low surrogate": ("/cypher", '{"query":"RETURN \\udfff AS x"}', 422),
    "lone surrogate in a parameter": (
        "/cypher", '{"query":"RETURN $x AS x","params":{"x":"\\ud800"}}', 400),
    "lone surrogate in a parameter name": (
        "/cypher", '{"query":"RETURN 1 AS x","params":{"\\ud800":1}}', 400),
    "map parameter nested 500 deep": (
        "/cypher", '{"query":"RETURN $p AS p","params":{"p":' + _nested(500) + "}}", 400),
    "list parameter nested 500 deep": (
        "/cypher", '{"query":"RETURN $p AS p","params":{"p":' + _nested(500, "1", "[", "]")
        + "}}", 400),
    "view parameter nested 500 deep": (
        "/views/cypher", '{"query":"RETURN $p AS p","params":{"p":' + _nested(500) + "}}", 400),
    "integer 2^63": ("/cypher", '{"query":"RETURN $x AS x","params":{"x":9223372036854775808}}',
                     400),
    "integer -2^70": ("/cypher", '{"query":"RETURN $x AS x","params":{"x":'
                      + str(-(2**70)) + "}}", 400),
    "integer 2^64 inside a list": (
        "/cypher", '{"query":"RETURN $x AS x","params":{"x":[1,18446744073709551616]}}', 400),
    "integer 2^64 inside a map": (
        "/cypher", '{"query":"RETURN $x AS x","params":{"x":{"k":18446744073709551616}}}', 400),
    "infinite float": ("/cypher", '{"query":"RETURN $x AS x","params":{"x":1e400}}', 400),
    "answer nested 600 deep": (
        "/cypher",
        '{"query":"RETURN reduce(acc = [], i IN range(1, 600) | [acc]) AS deep"}',
        400,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_a_4xx_with_a_reason(api: TestClient, name: str) -> None:
    path, body, expected = CASES[name]
    response = api.post(path, content=body.encode(), headers={"content-type": "application/json"})
    record("bad input (issue 15 item 6)", name, response.status_code)
    assert response.status_code == expected, response.text[:300]
    assert response.json()  # a body that parses, whatever the input held


def test_the_largest_64_bit_integers_still_pass(api: TestClient) -> None:
    for value in (2**63 - 1, -(2**63)):
        response = api.post("/cypher", json={"query": "RETURN $x AS x", "params": {"x": value}})
        assert response.status_code == 200, response.text
        assert response.json()["rows"] == [{"x": value}]


def test_moderately_nested_parameters_still_pass(api: TestClient) -> None:
    value: object = 1
    for _ in range(15):  # 30 levels, within MAX_PARAM_DEPTH
        value = {"a": [value]}
    response = api.post("/cypher", json={"query": "RETURN $p AS p", "params": {"p": value}})
    assert response.status_code == 200, response.text
