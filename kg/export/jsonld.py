"""JSON-LD, compacted with the project's own context, Vietnamese left readable.

rdflib writes it (Oxigraph's JSON-LD writer does not compact). The context is
``ontology/context.jsonld``, shipped with the package and read from disk —
never fetched, so an export works offline and cannot change under us. Until
that file exists (or if it is removed) the context is the project's prefixes
alone, which still shortens every IRI to ``kgd:…``/``kg:…``.

Every article keeps its named graph (``@graph`` per ``@id`` of the graph), like
TriG. ``ensure_ascii=False`` keeps "Điện Kremlin" as UTF-8 text instead of
``\\u0110i\\u1ec7n`` escapes, so the file is readable and half the size.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import Dataset

from ..errors import KgError
from ..graph.namespaces import PREFIXES
from ..graph.terms import from_ox
from ..resources import ontology_dir
from .formats import export_format, unwrap

CONTEXT_FILE = "context.jsonld"


def context_path() -> Path:
    return ontology_dir() / CONTEXT_FILE


@cache
def _load_context(path: Path, mtime: float) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgError(f"{path}: cannot read the JSON-LD context: {exc}") from None
    ctx = data.get("@context", data) if isinstance(data, dict) else None
    if not isinstance(ctx, dict):
        raise KgError(f"{path}: a JSON-LD context must be an object with an '@context' object")
    return ctx


def project_context(path: Path | None = None) -> dict[str, Any]:
    """The ``@context`` object used for compaction (the shipped file, else the prefixes)."""
    target = path if path is not None else context_path()
    if target.is_file():
        return _load_context(target, target.stat().st_mtime)
    return {name: str(ns) for name, ns in PREFIXES.items()}


def to_dataset(store: ox.Store) -> Dataset:
    """An rdflib copy of every quad, named graphs kept (the default graph as itself)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    graphs: dict[Any, Any] = {}  # one rdflib Graph per name: ds.graph() per quad is slow

    def graph_of(name: Any) -> Any:
        if name not in graphs:
            graphs[name] = ds.default_graph if isinstance(name, ox.DefaultGraph) else ds.graph(from_ox(name))
        return graphs[name]

    ds.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph_of(q.graph_name)) for q in store)
    return ds


def _canonical_order(value: Any, key: str | None = None) -> Any:
    """Sort the arrays of a JSON-LD document that are sets, so one store gives one file.

    rdflib lists nodes in ``set`` order, which changes with Python's hash seed
    from run to run. JSON-LD arrays are unordered (RDF has no order) except
    ``@list``, which is left exactly as it is.
    """
    if isinstance(value, dict):
        return {k: _canonical_order(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_order(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: (str(v.get("@id", "")) if isinstance(v, dict) else "",
                                            json.dumps(v, ensure_ascii=False, sort_keys=True)))
    return value


def serialize_jsonld(store: ox.Store, context: dict[str, Any] | None = None) -> bytes:
    from rdflib.plugins.serializers.jsonld import from_rdf

    doc = from_rdf(to_dataset(store), context_data=context if context is not None else project_context())
    ctx = doc.pop("@context", None) if isinstance(doc, dict) else None
    doc = _canonical_order(doc)
    if ctx is not None:
        doc = {"@context": ctx, **doc}
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


@export_format("jsonld", "jsonld", "application/ld+json", named_graphs=True,
               description="JSON-LD: compacted with ontology/context.jsonld, one @graph per article")
def write_jsonld(store: Any, out: BinaryIO) -> None:
    out.write(serialize_jsonld(unwrap(store)))
