"""Run the per-article pipeline over many articles, on one core or several.

:func:`kg.pipeline.process` is the unit of work: one picklable
:class:`~kg.model.Article` in, one picklable :class:`~kg.model.Extraction`
out, no shared state. NLP dominates its cost (underthesea's CRF cascade), and
CPython runs it on one core, so ``jobs > 1`` spreads articles over a process
pool. Three promises make the pool invisible to the caller:

* **Same output.** Results come back in input order, whatever order workers
  finish in, so a build with ``jobs=2`` writes the same graph as ``jobs=1``.
  Only the parent writes to the store: workers return records, never RDF.
* **Bounded memory.** At most ``window`` chunks are in flight; the input
  iterator is pulled only as results are consumed, so a corpus of any size
  streams through (``Pool.imap`` would read the whole input ahead).
* **Clear failures.** An exception in a worker becomes an
  :class:`ExtractionError` naming the article's source and carrying the
  worker's traceback, raised at that article's place in the order; a worker
  that dies outright fails its chunk's articles instead of hanging the build.

Workers load the lexicons and underthesea's models once, in the pool
initializer, and the pool lives as long as the process (one per ``jobs``
value), so calling :func:`extract_all` once per batch costs no re-warming. The default start method is ``forkserver`` on
Linux (workers fork from a warm, thread-free server; see
:func:`default_start_method`); ``spawn`` elsewhere.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import os
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from .errors import KgError
from .model import Article, Extraction
from .pipeline import DEFAULT_PIPELINE, process

T = TypeVar("T")

# Articles per task: amortises the pickling round trip (~1 ms) against
# ~0.1-1 s of NLP per article, while keeping the tail (the last, unevenly
# sized tasks) short.
DEFAULT_CHUNKSIZE = 4
# Chunks in flight per worker: enough to keep every worker busy while the
# parent consumes results, small enough to bound memory. The parent takes
# results in bursts (kg.build links and writes 32 articles at a time, ~1 s on
# a busy core); with 3 chunks per worker (24 articles for 2 workers) the
# workers ran dry during every write and the parent then waited for them:
# --jobs 2 gained only 1.1-1.4x. 8 chunks (64 articles, well under 1 MB of
# pickled Articles) cover two such bursts.
WINDOW_PER_JOB = 8


class ExtractionError(KgError):
    """The pipeline failed on one article; names its source and keeps the cause."""

    def __init__(self, source: str, problem: str, detail: str = "") -> None:
        self.source = source
        self.problem = problem
        self.detail = detail  # the worker's formatted traceback, for --verbose / logs
        super().__init__(f"{source}: extraction failed: {problem}")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _run(article: Article, pipeline: Sequence[str]) -> Extraction:
    """process() with a failure turned into ExtractionError (same in parent and worker)."""
    try:
        return process(article, pipeline)
    except Exception as exc:  # noqa: BLE001 - re-raised with the article named
        raise ExtractionError(article.source or article.id, _describe(exc), traceback.format_exc()) from exc


# --- worker side -------------------------------------------------------------

_Outcome = tuple[bool, Any]  # (True, Extraction) | (False, (source, problem, traceback))


def _warm() -> None:
    """Pool initializer: import the components and load the NLP models once per worker."""
    from . import pipeline
    from .model import Sentence

    pipeline.load_components()
    text = "Ông Nguyễn Văn A nói tại Hà Nội."
    warm = Article(id="warm-up", source="<warm-up>", body=text,
                   sentences=[Sentence(index=0, start=0, end=len(text), text=text)])
    try:
        process(warm)
    except Exception:  # noqa: BLE001 - a real article will report the problem properly
        pass


def _init_worker(parent: int) -> None:
    """Pool initializer: die with the build, then warm up.

    A build killed with SIGKILL cannot stop its pool, and the workers (each
    with ~130 MB of models) would run on as orphans. On Linux the kernel sends
    SIGKILL to a worker when its parent dies (``PR_SET_PDEATHSIG``; a worker's
    parent is the fork server, which exits when the build does); everywhere, a
    watchdog thread checks every second that the build's process is alive.
    """
    from .procs import die_with, watch

    die_with(parent)
    watch(parent)
    _warm()


def _work(chunk: list[Article], pipeline: Sequence[str]) -> list[_Outcome]:
    """Process a chunk in a worker. Failures are returned as data, not raised:
    arbitrary exceptions do not always pickle, and the parent must know which
    article failed."""
    out: list[_Outcome] = []
    for article in chunk:
        try:
            out.append((True, _run(article, pipeline)))
        except ExtractionError as err:
            out.append((False, (err.source, err.problem, err.detail)))
    return out


# --- parent side -------------------------------------------------------------


def default_start_method() -> str:
    """``forkserver`` on Linux, ``spawn`` elsewhere.

    Not ``fork``: a process that already runs threads (a browser driver, a
    progress bar, a web server embedding kg) can deadlock its forked workers —
    the test suite hung that way with Playwright alive. The fork server is a
    clean single-threaded process that has imported the pipeline once
    (see :func:`_context`), so workers still start without re-importing.
    """
    return "forkserver" if sys.platform.startswith("linux") else "spawn"


def _context(start_method: str) -> mp.context.BaseContext:
    ctx = mp.get_context(start_method)
    if start_method == "forkserver":
        # imported once in the server; every worker forks from it warm
        ctx.set_forkserver_preload(["kg.pipeline", "kg.extract", "kg.link", "kg.nlp", "underthesea"])
    return ctx


def extract_all(
    articles: Iterable[Article],
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    *,
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
    window: int | None = None,
    start_method: str | None = None,
    on_error: Callable[[ExtractionError], None] | None = None,
) -> Iterator[Extraction]:
    """Yield one Extraction per article, in input order.

    ``jobs=1`` runs in this process (no pool, no pickling). ``jobs>1`` uses a
    pool of ``jobs`` worker processes fed ``chunksize`` articles per task, with
    at most ``window`` tasks (default ``jobs * 3``) in flight. Raises
    :class:`ExtractionError` for the first failing article, in input order;
    closing the generator early cancels its queued work. The pool is kept
    for the next call (see :func:`shutdown_pool`).
    Arguments are checked here, not at the first ``next()``.

    With ``on_error``, a failing article is handed to it and skipped instead,
    and the stream goes on (the pool keeps working meanwhile). That lets a
    caller keep ONE stream for a whole build and batch its output
    (:func:`batched`) for linking and writing, so workers extract the next
    articles while the parent writes the previous ones.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, got {jobs}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, got {chunksize}")
    if jobs == 1:
        return _inline(articles, tuple(pipeline), on_error)
    return _pooled(iter(articles), jobs, chunksize, window or jobs * WINDOW_PER_JOB,
                   start_method or default_start_method(), tuple(pipeline), on_error)


def _inline(articles: Iterable[Article], pipeline: tuple[str, ...],
            on_error: Callable[[ExtractionError], None] | None) -> Iterator[Extraction]:
    for article in articles:
        try:
            yield _run(article, pipeline)
        except ExtractionError as err:
            if on_error is None:
                raise
            on_error(err)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last one shorter): ``itertools.batched`` before 3.12."""
    if size < 1:
        raise ValueError(f"size must be >= 1, got {size}")
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


# One pool per process, kept between calls: a worker pays for importing the
# components and loading the lexicons and CRF models (seconds) once, not once
# per call. kg.build extracts in batches of a few dozen articles; a fresh pool
# per batch would spend more time warming workers than extracting.
_pool: tuple[tuple[int, str, int], ProcessPoolExecutor] | None = None


def _get_pool(jobs: int, start_method: str) -> ProcessPoolExecutor:
    """The process's pool for (jobs, start method), created on first use."""
    global _pool
    key = (jobs, start_method, os.getpid())  # a forked child never reuses its parent's pool
    if _pool is not None and _pool[0] == key:
        return _pool[1]
    shutdown_pool()
    # ProcessPoolExecutor rather than multiprocessing.Pool: when a worker dies
    # (killed for memory, a crash in native code) its futures fail with
    # BrokenProcessPool instead of waiting forever.
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(start_method),
                                   initializer=_init_worker, initargs=(os.getpid(),))
    _pool = (key, executor)
    return executor


def start_workers(jobs: int, start_method: str | None = None) -> None:
    """Start the pool's ``jobs`` workers now, without waiting for them.

    Workers spend a second or two importing the components and loading the
    lexicons and models (:func:`_warm`); a caller that has other work first
    (reading and cleaning the inputs) calls this before it, so the warm-up
    runs on the other core meanwhile instead of after it. ``jobs=1`` is a
    no-op: extraction then runs in this process.
    """
    if jobs < 2:
        return
    pool = _get_pool(jobs, start_method or default_start_method())
    for _ in range(jobs):  # the executor starts one worker per submitted task, up to max_workers
        pool.submit(os.getpid)


def shutdown_pool() -> None:
    """Stop the worker processes (they are also stopped at interpreter exit)."""
    global _pool
    if _pool is not None:
        key, executor = _pool
        _pool = None
        if key[2] == os.getpid():
            executor.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_pool)


def _pooled(articles: Iterator[Article], jobs: int, chunksize: int, window: int, start_method: str,
            pipeline: tuple[str, ...], on_error: Callable[[ExtractionError], None] | None) -> Iterator[Extraction]:
    pool = _get_pool(jobs, start_method)
    for chunk, future in in_order(batched(articles, chunksize), lambda c: pool.submit(_work, c, pipeline), window):
        try:
            outcomes = future.result()
        except BrokenProcessPool as exc:
            shutdown_pool()  # the next call starts fresh workers
            sources = ", ".join(a.source or a.id for a in chunk)
            raise ExtractionError(sources, f"a worker process died ({exc})") from exc
        yield from deliver(outcomes, on_error)


def in_order(chunks: Iterator[list[T]], submit: Callable[[list[T]], Any],
             window: int) -> Iterator[tuple[list[T], Any]]:
    """``(chunk, future)`` pairs in submission order, at most ``window`` futures in flight.

    The one streaming shape of both engines (this pool and the Dask cluster of
    :mod:`kg.cluster`): the input is pulled only as results are taken, so a
    corpus of any size streams through, and results come back in input order
    whatever order the workers finish in. The next chunk is submitted *before*
    a pair is handed out, so workers stay busy while the caller waits on that
    pair's future and then writes its results. On an error or an early close,
    the futures not yet handed out are cancelled (a running task just
    finishes; the pool itself stays for the next call).
    """
    pending: deque[tuple[list[T], Any]] = deque()

    def fill(ahead: int) -> None:
        while len(pending) < ahead and (chunk := next(chunks, None)) is not None:
            pending.append((chunk, submit(chunk)))

    try:
        fill(window)
        while pending:
            head = pending.popleft()
            fill(window - 1)  # with the head: ``window`` in flight
            yield head
    finally:
        for _, future in pending:
            future.cancel()


def deliver(outcomes: Iterable[tuple[bool, Any]],
            on_error: Callable[[ExtractionError], None] | None) -> Iterator[Extraction]:
    """The extractions of one chunk; each failed article is raised, or passed to ``on_error``."""
    for ok, value in outcomes:
        if not ok:
            err = ExtractionError(*value)
            if on_error is None:
                raise err
            on_error(err)
            continue
        yield value
