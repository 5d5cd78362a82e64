"""Records -> RDF: the triples of one article, in the shape the product card promises.

Why this shape (see ``ontology/kg.ttl`` for the vocabulary):

* **Direct edges** so the obvious SPARQL works::

      kgd:Dmitry_Peskov kg:spokesperson_of kgd:Kremlin .
      kge:<summit>      kg:held_in        kgd:Geneva .
      kge:<summit>      kg:participant    kgd:Vladimir_Putin .
      kgd:Dmitry_Peskov kg:said           kgc:<claim> .

* **A statement node for every edge**, carrying provenance (rdflib has no
  RDF-star, so no dependency on it): a ``kg:RoleAssertion`` per role (person,
  role, organisation, title as written), the event node itself, the claim node
  itself (a ``schema:Claim`` with author, text, cue, stance, date and
  ``schema:appearance`` -> the article). Each points with ``kg:evidence`` to
  ``kg:Evidence`` nodes (sentence text, sentence index, start/end offsets,
  extractor, confidence) and with ``prov:wasDerivedFrom`` to the article.
  Evidence is a node of its own because one event may be reported by several
  sentences (and, after cross-article linking, several articles): offsets on the
  event node itself would be ambiguous.

* **A role with no organisation** ("Tổng thống Putin") has no direct edge (an
  edge needs an object); it is a ``kg:RoleAssertion`` without
  ``kg:organization`` plus ``kgd:Vladimir_Putin kg:hasTitle "Tổng thống"@vi``.

* **Everything an article states lives in its own graph**, labels and types of
  the entities included, so removing the article leaves no orphan and another
  article's copy of ``kgd:Russia``'s labels is untouched.

No blank nodes, no timestamps: IRIs come from :mod:`kg.graph.iris`, so the same
input yields the same triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Any, Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import Node

from ..model import Article, Claim, Entity, Event, Evidence, Extraction, Role
from ..resources import ontology_dir
from .iris import (
    article_iri,
    claim_iri,
    class_iri,
    entity_iri,
    event_iris,
    evidence_iri,
    local_name,
    predicate_iri,
    role_iri,
    source_key,
)
from .namespaces import KG, PREFIXES

VI = "vi"
EN = "en"

Triple = tuple[Node, Node, Node]


class TripleSink(Protocol):
    """Where the ``add_*`` functions put triples: an rdflib Graph or a plain set."""

    def add(self, triple: Triple, /) -> Any: ...

# external id scheme -> IRI template for owl:sameAs (only when a data source gave the id)
SAME_AS: dict[str, str] = {
    "geonames": "https://sws.geonames.org/{}/",
    "wikidata": "http://www.wikidata.org/entity/{}",
}
# external id scheme -> literal property
ID_PROPERTIES: dict[str, URIRef] = {
    "iso3166": KG.iso3166,
    "iso3166_1": KG.iso3166,
    "iso": KG.iso3166,
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_GMONTHDAY = re.compile(r"^--\d{2}-\d{2}$")
_GYEARMONTH = re.compile(r"^\d{4}-\d{2}$")
_GYEAR = re.compile(r"^\d{4}$")


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound (readable Turtle)."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def date_literal(value: str) -> Literal:
    """An ISO date as printed -> the matching XSD type (``--06-16`` is an xsd:gMonthDay).

    Unrecognised forms stay plain strings rather than ill-typed literals.
    """
    value = value.strip()
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    m = _DATETIME.match(value)
    if m:
        return Literal(f"{m.group(1)}T{m.group(2)}{m.group(3) or ':00'}{m.group(4) or ''}", datatype=XSD.dateTime)
    if _GMONTHDAY.match(value):
        return Literal(value, datatype=XSD.gMonthDay)
    if _GYEARMONTH.match(value):
        return Literal(value, datatype=XSD.gYearMonth)
    if _GYEAR.match(value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def decimal_literal(value: float) -> Literal:
    """An xsd:decimal in canonical form ("1", "0.9"), as Oxigraph stores it: exact round trips."""
    text = format(Decimal(repr(float(value))).normalize(), "f")
    return Literal(text, datatype=XSD.decimal)


def _sentence_text(article: Article, ev: Evidence) -> str:
    if 0 <= ev.sentence < len(article.sentences):
        return article.sentences[ev.sentence].text
    return article.body[ev.start : ev.end]


def add_evidence(g: TripleSink, article: Article, ev: Evidence) -> URIRef:
    """One ``kg:Evidence`` node: where in which article a fact was read, and by whom."""
    node = evidence_iri(ev)
    art = article_iri(ev.article_id)
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, KG.article, art))
    g.add((node, PROV.wasDerivedFrom, art))
    g.add((node, KG.sentenceIndex, Literal(ev.sentence)))
    g.add((node, KG.startOffset, Literal(ev.start)))
    g.add((node, KG.endOffset, Literal(ev.end)))
    g.add((node, KG.extractor, Literal(ev.extractor)))
    g.add((node, KG.confidence, decimal_literal(ev.confidence)))
    if ev.article_id == article.id:
        g.add((node, KG.sentenceText, Literal(_sentence_text(article, ev), lang=VI)))
        g.add((node, KG.evidenceText, Literal(article.body[ev.start : ev.end], lang=VI)))
    return node


def _own_evidence(article: Article, evidence: Iterable[Evidence]) -> list[Evidence]:
    """The evidence read in this article (a linked event may carry other articles' too)."""
    evs = list(evidence)
    own = [e for e in evs if e.article_id == article.id]
    return own or evs


def _add_statement_provenance(g: TripleSink, node: URIRef, article: Article, evidence: Iterable[Evidence]) -> None:
    g.add((node, PROV.wasDerivedFrom, article_iri(article.id)))
    for ev in _own_evidence(article, evidence):
        g.add((node, KG.evidence, add_evidence(g, article, ev)))


def add_entity(g: TripleSink, article: Article, entity: Entity, mentions: Iterable[Evidence] = ()) -> URIRef:
    node = entity_iri(entity.id)
    g.add((node, RDF.type, class_iri(entity.type)))
    g.add((node, RDFS.label, Literal(entity.label, lang=EN)))
    g.add((node, SKOS.prefLabel, Literal(entity.label, lang=EN)))
    if entity.label_vi:
        # rdfs:label, not skos:prefLabel: the Vietnamese name is as this article writes it
        # ("Matxcơva", "Moskva"), so two articles may differ; prefLabel allows one per language.
        g.add((node, RDFS.label, Literal(entity.label_vi, lang=VI)))
    for alias in sorted(entity.aliases):
        if alias and alias not in (entity.label, entity.label_vi):
            g.add((node, SKOS.altLabel, Literal(alias, lang=VI)))
    for scheme, value in sorted(entity.external_ids.items()):
        if not value:
            continue
        key = scheme.lower()
        if key in SAME_AS:
            g.add((node, OWL.sameAs, URIRef(SAME_AS[key].format(local_name(str(value))))))
        elif key in ID_PROPERTIES:
            g.add((node, ID_PROPERTIES[key], Literal(str(value))))
        else:
            g.add((node, KG.externalId, Literal(f"{scheme}:{value}")))
    if entity.type == "Person":
        # the name and id this article gives the person, kept through cross-article
        # linking (kg.link.across.relink_store recomputes the links from them)
        g.add((node, KG.localName, Literal(entity.label)))
        g.add((node, KG.localId, Literal(entity.id)))
    g.add((article_iri(article.id), SDO.mentions, node))
    for ev in _own_evidence(article, mentions):
        g.add((node, KG.evidence, add_evidence(g, article, ev)))
    return node


def _outlet_node(g: TripleSink, x: Extraction) -> URIRef | None:
    """The publisher as an Organization: the article's own entity when it names itself."""
    outlet = (x.article.outlet or "").strip()
    if not outlet:
        return None
    key = outlet.casefold()
    for ent in x.entities.values():
        if key in {n.casefold() for n in (ent.label, ent.label_vi or "", *ent.aliases)}:
            return entity_iri(ent.id)
    node = entity_iri(outlet)
    g.add((node, RDF.type, KG.Organization))
    g.add((node, RDFS.label, Literal(outlet, lang=EN)))
    g.add((node, SKOS.prefLabel, Literal(outlet, lang=EN)))
    return node


def add_article(g: TripleSink, x: Extraction) -> URIRef:
    a = x.article
    node = article_iri(a.id)
    g.add((node, RDF.type, KG.Article))
    g.add((node, RDF.type, SDO.NewsArticle))
    g.add((node, KG.articleId, Literal(a.id)))
    g.add((node, KG.sourcePath, Literal(source_key(a.source))))
    g.add((node, SDO.inLanguage, Literal("vi")))
    if a.title:
        g.add((node, SDO.headline, Literal(a.title, lang=VI)))
        g.add((node, RDFS.label, Literal(a.title, lang=VI)))
    if a.published:
        g.add((node, SDO.datePublished, date_literal(a.published)))
    if a.url:
        g.add((node, SDO.url, Literal(a.url, datatype=XSD.anyURI)))
    if a.meta.get("category"):  # the outlet's section, as a table of articles gives it
        g.add((node, SDO.articleSection, Literal(a.meta["category"], lang=VI)))
    for credit in a.credits:
        g.add((node, SDO.creditText, Literal(credit, lang=VI)))
    publisher = _outlet_node(g, x)
    if publisher is not None:
        g.add((node, SDO.publisher, publisher))
    return node


def add_role(g: TripleSink, article: Article, role: Role) -> URIRef:
    person = entity_iri(role.person)
    stmt = role_iri(article.id, role)
    g.add((stmt, RDF.type, KG.RoleAssertion))
    g.add((stmt, KG.person, person))
    g.add((stmt, KG.role, predicate_iri(role.predicate)))
    if role.title:
        g.add((stmt, KG.roleTitle, Literal(role.title, lang=VI)))
    if role.former:
        g.add((stmt, KG.former, Literal(True)))
    if role.org:
        org = entity_iri(role.org)
        g.add((stmt, KG.organization, org))
        g.add((person, predicate_iri(role.predicate), org))
    elif role.title:
        g.add((person, KG.hasTitle, Literal(role.title, lang=VI)))
    _add_statement_provenance(g, stmt, article, [role.evidence])
    return stmt


def _label_of(x: Extraction, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    ent = x.entities.get(entity_id)
    return ent.label if ent else entity_id.replace("_", " ")


def add_event(g: TripleSink, x: Extraction, event: Event, node: URIRef | None = None) -> URIRef:
    """The event node and its edges; ``node`` from :func:`kg.graph.iris.event_iris` over the article."""
    if node is None:
        events = x.events if any(e is event for e in x.events) else [*x.events, event]
        node = event_iris(x.article.id, events)[next(i for i, e in enumerate(events) if e is event)]
    g.add((node, RDF.type, KG.Event))
    g.add((node, RDF.type, class_iri(event.type)))
    label = event.type
    where = _label_of(x, event.where)
    if where:
        label += f" in {where}"
    if event.when:
        label += f" ({event.when})"
    g.add((node, RDFS.label, Literal(label, lang=EN)))
    if event.trigger:
        g.add((node, KG.trigger, Literal(event.trigger, lang=VI)))
    if event.where:
        g.add((node, KG.held_in, entity_iri(event.where)))
    if event.when:
        g.add((node, KG.date, date_literal(event.when)))
    for p in event.participants:
        g.add((node, KG.participant, entity_iri(p)))
    _add_statement_provenance(g, node, x.article, event.evidence)
    return node


def add_claim(g: TripleSink, x: Extraction, claim: Claim) -> URIRef:
    a = x.article
    node = claim_iri(a.id, claim)
    speaker = entity_iri(claim.speaker)
    g.add((node, RDF.type, KG.Claim))
    g.add((node, RDF.type, SDO.Claim))
    g.add((speaker, KG.said, node))
    g.add((node, KG.speaker, speaker))
    g.add((node, SDO.author, speaker))
    g.add((node, SDO.text, Literal(claim.text, lang=VI)))
    g.add((node, KG.cue, Literal(claim.cue, lang=VI)))
    g.add((node, KG.stance, Literal(claim.stance)))
    g.add((node, KG.quote, Literal(bool(claim.quote))))
    g.add((node, KG.contentStart, Literal(claim.content.start)))
    g.add((node, KG.contentEnd, Literal(claim.content.end)))
    g.add((node, SDO.appearance, article_iri(a.id)))
    if claim.when:
        g.add((node, KG.date, date_literal(claim.when)))
    if claim.source:
        g.add((node, KG.creditedSource, entity_iri(claim.source)))
    for about in _claim_about(x, claim):
        g.add((node, KG.about, entity_iri(about)))
    _add_statement_provenance(g, node, a, [claim.evidence])
    return node


def _claim_about(x: Extraction, claim: Claim) -> list[str]:
    """Entities mentioned inside the claim's content span (its speaker excluded)."""
    lo, hi = claim.content.start, claim.content.end
    found = {
        m.entity
        for m in x.mentions
        if m.entity and m.entity != claim.speaker and m.entity in x.entities
        and m.evidence.article_id == x.article.id and lo <= m.evidence.start and m.evidence.end <= hi
    }
    return sorted(found)


def _mentions_by_entity(x: Extraction) -> dict[str, list[Evidence]]:
    by: dict[str, list[Evidence]] = {}
    for m in x.mentions:
        if m.entity:
            by.setdefault(m.entity, []).append(m.evidence)
    return by


def extraction_triples(x: Extraction) -> set[Triple]:
    """The triples of one article, as a plain set: what :func:`kg.build.build` writes.

    A set, not an rdflib Graph: the build makes one per article and hands it
    straight to the store, and rdflib's indexed ``Graph.add`` cost more than
    the store's own write.
    """
    g: set[Triple] = set()
    add_article(g, x)
    mentions = _mentions_by_entity(x)
    for eid in sorted(x.entities):
        ent = x.entities[eid]
        add_entity(g, x.article, ent, ent.mentions or mentions.get(eid, []))
    for role in x.roles:
        add_role(g, x.article, role)
    for event, node in zip(x.events, event_iris(x.article.id, x.events)):
        add_event(g, x, event, node)
    for claim in x.claims:
        add_claim(g, x, claim)
    return g


def extraction_to_graph(x: Extraction) -> Graph:
    """The triples of one article as an rdflib Graph, prefixes bound (for reading and testing)."""
    g = new_graph()
    for t in extraction_triples(x):
        g.add(t)
    return g


def mark_built(g: TripleSink, article_id: str, fingerprint: str) -> None:
    """The completion marker: written in the same transaction as the article's facts.

    A build skips an article whose graph carries the same fingerprint (same
    input, same pipeline); a graph without it is unfinished and gets rebuilt.
    """
    g.add((article_iri(article_id), KG.buildFingerprint, Literal(fingerprint)))


@cache
def _ontology_ttl() -> str:
    return (ontology_dir() / "kg.ttl").read_text(encoding="utf-8")


def ontology_graph() -> Graph:
    """The OWL ontology (``ontology/kg.ttl``) as a fresh graph."""
    g = new_graph()
    g.parse(data=_ontology_ttl(), format="turtle")
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``)."""
    g = new_graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


__all__ = [
    "extraction_to_graph", "extraction_triples", "mark_built", "TripleSink", "ontology_graph", "shapes_graph", "new_graph",
    "date_literal", "add_evidence", "add_entity", "add_article", "add_role", "add_event", "add_claim",
]
