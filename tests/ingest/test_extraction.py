"""Linking, new organisations, candidate facts, the JSON output and the gold scores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from ingest.document import Pipeline
from ingest.evaluation import GOLD_DIR, evaluate_all, load_gold
from ingest.reader import RawText, read
from tests.conftest import corpus_dir


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


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
    found = _ids(pipeline, "울산테크노파크가 운영을 맡고 ㈜한빛소재는 울산에 투자한다.")
    assert ("Organization", None, "울산테크노파크") in found
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
    assert out["document"] == {"path": str(doc), "published": "2024-05-20"}
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
