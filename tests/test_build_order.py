"""The same graph in any build order, and whatever the spelling of the input paths.

``tests/samples/order`` holds two halves written for this test: half A names
"Nguyễn Thị Thu Giang", "Dmitry Peskov" and "Sergei Lavrov" in full; half B
only as "bà Thu Giang", "ông Peskov" and the spelling "Sergey Lavrov". Built
A then B, B then A, or together, the store must hold the same quads (compared
as canonical N-Quads: the graph has no blank nodes, so equal sets of quads is
isomorphism), with B's partial names linked to A's full names.
"""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.graph.namespaces import KGD
from kg.graph.store import Store

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ORDER = HERE / "samples" / "order"
A = ORDER / "half_a.jsonl"
B = ORDER / "half_b.jsonl"


def _nquads(store: Store) -> set[str]:
    return {" ".join(t.n3() for t in (s, p, o)) + (f" {g.n3()}" if g is not None else "")
            for s, p, o, g in store.quads()}


def _built(*steps: list) -> Store:
    store = Store(None)
    for paths in steps:
        summary = build(paths, store=store, exports=False)
        assert summary.failed == 0
    return store


def _persons_of(store: Store, half: Path) -> set[str]:
    by_src = store.select("SELECT DISTINCT ?e ?src WHERE { GRAPH ?g { ?a kg:sourcePath ?src ; schema:mentions ?e . ?e a kg:Person } }")
    return {str(r["e"]) for r in by_src if str(r["src"]).startswith(str(half))}


def test_a_then_b_equals_b_then_a_equals_both_together():
    ab = _built([A], [B])
    ba = _built([B], [A])
    both = _built([A, B])
    q_ab, q_ba, q_both = _nquads(ab), _nquads(ba), _nquads(both)
    assert q_ab == q_ba, (sorted(q_ab - q_ba)[:5], sorted(q_ba - q_ab)[:5])
    assert q_ab == q_both, (sorted(q_ab - q_both)[:5], sorted(q_both - q_ab)[:5])
    # and the partial names of B are linked to the full names of A, in every order
    persons_b = _persons_of(ab, B)
    assert str(KGD.Nguyen_Thi_Thu_Giang) in persons_b and str(KGD.Thu_Giang) not in persons_b
    assert str(KGD.Dmitry_Peskov) in persons_b and str(KGD.Peskov) not in persons_b
    assert str(KGD.Sergei_Lavrov) in persons_b and str(KGD.Sergey_Lavrov) not in persons_b
    # the article's own name of the person stays in its graph, as an alias
    assert bool(ab.query('ASK { kgd:Nguyen_Thi_Thu_Giang skos:altLabel "Thu Giang"@vi }'))


def test_removing_a_half_undoes_its_links(tmp_path):
    store_dir = tmp_path / "store"
    build([A, B], store=store_dir, exports=False)
    result = CliRunner().invoke(cli, ["remove", str(A), "--store", str(store_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    with Store(store_dir) as after, Store(None) as only_b:
        build([B], store=only_b, exports=False)
        assert _nquads(after) == _nquads(only_b)
        assert str(KGD.Thu_Giang) in _persons_of(after, B)


def test_source_path_does_not_depend_on_its_spelling(monkeypatch):
    monkeypatch.chdir(REPO)
    rel = os.path.relpath(A, REPO)
    spellings = [str(A), rel, f"./{rel}", str(REPO / "tests" / ".." / "tests" / "samples" / "order" / "half_a.jsonl")]
    graphs = []
    for path in spellings:
        store = _built([path])
        sources = {str(r["s"]) for r in store.select("SELECT DISTINCT ?s WHERE { ?a kg:sourcePath ?s }")}
        assert sources == {f"{A}:1", f"{A}:2"}
        graphs.append(_nquads(store))
    assert all(g == graphs[0] for g in graphs)


def test_a_rebuild_from_another_spelling_skips_every_article(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    store = Store(None)
    build([A], store=store, exports=False)
    again = build([f"./{os.path.relpath(A, REPO)}"], store=store, exports=False)
    assert again.skipped == 2 and again.built == 0
    assert len(store.select("SELECT ?f WHERE { ?a kg:buildFingerprint ?f }")) == 2


def test_the_seeds_in_two_halves_give_one_graph_in_any_order(seeds_dir):
    pages = sorted(seeds_dir.glob("*.txt"))
    first, second = pages[:2], pages[2:]
    q_ab = _nquads(_built(first, second))
    q_ba = _nquads(_built(second, first))
    q_both = _nquads(_built(pages))
    assert q_ab == q_ba == q_both, (len(q_ab ^ q_ba), len(q_ab ^ q_both))
