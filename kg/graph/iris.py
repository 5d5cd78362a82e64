"""Stable IRIs for the records: the same input always gives the same names.

Why a module of its own: every IRI the graph mints is derived here from ids the
pipeline already made stable (entity ids, article ids) or from a short hash of
a fact's identifying fields; an event's node is decided here too (its
article's own unless the same happening is established, :func:`event_iris`). No counters, no random blank nodes,
no timestamps, so two builds of the same input are isomorphic and a rebuild of
an article lands on exactly the same nodes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from collections import Counter
from collections.abc import Sequence

from rdflib import URIRef

from ..model import Claim, Event, Evidence, Role
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
    """The IRI of an event id as given (the sample graph's hand-written events; tests)."""
    return KGE[local_name(event_id)]


_FULL_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def event_merge_key(event: Event) -> str | None:
    """What one event must share with another article's event to be the same node, or None.

    Two articles' events are one real-world event only on evidence: the same
    type, the same calendar day (a full date: "--06-16" names no year), and the
    same place and participants, so at least one of them in common. An event
    with no full date, or with neither place nor participants, gets None: it
    stays its article's own node. The key hashes the full argument set rather
    than "one participant in common" because the IRI must be a function of the
    event alone (the same graph in any build order); that makes merging
    stricter, never looser, than the rule.
    """
    m = _FULL_DATE.match(event.when or "")
    if m is None or not (event.where or event.participants):
        return None
    return short_hash(event.type, m.group(1), event.where or "", *sorted(set(event.participants)), length=16)


def event_iris(article_id: str, events: Sequence[Event]) -> list[URIRef]:
    """The IRIs of one article's events, in order; never two events on one IRI.

    An event with a merge key (:func:`event_merge_key`) that no other event of
    the article shares gets ``kge:<Type>_<date>_<key>``, the same in every
    article that reports it. Otherwise (no key, or two events the extractor
    kept apart with equal arguments, e.g. two undated sanctions) it is the
    article's own: ``kge:<article>-<Type>-<hash of its evidence spans>``.
    """
    keys = [event_merge_key(e) for e in events]
    shared = Counter(k for k in keys if k)
    out: list[URIRef] = []
    for i, (event, k) in enumerate(zip(events, keys)):
        if k and shared[k] == 1:
            iri = KGE[f"{local_name(event.type)}_{(event.when or '')[:10]}_{k}"]
        else:
            spans = sorted((e.start, e.end) for e in event.evidence if e.article_id == article_id)
            iri = KGE[f"{local_name(article_id)}-{local_name(event.type)}-" + short_hash(*spans or [i], length=12)]
        while iri in out:  # equal spans (hand-made records): still two nodes
            iri = URIRef(f"{iri}-{i}")
        out.append(iri)
    return out


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


def source_key(source: str) -> str:
    """One spelling per input document: the resolved path (plus ``:line`` for JSONL records).

    Relative sources are resolved against the current directory, so ``seeds/a.txt``,
    ``./seeds/a.txt`` and ``/abs/seeds/a.txt`` name the same document, and the
    graph records it the same way whichever spelling the build was given.
    """
    path = path_part(source)
    line = source[len(path) :]
    try:
        return str(Path(path).expanduser().resolve()) + line
    except (OSError, RuntimeError):
        return source


def path_part(source: str) -> str:
    """``data.jsonl:12`` -> ``data.jsonl`` (a reader records the line of a JSONL article)."""
    m = re.match(r"^(.*):(\d+)$", source)
    if m and not Path(source).exists():
        return m.group(1)
    return source


def article_id_of_graph(graph: str) -> str | None:
    """The article id of a named-graph IRI, or None for a shared graph or a foreign graph."""
    if not graph.startswith(str(KGG)) or graph in {str(g) for g in SHARED_GRAPHS}:
        return None
    return graph[len(str(KGG)) :]


__all__ = [
    "local_name", "short_hash", "entity_iri", "article_iri", "graph_iri", "event_iri", "event_iris", "event_merge_key",
    "claim_iri", "role_iri", "source_key", "path_part", "evidence_iri", "predicate_iri", "class_iri", "article_id_of_graph", "pair_iri",
]
