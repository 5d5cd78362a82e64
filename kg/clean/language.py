"""Is this Vietnamese? A cheap test on the letters only Vietnamese writes.

Vietnamese marks most syllables with a tone or a vowel modifier, and many of
those marks exist in no other language written in Latin script. A body where
fewer than one word in ten carries one is not a Vietnamese article,
whatever its encoding.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["vietnamese_ratio", "looks_vietnamese"]

# Marks no other Latin-script language writes: hook above, dot below, horn,
# breve (ă), and a tone stacked on a circumflex (ế, ậ …); plus đ. French "é",
# Portuguese "ã" or Spanish "ñ" do not count, so a page in those languages
# (even decoded from Windows-1258, which has "é") is not taken for Vietnamese.
_VI_ONLY = {"\u0309", "\u0323", "\u031b", "\u0306"}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W\d_]+")
MIN_RATIO = 0.10  # real Vietnamese news: 0.3 or more (UNC minimum 0.32)


def _is_vietnamese_word(word: str) -> bool:
    if "đ" in word or "Đ" in word:
        return True
    d = unicodedata.normalize("NFD", word)
    if any(c in _VI_ONLY for c in d):
        return True
    # a tone on top of a circumflex (ấ, ề, ổ …)
    return "\u0302" in d and any(c in _TONES for c in d)


def vietnamese_ratio(text: str) -> float:
    """Share of words that carry a mark only Vietnamese writes.

    Single letters are not counted: an answer key ("1.D 2.C 3.A …") or a list
    of options is no evidence either way, and would drown a Vietnamese text.
    """
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    if not words:
        return 0.0
    return sum(_is_vietnamese_word(w) for w in words) / len(words)


def looks_vietnamese(text: str) -> bool:
    return vietnamese_ratio(text) >= MIN_RATIO
