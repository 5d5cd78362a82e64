"""Linking across articles: a surname alone joins the one full name it fits.

Also, a full name spelt differently in two articles ("Sergei Lavrov",
"Sergey Lavrov") becomes the spelling known first.

An article that only says "ông Peskov" cannot know his given name; another
article (or the store, through :class:`AliasIndex`) may. When exactly one
known full-name person has that surname, the surname-only entity is renamed
to it, and every reference to the old id (mentions, entities, roles, events,
claims) is rewritten. A surname that two known people share stays as it is.
This runs after all components, over the whole batch, and its result depends
only on the input order.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Entity, Extraction
from .names import name_keys, same_full_name, surname_keys


class AliasIndex:
    """Full-name persons known so far, by the surname(s) they may be shortened to.

    The build fills it from the store (``add`` for each person entity already
    there) before linking a new batch, so "Peskov" in today's article joins the
    Dmitry Peskov of last week's. Entries keep their insertion order: when two
    spellings of one person are known ("Sergei Lavrov", "Sergey Lavrov"), the
    first one known is the canonical one.
    """

    def __init__(self) -> None:
        self._by_surname: dict[str, dict[str, Entity]] = {}
        self._order: dict[str, int] = {}

    def add(self, entity_id: str, label: str, type_: str = "Person", aliases: Iterable[str] = (),
            label_vi: str | None = None) -> None:
        if type_ != "Person" or len(name_keys(label)) < 2:
            return
        ent = Entity(id=entity_id, label=label, type="Person", label_vi=label_vi, aliases=set(aliases))
        self._order.setdefault(entity_id, len(self._order))
        for k in surname_keys(label):
            self._by_surname.setdefault(k, {}).setdefault(entity_id, ent)

    def add_entity(self, ent: Entity) -> None:
        self.add(ent.id, ent.label, ent.type, ent.aliases, ent.label_vi)

    def copy(self) -> AliasIndex:
        other = AliasIndex()
        other._by_surname = {k: dict(v) for k, v in self._by_surname.items()}
        other._order = dict(self._order)
        return other

    def _sorted(self, found: dict[str, Entity]) -> list[Entity]:
        return [found[i] for i in sorted(found, key=lambda i: (self._order.get(i, 1 << 30), i))]

    def candidates(self, surname: str) -> list[Entity]:
        """Known full-name persons a surname may stand for, first known first."""
        ks = name_keys(surname)
        if len(ks) != 1:
            return []
        return self._sorted(self._by_surname.get(ks[0], {}))

    def resolve(self, surname: str) -> Entity | None:
        """The one person a surname stands for, or None when unknown or ambiguous.

        Spellings of one full name count as one person.
        """
        groups: list[list[Entity]] = []
        for c in self.candidates(surname):
            for g in groups:
                if same_full_name(g[0].label, c.label):
                    g.append(c)
                    break
            else:
                groups.append([c])
        return groups[0][0] if len(groups) == 1 else None

    def canonical(self, label: str) -> Entity | None:
        """The first known person whose full name is a spelling of ``label``."""
        if len(name_keys(label)) < 2:
            return None
        found: dict[str, Entity] = {}
        for k in surname_keys(label):
            found.update(self._by_surname.get(k, {}))
        for c in self._sorted(found):
            if same_full_name(c.label, label):
                return c
        return None

    def __len__(self) -> int:
        return len(self._order)


def _rewrite(x: Extraction, mapping: dict[str, str]) -> None:
    def r(i: str | None) -> str | None:
        return mapping.get(i, i) if i is not None else None

    for m in x.mentions:
        m.entity = r(m.entity)
    for role in x.roles:
        role.person = r(role.person) or role.person
        role.org = r(role.org)
    for ev in x.events:
        ev.where = r(ev.where)
        seen: list[str] = []
        for p in ev.participants:
            q = r(p) or p
            if q not in seen:
                seen.append(q)
        ev.participants = seen
    for c in x.claims:
        c.speaker = r(c.speaker) or c.speaker
        c.source = r(c.source)


def link_across(extractions: list[Extraction], index: AliasIndex | None = None) -> list[Extraction]:
    """Merge surname-only persons into the unambiguous full name known elsewhere."""
    idx = index.copy() if index is not None else AliasIndex()
    for x in extractions:
        for ent in x.entities.values():
            idx.add_entity(ent)
    for x in extractions:
        mapping: dict[str, str] = {}
        for eid in list(x.entities):
            ent = x.entities[eid]
            if ent.type != "Person":
                continue
            if len(name_keys(ent.label)) == 1:
                target = idx.resolve(ent.label)
            else:
                target = idx.canonical(ent.label)  # "Sergey Lavrov" -> the known "Sergei Lavrov"
            if target is None or target.id == eid:
                continue
            mapping[eid] = target.id
            del x.entities[eid]
            if target.id in x.entities:
                keep = x.entities[target.id]
                keep.aliases |= ent.aliases
                keep.mentions.extend(ent.mentions)
            else:
                x.entities[target.id] = Entity(
                    id=target.id, label=target.label, type="Person", label_vi=target.label_vi,
                    aliases=set(ent.aliases) | {ent.label}, external_ids=dict(ent.external_ids),
                    mentions=list(ent.mentions),
                )
        if mapping:
            _rewrite(x, mapping)
    return extractions
