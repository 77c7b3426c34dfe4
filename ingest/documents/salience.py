"""Whether an industry or a region is what a document is about, or only named in it.

돌출도 / salience: the rules of ``topics`` and ``places`` leave candidates (the industries the
rules keep and the schemes' qualifiers, the regions named outside venues, titles and homes); a
small logistic model, fit on the annotated real articles (``ingest.documents.training``),
decides which of them the document is about. Each candidate gets a handful of features from
what the pipeline already has (mentions, sentences, facts, the main region): how often and how
early it is named, whether it is in the title or the lead, the subject of a sentence, an item
of a list, part of a fact, and how it stands to the other candidates (a broader or narrower
industry, the main region's province or city). Inference is a dot product and a sigmoid; the
weights live in ``data/salience.yaml``, read with the other reference data.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from ingest.documents.matcher import Mention
from ingest.korean.sentences import Sentence
from ontology.errors import ValidationFailed

Kind = Literal["industry", "region"]
KINDS: tuple[Kind, ...] = ("industry", "region")
FILE_NAME = "salience.yaml"

_COMMON = (
    "mentions",  # log(1 + times named)
    "share",  # its share of the document's mentions of that kind
    "sentences",  # log(1 + sentences that name it)
    "title",  # named in the first line (the headline)
    "lead",  # named in the first three sentences
    "first",  # where it is first named, 0 (start) .. 1 (end)
    "spread",  # from its first to its last mention, as a share of the text
    "subject",  # named as the subject or topic of a sentence ("…는", "…가")
    "listed",  # named as an item of a list ("A·B·C", "A, B 등")
    "only_listed",  # named only as such an item
    "crowd",  # log(1 + others of its kind in its sentences), on average: a list of many
    "cue",  # a sentence of it speaks of building, investing, fostering or designating
    "outlook",  # every sentence of it is an outlook ("기대", "전망", "계기")
    "with_main",  # a sentence of it names the main region
    "top",  # times named over the times the most named of its kind is
    "near_cue",  # an undertaking word right after a mention ("… 공장", "… 산업을 육성")
    "bracketed",  # every mention inside brackets
)
FEATURES: dict[Kind, tuple[str, ...]] = {
    "industry": (
        *_COMMON,
        "pursued",  # a region pursues it (a PURSUES fact)
        "scheme",  # a designation's industry
        "umbrella",  # a broad word (에너지, 관광, 식품 …)
        "segment",  # a segment of a broader industry
        "broader_named",  # a broader industry is named too
        "narrower_named",  # a narrower industry is named too
        "family_core",  # shares its top industry with a core one (title, lead, thrice named)
    ),
    "region": (
        *_COMMON,
        "main",  # the document's main region
        "main_strong",  # and clearly so
        "upper",  # a province or metropolitan city
        "city",
        "county",
        "district",
        "main_family",  # the main region's province, or a city of the main region
        "parent_named",  # its province is named too
        "child_named",  # one of its cities is named too
        "fact",  # a party of a fact (pursues, seeks, holds, invested in, cooperates)
        "designation",  # seeks or holds a scheme
        "investment",  # a place invested in
    ),
}

_UPPER = frozenset(
    {
        "province",
        "metropolitan_city",
        "special_city",
        "special_self_governing_city",
        "special_self_governing_province",
    }
)
# Right after a name: a topic or subject particle and a space ("울산시는 ", "이차전지가 ").
_SUBJECT = re.compile(r"(?:은|는|이|가|도|에서는)\s")
# Around a name: the marks of a list item ("A·B", "A, B", "A 등").
_LIST_AFTER = re.compile(r"\s?(?:[·ㆍ/]|,\s?|(?:와|과|및)\s|\s?등(?![가-힣]))")
_LIST_BEFORE = re.compile(r"(?:[·ㆍ/]|,\s?|(?:와|과|및)\s)$")
# Words of a sentence that make it speak of the story's own undertaking.
_CUES = frozenset(
    {
        "육성",
        "유치",
        "투자",
        "조성",
        "생산",
        "건립",
        "건설",
        "구축",
        "설립",
        "지정",
        "특화",
        "집적",
        "입주",
        "공장",
        "클러스터",
        "거점",
        "단지",
        "협약",
        "추진",
        "선정",
        "신청",
    }
)
_OUTLOOK = re.compile(r"기대|전망|계기|예상")
# Right after a mention (up to a particle and a word): what the story undertakes with it.
_NEAR_CUE = re.compile(
    r"[^.,\n]{0,6}?(?:산업|분야|공장|클러스터|단지|특구|센터|생산|기업|업체|밸리|캠퍼스|시설"
    r"|사업|거점|허브|투자|육성|유치|조성|구축|지정|신청|협약)"
)


@dataclass(frozen=True)
class FactLink:
    """What a fact says of a node, in the words the features need."""

    type: str
    subject: str
    object: str
    industries: tuple[str, ...] = ()


@dataclass
class Topic:
    """One candidate: an industry or a region of the document, with its features."""

    kind: Kind
    id: str
    features: dict[str, float]
    rule: bool  # what the rules alone decide (kept or not)
    probability: float | None = None  # the model's, once scored


@dataclass(frozen=True)
class Context:
    """What the features need besides the text: the reference data's shape and the main
    region."""

    levels: Mapping[str, str]  # region -> level
    parents: Mapping[str, str]  # region -> the region it lies in
    broader: Mapping[str, tuple[str, ...]]  # industry -> broader industries
    umbrella: frozenset[str]
    main: str | None = None
    main_strong: bool = False


@dataclass(frozen=True)
class Model:
    """One kind's logistic model: keep a candidate when sigmoid(bias + w·x) >= threshold."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Salience:
    """The models of both kinds, as read from ``data/salience.yaml``."""

    models: dict[Kind, Model]
    path: str = ""
    header: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path) -> Salience:
        return load(data_dir / FILE_NAME)

    def keep(self, topics: Iterable[Topic], kind: Kind) -> list[str]:
        """The ids of ``kind`` the model keeps (each topic's probability is set)."""
        model = self.models[kind]
        kept = []
        for topic in topics:
            if topic.kind != kind:
                continue
            topic.probability = model.probability(topic.features)
            if topic.probability >= model.threshold:
                kept.append(topic.id)
        return sorted(kept)


def rules_only(topics: Iterable[Topic], kind: Kind) -> list[str]:
    """The ids the rules alone keep (no model)."""
    return sorted(t.id for t in topics if t.kind == kind and t.rule)


def topics(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    facts: Iterable[FactLink],
    rule_industries: Iterable[str],
    ctx: Context,
) -> list[Topic]:
    """Every candidate industry and region of one document, with its features."""
    facts = list(facts)
    starts = [s.start for s in sentences]
    first_line = text.find("\n")
    title_end = first_line if 0 <= first_line <= 200 else 0
    lead_end = sentences[min(2, len(sentences) - 1)].end if sentences else 0
    size = max(1, len(text))

    industries = [m for m in mentions if m.label == "Industry"]
    regions = [
        m
        for m in mentions
        if m.label == "Region" and m.id and ctx.levels.get(m.id, "area") != "area"
    ]
    # Only the sentences that name a candidate are looked into.
    profiles: dict[int, _Profile] = {}
    for m in (*industries, *regions):
        at = bisect.bisect_right(starts, m.start) - 1
        if at >= 0:
            if at not in profiles:
                profiles[at] = _Profile(sentences[at])
            profiles[at].ids[m.label].add(m.id)
    kept = set(rule_industries)
    scheme = {i for f in facts for i in f.industries}
    pursued = {_id(f.object) for f in facts if f.type == "PURSUES"}
    out: list[Topic] = []

    by_industry = _group(industries)
    named_industries = set(by_industry) | kept | scheme  # (what the rules pass over too)
    top = {i: _tops(i, ctx.broader) for i in named_industries}
    most_i = max((len(g) for g in by_industry.values()), default=0)
    core = {
        i
        for i, group in by_industry.items()
        if len(group) >= 3 or any(m.start < lead_end for m in group)
    }
    for ind in sorted(kept | scheme):  # the model may drop what the rules keep, not add
        group = by_industry.get(ind, [])
        features = _common(text, group, len(industries), most_i, starts, title_end, lead_end, size)
        features |= _context(group, starts, profiles, "Industry", ctx.main)
        uppers = ctx.broader.get(ind, ())
        features |= {
            "pursued": float(ind in pursued),
            "scheme": float(ind in scheme),
            "umbrella": float(ind in ctx.umbrella),
            "segment": float(bool(uppers)),
            "broader_named": float(any(u in named_industries for u in uppers)),
            "narrower_named": float(
                any(ind in ctx.broader.get(o, ()) for o in named_industries if o != ind)
            ),
            "family_core": float(any(o != ind and top[o] & top[ind] for o in core)),
        }
        out.append(Topic("industry", ind, features, True))

    by_region = _group(regions)
    most_r = max((len(g) for g in by_region.values()), default=0)
    parties: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for end in (f.subject, f.object):
            if end.startswith("Region:"):
                parties[_id(end)].add(f.type)
    main = ctx.main
    family = set()
    if main is not None:
        step = ctx.parents.get(main)
        while step is not None and step not in family:
            family.add(step)
            step = ctx.parents.get(step)
    for reg in sorted(by_region):
        group = by_region[reg]
        features = _common(text, group, len(regions), most_r, starts, title_end, lead_end, size)
        features |= _context(group, starts, profiles, "Region", ctx.main)
        level = ctx.levels.get(reg, "")
        types = parties.get(reg, set())
        features |= {
            "main": float(reg == main),
            "main_strong": float(reg == main and ctx.main_strong),
            "upper": float(level in _UPPER),
            "city": float(level == "city"),
            "county": float(level == "county"),
            "district": float(level == "district"),
            "main_family": float(
                reg in family or (main is not None and ctx.parents.get(reg) == main)
            ),
            "parent_named": float(ctx.parents.get(reg) in by_region),
            "child_named": float(any(ctx.parents.get(o) == reg for o in by_region)),
            "fact": float(bool(types)),
            "designation": float(bool(types & {"SEEKS", "HOLDS"})),
            "investment": float("INVESTS_IN" in types),
        }
        out.append(Topic("region", reg, features, True))
    return out


class _Profile:
    """What a sentence holds: the ids named in it per label, a cue, an outlook."""

    __slots__ = ("cue", "ids", "outlook")

    def __init__(self, sentence: Sentence) -> None:
        self.ids: dict[str, set[str]] = {"Industry": set(), "Region": set()}
        self.cue = not _CUES.isdisjoint([t.form for t in sentence.tokens])
        self.outlook = _OUTLOOK.search(sentence.text) is not None


def _context(
    group: Sequence[Mention],
    starts: Sequence[int],
    profiles: Mapping[int, _Profile],
    label: str,
    main: str | None,
) -> dict[str, float]:
    at = {bisect.bisect_right(starts, m.start) - 1 for m in group}
    mine = [profiles[i] for i in at if i in profiles]
    if not mine:
        return {"crowd": 0.0, "cue": 0.0, "outlook": 0.0, "with_main": 0.0}
    ids = group[0].id
    return {
        "crowd": sum(math.log1p(len(p.ids[label] - {ids})) for p in mine) / len(mine),
        "cue": float(any(p.cue for p in mine)),
        "outlook": float(all(p.outlook for p in mine)),
        "with_main": float(main is not None and any(main in p.ids["Region"] for p in mine)),
    }


def _tops(industry: str, broader: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The top industries above ``industry`` (itself when it has none)."""
    out: set[str] = set()
    todo, seen = [industry], set()
    while todo:
        step = todo.pop()
        if step in seen:
            continue
        seen.add(step)
        ups = broader.get(step, ())
        if not ups:
            out.add(step)
        todo.extend(ups)
    return out


def _id(ref: str) -> str:
    return ref.split(":", 1)[-1]


def _group(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.id:
            out[m.id].append(m)
    return out


def _common(
    text: str,
    group: Sequence[Mention],
    total: int,
    most: int,
    starts: Sequence[int],
    title_end: int,
    lead_end: int,
    size: int,
) -> dict[str, float]:
    if not group:
        return dict.fromkeys(_COMMON, 0.0) | {"first": 1.0}
    first = min(m.start for m in group)
    last = max(m.start for m in group)
    listed = [_listed(text, m) for m in group]
    return {
        "mentions": math.log1p(len(group)),
        "share": len(group) / max(1, total),
        "sentences": math.log1p(len({bisect.bisect_right(starts, m.start) for m in group})),
        "title": float(first < title_end),
        "lead": float(first < lead_end),
        "first": first / size,
        "spread": (last - first) / size,
        "subject": float(any(_SUBJECT.match(text, m.end) for m in group)),
        "listed": float(any(listed)),
        "only_listed": float(all(listed)),
        "top": len(group) / max(1, most),
        "near_cue": float(any(_NEAR_CUE.match(text, m.end) for m in group)),
        "bracketed": float(all(_bracketed(text, m) for m in group)),
    }


def _bracketed(text: str, m: Mention) -> bool:
    before = text[max(0, m.start - 40) : m.start]
    return before.rfind("(") > before.rfind(")")


def _listed(text: str, m: Mention) -> bool:
    return bool(
        _LIST_AFTER.match(text, m.end) or _LIST_BEFORE.search(text[max(0, m.start - 3) : m.start])
    )


# --- the weights file -------------------------------------------------------------------------


def load(path: Path) -> Salience:
    """The models of ``path``; a missing or invalid file is an error naming the file, the
    line and what to do."""
    fix = "run `python -m ingest.documents.training` (docs/extraction.md) to write it again"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationFailed(
            f"{path}: salience weights not readable", [f"{path}: {exc.strerror or exc}"], fix
        ) from exc
    try:
        root = yaml.compose(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ValidationFailed(
            f"{path}: salience weights are not YAML", [f"{path}{line}: {exc}"[:300]], fix
        ) from exc
    problems: list[str] = []
    models: dict[Kind, Model] = {}
    header: dict[str, object] = {}
    top = _mapping(root, path, problems, "the file")
    for key, node in top.items():
        kind = next((k for k in KINDS if k == key), None)
        if kind is not None:
            model = _model(kind, node, _key_lines(root)[key], path, problems)
            if model is not None:
                models[kind] = model
        elif key == "made":
            header[key] = yaml.safe_load(yaml.serialize(node))
        else:
            problems.append(f"{path}:{node.start_mark.line + 1}: unknown key {key!r}")
    for kind in KINDS:
        if kind not in top:  # (one given but invalid has its problems listed already)
            problems.append(f"{path}:{root.start_mark.line + 1 if root else 1}: no {kind!r} model")
    if problems:
        raise ValidationFailed(f"{path}: invalid salience weights", problems, fix)
    return Salience(models, str(path), header)


def _mapping(
    node: yaml.Node | None, path: Path, problems: list[str], what: str
) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 if node is not None else 1
        problems.append(f"{path}:{line}: {what} must be a mapping")
        return {}
    return {str(k.value): v for k, v in node.value}


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each key of a mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def _number(node: yaml.Node, path: Path, problems: list[str], what: str) -> float | None:
    try:
        value = float(node.value) if isinstance(node, yaml.ScalarNode) else None
    except ValueError:
        value = None
    if value is None or not math.isfinite(value):
        problems.append(f"{path}:{node.start_mark.line + 1}: {what} must be a number")
        return None
    return value


def _model(kind: Kind, node: yaml.Node, line: int, path: Path, problems: list[str]) -> Model | None:
    """``kind``'s model from its mapping node; ``line`` is that of its key."""
    before = len(problems)
    fields = _mapping(node, path, problems, f"{kind}:")
    for need in ("bias", "threshold", "weights"):
        if need not in fields and len(problems) == before:
            problems.append(f"{path}:{line}: {kind}: no {need!r}")
    for key, value in fields.items():
        if key not in ("bias", "threshold", "weights"):
            problems.append(f"{path}:{value.start_mark.line + 1}: {kind}: unknown key {key!r}")
    if len(problems) > before:
        return None
    bias = _number(fields["bias"], path, problems, f"{kind}: bias")
    threshold = _number(fields["threshold"], path, problems, f"{kind}: threshold")
    if threshold is not None and not 0.0 < threshold < 1.0:
        line_t = fields["threshold"].start_mark.line + 1
        problems.append(f"{path}:{line_t}: {kind}: threshold must lie between 0 and 1")
    weights: dict[str, float] = {}
    for name, value in _mapping(fields["weights"], path, problems, f"{kind}: weights").items():
        if name not in FEATURES[kind]:
            problems.append(
                f"{path}:{value.start_mark.line + 1}: {kind}: unknown feature {name!r}"
                f" (known: {', '.join(FEATURES[kind])})"
            )
            continue
        number = _number(value, path, problems, f"{kind}: weight of {name}")
        if number is not None:
            weights[name] = number
    if len(problems) > before or bias is None or threshold is None:
        return None
    return Model(bias, weights, threshold)


def dump(
    models: Mapping[Kind, Model], header_lines: Sequence[str], made: Mapping[str, object]
) -> str:
    """The text of a weights file: a comment header, how it was made, and each kind's model."""
    lines = [f"# {line}".rstrip() for line in header_lines]
    body: dict[str, object] = {"made": dict(made)}
    for kind in KINDS:
        model = models[kind]
        body[kind] = {
            "bias": round(model.bias, 4),
            "threshold": round(model.threshold, 3),
            "weights": {k: round(v, 4) for k, v in model.weights.items()},
        }
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(lines) + "\n" + text


def broader_industries(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """Industry id -> its broader industries, from the taxonomy (``industries.yaml``)."""
    data = yaml.safe_load((data_dir / "industries.yaml").read_text(encoding="utf-8")) or {}
    return {
        str(entry["id"]): tuple(str(b) for b in entry.get("broader") or ())
        for entry in data.get("industries") or []
        if isinstance(entry, dict) and "id" in entry
    }
