"""The explorer page as text: offline, escaped, typed, scaled (no browser here;
see test_browser_explorer.py for the page running in Chromium)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError
from kg.export.explorer import (
    PHYSICS_MAX_NODES,
    add_spans,
    build_page,
    embed_json,
    render_explorer,
    write_explorer,
    write_text_atomic,
)
from kg.export.explorer_check import sample_graph, synthetic_graph
from kg.export.explorer_data import (
    TYPE_STYLES,
    FocusNotFound,
    build_data,
    evidence_parts,
    node_size,
    resolve_focus,
    select_default_view,
)
from kg.export.layout import force_layout
from kg.graph.namespaces import KGD

INJECT_IMG = "<img src=x onerror=alert(1)>"
INJECT_SCRIPT = "</script><script>window.__pwned=1</script>"


class _Page(HTMLParser):
    """Collects what matters about a page: scripts, attributes naming URLs, the CSP."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.url_attrs: list[tuple[str, str, str | None]] = []
        self.csp: str | None = None
        self.tags: list[str] = []
        self._in_script: dict[str, str | None] | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            if name in a:
                self.url_attrs.append((tag, name, a[name]))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag == "script":
            self._in_script, self._buf = a, []

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buf)))
            self._in_script = None


def parse(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    return p


def page_data(html: str) -> dict:
    scripts = [body for attrs, body in parse(html).scripts if attrs.get("id") == "kg-data"]
    assert len(scripts) == 1
    return json.loads(scripts[0])


def injection_graph() -> nx.MultiDiGraph:
    """A graph whose every string field carries markup (as a hostile article would)."""
    g = nx.MultiDiGraph()
    ev = {"article": "evil", "sentence": 0, "start": 4, "end": 4 + len(INJECT_IMG),
          "text": f"Ông {INJECT_IMG} nói rằng {INJECT_SCRIPT}.", "title": f"Tiêu đề {INJECT_SCRIPT}",
          "outlet": f"Báo {INJECT_IMG}", "published": "2024-01-02", "extractor": "entities"}
    person = str(KGD["Evil_Person"])
    org = str(KGD["Evil_Org"])
    claim = "https://w3id.org/kg-vn/claim/evil-1"
    g.add_node(person, label=INJECT_IMG, label_vi=None, type="Person", aliases=[INJECT_SCRIPT],
               articles=["evil"], evidence=[ev])
    g.add_node(org, label=f"Tổ chức {INJECT_SCRIPT}", label_vi=INJECT_IMG, type="Organization", aliases=[],
               articles=["evil"], evidence=[ev])
    g.add_node(claim, label=INJECT_SCRIPT, type="Claim", aliases=[], articles=["evil"], evidence=[ev],
               cue="nói rằng", stance="assert", text=INJECT_SCRIPT + INJECT_IMG, when="2024-01-02")
    g.add_edge(person, org, key="spokesperson_of", predicate="spokesperson_of", articles=["evil"], evidence=[ev])
    g.add_edge(person, claim, key="said", predicate="said", articles=["evil"], evidence=[ev])
    return g


# --------------------------------------------------------------------------- offline and safe


def test_page_loads_nothing_from_anywhere_and_pins_its_scripts() -> None:
    html = render_explorer(sample_graph())
    page = parse(html)
    assert page.url_attrs == []  # no src=, href=, action=…: nothing to fetch
    assert "link" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert not re.search(r"bootstrap|cdn\.|googleapis|unpkg|jsdelivr|cdnjs", html, re.I)
    assert page.csp is not None and "default-src 'none'" in page.csp and "connect-src 'none'" in page.csp
    # every executable inline script is allowed by hash, nothing else is
    executable = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 2
    allowed = set(re.findall(r"'sha256-([^']+)'", page.csp))
    for body in executable:
        assert base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() in allowed
    assert "'unsafe-inline'" not in page.csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "vis-network" in executable[0][:400]  # the library pyvis ships, inlined


def test_embed_json_cannot_close_the_script_and_round_trips() -> None:
    value = {"s": "</script><!-- & \u2028 \u2029 > <b>", "vi": "Điện Kremlin"}
    text = embed_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value
    assert "Điện Kremlin" in text  # readable, not \\u-escaped Vietnamese


def test_article_markup_is_data_never_markup() -> None:
    html = render_explorer(injection_graph())
    page = parse(html)
    # the three script elements are the only ones: </script> in a name did not end or start one
    assert len(page.scripts) == 3
    assert html.count("</script>") == 3
    assert INJECT_IMG not in html
    assert "<script>window.__pwned" not in html
    data = page_data(html)
    labels = {n["l"] for n in data["index"]["nodes"]}
    assert INJECT_IMG in labels  # the text itself survives, as text
    assert "img" not in page.tags


def test_template_never_parses_html_from_data() -> None:
    js = (Path(__file__).resolve().parents[1] / "kg" / "templates" / "explorer.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js


# --------------------------------------------------------------------------- readable by type


def test_types_have_distinct_colours_and_shapes() -> None:
    core = ["Person", "Organization", "Country", "Place", "Event", "Claim"]
    assert set(core) <= set(TYPE_STYLES)
    assert len({TYPE_STYLES[t].color for t in core}) == len(core)
    assert len({TYPE_STYLES[t].shape for t in core}) == len(core)


def test_nodes_styled_by_type_sized_by_degree_edges_labelled_with_arrows() -> None:
    g = sample_graph()
    data = page_data(render_explorer(g))
    view, index = data["view"], data["index"]
    by_id = {index["nodes"][n["id"]]["id"]: n for n in view["nodes"]}
    peskov, geneva = by_id[str(KGD["Dmitry_Peskov"])], by_id[str(KGD["Geneva"])]
    assert (peskov["shape"], peskov["color"]) == (TYPE_STYLES["Person"].shape, TYPE_STYLES["Person"].color)
    assert (geneva["shape"], geneva["color"]) == (TYPE_STYLES["Place"].shape, TYPE_STYLES["Place"].color)
    assert g.degree(str(KGD["Dmitry_Peskov"])) > g.degree(str(KGD["Geneva"]))
    assert peskov["size"] > geneva["size"]
    assert node_size(0) < node_size(1) < node_size(9) <= node_size(10_000) == 44.0
    labels = {e["label"] for e in view["edges"]}
    assert {"spokesperson_of", "held_in", "participant"} <= labels
    # claims are gathered on their speakers, not drawn: no claim node, no said/about edge at first
    claim_t = [t["name"] for t in index["types"]].index("Claim")
    assert not any(index["nodes"][n["id"]]["t"] == claim_t for n in view["nodes"])
    assert not labels & {"said", "about"}
    said = sum(1 for _, _, k in g.out_edges(str(KGD["Dmitry_Peskov"]), keys=True) if k == "said")
    assert said == 2 and peskov["label"] == "Dmitry Peskov\n2 claims"
    assert index["nodes"][peskov["id"]]["nc"] == 2
    assert all(e["arrows"] == "to" for e in view["edges"])
    assert view["options"]["edges"]["arrows"]["to"]["enabled"] is True
    # hover text: label, type, number of supporting articles — plain text
    assert peskov["title"] == "Dmitry Peskov\nPerson · supported by 2 articles"
    spokes = next(e for e in view["edges"] if e["label"] == "spokesperson_of")
    assert spokes["title"].startswith("Dmitry Peskov → spokesperson_of → Kremlin")
    assert [t["name"] for t in index["types"]] == ["Person", "Organization", "Country", "Place", "Event", "Claim"]


def test_parallel_edges_bend_apart() -> None:
    g = nx.MultiDiGraph()
    for n in ("a", "b"):
        g.add_node(n, label=n, type="Person", articles=[], evidence=[])
    g.add_edge("a", "b", key="adviser_of", predicate="adviser_of", articles=[], evidence=[])
    g.add_edge("a", "b", key="member_of", predicate="member_of", articles=[], evidence=[])
    edges = page_data(render_explorer(g))["view"]["edges"]
    assert len(edges) == 2
    assert [("smooth" in e) for e in edges].count(True) == 1


# --------------------------------------------------------------------------- provenance


def test_evidence_parts_place_the_span_in_the_sentence() -> None:
    sent = "Người phát ngôn Điện Kremlin Dmitry Peskov cho biết."
    at = 100
    exact = {"text": sent, "start": at + 16, "end": at + 28, "sentence_start": at}
    assert evidence_parts(exact) == (sent, 16, 28)
    by_span = {"text": sent, "start": 5000, "end": 5013, "span": "Dmitry Peskov"}
    t, a, b = evidence_parts(by_span)
    assert t[a:b] == "Dmitry Peskov"
    whole = {"text": sent, "start": 7, "end": 7 + len(sent)}
    assert evidence_parts(whole) == (sent, 0, len(sent))
    # nothing says where the span is: the names of the fact's two ends are marked
    t, a, b = evidence_parts({"text": sent, "start": 900, "end": 910}, [["Peskov", "Dmitry Peskov"], ["Điện Kremlin"]])
    assert t[a:b] == "Điện Kremlin Dmitry Peskov"
    assert evidence_parts({"text": sent, "start": 900, "end": 910}, [["Lavrov"]]) == (sent, 0, 0)
    assert evidence_parts({}) == ("", 0, 0)


def sample_store(path: Path | None):  # -> kg.graph.store.Store, open
    """Two seed articles' hand-made extractions through the real RDF mapping and store."""
    from kg.graph.rdf import extraction_to_graph
    from kg.graph.sample import sample_extractions
    from kg.graph.store import Store

    store = Store(path)
    for x in sample_extractions():
        store.replace_article(x.article.id, extraction_to_graph(x))
    store.flush()
    return store


def test_store_spans_reach_the_page(tmp_path: Path) -> None:
    from kg.graph.view import to_networkx

    store = sample_store(None)
    try:
        g = to_networkx(store)
        assert add_spans(store, g) > 0
        html = render_explorer(g)
    finally:
        store.close()
    index = page_data(html)["index"]
    nodes, texts, preds = index["nodes"], index["texts"], index["predicates"]
    peskov = next(i for i, n in enumerate(nodes) if n["id"] == str(KGD["Dmitry_Peskov"]))
    edge = next(e for e in index["edges"] if e[0] == peskov and preds[e[2]] == "spokesperson_of")
    (_art, _sent, text, a, b) = edge[4][0]
    assert texts[text][a:b] == "người phát ngôn Điện Kremlin Dmitry Peskov"
    assert index["articles"][_art]["title"].startswith("Điện Kremlin")


def test_claims_and_articles_carry_dates_and_sources() -> None:
    index = page_data(render_explorer(sample_graph()))["index"]
    claims = [n for n in index["nodes"] if index["types"][n["t"]]["name"] == "Claim"]
    assert sorted(c["x"]["when"] for c in claims) == ["2021-06-17", "2021-06-29"]
    assert all(c["x"]["cue"] and c["x"]["stance"] == "assert" for c in claims)
    arts = index["articles"]
    assert [a["published"] for a in arts] == sorted(a["published"] for a in arts)
    assert {a["outlet"] for a in arts} == {"Kinh tế & Đô thị", "Báo Mẫu"}


# --------------------------------------------------------------------------- finding things


def test_search_keys_fold_diacritics_case_and_d() -> None:
    index = page_data(render_explorer(sample_graph()))["index"]
    keys = {n["l"]: n["k"] for n in index["nodes"]}
    assert "dien kremlin" in keys["Kremlin"]
    assert "peskov" in keys["Dmitry Peskov"]
    assert "nga" in keys["Russia"] and "my" in keys["United States"]
    assert all(k == k.lower() and "đ" not in k for k in keys.values())


def test_focus_resolves_ids_labels_aliases_with_or_without_diacritics() -> None:
    g = sample_graph()
    kremlin, peskov = str(KGD["Kremlin"]), str(KGD["Dmitry_Peskov"])
    for q in ("Kremlin", "Điện Kremlin", "dien kremlin", "ĐIỆN KREMLIN", kremlin):
        assert resolve_focus(g, q) == kremlin
    for q in ("Dmitry_Peskov", "Dmitry Peskov", "peskov"):
        assert resolve_focus(g, q) == peskov
    with pytest.raises(FocusNotFound, match="did you mean: Dmitry Peskov") as err:
        resolve_focus(g, "Pesk")
    assert isinstance(err.value, KgError)


def test_focus_view_is_the_neighbourhood() -> None:
    g = sample_graph()
    page = build_page(g, focus="peskov")
    peskov = str(KGD["Dmitry_Peskov"])
    assert page.focus == peskov
    around = set(g.successors(peskov)) | set(g.predecessors(peskov))
    assert page.nodes_shown == 1 + len([n for n in around if g.nodes[n]["type"] != "Claim"]) < 1 + len(around)
    data = page_data(page.html)
    assert data["index"]["nodes"][data["view"]["focus"]]["id"] == peskov


# --------------------------------------------------------------------------- scale


def test_default_view_is_the_most_connected_and_grows_connected() -> None:
    g = synthetic_graph(120, seed=3)
    chosen = select_default_view(g, 40)
    assert len(chosen) == 40 == len(set(chosen))
    top = max(g.nodes, key=lambda n: (g.degree(n), n))
    assert g.degree(chosen[0]) == g.degree(top)
    # every chosen node after the first touches an earlier one (one region here)
    und = g.to_undirected(as_view=True)
    assert all(any(und.has_edge(n, m) for m in chosen[:i]) for i, n in enumerate(chosen) if i)
    assert sum(g.degree(n) for n in chosen) / 40 > 2 * sum(d for _, d in g.degree()) / g.number_of_nodes()
    assert select_default_view(g, 40) == chosen  # deterministic
    assert select_default_view(g, None) == select_default_view(g, 10_000)


def test_large_views_are_laid_out_in_python_and_drawn_without_physics() -> None:
    g = synthetic_graph(200, seed=1)
    assert g.number_of_nodes() > PHYSICS_MAX_NODES + 50
    page = build_page(g, limit=PHYSICS_MAX_NODES + 50)
    data = page_data(page.html)
    assert page.nodes_shown == PHYSICS_MAX_NODES + 50 and page.nodes_total == g.number_of_nodes()
    assert data["view"]["physics"] is False and data["view"]["options"]["physics"]["enabled"] is False
    xy = {(n["x"], n["y"]) for n in data["view"]["nodes"]}
    assert len(xy) == page.nodes_shown  # every node placed, none on top of another
    assert build_page(g, limit=PHYSICS_MAX_NODES + 50).html == page.html  # seeded: same picture
    small = page_data(render_explorer(g, limit=50))["view"]
    assert small["physics"] is False and "x" in small["nodes"][0]  # small views are laid out here too
    # the whole graph is searchable even though only part is drawn
    assert len(data["index"]["nodes"]) == g.number_of_nodes()
    assert len(data["index"]["edges"]) == g.number_of_edges()


def test_force_layout_pulls_neighbours_together() -> None:
    nodes = list(range(60))
    edges = [(i, i + 1) for i in range(29)] + [(30 + i, 31 + i) for i in range(29)]
    pos = force_layout(nodes, edges, seed=2)
    assert pos == force_layout(nodes, edges, seed=2)
    assert len(set(pos.values())) == 60

    def dist(a: int, b: int) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    linked = sum(dist(a, b) for a, b in edges) / len(edges)
    everyone = sum(dist(a, b) for a in nodes for b in nodes if a < b) / (60 * 59 / 2)
    assert linked < everyone / 2
    assert force_layout([], []) == {} and force_layout(["x"], []) == {"x": (0.0, 0.0)}


def test_index_stays_compact_for_a_thousand_articles() -> None:
    g = synthetic_graph(1000, seed=0)
    page = build_page(g)
    assert page.nodes_shown == 150 and page.nodes_total == g.number_of_nodes()
    # one sentence stored once however many facts cite it
    index = page_data(page.html)["index"]
    assert len(index["texts"]) == len(set(index["texts"]))
    assert len(page.html.encode("utf-8")) < 12_000_000


def test_empty_graph_renders() -> None:
    page = build_page(nx.MultiDiGraph())
    assert page.nodes_shown == page.nodes_total == 0
    assert "kg-network" in page.html


# --------------------------------------------------------------------------- files and CLI


def test_write_text_atomic_is_utf8_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "explorer.html"
    write_text_atomic(target, "Điện Kremlin\n")
    write_text_atomic(target, "Điện Kremlin — Nga\n")
    assert target.read_bytes() == "Điện Kremlin — Nga\n".encode("utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["explorer.html"]


@pytest.fixture(scope="module")
def sample_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("explorer") / "store"
    sample_store(path).close()
    return path


def test_write_explorer_from_store(sample_store_dir: Path, tmp_path: Path) -> None:
    from kg.graph.store import Store

    with Store(sample_store_dir, read_only=True) as store:
        page = write_explorer(store, tmp_path / "out" / "explorer.html")
    assert page.path == tmp_path / "out" / "explorer.html"
    assert page.path.read_text(encoding="utf-8") == page.html
    index = page_data(page.html)["index"]
    claims = sum(1 for n in index["nodes"] if index["types"][n["t"]]["name"] == "Claim")
    assert claims > 0 and page.nodes_shown == page.nodes_total - claims > 10  # claims: in their speakers' panels


def test_cli_view_prints_path_and_counts(sample_store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.html"
    r = CliRunner().invoke(cli, ["view", "--store", str(sample_store_dir), "-o", str(out), "--limit", "5"])
    assert r.exit_code == 0, r.output
    assert str(out) in r.output
    m = re.search(r"(\d+) of (\d+) nodes shown", r.output)
    assert m and int(m.group(1)) == 5 and int(m.group(2)) > 5
    assert out.is_file()
    r = CliRunner().invoke(cli, ["view", "--store", str(sample_store_dir), "-o", str(out), "--focus", "Điện Kremlin"])
    assert r.exit_code == 0 and "focused on https://w3id.org/kg-vn/id/Kremlin" in r.output
    r = CliRunner().invoke(cli, ["view", "--store", str(sample_store_dir), "-o", str(out), "--focus", "Nobody Known"])
    assert r.exit_code == 2 and "no entity" in r.output
    r = CliRunner().invoke(cli, ["view", "--help"])
    assert r.exit_code == 0 and "kg view --focus" in r.output and "--limit" in r.output
