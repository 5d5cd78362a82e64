"""Printed publication dates -> ISO strings, never inventing what is not printed.

Vietnamese sites print the article's date-time in many shapes ("02:45
03/03/2025", "Thứ 6, 31/12/2021 | 00:00:00", "18 Jan, 11:37 AM",
"2025-03-03T02:45:00+07:00", the UNC header "20210421"). The graph resolves
relative dates ("hôm qua", "ngày 21/4") against this value, so a wrong year is
worse than none: a form without a year gives a partial "--MM-DD" and a line
that is not a date gives ``None``.

:func:`parse_published` reads one printed value; :func:`is_date_line` tells
whether a whole page line is only a date-time (with weekday/label words), which
is how the page cleaner recognises the date under a headline and the dates
printed on teasers.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..lexicon import load_yaml
from .normalize import match_key

__all__ = ["parse_published", "is_date_line", "iso_from_parts"]

_MONTHS_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

_TIME = r"(?P<h>[01]?\d|2[0-3])\s*[:hg]\s*(?P<mi>[0-5]\d)(?:\s*:\s*(?P<s>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?m\.?))?"

# Date shapes, tried in order on a casefolded line. Each gives d/m/(y).
_DATE_FORMS: tuple[re.Pattern[str], ...] = (
    # ISO: 2025-03-03, 2025-03-03T02:45:00+07:00
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    # 03/03/2025, 3-3-2025, 03.03.2025
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"),
    # ngày 3 tháng 3 năm 2025, 3 tháng 3, 2025
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:,|năm)\s*(?P<y>\d{4}))?(?!\d)"),
    # 18 Jan, 2025 / 18 January 2025 / 18 Jan
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+{_MON}(?:\s*,?\s*(?P<y>\d{{4}}))?(?![a-z])"),
    # Jan 18, 2025 / January 18
    re.compile(rf"(?<![a-z]){_MON}\s+(?P<d>\d{{1,2}})(?:\s*,\s*(?P<y>\d{{4}}))?(?!\d)"),
    # 03/03 (day/month without a year)
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])"),
)
_COMPACT = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\s*$")
_TIME_RE = re.compile(rf"(?<![\d/.-]){_TIME}(?![\d/])")


@cache
def _date_words() -> tuple[str, ...]:
    words = load_yaml("page_boilerplate.yaml").get("date_words", [])
    # longest first, so "thứ hai" is removed before "thứ"
    return tuple(sorted({match_key(w) for w in words}, key=len, reverse=True))


def iso_from_parts(y: int | None, m: int, d: int, hh: int | None = None, mi: int | None = None) -> str | None:
    """Format a (possibly year-less) date as ISO; ``None`` when it is not a calendar date."""
    try:
        date(y if y is not None else 2000, m, d)  # 2000 is a leap year: 29/2 stays valid
    except ValueError:
        return None
    day = f"{y:04d}-{m:02d}-{d:02d}" if y is not None else f"--{m:02d}-{d:02d}"
    if hh is None or y is None:  # a time on a partial date has no ISO form; keep the date
        return day
    return f"{day}T{hh:02d}:{mi or 0:02d}"


def _find_date(t: str) -> tuple[re.Match[str], int | None, int, int] | None:
    for form in _DATE_FORMS:
        for m in form.finditer(t):
            gd = m.groupdict()
            month = _MONTHS_EN[gd["mon"][:3]] if gd.get("mon") else int(gd["m"])
            day, year = int(gd["d"]), (int(gd["y"]) if gd.get("y") else None)
            if iso_from_parts(year, month, day) is not None:
                return m, year, month, day
    return None


def _find_time(t: str, date_span: tuple[int, int]) -> tuple[re.Match[str], int, int] | None:
    for m in _TIME_RE.finditer(t):
        if date_span[0] <= m.start() < date_span[1]:
            continue  # "2025-03-03" is not a time
        hh, mi = int(m["h"]), int(m["mi"])
        ampm = (m["ampm"] or "").replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        return m, hh, mi
    return None


def parse_published(text: str | None) -> str | None:
    """The ISO form of a printed publication date-time, or ``None``.

    ``"02:45 03/03/2025"`` -> ``"2025-03-03T02:45"``; ``"Thứ 6, 31/12/2021 |
    00:00:00"`` -> ``"2021-12-31T00:00"``; ``"20210421"`` -> ``"2021-04-21"``;
    ``"18 Jan, 11:37 AM"`` -> ``"--01-18"`` (no year printed: none invented).
    """
    if not text:
        return None
    compact = _COMPACT.match(text)
    if compact:
        return iso_from_parts(int(compact["y"]), int(compact["m"]), int(compact["d"]))
    t = match_key(text)
    found = _find_date(t)
    if found is None:
        return None
    m, year, month, day = found
    tm = _find_time(t, m.span())
    if tm is None:
        return iso_from_parts(year, month, day)
    return iso_from_parts(year, month, day, tm[1], tm[2])


def is_date_line(line: str) -> bool:
    """True when a page line holds a date (and maybe a time) and nothing else.

    Weekday and label words ("Thứ 6", "Cập nhật", "GMT+7") and separators may
    surround it; a sentence that merely mentions a date is not a date line.
    """
    t = match_key(line)
    if not t or len(t) > 80:
        return False
    found = _find_date(t)
    if found is None:
        return False
    m = found[0]
    tail = re.sub(r"^t\d{2}:\d{2}(:\d{2})?(\.\d+)?(z|[+-]\d{2}:?\d{2})?", " ", t[m.end():])  # ISO time
    rest = t[: m.start()] + " " + tail
    tm = _TIME_RE.search(rest)
    if tm:
        rest = rest[: tm.start()] + " " + rest[tm.end():]
    for w in _date_words():
        rest = re.sub(rf"(?<!\w){re.escape(w)}(?!\w)", " ", rest)
    return re.fullmatch(r"[\s|,.:;()\[\]\-/–—·•]*", rest) is not None
