"""Linking, new organisations, candidate facts, the JSON output and the gold scores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from api.cli.main import app
from ingest.documents.document import Pipeline
from ingest.documents.evaluation import GOLD_DIR, evaluate_all, load_gold
from ingest.documents.reader import RawText, read
from tests.conftest import corpus_dir


def _ids(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    extraction, _ = pipeline.run(RawText(Path("memo.txt"), text, "text"))
    return [(e.type, e.id, e.text) for e in extraction.entities if e.type != "Amount"]


def test_longest_match_and_word_boundaries(pipeline: Pipeline) -> None:
    found = _ids(
        pipeline, "전북대와 전북이 이차전지를 키운다. 전주기 체계를 갖춘다. FAI 대회와 AI산업."
    )
    assert ("Organization", "jeonbuk-national-university", "전북대") in found
    assert ("Region", "jeonbuk", "전북") in found
    assert ("Industry", "battery", "이차전지") in found
    assert not any(text == "전주" for _, _, text in found)  # 전주기 is "full cycle"
    assert [t for t in found if t[1] == "ai"] == [("Industry", "ai", "AI산업")]


def test_carbon_is_materials_or_emissions_by_context(pipeline: Pipeline) -> None:
    found = _ids(pipeline, "시는 수소와 탄소, 드론을 키운다. 공장의 탄소 배출을 줄인다.")
    carbon = [i for _, i, text in found if text == "탄소"]
    assert carbon == ["carbon-materials", "carbon-neutrality"]


def test_a_city_inside_an_organisation_name_is_not_a_region(pipeline: Pipeline) -> None:
    found = _ids(pipeline, "울산해양소재연구원이 운영을 맡고 ㈜한빛소재는 울산에 투자한다.")
    assert ("Organization", None, "울산해양소재연구원") in found
    assert ("Organization", None, "한빛소재") in found
    assert [t for t in found if t[0] == "Region"] == [("Region", "ulsan", "울산")]


def test_candidate_facts_carry_evidence_in_the_raw_text(pipeline: Pipeline) -> None:
    raw = "울산시는\ufffd수소 산업을 육성한다.\n현대자동차는 울산에 3,000억원을 투자한다.\n"
    raw += "울산은 2026년 기회발전특구 지정을 목표로 한다. "
    raw += "국비 600억원 등 총 1,200억원을 들여 센터를 짓는다."
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"), date(2024, 3, 1))
    facts = {(f.type, f.subject, f.object, f.amount_krw) for f in extraction.facts}
    assert ("PURSUES", "Region:ulsan", "Industry:hydrogen", None) in facts
    assert ("INVESTS_IN", "Organization:hyundai-motor", "Region:ulsan", 300_000_000_000) in facts
    assert ("SEEKS", "Region:ulsan", "Designation:opportunity-development-zone", None) in facts
    assert any(f[0] == "FUNDED_BY" and f[3] == 60_000_000_000 for f in facts)
    for fact in extraction.facts:
        span = raw[fact.start : fact.end].replace("\ufffd", " ")
        assert fact.evidence.replace(" ", "") in "".join(span.split())
        assert len(fact.evidence) <= 40
        assert 0 < fact.confidence <= 1


def test_extract_json_is_all_that_stdout_holds(tmp_path: Path) -> None:
    doc = tmp_path / "pohang.txt"
    doc.write_text((GOLD_DIR / "articles" / "pohang-battery-materials.txt").read_text("utf-8"))
    result = CliRunner().invoke(
        app, ["extract", str(doc), "--format", "json", "--published", "2024-05-20"]
    )
    assert result.exit_code == 0, result.output
    [out] = json.loads(result.stdout)
    assert out["document"] == {
        "path": str(doc),
        "published": "2024-05-20",
        "title": "포항시, 이차전지 소재 특화단지 성과 가시화",
        "publisher": None,
        "url": None,
    }
    entity_keys = {"type", "id", "name_ko", "name_en", "text", "start", "end"}
    assert all(entity_keys <= set(e) for e in out["entities"])
    assert any(e["type"] == "Amount" and e["value"] == 1_200_000_000_000 for e in out["entities"])
    fact_keys = {"type", "subject", "object", "amount_krw", "amount_text", "date", "evidence"}
    assert all(set(f) == fact_keys | {"start", "end", "confidence"} for f in out["facts"])


def test_gold_spans_are_exact() -> None:
    corpus = corpus_dir()
    for gold_file in sorted(GOLD_DIR.glob("*.yaml")):
        gold = load_gold(gold_file)
        path = GOLD_DIR / "articles" / gold["document"]
        if not path.is_file():
            if corpus is None:
                continue
            path = corpus / gold["document"]
        raw = read(path).text
        for kind, _id, text, start, end in gold["entities"] or []:
            squeezed = "".join(c for c in raw[start:end] if not c.isspace() and c != "\ufffd")
            assert squeezed == text.replace(" ", ""), (gold_file.name, kind, text)


def test_scores_on_held_out_articles_and_source_documents() -> None:
    scores = evaluate_all(corpus=corpus_dir())
    held = scores["held-out"]
    assert held.documents >= 3
    assert held.entities["Region"].f1 >= 0.9
    assert held.entities["Industry"].f1 >= 0.9
    assert held.amount_rate >= 0.98
    assert held.facts.f1 >= 0.6
    source = scores["source"]
    if corpus_dir() is not None:
        assert source.documents == 5
        assert source.entities["Region"].f1 >= 0.95
        assert source.entities["Industry"].f1 >= 0.95
        assert source.entities["Organization"].f1 >= 0.9
        assert source.amount_rate >= 0.98
        assert source.facts.f1 >= 0.75


def test_ordinary_words_and_person_names_are_not_regions(pipeline: Pipeline) -> None:
    text = (
        "경상남도는 예산을 늘려 수출 역량을 강화한다. 내년부터 양산에 들어가고, 전주기 체계와 "
        "구리 합금, 고성능 설비를 갖춘다. 참여 기업에 사용권을 부여한다. 박진주 과장과 이수원 "
        "기자, 정성주 팀장, 정선영 도 산업국장이 설명했다. 사업별 진도와 음성 인식 과제를 점검한다."
    )
    regions = [(i, t) for kind, i, t in _ids(pipeline, text) if kind == "Region"]
    assert regions == [("gyeongnam", "경상남도")]


def test_industry_words_used_for_something_else(pipeline: Pipeline) -> None:
    found = _ids(
        pipeline,
        "청사의 에너지 효율을 높인다. 지역 금융기관과 손잡는다. 벤처펀드를 결성한다. "
        "에너지 산업과 벤처기업을 키운다.",
    )
    industries = [(i, t) for kind, i, t in found if kind == "Industry"]
    assert industries == [("energy", "에너지 산업"), ("startups", "벤처기업")]


def test_a_stem_is_an_industry_only_beside_its_field(pipeline: Pipeline) -> None:
    found = _ids(pipeline, "우주·바이오를 키운다. 우주 분야를 돕는다. 한국항공우주연구원과 우주선.")
    space = [t for kind, i, t in found if i == "space"]
    assert space == ["우주", "우주"]


def test_companies_without_a_form_marker_invest(pipeline: Pipeline) -> None:
    raw = (
        "SK하이닉스는 청주에 15조원을 투자해 공장을 짓는다. "
        "지역 기업인 온새미바이오는 대덕구에 600억원을 투자한다. 정부는 500억원을 투자한다."
    )
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"))
    orgs = [(e.id, e.text) for e in extraction.entities if e.type == "Organization"]
    assert orgs == [
        ("sk-hynix", "SK하이닉스"),
        (None, "온새미바이오"),
    ]  # 정부 is no particular body
    assert not [e for e in extraction.entities if e.type == "Industry"]  # 바이오 is in the name
    invests = {(f.subject, f.amount_krw) for f in extraction.facts if f.type == "INVESTS_IN"}
    assert invests == {
        ("Organization:sk-hynix", 15_000_000_000_000),
        ("Organization:온새미바이오", 60_000_000_000),
    }
    assert not [f for f in extraction.facts if f.type in ("PARTICIPATES_IN", "Initiative")]


def test_joint_subjects_funding_shares_and_plans(pipeline: Pipeline) -> None:
    raw = (
        "경상남도와 창원시가 방위산업을 주력산업으로 육성한다.\n"
        "시는 총 3,500억원을 투입해 방산시험센터를 짓는다. 이 가운데 국비는 2,100억원이다.\n"
        "시는 기회발전특구로 지정받기 위해 신청서를 낸다. 오는 10월 국제포럼을 개최한다."
    )
    extraction, _ = pipeline.run(RawText(Path("m.txt"), raw, "text"), date(2025, 4, 8))
    facts = {(f.type, f.subject, f.object) for f in extraction.facts}
    assert ("PURSUES", "Region:gyeongnam", "Industry:defense") in facts
    assert ("PURSUES", "Region:gyeongnam-changwon", "Industry:defense") in facts
    assert ("COOPERATES_WITH", "Region:gyeongnam-changwon", "Region:gyeongnam") in facts
    assert any(f.type == "FUNDED_BY" and f.amount_krw == 210_000_000_000 for f in extraction.facts)
    kinds = {t for t, _, o in facts if o == "Designation:opportunity-development-zone"}
    assert kinds == {"SEEKS"}
    assert not [e for e in extraction.entities if e.type == "Organization"]  # a held forum


# ---- the shortcuts that make extraction fast stay exact -----------------------------------

# Texts rich in what the patterns look for: numbers, date words, organisation forms.
PIECES = st.lists(
    st.sampled_from(
        [
            *"0123456789 ,.-/~년월일반기상하올해지난오는내작전금명재후억조만천원대명개곳%",
            *["주식회사", "㈜", "(주)", "(사)", "대학교", "국립", "연구원", "진흥원", "센터"],
            *["테크노파크", "공단", "재단", "협회", "포럼", "협의회", "등 기업", "한빛", "·"],
            *["2025년", "지난해", "올해", "내년", "상반기", "1조 500억 원", "\u0663"],
            *["을 투자", "투입", "추가로 ", "들여", "유입"],
        ]
    ),
    max_size=30,
).map("".join)


@settings(database=None, deadline=None, max_examples=400)
@given(st.one_of(PIECES, st.text(max_size=30)))
def test_pattern_hints_are_necessary(text: str) -> None:
    """A date pattern skipped for want of its hint, an organisation form for want of its
    mark, or an investing clause for want of an investing word, could not have matched."""
    from ingest.documents import orgclause, orgform
    from ingest.korean import dates

    for pattern, _, hint in [*dates._PATTERNS, dates._BARE_DAY]:
        if pattern.search(text):
            assert hint.search(text), (pattern.pattern, text)
    for form, _, _, marks in orgform._FORMS:
        if form.search(text):
            assert any(mark in text for mark in marks), (form.pattern, text)
    if orgform._LISTED.search(text) or orgclause._LISTED.search(text):
        assert "등" in text
    for money in orgclause._AMOUNT.finditer(text):
        if orgclause._INVEST_VERB.match(text[money.end() : money.end() + 30]):
            assert orgclause._INVESTING.search(text), text


def test_sentences_are_kiwis_own_split(pipeline: Pipeline) -> None:
    """``Tokenizer.sentences`` cuts Kiwi's tokens where ``split_into_sents`` would."""
    kiwi = pipeline.tokenizer.kiwi
    text = (
        "전북도는 이차전지 산업을 키운다! 새만금에 3,000억원을 들인다. 시는 왜 서두를까?\n"
        "회사는 <공장은 크다. 사람은 많다.>라고 말했다 그리고 떠났다\n\n"
        "마지막 줄"
    )
    got = [
        (s.start, s.end, s.text, [(t.form, t.tag, t.start) for t in s.tokens])
        for s in pipeline.tokenizer.sentences(text)
    ]
    want = []
    offset = 0
    for line in text.split("\n"):
        for sent in kiwi.split_into_sents(line, return_tokens=True) if line.strip() else []:
            tokens = [(t.form, t.tag, offset + t.start) for t in sent.tokens]
            want.append((offset + sent.start, offset + sent.end, sent.text, tokens))
        offset += len(line) + 1
    assert got == want
    assert len(got) >= 5
