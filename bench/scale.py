#!/usr/bin/env python3
"""The scale-out figures: a 10-million-triple store, the Dask engine's overhead, remote stores' write rates.

Run by ``bench/run.py`` (its "scale-out" sections) or on its own::

    python bench/scale.py --json bench/scale.json                 # full sizes
    python bench/scale.py --quick                                 # the smoke sizes
    python bench/scale.py --from-store exports/store --only sparql10m

Sections:

sparql10m
    every canned query on an embedded store of at least 10,000,000 triples
    (``--quick``: 50,000): a built store (the UNC corpus) is dumped as N-Quads
    and repeated under distinct article-scoped IRIs, as ``bench/run.py`` does
    for its million-triple store (:func:`run.replicate`'s renaming, streamed
    to a file so ten million quads never sit in memory as one string; copy *k*'s
    dates moved 4*k* years back, so the most recent articles and claims are
    distinct originals, not copies of one), bulk-loaded with pyoxigraph,
    co-mention counts, role and event summaries and the top/recent lists
    recomputed (``Store.rebuild_summaries``, as a build keeps them); the
    articles ``article-assertions`` lists are counted (distinct, and how many
    are copies) so its figure is checked to be about real statements; each query is timed through
    ``kg.graph.store.Store.query`` (median of 5 after a warm-up, in a fork that
    is killed past the timeout). Target: median ≤ 150 ms each; the slowest is named.

cluster
    ``kg build`` of the same N articles (200; ``--quick``: 6) with ``--jobs 1``,
    ``--jobs 2``, ``--cluster local --cluster-workers 1`` and ``2``, each into
    a fresh store; articles/s of the whole command and the engine's overhead
    ``cluster/jobs`` at equal workers (1.0 = none).

remote
    the same extracted articles (extracted once, in this process's child) written
    article by article with ``replace_article`` into the embedded store, an
    Oxigraph server and Virtuoso (each started here on loopback, skipped with a
    note when missing): articles/s written, and the ratio to the embedded store.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for p in (REPO, REPO / "bench", REPO / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

TARGET_MS = 150.0
KG_CMD = [sys.executable, "-c", "from kg.cli import main; main()"]


def _log(msg: str) -> None:
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- a 10 M-triple store --------------------------------------------------------------

def replicate_to_file(src_store: Path, out: Path, min_quads: int) -> tuple[int, float]:
    """N-Quads of ``src_store`` repeated under renamed article-scoped IRIs until ``min_quads``; (quads, copies)."""
    import pyoxigraph as ox

    import run as bench  # the million-triple bench's renaming rules

    src = ox.Store.read_only(str(src_store))
    lines = src.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    del src
    once = (bench._ONTOLOGY_GRAPH, bench._ENTITY_GRAPH)
    shared = [ln for ln in lines if ln.strip() and bench._graph_of(ln) in once]
    facts = [ln for ln in lines if ln.strip() and bench._graph_of(ln) not in (*once, *bench._DERIVED)]
    del lines
    facts.sort(key=bench._graph_of)
    block = "\n".join(facts) + "\n"
    n, k = len(shared), 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write("\n".join(shared) + "\n")
        while n < min_quads:
            text = block
            if k:
                suffix = f"~c{k}"
                text = bench._ARTICLE_SCOPED.sub(lambda m: f"<{m.group(1)}{suffix}>", text)
                text = bench._BNODE.sub(lambda m: f"{m.group(1)}_:{m.group(2)}c{k}", text)
                text = bench.shift_dates(text, k)  # the most recent articles and claims are originals
            fh.write(text)
            n += len(facts)
            k += 1
    return n, round(k, 2)


def build_big_store(src_store: Path, work: Path, min_triples: int) -> dict[str, Any]:
    import pyoxigraph as ox

    from kg.graph.store import Store

    nq = work / "big.nq"
    t = time.perf_counter()
    quads, copies = replicate_to_file(src_store, nq, int(min_triples * 1.02))
    rep_s = time.perf_counter() - t
    big = work / "store-10m"
    t = time.perf_counter()
    store = ox.Store(str(big))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    nq.unlink()
    with Store(big) as s:
        s.rebuild_co_mentions()
        t2 = time.perf_counter()
        s.rebuild_summaries()  # role and event summaries, top/recent lists (kg.graph.summaries)
        summaries_s = time.perf_counter() - t2
        total = len(s)
    return {"store": str(big), "quads": total, "copies": copies, "replicate_s": round(rep_s, 1),
            "load_s": round(time.perf_counter() - t, 1), "summaries_s": round(summaries_s, 1)}


def measure_sparql10m(src_store: Path, work: Path, min_triples: int, repeats: int, timeout: float) -> dict[str, Any]:
    import run as bench

    info = build_big_store(src_store, work, min_triples)
    _log(f"10M store: {info['quads']:,} quads loaded in {info['load_s']} s; timing the canned queries")
    times = bench.engine_times("oxigraph", Path(info["store"]), bench.canned_queries(), repeats, timeout)
    rows = [{"query": q, **r} for q, r in times.items()]
    info["article_assertions_listed"] = _listed_articles(Path(info["store"]))
    done = [r for r in rows if "ms" in r]
    slowest = max(done, key=lambda r: r["ms"]) if done else None
    info.update({"queries": rows, "repeats": repeats, "timeout_s": timeout, "target_ms": TARGET_MS,
                 "median_ms_max": slowest["ms"] if slowest else None,
                 "slowest": slowest["query"] if slowest else None,
                 "all_within_target": bool(done) and len(done) == len(rows)
                 and all(r["ms"] <= TARGET_MS and not r.get("timed_out") for r in done)})
    return info  # the store goes with the work folder (kept with --keep, to time the queries again)


def _listed_articles(store_dir: Path) -> dict[str, int]:
    """The articles the unbound ``article-assertions`` lists: how many, how many are copies (``~c``), its rows."""
    import run as bench

    from kg.graph.store import Store

    with Store(store_dir, read_only=True) as s:
        rows = s.select(bench.canned_queries()["article-assertions"])
    articles = {str(r["article"]) for r in rows}
    return {"articles": len(articles), "copies": sum("~c" in a for a in articles), "rows": len(rows)}


# --- cluster vs jobs ---------------------------------------------------------------------

def _folder_of(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        (folder / f"{i:05d}_{f.name}").symlink_to(f.resolve())
    return folder


RUNS = (("jobs 1", ["--jobs", "1"]), ("jobs 2", ["--jobs", "2"]),
        ("cluster local, 1 worker", ["--cluster", "local", "--cluster-workers", "1"]),
        ("cluster local, 2 workers", ["--cluster", "local", "--cluster-workers", "2"]))


def measure_cluster(files: list[Path], work: Path, quick: bool = False) -> dict[str, Any]:
    """``--quick``: only the 1-worker LocalCluster (a smoke run of the engine, no figure)."""
    folder = _folder_of(files, work / "cluster-input")
    rows = []
    for label, extra in (RUNS[2:3] if quick else RUNS):
        store = work / f"store-{label.replace(' ', '_').replace(',', '')}"
        t = time.perf_counter()
        p = subprocess.run([*KG_CMD, "build", str(folder), "--store", str(store), "--no-exports", "--json", *extra],
                           capture_output=True, text=True)
        s = time.perf_counter() - t
        summary = json.loads(p.stdout) if p.returncode == 0 else {}
        rows.append({"run": label, "seconds": round(s, 1), "articles": summary.get("built"),
                     "articles_per_s": round((summary.get("built") or 0) / s, 2), "exit": p.returncode,
                     "error": None if p.returncode == 0 else p.stderr.strip()[-500:]})
        shutil.rmtree(store, ignore_errors=True)
        _log(f"{label}: {rows[-1]['articles_per_s']} articles/s")
    by = {r["run"]: r["articles_per_s"] for r in rows}

    def ratio(a: str, b: str) -> float | None:
        return round(by[a] / by[b], 2) if by.get(a) and by.get(b) else None

    return {"n": len(files), "runs": rows,
            "cluster1_over_jobs1": ratio("cluster local, 1 worker", "jobs 1"),
            "cluster2_over_jobs2": ratio("cluster local, 2 workers", "jobs 2"),
            "cluster2_over_cluster1": ratio("cluster local, 2 workers", "cluster local, 1 worker")}


# --- remote stores -----------------------------------------------------------------------

def _extracted_graphs(files: list[Path]) -> list[tuple[str, Any]]:
    from kg.build import article_fingerprint
    from kg.graph.rdf import extraction_triples, mark_built
    from kg.parallel import extract_all, shutdown_pool
    from kg.read import read_articles

    out = []
    for x in extract_all(list(read_articles(files)), jobs=2):
        g = extraction_triples(x)
        mark_built(g, x.article.id, article_fingerprint(x.article))
        out.append((x.article.id, g))
    shutdown_pool()
    return out


def _write_rate(store: Any, graphs: list[tuple[str, Any]]) -> dict[str, Any]:
    from kg.graph.rdf import ontology_graph

    store.ensure_ontology(ontology_graph())
    t = time.perf_counter()
    for aid, g in graphs:
        store.replace_article(aid, g)
    store.refresh_co_mention_floor()
    store.flush()
    s = time.perf_counter() - t
    return {"seconds": round(s, 2), "articles_per_s": round(len(graphs) / s, 1), "quads": len(store)}


def measure_remote(files: list[Path], work: Path, quick: bool = False) -> dict[str, Any]:
    from servers import (VIRTUOSO_PASSWORD, VIRTUOSO_USER, OxigraphServer, VirtuosoServer, oxigraph_binary,
                         virtuoso_binary)

    from kg.graph.remote import PASSWORD_ENV, USER_ENV, RemoteStore
    from kg.graph.store import Store

    _log(f"remote: extracting {len(files)} articles once")
    graphs = _extracted_graphs(files)
    rows: dict[str, Any] = {}
    with Store(work / "store-embedded") as s:
        rows["embedded"] = _write_rate(s, graphs)
    if oxigraph_binary():
        server = OxigraphServer(work / "oxigraph-db").start()
        try:
            rows["oxigraph-server"] = _write_rate(RemoteStore(server.url, env={}), graphs)
        finally:
            server.stop()
    else:
        rows["oxigraph-server"] = {"skipped": "oxigraph binary not found"}
    if quick:
        rows["virtuoso"] = {"skipped": "--quick (Virtuoso takes a minute to start)"}
    elif virtuoso_binary():
        server = VirtuosoServer(work / "virtuoso").start()
        try:
            env = {USER_ENV: VIRTUOSO_USER, PASSWORD_ENV: VIRTUOSO_PASSWORD}
            rows["virtuoso"] = _write_rate(RemoteStore(server.url, env=env), graphs)
        finally:
            server.stop()
    else:
        rows["virtuoso"] = {"skipped": "virtuoso-t not installed (apt-get install virtuoso-opensource)"}
    base = rows["embedded"]["articles_per_s"]
    for name, r in rows.items():
        if "articles_per_s" in r:
            r["ratio_to_embedded"] = round(r["articles_per_s"] / base, 3)
        _log(f"remote {name}: {r}")
    return {"n": len(graphs), "stores": rows}


# --- entry ----------------------------------------------------------------------------------

def corpus_files(corpus: Path, n: int) -> list[Path]:
    import run as bench

    return bench.corpus_order(corpus)[:n]


def print_scale(res: dict[str, Any], console: Any) -> None:
    """The scale-out tables (``bench/run.py``'s report)."""
    from rich.table import Table

    c = res.get("cluster")
    if c:
        t = Table(title=f"Dask engine vs local processes, {c['n']} articles (whole `kg build`, start-up included)")
        for col in ("run", "s", "articles/s"):
            t.add_column(col, justify="right")
        for r in c["runs"]:
            t.add_row(r["run"], str(r["seconds"]), str(r["articles_per_s"]) if not r["exit"] else "failed")
        console.print(t)
        console.print(f"cluster/jobs at 1 worker {c.get('cluster1_over_jobs1')}, at 2 workers "
                      f"{c.get('cluster2_over_jobs2')}; 2 workers / 1 worker {c.get('cluster2_over_cluster1')}")
    r = res.get("remote")
    if r:
        t = Table(title=f"Articles written per second ({r['n']} extracted articles, replace_article each)")
        for col in ("store", "articles/s", "÷ embedded", "quads"):
            t.add_column(col, justify="right")
        for name, row in r["stores"].items():
            t.add_row(name, str(row.get("articles_per_s", row.get("skipped"))), str(row.get("ratio_to_embedded", "")),
                      str(row.get("quads", "")))
        console.print(t)
    s = res.get("sparql10m")
    if s:
        t = Table(title=f"Canned queries on {s['quads']:,} quads (embedded, {s['copies']} copies); median ms")
        for col in ("query", "ms", "rows"):
            t.add_column(col, justify="right")
        for q in s["queries"]:
            ms = q.get("ms")
            t.add_row(q["query"], "error" if q.get("error") else (f"> {ms:,}" if q.get("timed_out") else f"{ms:,}"),
                      str(q.get("rows", "")))
        console.print(t)
        console.print(f"slowest: {s['slowest']} {s['median_ms_max']} ms (target ≤ {s['target_ms']:g} ms each: "
                      f"{'met' if s['all_within_target'] else 'NOT met'})")


def run_scale(*, quick: bool, corpus: Path, from_store: Path | None, work: Path,
              only: set[str] | None = None, min_triples: int | None = None, n: int | None = None,
              timeout: float = 10.0) -> dict[str, Any]:
    out: dict[str, Any] = {"quick": quick}
    n = n or (4 if quick else 200)
    files = corpus_files(corpus, n)
    if only is None or "cluster" in only:
        _log(f"cluster: {n} articles, --jobs 1/2 vs --cluster local 1/2")
        out["cluster"] = measure_cluster(files[:3] if quick else files, work, quick)
    if only is None or "remote" in only:
        out["remote"] = measure_remote(files, work, quick)
    if only is None or "sparql10m" in only:
        if from_store is None:
            _log("sparql10m: building a source store from the corpus")
            from_store = work / "src-store"
            subprocess.run([*KG_CMD, "build", *map(str, files), "--store", str(from_store), "--no-exports", "-q",
                            "--jobs", "2"], check=True)
        out["sparql10m"] = measure_sparql10m(from_store, work, min_triples or (50_000 if quick else 10_000_000),
                                             3 if quick else 5, timeout)
    return out


def main(argv: list[str] | None = None) -> int:
    import run as bench

    ap = argparse.ArgumentParser(prog="bench/scale.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--corpus", type=Path, default=bench.DEFAULT_CORPUS)
    ap.add_argument("--from-store", type=Path, help="replicate this built store for the 10 M-triple section")
    ap.add_argument("--only", action="append", choices=["sparql10m", "cluster", "remote"])
    ap.add_argument("--min-triples", type=int)
    ap.add_argument("-n", type=int, help="articles for the cluster and remote sections")
    ap.add_argument("--query-timeout", type=float, default=10.0)
    ap.add_argument("--keep", type=Path)
    a = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-scale-", dir=a.keep))
    try:
        res = run_scale(quick=a.quick, corpus=a.corpus, from_store=a.from_store, work=work,
                        only=set(a.only) if a.only else None, min_triples=a.min_triples, n=a.n,
                        timeout=a.query_timeout)
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(res, indent=2, ensure_ascii=False)
    if a.json:
        a.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
