"""Word splitting, comparison keys and slugs shared by lexicons and linking.

Names are compared word by word: a word is a run of letters/digits (so
"Xê-út", "Xê út" and "Xê Út" are the same two words), and each word is
compared by :func:`key` (NFC, one tone placement, case folded), the project's
``match_key``. Case is *not* ignored when deciding whether a text names an
entity: see :func:`case_compatible`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

try:  # the reader's normaliser: one definition of "the same spelling"
    from ..clean.normalize import match_key as _match_key
except ImportError:  # pragma: no cover - before kg.clean lands

    def _match_key(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s).casefold().split())


WORD = re.compile(r"[^\W_]+|&")


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The comparison key of one word or phrase."""
    return _match_key(word)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def phrase_key(text: str) -> tuple[str, ...]:
    """Key of a multi-word phrase: the keys of its words."""
    return tuple(key(w) for _, _, w in words(text))


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def case_compatible(form: list[str], text: list[str]) -> bool:
    """Whether ``text`` words are written with the capitals the lexicon ``form`` has.

    A capitalised lexicon word must be capitalised in the text ("Mỹ" is the
    United States, "mỹ" is "beauty"); an acronym must be all capitals. The
    first word of a longer name may be lower case when a later word is
    capitalised: the press writes both "Châu Âu" and "châu Âu".
    """
    if len(form) != len(text):
        return False
    later_cap = any(is_capitalised(w) for w in form[1:])
    if len(form) >= 3 and is_capitalised(text[0]):
        # a long name is recognised by its words; the press often writes the
        # rest in lower case ("Tổ chức Y tế thế giới")
        return all(is_all_caps(t) for f, t in zip(form, text) if is_all_caps(f) and not f.isdigit())
    for i, (f, t) in enumerate(zip(form, text)):
        if is_all_caps(f) and not f.isdigit():
            if not is_all_caps(t):
                return False
        elif is_capitalised(f):
            if not is_capitalised(t) and not (i == 0 and later_cap):
                return False
    return any(is_capitalised(t) for t in text)


def ascii_fold(text: str) -> str:
    """Letters without diacritics ("Đ" -> "D"); for ids, never for display."""
    t = text.replace("Đ", "D").replace("đ", "d")
    t = unicodedata.normalize("NFKD", t)
    return "".join(c for c in t if not unicodedata.combining(c))


def slug(label: str) -> str:
    """A stable IRI local name from an English label: "United States" -> "United_States".

    Deterministic and independent of the article the label came from, so the
    same actor gets the same IRI everywhere.
    """
    t = ascii_fold(unicodedata.normalize("NFC", label))
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_")
    return t or "entity"


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)
