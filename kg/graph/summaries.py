"""Small summaries the canned queries read instead of aggregating the whole store.

A store of ten million triples holds tens of thousands of role assertions,
events and claims; "every person's roles with their titles and article counts"
or "every event with its place, date, participants and article count" are
whole-store aggregations (hundreds of milliseconds to seconds in Oxigraph,
more because an event that several articles report has its triples repeated
in each of their graphs and the union default graph is a bag). So every write
keeps, in the graph ``kgg:summaries`` (:data:`SUMMARY_GRAPH`), one node per
answer row of those aggregations, like the co-mention counts of
:mod:`kg.graph.shared`:

* **Role summaries**: per (person, role, organisation or none) one node
  ``kgp:role-<hash> a kg:RoleSummary ; kg:holder P ; kg:roleType R ;
  kg:roleOrganization O ; kg:titleText "…"@vi … ; kg:articleCount N``
  (``kg:roleOrganization`` absent for a bare title).
* **Event summaries**: per event one node ``kgp:event-<hash> a
  kg:EventSummary ; kg:summarizes E ; kg:eventType T … ; kg:eventPlace P ;
  kg:eventDate "…" ; kg:eventParticipant X … ; kg:articleCount N`` (the place
  is the least IRI of its ``kg:held_in``, the date the least of its
  ``kg:date`` as a string: what the canned queries printed before).

Both are **recomputed**, not incremented, for every person and event an
article write touches (before and after), from the article graphs as they
will be after the write: a re-run writes the same triples (idempotent), a
removal leaves exactly what a store built without the article holds, and the
remote store (:mod:`kg.graph.remote`) runs the very same functions on the
quads it reads back from the server.

**Lists** serve the capped queries, one predicate each on the node
``kgg:summaries`` (:data:`LISTS`, which also holds the query that picks each):
``kg:recentClaim`` the 500 most recent claims (by the date said, else the
article's date), ``kg:recentArticle`` the 20 most recently published articles
that state something, ``kg:topEvent`` the 500 events reported by the most
articles, ``kg:topMeeting`` the 500 such meetings with two participants or
more, ``kg:topPair`` the 500 most frequent co-mentions; ties always by IRI.
Sorting the whole store for them costs seconds on ten million triples, so like
``kg:topCountFloor`` they are written at the end of each build or removal
(``Store.refresh_summaries``) and dropped by any article write: a canned query
without its list computes the same answer from the article graphs (slower,
never wrong). Each query reads its list behind a *gate*, a sub-select of no
triple that yields one empty row or none, because Oxigraph builds a hash join
from its left side and skips the right side when that is empty.

Cost of a write: recomputing a person's role summaries reads all role
assertions naming that person (index lookups), so it grows with how often the
person is named; an event's, with the articles reporting it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from .iris import short_hash
from .terms import SUMMARY_GRAPH_NODE, article_count
from .namespaces import KG, KGP, PROV, RDF, RDFS

TYPE = ox.NamedNode(str(RDF.type))
DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))
PERSON = ox.NamedNode(str(KG.person))
ROLE = ox.NamedNode(str(KG.role))
ORG = ox.NamedNode(str(KG.organization))
TITLE = ox.NamedNode(str(KG.roleTitle))
HELD_IN = ox.NamedNode(str(KG.held_in))
DATE = ox.NamedNode(str(KG.date))
PARTICIPANT = ox.NamedNode(str(KG.participant))
ROLE_ASSERTION = ox.NamedNode(str(KG.RoleAssertion))
EVENT = ox.NamedNode(str(KG.Event))
CLAIM = ox.NamedNode(str(KG.Claim))
SPEAKER = ox.NamedNode(str(KG.speaker))

ROLE_SUMMARY = ox.NamedNode(str(KG.RoleSummary))
EVENT_SUMMARY = ox.NamedNode(str(KG.EventSummary))
HOLDER = ox.NamedNode(str(KG.holder))
ROLE_TYPE = ox.NamedNode(str(KG.roleType))
ROLE_ORG = ox.NamedNode(str(KG.roleOrganization))
TITLE_TEXT = ox.NamedNode(str(KG.titleText))
SUMMARIZES = ox.NamedNode(str(KG.summarizes))
EVENT_TYPE = ox.NamedNode(str(KG.eventType))
EVENT_PLACE = ox.NamedNode(str(KG.eventPlace))
EVENT_DATE = ox.NamedNode(str(KG.eventDate))
EVENT_PARTICIPANT = ox.NamedNode(str(KG.eventParticipant))
RECENT_CLAIM = ox.NamedNode(str(KG.recentClaim))
RECENT_ARTICLE = ox.NamedNode(str(KG.recentArticle))
TOP_EVENT = ox.NamedNode(str(KG.topEvent))
TOP_MEETING = ox.NamedNode(str(KG.topMeeting))
TOP_PAIR = ox.NamedNode(str(KG.topPair))

# how many entries the recency lists keep (the canned queries' LIMITs)
RECENT_CLAIMS = 500
RECENT_ARTICLES = 20
TOP_EVENTS = 500
TOP_PAIRS = 500

Triple = ox.Triple


@lru_cache(maxsize=1)
def event_types() -> frozenset[ox.NamedNode]:
    """The direct subclasses of ``kg:Event`` in the ontology (what the queries call an event's type)."""
    from .rdf import ontology_graph

    sub = RDFS.subClassOf
    return frozenset(ox.NamedNode(str(s)) for s in ontology_graph().subjects(sub, KG.Event))




def role_node(person: ox.NamedNode, role: ox.NamedNode, org: ox.NamedNode | None) -> ox.NamedNode:
    return ox.NamedNode(str(KGP[f"role-{short_hash(person.value, role.value, org.value if org else '', length=16)}"]))


def event_node(event: ox.NamedNode) -> ox.NamedNode:
    return ox.NamedNode(str(KGP[f"event-{short_hash(event.value, length=16)}"]))


@dataclass
class View:
    """The quads of ``store`` as they will be after a write: ``hidden`` graphs left out, ``extra`` added.

    ``hidden``: the graphs the write drops (and the shared graphs, which hold
    no fact); ``extra``: the new article graph's triples (graph name, triples).
    """

    store: ox.Store
    hidden: set[ox.NamedNode] = field(default_factory=set)
    extra: tuple[ox.NamedNode, list[Triple]] | None = None

    def quads(self, s: object = None, p: object = None, o: object = None) -> Iterable[tuple[Triple, ox.NamedNode]]:
        for q in self.store.quads_for_pattern(s, p, o, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in self.hidden:
                yield Triple(q.subject, q.predicate, q.object), q.graph_name
        if self.extra is not None:
            g, ts = self.extra
            for t in ts:
                if (s is None or t.subject == s) and (p is None or t.predicate == p) and (o is None or t.object == o):
                    yield t, g


def touched(triples: Iterable[Triple]) -> tuple[set[ox.NamedNode], set[ox.NamedNode]]:
    """(persons of role assertions, events) that an article's triples say something about."""
    triples = list(triples)
    statements = {t.subject for t in triples if t.predicate == TYPE and t.object == ROLE_ASSERTION}
    events = {t.subject for t in triples if t.predicate == TYPE and t.object == EVENT}
    persons = {t.object for t in triples if t.predicate == PERSON and t.subject in statements}
    return persons, events


def role_triples(view: View, person: ox.NamedNode) -> list[Triple]:
    """The role summaries of one person, from the role assertions naming them."""
    rows: dict[tuple[ox.NamedNode, ox.NamedNode | None], tuple[set[ox.Literal], set[ox.Term]]] = {}
    for t, g in list(view.quads(None, PERSON, person)):
        stmt = t.subject
        facts = [(u.predicate, u.object) for u, _ in view.quads(stmt, None, None)]
        if (TYPE, ROLE_ASSERTION) not in facts:
            continue
        articles = {o for p, o in facts if p == DERIVED}
        if not articles:
            continue
        titles = {o for p, o in facts if p == TITLE}
        orgs = [o for p, o in facts if p == ORG] or [None]
        for role in {o for p, o in facts if p == ROLE}:
            for org in set(orgs):
                ts, arts = rows.setdefault((role, org), (set(), set()))
                ts |= titles
                arts |= articles
    out: list[Triple] = []
    for (role, org), (titles, articles) in rows.items():
        node = role_node(person, role, org)
        out += [Triple(node, TYPE, ROLE_SUMMARY), Triple(node, HOLDER, person), Triple(node, ROLE_TYPE, role),
                article_count(node, len(articles))]
        if org is not None:
            out.append(Triple(node, ROLE_ORG, org))
        out += [Triple(node, TITLE_TEXT, t) for t in titles]
    return out


def event_triples(view: View, event: ox.NamedNode) -> list[Triple]:
    """The summary of one event, from every article graph that reports it (none when none does)."""
    facts = {(t.predicate, t.object) for t, _ in view.quads(event, None, None)}
    if (TYPE, EVENT) not in facts:
        return []
    node = event_node(event)
    kinds = event_types()
    out = [Triple(node, TYPE, EVENT_SUMMARY), Triple(node, SUMMARIZES, event),
           article_count(node, len({o for p, o in facts if p == DERIVED}))]
    out += [Triple(node, EVENT_TYPE, o) for p, o in facts if p == TYPE and o in kinds]
    places = [o for p, o in facts if p == HELD_IN]
    if places:
        out.append(Triple(node, EVENT_PLACE, min(places, key=lambda n: n.value)))
    dates = [o.value for p, o in facts if p == DATE]
    if dates:
        out.append(Triple(node, EVENT_DATE, ox.Literal(min(dates))))
    out += [Triple(node, EVENT_PARTICIPANT, o) for p, o in facts if p == PARTICIPANT]
    return out


def stored_triples(store: ox.Store, persons: Iterable[ox.NamedNode], events: Iterable[ox.NamedNode]) -> list[Triple]:
    """The summary triples now stored for ``persons`` and ``events``."""
    nodes: list[ox.NamedNode] = []
    for person in persons:
        nodes += [q.subject for q in store.quads_for_pattern(None, HOLDER, person, SUMMARY_GRAPH_NODE)]
    nodes += [event_node(e) for e in events]
    return [Triple(q.subject, q.predicate, q.object)
            for n in dict.fromkeys(nodes) for q in store.quads_for_pattern(n, None, None, SUMMARY_GRAPH_NODE)]


def changes(view: View, persons: set[ox.NamedNode], events: set[ox.NamedNode]) -> tuple[list[Triple], list[Triple]]:
    """(summary triples to delete, to insert) so that ``persons``' and ``events``' summaries match ``view``."""
    order = lambda n: n.value  # noqa: E731 - deterministic writes
    wanted: list[Triple] = []
    for person in sorted(persons, key=order):
        wanted += role_triples(view, person)
    for event in sorted(events, key=order):
        wanted += event_triples(view, event)
    stored = stored_triples(view.store, persons, events)
    have, want = set(stored), set(wanted)
    return [t for t in stored if t not in want], list(dict.fromkeys(t for t in wanted if t not in have))


def all_keys(store: ox.Store) -> tuple[set[ox.NamedNode], set[ox.NamedNode]]:
    """Every person of a role assertion and every event in the store's article graphs."""
    persons = {q.object for q in store.quads_for_pattern(None, PERSON, None, None)
               if q.graph_name != SUMMARY_GRAPH_NODE}
    events = {q.subject for q in store.quads_for_pattern(None, TYPE, EVENT, None)
              if q.graph_name != SUMMARY_GRAPH_NODE}
    return persons, events


# The lists: predicate on kgg:summaries -> the query that picks its entries (in order), run by the store
# (embedded or remote) at the end of a build or removal. Each is the fallback of the canned query that reads
# it: the same order, ties broken by IRI, so a query gives the same answer with or without the list.
MEETING_TYPES = "kg:Summit kg:Meeting kg:PhoneCall kg:Negotiation"
_P = "PREFIX kg: <https://w3id.org/kg-vn/ontology#>\nPREFIX kgg: <https://w3id.org/kg-vn/graph/>\n" \
     "PREFIX schema: <https://schema.org/>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
LISTS: dict[ox.NamedNode, str] = {
    # the 500 most recent claims: by the date said, else the article's date ("" last), then IRI
    RECENT_CLAIM: _P + f"""SELECT ?item WHERE {{
  {{ SELECT ?item ?article WHERE {{ ?item schema:appearance ?article }} }}
  {{ SELECT DISTINCT ?item WHERE {{ ?item kg:speaker ?speaker }} }}
  OPTIONAL {{ SELECT DISTINCT ?article ?published WHERE {{ ?article schema:datePublished ?published }} }}
  OPTIONAL {{ SELECT DISTINCT ?item ?said WHERE {{ ?item kg:date ?said }} }}
  BIND(COALESCE(STR(?said), STR(?published), "") AS ?when)
}} ORDER BY DESC(?when) ?item LIMIT {RECENT_CLAIMS}""",
    # the 20 most recently published articles that state something (undated last), then IRI
    RECENT_ARTICLE: _P + f"""SELECT ?item WHERE {{
  {{ SELECT DISTINCT ?item WHERE {{ ?statement prov:wasDerivedFrom ?item .
       {{ ?statement a kg:RoleAssertion }} UNION {{ ?statement a kg:Claim }} UNION {{ ?statement a kg:Event }} }} }}
  ?item a kg:Article .
  OPTIONAL {{ ?item schema:datePublished ?published }}
}} ORDER BY DESC(?published) ?item LIMIT {RECENT_ARTICLES}""",
    # the 500 events reported by the most articles, then IRI
    TOP_EVENT: _P + f"""SELECT ?item WHERE {{ GRAPH kgg:summaries {{ ?s kg:summarizes ?item ; kg:articleCount ?n }} }}
ORDER BY DESC(?n) ?item LIMIT {TOP_EVENTS}""",
    # the 500 summits, meetings, phone calls and negotiations with two participants or more (a pair who met)
    # reported by the most articles, then IRI
    TOP_MEETING: _P + f"""SELECT ?item WHERE {{ {{ SELECT DISTINCT ?item ?n WHERE {{ GRAPH kgg:summaries {{
  VALUES ?t {{ {MEETING_TYPES} }} ?s kg:eventType ?t ; kg:summarizes ?item ; kg:articleCount ?n ;
  kg:eventParticipant ?a , ?b FILTER(?a != ?b) }} }} }} }}
ORDER BY DESC(?n) ?item LIMIT {TOP_EVENTS}""",
    # the 500 co-mentions counted in the most articles, then IRI
    # (only the pairs at or above kg:topCountFloor are sorted: sorting 100,000 counts with their IRIs takes seconds)
    TOP_PAIR: _P + f"""SELECT ?item WHERE {{ GRAPH kgg:co-mentions {{
  OPTIONAL {{ kgg:co-mentions kg:topCountFloor ?floor }} ?item kg:articleCount ?n FILTER(!BOUND(?floor) || ?n >= ?floor) }} }}
ORDER BY DESC(?n) ?item LIMIT {TOP_PAIRS}""",
}


def missing(store: ox.Store) -> bool:
    """True when the store holds role assertions or events but no summary of either (written before summaries)."""
    def has(s: object, p: object, o: object, g: object) -> bool:
        return next(iter(store.quads_for_pattern(s, p, o, g)), None) is not None

    facts = has(None, TYPE, ROLE_ASSERTION, None) or has(None, TYPE, EVENT, None)
    return facts and not (has(None, HOLDER, None, SUMMARY_GRAPH_NODE) or has(None, SUMMARIZES, None, SUMMARY_GRAPH_NODE))


def list_triples(store: ox.Store) -> list[Triple]:
    """The stored lists (dropped by any article write: stale until refreshed)."""
    return [Triple(q.subject, q.predicate, q.object)
            for pred in LISTS
            for q in store.quads_for_pattern(SUMMARY_GRAPH_NODE, pred, None, SUMMARY_GRAPH_NODE)]


def list_entries(pred: ox.NamedNode, items: Iterable[ox.Term]) -> list[Triple]:
    return [Triple(SUMMARY_GRAPH_NODE, pred, i) for i in items]


__all__ = [
    "SUMMARY_GRAPH_NODE", "RECENT_CLAIMS", "RECENT_ARTICLES", "View", "touched", "role_triples", "event_triples",
    "stored_triples", "changes", "all_keys", "list_triples", "list_entries", "role_node", "event_node",
    "LISTS", "event_types", "missing",
]
