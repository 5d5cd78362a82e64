"""Reader for scraped page text (``.txt`` saved from a news site, like the seeds).

The page is the article wrapped in the site's menus, teasers and widgets;
:func:`kg.clean.page.clean_page` finds the article, this module only turns the
result into a record and refuses pages that hold no Vietnamese article.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..clean.article import make_article
from ..clean.language import looks_vietnamese
from ..clean.normalize import normalize_text
from ..clean.page import clean_page
from ..errors import InputError, InputWarning
from ..model import Article
from . import READERS
from .dropped import dropped_warning


def article_from_page(source: str, text: str, notes: list[InputWarning] | None = None) -> Article:
    """One Article from page text, or :class:`InputError` when there is none.

    ``notes`` receives a warning when far more body-like text was dropped than
    kept (:mod:`kg.read.dropped`).
    """
    cleaned = clean_page(text)
    if notes is not None and cleaned.paragraphs:
        note = dropped_warning(source, text, cleaned.paragraphs, cleaned.captions)
        if note is not None:
            notes.append(note)
    if not cleaned.paragraphs:
        raise InputError(source, "no article text found (only menus, widgets or teasers)")
    body = "\n".join(cleaned.paragraphs)
    if not looks_vietnamese(body):
        raise InputError(source, "no Vietnamese text found")
    page_lines = [ln.strip() for ln in normalize_text(text).split("\n") if ln.strip()]
    return make_article(
        source=source,
        paragraphs=cleaned.paragraphs,
        title=cleaned.title,
        published=cleaned.published,
        captions=cleaned.captions,
        meta=cleaned.meta,
        page_paragraphs=page_lines,
    )


@READERS.register("page")
def read_page(source: str, text: str) -> Iterator[Article | InputError]:
    notes: list[InputWarning] = []
    try:
        article = article_from_page(source, text, notes)
    except InputError as err:
        yield err
        return
    yield from notes
    yield article
