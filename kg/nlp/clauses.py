"""Clauses from underthesea's tags: subject, verb, object, prepositional phrases.

The fact extractors need to know who does what to whom in a sentence, and a
character window around a verb does not carry from one outlet's style to
another's. underthesea already gives every word a POS tag (N, Np, V, E, R, CH,
…) and a chunk tag (B-NP, I-NP, B-VP, B-PP, …); this module reads them into
clauses:

* the sentence is cut at clause punctuation (``,`` ``;`` ``:`` dashes, quotes)
  and at complementizers ("rằng"): each piece with a verb is a clause;
* the clause's **verb** is its first verb not inside a prepositional phrase;
* its **subject** is the run of noun-phrase chunks right before the verb
  (adverbs such as "đã", "cũng" may stand between); a clause that opens with a
  coordinator ("đồng thời", "và") or with the verb itself has no subject of its
  own and *shares* the subject of the clause before it, so in "X đã tổ chức …,
  kêu gọi …, đồng thời nói rằng …" all three verbs are X's;
* its **object** is the noun-phrase run right after the verb;
* its **prepositional phrases** are a preposition ("tại", "với", "giữa",
  "đối với", "nhằm vào", …) and the noun phrases after it.

Phrases are token spans with body offsets, so callers map them to the linked
mentions of ``kg.extract.spans``. The function words are data
(``ontology/lexicons/clause_words.yaml``); the grammar is in the tags.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from ..lexicon.load import load_yaml
from ..model import AnalysedSentence, Token

__all__ = ["Phrase", "PrepPhrase", "Clause", "clauses", "clause_at", "subject_of", "ClauseWords", "clause_words"]

_NOUNISH = frozenset({"N", "Np", "Nc", "Nu", "Ny", "Nb", "M", "P", "L"})
_BOUNDARY = frozenset({",", ";", ":", "–", "—", "-", "(", ")", '"', "“", "”", "…", "!", "?", "."})


@dataclass(frozen=True)
class ClauseWords:
    prepositions: frozenset[str]
    coordinators: frozenset[str]
    complementizers: frozenset[str]
    subordinators: frozenset[str]
    temporal_subordinators: frozenset[str]  # "sau khi", "kể từ khi": a time clause before the main one
    pre_verbal: frozenset[str]
    passive: frozenset[str]
    longest: int  # words in the longest multi-word entry


@cache
def clause_words() -> ClauseWords:
    data = load_yaml("clause_words.yaml")

    def norm(key: str) -> frozenset[str]:
        return frozenset(" ".join(w.casefold().split()) for w in data.get(key) or [])

    sets = {k: norm(k) for k in ("prepositions", "coordinators", "complementizers", "subordinators", "temporal_subordinators",
                                   "pre_verbal", "passive")}
    longest = max((len(w.split()) for s in sets.values() for w in s), default=1)
    return ClauseWords(**sets, longest=longest)


@dataclass(frozen=True)
class Phrase:
    """Tokens ``[first, last)`` of the sentence; ``start``/``end`` are body offsets."""

    first: int
    last: int
    start: int
    end: int
    text: str

    @property
    def tokens(self) -> range:
        return range(self.first, self.last)


@dataclass(frozen=True)
class PrepPhrase:
    prep: str  # the preposition as written, case-folded: "tại", "đối với"
    np: Phrase


@dataclass
class Clause:
    """One clause of a sentence (token indices into ``AnalysedSentence.tokens``)."""

    first: int
    last: int
    start: int
    end: int
    verb: Phrase | None = None
    subject: Phrase | None = None  # its own subject noun phrase, if written
    shared_from: int | None = None  # index of the earlier clause whose subject it shares
    obj: Phrase | None = None
    preps: list[PrepPhrase] = field(default_factory=list)
    opener: str | None = None  # the coordinator/complementizer/subordinator that opens it
    opener_tokens: int = 0
    passive: bool = False  # "được công bố", "bị chỉ trích"

    @property
    def embedded(self) -> bool:
        """Reported content ("rằng …") or a subordinate clause ("khi …")."""
        w = clause_words()
        return self.opener is not None and (self.opener in w.complementizers or self.opener in w.subordinators)


def _word(t: Token) -> str:
    return " ".join(t.text.casefold().split())


def _is_verb(t: Token) -> bool:
    return t.pos == "V" or t.chunk.endswith("VP")


def _is_np(t: Token) -> bool:
    return t.chunk.endswith("-NP") or t.pos in _NOUNISH


def _phrase(tokens: list[Token], first: int, last: int, body_text: str, base: int) -> Phrase:
    s, e = tokens[first].start, tokens[last - 1].end
    return Phrase(first, last, s, e, body_text[s - base : e - base])


def _match_words(tokens: list[Token], i: int, words: frozenset[str], limit: int) -> int:
    """Number of tokens starting at ``i`` that spell an entry of ``words`` (longest wins), or 0."""
    best = 0
    acc: list[str] = []
    for k in range(i, min(len(tokens), i + limit)):
        acc.append(_word(tokens[k]))
        if " ".join(acc) in words:
            best = k - i + 1
    return best


def _np_run(tokens: list[Token], i: int, stop: int) -> int:
    """End (exclusive) of the noun-phrase run starting at ``i`` ("Bộ Ngoại giao Nga",
    "tuyên bố của Bộ Ngoại giao Nga": a possessive "của" stays inside)."""
    j = i
    while j < stop:
        t = tokens[j]
        if _is_np(t) and not _is_verb(t):
            j += 1
            continue
        if _word(t) == "của" and j + 1 < stop and _is_np(tokens[j + 1]) and j > i:
            j += 1
            continue
        break
    return j


def _segments(tokens: list[Token]) -> list[tuple[int, int, str | None, int]]:
    """Token ranges cut at clause punctuation and before complementizers/coordinators
    that follow a comma; each with the function word that opens it."""
    w = clause_words()
    openers = w.coordinators | w.complementizers | w.subordinators
    out: list[tuple[int, int, str | None]] = []
    start = 0
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.pos == "CH" or t.text in _BOUNDARY:
            if i > start:
                out.append((start, i, None))
            start = i + 1
        elif i > start and _word(t) in w.complementizers:
            out.append((start, i, None))
            start = i
        elif i > start and _word(t) in w.coordinators and any(_is_verb(x) for x in tokens[start:i]):
            # "Moscow bác bỏ cáo buộc và Bộ Ngoại giao Nga đáp trả …": a new clause
            out.append((start, i, None))
            start = i
        i += 1
    if start < n:
        out.append((start, n, None))
    # name the opener of each segment
    named: list[tuple[int, int, str | None, int]] = []
    for a, b, _ in out:
        k = _match_words(tokens, a, openers, w.longest)
        opener = " ".join(_word(tokens[x]) for x in range(a, a + k)) if k else None
        named.append((a, b, opener, k))
    return named


def clauses(sent: AnalysedSentence) -> list[Clause]:
    """The clauses of one analysed sentence, in order."""
    tokens = sent.tokens
    if not tokens:
        return []
    w = clause_words()
    base = sent.sentence.start
    text = sent.sentence.text
    out: list[Clause] = []
    for a, b, opener, k_open in _segments(tokens):
        c = Clause(a, b, tokens[a].start, tokens[b - 1].end, opener=opener, opener_tokens=k_open)
        i = a + k_open
        # verb: the first verb not inside a prepositional phrase
        v = None
        k = i
        while k < b:
            pk = _match_words(tokens, k, w.prepositions, w.longest)
            if pk and not _is_verb(tokens[k]):
                k = _np_run(tokens, k + pk, b) if k + pk < b else b
                continue
            if _is_verb(tokens[k]) and _word(tokens[k]) not in w.pre_verbal and not (
                _word(tokens[k]) in w.passive and k + 1 < b and _is_verb(tokens[k + 1])
            ):
                v = k
                break
            k += 1
        if v is not None:
            ve = v + 1
            # "cho biết", "tổ chức họp báo": consecutive verbs make one verb phrase
            while ve < b and (tokens[ve].chunk == "I-VP" or tokens[ve].pos == "V"):
                ve += 1
            c.verb = _phrase(tokens, v, ve, text, base)
            c.passive = v > i and _word(tokens[v - 1]) in w.passive
            # subject: the NP run ending right before the verb (adverbs may intervene)
            j = v
            # adverbs, auxiliaries and modal adjectives ("sẵn sàng") stand between
            while j > i and (tokens[j - 1].pos in ("R", "A") or _word(tokens[j - 1]) in w.pre_verbal):
                j -= 1
            s = j
            while s > i and (_is_np(tokens[s - 1]) and not _is_verb(tokens[s - 1]) or (
                _word(tokens[s - 1]) == "của" and s - 1 > i and _is_np(tokens[s - 2])
            )):
                s -= 1
            if s < j:
                c.subject = _phrase(tokens, s, j, text, base)
            # object: the NP run right after the verb (a quantity or title included)
            oe = _np_run(tokens, ve, b)
            if oe > ve:
                c.obj = _phrase(tokens, ve, oe, text, base)
            # prepositional phrases anywhere in the clause
            k = i
            while k < b:
                pk = _match_words(tokens, k, w.prepositions, w.longest)
                if pk and k != v and k + pk < b:
                    ne = _np_run(tokens, k + pk, b)
                    if ne > k + pk:
                        prep = " ".join(_word(tokens[x]) for x in range(k, k + pk))
                        c.preps.append(PrepPhrase(prep, _phrase(tokens, k + pk, ne, text, base)))
                        k = ne
                        continue
                k += 1
        out.append(c)
    # subject sharing: a clause with a verb and no subject of its own, opened by a
    # coordinator or by nothing, continues the subject of the clause before it
    for idx, c in enumerate(out):
        if c.verb is None or c.subject is not None or c.embedded or c.passive:
            continue
        for back in range(idx - 1, -1, -1):
            p = out[back]
            if p.verb is None:
                continue  # "…, hôm 3/4, …": an adverbial piece, look further back
            if p.embedded and p.subject is None:
                break
            if p.subject is not None:
                c.shared_from = back
                break
            if p.shared_from is not None:
                c.shared_from = p.shared_from
                break
            break
    return out


def clause_at(cls: list[Clause], start: int) -> Clause | None:
    """The clause holding body offset ``start``."""
    firsts = [c.start for c in cls]
    i = bisect_right(firsts, start) - 1
    if i >= 0 and cls[i].start <= start < max(cls[i].end, start + 1):
        return cls[i]
    return None


def subject_of(cls: list[Clause], verb_start: int) -> Phrase | None:
    """The subject of the clause whose verb starts at body offset ``verb_start``:
    its own, or the one it shares with an earlier clause."""
    for c in cls:
        if c.verb is not None and c.verb.start <= verb_start < c.verb.end:
            if c.subject is not None:
                return c.subject
            if c.shared_from is not None:
                return cls[c.shared_from].subject
            return None
    return None
