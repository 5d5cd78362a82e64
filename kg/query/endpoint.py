"""``kg serve``: the store as a read-only SPARQL 1.1 Protocol endpoint.

The server is Python's own ``http.server`` (one thread per connection); each
query runs in a child process of its own (:mod:`kg.query.sandbox`). Oxigraph's
bundled server was used before, and a hostile or careless client could make
it misbehave in ways its options do not cover: a cartesian product ran on
past the time limit (8 GB) and went on after the client left, ``SERVICE``
made it fetch other endpoints, its query page loaded a script from another
host, any web page could read it through DNS rebinding, and a busy port
printed a Rust backtrace. Here each of those is a rule of the handler:

* **Host check** (DNS rebinding): a request is answered only when its ``Host``
  header names the address the server is bound to (for a loopback address,
  also ``localhost``), or a name given with ``--allow-host``; anything else
  gets 403. A page on ``evil.example`` whose name was re-pointed at 127.0.0.1
  sends ``Host: evil.example`` and is refused.
* **No CORS** unless ``--cors ORIGIN``: without it no
  ``Access-Control-Allow-Origin`` header is sent, so other sites' scripts
  cannot read answers; with it, only that origin may.
* **Refused before running**: updates (``/update`` and the Graph Store
  writes answer 403; an update sent as a query is a 400 syntax error) and
  ``SERVICE`` anywhere in the parsed query (403), exactly as in ``kg query``.
* **Time and memory**: every query runs in a killable child with the
  ``--timeout`` and ``--memory`` limits; the handler also watches the
  connection and kills the child as soon as the client disconnects. At most
  ``--max-queries`` run at once (others wait their turn, up to the timeout).
* **No remote page**: ``/`` is a small form written here (no script, no
  stylesheet, no font from anywhere), sent with a Content-Security-Policy
  that forbids loading anything.
* **Snapshot per query**: a query opens the store read-only when it starts
  and sees the store as it was then; a ``kg build`` writing meanwhile shows
  up in later queries (a read that meets its half-written files is retried).
* **Port in use** is one line: the socket is bound here, before anything
  else starts.

The default graph is the union of all article graphs, as in ``kg query``.
Answers are chosen by the ``Accept`` header: SPARQL JSON, XML, CSV or TSV for
SELECT/ASK; Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE.
"""

from __future__ import annotations

import html
import ipaddress
import os
import select
import signal
import socket
import sys
import sysconfig
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO
from urllib.parse import parse_qs, urlsplit

from ..errors import KgError, QueryError, StoreError
from .sandbox import DEFAULT_MEMORY_MB, Limits, QueryCancelled, QueryMemory, QueryTimeout, run_limited

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30  # seconds per query
DEFAULT_MAX_QUERIES = 4  # queries running at once (each may use up to --memory)
MAX_BODY = 1 << 20  # bytes of a POSTed query or form
POLL = 0.2  # seconds between checks for a stop signal

_RESULTS = {  # media type -> pyoxigraph QueryResultsFormat name (SELECT/ASK)
    "application/sparql-results+json": "JSON", "application/json": "JSON",
    "application/sparql-results+xml": "XML", "application/xml": "XML", "text/xml": "XML",
    "text/csv": "CSV", "text/tab-separated-values": "TSV",
}
_GRAPHS = {  # media type -> pyoxigraph RdfFormat name (CONSTRUCT/DESCRIBE)
    "text/turtle": "TURTLE", "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES", "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD",
}
_SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
          "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
          "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


def oxigraph_executable() -> Path:
    """The ``oxigraph`` server binary installed next to this Python (scripts dir).

    Not used by ``kg serve`` any more; kept for callers that start a real
    Oxigraph server (tests of remote SPARQL stores).
    """
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
    timeout: float = DEFAULT_TIMEOUT  # seconds; 0 = no limit
    memory_mb: int = DEFAULT_MEMORY_MB  # per query; 0 = no limit
    cors: str | None = None  # the one origin allowed to read answers from a browser
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)  # extra names accepted in Host
    max_queries: int = DEFAULT_MAX_QUERIES

    @property
    def url(self) -> str:
        return f"http://{bind_address(self.host, self.port)}/query"

    def accepted_hosts(self) -> frozenset[str]:
        """``Host`` header values (``name`` and ``name:port``) this server answers."""
        names = {self.host.strip("[]").lower(), *(h.lower() for h in self.allow_hosts)}
        if is_loopback(self.host):
            names |= {"localhost", "127.0.0.1", "::1"}
        out: set[str] = set()
        for name in names:
            spelled = bind_address(name, self.port)
            out |= {spelled, spelled.rsplit(":", 1)[0]}
        return frozenset(out)


def check_store(location: Path) -> None:
    from ..graph.store import is_store_dir

    if not is_store_dir(location):
        raise StoreError(f"{location}: no store here (run `kg build` first, or pass --store DIR)")


def _preferences(accept: str) -> list[str]:
    """Media types of an ``Accept`` header, best first (q-values honoured, q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if bits[0] and q > 0:
            ranked.append((-q, i, bits[0].lower()))
    return [m for _, _, m in sorted(ranked)]


def http_writer(accept: str, result: Any, out: BinaryIO) -> str:
    """Serialise a :class:`~kg.query.runner.QueryResult` in the best accepted format; returns its media type.

    Runs in the query's child process (module-level, so it pickles).
    """
    import pyoxigraph as ox

    from .prefixes import prefix_map

    prefs = _preferences(accept)
    if result.kind == "graph":
        chosen = next((m for m in prefs if m in _GRAPHS), "text/turtle")
        fmt = getattr(ox.RdfFormat, _GRAPHS[chosen])
        prefixes = prefix_map() if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        ox.serialize(result.raw, out, fmt, prefixes=prefixes)
        return f"{fmt.media_type}; charset=utf-8"
    chosen = next((m for m in prefs if m in _RESULTS), "application/sparql-results+json")
    fmt = getattr(ox.QueryResultsFormat, _RESULTS[chosen])
    result.raw.serialize(out, fmt)
    return f"{fmt.media_type}; charset=utf-8"


def _client_gone(sock: socket.socket) -> bool:
    """True once the peer has closed its side (readable, and a peek reads nothing)."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        if not readable:
            return False
        return sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font:15px sans-serif;margin:2em;max-width:60em}}textarea{{width:100%;height:12em;font:14px monospace}}</style>
</head><body>
<h1>kg SPARQL endpoint</h1>
<p>Read-only. Each query sees the store as it was when the query started (a snapshot);
time limit {timeout}. The default graph is the union of all article graphs; declare your PREFIXes.</p>
<form method="get" action="/query">
<textarea name="query" aria-label="SPARQL query">SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT 10</textarea>
<p><label>Answer as <select name="format">
<option value="json">SPARQL JSON</option><option value="xml">SPARQL XML</option>
<option value="csv">CSV</option><option value="tsv">TSV</option>
<option value="turtle">Turtle (CONSTRUCT/DESCRIBE)</option></select></label>
<button type="submit">Run</button></p>
</form></body></html>
"""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServerConfig, family: int) -> None:
        self.address_family = family
        self.config = config
        self.hosts = config.accepted_hosts()
        self.slots = threading.BoundedSemaphore(max(1, config.max_queries))
        super().__init__((config.host.strip("[]"), config.port), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "kg-serve"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: kg serve prints its own start line; errors go to the client

    # -- responses --------------------------------------------------------------

    def _headers(self, status: int, content_type: str, length: int, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("X-Content-Type-Options", "nosniff")
        cors = self.server.config.cors
        if cors:
            self.send_header("Access-Control-Allow-Origin", cors)
            self.send_header("Vary", "Origin")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _text(self, status: int, message: str) -> None:
        body = (message.rstrip() + "\n").encode("utf-8")
        self._headers(status, "text/plain; charset=utf-8", len(body))
        if self.command != "HEAD":
            self.wfile.write(body)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host in self.server.hosts:
            return True
        self.close_connection = True
        self._text(HTTPStatus.FORBIDDEN, f"refused: Host {host or '(none)'!r} is not the address this server is bound to")
        return False

    # -- methods ----------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path == "/":
            timeout = self.server.config.timeout
            body = _PAGE.format(timeout=html.escape(f"{timeout:g} s" if timeout else "none")).encode("utf-8")
            self._headers(HTTPStatus.OK, "text/html; charset=utf-8", len(body), {"Content-Security-Policy": _CSP})
            self.wfile.write(body)
        elif url.path == "/query":
            self._query(parse_qs(url.query, keep_blank_values=True))
        else:
            self._text(HTTPStatus.NOT_FOUND, f"not found: {url.path} (queries go to /query)")

    def do_HEAD(self) -> None:  # noqa: N802
        if self._host_ok():
            self._text(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST")

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        length = self.headers.get("Content-Length")
        try:
            size = int(length) if length is not None else -1
        except ValueError:
            size = -1
        if size < 0 or size > MAX_BODY:
            self.close_connection = True
            self._text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if size > MAX_BODY else HTTPStatus.LENGTH_REQUIRED,
                       f"a request body needs a Content-Length of at most {MAX_BODY} bytes")
            return
        body = self.rfile.read(size)
        if url.path in ("/update", "/store") or url.path.startswith("/store"):
            self._text(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only (rebuild the store with `kg build`)")
            return
        if url.path != "/query":
            self._text(HTTPStatus.NOT_FOUND, f"not found: {url.path} (queries go to /query)")
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-update":
            self._text(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only (rebuild the store with `kg build`)")
            return
        else:
            self._text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                       "send the query as application/sparql-query or application/x-www-form-urlencoded")
            return
        self._query(params)

    def _refuse_write(self) -> None:
        if self._host_ok():
            self._text(HTTPStatus.FORBIDDEN, "refused: this endpoint is read-only (rebuild the store with `kg build`)")

    do_PUT = do_DELETE = do_PATCH = _refuse_write  # noqa: N815

    def do_OPTIONS(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        cors = self.server.config.cors
        extra = {"Allow": "GET, POST, OPTIONS"}
        if cors:
            extra |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                      "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"}
        self._headers(HTTPStatus.NO_CONTENT, "text/plain", 0, extra)

    # -- the query --------------------------------------------------------------

    def _query(self, params: dict[str, list[str]]) -> None:
        from .guard import refuse_service

        queries = params.get("query", [])
        if len(queries) != 1:
            self._text(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
            return
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._text(HTTPStatus.BAD_REQUEST,
                       "default-graph-uri/named-graph-uri are not supported: the default graph is the union "
                       "of all article graphs; use GRAPH in the query")
            return
        text = queries[0]
        accept = self.headers.get("Accept") or ""
        fmt = (params.get("format") or [""])[0].lower()
        if fmt in _SHORT:
            accept = _SHORT[fmt]
        try:
            refuse_service(text)
        except QueryError as exc:
            self._text(HTTPStatus.FORBIDDEN, str(exc))
            return
        config = self.server.config
        if not self.server.slots.acquire(timeout=config.timeout or None):
            self._text(HTTPStatus.SERVICE_UNAVAILABLE, "busy: too many queries are running; try again")
            return
        spool = _Spool()
        try:
            content_type = run_limited(
                config.location, text, partial(http_writer, accept), spool,
                limits=Limits(timeout=config.timeout, memory_mb=config.memory_mb),
                cancelled=partial(_client_gone, self.connection), method="forkserver",
            )
        except QueryCancelled:
            self.close_connection = True
            return  # nobody is listening
        except (QueryTimeout, QueryMemory) as exc:
            self._text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except StoreError as exc:
            self._text(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except QueryError as exc:  # a syntax error, or an update sent as a query
            self._text(HTTPStatus.BAD_REQUEST, str(exc))
            return
        finally:
            self.server.slots.release()
        try:
            spool.file.seek(0, os.SEEK_END)
            size = spool.file.tell()
            spool.file.seek(0)
            self._headers(HTTPStatus.OK, content_type, size)
            while chunk := spool.file.read(1 << 16):
                self.wfile.write(chunk)
        finally:
            spool.file.close()


class _Spool:
    """Where the child's answer is copied before it is sent (so its length is known)."""

    def __init__(self) -> None:
        import tempfile

        self.file = tempfile.SpooledTemporaryFile(max_size=8 << 20)

    def write(self, data: bytes) -> int:
        return self.file.write(data)


class _Stop(Exception):
    """Raised in the main thread by a stop signal."""


def _family(host: str, port: int) -> int:
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise KgError(f"cannot listen on {host}: {exc.strerror or exc}") from None
    return infos[0][0]


def _warm_forkserver() -> None:
    """Start the fork server now, with the query modules loaded, so the first query is quick."""
    import multiprocessing as mp
    from multiprocessing import forkserver

    mp.get_context("forkserver").set_forkserver_preload(
        ["kg.query.sandbox", "kg.query.runner", "kg.query.output", "kg.query.endpoint", "kg.query.bindings"]
    )
    forkserver.ensure_running()


def make_server(config: ServerConfig) -> _Server:
    """The bound (not yet serving) server; a busy port is one :class:`KgError` line."""
    check_store(config.location)
    try:
        return _Server(config, _family(config.host, config.port))
    except OSError as exc:
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise KgError(
                f"cannot listen on {bind_address(config.host, config.port)}: the port is already in use "
                f"(is port {config.port} already in use? choose another with --port)"
            ) from None
        raise KgError(f"cannot listen on {bind_address(config.host, config.port)}: {exc.strerror or exc}") from None


def run_server(config: ServerConfig, on_start: Callable[[ServerConfig], None] | None = None) -> int:
    """Serve in the foreground until SIGINT, SIGTERM or SIGHUP; returns 0 after such a stop.

    SIGINT is handled even when the shell started us with it ignored (a
    background job), so Ctrl-C or ``kill -INT`` always stops the server.
    """
    server = make_server(config)

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise _Stop(signum)

    stops = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {sig: signal.signal(sig, stop) for sig in stops}
    try:
        _warm_forkserver()
        if on_start is not None:
            on_start(config)
        server.serve_forever(poll_interval=POLL)
    except _Stop:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.server_close()
    return 0


__all__ = [
    "DEFAULT_HOST", "DEFAULT_MAX_QUERIES", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "ServerConfig",
    "bind_address", "check_store", "http_writer", "is_loopback", "make_server", "oxigraph_executable", "run_server",
]
