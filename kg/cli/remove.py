"""``kg remove``: drop articles (by id or by the path they were read from) from the store.

Each article's facts are its own named graph, so removing it leaves no orphan
and does not touch what other articles say about the same actors. The exports
a build wrote beside the store (``OUT/graph.ttl``, ``OUT/explorer.html`` for
``OUT/store``) are rewritten afterwards.
Exit codes: 0 removed; 1 an argument names no article in the store; 2 store errors.
"""

from __future__ import annotations

import sys

import click

from ..build import EXPORT_EXPLORER, EXPORT_TURTLE, write_exports


@click.command("remove")
@click.argument("refs", nargs=-1, required=True, metavar="ARTICLE_ID_OR_PATH...")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Store directory or SPARQL endpoint URL (default: $KG_STORE or exports/store).")
@click.option("--no-exports", is_flag=True, help="Do not rewrite graph.ttl / explorer.html beside the store.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def command(refs: tuple[str, ...], store_dir: str | None, no_exports: bool, quiet: bool) -> None:
    """Remove articles from the store, by article id or by source path.

    \b
    Examples:
      kg remove 4e6d4f8cfed23223
      kg remove ../shared/seeds/000_4e6d4f8cfed23223.txt
      kg remove ID1 ID2 --store /tmp/kg/store
    """
    from ..graph.store import is_store_dir
    from ..errors import StoreError

    from ..graph.backends import default_store_spec, is_remote, open_store

    path = store_dir if store_dir is not None else default_store_spec()
    if not is_remote(path) and not is_store_dir(path):
        raise StoreError(f"{path}: no store here (run `kg build` first, or pass --store DIR)")
    missing: list[str] = []
    removed: list[str] = []
    with open_store(path) as store:
        for ref in refs:
            ids = store.find_articles(ref)
            if not ids:
                missing.append(ref)
                continue
            for aid in ids:
                if store.remove_article(aid):
                    removed.append(aid)
        if removed:
            store.refresh_co_mention_floor()
        out = store.path.parent if store.path else None
        # rewrite the exports only where a build wrote them (OUT/store beside OUT/graph.ttl)
        if removed and not no_exports and out is not None and any(
            (out / name).exists() for name in (EXPORT_TURTLE, EXPORT_EXPLORER)
        ):
            summary = write_exports(store, out)
            for err in summary.errors:
                click.echo(f"kg: error: {err}", err=True)
    if not quiet:
        for aid in removed:
            click.echo(f"removed {aid}")
    for ref in missing:
        click.echo(f"kg: error: {ref}: no such article in the store", err=True)
    if missing:
        sys.exit(1)
