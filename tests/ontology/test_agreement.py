"""Contract, models, OWL ontology, SHACL shapes, JSON-LD context, RDF mapping and docs agree.

Adding a property in one place and not the others fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from ontology import namespace
from ontology.contract import (
    COMMON_NODE_PROPS,
    FACT_PROPS,
    LABELS,
    ORG_SUBLABELS,
    RELATIONSHIPS,
    rel_iri_name,
)
from ontology.models import FACT_NODE_LABELS, FactNode

ROOT = Path(__file__).resolve().parents[2]
RSG = Namespace("https://w3id.org/rsg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def owl() -> Graph:
    return Graph().parse(ROOT / "ontology" / "rsg.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl")


def _node_props() -> set[str]:
    names = {p.name for p in COMMON_NODE_PROPS if p.name != "uri"}
    for label in LABELS.values():
        names |= {p.name for p in label.props}
    return names


def _rel_props() -> set[str]:
    names = {p.name for p in FACT_PROPS}
    for rel in RELATIONSHIPS.values():
        names |= {p.name for p in rel.props}
    return names


def _declared(owl: Graph, iri: URIRef) -> bool:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
    return any((iri, RDF.type, kind) in owl for kind in kinds)


def test_every_class_is_declared_with_both_labels(owl: Graph) -> None:
    for name in (*LABELS, *ORG_SUBLABELS.values(), "Fact"):
        iri = RSG[name]
        assert (iri, RDF.type, OWL.Class) in owl, name
        langs = {lit.language for lit in owl.objects(iri, RDFS.label)}
        assert {"ko", "en"} <= langs, name


def test_every_property_and_relationship_is_declared(owl: Graph) -> None:
    for name in _node_props() | _rel_props():
        assert _declared(owl, RSG[name]), name
    for rel in RELATIONSHIPS:
        iri = RSG[rel_iri_name(rel)]
        assert (iri, RDF.type, OWL.ObjectProperty) in owl, rel
        langs = {lit.language for lit in owl.objects(iri, RDFS.label)}
        assert {"ko", "en"} <= langs, rel


def test_owl_declares_nothing_the_contract_lacks(owl: Graph) -> None:
    known = (
        _node_props()
        | _rel_props()
        | {rel_iri_name(r) for r in RELATIONSHIPS}
        | {*LABELS, *ORG_SUBLABELS.values(), "Fact"}
    )
    for subject in set(owl.subjects(RDF.type, None)):
        if isinstance(subject, URIRef) and str(subject).startswith(str(RSG)):
            local = str(subject)[len(str(RSG)) :]
            if local:
                assert local in known, f"rsg:{local} is not in ontology/contract.py"


def test_every_label_has_a_shape_with_its_required_properties(shapes: Graph) -> None:
    for name, label in LABELS.items():
        shape = next(shapes.subjects(SH.targetClass, RSG[name]), None)
        assert shape is not None, f"no NodeShape for {name}"
        paths = {shapes.value(prop, SH.path): prop for prop in shapes.objects(shape, SH.property)}
        for prop in (*COMMON_NODE_PROPS, *label.props):
            if prop.name == "uri":
                continue
            assert RSG[prop.name] in paths, f"{name}.{prop.name} has no property shape"
            if prop.required:
                assert shapes.value(paths[RSG[prop.name]], SH.minCount) is not None, (
                    f"{name}.{prop.name} is required but has no sh:minCount"
                )


def test_context_maps_every_term() -> None:
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text("utf-8"))["@context"]
    terms = _node_props() | _rel_props() | {rel_iri_name(r) for r in RELATIONSHIPS} | set(LABELS)
    missing = sorted(t for t in terms if t not in context)
    assert not missing, f"context.jsonld lacks {missing}"


def test_namespace_module_lists_every_term() -> None:
    for name in (*LABELS, *ORG_SUBLABELS.values(), *(rel_iri_name(r) for r in RELATIONSHIPS)):
        assert getattr(namespace.RSG, name) == RSG[name]
    for name in _node_props() | _rel_props():
        assert getattr(namespace.RSG, name) == RSG[name]


def test_models_accept_exactly_the_contract_properties() -> None:
    for label in FACT_NODE_LABELS:
        spec = LABELS[label]
        assert spec.props, label
        with pytest.raises(ValueError, match="has no property"):
            FactNode.model_validate(
                {"label": label, "id": "x", "name_ko": "가", "name_en": "x", "bogus": 1}
            )


def test_docs_mention_every_label_and_relationship() -> None:
    doc = (ROOT / "docs" / "graph-contract.md").read_text("utf-8")
    for name in (*LABELS, *RELATIONSHIPS, *_node_props(), *_rel_props()):
        assert f"`{name}`" in doc, f"docs/graph-contract.md does not mention {name}"
