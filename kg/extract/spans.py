"""Sentence views shared by the fact extractors (roles, events, claims).

The extractors read text with regexes and need to know, at any offset, which
linked actor mention starts there. A :class:`SentenceView` is one sentence
with its linked mentions (body offsets), non-overlapping and sorted, so the
patterns can step over "title, organisation, name" without a parser.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from ..model import Doc, Extraction, Mention

__all__ = ["SentenceView", "sentence_views", "word_alt", "PERSON", "PLACE", "COUNTRY", "ACTOR_TYPES"]

PERSON = "Person"
PLACE = "Place"
COUNTRY = "Country"
ACTOR_TYPES = ("Person", "Organization", "Country", "Place")


@cache
def word_alt(words: tuple[str, ...]) -> str:
    """Regex alternation of literal phrases, longest first, spaces as ``\\s+``."""
    uniq = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq) or r"(?!x)x"


@dataclass(slots=True)
class SentenceView:
    """One sentence: its text, body offset and linked mentions."""

    index: int
    start: int  # body offset of text[0]
    text: str
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [m.evidence.start for m in self.mentions]

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def rel(self, body_pos: int) -> int:
        return body_pos - self.start

    def mention_at(self, body_pos: int) -> Mention | None:
        """The mention starting at ``body_pos`` (after spaces), if any."""
        i = bisect_left(self._starts, body_pos)
        if i >= len(self.mentions):
            return None
        m = self.mentions[i]
        gap = self.text[self.rel(body_pos) : self.rel(m.evidence.start)]
        return m if gap.strip() == "" else None

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """Mentions lying wholly inside body offsets [lo, hi)."""
        i = bisect_left(self._starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].evidence.start < hi:
            if self.mentions[i].evidence.end <= hi:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_covering(self, body_pos: int) -> Mention | None:
        """The mention whose span holds ``body_pos``, if any (mentions do not overlap)."""
        i = bisect_right(self._starts, body_pos) - 1
        if i >= 0 and self.mentions[i].evidence.start <= body_pos < self.mentions[i].evidence.end:
            return self.mentions[i]
        return None

    def mention_ending_at(self, body_pos: int) -> Mention | None:
        """The mention that ends at ``body_pos`` (spaces before it allowed)."""
        i = bisect_left(self._starts, body_pos) - 1
        while i >= 0 and self.mentions[i].evidence.end > body_pos:
            i -= 1
        if i < 0:
            return None
        m = self.mentions[i]
        gap = self.text[self.rel(m.evidence.end) : self.rel(body_pos)]
        return m if gap.strip() == "" else None


def sentence_views(doc: Doc, found: Extraction) -> list[SentenceView]:
    """Each sentence with its linked mentions, overlaps resolved to the longest."""
    sents = doc.article.sentences
    starts = [s.start for s in sents]
    by_sentence: dict[int, list[Mention]] = {}
    for m in found.mentions:
        if m.entity is None or m.entity not in found.entities:
            continue
        # place by offsets, not by the mention's own sentence index: robust to
        # any disagreement between stages about sentence numbering
        i = bisect_left(starts, m.evidence.start + 1) - 1
        if i >= 0:
            by_sentence.setdefault(sents[i].index, []).append(m)
    views: list[SentenceView] = []
    body = doc.article.body
    for s in doc.article.sentences:
        ms = sorted(by_sentence.get(s.index, []), key=lambda m: (m.evidence.start, -m.evidence.end))
        kept: list[Mention] = []
        for m in ms:
            if m.evidence.start < s.start or m.evidence.end > s.end:
                continue
            if kept and m.evidence.start < kept[-1].evidence.end:
                continue
            kept.append(m)
        views.append(SentenceView(s.index, s.start, body[s.start : s.end], kept))
    return views


WINDOW = 240


def window_start(text: str, rel: int, size: int = WINDOW) -> int:
    """Start of a bounded look-back window ending at ``rel``, on a word boundary.

    Patterns anchored at the end of "everything before the cue" look only at
    this window, so a 50 KB sentence does not make each cue cost a scan of all
    the text before it (quadratic time).
    """
    if rel <= size:
        return 0
    sp = text.find(" ", rel - size, rel)
    return sp + 1 if sp >= 0 else rel - size


_CAP_WORDS = re.compile(r"(?:[A-ZĐÀ-Ỹ][\w'’-]*)(?:\s+[A-ZĐÀ-Ỹ][\w'’-]*){0,3}")


def person_name_index(found: Extraction) -> dict[str, str]:
    """match_key(name) -> Person entity id, for every spelling of the article's persons
    (names spelled by two different persons are left out)."""
    from ..clean.normalize import match_key

    index: dict[str, set[str]] = {}
    for ent in found.entities.values():
        if ent.type != PERSON:
            continue
        for form in {ent.label, ent.label_vi or "", *ent.aliases}:
            if form and len(form) >= 3:
                index.setdefault(match_key(form), set()).add(ent.id)
    return {k: next(iter(v)) for k, v in index.items() if len(v) == 1}


def person_name_at(text: str, rel: int, index: dict[str, str]) -> tuple[str, int] | None:
    """(entity id, length) of a known person's name written at ``text[rel:]`` in
    capitalised words but not marked as a mention; the longest spelling wins."""
    from ..clean.normalize import match_key

    m = _CAP_WORDS.match(text, rel)
    if not m or not index:
        return None
    ends = [w.end() for w in re.finditer(r"\S+", m.group(0))]
    for e in reversed(ends):
        eid = index.get(match_key(m.group(0)[:e]))
        if eid:
            return eid, e
    return None


def entity_type(found: Extraction, mention: Mention) -> str:
    ent = found.entities.get(mention.entity or "")
    return ent.type if ent is not None else mention.type
