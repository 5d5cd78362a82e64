"""Pure matching functions of ``kg eval``, on plain values.

Everything here follows the matching rules of the gold format
(``shared/gold/FORMAT.md``, "How a prediction is matched") and works on small
frozen records instead of :class:`~kg.model.Extraction`, so each rule can be
tested on a hand-made case of three lines. Converting an extraction into these
records (resolving entity ids to names) is :mod:`kg.evaluate.runner`'s job.

Names are compared as *keys*: Unicode NFC, case folding and whitespace folding,
exactly what FORMAT.md prescribes (no tone-mark or diacritic folding, so a
misspelt alias is a miss, as an annotator would count it). An actor is a
``frozenset`` of keys: its label, Vietnamese label and aliases; two actors
match when the sets intersect.

Alignment is one-to-one and greedy, best first: every admissible
(prediction, gold) pair gets a quality, pairs are taken in decreasing quality
(ties: earlier prediction, then earlier gold row) while both sides are free.
So one gold row is matched by at most one prediction, and a duplicate
prediction of a fact already matched counts as a false positive.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

Names = frozenset[str]

_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2}-\d{2})$")


# --------------------------------------------------------------------------- names


def name_key(s: str) -> str:
    """NFC, case-folded, whitespace runs as one space, stripped (FORMAT.md)."""
    return _WS.sub(" ", unicodedata.normalize("NFC", s).casefold()).strip()


def names(*forms: str | None | Iterable[str]) -> Names:
    """The key set of an actor from any mix of strings, ``None`` and iterables.

    ``names(label, label_vi, aliases)`` is the usual call; empty forms are dropped
    because an empty alias would otherwise match every other empty alias.
    """
    out: set[str] = set()
    for form in forms:
        if form is None:
            continue
        for s in [form] if isinstance(form, str) else form:
            if s is None:
                continue
            k = name_key(s)
            if k:
                out.add(k)
    return frozenset(out)


def same_actor(a: Names | None, b: Names | None) -> bool:
    """Whether two actors share a name or alias (``None`` matches nothing)."""
    return bool(a and b and not a.isdisjoint(b))


# --------------------------------------------------------------------------- dates


def date_key(when: str | None) -> str | None:
    """``"2021-06-16"`` or ``"--06-16"`` from an ISO date/datetime; else as given.

    A datetime keeps only its date: the gold annotates days.
    """
    if when is None:
        return None
    w = when.strip()
    m = _ISO_DATE.match(w)
    if m:
        return m.group(1)
    return w


def same_date(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted date says what the gold date says.

    ``None`` equals only ``None``; a gold ``"--MM-DD"`` (the text gives no year)
    matches that day in any year; a gold full date needs the same full date, so
    a prediction that lost the year is wrong when the gold could infer it.
    """
    p, g = date_key(pred), date_key(gold)
    if g is None or p is None:
        return g is None and p is None
    m = _NO_YEAR.match(g)
    if m:
        return p[-5:] == m.group(1) and (_NO_YEAR.match(p) is not None or _ISO_DATE.match(p) is not None)
    return p == g


# --------------------------------------------------------------------------- tokens


def tokens(text: str) -> list[str]:
    """Syllables of a text, case-folded, with punctuation and symbols dropped.

    Vietnamese writes one syllable per space-separated token, so splitting on
    whitespace after replacing every punctuation/symbol character (Unicode
    categories P* and S*: quotes, dashes, commas, "%") by a space gives the
    syllables FORMAT.md counts.
    """
    t = unicodedata.normalize("NFC", text).casefold()
    t = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in t)
    return t.split()


def token_f1(pred: str, gold: str) -> Fraction:
    """Bag-of-syllables F1 between two texts, as an exact fraction.

    Exact so that the 0.5 threshold is not at the mercy of float rounding.
    Two empty texts agree perfectly (1); one empty text scores 0.
    """
    p, g = tokens(pred), tokens(gold)
    if not p and not g:
        return Fraction(1)
    if not p or not g:
        return Fraction(0)
    overlap = sum((Counter(p) & Counter(g)).values())
    return Fraction(2 * overlap, len(p) + len(g))


CLAIM_F1_THRESHOLD = Fraction(1, 2)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class EntityRec:
    """An actor as the scorer sees it: its key set, its type, a display name."""

    names: Names
    type: str
    label: str


@dataclass(frozen=True, slots=True)
class RoleRec:
    """person --role--> org, each actor a key set (org ``None``: bare title)."""

    person: Names
    role: str
    org: Names | None
    text: str = ""  # for the details listing


@dataclass(frozen=True, slots=True)
class EventRec:
    type: str
    where: Names | None
    when: str | None
    participants: tuple[Names, ...]
    text: str = ""


@dataclass(frozen=True, slots=True)
class ClaimRec:
    speaker: Names
    text: str
    when: str | None
    label: str = ""  # the speaker's display name


@dataclass(slots=True)
class Alignment:
    """Which prediction matched which gold row; the rest are errors."""

    pairs: list[tuple[int, int]]  # (prediction index, gold index)
    n_pred: int
    n_gold: int

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def fp(self) -> int:
        return self.n_pred - len(self.pairs)

    @property
    def fn(self) -> int:
        return self.n_gold - len(self.pairs)

    def unmatched_pred(self) -> list[int]:
        used = {p for p, _ in self.pairs}
        return [i for i in range(self.n_pred) if i not in used]

    def unmatched_gold(self) -> list[int]:
        used = {g for _, g in self.pairs}
        return [i for i in range(self.n_gold) if i not in used]


P = TypeVar("P")
G = TypeVar("G")


def greedy_align(
    preds: Sequence[P],
    golds: Sequence[G],
    quality: Callable[[P, G], tuple | None],
) -> Alignment:
    """One-to-one alignment, best pair first.

    ``quality(pred, gold)`` returns ``None`` when the pair may not match, else a
    sortable value where larger is better. Ties go to the earlier prediction,
    then the earlier gold row, so results are deterministic.
    """
    cands: list[tuple[tuple, int, int]] = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            q = quality(p, g)
            if q is not None:
                cands.append((q, i, j))
    cands.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    pairs.sort()
    return Alignment(pairs, len(preds), len(golds))


# --------------------------------------------------------------------------- entities


def _entity_quality(typed: bool) -> Callable[[EntityRec, EntityRec], tuple | None]:
    def quality(p: EntityRec, g: EntityRec) -> tuple | None:
        if not same_actor(p.names, g.names):
            return None
        if typed and p.type != g.type:
            return None
        # Prefer the prediction whose label is the gold name, then the one
        # sharing most forms, then the one of the right type.
        return (int(name_key(p.label) == name_key(g.label)), len(p.names & g.names), int(p.type == g.type))

    return quality


def match_entities(preds: Sequence[EntityRec], golds: Sequence[EntityRec], *, typed: bool = False) -> Alignment:
    """Canonical entities against gold entities; ``typed`` also requires the type."""
    return greedy_align(preds, golds, _entity_quality(typed))


# --------------------------------------------------------------------------- roles


def _role_quality(p: RoleRec, g: RoleRec) -> tuple | None:
    if p.role != g.role or not same_actor(p.person, g.person):
        return None
    if g.org is not None:
        return (1,) if same_actor(p.org, g.org) else None
    # Gold gives a bare title: any org (or none) matches; a prediction that
    # also has no org is the closer one.
    return (int(p.org is None),)


def match_roles(preds: Sequence[RoleRec], golds: Sequence[RoleRec]) -> Alignment:
    """Person and role must match; the org too where the gold gives one."""
    return greedy_align(preds, golds, _role_quality)


# --------------------------------------------------------------------------- events


def participants_found(pred: Sequence[Names], gold: Sequence[Names]) -> int:
    """How many gold participants are among the predicted ones (one-to-one)."""
    return greedy_align(pred, gold, lambda p, g: (1,) if same_actor(p, g) else None).tp


def _event_args(p: EventRec, g: EventRec) -> tuple[bool, bool, int]:
    where_ok = same_actor(p.where, g.where) if g.where is not None else True
    when_ok = same_date(p.when, g.when) if g.when is not None else True
    return where_ok, when_ok, participants_found(p.participants, g.participants)


def event_matches(p: EventRec, g: EventRec) -> bool:
    """FORMAT.md's event rule: type, location and date where gold gives them,
    and at least half of the gold participants among the predicted ones."""
    if p.type != g.type:
        return False
    where_ok, when_ok, found = _event_args(p, g)
    return where_ok and when_ok and 2 * found >= len(g.participants)


def _args_agreeing(p: EventRec, g: EventRec) -> tuple:
    """Arguments the two events agree on: both-given-and-equal counts, so does
    both-absent; the number of shared participants breaks ties."""
    where = same_actor(p.where, g.where) or (p.where is None and g.where is None)
    when = same_date(p.when, g.when)
    found = participants_found(p.participants, g.participants)
    return (int(where) + int(when) + found, found)


def match_events(preds: Sequence[EventRec], golds: Sequence[EventRec]) -> Alignment:
    """Events matched by :func:`event_matches`, the pair agreeing on most arguments first."""
    return greedy_align(preds, golds, lambda p, g: _args_agreeing(p, g) if event_matches(p, g) else None)


@dataclass(slots=True)
class ArgCounts:
    """Argument-level counts: tp, predicted, gold (so fp = pred - tp, fn = gold - tp)."""

    tp: int = 0
    pred: int = 0
    gold: int = 0


def event_argument_counts(preds: Sequence[EventRec], golds: Sequence[EventRec]) -> dict[str, ArgCounts]:
    """Argument-level counts for location, date and participants.

    Arguments are scored on an alignment that only requires equal types (best
    agreement first), not on the full event match: the point of these figures
    is to show *which* argument is wrong when an event fails to match. Every
    predicted/gold argument that is given counts on its side; an aligned pair
    contributes a true positive per argument both give and agree on (each
    shared participant is one).
    """
    out = {"location": ArgCounts(), "date": ArgCounts(), "participants": ArgCounts()}
    for p in preds:
        out["location"].pred += p.where is not None
        out["date"].pred += p.when is not None
        out["participants"].pred += len(p.participants)
    for g in golds:
        out["location"].gold += g.where is not None
        out["date"].gold += g.when is not None
        out["participants"].gold += len(g.participants)
    al = greedy_align(preds, golds, lambda p, g: _args_agreeing(p, g) if p.type == g.type else None)
    for i, j in al.pairs:
        p, g = preds[i], golds[j]
        out["location"].tp += g.where is not None and same_actor(p.where, g.where)
        out["date"].tp += g.when is not None and p.when is not None and same_date(p.when, g.when)
        out["participants"].tp += participants_found(p.participants, g.participants)
    return out


# --------------------------------------------------------------------------- claims


def _claim_quality(p: ClaimRec, g: ClaimRec) -> tuple | None:
    if not same_actor(p.speaker, g.speaker):
        return None
    f1 = token_f1(p.text, g.text)
    return (f1,) if f1 >= CLAIM_F1_THRESHOLD else None


def match_claims(preds: Sequence[ClaimRec], golds: Sequence[ClaimRec]) -> Alignment:
    """Same speaker and content token F1 >= 0.5, highest F1 first."""
    return greedy_align(preds, golds, _claim_quality)


def claim_dates(preds: Sequence[ClaimRec], golds: Sequence[ClaimRec], al: Alignment) -> tuple[int, int]:
    """(right, total) over the matched claims.

    Every matched claim counts (total = tp of the claim score); it is right
    when :func:`same_date` holds, so a claim the gold leaves undated is right
    only if the prediction leaves it undated too, and a gold ``"--MM-DD"``
    accepts any year.
    """
    right = sum(same_date(preds[i].when, golds[j].when) for i, j in al.pairs)
    return right, len(al.pairs)


# --------------------------------------------------------------------------- contamination, body


def contamination(must_not: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The ``must_not`` names found as whole words in any of ``texts``.

    Compared after NFC, case folding and whitespace folding; "whole word"
    means not preceded or followed by a letter or digit, so "Ấn Độ" is found in
    "Thủ tướng Ấn Độ" but "Mexico" is not found in "Mexicoland". Each name
    counts once however often it occurs.
    """
    return [name for name, _ in contamination_hits(must_not, texts)]


def contamination_hits(must_not: Iterable[str], texts: Iterable[str]) -> list[tuple[str, str]]:
    """Each ``must_not`` name found, with the first text it was found in (for ``--details``)."""
    keyed = [(name_key(t), t) for t in texts if t]
    # \x00 separates the texts so that a name cannot straddle two of them.
    hay = "\x00".join(k for k, _ in keyed)
    hits: list[tuple[str, str]] = []
    for name in must_not:
        k = name_key(name)
        if not k:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(k)}(?!\w)")
        if pattern.search(hay):
            where = next(t for tk, t in keyed if pattern.search(tk))
            hits.append((name, where))
    return hits


def fold_ws(s: str) -> str:
    """NFC with whitespace runs as one space, stripped (case kept)."""
    return _WS.sub(" ", unicodedata.normalize("NFC", s)).strip()


# FORMAT.md: a closing byline and/or credit line of at most this many characters
# may follow body_last ("… chiến sự. Huyền Lê(TheoRIA Novosti,AFP)").
BODY_TAIL_MAX = 80


def body_matches(body: str, first: str, last: str) -> bool:
    """Whether the body starts with ``first`` and ends with ``last`` (whitespace folded).

    The end may be followed by a closing byline/credit of at most
    :data:`BODY_TAIL_MAX` characters (FORMAT.md's amended body rule).
    """
    b, last = fold_ws(body), fold_ws(last)
    if not b.startswith(fold_ws(first)):
        return False
    if b.endswith(last):
        return True
    at = b.rfind(last, max(0, len(b) - len(last) - BODY_TAIL_MAX - 1)) if last else -1
    return at >= 0 and _byline_or_credit(b[at + len(last):].strip())


_CREDIT = re.compile(r"^\(?\s*(?:theo|nguồn)\b", re.IGNORECASE)
_PAREN = re.compile(r"\([^()]*\)")


def _byline_or_credit(tail: str) -> bool:
    """A closing byline ("Huyền Lê", "Thanh Hà - Minh An") and/or credit
    ("(Theo Reuters)", "Theo TTXVN"), at most :data:`BODY_TAIL_MAX` characters:
    every word of what is left outside a credit starts with a capital."""
    if not tail or len(tail) > BODY_TAIL_MAX:
        return not tail
    if _CREDIT.match(tail):
        return True
    words = re.findall(r"[^\W\d_]+", _PAREN.sub(" ", tail))
    return bool(words) and all(w[0].isupper() for w in words)
