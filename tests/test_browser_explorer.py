"""The explorer running in headless Chromium (Debian's binary, driven by Playwright).

Every page is opened with all non-file requests refused and console errors
collected; a test fails on either. Clicks are real mouse clicks on the canvas
at the node's drawn position.
"""

from __future__ import annotations

import shutil
import unicodedata
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.explorer import build_page, write_text_atomic
from kg.export.explorer_check import (
    CHROMIUM_ARGS,
    find_chromium,
    offline_only,
    sample_graph,
    synthetic_graph,
)
from kg.graph.namespaces import KGD

from test_explorer import INJECT_IMG, INJECT_SCRIPT, injection_graph

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")  # stopped before other modules run: no browser threads outlive this module
def chromium() -> Iterator[Any]:
    exe = find_chromium()
    if exe is None:
        pytest.skip("no chromium binary (apt-get install chromium; CI installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Opened:
    """A loaded explorer page plus what it tried to do behind our back."""

    def __init__(self, page: Any, refused: list[str], errors: list[str], dialogs: list[str]) -> None:
        self.page, self.refused, self.errors, self.dialogs = page, refused, errors, dialogs

    def clean(self) -> None:
        assert self.refused == [], f"requests to other hosts: {self.refused}"
        assert self.errors == [], f"console/page errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"

    def index_of(self, iri: str) -> int:
        return self.page.evaluate("(iri) => kg.indexOf(iri)", iri)

    def visible(self) -> int:
        return int(self.page.evaluate("document.body.dataset.visibleNodes"))

    def node_xy(self, i: int) -> tuple[float, float]:
        return tuple(self.page.evaluate(
            """(i) => { const p = kgNetwork.getPositions([i])[i]; const d = kgNetwork.canvasToDOM(p);
                       const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
                       return [d.x + r.left, d.y + r.top]; }""", i))

    def edge_xy(self, j: int) -> tuple[float, float]:
        return tuple(self.page.evaluate(
            """(j) => { const e = kgNetwork.body.edges[j]; const p = e.edgeType.getPoint(0.5);
                       const d = kgNetwork.canvasToDOM(p);
                       const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
                       return [d.x + r.left, d.y + r.top]; }""", j))

    def settle(self) -> None:
        """Stop the simulation so the node is where it was measured when the click lands."""
        self.page.evaluate("kgNetwork.stopSimulation()")

    def click_node(self, i: int) -> None:
        self.settle()
        self.page.mouse.click(*self.node_xy(i))
        self.page.wait_for_selector("#kg-panel:not([hidden])")


@pytest.fixture()
def open_page(chromium: Any, tmp_path: Path) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener(source: nx.MultiDiGraph | Path, *, bypass_csp: bool = False, **render: Any) -> Opened:
        if isinstance(source, Path):
            path = source
        else:
            path = write_text_atomic(tmp_path / f"explorer-{len(contexts)}.html", build_page(source, **render).html)
        ctx = chromium.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        contexts.append(ctx)
        page = ctx.new_page()
        refused: list[str] = []
        errors: list[str] = []
        dialogs: list[str] = []
        offline_only(page, refused)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        def on_dialog(d: Any) -> None:
            dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri())
        # a selector, not wait_for_function: the page's CSP forbids the eval Playwright polls with
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        return Opened(page, refused, errors, dialogs)

    yield opener
    for ctx in contexts:
        ctx.close()


# --------------------------------------------------------------------------- the sample (seed-shaped) graph


def claim_count(g: nx.MultiDiGraph) -> int:
    return sum(1 for _, a in g.nodes(data=True) if a["type"] == "Claim")


def test_sample_loads_offline_and_shows_every_node(open_page: Any) -> None:
    g = sample_graph()
    o = open_page(g)
    claims = claim_count(g)
    # claims are gathered on their speakers at first; the toggle draws them as nodes
    assert claims > 0 and o.visible() == g.number_of_nodes() - claims
    assert o.page.inner_text("#kg-count") == f"{g.number_of_nodes() - claims} / {g.number_of_nodes()} nodes"
    o.page.check("#kg-claims")
    assert o.visible() == g.number_of_nodes()
    assert o.page.evaluate("kgNetwork.body.data.nodes.length") == g.number_of_nodes()
    assert o.page.evaluate("kgNetwork.body.data.edges.length") == g.number_of_edges()
    assert o.page.inner_text("#kg-count") == f"{g.number_of_nodes()} / {g.number_of_nodes()} nodes"
    o.page.uncheck("#kg-claims")
    assert o.visible() == g.number_of_nodes() - claims
    assert o.page.evaluate("kg.edges.get({filter: e => e.label === 'said'}).length") == 0
    legend = o.page.inner_text("#kg-types")
    for name in ("Person", "Organisation", "Country", "Place", "Event", "Claim"):
        assert name in legend
    o.clean()


def test_search_finds_with_and_without_diacritics(open_page: Any) -> None:
    o = open_page(sample_graph())
    for query, expected in [("Peskov", "Dmitry Peskov"), ("peskov", "Dmitry Peskov"), ("Điện Kremlin", "Kremlin"),
                            ("dien kremlin", "Kremlin"), ("DIEN KREMLIN", "Kremlin"), ("nga", "Russia")]:
        o.page.fill("#kg-search", query)
        first = o.page.locator("#kg-results li").first
        assert first.locator("span").first.inner_text() == expected, query
    o.page.fill("#kg-search", "nga")
    assert "Nga" in o.page.locator("#kg-results li .kg-sub").first.inner_text()  # why "nga" found Russia
    o.page.fill("#kg-search", "zzzz")
    assert o.page.inner_text("#kg-results") == "no entity matches"
    o.page.fill("#kg-search", "peskov")
    o.page.keyboard.press("Enter")
    o.page.wait_for_selector("#kg-panel:not([hidden])")
    assert o.page.inner_text("#kg-panel h2") == "Dmitry Peskov"
    o.clean()


def test_page_folds_queries_like_python_folds_names(open_page: Any) -> None:
    """The search key is made in Python and the query folded in JS: they must agree."""
    from kg.clean.normalize import search_key

    samples = ["Điện Kremlin", "ĐIỆN KREMLIN", "Nguyễn Phú Trọng", "Thủy Sĩ", "Thuỷ Sĩ", "Hòa Bình", "Hoà Bình",
               "Bộ Ngoại giao", "“tan băng”", "Nga – Mỹ", "Ủy ban", "Uỷ ban", "Sergei  Lavrov", "Zelensky"]
    decomposed = [unicodedata.normalize("NFD", x) for x in samples]
    o = open_page(sample_graph())
    folded = o.page.evaluate("(xs) => xs.map(kg.fold)", samples + decomposed)
    assert folded == [search_key(x) for x in samples + decomposed]
    o.clean()


def test_click_on_peskov_shows_the_spokesperson_sentence_and_his_claims_by_date(open_page: Any) -> None:
    o = open_page(sample_graph())
    o.page.locator("#kg-search").blur()
    scale = o.page.evaluate("kgNetwork.getScale()")
    o.click_node(o.index_of(str(KGD["Dmitry_Peskov"])))
    # the panel narrows the canvas; the graph keeps its zoom instead of shrinking
    o.page.wait_for_selector("body[data-camera-kept='1']", state="attached")
    assert o.page.evaluate("kgNetwork.getScale()") == pytest.approx(scale)
    panel = o.page.inner_text("#kg-panel")
    assert "Dmitry Peskov" in panel
    assert "Người phát ngôn Điện Kremlin Dmitry Peskov ngày 29/6 cho biết" in panel
    assert "Kinh tế & Đô thị, 30/6/2021" in panel  # outlet and date of the article, as people write dates
    claims = o.page.locator(".kg-claim .kg-when").all_inner_texts()
    assert [c.split(" ")[0] for c in claims] == ["17/6/2021", "29/6/2021"]  # date order, not article order
    assert "claims (2, by date)" in panel.lower()
    marks = o.page.locator("#kg-panel mark").all_inner_texts()
    assert "Dmitry Peskov" in marks
    o.page.keyboard.press("Escape")
    assert o.page.locator("#kg-panel").is_hidden()
    o.clean()


def test_click_on_an_edge_marks_its_evidence_span(open_page: Any) -> None:
    g = sample_graph()
    o = open_page(g)
    j = o.page.evaluate(
        "() => kg.index.edges.findIndex(e => kg.index.predicates[e[2]] === 'spokesperson_of')")
    o.settle()
    o.page.mouse.click(*o.edge_xy(j))
    o.page.wait_for_selector("#kg-panel:not([hidden])")
    assert "spokesperson_of" in o.page.inner_text("#kg-panel h2")
    assert o.page.locator("#kg-panel mark").first.inner_text() == "Người phát ngôn Điện Kremlin Dmitry Peskov"
    o.clean()


def test_hover_shows_label_type_and_article_count_as_text(open_page: Any) -> None:
    o = open_page(sample_graph())
    o.settle()
    o.page.mouse.move(*o.node_xy(o.index_of(str(KGD["Dmitry_Peskov"]))))
    tip = o.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == "Dmitry Peskov\nPerson · supported by 2 articles"
    o.clean()


def test_filters_by_type_predicate_article_and_date(open_page: Any) -> None:
    g = sample_graph()
    o = open_page(g)
    total = g.number_of_nodes()
    claims = claim_count(g)
    o.page.check("#kg-claims")
    o.page.uncheck("input[data-type=Claim]")
    assert o.visible() == total - claims
    assert o.page.evaluate("kg.edges.get({filter: e => !e.hidden && e.label === 'said'}).length") == 0
    o.page.check("input[data-type=Claim]")
    assert o.visible() == total
    o.page.uncheck("input[data-predicate=held_in]")
    assert o.page.evaluate("kg.edges.get({filter: e => !e.hidden && e.label === 'held_in'}).length") == 0
    assert o.page.evaluate("kg.edges.get({filter: e => !e.hidden}).length") == g.number_of_edges() - 1
    # one article: only what it supports
    o.page.select_option("#kg-article", label=o.page.locator("#kg-article option").nth(1).inner_text())
    first_article = o.page.evaluate("kg.index.articles[0].id")
    expected = sum(1 for _, a in g.nodes(data=True) if first_article in a["articles"])
    assert 0 < o.visible() == expected < total
    o.page.click("#kg-clear")
    assert o.visible() == total
    # a date range that only the later article falls in
    o.page.fill("#kg-from", "2021-06-20")
    o.page.dispatch_event("#kg-from", "change")
    later = sum(1 for _, a in g.nodes(data=True) if "a-kremlin-thaw" in a["articles"])
    assert o.visible() == later
    o.clean()


def test_focus_and_back(open_page: Any) -> None:
    g = sample_graph()
    o = open_page(g)
    peskov = str(KGD["Dmitry_Peskov"])
    o.click_node(o.index_of(peskov))
    o.page.click("#kg-focus-btn")
    around = set(g.successors(peskov)) | set(g.predecessors(peskov))
    hood = 1 + sum(1 for n in around if g.nodes[n]["type"] != "Claim")
    assert o.visible() == hood < 1 + len(around)  # his claims stay in his panel
    assert "Neighbourhood of Dmitry Peskov" in o.page.inner_text("#kg-banner")
    o.page.click("#kg-banner button")
    assert o.visible() == g.number_of_nodes() - claim_count(g)
    o.clean()


def test_focus_at_build_time(open_page: Any) -> None:
    g = sample_graph()
    o = open_page(g, focus="dien kremlin")
    assert o.visible() == 2  # Kremlin and its spokesperson
    assert o.page.inner_text("#kg-panel h2") == "Kremlin"
    o.clean()


def test_search_brings_a_node_outside_the_view_in_with_its_neighbours(open_page: Any) -> None:
    g = sample_graph()
    o = open_page(g, limit=3)
    assert o.visible() == 3
    geneva = o.index_of(str(KGD["Geneva"]))
    assert o.page.evaluate("(i) => kg.nodes.get(i)", geneva) is None
    o.page.fill("#kg-search", "geneva")
    assert "not shown yet" in o.page.locator("#kg-results li").first.inner_text()
    o.page.keyboard.press("Enter")
    o.page.wait_for_selector("#kg-panel:not([hidden])")
    shown = set(o.page.evaluate("kg.nodes.getIds()"))
    neighbours = {o.index_of(n) for n in set(g.successors(str(KGD["Geneva"]))) | set(g.predecessors(str(KGD["Geneva"])))
                  if g.nodes[n]["type"] != "Claim"}
    assert geneva in shown and neighbours <= shown
    assert o.visible() == len(shown)
    o.page.click("#kg-reset")
    assert o.visible() == 3
    o.clean()


def test_nodes_added_by_the_page_look_like_those_from_python(open_page: Any) -> None:
    o = open_page(sample_graph())
    same = o.page.evaluate("""() => kg.nodes.get().every(n => {
        const v = kg.visNode(n.id);
        return v.label === n.label && v.shape === n.shape && v.color === n.color && v.size === n.size
               && v.title.innerText === n.title.innerText; })""")
    assert same is True
    o.clean()


def test_physics_toggle(open_page: Any) -> None:
    o = open_page(sample_graph())
    assert not o.page.is_checked("#kg-physics")  # laid out in Python: nothing moves at first
    assert o.page.evaluate("kgNetwork.physics.physicsEnabled") is False
    o.page.check("#kg-physics")
    assert o.page.evaluate("kgNetwork.physics.physicsEnabled") is True
    o.page.uncheck("#kg-physics")
    assert o.page.evaluate("kgNetwork.physics.physicsEnabled") is False
    o.clean()


# --------------------------------------------------------------------------- hostile text


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_injection_article_runs_nothing(open_page: Any, bypass_csp: bool) -> None:
    g = injection_graph()
    o = open_page(g, bypass_csp=bypass_csp)
    person = o.index_of(str(KGD["Evil_Person"]))
    o.settle()
    o.page.mouse.move(*o.node_xy(person))
    o.page.locator("div.vis-tooltip").wait_for(state="visible")
    assert INJECT_IMG in o.page.inner_text("div.vis-tooltip")
    o.click_node(person)
    o.page.fill("#kg-search", "img src")
    o.page.wait_for_timeout(300)  # let any smuggled handler have its chance
    panel = o.page.inner_text("#kg-panel")
    assert INJECT_IMG in panel and INJECT_SCRIPT in panel  # shown literally
    assert INJECT_IMG in o.page.inner_text("#kg-results")
    assert o.page.evaluate("window.__pwned") is None
    assert o.page.evaluate("document.querySelectorAll('img').length") == 0
    assert o.page.evaluate("document.scripts.length") == 3
    assert o.dialogs == []
    o.clean()


# --------------------------------------------------------------------------- scale


def test_large_view_is_drawn_without_physics(open_page: Any) -> None:
    g = synthetic_graph(200, seed=1)
    o = open_page(g, limit=300)
    assert o.visible() == 300
    assert o.page.is_checked("#kg-physics") is False
    o.page.fill("#kg-search", "quoc gia 7")
    assert o.page.locator("#kg-results li").count() > 0
    o.clean()


def test_measure_load_on_a_thousand_articles(tmp_path: Path, chromium: Any) -> None:
    """As the benchmark calls it: its own process (Playwright's sync API is one per thread)."""
    path = write_text_atomic(tmp_path / "big.html", build_page(synthetic_graph(1000)).html)
    code = "import sys; from kg.export.explorer import measure_load; print(measure_load(sys.argv[1]))"
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    seconds = float(r.stdout.strip())
    assert seconds > 0  # the number itself goes to the benchmark, not into an assert
    broken = tmp_path / "broken.html"
    broken.write_text(path.read_text(encoding="utf-8").replace("</body>", '<img src="https://example.org/x.png"></body>'),
                      encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", code, str(broken)], capture_output=True, text=True, timeout=300)
    # refused by the route, and blocked by the page's own CSP: either way reported, not timed
    assert r.returncode != 0 and "example.org" in r.stderr


# --------------------------------------------------------------------------- the real seeds


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds built once per session with the real pipeline (`kg build`): OUT/store, OUT/explorer.html."""
    from kg.cli import COMMAND_MODULES, cli  # noqa: F401

    try:
        import kg.cli.build  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip("kg build is not implemented yet")
    out = tmp_path_factory.mktemp("seeds")
    store = out / "store"
    kg_exe = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    r = subprocess.run([kg_exe, "build", str(seeds_dir), "--store", str(store), "--out", str(out)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    return out


def test_real_seeds_in_the_browser(open_page: Any, seeds_out: Path) -> None:
    """The page `kg build` leaves beside the Turtle, for the five seed articles."""
    from kg.graph.store import Store
    from kg.graph.view import to_networkx

    with Store(seeds_out / "store", read_only=True) as store:
        total = to_networkx(store).number_of_nodes()
    page = seeds_out / "explorer.html"
    assert page.is_file() and (seeds_out / "graph.ttl").is_file()
    o = open_page(page)
    with Store(seeds_out / "store", read_only=True) as store:
        claims = claim_count(to_networkx(store))
    assert 10 < o.visible() == min(total - claims, 150)
    assert o.page.evaluate("kg.index.nodes.length") == total
    o.page.fill("#kg-search", "peskov")
    first = o.page.locator("#kg-results li").first
    assert "Peskov" in first.inner_text()
    o.page.keyboard.press("Enter")
    o.page.wait_for_selector("#kg-panel:not([hidden])")
    o.page.keyboard.press("Escape")
    o.page.locator("#kg-search").blur()
    peskov = o.page.evaluate("() => kg.search('peskov')[0]")
    o.click_node(peskov)
    panel = o.page.inner_text("#kg-panel")
    assert "Dmitry Peskov" in o.page.inner_text("#kg-panel h2")
    assert "người phát ngôn Điện Kremlin Dmitry Peskov" in panel.replace("Người", "người")
    # his role, from the relation list: the span the role was read from is marked
    o.page.click("#kg-panel .kg-rel a:has(code:text-is('spokesperson_of'))")
    assert "spokesperson_of" in o.page.inner_text("#kg-panel h2")
    marks = " ".join(o.page.locator("#kg-panel mark").all_inner_texts()).lower()
    assert "phát ngôn" in marks and "peskov" in marks
    o.page.click("#kg-panel h2 a >> nth=0")  # back to Peskov's panel for the picture
    o.page.click("#kg-fit")
    o.page.mouse.move(5, 5)  # no tooltip left over in the picture
    o.page.wait_for_timeout(500)  # the fit animation (300 ms), for the screenshot only
    ARTIFACTS.mkdir(exist_ok=True)
    o.page.screenshot(path=str(ARTIFACTS / "explorer-seeds.png"))
    o.clean()
