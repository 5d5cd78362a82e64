"""Passages a site glued on from another story, learnt from the site's other articles.

Tuổi Trẻ glues the lead of a related story after some articles with no marker
at all; a book advertisement or a stock teaser recurs after many ZNews
articles. Nothing in the sentence says so. The evidence is elsewhere: the same
passage is the *lead* of another article of the same outlet, or the *ending*
of other articles too. :class:`Passages` remembers, per outlet, the first and
last one to three sentences of every article it is shown (as hashes: 11,000
articles cost a few megabytes), and :meth:`Passages.teaser_tail` tells how
many closing sentences of an article recur that way.

A passage must have ``recurring.min_words`` words or more
(``ontology/lexicons/crawler.yaml``): a stock phrase proves nothing. Two copies
of the same article (the same text under two URLs) are not evidence against
each other.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache

from ..lexicon import load_yaml
from .normalize import match_key

__all__ = ["Passages"]

_NOSPACE = re.compile(r"\s+")


@cache
def _settings() -> tuple[int, int]:
    rec = load_yaml("crawler.yaml")["recurring"]
    return int(rec["min_words"]), int(rec["max_sentences"])


def _h(text: str) -> bytes:
    # spaces out: the same passage glued or repaired, wrapped or not, is one passage
    return hashlib.blake2b(_NOSPACE.sub("", match_key(text)).encode("utf-8"), digest_size=8).digest()


def _outlet(outlet: str | None) -> str:
    return match_key(outlet or "")


class Passages:
    """Leads and endings of articles, per outlet."""

    def __init__(self) -> None:
        # (outlet, "lead"|"end", hash) -> up to three (article key, body hash)
        self._seen: dict[tuple[str, str, bytes], list[tuple[str, bytes]]] = {}
        self.articles = 0

    def __len__(self) -> int:
        return self.articles

    def add(self, outlet: str | None, key: str, sentences: Sequence[str]) -> None:
        """Remember one article (``key``: its URL or id) by its sentences."""
        if not sentences:
            return
        min_words, most = _settings()
        o, body = _outlet(outlet), _h(" ".join(sentences))
        self.articles += 1
        for j in range(1, min(most, len(sentences)) + 1):
            for kind, part in (("lead", sentences[:j]), ("end", sentences[-j:])):
                text = " ".join(part)
                if len(text.split()) < min_words:
                    continue
                slot = self._seen.setdefault((o, kind, _h(text)), [])
                if len(slot) < 3 and all(k != key for k, _ in slot):
                    slot.append((key, body))

    def _elsewhere(self, outlet: str, kind: str, text: str, key: str, body: bytes) -> bool:
        return any(k != key and b != body for k, b in self._seen.get((outlet, kind, _h(text)), ()))

    def teaser_tail(self, outlet: str | None, key: str, sentences: Sequence[str]) -> int:
        """How many closing sentences are a passage of another article (0: none).

        At least one sentence of the article always stays.
        """
        min_words, most = _settings()
        o, body = _outlet(outlet), _h(" ".join(sentences))
        for j in range(min(most, len(sentences) - 1), 0, -1):
            text = " ".join(sentences[-j:])
            if len(text.split()) < min_words:
                continue
            if self._elsewhere(o, "lead", text, key, body) or self._elsewhere(o, "end", text, key, body):
                return j
        return 0
