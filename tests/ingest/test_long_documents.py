"""A long document is read as its parts are: the look-ups that keep extraction near linear
(``Spans``, ``Cues``, the hyphenated word before a company, the bounded list of names) give
what the list scans they replaced gave, a long list is still read whole, and a paragraph
without line breaks is read in pieces cut after its sentences.

The speed itself is measured in bench/ (``long_document``), not here."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.documents.candidate import Cues
from ingest.documents.designation import _Industries
from ingest.documents.document import Pipeline
from ingest.documents.matcher import Mention
from ingest.documents.orgclause import LIST_MOST, find_by_clause
from ingest.documents.orgform import _HYPHENATED, _hyphenated_before
from ingest.documents.reader import RawText
from ingest.documents.spans import Spans, Stretch
from ingest.korean.sentences import LONGEST, pieces

_stretches = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: Stretch(p[0], p[0] + p[1])),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(
    _stretches, st.lists(st.integers(0, 29), max_size=10), st.integers(0, 70), st.integers(0, 20)
)
def test_spans_answer_as_a_scan_of_the_list(
    items: list[Stretch], gone: list[int], start: int, width: int
) -> None:
    spans = Spans(items[: len(items) // 2])
    for item in items[len(items) // 2 :]:
        spans.add(item)
    held = list(items)
    for at in gone:
        if at < len(held):
            spans.discard(held.pop(at))
    end = start + width
    scan = [s for s in held if s.start < end and start < s.end]
    assert sorted(spans.overlapping(start, end)) == sorted(scan)
    assert sorted(spans.covering(start)) == sorted(s for s in held if s.start <= start < s.end)
    assert len(spans) == len(held)
    within = width % 7
    assert sorted(spans.ending_by(start, within)) == sorted(
        s for s in held if start - within <= s.end <= start
    )


@settings(max_examples=300, deadline=None)
@given(_stretches, st.integers(0, 75))
def test_the_industries_ending_by_a_position_come_last_first_as_a_scan_gives(
    items: list[Stretch], pos: int
) -> None:
    mentions = [
        Mention("Industry", f"i{k}", "", "", "", s.start, s.end) for k, s in enumerate(items)
    ]
    for order in (mentions, sorted(mentions, key=lambda m: (m.start, m.end))):
        expected = list(reversed([m for m in order if m.end <= pos]))
        assert list(_Industries(order).ending_by(pos)) == expected


def _nearest_by_scan(
    pattern: re.Pattern[str], text: str, s: int, e: int, pos: int, skip: int
) -> re.Match[str] | None:
    """The look-up ``Cues.near`` replaced: every match read for every name."""
    best = None
    for match in pattern.finditer(text, s, e):
        if match.start() == skip:
            continue
        if best is None or abs(match.start() - pos) < abs(best.start() - pos):
            best = match
    return best


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="가운영투자 ,", max_size=40),
    st.integers(0, 45),
    st.integers(-1, 45),
    st.sampled_from([r"운영|투자", r"투자", r"(?:가)?", r"영\s?투"]),
)
def test_the_nearest_cue_is_the_one_a_scan_finds(text: str, pos: int, skip: int, cue: str) -> None:
    pattern = re.compile(cue)
    found = Cues(pattern, text, 0, len(text)).near(pos, skip)
    expected = _nearest_by_scan(pattern, text, 0, len(text), pos, skip)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="가A1-& \n(,.\u00a0\t“", max_size=16), st.data())
def test_the_hyphenated_word_is_the_one_a_search_from_the_start_finds(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    expected = _HYPHENATED.search(text, 0, end)
    found = _hyphenated_before(text, end)
    assert (found and found.span()) == (expected and expected.span())


def test_a_list_of_many_names_is_read_whole() -> None:
    names = [f"가나{chr(0xB2E4 + i)}텍" for i in range(12)]
    text = "협약에는 " + ", ".join(names) + " 등 12개사가 참여했다."
    found = {c.name for c in find_by_clause(text, {})}
    assert set(names) <= found
    assert LIST_MOST >= 12


def test_a_run_of_names_longer_than_a_list_keeps_its_last_names() -> None:
    names = [f"가온{chr(0xAC00 + i)}{chr(0xAC00 + 7 * i % 200)}" for i in range(LIST_MOST + 10)]
    text = ", ".join(names) + " 등 기업들이 참여했다."
    found = {c.name for c in find_by_clause(text, {})}
    assert set(names[-LIST_MOST:]) <= found
    assert not set(names[:10]) & found


def test_a_document_of_many_articles_reads_as_its_articles(pipeline: Pipeline) -> None:
    parts = [
        "한빛전지는 대전시와 이차전지 공장 투자협약을 맺었다. 한빛전지는 500억 원을 투자한다.",
        "누리에너지는 울산시와 수소 연료전지 공장을 짓기로 했다.",
        "가람바이오는 충북 오송에 바이오 연구소를 세운다고 밝혔다.",
    ]
    alone = [_found(pipeline, part) for part in parts]
    whole = _found(pipeline, "\n\n".join(parts * 20))
    assert set().union(*alone) == whole
    assert ("Organization", "한빛전지") in whole


def _found(pipeline: Pipeline, text: str) -> set[tuple[str, str]]:
    extraction, _ = pipeline.run(RawText(Path("m.txt"), text, "text"))
    return {(e.type, e.id or e.text) for e in extraction.entities if e.type != "Amount"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="가나다. !?\t", max_size=300), st.integers(4, 60))
def test_a_long_paragraph_is_cut_into_pieces_that_join_back(line: str, longest: int) -> None:
    cut = list(pieces(line, longest))
    assert "".join(piece for _, piece in cut) == line
    assert [start for start, _ in cut] == [sum(len(p) for _, p in cut[:k]) for k in range(len(cut))]
    assert all(len(piece) <= longest for _, piece in cut)


def test_a_piece_ends_after_a_sentence_when_one_ends_in_its_second_half() -> None:
    sentence = "가온텍이 대전에 공장을 짓는다. "
    line = sentence * 300
    cut = list(pieces(line))
    assert len(cut) > 1
    assert all(piece.endswith("다. ") for _, piece in cut[:-1])


def test_the_sentences_of_a_paragraph_without_line_breaks_are_those_of_its_sentences(
    pipeline: Pipeline,
) -> None:
    sentence = "가온텍이 대전에 100억 원을 투자해 공장을 짓는다. "
    text = sentence * (3 * LONGEST // len(sentence))
    found = pipeline.tokenizer.sentences(text)
    assert len(found) == text.count("짓는다.")
    assert all(text[s.start : s.end] == s.text for s in found)
    assert {s.text for s in found} == {sentence.strip()}
