"""Errors a user sees as one line: the file (and line), then the problem."""

from __future__ import annotations


class KgError(Exception):
    """Base class: anything the CLI prints as ``kg: error: …`` and exits non-zero."""


class _AtInput(KgError):
    """A message about one input: ``path[:line]: problem``."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class InputError(_AtInput):
    """An input file cannot be read as an article."""


class InputWarning(_AtInput):
    """Something a reader did to an input that the user must hear about, though
    the article is still read (text it had to drop). Readers yield it *before*
    the article it concerns; :func:`kg.read.read_articles` prints it."""


class StoreError(KgError):
    """The store is missing, locked or unreadable."""


class QueryError(KgError):
    """A SPARQL query was refused (update, syntax error, unknown name)."""


class GoldError(KgError):
    """A gold file is malformed or names an article that is not in the corpus."""
