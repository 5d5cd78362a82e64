"""Is this a Vietnamese syllable? Onset, rhyme, at most one tone mark.

A Vietnamese syllable is (onset) + rhyme, with one tone (none, or one of five
marks). Written words of other languages almost never fit: "Trump" has no
rhyme "ump", "TikTok" ends in "k", "Putin" has no onset "p" + rhyme "utin".
That is what lets :mod:`kg.clean.glue` split a crawler's glued text
("đặtlệnh" = "đặt" + "lệnh", "Trumpngày" = "Trump" + "ngày") without breaking
foreign names. The onsets and rhymes are the language's (from its
orthography), not a word list, so unseen words are judged the same way.

One rule of tones is checked as well: a syllable closed by p, t, c or ch takes
only the sắc or nặng tone ("đặt", "cấp"; never "đàt").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["is_syllable", "has_vietnamese_marks", "split_tone"]

_TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
# Letters (after the tone is taken off) that only Vietnamese writes in news text.
_VI_LETTERS = set("ăâêôơưđ")

_ONSETS: tuple[str, ...] = (
    "ngh", "ng", "nh", "ch", "tr", "th", "ph", "kh", "gh", "gi", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)

# nucleus -> the finals it takes ("" = open syllable)
_NUCLEI: dict[str, tuple[str, ...]] = {
    "a": ("", "i", "o", "u", "y", "m", "n", "ng", "nh", "p", "t", "c", "ch", "k"),
    "ă": ("m", "n", "ng", "p", "t", "c", "k"),  # "k": Central Highlands names (Đắk Lắk)
    "â": ("u", "y", "m", "n", "ng", "p", "t", "c"),
    "e": ("", "o", "m", "n", "ng", "p", "t", "c"),
    "ê": ("", "u", "m", "n", "nh", "p", "t", "ch"),
    "i": ("", "a", "u", "m", "n", "nh", "p", "t", "ch"),
    "iê": ("u", "m", "n", "ng", "p", "t", "c"),
    "yê": ("u", "m", "n", "t"),
    "y": ("", "n", "nh", "t", "ch", "p", "u"),  # after qu: quy, quỳnh, quýt
    "o": ("", "i", "m", "n", "ng", "p", "t", "c"),
    "oa": ("", "i", "y", "m", "n", "ng", "nh", "p", "t", "c", "ch", "o"),
    "oă": ("m", "n", "ng", "t", "c"),
    "oe": ("", "o", "n", "t"),
    "oo": ("ng", "c"),
    "ô": ("", "i", "m", "n", "ng", "p", "t", "c"),
    "ơ": ("", "i", "m", "n", "p", "t"),
    "u": ("", "a", "i", "m", "n", "ng", "p", "t", "c", "y"),
    "uâ": ("n", "ng", "t", "y"),
    "uê": ("", "nh", "ch"),
    "uy": ("", "a", "n", "nh", "t", "ch", "p", "u"),
    "uyê": ("n", "t"),
    "uô": ("i", "m", "n", "ng", "t", "c"),
    "uơ": ("",),
    "ư": ("", "a", "i", "u", "m", "n", "ng", "t", "c"),
    "ươ": ("i", "u", "m", "n", "ng", "p", "t", "c"),
}
_RHYMES: frozenset[str] = frozenset(n + f for n, finals in _NUCLEI.items() for f in finals)
_FRONT = {"i", "e", "ê", "y"}  # front vowels: what gh, ngh, k are written before
_STOPS = ("p", "t", "c", "ch", "k")


def split_tone(word: str) -> tuple[str, list[str]]:
    """The word in lower case without its tone marks (vowel marks kept), and the tone marks."""
    d = unicodedata.normalize("NFD", word.casefold())
    tones = [_TONE_MARKS[c] for c in d if c in _TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_MARKS))
    return base, tones


@lru_cache(maxsize=65536)
def has_vietnamese_marks(word: str) -> bool:
    """A tone mark or a letter (ă â ê ô ơ ư đ) of Vietnamese: no foreign name has one."""
    base, tones = split_tone(word)
    return bool(tones) or any(c in _VI_LETTERS for c in base)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case) is one well-formed Vietnamese syllable."""
    if not word or not word.isalpha():
        return False
    base, tones = split_tone(word)
    if len(tones) > 1 or not base.isalpha():
        return False
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset):]
        if onset == "gi" and rhyme == "":
            continue  # "gì" is g + i
        if rhyme not in _RHYMES:
            continue
        front = rhyme[:1] in _FRONT
        if (onset in {"gh", "ngh", "k"} and not front) or (onset in {"c", "ng"} and front) or (onset == "g" and rhyme[:1] in {"e", "ê"}):
            continue  # spelling: "ghế", "nghe", "kể" but "ga", "nga", "ca"; never "ghơ", "ngê", "ce"
        if rhyme.endswith(_STOPS) and tones and tones[0] not in {"sac", "nang"}:
            continue
        if rhyme.endswith(_STOPS) and not tones:
            continue
        return True
    return False
