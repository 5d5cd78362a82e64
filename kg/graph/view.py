"""The store as a networkx MultiDiGraph: for analysis and for the HTML explorer.

Why a view and not a second data model: the RDF store is the truth; this
function reads it back with a handful of SPARQL queries (one per kind of
information, never one per node) and shapes it into the attribute contract of
``docs/CONTRACTS.md``:

- nodes: entities, events and claims, keyed by IRI string, with ``label``,
  ``label_vi``, ``type``, ``aliases``, ``articles``, ``evidence`` (plus
  ``event_type``/``when`` for events, ``cue``/``stance``/``text``/``when`` for
  claims, ``titles`` for people with a bare title);
- edges: key = predicate local name (``spokesperson_of``, ``held_in``,
  ``participant``, ``said``, ``about``, ``credited_source``), attributes
  ``predicate`` (full IRI), ``articles``, ``evidence``.

An evidence item is ``{article, sentence, start, end, text, title, outlet,
published, extractor}``; ``text`` is the sentence the fact was read from.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..humandate import human_date
from ..model import EVENT_TYPES, ROLE_PREDICATES
from .namespaces import KG
from .store import Store

NODE_TYPES = ("Person", "Organization", "Country", "Place", "Event", "Claim")
# direct edges drawn in the view: predicate local name -> edge key
EDGE_PREDICATES: dict[str, str] = {
    **{p: p for p in ROLE_PREDICATES},
    "held_in": "held_in",
    "participant": "participant",
    "said": "said",
    "about": "about",
    "creditedSource": "credited_source",
}

_KG = str(KG)


def _values(names: list[str]) -> str:
    """A VALUES body of kg: IRIs; names come from the code's own vocabularies, not from data."""
    return " ".join(f"<{_KG}{n}>" for n in names)


def _local(iri: str) -> str:
    return iri[len(_KG) :] if iri.startswith(_KG) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _val(term: Any) -> Any:
    if term is None:
        return None
    return term.value


def _as_store(source: Store | Dataset) -> Store:
    """An rdflib Dataset is copied into an in-memory store so the same queries run on it."""
    if isinstance(source, Store):
        return source
    import pyoxigraph as ox

    from .terms import to_ox

    def graph_term(g: Any) -> Any:
        ident = getattr(g, "identifier", g)
        if ident is None or str(ident) == str(DATASET_DEFAULT_GRAPH_ID):
            return ox.DefaultGraph()
        return to_ox(ident)

    mem = Store(None)
    mem.ox.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_term(g)) for s, p, o, g in source.quads((None, None, None, None)))
    return mem


_ARTICLES = f"""
SELECT ?g ?id ?title ?published ?outlet WHERE {{
  GRAPH ?g {{
    ?a <{_KG}articleId> ?id .
    OPTIONAL {{ ?a <https://schema.org/headline> ?title }}
    OPTIONAL {{ ?a <https://schema.org/datePublished> ?published }}
  }}
  OPTIONAL {{  # the publisher is stated in the article's graph, its name in the shared entity graph
    GRAPH ?g {{ ?a <https://schema.org/publisher> ?pub }}
    ?pub <http://www.w3.org/2004/02/skos/core#prefLabel> ?outlet
  }}
}}"""

_TYPES = f"""
SELECT ?g ?n ?t WHERE {{
  VALUES ?t {{ {_values(list(NODE_TYPES) + list(EVENT_TYPES))} }}
  GRAPH ?g {{ ?n a ?t }}
}}"""

_LABELS = """
SELECT ?n ?p ?l WHERE {
  VALUES ?p { <http://www.w3.org/2000/01/rdf-schema#label> <http://www.w3.org/2004/02/skos/core#altLabel> }
  GRAPH ?g { ?n ?p ?l }
}"""

_LITERALS = f"""
SELECT ?n ?p ?v WHERE {{
  VALUES ?p {{ {_values(["date", "cue", "stance", "hasTitle"])} <https://schema.org/text> }}
  GRAPH ?g {{ ?n ?p ?v }}
}}"""

_EVIDENCE = f"""
SELECT ?g ?n ?si ?s ?e ?x ?text WHERE {{
  GRAPH ?g {{
    ?n <{_KG}evidence> ?ev .
    ?ev <{_KG}sentenceIndex> ?si ; <{_KG}startOffset> ?s ; <{_KG}endOffset> ?e ; <{_KG}extractor> ?x .
    OPTIONAL {{ ?ev <{_KG}sentenceText> ?text }}
  }}
}}"""

_EDGES = f"""
SELECT ?g ?s ?p ?o WHERE {{
  VALUES ?p {{ {_values(list(EDGE_PREDICATES))} }}
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER(isIRI(?o))
}}"""

# which statement node's evidence backs a role edge: the RoleAssertion saying it
_ROLE_STATEMENTS = f"""
SELECT ?g ?stmt ?person ?role ?org WHERE {{
  GRAPH ?g {{
    ?stmt a <{_KG}RoleAssertion> ; <{_KG}person> ?person ; <{_KG}role> ?role ; <{_KG}organization> ?org .
  }}
}}"""


def to_networkx(source: Store | Dataset) -> nx.MultiDiGraph:
    """Entities, events and claims with their edges and evidence (see the module doc)."""
    store = _as_store(source)
    q = store.query

    articles: dict[str, dict[str, Any]] = {}
    for r in q(_ARTICLES):
        g = r["g"].value
        articles.setdefault(
            g,
            {"id": r["id"].value, "title": _val(r["title"]), "published": _val(r["published"]), "outlet": _val(r["outlet"])},
        )

    def aid(graph: str) -> str | None:
        meta = articles.get(graph)
        return meta["id"] if meta else None

    types: dict[str, Counter[str]] = defaultdict(Counter)
    event_types: dict[str, set[str]] = defaultdict(set)
    node_articles: dict[str, set[str]] = defaultdict(set)
    for r in q(_TYPES):
        n, t, a = r["n"].value, _local(r["t"].value), aid(r["g"].value)
        if t in NODE_TYPES:
            types[n][t] += 1
        else:
            event_types[n].add(t)
        if a:
            node_articles[n].add(a)

    labels_en: dict[str, set[str]] = defaultdict(set)
    labels_vi: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in q(_LABELS):
        n = r["n"].value
        if n not in types:
            continue
        lit = r["l"]
        if r["p"].value.endswith("altLabel"):
            aliases[n].add(lit.value)
        elif lit.language == "vi":
            labels_vi[n].add(lit.value)
        else:
            labels_en[n].add(lit.value)

    literals: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in q(_LITERALS):
        literals[r["n"].value][_local(r["p"].value)].add(r["v"].value)

    def evidence_item(graph: str, r: Any) -> dict[str, Any]:
        meta = articles.get(graph, {})
        return {
            "article": meta.get("id"),
            "sentence": int(r["si"].value),
            "start": int(r["s"].value),
            "end": int(r["e"].value),
            "text": _val(r["text"]),
            "title": meta.get("title"),
            "outlet": meta.get("outlet"),
            "published": meta.get("published"),
            "extractor": r["x"].value,
        }

    evidence: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)
    for r in q(_EVIDENCE):
        item = evidence_item(r["g"].value, r)
        evidence[r["n"].value][(item["article"], item["start"], item["end"], item["extractor"])] = item

    def sorted_evidence(n: str) -> list[dict[str, Any]]:
        return [evidence[n][k] for k in sorted(evidence.get(n, {}), key=lambda k: (str(k[0]), k[1], k[2], k[3]))]

    G = nx.MultiDiGraph()
    for n in sorted(types):
        ntype = sorted(types[n].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        lits = literals.get(n, {})
        en, vi = sorted(labels_en.get(n, ())), sorted(labels_vi.get(n, ()))
        attrs: dict[str, Any] = {
            "type": ntype,
            "label_vi": vi[0] if vi else None,
            "aliases": sorted(aliases.get(n, ())),
            "articles": sorted(node_articles.get(n, ())),
            "evidence": sorted_evidence(n),
        }
        if ntype == "Claim":
            text = min(lits.get("text", {""}))
            attrs.update(
                cue=min(lits.get("cue", {""})) or None,
                stance=min(lits.get("stance", {""})) or None,
                text=text,
                when=min(lits.get("date", {""})) or None,
            )
            label = text if len(text) <= 80 else text[:79] + "…"
        else:
            label = en[0] if en else (vi[0] if vi else _local(n))
        if ntype == "Event":
            ets = sorted(event_types.get(n, ()))
            attrs.update(event_type=ets[0] if ets else None, when=min(lits.get("date", {""})) or None)
            if attrs["when"] and label.endswith(f"({attrs['when']})"):  # "Interview (--01-21)" reads "Interview (21/1)"
                label = label[: -len(attrs["when"]) - 1] + human_date(attrs["when"]) + ")"
        if ntype == "Person" and lits.get("hasTitle"):
            attrs["titles"] = sorted(lits["hasTitle"])
        attrs["label"] = label
        G.add_node(n, **attrs)

    role_evidence: dict[tuple[str, str, str, str], str] = {}
    for r in q(_ROLE_STATEMENTS):
        key = (r["g"].value, r["person"].value, r["role"].value, r["org"].value)
        role_evidence.setdefault(key, r["stmt"].value)

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in q(_EDGES):
        g, s, p, o = r["g"].value, r["s"].value, r["p"].value, r["o"].value
        if s not in G or o not in G:
            continue
        key = EDGE_PREDICATES[_local(p)]
        edge = edges.setdefault((s, o, key), {"predicate": p, "articles": set(), "evidence": {}})
        a = aid(g)
        if a:
            edge["articles"].add(a)
        if key in ROLE_PREDICATES:
            backing = [role_evidence.get((g, s, p, o))]
        elif key == "said":
            backing = [o]
        else:  # held_in, participant, about, credited_source: the event/claim node's evidence
            backing = [s]
        for b in backing:
            for item in evidence.get(b or "", {}).values():
                if item["article"] == a:
                    edge["evidence"][(item["article"], item["start"], item["end"], item["extractor"])] = item

    for (s, o, key), e in sorted(edges.items()):
        G.add_edge(
            s,
            o,
            key=key,
            predicate=e["predicate"],
            articles=sorted(e["articles"]),
            evidence=[e["evidence"][k] for k in sorted(e["evidence"], key=lambda k: (str(k[0]), k[1], k[2], k[3]))],
        )
    return G


__all__ = ["to_networkx", "NODE_TYPES", "EDGE_PREDICATES"]
