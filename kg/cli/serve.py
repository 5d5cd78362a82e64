"""``kg serve``: serve the store as a read-only SPARQL endpoint.

Thin: check the options, warn about a non-loopback address, run
:func:`kg.query.endpoint.run_server` in the foreground until Ctrl-C.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..graph.store import default_store_dir
from ..query.endpoint import (
    DEFAULT_HOST, DEFAULT_MAX_QUERIES, DEFAULT_PORT, DEFAULT_TIMEOUT, ServerConfig, is_loopback, run_server,
)
from ..query.sandbox import DEFAULT_MEMORY_MB


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Store directory (default: $KG_STORE or exports/store).",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
    help="Per-query time limit in seconds (0: none); the query's process is killed at the limit.",
)
@click.option(
    "--memory", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB, show_default=True,
    metavar="MB", help="Per-query memory limit (0: none).",
)
@click.option(
    "--max-queries", type=click.IntRange(min=1), default=DEFAULT_MAX_QUERIES, show_default=True,
    help="Queries run at once; more wait their turn.",
)
@click.option("--cors", metavar="ORIGIN", default=None,
              help="Let scripts of this one web origin read answers (e.g. http://localhost:3000); default: none.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (repeatable); default: only the bound address.")
def command(host: str, port: int, store_dir: Path | None, timeout: float, memory_mb: int, max_queries: int,
            cors: str | None, allow_hosts: tuple[str, ...]) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query.

    GET or POST queries; SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV and
    CONSTRUCT/DESCRIBE in Turtle, N-Triples, RDF/XML or JSON-LD, by the Accept
    header. The default graph is the union of all article graphs, as in
    `kg query`, but clients declare their own PREFIXes (HTTP clients send whole
    queries). Updates are refused (403), and so is SERVICE (it would reach the
    network). A browser at http://HOST:PORT/ gets a plain query form that loads
    nothing from anywhere.

    Snapshots: each query reads the store as it was when the query started; a
    `kg build` writing meanwhile shows up in later queries, never half-way.

    Safety: each query runs in its own process, killed at --timeout, above
    --memory, or as soon as its client disconnects. Requests whose Host header
    is not the bound address are refused (DNS rebinding); no CORS header is
    sent unless --cors names an origin.

    \b
    Examples:
      kg serve
      kg serve --port 8000 --timeout 10
      kg serve --cors http://localhost:3000
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {?s ?p ?o} LIMIT 5' \\
           http://127.0.0.1:7878/query
    """
    config = ServerConfig(store_dir if store_dir is not None else default_store_dir(), host, port, timeout,
                          memory_mb, cors, tuple(allow_hosts), max_queries)
    if not is_loopback(host):
        click.secho(
            f"kg serve: WARNING: listening on {host}, reachable from other machines. "
            "The endpoint has no authentication: anyone who can reach it can read the whole graph.",
            fg="red", bold=True, err=True,
        )

    def started(cfg: ServerConfig) -> None:
        limit = f"{cfg.timeout:g}s per query" if cfg.timeout else "no time limit"
        click.echo(f"kg serve: SPARQL endpoint {cfg.url} (read-only, {limit}); Ctrl-C stops it", err=True)
        click.echo(f"kg serve: serving snapshots of {cfg.location}: each query sees the store as it was "
                   "when the query started (a build running now shows up in later queries)", err=True)

    run_server(config, on_start=started)
