"""Split words a crawler glued together, keeping a map back to the text as written.

Crawlers flatten a page by concatenating the text of its elements, so link
text runs into its neighbours: "TheoĐiện Kremlin", "Donald Trumpngày 24-4",
"báoLe Monde(Pháp)", "áp đặtlệnh trừng phạtlên". underthesea then reads
"Trumpngày" as one unknown word and the name is lost. :func:`split_glued`
inserts a space where

* a lower-case letter runs into a capital, when the left part is a
  Vietnamese word ("việcTổng", "báoLe", "TheoRIA") or the right part carries a
  Vietnamese mark ("ReutersĐiện");
* an acronym runs into a lower-case Vietnamese syllable ("TASSdẫn", "NATOsắp");
* a token is not a Vietnamese syllable but splits into two parts whose right
  part is a syllable and whose left part is a syllable or a foreign word
  ("đặtlệnh", "thuậntrao", "Trumpngày", "Politicođưa"). The token must carry
  a Vietnamese mark: no foreign name does, so "Washington" or "Gazprom" are
  never cut;
* punctuation is glued to a word: "Monde(Pháp)", "ngày 1-6,Tổng", "Ảnh:Reuters",
  "chiến sự.Ông".

Foreign names written with an inner capital stay whole: "McDonald",
"iPhone", "TikTok" fail the syllable test on their left part, and the few
that pass it are listed in ``ontology/lexicons/crawler.yaml`` (``glue.keep``).

Only spaces are inserted, never removed or changed, so the text as written is
the repaired text minus the inserted spaces: :func:`original_offset` maps an
offset back, and an article keeps the offsets of its inserted spaces
(``Article.meta["glue_spaces"]``) so that every sentence maps back exactly.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..lexicon import load_yaml
from .language import _is_vietnamese_word as vietnamese_only
from .syllable import has_vietnamese_marks, is_syllable

__all__ = ["split_glued", "words_of", "original_offset", "original_text", "GLUE_META"]

GLUE_META = "glue_spaces"  # Article.meta key: comma-separated body offsets of inserted spaces

_TOKEN = re.compile(r"\S+")
_HAS_PUNCT = re.compile(r"[(),:.!?]")
_RUN = re.compile(r"[^\W\d_]+")
_L = r"[^\W\d_]"
# punctuation glue: (pattern, group whose start gets a space)
_PUNCT: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<={_L})(?=\((?:{_L}|\d))"),  # "Monde(Pháp)", "Lê(Theo"
    re.compile(rf"(?<=\))(?={_L})"),  # "(Pháp)trong"
    re.compile(rf"(?<=[^\W_],)(?={_L})"),  # "1-6,Tổng", "Novosti,AFP"
    re.compile(rf"(?<={_L}{_L}:)(?={_L})"),  # "Ảnh:Reuters"
    re.compile(rf"(?<={_L}{_L}[.!?])(?=[A-ZĐÀ-Ỹ][^\W\d_A-ZĐ])"),  # "chiến sự.Ông" (not "TP.HCM", "x.com")
    re.compile(r"(?<=[a-zđà-ỹ]{2}[.!?])(?=[A-ZĐ]{2})"),  # "tuyên bố.WSJ" (a lower-case word, not "TP.HCM")
)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    glue = load_yaml("crawler.yaml")["glue"]
    return (frozenset(w.casefold() for w in glue["openers"]), frozenset(glue["keep"]))


@cache
def _trailing() -> tuple[str, ...]:
    return tuple(load_yaml("crawler.yaml")["glue"].get("trailing") or ())


def _trailing_cut(run: str, known) -> int:
    """Where an unmarked function word glued to a capitalised word starts
    ("Zelenskycho" -> 5 + 3): only when the article prints the word before it on
    its own; 0 otherwise."""
    if not run[:1].isupper() or not run[1:].islower() or is_syllable(run):
        return 0
    for w in _trailing():
        if run.endswith(w) and len(run) - len(w) >= 3:
            _AMBIGUOUS[0] += 1  # the answer depends on the article: not cached
            if run[: -len(w)] in known:
                return len(run) - len(w)
    return 0


def _actor_then_name(left: str, right: str, known) -> bool:
    """A country, city or organisation the lexicon knows, or a title's acronym, glued
    to a capitalised word: "NgaVladimir", "KremlinDmitry", "IndonesiaNatalius",
    "HLVEnzo". Cut only when the article prints both words on their own, so
    "AstraZeneca", "VPBank" or "JPMorgan" stay whole."""
    if len(left) < 2 or len(right) < 2 or not right[0].isupper() or not right[1:].islower():
        return False
    if not (left.isupper() and left in _title_acronyms()):
        from ..lexicon.known import gazetteer

        entry = gazetteer().lookup(left)
        if entry is None or not (entry.type in ("Country", "Organization") or (
                entry.type == "Place" and entry.population >= 100_000)):
            return False
    _AMBIGUOUS[0] += 1  # the answer depends on the article: not cached
    return left in known and right in known


@cache
def _title_acronyms() -> frozenset[str]:
    """Acronyms of titles that stand before a name ("HLV", "CEO"; crawler.yaml)."""
    return frozenset(load_yaml("crawler.yaml")["glue"].get("title_acronyms") or ())


@cache
def _common() -> frozenset[str]:
    return frozenset(load_yaml("crawler.yaml")["glue"]["common"])


def _vn_word(s: str) -> bool:
    return len(s) >= 2 and is_syllable(s)


def _foreign(s: str) -> bool:
    """A word of another language: no Vietnamese mark, and a vowel ("Hn" is no word)."""
    return len(s) >= 2 and not has_vietnamese_marks(s) and any(c in "aeiouyAEIOUY" for c in s)


# Onsets that French, Spanish or English words rarely end a stem with a marked
# vowel after ("Nestlé" must stay whole, "Trumpngày" must not).
_VN_ONSETS = ("ng", "nh", "th", "tr", "ch", "kh", "ph", "gi", "qu", "x", "đ")


def _clearly_vietnamese(s: str) -> bool:
    """A marked syllable no other Latin-script language writes: a Vietnamese-only
    mark (ả ạ ơ ư ă, a tone on â ê ô, đ), or a tone after a Vietnamese onset ("ngày", "xác")."""
    if vietnamese_only(s):
        return True
    if len(s) >= 4 and any(c in "ăâêôơưđ" for c in s.casefold()):  # "tuyên", "luôn"
        return True
    return len(s) >= 3 and has_vietnamese_marks(s) and s.casefold().startswith(_VN_ONSETS)


def _split_piece(piece: str, known: frozenset[str] = frozenset()) -> list[int] | None:
    """Cut points (indices into ``piece``) that make every part a word, or None.

    ``known``: the words the text prints on their own elsewhere; a foreign name
    found there decides where it ends ("Trumpthông": "Trump" + "thông").
    """
    if is_syllable(piece) or not has_vietnamese_marks(piece):
        return None
    common = _common()
    foreign: list[int] = []  # cuts after a foreign word, longest right part first
    for j in range(1, len(piece)):  # longest right part first
        right = piece[j:]
        if not right.islower() or not (_vn_word(right) or right in common):
            continue
        left = piece[:j]
        if _foreign(left) and not _vn_word(left) and (_clearly_vietnamese(right) or right in common):
            foreign.append(j)
            continue
        if len(right) < 2:
            continue
        if _vn_word(left):
            # two syllables: one clearly Vietnamese and one longer than two letters
            # ("đặtlệnh"), or both of three letters or more or common words
            # ("dânvùng", "cótham"); a foreign name cut into short syllables
            # ("Verónica", "nitơ") passes neither
            if ((_clearly_vietnamese(left) or _clearly_vietnamese(right)) and max(len(left), len(right)) >= 3) or (
                    all(len(x) >= 3 or x in common for x in (left, right)) and has_vietnamese_marks(piece)):
                return [j]
            continue
        # three or more glued words: the last must be unmistakably Vietnamese
        # ("ápđặtlệnh"), or a transliteration ("Matxcơva") would be cut up
        inner = _split_piece(left, known) if len(left) >= 4 and len(right) >= 3 and _clearly_vietnamese(right) else None
        if inner:
            return [*inner, j]
    if foreign:
        # "Trumpthông": a name the text prints alone ("Trump") wins; else
        # "Bidenở" is "Biden ở" (a common word), not "Bide nở"; else the longest
        if len(foreign) > 1:
            _AMBIGUOUS[0] += 1  # the answer depends on ``known``: not cached
        for pick in (lambda j: piece[:j] in known, lambda j: piece[j:] in common):
            for j in foreign:
                if pick(j):
                    return [j]
        return [foreign[0]]
    return None


def _run_cuts(run: str, known: frozenset[str] = frozenset()) -> list[int]:
    """Cut points inside one run of letters."""
    openers, keep = _lexicon()
    if run in keep or len(run) < 4:
        return []
    cuts: list[int] = []
    # case transitions
    cand: list[tuple[int, str]] = []
    for i in range(1, len(run)):
        a, b = run[i - 1], run[i]
        if a.islower() and b.isupper():
            cand.append((i, "lowerupper"))
        elif a.isupper() and b.islower() and i >= 2 and run[i - 2].isupper():
            cand.append((i, "acronym"))  # an acronym of two capitals or more, then lower case
    nexts = [i for i, _ in cand[1:]] + [len(run)]
    for k, (i, kind) in enumerate(cand):
        left, right = run[(cuts[-1] if cuts else 0):i], run[i:nexts[k]]
        if kind == "lowerupper":
            ok = (_vn_word(left) and (has_vietnamese_marks(left) or left[0].islower() or left.casefold() in openers)) or (
                _vn_word(right) and _clearly_vietnamese(right)) or _actor_then_name(left, right, known)
        else:  # "TASSdẫn": the lower-case part must be a marked syllable
            whole = run[i - 1:nexts[k]]  # "PVDân", "HCMSáng": the last capital opens the word
            if i - 1 > (cuts[-1] if cuts else 0) and _vn_word(whole) and has_vietnamese_marks(whole):
                cuts.append(i - 1)
                continue
            if i - 1 > (cuts[-1] if cuts else 0) and _actor_then_name(run[(cuts[-1] if cuts else 0):i - 1], whole, known):
                cuts.append(i - 1)  # "HLVEnzo", "FBIKash": a title or an agency, then a name
                continue
            ok = (_vn_word(right) and has_vietnamese_marks(right)) or bool(_split_piece(right))
        if ok:
            cuts.append(i)
    # syllable splits inside each part
    parts = [0, *cuts, len(run)]
    for a, b in zip(parts, parts[1:]):
        piece = run[a:b]
        if piece.isupper() or len(piece) < 4:
            continue
        inner = _split_piece(piece, known)
        if inner:
            cuts.extend(a + c for c in inner)
    return sorted(set(cuts))


_CACHE: dict[str, tuple[int, ...]] = {}  # token -> its cut points, when they do not depend on the article
_AMBIGUOUS = [0]  # bumped when a cut depended on the article's own words


class _Known:
    """The words of a text, computed on first use (most texts never need them)."""

    def __init__(self, text: str) -> None:
        self._text, self._words = text, None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = words_of(self._text)
        return word in self._words


def _token_points(tok: str, known) -> tuple[int, ...]:
    """Where spaces go inside one whitespace-free token."""
    points: set[int] = set()
    for r in _RUN.finditer(tok):
        if cut := _trailing_cut(r.group(), known):
            points.add(r.start() + cut)  # "Zelenskycho"
    if tok.isalpha() and (tok.islower() or tok.istitle()) and (is_syllable(tok) or not has_vietnamese_marks(tok)):
        return tuple(points)  # the common case: one word, nothing glued (no inner capital, no two syllables)
    if _HAS_PUNCT.search(tok):
        points.update(p.start() for pat in _PUNCT for p in pat.finditer(tok) if 0 < p.start() < len(tok))
    for r in _RUN.finditer(tok):
        points.update(r.start() + c for c in _run_cuts(r.group(), known))
        # a digit glued before a Vietnamese word: "14/7tuyên bố"
        s = r.start()
        if s > 0 and tok[s - 1].isdigit() and r.group().islower() and has_vietnamese_marks(r.group()[:8]):
            first = r.group()
            if _vn_word(first) or _split_piece(first, known):
                points.add(s)
    return tuple(sorted(points))


def words_of(text: str) -> frozenset[str]:
    """The words a text prints on their own (between spaces or punctuation)."""
    return frozenset(w for w in (t.strip(".,;:!?\"'“”‘’()[]") for t in text.split()) if w.isalpha())


def split_glued(text: str, known: frozenset[str] | None = None) -> tuple[str, list[int]]:
    """``text`` with spaces inserted between glued words, and the offsets (in the
    returned text) of the inserted spaces, ascending.

    ``known`` (default: the words of ``text``) are words printed alone
    elsewhere in the article; see :func:`_split_piece`.
    """
    lazy = _Known(text) if known is None else known
    points: set[int] = set()
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if len(tok) < 4:
            continue
        cached = _CACHE.get(tok)
        if cached is None:
            before = _AMBIGUOUS[0]
            cached = _token_points(tok, lazy)
            if _AMBIGUOUS[0] == before:  # the same answer in any article
                if len(_CACHE) > 200_000:
                    _CACHE.clear()
                _CACHE[tok] = cached
        points.update(m.start() + p for p in cached)
    if not points:
        return text, []
    out: list[str] = []
    inserted: list[int] = []
    last = length = 0
    for p in sorted(points):
        out.append(text[last:p])
        length += p - last
        inserted.append(length)
        out.append(" ")
        length += 1
        last = p
    out.append(text[last:])
    return "".join(out), inserted


def original_offset(inserted: list[int], offset: int) -> int:
    """An offset of the repaired text -> the same place in the text as written."""
    return offset - bisect.bisect_left(inserted, offset)


def original_text(text: str, inserted: list[int]) -> str:
    """The text as written: the repaired text without its inserted spaces."""
    if not inserted:
        return text
    drop = set(inserted)
    return "".join(c for i, c in enumerate(text) if i not in drop)
