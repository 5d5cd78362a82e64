"""Token alignment: underthesea words -> character offsets in the sentence.

underthesea rewrites its input a little (it may add or drop spaces around
punctuation, and it joins syllables of one word with a space even when the
text had two), so a token's text is not always a substring at a known place.
We search forward from a cursor, tolerant of whitespace differences, and never
fail: a token that cannot be found gets a zero-width span at the cursor, so
offsets stay monotonic and every later stage can trust ``start <= end``.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
# How far ahead of the cursor a token may be found. Tokens come in order, so
# a token much further away is a spurious match of a short string.
_LOOKAHEAD = 200


def _loose_pattern(token: str) -> re.Pattern[str] | None:
    """A regex matching ``token`` with any (or no) whitespace between its parts."""
    parts = [p for p in _WS.split(token.strip()) if p]
    if not parts:
        return None
    return re.compile(r"\s*".join(re.escape(p) for p in parts))


def align(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` into ``text`` for each word, in order.

    ``text[start:end]`` equals the word whenever the word occurs verbatim;
    with whitespace differences it is the text as written (e.g. "Hoa  Kỳ").
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    n = len(text)
    for word in words:
        while cursor < n and text[cursor].isspace():
            cursor += 1
        w = word.strip()
        if not w:
            spans.append((cursor, cursor))
            continue
        window_end = min(n, cursor + len(w) + _LOOKAHEAD)
        pos = text.find(w, cursor, window_end)
        if pos >= 0:
            spans.append((pos, pos + len(w)))
            cursor = pos + len(w)
            continue
        pat = _loose_pattern(w)
        m = pat.search(text, cursor, window_end) if pat is not None else None
        if m is not None and m.end() > m.start():
            spans.append((m.start(), m.end()))
            cursor = m.end()
            continue
        spans.append((cursor, cursor))
    return spans
