"""Precision, recall, F1 and the report of ``kg eval``.

Micro-averaging sums true/false positives and false negatives over the
articles before dividing, so an article with forty claims weighs more than one
with two, which is what "how good is the extractor on this set" means.

Empty denominators: a ratio whose denominator is zero is 1.0 when the other
side is empty too (nothing to find and nothing predicted is perfect) and 0.0
otherwise. So an extractor that predicts nothing scores p = r = f1 = 0 on an
article that has gold rows (a placeholder must not look precise), and p = r =
f1 = 1 on an article where neither side has any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .gold import GoldArticle
from .match import (
    Alignment,
    ClaimRec,
    EntityRec,
    EventRec,
    body_matches,
    claim_dates,
    contamination_hits,
    event_argument_counts,
    fold_ws,
    match_claims,
    match_entities,
    match_events,
    match_roles,
    name_key,
    participants_found,
    same_actor,
    same_date,
    token_f1,
)
from .predicted import Predicted

# The P/R/F1 figures, in report order; the JSON shape is fixed by the brief.
PRF_KEYS: tuple[str, ...] = ("entities", "entities_typed", "roles", "events", "claims")
ARG_KEYS: tuple[str, ...] = ("location", "date", "participants")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def p(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, other_empty=self.tp + self.fn == 0)

    @property
    def r(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, other_empty=self.tp + self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _ratio(num: int, den: int, *, other_empty: bool) -> float:
    if den:
        return num / den
    return 1.0 if other_empty else 0.0


@dataclass(slots=True)
class Tally:
    """right out of total (claim dates, body boundaries)."""

    right: int = 0
    total: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        self.right += other.right
        self.total += other.total
        return self

    def to_json(self) -> dict[str, int]:
        return {"right": self.right, "total": self.total}


@dataclass(slots=True)
class ArticleScore:
    """Every figure of one article (or, summed, of the whole set)."""

    doc: str
    prf: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in PRF_KEYS})
    event_args: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ARG_KEYS})
    claim_dates: Tally = field(default_factory=Tally)
    contamination: list[str] = field(default_factory=list)  # the must_not names found
    body: Tally = field(default_factory=Tally)
    details: dict[str, list[str]] = field(default_factory=dict)  # section -> lines, for --details

    def add(self, other: ArticleScore) -> None:
        for k in PRF_KEYS:
            self.prf[k] += other.prf[k]
        for k in ARG_KEYS:
            self.event_args[k] += other.event_args[k]
        self.claim_dates += other.claim_dates
        self.contamination.extend(other.contamination)
        self.body += other.body

    def to_json(self, *, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {k: self.prf[k].to_json() for k in PRF_KEYS}
        out["claim_dates"] = self.claim_dates.to_json()
        out["contamination"] = len(self.contamination)
        out["body"] = self.body.to_json()
        out["event_args"] = {k: self.event_args[k].to_json() for k in ARG_KEYS}
        out["contamination_names"] = list(self.contamination)
        if details:
            out["details"] = self.details
        return out


@dataclass(slots=True)
class Report:
    articles: list[ArticleScore]
    unreadable: list[str] = field(default_factory=list)  # docs that could not be read: scored all-missed

    @property
    def micro(self) -> ArticleScore:
        total = ArticleScore(doc="micro")
        for a in self.articles:
            total.add(a)
        return total

    def to_json(self, *, details: bool = False) -> dict[str, Any]:
        micro = self.micro.to_json()
        del micro["contamination_names"]
        out: dict[str, Any] = {
            "micro": micro,
            "articles": {a.doc: a.to_json(details=details) for a in self.articles},
        }
        if self.unreadable:
            out["unreadable"] = list(self.unreadable)
        return out


def _counts(al: Alignment) -> Counts:
    return Counts(tp=al.tp, fp=al.fp, fn=al.fn)


def score_article(gold: GoldArticle, pred: Predicted) -> ArticleScore:
    """Every FORMAT.md figure of one article, with the misses listed for ``--details``."""
    s = ArticleScore(doc=gold.doc)
    d = s.details

    ents = match_entities(pred.entities, gold.entities)
    typed = match_entities(pred.entities, gold.entities, typed=True)
    s.prf["entities"] = _counts(ents)
    s.prf["entities_typed"] = _counts(typed)
    d["entities missed"] = [f"{gold.entities[j].label} ({gold.entities[j].type})" for j in ents.unmatched_gold()]
    d["entities false"] = [_entity_text(pred.entities[i]) for i in ents.unmatched_pred()]
    typed_pairs = set(typed.pairs)
    d["entities wrong type"] = [
        f"{gold.entities[j].label}: {pred.entities[i].type}, gold {gold.entities[j].type}"
        for i, j in ents.pairs
        if (i, j) not in typed_pairs and pred.entities[i].type != gold.entities[j].type
    ]

    roles = match_roles(pred.roles, gold.roles)
    s.prf["roles"] = _counts(roles)
    d["roles missed"] = [gold.roles[j].text for j in roles.unmatched_gold()]
    d["roles false"] = [pred.roles[i].text for i in roles.unmatched_pred()]

    events = match_events(pred.events, gold.events)
    s.prf["events"] = _counts(events)
    d["events missed"] = [
        gold.events[j].text + _closest_event([pred.events[i] for i in events.unmatched_pred()], gold.events[j])
        for j in events.unmatched_gold()
    ]
    d["events false"] = [pred.events[i].text for i in events.unmatched_pred()]
    for k, a in event_argument_counts(pred.events, gold.events).items():
        s.event_args[k] = Counts(tp=a.tp, fp=a.pred - a.tp, fn=a.gold - a.tp)

    claims = match_claims(pred.claims, gold.claims)
    s.prf["claims"] = _counts(claims)
    d["claims missed"] = [
        _claim_text(gold.claims[j]) + _closest_claim(pred.claims, gold.claims[j]) for j in claims.unmatched_gold()
    ]
    d["claims false"] = [_claim_text(pred.claims[i]) for i in claims.unmatched_pred()]
    s.claim_dates = Tally(*claim_dates(pred.claims, gold.claims, claims))
    d["claim dates wrong"] = [
        f"{_claim_text(gold.claims[j])}: {pred.claims[i].when}, gold {gold.claims[j].when}"
        for i, j in claims.pairs
        if not same_date(pred.claims[i].when, gold.claims[j].when)
    ]

    hits = contamination_hits(gold.must_not, pred.strings)
    s.contamination = [name for name, _ in hits]
    d["contamination"] = [f"{name} in {_short(where, 80)!r}" for name, where in hits]

    if gold.body_first is not None or gold.body_last is not None:
        ok = body_matches(pred.body, gold.body_first or "", gold.body_last or "")
        s.body = Tally(right=int(ok), total=1)
        if not ok:
            b = fold_ws(pred.body)
            d["body"] = [f"starts {b[:70]!r}", f"ends {b[-70:]!r}"] if b else ["empty body"]
    return s


def _entity_text(e: EntityRec) -> str:
    others = sorted(e.names - {name_key(e.label)})
    return f"{e.label} ({e.type})" + (f" aka {', '.join(others)}" if others else "")


def _claim_text(c: ClaimRec) -> str:
    t = fold_ws(c.text)
    return f"{c.label}: {t[:90] + '…' if len(t) > 90 else t}"


def _closest_event(free: list[EventRec], g: EventRec) -> str:
    """Why the nearest unmatched prediction of the same type fails, for ``--details``."""
    best: tuple[tuple[int, int], str] | None = None
    for p in free:
        if p.type != g.type:
            continue
        found = participants_found(p.participants, g.participants)
        why = []
        if g.where is not None and not same_actor(p.where, g.where):
            why.append("wrong place")
        if g.when is not None and not same_date(p.when, g.when):
            why.append(f"date {p.when}")
        if 2 * found < len(g.participants):
            why.append(f"participants {found}/{len(g.participants)}")
        rank = (-len(why), found)
        if best is None or rank > best[0]:
            best = (rank, ", ".join(why))
    if best is None:
        return f"  (no unmatched {g.type} predicted)"
    return f"  (closest {g.type}: {best[1]})"


def _closest_claim(preds: list[ClaimRec], g: ClaimRec) -> str:
    """The same speaker's prediction with the highest token F1, for ``--details``."""
    cands = [(token_f1(p.text, g.text), p) for p in preds if same_actor(p.speaker, g.speaker)]
    if not cands:
        return "  (no claim of this speaker)"
    f1, p = max(cands, key=lambda c: c[0])
    t = fold_ws(p.text)
    return f"  (closest F1 {float(f1):.2f}: {t[:60] + '…' if len(t) > 60 else t})"


def _short(text: str, n: int) -> str:
    t = fold_ws(text)
    return t[:n] + "…" if len(t) > n else t
