"""Assembling the :class:`~kg.model.Article` every reader returns.

Readers differ in how they find the article (page text, HTML, UNC, JSONL); the
record they hand on is built here in one way: body = normalised paragraphs
joined by "\\n", sentences with offsets into it, outlet from the dateline,
credits from "Theo …", and an id that depends on the text only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..model import Article
from .glue import GLUE_META, _Known, split_glued
from .meta import credits_in, dateline_outlet
from .normalize import normalize_text
from .sentences import split_sentences

__all__ = ["article_id", "make_article", "written_body"]


def article_id(title: str | None, body: str) -> str:
    """16 hex chars of sha256 over the normalised title and body.

    The same text read twice (NFD or NFC, from a page or a JSONL line, from any
    path) gets the same id, hence the same IRIs in the graph.
    """
    key = normalize_text(title or "").strip() + "\n\n" + normalize_text(body)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def make_article(
    *,
    source: str,
    paragraphs: Iterable[str],
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    captions: Iterable[str] = (),
    meta: dict[str, str] | None = None,
    page_paragraphs: list[str] | None = None,
) -> Article:
    """An Article from cleaned paragraphs; outlet and credits found when not given.

    ``page_paragraphs`` (the whole page) lets a dateline name an outlet the
    lexicon does not know, when the site prints it on its teasers too.
    """
    paras = [" ".join(normalize_text(p).split()) for p in paragraphs]
    paras = [p for p in paras if p]
    # Words a crawler glued together are split; the offsets of the inserted
    # spaces map the body back to the text as written (kg.clean.glue).
    spaces: list[int] = []
    fixed: list[str] = []
    at = 0
    known = _Known(" ".join(paras))  # the article's own words, computed only if a cut needs them
    for p in paras:
        text, inserted = split_glued(p, known)
        spaces.extend(at + i for i in inserted)
        fixed.append(text)
        at += len(text) + 1
    paras = fixed
    body = "\n".join(paras)
    meta = dict(meta or {})
    if spaces:
        meta[GLUE_META] = ",".join(map(str, spaces))
    title = " ".join(normalize_text(title).split()) or None if title else None
    if outlet is None and paras:
        outlet = dateline_outlet(paras[0], page_paragraphs)
    return Article(
        id=article_id(title, body),
        source=source,
        body=body,
        title=title,
        published=published,
        outlet=" ".join(normalize_text(outlet).split()) if outlet else None,
        url=url,
        credits=credits_in(paras),
        captions=[" ".join(normalize_text(c).split()) for c in captions],
        sentences=split_sentences(body),
        meta=meta,
    )


def written_body(article: Article) -> str:
    """The body as the source wrote it: without the spaces put between glued words."""
    from .glue import original_text

    spaces = article.meta.get(GLUE_META, "")
    return original_text(article.body, [int(x) for x in spaces.split(",") if x]) if spaces else article.body
