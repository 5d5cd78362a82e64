"""Event identity: an event node is one article's unless the same happening is established.

Hand-made records first (each rule on its own), then the 200 UNC articles
where undated, argument-less events used to collapse into one node across
unrelated articles (a football contract and a divorce settlement as one
``Agreement``).
"""

from __future__ import annotations

import random

import pytest

from kg.build import build
from kg.graph.iris import event_iris, event_merge_key
from kg.graph.namespaces import KG
from kg.graph.rdf import extraction_triples
from kg.graph.store import Store
from kg.model import Article, Entity, Event, Evidence, Extraction

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _x(aid: str, events: list[tuple[str, str | None, str | None, list[str]]]) -> Extraction:
    body = "x" * 400
    x = Extraction(article=Article(id=aid, source=f"{aid}.txt", body=body))
    for eid in ("Russia", "United_States", "Geneva", "European_Union"):
        x.entities[eid] = Entity(id=eid, label=eid.replace("_", " "), type="Country",
                                 mentions=[Evidence(aid, 0, 0, 1, "test")])
    for i, (etype, when, where, parts) in enumerate(events):
        ev = Evidence(aid, i, 10 * i, 10 * i + 5, "events")
        x.events.append(Event(id="same-id-for-all", type=etype, trigger="t", where=where, when=when,
                              participants=parts, evidence=[ev]))
    return x


def _event_nodes(x: Extraction) -> set[str]:
    return {str(s) for s, p, o in extraction_triples(x) if str(p) == RDF_TYPE and o == KG.Event}


def test_two_events_kept_apart_in_one_article_are_two_nodes():
    # two undated sanctions with equal arguments, and two dated ones: the extractor kept them apart
    x = _x("a1", [("Sanction", None, None, ["United_States", "Russia"]),
                  ("Sanction", None, None, ["United_States", "Russia"]),
                  ("Summit", "2021-06-16", "Geneva", ["Russia", "United_States"]),
                  ("Summit", "2021-06-16", "Geneva", ["Russia", "United_States"])])
    assert len(_event_nodes(x)) == 4
    iris = event_iris("a1", x.events)
    assert len(set(iris)) == 4
    assert all("a1-" in str(i) for i in iris)  # ambiguous keys: no node is shared with other articles


def test_merge_across_articles_needs_type_full_date_and_shared_arguments():
    def node(aid, event):
        return event_iris(aid, [event])[0]

    summit = ("Summit", "2021-06-16", "Geneva", ["Russia", "United_States"])
    a, b = _x("a", [summit]), _x("b", [summit])
    assert node("a", a.events[0]) == node("b", b.events[0])  # the same happening: one node
    assert "a-" not in str(node("a", a.events[0]))
    for other in [("Meeting", "2021-06-16", "Geneva", ["Russia", "United_States"]),  # another type
                  ("Summit", "2021-06-17", "Geneva", ["Russia", "United_States"]),  # another day
                  ("Summit", "--06-16", "Geneva", ["Russia", "United_States"]),  # no year: not a date
                  ("Summit", "2021-06-16", None, ["European_Union"])]:  # nothing in common
        c = _x("c", [other])
        assert node("c", c.events[0]) != node("a", a.events[0]), other
    # neither date nor participants: never merged, whatever else is equal
    bare = ("Agreement", None, None, [])
    assert node("a", _x("a", [bare]).events[0]) != node("b", _x("b", [bare]).events[0])
    assert event_merge_key(_x("a", [bare]).events[0]) is None
    dated_bare = ("Agreement", "2020-01-01", None, [])
    assert event_merge_key(_x("a", [dated_bare]).events[0]) is None


def _multi_article_events(store: Store) -> list[tuple[str, int, bool, bool]]:
    """(event, articles whose graph holds it, has a date, has participants) for events in 2+ articles."""
    rows = store.select("""
        SELECT ?ev (COUNT(DISTINCT ?g) AS ?n) (SAMPLE(?d) AS ?date) (SAMPLE(?p) AS ?part) WHERE {
          GRAPH ?g { ?ev a kg:Event }
          OPTIONAL { GRAPH ?g { ?ev kg:date ?d } }
          OPTIONAL { GRAPH ?g { ?ev kg:participant ?p } }
        } GROUP BY ?ev HAVING (COUNT(DISTINCT ?g) > 1)""")
    return [(str(r["ev"]), int(r["n"]), "date" in r, "part" in r) for r in rows]


@pytest.mark.slow
def test_two_hundred_unc_articles_merge_no_event_without_evidence(unc_dir, tmp_path):
    files = sorted(unc_dir.rglob("*.txt"))
    random.Random(12).shuffle(files)
    store = Store(None)
    summary = build(files[:200], store=store, exports=False)
    assert summary.built == 200 and summary.events > 20
    # the rule is exercised: events of one type in different articles, undated ones among them
    # (the bare case itself is pinned on records above: since issue 11 the extractor keeps
    # no event without arguments, so real text no longer yields one)
    shared_types = store.select("""
        SELECT ?t (COUNT(DISTINCT ?g) AS ?n) WHERE {
          GRAPH ?g { ?ev a kg:Event , ?t . FILTER(?t != kg:Event) FILTER NOT EXISTS { ?ev kg:date ?d } }
        } GROUP BY ?t HAVING (COUNT(DISTINCT ?g) > 1)""")
    assert shared_types, "no two articles with an undated event of one type: the sample tests nothing"
    # every event is read in some article; those in two or more must be dated and have arguments
    evidence = store.select("""
        SELECT ?ev (COUNT(DISTINCT ?a) AS ?n) WHERE {
          GRAPH ?g { ?ev a kg:Event ; kg:evidence/kg:article ?a }
          FILTER NOT EXISTS { GRAPH ?g2 { ?ev kg:date ?d } }
          FILTER NOT EXISTS { GRAPH ?g3 { ?ev kg:participant ?p } }
        } GROUP BY ?ev HAVING (COUNT(DISTINCT ?a) > 1)""")
    assert evidence == []
    for ev, n, dated, has_parts in _multi_article_events(store):
        assert dated, ev
    # the graphs that share an event agree on its type, date, place and participants
    rows = store.select("""
        SELECT ?ev ?g ?t ?d ?w ?p WHERE {
          GRAPH ?g { ?ev a kg:Event , ?t . FILTER(?t != kg:Event) ?ev kg:date ?d
                     OPTIONAL { ?ev kg:held_in ?w } OPTIONAL { ?ev kg:participant ?p } } }""")
    args: dict[str, dict[str, set]] = {}
    for r in rows:
        per = args.setdefault(str(r["ev"]), {}).setdefault(str(r["g"]), set())
        per.add(("t", str(r["t"])))
        per.add(("d", str(r["d"])))
        if "w" in r:
            per.add(("w", str(r["w"])))
        if "p" in r:
            per.add(("p", str(r["p"])))
    for ev, graphs in args.items():
        views = list(graphs.values())
        assert all(v == views[0] for v in views), ev
