"""``kg validate``: check the store against the SHACL shapes; one line per violation.

Exit codes: 0 the graph conforms; 1 violations found; 2 no store / unreadable store.
"""

from __future__ import annotations

import json
import sys

import click

from ..graph.validate import validate_store


@click.command("validate")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Store directory or SPARQL endpoint URL (default: $KG_STORE or exports/store).")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Print at most this many violations (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def command(store_dir: str | None, limit: int, as_json: bool) -> None:
    """Validate the graph in the store against ontology/shapes.ttl (SHACL).

    Every claim needs a speaker and a source article, every event a type,
    every role edge a Person subject, every statement evidence with offsets.

    \b
    Examples:
      kg validate
      kg validate --store /tmp/kg/store --limit 0
      kg validate --json
    """
    from ..query import open_store

    with open_store(store_dir) as store:
        n_articles = len(store.article_ids())
        report = validate_store(store)
    if as_json:
        click.echo(json.dumps({"articles": n_articles, **report.to_dict()}, ensure_ascii=False, indent=2))
    else:
        shown = report.violations if limit == 0 else report.violations[:limit]
        for v in shown:
            click.echo(v.line())
        if len(shown) < len(report.violations):
            click.echo(f"… and {len(report.violations) - len(shown)} more (--limit 0 shows all)")
        if report.conforms:
            click.echo(f"valid: {n_articles} articles, {report.triples} distinct triples "
                       "(all graphs merged, the ontology apart) conform to the shapes")
        else:
            click.echo(f"invalid: {len(report.violations)} violations in {n_articles} articles "
                       f"({report.triples} distinct triples of all graphs merged, the ontology apart)", err=True)
    if not report.conforms:
        sys.exit(1)
