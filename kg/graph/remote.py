"""A SPARQL 1.1 store over HTTP: ``--store http://host:port/…`` instead of a folder.

The team's graph may live in the triple store it already runs (Oxigraph's
server, Virtuoso, …). :class:`RemoteStore` offers the interface of the embedded
:class:`kg.graph.store.Store` and speaks only the two W3C protocols every such
store implements:

* **SPARQL 1.1 Protocol** (query and update URLs) for reads and for keeping the
  shared graphs right;
* **Graph Store HTTP Protocol** for writing an article: its named graph is
  sent whole in **one** ``PUT`` (which replaces it, so a re-run is idempotent).
  The server applies a PUT as one request: an article's graph is never
  half-written, whatever fails.

Writing one article (:meth:`RemoteStore.replace_article`) is three requests:

1. read the graphs it replaces (its own id, older versions of the same source);
2. ``PUT`` its graph, without its completion marker (``kg:buildFingerprint``);
3. one SPARQL Update that drops the older versions, fixes the entity names of
   ``kgg:entities`` (English labels added, one ``skos:prefLabel`` per entity
   chosen by the same rule as the embedded store, names no article describes
   any more dropped), **recounts** from the article graphs every co-mention pair
   the article touches, and last inserts the completion marker.

Every operation of step 3 is idempotent (counts are recounted, not
incremented), and the marker comes last: when anything fails after the PUT,
the article has no marker, the next build rebuilds it, and step 3 runs again
and puts the shared graphs right. One case it cannot heal: the pipeline
changed (same article id, other facts) and the build died between 2 and 3 —
pairs only the old version had keep a count one too high until
:meth:`rebuild_co_mentions`.

Reads that need the whole graph (``kg export``, ``kg view``, ``kg validate``)
work on a snapshot: the dataset is downloaded once into an in-memory
pyoxigraph store (:attr:`RemoteStore.ox`), and every read method of
:class:`~kg.graph.store.Store` works on it unchanged. ``kg query`` sends the
query to the server (:meth:`RemoteStore.remote_query`) and gets pyoxigraph's
result objects back, so the CLI's writers print remote and local answers alike.

Credentials come only from the environment (``KG_STORE_USER``,
``KG_STORE_PASSWORD``), never from the command line (it would show in ``ps``
and shell history); HTTP Basic or Digest, whichever the server asks for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from rdflib import Graph, URIRef
from rdflib.term import Node

from ..errors import QueryError, StoreError
from . import shared, summaries
from .iris import article_id_of_graph, graph_iri
from .namespaces import KG, KGG, PREFIXES, SDO
from .store import Store
from .terms import (
    ARTICLE_ID,
    CO_MENTION_GRAPH_NODE,
    ENTITY_GRAPH_NODE,
    FINGERPRINT,
    ONTOLOGY_GRAPH_NODE,
    SHARED_GRAPH_NODES,
    SUMMARY_GRAPH_NODE,
    to_ox,
    triples_to_ox,
)

USER_ENV = "KG_STORE_USER"
PASSWORD_ENV = "KG_STORE_PASSWORD"
QUERY_URL_ENV = "KG_STORE_QUERY_URL"
UPDATE_URL_ENV = "KG_STORE_UPDATE_URL"
GSP_URL_ENV = "KG_STORE_GSP_URL"
TIMEOUT_ENV = "KG_STORE_TIMEOUT"
DEFAULT_TIMEOUT = 120.0  # seconds per request

_NT = "application/n-triples"
_MENTIONS = ox.NamedNode(str(SDO.mentions))
# kg's graphs only: a server keeps graphs of its own (Virtuoso: virtrdf#, owl#, …)
_OURS = f'FILTER(STRSTARTS(STR(?g), "{KGG}"))'


def is_url(spec: object) -> bool:
    """True for an ``http://`` or ``https://`` store address."""
    return isinstance(spec, str) and spec.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The three URLs of a SPARQL 1.1 store."""

    query: str
    update: str
    gsp: str  # Graph Store Protocol
    gsp_param: str = "graph"  # the graph's query parameter (Virtuoso's older name: graph-uri)
    union_param: bool = True  # send Oxigraph's ``union-default-graph`` (Virtuoso's default graph is the union already)

    @classmethod
    def from_url(cls, url: str, env: Mapping[str, str] | None = None) -> Endpoints:
        """The usual paths under one URL, each overridable by an environment variable.

        * ``…/sparql`` (Virtuoso): query ``…/sparql``; with credentials, update
          ``…/sparql-auth`` and graph store ``…/sparql-graph-crud-auth``, else
          ``…/sparql`` and ``…/sparql-graph-crud``;
        * anything else (Oxigraph's server, ``http://host:7878``): ``/query``,
          ``/update``, ``/store`` under it.
        """
        env = os.environ if env is None else env
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        authed = bool(env.get(USER_ENV))

        def at(p: str) -> str:
            return urlunsplit((parts.scheme, parts.netloc, p, "", ""))

        if path.endswith("/sparql") or path.endswith("/sparql-auth"):
            root = path.rsplit("/", 1)[0]
            query = at(root + "/sparql")
            update = at(root + ("/sparql-auth" if authed else "/sparql"))
            gsp = at(root + ("/sparql-graph-crud-auth" if authed else "/sparql-graph-crud"))
            param, union = "graph-uri", False
        else:
            query, update, gsp = at(path + "/query"), at(path + "/update"), at(path + "/store")
            param, union = "graph", True
        return cls(env.get(QUERY_URL_ENV) or query, env.get(UPDATE_URL_ENV) or update,
                   env.get(GSP_URL_ENV) or gsp, param, union)


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[0][:200] if lines else ""


class _Http:
    """One ``requests`` session; every failure becomes a one-line :class:`StoreError` naming the URL."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.session = requests.Session()
        self.user = env.get(USER_ENV) or None
        self.password = env.get(PASSWORD_ENV) or ""
        self.timeout = float(env.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT)

    def _auth_for(self, response: requests.Response) -> Any:
        scheme = response.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
        if scheme == "digest":
            return requests.auth.HTTPDigestAuth(self.user, self.password)
        return requests.auth.HTTPBasicAuth(self.user, self.password)

    def request(self, method: str, url: str, *, ok: tuple[int, ...] = (), **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        try:
            r = self.session.request(method, url, **kwargs)
            if r.status_code == 401 and self.user and self.session.auth is None:
                self.session.auth = self._auth_for(r)  # whichever scheme the server asks for, then kept
                r = self.session.request(method, url, **kwargs)
        except requests.ConnectionError as exc:
            raise StoreError(f"{url}: cannot reach the SPARQL store ({_reason(exc)})") from None
        except requests.Timeout:
            raise StoreError(f"{url}: no answer from the SPARQL store within {self.timeout:g} s") from None
        except requests.RequestException as exc:
            raise StoreError(f"{url}: request failed: {_reason(exc)}") from None
        if r.status_code in ok or 200 <= r.status_code < 300:
            return r
        denied = r.status_code >= 500 and any(w in r.text for w in ("SECURITY", "No permission", "permission denied"))
        if r.status_code in (401, 403) or denied:  # Virtuoso answers 500 "SR186:SECURITY" to an anonymous update
            if not self.user:
                raise StoreError(f"{url}: the store refused access (HTTP {r.status_code}"
                                 + (f": {_first_line(r.text)[:80]}" if denied else "")
                                 + f"); set {USER_ENV} and {PASSWORD_ENV}")
            raise StoreError(f"{url}: the store refused the credentials of {USER_ENV}={self.user} "
                             f"(HTTP {r.status_code})")
        detail = _first_line(r.text)
        raise StoreError(f"{url}: the store answered HTTP {r.status_code}" + (f": {detail}" if detail else ""))


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "timed out", "Connection reset",
                   "Remote end closed connection", "No route to host"):
        if marker in text:
            return marker.lower()
    return _first_line(text) or type(exc).__name__


def _nt(triples: Iterable[ox.Triple]) -> str:
    """N-Triples by Oxigraph's serializer: every literal escaped (article text is data, never SPARQL)."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _data(verb: str, graph: ox.NamedNode, triples: list[ox.Triple]) -> str:
    return f"{verb} DATA {{ GRAPH {graph} {{\n{_nt(triples)}}} }} ;\n" if triples else ""


def _values(var: str, terms: Iterable[Any]) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}"


def _prologue() -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


class RemoteStore(Store):
    """kg's store interface over a SPARQL 1.1 endpoint (see the module doc)."""

    def __init__(self, url: str, *, read_only: bool = False, env: Mapping[str, str] | None = None) -> None:
        # Not Store.__init__: there is no local database; self._ox is the snapshot, made on demand.
        self.url = url.rstrip("/")
        self.path = None
        self.read_only = read_only
        self.endpoints = Endpoints.from_url(self.url, env)
        self._http = _Http(env)
        self._ox = None
        self._closed = False
        self._check()

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, read_only={self.read_only})"

    def __str__(self) -> str:
        return self.url

    # -- protocol -----------------------------------------------------------
    def _check(self) -> None:
        """The endpoint answers (and a writer's credentials are accepted) before any work starts.

        A writable store also sends an empty update (``INSERT DATA {}``, which
        changes nothing), so refused credentials stop a build before its first article.
        """
        self.select_raw("ASK { }")
        if not self.read_only:
            self._update_remote("INSERT DATA { }")

    def select_raw(self, sparql: str, *, graph: bool = False) -> Any:
        """Run a query on the server; pyoxigraph's QuerySolutions / QueryBoolean / QueryTriples.

        ``graph``: the query is a CONSTRUCT or DESCRIBE (asked for as N-Triples:
        some servers answer a graph query as bindings when offered those first).
        """
        accept = ("application/n-triples, text/turtle;q=0.9, text/plain;q=0.5" if graph
                  else "application/sparql-results+json, application/sparql-results+xml;q=0.9")
        r = self._http.request(
            "POST", self.endpoints.query, data={"query": sparql},
            params={"union-default-graph": ""} if self.endpoints.union_param else None,
            headers={"Accept": accept}, ok=(400,),
        )
        if r.status_code == 400:
            raise QueryError(f"{self.endpoints.query}: the store rejected the query: {_first_line(r.text)}")
        kind = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if "sparql-results+json" in kind or kind == "application/json":
            return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)
        if "sparql-results+xml" in kind:
            return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.XML)
        fmt = {"text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}.get(kind, ox.RdfFormat.N_TRIPLES)
        mem = ox.Store()
        mem.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in ox.parse(r.content, format=fmt))
        return mem.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def _rows(self, sparql: str) -> list[dict[str, Any]]:
        result = self.select_raw(sparql)
        names = [v.value for v in result.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in result]

    def _update_remote(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.url}: store is open read-only")
        self._http.request("POST", self.endpoints.update, data={"update": sparql},
                           headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        self._ox = None  # the snapshot is stale

    def _writable(self) -> ox.Store:
        raise StoreError(f"{self.url}: this operation writes the local store directly; not available on a SPARQL endpoint")

    def _update(self, sparql: str) -> None:
        self._update_remote(sparql)

    def _put_graph(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        """One Graph Store Protocol PUT: the graph's whole content, replacing what it had."""
        if self.read_only:
            raise StoreError(f"{self.url}: store is open read-only")
        self._http.request("PUT", self.endpoints.gsp, params={self.endpoints.gsp_param: graph.value},
                           data=_nt(triples).encode("utf-8"),
                           headers={"Content-Type": f"{_NT}; charset=utf-8"})
        self._ox = None

    # -- lifecycle ------------------------------------------------------------
    @property
    def ox(self) -> ox.Store:
        """A snapshot of the whole dataset in memory (downloaded on first use, after the last write)."""
        if self._closed:
            raise StoreError(f"{self.url}: store is closed")
        if self._ox is None:
            snap = ox.Store()
            snap.bulk_extend(self._download())
            self._ox = snap
        return self._ox

    def _download(self) -> Iterator[ox.Quad]:
        graphs = [r["g"] for r in self._rows(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}")]
        for g in graphs:
            if isinstance(g, ox.NamedNode):
                yield from self._graph_quads(g)

    def _graph_quads(self, g: ox.NamedNode) -> Iterator[ox.Quad]:
        r = self._http.request("GET", self.endpoints.gsp, params={self.endpoints.gsp_param: g.value},
                               headers={"Accept": f"{_NT}, text/plain;q=0.9, text/turtle;q=0.5"})
        kind = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
        fmt = ox.RdfFormat.TURTLE if kind == "text/turtle" else ox.RdfFormat.N_TRIPLES
        for t in ox.parse(r.content, format=fmt):
            yield ox.Quad(t.subject, t.predicate, t.object, g)

    def flush(self) -> None:
        """Nothing to flush: every write is a finished request."""

    def close(self) -> None:
        self._ox = None
        self._closed = True
        self._http.session.close()

    # -- reading (what a build needs, asked of the server) ----------------------
    def _per_article(self, predicate: ox.NamedNode) -> dict[str, str]:
        out: dict[str, str] = {}
        for r in self._rows(f"SELECT ?g ?id ?v WHERE {{ GRAPH ?g {{ ?a {ARTICLE_ID} ?id ; {predicate} ?v }} }}"):
            aid = r["id"].value
            if r["g"].value == str(graph_iri(aid)):
                out[aid] = r["v"].value
        return out

    def article_ids(self) -> list[str]:
        rows = self._rows(f"SELECT DISTINCT ?g ?id WHERE {{ GRAPH ?g {{ ?a {ARTICLE_ID} ?id }} }}")
        return sorted({r["id"].value for r in rows if r["g"].value == str(graph_iri(r["id"].value))})

    def names_of_type(self, type_iri: URIRef) -> Iterator[tuple[str, str]]:
        rows = self._rows(
            f"SELECT DISTINCT ?e ?l WHERE {{ GRAPH {ENTITY_GRAPH_NODE} {{ ?e {shared.LABEL} ?l }} "
            f"FILTER EXISTS {{ GRAPH ?g {{ ?e {shared.TYPE} {ox.NamedNode(str(type_iri))} }} }} }}")
        for r in rows:
            yield r["e"].value, r["l"].value

    def __len__(self) -> int:
        rows = self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}")
        return int(rows[0]["n"].value) if rows else 0

    def quad_count(self) -> int:
        return len(self)

    def co_mention_counts(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for r in self._rows(f"SELECT ?p ?m ?c WHERE {{ GRAPH {CO_MENTION_GRAPH_NODE} {{ ?p {shared.ARTICLE_COUNT} ?c ; "
                            f"{shared.MEMBER} ?m }} }}"):
            out.setdefault(r["p"].value, (int(r["c"].value), []))[1].append(r["m"].value)  # type: ignore[arg-type]
        return {tuple(sorted(ms)): c for c, ms in out.values()}  # type: ignore[misc]

    def remote_query(self, sparql: str, *, union: bool = True, substitutions: Mapping[Any, Any] | None = None) -> Any:
        """``kg query`` against the server: the project's prefixes predeclared, values bound by a VALUES clause.

        Bound values are written by Oxigraph's serializer (escaped terms), never
        formatted from user text.
        """
        text = _prologue() + sparql
        if substitutions:
            names = " ".join(f"?{getattr(k, 'value', k)}" for k in substitutions)
            row = " ".join(str(v) for v in substitutions.values())
            text += f"\nVALUES ({names}) {{ ({row}) }}"
        # the query's form, from Oxigraph's parser run on an empty store (instant): graph or bindings
        form = ox.Store().query(_prologue() + sparql)
        return self.select_raw(text, graph=isinstance(form, ox.QueryTriples))

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None, *, union: bool = True) -> Any:
        terms = {k: (to_ox(v) if isinstance(v, Node) else ox.Literal(str(v))) for k, v in (bindings or {}).items()}
        return self.remote_query(sparql, union=union, substitutions=terms)

    # -- writing ------------------------------------------------------------------
    def ensure_ontology(self, ontology: Graph) -> bool:
        """PUT the ontology graph when the server's copy differs in size (one count query otherwise)."""
        wanted = list(triples_to_ox(ontology))
        rows = self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ONTOLOGY_GRAPH_NODE} {{ ?s ?p ?o }} }}")
        if rows and int(rows[0]["n"].value) == len(set(wanted)):
            return False
        self._put_graph(ONTOLOGY_GRAPH_NODE, wanted)
        return True

    def _replace_graph(self, graph_name: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        ts = list(triples_to_ox(triples))
        self._put_graph(ox.NamedNode(str(graph_name)), ts)
        return len(ts)

    def replace_article(self, article_id: str, graph: Graph, *, supersedes: Iterable[str] = ()) -> int:
        triples = list(triples_to_ox(graph))
        self._write(article_id, triples, [a for a in supersedes if a != article_id])
        return len(triples)

    def remove_article(self, article_id: str) -> bool:
        target = ox.NamedNode(str(graph_iri(article_id)))
        if not bool(self.select_raw(f"ASK {{ GRAPH {target} {{ ?s ?p ?o }} }}")):
            return False
        self._write(article_id, None, [])
        return True

    def _old_graphs(self, graphs: list[ox.NamedNode]) -> dict[ox.NamedNode, list[ox.Triple]]:
        """The current content of ``graphs`` (those that exist)."""
        rows = self._rows(f"SELECT ?g ?s ?p ?o WHERE {{ {_values('g', graphs)} GRAPH ?g {{ ?s ?p ?o }} }}")
        out: dict[ox.NamedNode, list[ox.Triple]] = {}
        for r in rows:
            out.setdefault(r["g"], []).append(ox.Triple(r["s"], r["p"], r["o"]))
        return out

    def _write(self, article_id: str, triples: list[ox.Triple] | None, supersedes: list[str]) -> None:
        target = ox.NamedNode(str(graph_iri(article_id)))
        old = self._old_graphs(list(dict.fromkeys([target, *(ox.NamedNode(str(graph_iri(a))) for a in supersedes)])))
        own, names = shared.split(triples or [])
        marker = [t for t in own if t.predicate == FINGERPRINT]
        body = [t for t in own if t.predicate != FINGERPRINT]
        # 2. the article's graph: one PUT (or gone, for a removal)
        if triples is not None:
            self._put_graph(target, body)
        # 3. one update: older versions, names, co-mention counts, then the completion marker
        update = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in old if g != target or triples is None)
        update += self._name_update(names)
        described = set().union(*(shared.entities_of(ts) for ts in old.values())) - shared.entities_of(own)
        update += self._orphan_update(described)
        touched = set(shared.pairs(shared.actors(own)))
        for ts in old.values():
            touched |= set(shared.pairs(shared.actors(ts)))
        update += self._recount_update(touched)
        update += self._summary_update(own, old, hidden={g for g in old if g != target or triples is None})
        update += _data("INSERT", target, marker)
        if update:
            self._update_remote(update)

    def _summary_update(self, own: list[ox.Triple], old: dict[ox.NamedNode, list[ox.Triple]],
                        hidden: set[ox.NamedNode]) -> str:
        """The role and event summaries the write touches, recomputed from the server's article graphs.

        Reads back (after the PUT) every quad of the touched persons' role
        assertions and of the touched events, and their stored summaries, into a
        small in-memory store, and runs :func:`kg.graph.summaries.changes` on it
        as the embedded store does (the graphs this update drops left out). The
        lists of :mod:`kg.graph.summaries` are dropped (stale until
        :meth:`refresh_summaries`).
        """
        persons, events = summaries.touched(own)
        for ts in old.values():
            p, e = summaries.touched(ts)
            persons |= p
            events |= e
        sm = SUMMARY_GRAPH_NODE
        out = (f"DELETE {{ GRAPH {sm} {{ {sm} ?p ?o }} }} WHERE {{ GRAPH {sm} {{ {sm} ?p ?o }} "
               f"{_values('p', summaries.LISTS)} }} ;\n")
        if not persons and not events:
            return out
        local = ox.Store()
        parts = []
        if persons:
            parts.append(f"{{ {_values('P', sorted(persons, key=lambda n: n.value))} "
                         f"GRAPH ?g0 {{ ?s {summaries.PERSON} ?P }} GRAPH ?g {{ ?s ?p ?o }} }}")
            parts.append(f"{{ {_values('P', sorted(persons, key=lambda n: n.value))} BIND({sm} AS ?g) "
                         f"GRAPH {sm} {{ ?s {summaries.HOLDER} ?P . ?s ?p ?o }} }}")
        if events:
            parts.append(f"{{ {_values('s', sorted(events, key=lambda n: n.value))} GRAPH ?g {{ ?s ?p ?o }} }}")
            nodes = sorted((summaries.event_node(e) for e in events), key=lambda n: n.value)
            parts.append(f"{{ {_values('s', nodes)} BIND({sm} AS ?g) GRAPH {sm} {{ ?s ?p ?o }} }}")
        rows = self._rows(f"SELECT ?g ?s ?p ?o WHERE {{ {' UNION '.join(parts)} }}")
        local.extend(ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows if isinstance(r.get("g"), ox.NamedNode))
        view = summaries.View(local, hidden | set(SHARED_GRAPH_NODES))
        delete, insert = summaries.changes(view, persons, events)
        return out + _data("DELETE", sm, delete) + _data("INSERT", sm, insert)

    def refresh_summaries(self) -> int:
        """The lists of :mod:`kg.graph.summaries`, each computed by the server; a store without summaries gets them."""
        if self._summaries_missing():
            self.rebuild_summaries()
        fresh: list[ox.Triple] = []
        for pred, query in summaries.LISTS.items():
            fresh += summaries.list_entries(pred, [r["item"] for r in self._rows(query)])
        sm = SUMMARY_GRAPH_NODE
        self._update_remote(
            f"DELETE {{ GRAPH {sm} {{ {sm} ?p ?o }} }} WHERE {{ GRAPH {sm} {{ {sm} ?p ?o }} {_values('p', summaries.LISTS)} }} ;\n"
            + _data("INSERT", sm, fresh))
        return len(fresh)

    def _summaries_missing(self) -> bool:
        facts = bool(self.select_raw(f"ASK {{ GRAPH ?g {{ ?s {summaries.TYPE} ?t }} "
                                     f"{_values('t', [summaries.ROLE_ASSERTION, summaries.EVENT])} }}"))
        if not facts:
            return False
        return not bool(self.select_raw(f"ASK {{ GRAPH {SUMMARY_GRAPH_NODE} {{ ?n ?p ?o }} "
                                        f"{_values('p', [summaries.HOLDER, summaries.SUMMARIZES])} }}"))

    def rebuild_summaries(self) -> int:
        """Recompute every role and event summary from the article graphs (on a snapshot) and PUT the graph."""
        snap = Store(None)
        snap.ox.bulk_extend(q for q in self.ox if q.graph_name != SUMMARY_GRAPH_NODE)
        persons, events = summaries.all_keys(snap.ox)
        view = summaries.View(snap.ox, set(SHARED_GRAPH_NODES))
        _, insert = summaries.changes(view, persons, events)
        self._put_graph(SUMMARY_GRAPH_NODE, insert)
        return len({t.subject for t in insert})

    def _name_update(self, names: list[ox.Triple]) -> str:
        """English labels added; one skos:prefLabel per entity, chosen by :func:`kg.graph.shared.name_changes`' rule."""
        labels = [t for t in names if t.predicate != shared.PREF_LABEL]
        wanted = {t.subject: t.object for t in names if t.predicate == shared.PREF_LABEL}
        stored: dict[ox.NamedNode, set[Any]] = {}
        if wanted:
            for r in self._rows(f"SELECT ?e ?l WHERE {{ {_values('e', wanted)} GRAPH {ENTITY_GRAPH_NODE} "
                                f"{{ ?e {shared.PREF_LABEL} ?l }} }}"):
                stored.setdefault(r["e"], set()).add(r["l"])
        rank = shared._name_rank
        change: dict[ox.NamedNode, ox.Literal] = {}
        for e, label in wanted.items():
            best = min([*stored.get(e, ()), label], key=rank)
            if stored.get(e, set()) != {best}:
                change[e] = best
        out = ""
        if change:
            out += (f"DELETE {{ GRAPH {ENTITY_GRAPH_NODE} {{ ?e {shared.PREF_LABEL} ?l }} }} WHERE {{ "
                    f"{_values('e', change)} GRAPH {ENTITY_GRAPH_NODE} {{ ?e {shared.PREF_LABEL} ?l }} }} ;\n")
        return out + _data("INSERT", ENTITY_GRAPH_NODE, labels + [ox.Triple(e, shared.PREF_LABEL, l) for e, l in change.items()])

    def _orphan_update(self, candidates: set[ox.NamedNode]) -> str:
        """Names of entities that no article graph describes any more leave the entity graph."""
        if not candidates:
            return ""
        keep_out = " && ".join(f"?g2 != {g}" for g in (ENTITY_GRAPH_NODE, CO_MENTION_GRAPH_NODE))
        return (f"DELETE {{ GRAPH {ENTITY_GRAPH_NODE} {{ ?e ?p ?o }} }} WHERE {{ {_values('e', sorted(candidates, key=lambda n: n.value))} "
                f"GRAPH {ENTITY_GRAPH_NODE} {{ ?e ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?e ?p2 ?o2 }} FILTER({keep_out}) }} }} ;\n")

    def _recount_update(self, pairs: set[tuple[ox.NamedNode, ox.NamedNode]]) -> str:
        """Recount ``pairs`` from the article graphs (idempotent): the pair nodes are rewritten from scratch."""
        if not pairs:
            return ""
        ordered = sorted(pairs, key=lambda p: (p[0].value, p[1].value))
        nodes = [shared.pair_node(a, b) for a, b in ordered]
        rows = " ".join(f"({shared.pair_node(a, b)} {a} {b})" for a, b in ordered)
        actor_types = " ".join(str(t) for t in sorted(shared.ACTOR_TYPES, key=lambda n: n.value))
        cm = CO_MENTION_GRAPH_NODE
        return (
            f"DELETE {{ GRAPH {cm} {{ ?n ?p ?o }} }} WHERE {{ {_values('n', nodes)} GRAPH {cm} {{ ?n ?p ?o }} }} ;\n"
            f"DELETE {{ GRAPH {cm} {{ {cm} {shared.FLOOR} ?f }} }} WHERE {{ GRAPH {cm} {{ {cm} {shared.FLOOR} ?f }} }} ;\n"
            f"INSERT {{ GRAPH {cm} {{ ?n {shared.TYPE} {ox.NamedNode(str(KG.CoMention))} ; {shared.MEMBER} ?a , ?b ; "
            f"{shared.ARTICLE_COUNT} ?c }} }} WHERE {{ {{ SELECT ?n ?a ?b (COUNT(DISTINCT ?g) AS ?c) WHERE {{ "
            f"VALUES (?n ?a ?b) {{ {rows} }} "
            f"GRAPH ?g {{ ?x {_MENTIONS} ?a . ?y {_MENTIONS} ?b . ?a {shared.TYPE} ?ta . ?b {shared.TYPE} ?tb }} "
            f"VALUES ?ta {{ {actor_types} }} VALUES ?tb {{ {actor_types} }} }} GROUP BY ?n ?a ?b }} }} ;\n"
        )

    def refresh_co_mention_floor(self) -> int:
        rows = self._rows(f"SELECT ?c WHERE {{ GRAPH {CO_MENTION_GRAPH_NODE} {{ ?p {shared.ARTICLE_COUNT} ?c }} }} "
                          f"ORDER BY DESC(?c) OFFSET {shared.TOP_PAIRS - 1} LIMIT 1")
        floor = int(rows[0]["c"].value) if rows else 1
        cm = CO_MENTION_GRAPH_NODE
        self._update_remote(
            f"DELETE {{ GRAPH {cm} {{ {cm} {shared.FLOOR} ?f }} }} WHERE {{ GRAPH {cm} {{ {cm} {shared.FLOOR} ?f }} }} ;\n"
            + _data("INSERT", cm, [shared.floor_triple(floor)]))
        return floor

    def rebuild_co_mentions(self) -> int:
        """Recount every pair from the article graphs (after a bulk load that bypassed kg)."""
        snap = Store(None)
        snap.ox.bulk_extend(q for q in self.ox if q.graph_name != CO_MENTION_GRAPH_NODE)
        n = snap.rebuild_co_mentions()
        self._put_graph(CO_MENTION_GRAPH_NODE, [ox.Triple(q.subject, q.predicate, q.object)
                                       for q in snap.ox.quads_for_pattern(None, None, None, CO_MENTION_GRAPH_NODE)])
        return n


def article_graphs_of(store: Store) -> list[str]:
    """The article graph IRIs a store holds (embedded or remote)."""
    return sorted(g for g in {q.graph_name.value for q in store.ox if isinstance(q.graph_name, ox.NamedNode)}
                  if article_id_of_graph(g))


__all__ = ["RemoteStore", "Endpoints", "is_url", "USER_ENV", "PASSWORD_ENV",
           "QUERY_URL_ENV", "UPDATE_URL_ENV", "GSP_URL_ENV", "article_graphs_of"]
