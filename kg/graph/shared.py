"""What the articles of a store share: entity names written once, co-mention counts.

Every fact lives in the named graph of the article it was read from, so removing
an article removes exactly its facts. Two kinds of triples are better kept once
for the whole store, in graphs of their own, and maintained by
:class:`kg.graph.store.Store` in the same transaction as each article write:

* **Entity names** (``ENTITY_GRAPH``): ``skos:prefLabel`` and the English
  ``rdfs:label`` of every entity (``kgd:Russia skos:prefLabel "Russia"@en``).
  Left in the article graphs, the name of an entity that fifty articles mention
  would be stored fifty times, and the default graph (the union of all graphs,
  which is a bag) would match it fifty times in every query that prints labels.
  The names are dropped from this graph when the last article naming the entity
  is removed ("no orphan"). What an article writes in its own words (the
  Vietnamese label as written, aliases) stays in its graph.

* **Co-mention counts** (``CO_MENTION_GRAPH``): for each pair of actors
  (people, organisations, countries) named in the same article, one node
  ``kgp:<hash> a kg:CoMention ; kg:member A, B ; kg:articleCount N``. "Which
  actors appear together most?" is a whole-corpus aggregation over every pair
  in every article (about 100,000 pairs for the 2,643-article UNC corpus, 2–4 s
  in Oxigraph); kept as counts it is a lookup. Counts change by +1 for each
  article written and −1 for each article replaced or removed, computed from the
  article's own triples by :func:`actors` both times, so they cannot drift;
  :func:`co_mention_counts` recomputes them from scratch to check (tests) or to
  rebuild (after a bulk load that bypassed the store's writes). One more triple,
  ``kgg:co-mentions kg:topCountFloor N``, holds the count of the 500th most
  frequent pair, so the canned query sorts only the pairs at or above it; any
  write that changes a count drops it, and a build or removal writes it anew
  at its end (a query without it sorts every pair: slower, never wrong).

Everything here works on pyoxigraph terms, the store's own currency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import combinations

import pyoxigraph as ox

from .iris import pair_iri
from .terms import ARTICLE_COUNT, CO_MENTION_GRAPH_NODE, ENTITY_GRAPH_NODE, XSD_INTEGER, article_count
from .namespaces import KG, KGD, RDF, RDFS, SDO, SKOS

TYPE = ox.NamedNode(str(RDF.type))
MENTIONS = ox.NamedNode(str(SDO.mentions))
MEMBER = ox.NamedNode(str(KG.member))
FLOOR = ox.NamedNode(str(KG.topCountFloor))
# how many of the most frequent pairs the floor is kept for (the canned query's LIMIT)
TOP_PAIRS = 500
LABEL = ox.NamedNode(str(RDFS.label))
PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))
_CO_MENTION = ox.NamedNode(str(KG.CoMention))
_ENTITY_BASE = str(KGD)


# the kinds of entity counted in co-mention pairs: actors, not places or events
ACTOR_TYPES = frozenset(ox.NamedNode(str(KG[t])) for t in ("Person", "Organization", "Country"))

Triple = ox.Triple
# Co-mentions are pairs, so their number grows with the square of an article's
# actors: a news article names a few dozen at most, but a hostile or broken
# input (a megabyte of text read as one article) can name thousands, and then
# its pairs alone would take gigabytes. Past this many actors, only the most
# connected ones (most triples pointing at them) are paired.
MAX_PAIRED_ACTORS = 60


def is_shared(t: Triple) -> bool:
    """True for an entity's name, which goes to the entity graph instead of the article's."""
    if not isinstance(t.subject, ox.NamedNode) or not t.subject.value.startswith(_ENTITY_BASE):
        return False
    if t.predicate == PREF_LABEL:
        return True
    return t.predicate == LABEL and isinstance(t.object, ox.Literal) and t.object.language == "en"


def split(triples: Iterable[Triple]) -> tuple[list[Triple], list[Triple]]:
    """(the article's own triples, the entity names it contributes to the entity graph)."""
    own: list[Triple] = []
    names: list[Triple] = []
    for t in triples:
        (names if is_shared(t) else own).append(t)
    return own, names


def _name_rank(label: ox.Literal) -> tuple[int, str]:
    """Which spelling of a name to prefer: the one with more diacritics ("Hội An" over "Hoi An"), then the first in code-point order."""
    return (-sum(ord(c) > 127 for c in label.value), label.value)


def name_changes(store: ox.Store, names: Iterable[Triple]) -> tuple[list[Triple], list[Triple]]:
    """(triples to delete, triples to insert) in the entity graph for an article's entity names.

    English ``rdfs:label`` spellings accumulate. ``skos:prefLabel`` stays one
    per entity (SKOS allows one per language), and articles may spell a name
    differently ("Hoi An"/"Hội An"): the preferred spelling is chosen by
    :func:`_name_rank`, whatever the order articles were written in.
    """
    delete: list[Triple] = []
    insert: list[Triple] = []
    for t in names:
        if t.predicate != PREF_LABEL:
            insert.append(t)
            continue
        stored = [q.object for q in store.quads_for_pattern(t.subject, PREF_LABEL, None, ENTITY_GRAPH_NODE)]
        best = min([*stored, t.object], key=_name_rank)
        delete.extend(Triple(t.subject, PREF_LABEL, o) for o in stored if o != best)
        if best not in stored:
            insert.append(Triple(t.subject, PREF_LABEL, best))
    return delete, insert


def entities_of(triples: Iterable[Triple]) -> set[ox.NamedNode]:
    """The entities (``kgd:`` IRIs) an article's triples say something about."""
    return {t.subject for t in triples
            if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(_ENTITY_BASE)}


def actors(triples: Iterable[Triple]) -> frozenset[ox.NamedNode]:
    """The actors an article mentions: ``schema:mentions`` objects typed Person, Organization or Country."""
    mentioned: set[ox.NamedNode] = set()
    typed: set[ox.NamedNode] = set()
    triples = triples if isinstance(triples, (list, tuple, set, frozenset)) else list(triples)
    for t in triples:
        if t.predicate == MENTIONS:
            mentioned.add(t.object)
        elif t.predicate == TYPE and t.object in ACTOR_TYPES:
            typed.add(t.subject)
    found = mentioned & typed
    if len(found) <= MAX_PAIRED_ACTORS:
        return frozenset(found)
    weight: Counter[ox.NamedNode] = Counter(t.object for t in triples if t.object in found)
    ranked = sorted(found, key=lambda n: (-weight[n], n.value))
    return frozenset(ranked[:MAX_PAIRED_ACTORS])


def pairs(members: Iterable[ox.NamedNode]) -> Iterator[tuple[ox.NamedNode, ox.NamedNode]]:
    """Every unordered pair of distinct actors, in a canonical (sorted) order."""
    return combinations(sorted(set(members), key=lambda n: n.value), 2)


def pair_node(a: ox.NamedNode, b: ox.NamedNode) -> ox.NamedNode:
    return ox.NamedNode(str(pair_iri(a.value, b.value)))




def pair_triples(a: ox.NamedNode, b: ox.NamedNode, count: int) -> list[Triple]:
    """The triples of one co-mention node."""
    node = pair_node(a, b)
    return [Triple(node, TYPE, _CO_MENTION), Triple(node, MEMBER, a), Triple(node, MEMBER, b),
            article_count(node, count)]


def co_mention_counts(articles: Iterable[frozenset[ox.NamedNode]]) -> Counter[tuple[ox.NamedNode, ox.NamedNode]]:
    """Pair -> number of articles, over each article's actors."""
    counts: Counter[tuple[ox.NamedNode, ox.NamedNode]] = Counter()
    for members in articles:
        counts.update(pairs(members))
    return counts


def stored_count(store: ox.Store, a: ox.NamedNode, b: ox.NamedNode) -> int:
    """The stored article count of a pair (0 when the pair is not in the store)."""
    for q in store.quads_for_pattern(pair_node(a, b), ARTICLE_COUNT, None, CO_MENTION_GRAPH_NODE):
        return int(q.object.value)
    return 0


def count_changes(
    store: ox.Store, delta: Counter[tuple[ox.NamedNode, ox.NamedNode]]
) -> tuple[list[Triple], list[Triple]]:
    """(triples to delete, triples to insert) in the co-mention graph for ``delta`` (pair -> +n/−n).

    A pair whose count reaches 0 loses its node; a new pair gets one; otherwise
    only the count triple changes.
    """
    delete: list[Triple] = []
    insert: list[Triple] = []
    for (a, b), change in sorted(delta.items(), key=lambda kv: (kv[0][0].value, kv[0][1].value)):
        before = stored_count(store, a, b)
        after = max(0, before + change)
        if not change or after == before:
            continue
        node = pair_node(a, b)
        if before and after:
            delete.append(article_count(node, before))
            insert.append(article_count(node, after))
        elif before:
            delete.extend(pair_triples(a, b, before))
        else:
            insert.extend(pair_triples(a, b, after))
    return delete, insert


def floor_triple(floor: int) -> Triple:
    """``kgg:co-mentions kg:topCountFloor N``."""
    return Triple(CO_MENTION_GRAPH_NODE, FLOOR, ox.Literal(str(floor), datatype=XSD_INTEGER))


def floor_triples(store: ox.Store) -> list[Triple]:
    """The stored floor triple(s): dropped by any write that changes a count (stale until refreshed)."""
    return [Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(CO_MENTION_GRAPH_NODE, FLOOR, None, CO_MENTION_GRAPH_NODE)]


def top_floor(store: ox.Store, top: int = TOP_PAIRS) -> int:
    """The article count of the ``top``-th most frequent pair (1 when there are fewer pairs).

    Stored as ``kgg:co-mentions kg:topCountFloor N``, it lets a "most frequent
    pairs" query skip the ~100,000 pairs below it instead of sorting them all.
    Oxigraph sorts the counts (inline integers) ten times faster than Python
    can read them out.
    """
    rows = list(store.query(
        f"SELECT ?c WHERE {{ GRAPH {CO_MENTION_GRAPH_NODE} {{ ?p {ARTICLE_COUNT} ?c }} }} "
        f"ORDER BY DESC(?c) OFFSET {int(top) - 1} LIMIT 1"
    ))
    return int(rows[0]["c"].value) if rows else 1


def orphaned_names(
    store: ox.Store, candidates: Iterable[ox.NamedNode], leaving: set[ox.NamedNode]
) -> list[Triple]:
    """The entity-graph triples of candidates that no article graph outside ``leaving`` still describes."""
    keep_out = leaving | {ENTITY_GRAPH_NODE, CO_MENTION_GRAPH_NODE}
    out: list[Triple] = []
    for entity in sorted(candidates, key=lambda n: n.value):
        if any(q.graph_name not in keep_out for q in store.quads_for_pattern(entity, None, None, None)):
            continue
        out.extend(Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(entity, None, None, ENTITY_GRAPH_NODE))
    return out


__all__ = [
    "TYPE", "MENTIONS", "MEMBER", "ARTICLE_COUNT", "FLOOR", "LABEL", "PREF_LABEL", "TOP_PAIRS", "ACTOR_TYPES",
    "ENTITY_GRAPH_NODE", "CO_MENTION_GRAPH_NODE",
    "is_shared", "split", "name_changes", "entities_of", "orphaned_names",
    "actors", "pairs", "pair_node", "pair_triples", "co_mention_counts", "stored_count", "count_changes",
    "floor_triple", "floor_triples", "top_floor",
]
