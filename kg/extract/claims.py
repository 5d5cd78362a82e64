"""Component `claims`: reported speech and quotes -> Claim records.

Vietnamese news attributes speech in a few shapes, all handled here with
patterns over the sentence text and the linked mentions:

* speaker first: "X cho biết, …", "X cho biết: “…”", "X nói rằng …",
  "X cảnh báo nguy cơ …" (a cue with a direct object), "cả A và B đều bày tỏ …";
* content first: "“…” - X cho hay.", "…, ông X nói thêm.", a quote that spans
  several sentences ending in its attribution;
* a frame: "Theo X, <clause>" (cue "Theo"); when the clause has its own
  speaker and X is an outlet, X becomes the claim's credited ``source``.

The speaker is the actor right before the cue, after stepping over adverbs
and dates ("ông Peskov ngày 29/6 cũng đã cho biết"). A title without a name
("Người phát ngôn Điện Kremlin nói") is resolved through the article's roles,
"ông"/"bà"/"nhà ngoại giao Nga" through the last person named, "hai nhà lãnh
đạo" through the two leaders named before. Unnamed speakers ("một quan chức
giấu tên") give no claim. The cues and their stances are data
(``ontology/lexicons/reporting_verbs.yaml``).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from ..lexicon.load import load_yaml
from ..model import STANCES, Claim, Doc, Evidence, Extraction, Mention, Role
from ..pipeline import COMPONENTS
from .roles import TitleParse, _lexicon as _titles, parse_after_title, title_info
from .spans import PERSON, SentenceView, entity_type, sentence_views, window_start, word_alt

NAME = "claims"
_MAX_COORD = 4
_MAX_FREE_WORDS = 3
_MAX_QUOTE = 4000  # a "quote" longer than this is an unbalanced mark, not speech
_MAX_CONTENT = 1500  # a reported clause longer than this is a run-on paragraph, cut
_LEADER_PREDICATES = ("president_of", "prime_minister_of", "leader_of", "foreign_minister_of")

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
AMBIGUOUS_QUOTES = '"'


@dataclass(frozen=True)
class _Lexicon:
    stance: dict[str, str]
    cue_re: re.Pattern[str]
    between_tail: re.Pattern[str]
    lead_re: re.Pattern[str]
    pronoun_tail: re.Pattern[str]
    pair_tail: re.Pattern[str]
    shared_tail: re.Pattern[str]
    unnamed_tail: re.Pattern[str]
    noun_before: re.Pattern[str]
    negated_before: re.Pattern[str]
    theo_not_re: re.Pattern[str]


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("reporting_verbs.yaml")
    stance: dict[str, str] = {}
    for st, verbs in data["cues"].items():
        if st not in STANCES:
            raise ValueError(f"reporting_verbs.yaml: unknown stance {st!r}")
        for v in verbs:
            stance.setdefault(_key(v), st)
    alt = word_alt(tuple(stance))
    nb = word_alt(tuple(data["not_before"]))
    I = re.IGNORECASE
    return _Lexicon(
        stance=stance,
        cue_re=re.compile(rf"(?<!\w)({alt})(?!\w)(?!\s+(?:{nb})(?!\w))", I),
        between_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['between']))})\s*,?\s*$", I),
        lead_re=re.compile(rf"\s*(?:(?:{word_alt(tuple(data['content_lead']))})(?!\w)\s*)?[:,]?\s*", I),
        pronoun_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data['person_pronouns']))})\s*$", I),
        pair_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['pair_words']))})\s*$", I),
        shared_tail=re.compile(rf"[,;]?\s*(?:{word_alt(tuple(data['shared_subject']))})\s*$", I),
        negated_before=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['negators']))})\s+(?:\w+\s+)?$", I),
        theo_not_re=re.compile(rf"\s*(?:{word_alt(tuple(data['theo_not_speakers']))})(?!\w)", I),
        noun_before=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['noun_markers']))})\s+$", I),
        unnamed_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['unnamed']))})\s+\S+(?:\s+\S+)?\s*$", I),
    )


def stance_of(cue: str) -> str:
    """The normalised stance of a cue as written ("Cho biết" -> "assert")."""
    if _key(cue) == "theo":
        return "assert"
    return _lexicon().stance.get(_key(cue), "assert")


# ---------------------------------------------------------------- quotes


def find_quotes(body: str) -> list[tuple[int, int]]:
    """Top-level quotations as (open, close) offsets of the quote marks.

    Curly quotes say which way they face; a straight ``"`` opens after a
    space or at a line start and closes otherwise. Nesting is tracked with a
    stack (“tan băng” inside a quote is not a quote of its own); a quote left
    open at the end of its paragraph is dropped.
    """
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    n = len(body)
    for i, ch in enumerate(body):
        if ch == "\n":
            stack.clear()
            continue
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif ch in CLOSE_QUOTES or ch in AMBIGUOUS_QUOTES:
            if ch in AMBIGUOUS_QUOTES:
                prev = body[i - 1] if i > 0 else "\n"
                nxt = body[i + 1] if i + 1 < n else "\n"
                opening = (prev.isspace() or prev in "([{-–—:,;") and not nxt.isspace()
                if opening or not stack:
                    if not nxt.isspace() and nxt not in ".,;:!?)":
                        stack.append(i)
                    continue
            if not stack:
                continue
            start = stack.pop()
            if not stack and i - start <= _MAX_QUOTE:
                out.append((start, i))
    out.sort()
    return out


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Content span without surrounding spaces, end punctuation or stray quote marks."""
    while start < end and (body[start].isspace() or body[start] in "\"“”«»,:;-–—"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:!?…-–—"):
        end -= 1
    while end > start and body[end - 1] in "\"”»“":
        inner = body[start : end - 1]
        opens = sum(inner.count(c) for c in OPEN_QUOTES) + inner.count('"')
        closes = sum(inner.count(c) for c in CLOSE_QUOTES)
        if body[end - 1] == '"':
            if inner.count('"') % 2 == 1:
                break
        elif opens > closes:
            break
        end -= 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:!?…"):
            end -= 1
    return start, end


# ---------------------------------------------------------------- context


@dataclass
class _Context:
    doc: Doc
    found: Extraction
    views: list[SentenceView]
    quotes: list[tuple[int, int]]
    persons: list[Mention]  # Person mentions in body order
    person_starts: list[int] = field(default_factory=list)
    title_parses: dict[int, list[TitleParse]] = field(default_factory=dict)  # per sentence
    speakers_so_far: list[tuple[int, str]] = field(default_factory=list)  # (sentence, person id)
    cache: dict = field(default_factory=dict)  # per-article memo for helpers (segments, times)

    def times_in(self, sentence: int) -> list:
        by = self.cache.get("times")
        if by is None:
            by = self.cache["times"] = {}
            for t in self.found.times:
                by.setdefault(t.sentence, []).append(t)
        return by.get(sentence, [])

    def last_speaker(self, sentence: int) -> str | None:
        """The person who spoke last, if within the two sentences before: "Ông" at a
        sentence start continues with the speaker, not with a person merely named."""
        for sent, eid in reversed(self.speakers_so_far):
            if sentence - 2 <= sent <= sentence:
                return eid
            break
        return None

    def __post_init__(self) -> None:
        self.person_starts = [m.evidence.start for m in self.persons]

    def recent_person(self, pos: int, prefer: set[str] | None = None) -> str | None:
        """The last person named before ``pos`` (within a few sentences)."""
        i = bisect_left(self.person_starts, pos) - 1
        first: str | None = None
        limit = pos - 1500
        while i >= 0 and self.persons[i].evidence.start >= limit:
            eid = self.persons[i].entity
            if eid:
                if prefer is None or not prefer:
                    return eid
                if first is None:
                    first = eid
                if eid in prefer:
                    return eid
            i -= 1
        return first

    def holders(self, predicate: str, org: str | None) -> list[Role]:
        return [r for r in self.found.roles if r.predicate == predicate and (org is None or r.org == org)]

    def holder(self, predicate: str, org: str | None, pos: int) -> str | None:
        """The person the article gives this role, the last named before ``pos`` if several."""
        cands = {r.person for r in self.holders(predicate, org)}
        if not cands:
            return None
        if len(cands) == 1:
            return next(iter(cands))
        return self.recent_person(pos, cands) if self.recent_person(pos, cands) in cands else sorted(cands)[0]

    def quote_closing_at(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[1] == pos:
                return q
        return None

    def quote_opening_at(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] == pos:
                return q
        return None


def _title_parses(ctx: _Context, view: SentenceView) -> list[TitleParse]:
    got = ctx.title_parses.get(view.index)
    if got is None:
        got = []
        for tm in _titles().title_re.finditer(view.text):
            info = title_info(tm.group(1))
            if info is None:
                continue
            s, e = view.start + tm.start(), view.start + tm.end()
            got.append(parse_after_title(view, ctx.found, s, e, info))
        ctx.title_parses[view.index] = got
    return got


def _parses_by(ctx: _Context, view: SentenceView, key: str) -> dict[int, list[TitleParse]]:
    """Title parses of a sentence indexed by the person's start or by where the
    parse stopped, so lookups per cue do not rescan every title of a long sentence."""
    ck = ("parses_by", key, view.index)
    got = ctx.cache.get(ck)
    if got is None:
        got = {}
        for tp in _title_parses(ctx, view):
            if key == "person" and tp.person is not None:
                got.setdefault(tp.person.evidence.start, []).append(tp)
            elif key == "last":
                got.setdefault(tp.last, []).append(tp)
        ctx.cache[ck] = got
    return got


def _predicate_of(ctx: _Context, view: SentenceView, tp: TitleParse) -> str | None:
    if tp.info.predicate is not None:
        return tp.info.predicate
    prev = [p for p in _title_parses(ctx, view) if p.end <= tp.start and p.info.predicate]
    return prev[-1].info.predicate if prev else None


# ---------------------------------------------------------------- speakers


@dataclass
class _Subject:
    speakers: list[str]
    start: int  # body offset where the subject noun phrase starts


_SHORT = 80


def _strip_gap(ctx: _Context, view: SentenceView, end: int, free_words: int) -> int:
    """Step left from a cue over adverbs, dates and parentheses; return the new end."""
    lex = _lexicon()
    times = ctx.times_in(view.index)
    text = view.text
    rel = end - view.start
    free = 0
    for _ in range(12):
        # tail-anchored searches look at a bounded window: a 50 KB sentence
        # must not make every cue cost a scan of everything before it
        lo = _window_start(text, rel)
        head = text[lo:rel].rstrip()
        rel = lo + len(head)
        t = next((t for t in times if t.end - view.start == rel), None)
        if t is not None:
            rel = t.start - view.start
            continue
        # word-sized patterns only need the last few dozen characters
        short_lo = max(0, len(head) - _SHORT)
        short = head[short_lo:]
        m = lex.between_tail.search(short)
        if m and lo + short_lo + m.start() < rel:
            rel = lo + short_lo + m.start()
            continue
        m = _PAREN_TAIL.search(short)
        if m:
            rel = lo + short_lo + m.start()
            continue
        m = _APPOSITIVE_TAIL.search(head)
        if m:
            rel = lo + m.start()
            continue
        if free < free_words:
            m = _WORD_TAIL.search(short)
            if m and lo + short_lo + m.start() > 0:
                free += 1
                rel = lo + short_lo + m.start()
                continue
        break
    return view.start + rel


# "Michael Kofman, một nhà nghiên cứu tại Washington (Mỹ), nhận định": the appositive
_APPOSITIVE_TAIL = re.compile(r",\s*(?:một|người|là|cựu|nguyên|hiện là)\s[^,;:\"“”]{1,100},\s*$", re.IGNORECASE)
_PAREN_TAIL = re.compile(r"\([^()]{0,60}\)\s*$")
_WORD_TAIL = re.compile(r"(?:^|(?<=\s))(?!(?:và|hoặc|hay|với|của|bị|được|khi|nếu|mà|rằng)$)[a-zđà-ỹ]+$")


_window_start = window_start


def _np_at_end(ctx: _Context, view: SentenceView, end: int) -> _Subject | None:
    """The speaker noun phrase ending at ``end``, resolved to entity ids."""
    lex = _lexicon()
    found = ctx.found
    rel_end = end - view.start
    head = view.text[max(_window_start(view.text, rel_end), rel_end - _SHORT) : rel_end]
    m = view.mention_ending_at(end)
    if m is not None:
        start = m.evidence.start
        if entity_type(found, m) == PERSON:
            for tp in _parses_by(ctx, view, "person").get(m.evidence.start, []):
                if tp.person is m:
                    start = min(start, tp.start)
            lo = window_start(view.text, start - view.start)
            hon = re.search(r"(?:^|(?<=\s))(?:ông|bà|ngài)\s+$", view.text[lo : start - view.start], re.IGNORECASE)
            if hon:
                start = view.start + lo + hon.start()
            return _Subject([m.entity or ""], start)
        # "Người phát ngôn Điện Kremlin" (no name): whoever the article gives that role
        for tp in _parses_by(ctx, view, "last").get(m.evidence.end, []):
            if (tp.org is m or tp.host is m) and tp.person is None and tp.last == m.evidence.end:
                m = tp.org or m
                before = view.text[window_start(view.text, tp.start - view.start) : tp.start - view.start]
                if lex.unnamed_tail.search(before + "x x") and re.search(
                    rf"(?:^|\s)(?:{word_alt(tuple(load_yaml('reporting_verbs.yaml')['unnamed']))})\s+$", before, re.I
                ):
                    return None
                pred = _predicate_of(ctx, view, tp)
                who = ctx.holder(pred, m.entity, m.evidence.start) if pred else None
                if who:
                    return _Subject([who], tp.start)
                if pred in ("official_of", "member_of", "adviser_of", None):
                    return None  # "một quan chức Mỹ": unnamed
                return _Subject([m.entity or ""], tp.start)
        # "nhà ngoại giao Nga" -> the last person named (one tied to that org, if any)
        lo = window_start(view.text, m.evidence.start - view.start)
        before = view.text[lo : m.evidence.start - view.start]
        pm = lex.pronoun_tail.search(before)
        if pm:
            if re.search(r"(?:^|\s)(?:một|các|những|nhiều|một số)\s+$", before[: pm.start()], re.I):
                return None
            tied = {r.person for r in found.roles if r.org == m.entity}
            who = ctx.recent_person(m.evidence.start, tied)
            return _Subject([who], view.start + lo + pm.start()) if who else None
        if re.search(r"(?:^|\s)(?:một|các|những|nhiều|một số)\s+(?:\w+\s+){0,2}$", before, re.I) and not re.search(
            r"(?:^|\s)(?:một|các|những|nhiều|một số)\s+$", before, re.I
        ):
            # "một quan chức Mỹ", "các nhà ngoại giao Nga": unnamed speakers
            return None
        return _Subject([m.entity or ""], m.evidence.start)
    pm = lex.pair_tail.search(head)
    if pm:
        pairs = _recent_leaders(ctx, view.start + pm.start(), 2)
        return _Subject(pairs, view.start + pm.start()) if len(pairs) == 2 else None
    pm = lex.pronoun_tail.search(head)
    if pm:
        who = ctx.last_speaker(view.index) or ctx.recent_person(view.start + pm.start())
        return _Subject([who], view.start + pm.start()) if who else None
    # a bare title ("Ngoại trưởng cho biết", "Nữ Ngoại trưởng Indonesia" is a mention above)
    tm = re.search(rf"(?:^|(?<=\s))({word_alt(tuple(_titles().titles))})\s*$", head, re.IGNORECASE)
    if tm:
        info = title_info(tm.group(1))
        if info and info.predicate:
            cands = {r.person for r in ctx.holders(info.predicate, None)}
            who = ctx.recent_person(view.start + tm.start(), cands) if cands else None
            if who and (not cands or who in cands):
                return _Subject([who], view.start + tm.start())
    return None


def _recent_leaders(ctx: _Context, pos: int, n: int) -> list[str]:
    leaders = {r.person for r in ctx.found.roles if r.predicate in _LEADER_PREDICATES}
    out: list[str] = []
    i = bisect_left(ctx.person_starts, pos) - 1
    while i >= 0 and len(out) < n:
        eid = ctx.persons[i].entity
        if eid and eid in leaders and eid not in out:
            out.append(eid)
        i -= 1
    return sorted(out)


def subject_before(ctx: _Context, view: SentenceView, cue_start: int) -> _Subject | None:
    """Speakers right before a cue (coordinated ones too), or None."""
    for free in range(0, _MAX_FREE_WORDS + 1):
        end = _strip_gap(ctx, view, cue_start, free)
        if end <= view.start:
            return None
        subj = _np_at_end(ctx, view, end)
        if subj is not None:
            break
    else:
        return None
    speakers = list(subj.speakers)
    start = subj.start
    for _ in range(_MAX_COORD):
        lo = window_start(view.text, start - view.start)
        left = view.text[lo : start - view.start]
        cm = re.search(r"(?:^|\s)(?:và|cùng)\s+$", left, re.IGNORECASE)
        if not cm:
            break
        prev = _np_at_end(ctx, view, view.start + lo + len(left[: cm.start()].rstrip()))
        if prev is None:
            break
        speakers = prev.speakers + speakers
        start = prev.start
    lo = window_start(view.text, start - view.start)
    cm = re.search(r"(?:^|\s)cả\s+$", view.text[lo : start - view.start], re.IGNORECASE)
    if cm:
        start = view.start + lo + cm.start()
    speakers = [s for i, s in enumerate(speakers) if s and s not in speakers[:i]]
    return _Subject(speakers, start) if speakers else None


# ---------------------------------------------------------------- claims


@dataclass
class _Found:
    speakers: list[str]
    cue: str
    cue_start: int
    cue_end: int
    content: tuple[int, int]
    content_sentence: int
    sentence: int
    span: tuple[int, int]
    quote: bool
    source: str | None = None
    when: str | None = None


def _sentence_of(ctx: _Context, pos: int) -> int:
    starts = [v.start for v in ctx.views]
    i = bisect_left(starts, pos + 1) - 1
    return ctx.views[max(i, 0)].index if ctx.views else 0


def _when(ctx: _Context, view: SentenceView, cue_start: int, content: tuple[int, int]) -> str | None:
    """The date the sentence gives for the statement: outside the content, nearest the cue."""
    best: tuple[int, str | None] | None = None
    for t in ctx.found.times:
        if t.sentence != view.index or (t.start < content[1] and content[0] < t.end):
            continue
        if t.kind in ("year", "period"):
            continue
        d = abs(t.start - cue_start)
        if best is None or d < best[0]:
            best = (d, t.value)
    return best[1] if best else None


def _speaker_first_content(ctx: _Context, view: SentenceView, cue_end: int) -> tuple[tuple[int, int], bool] | None:
    body = ctx.doc.article.body
    lex = _lexicon()
    rel = cue_end - view.start
    m = lex.lead_re.match(view.text, rel)
    pos = view.start + (m.end() if m else rel)
    q = ctx.quote_opening_at(pos)
    if q is not None:
        s, e = _trim(body, q[0] + 1, q[1])
        return ((s, e), True) if e - s > 0 else None
    led = body[cue_end:pos].strip() or body[max(0, cue_end - 5) : cue_end].casefold().endswith("rằng")
    if not led and _NOT_CONTENT_START.match(body, pos):
        # "nói trong cuộc họp báo rằng: …": the content starts after "rằng"
        m2 = _LATER_LEAD.match(body, pos, view.end)
        if not m2:
            return None  # "nói và lưu ý …", "thông báo trên truyền hình": no content here
        pos = m2.end()
        q = ctx.quote_opening_at(pos)
        if q is not None:
            s, e = _trim(body, q[0] + 1, q[1])
            return ((s, e), True) if e - s > 0 else None
    end = min(view.end, pos + _MAX_CONTENT)
    glued = _GLUED_STOP.search(body, pos, end)
    if glued:
        end = glued.start() + len(glued.group(1))
    end = _stray_close(body, pos, end)
    s, e = _trim(body, pos, end)
    return ((s, e), False) if e - s > 0 else None


def _stray_close(body: str, start: int, end: int) -> int:
    """Where a quote closes that opened before the content ("… hy vọng X", Y nói):
    the content ends there; quotes opened inside the content are kept."""
    depth = 0
    for i in range(start, end):
        ch = body[i]
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES or ch in AMBIGUOUS_QUOTES:
            prev = body[i - 1] if i > 0 else " "
            if ch in AMBIGUOUS_QUOTES and (prev.isspace() or prev in "([{-–—:,;"):
                depth += 1
                continue
            if depth == 0:
                return i
            depth -= 1
    return end


_NOT_CONTENT_START = re.compile(
    r"(?:trên|trong|tại|ở|với|vào|khi|sau|trước|và|đồng thời|nhưng|song|hôm|ngày|qua|bằng)(?!\w)", re.IGNORECASE
)
_LATER_LEAD = re.compile(r"[^.:;!?\n]{1,80}?(?:\brằng|:)\s*[:,]?\s*", re.IGNORECASE)

# "… song phương.Theo nhà ngoại giao": a sentence end the splitter missed
_GLUED_STOP = re.compile(r"(\w{2,}[.!?])(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")


# the separator before a content-first subject, maybe with a common noun in
# between ("…", hãng tin TASS dẫn lời …)
_SEP_TAIL = re.compile(r"[,\-–—]\s*(?:[a-zđà-ỹ]+\s+){0,2}$")


def _content_first(ctx: _Context, view: SentenceView, subj_start: int) -> tuple[tuple[int, int], bool, int] | None:
    """"…, X cho biết." / "“…” - X cho hay": the content left of the subject."""
    body = ctx.doc.article.body
    lo = window_start(view.text, subj_start - view.start)
    head = view.text[lo : subj_start - view.start]
    m = _SEP_TAIL.search(head)
    if not m:
        return None
    stop = view.start + lo + m.start()
    # a quote closing right before the separator: the quote is the content
    k = stop
    while k > view.start and body[k - 1].isspace():
        k -= 1
    if k > 0 and (body[k - 1] in CLOSE_QUOTES or body[k - 1] in AMBIGUOUS_QUOTES):
        q = ctx.quote_closing_at(k - 1)
        if q is not None:
            s, e = _trim(body, q[0] + 1, q[1])
            return ((s, e), True, q[0]) if e > s else None
    s, e = _trim(body, view.start, stop)
    if len(body[s:e].split()) < 3:
        return None
    return (s, e), False, s


# "X nhắc lại lập trường …, yêu cầu Mỹ …": a cue right after a comma continues the subject
_COMMA_TAIL = re.compile(r",\s*$")
_LEAD_START = re.compile(r"\s*(?:[:,]|rằng\b|với\s+[^,.:]{1,40}?\s+rằng\b)", re.IGNORECASE)


_TRAILING_THEO = re.compile(r",\s*(?:theo|dẫn theo|dẫn nguồn)\s+[^,.;:!?\"“”]{1,80}$", re.IGNORECASE)


def _trailing_credit(
    ctx: _Context, view: SentenceView, content: tuple[int, int], quote: bool
) -> tuple[tuple[int, int], str | None]:
    """"…, theo The Moscow Times": the credited outlet leaves the content and
    becomes the claim's source."""
    if quote:
        return content, None
    body = ctx.doc.article.body
    lo = max(content[0], content[1] - 120)
    m = _TRAILING_THEO.search(body, lo, content[1])
    if not m:
        return content, None
    ms = view.mentions_in(m.start(), content[1] + 1)
    if not ms:
        return content, None
    s, e = _trim(body, content[0], m.start())
    if e <= s:
        return content, None
    return (s, e), ms[-1].entity


def _leads_content(tail: str) -> bool:
    """Does the text after a cue introduce its content (": …", "rằng …", ", <clause>")?
    ", đồng thời cảnh báo …" and ", trong cuộc họp báo" do not."""
    m = _LEAD_START.match(tail)
    if not m:
        return False
    rest = tail[m.end() :].lstrip(" ,")
    return not _NOT_CONTENT_START.match(rest)


def _quote_before(ctx: _Context, view: SentenceView, subj_start: int) -> bool:
    """Does a quotation close right before the separator in front of the subject?"""
    body = ctx.doc.article.body
    lo = window_start(view.text, subj_start - view.start)
    head = view.text[lo : subj_start - view.start]
    m = _SEP_TAIL.search(head)
    if not m:
        return False
    k = view.start + lo + m.start()
    while k > view.start and body[k - 1].isspace():
        k -= 1
    return k > 0 and ctx.quote_closing_at(k - 1) is not None


_TAIL_LOOK = 300  # characters after a cue worth looking at (the tail test needs no more)


def _tail_is_short(text: str) -> bool:
    """Does the sentence end right after the cue ("…, X cho biết." / "… nói thêm",
    "… nói trong cuộc họp báo")? Then the content is on the left."""
    if len(text) >= _TAIL_LOOK:
        return False
    t = text.strip().rstrip(".!?…;").strip()
    return not t or (len(t.split()) <= 8 and bool(_TAIL_START.match(t)))


_TAIL_START = re.compile(r"(?:thêm|trên|trong|tại|ở|với|vào|khi|sau|trước|hôm|ngày|qua)(?!\w)", re.IGNORECASE)


def _claims_in(ctx: _Context, view: SentenceView) -> list[_Found]:
    lex = _lexicon()
    out: list[_Found] = []
    for cm in lex.cue_re.finditer(view.text):
        cs, ce = view.start + cm.start(), view.start + cm.end()
        cue = cm.group(1)
        lo = window_start(view.text, cm.start())
        before_cue = view.text[lo : cm.start()]
        if lex.noun_before.search(before_cue):
            continue  # "đưa ra bình luận", "các tuyên bố": a noun, not a verb of saying
        if lex.negated_before.search(before_cue[-30:]):
            continue  # "chưa bình luận", "không cho biết": nothing was said
        subj = subject_before(ctx, view, cs)
        if subj is None:
            # "ông thừa nhận A, song nhấn mạnh B": the second cue shares the speaker
            sh = lex.shared_tail.search(before_cue)
            if sh is None and stance_of(cue) in ("demand", "announce", "accuse", "deny", "reject", "propose"):
                sh = _COMMA_TAIL.search(before_cue)
            if out and out[-1].quote and out[-1].content[0] <= cs < out[-1].content[1]:
                continue  # a verb inside the previous quote belongs to it
            if out and sh and max(out[-1].content[1], out[-1].cue_end) >= cs - 200:
                prev = out[-1]
                cut = view.start + lo + sh.start()
                if prev.content[0] < cut <= prev.content[1]:
                    s, e = _trim(ctx.doc.article.body, prev.content[0], cut)
                    prev.content = (s, e)
                subj = _Subject(list(prev.speakers), prev.span[0])
            else:
                continue
        tail = view.text[cm.end() : cm.end() + _TAIL_LOOK]
        source = None
        after_pos = ce
        if _key(cue) == "dẫn lời":
            # "“…”, hãng tin TASS dẫn lời Ngoại trưởng Séc X": the quoted person speaks
            hon = re.match(r"\s*(?:ông|bà|ngài)\s+", view.text[ce - view.start :], re.IGNORECASE)
            after = view.mention_at(ce + (hon.end() if hon else 0))
            tp = next((p for p in _title_parses(ctx, view) if p.start >= ce and p.person is not None), None)
            target = after if after is not None and entity_type(ctx.found, after) == PERSON else (tp.person if tp else None)
            if target is not None and target.entity:
                source = subj.speakers[0]
                subj = _Subject([target.entity], subj.start)
                after_pos = target.evidence.end
                tail = view.text[after_pos - view.start : after_pos - view.start + _TAIL_LOOK]
        first = None
        if _tail_is_short(tail) or (_quote_before(ctx, view, subj.start) and not _leads_content(tail)):
            first = _content_first(ctx, view, subj.start)
        if first is not None:
            content, quote, cstart = first
            span = (min(cstart, subj.start), view.end)
        else:
            got = _speaker_first_content(ctx, view, after_pos)
            if got is None:
                continue
            content, quote = got
            span = (subj.start, max(view.end, content[1]))
        if len(ctx.doc.article.body[content[0] : content[1]].split()) < 2:
            continue
        if not quote and first is None and lex.cue_re.match(ctx.doc.article.body, content[0]):
            continue  # "từ chối cho biết …": the content is itself a verb of saying
        content, credited = _trailing_credit(ctx, view, content, quote)
        source = source or credited
        f = _Found(
            speakers=subj.speakers,
            cue=cue,
            cue_start=cs,
            cue_end=ce,
            content=content,
            content_sentence=_sentence_of(ctx, content[0]),
            sentence=view.index,
            span=span,
            quote=quote,
            source=source,
        )
        f.when = _when(ctx, view, cs, content)
        out.append(f)
        last_sent = max(view.index, _sentence_of(ctx, max(content[0], content[1] - 1)))
        ctx.speakers_so_far += [(last_sent, sp) for sp in f.speakers if entity_type_id(ctx.found, sp) == PERSON]
    _cut_at_next_subject(ctx, out)
    return out


def _cut_at_next_subject(ctx: _Context, found: list[_Found]) -> None:
    """"Nga tuyên bố rút quân, giới chức phương Tây cho rằng …": a later claim whose
    subject starts after a comma inside an earlier claim's content ends that content.
    (A subject right at the start of the content is a nested report and stays in:
    "Psaki nêu rõ, Tổng thống Biden đã cảnh báo rằng …".)"""
    body = ctx.doc.article.body
    for a in found:
        if a.quote:
            continue
        for b in found:
            if b is a or b.cue_start <= a.cue_start:
                continue
            subj = b.span[0]
            if not (a.content[0] < subj < a.content[1]):
                continue
            head = body[a.content[0] : subj].rstrip()
            if head.endswith(",") and len(head.split()) >= 1:
                s, e = _trim(body, a.content[0], a.content[0] + len(head) - 1)
                if e > s:
                    a.content = (s, e)
                break


_THEO = re.compile(
    r"(?:^|(?<=[,;:\-–]\s)|(?<=^[\"“])|(?<=\w[.!?])|(?:^|(?<=\s))(?:song|nhưng|tuy nhiên,?|cũng)\s+)(theo)\s+([^,.;:\n]{1,120}),\s*",
    re.IGNORECASE,
)


def _theo_claims(ctx: _Context, view: SentenceView, others: list[_Found]) -> list[_Found]:
    """"Theo X, <clause>": X claims the clause (or, an outlet, is its source)."""
    out: list[_Found] = []
    body = ctx.doc.article.body
    for m in _THEO.finditer(view.text):
        np_s, np_e = view.start + m.start(2), view.start + m.end(2)
        clause_rel = m.end()
        app = re.match(r"(?:ông|bà|ngài)\s+([^,.;:\n]{1,60}),\s*", view.text[m.end() :], re.IGNORECASE)
        if app and not _is_name(ctx, view, view.start + m.end() + app.start(1), view.start + m.end() + app.end(1)):
            app = None
        if app:
            # "Theo người phát ngôn Bộ Ngoại giao Indonesia, ông Teuku Faizasyah, …"
            np_e = view.start + m.end() + app.end(1)
            clause_rel = m.end() + app.end()
        ms = view.mentions_in(np_s, np_e)
        if not ms:
            # "Cũng theo chuyên gia này, …": the person who spoke last
            np_only = view.text[m.start(2) : np_e - view.start].strip()
            pm = _lexicon().pronoun_tail.search(np_only)
            who = ctx.last_speaker(view.index) if pm and pm.start() == 0 else None
            if who is None:
                continue
            s, e = _trim(body, view.start + clause_rel, min(view.end, view.start + clause_rel + _MAX_CONTENT))
            if len(body[s:e].split()) >= 4:
                f = _Found([who], m.group(1), view.start + m.start(1), view.start + m.end(1), (s, e),
                           view.index, view.index, (view.start + m.start(1), view.end), False)
                f.when = _when(ctx, view, f.cue_start, (s, e))
                out.append(f)
            continue
        np_text = view.text[m.start(2) : np_e - view.start]
        if _lexicon().theo_not_re.match(np_text):
            continue  # "Theo luật mới …": a text, not a speaker
        if re.match(r"\s*(?:một|các|những|nhiều|một số)\s", np_text, re.IGNORECASE):
            continue
        persons = [x for x in ms if entity_type(ctx.found, x) == PERSON]
        if persons:
            speaker = persons[-1].entity
        else:
            subj = _np_at_end(ctx, view, ms[-1].evidence.end)
            speaker = subj.speakers[0] if subj and subj.speakers else ms[-1].entity
        if not speaker:
            continue
        clause_s = view.start + clause_rel
        s, e = _trim(body, clause_s, min(view.end, clause_s + _MAX_CONTENT))
        # "Theo The Guardian, một quan chức … nói rằng: “…”": the quote is the content
        qm = re.search(r":\s*(?=[\"“])", body[s:e])
        if qm:
            q = ctx.quote_opening_at(s + qm.end())
            if q is not None:
                s, e = _trim(body, q[0] + 1, q[1])
        if len(body[s:e].split()) < 4:
            continue
        inner = [o for o in others if s <= o.cue_start < e]
        if inner and not persons and entity_type(ctx.found, ms[-1]) == "Organization":
            for o in inner:
                o.source = o.source or ms[-1].entity
            continue
        f = _Found(
            speakers=[speaker],
            cue=m.group(1),
            cue_start=view.start + m.start(1),
            cue_end=view.start + m.end(1),
            content=(s, e),
            content_sentence=view.index,
            sentence=view.index,
            span=(view.start + m.start(1), view.end),
            quote=False,
        )
        f.when = _when(ctx, view, f.cue_start, (s, e))
        out.append(f)
    return out


_MIN_FOLLOW_ON_WORDS = 5


def _follow_on_quote(ctx: _Context, view: SentenceView, so_far: list[_Found]) -> list[_Found]:
    """A quotation standing alone right after a person's claim continues it:
    "Bà X cho rằng, …. “…”." -> a second claim of X (no cue of its own)."""
    body = ctx.doc.article.body
    k = view.start
    while k < view.end and body[k].isspace():
        k += 1
    q = ctx.quote_opening_at(k)
    if q is None or not so_far:
        return []
    prev = so_far[-1]
    if prev.sentence < view.index - 1 or prev.content[1] > q[0]:
        return []
    if not all(entity_type_id(ctx.found, sp) == PERSON for sp in prev.speakers):
        return []
    if any(f.content[0] >= q[0] and f.content[1] <= q[1] + 1 for f in so_far):
        return []  # already attributed
    # the quote must end the sentence (or be followed only by punctuation)
    tail = body[q[1] + 1 : view.end].strip(" .,;!?”\"")
    if tail:
        return []
    s, e = _trim(body, q[0] + 1, q[1])
    if len(body[s:e].split()) < _MIN_FOLLOW_ON_WORDS:
        return []
    f = _Found(list(prev.speakers), "", q[0], q[0], (s, e), _sentence_of(ctx, s), view.index, (q[0], q[1] + 1), True)
    return [f]


def _is_name(ctx: _Context, view: SentenceView, start: int, end: int) -> bool:
    """Is body[start:end] just a person's name (one Person mention, nothing else)?"""
    ms = view.mentions_in(start, end)
    body = ctx.doc.article.body
    return len(ms) == 1 and entity_type(ctx.found, ms[0]) == PERSON and not (
        body[start : ms[0].evidence.start].strip() or body[ms[0].evidence.end : end].strip()
    )


def _claim_id(article_id: str, start: int, end: int, speaker: str) -> str:
    h = hashlib.sha1(f"{article_id}|{start}|{end}|{speaker}".encode()).hexdigest()[:16]
    return f"claim_{h}"


def make_context(doc: Doc, found: Extraction) -> _Context:
    """Sentence views, quotes and persons of one article (shared with ``events``)."""
    views = sentence_views(doc, found)
    persons = sorted(
        (m for v in views for m in v.mentions if entity_type(found, m) == PERSON),
        key=lambda m: m.evidence.start,
    )
    return _Context(doc, found, views, find_quotes(doc.article.body), persons)


def find_claims(doc: Doc, found: Extraction) -> list[Claim]:
    ctx = make_context(doc, found)
    views = ctx.views
    founds: list[_Found] = []
    for view in views:
        got = _claims_in(ctx, view)
        got += _theo_claims(ctx, view, got)
        got += _follow_on_quote(ctx, view, founds + got)
        founds += got
    # a claim nested in another's content is kept only when a named person speaks it
    # ("Psaki nêu rõ, Tổng thống Biden đã cảnh báo rằng …"); "Mỹ mong muốn …" inside
    # a minister's statement is part of what he said, not a claim of its own
    kept: list[_Found] = []
    for f in founds:
        outer = [g for g in founds if g is not f and g.content[0] <= f.cue_start < g.content[1]]
        if outer and not all(entity_type_id(found, s) == PERSON for s in f.speakers):
            continue
        if any(set(g.speakers) & set(f.speakers) for g in outer):
            continue  # the same speaker going on: part of the outer claim
        kept.append(f)
    aid = doc.article.id
    body = doc.article.body
    out: list[Claim] = []
    seen: set[tuple[str, int, int]] = set()
    for f in kept:
        for sp in f.speakers:
            key = (sp, f.content[0], f.content[1])
            if key in seen or sp == f.source:
                continue
            seen.add(key)
            s, e = f.content
            out.append(
                Claim(
                    id=_claim_id(aid, s, e, sp),
                    speaker=sp,
                    cue=f.cue,
                    stance=stance_of(f.cue),
                    text=body[s:e],
                    content=Evidence(aid, f.content_sentence, s, e, NAME),
                    evidence=Evidence(aid, f.sentence, f.span[0], f.span[1], NAME),
                    when=f.when,
                    source=f.source,
                    quote=f.quote,
                )
            )
    return out


def entity_type_id(found: Extraction, eid: str) -> str | None:
    ent = found.entities.get(eid)
    return ent.type if ent is not None else None


@COMPONENTS.register("claims")
def claims(doc: Doc, found: Extraction) -> None:
    found.claims = find_claims(doc, found)
