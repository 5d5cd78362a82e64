"""What a reader sees at first: legible labels that do not overlap, and the timeline.

Measured in headless Chromium on what vis-network actually draws (each label's
box and font size as its label module computed them), for the sample graph, the
real seeds and a real build of UNC articles. Screenshots of the first views and
of the timeline brushed to one month go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.explorer_check import sample_graph
from kg.graph.namespaces import KGD, KGE

from test_browser_explorer import ARTIFACTS, chromium, open_page, seeds_out  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

# Every label vis-network draws, as drawn: on-screen font size and box (page pixels).
DRAWN_LABELS = """() => {
  const net = kgNetwork, s = net.getScale(), out = [];
  const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id], lm = node.labelModule;
    if (node.options.hidden || !lm.visible()) continue;
    const tl = net.canvasToDOM({x: lm.size.left, y: lm.size.top});
    out.push({id: id, px: lm.fontOptions.size * s, x: tl.x + r.left, y: tl.y + r.top,
              w: lm.size.width * s, h: lm.size.height * s, d: kg.index.nodes[id].d, text: node.options.label});
  }
  return out;
}"""


def drawn_labels(o: Any) -> list[dict[str, Any]]:
    return o.page.evaluate(DRAWN_LABELS)


def overlapping(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    bad = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                bad.append((a["text"], b["text"]))
    return bad


def check_first_view(o: Any, *, top: int, of_top: int) -> list[dict[str, Any]]:
    """Drawn labels ≥ 11 px, none overlapping, ``of_top`` of the ``top`` most connected labelled."""
    labels = drawn_labels(o)
    assert labels, "no label drawn at the first view"
    assert min(lab["px"] for lab in labels) >= 11, sorted((lab["px"], lab["text"]) for lab in labels)[:5]
    assert overlapping(labels) == []
    shown = o.page.evaluate("kg.nodes.get({filter: n => !n.hidden && n.label !== undefined}).map(n => n.id)")
    degree = o.page.evaluate("(ids) => ids.map(i => kg.index.nodes[i].d)", shown)
    ranked = [i for _, i in sorted(zip(degree, shown), key=lambda p: (-p[0], p[1]))][:top]
    drawn = {lab["id"] for lab in labels}
    assert sum(1 for i in ranked if i in drawn) >= of_top, (len(ranked), [i for i in ranked if i not in drawn])
    return labels


def zoom_in(o: Any, factor: float) -> None:
    o.page.evaluate("(f) => kgNetwork.moveTo({scale: kgNetwork.getScale() * f})", factor)
    o.page.evaluate("kgNetwork.redraw()")


def shot(o: Any, name: str) -> Path:
    o.page.mouse.move(2, 2)  # no tooltip in the picture
    o.page.wait_for_timeout(200)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    o.page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    return path


def brush(o: Any, start: str, end: str) -> None:
    """Drag the mouse across the timeline from the day ``start`` to the day ``end``."""
    box = o.page.locator("#kg-tl-svg").bounding_box()
    x0 = box["x"] + o.page.evaluate("(d) => kg.timeline.x(d)", start)
    x1 = box["x"] + o.page.evaluate("(d) => kg.timeline.x(d)", end)
    y = box["y"] + 40
    o.page.mouse.move(x0, y)
    o.page.mouse.down()
    o.page.mouse.move((x0 + x1) / 2, y, steps=3)
    o.page.mouse.move(x1, y, steps=3)
    o.page.mouse.up()
    o.page.wait_for_selector("body[data-range]", state="attached")
    # a pixel of the strip is a day or more: the range is the month give or take a pixel's days
    got = o.page.evaluate("document.body.dataset.range").split("/")
    per_px = o.page.evaluate("1 / (kg.timeline.x('2000-01-02') - kg.timeline.x('2000-01-01'))")
    for want, have in zip((start, end), got):
        assert abs((date.fromisoformat(have) - date.fromisoformat(want)).days) <= 1 + 2 * per_px, (want, have)


# --------------------------------------------------------------------------- the sample graph


def test_labels_of_the_sample_are_legible_apart_and_minor_ones_wait_for_zoom(open_page: Any) -> None:
    o = open_page(sample_graph())
    labels = check_first_view(o, top=5, of_top=5)
    peskov = next(lab for lab in labels if lab["text"].startswith("Dmitry Peskov"))
    assert peskov["text"] == "Dmitry Peskov\n2 claims"  # his claims, counted on his node
    # edge labels wait for a closer look too
    assert o.page.evaluate("kgNetwork.body.edges[Object.keys(kgNetwork.body.edges)[0]].labelModule.visible()") is False
    zoom_in(o, 2.5)
    assert o.page.evaluate("kgNetwork.body.edges[Object.keys(kgNetwork.body.edges)[0]].labelModule.visible()") is True
    o.clean()


def undated_graph() -> nx.MultiDiGraph:
    """The sample plus a phone call with no date (my own sentence)."""
    g = sample_graph()
    call = str(KGE["call-undated"])
    ev = {"article": "a-geneva-summit", "sentence": 2, "start": 300, "end": 320,
          "text": "Hai nhà lãnh đạo từng điện đàm nhiều lần.", "span": "điện đàm", "title": "Thượng đỉnh",
          "outlet": "Báo Mẫu", "published": "2021-06-17", "extractor": "events"}
    g.add_node(call, label="PhoneCall", type="Event", event_type="PhoneCall", when=None, aliases=[],
               articles=["a-geneva-summit"], evidence=[ev])
    g.add_edge(call, str(KGD["Vladimir_Putin"]), key="participant", predicate="participant",
               articles=["a-geneva-summit"], evidence=[ev])
    return g


def test_timeline_marks_brush_click_and_undated(open_page: Any) -> None:
    g = undated_graph()
    o = open_page(g)
    # the summit (16/6) and Peskov's two claims (17/6, 29/6) are marks; the undated call is listed apart
    assert o.page.locator("#kg-tl-svg .kg-tl-mark").count() == 3
    assert "Undated: 1 event, 0 claims" in o.page.inner_text("#kg-tl-undated summary")
    o.page.click("#kg-tl-undated summary")
    o.page.click("#kg-tl-undated a")
    o.page.wait_for_selector("#kg-panel:not([hidden])")
    assert o.page.inner_text("#kg-panel h2") == "PhoneCall"
    # ticks and the summary read as people write dates
    assert "16/6/2021 – 29/6/2021" in o.page.inner_text("#kg-tl-summary")
    # a click on the summit's mark opens its panel
    summit = o.index_of(str(KGE["summit-2021-06-16-geneva"]))
    o.page.locator(f"#kg-tl-svg .kg-tl-mark[data-node='{summit}']").click()
    o.page.wait_for_selector("#kg-panel h2:text('Summit')")
    assert "Summit" in o.page.inner_text("#kg-panel")
    # brushing 15/6-20/6 keeps the summit, its people and place and Peskov (his 17/6 claim), drops the 29/6 claim
    o.page.keyboard.press("Escape")
    before = o.visible()
    brush(o, "2021-06-15", "2021-06-20")
    assert o.page.inner_text("#kg-tl-range").startswith("15/6/2021 – 20/6/2021")
    shown = set(o.page.evaluate("kg.nodes.get({filter: n => !n.hidden}).map(n => kg.index.nodes[n.id].id)"))
    assert str(KGE["summit-2021-06-16-geneva"]) in shown and str(KGD["Geneva"]) in shown
    assert str(KGE["call-undated"]) not in shown  # undated: not in any range
    assert 0 < o.visible() < before
    out = o.page.evaluate("Array.from(document.querySelectorAll('#kg-tl-svg .kg-tl-out')).map(m => kg.index.nodes[+m.dataset.node].id)")
    assert out == ["https://w3id.org/kg-vn/claim/a-kremlin-thaw-1"]
    # with claims drawn as nodes, only the claim inside the range shows
    o.page.check("#kg-claims")
    claims = o.page.evaluate("kg.nodes.get({filter: n => !n.hidden && kg.index.types[kg.index.nodes[n.id].t].name === 'Claim'}).map(n => kg.index.nodes[n.id].x.when)")
    assert claims == ["2021-06-17"]
    o.page.click("#kg-tl-clear")
    assert o.visible() == g.number_of_nodes()
    o.clean()


def test_dates_in_the_page_read_as_people_write_them(open_page: Any) -> None:
    o = open_page(sample_graph())
    got = o.page.evaluate("(xs) => xs.map(kg.humanDate)",
                          ["2025-06-29", "--06-29", "2021-06-17T08:30:00", "2021-06-17T00:00:00", "2025-06", "2025", "hôm qua"])
    assert got == ["29/6/2025", "29/6", "17/6/2021 08:30", "17/6/2021", "6/2025", "2025", "hôm qua"]
    from kg.humandate import human_date

    assert got == [human_date(x) for x in ["2025-06-29", "--06-29", "2021-06-17T08:30:00", "2021-06-17T00:00:00",
                                           "2025-06", "2025", "hôm qua"]]
    options = o.page.locator("#kg-article option").all_inner_texts()
    assert options[1].startswith("17/6/2021 · ") and options[2].startswith("30/6/2021 · ")
    # the "published" filter is typed the same way (or as ISO)
    counts = []
    for typed in ("20/6/2021", "2021-06-20"):
        o.page.fill("#kg-from", typed)
        o.page.dispatch_event("#kg-from", "change")
        counts.append(o.visible())
    assert counts[0] == counts[1] < o.page.evaluate("kg.view.nodes.length")
    o.page.fill("#kg-from", "20 tháng 6")
    o.page.dispatch_event("#kg-from", "change")
    assert "kg-bad" in o.page.get_attribute("#kg-from", "class")
    assert o.visible() == o.page.evaluate("kg.view.nodes.length")  # unreadable: no filter, marked
    o.clean()


# --------------------------------------------------------------------------- real builds


def test_seeds_first_view_and_a_month_of_the_timeline(open_page: Any, seeds_out: Path) -> None:
    o = open_page(seeds_out / "explorer.html")
    labels = check_first_view(o, top=10, of_top=9)
    assert not any("--" in lab["text"] for lab in labels)  # "Interview (21/1)", not "(--01-21)"
    shot(o, "explorer-seeds-first-view.png")
    before = len(labels)
    zoom_in(o, 2.0)
    assert len(drawn_labels(o)) >= before  # nothing lost, minor labels (if any) come in
    o.page.click("#kg-fit")
    o.page.wait_for_timeout(500)
    brush(o, "2025-02-01", "2025-02-28")
    assert "/2025 – " in o.page.inner_text("#kg-tl-range")  # the month, to a pixel's days (checked in brush())
    assert 0 < o.visible() < int(o.page.evaluate("kg.view.nodes.length"))
    shot(o, "explorer-seeds-timeline-month.png")
    o.clean()


@pytest.fixture(scope="session")
def unc_out(tmp_path_factory: pytest.TempPathFactory, unc_dir: Path) -> Path:
    """A real build of UNC articles (the world section first, then others): $KG_TEST_UNC_N, default 120.

    ``KG_TEST_UNC_OUT=DIR`` uses a build made beforehand instead (DIR/explorer.html),
    e.g. 2,000 articles: ``kg build ../shared/corpora/unc --jobs 2 --out DIR``.
    """
    given = os.environ.get("KG_TEST_UNC_OUT")
    if given:
        return Path(given)
    n = int(os.environ.get("KG_TEST_UNC_N", "120"))
    files = sorted(unc_dir.glob("news_world_*.txt")) + sorted(p for p in unc_dir.glob("*.txt") if "world" not in p.name)
    src = tmp_path_factory.mktemp("unc-src")
    for f in files[:n]:
        (src / f.name).symlink_to(f)
    out = tmp_path_factory.mktemp("unc")
    kg_exe = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    r = subprocess.run([kg_exe, "build", str(src), "--out", str(out), "--jobs", "2", "-q"],
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stderr[-2000:]
    return out


def test_a_real_corpus_first_view_and_a_month_of_the_timeline(open_page: Any, unc_out: Path) -> None:
    o = open_page(unc_out / "explorer.html")
    labels = check_first_view(o, top=10, of_top=8)
    n_articles = o.page.evaluate("kg.index.articles.length")
    shot(o, f"explorer-unc{n_articles}-first-view.png")
    hidden = o.page.evaluate("kg.labels().minor.length")
    zoom_in(o, 2.0)
    assert hidden == 0 or len(drawn_labels(o)) > len(labels)  # the minor labels come in as one zooms in
    o.page.click("#kg-fit")
    o.page.wait_for_timeout(500)
    # the month holding the most dated items
    days = o.page.evaluate("kg.timeline.items.map(i => kg.index.nodes[i].dt)")
    assert len(days) > 20
    months: dict[str, int] = {}
    for d in days:
        months[d[:7]] = months.get(d[:7], 0) + 1
    month = max(sorted(months), key=lambda m: months[m])
    last = {"02": "28"}.get(month[5:], "30")
    brush(o, f"{month}-01", f"{month}-{last}")
    in_range = o.page.evaluate("Array.from(document.querySelectorAll('#kg-tl-svg .kg-tl-mark:not(.kg-tl-out)')).length")
    assert in_range > 0
    assert 0 < o.visible() < int(o.page.evaluate("kg.view.nodes.length"))
    shot(o, f"explorer-unc{n_articles}-timeline-month.png")
    o.clean()


def test_an_empty_or_undated_graph_has_a_quiet_timeline(open_page: Any) -> None:
    o = open_page(nx.MultiDiGraph())
    assert o.page.inner_text("#kg-tl-summary") == "no dated events or claims"
    assert o.page.locator("#kg-tl-svg .kg-tl-mark").count() == 0
    o.clean()
    g = nx.MultiDiGraph()
    g.add_node("a", label="Một mình", type="Person", articles=[], evidence=[])
    o = open_page(g)
    assert [lab["text"] for lab in drawn_labels(o)] == ["Một mình"]
    assert o.page.locator("#kg-tl-undated").is_hidden()
    o.clean()
