"""extraction_to_graph: the triples promised by the product card, on hand-made records."""

from __future__ import annotations

import copy

from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from kg.graph.iris import entity_iri, local_name
from kg.graph import namespaces as N
from kg.graph.namespaces import KG, KGA, KGD
from kg.graph.rdf import date_literal, extraction_to_graph
from kg.graph.sample import seed_000, seed_004, summit_iri
from kg.model import Claim, Evidence, Role

A000 = KGA["000_4e6d4f8cfed23223"]


def test_direct_edges_are_the_obvious_triples():
    g = extraction_to_graph(seed_000())
    assert (KGD.Dmitry_Peskov, KG.spokesperson_of, KGD.Kremlin) in g
    summit = URIRef(summit_iri())
    assert (summit, KG.held_in, KGD.Geneva) in g
    assert (summit, KG.participant, KGD.Vladimir_Putin) in g
    assert (summit, N.RDF.type, KG.Summit) in g and (summit, N.RDF.type, KG.Event) in g
    assert (summit, KG.date, Literal("--06-16", datatype=N.XSD.gMonthDay)) in g
    claims = set(g.objects(KGD.Dmitry_Peskov, KG.said))
    assert len(claims) == 1


def test_every_role_edge_has_a_statement_node_with_provenance():
    g = extraction_to_graph(seed_000())
    stmts = list(g.subjects(N.RDF.type, KG.RoleAssertion))
    assert len(stmts) == 3
    peskov = [s for s in stmts if g.value(s, KG.person) == KGD.Dmitry_Peskov]
    assert len(peskov) == 1
    s = peskov[0]
    assert g.value(s, KG.role) == KG.spokesperson_of
    assert g.value(s, KG.organization) == KGD.Kremlin
    assert g.value(s, KG.roleTitle) == Literal("người phát ngôn Điện Kremlin", lang="vi")
    assert g.value(s, N.PROV.wasDerivedFrom) == A000
    ev = g.value(s, KG.evidence)
    body = seed_000().article.body
    start, end = int(g.value(ev, KG.startOffset)), int(g.value(ev, KG.endOffset))
    assert body[start:end] == "người phát ngôn Điện Kremlin Dmitry Peskov"
    assert str(g.value(ev, KG.sentenceText)).startswith("Trả lời phỏng vấn")
    assert g.value(ev, KG.extractor) == Literal("roles")
    assert g.value(ev, KG.confidence) == Literal("0.9", datatype=N.XSD.decimal)
    assert g.value(ev, KG.article) == A000


def test_bare_title_gives_a_statement_and_a_title_but_no_edge():
    g = extraction_to_graph(seed_000())
    assert not list(g.objects(KGD.Vladimir_Putin, KG.president_of))
    assert (KGD.Vladimir_Putin, KG.hasTitle, Literal("Tổng thống", lang="vi")) in g
    stmt = [s for s in g.subjects(KG.person, KGD.Vladimir_Putin)]
    assert len(stmt) == 1 and g.value(stmt[0], KG.organization) is None
    assert g.value(stmt[0], KG.role) == KG.president_of


def test_claim_node_is_a_schema_claim_with_author_text_and_article():
    x = seed_004()
    g = extraction_to_graph(x)
    (claim,) = g.objects(KGD.Joe_Biden, KG.said)
    assert {N.SDO.Claim, KG.Claim} <= set(g.objects(claim, N.RDF.type))
    assert g.value(claim, N.SDO.author) == KGD.Joe_Biden == g.value(claim, KG.speaker)
    assert str(g.value(claim, N.SDO.text)).startswith("Washington và các đồng minh")
    assert g.value(claim, KG.cue) == Literal("cảnh báo", lang="vi")
    assert g.value(claim, KG.stance) == Literal("warn")
    assert g.value(claim, N.SDO.appearance) == KGA["004_bfa432a4eb39b96a"]
    assert g.value(claim, KG.date) == Literal("2021-12-31", datatype=N.XSD.date)
    assert g.value(claim, KG.creditedSource) == KGD.TTXVN
    start, end = int(g.value(claim, KG.contentStart)), int(g.value(claim, KG.contentEnd))
    assert x.article.body[start:end] == str(g.value(claim, N.SDO.text))
    # entities named inside the content, not the speaker
    assert set(g.objects(claim, KG.about)) == {KGD.Washington, KGD.Moscow}


def test_article_node_is_a_news_article_with_metadata():
    g = extraction_to_graph(seed_004())
    a = KGA["004_bfa432a4eb39b96a"]
    assert (a, N.RDF.type, N.SDO.NewsArticle) in g
    assert g.value(a, N.SDO.headline) == Literal("Lãnh đạo Nga và Mỹ trao đổi qua điện thoại về Ukraine", lang="vi")
    assert g.value(a, N.SDO.datePublished) == Literal("2021-12-31", datatype=N.XSD.date)
    assert g.value(a, N.SDO.creditText) == Literal("TTXVN", lang="vi")
    g0 = extraction_to_graph(seed_000())
    publisher = g0.value(A000, N.SDO.publisher)
    assert publisher == KGD.Kinhtedothi
    assert (publisher, N.RDF.type, KG.Organization) in g0 and g0.value(publisher, N.RDFS.label) is not None


def test_entities_carry_typed_labels_aliases_and_only_given_ids():
    g = extraction_to_graph(seed_000())
    assert (KGD.Russia, N.RDF.type, KG.Country) in g
    assert (KGD.Russia, N.RDFS.label, Literal("Russia", lang="en")) in g
    assert (KGD.Russia, N.RDFS.label, Literal("Nga", lang="vi")) in g
    assert (KGD.Russia, N.SKOS.prefLabel, Literal("Russia", lang="en")) in g
    assert (KGD.Russia, N.OWL.sameAs, URIRef("https://sws.geonames.org/2017370/")) in g
    assert (KGD.Russia, KG.iso3166, Literal("RU")) in g
    # no data source gave the Kremlin a geonames id: no sameAs is invented
    assert not list(g.objects(KGD.Kremlin, N.OWL.sameAs))
    assert (KGD.Kremlin, N.SKOS.altLabel, Literal("Điện Kremlin", lang="vi")) not in g  # == label_vi
    assert (KGD.Vladimir_Putin, N.SKOS.altLabel, Literal("Putin", lang="vi")) in g
    assert (A000, N.SDO.mentions, KGD.Geneva) in g


def test_no_blank_nodes_and_same_input_same_graph():
    g1, g2 = extraction_to_graph(seed_000()), extraction_to_graph(seed_000())
    assert not any(isinstance(t, BNode) for triple in g1 for t in triple)
    assert set(g1) == set(g2)
    assert isomorphic(g1, g2)


def test_a_changed_fact_changes_only_its_statement():
    x = seed_000()
    y = copy.deepcopy(x)
    y.roles[0] = Role("Dmitry_Peskov", "official_of", "Kremlin", y.roles[0].title, y.roles[0].evidence)
    diff = set(extraction_to_graph(x)) ^ set(extraction_to_graph(y))
    subjects = {s for s, _, _ in diff}
    assert KGD.Dmitry_Peskov in subjects  # the direct edge changed
    assert all(str(s).startswith(("https://w3id.org/kg-vn/role/", str(KGD))) for s in subjects)


def test_claim_ids_are_scoped_to_their_article():
    x = seed_000()
    ev = Evidence(x.article.id, 0, 0, 10, "claims")
    x.claims = [Claim("c1", "Dmitry_Peskov", "cho biết", "assert", "abc", ev, ev)]
    (claim,) = extraction_to_graph(x).objects(KGD.Dmitry_Peskov, KG.said)
    assert x.article.id in str(claim)


def test_iri_local_names_cannot_break_out_of_their_namespace():
    assert local_name("Dmitry Peskov") == "Dmitry_Peskov"
    assert local_name("Nguyễn Phú Trọng") == "Nguyễn_Phú_Trọng"
    bad = local_name('a/b#c?d>"e')
    assert "/" not in bad and "#" not in bad and ">" not in bad and '"' not in bad
    assert str(entity_iri("x/../y")).startswith(str(KGD)) and "/" not in str(entity_iri("x/../y"))[len(str(KGD)):]


def test_date_literals_get_xsd_types():
    assert date_literal("2021-06-16").datatype == N.XSD.date
    assert date_literal("--06-16").datatype == N.XSD.gMonthDay
    assert date_literal("2025-03-03T02:45") == Literal("2025-03-03T02:45:00", datatype=N.XSD.dateTime)
    assert date_literal("2021-06").datatype == N.XSD.gYearMonth
    assert date_literal("tháng 6").datatype is None
