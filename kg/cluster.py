"""``kg build --cluster ADDRESS``: the per-article work as tasks on a Dask cluster.

The same unit of work as ``--jobs`` (:mod:`kg.parallel`): the build process
reads and cleans the inputs (cheap, and it needs each article's content for
its fingerprint), and ships **batches** of :class:`~kg.model.Article` records
to the cluster, where each task runs NLP and extraction
(:func:`kg.pipeline.process`) over its batch and returns plain
:class:`~kg.model.Extraction` records. Nothing is sent per sentence: one task
is ``batch`` articles, pickled once each way.

Why Dask (``dask.distributed``) rather than a home-made pool: it already
schedules tasks over machines, moves data, notices a worker that dies (its
connection drops or its heartbeat stops) and runs that worker's tasks again
elsewhere (up to ``distributed.scheduler.allowed-failures`` times, then the
task fails with ``KilledWorker``), and it comes with a scheduler and worker
that operators already know how to deploy.

The three promises of :mod:`kg.parallel` hold here too:

* **Same output.** Futures are consumed in submission order, so results come
  back in input order and the single writer (this process) writes the same
  graph as ``--jobs 1``.
* **Bounded memory.** At most ``window`` tasks are in flight; the input is
  pulled only as results are consumed.
* **Clear failures.** An exception in a task is an :class:`~kg.parallel.ExtractionError`
  for that article (the build reports it and goes on); an unreachable or lost
  scheduler is one :class:`ClusterError` naming its address.

A worker needs ``kg`` (with its dependencies: underthesea and its models ship
in the wheel) installed in the same version as the build process; nothing
else (no store, no input files: articles travel in the tasks).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .errors import KgError
from .model import Article, Extraction
from .parallel import ExtractionError, _work, batched, deliver, in_order
from .pipeline import DEFAULT_PIPELINE

LOCAL = "local"
DEFAULT_BATCH = 4  # articles per task, as kg.parallel's chunks
WINDOW_PER_WORKER = 4  # tasks in flight per worker thread
CONNECT_TIMEOUT = "10s"
WAIT_ENV = "KG_CLUSTER_WAIT"  # seconds to wait for a first worker (default 60)


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, refused the work or was lost."""


def _task(chunk: list[Article], pipeline: Sequence[str], expected: str) -> tuple[str, Any]:
    """One Dask task: the batch's outcomes, unless this worker runs other kg code or lexicons.

    A worker with another version of kg would write a different graph under the
    same fingerprints; it is refused (its address named) instead.
    """
    from .build import pipeline_fingerprint

    mine = pipeline_fingerprint()
    if mine != expected:
        try:
            from distributed import get_worker

            where = get_worker().address
        except (ImportError, ValueError):
            where = "a worker"
        return "mismatch", (where, mine)
    return "ok", _work(chunk, pipeline)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def connect(address: str, *, workers: int | None = None, quiet: bool = True) -> Any:
    """A ``distributed.Client`` for ``address`` (``tcp://host:8786``), or a new LocalCluster for ``local``.

    ``workers``: the LocalCluster's worker processes (default: one per core),
    one thread each (underthesea's CRF holds the GIL: threads would not help).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of kg
        raise ClusterError("dask.distributed is not installed (pip install 'dask[distributed]')") from None
    if quiet:
        for name in ("distributed", "distributed.client", "distributed.worker", "distributed.scheduler",
                     "distributed.nanny"):
            logging.getLogger(name).setLevel(logging.CRITICAL)  # kg reports failures itself, in one line
    if address == LOCAL:
        try:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
        except Exception as exc:  # noqa: BLE001 - any start-up failure is one line
            raise ClusterError(f"local: cannot start a Dask LocalCluster: {_first_line(exc)}") from None
        client = Client(cluster)
        client._kg_owns_cluster = cluster  # closed with the client
        return client
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler: {_first_line(exc)}") from None
    wait = float(os.environ.get(WAIT_ENV) or 60)
    try:  # a scheduler without workers would queue the tasks forever: say so instead
        client.wait_for_workers(1, timeout=wait)
    except (TimeoutError, OSError):
        client.close()
        raise ClusterError(f"{address}: no Dask worker joined the scheduler within {wait:g} s "
                           f"(start some with `dask worker {address}`)") from None
    return client


def close(client: Any) -> None:
    """Close the client (and the LocalCluster it started)."""
    cluster = getattr(client, "_kg_owns_cluster", None)
    try:
        client.close()
    finally:
        if cluster is not None:
            cluster.close()


def _threads(client: Any) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:  # noqa: BLE001 - the count only sizes the window
        return 1


def extract_on_cluster(
    articles: Iterable[Article],
    address: str,
    *,
    batch: int = DEFAULT_BATCH,
    workers: int | None = None,
    window: int | None = None,
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
    on_error: Callable[[ExtractionError], None] | None = None,
    client: Any = None,
) -> Iterator[Extraction]:
    """Yield one Extraction per article, in input order, extracted on the cluster at ``address``.

    ``client``: an open ``distributed.Client`` to use (left open); otherwise
    one is connected here and closed when the stream ends. Raises
    :class:`ClusterError` when the scheduler cannot be reached (before the
    first result) or is lost; a failing article goes to ``on_error`` (or is
    raised as :class:`ExtractionError`), like :func:`kg.parallel.extract_all`.
    """
    if batch < 1:
        raise ValueError(f"batch must be >= 1, got {batch}")
    own = client is None
    if own:
        client = connect(address, workers=workers)
    return _stream(client, own, address, iter(articles), batch, window, tuple(pipeline), on_error)


def _stream(client: Any, own: bool, address: str, articles: Iterator[Article], batch: int,
            window: int | None, pipeline: tuple[str, ...],
            on_error: Callable[[ExtractionError], None] | None) -> Iterator[Extraction]:
    from distributed.scheduler import KilledWorker

    from .build import pipeline_fingerprint

    expected = pipeline_fingerprint()
    where = address if address != LOCAL else getattr(client, "scheduler", None) and client.scheduler.address or LOCAL
    limit = window or max(2, _threads(client) * WINDOW_PER_WORKER)

    def submit(chunk: list[Article]) -> Any:
        # pure=False: two equal batches (a re-run) are still two tasks to run
        return client.submit(_task, chunk, pipeline, expected, pure=False)

    try:
        for chunk, future in in_order(batched(articles, batch), submit, limit):
            try:
                status, outcomes = future.result()
            except KilledWorker as exc:
                sources = ", ".join(a.source or a.id for a in chunk)
                raise ExtractionError(sources, f"the task killed every Dask worker that ran it ({where}): "
                                      f"{_first_line(exc)}") from None
            except (OSError, TimeoutError) as exc:
                raise ClusterError(f"{where}: lost the Dask scheduler: {_first_line(exc)}") from None
            except Exception as exc:  # noqa: BLE001 - e.g. CancelledError when the scheduler went away
                if "connection-lost" in str(exc) or client.status != "running":
                    raise ClusterError(f"{where}: lost the Dask scheduler; the articles written so far are "
                                       "kept, the next build does the rest") from None
                sources = ", ".join(a.source or a.id for a in chunk)
                raise ExtractionError(sources, f"Dask task failed on {where}: {_first_line(exc)}") from None
            if status == "mismatch":
                worker, theirs = outcomes
                raise ClusterError(f"{where}: Dask worker {worker} runs other kg code or lexicons (pipeline "
                                   f"fingerprint {theirs}, here {expected}); install the same kg on every worker")
            yield from deliver(outcomes, on_error)
    finally:
        if own:
            close(client)


__all__ = ["ClusterError", "connect", "close", "extract_on_cluster", "LOCAL", "DEFAULT_BATCH"]
