"""How far two annotators agree: a second gold file scored against the first.

평가자 간 일치도 / inter-annotator agreement. The second annotation of the same texts is
scored exactly as the extractor's output is (``goldset``'s matching rules: ids for regions
and industries, any shared written form for organisations, wording and value for amounts,
investor and won for investments, scheme and region for designations), so the figures stand
beside the extractor's on the same documents: the first annotator's gold is the reference, the
second's reading plays the extractor. No text is read; documents are paired by ``file``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ingest.documents.goldset import (
    DocumentResult,
    GoldDocument,
    Resolver,
    SetScores,
    amount_key,
    load_goldset,
    name_key,
    related_tally,
    score_ids,
    tally_amounts,
    tally_designations,
    tally_investments,
    tally_organizations,
)
from ingest.documents.matcher import Gazetteer
from ontology.errors import ValidationFailed


@dataclass
class Agreement:
    """Scores of the second annotation where both have the document, and the unpaired files."""

    scores: SetScores
    results: list[DocumentResult]
    only_first: list[str]
    only_second: list[str]


def compare(first_file: Path, second_file: Path, gazetteer: Gazetteer) -> Agreement:
    """The second gold file scored against the first, document by document."""
    first = {d.file: d for d in load_goldset(first_file).documents}
    second = {d.file: d for d in load_goldset(second_file).documents}
    shared = [f for f in first if f in second]
    if not shared:
        raise ValidationFailed(
            f"{second_file}: no document in common with {first_file}",
            [
                f"{second_file}: documents are paired by `file`, and none of its files"
                f" is in {first_file.name}"
            ],
            "annotate the same texts under the same file names",
        )
    scores = SetScores()
    results = []
    resolve = Resolver(gazetteer)
    for name in shared:
        result = DocumentResult(name)
        scores.add(score_pair(first[name], second[name], resolve, result))
        results.append(result)
    return Agreement(
        scores,
        results,
        only_first=sorted(set(first) - set(second)),
        only_second=sorted(set(second) - set(first)),
    )


def score_pair(
    want: GoldDocument, got: GoldDocument, resolve: Resolver, result: DocumentResult
) -> SetScores:
    """One document: ``got`` (second annotator) against ``want`` (first)."""
    out = SetScores(documents=1)
    regions = {resolve.local_government(r) for r in got.regions}
    score_ids(out, result, "regions", set(want.regions), regions)
    want_ind = {resolve.concept(c, "Industry") for c in want.industries}
    got_ind = {resolve.concept(c, "Industry") for c in got.industries}
    score_ids(out, result, "industries", want_ind, got_ind)
    out.industries_related = related_tally(want_ind, got_ind, resolve.gazetteer)
    predicted = {
        f"name:{name_key(o.name)}": ({name_key(n) for n in [o.name, *o.forms]}, 1.0)
        for o in got.organizations
    }
    names = tally_organizations(out, result, want, predicted)
    amounts: dict[str, set[int]] = defaultdict(set)
    for a in got.amounts:
        if a.currency is None:
            amounts[amount_key(a.text)].add(int(a.value))
    tally_amounts(out, result, want, amounts)
    investments = {
        (names.get(name_key(i.organization), i.organization), i.amount_krw): 1.0
        for i in got.investments
    }
    tally_investments(out, result, want, investments)
    designations = {
        (resolve.concept(d.scheme, "Designation"), resolve.local_government(d.region)): (
            d.status,
            1.0,
        )
        for d in got.designations
    }
    tally_designations(out, result, want, designations, resolve)
    return out
