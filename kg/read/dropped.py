"""Say so when a page reader keeps a small part of a large file.

A page file holds one article: the cleaner takes the headline, then the body
up to where the page moves on (an end marker such as "Tin liên quan", a
teaser's date, a headline printed twice…), and drops the rest as the site's
chrome. That is right for a saved news page, whose dropped part is menus and
teasers. It is silent data loss for a file that is really many articles
joined together (a 5 MB dump of 1,053 articles became one article of 35,084
characters). The two are told apart by what was dropped: body-shaped
paragraphs (a full sentence of eight words or more, or any line over 25
words) that the article does not contain. When they outweigh what was kept,
and are more than :data:`MIN_DROPPED` characters, the reader adds a warning
that names the file, what was kept (characters, lines), what was dropped, and
the line where the body ended.
"""

from __future__ import annotations

from ..clean.normalize import match_key, normalize_text
from ..errors import InputWarning

# A dropped part smaller than this is a page's teasers, not lost articles.
MIN_DROPPED = 8000
# ... and it must be at least this many times what was kept.
RATIO = 2.0


def _paragraph_shaped(line: str) -> bool:
    words = len(line.split())
    return words > 25 or (words >= 8 and line.endswith(".") and not line.endswith("..."))


def dropped_warning(source: str, text: str, paragraphs: list[str], captions: list[str]) -> InputWarning | None:
    """An :class:`InputWarning` when body-shaped text far larger than the kept body was dropped."""
    kept_keys = {match_key(p) for p in (*paragraphs, *captions)}
    kept = sum(len(p) for p in paragraphs)
    lines = [(n, " ".join(raw.split())) for n, raw in enumerate(normalize_text(text).split("\n"), 1)]
    lines = [(n, t) for n, t in lines if t]
    dropped = 0
    dropped_lines = 0
    for _, t in lines:
        if _paragraph_shaped(t) and match_key(t) not in kept_keys:
            dropped += len(t)
            dropped_lines += 1
    if dropped < MIN_DROPPED or dropped < RATIO * kept:
        return None
    # where the body stopped: the line after the last kept paragraph
    last_key = match_key(paragraphs[-1]) if paragraphs else None
    last = min((i for i, (_, t) in enumerate(lines) if match_key(t) == last_key), default=None)
    where = ""
    if last is not None and last + 1 < len(lines):
        n, t = lines[last + 1]
        shown = t if len(t) <= 60 else t[:57] + "…"
        where = f"; the body ended before line {n} ({shown!r}), which reads as the end of an article"
    total = kept + dropped
    return InputWarning(
        source,
        f"kept one article of {kept:,} characters ({len(paragraphs)} paragraphs) and dropped "
        f"{dropped:,} characters of body-like text ({dropped_lines:,} paragraphs, "
        f"{dropped / total:.1%} of the text){where}. A page file is read as one article: "
        "split a file of many articles into one file each, or write them as .jsonl (one per line)",
    )
