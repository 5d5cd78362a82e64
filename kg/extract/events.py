"""Component `events`: typed events from event nouns and verbs.

A trigger ("hội nghị thượng đỉnh", "điện đàm", "trục xuất") becomes an Event
with its place ("tại Geneva (Thụy Sĩ)" -> the city), its date (the nearest
date of the sentence, resolved by the ``time`` component) and the actors the
sentence ties to it: "giữa A và B", "A và B đã có cuộc điện đàm", "thượng
đỉnh Putin - Biden", "hai nhà lãnh đạo", the object of "trục xuất nhà ngoại
giao Nga", the interviewee and outlet of "Trả lời phỏng vấn kênh X, ông Y
cho biết". Negated, hypothetical and merely proposed events are skipped
(the blockers are data). Mentions of the same event in one article merge
into one Event with every evidence, and the id is derived from type, date,
place and participants so the graph merges it across articles too.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from ..lexicon.load import load_yaml
from ..model import EVENT_TYPES, Doc, Event, Evidence, Extraction, Mention
from ..pipeline import COMPONENTS
from .speakers import (
    ArticleContext,
    entity_type_id,
    make_context,
    parses_by,
    recent_leaders,
    subject_before,
    title_parses,
)
from .claims import _lexicon as _claim_lexicon
from .claims import stance_of
from .event_args import Phrase, phrases_after
from .roles import _lexicon as _role_titles
from .spans import PERSON, SentenceView, entity_type, window_start, word_alt

NAME = "events"
_BLOCK_WORDS = 10
_NEGATOR_WORDS = 4


@dataclass(frozen=True)
class _Lexicon:
    type_of: dict[str, str]
    trigger_re: re.Pattern[str]
    blocker_re: re.Pattern[str]
    negator_re: re.Pattern[str]
    not_after_re: re.Pattern[str]
    generic_after_re: re.Pattern[str]
    merge_any: frozenset[str]
    speaker_events: frozenset[str]
    classifier_re: re.Pattern[str]
    distinct_re: re.Pattern[str]
    composed: tuple[tuple[str, re.Pattern[str]], ...]
    back_ref_re: re.Pattern[str]
    generic_det_re: re.Pattern[str]
    imposing_re: re.Pattern[str]
    pair_re: re.Pattern[str]
    two_parties: frozenset[str]
    state_if_alone: frozenset[str]
    needs_person: frozenset[str]
    oblique_re: re.Pattern[str]
    topic_head_re: re.Pattern[str]
    owned_acts: frozenset[str]
    placed_without_actor: frozenset[str]
    needs_polity: frozenset[str]
    local_divisions: tuple[str, ...]
    travel_re: re.Pattern[str]
    travel_heads: frozenset[str]
    delegation_re: re.Pattern[str]
    event_verb_re: re.Pattern[str]
    announce_re: re.Pattern[str]
    bodies_re: re.Pattern[str]
    needs_object: dict[str, re.Pattern[str]]
    needs_office: frozenset[str]
    negotiated_types: frozenset[str]
    negotiated_re: re.Pattern[str]
    merge_in_sentence: frozenset[str]
    sport_types: frozenset[str]
    sport_re: re.Pattern[str]
    team_re: re.Pattern[str]
    sport_hits: tuple[int, int]
    source_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    nationality_re: re.Pattern[str]
    press_before_re: re.Pattern[str]
    press_after_re: re.Pattern[str]
    press_events: frozenset[str]
    kin_re: re.Pattern[str]
    media: frozenset[str]
    hedged_re: re.Pattern[str]
    envoy_re: re.Pattern[str]
    held_types: frozenset[str]
    held_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    participle_re: re.Pattern[str]
    participle_types: frozenset[str]


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("event_nouns.yaml")
    type_of: dict[str, str] = {}
    for etype, words in data["triggers"].items():
        if etype not in EVENT_TYPES:
            raise ValueError(f"event_nouns.yaml: unknown event type {etype!r}")
        for w in words:
            type_of.setdefault(_key(w), etype)
    nb = word_alt(tuple(data["not_before"]))
    I = re.IGNORECASE
    return _Lexicon(
        type_of=type_of,
        trigger_re=re.compile(rf"(?<!\w)({word_alt(tuple(type_of))})(?!\w)(?!\s+(?:{nb})(?!\w))", I),
        blocker_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['blockers']))})(?!\w)", I),
        not_after_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['not_after']))})\s+(?:(?:{word_alt(tuple(data['generic_determiners']))})\s+)?$", I
        ),
        negator_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['negators']))})(?!\w)", I),
        generic_after_re=re.compile(rf"\s*(?:{word_alt(tuple(data['generic_after']))})(?!\w)", I),
        merge_any=frozenset(data["merge_across_triggers"]),
        speaker_events=frozenset(data["speaker_events"]),
        distinct_re=re.compile(rf"\s*(?:{word_alt(tuple(data['distinct_after']))})(?!\w)", I),
        classifier_re=re.compile(rf"^(?:(?:{word_alt(tuple(data['classifiers']))})\s+)+", I),
        composed=tuple(_composed(c) for c in data["composed"]) + tuple(_split(c) for c in data.get("split", ())),
        two_parties=frozenset(data["two_parties"]),
        state_if_alone=frozenset(data["state_if_alone"]),
        needs_person=frozenset(data["needs_person"]),
        owned_acts=frozenset(data["owned_acts"]),
        # "phương án đàm phán", "thông tin tích cực về đàm phán", "vai trò trung gian trong đàm phán"
        topic_head_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['topic_heads']))})(?:\s+(?:tích cực|mới|mới nhất))?\s+(?:(?:về|trong)\s+)?$", I
        ),
        oblique_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['oblique']['prepositions']))})\s+(?:(?:{word_alt(tuple(data['oblique']['heads']))})\s+)?$", I
        ),
        placed_without_actor=frozenset(data["placed_without_actor"]),
        needs_polity=frozenset(_key(w) for w in data["needs_polity"]),
        needs_office=frozenset(_key(w) for w in data["needs_office"]),
        negotiated_types=frozenset(data["negotiated"]["types"]),
        # the verb, then at most max_words words without a clause break, then the trigger
        negotiated_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['negotiated']['verbs']))})(?!\w)(?:\s+[^\s,;:.!?()]+){{0,{int(data['negotiated']['max_words'])}}}\s+$",
            I,
        ),
        merge_in_sentence=frozenset(data["merge_in_sentence"]),
        local_divisions=tuple(w.casefold() + " " for w in data.get("local_divisions") or ()),
        back_ref_re=re.compile(rf"\s*(?:{word_alt(tuple(data['back_reference_after']))})(?!\w)", I),
        imposing_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['imposing_verbs']))})(?!\w)", I),
        # "các lệnh trừng phạt", "các đợt tấn công": a classifier may stand between
        generic_det_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['generic_determiners']))})\s+(?:(?:{word_alt(tuple(data['classifiers']))})\s+)?$", I
        ),
        pair_re=re.compile(
            rf"(?<!\w)(?:hai\s+(?:{word_alt(tuple(data['pair_heads']))})|{word_alt(tuple(data['pair_phrases']))})(?!\w)", I
        ),
        travel_re=re.compile(
            rf"(?<!\w)(?:(?:{word_alt(tuple(data['travel']['verbs']))})\s+(?:{word_alt(tuple(data['travel']['links']))})"
            rf"|{word_alt(tuple(data['travel']['direct']))})(?!\w)(?!\s+(?:{nb})(?!\w))",
            I,
        ),
        travel_heads=frozenset(_key(w) for w in data["travel"]["heads"]),
        delegation_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['travel']['delegations']))})\s+(?:\S+\s+){{0,3}}$", I),
        announce_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['announcements']['verbs']))})(?!\w)", I),
        bodies_re=re.compile(rf"(?:{word_alt(tuple(data['announcements']['bodies']))})(?!\w)"),
        needs_object={
            _key(k): re.compile(rf"(?<!\w)(?:{word_alt(tuple(e['objects']))})(?!\w)", I)
            for e in data.get("needs_object") or () for k in e["keys"]
        },
        sport_types=frozenset(data["sport"]["types"]),
        sport_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['sport']['words']))})(?!\w)", I),
        # a team: "tuyển Malaysia", "U23 Việt Nam" (the name's capital is checked by the caller)
        team_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['sport']['teams']))})\s+(\w)", I),
        sport_hits=(int(data["sport"]["article_hits"]), int(data["sport"]["article_distinct"])),
        source_re=re.compile(
            rf"(?:^|(?<=[,;:]\s))(?:{word_alt(tuple(data['not_participants']['sources']))})\s[^,;:]{{1,80}}?,", I
        ),
        credit_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['not_participants']['credits']))})\s*:\s*"),
        nationality_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['not_participants']['nationality_heads']))})\s+$", I),
        press_before_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['not_participants']['press_before']))})\s+$", I),
        press_after_re=re.compile(rf"\s+(?:{word_alt(tuple(data['not_participants']['press_after']))})(?!\w)", I),
        press_events=frozenset(data["not_participants"]["press_events"]),
        kin_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['not_participants']['kin_before']))})\s+(?:của\s+)?(?:(?:ông|bà|cô|anh|chị|nam|nữ)\s+)?$", I
        ),
        media=frozenset(_key(w) for c in data["composed"] if c["type"] == "Statement" for w in c["media"]),
        held_types=frozenset(data["held_acts"]["types"]),
        held_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['held_acts']['prepositions']))})\s+(?:(?:\d+|một|hai|ba)\s+)?"
            rf"(?:(?:{word_alt(tuple(data['classifiers']))})\s+)?$", I
        ),
        envoy_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['envoys']))})$", I),
        participle_types=frozenset(data["participle_types"]),
        hedged_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['hedged_after']))})(?!\w)", I),
        # "những hiệp định thương mại mà Việt Nam đã ký kết": a relative clause on a
        # determined plural noun tells a kind of act, not one act
        relative_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['generic_determiners']))})\s+(?:[^\s,;:.]+\s+){{1,5}}mà\s+(?:[^\s,;:.]+\s+){{1,5}}$", I
        ),
        # "các FTA đã ký kết": a participle on a determined plural of what is signed
        # ("các bên đã đàm phán" is a subject and its verb: only for `participle_types`)
        participle_re=re.compile(
            rf"(?<!\w)(?:{word_alt(tuple(data['generic_determiners']))})\s+(?:[^\s,;:.]+\s+){{1,4}}(?:đã\s+|được\s+)+$", I
        ),
        event_verb_re=re.compile(rf"\s*(?:(?:đã|sẽ|đang|dự kiến|được)\s+)?(?:{word_alt(tuple(data['event_verbs']))})(?!\w)", I),
    )


def _composed(entry: dict) -> tuple[str, re.Pattern[str]]:
    """One ``composed`` lexicon entry as (event type, pattern); group "medium" is the key."""
    etype = entry["type"]
    if etype not in EVENT_TYPES:
        raise ValueError(f"event_nouns.yaml: unknown event type {etype!r}")
    between = tuple(entry.get("between") or ())
    mid = rf"(?:(?:{word_alt(between)})\s+)?" if between else ""
    rx = (
        rf"(?<!\w)(?:{word_alt(tuple(entry['verbs']))})\s+(?:{word_alt(tuple(entry['links']))})\s+{mid}"
        rf"(?P<medium>{word_alt(tuple(entry['media']))})(?!\w)"
    )
    return etype, re.compile(rx, re.IGNORECASE)


def _split(entry: dict) -> tuple[str, re.Pattern[str]]:
    """One ``split`` lexicon entry: a verb, an object of at most ``max_words`` words
    (holding one of ``object`` when given) and the rest of the act ("cấm 8 quan chức
    Mỹ nhập cảnh", "buộc hai nhà ngoại giao rời khỏi"). Group "medium" (the key) is the
    act's second part, group "obj" the object."""
    etype = entry["type"]
    if etype not in EVENT_TYPES:
        raise ValueError(f"event_nouns.yaml: unknown event type {etype!r}")
    n = int(entry.get("max_words", 8))
    word = r"[^\s.,;:!?\"“”()]+"
    obj = rf"(?:{word}\s+){{0,{n - 1}}}?{word}"
    if entry.get("object"):
        obj = rf"(?=(?:{word}\s+){{0,{n - 1}}}?(?:{word_alt(tuple(entry['object']))})(?!\w)){obj}"
    rx = (
        rf"(?<!\w)(?:{word_alt(tuple(entry['verbs']))})\s+(?P<obj>{obj})\s+"
        rf"(?P<medium>{word_alt(tuple(entry['rest']))})(?!\w)"
    )
    return etype, re.compile(rx, re.IGNORECASE)


def trigger_key(trigger: str) -> str:
    """A trigger without its classifier ("cuộc tấn công mạng" -> "tấn công mạng")."""
    k = _key(trigger)
    return _lexicon().classifier_re.sub("", k) or k


@dataclass
class _Mention:
    """One trigger occurrence with its arguments, before merging."""

    type: str
    trigger: str
    key: str
    where: str | None
    when: str | None
    participants: list[str]
    evidence: Evidence
    extra: list[Evidence] = field(default_factory=list)
    distinct: bool = False  # "một cuộc phỏng vấn khác": never merged into an earlier one
    actor: str | None = None  # the subject of the act ("Nga trục xuất …"), if written
    back_ref: bool = False  # "chuyến thăm này", "cuộc gặp nói trên": an act already told
    generic: bool = False  # "các lệnh trừng phạt" with no actor: background, not an act
    host: tuple[str, tuple[str, ...], int] | None = None  # "cuộc gặp tại hội nghị NATO": (type, actors) of the event it is held at
    own: list[str] = field(default_factory=list)  # actors of the phrases after it ("chuyến thăm này của X")


_CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”]|\s[-–—]\s")


def _clause_start(text: str, rel: int) -> int:
    """Offset (in ``text``) where the clause holding ``rel`` begins (looking back
    a bounded window: a clause longer than that starts at the window)."""
    lo = window_start(text, rel)
    last = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, rel):
        last = m.end()
    return last


# "nếu A thì B": both the condition and its consequence are hypothetical
_CONDITIONAL = re.compile(r"(?<!\w)nếu(?!\w)[^.;!?]*?(?<!\w)thì(?!\w)", re.IGNORECASE)


def _blocked(text: str, rel: int) -> bool:
    if _CONDITIONAL.search(text, 0, rel):
        return True
    start = _clause_start(text, rel)
    words = text[start:rel].split()
    lex = _lexicon()
    if lex.negator_re.search(" ".join(words[-_NEGATOR_WORDS:])):
        return True
    return bool(lex.blocker_re.search(" ".join(words[-_BLOCK_WORDS:])))


def _sport(ctx: ArticleContext, view: SentenceView) -> bool:
    """Does the sentence, or its article throughout, speak of sport (lexicon ``sport``)?"""
    lex = _lexicon()
    key = ("sport", view.index)
    own = ctx.cache.get(key)
    if own is None:
        own = ctx.cache[key] = bool(lex.sport_re.search(view.text)) or any(
            m.group(1).isupper() for m in lex.team_re.finditer(view.text)
        )
    if own:
        return True
    got = ctx.cache.get("sport")
    if got is None:
        hits = [_key(m.group(0)) for m in lex.sport_re.finditer(ctx.doc.article.body)]
        n, distinct = lex.sport_hits
        got = ctx.cache["sport"] = len(hits) >= n and len(set(hits)) >= distinct
    return got


_DATELINE = re.compile(r"^[A-ZĐ]{2,6}\s+[-–—]\s+")
_CREDIT_LINK = re.compile(r"^\s*(?:/|,|&|và)?\s*$")


def _bystanders(ctx: ArticleContext, view: SentenceView, s: int, etype: str = "") -> list[tuple[int, int]]:
    """Body spans of a sentence whose actors take no part in a trigger at ``s``: a
    leading "Theo X," source, the credit of a glued photo caption (with the caption
    itself when the trigger follows it), a dateline opening a story ("TTO - "), a
    country that only gives people their nationality ("11 người Việt Nam"), a person named
    only as someone's kin ("gia đình X", "vợ của Y") and, at a press conference, the
    outlet of the press asking ("câu hỏi của X")."""
    lex = _lexicon()
    rel = s - view.start
    sources, credits, fixed, press = _bystander_spans(ctx, view)
    out = [(view.start + a, view.start + b) for a, b in sources if not (a <= rel < b)]
    # the caption before its credit too, when the trigger follows it
    out += [(view.start + (0 if rel >= end else start), view.start + end) for start, end in credits]
    out += fixed
    if etype in lex.press_events:
        out += press
    dm = _DATELINE.match(view.text)
    # "TTO - Thông báo …" (an outlet opening a story), not "EU - Mỹ đàm phán" (a pair)
    if dm and rel >= dm.end() and view.mention_at(view.start + dm.end()) is None:
        out.append((view.start, view.start + dm.end()))
    return out


def _bystander_spans(ctx: ArticleContext, view: SentenceView) -> tuple[list, list, list, list]:
    """The trigger-independent parts of :func:`_bystanders`, once per sentence:
    (source spans, (credit marker start, credit end) pairs, both relative to the
    sentence; nationality mentions and press mentions as body spans)."""
    key = ("bystanders", view.index)
    got = ctx.cache.get(key)
    if got is not None:
        return got
    lex = _lexicon()
    text = view.text
    sources = [(m.start(), m.end()) for m in lex.source_re.finditer(text)]
    credits = []
    for m in lex.credit_re.finditer(text):
        end = m.end()
        for x in view.mentions_in(view.start + m.end(), view.end):
            if not _CREDIT_LINK.match(text[end : x.evidence.start - view.start]):
                break
            end = x.evidence.end - view.start
        if end != m.end():
            credits.append((m.start(), end))
    fixed, press = [], []
    for m in view.mentions:
        a, b = m.evidence.start - view.start, m.evidence.end - view.start
        if entity_type(ctx.found, m) == "Country" and lex.nationality_re.search(text, max(0, a - 25), a):
            fixed.append((m.evidence.start, m.evidence.end))
        if entity_type(ctx.found, m) == PERSON and lex.kin_re.search(text, max(0, a - 25), a):
            fixed.append((m.evidence.start, m.evidence.end))
        if lex.press_before_re.search(text, max(0, a - 25), a) or lex.press_after_re.match(text, b):
            press.append((m.evidence.start, m.evidence.end))
    got = ctx.cache[key] = (sources, credits, fixed, press)
    return got


def _only_bystander(ctx: ArticleContext, view: SentenceView, eid: str, spans: list[tuple[int, int]]) -> bool:
    """Is every mention of ``eid`` in the sentence inside ``spans`` (and is there one)?"""
    key = ("mentions_by_entity", view.index)
    by = ctx.cache.get(key)
    if by is None:
        by = ctx.cache[key] = {}
        for m in view.mentions:
            by.setdefault(m.entity, []).append(m)
    ms = by.get(eid, [])
    return bool(ms) and all(any(a <= m.evidence.start and m.evidence.end <= b for a, b in spans) for m in ms)


def _in_prepositional(text: str, rel: int) -> bool:
    """Is the trigger at ``rel`` the object of a preposition ("trong chuyến thăm …"),
    so that the predicate after it is not said of it?"""
    m = _PREV_WORD.search(text[:rel])
    return bool(m and m.group(1).casefold() in _NOT_APPOSITION)


def _clause_names(text: str, rel: int, end: int, rx: re.Pattern[str]) -> bool:
    """Does the clause holding the trigger [rel, end) name one of ``rx``'s words?"""
    stop = _CLAUSE_BREAK.search(text, end)
    return rx.search(text, _clause_start(text, rel), stop.start() if stop else len(text)) is not None


_PREV_WORD = re.compile(r"(\S+)\s+$")
_NEXT_WORD = re.compile(r"\s+(\S+)")


def _inside_name(text: str, rel: int, end: int, next_is_actor: bool = False) -> bool:
    """A capitalised trigger after a capitalised word, or written in title case,
    is part of a name ("Hiệp ước Cấm Tấn công Hóa học", "Ủy ban Tấn
    công Mạng"), not an occurrence."""
    if not text[rel : rel + 1].isupper():
        return False
    words = text[rel:end].split()
    nxt = _NEXT_WORD.match(text, end)
    if len(words) > 1 and sum(w[:1].isupper() for w in words) > 1 and nxt and nxt.group(1)[:1].isupper():
        return not next_is_actor
    m = _PREV_WORD.search(text[:rel])
    return bool(m and m.group(1)[:1].isupper() and m.group(1)[-1:].isalpha())


def _actor(found: Extraction, m: Mention) -> bool:
    return m.entity is not None and m.entity in found.entities


def _phrases(ctx: ArticleContext, view: SentenceView, end: int) -> list[Phrase]:
    """The phrases after a trigger ending at ``end`` (memoised per trigger)."""
    key = ("phrases", view.index, end)
    got = ctx.cache.get(key)
    if got is None:
        tokens = _tokens(ctx, view.index)
        # actor mentions and date expressions are read whole ("1/11" may be tagged V)
        atomic = [(m.evidence.start, m.evidence.end) for m in view.mentions]
        atomic += [(t.start, t.end) for t in ctx.times_in(view.index)]
        got = ctx.cache[key] = phrases_after(tokens, end, atomic)
    return got


def _tokens(ctx: ArticleContext, index: int) -> list:
    by = ctx.cache.get("tokens")
    if by is None:
        by = ctx.cache["tokens"] = {s.sentence.index: s.tokens for s in ctx.doc.sentences}
    toks = by.get(index)
    if not toks:
        # a Doc built without NLP (records made by hand): tag this sentence now
        from ..nlp.annotate import analyse_sentence

        sent = next((s for s in ctx.doc.article.sentences if s.index == index), None)
        toks = by[index] = analyse_sentence(sent).tokens if sent is not None and sent.text.strip() else []
    return toks


_LOCATION_TYPES = ("Place", "Country")
_STRIKES = frozenset({"Attack"})


def _place_after(ctx: ArticleContext, view: SentenceView, end: int, etype: str) -> str | None:
    """The place of the event: the first place, country or venue ("Điện Kremlin") in a
    "tại/ở …" phrase after the trigger; for a Visit also its destination ("thăm
    Brazil", "chuyến thăm … tới Trung Quốc"). A bracket after it only locates it."""
    phrases = _phrases(ctx, view, end)
    roles = ("place", "to", "object") if etype == "Visit" else ("place", "target") if etype in _STRIKES else ("place",)
    for role in roles:
        for ph in phrases:
            if ph.role != role:
                continue
            for m in view.mentions_in(ph.start, ph.end):
                t = entity_type(ctx.found, m)
                if role == "target" and t != "Place":
                    continue  # a strike "vào tỉnh Kursk" is there; "vào Ukraine" targets a state
                # a venue named as an organisation ("tại Điện Kremlin") heads its phrase;
                # "tại hội nghị NATO" is not held in NATO
                if t in _LOCATION_TYPES or (role == "place" and t == "Organization" and m.evidence.start == ph.start):
                    return m.entity
    return None


def _host(ctx: ArticleContext, view: SentenceView, end: int) -> tuple[str, tuple[str, ...], int] | None:
    """The type and actors of the event whose name heads a "tại/ở" phrase of the
    trigger ("gặp ông X tại hội nghị NATO"): the act is held at that event."""
    lex = _lexicon()
    for ph in _phrases(ctx, view, end):
        if ph.role != "place":
            continue
        body = view.text[ph.start - view.start : ph.end - view.start]
        tm = lex.trigger_re.match(body)
        if tm is None or _key(tm.group(1)) not in lex.type_of:
            return None
        actors = tuple(m.entity for m in view.mentions_in(ph.start, ph.end) if m.entity and _actor(ctx.found, m))
        return lex.type_of[_key(tm.group(1))], actors, ph.start + tm.start(1)
    return None


# gatherings one may be held at: "gặp … tại hội nghị NATO" names the summit by a
# shorter noun
_GATHERINGS = frozenset({"Summit", "Meeting", "Negotiation", "PressConference"})


_PARTICIPANT_ROLES = ("object", "party", "target", "of")
_VISITS = frozenset({"Visit"})


def _phrase_participants(ctx: ArticleContext, view: SentenceView, end: int, etype: str = "") -> list[Mention]:
    """Actors in the object, party ("với/giữa"), target ("đối với/nhằm vào") and "của"
    phrases after the trigger; a country that only qualifies a person's title
    ("Tổng thống Mỹ Donald Trump") or an outlet ("tờ Le Monde của Pháp") is left out."""
    found = ctx.found
    out: list[Mention] = []
    parses = title_parses(ctx, view)
    prev_role = ""
    prev: Phrase | None = None
    for ph in _phrases(ctx, view, end):
        prev_role, role_before = ph.role if ph.role != "of" else prev_role, prev_role
        before, prev = prev, ph
        if ph.role not in _PARTICIPANT_ROLES:
            continue
        if ph.role == "of" and role_before in ("place", "to", "other") and not _delegation_of(ctx, view, ph):
            continue  # "tới thủ đô Kiev của Ukraine": "của" qualifies the place, not the act
        # "giữa A và đặc phái viên của ông X": "của" qualifies the noun before it; the
        # person it names sent a party and is none ("Ngoại trưởng của các nước EU" are the EU's)
        envoy_of = ph.role == "of" and before is not None and before.role == "party" \
            and view.text[before.end - view.start : ph.start - view.start].strip().casefold() == "của" \
            and view.mention_covering(before.end - 1) is None and _ends_with_noun(ctx, view, before.end)
        if envoy_of and _lexicon().envoy_re.search(view.text, 0, before.end - view.start):
            continue  # "đặc phái viên của ông X": X sent the party
        ms = [m for m in view.mentions_in(ph.start, ph.end) if _actor(found, m)
              and entity_type(found, m) in ((PERSON, "Country", "Organization") if not envoy_of else ("Country", "Organization"))]
        if ph.role == "object" and etype in _GATHERINGS:
            ms = [m for m in ms if not _inside_event_name(ctx, view, ph, m)]
        if ph.role in ("object", "to") and etype in _VISITS:
            # "thăm chính thức Estonia và Thụy Điển", "chuyến thăm Nhà Trắng của X": the
            # states and bodies visited are destinations, the visitors are elsewhere
            ms = [m for m in ms if entity_type(found, m) not in ("Country", "Organization")]
        for m in ms:
            if entity_type(found, m) == "Country" and any(
                tp.org is m and tp.person is not None and tp.person in ms for tp in parses
            ):
                continue
            if ph.role == "of" and entity_type(found, m) == "Country" and any(
                entity_type(found, o) == "Organization" for o in out
            ):
                continue
            out.append(m)
    return out


def _task(ctx: ArticleContext, view: SentenceView, s: int, e: int) -> bool:
    """Is the sentence an instruction without a subject ("Tiếp cận, đàm phán với Mỹ để cân
    bằng thương mại", "Tiến hành đàm phán với phía Mỹ nhằm …"), as in a list of tasks set
    by a government? Only verbs (and adverbs, commas) stand before the trigger, and no actor
    follows a leading clause (unlike "Thị sát hiện trường ngày 2/4, Bộ trưởng X yêu cầu …")."""
    toks = _tokens(ctx, view.index)
    if not toks or toks[0].pos != "V" or view.text[: toks[0].start - view.start].strip():
        return False
    # only verbs, adverbs and commas before the trigger: "Tiếp cận, đàm phán", "Tiến hành đàm phán"
    if any(t.pos not in _TASK_POS for t in toks if t.end <= s):
        return False
    return not _first_actor_after(ctx, view, e)


_TASK_POS = frozenset({"V", "R", "CH", "C"})


def _opens_with_verb(ctx: ArticleContext, view: SentenceView, s: int) -> bool:
    """Does the clause holding the trigger at ``s`` open with a verb ("Trả lời câu hỏi
    của báo X tại buổi họp báo, …"): a leading clause without a subject of its own?"""
    lo = view.start + _clause_start(view.text, s - view.start)
    first = next((t for t in _tokens(ctx, view.index) if t.start >= lo), None)
    return first is not None and first.start < s and first.pos == "V"


def _delegation_of(ctx: ArticleContext, view: SentenceView, ph: Phrase) -> bool:
    """Does a "của" phrase name who travels: a person ("chuyến thăm tới Brazil của Tổng
    thống X") or a delegation ("… của phái đoàn Pháp"), not whose place it is ("tới thủ
    đô Kiev của Ukraine")?"""
    ms = [m for m in view.mentions_in(ph.start, ph.end) if _actor(ctx.found, m)]
    if not ms:
        return False
    if entity_type(ctx.found, ms[0]) == PERSON:
        return True
    lo = ph.start - view.start
    head = view.text[lo : ms[0].evidence.start - view.start]
    return _lexicon().delegation_re.search(head) is not None


def _inside_event_name(ctx: ArticleContext, view: SentenceView, ph: Phrase, m: Mention) -> bool:
    """Is a state or body in the object of a trigger only part of the event's name,
    after a few words opening with a capital that are no actor and no title ("Hội nghị Đại dương Liên
    hợp quốc", "cuộc họp báo Robocon Việt Nam 2025")? It names the organiser or the
    theme, not a party ("Hội nghị thượng đỉnh G20", "cuộc gặp Tổng thống Putin" stay).
    Only for gatherings: an interview's object is its outlet ("phỏng vấn Hãng tin AFP")."""
    if entity_type(ctx.found, m) == PERSON:
        return False
    head = view.text[ph.start - view.start : m.evidence.start - view.start]
    words = head.split()
    # a name capitalises its first syllable ("Đại dương", "Thiên văn Quốc gia")
    if not words or len(words) > 5 or not words[0][:1].isupper():
        return False
    if view.mentions_in(ph.start, m.evidence.start):
        return False  # "cuộc gặp Tổng thống Mỹ Donald Trump": actors before it
    return _role_titles().title_re.match(head) is None


def _ends_with_noun(ctx: ArticleContext, view: SentenceView, end: int) -> bool:
    last = next((t for t in reversed(_tokens(ctx, view.index)) if t.end <= end), None)
    return last is not None and last.pos in ("N", "Nc")


def _main_subject(ctx: ArticleContext, view: SentenceView, after: int) -> list[str]:
    """"Trả lời phỏng vấn kênh X hôm 3/5, người phát ngôn Y cho biết": Y."""
    text = view.text
    rel = after - view.start
    comma = text.find(",", rel)
    if comma < 0:
        return []
    # the subject ends right before the first reporting cue after the comma
    from .claims import _lexicon as claim_lex

    cm = claim_lex().cue_re.search(text, comma + 1)
    if cm is None:
        return []
    subj = subject_before(ctx, view, view.start + cm.start())
    if subj is None or subj.start < view.start + comma:
        return []
    return subj.speakers


def _resolve(ctx: ArticleContext, view: SentenceView, m: Mention) -> list[str]:
    """A mention as participants: "tân Tổng thống Mỹ" -> the person holding that title
    (only a title directly before the organisation; "nhà ngoại giao Nga" stays Russia)."""
    if entity_type(ctx.found, m) != PERSON:
        for tp in parses_by(ctx, view, "last").get(m.evidence.end, []):
            if (tp.org is m or tp.host is m) and tp.person is None and tp.last == m.evidence.end:
                org = tp.org or m
                pred = tp.info.predicate
                who = ctx.holder(pred, org.entity, m.evidence.start) if pred else None
                if who:
                    return [who]
    return [m.entity or ""]


_OWN_ACT = re.compile(r"\s*(?:(?:trong|tại|ở|với|sau|trước)(?!\w)[^,.;:]{0,30})?$", re.IGNORECASE)


def _speaks_of_own_act(view: SentenceView, subj_start: int, trig_start: int) -> bool:
    """Is the subject before a trigger an actor of it, although a cue lies between?

    "Pháp tuyên bố trục xuất …", "ông X nói trong cuộc họp báo": yes; "Bộ Ngoại giao
    Pháp chỉ trích đợt trừng phạt của Đức": no (the speaker only talks about it)."""
    text = view.text
    cues = list(_claim_lexicon().cue_re.finditer(text, subj_start - view.start, trig_start - view.start))
    if not cues:
        return True
    last = cues[-1]
    if stance_of(last.group(1)) in ("announce", "demand"):
        return True
    between = text[last.end() : trig_start - view.start]
    return bool(_OWN_ACT.match(between)) and len(between.split()) <= 4


def _cue_between(view: SentenceView, lo: int, hi: int) -> bool:
    return _claim_lexicon().cue_re.search(view.text, lo - view.start, hi - view.start) is not None


def _names_own_parties(ctx: ArticleContext, view: SentenceView, end: int) -> bool:
    """Does the trigger name its parties itself ("cuộc gặp giữa A và B")? Then a speaker
    before it ("Ông X khẳng định cuộc gặp giữa A và B sẽ diễn ra") only talks about it."""
    for ph in _phrases(ctx, view, end):
        if ph.role == "party" and ph.prep.casefold() == "giữa":
            actors = {m.entity for m in view.mentions_in(ph.start, ph.end) if _actor(ctx.found, m)}
            return len(actors) >= 2
    return False


# "Ảnh của X được chia sẻ trên mạng xã hội": a passive without its agent; the subject
# is what was posted, not who posted it ("được X chia sẻ" names the agent)
_PASSIVE_BEFORE = re.compile(r"(?<!\w)(?:được|bị)\s+$")  # lower case: "Nguyễn Văn Được" is a name


def _first_actor_after(ctx: ArticleContext, view: SentenceView, pos: int) -> list[str]:
    """The subject of the main clause after a leading clause ("Sau khi X, ông Y …",
    "Kể từ khi nhậm chức, ngày 5-2, Tổng thống X …")."""
    comma = view.text.find(",", pos - view.start)
    if comma < 0:
        return []
    start = view.start + comma + 1
    cue = _claim_lexicon().cue_re.search(view.text, comma + 1)
    limit = min(view.end, start + 80, view.start + cue.start() if cue else view.end)
    out: list[str] = []
    for m in view.mentions_in(start, limit):
        if not _actor(ctx.found, m) or entity_type(ctx.found, m) not in (PERSON, "Country", "Organization"):
            continue
        if _oblique(view, m, start):
            continue  # "…, Juventus tới Audi Field": where the subject went
        tp = next((p for p in title_parses(ctx, view) if p.org is m and p.person is not None), None)
        if tp is not None:
            m = tp.person
        who = _resolve(ctx, view, m)
        out += who
        # "hai Tổng thống A và B"
        nxt = re.match(r"\s*và\s+", view.text[m.evidence.end - view.start :])
        if nxt:
            m2 = view.mention_at(m.evidence.end + nxt.end())
            if m2 is not None and entity_type(ctx.found, m2) == entity_type(ctx.found, m):
                out += _resolve(ctx, view, m2)
        break
    return out


def _owners(ctx: ArticleContext, view: SentenceView, etype: str, trig: str, end: int) -> list[str]:
    """The owner a nominal act names after "của" ("cuộc tấn công của Israel", "chuyến thăm
    Ukraine của ngôi sao X"): the actors of a "của" phrase right after the trigger (after the
    place visited, for a Visit), when the type is one of ``owned_acts`` and the trigger has
    its classifier."""
    lex = _lexicon()
    if etype not in lex.owned_acts or not lex.classifier_re.match(trig):
        return []
    phrases = _phrases(ctx, view, end)[:2]
    for i, ph in enumerate(phrases):
        if ph.role != "of":
            if etype in _VISITS and i == 0 and ph.role == "object":
                continue  # "chuyến thăm Ukraine của X": the place visited, then its owner
            return []  # "cuộc phản công vào tỉnh Kursk của Nga": "của" qualifies the target
        kinds = (PERSON,) if etype == "Interview" else (PERSON, "Country", "Organization")
        return [m.entity for m in view.mentions_in(ph.start, ph.end)
                if m.entity and _actor(ctx.found, m) and entity_type(ctx.found, m) in kinds]
    return []


def _oblique(view: SentenceView, m: Mention, lo: int) -> bool:
    """Is ``m`` the object of a preposition of place or direction ("phát biểu tại Liên Hợp
    Quốc và gặp gỡ …", "trở về Việt Nam và có đến thăm …")? Then it is where something
    happened or went, not an actor standing before the trigger."""
    head = view.text[max(0, lo - view.start, m.evidence.start - view.start - 25) : m.evidence.start - view.start]
    return _lexicon().oblique_re.search(head) is not None


_OF_ONLY = re.compile(r"\s*của\s*", re.IGNORECASE)
_COORD_VERB = re.compile(r"(?:,\s*|\s)(?:và|rồi|đồng thời)\s+(?:cũng\s+)?$", re.IGNORECASE)


def _participants(
    ctx: ArticleContext, view: SentenceView, etype: str, s: int, e: int, prev: tuple[int, list[str]] | None = None
) -> tuple[list[str], list[str]]:
    """(subject participants, all participants) of one trigger.

    ``prev`` is (end, subject) of the previous trigger of the sentence: "Pháp trục
    xuất A và trục xuất B" gives the second act the first one's subject."""
    found = ctx.found
    out: list[str] = []
    text = view.text
    cue_re = _claim_lexicon().cue_re
    # before: the subject of the clause ("A và B đã có cuộc điện đàm", "Mỹ trục xuất …")
    cs = view.start + _clause_start(text, s - view.start)
    passive = etype in _SPEAKER_ONLY and _PASSIVE_BEFORE.search(text, 0, s - view.start) is not None
    # "… bắt giữ vài giờ sau cuộc tấn công": the subject before does something else
    held = etype in _lexicon().held_types and _lexicon().held_re.search(text, max(0, s - view.start - 30), s - view.start)
    lo_rel = window_start(text, s - view.start)
    coord = _COORD_VERB.search(text, lo_rel, s - view.start)
    subj = subject_before(ctx, view, s)
    if prev is not None and prev[1] and coord and prev[0] <= view.start + coord.start() and (
        subj is None or subj.start < prev[0]
    ):
        out += prev[1]
    elif subj is not None and not passive and subj.start >= cs - 1 and _speaks_of_own_act(view, subj.start, s) and not (
        _cue_between(view, subj.start, s) and _names_own_parties(ctx, view, e)
    ):
        out += subj.speakers
    elif passive or held:
        pass  # "Hình ảnh X được chia sẻ trên mạng xã hội": X was posted, did not post
    else:
        head = text[cs - view.start : s - view.start]
        pm = _lexicon().pair_re.search(head)
        if pm:
            leaders = recent_leaders(ctx, view.start + pm.start(), 2)
            out += leaders
            # "hai nhà lãnh đạo" also brings their two countries in
            out += sorted({r.org for r in found.roles if r.person in leaders and r.org
                           and r.predicate in ("president_of", "prime_minister_of")})
        else:
            last_cue = None
            for cm in cue_re.finditer(text, cs - view.start, s - view.start):
                last_cue = cm
            lo = view.start + last_cue.end() if last_cue else cs
            ms = [m for m in view.mentions_in(lo, s)
                  if _actor(found, m) and entity_type(found, m) in (PERSON, "Country", "Organization")
                  and not _oblique(view, m, lo)]
            for m in ms:
                if entity_type(found, m) != PERSON and any(
                    tp.org is m and tp.person is not None and tp.person in ms for tp in title_parses(ctx, view)
                ):
                    continue  # "Phó chủ tịch UBND TP X Lê Văn A tại hội nghị": the body only qualifies A's title
                out += _resolve(ctx, view, m)
    if not out and not passive and not held:
        # "X, ông Y, trong cuộc phỏng vấn với Z, cho biết", "Phái đoàn X - do Y dẫn
        # đầu - đã có mặt tại …": the subject stands before an apposition
        out += _appositive_subject(ctx, view, s)
    if not out and not passive and not held:
        # "…, ông X trả lời báo chí, trước khi lên chuyên cơ đến …": a subordinate
        # clause without its own subject acts for the clause before it
        out += _subordinate_subject(ctx, view, s)
    subject_part = list(out)
    # after: the object and the "với/giữa/đối với/của" phrases of the trigger's clause
    for m in _phrase_participants(ctx, view, e, etype):
        out += _resolve(ctx, view, m)
    clause_head = text[_clause_start(text, s - view.start) : s - view.start]
    # a leading clause without its own subject ("Sau khi thị sát …, ông X …"):
    # nothing before the trigger names an actor (a leading source "Theo kênh X, …" or
    # the press asking "Trả lời câu hỏi của báo X tại buổi họp báo, …" names none)
    aside = _bystanders(ctx, view, s, etype)
    no_actor_before = not passive and all(
        any(a <= m.evidence.start and m.evidence.end <= b for a, b in aside) for m in view.mentions_in(view.start, s)
    )
    speaker_event = etype in _lexicon().speaker_events
    opener = len(clause_head.split()) <= 4 and no_actor_before
    if opener and (speaker_event or not any(
        entity_type_id(found, p) == PERSON for p in out
    )):
        main = _main_subject(ctx, view, e) if speaker_event else []
        out += main or _first_actor_after(ctx, view, e)
    elif speaker_event and no_actor_before and _opens_with_verb(ctx, view, s) and _in_prepositional(text, s - view.start):
        # a longer leading clause opened by its verb, the trigger in its "tại/trong" phrase
        # ("Trả lời câu hỏi của báo X tại buổi họp báo ngày 3/5, ông Y cho biết"): Y
        # speaks there; only the subject of the reporting cue, no other actor after it
        out += _main_subject(ctx, view, e)
    wm = _WHEN_GOING.search(text, max(0, s - view.start - 30), s - view.start)
    if wm and not subject_part and not view.mentions_in(view.start + wm.start(), s):
        # "Tổng thống X …, khi tới dự hội nghị thượng đỉnh NATO": the clause of "khi" has
        # no subject of its own; the sentence's subject goes (attends, meets)
        firsts = [m for m in view.mentions_in(view.start, view.start + wm.start())
                  if _actor(found, m) and m.evidence.start - view.start <= 60]
        people = [m for m in firsts if entity_type(found, m) == PERSON]
        if people and people[0].evidence.start - firsts[0].evidence.end > 2:
            people = []  # a person named later than the subject is not its head
        if firsts:
            who = [people[0].entity] if people else _resolve(ctx, view, firsts[0])
            subject_part = subject_part + [p for p in who if p not in subject_part]
            out = who + out
    seen: list[str] = []
    for p in out:
        if p and p not in seen:
            seen.append(p)
    return subject_part, seen


_APPOSITION_HEAD = re.compile(r"^(?:ông|bà|ngài|gồm|bao gồm|trong đó có|gồm có)?$", re.IGNORECASE)
# words that make the segment before a trigger a clause of its own, not a subject
_NOT_APPOSITION = frozenset({"theo", "của", "với", "tại", "ở", "trong", "sau", "trước", "cho", "về", "từ", "khi", "và", "nhưng", "như"})
_SUBORDINATE = re.compile(r"^(?:ngay\s+)?(?:trước khi|sau khi|khi|trước lúc)\s+$", re.IGNORECASE)


def _segment_index(segs: list[tuple[int, int]], rel: int) -> int:
    return max(0, min(bisect_right([a for a, _ in segs], rel) - 1, len(segs) - 1))


def _own_head_is_free(ctx: ArticleContext, view: SentenceView, s: int, opening: bool = False) -> tuple[int, int] | None:
    """(segment index, segment start) of the trigger when the words before it in its
    comma segment name no actor and are few. With ``opening``, those words must also
    open a predicate: an adverb or a verb ("đang có chuyến thăm", "đã có mặt tại") or
    "trong" ("trong cuộc phỏng vấn với …"); "cũng như sau cuộc điện đàm", "quốc gia
    đăng cai hội nghị" continue something else."""
    segs = _segments_of(ctx, view)
    idx = _segment_index(segs, s - view.start)
    a = segs[idx][0]
    head = view.text[a : s - view.start]
    if idx == 0 or len(head.split()) > 5 or view.mentions_in(view.start + a, s):
        return None
    if opening and head.strip():
        first = next((t for t in _tokens(ctx, view.index) if t.start >= view.start + a), None)
        if first is None or not (first.pos in ("R", "V") or first.text.casefold() == "trong"):
            return None
        if any(w.casefold() in _NOT_APPOSITION for w in head.split()[1:]):
            return None
    return idx, a


def _appositive_subject(ctx: ArticleContext, view: SentenceView, s: int) -> list[str]:
    """The actors of the noun phrase that closes the segment before the trigger's own
    (or before a dashed apposition), when that segment is only that noun phrase."""
    free = _own_head_is_free(ctx, view, s, opening=True)
    if free is None:
        return []
    idx, _ = free
    segs = _segments_of(ctx, view)
    for back in (1, 2):
        j = idx - back
        if j < 0:
            break
        if back == 2:
            # only across an apposition set off by dashes: "X - do Y dẫn đầu - đã …"
            sep1 = view.text[segs[j][1] : segs[j + 1][0]]
            sep2 = view.text[segs[j + 1][1] : segs[idx][0]]
            if not (sep1.strip() in "-–—" and sep2.strip() in "-–—" and sep1.strip() and sep2.strip()):
                break
        a, b = segs[j]
        ms = [m for m in view.mentions_in(view.start + a, view.start + b)
              if _actor(ctx.found, m) and entity_type(ctx.found, m) in (PERSON, "Country", "Organization")]
        if not ms:
            continue
        if view.text[ms[-1].evidence.end - view.start : b].strip(" \"”“'"):
            continue  # the segment does not end with the name
        if not _noun_phrase_only(ctx, view, a, b):
            continue  # a clause of its own ("X cho biết …", "… của Y tại Z"), not a subject
        head = view.text[a : ms[0].evidence.start - view.start].split()
        if head and _APPOSITION_HEAD.match(head[0]):
            head = head[1:]
        people = [m for m in ms if entity_type(ctx.found, m) == PERSON]
        if people and head and head[0][:1].isupper() and len(head) <= 6:
            head = []  # a title printed before the name ("Bộ trưởng Lục quân")
        if len(head) > 2 or (not people and j > 0):
            # a clause, or "…, Chủ tịch Liên đoàn X, …": a title describing someone named before
            continue
        return list(dict.fromkeys(m.entity for m in (people or ms[:1]) if m.entity))
    return []


def _noun_phrase_only(ctx: ArticleContext, view: SentenceView, a: int, b: int) -> bool:
    """Is sentence segment [a, b) a noun phrase: no lower-case verb and no preposition
    outside its actor names (titles such as "Tổng tham mưu trưởng" may be tagged V)?"""
    lo, hi = view.start + a, view.start + b
    spans = [(m.evidence.start, m.evidence.end) for m in view.mentions_in(lo, hi)]
    for t in _tokens(ctx, view.index):
        if t.start < lo or t.end > hi or any(x <= t.start and t.end <= y for x, y in spans):
            continue
        w = t.text.replace("_", " ").casefold()
        if (w in _NOT_APPOSITION and w != "và") or w in ("gồm", "bao gồm"):
            if w in ("gồm", "bao gồm") and t.start == lo:
                continue
            return False
        if t.pos == "V" and not t.text[:1].isupper() and t.start > lo:
            return False
    return True


def _subordinate_subject(ctx: ArticleContext, view: SentenceView, s: int) -> list[str]:
    """The subject of the clause before a trailing "trước khi/sau khi/khi" clause."""
    free = _own_head_is_free(ctx, view, s)
    if free is None:
        return []
    idx, a = free
    words = view.text[a : s - view.start].split()
    if not any(_SUBORDINATE.match(" ".join(words[:k]) + " ") for k in (1, 2, 3)):
        return []
    segs = _segments_of(ctx, view)
    pa, pb = segs[idx - 1]
    # the subject heads the clause before: its first actor, within a few words
    for m in view.mentions_in(view.start + pa, view.start + pb):
        if m.evidence.start - view.start - pa > 40:
            break
        if not _actor(ctx.found, m) or entity_type(ctx.found, m) not in (PERSON, "Country", "Organization"):
            continue
        tp = next((p for p in title_parses(ctx, view) if p.org is m and p.person is not None), None)
        return _resolve(ctx, view, tp.person if tp is not None else m)
    return []


_WHEN_GOING = re.compile(
    r"(?<!\w)khi\s+(?:(?:tới|đến|sang|đi)\s+)?(?:(?:dự|tham dự|tham gia|có mặt tại)\s+)?$", re.IGNORECASE
)


_SEGMENT_BREAK = re.compile(r"[,;:]\s|\s[-–—]\s")


def _segments(text: str) -> list[tuple[int, int]]:
    out, last = [], 0
    for m in _SEGMENT_BREAK.finditer(text):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, len(text)))
    return out


def _date(ctx: ArticleContext, view: SentenceView, s: int, e: int) -> str | None:
    """The date of the trigger's own comma segment, else of a neighbouring segment
    that names no other event ("Rạng sáng nay, A và B đã có cuộc điện đàm").
    A date separated from the trigger by a reporting cue dates the saying, not
    the event ("Ông X ngày 3/5 nói rằng hội nghị thượng đỉnh …")."""
    lex = _lexicon()
    segs = _segments_of(ctx, view)
    rel = s - view.start
    idx = bisect_right([a for a, _ in segs], rel) - 1
    idx = max(0, min(idx, len(segs) - 1))
    cue_re = _claim_lexicon().cue_re

    def in_seg(i: int) -> list:
        a, b = segs[i]
        out = []
        for t in ctx.times_in(view.index):
            if t.kind in ("year", "period"):
                continue
            if not (view.start + a <= t.start < view.start + b):
                continue
            # the words between the date and the trigger (the trigger itself may hold a
            # cue: "bài phát biểu tối 21-4", "phát biểu tại diễn đàn … ngày 20/6")
            if t.start >= e:
                lo, hi = e - view.start, t.start - view.start
            else:
                lo, hi = t.end - view.start, rel
            cm = cue_re.search(view.text, lo, hi) if hi > lo else None
            if cm and stance_of(cm.group(1)) not in ("announce", "demand"):
                continue
            if t.start >= e and _CONTENT_OPENER.search(view.text, lo, hi):
                continue  # "tuyên bố trên mạng xã hội rằng … vào ngày 15-6": the content's date
            out.append(t)
        return out

    own = in_seg(idx)
    if own:
        best = min(own, key=lambda t: 0 if s <= t.start < e else min(abs(t.start - e), abs(s - t.end)))
        return best.value
    # "…, ông X ngày 3/7 trả lời báo chí, trước khi lên chuyên cơ đến …": a clause of
    # time without a date of its own happens on the day of the clause it hangs on
    head = view.text[segs[idx][0] : rel]
    subordinate = idx > 0 and any(_SUBORDINATE.match(" ".join(head.split()[:k]) + " ") for k in (1, 2, 3))
    for j in (idx - 1, idx + 1):
        if 0 <= j < len(segs):
            cands = in_seg(j)
            a, b = segs[j]
            if cands and (not lex.trigger_re.search(view.text, a, b) or (subordinate and j == idx - 1)):
                return cands[0].value if j > idx else cands[-1].value
    # "A gặp B, các chỉ huy …, bắt đầu từ ngày 19-11": a later segment opened by
    # the event's own verb ("diễn ra", "bắt đầu", "kéo dài") dates it
    for j in range(idx + 1, min(len(segs), idx + 4)):
        a, b = segs[j]
        if lex.trigger_re.search(view.text, a, b):
            break
        if lex.event_verb_re.match(view.text, a):
            cands = in_seg(j)
            if cands:
                return cands[0].value
            break
    return None


# what opens the content of a statement: a date after it dates what was said, not the saying
_CONTENT_OPENER = re.compile(r"(?<!\w)rằng(?!\w)|:")


def _segments_of(ctx: ArticleContext, view: SentenceView) -> list[tuple[int, int]]:
    key = ("segments", view.index)
    got = ctx.cache.get(key)
    if got is None:
        got = ctx.cache[key] = _segments(view.text)
    return got


def _triggers(view: SentenceView) -> list[tuple[int, int, str, str, str]]:
    """(start, end, trigger, type, key) of every trigger of a sentence, longest first
    where two overlap: a composed one ("viết trên mạng xã hội X") beats the words in it."""
    lex = _lexicon()
    cands: list[tuple[int, int, str, str, str]] = []
    for etype, rx in lex.composed:
        for m in rx.finditer(view.text):
            cands.append((m.start(), m.end(), m.group(0), etype, _key(m.group("medium"))))
    for tm in lex.announce_re.finditer(view.text):
        cands.append((tm.start(), tm.end(), tm.group(0), "Statement", "announcement"))
    for tm in lex.travel_re.finditer(view.text):
        cands.append((tm.start(), tm.end(), tm.group(0), "Visit", "thăm"))
    for tm in lex.trigger_re.finditer(view.text):
        trig = tm.group(1)
        etype = lex.type_of.get(_key(trig))
        if etype is not None:
            cands.append((tm.start(1), tm.end(1), trig, etype, trigger_key(trig)))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[tuple[int, int, str, str, str]] = []
    for c in cands:
        if out and c[0] < out[-1][1]:
            continue
        out.append(c)
    return out


def _announcing_body(ctx: ArticleContext, view: SentenceView, s: int) -> bool:
    """Is the subject right before an announcement verb a government body ("Bộ Quốc
    phòng Nga", "Nhà Trắng"), a date between them allowed ("Bộ X ngày 9/4 công bố")?"""
    subj = subject_before(ctx, view, s)
    if subj is None:
        return False
    m = view.mention_at(subj.start)
    if m is None or entity_type(ctx.found, m) != "Organization":
        return False
    return _lexicon().bodies_re.match(view.text, m.evidence.start - view.start) is not None


def _travellers(ctx: ArticleContext, view: SentenceView, subject: list[str], s: int) -> bool:
    """Does the subject of a verb of travel name an official traveller: a person the
    article gives an office, or a state or body through its delegation ("phái đoàn Nga
    đã bay đến …")? A singer's tour, a firm or a product "có mặt tại Việt Nam" are not
    visits."""
    holders = {r.person for r in ctx.found.roles}
    if any(entity_type_id(ctx.found, p) == PERSON and p in holders for p in subject):
        return True
    for m in view.mentions_in(view.start, s):
        if m.entity in subject:
            lo = max(0, m.evidence.start - view.start - 40)
            if _lexicon().delegation_re.search(view.text, lo, m.evidence.start - view.start):
                return True
    return False


def _is_travel(trig: str) -> bool:
    lex = _lexicon()
    return _key(trig) not in lex.type_of and lex.travel_re.fullmatch(trig) is not None


def _destination(ctx: ArticleContext, view: SentenceView, end: int) -> str | None:
    """The destination of a verb of travel: the country or place heading the phrase
    right after it ("bay đến [Istanbul]", "đến [bang Iowa]"), else None ("có mặt tại
    hiện trường", "thăm hỏi gia đình" are no visits)."""
    phrases = _phrases(ctx, view, end)
    if not phrases or phrases[0].role not in ("object", "place", "to"):
        return None
    ph = phrases[0]
    ms = view.mentions_in(ph.start, ph.end)
    if not ms or entity_type(ctx.found, ms[0]) not in _LOCATION_TYPES:
        return None
    before = view.text[ph.start - view.start : ms[0].evidence.start - view.start].split()
    if len(before) > 1 or (before and _key(before[0]) not in _lexicon().travel_heads):
        return None
    return ms[0].entity


_NAME_AFTER = re.compile(r" (?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|[A-Z]\w*[0-9]\w*)(?!\w)")


_SPEAKER_ONLY = frozenset({"Statement"})


def _split_objects(ctx: ArticleContext, view: SentenceView, etype: str, trig: str, s: int) -> list[str]:
    """The actors of the object inside a split trigger ("cấm [8 quan chức Mỹ] nhập cảnh")."""
    for ct, rx in _lexicon().composed:
        if ct != etype or "obj" not in rx.groupindex:
            continue
        m = rx.fullmatch(trig)
        if m is None:
            continue
        ms = [x for x in view.mentions_in(s + m.start("obj"), s + m.end("obj")) if _actor(ctx.found, x)
              and entity_type(ctx.found, x) in (PERSON, "Country", "Organization")]
        # "cấm 8 quan chức Mỹ nhập cảnh …, trong đó có A, B và C": the people named
        lm = _NAMED_AFTER.search(view.text, s + len(trig) - view.start)
        if lm and lm.start() - (s + len(trig) - view.start) <= 40:
            stop = re.compile(r"[.;:!?]").search(view.text, lm.end())
            hi = view.start + (stop.start() if stop else len(view.text))
            people = [x.entity for x in view.mentions_in(view.start + lm.end(), hi)
                      if entity_type(ctx.found, x) == PERSON]
            if people:
                return list(dict.fromkeys(people))
        return [x.entity for x in ms]
    return []


_NAMED_AFTER = re.compile(r",\s*(?:trong đó có|trong số đó có|trong đó gồm|bao gồm|gồm|gồm có)(?!\w)", re.IGNORECASE)


def find_event_mentions(doc: Doc, found: Extraction, ctx: ArticleContext | None = None) -> list[_Mention]:
    lex = _lexicon()
    ctx = ctx or make_context(doc, found)
    aid = doc.article.id
    out: list[_Mention] = []
    for view in ctx.views:
        prev: tuple[int, list[str]] | None = None
        venues: set[tuple[int, str]] = set()  # (start, type) of triggers that name where another act is held
        for ts, te, trig, etype, key in _triggers(view):
            if (view.start + ts, etype) in venues:
                continue  # "gặp ông X tại hội nghị …": the venue is not a second meeting merged into it
            if _blocked(view.text, ts):
                continue
            if _inside_name(view.text, ts, te, view.mention_at(view.start + te) is not None):
                continue
            if lex.not_after_re.search(view.text, max(0, ts - 30), ts):
                continue
            if lex.generic_after_re.match(view.text, te):
                continue
            if not lex.classifier_re.match(trig) and lex.topic_head_re.search(view.text, max(0, ts - 40), ts):
                continue  # "phương án đàm phán với Mỹ": what a plan is about, no act
            stop = _CLAUSE_BREAK.search(view.text, te)
            if lex.hedged_re.search(view.text, te, stop.start() if stop else len(view.text)) and not _in_prepositional(view.text, ts):
                continue  # "cuộc gặp như vậy khó có thể diễn ra" (not "… trong chuyến thăm X, bị đánh giá là khó khả thi")
            if etype in lex.sport_types and _sport(ctx, view):
                continue  # "U23 Việt Nam chỉ tấn công ở cánh trái": play, not war
            if key in lex.needs_object and not _clause_names(view.text, ts, te, lex.needs_object[key]):
                continue  # "người di cư bị trục xuất": no diplomat expelled
            if etype in lex.negotiated_types and lex.negotiated_re.search(view.text, max(0, ts - 80), ts):
                continue  # "đàm phán với Mỹ về thỏa thuận thương mại": what is negotiated
            s, e = view.start + ts, view.start + te
            travel = etype == "Visit" and _is_travel(trig)
            where = _destination(ctx, view, e) if travel else _place_after(ctx, view, e, etype)
            if travel and where is None:
                continue
            announce = etype == "Statement" and key == "announcement"
            if announce and not _announcing_body(ctx, view, s):
                continue
            subj_part, parts = _participants(ctx, view, etype, s, e, prev)
            if travel and not _travellers(ctx, view, subj_part, s):
                continue  # nobody named travels
            if not subj_part and etype not in lex.speaker_events and _task(ctx, view, s, e):
                continue  # "Tiếp cận, đàm phán với Mỹ để …": a task set in a list, no act told
            owners = _owners(ctx, view, etype, trig, e) if subj_part else []
            if owners and not set(subj_part) & set(owners):
                # "Ngoại trưởng A lên án cuộc tấn công của Israel": the act is Israel's
                parts = [p for p in parts if p not in subj_part]
                subj_part = owners
            prev = (e, subj_part)
            parts += [p for p in _split_objects(ctx, view, etype, trig, s) if p not in parts]
            if etype in _SPEAKER_ONLY and subj_part:
                parts = list(subj_part)  # a statement is its speaker's; what it names is its content
            if etype in _SPEAKER_ONLY:
                # "video đăng trên TikTok và Facebook": the platform carries the post, it says nothing
                parts = [p for p in parts if not (p in ctx.found.entities and {
                    _key(a) for a in ctx.found.entities[p].aliases | {ctx.found.entities[p].label}} & lex.media)]
            parts = [p for p in parts if p != where]
            aside = _bystanders(ctx, view, s, etype)
            if aside:
                parts = [p for p in parts if not _only_bystander(ctx, view, p, aside)]
            ev = Evidence(aid, view.index, s, e, NAME)
            mention = _Mention(etype, trig, key, where, _date(ctx, view, s, e), parts, ev)
            if announce and mention.when is None:
                continue  # an undated "Bộ X thông báo" reports, it names no act
            mention.distinct = bool(lex.distinct_re.match(view.text, te))
            mention.back_ref = bool(lex.back_ref_re.match(view.text, te))
            mention.host = _host(ctx, view, e)
            if mention.host is not None and mention.host[0] == etype:
                venues.add((mention.host[2], mention.host[0]))
            if mention.back_ref:
                own = [_resolve(ctx, view, x) for x in _phrase_participants(ctx, view, e)]
                mention.own = [p for ps in own for p in ps if p and p in parts]
            det = lex.generic_det_re.search(view.text, max(0, ts - 20), ts) or lex.relative_re.search(
                view.text, max(0, ts - 90), ts
            ) or (etype in lex.participle_types and lex.participle_re.search(view.text, max(0, ts - 60), ts))
            # "Nga vượt qua các lệnh trừng phạt": the subject endures them; only a
            # subject that imposes, announces or adopts them ("Mỹ công bố các lệnh …") tells an act
            # "các cuộc tấn công mạng SolarWinds": a name after the trigger makes it specific
            named = _NAME_AFTER.match(view.text, te)
            mention.generic = bool(det) and not named and not (
                subj_part and lex.imposing_re.search(view.text, max(0, det.start() - 30), det.start())
            )
            mention.actor = subj_part[0] if subj_part else None
            out.append(mention)
    _date_from_follow_up(ctx, out)
    _date_from_scene(ctx, out)
    return out


# a date that opens a clause ("Ngày 23-5, …", "Theo Reuters, ngày 1-6, …", "Cũng trong
# ngày 21-4, …") sets the scene of the narration that follows it
_SCENE_TYPES = frozenset({"Statement"})
_SCENE_SPAN = 4  # sentences
# an act told in a clause of time relative to another ("ngay sau khi ông X tuyên bố …")
# or as background ("trước đó", "từng") is not on the date of the scene
_NOT_SCENE = re.compile(r"(?<!\w)(?:sau khi|trước khi|trước đó|từng|hồi)(?!\w)", re.IGNORECASE)


def _date_from_scene(ctx: ArticleContext, mentions: list[_Mention]) -> None:
    """An undated statement takes the date of the nearest clause-opening date of the
    few sentences before it (or of its own sentence, before the trigger)."""
    for m in mentions:
        if m.when is not None or m.type not in _SCENE_TYPES:
            continue
        si = m.evidence.sentence
        own = next((v for v in ctx.views if v.index == si), None)
        if own is not None and _NOT_SCENE.search(own.text, max(0, m.evidence.start - own.start - 40), m.evidence.start - own.start):
            continue
        for idx in range(si, max(-1, si - _SCENE_SPAN - 1), -1):
            view = next((v for v in ctx.views if v.index == idx), None)
            if view is None:
                continue
            times = [
                t for t in ctx.times_in(idx)
                if t.value and (idx < si or t.end <= m.evidence.start)
                and (t.text.lower().startswith("cùng ngày") or (t.kind == "date" and view.text[t.end - view.start:t.end - view.start + 1] == ","))
            ]
            if times:
                m.when = times[-1].value
                break


# "… ông X trả lời báo chí. Phát biểu này được ông X đưa ra hôm 3-4 …":
# the next sentence dates "the comment above"
_BACK_REFERENCE = re.compile(
    r"(?<!\w)(?:bình luận|phát biểu|tuyên bố|phỏng vấn|cuộc gặp|cuộc họp|cuộc điện đàm|thông báo)\s+(?:trên|này|đó)(?!\w)",
    re.IGNORECASE,
)


def _date_from_follow_up(ctx: ArticleContext, mentions: list[_Mention]) -> None:
    """A sentence that dates "the comment above" dates the last undated statement-like
    event of the few sentences before it."""
    speaker_events = _lexicon().speaker_events
    for view in ctx.views:
        ref = _BACK_REFERENCE.search(view.text)
        if ref is None:
            continue
        later = [t for t in ctx.times_in(view.index) if t.start >= view.start + ref.end() and t.value and t.kind == "date"]
        if not later:
            continue
        before = [
            m for m in mentions
            if m.type in speaker_events and view.index - 5 <= m.evidence.sentence < view.index
        ]
        if before and before[-1].when is None:
            before[-1].when = later[0].value


def _compatible(a: _Mention | Event, b: _Mention, merge_any: frozenset[str], a_key: str) -> bool:
    if a.type != b.type:
        return False
    same_sentence = a.type in _lexicon().merge_in_sentence and isinstance(a, _Mention) and a.evidence.sentence == b.evidence.sentence
    if a.type not in merge_any and a_key != b.key and not same_sentence:
        return False
    a_actor = getattr(a, "actor", None)
    if (a.type not in merge_any or a.type in _SPEAKER_ONLY) and a_actor and b.actor and a_actor != b.actor:
        return False  # "Pháp trục xuất …" and "Đức trục xuất …" are two acts; so are two speakers' statements
    if a.where and b.where and a.where != b.where:
        return False
    if a.when and b.when and a.when != b.when:
        return False
    pa, pb = set(a.participants), set(b.participants)
    same_place = bool(a.where and a.where == b.where)
    same_day = bool(a.when and a.when == b.when)
    if pa and pb and not (pa <= pb or pb <= pa or (a.type in merge_any and (pa & pb or same_place or same_day))):
        return False
    if a.type not in merge_any and (pa or pb) and not (pa and pb) and a_key == b.key:
        return True
    return True


def event_id(etype: str, when: str | None, where: str | None, participants: list[str]) -> str:
    raw = "|".join([etype, when or "", where or "", ",".join(sorted(participants))])
    return f"event_{hashlib.sha1(raw.encode()).hexdigest()[:16]}"


def _enough(head: _Mention, entity_types: dict[str, str], local_places: frozenset[str],
            holders: frozenset[str] | None = None) -> bool:
    """Does the merged event name what its type needs? An actor taking part (a strike
    may have only its place); two parties for a meeting or a call; a state,
    organisation or place (not only a ward or commune, ``local_places``) for an act
    named by a common word."""
    lex = _lexicon()
    if head.type in lex.two_parties and len(set(head.participants)) < 2:
        return False
    if head.type in lex.state_if_alone and len(set(head.participants)) < 2 and not any(
        entity_types.get(p) == "Country" for p in head.participants
    ):
        return False  # "lịch tiếp nhận tàu mà hãng X đàm phán được": one company's business
    if head.type in lex.needs_person and not any(entity_types.get(p) == "Person" for p in head.participants):
        return False  # "trong một cuộc phỏng vấn với Teen Vogue": who was interviewed, not named
    if not head.participants and not (head.type in lex.placed_without_actor and head.where):
        return False  # "trong buổi họp báo ngày 27-3": nobody named takes part
    if head.key in lex.needs_polity and (not head.where or head.where in local_places) and not any(
        entity_types.get(p) in ("Country", "Organization", "Place") for p in head.participants
    ):
        return False
    if holders is not None and head.key in lex.needs_office and not any(
        p in holders or entity_types.get(p) in ("Country", "Organization") for p in head.participants
    ):
        return False  # "Số phận đưa A gặp gỡ B": two private people met
    return True


def merge_events(mentions: list[_Mention], entity_types: dict[str, str] | None = None,
                 local_places: frozenset[str] = frozenset(), holders: frozenset[str] | None = None) -> list[Event]:
    """Mentions of one event (same type, compatible date/place/participants) -> one Event."""
    lex = _lexicon()
    entity_types = entity_types or {}
    groups: list[tuple[_Mention, list[_Mention]]] = []
    for m in mentions:
        bare = not (m.participants or m.where or m.when)
        if m.back_ref or bare or m.generic:
            # "chuyến thăm này", a bare "cuộc gặp": the last act of its type told before
            # the last act of the same noun ("chuyến thăm … chuyến thăm này"), else of its type
            earlier = next((g for g in reversed(groups) if g[0].type == m.type and g[0].key == m.key), None) if m.back_ref else None
            if earlier is None and m.type in lex.merge_any:
                earlier = next((g for g in reversed(groups) if g[0].type == m.type), None)
            if earlier is not None and not m.distinct:
                earlier[1].append(m)
                earlier[0].when = earlier[0].when or m.when
                earlier[0].where = earlier[0].where or m.where
                # "ông X cũng dự kiến gặp Y sau chuyến thăm nói trên": the mention's
                # own arguments are the act's too
                earlier[0].participants += [p for p in (m.own if m.back_ref else ())
                                            if p not in earlier[0].participants and p != earlier[0].where]
                continue
            if bare or m.generic:
                continue  # no arguments, or a general mention: not an act this article tells
        for head, members in groups:
            if not m.distinct and _compatible(head, m, lex.merge_any, head.key):
                members.append(m)
                head.where = head.where or m.where
                head.when = head.when or m.when
                head.participants += [p for p in m.participants if p not in head.participants]
                head.actor = head.actor or m.actor
                break
        else:
            head = _Mention(m.type, m.trigger, m.key, m.where, m.when, list(m.participants), m.evidence)
            head.actor = m.actor
            groups.append((head, [m]))
    # "gặp ông X tại hội nghị thượng đỉnh NATO": held at the summit, on its day
    for head, members in groups:
        spec = next((m.host for m in members if m.host), None)
        if spec is None or head.when:
            continue
        htype, hactors, _ = spec

        def fits(h: _Mention) -> bool:
            if h is head or not h.when:
                return False
            if hactors:
                return bool(set(hactors) & set(h.participants)) and (h.type == htype or {h.type, htype} <= _GATHERINGS)
            return h.type == htype and h.type != head.type

        host = next((h for h, _ in groups if fits(h)), None)
        if host is not None:
            head.when = host.when
            head.where = head.where or host.where
    out: list[Event] = []
    for head, members in groups:
        if not _enough(head, entity_types, local_places, holders):
            continue
        out.append(
            Event(
                id=event_id(head.type, head.when, head.where, head.participants),
                type=head.type,
                trigger=head.trigger,
                where=head.where,
                when=head.when,
                participants=list(head.participants),
                evidence=[m.evidence for m in members],
            )
        )
    return out


@COMPONENTS.register("events")
def events(doc: Doc, found: Extraction) -> None:
    lex = _lexicon()
    types = {eid: e.type for eid, e in found.entities.items()}
    # "phường Bắc Sơn": places the article names only as a local division
    local = frozenset(eid for eid, e in found.entities.items()
                      if e.type == "Place" and any(a.casefold().startswith(lex.local_divisions) for a in e.aliases))
    holders = frozenset(r.person for r in found.roles)
    found.events = merge_events(find_event_mentions(doc, found), types, local, holders)
