"""Reader for HTML pages: trafilatura finds the main content, our cleaner the rest.

Main-content extraction from markup is trafilatura's job (menus, sidebars,
footers and comment blocks are recognised from the DOM, which regexes over
tags cannot do reliably). Its text output still holds what the article column
prints: headline, date line, captions, "Theo …" credits, sometimes a "Tin liên
quan" block, so it goes through the same page cleaner as scraped text.
Metadata the page declares (``<title>``/``og:title``, site name, canonical URL,
``article:published_time``) fills what the text itself does not print.
Nothing is fetched: trafilatura only parses the string given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..clean.article import make_article
from ..clean.dates import parse_published
from ..clean.language import looks_vietnamese
from ..clean.page import clean_page
from ..errors import InputError
from ..model import Article
from . import READERS

# trafilatura logs "discarding data" and the like at WARNING; they are not the user's concern.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _extract(source: str, html: str):  # -> trafilatura Document | None
    import trafilatura  # imported late: it pulls lxml, justext, htmldate

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
            # only dates the page declares (meta tags, <time>), no guessing from teasers
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml raises many types on broken markup
        raise InputError(source, f"cannot parse HTML ({type(exc).__name__})") from None


@READERS.register("html")
def read_html(source: str, text: str) -> Iterator[Article | InputError]:
    doc = _extract(source, text)
    body_text = getattr(doc, "text", None) if doc is not None else None
    if not body_text or not body_text.strip():
        yield InputError(source, "no main content found in the HTML page")
        return
    cleaned = clean_page(body_text)
    if not cleaned.paragraphs:
        yield InputError(source, "no article text found in the HTML page")
        return
    if not looks_vietnamese("\n".join(cleaned.paragraphs)):
        yield InputError(source, "no Vietnamese text found")
        return
    title = cleaned.title or (doc.title or None)
    published = cleaned.published or parse_published(doc.date)
    meta = dict(cleaned.meta)
    if doc.author:
        meta.setdefault("byline", doc.author)
    article = make_article(
        source=source,
        paragraphs=cleaned.paragraphs,
        title=title,
        published=published,
        url=doc.url or None,
        captions=cleaned.captions,
        meta=meta,
    )
    if article.outlet is None and doc.sitename:
        article.outlet = doc.sitename
    yield article
