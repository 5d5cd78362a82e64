"""Is this Vietnamese? A cheap test on the letters only Vietnamese writes.

Vietnamese marks most syllables with a tone or a vowel modifier (đ, ă, â, ê,
ô, ơ, ư, and the five tones); English, French or a page of boilerplate in
another language almost never does. A body where fewer than one word in ten
carries such a letter is not a Vietnamese article, whatever its encoding.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["vietnamese_ratio", "looks_vietnamese"]

_VI_BASE = set("đăâêôơưĐĂÂÊÔƠƯ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W\d_]+")
MIN_RATIO = 0.10


def _is_vietnamese_word(word: str) -> bool:
    d = unicodedata.normalize("NFD", word)
    return any(c in _VI_BASE for c in word) or any(c in _TONES or c in "\u0302\u0306\u031b" for c in d)


def vietnamese_ratio(text: str) -> float:
    """Share of words that carry a Vietnamese-only letter or tone mark."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(_is_vietnamese_word(w) for w in words) / len(words)


def looks_vietnamese(text: str) -> bool:
    return vietnamese_ratio(text) >= MIN_RATIO
