"""A small real store for the query, export and serve tests (no tests here).

Built from ``kg.graph.sample`` (hand-made extractions of two seed articles)
through the real RDF mapping and the real store, so the tests see the graph
``kg build`` would write: two article graphs plus the ontology graph.
"""

from __future__ import annotations

from pathlib import Path

from kg.graph.rdf import extraction_to_graph, ontology_graph
from kg.graph.sample import sample_extractions
from kg.graph.store import Store


def build_sample_store(path: Path | None) -> Store:
    """Fill a store at ``path`` (None: in memory) and return it, still open."""
    store = Store(path)
    store.ensure_ontology(ontology_graph())
    for x in sample_extractions():
        store.replace_article(x.article.id, extraction_to_graph(x))
    store.flush()
    return store


def write_sample_store(path: Path) -> Path:
    """Build the sample store on disk, close it (releasing the lock), return its path."""
    build_sample_store(path).close()
    return path
