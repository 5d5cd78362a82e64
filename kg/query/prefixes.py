"""The project's prefixes as plain strings, and IRIs shortened with them.

Queries get these predeclared (users write ``kg:spokesperson_of`` without a
PREFIX line) and tables show ``kgd:Dmitry_Peskov`` rather than a long IRI, so
both directions live in one place and agree with :mod:`kg.graph.namespaces`.
"""

from __future__ import annotations

from functools import cache

from ..graph.namespaces import PREFIXES


@cache
def prefix_map() -> dict[str, str]:
    """``{"kg": "https://w3id.org/kg-vn/ontology#", …}`` as ``str`` values."""
    return {name: str(ns) for name, ns in PREFIXES.items()}


@cache
def _longest_first() -> tuple[tuple[str, str], ...]:
    # Longest namespace first, so an IRI under a nested namespace gets the most
    # specific prefix (kgd: rather than a shorter base that also matches).
    return tuple(sorted(((ns, p) for p, ns in prefix_map().items()), key=lambda x: -len(x[0])))


def compact(iri: str) -> str:
    """``prefix:local`` when a known namespace covers ``iri`` and the rest is a
    plain local name; otherwise ``<iri>`` so the output stays unambiguous."""
    for ns, prefix in _longest_first():
        if iri.startswith(ns):
            local = iri[len(ns):]
            if local and all(c.isalnum() or c in "_-." for c in local) and not local.endswith("."):
                return f"{prefix}:{local}"
    return f"<{iri}>"
