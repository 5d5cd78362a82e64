"""Real servers for the scale-out tests, started on loopback: Oxigraph's server, Virtuoso, a Dask cluster.

Nothing here is a mock: each helper starts the real program (the ``oxigraph``
binary of the ``oxigraph`` package, Debian's ``virtuoso-t``, ``dask
scheduler``/``dask worker`` through ``python -m``) as a child process on a free
port of 127.0.0.1, waits until it answers, and stops it by its own pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from collections import defaultdict
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(check, what: str, proc: subprocess.Popen, timeout: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"{what} exited with {proc.returncode}: {tail}")
        try:
            if check():
                return
        except (requests.RequestException, OSError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not start within {timeout} s")


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


# -- Oxigraph server -------------------------------------------------------------

def oxigraph_binary() -> Path | None:
    """The ``oxigraph`` binary pip installed with the ``oxigraph`` package (this venv or the one it layers on)."""
    candidates = [Path(sysconfig.get_path("scripts")) / "oxigraph", Path(sys.executable).parent / "oxigraph"]
    for entry in sys.path:  # a venv layered on another one (a .pth file) keeps its scripts beside that one
        p = Path(entry)
        if p.name == "site-packages":
            candidates.append(p.parents[2] / "bin" / "oxigraph")
    found = shutil.which("oxigraph")
    if found:
        candidates.append(Path(found))
    return next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` (read-write)."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = location.parent / f"oxigraph-{self.port}.log"

    def start(self) -> OxigraphServer:
        exe = oxigraph_binary()
        assert exe is not None, "the oxigraph package is a dependency of kg"
        self.proc = subprocess.Popen([str(exe), "serve", "--location", str(self.location), "--bind",
                                      f"127.0.0.1:{self.port}"], stdout=self.log.open("ab"),
                                     stderr=subprocess.STDOUT)
        _wait(lambda: requests.get(f"{self.url}/query", params={"query": "ASK {}"}, timeout=2).ok,
              "oxigraph serve", self.proc, 30, self.log)
        return self

    def kill(self) -> None:
        stop(self.proc, signal.SIGKILL)

    def stop(self) -> None:
        stop(self.proc)


# -- Virtuoso ----------------------------------------------------------------------

VIRTUOSO_USER = "dba"
VIRTUOSO_PASSWORD = "dba"  # the password of a new Virtuoso database


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


class VirtuosoServer:
    """Debian's Virtuoso on a temporary database, HTTP on 127.0.0.1 (``/sparql``, ``/sparql-graph-crud-auth``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql_port = free_port()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.proc: subprocess.Popen | None = None
        self.log = folder / "virtuoso.log"

    def start(self) -> VirtuosoServer:
        f = self.folder
        f.mkdir(parents=True, exist_ok=True)
        (f / "virtuoso.ini").write_text(f"""[Database]
DatabaseFile = {f}/virtuoso.db
ErrorLogFile = {f}/virtuoso.log
LockFile = {f}/virtuoso.lck
TransactionFile = {f}/virtuoso.trx
xa_persistent_file = {f}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {f}/virtuoso-temp.db
TransactionFile = {f}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{self.port}
ServerRoot = {f}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
""")
        exe = virtuoso_binary()
        assert exe is not None
        self.proc = subprocess.Popen([exe, "-f", "-c", str(f / "virtuoso.ini")], cwd=f,
                                     stdout=(f / "stdout.log").open("ab"), stderr=subprocess.STDOUT)
        _wait(lambda: requests.get(self.url, params={"query": "ASK {}"}, timeout=2,
                                   headers={"Accept": "application/sparql-results+json"}).ok,
              "virtuoso-t", self.proc, 180, self.log)
        return self

    def clear(self) -> None:
        """Drop kg's graphs (between tests on the one server of the session)."""
        from kg.graph.namespaces import KGG

        r = requests.get(self.url, params={"query": f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                                                    f'FILTER(STRSTARTS(STR(?g), "{KGG}")) }}'},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
        graphs = [b["g"]["value"] for b in r.json()["results"]["bindings"]]
        if graphs:
            update = " ".join(f"DROP SILENT GRAPH <{g}> ;" for g in graphs)
            r = requests.post(self.url.replace("/sparql", "/sparql-auth"), data={"update": update},
                              auth=requests.auth.HTTPDigestAuth(VIRTUOSO_USER, VIRTUOSO_PASSWORD), timeout=60)
            r.raise_for_status()

    def stop(self) -> None:
        stop(self.proc)


# -- Dask ----------------------------------------------------------------------------

class DaskCluster:
    """``dask scheduler`` and N ``dask worker`` processes (one thread each, no nanny) on 127.0.0.1."""

    def __init__(self, folder: Path, workers: int = 2) -> None:
        self.folder = folder
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.n = workers
        self.scheduler: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []

    def _python(self, module: str, *args: str, log: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", module, *args],
                                stdout=(self.folder / log).open("ab"), stderr=subprocess.STDOUT)

    def start(self) -> DaskCluster:
        self.folder.mkdir(parents=True, exist_ok=True)
        # the port chosen by free_port() may be taken by another process before the
        # scheduler binds it ("Address already in use"): then the scheduler exits and
        # is started again on a new port; workers start only once it accepts connections
        for attempt in range(5):
            if attempt:
                self.port = free_port()
                self.address = f"tcp://127.0.0.1:{self.port}"
            self.scheduler = self._python("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                                          str(self.port), "--dashboard-address", ":0", "--no-show",
                                          log="scheduler.log")
            try:
                _wait(lambda: socket.create_connection(("127.0.0.1", self.port), timeout=1).close() is None,
                      "dask scheduler", self.scheduler, 60, self.folder / "scheduler.log")
                break
            except RuntimeError:
                stop(self.scheduler)
                if attempt == 4:
                    raise
        for _ in range(self.n):
            self.add_worker()
        if self.n:
            self.wait_for_workers(self.n)
        return self

    def add_worker(self) -> subprocess.Popen:
        w = self._python("distributed.cli.dask_worker", self.address, "--nthreads", "1", "--no-nanny",
                         "--host", "127.0.0.1", "--no-dashboard", "--death-timeout", "60",
                         log=f"worker-{len(self.workers)}.log")
        self.workers.append(w)
        return w

    def wait_for_workers(self, n: int, timeout: float = 120) -> None:
        from distributed import Client

        deadline = time.monotonic() + timeout
        while True:
            try:
                with Client(self.address, timeout="30s") as client:
                    client.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                return
            except OSError:  # CommClosedError is one: a connection dropped while the scheduler settles
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)

    def stop(self) -> None:
        for w in self.workers:
            stop(w)
        stop(self.scheduler)


# -- comparing stores ------------------------------------------------------------------

def graphs_of(nquads: str) -> dict[str, object]:
    """graph name -> rdflib Graph of an N-Quads text (blank nodes compared by isomorphism)."""
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    out: dict[str, object] = defaultdict(Graph)
    for s, p, o, g in ds.quads((None, None, None, None)):
        out[str(g)].add((s, p, o))
    return dict(out)


def same_graphs(a: str, b: str) -> list[str]:
    """The names of the graphs on which two N-Quads texts differ (empty: isomorphic, graph by graph)."""
    from rdflib.compare import isomorphic

    ga, gb = graphs_of(a), graphs_of(b)
    return sorted(name for name in set(ga) | set(gb)
                  if name not in ga or name not in gb or not isomorphic(ga[name], gb[name]))
