"""``kg remove``: drop articles (by id, by the path they were read from, or by that file's name) from the store.

Each article's facts are its own named graph, so removing it leaves no orphan
and does not touch what other articles say about the same actors. The exports
a build wrote beside the store (``OUT/graph.ttl``, ``OUT/explorer.html`` for
``OUT/store``) are rewritten afterwards.
Exit codes: 0 removed; 1 an argument names no article in the store (or a file name
that several stored files share); 2 store errors.
"""

from __future__ import annotations

import sys
from pathlib import PurePath
from typing import TYPE_CHECKING

import click

from ..build import EXPORT_EXPLORER, EXPORT_TURTLE, write_exports

if TYPE_CHECKING:
    from ..graph.store import Store


@click.command("remove")
@click.argument("refs", nargs=-1, required=True, metavar="ID_PATH_OR_NAME...")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Store directory or SPARQL endpoint URL (default: $KG_STORE or exports/store).")
@click.option("--no-exports", is_flag=True, help="Do not rewrite graph.ttl / explorer.html beside the store.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def command(refs: tuple[str, ...], store_dir: str | None, no_exports: bool, quiet: bool) -> None:
    """Remove articles from the store, by article id, source path or file name.

    A file name alone (no folder) names the stored articles read from a file of
    that name, wherever it was; every article of a JSONL file goes with it.
    Article ids are listed by `kg query --name article-assertions` or
    `kg query 'SELECT DISTINCT ?id ?source WHERE { ?a kg:articleId ?id ; kg:sourcePath ?source }'`.

    \b
    Examples (on the sample store, `kg build examples/`):
      kg remove 998a82a685c62c45
      kg remove examples/02_putin_biden_phone_call.txt
      kg remove 04_alaska_summit.txt 06_interviews.jsonl
      kg remove 249805fafdc22963 --store /tmp/kg/store
    """
    from ..graph.store import is_store_dir
    from ..errors import StoreError

    from ..graph.backends import default_store_spec, is_remote, open_store

    path = store_dir if store_dir is not None else default_store_spec()
    if not is_remote(path) and not is_store_dir(path):
        raise StoreError(f"{path}: no store here (run `kg build` first, or pass --store DIR)")
    missing: list[str] = []
    removed: list[str] = []
    ambiguous: list[str] = []
    with open_store(path) as store:
        for ref in refs:
            ids = store.find_articles(ref) or _by_file_name(store, ref, ambiguous)
            if not ids:
                missing.append(ref)
                continue
            for aid in ids:
                if store.remove_article(aid):
                    removed.append(aid)
        if removed:
            from ..build import relink

            relink(store)  # a name that went with the removed articles may no longer resolve
            store.refresh_co_mention_floor()
            store.refresh_summaries()
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
    for line in ambiguous:
        click.echo(f"kg: error: {line}", err=True)
    for ref in missing:
        if not any(line.startswith(f"{ref}:") for line in ambiguous):
            click.echo(f"kg: error: {ref}: no such article in the store (give its id, its path or its file name)", err=True)
    if missing:
        sys.exit(1)


def _by_file_name(store: Store, ref: str, ambiguous: list[str]) -> list[str]:
    """Articles read from a file called ``ref`` (a bare name, no folder).

    When files of that name in different folders were built, nothing is
    removed: the message lists their paths, so the user can give one.
    """
    from ..graph.store import _path_part

    if not ref or "/" in ref or "\\" in ref:
        return []
    files: dict[str, list[str]] = {}
    for aid, source in store.article_sources().items():
        part = _path_part(source)
        if PurePath(part).name == ref:
            files.setdefault(part, []).append(aid)
    if len(files) > 1:
        ambiguous.append(f"{ref}: several stored files have that name ({', '.join(sorted(files))}); give the path")
        return []
    return sorted(next(iter(files.values()), []))
