"""Run one read-only SPARQL query against the store.

The runner talks to pyoxigraph directly (``Store.ox``) rather than through
``kg.graph.store.Store.query`` because it needs pyoxigraph's raw
``SyntaxError`` to tell a refused UPDATE from a typo (see :mod:`.guard`).
The query semantics are the same as everywhere in ``kg``: the project's
prefixes are predeclared, and the default graph is the union of all named
graphs (one per article), so a query needs no ``GRAPH`` clause.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..graph.store import as_oxigraph
from .guard import refusal, refuse_service
from .prefixes import prefix_map


oxigraph_of = as_oxigraph  # re-exported by kg.query



def open_store(path: str | os.PathLike[str] | None = None) -> Any:
    """Open the store at ``path`` (default: kg's default store dir) READ-ONLY.

    Read-only opening takes no RocksDB lock, so a long query never blocks a
    ``kg build`` writing the same store (and vice versa). An open that meets
    the files a build is swapping is retried, and then reported as "a build
    is writing", never as corruption (:func:`kg.query.sandbox.open_read_only`).
    """
    from ..graph.backends import default_store_spec, is_remote, open_store as open_backend
    from .sandbox import open_read_only

    if path is None:
        path = default_store_spec()
    if is_remote(path):  # a SPARQL endpoint URL (kg.graph.remote)
        return open_backend(path, read_only=True)
    return open_read_only(Path(path))


@dataclass(frozen=True, slots=True)
class QueryResult:
    """One query's answer: ``kind`` says which pyoxigraph object ``raw`` is.

    ``raw`` is kept as pyoxigraph returned it so writers can use pyoxigraph's
    own W3C serialisers (and stream: solutions are iterated once).
    """

    kind: str  # "select" (QuerySolutions) | "ask" (QueryBoolean) | "graph" (QueryTriples)
    raw: Any

    @property
    def boolean(self) -> bool:
        return bool(self.raw)


def run_query(
    source: Any, text: str, *, union: bool = True, bindings: Mapping[str, Any] | None = None
) -> QueryResult:
    """Parse and run ``text``; raise :class:`~kg.errors.QueryError` for updates, SERVICE and syntax errors.

    ``bindings`` maps variable names to pyoxigraph terms (see :mod:`.bindings`);
    they are substituted by the engine, not formatted into the text.
    """
    refuse_service(text)
    subs = {ox.Variable(name): term for name, term in (bindings or {}).items()}
    remote = getattr(source, "remote_query", None)  # a SPARQL endpoint answers itself (kg.graph.remote)
    try:
        if remote is not None:
            ox.Store().query(text, prefixes=prefix_map())  # parsed here first: updates and typos refused alike
            result = remote(text, union=union, substitutions=subs or None)
        else:
            result = oxigraph_of(source).query(
                text, prefixes=prefix_map(), use_default_graph_as_union=union, substitutions=subs or None
            )
    except SyntaxError as exc:
        raise refusal(text, exc) from None
    except RuntimeError as exc:  # pyoxigraph: a bound variable the query does not project
        raise QueryError(f"cannot bind: {' '.join(str(exc).split())}") from None
    except OSError as exc:
        raise StoreError(f"query failed: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", result)
    if isinstance(result, ox.QueryTriples):
        return QueryResult("graph", result)
    return QueryResult("select", result)
