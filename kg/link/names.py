"""Person-name comparison: when two written names are the same person.

Rules, from the way the Vietnamese press names foreigners: a full name
("Dmitry Peskov") is followed by the surname alone ("Peskov", "ông Peskov");
Sino-Vietnamese names ("Tập Cận Bình", "Vương Nghị") are shortened to their
*first* word; a typo of a long surname ("Blinke" for "Blinken") is still the
same person; but two full names with different given names ("Joe Biden",
"Hunter Biden") are two people.
"""

from __future__ import annotations

import re
import unicodedata

from ..lexicon.text import edit_distance, key

# Letters only Vietnamese spelling uses: a name written with them is a
# Sino-Vietnamese or Vietnamese name, surname first.
_VI_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]")
_VI_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


_EDGE = "\"'“”‘’«»()[]{},;:!?."


def name_words(name: str) -> list[str]:
    """The space-separated parts of a name: "Diaz-Canel" and "Jae-in" are one part each."""
    parts = []
    for p in name.split():
        p = p.strip(_EDGE) if len(p.strip(_EDGE)) > 1 else p.strip(_EDGE.replace(".", ""))
        if p and any(c.isalnum() for c in p):
            parts.append(p)
    return parts


def name_keys(name: str) -> tuple[str, ...]:
    return tuple(key(w) for w in name_words(name))


def is_vietnamese_style(name: str) -> bool:
    """ "Tập Cận Bình": every syllable short and Vietnamese letters or tones used."""
    ws = name_words(name)
    if len(ws) < 2 or any(len(w) > 7 for w in ws):
        return False
    decomposed = unicodedata.normalize("NFD", name)
    return bool(_VI_LETTERS.search(name)) or any(c in _VI_TONES for c in decomposed)


def surname_keys(name: str) -> set[str]:
    """The word(s) a full name may be shortened to."""
    ks = name_keys(name)
    if len(ks) < 2:
        return set(ks)
    out = {ks[-1]}
    if is_vietnamese_style(name):
        out.add(ks[0])
    return out


def close_spelling(a: str, b: str) -> bool:
    """A typo of a long-enough surname: edit distance 1 (2 from 7 letters), same initial."""
    a, b = key(a), key(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    limit = 2 if min(len(a), len(b)) >= 6 else 1
    return edit_distance(a, b, limit) <= limit


def same_full_name(a: str, b: str) -> bool:
    """Two full names of one person: same surname, compatible given names.

    "John Sullivan" ~ "John J. Sullivan" (a middle initial), "Sergei Lavrov" ~
    "Sergey Lavrov" (a transliteration), but not "Joe Biden" ~ "Hunter Biden".
    """
    ka, kb = name_keys(a), name_keys(b)
    if ka == kb:
        return True
    if len(ka) < 2 or len(kb) < 2:
        return False
    if ka[-1] != kb[-1] and not close_spelling(ka[-1], kb[-1]):
        return False
    short_k, long_k = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short_k) >= 2 and long_k[-len(short_k):] == short_k:
        return True  # "Tuyết Lê" ~ "Vũ Tuyết Lê", "Kumar Paras" ~ "Narendra Kumar Paras"
    ga, gb = ka[:-1], kb[:-1]
    if ga[0] == gb[0]:
        short, long_ = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
        rest = list(long_)
        for w in short:
            if w in rest:
                rest.remove(w)
            else:
                return False
        return all(len(w) <= 2 for w in rest)  # only initials differ
    if len(ga) == len(gb) == 1 and ka[-1] == kb[-1]:
        return len(ga[0]) >= 4 and edit_distance(ga[0], gb[0], 1) <= 1
    return False
