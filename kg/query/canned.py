"""The canned queries shipped in ``ontology/queries/*.rq``, by name.

A canned query's name is its file name without ``.rq`` (``who-said-what``);
its description is its first comment line, so the list ``kg query --list``
prints is written where the query is, and cannot drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..resources import queries_dir


@dataclass(frozen=True, slots=True)
class CannedQuery:
    name: str
    path: Path
    description: str

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8-sig")


def _description(path: Path) -> str:
    """The first ``#`` comment line of the file, without the ``#``."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#"):
            text = stripped.lstrip("#").strip()
            if text:
                return text
        elif stripped:
            break  # the description is the header comment, not a comment deep in the body
    return ""


def canned_queries(directory: Path | None = None) -> list[CannedQuery]:
    """Every ``*.rq`` in ``directory`` (default: the shipped queries), sorted by name."""
    folder = directory if directory is not None else queries_dir()
    if not folder.is_dir():
        return []
    return [CannedQuery(p.stem, p, _description(p)) for p in sorted(folder.glob("*.rq"))]


def canned_query(name: str, directory: Path | None = None) -> CannedQuery:
    """The canned query called ``name``; an unknown name lists the known ones."""
    queries = {q.name: q for q in canned_queries(directory)}
    if name.endswith(".rq"):
        name = name[:-3]
    found = queries.get(name)
    if found is None:
        known = ", ".join(queries) or "none"
        raise QueryError(f"no canned query named {name!r} (known: {known}; see `kg query --list`)")
    return found
