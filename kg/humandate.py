"""Dates as a reader writes them: ``29/6/2025``, ``29/6`` when the year is unknown.

The graph keeps XSD values (``2025-06-29``, ``--06-29`` for an ``xsd:gMonthDay``,
``2021-06-17T08:30:00``) because they sort and compare; people read day/month
as Vietnamese newspapers print them. Only the *display* changes: the explorer
and ``kg query``'s table use :func:`human_date`, while CSV/JSON/RDF keep XSD.
The page script has the same function (``humanDate`` in ``explorer.js``).
"""

from __future__ import annotations

import re

__all__ = ["human_date", "looks_like_xsd_date"]

_FULL = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$")
_YEAR_MONTH = re.compile(r"^(-?\d{4,})-(\d{2})(Z|[+-]\d{2}:\d{2})?$")


def looks_like_xsd_date(value: str) -> bool:
    """True for an ``xsd:date``/``dateTime``/``gMonthDay``/``gYearMonth`` lexical form."""
    v = value.strip()
    return bool(_FULL.match(v) or _MONTH_DAY.match(v) or _YEAR_MONTH.match(v))


def human_date(value: str | None) -> str:
    """``2025-06-29`` -> ``29/6/2025``; ``--06-29`` -> ``29/6``; ``2025-06`` -> ``6/2025``.

    A date-time keeps its clock time (``2021-06-17T08:30:00`` -> ``17/6/2021 08:30``,
    ``T00:00`` dropped); anything else (a plain year, free text) is returned unchanged.
    """
    if value is None:
        return ""
    v = str(value).strip()
    m = _FULL.match(v)
    if m:
        year, month, day, hh, mm, _tz = m.groups()
        text = f"{int(day)}/{int(month)}/{year}"
        if hh is not None and (hh, mm) != ("00", "00"):
            text += f" {hh}:{mm}"
        return text
    m = _MONTH_DAY.match(v)
    if m:
        return f"{int(m.group(2))}/{int(m.group(1))}"
    m = _YEAR_MONTH.match(v)
    if m:
        return f"{int(m.group(2))}/{m.group(1)}"
    return str(value)
