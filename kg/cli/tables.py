"""Options shared by the commands that read articles (``build``, ``parse``, ``eval``).

``--columns text=Body,title=Headline`` names the columns of a table of articles
(``.csv``/``.tsv``/``.jsonl``) when their names are not the usual ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def _columns(ctx: click.Context, param: click.Parameter, value: str | None) -> dict[str, str]:
    from ..read.table import parse_columns

    try:
        return parse_columns(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix("--columns: "), ctx=ctx, param=param) from None


def columns_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--columns", "columns", metavar="FIELD=COLUMN,…", default=None, callback=_columns,
        help="Name the columns of .csv/.tsv/.jsonl tables: fields text, title, url, published, outlet, "
             "category (default: the usual names, e.g. Content, Title, URL, Time, Source, Category).",
    )(f)


def context_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--context", "context", metavar="PATH", multiple=True, type=click.Path(exists=True, path_type=str),
        help="More articles of the same outlets (files or folders; repeatable), read only to learn the "
             "passages a site glues from one story onto another (a related story's lead after the "
             "article). Never built.",
    )(f)
