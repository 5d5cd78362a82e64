"""``kg export``: write the store as Turtle, TriG, JSON-LD, N-Triples, N-Quads or GraphML.

Thin: open the store read-only, call :func:`kg.export.serialize.write_export`
(atomic: the previous file survives a failed export) or stream to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..export.formats import EXPORT_FORMATS
from ..export.serialize import default_export_path, export_to, write_export
from ..query import open_store


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS.names()), default="turtle", show_default=True,
    help="Output format (see above).",
)
@click.option(
    "-o", "--output", metavar="FILE", default=None,
    help="Where to write ('-' for stdout). Default: graph.<ext> beside the store directory, "
    "as `kg build` does (exports/graph.<ext> for the default store exports/store).",
)
@click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
    help="Store directory or SPARQL endpoint URL (default: $KG_STORE or exports/store).",
)
def command(fmt: str, output: str | None, store_dir: str | None) -> None:
    """Export the built graph in one file (written atomically).

    \b
    turtle   Turtle: union of all graphs, with the project's prefixes
    nt       N-Triples: union of all graphs, one triple per line
    trig     TriG: one named graph per article (provenance kept)
    nq       N-Quads: one named graph per article, one quad per line
    jsonld   JSON-LD compacted with ontology/context.jsonld, a @graph per article
    graphml  GraphML: actors, events, claims as nodes (Gephi, yEd)

    \b
    Examples:
      kg export                                  exports/graph.ttl
      kg export --format jsonld -o graph.jsonld
      kg export --format nq -o - | gzip > graph.nq.gz
      kg export --format graphml                 exports/graph.graphml
      kg export --store /tmp/kg/store --format trig   /tmp/kg/graph.trig
    """
    store = open_store(store_dir)
    try:
        if output == "-":
            out = sys.stdout.buffer
            export_to(store, fmt, out)
            out.flush()
            return
        base = store.path.parent if store.path is not None else Path.cwd() / "exports"  # a remote store: ./exports
        target = output if output is not None else default_export_path(fmt, base)
        path = write_export(store, fmt, target)
        counted = _counted(store, fmt)
    finally:
        store.close()
    click.echo(f"kg export: wrote {path} ({fmt}{counted})", err=True)


def _counted(store: object, fmt: str) -> str:
    """What the file holds, in the words `kg build` and `kg validate` use: quads
    (a statement once per graph) for the formats that keep the graphs, distinct
    triples (all graphs merged, the ontology included) for the others."""
    spec = EXPORT_FORMATS.get(fmt)
    if fmt == "graphml":
        return ""
    try:
        if spec.named_graphs:
            return f": {store.quad_count()} quads, ontology included"  # type: ignore[attr-defined]
        rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")  # type: ignore[attr-defined]
        n = next(iter(rows))["n"].value
        return f": {n} distinct triples of all graphs merged, ontology included"
    except Exception:  # noqa: BLE001 - the file is written; the count is only a courtesy
        return ""
