"""An :class:`~kg.model.Extraction` as the plain records the matcher compares.

Roles, events and claims refer to entities by id; the gold refers to them by
name. Resolving each id to the entity's label, Vietnamese label and aliases
here lets :mod:`kg.evaluate.match` compare names only. An id that names no
entity of the extraction (a linking bug) still gets a name: the id itself with
underscores as spaces ("Dmitry_Peskov" -> "Dmitry Peskov").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..clean.article import written_body
from ..model import Extraction
from .match import ClaimRec, EntityRec, EventRec, Names, RoleRec, names


@dataclass(slots=True)
class Predicted:
    """What one article's extraction claims, plus every string of its graph."""

    body: str
    entities: list[EntityRec] = field(default_factory=list)
    roles: list[RoleRec] = field(default_factory=list)
    events: list[EventRec] = field(default_factory=list)
    claims: list[ClaimRec] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)  # searched for must_not names


def _label(x: Extraction, eid: str | None) -> str:
    if eid is None:
        return "-"
    e = x.entities.get(eid)
    return e.label if e is not None else eid


def from_extraction(x: Extraction, graph_strings: Iterable[str] | None = None) -> Predicted:
    """Resolve ids to names; ``graph_strings`` are the literals of the article's
    RDF graph when it can be built, else the extraction's own strings are used."""

    def actor(eid: str | None) -> Names | None:
        if eid is None:
            return None
        e = x.entities.get(eid)
        if e is None:
            return names(eid, eid.replace("_", " "))
        return names(e.label, e.label_vi, e.aliases)

    pred = Predicted(body=written_body(x.article))  # body boundaries are checked on the text as written
    for e in x.entities.values():
        pred.entities.append(EntityRec(names=names(e.label, e.label_vi, e.aliases), type=e.type, label=e.label))

    # The graph holds one edge per (person, role, org): repeated statements of
    # the same role in several sentences are one prediction, not several.
    seen: set[tuple[str, str, str | None]] = set()
    for r in x.roles:
        key = (r.person, r.predicate, r.org)
        if key in seen:
            continue
        seen.add(key)
        person = actor(r.person) or frozenset()
        text = f"{_label(x, r.person)} {r.predicate} {_label(x, r.org) if r.org else None}  [{r.title}]"
        pred.roles.append(RoleRec(person=person, role=r.predicate, org=actor(r.org), text=text))

    for ev in x.events:
        parts = tuple(p for p in (actor(pid) for pid in ev.participants) if p is not None)
        text = (f"{ev.type} where={_label(x, ev.where) if ev.where else None} when={ev.when} "
                f"participants={[_label(x, p) for p in ev.participants]}  [{ev.trigger}]")
        pred.events.append(EventRec(type=ev.type, where=actor(ev.where), when=ev.when, participants=parts, text=text))

    for c in x.claims:
        speaker = actor(c.speaker) or frozenset()
        pred.claims.append(ClaimRec(speaker=speaker, text=c.text, when=c.when, label=_label(x, c.speaker)))

    if graph_strings is not None:
        pred.strings = list(graph_strings)
    else:
        pred.strings = extraction_strings(x)
    # Entity names are searched in any case: they are what a graph labels nodes with.
    for e in x.entities.values():
        pred.strings.extend(s for s in (e.label, e.label_vi, *sorted(e.aliases)) if s)
    return pred


def extraction_strings(x: Extraction) -> list[str]:
    """Every string the graph of this extraction would show, when no graph module exists."""
    a = x.article
    out = [s for s in (a.title, a.body, a.outlet) if s]
    out.extend(m.text for m in x.mentions)
    out.extend(r.title for r in x.roles)
    out.extend(ev.trigger for ev in x.events)
    for c in x.claims:
        out.extend((c.cue, c.text))
    return out
