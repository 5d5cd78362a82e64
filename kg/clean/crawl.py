"""What a news crawler leaves in an article flattened to one paragraph.

A crawler that concatenates a page's text elements gives the article with
whatever sat beside it. The rules here are about the shape of that text, with
the words as data (``ontology/lexicons/crawler.yaml``), never about one site's
article:

* **photo captions** inline: "<caption> - Ảnh: REUTERS <body…>", "<caption>.
  Ảnh:Sputnik.", a caption line "ẢNH: REUTERS"; and a short caption with no
  credit before a lead that opens with an attribution or a date
  ("<caption>. Theo trang thông tấn …");
* **related-story blocks** glued after the article, set apart by runs of two
  spaces after a sentence end ("<title> <lead>", often with the site's stamps
  "23 giờ trước06:2321/5/2025Thế giớiThế giới 0"), and the **book
  advertisement** before them;
* a **closing byline glued to its credit** ("Huyền Lê(TheoRIA Novosti,AFP)"):
  the reporter goes to the metadata (no entity), the agencies stay as a credit
  line "Theo RIA Novosti, AFP";
* a **comment count glued to the title** ("…đột phá1").

:func:`tidy_flat` returns the body text and what it set apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlparse

from ..lexicon import load_yaml
from .normalize import normalize_text, search_key

__all__ = ["Tidied", "tidy_flat", "tidy_title", "sentence_spans"]

_UP = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
# A sentence ends at . ! ? … (and a closing quote) before a space and a capital or an opening quote.
_SENT_END = re.compile(rf"(?<=[.!?…])[\"”’»)]?\s+(?=[{_UP}\"“‘«(\d])")
_DATE_STAMP = r"\d{1,2}:\d{2}\s?\d{1,2}/\d{1,2}/\d{4}"


@dataclass(slots=True)
class Tidied:
    text: str
    captions: list[str] = field(default_factory=list)
    byline: str | None = None
    removed: list[str] = field(default_factory=list)  # related stories, advertisements


@cache
def _lex() -> dict:
    return load_yaml("crawler.yaml")


@cache
def _caption_marker() -> re.Pattern[str]:
    words = sorted(_lex()["captions"]["markers"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    upper = "|".join(re.escape(w.upper()) for w in words)
    # "… - Ảnh: X", "…. Ảnh: X", and "… ẢNH: X" (a marker in capitals needs no separator)
    return re.compile(rf"(?P<sep>\s[-–—]\s*|(?<=[.!?…])\s*|^|\s(?=(?:{upper})\s*:))\(?(?P<marker>(?i:{alt}))\s*:\s*")


@cache
def _stamp() -> re.Pattern[str]:
    ago = "|".join(re.escape(w) for w in _lex()["related"]["ago_words"])
    return re.compile(rf"(?:{_DATE_STAMP}|\d+\s(?:{ago}))\s?{_DATE_STAMP}")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a flattened text (end excludes the space after)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# ---------------------------------------------------------------- tail: related stories, ads, byline


def _cut_related(text: str, removed: list[str]) -> str:
    rel = _lex()["related"]
    seps = [m for m in re.finditer(r"(?<=[.!?…\"”’»)])\s{2,}(?=\S)", text)]
    if not seps:
        m = _stamp().search(text)
        if m is None:
            return text
        # no double spaces: the block opens at the sentence before the stamp
        starts = [s for s, _ in sentence_spans(text[: m.start()])]
        if len(starts) > 1 and len(text) - starts[-1] <= rel["block_max_chars"]:
            removed.append(text[starts[-1]:].strip())
            return text[: starts[-1]].rstrip()
        return text
    bounds = [(m.start(), m.end()) for m in seps]
    for k, (cut, _) in enumerate(bounds):
        segments = [text[b[1]: (bounds[i + 1][0] if i + 1 < len(bounds) else len(text))]
                    for i, b in enumerate(bounds) if i >= k]
        if all(len(s.strip()) <= rel["block_max_chars"] for s in segments) and (
            len(segments) >= 2 or any(_stamp().search(s) for s in segments)
        ):
            removed.extend(s.strip() for s in segments)
            return text[:cut].rstrip()
    return text


@cache
def _ads() -> re.Pattern[str]:
    words = sorted(_lex()["related"]["ads"], key=len, reverse=True)
    return re.compile("|".join(r"\s*".join(map(re.escape, w.split())) for w in words), re.IGNORECASE)


def _cut_ads(text: str, removed: list[str]) -> str:
    m = _ads().search(text)
    if m is not None:
        i = m.start()
        starts = [s for s, _ in sentence_spans(text[: i + 1]) if s <= i]
        if starts and starts[-1] > 0 and len(text) - starts[-1] <= _lex()["related"]["ad_max_chars"]:
            # an advertisement closes the text; a long text after the phrase is
            # the article itself ("Tri Thức - Znews giới thiệu gợi ý đáp án …")
            cut = starts[-1]
            removed.append(text[cut:].strip())
            return text[:cut].rstrip()
    return text


_NAME = rf"[{_UP}][^\W\d_]*"


@cache
def _byline_credit() -> re.Pattern[str]:
    by = _lex()["bylines"]
    words = "|".join(re.escape(w) for w in by["credit_words"])
    n = int(by["byline_max_words"]) - 1
    return re.compile(
        rf"(?:(?<=[.!?…\"”’»])|^)\s*(?P<by>{_NAME}(?:\s+{_NAME}){{0,{n}}})\s*\(\s*(?P<theo>{words})\s*:?\s*(?P<src>[^()]{{2,120}})\)\s*$"
    )


def _split_credit(text: str) -> tuple[str, str | None]:
    """"… chiến sự. Huyền Lê(TheoRIA Novosti,AFP)" -> body + credit paragraph, byline."""
    tail = max(0, len(text) - 260)  # the pattern is anchored at the end: look at the end only
    m = _byline_credit().search(text, tail)
    if m is None:
        return text, None
    names = [n.strip() for n in re.split(r"\s*[,;/]\s*|\s+và\s+", m["src"]) if n.strip()]
    if not names:
        return text, None
    body = text[: m.start()].rstrip()
    return body + "\n" + f"{m['theo']} " + ", ".join(names), m["by"]


# ---------------------------------------------------------------- captions


def _credit_end(text: str, start: int) -> int | None:
    """Where the credit after a caption marker ends, or None when it cannot be told."""
    rest = text[start: start + 200]
    # ALL-CAPS credit: "REUTERS", "NAM TRẦN", "AFP/TTXVN", then the body's first word
    toks = list(re.finditer(r"\S+", rest))
    end = None
    for t in toks:
        w = t.group().strip(".,;")
        letters = [c for c in w if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            end = t.end()
            if t.group().endswith((".", ";")):
                break
            continue
        break
    if end is not None:
        # a credit closed by its own full stop, or followed by a capitalised word
        return start + end
    m = re.match(rf"[^.!?\n]{{1,{_lex()['captions']['credit_max_chars']}}}?[.)](?=\s|$)", rest)
    if m:
        return start + m.end()
    return None


def _cut_captions(text: str, captions: list[str]) -> str:
    out = text
    pos = 0
    while True:
        m = _caption_marker().search(out, pos)
        if m is None:
            break
        end = _credit_end(out, m.end())
        if end is None:
            pos = m.end()
            continue
        head = out[: m.start()]
        spans = sentence_spans(head)
        if m["sep"].strip() in {"-", "–", "—"}:
            # "<caption> - Ảnh: X": the caption is the unfinished sentence before the marker
            cap_start = spans[-1][0] if spans else 0
        else:
            # "<caption>. Ảnh: X": the caption is the sentence before
            cap_start = spans[-1][0] if spans else 0
        caption = out[cap_start:end].strip()
        if len(caption.split()) > 60:  # not a caption: drop only the credit
            cap_start = m.start()
            caption = out[cap_start:end].strip()
        captions.append(caption)
        out = (out[:cap_start].rstrip() + " " + out[end:].lstrip()).strip()
        pos = cap_start
    return out


def _leading_caption(text: str, captions: list[str]) -> str:
    """A short caption without a credit, before a lead that opens with an attribution or a date."""
    cap = _lex()["captions"]
    spans = sentence_spans(text)
    if len(spans) < 3:
        return text
    first = text[spans[0][0]:spans[0][1]]
    nxt = text[spans[1][0]:spans[1][1]]
    if len(first.split()) > cap["caption_max_words"] or re.search(r"[\d\"“”:;]", first):
        return text
    if not first.endswith("."):
        return text
    if not any(nxt.startswith(w) and (len(nxt) == len(w) or not nxt[len(w)].islower()) for w in cap["lead_openers"]):
        return text
    captions.append(first)
    return text[spans[1][0]:]


# ---------------------------------------------------------------- entry points


def tidy_flat(text: str) -> Tidied:
    """The body of a flattened article text, and what was set apart from it.

    Newlines in ``text`` are kept (a table cell may hold paragraphs); the rules
    run on the whole text.
    """
    t = normalize_text(text).strip()
    removed: list[str] = []
    captions: list[str] = []
    t = _cut_related(t, removed)
    t = _cut_ads(t, removed)
    t, byline = _split_credit(t)
    t = _cut_captions(t, captions)
    t = _leading_caption(t, captions)
    return Tidied(text=t, captions=captions, byline=byline, removed=removed)


def tidy_title(title: str, url: str | None = None) -> str:
    """The headline without a comment count glued to its end ("…đột phá1", "… THPT 20252").

    The URL's slug, when there is one, is the headline without marks: a number
    the slug has ("G20", "2025") is the headline's own.
    """
    t = " ".join(normalize_text(title).split())
    m = re.search(r"\d{1,8}$", t)
    if not m:
        return t
    number, before = m.group(), t[: m.start()]
    slug: list[str] = []
    if url:
        slug = search_key(urlparse(url).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("-", " ")).split()
    last = (before.split() or [""])[-1] + number if before and not before[-1].isspace() else number
    if slug and search_key(last) in slug:
        return t
    if before[-1:].isalpha():  # "đột phá1"; but "G20", "F16" without a slug stay
        return before.rstrip() if before[-1].islower() or slug else t
    if before[-1:] in set("?!.”\"')»"):
        return before.rstrip() if len(number) <= 4 else t
    if before[-1:].isspace() and slug:  # "THPT 20252": the slug has "2025"
        for k in range(len(number) - 1, 0, -1):
            if number[:k] in slug:
                return t[: m.start() + k]
    return t
