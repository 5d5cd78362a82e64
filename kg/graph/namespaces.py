"""The IRIs of the graph: one place, so every stage spells them the same way.

- ``KG``  the ontology (classes, properties): ``kg:Person``, ``kg:spokesperson_of``
- ``KGD`` canonical entities: ``kgd:Dmitry_Peskov``, ``kgd:Kremlin``, ``kgd:Russia``
- ``KGA`` articles (``kga:<article id>``), and their named graphs ``KGG``
- ``KGE`` events, ``KGC`` claims, ``KGR`` role assertions (statement nodes)

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
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ONTOLOGY_GRAPH = KGG["ontology"]

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "kgd": KGD,
    "kga": KGA,
    "kgg": KGG,
    "kge": KGE,
    "kgc": KGC,
    "kgr": KGR,
    "kgs": KGS,
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
    "BASE", "KG", "KGD", "KGA", "KGG", "KGE", "KGC", "KGR", "KGS", "SEM",
    "ONTOLOGY_GRAPH", "PREFIXES", "SDO", "SH", "PROV", "SKOS", "OWL", "RDF", "RDFS", "XSD",
]
