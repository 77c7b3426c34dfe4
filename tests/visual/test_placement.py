"""The pieces behind the pictures, without drawing: wrapping and shortening names, placing
boxes without collisions, spreading nodes on rings and pulling coincident nodes apart."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from visual import labels
from visual.placement import Spot, crossings, place
from visual.structure import _spread, separate


def ems(text: str) -> float:
    """A stand-in font: a Hangul syllable is 0.94 em, anything else 0.5 em."""
    return sum(0.94 if "가" <= ch <= "힣" else 0.5 for ch in text)


def test_wrap_breaks_at_spaces_and_inside_overlong_words() -> None:
    lines = labels.wrap("특수목적 모빌리티 국책사업 타당성 및 세부계획 수립 연구용역", ems, 9.0)
    assert lines == ["특수목적 모빌리티", "국책사업 타당성 및", "세부계획 수립", "연구용역"]
    assert all(ems(line) <= 9.0 for line in lines)
    assert labels.wrap("가" * 20, ems, 8.0) == ["가" * 8, "가" * 8, "가" * 4]


def test_forms_whole_shortened_and_number() -> None:
    short = labels.forms("김제시청", ems, 9)
    assert (short.full, short.head) == ("김제시청", "")  # nothing to shorten
    assert short.all(3) == ("김제시청", "", "[3]")
    name = "Commercialisation of R&D for zero-emission electric vehicles in the Saemangeum area"
    long = labels.forms(name, ems, 99)
    assert long.full == ""  # more than MAX_LINES lines
    assert long.short(7).endswith("… [7]")
    assert ems(long.short(99)) <= labels.LINE_EMS
    assert re.fullmatch(r"\[\d+\]", long.number(12))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 300), st.floats(0, 200), st.floats(10, 60), st.floats(6, 20)),
        min_size=1,
        max_size=25,
    )
)
def test_placed_boxes_touch_nothing_and_stay_inside(
    nodes: list[tuple[float, float, float, float]],
) -> None:
    spots = [Spot(x, y, 4.0, 0.0, ((w, h), None, (8.0, h))) for x, y, w, h in nodes]
    markers = np.array([(s.x - 4, s.y - 4, s.x + 4, s.y + 4) for s in spots])
    bounds = (-80.0, -40.0, 380.0, 240.0)
    placed = place(spots, list(range(len(spots))), markers, bounds, np.zeros((0, 4)))
    boxes: list[tuple[float, float, float, float]] = []
    for spot, got in zip(spots, placed, strict=True):
        if got is None:
            continue
        size = spot.sizes[got.form]
        assert size is not None
        w, h = size
        box = (got.x - w / 2, got.y - h / 2, got.x + w / 2, got.y + h / 2)
        assert bounds[0] <= box[0]
        assert box[2] <= bounds[2]
        assert bounds[1] <= box[1]
        assert box[3] <= bounds[3]
        for other in [*boxes, *markers]:
            apart = (
                box[2] <= other[0] or other[2] <= box[0] or box[3] <= other[1] or other[3] <= box[1]
            )
            assert apart
        boxes.append(box)


def test_a_name_with_no_room_is_left_out_and_a_smaller_form_is_used() -> None:
    wide = Spot(50.0, 50.0, 4.0, None, ((500.0, 10.0), None, (8.0, 8.0)))
    (got,) = place([wide], [0], np.zeros((0, 4)), (0.0, 0.0, 100.0, 100.0), np.zeros((0, 4)))
    assert got is not None
    assert got.form == 2  # the whole name is wider than the picture: the key number
    walled = np.array([(0.0, 0.0, 100.0, 47.0), (0.0, 53.0, 100.0, 100.0)])  # 6 points free
    (none,) = place([wide], [0], walled, (0.0, 0.0, 100.0, 100.0), np.zeros((0, 4)))
    assert none is None


def test_edges_under_a_name_count_and_the_free_side_wins() -> None:
    boxes = np.array([(0.0, 0.0, 10.0, 10.0), (20.0, 0.0, 30.0, 10.0)])
    edge = np.array([(-5.0, 5.0, 15.0, 5.0)])  # through the first box only
    assert crossings(boxes, edge).tolist() == [1.0, 0.0]
    spot = Spot(50.0, 50.0, 3.0, 0.0, ((20.0, 8.0),))
    to_the_right = np.array([(53.0, 50.0, 90.0, 50.0)])
    (got,) = place([spot], [0], np.zeros((0, 4)), (0.0, 0.0, 100.0, 100.0), to_the_right)
    assert got is not None
    assert got.y != 50.0  # moved off the edge on its preferred (right) side


def test_spread_keeps_order_and_gap_on_a_circle() -> None:
    wanted = [0.1, 0.11, 0.12, 3.0]
    spread = _spread(wanted, 0.5, 2 * math.pi)
    ordered = sorted(v % (2 * math.pi) for v in spread)
    gaps = [(b - a) for a, b in itertools.pairwise(ordered)]
    gaps.append(ordered[0] + 2 * math.pi - ordered[-1])
    assert min(gaps) >= 0.5 - 1e-9
    assert _spread([1.0, 1.0], 1.0, None) == [0.5, 1.5]


def test_separate_pulls_coincident_nodes_apart() -> None:
    apart = separate({"a": (0.0, 0.0), "b": (0.0, 0.0), "c": (0.2, 0.0), "far": (9.0, 9.0)})
    keys = sorted(apart)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert math.dist(apart[a], apart[b]) >= 0.99
    assert apart["far"] == (9.0, 9.0)
