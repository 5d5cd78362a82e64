"""``kg build``: read, extract, link and store articles; write the exports; print a summary.

Thin: parse options, call :func:`kg.build.build`, print. Exit codes: 0 built
(or nothing to do; bad inputs were warned about and skipped); 1 nothing could
be read or built, or an export failed; 2 a fatal error (``--strict`` and a bad
input, a locked or broken store).
"""

from __future__ import annotations

import json
import sys

import click

from ..build import BuildSummary, build
from .tables import columns_option, context_option


def _print_summary(s: BuildSummary) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False, highlight=False)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    articles = f"{s.articles} read, {s.built} built"
    if s.skipped:
        articles += f", {s.skipped} unchanged"
    if s.failed:
        articles += f", {s.failed} failed"
    table.add_row("articles", articles)
    for name in ("entities", "roles", "events", "claims", "triples"):
        table.add_row(name, str(getattr(s, name)))
    table.add_row("store", f"{s.store} ({s.store_articles} articles, {s.store_quads} quads)")
    for name, path in s.exports.items():
        table.add_row(name, path)
    table.add_row("time", f"{s.seconds:.1f} s")
    console.print(table)
    for note in s.notes:
        console.print(f"note: {note}")


@click.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Output folder: the store goes to OUT/store, exports beside it (default: exports/).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Store directory (default: OUT/store, or $KG_STORE when --out is not given).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for extraction (the store has one writer).")
@click.option("--strict", is_flag=True, help="A bad input file is fatal (default: warn and skip it).")
@click.option("--force", is_flag=True, help="Rebuild every article, even those unchanged since the last build.")
@click.option("--no-exports", is_flag=True, help="Only update the store; do not write graph.ttl / explorer.html.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (warnings still go to stderr).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@columns_option
@context_option
def command(paths: tuple[str, ...], out: str | None, store_dir: str | None, jobs: int, strict: bool,
            force: bool, no_exports: bool, quiet: bool, as_json: bool, columns: dict[str, str],
            context: tuple[str, ...]) -> None:
    """Build the knowledge graph of PATHS (files or folders) into the store.

    Each article becomes its own named graph; re-running skips unchanged
    articles, and a changed article replaces exactly its own facts. Writes
    OUT/graph.ttl and OUT/explorer.html, then prints a short summary.

    \b
    Examples:
      kg build ../shared/seeds                 build the seeds into exports/
      kg build examples/ --out /tmp/kg         store in /tmp/kg/store, exports in /tmp/kg
      kg build corpus/ --jobs 4 --quiet        four extraction workers, no output
      kg build a.txt b.html --json             summary as JSON (for scripts)
      kg build corpus/ --strict                stop at the first unreadable file
      kg build crawl.csv --columns text=Body   a table of articles whose text column is "Body"
    """
    from ..graph.store import default_out_dir, default_store_dir

    out_dir = out if out is not None else str(default_out_dir())
    if store_dir is not None:
        store = store_dir
    else:  # --out DIR puts the store in DIR/store; otherwise the shared default ($KG_STORE or exports/store)
        store = str(default_store_dir(out) if out is not None else default_store_dir())
    summary = build(list(paths), store=store, out=None if no_exports else out_dir,
                    jobs=jobs, quiet=quiet or as_json, strict=strict, force=force, exports=not no_exports,
                    columns=columns or None, context=context)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    elif not quiet:
        _print_summary(summary)
    for err in summary.errors:
        if err.startswith("export:"):
            click.echo(f"kg: error: {err}", err=True)
    if summary.failed > 0 and summary.articles == 0:
        click.echo("kg: error: nothing could be read from the given paths", err=True)
        sys.exit(1)
    if summary.failed > 0 and summary.built + summary.skipped == 0:
        click.echo("kg: error: no article could be built", err=True)
        sys.exit(1)
    if not summary.ok:
        sys.exit(1)
