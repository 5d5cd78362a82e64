"""Reading: files -> :class:`~kg.model.Article` records.

One reader per input kind, chosen by :data:`READERS` (a
:class:`~kg.registry.Registry`): ``page`` (scraped page text, like the seeds),
``unc`` (``# key = value`` headed corpora), ``table`` (one article per row of a
``.csv``/``.tsv``/``.jsonl``/``.ndjson`` file), ``html`` (main content by
trafilatura). A reader takes the source name and the decoded text and yields
Articles, or :class:`~kg.errors.InputError` values for records it has to skip
(a table may have one bad row among good ones). A reader with ``streams = True``
is given the path instead (``reader.stream(path, columns)``) and reads the file
row by row: a crawler's CSV is never held whole in memory.

:func:`read_articles` walks files and folders; a bad file is skipped with a
warning, or fatal with ``strict=True``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from os import PathLike
from pathlib import Path

from ..clean.recurring import Passages
from ..errors import InputError
from ..model import Article
from ..registry import Registry
from .decode import read_text

__all__ = ["READERS", "Reader", "read_articles", "read_file", "learn_passages", "detect_kind", "input_files", "count_inputs", "SUFFIXES"]

Reader = Callable[[str, str], Iterator["Article | InputError"]]
READERS: Registry[Reader] = Registry("reader")

# Files a folder walk picks up; anything else in a folder (gold YAML, images) is ignored.
SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".csv", ".tsv"})
_TABLES = frozenset({".jsonl", ".ndjson", ".csv", ".tsv"})
_HEADER = re.compile(r"^\ufeff?#\s*[\w-]+\s*=")
_HTML = re.compile(r"^\ufeff?\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)

_loaded = False


def _load_readers() -> None:
    global _loaded
    if not _loaded:
        from . import html, page, table, unc  # noqa: F401  (registration side effects)

        _loaded = True


def detect_kind(path: Path, text: str) -> str:
    """Which reader reads ``path``: by suffix, then by the first line of the text."""
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in _TABLES:
        return "table"
    if _HEADER.match(text):
        return "unc"
    if _HTML.match(text):
        return "html"
    return "page"


def _records(path: Path, columns: Mapping[str, str] | None = None,
             passages: Passages | None = None) -> Iterator[Article | InputError]:
    _load_readers()
    if path.suffix.lower() in _TABLES:
        if path.is_dir():
            raise InputError(str(path), "is a folder, expected a file")
        try:
            yield from READERS.get("table").stream(path, columns, passages)  # type: ignore[attr-defined]
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
        return
    text = read_text(path)
    yield from READERS.get(detect_kind(path, text))(str(path), text)


def read_file(path: str | PathLike[str], *, columns: Mapping[str, str] | None = None,
              passages: Passages | None = None) -> list[Article]:
    """Every article in one file; the first problem raises :class:`InputError`.

    ``columns`` names the columns of a table (``{"text": "Body"}``), see
    :mod:`kg.read.table`; ``passages`` (:func:`learn_passages`) sets apart a
    closing passage glued on from another article of the same outlet.
    """
    out: list[Article] = []
    for rec in _records(Path(path), columns, passages):
        if isinstance(rec, InputError):
            raise rec
        out.append(rec)
    return out


def input_files(path: Path) -> list[Path]:
    """Readable files under a folder, recursively, sorted; hidden entries skipped."""
    found = []
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and p.suffix.lower() in SUFFIXES:
            found.append(p)
    return found


def count_inputs(paths: Iterable[str | PathLike[str]] | str | PathLike[str]) -> int:
    """How many articles ``paths`` may hold, without reading them: for a progress bar's total.

    One per file, one per non-blank line of a table (counted, not parsed).
    An upper bound: duplicates and bad files make the real number smaller.
    """
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    total = 0
    for given in paths:
        path = Path(given)
        for f in input_files(path) if path.is_dir() else [path] if path.is_file() else []:
            if f.suffix.lower() in _TABLES:
                from .table import count_rows

                total += count_rows(f)
            else:
                total += 1
    return total


def _files(paths: Iterable[str | PathLike[str]]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from input_files(path)
        elif path.is_file():
            yield path


def learn_passages(paths: Iterable[str | PathLike[str]], *, columns: Mapping[str, str] | None = None,
                   passages: Passages | None = None) -> Passages:
    """The leads and endings of every article under ``paths`` (see :mod:`kg.clean.recurring`).

    Read only to learn the passages a site glues from one story onto another;
    nothing is built from them, and unreadable files are passed over silently.
    Tables are streamed row by row; other files go through their reader.
    """
    from .table import learn_table

    passages = passages if passages is not None else Passages()
    for f in _files(paths):
        if f.suffix.lower() in _TABLES:
            learn_table(f, passages, columns)
            continue
        try:
            for rec in _records(f):
                if isinstance(rec, Article):
                    passages.add(rec.outlet, rec.url or rec.id, [s.text for s in rec.sentences])
        except InputError:
            continue
    return passages


def _warn(err: InputError) -> None:
    print(f"kg: warning: {err} (skipped)", file=sys.stderr)


def read_articles(
    paths: Iterable[str | PathLike[str]] | str | PathLike[str],
    *,
    strict: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    columns: Mapping[str, str] | None = None,
    context: Iterable[str | PathLike[str]] = (),
) -> Iterator[Article]:
    """Articles from files and folders (walked recursively, in sorted order).

    A bad file (or JSONL line) raises :class:`InputError` when ``strict``;
    otherwise it goes to ``on_error`` (default: a one-line warning on stderr)
    and reading goes on with the rest. ``columns`` names a table's columns
    (``{"text": "Body"}``; see :mod:`kg.read.table`).

    A closing passage that recurs as the lead or the ending of another article
    of the same outlet is a teaser glued on by the site, not body
    (:mod:`kg.clean.recurring`): the other rows of the tables read here, and
    the articles under ``context`` (read only for this, never returned), are
    that evidence.
    """
    report = on_error or _warn
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    paths = list(paths)
    context = list(context)
    passages: Passages | None = None
    if context or any(f.suffix.lower() in _TABLES for f in _files(paths)):
        passages = learn_passages([*context, *paths], columns=columns)

    def fail(err: InputError) -> None:
        if strict:
            raise err
        report(err)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = input_files(path)
            if not files:
                fail(InputError(str(path), "folder holds no .txt, .html, .csv or .jsonl files"))
        elif path.exists():
            files = [path]
        else:
            fail(InputError(str(path), "no such file or folder"))
            continue
        for f in files:
            try:
                for rec in _records(f, columns, passages):
                    if isinstance(rec, InputError):
                        fail(rec)
                    else:
                        yield rec
            except InputError as err:
                fail(err)
