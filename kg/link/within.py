"""Component `link`: one canonical entity per real-world actor in an article.

Mentions found by `entities` carry a type and a head (a lexicon's canonical
label, or the name as written). Here they are grouped:

* known actors (countries, cities, organisations) by canonical label, so
  "Mỹ" and "Hoa Kỳ" are one United States;
* other organisations and places by name, an acronym joining its long form;
* persons by :mod:`kg.link.names`: full names that are the same person,
  then surnames (and typos of them) attached to the one full name they fit;
  a surname two full names share stays on its own.

Entity ids are slugs of the canonical label ("Dmitry_Peskov",
"Ministry_of_Foreign_Affairs_of_Russia"), so the same actor gets the same id
from any article.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..lexicon.cues import place_cues
from ..lexicon.known import entry_for, gazetteer
from ..lexicon.organizations import org_cues
from ..lexicon.text import key, slug, words
from ..model import Doc, Entity, Extraction, Mention
from ..pipeline import COMPONENTS
from .names import close_spelling, name_keys, name_words, same_full_name, surname_keys


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _cue_alias(body: str, m: Mention) -> str | None:
    """ "TP Geneva", "hãng tin AFP": the mention with the cue word before it."""
    cues = place_cues() if m.type == "Place" else org_cues() if m.type == "Organization" else ()
    if not cues:
        return None
    before = body[max(0, m.evidence.start - 40):m.evidence.start]
    ws = words(before)
    if not ws or before[ws[-1][1]:].strip():
        return None
    ks = [key(w) for _, _, w in ws]
    for p in cues:
        if len(p) <= len(ks) and tuple(ks[-len(p):]) == p:
            start = m.evidence.start - len(before) + ws[-len(p)][0]
            return body[start:m.evidence.end]
    return None


def _written_in_vietnamese(text: str) -> bool:
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    return any(c in "ăâđêôơưĂÂĐÊÔƠƯ" or c in tones for c in unicodedata.normalize("NFD", text))


def person_groups(names: list[str]) -> list[int]:
    """For each distinct person name, the index of the name it is linked to."""
    n = len(names)
    uf = _UnionFind(n)
    full = [i for i, s in enumerate(names) if len(name_keys(s)) >= 2]
    single = [i for i, s in enumerate(names) if len(name_keys(s)) == 1]
    for a_i, a in enumerate(full):
        for b in full[a_i + 1:]:
            if same_full_name(names[a], names[b]):
                uf.union(a, b)
    # surname -> the full-name clusters it may stand for
    for i in single:
        k = name_keys(names[i])[0]
        clusters = {uf.find(j) for j in full if k in surname_keys(names[j])}
        if not clusters:
            clusters = {uf.find(j) for j in full if close_spelling(k, name_keys(names[j])[-1])}
        if not clusters:
            # "ông Teuku" for Teuku Faizasyah: some names are shortened to their first word
            clusters = {uf.find(j) for j in full if name_keys(names[j])[0] == k}
        if len(clusters) == 1:
            uf.union(i, clusters.pop())
    # lone surnames that are typos of each other
    lone = [i for i in single if all(uf.find(i) != uf.find(j) for j in full)]
    for a_i, a in enumerate(lone):
        for b in lone[a_i + 1:]:
            if close_spelling(names[a], names[b]):
                uf.union(a, b)
    return [uf.find(i) for i in range(n)]


def _best_person_label(forms: Counter[str], order: dict[str, int]) -> str:
    return max(forms, key=lambda s: (len(name_words(s)), forms[s], -order[s]))


@COMPONENTS.register("link")
def link(doc: Doc, found: Extraction) -> None:
    """Set every ``Mention.entity`` and fill ``found.entities``."""
    body = found.article.body
    mentions = found.mentions
    # 1. group mentions: persons by name rules, the rest by (type, head)
    person_names: list[str] = []
    person_index: dict[str, int] = {}
    for m in mentions:
        if m.type == "Person":
            h = m.head or m.text
            if key(h) not in person_index:
                person_index[key(h)] = len(person_names)
                person_names.append(h)
    roots = person_groups(person_names)
    group_of: list[tuple] = []
    for m in mentions:
        if m.type == "Person":
            group_of.append(("Person", roots[person_index[key(m.head or m.text)]]))
        else:
            group_of.append((m.type, key(m.head or m.text)))
    # an organisation or place written as another group's surface form joins it
    surface_owner: dict[tuple[str, str], tuple] = {}
    for m, g in zip(mentions, group_of):
        if m.type != "Person":
            surface_owner.setdefault((m.type, key(m.text)), g)
    for i, (m, g) in enumerate(zip(mentions, group_of)):
        if m.type == "Person":
            continue
        owner = surface_owner.get((m.type, key(m.head or m.text)))
        if owner is not None and owner != g:
            group_of[i] = owner
    # 2. one entity per group
    members: dict[tuple, list[Mention]] = defaultdict(list)
    for m, g in zip(mentions, group_of):
        members[g].append(m)
    used_ids: dict[str, tuple] = {}
    for g, ms in members.items():
        ent = _entity_for(g[0], ms, person_names if g[0] == "Person" else None, body)
        eid = ent.id
        if eid in used_ids and used_ids[eid] != g:
            eid = f"{eid}_{g[0]}"
            ent.id = eid
        if eid in found.entities:  # same id from two groups: one actor
            old = found.entities[eid]
            old.aliases |= ent.aliases
            old.mentions.extend(ent.mentions)
        else:
            found.entities[eid] = ent
            used_ids[eid] = g
        for m in ms:
            m.entity = eid


def _entity_for(typ: str, ms: list[Mention], person_names: list[str] | None, body: str) -> Entity:
    forms = Counter(m.text for m in ms)
    order = {}
    for i, m in enumerate(ms):
        order.setdefault(m.text, i)
    heads = Counter(m.head or m.text for m in ms)
    aliases = set(forms)
    for m in ms:
        a = _cue_alias(body, m)
        if a:
            aliases.add(a)
    external: dict[str, str] = {}
    label_vi: str | None = None
    if typ == "Person":
        horder = {}
        for i, m in enumerate(ms):
            horder.setdefault(m.head or m.text, i)
        label = _best_person_label(heads, horder)
    else:
        label = max(heads, key=lambda h: (heads[h], -min(i for i, m in enumerate(ms) if (m.head or m.text) == h)))
        entry = entry_for(label, typ)
        if entry is not None:
            label = entry.label
            label_vi = entry.label_vi
            external = dict(entry.external_ids)
        if label_vi is None:
            vi_forms = [f for f in forms if key(f) != key(label)]
            if vi_forms:
                label_vi = max(vi_forms, key=lambda f: (forms[f], -order[f]))
            elif _written_in_vietnamese(label):
                label_vi = label  # "Hội đồng Quan hệ Đối ngoại Mỹ": no English name known
    eid = slug(label)
    if typ == "Person" and gazetteer().lookup(label) is not None:
        # a person named like a known place or organisation ("Washington",
        # "Obama"): never the same IRI as that place, in any article
        eid = f"{eid}_Person"
    return Entity(
        id=eid,
        label=label,
        type=typ,
        label_vi=label_vi,
        aliases=aliases,
        external_ids=external,
        mentions=[m.evidence for m in ms],
    )
