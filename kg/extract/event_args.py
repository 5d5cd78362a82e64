"""The phrases after an event trigger, read from underthesea's tags.

An event's object, place and parties follow its trigger in the same clause:
"trục xuất [10 nhà ngoại giao Nga] [khỏi nước này]", "điện đàm [với Tổng thống
Putin] [trong ngày 4/7]", "cuộc gặp [với ông Zelensky] [tại Vatican]". This
module splits the tokens after a trigger into such phrases by grammar, not by
a distance in characters: a phrase opens at a preposition (POS ``E``, or a word
of the ``prepositions`` lexicon: "tại/ở" a place, "với/giữa" a party, "đối
với/nhằm vào/vào" a target, "của" the actor of a nominal trigger, "tới/đến" a
destination), and the clause ends at punctuation, at a subordinating word
("để", "khi", "nhưng" …; lexicon ``clause_stops``) or at a new verb once the
current phrase already holds a noun (a second predicate). Actor mentions are
atomic: a verb inside "Người phát ngôn Điện Kremlin" does not end a phrase.

The word lists live in ``ontology/lexicons/event_nouns.yaml``; this module holds
the grammar only. Used by :mod:`kg.extract.events`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon.load import load_yaml
from ..model import Token

__all__ = ["Phrase", "phrases_after", "tokens_between"]

_BRACKETS = {"(": ")", "[": "]"}
_SOFT_PUNCT = {"-", "–", "—", "/", "&"}  # "Nga - Mỹ", "Putin – Biden": a pair, not a clause end
_NOUNISH = ("N", "Np", "Nc", "Nu", "Ny", "M", "P", "Nb")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One phrase after a trigger: its role for the event and its body span."""

    role: str  # "object" | "place" | "party" | "target" | "of" | "to" | "other" | "bracket"
    prep: str  # the preposition as written ("" for the object)
    start: int
    end: int


@dataclass(frozen=True)
class _Grammar:
    role_of: dict[str, str]  # preposition (lower case, one or two words) -> role
    stops: frozenset[str]
    pass_verbs: frozenset[str]


@cache
def _grammar() -> _Grammar:
    data = load_yaml("event_nouns.yaml")
    role_of: dict[str, str] = {}
    for role, words in data["prepositions"].items():
        for w in words:
            role_of[" ".join(w.casefold().split())] = role
    norm = lambda ws: frozenset(" ".join(w.casefold().split()) for w in ws)  # noqa: E731
    return _Grammar(role_of, norm(data["clause_stops"]), norm(data["event_verbs"]))


def _word(t: Token) -> str:
    return " ".join(t.text.casefold().replace("_", " ").split())


def tokens_between(tokens: list[Token], lo: int, hi: int) -> list[Token]:
    """Tokens lying inside body offsets [lo, hi)."""
    return [t for t in tokens if t.start >= lo and t.end <= hi]


def phrases_after(
    tokens: list[Token], end: int, atomic: list[tuple[int, int]] = (), limit: int | None = None
) -> list[Phrase]:
    """The phrases of the clause that follow a trigger ending at body offset ``end``.

    ``atomic`` are body spans (actor mentions) read as one noun whatever their
    tags; ``limit`` is a body offset past which nothing is read (the sentence end
    by default)."""
    g = _grammar()
    out: list[Phrase] = []
    i = next((k for k, t in enumerate(tokens) if t.start >= end), len(tokens))
    role, prep, start, stop, has_noun = "object", "", None, None, False

    def close() -> None:
        nonlocal start, stop, has_noun
        if start is not None and stop is not None and stop > start:
            out.append(Phrase(role, prep, start, stop))
        start, stop, has_noun = None, None, False

    def in_atomic(t: Token) -> bool:
        return any(a <= t.start and t.end <= b for a, b in atomic)

    while i < len(tokens):
        t = tokens[i]
        if limit is not None and t.start >= limit:
            break
        w = _word(t)
        if in_atomic(t):
            start = t.start if start is None else start
            stop = t.end
            has_noun = True
            i += 1
            continue
        if t.text in _BRACKETS:
            # "Geneva (Thụy Sĩ)": a bracket locates or explains the word before it
            close_ch = _BRACKETS[t.text]
            j = i + 1
            while j < len(tokens) and tokens[j].text != close_ch and j - i < 12:
                j += 1
            if j < len(tokens) and tokens[j].text == close_ch:
                saved = (role, prep)
                close()
                if j > i + 1:
                    out.append(Phrase("bracket", "(", tokens[i + 1].start, tokens[j - 1].end))
                role, prep = saved
                i = j + 1
                continue
            break
        if t.pos == "CH" and t.text not in _SOFT_PUNCT:
            break
        two = f"{w} {_word(tokens[i + 1])}" if i + 1 < len(tokens) else ""
        if two in g.role_of:
            close()
            role, prep = g.role_of[two], tokens[i].text + " " + tokens[i + 1].text
            i += 2
            continue
        if w in g.stops or two in g.stops:
            break
        if w in g.role_of and (t.pos in ("E", "C", "V", "A", "R") or w in ("của",)):
            close()
            role, prep = g.role_of[w], t.text
            i += 1
            continue
        if t.pos == "E":
            # another preposition ("trong", "bằng", "khỏi", "về"): a phrase the event does not use
            close()
            role, prep = "other", t.text
            i += 1
            continue
        if w in g.pass_verbs or two in g.pass_verbs:
            # "thượng đỉnh A - B diễn ra tại X": the event's own verb keeps its clause
            close()
            role, prep = "other", t.text
            i += 2 if two in g.pass_verbs else 1
            continue
        if t.pos == "V" and has_noun:
            break  # a new predicate
        if w == "và" and i + 1 < len(tokens) and tokens[i + 1].pos in ("V", "R") and not in_atomic(tokens[i + 1]):
            break  # "… và trục xuất …": a second predicate
        start = t.start if start is None else start
        stop = t.end
        has_noun = has_noun or t.pos in _NOUNISH
        i += 1
    close()
    return out
