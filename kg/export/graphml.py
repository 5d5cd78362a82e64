"""GraphML for Gephi, yEd, Cytoscape: the actor/event/claim view of the graph.

The graph is :func:`kg.graph.view.to_networkx`'s (entities, events and claims
as nodes, predicates as edges), not the raw triples: that is what a network
tool can lay out. GraphML attributes must be scalars, so lists become one
string ("a; b") and dicts/evidence records become JSON text; ``None`` is
dropped (GraphML has no null). ``label`` and ``type`` stay node attributes so
Gephi shows names and can colour by type straight away.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import networkx as nx

from ..errors import KgError
from .formats import export_format

LIST_SEPARATOR = "; "


def scalar(value: Any) -> str | int | float | bool | None:
    """A GraphML-safe value: scalars as they are, lists joined, the rest as JSON."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        if all(isinstance(v, (str, int, float, bool)) for v in items):
            return LIST_SEPARATOR.join(str(v) for v in items)
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        flat = scalar(value)
        if flat is not None:
            out[str(key)] = flat
    return out


def flatten(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose graph, node and edge attributes are all scalars."""
    flat = graph.__class__()
    flat.graph.update(_flat(graph.graph))
    for node, attrs in graph.nodes(data=True):
        flat.add_node(str(node), **_flat(attrs))
    if graph.is_multigraph():
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            flat.add_edge(str(u), str(v), key=key, **_flat(attrs))
    else:
        for u, v, attrs in graph.edges(data=True):
            flat.add_edge(str(u), str(v), **_flat(attrs))
    return flat


def network_of(store: Any) -> nx.Graph:
    try:
        from ..graph.view import to_networkx
    except ImportError as exc:  # the view is another stage's module
        raise KgError(f"GraphML export needs kg.graph.view.to_networkx ({exc})") from None
    return to_networkx(store)


@export_format("graphml", "graphml", "application/graphml+xml", named_graphs=False,
               description="GraphML: actors, events and claims as nodes (for Gephi, yEd)")
def write_graphml(store: Any, out: BinaryIO) -> None:
    nx.write_graphml(flatten(network_of(store)), out, encoding="utf-8", prettyprint=True)
