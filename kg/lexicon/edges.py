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
