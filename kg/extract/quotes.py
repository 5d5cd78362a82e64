"""Quotation marks in news bodies: where quotes open and close, and clean spans.

Vietnamese pages mix curly quotes (“ ”), guillemets and straight quotes,
sometimes in one quotation ("… hơn” opened with a straight quote), nest
scare quotes inside speech (“tan băng” inside a quote) and leave quotes open.
Claims need the top-level quotations and content spans without the marks.
"""

from __future__ import annotations

__all__ = ["OPEN_QUOTES", "CLOSE_QUOTES", "AMBIGUOUS_QUOTES", "find_quotes", "trim_span", "stray_close"]

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
AMBIGUOUS_QUOTES = '"'
MAX_QUOTE = 4000  # a "quote" longer than this is an unbalanced mark, not speech


def find_quotes(body: str) -> list[tuple[int, int]]:
    """Top-level quotations as (open, close) offsets of the quote marks.

    Curly quotes say which way they face; a straight ``"`` opens after a
    space or at a line start and closes otherwise. Nesting is tracked with a
    stack (“tan băng” inside a quote is not a quote of its own); a quote left
    open at the end of its paragraph is dropped.
    """
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    n = len(body)
    for i, ch in enumerate(body):
        if ch == "\n":
            stack.clear()
            continue
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif ch in CLOSE_QUOTES or ch in AMBIGUOUS_QUOTES:
            if ch in AMBIGUOUS_QUOTES:
                prev = body[i - 1] if i > 0 else "\n"
                nxt = body[i + 1] if i + 1 < n else "\n"
                opening = (prev.isspace() or prev in "([{-–—:,;") and not nxt.isspace()
                if opening or not stack:
                    if not nxt.isspace() and nxt not in ".,;:!?)":
                        stack.append(i)
                    continue
            if not stack:
                continue
            start = stack.pop()
            if not stack and i - start <= MAX_QUOTE:
                out.append((start, i))
    out.sort()
    return out


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Content span without surrounding spaces, end punctuation or stray quote marks."""
    while start < end and (body[start].isspace() or body[start] in "\"“”«»,:;-–—"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:!?…-–—"):
        end -= 1
    while end > start and body[end - 1] in "\"”»“":
        inner = body[start : end - 1]
        opens = sum(inner.count(c) for c in OPEN_QUOTES) + inner.count('"')
        closes = sum(inner.count(c) for c in CLOSE_QUOTES)
        if body[end - 1] == '"':
            if inner.count('"') % 2 == 1:
                break
        elif opens > closes:
            break
        end -= 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:!?…"):
            end -= 1
    return start, end



def stray_close(body: str, start: int, end: int) -> int:
    """Where a quote closes that opened before the content ("… hy vọng X", Y nói):
    the content ends there; quotes opened inside the content are kept."""
    depth = 0
    for i in range(start, end):
        ch = body[i]
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES or ch in AMBIGUOUS_QUOTES:
            prev = body[i - 1] if i > 0 else " "
            if ch in AMBIGUOUS_QUOTES and (prev.isspace() or prev in "([{-–—:,;"):
                depth += 1
                continue
            if depth == 0:
                return i
            depth -= 1
    return end


