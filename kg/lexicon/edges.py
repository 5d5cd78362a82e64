"""Words that end a capitalised name: clause openers a crawler glued on.

Data: ``ontology/lexicons/name_edges.yaml``.
"""

from __future__ import annotations

from functools import cache

from .load import load_yaml
from .text import key


@cache
def _keys(field: str) -> frozenset[str]:
    """Keys of the words listed under ``field`` in name_edges.yaml."""
    data = load_yaml("name_edges.yaml") or {}
    return frozenset(key(str(w)) for w in data.get(field, []) or [])


def clause_openers() -> frozenset[str]:
    """Words that open a clause ("Trong", "Theo", "Cặp"): no part of a foreign name."""
    return _keys("clause_openers")


def open_domains() -> frozenset[str]:
    """Domain words after which an organisation's name goes on in lower case
    ("Trung tâm Dự báo khí tượng thủy văn quốc gia")."""
    return _keys("open_domains")


def object_stops() -> frozenset[str]:
    """Lower-case words that end an organisation name's object."""
    return _keys("object_stops")


def standalone_orgs() -> frozenset[str]:
    """Institutions' names complete on their own ("Thành Đoàn")."""
    return _keys("standalone_orgs")


def given_name_honorifics() -> frozenset[str]:
    """Honorifics that are also given names ("Đức")."""
    return _keys("given_name_honorifics")


def name_openers() -> frozenset[str]:
    """Discourse words that open a phrase before a name ("Phía", "Còn"): no part of it."""
    return _keys("name_openers")


def not_descriptors() -> frozenset[str]:
    """Nouns between an organisation's head and a name that do not describe the
    organisation ("trung tâm nơi Nhi học"): the name is not the organisation's."""
    return _keys("not_descriptors")


def possessive_cues() -> frozenset[str]:
    """Organisation cues that may also name a person as the owner ("nhóm Laura")."""
    return _keys("possessive_cues")


def glued_tails() -> tuple[str, ...]:
    """Function words a crawler runs into the name before them ("Zelenskycho",
    "Trumpđã"), longest first."""
    return tuple(sorted(_keys("glued_tails"), key=len, reverse=True))
