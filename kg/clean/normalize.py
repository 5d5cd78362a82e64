"""Text normalisation: one form for bodies, one key for comparing names.

Scraped Vietnamese text arrives in several equivalent spellings of the same
words: composed (NFC) or decomposed (NFD) code points, NBSP and zero-width
characters left by CMS editors, soft hyphens, and two conventions for where the
tone mark goes in "oa", "oe", "uy" ("hoà"/"hòa", "thuỷ"/"thủy", "Uỷ ban"/"Ủy
ban"). Offsets into an article body must survive all of that, so

* :func:`normalize_text` is what bodies are made of: it only folds characters
  that are invisible or equivalent (NFC, spaces, zero-width, soft hyphen) and
  keeps the writer's tone placement and quotes for display;
* :func:`match_key` is for *comparing* names: it also unifies tone placement,
  case, quotes/dashes and whitespace;
* :func:`search_key` drops diacritics too, so a user typing "dien kremlin"
  finds "Điện Kremlin".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "match_key", "search_key", "fold_quotes"]

# Characters that look like a space: NBSP, figure/narrow spaces, en/em spaces,
# ideographic space. Folded to a plain space so word boundaries stay where the
# reader sees them.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters that CMS editors leave inside words: soft hyphen,
# zero-width space/joiners, word joiner, BOM.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_TEXT_TABLE = {ord(c): " " for c in _SPACES} | {ord(c): None for c in _INVISIBLE}
_TEXT_TABLE |= {ord("\u2028"): "\n", ord("\u2029"): "\n"}

# Typographic quotes and dashes, recognised as their ASCII counterparts when
# comparing (the body keeps the original glyphs).
_QUOTE_TABLE = {
    ord("\u201c"): '"', ord("\u201d"): '"', ord("\u201e"): '"', ord("\u201f"): '"',
    ord("\u00ab"): '"', ord("\u00bb"): '"', ord("\u2033"): '"',
    ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201a"): "'", ord("\u201b"): "'",
    ord("\u2032"): "'", ord("\u2039"): "'", ord("\u203a"): "'",
    ord("\u2010"): "-", ord("\u2011"): "-", ord("\u2012"): "-", ord("\u2013"): "-",
    ord("\u2014"): "-", ord("\u2015"): "-", ord("\u2212"): "-",
}

# The five Vietnamese tone marks as combining characters (NFD).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# "oa", "oe", "uy" closing a syllable with the tone on the second vowel (the
# "new" placement: hoà, hoè, thuỷ) -> tone on the first vowel (hòa, hòe, thủy),
# the placement most Vietnamese newsrooms print. Not after "q": in "quý" the
# "u" belongs to the consonant and both conventions write the tone on "y".
# Works on casefolded NFD text, where a syllable-final vowel is followed by no
# base letter or mark.
_TONE_MOVE = re.compile(
    rf"(?<![q\w\u0300-\u036f])((?:[bcdđghklmnprstvx]|ch|gh|kh|ng|ngh|nh|ph|th|tr)?)"
    rf"(o)([ae])([{_TONES}])(?![\w\u0300-\u036f])"
    rf"|(?<![q\w\u0300-\u036f])((?:[bcdđghklmnprstvx]|ch|gh|kh|ng|ngh|nh|ph|th|tr)?)"
    rf"(u)(y)([{_TONES}])(?![\w\u0300-\u036f])"
)
_WS = re.compile(r"\s+")


def normalize_text(s: str) -> str:
    """NFC with invisible and space-like characters folded; tone placement kept.

    Line breaks are normalised to ``\\n`` (pages saved on Windows carry
    ``\\r\\n``); nothing else changes length-wise once NFC is applied, which is
    why every offset in the pipeline refers to this text.
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", s.translate(_TEXT_TABLE))


def fold_quotes(s: str) -> str:
    """Typographic quotes and dashes (“ ” ‘ ’ « » – —) as ASCII ``"``, ``'``, ``-``."""
    return s.translate(_QUOTE_TABLE)


def _move_tone(m: re.Match[str]) -> str:
    if m.group(2) is not None:
        onset, first, second, tone = m.group(1), m.group(2), m.group(3), m.group(4)
    else:
        onset, first, second, tone = m.group(5), m.group(6), m.group(7), m.group(8)
    return f"{onset}{first}{tone}{second}"


def match_key(s: str) -> str:
    """A key under which spellings of the same name compare equal.

    NFC + folded invisibles, one tone-mark placement ("Hoà" == "hòa",
    "Uỷ ban" == "ủy ban"), casefolded, quotes/dashes as ASCII, whitespace runs
    as one space, stripped.
    """
    t = fold_quotes(normalize_text(s)).casefold()
    t = unicodedata.normalize("NFD", t)
    t = _TONE_MOVE.sub(_move_tone, t)
    t = unicodedata.normalize("NFC", t)
    return _WS.sub(" ", t).strip()


def search_key(s: str) -> str:
    """:func:`match_key` without diacritics ("Điện Kremlin" -> "dien kremlin")."""
    t = unicodedata.normalize("NFD", match_key(s).replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", t)
