"""Linking across articles: a partial name joins the one full name it fits.

An article that only says "ông Peskov" cannot know his given name; another
article may. When the full names known elsewhere agree on one person with that
surname, the surname-only entity becomes that person; a surname that two known
people share stays as it is. A full name spelt differently in two articles
("Sergei Lavrov", "Sergey Lavrov"; "Thu Giang", "Nguyễn Thị Thu Giang") becomes
one of its spellings.

Which spelling, and whether a surname resolves, is decided by
:class:`NameResolver` from the *set* of names known, never from which article
came first: the longest name (most words), then the one with more diacritics,
then the first in code-point order. That is what makes the graph the same in
any build order. In a store, names change as articles arrive and leave, so the
links are recomputed over the whole store by :func:`relink_store` at the end of
every build and removal: each article graph records the names its own linking
gave each person (``kg:localName``/``kg:localId``, see :mod:`kg.graph.rdf`),
and an article whose persons now resolve differently is rewritten (its person
nodes renamed), in one transaction per article.

:func:`link_across` applies the same resolver to a batch of in-memory
extractions (and the names of an :class:`AliasIndex`), for callers that link
before they build a graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..model import Entity, Extraction
from .names import name_keys, name_words, same_full_name, surname_keys


def name_rank(label: str) -> tuple[int, int, str]:
    """Which of two spellings of one person is canonical (smaller first): order-free."""
    return (-len(name_words(label)), -sum(ord(c) > 127 for c in label), label)


class NameResolver:
    """The canonical name of each person name, from a set of names (order does not matter)."""

    def __init__(self, names: Iterable[str]) -> None:
        self._full = sorted({n for n in names if len(name_keys(n)) >= 2})
        self._by_surname: dict[str, list[str]] = {}
        for n in self._full:
            for k in surname_keys(n):
                self._by_surname.setdefault(k, []).append(n)
        self._canonical: dict[str, str] = {}
        self._target: dict[str, str] = {}

    def _spellings(self, label: str) -> list[str]:
        found = {label}
        for k in surname_keys(label):
            found.update(n for n in self._by_surname.get(k, ()) if same_full_name(label, n))
        return sorted(found, key=name_rank)

    def canonical(self, label: str) -> str:
        """A full name -> its canonical spelling (itself when the spellings known disagree)."""
        if label not in self._canonical:
            group = self._spellings(label)
            one = all(same_full_name(a, b) for a, b in combinations(group, 2))
            self._canonical[label] = group[0] if one else label
        return self._canonical[label]

    def target(self, label: str) -> str:
        """The name a person written ``label`` is linked to (``label`` itself when none or ambiguous)."""
        if label in self._target:
            return self._target[label]
        ks = name_keys(label)
        out = label
        if len(ks) >= 2:
            out = self.canonical(label)
        elif len(ks) == 1:
            known = sorted({self.canonical(n) for n in self._by_surname.get(ks[0], ())}, key=name_rank)
            if known and all(same_full_name(a, b) for a, b in combinations(known, 2)):
                out = known[0]
        self._target[label] = out
        return out


def person_id(label: str) -> str:
    """The entity id the within-article linker gives a person of this name."""
    from ..lexicon.known import gazetteer
    from ..lexicon.text import slug

    eid = slug(label)
    return f"{eid}_Person" if gazetteer().lookup(label) is not None else eid


class AliasIndex:
    """Full-name persons known so far (e.g. from the store), for :func:`link_across`.

    Resolution is order-free: the canonical spelling of a name is chosen by
    :func:`name_rank` among all spellings known, whatever order they were added in.
    """

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._resolver: NameResolver | None = None

    def add(self, entity_id: str, label: str, type_: str = "Person", aliases: Iterable[str] = (),
            label_vi: str | None = None) -> None:
        if type_ != "Person" or len(name_keys(label)) < 2:
            return
        if entity_id not in self._entities:
            self._entities[entity_id] = Entity(id=entity_id, label=label, type="Person", label_vi=label_vi,
                                               aliases=set(aliases))
            self._resolver = None

    def add_entity(self, ent: Entity) -> None:
        self.add(ent.id, ent.label, ent.type, ent.aliases, ent.label_vi)

    def copy(self) -> AliasIndex:
        other = AliasIndex()
        other._entities = dict(self._entities)
        return other

    def _by_label(self) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for eid in sorted(self._entities):
            out.setdefault(self._entities[eid].label, self._entities[eid])
        return out

    def resolver(self) -> NameResolver:
        if self._resolver is None:
            self._resolver = NameResolver(e.label for e in self._entities.values())
        return self._resolver

    def candidates(self, surname: str) -> list[Entity]:
        """Known full-name persons a surname may stand for, canonical spellings first."""
        ks = name_keys(surname)
        if len(ks) != 1:
            return []
        found = [e for e in self._entities.values() if ks[0] in surname_keys(e.label)]
        return sorted(found, key=lambda e: (name_rank(e.label), e.id))

    def resolve(self, surname: str) -> Entity | None:
        """The one person a surname stands for, or None when unknown or ambiguous."""
        if len(name_keys(surname)) != 1:
            return None
        target = self.resolver().target(surname)
        return None if target == surname else self._by_label().get(target)

    def canonical(self, label: str) -> Entity | None:
        """The canonical known spelling of the full name ``label`` (None when none is known)."""
        if len(name_keys(label)) < 2:
            return None
        return self._by_label().get(self.resolver().canonical(label))

    def __len__(self) -> int:
        return len(self._entities)


def _rewrite(x: Extraction, mapping: dict[str, str]) -> None:
    def r(i: str | None) -> str | None:
        return mapping.get(i, i) if i is not None else None

    for m in x.mentions:
        m.entity = r(m.entity)
    for role in x.roles:
        role.person = r(role.person) or role.person
        role.org = r(role.org)
    for ev in x.events:
        ev.where = r(ev.where)
        seen: list[str] = []
        for p in ev.participants:
            q = r(p) or p
            if q not in seen:
                seen.append(q)
        ev.participants = seen
    for c in x.claims:
        c.speaker = r(c.speaker) or c.speaker
        c.source = r(c.source)


def link_across(extractions: list[Extraction], index: AliasIndex | None = None) -> list[Extraction]:
    """Merge partial names into the canonical full name known in the batch or the index.

    The result does not depend on the order of ``extractions`` (only on which
    names the batch and the index know).
    """
    idx = index.copy() if index is not None else AliasIndex()
    for x in extractions:
        for ent in x.entities.values():
            idx.add_entity(ent)
    for x in extractions:
        mapping: dict[str, str] = {}
        for eid in sorted(x.entities):
            ent = x.entities.get(eid)
            if ent is None or ent.type != "Person":
                continue
            target = idx.resolve(ent.label) if len(name_keys(ent.label)) == 1 else idx.canonical(ent.label)
            if target is None or target.id == eid or target.label == ent.label:
                continue
            mapping[eid] = target.id
            del x.entities[eid]
            if target.id in x.entities:
                keep = x.entities[target.id]
                keep.aliases |= ent.aliases | {ent.label}
                keep.mentions.extend(ent.mentions)
            else:
                x.entities[target.id] = Entity(
                    id=target.id, label=target.label, type="Person", label_vi=target.label_vi,
                    aliases=set(ent.aliases) | {ent.label}, external_ids=dict(ent.external_ids),
                    mentions=list(ent.mentions),
                )
        if mapping:
            _rewrite(x, mapping)
    return extractions


# -- the store: links recomputed over every article ---------------------------------


@dataclass(frozen=True, slots=True)
class _Local:
    """One person as an article's own linking named it."""

    name: str
    id: str


def _pair(names: list[str], ids: list[str]) -> list[_Local]:
    """Pair the local names and ids one node carries (several when two local persons were merged)."""
    if len(names) == 1 and len(ids) == 1:
        return [_Local(names[0], ids[0])]
    out: list[_Local] = []
    free = sorted(ids)
    for n in sorted(names):
        want = person_id(n)
        pick = next((i for i in free if i == want), None) or next((i for i in free if i.startswith(want)), None)
        if pick is None:
            pick = free[0] if free else want
        if pick in free:
            free.remove(pick)
        out.append(_Local(n, pick))
    return out


_LOCALS = """
SELECT ?g ?e ?name ?id WHERE {
  GRAPH ?g { ?e kg:localName ?name . OPTIONAL { ?e kg:localId ?id } }
}"""

# ?g is projected: a trailing VALUES on an unprojected variable fails on Virtuoso (kg.graph.remote binds that way)
_GRAPH = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _locals_by_graph(store: Any) -> dict[str, dict[str, list[_Local]]]:
    """article graph -> person node -> the local persons it stands for (SPARQL: any kg store)."""
    from ..graph.iris import article_id_of_graph

    names: dict[str, dict[str, set[str]]] = {}
    ids: dict[str, dict[str, set[str]]] = {}
    for row in store.select(_LOCALS):
        g, e = str(row["g"]), str(row["e"])
        if not article_id_of_graph(g):
            continue
        names.setdefault(g, {}).setdefault(e, set()).add(str(row["name"]))
        if "id" in row:
            ids.setdefault(g, {}).setdefault(e, set()).add(str(row["id"]))
    return {g: {e: _pair(sorted(ns), sorted(ids.get(g, {}).get(e, ()))) for e, ns in nodes.items()}
            for g, nodes in names.items()}


def relink_store(store: Any) -> int:
    """Recompute the cross-article links of every person in ``store``; returns the articles rewritten.

    ``store`` is a :class:`kg.graph.store.Store` (only its SPARQL reads and
    ``replace_article`` are used). The links are a function of the set of local
    names in the store, so after this the graph is the same whichever order its
    articles were built or removed in (a person node that merged two local
    persons in an earlier state stays merged: the one case where history shows).
    """
    from ..graph.iris import entity_iri

    by_graph = _locals_by_graph(store)
    id_of: dict[str, str] = {}
    for nodes in by_graph.values():
        for locals_ in nodes.values():
            for loc in locals_:
                id_of[loc.name] = min(loc.id, id_of.get(loc.name, loc.id))
    resolver = NameResolver(id_of)
    rewritten = 0
    for graph in sorted(by_graph):
        mapping: dict[str, tuple[str, str, list[str]]] = {}
        for node, locals_ in by_graph[graph].items():
            options = []
            for loc in locals_:
                t = resolver.target(loc.name)
                options.append((name_rank(t), t, loc.id if t == loc.name else id_of.get(t) or person_id(t)))
            _, label, tid = min(options)
            iri = str(entity_iri(tid))
            if iri != node:
                mapping[node] = (iri, label, [loc.name for loc in locals_])
        if mapping:
            _rewrite_graph(store, graph, mapping)
            rewritten += 1
    return rewritten


def _rewrite_graph(store: Any, graph: str, mapping: dict[str, tuple[str, str, list[str]]]) -> None:
    """Rename person nodes in one article graph; their names follow (see :func:`relink_store`).

    A renamed node's English name becomes the name it is linked to; the name the
    article gave it stays as an alias (``skos:altLabel``), unless it is that name.
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS, SKOS

    from ..graph.iris import article_id_of_graph

    target = {URIRef(node): URIRef(iri) for node, (iri, _, _) in mapping.items()}
    labels: dict[URIRef, str] = {}
    local_names: dict[URIRef, set[str]] = {}
    for node, (iri, label, names) in mapping.items():
        labels[URIRef(iri)] = label
        local_names.setdefault(URIRef(iri), set()).update(names)
    out: set[tuple[Any, Any, Any]] = set()
    for row in store.select(_GRAPH, {"g": URIRef(graph)}):
        s, p, o = row["s"], row["p"], row["o"]
        if s in target and (p == SKOS.prefLabel or (p == RDFS.label and getattr(o, "language", None) == "en")):
            continue  # the old node's English names (kept in the shared entity graph) do not follow it
        out.add((target.get(s, s), p, target.get(o, o) if isinstance(o, URIRef) else o))
    for node, label in labels.items():
        en = Literal(label, lang="en")
        out |= {(node, RDFS.label, en), (node, SKOS.prefLabel, en)}
        out |= {(node, SKOS.altLabel, Literal(n, lang="vi")) for n in local_names[node] if n != label}
        if label in local_names[node]:
            # an alias equal to the name is never written (kg.graph.rdf.add_entity): a link undone drops it
            out.discard((node, SKOS.altLabel, Literal(label, lang="vi")))
    store.replace_article(article_id_of_graph(graph), out)


__all__ = ["AliasIndex", "NameResolver", "link_across", "relink_store", "name_rank", "person_id"]
