"""How a query's answer is written: one registered writer per ``--format``.

SELECT/ASK answers use the W3C result formats pyoxigraph already serialises
(so ``--format json`` is *SPARQL 1.1 Query Results JSON*, readable by any
SPARQL client library, not an ad-hoc shape). CONSTRUCT/DESCRIBE answers are a
graph: Turtle with the project's prefixes (``table``) or JSON-LD (``json``).
``table`` is for people: IRIs shortened with the project's prefixes, literals
shown as their text, dates as people write them (``29/6/2025``, ``29/6`` for a
date without a year); the machine formats keep the XSD value.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from ..errors import QueryError
from ..humandate import human_date, looks_like_xsd_date
from ..registry import Registry
from .prefixes import compact, prefix_map
from .runner import QueryResult

Writer = Callable[[QueryResult, BinaryIO, int], None]
RESULT_FORMATS: Registry[Writer] = Registry("result format")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = frozenset(_XSD + t for t in ("date", "dateTime", "gMonthDay", "gYearMonth"))


def cell(term: object) -> str:
    """A term as a person reads it in a table."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        # typed dates, and plain strings that are a date's lexical form (STR(?date))
        if term.datatype.value in _DATE_TYPES or (term.datatype.value == _XSD + "string" and looks_like_xsd_date(term.value)):
            return human_date(term.value)
        return term.value
    return str(term)


def _graph(result: QueryResult, out: BinaryIO, fmt: ox.RdfFormat) -> None:
    ox.serialize(result.raw, out, fmt, prefixes=prefix_map() if fmt != ox.RdfFormat.JSON_LD else None)


def _w3c(fmt: ox.QueryResultsFormat, name: str) -> Writer:
    def write(result: QueryResult, out: BinaryIO, width: int) -> None:
        if result.kind in ("select", "ask"):
            result.raw.serialize(out, fmt)
        else:
            raise QueryError(
                f"a CONSTRUCT/DESCRIBE answer is a graph and has no {name} form; "
                "use --format table (Turtle) or --format json (JSON-LD)"
            )

    write.__doc__ = f"SELECT/ASK as W3C SPARQL results {name}."
    return write


@RESULT_FORMATS.register("table")
def write_table(result: QueryResult, out: BinaryIO, width: int) -> None:
    """A rich table for SELECT, ``true``/``false`` for ASK, Turtle for a graph."""
    if result.kind == "graph":
        _graph(result, out, ox.RdfFormat.TURTLE)
        return
    if result.kind == "ask":
        out.write(b"true\n" if result.boolean else b"false\n")
        return
    names = [v.value for v in result.raw.variables]
    table = Table(*names, show_lines=False, caption_justify="left")
    rows = 0
    for solution in result.raw:
        table.add_row(*(cell(solution[n]) for n in names))
        rows += 1
    table.caption = f"{rows} row{'s' if rows != 1 else ''}"
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, soft_wrap=False).print(table)
    out.write(buffer.getvalue().encode("utf-8"))


@RESULT_FORMATS.register("json")
def write_json(result: QueryResult, out: BinaryIO, width: int) -> None:
    """SELECT/ASK as SPARQL 1.1 Query Results JSON; CONSTRUCT/DESCRIBE as JSON-LD."""
    if result.kind == "graph":
        _graph(result, out, ox.RdfFormat.JSON_LD)
    else:
        _w3c(ox.QueryResultsFormat.JSON, "JSON")(result, out, width)
    out.write(b"\n")


for _name, _fmt in (
    ("csv", ox.QueryResultsFormat.CSV),
    ("tsv", ox.QueryResultsFormat.TSV),
    ("xml", ox.QueryResultsFormat.XML),
):
    RESULT_FORMATS.register(_name)(_w3c(_fmt, _name.upper()))


def write_result(result: QueryResult, fmt: str, out: BinaryIO, width: int = 160) -> None:
    """Write ``result`` to ``out`` in the registered format ``fmt``.

    pyoxigraph evaluates lazily, so an evaluation error (a failing ``SERVICE``
    call, a store read error) surfaces while the writer iterates: it becomes a
    one-line :class:`QueryError` here. An error *writing* ``out`` (it has an
    errno, e.g. a closed pipe) is left to the caller.
    """
    try:
        writer = RESULT_FORMATS.get(fmt)
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None
    try:
        writer(result, out, width)
    except OSError as exc:
        if exc.errno is not None:
            raise
        raise QueryError(f"query failed: {_first_line(exc)}") from None
    except RuntimeError as exc:
        raise QueryError(f"query failed: {_first_line(exc)}") from None


def cli_writer(fmt: str, width: int, result: QueryResult, out: BinaryIO) -> str:
    """:func:`write_result` in the shape :func:`kg.query.sandbox.run_limited` calls
    (bound with ``functools.partial``, so it pickles for a child process)."""
    write_result(result, fmt, out, width)
    return ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
