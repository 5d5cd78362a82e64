"""Loading and validating gold files (``shared/gold/FORMAT.md``).

A gold file that is silently misread gives a wrong score that nobody
questions, so the loader is strict: bad YAML, a missing ``doc``, a field of the
wrong type, an unknown key (a typo such as ``paricipants`` would otherwise
drop a whole column), a role or event type outside the vocabularies, a date
that is neither ISO nor ``--MM-DD``, or a role/event/claim naming an actor
that the file's ``entities`` do not list, each raise :class:`GoldError` with
the file and the field, printed by the CLI as one line.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import GoldError
from ..model import ENTITY_TYPES, EVENT_TYPES, ROLE_PREDICATES
from .match import ClaimRec, EntityRec, EventRec, Names, RoleRec, name_key, names

_DATE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?|--\d{2}-\d{2})$")

TOP_KEYS = {
    "doc", "title", "published", "outlet", "body_first", "body_last",
    "entities", "roles", "events", "claims", "must_not",
}
ROW_KEYS = {
    "entities": ({"name", "type"}, {"aliases"}),
    "roles": ({"person", "role", "org"}, set()),
    "events": ({"type", "participants"}, {"where", "when", "evidence"}),
    "claims": ({"speaker", "text"}, {"cue", "when"}),
}


@dataclass(slots=True)
class GoldArticle:
    """One gold file, with every actor reference resolved to a key set."""

    path: Path
    doc: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    body_first: str | None = None
    body_last: str | None = None
    entities: list[EntityRec] = field(default_factory=list)
    roles: list[RoleRec] = field(default_factory=list)
    events: list[EventRec] = field(default_factory=list)
    claims: list[ClaimRec] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)


class _Checker:
    """Type checks that name the file and the field in their error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> GoldError:
        msg = f"{where}: {problem}" if where else problem
        return GoldError(f"{self.path}: {msg}".replace("\n", " "))

    def text(self, value: Any, where: str, *, null: bool = False) -> str | None:
        if value is None and null:
            return None
        if isinstance(value, str) and value.strip():
            return value
        want = "a string or null" if null else "a non-empty string"
        raise self.fail(where, f"expected {want}, got {_show(value)}")

    def date(self, value: Any, where: str) -> str | None:
        """ISO date/datetime or "--MM-DD"; YAML turns unquoted dates into objects."""
        if value is None:
            return None
        if isinstance(value, (_dt.date, _dt.datetime)):
            return value.isoformat()
        if isinstance(value, str) and _DATE.match(value.strip()):
            return value.strip()
        raise self.fail(where, f'expected an ISO date, "--MM-DD" or null, got {_show(value)}')

    def seq(self, value: Any, where: str) -> list:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        raise self.fail(where, f"expected a list, got {_show(value)}")

    def keys(self, row: Any, section: str, i: int) -> dict:
        where = f"{section}[{i}]"
        if not isinstance(row, dict):
            raise self.fail(where, f"expected a mapping, got {_show(row)}")
        required, optional = ROW_KEYS[section]
        missing = sorted(required - row.keys())
        if missing:
            raise self.fail(where, f"missing {', '.join(missing)}")
        unknown = sorted(str(k) for k in row.keys() - required - optional)
        if unknown:
            raise self.fail(where, f"unknown key {', '.join(unknown)}")
        return row


def _show(value: Any) -> str:
    s = repr(value)
    return s if len(s) <= 40 else s[:37] + "..."


def load_gold(path: str | Path) -> GoldArticle:
    """Read and validate one gold file."""
    path = Path(path)
    c = _Checker(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise c.fail("", f"cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise c.fail("", "not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or type(exc).__name__
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise c.fail(where, f"not valid YAML ({problem})") from exc
    if not isinstance(raw, dict):
        raise c.fail("", f"expected a mapping at the top, got {_show(raw)}")
    if "doc" not in raw:
        raise c.fail("", "missing doc (the article file it annotates)")
    unknown = sorted(str(k) for k in raw.keys() - TOP_KEYS)
    if unknown:
        raise c.fail("", f"unknown key {', '.join(unknown)}")

    doc = c.text(raw["doc"], "doc")
    assert doc is not None
    if Path(doc).is_absolute() or ".." in Path(doc).parts:
        raise c.fail("doc", f"must be a path inside the corpus folder, got {doc!r}")
    gold = GoldArticle(
        path=path,
        doc=doc,
        title=c.text(raw.get("title"), "title", null=True),
        published=c.date(raw.get("published"), "published"),
        outlet=c.text(raw.get("outlet"), "outlet", null=True),
        body_first=c.text(raw.get("body_first"), "body_first", null=True),
        body_last=c.text(raw.get("body_last"), "body_last", null=True),
    )

    # Entities first: every other section refers to them by name or alias.
    actors: dict[str, Names] = {}
    for i, row in enumerate(c.seq(raw.get("entities"), "entities")):
        row = c.keys(row, "entities", i)
        name = c.text(row["name"], f"entities[{i}].name")
        assert name is not None
        etype = row["type"]
        if etype not in ENTITY_TYPES:
            raise c.fail(f"entities[{i}].type", f"unknown entity type {_show(etype)} (one of {', '.join(ENTITY_TYPES)})")
        aliases = [c.text(a, f"entities[{i}].aliases") for a in c.seq(row.get("aliases"), f"entities[{i}].aliases")]
        keys = names(name, aliases)
        rec = EntityRec(names=keys, type=etype, label=name)
        gold.entities.append(rec)
        for k in keys:
            actors.setdefault(k, keys)

    def actor(value: Any, where: str, *, null: bool = False) -> Names | None:
        s = c.text(value, where, null=null)
        if s is None:
            return None
        keys = actors.get(name_key(s))
        if keys is None:
            raise c.fail(where, f"{s!r} is not among the file's entities")
        return keys

    for i, row in enumerate(c.seq(raw.get("roles"), "roles")):
        row = c.keys(row, "roles", i)
        role = row["role"]
        if role not in ROLE_PREDICATES:
            raise c.fail(f"roles[{i}].role", f"unknown role {_show(role)} (one of {', '.join(ROLE_PREDICATES)})")
        person = actor(row["person"], f"roles[{i}].person")
        org = actor(row["org"], f"roles[{i}].org", null=True)
        assert person is not None
        gold.roles.append(RoleRec(person=person, role=role, org=org, text=f"{row['person']} {role} {row['org']}"))

    for i, row in enumerate(c.seq(raw.get("events"), "events")):
        row = c.keys(row, "events", i)
        etype = row["type"]
        if etype not in EVENT_TYPES:
            raise c.fail(f"events[{i}].type", f"unknown event type {_show(etype)} (one of {', '.join(EVENT_TYPES)})")
        where = actor(row.get("where"), f"events[{i}].where", null=True)
        when = c.date(row.get("when"), f"events[{i}].when")
        plist = c.seq(row["participants"], f"events[{i}].participants")
        parts = tuple(actor(p, f"events[{i}].participants") for p in plist)
        c.text(row.get("evidence"), f"events[{i}].evidence", null=True)
        text = f"{etype} where={row.get('where')} when={when} participants={plist}"
        gold.events.append(EventRec(type=etype, where=where, when=when, participants=parts, text=text))  # type: ignore[arg-type]

    for i, row in enumerate(c.seq(raw.get("claims"), "claims")):
        row = c.keys(row, "claims", i)
        speaker = actor(row["speaker"], f"claims[{i}].speaker")
        assert speaker is not None
        c.text(row.get("cue"), f"claims[{i}].cue", null=True)
        text = c.text(row["text"], f"claims[{i}].text")
        assert text is not None
        when = c.date(row.get("when"), f"claims[{i}].when")
        gold.claims.append(ClaimRec(speaker=speaker, text=text, when=when, label=row["speaker"]))

    gold.must_not = [
        c.text(n, f"must_not[{i}]") for i, n in enumerate(c.seq(raw.get("must_not"), "must_not"))  # type: ignore[misc]
    ]
    return gold


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The ``*.yaml``/``*.yml`` files of a gold folder (sorted), or the one file given."""
    p = Path(gold_dir)
    if p.is_file():
        return [p]
    if not p.is_dir():
        raise GoldError(f"{p}: no such gold folder or file")
    files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix in (".yaml", ".yml"))
    if not files:
        raise GoldError(f"{p}: no gold files (*.yaml) in this folder")
    return files


def load_gold_dir(gold_dir: str | Path) -> list[GoldArticle]:
    """Every gold file of a folder; two files annotating the same article are an error."""
    out: list[GoldArticle] = []
    seen: dict[str, Path] = {}
    for f in gold_files(gold_dir):
        g = load_gold(f)
        if g.doc in seen:
            raise GoldError(f"{f}: doc {g.doc!r} is already annotated by {seen[g.doc]}")
        seen[g.doc] = f
        out.append(g)
    return out
