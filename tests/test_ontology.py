"""ontology/kg.ttl, shapes.ttl, context.jsonld: complete, bilingual, aligned, offline."""

from __future__ import annotations

import json

from rdflib import Graph, URIRef

from kg.graph import namespaces as N
from kg.graph.namespaces import KG, SEM
from kg.graph.rdf import ontology_graph, shapes_graph
from kg.model import ENTITY_TYPES, EVENT_TYPES, ROLE_PREDICATES
from kg.resources import ontology_dir

PROPERTIES = [*ROLE_PREDICATES, "held_in", "participant", "date", "speaker", "stance", "cue", "said",
              "evidence", "sentenceText", "sentenceIndex", "startOffset", "endOffset", "extractor", "confidence",
              "hasTitle", "person", "role", "organization", "article"]
CLASSES = [*ENTITY_TYPES, "Event", *EVENT_TYPES, "Claim", "Article", "RoleAssertion", "Evidence"]


def _langs(g: Graph, term: URIRef) -> set[str]:
    return {lit.language for lit in g.objects(term, N.RDFS.label)}


def test_every_class_and_property_is_declared_with_vi_and_en_labels_and_a_definition():
    g = ontology_graph()
    for name in CLASSES:
        assert (KG[name], N.RDF.type, N.OWL.Class) in g, name
    for name in PROPERTIES:
        types = set(g.objects(KG[name], N.RDF.type))
        assert types & {N.OWL.ObjectProperty, N.OWL.DatatypeProperty}, name
    for name in CLASSES + PROPERTIES:
        assert {"vi", "en"} <= _langs(g, KG[name]), name
        assert g.value(KG[name], N.SKOS.definition) is not None, name


def test_alignment_to_schema_org_prov_sem_and_skos():
    g = ontology_graph()
    sub = N.RDFS.subClassOf
    assert (KG.Person, sub, N.SDO.Person) in g
    assert (KG.Organization, sub, N.SDO.Organization) in g
    assert (KG.Country, sub, N.SDO.Country) in g
    assert (KG.Place, sub, N.SDO.Place) in g
    assert (KG.Claim, sub, N.SDO.Claim) in g
    assert (KG.Event, sub, N.SDO.Event) in g and (KG.Event, sub, SEM.Event) in g
    assert (KG.Article, sub, N.SDO.NewsArticle) in g
    for stmt in ("RoleAssertion", "Claim", "Evidence"):
        assert (KG[stmt], N.RDF.type, N.OWL.Class) in g
        assert N.PROV.Entity in set(g.transitive_objects(KG[stmt], sub)), stmt
    for name in EVENT_TYPES:
        assert (KG[name], sub, KG.Event) in g, name
    for name in ROLE_PREDICATES:
        assert N.SDO.affiliation in set(g.transitive_objects(KG[name], N.RDFS.subPropertyOf)), name
    assert (KG.held_in, N.RDFS.subPropertyOf, SEM.hasPlace) in g
    assert (KG.participant, N.RDFS.subPropertyOf, SEM.hasActor) in g
    assert (KG.evidence, N.RDFS.subPropertyOf, N.PROV.wasDerivedFrom) in g
    assert (KG.said, N.OWL.inverseOf, KG.speaker) in g


def test_one_schema_org_spelling_only():
    text = (ontology_dir() / "kg.ttl").read_text(encoding="utf-8") + (ontology_dir() / "shapes.ttl").read_text(encoding="utf-8")
    assert "http://schema.org" not in text
    g = ontology_graph() + shapes_graph()
    assert not [t for triple in g for t in triple if str(t).startswith("http://schema.org")]


def test_shapes_cover_the_statement_kinds():
    g = shapes_graph()
    targets = set(g.objects(None, N.SH.targetClass))
    assert {KG.Claim, KG.Event, KG.RoleAssertion, KG.Evidence, KG.Article, KG.Person} <= targets
    assert KG.spokesperson_of in set(g.objects(None, N.SH.targetSubjectsOf))


def test_jsonld_context_is_local_and_uses_the_project_iris():
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    ctx = data["@context"]
    assert ctx["kg"] == str(KG) and ctx["schema"] == "https://schema.org/"
    assert ctx["spokesperson_of"] == {"@id": "kg:spokesperson_of", "@type": "@id"}
    assert not [v for v in ctx.values() if isinstance(v, str) and v.endswith(".jsonld")]  # nothing to fetch
