"""What the graph holds for one article, read back with SPARQL: what ``kg eval`` scores.

Scoring the extractor's lists would count what the graph may not hold (two
events on one IRI are one node; a role the graph cannot draw is no edge). So
``kg eval`` builds each gold article into a store exactly as ``kg build`` does
(:func:`build_article`: extract, write the article graph, link across the
store) and reads the facts of that article's named graph back with the SPARQL
queries below (:func:`read_predicted`). Names come from the graph too: the
entity's English name (``skos:prefLabel`` in the shared entity graph), its
Vietnamese label and aliases as the article writes them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rdflib import Literal, URIRef

from ..model import Article
from .match import ClaimRec, EntityRec, EventRec, Names, RoleRec, names
from .predicted import Predicted

ENTITIES = """
SELECT ?e ?type WHERE {
  GRAPH ?g { ?a schema:mentions ?e . ?e a ?type . }
  FILTER(?type IN (kg:Person, kg:Organization, kg:Country, kg:Place))
}"""

NAMES = """
SELECT ?e ?label ?other WHERE {
  GRAPH ?g { ?a schema:mentions ?e }
  { GRAPH kgg:entities { ?e skos:prefLabel ?label } }
  UNION { GRAPH ?g { ?e rdfs:label|skos:altLabel ?other } }
  UNION { GRAPH kgg:entities { ?e rdfs:label ?other } }
}"""

ROLES = """
SELECT ?r ?person ?role ?org ?title ?start WHERE {
  GRAPH ?g {
    ?r a kg:RoleAssertion ; kg:person ?person ; kg:role ?role .
    OPTIONAL { ?r kg:organization ?org }
    OPTIONAL { ?r kg:roleTitle ?title }
    OPTIONAL { ?r kg:evidence/kg:startOffset ?start }
  }
}"""

EVENTS = """
SELECT ?ev ?type ?where ?when ?trigger ?p ?start WHERE {
  GRAPH ?g {
    ?ev a kg:Event , ?type .
    FILTER(?type != kg:Event)
    OPTIONAL { ?ev kg:held_in ?where }
    OPTIONAL { ?ev kg:date ?when }
    OPTIONAL { ?ev kg:trigger ?trigger }
    OPTIONAL { ?ev kg:participant ?p }
    OPTIONAL { ?ev kg:evidence/kg:startOffset ?start }
  }
}"""

CLAIMS = """
SELECT ?c ?speaker ?text ?when ?start WHERE {
  GRAPH ?g {
    ?c a kg:Claim ; kg:speaker ?speaker ; schema:text ?text .
    OPTIONAL { ?c kg:date ?when }
    OPTIONAL { ?c kg:contentStart ?start }
  }
}"""

LITERALS = """
SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) }"""


def build_article(article: Article, store: Any = None) -> Any:
    """Build one article into ``store`` (a new in-memory store by default) as ``kg build`` would."""
    from ..pipeline import process

    return store_extraction(process(article), store)


def store_extraction(x: Any, store: Any = None) -> Any:
    """Write one extraction into ``store`` (new, in memory, by default) and link it there, as ``kg build`` does."""
    from ..graph.rdf import extraction_triples
    from ..graph.store import Store
    from ..link.across import relink_store

    store = store if store is not None else Store(None)
    store.replace_article(x.article.id, extraction_triples(x))
    relink_store(store)
    return store


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _fallback_name(iri: str) -> str:
    from urllib.parse import unquote

    return unquote(_local(iri)).replace("_", " ")


def _int(term: Any) -> int:
    try:
        return int(str(term))
    except (TypeError, ValueError):
        return 1 << 30


class _Names:
    """Entity IRI -> (English name, every other name) as the article's graph and the entity graph give them."""

    def __init__(self, store: Any, g: URIRef) -> None:
        self.label: dict[str, str] = {}
        self.other: dict[str, set[str]] = defaultdict(set)
        for row in store.select(NAMES, {"g": g}):
            e = str(row["e"])
            if "label" in row:
                self.label[e] = str(row["label"])
            if "other" in row:
                self.other[e].add(str(row["other"]))

    def of(self, iri: Any) -> Names | None:
        if iri is None:
            return None
        e = str(iri)
        label = self.label.get(e)
        if label is None and not self.other.get(e):
            return names(_fallback_name(e))
        return names(label, sorted(self.other.get(e, ())))

    def text(self, iri: Any) -> str:
        return "-" if iri is None else self.label.get(str(iri), _fallback_name(str(iri)))


def read_predicted(store: Any, article_id: str, body: str) -> Predicted:
    """The entities, roles, events and claims of one article's named graph, read with SPARQL."""
    from ..graph.iris import graph_iri

    g = URIRef(str(graph_iri(article_id)))
    nm = _Names(store, g)
    pred = Predicted(body=body)

    types: dict[str, str] = {}
    for row in store.select(ENTITIES, {"g": g}):
        types.setdefault(str(row["e"]), _local(str(row["type"])))
    first = _first_offsets(store, g)
    for e in sorted(types, key=lambda e: (first.get(e, 1 << 30), e)):
        pred.entities.append(EntityRec(names=nm.of(e) or frozenset(), type=types[e], label=nm.text(e)))

    roles: dict[tuple[str, str, str | None], tuple[int, str]] = {}
    for row in store.select(ROLES, {"g": g}):
        key = (str(row["person"]), _local(str(row["role"])), str(row["org"]) if "org" in row else None)
        start = _int(row.get("start"))
        if key not in roles or start < roles[key][0]:
            roles[key] = (start, str(row.get("title", "")))
    for (person, role, org), (_, title) in sorted(roles.items(), key=lambda kv: (kv[1][0], kv[0][0], kv[0][1], kv[0][2] or "")):
        text = f"{nm.text(person)} {role} {nm.text(org) if org else None}  [{title}]"
        pred.roles.append(RoleRec(person=nm.of(person) or frozenset(), role=role, org=nm.of(org), text=text))

    events: dict[str, dict[str, Any]] = {}
    for row in store.select(EVENTS, {"g": g}):
        ev = events.setdefault(str(row["ev"]), {"type": _local(str(row["type"])), "where": None, "when": None,
                                                 "trigger": "", "parts": set(), "start": 1 << 30})
        if "where" in row:
            ev["where"] = str(row["where"])
        if "when" in row:
            ev["when"] = str(row["when"])
        if "trigger" in row:
            ev["trigger"] = str(row["trigger"])
        if "p" in row:
            ev["parts"].add(str(row["p"]))
        ev["start"] = min(ev["start"], _int(row.get("start")))
    for iri, ev in sorted(events.items(), key=lambda kv: (kv[1]["start"], kv[0])):
        parts = sorted(ev["parts"])
        text = (f"{ev['type']} where={nm.text(ev['where']) if ev['where'] else None} when={ev['when']} "
                f"participants={[nm.text(p) for p in parts]}  [{ev['trigger']}]")
        pred.events.append(EventRec(type=ev["type"], where=nm.of(ev["where"]), when=ev["when"],
                                    participants=tuple(n for n in (nm.of(p) for p in parts) if n is not None),
                                    text=text))

    claims: dict[str, dict[str, Any]] = {}
    for row in store.select(CLAIMS, {"g": g}):
        claims[str(row["c"])] = {"speaker": str(row["speaker"]), "text": str(row["text"]),
                                 "when": str(row["when"]) if "when" in row else None, "start": _int(row.get("start"))}
    for iri, c in sorted(claims.items(), key=lambda kv: (kv[1]["start"], kv[0])):
        pred.claims.append(ClaimRec(speaker=nm.of(c["speaker"]) or frozenset(), text=c["text"], when=c["when"],
                                    label=nm.text(c["speaker"])))

    pred.strings = [str(row["o"]) for row in store.select(LITERALS, {"g": g}) if isinstance(row.get("o"), Literal)]
    for e in types:
        pred.strings.extend(s for s in (nm.label.get(e), *sorted(nm.other.get(e, ()))) if s)
    return pred


FIRST = """
SELECT ?e (MIN(?s) AS ?first) WHERE {
  GRAPH ?g { ?e kg:evidence/kg:startOffset ?s . FILTER(STRSTARTS(STR(?e), STR(kgd:))) }
} GROUP BY ?e"""


def _first_offsets(store: Any, g: URIRef) -> dict[str, int]:
    return {str(r["e"]): _int(r["first"]) for r in store.select(FIRST, {"g": g}) if "first" in r}


__all__ = ["build_article", "store_extraction", "read_predicted", "ENTITIES", "ROLES", "EVENTS", "CLAIMS"]
