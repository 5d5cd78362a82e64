"""The summaries the canned queries read (kg/graph/summaries.py) stay exact under build, re-build and removal."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from test_build_support import copy_seeds_store, sample_store, seeds_build
from test_canned_queries import _add_copies, _run

from kg.graph import summaries
from kg.graph.namespaces import KG, KGA, KGD, SUMMARY_GRAPH
from kg.graph.rdf import extraction_to_graph
from kg.graph.sample import seed_000, seed_004
from kg.graph.store import Store

SUMMARIES = ox.NamedNode(str(SUMMARY_GRAPH))
NAMES = ["article-assertions", "co-mentioned", "events-by-place", "roles-of-person", "who-met-whom", "who-said-what"]


def _stored(store: Store) -> set[ox.Triple]:
    """The summary nodes' triples (the lists left out)."""
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.ox.quads_for_pattern(None, None, None, SUMMARIES) if q.subject != SUMMARIES}


def _lists(store: Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.ox.quads_for_pattern(SUMMARIES, None, None, SUMMARIES)}


def _recomputed(store: Store) -> tuple[set[ox.Triple], set[ox.Triple]]:
    """(summary nodes, lists) recomputed from scratch from the article graphs of a copy of ``store``."""
    fresh = Store(None)
    fresh.ox.bulk_extend(q for q in store.ox if q.graph_name != SUMMARIES)
    fresh.rebuild_summaries()
    return _stored(fresh), _lists(fresh)


def _summary(store: Store, **facts: ox.NamedNode) -> dict[str, list[str]]:
    """The one summary node whose facts include ``facts`` (kg:<name> -> value): predicate local name -> values."""
    nodes = None
    for name, value in facts.items():
        found = {q.subject for q in store.ox.quads_for_pattern(None, ox.NamedNode(str(KG[name])), value, SUMMARIES)}
        nodes = found if nodes is None else nodes & found
    assert nodes and len(nodes) == 1, (facts, nodes)
    out: dict[str, list[str]] = {}
    for q in store.ox.quads_for_pattern(next(iter(nodes)), None, None, SUMMARIES):
        out.setdefault(q.predicate.value.rsplit("#", 1)[-1], []).append(q.object.value)
    return {k: sorted(v) for k, v in out.items()}


def _ox(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def test_role_and_event_summaries_follow_every_write_rewrite_and_removal():
    store = sample_store()
    assert _stored(store) == _recomputed(store)[0]
    peskov = _summary(store, holder=_ox(KGD.Dmitry_Peskov), roleType=_ox(KG.spokesperson_of))
    assert peskov["articleCount"] == ["1"] and peskov["roleOrganization"] == [str(KGD.Kremlin)]
    assert peskov["titleText"] == ["người phát ngôn Điện Kremlin"]
    bare = [n for n in {q.subject for q in store.ox.quads_for_pattern(None, _ox(KG.holder), _ox(KGD.Vladimir_Putin), SUMMARIES)}
            if not list(store.ox.quads_for_pattern(n, _ox(KG.roleOrganization), None, SUMMARIES))]
    assert len(bare) == 1  # "Tổng thống" with no organisation is a summary of its own

    seed = _add_copies(store, 4, summit_when="2021-06-16")  # four more articles on one shared summit event
    assert _stored(store) == _recomputed(store)[0]
    assert _summary(store, holder=_ox(KGD.Dmitry_Peskov), roleType=_ox(KG.spokesperson_of))["articleCount"] == ["5"]
    summit = _summary(store, eventType=_ox(KG.Summit))
    assert summit["articleCount"] == ["5"] and summit["eventDate"] == ["2021-06-16"]
    assert summit["eventPlace"] == [str(KGD.Geneva)]
    assert summit["eventParticipant"] == [str(KGD.Joe_Biden), str(KGD.Vladimir_Putin)]

    # re-writing an article with the same facts changes nothing (idempotent)
    before = set(store.quads())
    x = seed_004()
    store.replace_article(x.article.id, extraction_to_graph(x))
    assert set(store.quads()) == before

    # a new version of an article that drops a role: its summary loses that article
    changed = seed_000()
    changed.roles = [r for r in changed.roles if r.person != "Dmitry_Peskov"]
    store.replace_article(seed, extraction_to_graph(changed))
    assert _stored(store) == _recomputed(store)[0]
    assert _summary(store, holder=_ox(KGD.Dmitry_Peskov), roleType=_ox(KG.spokesperson_of))["articleCount"] == ["4"]

    for i in range(4):
        store.remove_article(f"{seed}-copy{i}")
        assert _stored(store) == _recomputed(store)[0], i
    assert not list(store.ox.quads_for_pattern(None, _ox(KG.holder), _ox(KGD.Dmitry_Peskov), SUMMARIES))
    assert _summary(store, eventType=_ox(KG.Summit))["articleCount"] == ["1"]  # only 000 reports the summit now
    store.remove_article(seed)
    store.remove_article(seed_004().article.id)
    assert not list(store.ox.quads_for_pattern(None, None, None, SUMMARIES))  # nothing left to sum up


def test_the_lists_are_written_at_the_end_and_dropped_by_any_write():
    store = sample_store()
    assert not _lists(store)
    store.refresh_summaries()
    lists = _lists(store)
    assert lists == _recomputed(store)[1]
    by = {p: {t.object for t in lists if t.predicate == p} for p in summaries.LISTS}
    assert len(by[summaries.RECENT_CLAIM]) == 4 and len(by[summaries.RECENT_ARTICLE]) == 2
    assert len(by[summaries.TOP_EVENT]) == 3 and len(by[summaries.TOP_MEETING]) == 2
    assert len(by[summaries.TOP_PAIR]) == 66
    store.remove_article(seed_004().article.id)
    assert not _lists(store)  # stale: gone until the next refresh


@pytest.mark.parametrize("name", NAMES)
def test_every_query_answers_the_same_with_and_without_its_list(name):
    """The list (after a build) and the fallback (while a build runs) give the same rows, also past the cap."""
    store = sample_store()
    _add_copies(store, 24, lambda i: f"2030-01-{i + 1:02d}")  # 26 articles: more than the 20 the lists keep
    without = _run(store, name)
    store.refresh_summaries()
    assert _lists(store)
    assert _run(store, name) == without


def test_a_bound_parameter_is_not_cut_by_the_list():
    """An article outside the 20 most recent, a speaker's claims: bound, they are listed whether the list is there or not."""
    store = sample_store()
    seed = _add_copies(store, 24, lambda i: f"2030-01-{i + 1:02d}")
    store.refresh_summaries()
    listed = {r["article"] for r in _run(store, "article-assertions")}
    assert len(listed) == 20 and str(KGA[f"{seed}-copy0"]) not in listed
    old = _run(store, "article-assertions", {"article": KGA[f"{seed}-copy0"]})
    assert old and {r["article"] for r in old} == {str(KGA[f"{seed}-copy0"])}
    said = _run(store, "who-said-what", {"speaker": KGD.Yuri_Ushakov})
    assert [r["speakerLabel"] for r in said] == ["Yuri Ushakov"]


def test_seeds_build_and_remove_keep_the_summaries_exact(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    out, _ = seeds_build()
    with Store(out / "store", read_only=True) as store:
        assert _stored(store) and (_stored(store), _lists(store)) == _recomputed(store)
    path = copy_seeds_store(tmp_path)
    with Store(path, read_only=True) as store:
        victim = store.article_ids()[0]
    r = CliRunner().invoke(cli, ["remove", victim, "--store", str(path), "-q"])
    assert r.exit_code == 0, r.output
    with Store(path, read_only=True) as store:
        assert victim not in store.article_ids()
        assert _lists(store) and (_stored(store), _lists(store)) == _recomputed(store)


def test_a_store_from_before_summaries_gets_them_at_its_next_refresh():
    store = sample_store()
    want = _stored(store)
    store.ox.remove_graph(SUMMARIES)
    assert summaries.missing(store.ox)
    store.refresh_summaries()
    assert _stored(store) == want and _lists(store)
