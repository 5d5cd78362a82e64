"""``kg query``: run one read-only SPARQL query against the store and print the answer.

Thin: choose the query text (inline, ``-f FILE`` or ``--name``), call
:func:`kg.query.run_query`, hand the answer to a registered writer. The store
is opened read-only, so a query never waits for (or blocks) a ``kg build``.
"""

from __future__ import annotations

import shutil
import sys
from functools import partial
from pathlib import Path

import click

from ..errors import QueryError, StoreError
from ..query import canned_queries, canned_query, open_store, run_query
from ..query.bindings import parse_binding, unknown_bindings
from ..query.guard import refuse_service
from ..query.output import RESULT_FORMATS, cli_writer, write_result
from ..query.sandbox import DEFAULT_MEMORY_MB, Limits, run_limited

DEFAULT_TIMEOUT = 60  # seconds: far above any canned query on the largest corpus, far below "forever"


def _query_text(query: str | None, file: str | None, name: str | None) -> str:
    """The query text, from exactly one of the three sources."""
    given = [x for x in (query, file, name) if x is not None]
    if len(given) != 1:
        raise QueryError("give exactly one of: a QUERY argument, -f FILE, --name NAME (or --list)")
    if name is not None:
        return canned_query(name).text()
    if file is not None:
        if file == "-":
            return sys.stdin.read()
        try:
            with open(file, encoding="utf-8-sig") as fh:  # a BOM is not SPARQL
                return fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{file}: cannot read the query: {exc.strerror or exc}") from None
    assert query is not None
    return query


@click.command("query")
@click.argument("query", required=False)
@click.option("-f", "--file", "file", metavar="FILE", help="Read the query from FILE ('-' for stdin).")
@click.option("-n", "--name", metavar="NAME", help="Run a canned query from ontology/queries (see --list).")
@click.option(
    "-b", "--bind", "binds", multiple=True, metavar="NAME=VALUE",
    help="Give a variable a value (repeatable): person=kgd:Dmitry_Peskov, place='<https://…>', "
    "label='\"Nga\"@vi'; anything else is a plain string.",
)
@click.option("--list", "list_", is_flag=True, help="List the canned queries with their descriptions.")
@click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
    help="Store directory or SPARQL endpoint URL (default: $KG_STORE or exports/store).",
)
@click.option(
    "--format", "fmt", type=click.Choice(RESULT_FORMATS.names()), default="table", show_default=True,
    help="table for people; csv, tsv, json, xml are the W3C SPARQL result formats "
    "(json = SPARQL 1.1 Query Results JSON). CONSTRUCT/DESCRIBE print Turtle (table) or JSON-LD (json).",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
    help="Stop the query after this many seconds (0: no limit).",
)
@click.option(
    "--memory", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB, show_default=True,
    metavar="MB", help="Stop the query if it needs more memory than this (0: no limit).",
)
def command(query: str | None, file: str | None, name: str | None, binds: tuple[str, ...], list_: bool,
            store_dir: str | None, fmt: str, timeout: float, memory_mb: int) -> None:
    """Run a read-only SPARQL QUERY over the union of all article graphs.

    The project's prefixes (kg:, kgd:, kge:, kgc:, schema:, prov:, rdfs:, …) are
    predeclared. UPDATE requests (INSERT, DELETE, LOAD, CLEAR, DROP, …) and
    SERVICE (federated queries, which would reach the network) are refused.
    The query runs in a child process that is killed at --timeout or when it
    needs more than --memory, so a runaway query never outlives its limit; the
    answer is printed only once it is complete. While `kg build` writes the
    store, a read that meets its half-written files is retried.

    \b
    Examples:
      kg query 'SELECT DISTINCT ?p ?o WHERE { ?p kg:spokesperson_of ?o }'
      kg query --name who-said-what --format csv
      kg query --name roles-of-person --bind person=kgd:Dmitry_Peskov
      kg query -f my.rq --format json --store /tmp/store
      kg query --timeout 10 -f heavy.rq
      kg query --list
    """
    out = sys.stdout.buffer
    if list_:
        queries = canned_queries()
        if not queries:
            click.echo("no canned queries shipped", err=True)
        width = max((len(q.name) for q in queries), default=0)
        for q in queries:
            click.echo(f"{q.name:<{width}}  {q.description}".rstrip())
        return
    from ..graph.store import is_store_dir

    text = _query_text(query, file, name)
    bindings = dict(parse_binding(spec) for spec in binds)  # a malformed --bind fails here, before any process starts
    refuse_service(text)
    from ..graph.backends import default_store_spec, is_remote

    spec = store_dir if store_dir is not None else default_store_spec()
    width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    if is_remote(spec):  # a SPARQL 1.1 endpoint bounds its own queries (kg.graph.remote)
        _query_remote(spec, text, bindings, fmt, out, width)
        return
    location = Path(spec)
    if not is_store_dir(location):
        raise StoreError(f"{location}: no store here (run `kg build` first, or pass --store DIR)")
    if bindings:
        store = open_store(location)
        try:
            for line in unknown_bindings(store, bindings):  # an empty answer should not read as "no facts"
                click.echo(f"kg: warning: {line}", err=True)
        finally:
            store.close()
    run_limited(location, text, partial(cli_writer, fmt, width), out, binds=binds,
                limits=Limits(timeout=timeout, memory_mb=memory_mb))
    out.flush()


def _query_remote(spec: str, text: str, bindings: dict, fmt: str, out, width: int) -> None:
    """A query against a SPARQL endpoint URL: the server evaluates it; the answer is written here."""
    store = open_store(spec)
    try:
        for line in unknown_bindings(store, bindings):
            click.echo(f"kg: warning: {line}", err=True)
        write_result(run_query(store, text, bindings=bindings), fmt, out, width)
        out.flush()
    finally:
        store.close()
