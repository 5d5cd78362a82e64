"""The Oxigraph store: atomic per-article graphs, idempotence, removal, locking, safe values."""

from __future__ import annotations

import copy
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from test_build_support import sample_store

from kg.errors import QueryError, StoreError
from kg.graph import namespaces as N
from kg.graph.iris import graph_iri
from kg.graph.namespaces import KG, KGD, ONTOLOGY_GRAPH
from kg.graph.rdf import extraction_to_graph, mark_built, ontology_graph
from kg.graph.sample import seed_000, seed_004
from kg.graph.store import Store, default_store_dir, is_store_dir
from kg.resources import ontology_dir

A0, A4 = "000_4e6d4f8cfed23223", "004_bfa432a4eb39b96a"


def _subjects_in_store(store: Store) -> set[str]:
    return {str(r["s"]) for r in store.select("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != kgg:ontology) }")}


def test_replace_article_round_trips_exactly():
    store = Store(None)
    g = extraction_to_graph(seed_000())
    assert store.replace_article(A0, g) == len(g)
    assert isomorphic(store.article_graph(A0), g)
    assert store.article_ids() == [A0]


def test_reingest_adds_nothing_and_replace_swaps_only_one_article():
    store = sample_store()
    before = len(store)
    for x in (seed_000(), seed_004()):
        store.replace_article(x.article.id, extraction_to_graph(x))
    assert len(store) == before

    changed = seed_000()
    changed.roles = changed.roles[:1]  # drop Blinken's and Putin's roles
    other_before = store.article_graph(A4)
    store.replace_article(A0, extraction_to_graph(changed))
    assert isomorphic(store.article_graph(A0), extraction_to_graph(changed))
    assert isomorphic(store.article_graph(A4), other_before)
    assert not store.select("SELECT ?o WHERE { kgd:Antony_Blinken kg:foreign_minister_of ?o }")


def test_remove_article_leaves_no_orphan_and_keeps_shared_entities():
    store = sample_store()
    assert store.remove_article(A0) is True
    assert store.remove_article(A0) is False
    assert store.article_ids() == [A4]
    only_in_000 = [KGD.Dmitry_Peskov, KGD.Kremlin, KGD.Geneva, KGD.Antony_Blinken]
    subjects = _subjects_in_store(store)
    assert not [s for s in only_in_000 if str(s) in subjects]
    assert not [s for s in subjects if A0 in s]  # no statement, evidence or claim node left
    # Putin is also in 004: his name survives in the shared entity graph
    rows = store.select('SELECT ?l WHERE { kgd:Vladimir_Putin rdfs:label ?l }')
    assert [str(r["l"]) for r in rows] == ["Vladimir Putin"]
    # and the store equals one built from 004 alone
    alone = Store(None)
    alone.ensure_ontology(ontology_graph())
    alone.replace_article(A4, extraction_to_graph(seed_004()))
    assert set(alone.quads()) == set(store.quads())


CO_MENTIONED = (ontology_dir() / "queries" / "co-mentioned.rq").read_text(encoding="utf-8")


def _recounted(store: Store) -> dict[tuple[str, str], int]:
    """Co-mention counts recomputed from the article graphs alone, to compare with the stored ones."""
    from kg.graph import shared

    counts = shared.co_mention_counts(store._actors_by_article().values())
    return {(a.value, b.value): n for (a, b), n in counts.items()}


def test_entity_names_are_stored_once_whatever_the_number_of_articles():
    store = sample_store()
    # Putin, Biden, Russia, the United States are named by both seeds: one name each in the union
    for entity in ("Vladimir_Putin", "Joe_Biden", "Russia", "United_States"):
        rows = store.select(f"SELECT ?l WHERE {{ kgd:{entity} skos:prefLabel ?l }}")
        assert len(rows) == 1, entity
        assert bool(store.query(f"ASK {{ GRAPH kgg:entities {{ kgd:{entity} rdfs:label ?l }} }}"))
    names = store.select("SELECT ?s WHERE { GRAPH ?g { ?s skos:prefLabel ?l } FILTER(?g != kgg:entities) }")
    assert not names  # no article graph repeats a name
    # the Vietnamese name as each article writes it stays in the article's graph
    assert bool(store.query('ASK { GRAPH ?g { kgd:Russia rdfs:label "Nga"@vi } FILTER(?g != kgg:entities) }'))


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_one_preferred_name_per_entity_whatever_the_order_of_articles(order):
    plain, accented = seed_000(), seed_004()
    accented.entities["Vladimir_Putin"].label = "Vladimir Pútin"  # another spelling of the same entity
    store = Store(None)
    for x in (plain, accented)[order[0]], (plain, accented)[order[1]]:
        store.replace_article(x.article.id, extraction_to_graph(x))
    prefs = store.select("SELECT ?l WHERE { kgd:Vladimir_Putin skos:prefLabel ?l }")
    assert [str(r["l"]) for r in prefs] == ["Vladimir Pútin"]  # the spelling with diacritics
    labels = store.select('SELECT ?l WHERE { kgd:Vladimir_Putin rdfs:label ?l FILTER(lang(?l) = "en") }')
    assert sorted(str(r["l"]) for r in labels) == ["Vladimir Putin", "Vladimir Pútin"]


def test_co_mention_counts_follow_every_write_and_removal():
    store = sample_store()
    both = (str(KGD.Russia), str(KGD.Vladimir_Putin))
    counts = store.co_mention_counts()
    assert counts == _recounted(store) and counts[both] == 2
    assert (str(KGD.Dmitry_Peskov), str(KGD.Kremlin)) in counts  # actors of 000 only
    assert not [p for p in counts if str(KGD.Geneva) in p]  # a city is not an actor

    changed = seed_000()
    changed.entities.pop("Dmitry_Peskov")  # a new version of 000 no longer names Peskov
    store.replace_article(A0, extraction_to_graph(changed))
    counts = store.co_mention_counts()
    assert counts == _recounted(store) and counts[both] == 2
    assert not [p for p in counts if str(KGD.Dmitry_Peskov) in p]

    store.remove_article(A0)
    assert store.co_mention_counts() == _recounted(store) and store.co_mention_counts()[both] == 1
    store.remove_article(A4)
    assert store.co_mention_counts() == {}
    left = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert [str(r["g"]) for r in left] == [str(ONTOLOGY_GRAPH)]  # no name, no count, no article left


def test_rebuilt_co_mentions_equal_the_maintained_ones():
    store = sample_store()
    kept = set(store.quads())
    store.ox.remove_graph(ox.NamedNode(str(N.CO_MENTION_GRAPH)))  # as after a bulk load of article graphs
    assert store.co_mention_counts() == {}
    assert store.rebuild_co_mentions() == 66
    floor = (N.CO_MENTION_GRAPH, KG.topCountFloor, Literal(1), N.CO_MENTION_GRAPH)  # fewer than 500 pairs: 1
    assert set(store.quads()) == kept | {floor}


def test_the_co_mention_floor_is_dropped_by_writes_and_never_changes_the_answer():
    from kg.graph import shared

    def top(store: Store) -> list[tuple[str, str, str]]:
        rows = store.select(CO_MENTIONED)
        return [(str(r["a"]), str(r["b"]), str(r["articles"])) for r in rows]

    store = sample_store()
    without = top(store)
    assert store.refresh_co_mention_floor() == 1
    assert top(store) == without and len(without) == 66
    assert shared.top_floor(store.ox, top=5) == 2  # the 5th most frequent pair is in both seeds
    store.remove_article(A4)  # a write that changes counts drops the floor: it would be stale
    assert not shared.floor_triples(store.ox)
    assert len(top(store)) == len([p for p in _recounted(store)])


def test_ontology_lives_in_its_own_graph_and_is_written_once():
    store = Store(None)
    assert store.ensure_ontology(ontology_graph()) is True
    n = len(store)
    assert store.ensure_ontology(ontology_graph()) is False
    assert len(store) == n
    assert store.ox.contains_named_graph(__import__("pyoxigraph").NamedNode(str(ONTOLOGY_GRAPH)))
    assert store.article_ids() == []


def test_fingerprints_and_sources_are_read_per_article():
    store = Store(None)
    g = extraction_to_graph(seed_000())
    mark_built(g, A0, "fp-1")
    store.replace_article(A0, g)
    store.replace_article(A4, extraction_to_graph(seed_004()))  # no marker: unfinished
    assert store.article_fingerprints() == {A0: "fp-1"}
    assert store.article_sources()[A4] == str(Path("seeds/004_bfa432a4eb39b96a.txt").resolve())  # one spelling
    assert store.find_articles(A4) == [A4]
    assert store.find_articles("seeds/004_bfa432a4eb39b96a.txt") == [A4]
    assert store.find_articles("nothing-like-it") == []


def test_hostile_article_text_is_stored_verbatim_not_executed():
    x = seed_000()
    evil = 'x" } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "c" } #\\u0022 \n\t'
    x = copy.deepcopy(x)
    x.article.title = evil
    store = sample_store()
    n_other = len(store.article_graph(A4))
    store.replace_article(A0, extraction_to_graph(x))
    rows = store.select("SELECT ?t WHERE { ?a schema:headline ?t }", {"a": URIRef(N.KGA[A0])})
    assert [str(r["t"]) for r in rows] == [evil]
    assert len(store.article_graph(A4)) == n_other
    assert not store.select("SELECT ?s WHERE { <urn:a> ?p ?o }")


def test_query_bindings_are_values_not_text():
    store = sample_store()
    rows = store.select("SELECT ?p WHERE { ?p kg:spokesperson_of ?o }", {"o": KGD.Kremlin})
    assert [r["p"] for r in rows] == [KGD.Dmitry_Peskov]
    rows = store.select("SELECT ?x WHERE { ?x rdfs:label ?l }", {"l": Literal('Kremlin" } #', lang="en")})
    assert rows == []
    with pytest.raises(QueryError):
        store.query("SELECT WHERE {")


def test_dataset_and_union_graph_copy_the_store():
    store = sample_store()
    ds = store.dataset()
    names = {str(g.identifier) for g in ds.graphs()}
    assert {str(graph_iri(A0)), str(graph_iri(A4)), str(ONTOLOGY_GRAPH)} <= names
    union = store.union_graph()
    assert (KGD.Dmitry_Peskov, KG.spokesperson_of, KGD.Kremlin) in union
    assert (KG.Person, N.RDF.type, N.OWL.Class) not in union
    assert (KG.Person, N.RDF.type, N.OWL.Class) in store.union_graph(include_ontology=True)


def test_disk_store_persists_and_reopens_read_only(tmp_path):
    path = tmp_path / "store"
    with Store(path) as store:
        store.replace_article(A0, extraction_to_graph(seed_000()))
        n = len(store)
    assert is_store_dir(path)
    with Store(path, read_only=True) as ro:
        assert len(ro) == n and ro.article_ids() == [A0]
        with pytest.raises(StoreError, match="read-only"):
            ro.remove_article(A0)


def test_missing_or_foreign_store_is_a_one_line_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "nope", read_only=True)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("hi")
    with pytest.raises(StoreError, match="not a kg store"):
        Store(tmp_path / "notes")
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store(tmp_path / "file")


def test_second_writer_gets_a_clear_error_and_readers_still_read(tmp_path):
    path = tmp_path / "store"
    with Store(path) as store:
        store.replace_article(A0, extraction_to_graph(seed_000()))
        store.flush()
        code = textwrap.dedent(f"""
            from kg.errors import StoreError
            from kg.graph.store import Store
            try:
                Store({str(path)!r})
            except StoreError as e:
                print("ERR", e)
            with Store({str(path)!r}, read_only=True) as ro:
                print("READ", ro.article_ids())
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert "ERR" in out and "in use by another process" in out
    assert f"READ ['{A0}']" in out


def test_default_store_dir_is_one_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    assert default_store_dir() == tmp_path / "exports" / "store"
    assert default_store_dir("out") == __import__("pathlib").Path("out") / "store"
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))
    assert default_store_dir() == tmp_path / "elsewhere"


def test_corrupt_store_is_a_one_line_error(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    (path / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match="cannot open the store: Corruption"):
        Store(path, read_only=True)
    with pytest.raises(StoreError, match="cannot open the store: Corruption"):
        Store(path)
