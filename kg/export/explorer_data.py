"""The explorer's data: the graph view turned into one compact, page-ready index.

The page has to answer questions about nodes it is not drawing (search finds an
entity outside the default view, "focus" brings in neighbours, a person's panel
lists all their claims), so it carries the *whole* graph as a compact index:
short keys, integer references, sentences stored once. Only the visible subset
goes through pyvis (:mod:`kg.export.explorer`).

Everything that needs Unicode care is done here in Python, once, where it can be
tested: the folded search key of each node (so "dien kremlin" finds "Điện
Kremlin") and the split of each evidence sentence into text before / the
evidence span / text after (so the page marks the span with DOM nodes and never
parses HTML).

Input is the :func:`kg.graph.view.to_networkx` MultiDiGraph described in
``docs/CONTRACTS.md``; attributes the contract marks optional may be missing.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..clean.normalize import match_key, search_key
from ..errors import KgError

__all__ = [
    "TYPE_STYLES",
    "OTHER_STYLE",
    "TypeStyle",
    "ExplorerData",
    "FocusNotFound",
    "build_data",
    "evidence_parts",
    "local_name",
    "node_size",
    "resolve_focus",
    "select_default_view",
    "item_date",
    "GATHERED_TYPES",
]

# Types not drawn as nodes in the first view: a claim is a sentence, and a
# speaker's dozens of claims would bury the actors. They are gathered into the
# speaker's panel (a count on the node says how many); the page's "claims as
# nodes" toggle draws them.
GATHERED_TYPES = frozenset({"Claim"})


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """How one entity type looks: colour and vis-network shape (also the legend)."""

    color: str
    shape: str
    label: str


# Colour *and* shape differ per type, so the legend still works in grey-scale
# print and for readers who do not tell orange from red.
TYPE_STYLES: dict[str, TypeStyle] = {
    "Person": TypeStyle("#4e79a7", "dot", "Person"),
    "Organization": TypeStyle("#f28e2b", "square", "Organisation"),
    "Country": TypeStyle("#59a14f", "hexagon", "Country"),
    "Place": TypeStyle("#17becf", "triangle", "Place"),
    "Event": TypeStyle("#e15759", "star", "Event"),
    "Claim": TypeStyle("#b07aa1", "diamond", "Claim"),
}
OTHER_STYLE = TypeStyle("#9c9c9c", "dot", "Other")

# A label longer than this is cut on the canvas (the panel shows it whole):
# claim nodes carry a sentence as their label.
MAX_CANVAS_LABEL = 32


class FocusNotFound(KgError):
    """``--focus`` names no entity of the graph."""


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``…/id/Dmitry_Peskov`` -> ``Dmitry_Peskov``."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def node_size(degree: int) -> float:
    """Node radius from degree: grows with the square root so hubs stand out
    without a few of them swallowing the canvas."""
    return round(min(12.0 + 4.0 * math.sqrt(max(degree, 0)), 44.0), 1)


def canvas_label(label: str, claims: int = 0) -> str:
    """The label drawn on the canvas: one line, cut at MAX_CANVAS_LABEL characters;
    a speaker's gathered claims as a second line ("12 claims")."""
    one_line = " ".join(label.split())
    if len(one_line) > MAX_CANVAS_LABEL:
        one_line = one_line[: MAX_CANVAS_LABEL - 1].rstrip() + "…"
    if claims:
        one_line += f"\n{claims} claim" + ("s" if claims != 1 else "")
    return one_line


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value)
    return s if s.strip() else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _find_term(text: str, terms: Iterable[str]) -> tuple[int, int] | None:
    """The first occurrence of the longest term found in ``text`` (case-insensitive)."""
    low = text.casefold()
    for term in sorted({t for t in terms if t and len(t) >= 2}, key=len, reverse=True):
        i = low.find(term.casefold())
        if i >= 0 and len(term.casefold()) == len(term):  # casefold kept length: offsets valid
            return i, i + len(term)
    return None


def evidence_parts(ev: Mapping[str, Any], terms: Sequence[Sequence[str]] = ()) -> tuple[str, int, int]:
    """The sentence to show for one evidence dict and the span to mark in it.

    Returns ``(text, mark_start, mark_end)`` with offsets into ``text``
    (``mark_start == mark_end`` when nothing can be marked).

    The contract gives ``text`` plus body offsets ``start``/``end``; where the
    span sits inside ``text`` depends on what the graph kept, so, in order:

    1. ``sentence_start`` (body offset of ``text``) places the span exactly;
    2. ``span`` (the span's own text) is looked up in ``text``;
    3. a ``text`` exactly as long as the span *is* the span;
    4. otherwise the names of the fact's ends (``terms``: one list of surface
       forms per end) are looked up, and the stretch covering them is marked.
    """
    text = _str(ev.get("text")) or ""
    start, end = _int(ev.get("start")), _int(ev.get("end"))
    sent_start = _int(ev.get("sentence_start"))
    if sent_start is not None and start is not None and end is not None:
        a, b = start - sent_start, end - sent_start
        if 0 <= a <= b <= len(text):
            return text, a, b
    span = _str(ev.get("span"))
    if span:
        i = text.find(span)
        if i >= 0:
            return text, i, i + len(span)
    if start is not None and end is not None and end - start == len(text) and text:
        return text, 0, len(text)
    found = [f for f in (_find_term(text, t) for t in terms) if f is not None]
    if not found:
        return text, 0, 0
    a, b = min(f[0] for f in found), max(f[1] for f in found)
    if b - a > 160:  # the two names are far apart: mark only the first
        a, b = found[0]
    return text, a, b


@dataclass(slots=True)
class ExplorerData:
    """The page's index plus what Python needs to build the pyvis view."""

    index: dict[str, Any]  # JSON-ready; see build_data
    node_ids: list[str]  # index position -> IRI
    visible: list[int]  # node positions shown at load
    focus: int | None = None
    edge_pairs: list[tuple[int, int, str]] = field(default_factory=list)


def _type_of(attrs: Mapping[str, Any]) -> str:
    return _str(attrs.get("type")) or "Other"


def _label_of(iri: str, attrs: Mapping[str, Any]) -> str:
    return _str(attrs.get("label")) or _str(attrs.get("label_vi")) or local_name(iri).replace("_", " ")


def _names_of(iri: str, attrs: Mapping[str, Any]) -> list[str]:
    """Every name the node goes by: label, Vietnamese label, aliases, IRI local name."""
    names = [_label_of(iri, attrs)]
    for extra in [attrs.get("label_vi"), *list(attrs.get("aliases") or [])]:
        s = _str(extra)
        if s and s not in names:
            names.append(s)
    ln = local_name(iri).replace("_", " ")
    if ln not in names:
        names.append(ln)
    return names


def _sorted_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """Nodes most connected first; ties by label then IRI, so output is stable."""
    return sorted(
        graph.nodes,
        key=lambda n: (-graph.degree(n), match_key(_label_of(n, graph.nodes[n])), n),
    )


def item_date(attrs: Mapping[str, Any], published: Sequence[str]) -> str | None:
    """The day an event or claim sits at on the timeline, as ``YYYY-MM-DD``.

    Its own date when it has one; a date without a year (``--06-29``) takes the
    year of the earliest article reporting it; a claim with no date of its own
    was made by the time the article printed it (as ``who-said-what`` orders
    claims). An event without a date is undated: its article's date would place
    a background mention at the wrong time. ``published`` are the supporting
    articles' publication dates (any XSD form).
    """
    days = sorted(p[:10] for p in published if re.match(r"^\d{4}-\d{2}-\d{2}", p or ""))
    when = _str(attrs.get("when"))
    if when:
        if re.match(r"^\d{4}-\d{2}-\d{2}", when):
            return when[:10]
        m = re.match(r"^--(\d{2})-(\d{2})", when)
        if m and days:
            return f"{days[0][:4]}-{m.group(1)}-{m.group(2)}"
        m = re.match(r"^(\d{4})-(\d{2})$", when)
        if m:
            return f"{when}-01"
    if _type_of(attrs) == "Claim" and days:
        return days[0]
    return None


def select_default_view(graph: nx.MultiDiGraph, limit: int | None) -> list[str]:
    """The ``limit`` most connected nodes, grown as connected regions.

    Taking the top-``limit`` by degree alone leaves out the events and claims
    that join the big actors, so the default view would be a scatter of
    unconnected hubs. Instead the selection starts at the most connected node
    and repeatedly adds the most connected node *adjacent* to what is already
    chosen; when a region is exhausted, the most connected remaining node
    starts the next. All nodes when the graph has no more than ``limit``.
    """
    order = _sorted_nodes(graph)
    if limit is None or limit >= len(order):
        return order
    rank = {n: i for i, n in enumerate(order)}
    chosen: list[str] = []
    taken: set[str] = set()
    frontier: list[tuple[int, str]] = []
    next_seed = 0

    while len(chosen) < limit:
        if frontier:
            _, node = heapq.heappop(frontier)
            if node in taken:
                continue
        else:
            while order[next_seed] in taken:
                next_seed += 1
            node = order[next_seed]
        taken.add(node)
        chosen.append(node)
        for other in (*graph.successors(node), *graph.predecessors(node)):
            if other not in taken:
                heapq.heappush(frontier, (rank[other], other))
    return chosen


def resolve_focus(graph: nx.MultiDiGraph, query: str) -> str:
    """The node ``--focus`` means: its IRI, IRI local name, label, Vietnamese
    label or an alias — compared with :func:`match_key`, then without
    diacritics; the most connected wins when several match."""
    if query in graph:
        return query
    q_match, q_search = match_key(query.replace("_", " ")), search_key(query.replace("_", " "))
    for key_fn, q in ((match_key, q_match), (search_key, q_search)):
        hits = [
            n
            for n in _sorted_nodes(graph)
            if any(key_fn(name) == q for name in _names_of(n, graph.nodes[n]))
        ]
        if hits:
            return hits[0]
    partial = [
        _label_of(n, graph.nodes[n])
        for n in _sorted_nodes(graph)
        if any(q_search in search_key(name) for name in _names_of(n, graph.nodes[n]))
    ][:5]
    hint = f" (did you mean: {', '.join(partial)}?)" if partial else ""
    raise FocusNotFound(f"--focus {query!r}: no entity of the graph has that id, label or alias{hint}")


class _Interner:
    """Strings and records stored once, referred to by position."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._pos: dict[Any, int] = {}

    def add(self, key: Any, item: Any | None = None) -> int:
        pos = self._pos.get(key)
        if pos is None:
            pos = self._pos[key] = len(self.items)
            self.items.append(key if item is None else item)
        return pos


def _article_table(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Article id -> {title, outlet, published}, from every evidence dict seen."""
    table: dict[str, dict[str, Any]] = {}

    def see(article: Any, ev: Mapping[str, Any] | None = None) -> None:
        aid = _str(article)
        if aid is None:
            return
        row = table.setdefault(aid, {"id": aid, "title": None, "outlet": None, "published": None})
        if ev:
            for k in ("title", "outlet", "published"):
                if row[k] is None:
                    row[k] = _str(ev.get(k))

    for _, attrs in graph.nodes(data=True):
        for a in attrs.get("articles") or []:
            see(a)
        for ev in attrs.get("evidence") or []:
            see(ev.get("article"), ev)
    for _, _, attrs in graph.edges(data=True):
        for a in attrs.get("articles") or []:
            see(a)
        for ev in attrs.get("evidence") or []:
            see(ev.get("article"), ev)
    return table


def build_data(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    limit: int | None = 150,
) -> ExplorerData:
    """Turn the graph view into the page's index.

    Index layout (short keys keep a 1,000-article graph to a few megabytes):

    - ``types``: ``[{name, label, color, shape, count}]``
    - ``predicates``: ``[name]``; ``articles``: ``[{id, title, outlet, published}]``
    - ``texts``: sentences, each stored once
    - ``nodes``: ``{id, l: label, vi, t: type index, k: search key, s: size,
      d: degree, a: [article index], al: [aliases], x: {event/claim fields},
      ev: [[article, sentence, text index, mark start, mark end]],
      nc: claims said (speakers), dt: timeline day YYYY-MM-DD (events, claims)}``
    - ``edges``: ``[from, to, predicate index, [article index], [evidence], parallel rank]``
    """
    drawn = graph.subgraph([n for n, a in graph.nodes(data=True) if _type_of(a) not in GATHERED_TYPES])
    if focus is not None:
        focus = resolve_focus(graph, focus)
        around = (set(graph.predecessors(focus)) | set(graph.successors(focus))) - {focus}
        visible_iris = [focus, *sorted((n for n in around if n in drawn), key=lambda n: (-graph.degree(n), n))]
    else:
        visible_iris = select_default_view(drawn, limit)

    order = _sorted_nodes(graph)
    pos_of = {iri: i for i, iri in enumerate(order)}

    type_names = [t for t in TYPE_STYLES if any(_type_of(a) == t for _, a in graph.nodes(data=True))]
    type_names += sorted({_type_of(a) for _, a in graph.nodes(data=True)} - set(type_names))
    type_pos = {t: i for i, t in enumerate(type_names)}

    articles = _article_table(graph)
    article_ids = sorted(articles, key=lambda a: (articles[a]["published"] or "9999", articles[a]["title"] or "", a))
    art_pos = {a: i for i, a in enumerate(article_ids)}
    texts = _Interner()

    def evidence_rows(evs: Iterable[Mapping[str, Any]], terms: Sequence[Sequence[str]]) -> list[list[int]]:
        rows: list[list[int]] = []
        seen: set[tuple[Any, ...]] = set()
        for ev in evs or []:
            aid = _str(ev.get("article"))
            if aid is None or aid not in art_pos:
                continue
            key = (aid, ev.get("sentence"), ev.get("start"), ev.get("end"), ev.get("text"))
            if key in seen:
                continue
            seen.add(key)
            text, a, b = evidence_parts(ev, terms)
            sent = _int(ev.get("sentence"))
            rows.append([art_pos[aid], -1 if sent is None else sent, texts.add(text), a, b])
        rows.sort(key=lambda r: (r[0], r[1], r[3]))
        return rows

    names = {n: _names_of(n, graph.nodes[n]) for n in order}
    said = {n: sum(1 for _, c, k in graph.out_edges(n, keys=True)
                   if k == "said" and _type_of(graph.nodes[c]) in GATHERED_TYPES) for n in order}
    nodes_out: list[dict[str, Any]] = []
    for iri in order:
        attrs = graph.nodes[iri]
        ntype = _type_of(attrs)
        label = _label_of(iri, attrs)
        keys: list[str] = []
        for name in names[iri]:
            k = search_key(name)
            if k and k not in keys:
                keys.append(k)
        row: dict[str, Any] = {
            "id": iri,
            "l": label,
            "t": type_pos[ntype],
            "k": " | ".join(keys),
            "s": node_size(graph.degree(iri)),
            "d": graph.degree(iri),
            "a": sorted({art_pos[a] for a in (attrs.get("articles") or []) if _str(a) in art_pos}),
        }
        vi = _str(attrs.get("label_vi"))
        if vi and vi != label:
            row["vi"] = vi
        aliases = sorted({s for s in (_str(x) for x in attrs.get("aliases") or []) if s and s not in (label, vi)})
        if aliases:
            row["al"] = aliases
        extra = {k: _str(attrs.get(k)) for k in ("event_type", "when", "cue", "stance", "text")}
        extra = {k: v for k, v in extra.items() if v is not None}
        if extra:
            row["x"] = extra
        ev_rows = evidence_rows(attrs.get("evidence") or [], [names[iri]])
        if ev_rows:
            row["ev"] = ev_rows
        if not row["a"] and ev_rows:
            row["a"] = sorted({r[0] for r in ev_rows})
        if said[iri]:
            row["nc"] = said[iri]  # claims gathered on this speaker
        if ntype in ("Event", "Claim"):
            day = item_date(attrs, [articles[article_ids[a]]["published"] or "" for a in row["a"]])
            if day:
                row["dt"] = day
        nodes_out.append(row)

    predicates: list[str] = []
    pred_pos: dict[str, int] = {}
    edges_out: list[list[Any]] = []
    edge_pairs: list[tuple[int, int, str]] = []
    pair_rank: dict[tuple[int, int], int] = {}
    raw_edges = sorted(
        graph.edges(keys=True, data=True),
        key=lambda e: (pos_of[e[0]], pos_of[e[1]], str(e[2]), str(e[3].get("predicate"))),
    )
    for u, v, key, attrs in raw_edges:
        # the edge key is the view's display name (credited_source for kg:creditedSource)
        pred = _str(key) if isinstance(key, str) and _str(key) else local_name(_str(attrs.get("predicate")) or str(key))
        if pred not in pred_pos:
            pred_pos[pred] = len(predicates)
            predicates.append(pred)
        a, b = pos_of[u], pos_of[v]
        pair = (min(a, b), max(a, b))
        rank = pair_rank.get(pair, 0)
        pair_rank[pair] = rank + 1
        ev_rows = evidence_rows(attrs.get("evidence") or [], [names[u], names[v]])
        arts = sorted({art_pos[x] for x in (attrs.get("articles") or []) if _str(x) in art_pos} | {r[0] for r in ev_rows})
        edges_out.append([a, b, pred_pos[pred], arts, ev_rows, rank])
        edge_pairs.append((a, b, pred))

    type_counts = {t: 0 for t in type_names}
    for _, attrs in graph.nodes(data=True):
        type_counts[_type_of(attrs)] += 1
    types_out = []
    for t in type_names:
        style = TYPE_STYLES.get(t, OTHER_STYLE)
        types_out.append({"name": t, "label": style.label if t in TYPE_STYLES else t,
                          "color": style.color, "shape": style.shape, "count": type_counts[t]})

    index: dict[str, Any] = {
        "types": types_out,
        "predicates": predicates,
        "articles": [articles[a] for a in article_ids],
        "texts": texts.items,
        "nodes": nodes_out,
        "edges": edges_out,
    }
    return ExplorerData(
        index=index,
        node_ids=order,
        visible=[pos_of[n] for n in visible_iris],
        focus=pos_of[focus] if focus is not None else None,
        edge_pairs=edge_pairs,
    )
