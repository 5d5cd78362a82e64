"""``kg parse``: show the cleaned articles exactly as the extractors will read them.

Thin: read with :func:`kg.read.read_articles`, print each
:class:`~kg.model.Article` as a summary or as JSON. Bad files are skipped with a
one-line warning (or are fatal with ``--strict``); the exit status is non-zero
only when nothing could be read.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap

import click

from ..errors import InputError, KgError
from ..model import Article
from .tables import columns_option, context_option


def _summary(a: Article) -> str:
    lines = [
        f"== {a.source}",
        f"id:        {a.id}",
        f"title:     {a.title or '-'}",
        f"published: {a.published or '-'}",
        f"outlet:    {a.outlet or '-'}",
    ]
    if a.url:
        lines.append(f"url:       {a.url}")
    lines.append(f"credits:   {', '.join(a.credits) or '-'}")
    for k, v in sorted(a.meta.items()):
        lines.append(f"meta.{k}: " + v.replace("\n", " | "))
    if a.captions:
        lines.append(f"captions ({len(a.captions)}):")
        lines += [f"  - {c}" for c in a.captions]
    n_par = a.body.count("\n") + 1 if a.body else 0
    lines.append(f"body: {n_par} paragraphs, {len(a.sentences)} sentences, {len(a.body)} characters")
    width = 100
    for s in a.sentences:
        head = f"  [{s.index:>3}] p{s.paragraph:<2} {s.start:>5}-{s.end:<5} "
        wrapped = textwrap.wrap(s.text, width=width - len(head)) or [""]
        lines.append(head + wrapped[0])
        lines += [" " * len(head) + w for w in wrapped[1:]]
    return "\n".join(lines)


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of the Article records.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read (default: warn and skip it).")
@columns_option
@context_option
def command(paths: tuple[str, ...], as_json: bool, strict: bool, columns: dict[str, str],
            context: tuple[str, ...]) -> None:
    """Print the cleaned articles of PATHS.

    Shows what the extractors will read. PATHS are files or folders (walked recursively) of scraped page text
    (.txt), HTML pages (.html), tables of articles (.csv, .tsv, and JSON Lines
    .jsonl/.ndjson: one article per row, columns found by their usual names
    such as Content/text, Title, URL, Time/published, Source/outlet, Category,
    or named with --columns) and corpora whose files open with "# key = value"
    headers. Each article is printed with
    its id, title, published date, outlet, credits, captions and the body's
    sentences with their character offsets: exactly what the extractors read.

    Files are UTF-8, or UTF-16/UTF-32 with a byte-order mark; legacy
    Windows-1258 files are decoded when they read as Vietnamese, anything else
    is reported. A bad file is skipped with a one-line warning; the exit status
    is non-zero only when no article could be read, or at the first bad file
    with --strict.

    \b
    Examples:
      kg parse examples/                      readable summary of the sample corpus
      kg parse page.txt --json                the Article record as JSON
      kg parse ../shared/seeds --strict       fail on the first unreadable file
      kg parse crawl.csv --columns text=Body  a table whose text column is "Body"
      kg parse one.csv --context corpus/     learn the site's glued teasers from corpus/
    """
    problems: list[InputError] = []

    def warn(err: InputError) -> None:
        problems.append(err)
        click.echo(f"kg: warning: {err} (skipped)", err=True)

    count = 0
    try:
        if as_json:
            click.echo("[", nl=False)
        for article in _read(paths, strict, warn, columns, context):
            if as_json:
                text = json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
                click.echo(("," if count else "") + "\n" + textwrap.indent(text, "  "), nl=False)
            else:
                click.echo(("\n" if count else "") + _summary(article))
            count += 1
        if as_json:
            click.echo("\n]" if count else "]")
    except BrokenPipeError:  # `kg parse … | head`: the reader has seen enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    if count == 0:
        raise KgError(
            f"no article could be read from {', '.join(paths)}"
            + (f" ({len(problems)} file(s) skipped, see warnings)" if problems else "")
        )


def _read(paths: tuple[str, ...], strict: bool, warn, columns=None, context=()):  # -> Iterator[Article]
    from ..read import read_articles  # imported here: keeps `kg --help` fast

    return read_articles(list(paths), strict=strict, on_error=warn, columns=columns, context=context)
