"""``kg serve``: the store as a SPARQL 1.1 Protocol endpoint, by Oxigraph's own server.

Why not a Python server: the ``oxigraph`` package ships Oxigraph's HTTP
server, which already speaks the whole protocol (GET and POST queries; SPARQL
JSON/XML/CSV/TSV results; Turtle, N-Triples, RDF/XML, JSON-LD graphs, by
content negotiation), streams results, and has a read-only mode in which
``/update`` and the Graph Store writes answer 403. ``kg serve`` only
chooses its options and supervises the process:

* ``serve-read-only`` — the store is opened read-only (no RocksDB lock), and
  updates are refused by the server.
* ``--union-default-graph`` — the same semantics as ``kg query``: a query
  without ``GRAPH`` sees every article's graph.
* ``--timeout-s`` — Oxigraph's per-query limit: each query carries a
  cancellation token that fires after that many seconds, and evaluation stops
  at its next check (the client then gets an error instead of an answer).
  The check is cooperative: most joins, scans and aggregates honour it
  promptly; an operator that runs long between checks finishes its step first.
* The binary is taken from this Python's scripts directory (where pip put it
  with ``kg``), not from ``$PATH``, so ``kg serve`` runs the version pinned
  with the project and never a stray one.
* Signals are forwarded: Ctrl-C, SIGTERM or SIGHUP to ``kg serve`` stop the
  server too (it gets SIGTERM), and ``kg serve`` waits for it (killing it
  after a grace period) before exiting. On Linux the server also
  gets SIGTERM if ``kg serve`` dies without a chance to forward anything
  (``kill -9``), so no orphan keeps the port and the store open.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from ..errors import KgError, StoreError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30  # seconds per query
STOP_GRACE = 10.0  # seconds the server gets to exit after a forwarded signal
POLL = 0.2  # seconds between checks on the server process


def oxigraph_executable() -> Path:
    """The ``oxigraph`` binary installed next to this Python (scripts dir)."""
    exe = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    candidates = [Path(sysconfig.get_path("scripts")) / exe, Path(sys.executable).parent / exe]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise KgError(
        f"the Oxigraph server is not installed in {candidates[0].parent} "
        "(install the `oxigraph` package into this environment)"
    )


def is_loopback(host: str) -> bool:
    """True when ``host`` can only be reached from this machine."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_address(host: str, port: int) -> str:
    """``host:port``, with IPv6 literals in brackets (``[::1]:7878``)."""
    bare = host.strip("[]")
    try:
        if ipaddress.ip_address(bare).version == 6:
            return f"[{bare}]:{port}"
    except ValueError:
        pass
    return f"{host}:{port}"


@dataclass(frozen=True, slots=True)
class ServerConfig:
    location: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    timeout: int = DEFAULT_TIMEOUT  # seconds; 0 = no limit

    @property
    def url(self) -> str:
        return f"http://{bind_address(self.host, self.port)}/query"

    def command(self, executable: Path | None = None) -> list[str]:
        """The ``oxigraph serve-read-only …`` command line."""
        args = [
            str(executable or oxigraph_executable()),
            "serve-read-only",
            "--location", str(self.location),
            "--bind", bind_address(self.host, self.port),
            "--union-default-graph",
        ]
        if self.timeout > 0:
            args += ["--timeout-s", str(self.timeout)]
        return args


def check_store(location: Path) -> None:
    from ..graph.store import is_store_dir

    if not is_store_dir(location):
        raise StoreError(f"{location}: no store here (run `kg build` first, or pass --store DIR)")


def _prepare_child() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """Undo what a shell may have done to us, and tie the server's life to ours.

    A shell starts background jobs with SIGINT ignored, and an ignored signal
    stays ignored across ``exec``: restore the defaults so the server stops on
    Ctrl-C and SIGTERM. On Linux, also ask the kernel to SIGTERM the server
    when ``kg serve`` dies without a chance to forward anything (``kill -9``).
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)


def run_server(config: ServerConfig, on_start: Callable[[ServerConfig], None] | None = None) -> int:
    """Run the server in the foreground until it exits or a signal stops it.

    Returns 0 after a stop by SIGINT/SIGTERM (the normal way to end it);
    raises :class:`KgError` when the server itself failed (port in use …).
    """
    check_store(config.location)
    command = config.command()
    stopping: list[int] = []

    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            preexec_fn=_prepare_child if os.name == "posix" else None,  # noqa: PLW1509
        )
    except OSError as exc:
        raise KgError(f"cannot start {command[0]}: {exc.strerror or exc}") from None

    def forward(signum: int, _frame: FrameType | None) -> None:
        # Whatever stopped us, the server gets SIGTERM: it ends a Rust program
        # at once, and unlike SIGINT it is never inherited as "ignored".
        stopping.append(signum)
        if proc.poll() is None:
            proc.terminate()

    forwarded = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {sig: signal.signal(sig, forward) for sig in forwarded}
    try:
        if on_start is not None:
            on_start(config)
        deadline: float | None = None
        while True:
            # Short waits, not one blocking wait: a signal handler runs between
            # them, and the grace period below can be checked.
            try:
                code = proc.wait(timeout=POLL)
                break
            except subprocess.TimeoutExpired:
                if stopping and deadline is None:
                    deadline = time.monotonic() + STOP_GRACE
                if deadline is not None and time.monotonic() > deadline:
                    proc.kill()  # it did not stop on SIGTERM
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if proc.poll() is None:  # an exception in on_start: never leave the server behind
            proc.terminate()
            try:
                proc.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    if stopping:
        return 0
    if code != 0:
        raise KgError(f"the SPARQL server stopped with status {code} (is port {config.port} already in use?)")
    return 0
