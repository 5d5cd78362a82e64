"""Words around a name that tell what it is: honorifics, titles, place words.

Data: ``ontology/lexicons/honorifics.yaml``. "ông", "Tổng thống Mỹ",
"người phát ngôn Điện Kremlin" before a name make it a person and are never
part of the name; "TP", "thủ đô" make it a place.
"""

from __future__ import annotations

from functools import cache

from .load import load_yaml
from .text import phrase_key


@cache
def _data() -> dict:
    return load_yaml("honorifics.yaml") or {}


def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    found = {phrase_key(str(c)) for c in _data().get(name, []) or []}
    return tuple(sorted((f for f in found if f), key=len, reverse=True))


@cache
def honorifics() -> tuple[tuple[str, ...], ...]:
    return _phrases("honorifics")


@cache
def person_cues() -> tuple[tuple[str, ...], ...]:
    """Honorifics and titles, longest first."""
    return tuple(sorted(set(_phrases("honorifics")) | set(_phrases("person_cues")), key=len, reverse=True))


@cache
def place_cues() -> tuple[tuple[str, ...], ...]:
    return _phrases("place_cues")


@cache
def place_cues_lower_only() -> frozenset[tuple[str, ...]]:
    """Place cues that are cues only in lower case ("đường Lê Lợi", not "Đường Tăng")."""
    return frozenset(_phrases("place_cues_lower_only"))


@cache
def vietnamese_surnames() -> frozenset[str]:
    """Case-folded family names of Vietnamese-style names (honorifics.yaml), Chinese ones included."""
    from .text import key

    data = load_yaml("honorifics.yaml")
    return frozenset(key(str(w)) for w in (data.get("vietnamese_surnames") or []) + (data.get("chinese_surnames") or []))


@cache
def chinese_surnames() -> frozenset[str]:
    """Case-folded Chinese family names as Vietnamese prints them (honorifics.yaml)."""
    from .text import key

    return frozenset(key(str(w)) for w in load_yaml("honorifics.yaml").get("chinese_surnames", []) or [])


@cache
def institution_titles() -> frozenset[str]:
    """Titles held in an institution, as space-joined word keys (honorifics.yaml)."""
    return frozenset(" ".join(phrase_key(str(c))) for c in _data().get("institution_titles", []) or [])


@cache
def title_modifiers() -> tuple[tuple[str, ...], ...]:
    """Words printed before a title that do not change it ("cựu", "phó"; titles.yaml)."""
    found = {phrase_key(str(c)) for c in load_yaml("titles.yaml").get("modifiers", []) or []}
    return tuple(sorted((f for f in found if f), key=len, reverse=True))
