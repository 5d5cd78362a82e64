"""Turtle, N-Triples, TriG and N-Quads, written by Oxigraph itself.

Oxigraph's serialisers stream straight from the store (no rdflib copy of the
graph in memory) and are an order of magnitude faster than rdflib's, which
matters for ``kg build`` over a large corpus.

* TriG and N-Quads are *datasets*: every article keeps its own named graph
  (its provenance), plus the ontology graph.
* Turtle and N-Triples hold one graph: the union of all graphs, each distinct
  triple once (``kgd:Russia rdfs:label "Nga"@vi`` stated by fifty articles is
  one line), with the project's prefixes declared.

The union is Oxigraph's own ``CONSTRUCT`` over the union default graph: it
drops duplicate triples, and it scans the store subject by subject, so Turtle
groups each node's properties under it without a sort (an ``ORDER BY`` on all
terms was ten times slower on 500k triples, for the same file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

import pyoxigraph as ox

from ..graph.namespaces import PREFIXES
from .formats import export_format, unwrap

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def _prefixes() -> dict[str, str]:
    return {name: str(ns) for name, ns in PREFIXES.items()}


def union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every distinct triple of every graph (default graph included)."""
    yield from store.query(_UNION, use_default_graph_as_union=True)


@export_format("turtle", "ttl", "text/turtle", named_graphs=False,
               description="Turtle: union of all graphs, with the project's prefixes")
def write_turtle(store: Any, out: BinaryIO) -> None:
    ox.serialize(union_triples(unwrap(store)), out, ox.RdfFormat.TURTLE, prefixes=_prefixes())


@export_format("nt", "nt", "application/n-triples", named_graphs=False,
               description="N-Triples: union of all graphs, one triple per line")
def write_ntriples(store: Any, out: BinaryIO) -> None:
    ox.serialize(union_triples(unwrap(store)), out, ox.RdfFormat.N_TRIPLES)


@export_format("trig", "trig", "application/trig", named_graphs=True,
               description="TriG: one named graph per article, with the project's prefixes")
def write_trig(store: Any, out: BinaryIO) -> None:
    unwrap(store).dump(out, ox.RdfFormat.TRIG, prefixes=_prefixes())


@export_format("nq", "nq", "application/n-quads", named_graphs=True,
               description="N-Quads: one named graph per article, one quad per line")
def write_nquads(store: Any, out: BinaryIO) -> None:
    unwrap(store).dump(out, ox.RdfFormat.N_QUADS)
