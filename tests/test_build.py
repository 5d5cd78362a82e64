"""kg build: summary, idempotent re-runs, replace/remove without orphans, crash safety, CLI faces."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from click.testing import CliRunner, Result
from rdflib import Graph

from conftest import SEEDS
from test_build_support import copy_seeds_store, seeds_build

from kg.build import DIE_AFTER_ENV, build, pipeline_fingerprint
from kg.cli import cli
from kg.graph.store import Store
from kg.graph.validate import validate_store

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _kg(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd,
                          env=full_env, timeout=600)


def _cli(*args: str) -> Result:
    """In-process: no second underthesea start-up (the models are already loaded)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _subjects(store: Store, needle: str) -> list[str]:
    rows = store.select("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    return [str(r["s"]) for r in rows if needle in str(r["s"])]


def test_seeds_build_summary_and_exports():
    out, s = seeds_build()
    assert (s.articles, s.built, s.skipped, s.failed) == (5, 5, 0, 0)
    assert s.entities > 10 and s.roles > 5 and s.claims > 10 and s.events > 0
    assert s.triples > 1000 and s.store_articles == 5 and s.store_quads > s.triples
    assert s.ok and not s.errors
    ttl = out / "graph.ttl"
    if "turtle" in s.exports:  # written by the export engineer's write_export
        assert len(Graph().parse(ttl, format="turtle")) > 1000
    if "explorer" in s.exports:
        assert "Dmitry Peskov" in (out / "explorer.html").read_text(encoding="utf-8")
    assert set(s.to_dict()) >= {"articles", "entities", "roles", "events", "claims", "triples", "seconds"}


def test_rebuilding_into_the_same_store_adds_nothing(tmp_path):
    path = copy_seeds_store(tmp_path)
    with Store(path, read_only=True) as store:
        before = set(store.quads())
    s = build([SEEDS], store=path, exports=False)
    assert (s.built, s.skipped) == (0, 5)
    with Store(path, read_only=True) as store:
        assert set(store.quads()) == before and len(store) == len(before)


def test_forced_rebuild_of_an_article_gives_the_same_quads(tmp_path):
    path = copy_seeds_store(tmp_path)
    with Store(path, read_only=True) as store:
        before = set(store.quads())
    s = build([SEED_FILES[0]], store=path, force=True, exports=False)
    assert s.built == 1
    with Store(path, read_only=True) as store:
        after = set(store.quads())
    assert after == before  # no blank nodes: isomorphic means equal


def test_a_changed_article_replaces_exactly_its_facts(tmp_path):
    doc = tmp_path / "in" / "article.txt"
    doc.parent.mkdir()
    shutil.copy(SEED_FILES[4], doc)  # 004: Biden–Putin call; Ushakov and Psaki
    other = tmp_path / "in" / "other.txt"
    shutil.copy(SEED_FILES[3], other)
    store_dir = tmp_path / "store"
    build([doc.parent], store=store_dir, exports=False)
    with Store(store_dir, read_only=True) as store:
        (old_id,) = store.find_articles(str(doc))
        other_graph = store.article_graph(store.find_articles(str(other))[0])
        assert store.select('SELECT ?p WHERE { ?p kg:spokesperson_of kgd:White_House }')
    text = doc.read_text(encoding="utf-8")
    cut = text.rindex("\n", 0, text.index("người phát ngôn Nhà Trắng")) + 1  # that paragraph and the rest
    doc.write_text(text[:cut] + "\n\nTheo TTXVN\n", encoding="utf-8")
    s = build([doc.parent], store=store_dir, exports=False)
    assert (s.built, s.skipped) == (1, 1)
    with Store(store_dir, read_only=True) as store:
        (new_id,) = store.find_articles(str(doc))
        assert new_id != old_id and old_id not in store.article_ids()
        assert len(store.article_ids()) == 2
        assert not _subjects(store, old_id)  # no statement, evidence or claim of the old text
        assert not store.select('SELECT ?p WHERE { ?p kg:spokesperson_of kgd:White_House }')
        assert not store.select('SELECT ?l WHERE { kgd:Jen_Psaki ?p ?l }')  # no orphan entity
        assert set(store.article_graph(store.find_articles(str(other))[0])) == set(other_graph)


def test_kill_mid_build_keeps_finished_articles_and_the_next_build_completes(tmp_path):
    store_dir = tmp_path / "store"
    files = [str(f) for f in SEED_FILES[3:5]]
    died = _kg("build", *files, "--store", str(store_dir), "--no-exports", "-q", env={DIE_AFTER_ENV: "1"})
    assert died.returncode == 70, died.stderr  # the hook's os._exit: no flush, no cleanup
    with Store(store_dir, read_only=True) as store:
        done = store.article_fingerprints()
        assert len(done) == 1 and store.article_ids() == sorted(done)
        assert validate_store(store).conforms
        (aid,) = done
        assert len(store.article_graph(aid)) > 100
    pipeline_fingerprint.cache_clear()  # hash the code as the subprocess just saw it
    s = build(files, store=store_dir, exports=False)
    assert (s.articles, s.skipped, s.built) == (2, 1, 1)
    with Store(store_dir, read_only=True) as store:
        assert len(store.article_fingerprints()) == 2
        assert validate_store(store).conforms


def test_cli_remove_by_path_and_by_id(tmp_path):
    out = tmp_path / "out"
    store_dir = copy_seeds_store(out)
    with Store(store_dir, read_only=True) as store:
        ids = store.article_ids()
        sources = store.article_sources()
    by_path = _cli("remove", sources[ids[0]], "--store", str(store_dir), "--no-exports")
    assert by_path.exit_code == 0, by_path.stderr
    assert by_path.stdout.strip() == f"removed {ids[0]}"
    (out / "graph.ttl").write_text("stale\n", encoding="utf-8")  # as if a build had written it
    by_id = _cli("remove", ids[1], "--store", str(store_dir))
    assert by_id.exit_code == 0, by_id.stderr
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert ttl != "stale\n" and ids[1] not in ttl and ids[2] in ttl  # exports follow the store
    with Store(store_dir, read_only=True) as store:
        assert store.article_ids() == ids[2:]
        assert not _subjects(store, ids[0]) and not _subjects(store, ids[1])
        assert validate_store(store).conforms
    unknown = _cli("remove", "no-such-article", "--store", str(store_dir))
    assert unknown.exit_code == 1
    assert unknown.stderr.strip() == "kg: error: no-such-article: no such article in the store (give its id, its path or its file name)"


def test_cli_build_json_skips_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Logo\nĐăng nhập\n", encoding="utf-8")
    r = _cli("build", str(SEED_FILES[3]), str(bad), "--out", str(tmp_path / "out"), "--json", "--no-exports")
    assert r.exit_code == 0, r.stderr
    summary = json.loads(r.stdout)
    assert (summary["articles"], summary["built"], summary["failed"]) == (1, 1, 1)
    assert summary["store"] == str(tmp_path / "out" / "store")
    assert "bad.txt" in r.stderr and "(skipped)" in r.stderr and "Traceback" not in r.stderr


def test_cli_build_exit_codes_for_unreadable_inputs(tmp_path):
    nothing = _cli("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"), "-q")
    assert nothing.exit_code == 1
    assert "missing.txt: no such file or folder" in nothing.stderr
    assert "nothing could be read" in nothing.stderr

    bad = tmp_path / "bad.txt"
    bad.write_text("Logo\nĐăng nhập\n", encoding="utf-8")
    strict = _kg("build", str(bad), "--out", str(tmp_path / "out2"), "--strict")
    assert strict.returncode == 2
    lines = strict.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:") and "bad.txt" in lines[0]


def test_strict_stops_before_writing_when_a_later_file_is_bad(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_FILES[3], folder / "a_good.txt")
    (folder / "z_bad.txt").write_text("Logo\nĐăng nhập\n", encoding="utf-8")  # read after the good one
    r = _kg("build", str(folder), "--store", str(tmp_path / "store"), "--strict", "-q", "--no-exports")
    assert r.returncode == 2 and "z_bad.txt" in r.stderr
    with Store(tmp_path / "store", read_only=True) as store:
        assert store.article_ids() == []  # all or nothing: the good file was not written either


def test_count_inputs_is_the_progress_total(tmp_path):
    from kg.read import count_inputs

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"title": "1"}\n\n{"title": "2"}\n{"title": "3"}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    assert count_inputs(tmp_path) == 4  # one file + three JSONL records; hidden files skipped
    assert count_inputs([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 1


def test_cli_build_on_a_locked_store_is_a_clear_error(tmp_path):
    store_dir = tmp_path / "store"
    with Store(store_dir):
        r = _kg("build", str(SEED_FILES[0]), "--store", str(store_dir), "-q")
    assert r.returncode == 2
    assert "in use by another process" in r.stderr and "Traceback" not in r.stderr


def test_cli_build_help_has_examples():
    r = _kg("build", "--help")
    assert r.returncode == 0 and "Examples:" in r.stdout and "--strict" in r.stdout and "--json" in r.stdout


def test_python_dash_m_kg_is_the_same_command():
    r = subprocess.run([sys.executable, "-m", "kg", "build", "--help"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Examples:" in r.stdout and r.stdout == _kg("build", "--help").stdout


def test_default_paths_are_exports_under_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    r = _cli("build", str(SEED_FILES[3]), "--no-exports", "-q")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""  # --quiet
    assert (tmp_path / "exports" / "store" / "CURRENT").is_file()
    v = _cli("validate")
    assert v.exit_code == 0, v.stderr + v.stdout
    assert "valid: 1 articles" in v.stdout


def test_cli_build_prints_a_short_summary(tmp_path):
    out = tmp_path / "out"
    first = _cli("build", str(SEED_FILES[3]), "--out", str(out), "--no-exports")
    assert first.exit_code == 0, first.stderr
    assert "1 read, 1 built" in first.stdout
    r = _cli("build", str(SEED_FILES[3]), "--out", str(out), "--no-exports")
    assert r.exit_code == 0, r.stderr
    assert "1 read, 0 built, 1 unchanged" in r.stdout
    for word in ("entities", "roles", "events", "claims", "quads", "store", "time"):
        assert word in r.stdout


def test_missing_exporters_are_skipped_with_a_note(tmp_path, monkeypatch):
    import kg.build as kb

    monkeypatch.setitem(sys.modules, "kg.export.explorer", None)  # as before that module existed
    monkeypatch.setitem(sys.modules, "kg.export.serialize", None)
    with Store(None) as store:
        summary = kb.write_exports(store, tmp_path / "out")
    assert summary.exports == {} and not summary.errors
    assert [n.split(":")[0] for n in summary.notes] == ["graph.ttl skipped", "explorer.html skipped"]


def test_kg_build_is_the_library_entry_in_any_import_order(tmp_path):
    import kg
    import kg.build  # noqa: F401  (rebinds the attribute kg.build to the module)

    seen: list[str] = []
    with Store(None) as store:
        s = kg.build([tmp_path / "missing.txt"], store=store, on_error=seen.append)
    assert (s.articles, s.failed, s.ok) == (0, 1, False)
    assert len(seen) == 1 and "missing.txt: no such file or folder" in seen[0]


def test_two_fresh_builds_of_the_same_input_are_isomorphic(tmp_path):
    from rdflib.compare import isomorphic

    graphs = []
    for name in ("a", "b"):
        s = build([SEED_FILES[3]], store=tmp_path / name, exports=False)
        assert s.built == 1
        with Store(tmp_path / name, read_only=True) as store:
            (aid,) = store.article_ids()
            graphs.append((len(store), store.article_graph(aid)))
    (n_a, g_a), (n_b, g_b) = graphs
    assert n_a == n_b and isomorphic(g_a, g_b) and set(g_a) == set(g_b)


def test_a_build_leaves_the_co_mention_floor_and_remove_refreshes_it(tmp_path):
    from kg.graph import shared

    with Store(tmp_path / "store") as store:
        build([SEED_FILES[3], SEED_FILES[0]], store=store, exports=False)
        assert [int(t.object.value) for t in shared.floor_triples(store.ox)] == [1]
    r = _cli("remove", str(SEED_FILES[0]), "--store", str(tmp_path / "store"), "-q")
    assert r.exit_code == 0, r.stderr
    with Store(tmp_path / "store", read_only=True) as store:
        assert [int(t.object.value) for t in shared.floor_triples(store.ox)] == [1]
