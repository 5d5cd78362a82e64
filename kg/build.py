"""``build``: files -> articles -> extractions -> the store -> exports.

The library entry behind ``kg build`` (the CLI is a thin face over it)::

    from kg.build import build
    summary = build(["../shared/seeds"], out="exports")   # store in exports/store

How a build runs, and why:

1. **Read** every input (``kg.read.read_articles``): a bad file is a warning and
   is skipped, or fatal with ``strict=True``. Articles are read up front (cheap
   next to NLP) so the progress bar knows its total.
2. **Skip what is done.** Each article's fingerprint hashes its content and the
   pipeline's code and lexicons; an article whose graph in the store carries
   the same fingerprint (written last, in the same transaction as its facts) is
   skipped, so re-running a build is idempotent and cheap, and an interrupted
   build resumes where it stopped. ``force=True`` rebuilds everything.
3. **Extract** in batches with :func:`kg.parallel.extract_all` (``jobs`` worker
   processes; per-article work is the picklable :func:`kg.pipeline.process`).
4. **Write**, in this process only (single writer): one article = one named
   graph = one transaction (:meth:`kg.graph.store.Store.replace_article`).
   Article ids come from the content, so an edited file yields a new id: the
   older version read from the same source is dropped in that same transaction.
5. **Link across** the whole store (:func:`kg.link.across.relink_store`): each
   article graph records the names its own linking gave its persons, and the
   person links ("Peskov" -> Dmitry Peskov) are recomputed from the set of
   names in the store; articles whose links changed are rewritten. So the
   graph is the same whatever order the articles were built in.
6. **Export** ``graph.ttl`` and ``explorer.html`` beside the store with the
   export engineers' functions; a missing exporter is skipped with a note.

Test hook: ``KG_TEST_DIE_AFTER=N`` makes the process ``os._exit`` right after
the N-th article is written (no flush, no cleanup), to prove that a killed
build leaves a readable store with every finished article intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .errors import InputError, KgError
from .graph.rdf import extraction_triples, mark_built, ontology_graph
from .graph.store import Store, default_out_dir, default_store_dir, source_key
from .model import Article, Extraction
from .parallel import batched

DIE_AFTER_ENV = "KG_TEST_DIE_AFTER"
DEFAULT_BATCH = 32
EXPORT_TURTLE = "graph.ttl"
EXPORT_EXPLORER = "explorer.html"

# what the pipeline's output depends on: a change here re-builds every article
_PIPELINE_CODE = ("read", "clean", "nlp", "lexicon", "extract", "link", "graph")
_PIPELINE_FILES = ("pipeline.py", "model.py", "parallel.py")


@dataclass(slots=True)
class BuildSummary:
    """What a build did. ``to_dict()`` is what ``kg build --json`` prints."""

    articles: int = 0  # articles read from the inputs (duplicates counted once)
    built: int = 0  # articles extracted and written
    skipped: int = 0  # unchanged since the last build (same fingerprint)
    failed: int = 0  # input files or articles that could not be read or extracted
    entities: int = 0  # distinct entities in the articles built now
    roles: int = 0
    events: int = 0
    claims: int = 0
    triples: int = 0  # triples written now (all article graphs of this build)
    store_articles: int = 0  # articles in the store afterwards
    store_quads: int = 0  # quads in the store afterwards (ontology included)
    seconds: float = 0.0
    store: str | None = None
    exports: dict[str, str] = field(default_factory=dict)  # name -> path written
    notes: list[str] = field(default_factory=list)  # exports skipped, and why
    errors: list[str] = field(default_factory=list)  # one line per failed input/article/export

    @property
    def ok(self) -> bool:
        """False when inputs failed and nothing was read or built, or an export failed."""
        nothing_done = self.failed > 0 and (self.articles == 0 or self.built + self.skipped == 0)
        return not nothing_done and not any(e.startswith("export:") for e in self.errors)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["seconds"] = round(self.seconds, 3)
        d["ok"] = self.ok
        return d


@cache
def pipeline_fingerprint() -> str:
    """A hash of the code and data the extraction depends on (stable across runs)."""
    from . import __version__
    from .resources import ontology_dir

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    files: list[Path] = [root / f for f in _PIPELINE_FILES]
    for pkg in _PIPELINE_CODE:
        files.extend(sorted((root / pkg).rglob("*.py")))
    lexicons = ontology_dir() / "lexicons"
    if lexicons.is_dir():
        files.extend(sorted(p for p in lexicons.rglob("*") if p.is_file()))
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:16]


def article_fingerprint(article: Article) -> str:
    """Content + pipeline: equal fingerprints mean rebuilding would write the same graph.

    The source path counts in its one spelling (:func:`source_key`), as the graph records it.
    """
    record = article.to_dict()
    record["source"] = source_key(article.source)
    data = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((pipeline_fingerprint() + "\x1f" + data).encode("utf-8")).hexdigest()[:24]


def relink(store: Store) -> int:
    """Recompute the cross-article person links of the whole store (see :func:`kg.link.across.relink_store`)."""
    try:
        from .link.across import relink_store
    except ImportError:  # the cross-article linker is optional for the graph layer
        return 0
    return relink_store(store)


def _extract(
    articles: Iterable[Article], jobs: int, strict: bool, report: Callable[[str], None],
    cluster: Any = None,
) -> Iterator[Extraction]:
    """One extraction stream for the whole build, in input order.

    One stream (not one per batch) keeps the workers busy while this process
    links and writes the previous batch. A failing article is reported and
    skipped, or fatal with ``strict``.
    """
    from .parallel import ExtractionError, extract_all

    def failed(err: ExtractionError) -> None:
        report(str(err))

    if cluster is not None:  # --cluster: the same work as Dask tasks (kg.cluster)
        from .cluster import extract_on_cluster

        client, address = cluster
        yield from extract_on_cluster(articles, address, client=client, on_error=None if strict else failed)
        return
    yield from extract_all(articles, jobs=jobs, on_error=None if strict else failed)


def _die_after() -> int | None:
    value = os.environ.get(DIE_AFTER_ENV)
    return int(value) if value and value.isdigit() else None


def _progress_label(source: str, width: int = 40) -> str:
    """The file an article came from, by name (``a.jsonl:12`` keeps its line);
    a name longer than ``width`` loses its middle, never its start or extension."""
    name = Path(source).name or source
    if len(name) <= width:
        return name
    keep = width - 1
    return name[: keep - keep // 2] + "…" + name[-(keep // 2):]


class _Progress:
    """A rich progress bar on stderr when it is a terminal and the build is not quiet."""

    def __init__(self, total: int, enabled: bool) -> None:
        self._bar = None
        if enabled and total > 0:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("[bold]building[/]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                TextColumn("{task.description}"), console=Console(stderr=True), transient=True,
            )
            self._task = self._bar.add_task("", total=total)
            self._bar.start()

    def advance(self, what: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=_progress_label(what))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def write_exports(store: Store, out: str | os.PathLike[str], summary: BuildSummary | None = None) -> BuildSummary:
    """``out/graph.ttl`` and ``out/explorer.html``, each skipped with a note until its exporter exists."""
    summary = summary if summary is not None else BuildSummary()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        from .export.serialize import write_export
    except ImportError:
        summary.notes.append(f"{EXPORT_TURTLE} skipped: kg.export.serialize.write_export is not available yet")
    else:
        try:
            summary.exports["turtle"] = str(write_export(store, "turtle", out_dir / EXPORT_TURTLE))
        except KgError as exc:
            summary.errors.append(f"export: {exc}")
    try:
        from .export.explorer import write_explorer
    except ImportError:
        summary.notes.append(f"{EXPORT_EXPLORER} skipped: kg.export.explorer.write_explorer is not available yet")
    else:
        try:
            page = write_explorer(store, out_dir / EXPORT_EXPLORER)
            summary.exports["explorer"] = str(getattr(page, "path", None) or out_dir / EXPORT_EXPLORER)
        except KgError as exc:
            summary.errors.append(f"export: {exc}")
    return summary


def build(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    store: Store | str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    jobs: int = 1,
    quiet: bool = True,
    *,
    strict: bool = False,
    force: bool = False,
    exports: bool = True,
    batch_size: int = DEFAULT_BATCH,
    on_error: Callable[[str], None] | None = None,
    columns: Mapping[str, str] | None = None,
    context: Iterable[str | os.PathLike[str]] = (),
    cluster: str | None = None,
    cluster_workers: int | None = None,
) -> BuildSummary:
    """Build ``paths`` into ``store`` and write the exports; returns a :class:`BuildSummary`.

    ``store``: a :class:`Store` (left open), a directory, or None for
    ``<out>/store`` (``exports/store`` by default). Exports go to ``out``; when a
    Store object is given and ``out`` is None, no exports are written.
    ``quiet=False`` shows a progress bar when stderr is a terminal. Problems
    with single inputs go to ``on_error`` (default: a warning on stderr) and
    the build goes on, unless ``strict``. ``columns`` names the columns of
    tables of articles (see :mod:`kg.read.table`); ``context`` holds more
    articles of the same outlets, read only to learn the teasers a site glues
    on (:func:`kg.read.read_articles`). ``cluster``: a Dask scheduler address
    (or ``"local"``, with ``cluster_workers`` processes) that extracts instead of
    ``jobs`` local workers (see :mod:`kg.cluster`). ``store`` may also be a
    SPARQL endpoint URL (see :mod:`kg.graph.backends`).
    """
    started = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    summary = BuildSummary()

    def report(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error is not None:
            on_error(message)
        else:
            print(f"kg: warning: {message} (skipped)", file=sys.stderr)

    owns_store = isinstance(store, (str, os.PathLike, type(None)))
    if out is None and store is None:
        out = default_out_dir()
    if not isinstance(store, (str, os.PathLike, type(None))):
        db = store  # an open store (embedded or remote), left open
    else:
        from .graph.backends import open_store

        db = open_store(store if store is not None else default_store_dir(out))
    summary.store = str(db.path) if db.path else getattr(db, "url", None)
    client = None
    try:
        if cluster is not None:  # connect first: an unreachable scheduler fails before any work
            from .cluster import connect

            client = connect(cluster, workers=cluster_workers)
        db.ensure_ontology(ontology_graph())

        from .parallel import start_workers
        from .read import count_inputs, read_articles

        if client is None:
            start_workers(jobs)  # they warm up (lexicons, models) while this process reads

        def input_error(err: InputError) -> None:
            report(str(err))

        done = {} if force else db.article_fingerprints()
        fingerprints: dict[str, str] = {}
        seen: set[str] = set()

        def todo(articles: Iterable[Article]) -> Iterator[Article]:
            """The articles to build, in input order: duplicates and unchanged ones left out."""
            for article in articles:
                if article.id in seen:
                    continue
                seen.add(article.id)
                summary.articles += 1
                fp = article_fingerprint(article)
                if done.get(article.id) == fp:
                    summary.skipped += 1
                    progress.advance(article.source)
                    continue
                fingerprints[article.id] = fp
                yield article

        # Reading streams into extraction, so the workers start on the first
        # articles while this process reads the rest (and the corpus is never
        # held in memory). --strict reads everything first: a bad file then
        # stops the build before anything is written.
        read = read_articles(paths, strict=strict, on_error=input_error, columns=columns, context=context)
        articles: Iterable[Article] = list(read) if strict else read
        progress = _Progress(count_inputs(paths), enabled=not quiet and sys.stderr.isatty())
        die_after = _die_after()
        by_source: dict[str, list[str]] | None = None  # read from the store once there is work
        entities: set[str] = set()
        try:
            def advancing(stream: Iterator[Extraction]) -> Iterator[Extraction]:
                for x in stream:  # NLP: the slow part, shown as it goes
                    progress.advance(x.article.source)
                    yield x

            stream = advancing(_extract(todo(articles), jobs, strict, report,
                                        None if client is None else (client, cluster)))
            for extracted in batched(stream, max(1, batch_size)):
                if by_source is None:
                    by_source = db.articles_by_source()
                for x in extracted:  # the single writer: one article, one transaction
                    graph = extraction_triples(x)
                    mark_built(graph, x.article.id, fingerprints[x.article.id])
                    older = by_source.get(source_key(x.article.source), [])  # same document, older text
                    summary.triples += db.replace_article(x.article.id, graph, supersedes=older)
                    summary.built += 1
                    entities.update(x.entities)
                    summary.roles += len(x.roles)
                    summary.events += len(x.events)
                    summary.claims += len(x.claims)
                    if die_after is not None and summary.built >= die_after:
                        os._exit(70)  # test hook: die like a killed process (no flush, no cleanup)
                # Oxigraph buffers writes in RocksDB memtables (one per index); left alone
                # they grow with the corpus (peak RSS x3 from 200 to 2,000 articles).
                # Flushing per batch keeps memory flat and costs little.
                db.flush()
        finally:
            progress.close()
        summary.entities = len(entities)
        # Each article is written as its own linking named its persons; the links
        # across articles are then recomputed over the whole store, so the graph
        # does not depend on the order articles were built in.
        relinked = relink(db)
        if summary.built or relinked:
            db.refresh_co_mention_floor()
        db.refresh_summaries()  # the top/recent lists (kg.graph.summaries); a store from before them gets its summaries
        db.flush()
        summary.store_articles = len(db.article_ids())
        summary.store_quads = len(db)
        if exports and out is not None:
            if summary.articles == 0:  # `kg build /nonexistent`: the last good exports stay
                summary.notes.append(f"{EXPORT_TURTLE} and {EXPORT_EXPLORER} left as they were: nothing was read")
            else:
                write_exports(db, out, summary)
    finally:
        if client is not None:
            from .cluster import close

            close(client)
        if owns_store:
            db.close()
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["BuildSummary", "build", "write_exports", "pipeline_fingerprint", "article_fingerprint", "DIE_AFTER_ENV"]


class _CallableModule(types.ModuleType):
    """``kg.build(paths, …)`` keeps working once this module is imported.

    ``kg/__init__.py`` offers ``kg.build`` as a function, but importing the
    submodule ``kg.build`` rebinds that attribute to the module. Making the
    module callable (delegating to :func:`build`) keeps the documented
    ``kg.build(paths, store=…)`` entry valid in either import order.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> BuildSummary:
        return build(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
