"""Run one query where it can be stopped: a child process with a time and memory limit.

Oxigraph checks for cancellation only between some steps of evaluation: a
three-way cartesian product, or ``ORDER BY`` over one, kept computing (up to
8 GB) long after a cooperative time limit or after the client had left. The
only stop that always works is the kernel's, so every query of ``kg query``
and ``kg serve`` runs in a child process of its own:

* the child opens the store read-only, runs the query and writes the whole
  answer to a temporary file (so a failure never leaves half an answer on
  the parent's output), then reports ``ok`` (or a one-line error) on a pipe;
* the parent waits at most ``timeout`` seconds, and also asks ``cancelled()``
  (``kg serve``: has the client gone?) every :data:`POLL` seconds; either way
  the child gets SIGKILL, and the kernel takes back all of its memory at once;
* the child's data segment is capped (``RLIMIT_DATA``, ``memory_mb``): a
  query that needs more fails in the child alone (Rust aborts on a failed
  allocation), never the machine;
* on Linux the child also dies with its parent (``PR_SET_PDEATHSIG``), so a
  killed ``kg query`` or ``kg serve`` leaves no query running.

While a build writes the store, opening it read-only can fail for a moment
(RocksDB reads a MANIFEST the writer is replacing: "Corruption: … MANIFEST may
be corrupted"); the store is healthy. The child retries such an open a few
times, and if it still fails while a writer holds the store's lock, the
error says that a build is writing rather than that the store is corrupt.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import KgError, QueryError, StoreError

POLL = 0.05  # seconds between checks on the child (time limit, client gone)
DEFAULT_MEMORY_MB = 2048  # per query; a graph of the project's size needs a few hundred MB at most
OPEN_TRIES = 6  # read-only opens while a build replaces the MANIFEST
OPEN_BACKOFF = 0.15  # seconds, doubled after each try (about 5 s in all)
_TRANSIENT = ("corruption", "manifest", "io error", "no such file", "while open a file for random read",
              "column family not found")  # the last: a store a build is creating


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


class QueryCancelled(QueryError):
    """The caller gave up (the HTTP client left); the query was stopped."""


class QueryMemory(QueryError):
    """The query needed more memory than its limit and was stopped."""


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 60.0  # seconds; 0 = none
    memory_mb: int = DEFAULT_MEMORY_MB  # 0 = none


Writer = Callable[[Any, BinaryIO], str]  # (QueryResult, out) -> content type


# --- child side --------------------------------------------------------------


def _cap_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    import resource

    limit = memory_mb * 1024 * 1024
    for name in ("RLIMIT_DATA", "RLIMIT_AS"):  # DATA: heap and private maps (Linux >= 4.7)
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            soft, hard = resource.getrlimit(which)
            resource.setrlimit(which, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
        except (ValueError, OSError):  # pragma: no cover - a lower hard limit is kept
            pass
        break


def writer_busy(path: Path) -> bool:
    """True when another process holds the store's RocksDB lock (a ``kg build`` writing it)."""
    lock = Path(path) / "LOCK"
    if not lock.exists():
        return False
    import fcntl

    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _transient(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(word in text for word in _TRANSIENT)


def open_read_only(path: Path, tries: int = OPEN_TRIES, backoff: float = OPEN_BACKOFF) -> Any:
    """The store at ``path`` opened read-only, retrying while a build swaps its files."""
    from ..graph.store import Store

    delay = backoff
    for attempt in range(tries):
        try:
            return Store(path, read_only=True)
        except StoreError as exc:
            if not _transient(exc) or attempt == tries - 1:
                raise busy_or(path, exc) from None
            time.sleep(delay)
            delay = min(delay * 2, 4.0)
    raise AssertionError("unreachable")  # pragma: no cover


def busy_or(path: Path, exc: BaseException) -> KgError:
    """The error to show for a failed read: "a build is writing" when one is, else ``exc``."""
    if _transient(exc) and writer_busy(path):
        return StoreError(
            f"{path}: a build is writing this store right now and it could not be read "
            "consistently; the store is not damaged — run the query again when the build finishes"
        )
    return exc if isinstance(exc, KgError) else StoreError(f"{path}: cannot read the store: {exc}")


def _child(conn: Any, parent: int, store_path: str, text: str, binds: Sequence[str], union: bool,
           writer: Writer, out_path: str, memory_mb: int) -> None:  # pragma: no cover - runs in the child
    from ..procs import die_with, watch

    die_with(parent)
    if os.getppid() != parent:  # forked by a fork server: it is our parent, not the owner
        watch(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # The engine's own last words (a failed allocation, a Rust backtrace) are not
    # for the user: the parent turns the child's end into one line.
    os.environ["RUST_BACKTRACE"] = "0"
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    _cap_memory(memory_mb)
    try:
        from .bindings import parse_binding
        from .runner import run_query

        bindings = dict(parse_binding(spec) for spec in binds)
        path = Path(store_path)
        for attempt in range(3):
            store = open_read_only(path)
            try:
                with open(out_path, "wb") as out:
                    result = run_query(store, text, union=union, bindings=bindings)
                    content_type = writer(result, out)
                break
            except StoreError as exc:  # a file the writer compacted away under us
                if attempt == 2 or not _transient(exc):
                    raise busy_or(path, exc) from None
                time.sleep(OPEN_BACKOFF)
            finally:
                store.close()
        conn.send(("ok", content_type))
    except MemoryError:
        conn.send(("memory", ""))
    except KgError as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
    except BaseException as exc:  # noqa: BLE001 - reported as one line, never a traceback
        conn.send(("error", "QueryError", f"query failed: {type(exc).__name__}: {exc}"))
    finally:
        conn.close()


# --- parent side -------------------------------------------------------------

_ERRORS: dict[str, type[KgError]] = {"QueryError": QueryError, "StoreError": StoreError, "KgError": KgError}


def start_method() -> str:
    """``fork`` from a single-threaded process (fast); ``forkserver`` once threads run (a server)."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    return "fork" if threading.active_count() == 1 else "forkserver"


def run_limited(
    store_path: str | os.PathLike[str],
    text: str,
    writer: Writer,
    out: BinaryIO,
    *,
    binds: Sequence[str] = (),
    union: bool = True,
    limits: Limits = Limits(),
    cancelled: Callable[[], bool] | None = None,
    method: str | None = None,
) -> str:
    """Run ``text`` in a child process and copy its answer to ``out``; returns its content type.

    Raises :class:`QueryTimeout`, :class:`QueryCancelled`, :class:`QueryMemory`,
    or the child's own one-line :class:`QueryError`/:class:`StoreError`. Nothing
    is written to ``out`` unless the whole answer was computed.
    """
    ctx = mp.get_context(method or start_method())
    fd, out_path = tempfile.mkstemp(prefix="kg-query-", suffix=".out")
    os.close(fd)
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child, name="kg-query",
        args=(send, os.getpid(), str(store_path), text, tuple(binds), union, writer, out_path, limits.memory_mb),
        daemon=True,
    )
    try:
        proc.start()
        send.close()
        message = _wait(proc, receive, limits, cancelled)
        kind = message[0]
        if kind == "ok":
            with open(out_path, "rb") as fh:
                while chunk := fh.read(1 << 16):
                    out.write(chunk)
            return str(message[1])
        if kind == "memory":
            raise _memory_error(limits)
        raise _ERRORS.get(message[1], QueryError)(message[2])
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receive.close()
        try:
            os.unlink(out_path)
        except OSError:
            pass


def _memory_error(limits: Limits) -> QueryMemory:
    return QueryMemory(f"query stopped: it needed more than its memory limit of {limits.memory_mb} MB")


def _wait(proc: Any, receive: Any, limits: Limits, cancelled: Callable[[], bool] | None) -> tuple[Any, ...]:
    deadline = time.monotonic() + limits.timeout if limits.timeout and limits.timeout > 0 else None
    closed = False  # the child's end of the pipe is closed: it has exited (or is exiting)
    while True:
        if not closed and receive.poll(POLL):
            try:
                return tuple(receive.recv())
            except EOFError:
                closed = True  # it died before it could report
        if closed:
            proc.join(POLL)
        if not proc.is_alive():
            proc.join()
            code = proc.exitcode
            if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV) and limits.memory_mb:
                raise _memory_error(limits)  # a failed allocation aborts the Rust engine
            raise QueryError(f"query failed: the query process stopped with status {code}")
        if deadline is not None and time.monotonic() > deadline:
            proc.kill()
            raise QueryTimeout(
                f"query cancelled: it ran past the time limit of {limits.timeout:g} s "
                "(raise it with --timeout, or narrow the query)"
            )
        if cancelled is not None and cancelled():
            proc.kill()
            raise QueryCancelled("query cancelled: the client disconnected")


__all__ = [
    "DEFAULT_MEMORY_MB", "Limits", "QueryCancelled", "QueryMemory", "QueryTimeout",
    "busy_or", "open_read_only", "run_limited", "writer_busy",
]
