"""The IRIs of the graph: one place, so every stage spells them the same way.

- ``KG``  the ontology (classes, properties): ``kg:Person``, ``kg:spokesperson_of``
- ``KGD`` canonical entities: ``kgd:Dmitry_Peskov``, ``kgd:Kremlin``, ``kgd:Russia``
- ``KGA`` articles (``kga:<article id>``), and their named graphs ``KGG``
- ``KGE`` events, ``KGC`` claims, ``KGR`` role assertions (statement nodes)
- ``KGP`` co-mention pairs (``kgp:<hash of the two entity IRIs>``), derived counts
- two graphs that articles share: ``ENTITY_GRAPH`` (each entity's English name,
  written once however many articles name it) and ``CO_MENTION_GRAPH`` (how
  many articles name each pair of actors); see :mod:`kg.graph.shared`; ``SUMMARY_GRAPH``
  (per-person role and per-event summaries, recency lists); see :mod:`kg.graph.summaries`

schema.org is always ``https://schema.org/`` (rdflib's ``SDO``).
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD

BASE = "https://w3id.org/kg-vn/"
KG = Namespace(BASE + "ontology#")
KGD = Namespace(BASE + "id/")
KGA = Namespace(BASE + "article/")
KGG = Namespace(BASE + "graph/")
KGE = Namespace(BASE + "event/")
KGC = Namespace(BASE + "claim/")
KGR = Namespace(BASE + "role/")
KGS = Namespace(BASE + "sentence/")
KGP = Namespace(BASE + "pair/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ONTOLOGY_GRAPH = KGG["ontology"]
ENTITY_GRAPH = KGG["entities"]
CO_MENTION_GRAPH = KGG["co-mentions"]
SUMMARY_GRAPH = KGG["summaries"]  # role and event summaries, recency lists (kg.graph.summaries)
# graphs that hold no article (article ids are "<name>_<hash>", so they cannot clash)
SHARED_GRAPHS = (ONTOLOGY_GRAPH, ENTITY_GRAPH, CO_MENTION_GRAPH, SUMMARY_GRAPH)

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "kgd": KGD,
    "kga": KGA,
    "kgg": KGG,
    "kge": KGE,
    "kgc": KGC,
    "kgr": KGR,
    "kgs": KGS,
    "kgp": KGP,
    "schema": SDO,
    "prov": PROV,
    "skos": SKOS,
    "sem": SEM,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

__all__ = [
    "BASE", "KG", "KGD", "KGA", "KGG", "KGE", "KGC", "KGR", "KGS", "KGP", "SEM",
    "ONTOLOGY_GRAPH", "ENTITY_GRAPH", "CO_MENTION_GRAPH", "SUMMARY_GRAPH", "SHARED_GRAPHS", "PREFIXES", "SDO", "SH", "PROV", "SKOS", "OWL", "RDF", "RDFS", "XSD",
]
