"""Component `time`: date expressions normalised against the published date.

News text rarely prints a full date: it says "hôm 29/6", "ngày 28-2", "hôm
thứ Ba", "rạng sáng nay", "hôm qua". Events and claims need one value per
such expression, resolved the way a reader resolves it: against the day the
article was published. Without a published date and without a year in the
text, the value stays partial ("--06-29"); a year is never invented, and
expressions that name no single day ("tuần này", "tháng 1") get ``None``.

The words (date cues, weekdays, relative days) are data in
``ontology/lexicons/time_words.yaml``; this module holds the patterns.
Findings go to :attr:`Extraction.times`; later components read them through
:func:`dates_in` and :func:`date_near`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..lexicon.load import load_yaml
from ..model import Doc, Extraction, TimeMention
from ..pipeline import COMPONENTS

__all__ = ["find_times", "resolve_day_month", "parse_published", "dates_in", "date_near"]


def _alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (so "rạng sáng" beats "sáng")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    full: re.Pattern[str]
    paren: re.Pattern[str]
    written: re.Pattern[str]
    cued: re.Pattern[str]
    dotted: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    period: re.Pattern[str]
    same_day: re.Pattern[str]
    weekdays: dict[str, int]
    sunday: frozenset[str]
    offsets: dict[str, int]
    units: frozenset[str]


@cache
def _patterns() -> _Patterns:
    lex = load_yaml("time_words.yaml")
    cues = _alt(lex["date_cues"])
    parts = _alt(lex["day_parts"])
    rel = lex["relative_days"]
    # "nay", "qua", "mai" alone are ordinary words ("thông qua"); they are days
    # only after a part of the day ("tối qua"), the longer forms stand alone.
    short = [w for w in rel if " " not in w]
    long_ = [w for w in rel if " " in w]
    wd = _alt(list(lex["weekdays"]))
    sunday = _alt(lex["sunday"])
    future = _alt(lex["future_markers"])
    flags = re.IGNORECASE
    b = r"(?<![\w/.-])"  # left word boundary that also refuses "1/2/3" tails
    e = r"(?![\w/-]|\.\d)"  # right boundary
    return _Patterns(
        # "20/7/1962", "28-2-2025", and the dotted form of some outlets "16.2.2025"
        full=re.compile(rf"{b}(\d{{1,2}})\s?([/.-])\s?(\d{{1,2}})\s?\2\s?(\d{{4}}){e}", flags),
        # "hôm nay (26/4)", "thứ Bảy (24/4)": a bracketed day/month is a date
        paren=re.compile(r"\((\d{1,2})/(\d{1,2})\)"),
        written=re.compile(
            r"(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+(\d{4}))?(?!\w)", flags
        ),
        cued=re.compile(
            rf"(?<!\w)(?:{cues})(?:\s+(?:ngày|mùng|mồng)){{0,3}}\s+(\d{{1,2}})\s?[/-]\s?(\d{{1,2}}){e}(?:\s+(\w+))?", flags
        ),
        # "hôm 13.2", "sáng 20.2": a dotted day.month only right after a word of the
        # day ("ngày", "hôm", a part of the day); bare "4.0", "2.5" are numbers
        dotted=re.compile(
            rf"(?<!\w)(?:{_alt(lex['day_cues'])})(?:\s+(?:ngày|mùng|mồng)){{0,2}}\s+(\d{{1,2}})\.(\d{{1,2}})(?![\w/-]|[.,]\d)"
            rf"(?:\s+(\w+))?",
            flags,
        ),
        weekday=re.compile(
            rf"(?<!\w)(?:(?:hôm|ngày|vào|hồi|{parts})\s+)(?:thứ\s+({wd})|({sunday}))(?!\w)(?:\s+({future})(?!\w))?",
            flags,
        ),
        relative=re.compile(
            rf"(?<!\w)(?:(?:{parts})\s+)?({_alt(long_)})(?!\w)|(?<!\w)(?:{parts})\s+({_alt(short)})(?!\w)", flags
        ),
        # "tháng 1", "tháng 1/2025", "tháng 1 năm 2025", "tháng 1-2025", "tháng 8.2024"
        month=re.compile(rf"(?<!\w)tháng\s+(\d{{1,2}})(?:(?:\s*(?:/|năm)\s*|[.-])(\d{{4}}))?{e}", flags),
        year=re.compile(r"(?<!\w)năm\s+(\d{4})(?!\w)", flags),
        period=re.compile(rf"(?<!\w)(?:{_alt(lex['vague_periods'])})(?!\w)", flags),
        same_day=re.compile(r"(?<!\w)cùng\s+ngày(?!\s+\d)(?!\w)", flags),
        weekdays={k.casefold(): int(v) for k, v in lex["weekdays"].items()},
        sunday=frozenset(w.casefold() for w in lex["sunday"]),
        offsets={k.casefold(): int(v) for k, v in rel.items()},
        units=frozenset(w.casefold() for w in lex["unit_words"]),
    )


def parse_published(published: str | None) -> date | None:
    """The published day of an article (``Article.published`` may be a datetime)."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_day_month(day: int, month: int, published: date | None, year: int | None = None) -> str | None:
    """ISO date for a day and month, or "--MM-DD" when no year can be known.

    With a published date, the year is the one that puts the date closest to
    it, the past weighing less than the future (news mostly reports what
    happened; "ngày 28/12" in an article of 2 January is last December, "ngày
    3/1 tới" in one of 28 December is next January).
    """
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        d = _valid(year, month, day)
        return d.isoformat() if d else None
    if published is None:
        return f"--{month:02d}-{day:02d}" if _valid(2000, month, day) else None  # 2000: leap year
    best: tuple[int, date] | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        d = _valid(y, month, day)
        if d is None:
            continue
        delta = (d - published).days
        cost = -delta if delta <= 0 else 2 * delta
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1].isoformat() if best else None


def _weekday(iso_wd: int, published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    if future:
        ahead = (iso_wd - published.isoweekday()) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat()
    back = (published.isoweekday() - iso_wd) % 7
    return (published - timedelta(days=back)).isoformat()


def find_times(text: str, published: str | None, base: int = 0, sentence: int = 0) -> list[TimeMention]:
    """Every date expression in ``text`` (one sentence), earliest first, no overlaps.

    ``base`` is the offset of ``text`` in the body, so the returned spans are
    body offsets.
    """
    pat = _patterns()
    pub = parse_published(published)
    cands: list[tuple[int, int, str | None, str, int]] = []  # start, end, value, kind, priority

    for m in pat.full.finditer(text):
        v = resolve_day_month(int(m.group(1)), int(m.group(3)), pub, int(m.group(4)))
        if v:
            cands.append((m.start(), m.end(), v, "date", 0))
    for m in pat.paren.finditer(text):
        v = resolve_day_month(int(m.group(1)), int(m.group(2)), pub)
        if v:
            cands.append((m.start(), m.end(), v, "date", 0))
    for m in pat.written.finditer(text):
        y = int(m.group(3)) if m.group(3) else None
        v = resolve_day_month(int(m.group(1)), int(m.group(2)), pub, y)
        if v:
            cands.append((m.start(), m.end(), v, "date", 0))
    for m in pat.cued.finditer(text):
        nxt = (m.group(3) or "").casefold()
        end = m.start(3) if m.group(3) else m.end()
        end = len(text[:end].rstrip()) if m.group(3) else end
        if nxt in pat.units:
            continue  # "từ 2-3 tuần": a range, not a date
        v = resolve_day_month(int(m.group(1)), int(m.group(2)), pub)
        if v:
            cands.append((m.start(), end, v, "date", 1))
    for m in pat.dotted.finditer(text):
        if (m.group(3) or "").casefold() in pat.units:
            continue
        v = resolve_day_month(int(m.group(1)), int(m.group(2)), pub)
        if v:
            cands.append((m.start(), m.end(2), v, "date", 1))
    for m in pat.weekday.finditer(text):
        name = (m.group(1) or m.group(2) or "").casefold()
        name = re.sub(r"\s+", " ", name)
        wd = 7 if name in pat.sunday else pat.weekdays.get(name)
        if wd is None:
            continue
        cands.append((m.start(), m.end(), _weekday(wd, pub, bool(m.group(3))), "weekday", 2))
    for m in pat.relative.finditer(text):
        word = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).casefold())
        off = pat.offsets.get(word)
        if off is None:
            continue
        v = (pub + timedelta(days=off)).isoformat() if pub else None
        cands.append((m.start(), m.end(), v, "relative", 2))
    for m in pat.month.finditer(text):
        if 1 <= int(m.group(1)) <= 12:
            cands.append((m.start(), m.end(), None, "month", 3))
    for m in pat.year.finditer(text):
        cands.append((m.start(), m.end(), None, "year", 4))
    for m in pat.period.finditer(text):
        cands.append((m.start(), m.end(), None, "period", 4))
    for m in pat.same_day.finditer(text):
        cands.append((m.start(), m.end(), None, "same_day", 5))

    cands.sort(key=lambda c: (c[4], c[0], -(c[1] - c[0])))
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for s, e, v, kind, _ in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(TimeMention(text[s:e], base + s, base + e, sentence, v, kind))
    out.sort(key=lambda t: t.start)
    return out


@COMPONENTS.register("time")
def time(doc: Doc, found: Extraction) -> None:
    """Fill ``found.times``; "cùng ngày" (the same day) takes the last date before it."""
    published = doc.article.published
    times: list[TimeMention] = []
    last: str | None = None
    for sent in doc.article.sentences:
        for t in find_times(sent.text, published, sent.start, sent.index):
            if t.kind == "same_day":
                t = TimeMention(t.text, t.start, t.end, t.sentence, last, "relative")
            elif t.value and t.kind in ("date", "weekday", "relative"):
                last = t.value
            times.append(t)
    found.times = times


def dates_in(found: Extraction, sentence_index: int) -> list[TimeMention]:
    """The time expressions of one sentence (valued or not), in body order."""
    return [t for t in found.times if t.sentence == sentence_index]


def date_near(
    found: Extraction, sentence_index: int, pos: int, lo: int | None = None, hi: int | None = None
) -> str | None:
    """The value of the valued date in the sentence closest to ``pos``.

    Only dates inside ``[lo, hi)`` count when given (a claim's date must lie
    outside its content: "sẽ đàm phán trong ngày 11/3" dates the talks, not
    the statement). An unvalued expression ("tháng 1") closer than any dated
    one wins and gives None: a month alone names no day.
    """
    best: tuple[int, str | None] | None = None
    for t in dates_in(found, sentence_index):
        if lo is not None and t.start < lo:
            continue
        if hi is not None and t.end > hi:
            continue
        if t.kind in ("year", "period") and t.value is None:
            continue
        dist = 0 if t.start <= pos < t.end else min(abs(pos - t.start), abs(pos - t.end))
        if best is None or dist < best[0]:
            best = (dist, t.value)
    return best[1] if best else None
