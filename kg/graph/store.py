"""The embedded store: Oxigraph on disk, one named graph per article.

Why Oxigraph: rdflib's SPARQL engine is 10–50× slower on large graphs; pyoxigraph
is an embedded, persistent, transactional quad store with a fast SPARQL engine.
rdflib is still used where it fits: building one article's triples and running
pyshacl on an in-memory copy (see :meth:`Store.dataset`, :meth:`Store.union_graph`).

Crash safety: :meth:`Store.replace_article` drops the article's graph and inserts
its new triples (with the completion marker ``kg:buildFingerprint``) in ONE
SPARQL update, which Oxigraph applies as one transaction: a killed build leaves
every article either fully old, fully new or absent, never half-written.
Literals reach that update only through Oxigraph's own N-Triples serializer,
which escapes them; article text is never formatted into SPARQL by hand.

Locking: a writable store is locked by Oxigraph (RocksDB) for one process. A
second writer gets a one-line :class:`~kg.errors.StoreError`; readers
(``kg query``, ``kg validate`` …) open the store read-only, which works while a
build writes.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from ..errors import QueryError, StoreError
from . import shared, summaries
from .iris import article_id_of_graph, graph_iri, source_key
from .iris import path_part as _path_part
from .namespaces import ONTOLOGY_GRAPH, PREFIXES
from .terms import (
    ARTICLE_ID,
    CO_MENTION_GRAPH_NODE,
    ENTITY_GRAPH_NODE,
    FINGERPRINT,
    ONTOLOGY_GRAPH_NODE,
    SHARED_GRAPH_NODES,
    SOURCE_PATH,
    SUMMARY_GRAPH_NODE,
    from_ox,
    to_ox,
    triples_to_ox,
)

DEFAULT_OUT_DIRNAME = "exports"
STORE_DIRNAME = "store"
STORE_ENV = "KG_STORE"

_SHARED = frozenset(SHARED_GRAPH_NODES)


def default_out_dir() -> Path:
    """Where ``kg build`` writes its exports: ``exports/`` under the current directory."""
    return Path.cwd() / DEFAULT_OUT_DIRNAME


def default_store_dir(out: str | os.PathLike[str] | None = None) -> Path:
    """The one place every command takes its default store from.

    ``$KG_STORE`` if set, else ``<out>/store`` (``exports/store`` by default).
    """
    if out is not None:
        return Path(out) / STORE_DIRNAME
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env)
    return default_out_dir() / STORE_DIRNAME


def is_store_dir(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` holds an Oxigraph (RocksDB) store."""
    return (Path(path) / "CURRENT").is_file()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _open(path: Path, read_only: bool) -> ox.Store:
    if read_only:
        if not is_store_dir(path):
            raise StoreError(f"{path}: no store here (run `kg build` first, or pass --store DIR)")
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
            raise StoreError(f"{path}: cannot open the store: {_first_line(exc)}") from None
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store directory")
    if path.is_dir() and any(path.iterdir()) and not is_store_dir(path):
        raise StoreError(f"{path}: directory is not a kg store (refusing to write into it)")
    try:
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
        msg = _first_line(exc)
        if "lock" in msg.lower():
            raise StoreError(
                f"{path}: the store is in use by another process (a running `kg build`?); "
                "wait for it to finish or pass another --store"
            ) from None
        raise StoreError(f"{path}: cannot open the store: {msg}") from None


def as_oxigraph(source: Any) -> ox.Store:
    """The pyoxigraph store behind ``source`` (kg's :class:`Store` or pyoxigraph's own)."""
    if isinstance(source, ox.Store):
        return source
    inner = getattr(source, "ox", None)
    if isinstance(inner, ox.Store):
        return inner
    raise TypeError(f"not a store: {source!r}")


def _data_block(verb: str, graphs: list[tuple[ox.NamedNode, list[ox.Triple]]]) -> str:
    """``INSERT DATA``/``DELETE DATA`` over several graphs ("" when there is nothing to write).

    Oxigraph's serializer writes every term, escaping each literal: the only
    text formatted here is graph IRIs that kg minted. Article text never
    reaches the update as SPARQL.
    """
    parts = [f"GRAPH {g} {{\n{ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES).decode('utf-8')}}}\n"
             for g, ts in graphs if ts]
    return f"{verb} DATA {{\n{''.join(parts)}}} ;\n" if parts else ""


def _sparql_prefixes() -> dict[str, str]:
    return {k: str(v) for k, v in PREFIXES.items()}


class Store:
    """A quad store holding one named graph per article plus the ontology graph.

    ``Store(None)`` is in memory (tests, one-off runs); ``Store(path)`` is on disk
    and persistent; ``Store(path, read_only=True)`` for commands that only read.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path: Path | None = Path(path) if path is not None else None
        self.read_only = read_only and self.path is not None
        self._ox: ox.Store | None = ox.Store() if self.path is None else _open(self.path, self.read_only)

    # -- lifecycle ---------------------------------------------------------
    @classmethod
    def open_read(cls, path: str | os.PathLike[str] | None = None) -> Store:
        """Open an existing store for reading (default: :func:`default_store_dir`)."""
        return cls(path if path is not None else default_store_dir(), read_only=True)

    @property
    def ox(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store` (for exporters and the query runner)."""
        if self._ox is None:
            raise StoreError(f"{self.path or 'in-memory store'}: store is closed")
        return self._ox

    def flush(self) -> None:
        if self._ox is not None and not self.read_only and self.path is not None:
            self._ox.flush()

    def close(self) -> None:
        """Flush and release the store (and its lock)."""
        if self._ox is not None:
            self.flush()
            self._ox = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path) if self.path else None!r}, read_only={self.read_only})"

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        return self.ox

    # -- writing -----------------------------------------------------------
    def _update(self, sparql: str) -> None:
        """Run one SPARQL update (one transaction); a failure is a one-line StoreError."""
        try:
            self._writable().update(sparql)
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"{self.path or 'in-memory store'}: write failed: {_first_line(exc)}") from None

    def _replace_graph(self, graph_name: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        g = ox.NamedNode(str(graph_name))
        ox_triples = list(triples_to_ox(triples))
        self._update(f"DROP SILENT GRAPH {g} ;\n" + _data_block("INSERT", [(g, ox_triples)]))
        return len(ox_triples)

    def replace_article(self, article_id: str, graph: Graph, *, supersedes: Iterable[str] = ()) -> int:
        """Replace the named graph of one article with ``graph``, atomically. Returns its size.

        ``supersedes``: ids of older versions of the same document (same source,
        changed text, hence another content-derived id), dropped in the same
        transaction so a changed article never leaves its old facts behind.
        Entity names go to the shared entity graph and co-mention counts are
        updated in that transaction too (see :mod:`kg.graph.shared`).
        """
        triples = list(triples_to_ox(graph))
        self._write_article(article_id, triples, [a for a in supersedes if a != article_id])
        return len(triples)

    def remove_article(self, article_id: str) -> bool:
        """Drop one article's graph (all its facts). False when it was not in the store."""
        if not self._writable().contains_named_graph(ox.NamedNode(str(graph_iri(article_id)))):
            return False
        self._write_article(article_id, None, [])
        return True

    def _write_article(self, article_id: str, triples: list[ox.Triple] | None, supersedes: list[str]) -> None:
        """One transaction: drop the article's old graph(s), write its new one, keep the shared graphs right.

        ``triples`` None removes the article. The co-mention counts lose the
        pairs of every dropped graph and gain the new graph's; entity names that
        no article describes any more are dropped.
        """
        store = self._writable()
        target = ox.NamedNode(str(graph_iri(article_id)))
        dropped = [g for g in dict.fromkeys([target, *(ox.NamedNode(str(graph_iri(a))) for a in supersedes)])
                   if store.contains_named_graph(g)]
        own, names = shared.split(triples or [])
        delta: Counter[tuple[ox.NamedNode, ox.NamedNode]] = Counter(shared.pairs(shared.actors(own)))
        described: set[ox.NamedNode] = set()
        persons, events = summaries.touched(own)
        for g in dropped:
            old = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g)]
            delta.subtract(shared.pairs(shared.actors(old)))
            described |= shared.entities_of(old)
            p, e = summaries.touched(old)
            persons |= p
            events |= e
        view = summaries.View(store, set(dropped) | _SHARED, (target, own) if triples is not None else None)
        summary_delete, summary_insert = summaries.changes(view, persons, events)
        summary_delete += summaries.list_triples(store)  # stale now: refresh_summaries() writes them anew
        gone = shared.orphaned_names(store, described - shared.entities_of(own), set(dropped))
        renamed, named = shared.name_changes(store, names)
        pair_delete, pair_insert = shared.count_changes(store, delta)
        if pair_delete or pair_insert:
            pair_delete += shared.floor_triples(store)  # stale now: refresh_co_mention_floor() writes it anew
        update = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in dropped)
        update += _data_block("DELETE", [(ENTITY_GRAPH_NODE, gone + renamed), (CO_MENTION_GRAPH_NODE, pair_delete),
                                         (SUMMARY_GRAPH_NODE, summary_delete)])
        update += _data_block("INSERT", [(target, own), (ENTITY_GRAPH_NODE, named), (CO_MENTION_GRAPH_NODE, pair_insert),
                                         (SUMMARY_GRAPH_NODE, summary_insert)])
        if update:
            self._update(update)

    def rebuild_co_mentions(self) -> int:
        """Recount the co-mention graph from the article graphs; returns the number of pairs.

        Writes through :meth:`replace_article` keep the counts right on their
        own; this is for stores filled another way (a bulk load of N-Quads).
        """
        store = self._writable()
        counts = shared.co_mention_counts(self._actors_by_article().values())
        if store.contains_named_graph(CO_MENTION_GRAPH_NODE):
            store.remove_graph(CO_MENTION_GRAPH_NODE)
        store.extend(ox.Quad(t.subject, t.predicate, t.object, CO_MENTION_GRAPH_NODE)
                     for (a, b), n in counts.items() for t in shared.pair_triples(a, b, n))
        self.refresh_co_mention_floor()
        return len(counts)

    def rebuild_summaries(self) -> int:
        """Recompute the role and event summaries from the article graphs, then the recency lists.

        Returns the number of summary nodes. Like :meth:`rebuild_co_mentions`,
        for stores filled another way (a bulk load of N-Quads); every write
        through :meth:`replace_article` keeps them right on its own.
        """
        store = self._writable()
        if store.contains_named_graph(SUMMARY_GRAPH_NODE):
            store.remove_graph(SUMMARY_GRAPH_NODE)
        persons, events = summaries.all_keys(store)
        view = summaries.View(store, set(_SHARED))
        _, insert = summaries.changes(view, persons, events)
        store.extend(ox.Quad(t.subject, t.predicate, t.object, SUMMARY_GRAPH_NODE) for t in insert)
        self.refresh_summaries()
        return len({t.subject for t in insert})

    def refresh_summaries(self) -> int:
        """Write the lists of :mod:`kg.graph.summaries` (recent claims and articles, top events and pairs); returns their entries.

        Called at the end of a build or removal, like :meth:`refresh_co_mention_floor`. A store
        written before summaries existed (article graphs, no summary) gets them first.
        """
        if summaries.missing(self.ox):
            self.rebuild_summaries()  # which refreshes the lists
            return len(summaries.list_triples(self.ox))
        fresh: list[ox.Triple] = []
        for pred, query in summaries.LISTS.items():
            items = [r["item"] for r in self.ox.query(query, use_default_graph_as_union=True)]
            fresh += summaries.list_entries(pred, items)
        stale = summaries.list_triples(self.ox)
        if set(stale) != set(fresh):
            self._update(_data_block("DELETE", [(SUMMARY_GRAPH_NODE, stale)]) + _data_block("INSERT", [(SUMMARY_GRAPH_NODE, fresh)]))
        return len(fresh)

    def names_of_type(self, type_iri: URIRef) -> Iterator[tuple[str, str]]:
        """(entity IRI, English name) of every entity typed ``type_iri`` in some article, each spelling once.

        Reads the shared entity graph and checks each entity's type by index
        lookup: cheaper than the equivalent SPARQL on a large store, and called
        by every incremental build.
        """
        t = ox.NamedNode(str(type_iri))
        typed: dict[ox.NamedNode, bool] = {}
        for q in self.ox.quads_for_pattern(None, shared.LABEL, None, ENTITY_GRAPH_NODE):
            if q.subject not in typed:
                typed[q.subject] = next(iter(self.ox.quads_for_pattern(q.subject, shared.TYPE, t, None)), None) is not None
            if typed[q.subject]:
                yield q.subject.value, q.object.value

    def refresh_co_mention_floor(self) -> int:
        """Write the co-mention floor (see :mod:`kg.graph.shared`); returns it. Called at the end of a build or removal."""
        store = self._writable()
        floor = shared.top_floor(store)
        self._update(_data_block("DELETE", [(CO_MENTION_GRAPH_NODE, shared.floor_triples(store))])
                     + _data_block("INSERT", [(CO_MENTION_GRAPH_NODE, [shared.floor_triple(floor)])]))
        return floor

    def co_mention_counts(self) -> dict[tuple[str, str], int]:
        """The stored counts: (entity IRI, entity IRI) sorted -> articles naming both."""
        out: dict[tuple[str, str], int] = {}
        for q in self.ox.quads_for_pattern(None, shared.ARTICLE_COUNT, None, CO_MENTION_GRAPH_NODE):
            members = sorted(m.object.value for m in self.ox.quads_for_pattern(q.subject, shared.MEMBER, None, CO_MENTION_GRAPH_NODE))
            out[(members[0], members[1])] = int(q.object.value)
        return out

    def _actors_by_article(self) -> dict[str, frozenset[ox.NamedNode]]:
        """article graph IRI -> the actors it mentions (see :func:`kg.graph.shared.actors`)."""
        triples: dict[str, list[ox.Triple]] = {}
        for pred in (shared.MENTIONS, shared.TYPE):
            for q in self.ox.quads_for_pattern(None, pred, None, None):
                if isinstance(q.graph_name, ox.NamedNode) and article_id_of_graph(q.graph_name.value):
                    triples.setdefault(q.graph_name.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
        return {g: shared.actors(ts) for g, ts in triples.items()}

    def ensure_ontology(self, ontology: Graph) -> bool:
        """Put the ontology in its own graph; rewrite it only when it changed."""
        current = {ox.Triple(q.subject, q.predicate, q.object) for q in self.ox.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH_NODE)}
        wanted = set(triples_to_ox(ontology))
        if current == wanted:
            return False
        self._replace_graph(ONTOLOGY_GRAPH, ontology)
        return True

    # -- reading -----------------------------------------------------------
    def _per_article(self, predicate: ox.NamedNode) -> dict[str, str]:
        """article id -> value of ``predicate`` on the article node, read from each article graph."""
        ids: dict[str, str] = {}
        for q in self.ox.quads_for_pattern(None, ARTICLE_ID, None, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == str(graph_iri(q.object.value)):
                ids[q.subject.value] = q.object.value
        out: dict[str, str] = {}
        for q in self.ox.quads_for_pattern(None, predicate, None, None):
            aid = ids.get(q.subject.value)
            if aid is not None and isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == str(graph_iri(aid)):
                out[aid] = q.object.value
        return out

    def article_ids(self) -> list[str]:
        """Ids of the articles in the store (complete or not), sorted."""
        return sorted(
            q.object.value
            for q in self.ox.quads_for_pattern(None, ARTICLE_ID, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == str(graph_iri(q.object.value))
        )

    def article_fingerprints(self) -> dict[str, str]:
        """article id -> build fingerprint, for the articles whose graph is complete."""
        return self._per_article(FINGERPRINT)

    def article_sources(self) -> dict[str, str]:
        """article id -> the path it was read from (resolved: one spelling, see :func:`source_key`)."""
        return self._per_article(SOURCE_PATH)

    def find_articles(self, ref: str) -> list[str]:
        """Articles named by ``ref``: an article id, or the source path they were read from.

        A relative source path recorded by an earlier build is resolved against the
        current directory; ``path:line`` sources (JSONL) match their file.
        """
        if ref in set(self.article_ids()):
            return [ref]
        target = str(Path(ref).expanduser().resolve())
        found = []
        for aid, source in self.article_sources().items():
            if source == ref or source_key(source) == target or str(Path(_path_part(source)).expanduser().resolve()) == target:
                found.append(aid)
        return sorted(found)

    def articles_by_source(self) -> dict[str, list[str]]:
        """:func:`source_key` -> ids of the stored articles read from that document."""
        out: dict[str, list[str]] = {}
        for aid, source in sorted(self.article_sources().items()):
            out.setdefault(source_key(source), []).append(aid)
        return out

    def article_graph(self, article_id: str) -> Graph:
        """One article's triples as an rdflib Graph (copy): its named graph plus its entities' names.

        That is what was written with :meth:`replace_article`; the names come
        from the shared entity graph (see :mod:`kg.graph.shared`).
        """
        g = Graph()
        own = [ox.Triple(q.subject, q.predicate, q.object)
               for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_iri(article_id))))]
        names = (ox.Triple(q.subject, q.predicate, q.object)
                 for e in shared.entities_of(own) for q in self.ox.quads_for_pattern(e, None, None, ENTITY_GRAPH_NODE))
        for t in (*own, *names):
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def __len__(self) -> int:
        return len(self.ox)

    def quad_count(self) -> int:
        return len(self.ox)

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Every quad as rdflib terms (graph None for the default graph)."""
        for q in self.ox:
            gname = None if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), gname

    def dataset(self) -> Dataset:
        """An rdflib Dataset copy of the whole store (named graphs kept)."""
        ds = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns, override=True)
        ds.addN((s, p, o, ds.graph(g) if g is not None else ds.default_context) for s, p, o, g in self.quads())
        return ds

    def union_graph(self, *, include_ontology: bool = False) -> Graph:
        """All article graphs merged into one in-memory rdflib Graph (pyshacl is fast there)."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        onto = str(ONTOLOGY_GRAPH)
        for s, p, o, gname in self.quads():
            if include_ontology or gname is None or str(gname) != onto:
                g.add((s, p, o))
        return g

    def query(
        self, sparql: str, bindings: Mapping[str, Any] | None = None, *, union: bool = True
    ) -> Any:
        """Run a SPARQL query with pyoxigraph.

        The default graph is the union of all graphs (so queries need no GRAPH
        clause); the project's prefixes are predeclared. That union is a bag:
        a triple that several article graphs hold (an entity's type or
        Vietnamese label, a shared event) matches once per graph, so write
        ``SELECT DISTINCT`` or aggregate, and read names from ``skos:prefLabel``
        (one per entity, in the shared entity graph); the canned queries in
        ``ontology/queries`` show how. Values for variables are
        passed as ``bindings`` (``{"person": URIRef(...)}`` or plain str ->
        literal), never formatted into the query text. Returns pyoxigraph's
        result (solutions, triples or a bool).
        """
        terms = {k: (to_ox(v) if isinstance(v, Node) else ox.Literal(str(v))) for k, v in (bindings or {}).items()}
        prefixes = _sparql_prefixes()
        try:
            if not terms:
                return self.ox.query(sparql, prefixes=prefixes, use_default_graph_as_union=union)
            try:  # Oxigraph's own binding (SEP-0007): only for variables the SELECT projects
                subs = {ox.Variable(k): v for k, v in terms.items()}
                return self.ox.query(sparql, prefixes=prefixes, use_default_graph_as_union=union, substitutions=subs)
            except RuntimeError:
                # a trailing VALUES clause; each term is written by Oxigraph's serializer (escaped)
                names = " ".join(f"?{ox.Variable(k).value}" for k in terms)
                row = " ".join(str(v) for v in terms.values())
                return self.ox.query(f"{sparql}\nVALUES ({names}) {{ ({row}) }}", prefixes=prefixes,
                                     use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {_first_line(exc)}") from None
        except (ValueError, RuntimeError) as exc:  # a bad variable name or binding
            raise QueryError(f"cannot bind the query's values: {_first_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"{self.path or 'in-memory store'}: query failed: {_first_line(exc)}") from None

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Node]]:
        """A SELECT query's rows as dicts of rdflib terms (unbound variables left out)."""
        result = self.query(sparql, bindings)
        names = [v.value for v in result.variables]
        rows = []
        for sol in result:
            row = {}
            for n in names:
                term = sol[n]
                if term is not None:
                    row[n] = from_ox(term)
            rows.append(row)
        return rows


__all__ = ["Store", "default_store_dir", "default_out_dir", "is_store_dir", "source_key", "STORE_ENV"]
