"""Article metadata printed inside the text: dateline outlet, credits, captions, bylines.

These are small shape tests on single paragraphs, shared by every reader:
a scraped page, a UNC file and a JSONL record all print "Theo TTXVN" or
"… Ảnh: Reuters" the same way.

* A *dateline* ("Kinhtedothi - …", "(Dân trí) - …") opens the first paragraph
  and names the outlet; it stays in the body (the gold ``body_first`` starts
  with it). A place dateline ("Hà Nội - …") names no outlet.
* A *credit* ("Theo TTXVN", "Theo SCMP, Reuters, AFP", "Theo Hãng tin AFP, …")
  names the sources the article is taken from; it stays in the body (the
  extractors attribute claims to it) and is also listed in ``credits``.
* A *caption* ("… Ảnh: TASS", a short line repeating a person's title and
  name under a paragraph) describes a photo: kept apart, never a body sentence.
* A *byline* (the reporter's name alone on a line at the end) is metadata.
"""

from __future__ import annotations

import re

from .boilerplate import lexicon
from .normalize import match_key

__all__ = [
    "dateline_outlet",
    "credits_in",
    "credit_line_sources",
    "is_credit_caption",
    "repeats_neighbour",
    "is_byline",
    "split_glued_byline",
]

# "Name - …" / "(Name) – …" at the very start of a paragraph.
_DATELINE = re.compile(r"^\s*(?P<paren>\()?(?P<name>[^\s()\-–—][^()\-–—]{0,40}?)(?(paren)\))\s*[-–—]\s+\S")
_DOMAINISH = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\.(?:vn|VN|com|net|org|info)$")
# "Theo TTXVN", "Theo SCMP, Reuters.", and with a byline in front and brackets
# around it: "Như An (Theo Reuters)", "(Theo AFP)".
_CREDIT_LINE = re.compile(
    r"^\s*(?P<by>[^()]{0,30}?)\s*(?P<open>\()?\s*[Tt]heo\s+(?P<names>[^.!?;:\"“”()]{1,100}?)\s*\.?\s*(?(open)\))\s*\.?\s*$"
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|\bvà\b|&|/)\s*")
# "Theo Hãng tin AFP, …" at a sentence start, "…, theo Hãng tin TASS." at its end.
_THEO_START = re.compile(r"(?:^|(?<=[.!?…]\s))[Tt]heo\s+(?P<src>[^,.;:!?]{2,60}?)\s*,")
_THEO_END = re.compile(r",\s*theo\s+(?P<src>[^,.;:!?]{2,60}?)\s*[.!?]?\s*$", re.MULTILINE)
_GLUED_TAILS = ("Theo ", "Tổng hợp", "Ảnh")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def dateline_outlet(first_paragraph: str, page_paragraphs: list[str] | None = None) -> str | None:
    """The outlet a dateline names at the start of the body, or ``None``.

    A name counts as an outlet when the lexicon lists it, when it looks like a
    site's domain ("VOV.VN"), when it is printed in parentheses ("(Dân trí) -"),
    or when the page opens at least one more paragraph with the same dateline
    (the site prints its own name on its teasers too). Place datelines fail all
    four tests.
    """
    m = _DATELINE.match(first_paragraph)
    if not m:
        return None
    name = m["name"].strip()
    if len(name.split()) > 5:
        return None
    if m["paren"] or match_key(name) in lexicon().outlets or _DOMAINISH.match(name):
        return name
    if page_paragraphs:
        seen = 0
        for p in page_paragraphs:
            other = _DATELINE.match(p)
            if other and match_key(other["name"]) == match_key(name):
                seen += 1
        if seen >= 2 and " " not in name:
            return name
    return None


def _is_source(name: str) -> bool:
    lex = lexicon()
    key = match_key(name)
    if key in lex.agencies:
        return True
    return any(key.startswith(h + " ") for h in lex.source_heads)


def credit_line_sources(paragraph: str) -> list[str]:
    """Sources of a credit line ("Theo SCMP, Reuters, AFP" -> three names); else []."""
    m = _CREDIT_LINE.match(paragraph)
    if not m or (m["by"] and not (m["open"] and is_byline(m["by"]))):
        return []
    names = [n.strip() for n in _SPLIT_NAMES.split(m["names"]) if n.strip()]
    if not names or any(len(n.split()) > 6 or not _capitalised(n) for n in names):
        return []
    return names


def credits_in(paragraphs: list[str]) -> list[str]:
    """Every credited source, in order of appearance, without repeats.

    Credit lines give all their names; inside a sentence only a "Theo X," or
    ", theo X." whose X is a news source (an agency or "hãng tin …", "báo …")
    counts, so "Theo nhà ngoại giao Nga, …" credits nobody.
    """
    found: list[str] = []

    def add(name: str) -> None:
        name = name.strip()
        if name and match_key(name) not in {match_key(f) for f in found}:
            found.append(name)

    for p in paragraphs:
        line = credit_line_sources(p)
        if line:
            for n in line:
                add(n)
            continue
        for rx in (_THEO_START, _THEO_END):
            for m in rx.finditer(p):
                if _is_source(m["src"]):
                    add(m["src"])
    return found


def is_credit_caption(line: str) -> bool:
    """A photo caption that credits the photo: "… Ảnh: TASS", "(Ảnh: Reuters).", "Ảnh Reuters"."""
    if len(line) > 400 or len(line.split()) > 45:
        return False
    lex = lexicon()
    key = match_key(line)
    if key.strip("().[] ") in lex.caption_words:  # "Ảnh minh họa" alone
        return True
    m = lex.caption_credit.search(key)
    if m is None:
        return False
    # "Ảnh: X" always; "Ảnh Reuters" only with a known agency (not "ảnh lên mạng").
    return bool(m["colon"]) or m["src"].strip(" ).]") in lex.agencies


def repeats_neighbour(line: str, neighbour: str | None) -> bool:
    """A short line repeated verbatim inside the paragraph before it.

    Photo captions under a paragraph often just repeat the title and name of
    the person in the photo ("Đại sứ Nga tại Mỹ Anatoly Antonov."), which the
    paragraph has just printed.
    """
    if not neighbour:
        return False
    core = line.strip().rstrip(".").strip()
    words = core.split()
    if not 2 <= len(words) <= 12 or core.endswith(":") or core.lower().startswith("theo "):
        return False
    if not any(w[:1].isupper() for w in words[1:]):
        return False  # no name in it: a subheading ("Phản ứng của chính phủ"), not a photo of someone
    return match_key(core) in match_key(neighbour)


def is_byline(line: str) -> bool:
    """A reporter's name alone on a line ("Thành Đạt"): 2-4 capitalised words, nothing else."""
    words = line.split()
    return (
        len(line.strip()) <= 30
        and words[:1] != ["Theo"]
        and 2 <= len(words) <= 4
        and all(w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)
    )


def split_glued_byline(line: str) -> tuple[str | None, str]:
    """Split "Minh PhươngTheo Politico" (a byline glued to the credit) into its parts."""
    s = line.strip()
    for tail in _GLUED_TAILS:
        i = s.find(tail, 1)
        if i > 0 and s[i - 1].islower() and is_byline(s[:i]):
            return s[:i], s[i:]
    return None, line
