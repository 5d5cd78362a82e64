"""``kg eval`` scores what the graph holds: its predictions equal an independent read of the RDF.

The independent read serialises the store ``kg eval`` built to N-Quads and
queries it with rdflib's own SPARQL engine (not Oxigraph, not kg's code), the
way an outside scorer reading only the exported graph would.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.evaluate.from_graph import build_article, read_predicted
from kg.evaluate.gold import load_gold_dir
from kg.evaluate.runner import build as build_lists
from kg.evaluate.runner import corpus_path, predicted, read_article
from kg.evaluate.match import names
from kg.evaluate.predicted import from_extraction
from kg.graph.iris import graph_iri

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-vn/ontology#>
PREFIX kgg: <https://w3id.org/kg-vn/graph/>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _independent(store, article_id: str) -> dict[str, object]:
    """Facts of one article graph, from N-Quads through rdflib's SPARQL engine, as the matcher's records."""
    ds = Dataset()
    ds.parse(data="".join(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n" for s, p, o, g in store.quads() if g is not None),
             format="nquads")
    g = graph_iri(article_id).n3()

    def rows(q: str) -> list:
        return list(ds.query(PREFIXES + q.replace("?G", g)))

    forms: dict[str, set[str]] = {}
    for e, n in rows("""SELECT ?e ?n WHERE { GRAPH ?G { ?a schema:mentions ?e }
                        { GRAPH kgg:entities { ?e skos:prefLabel|rdfs:label ?n } }
                        UNION { GRAPH ?G { ?e rdfs:label|skos:altLabel ?n } } }"""):
        forms.setdefault(str(e), set()).add(str(n))

    def nm(e) -> frozenset | None:
        return None if e is None else names(*sorted(forms[str(e)]))

    events: dict[str, list] = {}
    for ev, t, d, p in rows("""SELECT ?ev ?t ?d ?p WHERE { GRAPH ?G { ?ev a kg:Event , ?t . FILTER(?t != kg:Event)
                               OPTIONAL { ?ev kg:date ?d } OPTIONAL { ?ev kg:participant ?p } } }"""):
        rec = events.setdefault(str(ev), [str(t).rsplit("#", 1)[1], str(d) if d else None, set()])
        if p is not None:
            rec[2].add(nm(p))
    roles = {(nm(p), str(r).rsplit("#", 1)[1], nm(o))
             for p, r, o in rows("""SELECT ?p ?r ?o WHERE { GRAPH ?G { ?s a kg:RoleAssertion ; kg:person ?p ; kg:role ?r .
                                    OPTIONAL { ?s kg:organization ?o } } }""")}
    claims = Counter((nm(sp), str(t), str(d) if d else None) for sp, t, d in rows(
        "SELECT ?sp ?t ?d WHERE { GRAPH ?G { ?c a kg:Claim ; kg:speaker ?sp ; schema:text ?t OPTIONAL { ?c kg:date ?d } } }"))
    entities = {(nm(e), str(t).rsplit("#", 1)[1]) for e, t in rows(
        """SELECT ?e ?t WHERE { GRAPH ?G { ?a schema:mentions ?e . ?e a ?t }
           FILTER(?t IN (kg:Person, kg:Organization, kg:Country, kg:Place)) }""")}
    return {"events": Counter((t, d, frozenset(p)) for t, d, p in events.values()), "roles": roles,
            "claims": claims, "entities": entities}


def _records(pred) -> dict[str, object]:
    return {
        "events": Counter((e.type, e.when, frozenset(e.participants)) for e in pred.events),
        "roles": {(r.person, r.role, r.org) for r in pred.roles},
        "claims": Counter((c.speaker, c.text, c.when) for c in pred.claims),
        "entities": {(e.names, e.type) for e in pred.entities},
    }


@pytest.fixture(scope="module")
def unc_articles(gold_unc_dir, unc_dir) -> list:
    golds = load_gold_dir(gold_unc_dir)[:3]
    return [read_article(corpus_path(g, Path(unc_dir))) for g in golds]


def test_eval_predictions_are_an_independent_sparql_read_of_the_same_build(unc_articles):
    compared = 0
    for article in unc_articles:
        store = build_article(article)
        pred = read_predicted(store, article.id, article.body)
        mine, theirs = _records(pred), _independent(store, article.id)
        for k in ("events", "roles", "claims", "entities"):
            assert mine[k] == theirs[k], (article.id, k)
        compared += len(pred.events) + len(pred.claims)
        # and predicted() (what `kg eval` scores) is exactly that read
        again = predicted(article)
        assert _records(again) == mine
    assert compared > 10


def test_a_fact_removed_from_the_graph_is_not_counted(unc_articles):
    article = next(a for a in unc_articles if len(build_lists(a)[0].events) >= 2)
    store = build_article(article)
    before = read_predicted(store, article.id, article.body)
    g = graph_iri(article.id).n3()
    first = store.select(f"SELECT ?ev WHERE {{ GRAPH {g} {{ ?ev a kg:Event }} }} ORDER BY ?ev LIMIT 1")[0]["ev"]
    store.ox.update(f"DELETE WHERE {{ GRAPH {g} {{ {first.n3()} ?p ?o }} }}")
    after = read_predicted(store, article.id, article.body)
    assert len(after.events) == len(before.events) - 1


def test_the_graph_holds_every_event_the_extractor_kept_apart(unc_articles):
    for article in unc_articles:
        x, _ = build_lists(article)
        listed = from_extraction(x)
        store = build_article(article)
        read = read_predicted(store, article.id, article.body)
        assert len(read.events) == len(listed.events)
        assert len(read.claims) == len(listed.claims)
