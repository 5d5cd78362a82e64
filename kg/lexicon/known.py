"""The one gazetteer of known names, built once per process."""

from __future__ import annotations

from functools import cache

from .gazetteer import PRIORITY, Entry, Gazetteer
from .organizations import add_organizations
from .places import add_places


@cache
def gazetteer() -> Gazetteer:
    """Countries, cities, regions and organisations (built on first use, ~1 s)."""
    gz = Gazetteer()
    add_places(gz)
    add_organizations(gz)
    return gz


@cache
def _by_label() -> dict[tuple[str, str], "Entry"]:
    out: dict[tuple[str, str], Entry] = {}
    gz = gazetteer()
    for entry in gz.entries():
        k = (entry.label, entry.type)
        old = out.get(k)
        if old is None or (PRIORITY.get(entry.source, 0), entry.population) > (
            PRIORITY.get(old.source, 0), old.population
        ):
            out[k] = entry
    return out


def entry_for(label: str, type_: str) -> Entry | None:
    """The known entry whose canonical label and type are these (for linking)."""
    return _by_label().get((label, type_))
