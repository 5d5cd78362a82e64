"""Recognising page chrome, end-of-article markers and counters, line by line.

The words live in ``ontology/lexicons/page_boilerplate.yaml``; this module holds
only the patterns (how a marker may be decorated: a bullet in front, a colon
or a counter "(0)" behind, upper case) so that another outlet's wording is one
line of data, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_yaml
from .normalize import match_key

__all__ = [
    "BULLETS",
    "is_bullet",
    "strip_bullet",
    "is_end_marker",
    "is_inline_marker",
    "is_chrome",
    "is_counter",
    "lexicon",
]

# Bullet glyphs that introduce links to other stories inside or after a body.
BULLETS = "•·▪▫►▸◦»■□●○◆◇➤➢→✓"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s*")
# Decoration a marker may carry: trailing colon/arrows/counters "(0)", "(12)".
_DECOR_TAIL = re.compile(r"[\s:>»›.…]*(\(\s*\d*\s*\))?[\s:>»›.…]*$")
_MENU_SPLIT = re.compile(r"\s*[|>»›/]\s*")
# Markers, chrome and counters are short lines; longer ones are text and are not
# even keyed (a 1 MB paragraph must not be casefolded five times).
_MAX_MARKER_CHARS = 160


@dataclass(frozen=True, slots=True)
class Lexicon:
    end_exact: frozenset[str]
    inline: frozenset[str]
    end_prefix: tuple[str, ...]
    chrome_exact: frozenset[str]
    chrome_prefix: tuple[str, ...]
    menu_items: frozenset[str]
    counter: re.Pattern[str]
    caption_credit: re.Pattern[str]
    caption_words: frozenset[str]
    outlets: frozenset[str]
    source_heads: tuple[str, ...]
    agencies: frozenset[str]


def _keys(items: list[str] | None) -> list[str]:
    return [match_key(x) for x in items or []]


@cache
def lexicon() -> Lexicon:
    """The boilerplate lexicon, compiled once."""
    data = load_yaml("page_boilerplate.yaml")
    end, chrome = data.get("end_markers", {}), data.get("chrome", {})
    counters = "|".join(re.escape(w) for w in sorted(_keys(data.get("counter_words")), key=len, reverse=True))
    credit_words = "|".join(
        re.escape(w) for w in sorted(_keys(data.get("caption_credit_words")), key=len, reverse=True)
    )
    return Lexicon(
        end_exact=frozenset(_keys(end.get("exact"))),
        inline=frozenset(_keys(end.get("inline"))),
        end_prefix=tuple(_keys(end.get("prefix"))),
        chrome_exact=frozenset(_keys(chrome.get("exact"))),
        chrome_prefix=tuple(_keys(chrome.get("prefix"))),
        menu_items=frozenset(_keys(data.get("menu_items"))),
        counter=re.compile(rf"^\d[\d.,]*\s*(?:k\s*)?(?:{counters})$"),
        # "… Ảnh: TASS", "… - Ảnh: TASS", "(Ảnh minh họa: Reuters).", "Ảnh Reuters"
        caption_credit=re.compile(
            rf"(?:^|[\s(\[-])(?:{credit_words})\s*(?P<colon>:)?\s*(?P<src>[^\s:.][^:]{{0,60}}?)[)\]]?\s*\.?\s*$"
        ),
        caption_words=frozenset(_keys(data.get("caption_credit_words"))),
        outlets=frozenset(_keys(data.get("outlets"))),
        source_heads=tuple(sorted(_keys(data.get("source_heads")), key=len, reverse=True)),
        agencies=frozenset(_keys(data.get("agencies"))),
    )


def is_bullet(line: str) -> bool:
    return _BULLET.match(line) is not None


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1)


def _marker_key(line: str) -> str:
    return _DECOR_TAIL.sub("", match_key(strip_bullet(line)))


def is_end_marker(line: str) -> bool:
    """A heading after which the page is no longer the article ("Đọc nhiều", "Tin mới" …)."""
    if len(line) > _MAX_MARKER_CHARS:
        return False
    lex = lexicon()
    key = _marker_key(line)
    if not key:
        return False
    if key in lex.end_exact:
        return True
    full = match_key(strip_bullet(line))
    return any(full.startswith(p) for p in lex.end_prefix)


def is_inline_marker(line: str) -> bool:
    """An end marker that some sites also print mid-body over a box of links ("Tin liên quan")."""
    return len(line) <= _MAX_MARKER_CHARS and _marker_key(line) in lexicon().inline


_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")  # a player's position or duration ("0:00", "5:24")


def is_video_title_next(line: str) -> bool:
    """A video widget's line after which the clip's title is printed ("Duration 02:15")."""
    full = match_key(line)
    return len(line) <= _MAX_MARKER_CHARS and any(
        full.startswith(p) for p in _keys(load_yaml("page_boilerplate.yaml").get("video_title_after")))


def is_chrome(line: str) -> bool:
    """Site chrome: logo, login/subscribe links, menus of "|"-separated sections, a player's clock."""
    if len(line) > _MAX_MARKER_CHARS:
        return False
    if _CLOCK.match(line.strip()):
        return True
    lex = lexicon()
    key = _marker_key(line)
    if not key:
        return True
    if key in lex.chrome_exact:
        return True
    full = match_key(line)
    if any(full.startswith(p) for p in lex.chrome_prefix):
        return True
    items = [i for i in _MENU_SPLIT.split(full) if i]
    if len(items) >= 2 and all(len(i.split()) <= 4 for i in items):
        # a menu or breadcrumb: at least one known section/login word
        return any(i in lex.menu_items for i in items)
    return False


def is_counter(line: str) -> bool:
    """A view/comment counter printed under a headline ("536 lượt xem")."""
    return len(line) <= _MAX_MARKER_CHARS and lexicon().counter.match(match_key(line)) is not None
