"""``kg view``: write the HTML explorer of the built graph.

Thin: open the store read-only, call :func:`kg.export.explorer.write_explorer`,
print where the page went and how much of the graph it shows.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..export.explorer import write_explorer
from ..query import open_store


@click.command("view")
@click.option(
    "-o", "--out", "out", metavar="FILE", default=None,
    help="Where to write the page (default: exports/explorer.html).",
)
@click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
    help="Store directory or SPARQL endpoint URL (default: $KG_STORE or exports/store).",
)
@click.option(
    "--focus", metavar="ENTITY", default=None,
    help="Open on one entity's neighbourhood: its id (Dmitry_Peskov), label or alias, with or without diacritics.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=150, show_default=True,
    help="How many of the most connected entities the default view shows (the rest is found by search).",
)
def command(out: str | None, store_dir: str | None, focus: str | None, limit: int) -> None:
    """Write a self-contained HTML explorer of the graph (works offline, no server).

    Entities and events are drawn by type (colour and shape, see the legend),
    sized by their number of links; at the first view the labels that fit
    without overlapping are drawn legibly, the others (and the edges' labels)
    appear as you zoom in. Claims are gathered on their speakers (a count on
    the node, the list in its panel; "claims as nodes" draws them). Under the
    graph, a timeline of events and claims: drag across it to keep one period,
    click a mark to open it. Hover for a summary; click for the supporting
    sentences, the article's title, outlet and date. Dates read 29/6/2025 (29/6
    when the year is unknown). Search with or without diacritics; filter by
    type, relation, article and date.

    \b
    Examples:
      kg view                                   exports/explorer.html, top 150 entities
      kg view --focus "Dmitry Peskov"           open on Peskov's neighbourhood
      kg view --focus "dien kremlin" -o kremlin.html
      kg view --limit 500 --store /data/kg/store
    """
    path = Path(out) if out is not None else Path.cwd() / "exports" / "explorer.html"
    store = open_store(store_dir)
    try:
        page = write_explorer(store, path, focus=focus, limit=limit)
    finally:
        store.close()
    focus_note = f", focused on {page.focus}" if page.focus else ""
    click.echo(
        f"kg view: wrote {page.path} ({page.nodes_shown} of {page.nodes_total} nodes shown, "
        f"{page.edges_shown} of {page.edges_total} edges{focus_note}"
        + (f"; {page.gathered} claims gathered on their speakers)" if page.gathered else ")")
    )
