"""Finding the article inside scraped page text.

A saved news page is the article wrapped in the site: a banner and menu above,
the headline, a printed date-time and counters, the body with photo captions
and links to other stories, then rating widgets, "Đọc nhiều"/"Tin mới" blocks
and teasers (each a headline printed twice, a date, a lead). The rules below
are about that *shape*, not about one site:

* the headline is the first line of four or more words (three when there is
  no longer one) after the last chrome line (logo, login, menu) above the
  first body paragraph; lines above the menu are banners;
* between headline and body sit date lines (the first one is the published
  date; a date far above the headline is the site's "today"), counters,
  chrome and a repeat of the headline;
* the body ends at the first end marker (lexicon), at the first teaser (a
  line printed twice in a row, a bare date line, or a run of headline-shaped
  lines: teasers carry their own dates, which are therefore never the
  article's date), or after a closing "./." (only credit lines may follow);
  a "Tin liên quan" box inside the body is skipped when a paragraph follows;
* inside the body, bullets ("• another headline") are links, not text;
  captions ("… Ảnh: TASS", an indented short line, a short line repeating
  a name from the paragraph next to it) are kept apart; a reporter's name
  alone at the end is a byline.

:func:`clean_page` returns the pieces; :func:`clean_paragraphs` applies the
in-body rules alone to text that is already an article (UNC, JSONL, HTML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .boilerplate import is_bullet, is_chrome, is_counter, is_end_marker, is_inline_marker, is_video_title_next
from .dates import is_date_line, parse_published
from .meta import credit_line_sources, is_byline, is_credit_caption, repeats_neighbour, split_glued_byline
from .normalize import match_key, normalize_text

__all__ = ["CleanText", "clean_page", "clean_paragraphs"]

_WS = re.compile(r"[ \t]+")
# How far from the top the headline may be (non-empty lines), and how long a
# headline may be (words); a longer first line is a body paragraph.
_TOP_LINES = 30
_TITLE_MIN_WORDS, _TITLE_MAX_WORDS = 4, 40
# Captions are short; a long indented line is a paragraph.
_CAPTION_MAX_WORDS = 25
# This many headline-shaped lines in a row after the body are a teaser list.
_TEASER_RUN = 3
# How many lines above the headline a printed date may sit and still be its date.
_DATE_ABOVE_TITLE = 2
# A body needs at least one paragraph this long that is not a credit line.
_MIN_BODY_WORDS = 8


@dataclass(slots=True)
class CleanText:
    """What the cleaner kept: the article's parts, still as plain strings."""

    paragraphs: list[str]
    title: str | None = None
    published: str | None = None
    captions: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Line:
    text: str  # stripped, spaces folded
    indented: bool  # printed with leading whitespace (NBSP included)


def _lines(text: str) -> list[_Line]:
    out = []
    for raw in normalize_text(text).split("\n"):
        stripped = _WS.sub(" ", raw).strip()
        if stripped:
            out.append(_Line(stripped, raw[:1].isspace()))
    return out


def _words(s: str) -> int:
    return len(s.split())


def _is_title_shaped(s: str) -> bool:
    n = _words(s)
    return _TITLE_MIN_WORDS <= n <= _TITLE_MAX_WORDS and not (s.endswith(".") and not s.endswith("..."))


def _is_paragraph(s: str) -> bool:
    """A line that reads as body text rather than a menu or a headline."""
    n = _words(s)
    return n > 25 or (n >= 8 and s.endswith(".") and not s.endswith("..."))


def _find_title(lines: list[_Line]) -> int | None:
    """Index of the headline, or ``None`` when the page prints none.

    Candidates are the title-shaped lines above the first body paragraph. The
    first one after the last chrome line (logo, login, menu) wins: lines above
    the menu are banners. When chrome follows the headline instead (a share
    bar), the candidate nearest above it is taken.
    """
    candidates: list[int] = []
    short: list[int] = []  # three-word lines: a section name, or a very short headline
    last_chrome = -1
    for i, ln in enumerate(lines[:_TOP_LINES]):
        t = ln.text
        if _is_paragraph(t) or is_end_marker(t):
            break  # the body (or the page's footer) has started
        if is_chrome(t):
            last_chrome = i
        elif not (is_date_line(t) or is_counter(t) or is_bullet(t)):
            if _is_title_shaped(t):
                candidates.append(i)
            elif _words(t) == _TITLE_MIN_WORDS - 1 and not t.endswith("."):
                short.append(i)
    after = [i for i in candidates if i > last_chrome]
    if len(after) > 1:
        # Section names under the menu ("Thế giới", "Kinh tế thế giới") come
        # before the headline; the headline is the candidate that only a
        # byline, dates, counters and players separate from the body.
        for c in reversed(after):
            if all(_header_line(ln.text) for ln in lines[c + 1 : _body_start(lines)]):
                return c
    if after:
        return after[0]
    if candidates:
        return candidates[-1]
    # no longer line: the three-word line nearest the body ("Putin gặp Trump")
    return short[-1] if short and short[-1] > last_chrome else None


def _body_start(lines: list[_Line]) -> int:
    for i, ln in enumerate(lines[:_TOP_LINES]):
        if _is_paragraph(ln.text) or is_end_marker(ln.text):
            return i
    return min(len(lines), _TOP_LINES)


def _header_line(t: str) -> bool:
    """What sits between a headline and its body: a byline, a date, a counter, the site's chrome."""
    return is_date_line(t) or is_counter(t) or is_chrome(t) or is_byline(t)


def clean_page(text: str) -> CleanText:
    """Headline, published date, body paragraphs and captions of a scraped page."""
    lines = _lines(text)
    ti = _find_title(lines)
    title = lines[ti].text if ti is not None else None
    published: str | None = None
    i = ti + 1 if ti is not None else 0
    meta: dict[str, str] = {}
    # A date printed just above the headline counts when none follows it; one
    # further up is the site's "today" in its header bar, not the article's.
    above: str | None = None
    if ti is not None:
        for ln in lines[max(0, ti - _DATE_ABOVE_TITLE) : ti]:
            if is_date_line(ln.text):
                above = parse_published(ln.text) or above
    # Header: dates, counters, chrome and a repeat of the headline before the body.
    while i < len(lines):
        t = lines[i].text
        if is_date_line(t):
            published = published or parse_published(t)
        elif title is not None and match_key(t) == match_key(title):
            pass
        elif is_counter(t) or is_chrome(t) or is_bullet(t):
            pass
        elif (is_byline(t) and i + 1 < len(lines) and ti is not None and i == ti + 1
              and (_words(lines[i + 1].text) > 8 or _header_line(lines[i + 1].text))):
            meta["byline"] = t  # a reporter's name straight under the headline
        else:
            break
        i += 1
    late_date: list[str | None] = [None]
    body = _take_body(lines[i:], late_date)
    out = clean_paragraphs(body, meta=meta)
    out.title, out.published = title, published or late_date[0] or above
    return out


def _headline_run(lines: list[_Line], j: int) -> int:
    """How many headline-shaped lines (no credit, caption or bullet) start at ``j``."""
    n = 0
    for ln in lines[j : j + _TEASER_RUN]:
        t = ln.text
        if ln.indented or not _is_title_shaped(t) or t.endswith(("?", "!", ":", "”", '"')):
            break
        if credit_line_sources(t) or is_credit_caption(t) or is_bullet(t) or is_date_line(t):
            break
        n += 1
    return n


def _inline_block_end(lines: list[_Line], j: int) -> int | None:
    """Where the body resumes after an in-body "Tin liên quan" box opening at ``j``.

    Such a box is its heading, one to four links (bullets or short headline
    lines, no dates), and then the article goes on with a full paragraph.
    Anything else (teasers with dates, a long list) means the article is over.
    """
    k = j + 1
    links = 0  # a player or video widget beside the box is not counted
    while k < len(lines) and links <= 4:
        t = lines[k].text
        if is_video_title_next(t):
            k += 2
            continue
        if is_chrome(t):
            k += 1
            continue
        if is_date_line(t) or is_end_marker(t):
            return None
        if _is_paragraph(t):
            return k if links else None
        links += 1
        k += 1
    return None


def _take_body(lines: list[_Line], header_date: list[str | None]) -> list[_Line]:
    """The lines from the body start up to (not including) where the page moves on.

    ``header_date`` (a one-item list) receives a date line printed just under
    the lead, where some sites put it, so it is not mistaken for a teaser's.
    """
    body: list[_Line] = []
    closed = False  # a paragraph ended with "./.": only credits and bylines may follow
    j = 0
    while j < len(lines):
        ln = lines[j]
        t = ln.text
        if is_end_marker(t):
            if is_inline_marker(t) and body and not closed:
                resume = _inline_block_end(lines, j)
                if resume is not None:
                    j = resume
                    continue
            break
        nxt = lines[j + 1].text if j + 1 < len(lines) else None
        if is_video_title_next(t):  # a video widget: its line and the clip's title after it
            j += 2
            continue
        if body and is_date_line(t):
            if len(body) == 1 and _is_paragraph(body[0].text) and nxt is not None and _is_paragraph(nxt):
                header_date[0] = header_date[0] or parse_published(t)  # date under the lead
                j += 1
                continue
            if _is_title_shaped(body[-1].text) and not credit_line_sources(body[-1].text):
                body.pop()  # that teaser's headline
            break  # a teaser's date
        if body and nxt is not None and match_key(nxt) == match_key(t) and not is_bullet(t):
            break  # a teaser headline printed twice
        if body and _headline_run(lines, j) >= _TEASER_RUN:
            break  # a list of teaser headlines
        if closed and not (credit_line_sources(t) or is_byline(t) or split_glued_byline(t)[0]):
            break
        body.append(ln)
        if t.endswith("./."):
            closed = True
        j += 1
    return body


def _credit_only(t: str) -> bool:
    """A caption line that is only a photo credit ("ẢNH: REUTERS", "Ảnh: TTXVN")."""
    head, sep, rest = t.partition(":")
    return bool(sep) and _words(head) <= 3 and is_credit_caption(t) and _words(rest) <= 4


def clean_paragraphs(lines: list[_Line] | list[str], meta: dict[str, str] | None = None) -> CleanText:
    """In-body rules: drop chrome, counters and bullets; set captions and bylines apart."""
    items = [ln if isinstance(ln, _Line) else _Line(_WS.sub(" ", normalize_text(ln)).strip(), ln[:1].isspace()) for ln in lines]
    items = [ln for ln in items if ln.text]
    meta = dict(meta or {})
    paragraphs: list[str] = []
    captions: list[str] = []
    order: list[tuple[bool, str]] = []  # (is_caption, text) in page order, for photo stories
    for k, ln in enumerate(items):
        t = ln.text
        if is_bullet(t):
            meta.setdefault("related", "")
            meta["related"] = (meta["related"] + "\n" + t.lstrip("•·▪►◦» ")).strip()
            continue
        if is_counter(t) or (is_chrome(t) and _words(t) <= 6):
            continue
        byline, rest = split_glued_byline(t)
        if byline:
            meta["byline"] = byline
            t = rest
        nxt = items[k + 1].text if k + 1 < len(items) else None
        caption = (
            (is_credit_caption(t) and not credit_line_sources(t))
            or (ln.indented and _words(t) <= _CAPTION_MAX_WORDS and bool(paragraphs) and not credit_line_sources(t))
            or (bool(paragraphs) and repeats_neighbour(t, paragraphs[-1]))
            # a caption set above the paragraph that names the person; it ends
            # with a full stop, which a subheading does not
            or (t.endswith(".") and bool(paragraphs) and repeats_neighbour(t, nxt))
        )
        if (caption and paragraphs and _credit_only(t) and _words(paragraphs[-1]) <= _CAPTION_MAX_WORDS
                and not paragraphs[-1].endswith((".", "!", "?", ":", '"', "”"))):
            # "ẢNH: REUTERS" alone under an unfinished short line: that line is the caption
            captions.append(paragraphs.pop())
            order[-1] = (True, order[-1][1])
        (captions if caption else paragraphs).append(t)
        order.append((caption, t))
    if captions and not any(_words(p) >= _MIN_BODY_WORDS and not credit_line_sources(p) for p in paragraphs):
        # A photo story: every paragraph is printed as a credited caption, so the
        # captions are the text.
        paragraphs, captions = [t for _, t in order], []
    # A reporter's name on its own line at the end (or before the credit line) is a byline.
    for k in range(len(paragraphs) - 1, max(len(paragraphs) - 3, -1), -1):
        if is_byline(paragraphs[k]) and all(credit_line_sources(p) for p in paragraphs[k + 1 :]):
            meta["byline"] = paragraphs.pop(k)
            break
    return CleanText(paragraphs=paragraphs, captions=captions, meta=meta)
