"""Shared, expensive inputs for the graph/store/build tests (no tests here).

The seeds are built ONCE per test session (underthesea costs ~1–2 s per
article) into a temporary folder; tests read that store read-only, or copy it
before changing it. A plain cached function rather than a fixture: a fixture
imported into several modules would be built once per module.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import SEEDS

from kg.build import BuildSummary, build
from kg.graph.rdf import extraction_to_graph, ontology_graph
from kg.graph.sample import sample_extractions
from kg.graph.store import Store


@cache
def seeds_build() -> tuple[Path, BuildSummary]:
    """(out dir, summary) of ``kg build`` over the five seeds; the store is ``out/store``."""
    if not SEEDS.is_dir():
        raise RuntimeError(f"test data missing: {SEEDS} (set KG_SHARED to the shared/ folder)")
    out = Path(tempfile.mkdtemp(prefix="kg-seeds-"))
    atexit.register(shutil.rmtree, out, True)
    summary = build([SEEDS], out=out, quiet=True)
    return out, summary


def copy_seeds_store(dest: Path) -> Path:
    """A private, writable copy of the seeds store."""
    out, _ = seeds_build()
    target = dest / "store"
    shutil.copytree(out / "store", target)
    return target


def sample_store() -> Store:
    """An in-memory store holding the ontology and the two hand-made extractions."""
    store = Store(None)
    store.ensure_ontology(ontology_graph())
    for x in sample_extractions():
        store.replace_article(x.article.id, extraction_to_graph(x))
    return store
