"""``kg serve``: serve the store as a read-only SPARQL endpoint (Oxigraph's server).

Thin: check the options, warn about a non-loopback address, run
:func:`kg.query.endpoint.run_server` in the foreground until Ctrl-C.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..graph.store import default_store_dir
from ..query.endpoint import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT, ServerConfig, is_loopback, run_server


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Store directory (default: $KG_STORE or exports/store).",
)
@click.option(
    "--timeout", type=click.IntRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
    help="Per-query time limit in seconds (0: none); Oxigraph cancels the query at its next "
    "check and the client gets an error.",
)
def command(host: str, port: int, store_dir: Path | None, timeout: int) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query.

    GET or POST queries; SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV and
    CONSTRUCT/DESCRIBE in Turtle, N-Triples, RDF/XML or JSON-LD, by the Accept
    header. The default graph is the union of all article graphs, as in
    `kg query`, but clients declare their own PREFIXes (HTTP clients send whole
    queries); updates are refused (403). A browser at http://HOST:PORT/ gets
    a query editor. Do not serve a store while `kg build` is writing it.

    \b
    Examples:
      kg serve
      kg serve --port 8000 --timeout 10
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {?s ?p ?o} LIMIT 5' \\
           http://127.0.0.1:7878/query
    """
    config = ServerConfig(store_dir if store_dir is not None else default_store_dir(), host, port, timeout)
    if not is_loopback(host):
        click.secho(
            f"kg serve: WARNING: listening on {host}, reachable from other machines. "
            "The endpoint has no authentication: anyone who can reach it can read the whole graph.",
            fg="red", bold=True, err=True,
        )

    def started(cfg: ServerConfig) -> None:
        limit = f"{cfg.timeout}s per query" if cfg.timeout else "no time limit"
        click.echo(f"kg serve: SPARQL endpoint {cfg.url} (read-only, {limit}); Ctrl-C stops it", err=True)

    run_server(config, on_start=started)
