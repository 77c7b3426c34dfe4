"""The salience model: features of candidate industries and regions, fitting, the weights file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.documents import salience
from ingest.documents.document import Extraction, Pipeline
from ingest.documents.evaluation import Tally
from ingest.documents.salience import FEATURES, KINDS, Kind, Model, Salience, Topic
from ingest.documents.training import Document, choose, figures, fit, table
from ontology.errors import ValidationFailed

from .extracting import run_text

ROOT = Path(__file__).resolve().parents[2]

# A city's own plan, and a city named once as an example it learnt from.
CITY_PLAN = (
    "울산시는 수소 산업을 육성한다.\n"
    "울산시는 국비 600억원을 들여 수소 실증센터를 짓는다. 울산시는 2030년까지 기업 50곳을"
    " 유치한다. 이 계획은 대구의 사례를 참고했다."
)
# A plant in the headline and the investing clause, and an industry of the firm's past.
PLANT = (
    "한빛소재, 울산에 이차전지 소재 공장 건립\n"
    "한빛소재는 울산시와 투자협약을 맺고 2000억원을 들여 이차전지 소재 공장을 짓는다. "
    "울산시는 이번 공장으로 이차전지 소재 산업을 키운다. 공장은 2027년부터 이차전지 소재를"
    " 생산한다. 한빛소재는 2010년 반도체 부품 회사로 출발했다."
)


def _topic(extraction: Extraction, kind: Kind, topic_id: str) -> Topic:
    return next(t for t in extraction.topics if t.kind == kind and t.id == topic_id)


def test_the_region_a_story_is_about_and_one_named_in_passing(pipeline: Pipeline) -> None:
    extraction = run_text(pipeline, CITY_PLAN)
    ulsan = _topic(extraction, "region", "ulsan")
    daegu = _topic(extraction, "region", "daegu")
    assert ulsan.features["main"] == 1.0
    assert daegu.features["main"] == 0.0
    assert ulsan.features["subject"] == 1.0
    assert daegu.features["subject"] == 0.0
    assert ulsan.features["title"] == 1.0
    assert daegu.features["title"] == 0.0
    assert ulsan.features["cue"] == 1.0
    assert daegu.features["cue"] == 0.0
    assert ulsan.features["mentions"] > daegu.features["mentions"]
    assert ulsan.features["first"] < daegu.features["first"]
    # The rules keep both; the model keeps the city of the plan only.
    assert daegu.rule
    assert ulsan.rule
    assert extraction.regions == ["ulsan"]
    assert ulsan.probability is not None
    assert daegu.probability is not None
    assert ulsan.probability > 0.9 > 0.1 > daegu.probability


def test_an_industry_of_the_headline_and_the_deal_and_one_of_the_background(
    pipeline: Pipeline,
) -> None:
    extraction = run_text(pipeline, PLANT)
    plant = _topic(extraction, "industry", "battery-materials")
    past = _topic(extraction, "industry", "semiconductor")
    for name in ("title", "lead", "near_cue", "cue", "with_main"):
        assert (plant.features[name], past.features[name]) == (1.0, 0.0), name
    assert plant.features["share"] == 0.8
    assert past.features["share"] == 0.2
    assert plant.features["first"] < 0.1
    assert past.features["first"] > 0.85
    assert plant.probability is not None
    assert past.probability is not None
    assert plant.probability > 0.95
    assert past.probability < plant.probability - 0.3
    assert "battery-materials" in extraction.industries


def test_broader_and_narrower_industries_named_together(pipeline: Pipeline) -> None:
    extraction = run_text(pipeline, "도는 이차전지 산업을 키우고 이차전지 소재 공장을 유치한다.")
    battery = _topic(extraction, "industry", "battery")
    materials = _topic(extraction, "industry", "battery-materials")
    assert battery.features["narrower_named"] == 1.0
    assert battery.features["segment"] == 0.0
    assert materials.features["broader_named"] == 1.0
    assert materials.features["segment"] == 1.0


def test_an_item_of_a_list_is_marked_listed(pipeline: Pipeline) -> None:
    extraction = run_text(pipeline, "시는 로봇·드론·수소 기업을 유치한다.")
    drones = _topic(extraction, "industry", "drones")
    assert drones.features["listed"] == 1.0
    assert drones.features["only_listed"] == 1.0
    assert drones.features["crowd"] > 0.0


def test_the_bundled_weights_cover_every_feature(pipeline: Pipeline) -> None:
    """A feature added without training again fails here: the file would not weigh it."""
    model = pipeline.salience
    assert model is not None
    for kind in KINDS:
        assert tuple(model.models[kind].weights) == FEATURES[kind]
        assert 0.0 < model.models[kind].threshold < 1.0
    assert model.header["made"]["documents"] > 100  # type: ignore[index]


def test_without_a_model_the_rules_decide(pipeline: Pipeline) -> None:
    rules = Pipeline(pipeline.gazetteer, pipeline.tokenizer)
    extraction = run_text(rules, CITY_PLAN)
    assert extraction.regions == ["daegu", "ulsan"]
    assert all(t.probability is None for t in extraction.topics)


def test_topics_are_not_printed(pipeline: Pipeline) -> None:
    extraction = run_text(pipeline, CITY_PLAN)
    assert extraction.topics
    assert "topics" not in extraction.model_dump(mode="json")
    assert extraction.model_dump(mode="json")["regions"] == ["ulsan"]


# --- fitting ---------------------------------------------------------------------------------


def _toy(set_name: str, n: int) -> list[Document]:
    """Documents whose gold keeps exactly the candidates named three times or more."""
    docs = []
    for d in range(n):
        topics: list[Topic] = []
        gold: dict[Kind, set[str]] = {"industry": set(), "region": set()}
        for kind in KINDS:
            for i, times in enumerate((1, 4, 2, 5)):
                features = dict.fromkeys(FEATURES[kind], 0.0)
                features["mentions"] = float(times)
                features["first"] = (d % 3) / 3  # noise
                topic_id = f"{kind}-{d}-{i}"
                topics.append(Topic(kind, topic_id, features, rule=True))
                if times >= 3:
                    gold[kind].add(topic_id)
        docs.append(Document(set_name, f"{set_name}-{d}.txt", topics, gold, Tally(5, 0, 0)))
    return docs


def test_the_trainer_fits_separable_data_and_the_loader_reads_it_back(tmp_path: Path) -> None:
    docs = _toy("a", 6) + _toy("b", 6) + _toy("c", 6)

    def by_rules(topic: Topic) -> bool:
        return topic.rule

    rules = figures(docs, dict.fromkeys(KINDS, by_rules))
    assert rules.tallies["industry"].precision == 0.5
    chosen = choose(docs, log=lambda _line: None)
    final: dict[Kind, Model] = {}
    for kind in KINDS:
        model = fit(docs, kind, chosen[kind].c, chosen[kind].class_weight)
        final[kind] = Model(model.bias, model.weights, chosen[kind].threshold)
        assert model.weights["mentions"] > 0
    rows = table(docs, chosen, final)
    assert rows[0].startswith("| set |")
    assert len(rows) == 2 + 4 * 3
    path = tmp_path / "salience.yaml"
    path.write_text(salience.dump(final, ["toy", *rows], {"sets": ["a", "b", "c"]}), "utf-8")
    loaded = salience.load(path)
    assert loaded.header["made"] == {"sets": ["a", "b", "c"]}
    for kind in KINDS:
        chosen_ids = loaded.keep([t for doc in docs for t in doc.topics], kind)
        assert set(chosen_ids) == {i for doc in docs for i in doc.gold[kind]}
    kept = {i for kind in KINDS for i in loaded.keep([t for d in docs for t in d.topics], kind)}

    def by_file(topic: Topic) -> bool:
        return topic.id in kept

    after = figures(docs, dict.fromkeys(KINDS, by_file))
    assert after.entities.f1 == 1.0 > rules.entities.f1


def test_one_class_only_cannot_be_fit() -> None:
    docs = _toy("a", 2)
    for doc in docs:
        doc.gold["industry"] = set()
    with pytest.raises(ValidationFailed, match="one class"):
        fit(docs, "industry", 1.0, None)


# --- the weights file ------------------------------------------------------------------------

GOOD = """\
# made by hand for a test
industry:
  bias: -1.0
  threshold: 0.5
  weights:
    mentions: 2.0
region:
  bias: 0.5
  threshold: 0.4
  weights:
    main: 3.0
"""


def test_a_weights_file_decides_by_dot_product_and_sigmoid(tmp_path: Path) -> None:
    path = tmp_path / "salience.yaml"
    path.write_text(GOOD, "utf-8")
    model = salience.load(path)
    once = Topic("industry", "robotics", {"mentions": 0.4}, rule=True)
    often = Topic("industry", "battery", {"mentions": 0.6}, rule=True)
    # sigmoid(-1 + 2 * 0.4) = 0.45 < 0.5 <= sigmoid(-1 + 2 * 0.6) = 0.55
    assert model.keep([once, often], "industry") == ["battery"]
    assert once.probability == pytest.approx(0.4502, abs=1e-4)
    assert model.keep([Topic("region", "ulsan", {}, rule=True)], "region") == ["ulsan"]


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        (GOOD.replace("    mentions: 2.0", "    mentoins: 2.0"), 6, "unknown feature 'mentoins'"),
        (GOOD.replace("bias: 0.5", "bias: high"), 8, "bias must be a number"),
        (GOOD.replace("threshold: 0.5", "threshold: 1.5"), 4, "threshold must lie between"),
        (GOOD.replace("  threshold: 0.4\n", ""), 7, "no 'threshold'"),
        (GOOD.split("region:")[0], 2, "no 'region' model"),
        (GOOD + "extra: 1\n", 12, "unknown key 'extra'"),
        (GOOD.replace("    main: 3.0", "    main: [3.0"), 12, "not YAML"),
    ],
)
def test_a_bad_weights_file_fails_with_file_and_line(
    tmp_path: Path, text: str, line: int, what: str
) -> None:
    path = tmp_path / "salience.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValidationFailed) as caught:
        salience.load(path)
    problems = "\n".join(caught.value.problems)
    assert f"{path}:{line}" in problems, problems
    assert what in problems or what in str(caught.value), problems
    assert "ingest.documents.training" in caught.value.hint


def test_a_missing_weights_file_says_which_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        Salience.load(tmp_path)
    assert str(tmp_path / "salience.yaml") in str(caught.value)
    assert "ingest.documents.training" in caught.value.hint
