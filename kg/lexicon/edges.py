"""Words that end a capitalised name: clause openers a crawler glued on.

Data: ``ontology/lexicons/name_edges.yaml``.
"""

from __future__ import annotations

from functools import cache

from .load import load_yaml
from .text import key


@cache
def clause_openers() -> frozenset[str]:
    """Keys of words that open a clause ("Trong", "Theo", "Cặp"): no part of a foreign name."""
    data = load_yaml("name_edges.yaml") or {}
    return frozenset(key(str(w)) for w in data.get("clause_openers", []) or [])


@cache
def open_domains() -> frozenset[str]:
    """Keys of the domain words after which an organisation's name goes on in lower case
    ("Trung tâm Dự báo khí tượng thủy văn quốc gia"; name_edges.yaml)."""
    data = load_yaml("name_edges.yaml") or {}
    return frozenset(key(str(w)) for w in data.get("open_domains", []) or [])


@cache
def object_stops() -> frozenset[str]:
    """Keys of lower-case words that end an organisation name's object (name_edges.yaml)."""
    data = load_yaml("name_edges.yaml") or {}
    return frozenset(key(str(w)) for w in data.get("object_stops", []) or [])


@cache
def standalone_orgs() -> frozenset[str]:
    """Keys of institutions' names complete on their own ("Thành Đoàn"; name_edges.yaml)."""
    data = load_yaml("name_edges.yaml") or {}
    return frozenset(key(str(w)) for w in data.get("standalone_orgs", []) or [])


@cache
def given_name_honorifics() -> frozenset[str]:
    """Keys of honorifics that are also given names ("Đức"; name_edges.yaml)."""
    data = load_yaml("name_edges.yaml") or {}
    return frozenset(key(str(w)) for w in data.get("given_name_honorifics", []) or [])
