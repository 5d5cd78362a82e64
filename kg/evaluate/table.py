"""The readable report of ``kg eval`` (rich tables).

Order matters: the before-stop hook shows only the last 25 lines of the plain
output, so the details (long) come first, then one line per article, and the
micro-averaged summary last, in well under 25 lines.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .score import ARG_KEYS, PRF_KEYS, ArticleScore, Counts, Report

_LABELS = {
    "entities": "entities",
    "entities_typed": "entities (typed)",
    "roles": "roles",
    "events": "events",
    "claims": "claims",
    "location": "  event location",
    "date": "  event date",
    "participants": "  event participants",
}


def _f(x: float) -> str:
    return f"{x:.3f}"


def _tally(right: int, total: int) -> str:
    return f"{right}/{total}"


def print_details(console: Console, report: Report) -> None:
    """Per article, the gold rows missed and the predictions that matched nothing."""
    for a in report.articles:
        console.rule(escape(a.doc), style="dim")
        empty = True
        for section, lines in a.details.items():
            if not lines:
                continue
            empty = False
            console.print(f"[bold]{escape(section)}[/] ({len(lines)})")
            for line in lines:
                console.print(f"  - {escape(line)}", soft_wrap=True)
        if empty:
            console.print("  nothing missed, nothing false")


def articles_table(report: Report) -> Table:
    t = Table(title="per article (F1)", box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    t.add_column("article", overflow="fold")
    for k in ("ent", "typed", "roles", "events", "claims"):
        t.add_column(k, justify="right")
    t.add_column("dates", justify="right")
    t.add_column("contam", justify="right")
    t.add_column("body", justify="right")
    for a in report.articles:
        t.add_row(
            escape(a.doc),
            *(_f(a.prf[k].f1) for k in PRF_KEYS),
            _tally(a.claim_dates.right, a.claim_dates.total),
            str(len(a.contamination)),
            _tally(a.body.right, a.body.total),
        )
    return t


def micro_table(micro: ArticleScore, n_articles: int) -> Table:
    t = Table(
        title=f"micro-averaged over {n_articles} article{'s' * (n_articles != 1)}",
        box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left",
    )
    t.add_column("figure")
    for k in ("P", "R", "F1", "tp", "fp", "fn"):
        t.add_column(k, justify="right")
    rows: list[tuple[str, Counts]] = [(_LABELS[k], micro.prf[k]) for k in PRF_KEYS[:4]]
    rows += [(_LABELS[k], micro.event_args[k]) for k in ARG_KEYS]
    rows.append((_LABELS["claims"], micro.prf["claims"]))
    for label, c in rows:
        t.add_row(label, _f(c.p), _f(c.r), _f(c.f1), str(c.tp), str(c.fp), str(c.fn))
    return t


def print_report(console: Console, report: Report, *, details: bool = False) -> None:
    if details:
        print_details(console, report)
    console.print(articles_table(report))
    micro = report.micro
    console.print(micro_table(micro, len(report.articles)))
    console.print(
        f"claim dates right {_tally(micro.claim_dates.right, micro.claim_dates.total)}   "
        f"contamination {len(micro.contamination)} (target 0)   "
        f"body boundaries right {_tally(micro.body.right, micro.body.total)}"
    )
    if report.unreadable:
        console.print(f"unreadable (scored as all missed): {', '.join(report.unreadable)}")
