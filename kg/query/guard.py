"""Keep ``kg query`` read-only, and say why a query was refused.

pyoxigraph's ``Store.query`` only ever *executes* queries: an update given to
it fails to parse, so nothing can write through it. What this module adds is
the explanation: when pyoxigraph rejects the text, it is parsed again with
rdflib's SPARQL *Update* grammar, and if that succeeds the user is told the
query is an update (rather than shown a confusing "expected CONSTRUCT"). This
is parsing, not a keyword regex, so ``# INSERT`` in a comment or ``insert``
in lower case are judged by the grammar like any other text. Nothing here
executes the update — ``LOAD <http://…>`` never fetches anything.
"""

from __future__ import annotations

import re

from ..errors import QueryError

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
# What cannot contain a prefixed name: strings, IRIs, comments (removed before looking for prefixes).
_OPAQUE = re.compile(
    "|".join(
        (
            r'"""(?:[^"\\]|\\.|"(?!""))*"""',  # long strings
            r"'''(?:[^'\\]|\\.|'(?!''))*'''",
            r'"(?:[^"\\\n]|\\.)*"',  # short strings
            r"'(?:[^'\\\n]|\\.)*'",
            r"<[^<>\s\"{}|^`\\]*>",  # IRIs
            r"#[^\n]*",  # comments
        )
    )
)
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_PNAME = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?=[\w%\\])")


# Fallback only (see refuse_service): SERVICE as a keyword token, not part of a
# prefixed name (ex:service, service:x) or a variable (?service); "." may touch it.
_SERVICE = re.compile(r"(?<![\w?$:-])SERVICE(?![\w:-])", re.I)
_REFUSED = (
    "refused: SERVICE (a federated query) would reach the network; "
    "kg only reads the local store"
)


def has_service(text: str) -> bool:
    """True when the query ``text`` contains a ``SERVICE`` pattern anywhere.

    Decided by parsing: rdflib's SPARQL grammar turns the text into a tree and
    the tree is searched for a ``ServiceGraphPattern`` — at any depth (inside
    ``OPTIONAL``, ``MINUS``, ``EXISTS``, a sub-select, a ``CONSTRUCT`` or ``ASK``),
    with or without ``SILENT``, whatever the case or spacing (``.service``). A
    word SERVICE in a string, an IRI, a comment or a name is not a pattern.

    A text rdflib cannot parse is either not a query (Oxigraph will reject it
    too) or uses syntax rdflib lacks (RDF-star); for those, and only those,
    any SERVICE keyword token outside strings, IRIs and comments counts, so
    the fallback can only refuse more, never less.
    """
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except Exception:  # noqa: BLE001 - any failure: judge the tokens instead
        return bool(_SERVICE.search(_OPAQUE.sub(" ", text)))
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    return False


def refuse_service(text: str) -> None:
    """Raise :class:`QueryError` when ``text`` has a ``SERVICE`` clause (a federated query).

    Oxigraph would send that part of the query over HTTP to the named
    endpoint; kg never touches the network at run time, and a query is data
    that may come from anywhere (``kg query`` and ``kg serve`` both call this
    before anything runs).
    """
    if has_service(text):
        raise QueryError(_REFUSED)


def is_update(text: str) -> bool:
    """True when ``text`` is a SPARQL 1.1 Update with at least one operation."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parsed = parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
    # An empty update (only comments or PREFIX lines) is valid Update grammar
    # but writes nothing; report it as the syntax error it is as a query.
    return bool(getattr(parsed, "request", None))


def refusal(text: str, error: SyntaxError) -> QueryError:
    """The one-line :class:`QueryError` for text pyoxigraph could not parse as a query."""
    if is_update(text):
        return QueryError(
            "refused: this is a SPARQL UPDATE (INSERT/DELETE/LOAD/CLEAR/DROP/CREATE…); "
            "kg query is read-only — rebuild the store with `kg build` to change it"
        )
    message = syntax_message(str(error))
    unknown = unknown_prefixes(text)
    if unknown:
        message += f" (undeclared prefix {', '.join(p + ':' for p in unknown)})"
    return QueryError(message)


def unknown_prefixes(text: str) -> list[str]:
    """Prefixes used in ``text`` that neither the project nor the query declares.

    Only a hint added to a syntax error: the parser's message points *after*
    the unknown name ("expected OPTIONAL"), which is hard to read.
    """
    from .prefixes import prefix_map

    bare = _OPAQUE.sub(" ", text)
    declared = set(prefix_map()) | {m.group(1) or "" for m in _DECLARED.finditer(bare)}
    used = [m.group(1) or "" for m in _PNAME.finditer(bare)]
    return sorted({p for p in used if p not in declared})


def syntax_message(message: str) -> str:
    """``SPARQL syntax error at line L, column C: …`` from pyoxigraph's message."""
    match = _POSITION.search(message)
    if match:
        line, col, what = match.groups()
        what = " ".join(what.split())
        return f"SPARQL syntax error at line {line}, column {col}: {what}"
    return "SPARQL syntax error: " + " ".join(message.split())
