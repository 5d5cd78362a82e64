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
from .prefixes import prefix_map

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
