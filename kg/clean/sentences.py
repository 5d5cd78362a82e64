"""Body -> sentences with offsets, so every fact can point at its evidence.

underthesea's ``sent_tokenize`` does the splitting (it knows Vietnamese
abbreviations and quotes); it returns strings, so each one is located back in
the paragraph to get offsets, tolerating whitespace it may have changed. A
run-on left by a CMS ("song phương.Theo nhà ngoại giao": lower-case letter,
full stop, upper-case letter, no space) is split as well.

A paragraph with no full stop can be any length (a crawler that lost its line
breaks, a hostile file); everything after splitting (tagging, extraction)
costs more than linear time in a sentence's length, so the length is bounded
*here*, before any NLP: a paragraph is cut into pieces of at most
:data:`MAX_PIECE` characters, and a sentence longer than :data:`MAX_SENTENCE`
is cut again, each time at the safest point inside the last half of the
window: a sentence end, then clause punctuation (``;`` ``:`` ``,`` dashes),
then a space, and only a word longer than the window is cut mid-word. Each
window is searched once, so the whole is linear in the text. The limit also
bounds what each fact's evidence repeats (its sentence's text). About one
sentence in a thousand of the dev sets' articles is longer (the longest is
950 characters); it is cut at a clause mark.

Invariant: ``body[s.start:s.end] == s.text`` for every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Sentence

__all__ = ["split_sentences", "sentence_spans"]

# A full stop with no space after it; kept only between a lower-case letter (or a
# closing quote/bracket) and an upper-case letter (or an opening quote):
# "song phương.Theo" splits, "TP.HCM", "dantri.com.vn" and "3.5" do not.
_DOT = re.compile(r"\.(?=\S)")
_tokenize: Callable[[str], list[str]] | None = None

# Longest sentence handed on to NLP, and longest piece of a paragraph handed to
# the sentence tokenizer (characters).
MAX_SENTENCE = 600
MAX_PIECE = 5000
# Safe cut points, best first: the end of a sentence, of a clause, of a word.
# The cut goes at the start of group 1 (the space after the mark), so the
# punctuation and a closing quote stay with the text before it.
_CUTS = (
    re.compile(r"[.!?…][\"”’)]*(\s+)"),
    re.compile(r"[;:,][\"”’)]*(\s+)|(\s+)[–—-]\s"),
    re.compile(r"(\s+)"),
)


def _sent_tokenize(text: str) -> list[str]:
    global _tokenize
    if _tokenize is None:
        from underthesea import sent_tokenize  # imported late: loading takes ~0.5 s

        _tokenize = sent_tokenize
    return _tokenize(text)


def _align(paragraph: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Spans of ``pieces`` in ``paragraph``, in order, ignoring whitespace differences."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        chars = [c for c in piece if not c.isspace()]
        if not chars:
            continue
        # find the first non-space char of the piece at or after pos, then walk.
        start = paragraph.find(chars[0], pos)
        if start < 0:
            break
        k, j = 0, start
        while j < len(paragraph) and k < len(chars):
            c = paragraph[j]
            if c.isspace():
                j += 1
                continue
            if c != chars[k]:
                break
            k += 1
            j += 1
        if k < len(chars):  # the tokenizer changed more than whitespace: stop here
            break
        spans.append((start, j))
        pos = j
    if not spans:
        return [(0, len(paragraph))] if paragraph.strip() else []
    # Whatever the tokenizer dropped at the end stays with the last sentence.
    tail = paragraph[spans[-1][1] :]
    if tail.strip():
        s, _ = spans[-1]
        spans[-1] = (s, len(paragraph.rstrip()))
    return spans


def _split_run_ons(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for m in _DOT.finditer(text, start, end):
        before, after = text[m.start() - 1] if m.start() > start else " ", text[m.end()]
        if not (before.islower() or before in "\"”’)") or not (after.isupper() or after == "“"):
            continue
        cut = m.end()
        if text[s:cut].strip():
            out.append((s, cut))
        s = cut
    out.append((s, end))
    return out


def bounded_spans(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters, cut at safe points.

    The cut is the last sentence end in the second half of the window, else
    the last clause mark, else the last space; a window with none of these
    (one enormous "word") is cut at the limit. Linear: each window is searched
    once.
    """
    out: list[tuple[int, int]] = []
    s = start
    while end - s > limit:
        window_end = s + limit
        cut = -1
        for pattern in _CUTS:
            for m in pattern.finditer(text, s + limit // 2, window_end):
                cut = m.start(1) if m.group(1) is not None else m.start(2)
            if cut > s:
                break
        if cut <= s:
            cut = window_end
        out.append((s, cut))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph (stripped of surrounding spaces)."""
    if len(paragraph) <= MAX_PIECE:
        return _sentence_spans(paragraph)
    spans: list[tuple[int, int]] = []
    for a, b in bounded_spans(paragraph, 0, len(paragraph), MAX_PIECE):
        spans.extend((a + x, a + y) for x, y in _sentence_spans(paragraph[a:b]))
    return spans


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    merged: list[tuple[int, int]] = []
    for a, b in _align(paragraph, _sent_tokenize(paragraph)):
        # "dantri.com.vn", "3.5": the tokenizer cut where no space follows and a
        # lower-case letter or digit goes on; that is one sentence.
        if merged and a == merged[-1][1] and a < len(paragraph) and (paragraph[a].islower() or paragraph[a].isdigit()):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    for a, b in merged:
        for x, y in _split_run_ons(paragraph, a, b):
            while x < y and paragraph[x].isspace():
                x += 1
            while y > x and paragraph[y - 1].isspace():
                y -= 1
            if y - x > MAX_SENTENCE:
                spans.extend(bounded_spans(paragraph, x, y, MAX_SENTENCE))
            elif x < y:
                spans.append((x, y))
    return spans


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of a body whose paragraphs are joined by "\\n"."""
    out: list[Sentence] = []
    offset = 0
    for pi, paragraph in enumerate(body.split("\n")):
        for a, b in sentence_spans(paragraph):
            out.append(Sentence(len(out), offset + a, offset + b, body[offset + a : offset + b], pi))
        offset += len(paragraph) + 1
    return out
