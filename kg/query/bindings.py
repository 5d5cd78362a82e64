"""``--bind NAME=VALUE``: values for a query's variables, never spliced into its text.

Canned queries document optional parameters ("bind ?person to list one
person's roles"). A value typed by a user (or copied from an article) must not
become SPARQL syntax, so it is turned into one RDF term here and handed to
pyoxigraph as a substitution (SPARQL SEP-0007, the same as ``VALUES``):

* ``<https://…>`` or ``kgd:Dmitry_Peskov`` (a project prefix) -> an IRI;
* ``"Nga"@vi`` -> a literal with a language tag;
* anything else -> a plain string literal, taken verbatim.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..errors import QueryError
from .prefixes import compact, prefix_map

_NAME = re.compile(r"^\??([A-Za-z_][A-Za-z0-9_]*)$")
_LANG = re.compile(r'^"(.*)"@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$', re.S)
_PNAME = re.compile(r"^([A-Za-z][\w.-]*)?:(\S*)$")


def parse_term(value: str) -> ox.NamedNode | ox.Literal:
    """One RDF term from the command line's spelling of it."""
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"--bind: {value} is not a valid IRI ({exc})") from None
    lang = _LANG.match(value)
    if lang:
        return ox.Literal(lang.group(1), language=lang.group(2).lower())
    pname = _PNAME.match(value)
    if pname and (pname.group(1) or "") in prefix_map():
        return ox.NamedNode(prefix_map()[pname.group(1) or ""] + pname.group(2))
    return ox.Literal(value)


def parse_binding(spec: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``"person=kgd:Dmitry_Peskov"`` -> ``("person", NamedNode(...))``."""
    name, sep, value = spec.partition("=")
    match = _NAME.match(name.strip())
    if not sep or not match:
        raise QueryError(f"--bind {spec!r}: expected NAME=VALUE, e.g. person=kgd:Dmitry_Peskov")
    return match.group(1), parse_term(value)


def unknown_bindings(store: object, bindings: dict[str, ox.NamedNode | ox.Literal]) -> list[str]:
    """One warning line per bound IRI the store does not hold.

    A canned query given an IRI that names nothing (a mistyped id, an article
    of another store) answers with 0 rows, which reads like "no facts". A bound
    ``article`` must be a ``kg:Article``; any other IRI must occur in some triple.
    Checking costs one ASK per binding. A store that cannot answer yields no warning.
    """
    lines: list[str] = []
    for name, term in bindings.items():
        if not isinstance(term, ox.NamedNode):
            continue
        if name == "article":
            ask = f"ASK {{ {term} a <https://w3id.org/kg-vn/ontology#Article> }}"
            what = "no such article in the store (list them: kg query --name article-assertions)"
        else:
            ask = f"ASK {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} }}"
            what = "does not occur in the store"
        try:
            found = bool(store.query(ask))  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - the warning is a courtesy; the query itself reports errors
            continue
        if not found:
            lines.append(f"{name}={compact(term.value)}: {what}; the answer will be empty")
    return lines
