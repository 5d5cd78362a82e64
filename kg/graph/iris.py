"""Stable IRIs for the records: the same input always gives the same names.

Why a module of its own: every IRI the graph mints is derived here from ids the
pipeline already made stable (entity ids, article ids, event ids) or from a
short hash of a fact's identifying fields. No counters, no random blank nodes,
no timestamps, so two builds of the same input are isomorphic and a rebuild of
an article lands on exactly the same nodes.
"""

from __future__ import annotations

import hashlib
import unicodedata

from rdflib import URIRef

from ..model import Claim, Evidence, Role
from .namespaces import KG, KGA, KGC, KGD, KGE, KGG, KGP, KGR, KGS, SHARED_GRAPHS

_SAFE_PUNCT = frozenset("_-.~")


def local_name(text: str) -> str:
    """A readable, IRI-safe local name: NFC, spaces to ``_``, other unsafe chars %-encoded.

    Letters and digits of any script are kept (IRIs allow them), so
    ``kgd:Nguyễn_Phú_Trọng`` stays readable; ``/``, ``#``, ``?``, quotes and the
    like are percent-encoded so an id can never change the IRI's structure.
    """
    text = unicodedata.normalize("NFC", text.strip())
    out: list[str] = []
    for ch in text:
        if ch.isspace():
            out.append("_")
        elif ch.isalnum() or ch in _SAFE_PUNCT:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def short_hash(*parts: object, length: int = 12) -> str:
    """A short content hash of the parts (joined with a separator that cannot occur)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def entity_iri(entity_id: str) -> URIRef:
    return KGD[local_name(entity_id)]


def article_iri(article_id: str) -> URIRef:
    return KGA[local_name(article_id)]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds every fact of one article."""
    return KGG[local_name(article_id)]


def event_iri(event_id: str) -> URIRef:
    """Events keep the linker's id, so one event reported by two articles is one node."""
    return KGE[local_name(event_id)]


def claim_iri(article_id: str, claim: Claim) -> URIRef:
    """Claims are per article; the article id is prefixed unless the claim id has it."""
    cid = claim.id if article_id in claim.id else f"{article_id}-{claim.id}"
    return KGC[local_name(cid)]


def role_iri(article_id: str, role: Role) -> URIRef:
    """A role assertion is one statement in one article: hash of what it says and where."""
    ev = role.evidence
    return KGR[f"{local_name(article_id)}-" + short_hash(role.person, role.predicate, role.org or "", role.title, ev.start, ev.end)]


def evidence_iri(ev: Evidence) -> URIRef:
    """One node per (span, extractor, confidence) of an article: facts from the same span share it."""
    return KGS[
        f"{local_name(ev.article_id)}-{ev.start}-{ev.end}-" + short_hash(ev.sentence, ev.extractor, ev.confidence, length=8)
    ]


def predicate_iri(name: str) -> URIRef:
    """``spokesperson_of`` -> ``kg:spokesperson_of`` (role predicates, ``held_in``, ``said`` …)."""
    return KG[name]


def class_iri(name: str) -> URIRef:
    """``Person`` -> ``kg:Person``; ``Summit`` -> ``kg:Summit``."""
    return KG[name]


def pair_iri(a: str, b: str) -> URIRef:
    """The co-mention node of two entity IRIs, the same whichever order they come in."""
    first, second = sorted((str(a), str(b)))
    return KGP[short_hash(first, second, length=16)]


def article_id_of_graph(graph: str) -> str | None:
    """The article id of a named-graph IRI, or None for a shared graph or a foreign graph."""
    if not graph.startswith(str(KGG)) or graph in {str(g) for g in SHARED_GRAPHS}:
        return None
    return graph[len(str(KGG)) :]


__all__ = [
    "local_name", "short_hash", "entity_iri", "article_iri", "graph_iri", "event_iri",
    "claim_iri", "role_iri", "evidence_iri", "predicate_iri", "class_iri", "article_id_of_graph", "pair_iri",
]
