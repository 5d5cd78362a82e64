"""Conversions between rdflib terms and pyoxigraph terms.

Why: the graph is built with rdflib (its API is what the rest of the Python
world speaks, and pyshacl runs on it) but stored and queried with Oxigraph
(10–50× faster SPARQL). Converting term by term keeps literals exact
(lexical form, datatype, language) without a text round trip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .namespaces import CO_MENTION_GRAPH, ENTITY_GRAPH, KG, ONTOLOGY_GRAPH, SUMMARY_GRAPH

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# kg's own graphs and bookkeeping predicates as Oxigraph terms, made once for the
# embedded store, the remote store and the shared-graph writers
ARTICLE_ID = ox.NamedNode(str(KG.articleId))
FINGERPRINT = ox.NamedNode(str(KG.buildFingerprint))
SOURCE_PATH = ox.NamedNode(str(KG.sourcePath))
ONTOLOGY_GRAPH_NODE = ox.NamedNode(str(ONTOLOGY_GRAPH))
ENTITY_GRAPH_NODE = ox.NamedNode(str(ENTITY_GRAPH))
CO_MENTION_GRAPH_NODE = ox.NamedNode(str(CO_MENTION_GRAPH))
SUMMARY_GRAPH_NODE = ox.NamedNode(str(SUMMARY_GRAPH))
# how many articles hold a pair or a summarised fact (the co-mention and summary graphs)
ARTICLE_COUNT = ox.NamedNode(str(KG.articleCount))
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
# the graphs shared by all articles (not an article's own)
SHARED_GRAPH_NODES = (ENTITY_GRAPH_NODE, CO_MENTION_GRAPH_NODE, ONTOLOGY_GRAPH_NODE, SUMMARY_GRAPH_NODE)


def article_count(node: ox.NamedNode, n: int) -> ox.Triple:
    """``node kg:articleCount n``, the count the shared and summary graphs keep."""
    return ox.Triple(node, ARTICLE_COUNT, ox.Literal(str(n), datatype=XSD_INTEGER))


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term -> pyoxigraph term (lexical form kept verbatim)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store RDF term {term!r}")


def from_ox(term: object) -> Node:
    """pyoxigraph term -> rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (XSD_STRING, RDF_LANGSTRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"cannot convert RDF term {term!r}")


def triples_to_ox(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[ox.Triple]:
    for s, p, o in triples:
        yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))


def quads_to_ox(triples: Iterable[tuple[Node, Node, Node]], graph: URIRef) -> Iterator[ox.Quad]:
    g = ox.NamedNode(str(graph))
    for s, p, o in triples:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), g)
