"""Reader for corpora whose files open with ``# key = value`` headers.

This is the Underthesea News Corpus format (``# doc_id``, ``# url``,
``# date = 20210421``, then one paragraph per line). The corpus dropped the
headline of most articles but kept it as the first line of the older ones,
and nothing says which, so every line is body (only captions and a closing
byline are set apart): ``title`` stays ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..clean.article import make_article
from ..clean.dates import parse_published
from ..clean.language import looks_vietnamese
from ..clean.normalize import normalize_text
from ..clean.page import clean_paragraphs
from ..errors import InputError
from ..model import Article
from . import READERS

_HEADER = re.compile(r"^#\s*(?P<key>[\w-]+)\s*=\s*(?P<value>.*?)\s*$")


def split_headers(text: str) -> tuple[dict[str, str], list[str]]:
    """The header mapping and the remaining lines."""
    lines = normalize_text(text).split("\n")
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i].strip())
        if not m:
            break
        headers[m["key"].lower()] = m["value"]
        i += 1
    return headers, lines[i:]


@READERS.register("unc")
def read_unc(source: str, text: str) -> Iterator[Article | InputError]:
    headers, lines = split_headers(text)
    cleaned = clean_paragraphs(lines)
    if not cleaned.paragraphs:
        yield InputError(source, "no body after the '# key = value' header lines")
        return
    if not looks_vietnamese("\n".join(cleaned.paragraphs)):
        yield InputError(source, "no Vietnamese text found")
        return
    date = headers.get("date")
    published = parse_published(date) if date else None
    meta = dict(cleaned.meta)
    meta.update({k: v for k, v in headers.items() if k not in {"url", "date", "title"}})
    if date and published is None:
        meta["date_printed"] = date
    yield make_article(
        source=source,
        paragraphs=cleaned.paragraphs,
        title=headers.get("title") or None,
        published=published,
        url=headers.get("url") or None,
        outlet=headers.get("outlet") or None,
        captions=cleaned.captions,
        meta=meta,
    )
