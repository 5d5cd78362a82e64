"""Every canned query in ontology/queries runs and returns the expected rows."""

from __future__ import annotations

import pytest

from test_build_support import sample_store, seeds_build

from kg.graph.namespaces import KGA, KGD
from kg.graph.store import Store
from kg.resources import queries_dir

NAMES = ["article-assertions", "co-mentioned", "events-by-place", "roles-of-person", "spokespersons",
         "who-met-whom", "who-said-what"]


def _run(store: Store, name: str, bindings=None) -> list[dict[str, str]]:
    text = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
    return [{k: str(v) for k, v in row.items()} for row in store.select(text, bindings)]


@pytest.fixture(scope="module")
def seeds_store():
    out, _ = seeds_build()
    with Store(out / "store", read_only=True) as store:
        yield store


def test_every_query_is_documented_and_shipped():
    files = sorted(p.stem for p in queries_dir().glob("*.rq"))
    assert files == NAMES
    for name in NAMES:
        first = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, name


@pytest.mark.parametrize("name", NAMES)
def test_every_query_returns_rows_on_hand_made_records(name):
    assert _run(sample_store(), name), name


def test_hand_made_expected_rows():
    store = sample_store()
    spokes = {(r["personLabel"], r["orgLabel"]) for r in _run(store, "spokespersons")}
    assert spokes == {("Dmitry Peskov", "Kremlin"), ("Jen Psaki", "White House")}
    roles = [(r["personLabel"], r["role"], r.get("orgLabel")) for r in _run(store, "roles-of-person")]
    assert ("Vladimir Putin", "president_of", None) in roles  # the bare title
    assert ("Vladimir Putin", "president_of", "Russia") in roles
    assert roles == sorted(roles, key=lambda r: (r[0], r[1], r[2] or ""))
    met = {(r["aLabel"], r["bLabel"], r["type"]) for r in _run(store, "who-met-whom")}
    assert met == {("Joe Biden", "Vladimir Putin", "Summit"), ("Joe Biden", "Vladimir Putin", "PhoneCall")}
    places = [(r.get("placeLabel"), r["type"]) for r in _run(store, "events-by-place")]
    assert places[0] == ("Geneva", "Summit") and (None, "PhoneCall") in places
    said = [(r["speakerLabel"], r["stance"]) for r in _run(store, "who-said-what")]
    assert said == [("Antony Blinken", "assess"), ("Dmitry Peskov", "assert"), ("Joe Biden", "warn"),
                    ("Yuri Ushakov", "assert")]
    one = _run(store, "who-said-what", {"speaker": KGD.Dmitry_Peskov})
    assert [r["speakerLabel"] for r in one] == ["Dmitry Peskov"]
    rows = _run(store, "article-assertions", {"article": KGA["004_bfa432a4eb39b96a"]})
    kinds = sorted({r["kind"] for r in rows})
    assert kinds == ["claim", "event", "role"] and all(r["evidence"] for r in rows)
    assert all(r["article"].endswith("004_bfa432a4eb39b96a") for r in rows)
    co = {(r["aLabel"], r["bLabel"]): int(r["articles"]) for r in _run(store, "co-mentioned")}
    assert co[("Joe Biden", "Vladimir Putin")] == 2 and co[("Kremlin", "Rossiya-24")] == 1


def test_seeds_expected_rows(seeds_store):
    spokes = {(r["personLabel"], r["orgLabel"]): int(r["articles"]) for r in _run(seeds_store, "spokespersons")}
    assert spokes.get(("Dmitry Peskov", "Kremlin"), 0) >= 3
    roles = {(r["personLabel"], r["role"], r.get("orgLabel")) for r in _run(seeds_store, "roles-of-person")}
    assert ("Antony Blinken", "foreign_minister_of", "United States") in roles
    said = {r["speakerLabel"] for r in _run(seeds_store, "who-said-what")}
    assert {"Dmitry Peskov", "Antony Blinken"} <= said
    met = {(r["aLabel"], r["bLabel"], r["type"]) for r in _run(seeds_store, "who-met-whom")}
    assert ("Joe Biden", "Vladimir Putin", "PhoneCall") in met
    places = {(r.get("placeLabel"), r["type"]) for r in _run(seeds_store, "events-by-place")}
    assert ("Geneva", "Summit") in places
    co = {(r["aLabel"], r["bLabel"]): int(r["articles"]) for r in _run(seeds_store, "co-mentioned")}
    assert co[("Russia", "United States")] == 5
    articles = {r["article"] for r in _run(seeds_store, "article-assertions")}
    assert len(articles) == 5


def _add_copies(store: Store, n: int, published=lambda i: None, summit_when: str | None = None) -> str:
    """Add ``n`` copies of seed article 000 (same facts), copy ``i`` published on ``published(i)``;
    returns the seed's article id (copy ``i`` is ``<id>-copy<i>``). With ``summit_when`` (a full
    date) the seed and its copies date the Geneva summit that day, so all report one event node."""
    import copy

    from kg.graph.rdf import extraction_to_graph
    from kg.graph.sample import seed_000
    from kg.model import Evidence

    base = seed_000()
    if summit_when:
        base.events[0].when = summit_when
        store.replace_article(base.article.id, extraction_to_graph(base))
    for i in range(n):
        x = copy.deepcopy(base)
        aid = f"{base.article.id}-copy{i}"
        x.article.id = aid
        x.article.source = f"copies/{i}.txt"
        x.article.published = published(i)

        def moved(ev: Evidence) -> Evidence:
            return Evidence(aid, ev.sentence, ev.start, ev.end, ev.extractor, ev.confidence)

        for m in x.mentions:
            m.evidence = moved(m.evidence)
        for e in x.entities.values():
            e.mentions = [moved(v) for v in e.mentions]
        for r in x.roles:
            r.evidence = moved(r.evidence)
        for ev in x.events:
            ev.evidence = [moved(v) for v in ev.evidence]
        for c in x.claims:
            c.evidence, c.content = moved(c.evidence), moved(c.content)
        store.replace_article(aid, extraction_to_graph(x))
    return base.article.id


def test_facts_shared_by_many_articles_are_not_multiplied():
    """Each article graph repeats its entities' labels and shared events: rows must not multiply."""
    store = sample_store()
    _add_copies(store, 4, summit_when="2021-06-16")  # four more articles stating the same facts about the same summit

    spokes = {(r["personLabel"], r["orgLabel"]): r["articles"] for r in _run(store, "spokespersons")}
    assert spokes == {("Dmitry Peskov", "Kremlin"): "5", ("Jen Psaki", "White House"): "1"}
    met = _run(store, "who-met-whom")
    assert len(met) == 2  # the Geneva summit (one event node, five articles) and the phone call
    places = {(r.get("placeLabel"), r["type"]): (r["articles"], r["participants"]) for r in _run(store, "events-by-place")}
    assert len(places) == 3
    assert places[("Geneva", "Summit")] == ("5", "Joe Biden, Vladimir Putin") or \
        places[("Geneva", "Summit")] == ("5", "Vladimir Putin, Joe Biden")
    roles = [(r["personLabel"], r["role"], r.get("orgLabel"), r["articles"]) for r in _run(store, "roles-of-person")]
    assert ("Dmitry Peskov", "spokesperson_of", "Kremlin", "5") in roles and len(roles) == 7
    said = _run(store, "who-said-what")
    assert len(said) == 4 + 4 * 2  # two claims per copy, each its own claim node
    assertions = _run(store, "article-assertions", {"article": KGA["000_4e6d4f8cfed23223-copy0"]})
    summit_rows = [r for r in assertions if r["kind"] == "event" and r["predicate"] == "Summit"]
    assert sorted(r["object"] for r in summit_rows) == ["Joe Biden", "Vladimir Putin"]


def test_article_assertions_lists_the_20_most_recent_articles_unless_bound():
    """Unbound: the statements of the 20 most recently published articles; bound: any article's, however old."""
    store = sample_store()
    seed = _add_copies(store, 24, lambda i: f"2030-01-{i + 1:02d}")  # 24 copies newer than any sample article
    listed = {r["article"] for r in _run(store, "article-assertions")}
    assert listed == {str(KGA[f"{seed}-copy{i}"]) for i in range(4, 24)}  # the 20 newest; copies 0-3 left out
    old = _run(store, "article-assertions", {"article": KGA[f"{seed}-copy0"]})
    newest = _run(store, "article-assertions", {"article": KGA[f"{seed}-copy23"]})
    assert old and [r["article"] for r in old] == [str(KGA[f"{seed}-copy0"])] * len(old)
    strip = [{k: v for k, v in r.items() if k not in ("article", "evidence", "statement")} for r in old]
    assert strip == [{k: v for k, v in r.items() if k not in ("article", "evidence", "statement")} for r in newest]
    undated = _run(store, "article-assertions", {"article": KGA[seed]})  # seed 000 has no date
    assert {r["kind"] for r in undated} == {"claim", "event", "role"}
    assert {r["article"] for r in undated} == {str(KGA[seed])}


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_gives_the_same_rows_as_oxigraph(name):
    """Runnable as-is on another engine: rdflib on the union graph answers the same, also when nothing matches."""
    from kg.graph.namespaces import PREFIXES

    full = sample_store()
    no_spokes = sample_store()  # the same graph without any spokesperson role statement
    no_spokes.ox.update(
        "PREFIX kg: <https://w3id.org/kg-vn/ontology#> "
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s kg:role kg:spokesperson_of ; ?p ?o } }"
    )
    text = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
    for store in (full, no_spokes):
        rows_ox = len(store.select(text))
        rows_rdflib = len(list(store.union_graph(include_ontology=True).query(text, initNs=dict(PREFIXES))))
        assert rows_ox == rows_rdflib, (name, rows_ox, rows_rdflib)
    assert not _run(no_spokes, "spokespersons")
