"""Organisations with fixed names, and organisation patterns over a country.

Data: ``ontology/lexicons/organizations.yaml``. Fixed names ("Điện Kremlin",
"Hãng tin AFP" -> AFP) go into the gazetteer; templates ("Bộ Ngoại giao" +
any country -> "Ministry of Foreign Affairs of <country>") are applied by the
entity extractor, so one rule covers every country CLDR knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .gazetteer import Entry, Gazetteer
from .load import load_yaml
from .text import phrase_key


@dataclass(frozen=True, slots=True)
class Template:
    heads: tuple[tuple[str, ...], ...]  # word keys of each head ("bộ", "ngoại", "giao")
    label: str  # "Ministry of Foreign Affairs of {country}"
    overrides: tuple[tuple[str, str], ...] = ()
    located: str | None = None  # "Embassy of {country}, {city}"

    def name_for(self, country_code: str | None, country_label: str) -> str:
        for code, name in self.overrides:
            if code == country_code:
                return name
        return self.label.format(country=country_label)


@cache
def _data() -> dict:
    return load_yaml("organizations.yaml") or {}


def add_organizations(gz: Gazetteer) -> None:
    for item in _data().get("organizations", []) or []:
        entry = Entry(label=str(item["label"]), type=str(item.get("type", "Organization")),
                      label_vi=str(item.get("vi") or item["label"]), source="org")
        for name in {item["label"], item.get("vi"), *(item.get("names") or [])}:
            if name:
                gz.add(str(name), entry)


@cache
def templates() -> tuple[Template, ...]:
    out = []
    for t in _data().get("country_templates", []) or []:
        out.append(Template(
            heads=tuple(phrase_key(str(h)) for h in t.get("heads", [])),
            label=str(t["label"]),
            overrides=tuple((str(k), str(v)) for k, v in (t.get("overrides") or {}).items()),
            located=str(t["located"]) if t.get("located") else None,
        ))
    return tuple(out)


@cache
def org_cues() -> tuple[tuple[str, ...], ...]:
    """Word keys of phrases before a name that make it an organisation, longest first."""
    cues = {phrase_key(str(c)) for c in _data().get("org_cues", []) or []}
    return tuple(sorted(cues, key=len, reverse=True))


@cache
def org_heads() -> tuple[tuple[str, ...], ...]:
    heads = {phrase_key(str(c)) for c in _data().get("org_heads", []) or []}
    return tuple(sorted(heads, key=len, reverse=True))


@cache
def eponym_heads() -> frozenset[tuple[str, ...]]:
    """Heads after which a person's name is the institution's own name (schools)."""
    return frozenset(phrase_key(str(c)) for c in _data().get("eponym_heads", []) or [])


@cache
def not_acronyms() -> frozenset[str]:
    return frozenset(str(a).upper() for a in _data().get("not_acronyms", []) or [])


@cache
def org_suffixes() -> frozenset[str]:
    """Last words that make a capitalised name an organisation ("… Times", "… Group")."""
    return frozenset(str(w).casefold() for w in _data().get("org_suffixes", []) or [])


@cache
def not_actor_openers() -> frozenset[str]:
    """First words of a capitalised name that make it an event or a work, no actor
    ("Festival Hoa lan", "Trailer Brokeback Mountain"; organizations.yaml)."""
    return frozenset(str(w).casefold() for w in _data().get("not_actor_openers", []) or [])


@cache
def org_openers() -> frozenset[str]:
    """First words of a capitalised name that make it an organisation ("Miss World"; organizations.yaml)."""
    return frozenset(str(w).casefold() for w in _data().get("org_openers", []) or [])


@cache
def not_actor_suffixes() -> frozenset[str]:
    """Last words of a capitalised name that make it a tournament, a prize or an event,
    no actor ("Club World Cup", "Roland Garros Open"; organizations.yaml)."""
    return frozenset(str(w).casefold() for w in _data().get("not_actor_suffixes", []) or [])


@cache
def not_actor_cues() -> tuple[tuple[str, ...], ...]:
    """Words before a name that make it a vehicle, weapon or campaign ("tàu …")."""
    cues = {phrase_key(str(c)) for c in _data().get("not_actor_cues", []) or []}
    return tuple(sorted(cues, key=len, reverse=True))


@cache
def division_words() -> frozenset[str]:
    """Lower-case words of an administrative division between an organisation's head
    and the division's name ("UBND xã Lương Thiện"), as word keys."""
    return frozenset(" ".join(phrase_key(str(c))) for c in _data().get("division_words", []) or [])


@cache
def legal_forms() -> frozenset[str]:
    """A company's legal form ("TNHH", "Cổ phần"), as word keys: the name after it may be a person's."""
    return frozenset(" ".join(phrase_key(str(c))) for c in _data().get("legal_forms", []) or [])
