"""Reader for tables of articles: ``.csv``, ``.tsv``, ``.jsonl``, ``.ndjson``.

News crawlers write one article per row (a CSV per outlet, or JSON Lines).
Columns are found by their usual names, case-insensitively (the lists are data:
``ontology/lexicons/tables.yaml``): text ``Content``/``body``/``text``…, title,
url, published (``Time``…), outlet (``Source``…), category. ``--columns
text=Body,title=Headline`` (:func:`parse_columns`) overrides them. Every other
column is kept in the article's ``meta``.

Why the shape of this module:

* **Streamed.** A crawler's CSV is tens of megabytes; rows are read one by one
  with the :mod:`csv` module from the open file (never the whole text), and
  JSON Lines line by line.
* **One bad row never costs the others.** Empty text, an unparsable date, a
  field over :data:`MAX_FIELD` characters, a wrong number of fields, a broken
  quote, a duplicate row: each is an :class:`~kg.errors.InputError` naming
  ``file:N`` (N is the line where the row starts, the header being line 1)
  and reading goes on. A broken quote swallows the lines after it into one
  field; when such a record comes out malformed, the lines it swallowed are
  read again as rows of their own.
* **Stable ids.** A row with a URL gets its id from the URL, so a recrawled
  article (same URL, edited text) replaces its own facts instead of adding a
  second article.
* A table with no recognisable text column is one error naming the file and
  listing the columns it has.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections import deque
from dataclasses import dataclass
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from ..clean.article import make_article
from ..clean.crawl import Tidied, sentence_spans, tidy_flat, tidy_title
from ..clean.dates import parse_published
from ..clean.language import looks_vietnamese
from ..clean.normalize import normalize_text, search_key
from ..clean.page import clean_paragraphs
from ..clean.recurring import Passages
from ..errors import InputError
from ..lexicon import load_yaml
from ..model import Article
from . import READERS

__all__ = ["FIELDS", "MAX_FIELD", "TABLE_SUFFIXES", "parse_columns", "read_table", "learn_table", "url_id", "outlet_name", "count_rows"]

FIELDS: tuple[str, ...] = ("text", "title", "url", "published", "outlet", "category")
TABLE_SUFFIXES: frozenset[str] = frozenset({".csv", ".tsv", ".jsonl", ".ndjson"})
# Largest field read (characters). The longest article of the 2025 crawl is
# 23,000 characters; a field a hundred times longer is a broken file.
MAX_FIELD = 2_000_000
_DELIMITERS = (",", ";", "\t", "|")


# ---------------------------------------------------------------- columns


def _col_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", normalize_text(name).strip().lstrip("\ufeff").casefold())


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    cols = load_yaml("tables.yaml")["columns"]
    return {f: tuple(_col_key(n) for n in cols.get(f, ())) for f in FIELDS}


@cache
def _missing() -> frozenset[str]:
    return frozenset(v.casefold() for v in load_yaml("tables.yaml").get("missing", []))


@cache
def _outlets() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, spellings in (load_yaml("tables.yaml").get("outlets") or {}).items():
        for s in (name, *spellings):
            out[search_key(s).replace(" ", "")] = name
    return out


def outlet_name(printed: str) -> str:
    """The outlet's own name for a crawler's spelling ("VN Express" -> "VnExpress")."""
    printed = " ".join(printed.split())
    return _outlets().get(search_key(printed).replace(" ", ""), printed)


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"text=Body,title=Headline"`` -> ``{"text": "Body", "title": "Headline"}``.

    Raises :class:`ValueError` for a field that is not one of :data:`FIELDS`
    or an item without ``=``.
    """
    out: dict[str, str] = {}
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        field, sep, column = item.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise ValueError(f"--columns: {item.strip()!r} is not FIELD=COLUMN")
        if field not in FIELDS:
            raise ValueError(f"--columns: unknown field {field!r} (fields: {', '.join(FIELDS)})")
        out[field] = column.strip()
    return out


def _resolve(names: list[str], source: str, override: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index; :class:`InputError` without a text column."""
    keys: dict[str, int] = {}
    for i, name in enumerate(names):
        keys.setdefault(_col_key(name), i)
    found: dict[str, int] = {}
    shown = ", ".join(n.strip().lstrip("\ufeff") for n in names) or "none"
    for field in FIELDS:
        if field in override:
            idx = keys.get(_col_key(override[field]))
            if idx is None:
                raise InputError(source, f"--columns {field}={override[field]}: no such column (columns: {shown})")
            found[field] = idx
            continue
        for alias in _aliases()[field]:
            if alias in keys:
                found[field] = keys[alias]
                break
    if "text" not in found:
        usual = ", ".join(load_yaml("tables.yaml")["columns"]["text"])
        raise InputError(
            source,
            f"no text column (looked for {usual}; the columns are: {shown}); name it with --columns text=COLUMN",
        )
    return found


# ---------------------------------------------------------------- one row


def url_id(url: str) -> str:
    """16 hex chars of sha256 over the URL without its fragment and surrounding space."""
    key = url.strip().split("#", 1)[0]
    return hashlib.sha256(("url\n" + key).encode("utf-8")).hexdigest()[:16]


def _given(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return None if s.casefold() in _missing() else s


def _closing(text: str) -> tuple[list[str], int, list[tuple[int, int]]]:
    """The paragraphs, which one closes the article (a credit line after it aside), its sentence spans."""
    paras = text.split("\n")
    k = len(paras) - 1
    while k > 0 and (len(paras[k]) <= 120 and paras[k].split()[:1] in (["Theo"], ["Nguồn"])):
        k -= 1
    return paras, k, sentence_spans(paras[k])


def _passage_key(url: str | None, text: str) -> str:
    return url or "text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def learn_row(passages: Passages, values: Mapping[str, object]) -> None:
    """Remember a row's lead and ending (for :meth:`Passages.teaser_tail`); bad rows are ignored."""
    text = values.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_FIELD:
        return
    tidied = tidy_flat(text)
    paras, k, spans = _closing(tidied.text)
    first = sentence_spans(paras[0])
    sentences = [paras[0][a:b] for a, b in first] if k != 0 else [paras[k][a:b] for a, b in spans]
    if k != 0:
        sentences += [paras[k][a:b] for a, b in spans]
    outlet = values.get("outlet")
    outlet = outlet_name(outlet) if isinstance(outlet, str) and _given(outlet) else None
    url = values.get("url")
    passages.add(outlet, _passage_key(_given(url) if isinstance(url, str) else None, tidied.text), sentences)


def _cut_teaser(text: str, outlet: str | None, url: str | None, passages: Passages) -> tuple[str, str | None]:
    paras, k, spans = _closing(text)
    sentences = [paras[k][a:b] for a, b in spans]
    n = passages.teaser_tail(outlet, _passage_key(url, text), sentences)
    if not n:
        return text, None
    cut = spans[-n][0]
    teaser = paras[k][cut:].strip()
    paras[k] = paras[k][:cut].rstrip()
    return "\n".join(p for p in paras if p), teaser


def row_article(source: str, row: int, values: Mapping[str, object], extra: Mapping[str, object],
                columns: Mapping[str, str], passages: Passages | None = None) -> Article:
    """One Article from a row's fields; :class:`InputError` naming ``source:row`` when it is bad.

    ``passages`` (leads and endings of other articles) lets a closing passage
    glued on from another story be set apart (:mod:`kg.clean.recurring`).
    """

    def bad(problem: str) -> InputError:
        return InputError(source, problem, line=row)

    for field, v in values.items():
        if v is not None and not isinstance(v, str):
            raise bad(f"{columns.get(field, field)!r} must be a string, got {type(v).__name__}")
        if isinstance(v, str) and len(v) > MAX_FIELD:
            raise bad(f"field {columns.get(field, field)!r} is over the size limit ({len(v):,} > {MAX_FIELD:,} characters)")
    text = _given(values.get("text"))
    if not text:
        raise bad(f"empty text (column {columns.get('text', 'text')!r})")
    printed = _given(values.get("published"))
    published = parse_published(printed) if printed else None
    if printed and published is None:
        raise bad(f"unparsable date {printed[:60]!r} (column {columns.get('published', 'published')!r})")
    tidied = tidy_flat(text)
    outlet = _given(values.get("outlet"))
    outlet = outlet_name(outlet) if outlet else None
    url = _given(values.get("url"))
    if passages is not None:
        tidied.text, teaser = _cut_teaser(tidied.text, outlet, url, passages)
        if teaser:
            tidied.removed.append(teaser)
    cleaned = clean_paragraphs(tidied.text.split("\n"))
    if not cleaned.paragraphs:  # the crawler rules left nothing: the row's text is the article
        tidied = Tidied(text=text)
        cleaned = clean_paragraphs(text.split("\n"))
    if not cleaned.paragraphs:
        raise bad("no article text in the row")
    if not looks_vietnamese("\n".join(cleaned.paragraphs)):
        raise bad("no Vietnamese text found")
    meta = dict(cleaned.meta)
    if tidied.byline:
        meta["byline"] = tidied.byline
    if tidied.removed:
        meta["set_apart"] = " | ".join(tidied.removed)
    for k, v in extra.items():
        if isinstance(v, (str, int, float)) and not isinstance(v, bool) and _given(v) is not None:
            meta[str(k)] = str(v)
    category = _given(values.get("category"))
    if category:
        meta["category"] = " ".join(normalize_text(category).split())
    title = _given(values.get("title"))
    article = make_article(
        source=f"{source}:{row}",
        paragraphs=cleaned.paragraphs,
        title=tidy_title(title, url) if title else None,
        published=published,
        outlet=outlet,
        url=url,
        captions=tidied.captions + cleaned.captions,
        meta=meta,
    )
    if url:
        article.id = url_id(url)
    return article


# ---------------------------------------------------------------- files


def _open(path: Path) -> io.TextIOWrapper:
    """The file as text: a BOM chooses the codec, otherwise UTF-8 (bad bytes become U+FFFD)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    encoding = "utf-8-sig"
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            encoding = codec
            break
    return path.open("r", encoding=encoding, errors="replace", newline="")


class _Lines:
    """The file's physical lines, counted, with lines a malformed record swallowed put back."""

    def __init__(self, fh: io.TextIOBase, lineno: int) -> None:
        self._fh = fh
        self._back: deque[tuple[int, str]] = deque()
        self.lineno = lineno  # number of the last line handed out
        self.taken: list[tuple[int, str]] = []
        self.overlong: set[int] = set()  # numbers of the lines over MAX_FIELD characters

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._back:
            self.lineno, line = self._back.popleft()
        else:
            line = self._fh.readline(MAX_FIELD + 2)
            if not line:
                raise StopIteration
            self.lineno += 1
            if len(line) > MAX_FIELD:
                # an over-long physical line is never held whole: skip the rest of it,
                # hand the csv module an empty line, and remember where it was
                while not line.endswith(("\n", "\r")):
                    line = self._fh.readline(MAX_FIELD)
                    if not line:
                        break
                self.overlong.add(self.lineno)
                line = "\n"
        self.taken.append((self.lineno, line))
        return line

    def put_back(self, lines: list[tuple[int, str]]) -> None:
        self._back.extendleft(reversed(lines))


def _delimiter(suffix: str, header: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass(frozen=True, slots=True)
class _Row:
    row: int  # the line where the row starts
    values: dict[str, object]  # field -> cell
    extra: dict[str, object]  # other columns, by name
    columns: dict[str, str]  # field -> column name, for messages


def _read_csv(source: str, fh: io.TextIOBase, suffix: str, override: Mapping[str, str]) -> Iterator[_Row | InputError]:
    csv.field_size_limit(MAX_FIELD)
    header_line, header_no = fh.readline(MAX_FIELD), 1
    while header_line and not header_line.strip():
        header_line, header_no = fh.readline(MAX_FIELD), header_no + 1
    if not header_line:
        yield InputError(source, "empty file")
        return
    delim = _delimiter(suffix, header_line)
    names = next(csv.reader([header_line], delimiter=delim))
    try:
        found = _resolve(names, source, override)
    except InputError as err:
        yield err
        return
    colname = {f: names[i].strip().lstrip("\ufeff") for f, i in found.items()}
    by_index = {i: f for f, i in found.items()}
    lines = _Lines(fh, lineno=header_no)
    reader = csv.reader(lines, delimiter=delim)
    rows = 0
    while True:
        lines.taken = []
        try:
            rec = next(reader)
            problem = None
        except StopIteration:
            break
        except csv.Error as exc:
            rec, problem = None, str(exc)
        taken = lines.taken
        if not taken:
            break
        row = taken[0][0]
        if any(n in lines.overlong for n, _ in taken):
            rows += 1
            yield InputError(source, f"malformed row: a line is over the size limit ({MAX_FIELD:,} characters)", line=row)
            continue
        if rec is not None and not any(v.strip() for v in rec):
            continue  # a blank line
        rows += 1
        if rec is not None and len(rec) != len(names):
            problem = f"{len(rec)} fields where the header has {len(names)}"
        if problem is not None:
            if "field larger than field limit" in problem:
                problem = f"a field is over the size limit ({MAX_FIELD:,} characters)"
            elif len(taken) > 1:
                problem += f" (a broken quote? the row ran on to line {taken[-1][0]}; those lines are read again)"
                lines.put_back(taken[1:])
            yield InputError(source, f"malformed row: {problem}", line=row)
            continue
        assert rec is not None
        values = {f: rec[i] for f, i in found.items()}
        extra = {names[i].strip().lstrip("\ufeff"): v for i, v in enumerate(rec) if i not in by_index and names[i].strip()}
        yield _Row(row, values, extra, colname)
    if rows == 0:
        yield InputError(source, "header only: the table has no rows", line=header_no)


def _read_jsonl(source: str, fh: io.TextIOBase, override: Mapping[str, str]) -> Iterator[_Row | InputError]:
    resolved: dict[tuple[str, ...], dict[str, int] | InputError] = {}
    any_line = False
    lineno = 0
    while True:
        line = fh.readline(MAX_FIELD + 2)
        if not line:
            break
        lineno += 1
        if len(line) > MAX_FIELD and not line.endswith("\n"):
            while line and not line.endswith("\n"):  # skip the rest of the over-long line
                line = fh.readline(MAX_FIELD)
            yield InputError(source, f"line over the size limit ({MAX_FIELD:,} characters)", line=lineno)
            continue
        if not line.strip():
            continue
        any_line = True
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"malformed JSON ({exc.msg} at column {exc.colno})", line=lineno)
            continue
        if not isinstance(rec, dict):
            yield InputError(source, f"expected a JSON object, got {type(rec).__name__}", line=lineno)
            continue
        keys = tuple(str(k) for k in rec)
        if keys not in resolved:
            try:
                resolved[keys] = _resolve(list(keys), source, override)
            except InputError as err:
                resolved[keys] = err
        found = resolved[keys]
        if isinstance(found, InputError):
            yield InputError(source, 'no "text" field: ' + found.problem.removeprefix("no text column "), line=lineno)
            continue
        colname = {f: keys[i] for f, i in found.items()}
        values = {f: rec[keys[i]] for f, i in found.items()}
        extra = {k: v for k, v in rec.items() if k not in colname.values()}
        yield _Row(lineno, values, extra, colname)
    if not any_line:
        yield InputError(source, "empty file")


def _rows(source: str, fh: io.TextIOBase, suffix: str, override: Mapping[str, str]) -> Iterator[_Row | InputError]:
    if suffix in {".jsonl", ".ndjson"}:
        return _read_jsonl(source, fh, override)
    return _read_csv(source, fh, suffix, override)


def _articles(source: str, rows: Iterator[_Row | InputError], passages: Passages | None) -> Iterator[Article | InputError]:
    seen: dict[str, int] = {}
    for r in rows:
        if isinstance(r, InputError):
            yield r
            continue
        try:
            article = row_article(source, r.row, r.values, r.extra, r.columns, passages)
        except InputError as err:
            yield err
            continue
        key = article.url or article.id
        if key in seen:
            yield InputError(source, f"duplicate row (same {'URL' if article.url else 'text'} as line {seen[key]})", line=r.row)
            continue
        seen[key] = r.row
        yield article


def read_table(path: Path, columns: Mapping[str, str] | None = None,
               passages: Passages | None = None) -> Iterator[Article | InputError]:
    """Stream the articles (and the bad rows, as errors) of one table file."""
    with _open(path) as fh:
        yield from _articles(str(path), _rows(str(path), fh, path.suffix.lower(), dict(columns or {})), passages)


def learn_table(path: Path, passages: Passages, columns: Mapping[str, str] | None = None) -> None:
    """Show ``passages`` the lead and ending of every row of a table (bad rows ignored)."""
    try:
        with _open(path) as fh:
            for r in _rows(str(path), fh, path.suffix.lower(), dict(columns or {})):
                if not isinstance(r, InputError):
                    learn_row(passages, r.values)
    except (OSError, InputError):
        return


def count_rows(path: Path) -> int:
    """Non-blank lines after the header (an upper bound on the rows, for a progress bar)."""
    try:
        with path.open("rb") as fh:
            n = sum(1 for line in fh if line.strip())
    except OSError:
        return 1
    return max(n - (path.suffix.lower() not in {".jsonl", ".ndjson"}), 0)


class _TableReader:
    """Registered as ``table``. :meth:`stream` reads from the open file, row by row
    (what :func:`kg.read.read_articles` uses); calling it with text in memory works too."""

    streams = True

    def __call__(self, source: str, text: str) -> Iterator[Article | InputError]:
        suffix = Path(source).suffix.lower()
        fh = io.StringIO(text.lstrip("\ufeff"), newline="")
        return _articles(source, _rows(source, fh, suffix, {}), None)

    def stream(self, path: Path, columns: Mapping[str, str] | None = None,
               passages: Passages | None = None) -> Iterator[Article | InputError]:
        return read_table(path, columns, passages)


READERS.register("table")(_TableReader())
