"""Checking the explorer in a real browser, and graphs to check it with.

Used by the browser tests and by the benchmark: :func:`measure_load` opens a
written page in headless Chromium (Debian's binary, never a downloaded one),
refuses every request that is not ``file:`` or ``data:``, and returns how long
the page took until it said it was ready (``window.kgReady``).
:func:`sample_graph` mimics the seed articles and :func:`synthetic_graph` makes
a graph the size a 1,000-article corpus yields, both as the
:func:`kg.graph.view.to_networkx` contract describes them, so the explorer can
be exercised without running the extractors.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph.namespaces import KGC, KGD, KGE

__all__ = [
    "CHROMIUM_ARGS",
    "find_chromium",
    "offline_only",
    "browser",
    "measure_load",
    "sample_graph",
    "synthetic_graph",
]

# Without the background-networking flags Chromium itself tries hosts a closed
# network refuses (and the page must not request anything anyway).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """The Chromium binary to drive: ``$KG_CHROMIUM``, else Debian's, else None."""
    env = os.environ.get("KG_CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name) if not name.startswith("/") else (name if Path(name).exists() else None)
        if found:
            return found
    return None


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (Playwright ``Browser``); raises RuntimeError without one."""
    from playwright.sync_api import sync_playwright

    exe = find_chromium()
    if exe is None:
        raise RuntimeError("no chromium binary found (apt-get install chromium, or set KG_CHROMIUM)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def offline_only(page: Any, refused: list[str]) -> None:
    """Abort every request that is not ``file:``/``data:``/``blob:``; record it in ``refused``."""

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    page.route("**/*", handle)


def measure_load(path: Path | str, *, timeout: float = 120.0, viewport: tuple[int, int] = (1400, 900)) -> float:
    """Seconds from navigation start until the explorer at ``path`` is drawn and settled.

    Read from the page's own clock (``window.kgReadyAt``, set with
    ``window.kgReady``), so browser start-up is not counted. Raises
    RuntimeError when the page requests another host or reports an error.
    """
    url = Path(path).resolve().as_uri()
    with browser() as b:
        page = b.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        refused: list[str] = []
        errors: list[str] = []
        offline_only(page, refused)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(url, wait_until="load", timeout=timeout * 1000)
        # a selector, not wait_for_function: the page's CSP forbids the eval Playwright polls with
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=timeout * 1000)
        seconds = float(page.evaluate("window.kgReadyAt")) / 1000.0
        page.close()
    if refused:
        raise RuntimeError(f"the explorer requested other hosts: {refused[:3]}")
    if errors:
        raise RuntimeError(f"the explorer reported errors: {errors[:3]}")
    return seconds


# --------------------------------------------------------------------------- graphs


def _ev(article: str, sentence: int, text: str, span: str, meta: dict[str, str], extractor: str,
        offset: int = 0) -> dict[str, Any]:
    i = text.index(span)
    return {
        "article": article, "sentence": sentence, "start": offset + i, "end": offset + i + len(span),
        "sentence_start": offset, "text": text, "title": meta["title"], "outlet": meta["outlet"],
        "published": meta["published"], "extractor": extractor,
    }


def _entity(g: nx.MultiDiGraph, local: str, label: str, type_: str, *, label_vi: str | None = None,
            aliases: list[str] | None = None, **extra: Any) -> str:
    iri = str(KGD[local]) if type_ not in ("Event", "Claim") else local
    g.add_node(iri, label=label, label_vi=label_vi, type=type_, aliases=list(aliases or []), articles=[],
               evidence=[], **extra)
    return iri


def _support(g: nx.MultiDiGraph, node: str, ev: dict[str, Any]) -> None:
    attrs = g.nodes[node]
    attrs["evidence"].append(ev)
    attrs["articles"] = sorted(set(attrs["articles"]) | {ev["article"]})


def _relate(g: nx.MultiDiGraph, u: str, predicate: str, v: str, evs: list[dict[str, Any]]) -> None:
    if g.has_edge(u, v, key=predicate):
        data = g.edges[u, v, predicate]
        data["evidence"].extend(evs)
        data["articles"] = sorted(set(data["articles"]) | {e["article"] for e in evs})
    else:
        g.add_edge(u, v, key=predicate, predicate=predicate, articles=sorted({e["article"] for e in evs}),
                   evidence=list(evs))


def sample_graph() -> nx.MultiDiGraph:
    """A small graph shaped like the seed articles (sentences written for the test).

    Dmitry Peskov is spokesperson_of the Kremlin; a Putin–Biden summit is
    held_in Geneva; Peskov said two things on two dates.
    """
    g = nx.MultiDiGraph()
    a1, a2 = "a-kremlin-thaw", "a-geneva-summit"
    m1 = {"title": "Điện Kremlin: Còn quá sớm để nói về \"tan băng\" quan hệ Nga - Mỹ", "outlet": "Kinh tế & Đô thị",
          "published": "2021-06-30"}
    m2 = {"title": "Thượng đỉnh Nga - Mỹ tại Geneva kết thúc", "outlet": "Báo Mẫu", "published": "2021-06-17"}
    s1 = "Người phát ngôn Điện Kremlin Dmitry Peskov ngày 29/6 cho biết còn quá sớm để nói về sự tan băng trong quan hệ Nga - Mỹ."
    s2 = "Theo ông Peskov, hai bên cần thêm vài tháng để thấy tín hiệu tích cực."
    s3 = "Tổng thống Nga Vladimir Putin và Tổng thống Mỹ Joe Biden đã gặp nhau tại hội nghị thượng đỉnh ở Geneva hôm 16/6."
    s4 = "Ông Peskov hôm 17/6 khẳng định cuộc gặp ở Geneva diễn ra trong bầu không khí xây dựng."

    peskov = _entity(g, "Dmitry_Peskov", "Dmitry Peskov", "Person", aliases=["Peskov", "Dmitry Peskov"])
    kremlin = _entity(g, "Kremlin", "Kremlin", "Organization", label_vi="Điện Kremlin", aliases=["Điện Kremlin"])
    russia = _entity(g, "Russia", "Russia", "Country", label_vi="Nga", aliases=["Nga"])
    usa = _entity(g, "United_States", "United States", "Country", label_vi="Mỹ", aliases=["Mỹ"])
    putin = _entity(g, "Vladimir_Putin", "Vladimir Putin", "Person", aliases=["Putin", "Vladimir Putin"])
    biden = _entity(g, "Joe_Biden", "Joe Biden", "Person", aliases=["Biden", "Joe Biden"])
    geneva = _entity(g, "Geneva", "Geneva", "Place", label_vi="Geneva", aliases=["Geneva"])
    summit = _entity(g, str(KGE["summit-2021-06-16-geneva"]), "Summit · Geneva · 2021-06-16", "Event",
                     event_type="Summit", when="2021-06-16")
    c1 = _entity(g, str(KGC["a-kremlin-thaw-1"]), "còn quá sớm để nói về sự tan băng trong quan hệ Nga - Mỹ", "Claim",
                 cue="cho biết", stance="assert", text="còn quá sớm để nói về sự tan băng trong quan hệ Nga - Mỹ",
                 when="2021-06-29")
    c2 = _entity(g, str(KGC["a-geneva-summit-1"]), "cuộc gặp ở Geneva diễn ra trong bầu không khí xây dựng", "Claim",
                 cue="khẳng định", stance="assert", text="cuộc gặp ở Geneva diễn ra trong bầu không khí xây dựng",
                 when="2021-06-17")

    e_role = _ev(a1, 0, s1, "Người phát ngôn Điện Kremlin Dmitry Peskov", m1, "roles")
    for node, span, ev_text, art, meta, sent in [
        (peskov, "Dmitry Peskov", s1, a1, m1, 0), (peskov, "Peskov", s2, a1, m1, 1), (kremlin, "Điện Kremlin", s1, a1, m1, 0),
        (russia, "Nga", s1, a1, m1, 0), (usa, "Mỹ", s1, a1, m1, 0), (putin, "Vladimir Putin", s3, a2, m2, 0),
        (biden, "Joe Biden", s3, a2, m2, 0), (geneva, "Geneva", s3, a2, m2, 0),
        (summit, "hội nghị thượng đỉnh", s3, a2, m2, 0), (peskov, "Peskov", s4, a2, m2, 1),
        (c1, "còn quá sớm để nói về sự tan băng trong quan hệ Nga - Mỹ", s1, a1, m1, 0),
        (c2, "cuộc gặp ở Geneva diễn ra trong bầu không khí xây dựng", s4, a2, m2, 1),
        (russia, "Nga", s3, a2, m2, 0), (usa, "Mỹ", s3, a2, m2, 0),
    ]:
        _support(g, node, _ev(art, sent, ev_text, span, meta, "entities"))
    _relate(g, peskov, "spokesperson_of", kremlin, [e_role])
    _relate(g, putin, "president_of", russia, [_ev(a2, 0, s3, "Tổng thống Nga Vladimir Putin", m2, "roles")])
    _relate(g, biden, "president_of", usa, [_ev(a2, 0, s3, "Tổng thống Mỹ Joe Biden", m2, "roles")])
    _relate(g, summit, "held_in", geneva, [_ev(a2, 0, s3, "hội nghị thượng đỉnh ở Geneva", m2, "events")])
    for p in (putin, biden):
        _relate(g, summit, "participant", p, [_ev(a2, 0, s3, s3[:-1], m2, "events")])
    _relate(g, peskov, "said", c1, [_ev(a1, 0, s1, "cho biết còn quá sớm để nói về sự tan băng trong quan hệ Nga - Mỹ", m1, "claims")])
    _relate(g, peskov, "said", c2, [_ev(a2, 1, s4, "khẳng định cuộc gặp ở Geneva diễn ra trong bầu không khí xây dựng", m2, "claims")])
    _relate(g, c1, "about", russia, [_ev(a1, 0, s1, "quan hệ Nga - Mỹ", m1, "claims")])
    _relate(g, c1, "about", usa, [_ev(a1, 0, s1, "quan hệ Nga - Mỹ", m1, "claims")])
    _relate(g, c2, "about", summit, [_ev(a2, 1, s4, "cuộc gặp ở Geneva", m2, "claims")])
    return g


_GIVEN = ["Anna", "Boris", "Chen", "Dmitry", "Elena", "Farid", "Grace", "Hiro", "Ivan", "Jana", "Kim", "Lars",
          "Maria", "Nguyễn", "Olga", "Pedro", "Qiu", "Rania", "Sergei", "Trần", "Uma", "Viktor", "Wang", "Yusuf"]
_FAMILY = ["Abe", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Horvat", "Ivanov", "Jansen", "Kowalski",
           "Lê", "Moreau", "Novak", "Ortiz", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Văn", "Weber", "Zhou"]
_ROLES = ["spokesperson_of", "president_of", "foreign_minister_of", "minister_of", "ambassador_of", "adviser_of"]
_EVENTS = ["Summit", "Meeting", "PhoneCall", "Negotiation", "Visit", "Sanction", "Agreement", "Election"]


def synthetic_graph(n_articles: int = 1000, *, seed: int = 0) -> nx.MultiDiGraph:
    """A deterministic graph the size ``n_articles`` articles yield (for scale tests).

    Roughly per article: four actors, two roles, one event with participants
    and a place, two claims; actors recur across articles with a skewed
    frequency, as in real news (a few leaders everywhere, many names once).
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_people = max(20, n_articles // 2)
    people = [f"{_GIVEN[i % len(_GIVEN)]} {_FAMILY[(i * 7 + i // len(_GIVEN)) % len(_FAMILY)]} {i}" for i in range(n_people)]
    countries = [f"Quốc gia {i}" for i in range(60)]
    orgs = [f"Bộ Ngoại giao {i}" for i in range(max(10, n_articles // 20))]
    places = [f"Thành phố {i}" for i in range(max(10, n_articles // 10))]

    def pick(pool: list[str]) -> str:
        return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if rng.random() < 0.6 else rng.choice(pool)

    def ensure(label: str, type_: str) -> str:
        local = label.replace(" ", "_")
        iri = str(KGD[local])
        if iri not in g:
            _entity(g, local, label, type_, aliases=[label])
        return iri

    for k in range(n_articles):
        aid = f"syn{k:05d}"
        meta = {"title": f"Bài báo tổng hợp số {k}", "outlet": f"Báo {k % 12}",
                "published": f"20{20 + k % 5}-{1 + k % 12:02d}-{1 + k % 28:02d}"}
        person_a, person_b = pick(people), pick(people)
        country_a, country_b = pick(countries), pick(countries)
        org, place = pick(orgs), pick(places)
        sent = f"Ông {person_a}, quan chức của {org}, nói rằng {country_a} và {country_b} sẽ gặp nhau tại {place}."
        ids = {}
        for label, type_ in ((person_a, "Person"), (person_b, "Person"), (country_a, "Country"),
                             (country_b, "Country"), (org, "Organization"), (place, "Place")):
            iri = ensure(label, type_)
            ids[label] = iri
            if label in sent:
                _support(g, iri, _ev(aid, 0, sent, label, meta, "entities"))
        role = _ROLES[k % len(_ROLES)]
        _relate(g, ids[person_a], role, ids[org], [_ev(aid, 0, sent, f"{person_a}, quan chức của {org}", meta, "roles")])
        _relate(g, ids[person_b], "official_of", ids[country_b], [_ev(aid, 0, sent, country_b, meta, "roles")])
        etype = _EVENTS[k % len(_EVENTS)]
        event = _entity(g, str(KGE[f"{etype.lower()}-{aid}"]), f"{etype} · {place}", "Event", event_type=etype,
                        when=meta["published"])
        _support(g, event, _ev(aid, 0, sent, "gặp nhau", meta, "events"))
        _relate(g, event, "held_in", ids[place], [_ev(aid, 0, sent, f"tại {place}", meta, "events")])
        for c in (country_a, country_b):
            _relate(g, event, "participant", ids[c], [_ev(aid, 0, sent, c, meta, "events")])
        for n_claim in range(2):
            text = f"{country_a} sẵn sàng đối thoại (ý kiến {n_claim})"
            claim = _entity(g, str(KGC[f"{aid}-{n_claim}"]), text, "Claim", cue="nói rằng", stance="assert", text=text,
                            when=meta["published"])
            csent = f"Ông {person_a} nói rằng {text}."
            _support(g, claim, _ev(aid, 1 + n_claim, csent, text, meta, "claims"))
            _relate(g, ids[person_a], "said", claim, [_ev(aid, 1 + n_claim, csent, csent[:-1], meta, "claims")])
            _relate(g, claim, "about", ids[country_a], [_ev(aid, 1 + n_claim, csent, country_a, meta, "claims")])
    for node in g.nodes:
        attrs = g.nodes[node]
        attrs.setdefault("articles", [])
    return g

