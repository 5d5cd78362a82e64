"""``kg eval GOLD_DIR CORPUS_DIR``: score extraction against gold files.

Thin: parse options, call :func:`kg.evaluate.evaluate`, print. With ``--json``
stdout carries the JSON document and nothing else (progress and warnings go to
stderr) so scripts can pipe it.
"""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console

from ..evaluate import evaluate
from ..evaluate.table import print_report
from .tables import columns_option, context_option


@click.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=str))
@click.argument("corpus_dir", type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON (the only thing on stdout).")
@click.option(
    "-v", "--details", is_flag=True,
    help="List per article the gold rows missed and the false positives (in the JSON: a 'details' key).",
)
@columns_option
@context_option
def command(gold_dir: str, corpus_dir: str, as_json: bool, details: bool, columns: dict[str, str],
            context: tuple[str, ...]) -> None:
    """Score extraction against the gold files of GOLD_DIR (see shared/gold/FORMAT.md).

    Reads from CORPUS_DIR only the articles the gold files name in `doc`, builds
    each on its own and prints precision, recall and F1 of entities, roles,
    events and claims per article and micro-averaged, with claim dates,
    contamination (must_not names in the graph) and body boundaries. An
    article that cannot be read is a warning and is scored as all missed; the
    evaluation goes on. Articles may be tables (.csv rows) like any other input.

    \b
    Examples:
      kg eval ../shared/gold ../shared/seeds
      kg eval ../shared/gold-unc ../shared/corpora/unc --json
      kg eval ../shared/gold ../shared/seeds -v      # what was missed, what was wrong
      kg eval ../shared/gold-2025 ../shared/gold-2025/articles --context ../shared/corpora/news2025
    """
    err = Console(stderr=True)

    def progress(n: int, total: int, doc: str) -> None:
        if err.is_terminal:
            err.print(f"[dim]kg eval: {n}/{total} {doc}[/]")

    report = evaluate(gold_dir, corpus_dir, progress=progress, columns=columns or None, context=context)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(details=details), ensure_ascii=False, indent=2) + "\n")
        return
    out = Console()
    if not out.is_terminal:
        out = Console(width=110)
    print_report(out, report, details=details)
