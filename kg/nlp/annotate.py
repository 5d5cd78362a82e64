"""Run underthesea once per sentence and keep its tags with body offsets.

``underthesea.ner`` returns (word, POS, chunk, NER) for each word: word
segmentation, POS tagging and chunking come with it, so calling it once is
the cheapest way to get all four (the whole pipeline is meant to cost about
as much as bare ``ner`` over the same text). This package is the only one that
imports underthesea.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AnalysedSentence, Article, Doc, Sentence, Token
from .align import align

# underthesea's CRF is linear, but its regex tokenizer slows down badly on
# very long inputs; a run-on "sentence" (a table, a 50 KB paragraph) is cut
# into chunks, at a space when there is one.
MAX_CHARS = 2000
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _chunks(text: str, limit: int = MAX_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most ``limit`` chars, cut at whitespace if possible."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            cut = text.rfind(" ", start + limit // 2, end)
            if cut > start:
                end = cut
        yield start, text[start:end]
        start = end


def _ner(text: str) -> list[tuple[str, str, str, str]]:
    """underthesea's ner tags for one sentence, never raising.

    :func:`kg.nlp.tagger.tag` is underthesea's own cascade with its feature
    step compiled once (the same tags, several times faster); if it fails
    (an underthesea upgrade it does not know), bare ``underthesea.ner`` runs
    instead, and a failure of both yields no tokens.
    """
    rows: list = []
    try:
        from .tagger import tag

        rows = tag(text)
    except Exception:  # noqa: BLE001 - fall back to the library itself
        try:
            from underthesea import ner

            rows = ner(text)
        except Exception:  # noqa: BLE001 - a tagger error must not stop the build
            return []
    out = []
    for row in rows:
        if len(row) >= 4:
            out.append((str(row[0]), str(row[1]), str(row[2]), str(row[3])))
        elif len(row) >= 1:
            out.append((str(row[0]), "X", "O", "O"))
    return out


def analyse_sentence(sentence: Sentence) -> AnalysedSentence:
    """Tag one sentence; token offsets are body offsets."""
    tokens: list[Token] = []
    text = sentence.text
    if _HAS_LETTER.search(text):
        for offset, piece in _chunks(text):
            if not _HAS_LETTER.search(piece):
                continue
            rows = _ner(piece)
            spans = align(piece, [r[0] for r in rows])
            for (word, pos, chunk, tag), (s, e) in zip(rows, spans):
                base = sentence.start + offset
                tokens.append(
                    Token(text=piece[s:e] if e > s else word, start=base + s, end=base + e,
                          pos=pos, chunk=chunk, ner=tag)
                )
    return AnalysedSentence(sentence=sentence, tokens=tokens)


def analyse(article: Article) -> Doc:
    """Every sentence of ``article`` analysed exactly once."""
    return Doc(article=article, sentences=[analyse_sentence(s) for s in article.sentences])
