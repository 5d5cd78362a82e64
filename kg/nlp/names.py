"""Where names are in a tagged sentence: words, underthesea tokens, proper-noun runs.

The sentence-level machinery of the `entities` component that does not
depend on any lexicon: a sentence's words and tokens with binary-search
lookups (so a 50 KB run-on sentence stays linear), runs of capitalised words
that underthesea tags as proper nouns, and the shape of a word (foreign,
polysyllabic, a full Vietnamese name). Boundaries come from capitalisation,
evidence from underthesea's POS tags: its segmentation glues names to the
next word ("Zeman hạ", "EU ước tính") and its NER labels are unreliable.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from ..lexicon.text import is_all_caps, is_capitalised, key, words
from ..model import AnalysedSentence, Token

# underthesea POS tags that make a word a name: proper noun, abbreviation.
PROPER_POS = {"Np"}
ABBR_POS = {"Ny"}
# Lower-case particles inside foreign names ("Ursula von der Leyen", "Mohammed
# bin Salman", "Institute of Thermal Technology").
PARTICLES = {"von", "van", "der", "den", "de", "da", "das", "del", "della", "di", "du", "dos", "bin", "ibn",
             "al", "el", "la", "le", "ter", "zu", "of", "for", "and", "the", "on"}
# Letters only Vietnamese spelling uses.
VI_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ")
# Punctuation that may wrap a word without being part of a name.
EDGE_PUNCT = "\"'“”‘’«»()[]{},;:!?…"
VOWEL_RUN = re.compile(r"[aeiouy]+", re.IGNORECASE)


def covering_tokens(tokens: list[Token], start: int, end: int) -> list[Token]:
    """Tokens overlapping [start, end); tokens are in text order and do not overlap."""
    ends = [t.end for t in tokens] if not isinstance(tokens, Tokens) else tokens.ends
    i = bisect.bisect_right(ends, start)
    out = []
    while i < len(tokens) and tokens[i].start < end:
        if tokens[i].end > start:
            out.append(tokens[i])
        i += 1
    return out


class Tokens(list):
    """A sentence's tokens with their end offsets, for binary search."""

    def __init__(self, tokens: list[Token]) -> None:
        super().__init__(tokens)
        self.ends = [t.end for t in tokens]


def foreign(word: str) -> bool:
    """Written without Vietnamese letters or tone marks, and not a one-syllable Vietnamese word."""
    if any(c in VI_MARKS for c in word):
        return False
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word)):
        return False
    return is_all_caps(word) or len(word) > 4


def sentence_initial(tokens: list[Token], start: int) -> bool:
    first = next((t for t in tokens if any(c.isalnum() for c in t.text)), None)
    return first is not None and first.start == start


Phrases = tuple[tuple[str, ...], ...]
# id(phrases) -> (phrases, by first word, by last word). The cue lists are
# built once per process (cached lexicon functions), and the extractors try
# them at every word: scanning hundreds of phrases per word was ~10% of the
# extraction time, a dict lookup is nothing. The phrases are kept in the value
# so that their id cannot be reused by another tuple.
_PHRASE_INDEX: dict[int, tuple[Phrases, dict[str, Phrases], dict[str, Phrases]]] = {}


def _phrase_index(phrases: Phrases) -> tuple[dict[str, Phrases], dict[str, Phrases]]:
    """The phrases grouped by first and by last word, each group in the given order."""
    hit = _PHRASE_INDEX.get(id(phrases))
    if hit is not None and hit[0] is phrases:
        return hit[1], hit[2]
    first: dict[str, list[tuple[str, ...]]] = {}
    last: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:  # an empty phrase would match anywhere; no lexicon has one
            first.setdefault(p[0], []).append(p)
            last.setdefault(p[-1], []).append(p)
    by_first = {w: tuple(ps) for w, ps in first.items()}
    by_last = {w: tuple(ps) for w, ps in last.items()}
    _PHRASE_INDEX[id(phrases)] = (phrases, by_first, by_last)
    return by_first, by_last


def phrase_at(seq: list[str], i: int, phrases: Phrases) -> tuple[str, ...] | None:
    """The first of ``phrases`` that ``seq`` spells from word ``i`` on."""
    if not 0 <= i < len(seq):
        return None
    for p in _phrase_index(phrases)[0].get(seq[i], ()):
        if tuple(seq[i:i + len(p)]) == p:
            return p
    return None


def phrase_ending(seq: list[str], end: int, phrases: Phrases) -> tuple[str, ...] | None:
    """The first of ``phrases`` that ``seq`` spells up to (not including) word ``end``."""
    if not 0 < end <= len(seq):
        return None
    for p in _phrase_index(phrases)[1].get(seq[end - 1], ()):
        if end - len(p) >= 0 and tuple(seq[end - len(p):end]) == p:
            return p
    return None


class SentenceWords:
    """One analysed sentence seen word by word, offsets relative to the sentence.

    ``words``/``keys`` are the project's word split (:func:`kg.lexicon.text.words`);
    ``tokens`` are underthesea's, shifted to sentence offsets; ``covered``
    and ``weak`` are filled by the entity finder as it goes.
    """

    def __init__(self, asent: AnalysedSentence) -> None:
        self.s = asent.sentence
        self.text = asent.sentence.text
        self.base = asent.sentence.start
        self.tokens = Tokens([
            Token(t.text, t.start - self.base, t.end - self.base, t.pos, t.chunk, t.ner) for t in asent.tokens
        ])
        self.words = words(self.text)
        self.word_starts = [w[0] for w in self.words]
        self.keys = [key(w) for _, _, w in self.words]
        self.covered: list[tuple[int, int]] = []  # sentence offsets taken by lexicon/pattern names
        self.weak: set[int] = set()  # starts of matches that may be a pronoun

    def word_index_at(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect.bisect_left(self.word_starts, offset)

    def is_covered(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.covered, (end, end))
        return any(s < end and start < e for s, e in self.covered[max(0, i - 8):i])


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted, non-nested ``spans``."""
    i = bisect.bisect_right(spans, (start, float("inf")))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 8):i])


def first_token_from(toks: list[Token], offset: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def full_caps_name(text: str) -> bool:
    """Every syllable capitalised ("Nguyễn Minh Hiển"), unlike an organisation's words ("Thực phẩm")."""
    parts = text.split()
    return len(parts) >= 2 and all(is_capitalised(p) for p in parts)


def unglue(tok: Token, end: int) -> int:
    """End of a name whose last underthesea word glued a common word on.

    "Liên Hợp Quốc số" (two capitalised syllables, then "số") ends before
    "số"; "Y tế" in "Bộ Y tế" is one ordinary word and is kept whole.
    """
    syll = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", tok.text)]
    caps = 0
    foreign = False
    for i, (_, e, w) in enumerate(syll):
        if is_capitalised(w):
            caps += 1
            foreign = foreign or polysyllabic(w)
            continue
        if (caps >= 2 or foreign) and i > 0 and not w[:1].isdigit():
            return tok.start + syll[i - 1][1]  # "Warsaw tiến", "Liên Hợp Quốc số"
        break
    return end


def proper_runs(ss: SentenceWords) -> list[tuple[int, int]]:
    """Sentence offsets of runs of capitalised words that underthesea saw as a name.

    Boundaries come from capitalisation, not from underthesea's segmentation,
    which can glue a name to the next verb ("Zeman hạ"); underthesea's
    proper-noun tags (Np, abbreviations Ny) are the evidence that a run is a name
    at all. Leading capitalised words it does not tag as a name (a sentence
    opening "Theo …") are dropped.
    """
    pieces = []
    for m in re.finditer(r"\S+", ss.text):
        a, b = m.start(), m.end()
        while a < b and ss.text[a] in EDGE_PUNCT + "-–":
            a += 1
        while b > a and ss.text[b - 1] in EDGE_PUNCT + ".-–":
            b -= 1
        pieces.append((a, b, m.start(), m.end()))
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    prev_clean_end = True
    for a, b, ra, rb in pieces:
        if b <= a:  # punctuation alone ("Putin - Biden") separates names
            if cur:
                runs.append(cur)
            cur = []
            prev_clean_end = True
            continue
        word = ss.text[a:b]
        cap = word[0].isupper()
        joined = cur != [] and prev_clean_end and a == ra
        if not cap and joined and word in PARTICLES and next_capitalised(ss.text, rb):
            cap = True  # "von" in "Ursula von der Leyen"
        if cap and (joined or not cur):
            cur.append((a, b))
        elif cap:
            runs.append(cur)
            cur = [(a, b)]
        else:
            if cur:
                runs.append(cur)
            cur = []
        prev_clean_end = b == rb or ss.text[b:rb] == "."
        if not prev_clean_end and cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        flags = [is_proper(ss, a, b) for a, b in run]
        if not any(flags):
            continue
        first = flags.index(True)
        while first > 0 and (polysyllabic(ss.text[run[first - 1][0]:run[first - 1][1]])
                             or ss.text[run[first - 1][0]:run[first - 1][1]] in PARTICLES):
            first -= 1  # "Ursula von der Leyen": underthesea tagged only "Leyen"
        run = run[first:]
        out.append((run[0][0], run[-1][1]))
    return out


def polysyllabic(word: str) -> bool:
    """A foreign word of several syllables ("Ursula"); a Vietnamese syllable ("Trong") has one vowel run."""
    return foreign(word) and len(VOWEL_RUN.findall(word)) >= 2


def next_capitalised(text: str, pos: int) -> bool:
    m = re.match(r" +(\S)", text[pos:])
    return bool(m) and (m.group(1).isupper() or text[pos:].split(None, 1)[0] in PARTICLES)


def is_proper(ss: SentenceWords, a: int, b: int) -> bool:
    """Evidence that the word at [a, b) is part of a name.

    underthesea's proper-noun tag, or a capitalised foreign word of several
    syllables that underthesea glued into a common-noun token ("Hoàng thân
    Philip" comes back as one N word).
    """
    for t in covering_tokens(ss.tokens, a, b):
        if t.pos in PROPER_POS or (t.pos in ABBR_POS and is_all_caps(t.text)):
            return True
        if (t.start < a or t.end > b) and " " in t.text:
            word = ss.text[a:b]
            if is_capitalised(word) and polysyllabic(word) and not is_all_caps(word):
                return True
    return False


def subtract(span: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``span`` minus the (sorted) ``taken`` spans."""
    pieces = [span]
    i = max(0, bisect.bisect_left(taken, (span[0], span[0])) - 8)
    for s, e in taken[i:]:
        if s >= span[1]:
            break
        nxt = []
        for a, b in pieces:
            if e <= a or s >= b:
                nxt.append((a, b))
                continue
            if a < s:
                nxt.append((a, s))
            if e < b:
                nxt.append((e, b))
        pieces = nxt
    return pieces


def joined(ss: SentenceWords, i: int) -> bool:
    """Words ``i-1`` and ``i`` are separated by spaces only (no comma, bracket, quote)."""
    if i <= 0 or i >= len(ss.words) + 1:
        return False
    end = ss.words[i - 1][1]
    start = ss.words[i][0] if i < len(ss.words) else end
    return not ss.text[end:start].strip()
