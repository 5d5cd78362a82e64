#!/usr/bin/env python3
"""kg's benchmark: one run, one machine, every figure the project promises.

Usage::

    python bench/run.py                      # full run (~12 min on 2 idle cores, ~20 busy)
    python bench/run.py --quick              # tiny sizes, for the smoke test (< 1 min)
    python bench/run.py --json bench/results.json --corpus ../shared/corpora/unc

What it measures (all in this one run, so the figures are comparable):

build
    ``kg build`` run as a subprocess on a temporary folder of symlinks to the
    first N files of the UNC corpus, in a fixed order that cycles through the
    ten categories (business_001, education_001, …, world_001, business_002 …),
    into a fresh temporary store, with ``--no-exports`` (exports and the
    explorer are timed on their own below); N = 200 and 2,000 with ``--jobs 1``
    and ``--jobs 2`` (``--quick``: 10 and 20 with ``--jobs 1``, 20 with 2). Throughput is articles/s and
    characters/s of article body (``len(Article.body)`` as the project's reader
    returns it), wall clock of the whole command (start-up and model loading
    included). Peak RSS is ``ru_maxrss`` of the child from ``wait4`` (the
    largest single process); the sum over the process tree, sampled from
    ``/proc`` every 0.1 s, is reported beside it for ``--jobs 2``. If
    ``kg build`` has no ``--jobs`` option (or no ``build`` command), a child
    running :func:`kg.parallel.extract_all` over the same articles is timed
    instead, and the table says so.

floor
    bare ``underthesea.ner`` over the sentences of the N=200 set (the reader's
    own sentence split), in this process, models loaded before timing. Running
    it over the 2,000 set too would take longer than the rest of the run
    together, so the floor is measured on the 200 set only and the output
    says so. ``build_vs_ner`` = characters/s of the largest ``--jobs 1`` build
    ÷ characters/s of the floor: ≥ 1.0 means the whole pipeline, store writes
    included, costs no more than bare NER.

whole corpus
    ``kg build`` of the UNC files not in the N=2,000 set (``--jobs 2``) into a
    copy of the N=2,000 ``--jobs 2`` store, so the store ends with every file
    of the corpus, built by two ``kg build`` runs (a third full build would
    not fit the time budget; ``--quick`` reuses the N=20 store). Checks that it exits 0, that
    no article failed and that articles in the store == distinct articles the
    reader finds in the files (no crash, no skipped article; two files with
    the same text are one article), and counts entities / roles / events /
    claims per article for each category, read back from the store (one named
    graph per article).

SPARQL
    every canned query in ``ontology/queries/*.rq`` on a store of at least
    1,000,000 triples (``--quick``: 20,000). The whole-corpus store is dumped
    as N-Quads and repeated under distinct ids until big enough: copy *k* > 0
    appends ``~c<k>`` to every article-scoped IRI (``…/article/``,
    ``…/graph/``, ``…/event/``, ``…/claim/``, ``…/role/``, ``…/sentence/``)
    and blank-node label, so each copy is a new set of articles, statements and
    evidence about the same actors (entity IRIs ``…/id/`` are shared, as they
    would be in a larger corpus) and its full dates move 4*k* years back (so the
    most recent articles and claims are originals, not copies of one); the
    ontology graph is kept once, the derived graphs (co-mention counts,
    summaries) are recomputed after the load. The quads are
    bulk-loaded (pyoxigraph ``bulk_load``) into an on-disk store, opened
    read-only through :class:`kg.graph.store.Store`, and each query runs
    through ``Store.query`` (union default graph, predeclared prefixes):
    median of 5 runs after one warm-up. Side by side, the same triples (graph
    names dropped: the union of the article graphs, each distinct triple once)
    are parsed into one rdflib ``Graph`` and the queries run there with the same
    prefixes. Each engine runs in a helper process that loads the data once and
    times each query in a fork of itself, so a query slower than
    ``--query-timeout`` seconds (10; ``--quick``: 5) is killed and reported as
    "> timeout" (its speed-up is then a bound, or unknown when both engines
    timed out); a query slower than 2 s is timed by its first run only. Row
    counts of both engines are compared.

export
    Turtle and N-Triples of the million-triple store, triples/s, through the
    project's ``kg.export.serialize.write_export`` when it exists (else
    pyoxigraph's own serializer; the table says which).

news2025 (full run only; its own section, bench/news2025.py)
    ``kg build`` of the whole crawler corpus ``../shared/corpora/news2025``
    (three CSV files, 11,177 rows) with ``--jobs 2``: rows read and refused,
    articles/s, characters/s, failures (target 0), and the ratio to bare
    ``underthesea.ner`` over a fixed sample of the same articles.
    ``--no-news2025`` skips it; ``--quick`` never runs it.

explorer
    load-and-settle time of the explorer page for the 2,000-article graph in
    headless Chromium, through the explorer's own measuring helper; skipped with
    a note when Chromium, playwright or the helper is missing (``--no-browser``
    skips it on purpose).

scale-out
    ``bench/scale.py`` (its docstring says how): every canned query on an
    embedded store of 10 million triples (target: median ≤ 150 ms each, the
    slowest named), ``kg build --cluster local`` at 1 and 2 workers against
    ``--jobs 1``/``2`` on the same 200 articles (the engine's overhead as a
    ratio), and articles/s written to an Oxigraph server and to Virtuoso
    against the embedded store. ``--quick``: a smoke run (3 articles on a
    1-worker LocalCluster, 4 written to an Oxigraph server, 50,000 triples);
    ``--no-scale`` skips it.

add one
    ``kg build`` of one more article (the next file in the order, not in the
    store yet) into a copy of the 2,000-article store, versus the same article
    built alone into an empty store: seconds each (both include start-up).

Headline keys of the JSON: ``build_vs_ner``, ``jobs2_speedup`` (``--jobs 2``
articles/s ÷ ``--jobs 1`` at the largest N), ``rss_2000_over_200`` (peak RSS of
the ``--jobs 1`` builds), ``sparql_speedup_vs_rdflib_min``,
``sparql_median_ms_max``; everything else is under ``"details"``. Targets are
printed beside the figures; the benchmark reports, it never fails on a target.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `python bench/run.py` from a checkout without install
    sys.path.insert(0, str(REPO))

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "unc"
QUERIES_DIR = REPO / "ontology" / "queries"
KG_CMD = [sys.executable, "-c", "from kg.cli import main; main()"]  # `kg`, whatever the PATH
CATEGORY = re.compile(r"news_([a-z]+)_\d+")

TARGETS: dict[str, tuple[str, float]] = {
    "build_vs_ner": (">=", 1.0),
    "jobs2_speedup": (">=", 1.7),
    "rss_2000_over_200": ("<=", 1.5),
    "sparql_speedup_vs_rdflib_min": (">=", 10.0),
    "sparql_median_ms_max": ("<=", 100.0),
}


@dataclass
class Plan:
    """The sizes of one run: the full benchmark, or ``--quick`` for the smoke test."""

    builds: tuple[tuple[int, int], ...] = ((200, 1), (200, 2), (2000, 1), (2000, 2))  # (N, jobs)
    min_triples: int = 1_000_000
    repeats: int = 5
    query_timeout: float = 10.0
    whole_corpus: bool = True
    quick: bool = False
    scale: bool = True  # the scale-out sections of bench/scale.py

    @classmethod
    def quick_plan(cls) -> Plan:
        """~1 minute: 10 and 20 articles, 20k triples, 3 repeats, 5 s per query."""
        return cls(builds=((10, 1), (20, 1), (20, 2)), min_triples=20_000, repeats=3, query_timeout=5.0,
                   whole_corpus=False, quick=True)

    @property
    def small(self) -> int:
        return min(n for n, _ in self.builds)

    @property
    def big(self) -> int:
        return max(n for n, _ in self.builds)


# --- corpus ------------------------------------------------------------------


def category(path: Path) -> str:
    m = CATEGORY.match(path.stem)
    return m.group(1) if m else "other"


def corpus_order(corpus: Path) -> list[Path]:
    """Every ``*.txt`` of the corpus, cycling through categories in sorted order.

    The first N files of this list are a fixed sample that mixes all categories
    in equal parts, so N=200 and N=2,000 measure the same kind of text.
    """
    by_cat: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(corpus.glob("*.txt")):
        by_cat[category(path)].append(path)
    cats = sorted(by_cat)
    out: list[Path] = []
    for i in range(max((len(v) for v in by_cat.values()), default=0)):
        out.extend(by_cat[c][i] for c in cats if i < len(by_cat[c]))
    return out


def link_folder(paths: Sequence[Path], folder: Path) -> Path:
    """A folder of symlinks to ``paths`` (the build walks it sorted; order is irrelevant to the graph)."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in paths:
        (folder / p.name).symlink_to(p.resolve())
    return folder


def read_all(paths: Sequence[Path]) -> dict[str, Any]:
    """Article id -> (source file, body length, sentence texts), through the project's reader."""
    from kg.read import read_articles

    out = {}
    for art in read_articles([str(p) for p in paths]):
        out[art.id] = (Path(art.source).name, len(art.body), [s.text for s in art.sentences])
    return out


# --- child processes ---------------------------------------------------------


@dataclass
class ChildRun:
    """One measured subprocess."""

    seconds: float
    peak_rss_mb: float  # ru_maxrss from wait4: the largest single process of the tree
    tree_rss_mb: float  # peak of the summed RSS of the process tree, sampled
    returncode: int
    stdout: str = field(repr=False, default="")
    stderr: str = field(repr=False, default="")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _tree_rss(pid: int) -> int:
    """Summed resident set of ``pid`` and its descendants, in bytes (0 off Linux)."""
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        todo.extend(_children(p))
    return total


def run_child(cmd: Sequence[str], *, cwd: Path | None = None, timeout: float | None = None) -> ChildRun:
    """Run ``cmd``; wall time, peak RSS (wait4) and peak tree RSS (sampled /proc)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=out, stderr=err, text=True)
        tree_peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, _tree_rss(proc.pid))
            if timeout is not None and time.perf_counter() - start > timeout:
                proc.kill()
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        maxrss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        return ChildRun(seconds, maxrss / 2**20, max(tree_peak, maxrss) / 2**20, proc.returncode,
                        out.read(), err.read())


def build_mode() -> str:
    """``kg-build`` when ``kg build --jobs`` exists; else ``extract_all`` (measured directly)."""
    try:
        help_text = subprocess.run([*KG_CMD, "build", "--help"], capture_output=True, text=True,
                                   timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return "extract_all"
    return "kg-build" if "--jobs" in help_text else "extract_all"


def build_cmd(mode: str, folder: Path, store: Path, jobs: int) -> list[str]:
    if mode == "kg-build":
        return [*KG_CMD, "build", str(folder), "--store", str(store), "--quiet", "--json",
                "--no-exports", "--jobs", str(jobs)]
    return [sys.executable, str(Path(__file__).resolve()), "--_extract", str(folder), "--jobs", str(jobs)]


def _extract_child(folder: str, jobs: int) -> None:
    """Fallback build: read + kg.parallel.extract_all, no store (``--_extract``)."""
    from kg.parallel import extract_all
    from kg.read import read_articles

    n = sum(1 for _ in extract_all(read_articles([folder]), jobs=jobs))
    print(json.dumps({"articles": n}))


# --- measurements ------------------------------------------------------------


def measure_builds(mode: str, order: list[Path], texts: dict[str, Any], plan: Plan, work: Path,
                   log: Callable[[str], None]) -> list[dict[str, Any]]:
    chars_by_file = {name: n for name, n, _ in texts.values()}
    rows = []
    for n, jobs in plan.builds:
        folder = work / f"corpus-{n}"
        if not folder.exists():
            link_folder(order[:n], folder)
        chars = sum(chars_by_file.get(p.name, 0) for p in order[:n])
        store = work / f"store-{n}-j{jobs}"
        log(f"build N={n} --jobs {jobs} ({mode})")
        run = run_child(build_cmd(mode, folder, store, jobs), cwd=work)
        if run.returncode != 0:
            raise SystemExit(f"build N={n} jobs={jobs} failed ({run.returncode}):\n{run.stderr[-3000:]}")
        rows.append({
            "n": n, "jobs": jobs, "mode": mode, "seconds": round(run.seconds, 2),
            "articles_per_s": round(n / run.seconds, 2), "chars_per_s": round(chars / run.seconds),
            "chars": chars, "peak_rss_mb": round(run.peak_rss_mb, 1),
            "tree_rss_mb": round(run.tree_rss_mb, 1), "summary": _json_or_none(run.stdout),
        })
    return rows


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def measure_floor(order: list[Path], texts: dict[str, Any], n: int) -> dict[str, Any]:
    """Bare underthesea.ner over the reader's sentences of the first n files."""
    from underthesea import ner

    names = {p.name for p in order[:n]}
    sentences = [s for name, _, sents in texts.values() if name in names for s in sents]
    chars = sum(c for name, c, _ in texts.values() if name in names)
    ner("Ông Nguyễn Văn A nói tại Hà Nội.")  # load the models before the clock starts
    start = time.perf_counter()
    for s in sentences:
        ner(s)
    seconds = time.perf_counter() - start
    return {"n": n, "sentences": len(sentences), "seconds": round(seconds, 2), "chars": chars,
            "chars_per_s": round(chars / seconds), "articles_per_s": round(n / seconds, 2)}


# Facts are counted per article graph from the classes kg.graph.rdf writes.
KG_NS = "https://w3id.org/kg-vn/ontology#"
FACT_CLASSES = {
    **{KG_NS + c: "entities" for c in ("Person", "Organization", "Country", "Place")},
    KG_NS + "RoleAssertion": "roles",
    KG_NS + "Event": "events",
    KG_NS + "Claim": "claims",
}


def facts_per_category(store_path: Path, files: Sequence[Path]) -> dict[str, Any]:
    """Per category: articles built vs files given, and mean facts per article, read from the store."""
    from kg.graph.iris import article_id_of_graph
    from kg.graph.store import Store

    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    import pyoxigraph as ox

    with Store(store_path, read_only=True) as store:
        sources = {aid: Path(src).name for aid, src in store.article_sources().items()}
        seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for q in store.ox.quads_for_pattern(None, ox.NamedNode(rdf_type), None, None):
            kind = FACT_CLASSES.get(q.object.value)
            aid = article_id_of_graph(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else None
            if kind and aid:
                seen[aid].add((kind, q.subject.value))
    files_per_cat = Counter(category(p) for p in files)
    arts_per_cat = Counter(category(Path(s)) for s in sources.values())
    totals: dict[str, Counter] = defaultdict(Counter)
    for aid, facts in seen.items():
        cat = category(Path(sources.get(aid, "")))
        totals[cat].update(kind for kind, _ in facts)
    out = {}
    for cat in sorted(files_per_cat):
        n = arts_per_cat[cat]
        out[cat] = {"files": files_per_cat[cat], "articles": n,
                    **{k: round(totals[cat][k] / n, 2) if n else 0.0
                       for k in ("entities", "roles", "events", "claims")}}
    return out


_ARTICLE_SCOPED = re.compile(
    r"<(https://w3id\.org/kg-vn/(?:article|graph|event|claim|role|sentence)/[^>]*)>")
_BNODE = re.compile(r"(^|\s)_:(\S+)", re.M)
_ONTOLOGY_GRAPH = "<https://w3id.org/kg-vn/graph/ontology>"
_ENTITY_GRAPH = "<https://w3id.org/kg-vn/graph/entities>"
_CO_MENTION_GRAPH = "<https://w3id.org/kg-vn/graph/co-mentions>"
_SUMMARY_GRAPH = "<https://w3id.org/kg-vn/graph/summaries>"
_DERIVED = (_CO_MENTION_GRAPH, _SUMMARY_GRAPH)  # recomputed after the load, never copied
_DATE = re.compile(r'"(\d{4})-(\d\d-\d\d)"\^\^<http://www\.w3\.org/2001/XMLSchema#date>')
YEARS_PER_COPY = 4  # a multiple of 4: 29 February stays a date


def shift_dates(text: str, k: int) -> str:
    """Copy ``k``'s full dates (publication, claims, events) moved ``4k`` years back.

    Without it every copy of an article has its date, so "the 20 most recent
    articles" of the replicated store would be 16 copies of the newest one
    (which may state nothing) and "the 500 most recent claims" copies of a
    few: with it, the most recent ones are the originals, distinct articles.
    """
    def older(m: re.Match[str]) -> str:
        return f'"{int(m.group(1)) - YEARS_PER_COPY * k:04d}-{m.group(2)}"^^<http://www.w3.org/2001/XMLSchema#date>'

    return _DATE.sub(older, text)


def _graph_of(line: str) -> str:
    return line.rstrip(" .").rsplit(" ", 1)[-1]


def replicate(nquads: str, min_quads: int) -> tuple[str, float, int]:
    """N-Quads repeated under distinct article-scoped IRIs until >= min_quads lines.

    Returns (text, copies, quads). Copy 0 is the original; copy k appends
    ``~c<k>`` to article/graph/event/claim/role/sentence IRIs and blank-node
    labels; entity IRIs are shared; the ontology and entity-name graphs appear
    once; the co-mention counts are left out (:func:`load_big_store` recounts
    them over all copies). The last copy stops at the first article graph
    boundary past the target, so ``copies`` may be fractional.
    """
    lines = [ln for ln in nquads.splitlines() if ln.strip()]
    once = (_ONTOLOGY_GRAPH, _ENTITY_GRAPH)  # shared by every copy: the entities keep their IRIs
    onto = [ln for ln in lines if _graph_of(ln) in once]
    facts = [ln for ln in lines if _graph_of(ln) not in (*once, *_DERIVED)]
    facts.sort(key=_graph_of)  # whole article graphs together, so a copy can stop between them
    blocks, n, k = ["\n".join(onto)] if onto else [], len(onto), 0
    while n < min_quads and facts:
        end = min(len(facts), min_quads - n)
        while end < len(facts) and _graph_of(facts[end]) == _graph_of(facts[end - 1]):
            end += 1  # finish the article graph
        text = "\n".join(facts[:end])
        if k:
            suffix = f"~c{k}"
            text = _ARTICLE_SCOPED.sub(lambda m: f"<{m.group(1)}{suffix}>", text)
            text = _BNODE.sub(lambda m: f"{m.group(1)}_:{m.group(2)}c{k}", text)
            text = shift_dates(text, k)
        blocks.append(text)
        n += end
        k += 1
    copies = round((n - len(onto)) / max(1, len(facts)), 2)
    return "\n".join(blocks) + "\n", copies, n


def canned_queries() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES_DIR.glob("*.rq"))}


# A query slower than this on its warm-up run is timed by that one run only:
# repeating a multi-second rdflib query five times would only lengthen the run.
SLOW_MS = 2000.0


def _median_ms(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median wall time of ``repeats`` runs after a warm-up run (whose result is returned)."""
    t = time.perf_counter()
    result = fn()  # warm-up (and the result, for the row count)
    first = (time.perf_counter() - t) * 1000
    if first > SLOW_MS:
        return first, result
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def _count_rows(result: Any) -> int:
    """Rows of a SELECT, triples of a CONSTRUCT, 0/1 for an ASK (both engines)."""
    try:
        return sum(1 for _ in result)
    except TypeError:  # an ASK answer
        return int(bool(result))


def measure_sparql(store_dir: Path, nt_file: Path, queries: dict[str, str], repeats: int,
                   timeout: float, log: Callable[[str], None]) -> list[dict[str, Any]]:
    """Median ms of each canned query with Oxigraph (kg's Store) and with rdflib, side by side.

    Both engines run in helper processes (:func:`_engine_child`) so that a
    query slower than ``timeout`` seconds can be stopped: it is then reported
    as ``timeout`` with ``*_timed_out`` set, and its speed-up is a bound (or
    unknown when both engines timed out).
    """
    rows = {name: {"query": name} for name in queries}
    log("SPARQL: oxigraph (kg Store.query)")
    for name, res in engine_times("oxigraph", store_dir, queries, repeats, timeout).items():
        rows[name].update({"oxigraph_" + k: v for k, v in res.items()})
    log("SPARQL: rdflib (one Graph, loaded once)")
    for name, res in engine_times("rdflib", nt_file, queries, repeats, timeout).items():
        rows[name].update({"rdflib_" + k: v for k, v in res.items()})
    for r in rows.values():
        ox_ms, rd_ms = r.get("oxigraph_ms"), r.get("rdflib_ms")
        ox_out, rd_out = r.get("oxigraph_timed_out", False), r.get("rdflib_timed_out", False)
        if ox_ms is None or rd_ms is None or (ox_out and rd_out):
            r["speedup"] = None
        else:
            r["speedup"] = round(rd_ms / max(ox_ms, 1e-3), 1)
            r["speedup_bound"] = ">=" if rd_out else ("<=" if ox_out else "=")
    return list(rows.values())


def engine_times(engine: str, data: Path, queries: dict[str, str], repeats: int,
                 timeout: float) -> dict[str, dict[str, Any]]:
    """``{query: {"ms", "rows"} | {"ms": time it ran, "timed_out": True}}`` from one helper process."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(queries, fh)
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--_engine", engine, str(data),
                               fh.name, str(repeats), str(timeout)], capture_output=True, text=True)
    finally:
        os.unlink(fh.name)
    if proc.returncode != 0:
        raise SystemExit(f"{engine} helper failed:\n{proc.stderr[-3000:]}")
    lines = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.strip()]
    load_s = lines[0]["load_s"]
    out: dict[str, dict[str, Any]] = {}
    for res in lines[1:]:
        name = res.pop("query")
        out[name] = {**res, "load_s": load_s}  # a stopped query's "ms" is how long it ran: a lower bound
    return out


def _engine_child(engine: str, data: str, qfile: str, repeats: int, timeout: float) -> None:
    """``--_engine``: load the data once, then time each query in a fork of this process.

    oxigraph: kg's Store opened read-only on the store directory (queries run
    through ``Store.query``: union default graph, project prefixes). rdflib:
    the N-Triples file parsed into one ``Graph``, queries run with the same
    prefixes. A fork per query means a query past the timeout is killed
    without reloading the data for the next one. Prints JSON lines: the load
    time, then one line per query.
    """
    import select

    from kg.graph.namespaces import PREFIXES

    t = time.perf_counter()
    if engine == "oxigraph":
        from kg.graph.store import Store

        store = Store(Path(data), read_only=True)

        def run_query(text: str) -> int:
            return _count_rows(store.query(text))
    else:
        from rdflib import Graph

        g = Graph()
        g.parse(data, format="nt")
        ns = dict(PREFIXES)

        def run_query(text: str) -> int:
            return _count_rows(g.query(text, initNs=ns))
    print(json.dumps({"load_s": round(time.perf_counter() - t, 1)}), flush=True)
    for name, text in json.loads(Path(qfile).read_text(encoding="utf-8")).items():
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, report, leave without cleanup (never return into the loop)
            try:
                os.close(r)
                ms, rows = _median_ms(lambda: run_query(text), repeats)
                report = {"query": name, "ms": round(ms, 2), "rows": rows}
            except BaseException as exc:  # noqa: BLE001 - an engine refusing a query is a result
                report = {"query": name, "error": f"{type(exc).__name__}: {str(exc)[:300]}"}
            try:
                os.write(w, json.dumps(report).encode())
            finally:
                os._exit(0)
        os.close(w)
        # the timeout bounds the first run; slow queries are not repeated (see _median_ms)
        waited = time.perf_counter()
        ready, _, _ = select.select([r], [], [], timeout + repeats * SLOW_MS / 1000 + 5)
        waited = time.perf_counter() - waited
        data_out = b""
        if ready:
            while chunk := os.read(r, 65536):
                data_out += chunk
        else:
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(r)
        print(data_out.decode() if data_out else json.dumps({"query": name, "timed_out": True,
                                                             "ms": round(waited * 1000)}), flush=True)


def load_big_store(nquads: str, store_dir: Path) -> int:
    """Bulk-load N-Quads into a fresh on-disk store (pyoxigraph's bulk loader)."""
    import pyoxigraph as ox

    from kg.graph.store import Store

    store = ox.Store(str(store_dir))
    store.bulk_load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    with Store(store_dir) as kg_store:  # the copies' co-mention counts and summaries: recomputed, not copied
        kg_store.rebuild_co_mentions()
        kg_store.rebuild_summaries()
        return len(kg_store)


def write_triples_nt(store_dir: Path, path: Path) -> int:
    """The union of every graph as N-Triples (duplicates across graphs written once)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store}
    with path.open("wb") as fh:
        ox.serialize(triples, fh, ox.RdfFormat.N_TRIPLES)
    return len(triples)


def measure_export(store_dir: Path, out: Path, triples: int) -> list[dict[str, Any]]:
    from kg.graph.store import Store

    try:
        from kg.export.serialize import write_export
        how = "kg.export.serialize.write_export"
    except ImportError:
        write_export = None
        how = "pyoxigraph Store.dump (project exporter missing)"
    rows = []
    with Store(store_dir, read_only=True) as store:
        for fmt, ext in (("turtle", "ttl"), ("nt", "nt")):
            path = out / f"export.{ext}"
            t = time.perf_counter()
            if write_export is not None:
                write_export(store, fmt, path)
            else:
                import pyoxigraph as ox

                quads = (ox.Triple(q.subject, q.predicate, q.object) for q in store.ox)
                with path.open("wb") as fh:
                    ox.serialize(quads, fh, ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES)
            seconds = time.perf_counter() - t
            rows.append({"format": fmt, "via": how, "seconds": round(seconds, 2),
                         "triples_per_s": round(triples / seconds), "bytes": path.stat().st_size})
            path.unlink()
    return rows


def measure_explorer(store_dir: Path, out: Path) -> dict[str, Any]:
    """Load-and-settle time of the explorer page, or a note saying why it was skipped."""
    if not have_chromium():
        return {"skipped": "no chromium on this machine"}
    try:
        from kg.export.explorer import write_explorer
    except ImportError:
        return {"skipped": "kg.export.explorer.write_explorer not available yet"}
    measure = _find_measure_load()
    if measure is None:
        return {"skipped": "no page-load measuring helper (measure_load) found"}
    from kg.graph.store import Store

    page = out / "explorer.html"
    t = time.perf_counter()
    with Store(store_dir, read_only=True) as store:
        write_explorer(store, page)
    write_s = time.perf_counter() - t
    try:
        result = measure(page)
    except Exception as exc:  # noqa: BLE001 - a page problem is a finding, not a benchmark crash
        return {"write_s": round(write_s, 2), "error": f"{type(exc).__name__}: {exc}"}
    if isinstance(result, dict):
        return {"write_s": round(write_s, 2), "bytes": page.stat().st_size, **result}
    return {"write_s": round(write_s, 2), "bytes": page.stat().st_size, "load_s": result}


def have_chromium() -> bool:
    try:
        from kg.export.explorer_check import find_chromium
    except ImportError:
        return bool(shutil.which("chromium") or shutil.which("chromium-browser"))
    return find_chromium() is not None


def _find_measure_load() -> Callable[[Path], Any] | None:
    import importlib

    for module in ("kg.export.explorer_check", "kg.export.explorer"):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        fn = getattr(mod, "measure_load", None)
        if callable(fn):
            return fn
    return None


def measure_add_one(mode: str, base_store: Path, extra: Path, work: Path) -> dict[str, Any]:
    """One new article into a copy of the big store vs into an empty store (both via `kg build`)."""
    if mode != "kg-build":
        return {"skipped": "kg build --jobs not available"}
    grown = work / "store-add-one"
    shutil.copytree(base_store, grown)
    folder = link_folder([extra], work / "corpus-one")
    add = run_child(build_cmd(mode, folder, grown, 1), cwd=work)
    alone = run_child(build_cmd(mode, folder, work / "store-one-alone", 1), cwd=work)
    return {"article": extra.name, "add_to_store_s": round(add.seconds, 2),
            "build_alone_s": round(alone.seconds, 2),
            "ratio": round(add.seconds / alone.seconds, 2),
            "ok": add.returncode == 0 and alone.returncode == 0}


# --- report ------------------------------------------------------------------


def headline(builds: list[dict], floor: dict, sparql: list[dict]) -> dict[str, float | None]:
    big = max(r["n"] for r in builds)
    small = min(r["n"] for r in builds)
    by = {(r["n"], r["jobs"]): r for r in builds}
    j1, j2 = by.get((big, 1)), by.get((big, 2))
    speedups = [r["speedup"] for r in sparql if r.get("speedup") is not None]
    return {
        "build_vs_ner": round(j1["chars_per_s"] / floor["chars_per_s"], 2) if j1 else None,
        "jobs2_speedup": round(j2["articles_per_s"] / j1["articles_per_s"], 2) if j1 and j2 else None,
        "rss_2000_over_200": round(by[(big, 1)]["peak_rss_mb"] / by[(small, 1)]["peak_rss_mb"], 2),
        "sparql_speedup_vs_rdflib_min": min(speedups) if speedups else None,
        "sparql_median_ms_max": max((r["oxigraph_ms"] for r in sparql if "oxigraph_ms" in r), default=None),
    }


def _meets(key: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    op, target = TARGETS[key]
    ok = value >= target if op == ">=" else value <= target
    return "yes" if ok else "NO"


def print_report(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    d = results["details"]
    m = d["machine"]
    console.print(f"{m['cpus']} CPUs, Python {m['python']}, load average {m['loadavg_start']} at the start, "
                  f"{m['loadavg_end']} at the end of the run ({d['total_s']} s)")
    t = Table(title="Headline")
    for col in ("figure", "value", "target", "met"):
        t.add_column(col)
    for key, (op, target) in TARGETS.items():
        value = results[key]
        t.add_row(key, "n/a" if value is None else str(value), f"{op} {target:g}", _meets(key, value))
    console.print(t)

    t = Table(title=f"Build ({d['builds'][0]['mode']})")
    for col in ("N", "jobs", "s", "articles/s", "chars/s", "peak RSS MB", "tree RSS MB"):
        t.add_column(col, justify="right")
    for r in d["builds"]:
        t.add_row(str(r["n"]), str(r["jobs"]), str(r["seconds"]), str(r["articles_per_s"]),
                  f"{r['chars_per_s']:,}", str(r["peak_rss_mb"]), str(r["tree_rss_mb"]))
    f = d["floor"]
    t.add_row(str(f["n"]), "ner", str(f["seconds"]), str(f["articles_per_s"]), f"{f['chars_per_s']:,}", "", "")
    console.print(t)
    console.print(f"floor: bare underthesea.ner over the {f['sentences']:,} sentences of the N={f['n']} set "
                  "only (the N=2,000 set would take too long in one run)")

    s = d["sparql"]
    t = Table(title=f"SPARQL, {s['quads']:,} quads ({s['triples']:,} distinct triples), "
                    f"{s['copies']} copies; median of {s['repeats']} runs, ms")
    for col in ("query", "oxigraph", "rdflib Graph", "speed-up", "rows ox/rdflib"):
        t.add_column(col, justify="right")

    def ms(r: dict[str, Any], engine: str) -> str:
        v = r.get(f"{engine}_ms")
        if r.get(f"{engine}_error"):
            return "error"
        if v is None:
            return "n/a"
        return f"> {v:,.0f}" if r.get(f"{engine}_timed_out") else f"{v:,.1f}"

    for r in s["queries"]:
        bound = {">=": "≥ ", "<=": "≤ "}.get(r.get("speedup_bound", ""), "")
        sp = "n/a" if r.get("speedup") is None else f"{bound}{r['speedup']}×"
        t.add_row(r["query"], ms(r, "oxigraph"), ms(r, "rdflib"), sp,
                  f"{r.get('oxigraph_rows', '-')}/{r.get('rdflib_rows', '-')}")
    console.print(t)
    for r in s["queries"]:
        for engine in ("oxigraph", "rdflib"):
            if r.get(f"{engine}_error"):
                console.print(f"{r['query']}: {engine} error: {r[f'{engine}_error']}")
    first = s["queries"][0] if s["queries"] else {}
    console.print(f"load: oxigraph bulk_load {s['ox_load_s']} s (store open {first.get('oxigraph_load_s', 'n/a')} s); "
                  f"rdflib Graph parse {first.get('rdflib_load_s', 'n/a')} s; "
                  f"'> N' = stopped after N ms (timeout {s['timeout_s']:g} s for a first run, "
                  "plus the time repeats of a fast query would need)")

    t = Table(title="Export of the SPARQL store")
    for col in ("format", "s", "triples/s", "MB", "via"):
        t.add_column(col)
    for r in d["export"]:
        t.add_row(r["format"], str(r["seconds"]), f"{r['triples_per_s']:,}", f"{r['bytes'] / 2**20:.1f}", r["via"])
    console.print(t)

    if "skipped" not in d.get("scale_out", {"skipped": ""}):
        from scale import print_scale

        print_scale(d["scale_out"], console)
    console.print(f"explorer: {d['explorer']}")
    console.print(f"add one article: {d['add_one']}")

    c = d["corpus"]
    t = Table(title=f"Whole-corpus build: {c['files']} files, {c['distinct_articles_read']} distinct articles read, "
                    f"{c['articles']} in the store ({'complete' if c['complete'] else 'INCOMPLETE'}; "
                    f"last run built {c['built_now']}, failed in both runs {c['failed']}), "
                    f"{c['seconds']} s; mean facts per article")
    for col in ("category", "files", "articles", "entities", "roles", "events", "claims"):
        t.add_column(col, justify="right")
    for cat, r in c["categories"].items():
        t.add_row(cat, str(r["files"]), str(r["articles"]), str(r["entities"]), str(r["roles"]),
                  str(r["events"]), str(r["claims"]))
    console.print(t)


# --- main --------------------------------------------------------------------


def run(plan: Plan, corpus: Path, json_path: Path | None, browser: bool, keep: Path | None = None,
        news2025: Path | None = None) -> dict[str, Any]:
    from rich.console import Console

    console = Console(stderr=True)
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        console.log(f"[{time.perf_counter() - t0:6.0f} s] {msg}")

    # Other processes on the machine skew every figure (jobs2_speedup most): the
    # load average at the start and end of the run is kept with the results.
    load_start = [round(x, 2) for x in os.getloadavg()]
    order = corpus_order(corpus)
    if len(order) <= plan.big:
        raise SystemExit(f"{corpus}: {len(order)} files, need more than {plan.big}")
    work = Path(tempfile.mkdtemp(prefix="kg-bench-", dir=keep))
    try:
        mode = build_mode()
        whole = order if plan.whole_corpus else order[: plan.big]
        log(f"reading {len(whole)} articles (body lengths, sentences)")
        texts = read_all(whole)
        builds = measure_builds(mode, order, texts, plan, work, log)
        log(f"floor: underthesea.ner over the N={plan.small} set")
        floor = measure_floor(order, texts, plan.small)

        # Whole corpus (full run): `kg build` of the files not in the N=2,000 set
        # into a copy of the N=2,000 --jobs 2 store, so the store ends with every
        # file of the corpus, built by two `kg build` runs (a third full build
        # would not fit the time budget). --quick: the N=20 store.
        jobs_max = max(j for _, j in plan.builds)
        summary: dict[str, Any] = {}
        if plan.whole_corpus and mode == "kg-build":
            log(f"whole corpus: the other {len(whole) - plan.big} files, --jobs {jobs_max}, "
                f"into a copy of the N={plan.big} store")
            folder = link_folder(whole[plan.big:], work / "corpus-rest")
            corpus_store = work / "store-all"
            shutil.copytree(work / f"store-{plan.big}-j{jobs_max}", corpus_store)
            run_all = run_child(build_cmd(mode, folder, corpus_store, jobs_max), cwd=work)
            seconds, ok = run_all.seconds, run_all.returncode == 0
            summary = _json_or_none(run_all.stdout) or {}
            first = next(r for r in builds if r["n"] == plan.big and r["jobs"] == jobs_max)["summary"] or {}
            summary["failed"] = (summary.get("failed") or 0) + (first.get("failed") or 0)
            if not ok:
                console.print(run_all.stderr[-3000:])
        else:
            corpus_store = work / f"store-{plan.big}-j1"
            row = next(r for r in builds if r["n"] == plan.big and r["jobs"] == 1)
            seconds, ok, summary = row["seconds"], True, row["summary"] or {}
        if mode == "kg-build":
            cats = facts_per_category(corpus_store, whole)
            n_arts = sum(r["articles"] for r in cats.values())
        else:
            cats, n_arts = {}, len(texts)
        corpus_info = {"files": len(whole), "distinct_articles_read": len(texts), "articles": n_arts,
                       "seconds": round(seconds, 1), "exit_ok": ok, "failed": summary.get("failed"),
                       "built_now": summary.get("built"), "skipped_unchanged": summary.get("skipped"),
                       "complete": ok and not summary.get("failed") and n_arts == len(texts),
                       "categories": cats}

        big_store_src = corpus_store if mode == "kg-build" else None
        if big_store_src is None:
            raise SystemExit("no store to query: `kg build --jobs` is not wired yet")
        log("SPARQL: replicating the corpus store")
        import pyoxigraph as ox

        src = ox.Store.read_only(str(big_store_src))
        nquads = src.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
        del src
        # Entity triples are shared by the copies, so distinct triples (what the
        # rdflib Graph holds) come to ~93% of the quads: aim 15% over the target.
        text, copies, _ = replicate(nquads, int(plan.min_triples * 1.15))
        del nquads
        big = work / "store-big"
        t = time.perf_counter()
        quads = load_big_store(text, big)
        ox_load_s = round(time.perf_counter() - t, 1)
        del text
        nt_file = work / "union.nt"
        triples = write_triples_nt(big, nt_file)
        log(f"SPARQL: {quads:,} quads, {triples:,} distinct triples; timing queries")
        queries = canned_queries()
        qrows = measure_sparql(big, nt_file, queries, plan.repeats, plan.query_timeout, log)
        log("export")
        export = measure_export(big, work, quads)
        log("explorer")
        explorer = (measure_explorer(work / f"store-{plan.big}-j1", work) if browser
                    else {"skipped": "--no-browser"})
        log("add one article")
        add_one = measure_add_one(mode, work / f"store-{plan.big}-j1", order[plan.big], work)
        scale_out: dict[str, Any] = {"skipped": "--no-scale"}
        if plan.scale:  # bench/scale.py: 10 M triples, --cluster vs --jobs, remote stores (--quick: a smoke run)
            from scale import run_scale

            log("scale-out (bench/scale.py)")
            scale_out = run_scale(quick=plan.quick, corpus=corpus, from_store=corpus_store, work=work,
                                  timeout=plan.query_timeout)

        results: dict[str, Any] = headline(builds, floor, qrows)
        results["targets"] = {k: f"{op} {v:g}" for k, (op, v) in TARGETS.items()}
        results["details"] = {
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                        "loadavg_start": load_start, "loadavg_end": [round(x, 2) for x in os.getloadavg()],
                        "platform": platform.platform(), "quick": plan.quick},
            "builds": builds, "floor": floor, "corpus": corpus_info,
            "sparql": {"quads": quads, "triples": triples, "copies": copies, "repeats": plan.repeats,
                       "timeout_s": plan.query_timeout,
                       "ox_load_s": ox_load_s, "queries": qrows,
                       "note": "queries: ontology/queries/*.rq; oxigraph via kg Store.query (union default "
                               "graph); rdflib: one Graph with the union of the article graphs"},
            "export": export, "explorer": explorer, "add_one": add_one, "scale_out": scale_out,
        }
        if news2025 is not None and not plan.quick:  # its own section: a crawler's CSV files (bench/news2025.py)
            from news2025 import measure_news2025

            results["details"]["news2025"] = measure_news2025(news2025, jobs=2, log=log)
        results["details"]["total_s"] = round(time.perf_counter() - t0, 1)
        if json_path is not None:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return results
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # internal helper modes (child processes of this script)
    if argv[:1] == ["--_extract"]:
        _extract_child(argv[1], int(argv[3]))
        return 0
    if argv[:1] == ["--_engine"]:
        _engine_child(argv[1], argv[2], argv[3], int(argv[4]), float(argv[5]))
        return 0
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes (10/20 articles, 20k triples, 3 repeats, 5 s query timeout): "
                             "the smoke test's run, under a minute")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results here (e.g. bench/results.json)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"UNC corpus folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--no-browser", action="store_true", help="skip the explorer's load time in Chromium")
    parser.add_argument("--query-timeout", type=float, default=None, metavar="S",
                        help="stop a SPARQL query (either engine) after S seconds "
                             "(default 10; --quick: 5)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the temporary stores under DIR")
    parser.add_argument("--no-scale", action="store_true",
                        help="skip the scale-out sections (10 M triples, --cluster, remote stores: bench/scale.py)")
    parser.add_argument("--news2025", type=Path, default=None, metavar="DIR",
                        help="the crawler corpus built whole with --jobs 2 in the full run "
                             "(default: ../shared/corpora/news2025 when it exists; never with --quick)")
    parser.add_argument("--no-news2025", action="store_true", help="skip the news2025 section")
    args = parser.parse_args(argv)
    plan = Plan.quick_plan() if args.quick else Plan()
    if args.query_timeout is not None:
        plan.query_timeout = args.query_timeout
    plan.scale = not args.no_scale
    from news2025 import DEFAULT_NEWS2025, print_news2025

    news = None if args.no_news2025 else (args.news2025 or (DEFAULT_NEWS2025 if DEFAULT_NEWS2025.is_dir() else None))
    results = run(plan, args.corpus, args.json, not args.no_browser, args.keep, news2025=news)
    print_report(results)
    if "news2025" in results["details"]:
        print_news2025(results["details"]["news2025"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
