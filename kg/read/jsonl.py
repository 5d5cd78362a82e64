"""Reader for JSON Lines: one article per line.

Each line is an object with ``text`` (required; paragraphs separated by
newlines) and optional ``title``, ``url``, ``published``, ``outlet``; other keys
are kept in ``meta``. A bad line (not JSON, not an object, no text) is
reported with its line number and the other lines are still read. The
article's ``source`` is ``path:line``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..clean.article import make_article
from ..clean.dates import parse_published
from ..clean.language import looks_vietnamese
from ..clean.page import clean_paragraphs
from ..errors import InputError
from ..model import Article
from . import READERS

_KNOWN = {"text", "title", "url", "published", "outlet"}


def _article(source: str, lineno: int, rec: object) -> Article:
    def bad(problem: str) -> InputError:
        return InputError(source, problem, line=lineno)

    if not isinstance(rec, dict):
        raise bad(f"expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad('no "text" (a non-empty string) in the record')
    for key in ("title", "url", "published", "outlet"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise bad(f'"{key}" must be a string')
    cleaned = clean_paragraphs(text.split("\n"))
    if not cleaned.paragraphs:
        raise bad("no article text in the record")
    if not looks_vietnamese("\n".join(cleaned.paragraphs)):
        raise bad("no Vietnamese text found")
    printed = rec.get("published")
    published = parse_published(printed) if printed else None
    meta = dict(cleaned.meta)
    meta.update({k: str(v) for k, v in rec.items() if k not in _KNOWN and isinstance(v, (str, int, float))})
    if printed and published is None:
        meta["published_printed"] = printed
    return make_article(
        source=f"{source}:{lineno}",
        paragraphs=cleaned.paragraphs,
        title=rec.get("title") or None,
        published=published,
        outlet=rec.get("outlet") or None,
        url=rec.get("url") or None,
        captions=cleaned.captions,
        meta=meta,
    )


@READERS.register("jsonl")
def read_jsonl(source: str, text: str) -> Iterator[Article | InputError]:
    seen = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen = True
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"malformed JSON ({exc.msg} at column {exc.colno})", line=lineno)
            continue
        try:
            yield _article(source, lineno, rec)
        except InputError as err:
            yield err
    if not seen:
        yield InputError(source, "empty file")
