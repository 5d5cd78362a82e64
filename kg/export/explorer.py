"""The HTML explorer: one self-contained, offline page built with pyvis.

pyvis 0.3.2 holds the nodes, edges and options, but its own output cannot be
used: every mode loads something from another host or writes ``lib/`` into the
working directory, its template puts node titles into ``innerHTML``, its Jinja
environment does not autoescape and it writes without an explicit encoding.
So the network's data is rendered here with the project's template
(``kg/templates/explorer.html``) in an autoescaping Jinja environment, with
vis-network inlined from the copy pyvis ships, all data passed as escaped JSON,
and the file written atomically in UTF-8.

A Content-Security-Policy in the page allows only the page's own scripts (by
hash) and no network at all, so even a mistake elsewhere could neither load
anything nor run an ``onerror=`` attribute smuggled in through article text.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import DictLoader, Environment
from markupsafe import Markup
from pyvis.network import Network

from .explorer_data import (
    GATHERED_TYPES,
    OTHER_STYLE,
    TYPE_STYLES,
    ExplorerData,
    build_data,
    canvas_label,
)
from .layout import readable_layout

__all__ = [
    "ExplorerPage",
    "PHYSICS_MAX_NODES",
    "UNLABELLED_TYPES",
    "build_page",
    "render_explorer",
    "write_explorer",
    "add_spans",
    "measure_load",
    "write_text_atomic",
    "embed_json",
]

# The layout is computed in Python (seeded, label-aware: see kg.export.layout)
# and the page draws with physics off; the "physics" box turns the simulation on
# for views up to this many nodes (vis-network needs minutes at ~1,500 nodes).
PHYSICS_MAX_NODES = 300
# On screen at the fitted zoom: a label smaller than LABEL_HIDE_PX is not drawn
# (vis-network's drawThreshold); the page draws the labels that fit at
# MAJOR_LABEL_PX and shrinks the rest to MINOR_LABEL_PX, so they appear on zooming in.
MAJOR_LABEL_PX = 12.5
MINOR_LABEL_PX = 7.0
LABEL_HIDE_PX = 11
# Types drawn without a label on the canvas: their label is a whole sentence,
# and dozens of them would bury the actors' names (the tooltip and panel show it).
UNLABELLED_TYPES = frozenset({"Claim"})
VIS_NETWORK = "templates/lib/vis-9.1.2/vis-network.min.js"


@dataclass(frozen=True, slots=True)
class ExplorerPage:
    """A rendered page and what it shows (the CLI prints the counts)."""

    html: str
    nodes_shown: int
    nodes_total: int
    edges_shown: int
    edges_total: int
    focus: str | None = None
    path: Path | None = None
    gathered: int = 0  # claims not drawn: counted on their speakers, listed in their panels


@cache
def _vis_network_js() -> str:
    """vis-network 9.1.2 (Apache-2.0/MIT) from the copy inside the pyvis package."""
    text = (resources.files("pyvis") / VIS_NETWORK).read_text(encoding="utf-8")
    if "</script" in text.lower():  # would end the inline script early
        raise RuntimeError("vis-network.min.js contains '</script'; cannot inline it")
    return text


@cache
def _template_file(name: str) -> str:
    return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")


@cache
def _environment() -> Environment:
    # autoescape on for everything: the only unescaped values are the inlined
    # scripts and the JSON, both made safe by this module before being marked.
    return Environment(
        loader=DictLoader({"explorer.html": _template_file("explorer.html")}),
        autoescape=True,
        keep_trailing_newline=True,
    )


def embed_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so ``</script>`` or
    ``<!--`` in an article cannot end the element; U+2028/2029 are escaped for
    older JavaScript parsers. ``JSON.parse`` reads the escapes back unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _tooltip(lines: list[str]) -> str:
    """A plain-text title; the page turns it into a DOM element with textContent."""
    return "\n".join(lines)


def _articles_phrase(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def _vis_options(n_visible: int, physics: bool) -> dict[str, Any]:
    """vis-network options: readable labels, arrows, physics off at load (the
    positions come from Python)."""
    large = n_visible > PHYSICS_MAX_NODES
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_visible <= 100},
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"size": 16, "face": "DejaVu Sans, Arial, sans-serif", "color": "#1f2328",
                     "strokeWidth": 4, "strokeColor": "#ffffff"},
            # labels under LABEL_HIDE_PX on screen are not drawn: the page sizes each label
            # so that the major ones are drawn at the fitted zoom and the rest when zooming in
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_HIDE_PX, "maxVisible": 26}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": "#9aa3af", "highlight": "#1f2328", "hover": "#4b5563", "inherit": False},
            "font": {"size": 11, "face": "DejaVu Sans, Arial, sans-serif", "color": "#7b8594",
                     "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_HIDE_PX - 2, "maxVisible": 16}},
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "width": 1.2,
            "selectionWidth": 2,
            "hoverWidth": 0.8,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "physics": {
            "enabled": physics,
            # forceAtlas2's gravity grows with distance, so unconnected actors stay
            # near the rest instead of drifting to the edges and shrinking the fit
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.015, "springLength": 110,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.6},
            "minVelocity": 2.0,
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
        },
    }


def _smooth_for(rank: int) -> dict[str, Any] | None:
    """Parallel edges between the same two nodes bend apart instead of overlapping.

    Mirrors ``smoothFor`` in the page script, which styles edges it adds later.
    """
    if rank <= 0:
        return None
    side = "curvedCW" if rank % 2 else "curvedCCW"
    return {"enabled": True, "type": side, "roundness": round(0.2 * ((rank + 1) // 2), 2)}


def _network(data: ExplorerData, physics: bool, positions: dict[int, tuple[float, float]] | None) -> Network:
    """The visible part of the graph as a pyvis Network (nodes, edges, options)."""
    index = data.index
    types, preds, nodes = index["types"], index["predicates"], index["nodes"]
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    shown = set(data.visible)
    for i in data.visible:
        row = nodes[i]
        t = types[row["t"]]
        style = TYPE_STYLES.get(t["name"], OTHER_STYLE)
        opts: dict[str, Any] = {
            "shape": style.shape,
            "color": style.color,
            "size": row["s"],
            "title": _tooltip([row["l"], f"{t['label']} · supported by {_articles_phrase(len(row['a']))}"]),
        }
        if positions is not None:
            x, y = positions[i]
            opts.update(x=x, y=y)
        net.add_node(i, label=canvas_label(row["l"], row.get("nc", 0)) or " ", **opts)
        if t["name"] in UNLABELLED_TYPES:  # a claim is a sentence: hover or click to read it
            del net.node_map[i]["label"]
    for j, (a, b, p, arts, _ev, rank) in enumerate(index["edges"]):
        if a in shown and b in shown:
            opts = {
                "id": j,
                "label": preds[p],
                "title": _tooltip([f"{nodes[a]['l']} → {preds[p]} → {nodes[b]['l']}",
                                   f"supported by {_articles_phrase(len(arts))}"]),
            }
            smooth = _smooth_for(rank)
            if smooth:
                opts["smooth"] = smooth
            net.add_edge(a, b, **opts)
    net.options = _vis_options(len(data.visible), physics)
    return net


def build_page(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    limit: int | None = 150,
    title: str = "kg explorer",
) -> ExplorerPage:
    """Render the explorer for ``graph`` and report what it shows.

    ``focus`` (IRI, id, label or alias) opens the page on that entity's
    neighbourhood; otherwise the ``limit`` most connected nodes are shown and
    the rest is reachable by search. Raises ``FocusNotFound`` for an unknown
    ``focus``.
    """
    data = build_data(graph, focus=focus, limit=limit)
    physics = False  # laid out here; the page's "physics" box starts the simulation
    shown = set(data.visible)
    links = [(a, b) for a, b, _ in data.edge_pairs if a in shown and b in shown]
    rows = data.index["nodes"]
    order = sorted(data.visible, key=lambda i: (-rows[i]["d"], i))  # most connected first: their labels get room
    placed = readable_layout(order, links, sizes=[rows[i]["s"] for i in order],
                             labels=[canvas_label(rows[i]["l"], rows[i].get("nc", 0)) for i in order],
                             font=MAJOR_LABEL_PX)
    positions: dict[int, tuple[float, float]] | None = {int(k): v for k, v in placed.items()}
    net = _network(data, physics, positions)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    view = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "visible": data.visible,
        "focus": data.focus,
        "physics": physics,
        "physicsMax": PHYSICS_MAX_NODES,
        "labelPx": {"major": MAJOR_LABEL_PX, "minor": MINOR_LABEL_PX, "hide": LABEL_HIDE_PX},
        "laidOut": positions is not None,
        "title": title,
    }
    app_js = _template_file("explorer.js")
    vis_js = _vis_network_js()
    data_json = embed_json({"index": data.index, "view": view})
    for script in (app_js,):
        if "</script" in script.lower():
            raise RuntimeError("explorer.js contains '</script'")
    html = _environment().get_template("explorer.html").render(
        title=title,
        css=Markup(_template_file("explorer.css")),
        vis_js=Markup(vis_js),
        app_js=Markup(app_js),
        data_json=Markup(data_json),
        script_hashes=" ".join(_csp_hash(s) for s in (vis_js, app_js)),
        nodes_shown=len(data.visible),
        nodes_total=len(data.node_ids),
    )
    return ExplorerPage(
        html=html,
        nodes_shown=len(data.visible),
        nodes_total=len(data.node_ids),
        edges_shown=len(edges),
        edges_total=len(data.index["edges"]),
        focus=data.node_ids[data.focus] if data.focus is not None else None,
        gathered=sum(1 for row in data.index["nodes"] if data.index["types"][row["t"]]["name"] in GATHERED_TYPES),
    )


def render_explorer(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    limit: int | None = 150,
    title: str = "kg explorer",
) -> str:
    """The explorer page for a :func:`kg.graph.view.to_networkx` graph, as HTML text."""
    return build_page(graph, focus=focus, limit=limit, title=title).html


def write_text_atomic(path: Path | str, text: str) -> Path:
    """Write UTF-8 text via :func:`kg.export.atomic.atomic_output`: a reader (or a
    browser reloading the page) never sees half a file, and a target that is a
    symlink, a pipe or a device is refused rather than replaced."""
    from .atomic import atomic_output

    with atomic_output(path) as fh:
        fh.write(text.encode("utf-8"))
    return Path(path)


_SPANS = """
SELECT ?id ?s ?e ?t WHERE {
  ?ev <https://w3id.org/kg-vn/ontology#startOffset> ?s ;
      <https://w3id.org/kg-vn/ontology#endOffset> ?e ;
      <https://w3id.org/kg-vn/ontology#evidenceText> ?t ;
      <https://w3id.org/kg-vn/ontology#article> ?a .
  ?a <https://w3id.org/kg-vn/ontology#articleId> ?id .
}"""


def add_spans(store: Any, graph: nx.MultiDiGraph) -> int:
    """Give each evidence dict its ``span`` (the evidence text) from the store.

    The view's evidence carries the whole sentence and *body* offsets, which
    alone cannot say where the span sits in the sentence; the store keeps the
    span's text (``kg:evidenceText``), so one query fetches all of them and the
    panel can mark exactly the words a fact was read from. Returns how many
    evidence dicts got a span; a store that cannot answer leaves them as they are.
    """
    query = getattr(store, "query", None)
    if query is None:
        return 0
    try:
        rows = query(_SPANS)
        spans = {(r["id"].value, int(r["s"].value), int(r["e"].value)): r["t"].value for r in rows}
    except Exception:  # noqa: BLE001 - an older store or a Dataset: the page still works without spans
        return 0
    added = 0
    evidence_lists = [a.get("evidence") or [] for _, a in graph.nodes(data=True)]
    evidence_lists += [a.get("evidence") or [] for _, _, a in graph.edges(data=True)]
    for evs in evidence_lists:
        for ev in evs:
            if "span" in ev:
                continue
            try:
                key = (str(ev.get("article")), int(ev.get("start")), int(ev.get("end")))
            except (TypeError, ValueError):
                continue
            span = spans.get(key)
            if span is not None:
                ev["span"] = span
                added += 1
    return added


def measure_load(path: Path | str, **kwargs: Any) -> float:
    """Seconds until the page at ``path`` is drawn in headless Chromium
    (see :func:`kg.export.explorer_check.measure_load`; here for the benchmark)."""
    from .explorer_check import measure_load as _measure

    return _measure(path, **kwargs)


def write_explorer(store: Any, path: Path | str, *, focus: str | None = None, limit: int | None = 150) -> ExplorerPage:
    """Write the explorer for a store (or rdflib Dataset) to ``path``.

    Called by ``kg build`` after every build and by ``kg view``. Returns the
    page's counts with ``path`` set. Raises ``FocusNotFound`` (a KgError)
    when ``focus`` names no entity.
    """
    from ..graph.view import to_networkx  # the graph stage; imported late so export loads without it

    graph = to_networkx(store)
    add_spans(store, graph)
    page = build_page(graph, focus=focus, limit=limit)
    written = write_text_atomic(path, page.html)
    return ExplorerPage(page.html, page.nodes_shown, page.nodes_total, page.edges_shown, page.edges_total,
                        page.focus, written, page.gathered)
