"""Who speaks or acts: the noun phrase before a verb, resolved to entity ids.

Claims and events both need the actor written right before a verb ("ông
Peskov ngày 29/6 cũng đã cho biết", "Nga trục xuất …"), resolved the way a
reader resolves it: a title without a name ("Người phát ngôn Điện Kremlin")
through the article's roles, "ông"/"bà"/"nhà ngoại giao Nga" through the last
person named, "hai nhà lãnh đạo" through the two leaders named before, "cả A
và B" to both. Unnamed actors ("một quan chức Mỹ") resolve to nothing. The
words (adverbs between actor and verb, pronouns, determiners) are data in
``ontology/lexicons/reporting_verbs.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from ..lexicon.load import load_yaml
from ..model import Doc, Extraction, Mention, Role
from .quotes import find_quotes
from .roles import TitleParse, _lexicon as _titles, parse_after_title, title_info
from .spans import COUNTRY, PERSON, PLACE, SentenceView, entity_type, person_name_index, sentence_views, window_start, word_alt

__all__ = [
    "ArticleContext", "Subject", "make_context", "subject_before", "np_at_end", "described_person", "title_parses",
    "parses_by", "recent_leaders", "entity_type_id", "speaker_words",
]

_MAX_COORD = 4
_MAX_FREE_WORDS = 3
_LEADER_PREDICATES = ("president_of", "prime_minister_of", "leader_of", "foreign_minister_of")


@dataclass(frozen=True)
class SpeakerWords:
    between_tail: re.Pattern[str]
    pronoun_tail: re.Pattern[str]
    pair_tail: re.Pattern[str]
    unnamed_tail: re.Pattern[str]
    unnamed_alt: str
    place_descriptor_tail: re.Pattern[str]
    actor_description_tail: re.Pattern[str]  # "cơ quan này", "nước này": the last actor of a type
    actor_description_type: dict[str, str]
    statement_of_tail: re.Pattern[str]  # "tuyên bố của " before an actor: the actor speaks
    leader_tail: re.Pattern[str]  # "nhà lãnh đạo " before a country: its named leader speaks
    org_head_tail: re.Pattern[str]  # "Phòng Thương mại " before a country: part of an organisation's name
    country_as_actor_heads: frozenset[str]  # "phía", "chính phủ" before a country: the country acts
    place_as_actor_heads: frozenset[str]  # the same before a city or province ("chính quyền Seoul")
    person_relations: frozenset[str]  # "mẹ", "gia đình", "công ty quản lý" right before a person's name
    preposition_tail: re.Pattern[str]  # "với ", "cho ", "tại " right before an actor: its phrase is no subject
    collective_tail: re.Pattern[str]  # "truyền thông ", "dư luận " before a country: the country does not speak
    member_tail: re.Pattern[str]  # "nam sinh ", "cầu thủ " before an organisation: its member speaks, unnamed


@cache
def speaker_words() -> SpeakerWords:
    data = load_yaml("reporting_verbs.yaml")
    I = re.IGNORECASE
    described = {" ".join(w.casefold().split()): t for t, ws in (data.get("actor_descriptions") or {}).items() for w in ws}
    return SpeakerWords(
        between_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['between']))})\s*,?\s*$", I),
        pronoun_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data['person_pronouns']))})\s*$", I),
        pair_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['pair_words']))})\s*$", I),
        unnamed_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['unnamed']))})\s+\S+(?:\s+\S+)?\s*$", I),
        unnamed_alt=word_alt(tuple(data["unnamed"])),
        place_descriptor_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['place_descriptors']))})\s+$", I),
        actor_description_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))({word_alt(tuple(described))})\s*$", I),
        actor_description_type=described,
        statement_of_tail=re.compile(
            rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data['statement_nouns']))})\s+(?:mới nhất\s+|mới\s+|chung\s+)?của\s+$", I
        ),
        leader_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data['leader_descriptions']))})\s+$", I),
        # capitalised as a name ("Phòng Thương mại Mỹ"), so no IGNORECASE
        # "Công an tỉnh Đồng Nai": a division word may stand between the head and the place
        org_head_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data['organisation_heads']))})(?:\s+[A-ZĐÀ-Ỹ][\w&-]*){{0,3}}"
                                 rf"(?:\s+(?:{word_alt(tuple(data.get('organisation_qualifiers') or ()))}))?"
                                 r"(?:\s+(?:tỉnh|thành phố|TP\.?|huyện|quận|xã|phường|thị xã|bang))?\s+$"),
        country_as_actor_heads=frozenset(" ".join(w.casefold().split()) for w in data.get("country_as_actor_heads") or ()),
        place_as_actor_heads=frozenset(" ".join(w.casefold().split()) for w in data.get("place_as_actor_heads") or ()),
        person_relations=frozenset(" ".join(w.casefold().split()) for w in data.get("person_relations") or ()),
        # "cùng với X" coordinates X with the subject before it ("A cùng với B cho biết"): not a preposition here
        preposition_tail=re.compile(rf"(?:^|(?<=\s))(?<!cùng\s)(?:{word_alt(tuple(data.get('object_prepositions') or ()))})\s+$", I),
        collective_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data.get('collective_heads') or ()))})\s+$", I),
        member_tail=re.compile(rf"(?:^|(?<=[\s,(\-–]))(?:{word_alt(tuple(data.get('member_nouns') or ()))})\s+$", I),
    )


@dataclass
class ArticleContext:
    """One article as the fact extractors see it: sentence views with linked
    mentions, top-level quotations, persons in body order, and memos (title
    parses, times per sentence) so each is computed once per article."""

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

    def recent_speaker(self, sentence: int, among: set[str], back: int = 3) -> str | None:
        """The last of ``among`` who spoke in the ``back`` sentences before ``sentence``."""
        for sent, eid in reversed(self.speakers_so_far):
            if sent < sentence - back:
                break
            if eid in among and sent <= sentence:
                return eid
        return None

    def recent_actor(self, pos: int, etype: str, limit: int = 1500) -> str | None:
        """The last actor of type ``etype`` named before ``pos`` (within ``limit`` characters)."""
        got = self.cache.get("all_mentions")
        if got is None:
            ms = sorted((m for v in self.views for m in v.mentions if m.entity), key=lambda m: m.evidence.start)
            got = self.cache["all_mentions"] = (ms, [m.evidence.start for m in ms])
        ms, starts = got
        i = bisect_left(starts, pos) - 1
        while i >= 0 and ms[i].evidence.start >= pos - limit:
            if entity_type(self.found, ms[i]) == etype:
                return ms[i].entity
            i -= 1
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

    def holder(self, predicate: str, org: str | None, pos: int, title: str | None = None) -> str | None:
        """The person the article gives this role, the last named before ``pos`` if several."""
        cands = {r.person for r in self.holders(predicate, org)}
        if not cands and org is not None:
            # "cựu Tổng thống Pháp cho biết" in an article that only wrote "cựu Tổng
            # thống Pierre Dumas": the one holder of the same bare title, when there is just one
            elsewhere = {r.person for r in self.found.roles if r.predicate == predicate and r.org is not None}
            key = _bare_title_key(title) if title else None
            bare = {
                r.person
                for r in self.found.roles
                if r.predicate == predicate and r.org is None and r.person not in elsewhere
                and (key is None or _bare_title_key(r.title) == key)
            }
            if len(bare) == 1:
                cands = bare
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


_BOARD_TAIL = re.compile(r"(?:^|(?<=\s))ban\s+$", re.IGNORECASE)  # "ban lãnh đạo X", "ban giám đốc X"


def _bare_title_key(title: str) -> str:
    """A title compared without the word that makes it former: "cựu Tổng thống" and
    "Tổng thống" are one title (the role keeps "cựu" in what it prints)."""
    return " ".join(_titles().former_head_re.sub("", " ".join(title.casefold().split())).split())


def title_parses(ctx: ArticleContext, view: SentenceView) -> list[TitleParse]:
    got = ctx.title_parses.get(view.index)
    if got is None:
        got = []
        for tm in _titles().title_re.finditer(view.text):
            info = title_info(tm.group(1))
            if info is None:
                continue
            s, e = view.start + tm.start(), view.start + tm.end()
            names = ctx.cache.get("person_name_index")
            if names is None:
                names = ctx.cache["person_name_index"] = person_name_index(ctx.found)
            got.append(parse_after_title(view, ctx.found, s, e, info, names))
        ctx.title_parses[view.index] = got
    return got


def parses_by(ctx: ArticleContext, view: SentenceView, key: str) -> dict[int, list[TitleParse]]:
    """Title parses of a sentence indexed by the person's start or by where the
    parse stopped, so lookups per cue do not rescan every title of a long sentence."""
    ck = ("parses_by", key, view.index)
    got = ctx.cache.get(ck)
    if got is None:
        got = {}
        for tp in title_parses(ctx, view):
            if key == "person" and tp.person is not None:
                got.setdefault(tp.person.evidence.start, []).append(tp)
            elif key == "last":
                got.setdefault(tp.last, []).append(tp)
        ctx.cache[ck] = got
    return got


def predicate_of(ctx: ArticleContext, view: SentenceView, tp: TitleParse) -> str | None:
    if tp.info.predicate is not None:
        return tp.info.predicate
    prev = [p for p in title_parses(ctx, view) if p.end <= tp.start and p.info.predicate]
    return prev[-1].info.predicate if prev else None


# ---------------------------------------------------------------- speakers


@dataclass
class Subject:
    speakers: list[str]
    start: int  # body offset where the subject noun phrase starts


_SHORT = 80


def _starts_clause(view: SentenceView, end: int) -> bool:
    """Does a mention end at ``end`` that opens its clause ("Brazil là …", not
    "Trung Quốc coi Đài Loan là …", where the mention is an object)?"""
    m = view.mention_ending_at(end)
    if m is None:
        return False
    before = view.text[max(0, m.evidence.start - view.start - 40) : m.evidence.start - view.start].rstrip()
    return not before or before[-1] in ",;:.-–—(\"“”"


def strip_gap(ctx: ArticleContext, view: SentenceView, end: int, free_words: int) -> int:
    """Step left from a cue over adverbs, dates and parentheses; return the new end."""
    lex = speaker_words()
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
        if head.endswith(","):
            # "Ngoại trưởng Indonesia, bà X, cho biết": the comma closes an apposition
            # around a named person, who is the speaker
            pm = view.mention_ending_at(view.start + lo + len(head) - 1)
            if pm is not None and entity_type(ctx.found, pm) == PERSON and _opens_apposition(ctx, view, pm):
                rel = lo + len(head) - 1
                continue
        m = _APPOSITIVE_TAIL.search(head)
        if m:
            rel = lo + m.start()
            continue
        m = _COPULA_TAIL.search(short)
        if m and _starts_clause(view, view.start + lo + short_lo + m.start()):
            rel = lo + short_lo + m.start()
            continue
        if free < free_words:
            m = _WORD_TAIL.search(short)
            if m and lo + short_lo + m.start() > 0:
                free += 1
                rel = lo + short_lo + m.start()
                continue
        break
    return view.start + rel


def _person_np_start(ctx: ArticleContext, view: SentenceView, pm: Mention) -> int:
    """Where the noun phrase of a person mention starts: its title ("Ngoại trưởng
    Pháp X") and an honorific ("bà X") included."""
    start = pm.evidence.start
    for tp in parses_by(ctx, view, "person").get(pm.evidence.start, []):
        if tp.person is pm:
            start = min(start, tp.start)
    lo = window_start(view.text, start - view.start)
    hon = _HONORIFIC_TAIL.search(view.text[lo : start - view.start])
    return view.start + lo + hon.start() if hon else start


def _opens_apposition(ctx: ArticleContext, view: SentenceView, pm: Mention) -> bool:
    """Is the person set off as an apposition ("Ngoại trưởng Indonesia, bà X, cho biết":
    a comma before as after) or the opening of the sentence? "X điện đàm với ông Y, nêu
    lại đề xuất …": Y is an object, the comma after Y does not make Y the speaker."""
    start = _person_np_start(ctx, view, pm)
    before = view.text[window_start(view.text, start - view.start) : start - view.start].rstrip()
    return not before or before[-1] in ",;:(\"“”-–—"


# "Anna Berg, một nhà nghiên cứu tại Oslo (Na Uy), nhận định": the appositive
_APPOSITIVE_TAIL = re.compile(r",\s*(?:một|người|là|cựu|nguyên|hiện là)\s[^,;:\"“”]{1,100},\s*$", re.IGNORECASE)
# "Na Uy là nước đầu tiên ở Bắc Âu công bố …": the subject is before "là"
_COPULA_TAIL = re.compile(r"\s+là\s+(?:một\s+)?[a-zđà-ỹ][^,;:.!?\"“”]{0,60}$")
_PAREN_TAIL = re.compile(r"\([^()]{0,60}\)\s*$")
# a word stepped over between subject and cue; not a conjunction, a preposition or "để"
# ("tiếp cận phía X để yêu cầu …": X is the object of the first verb, not the one asking)
_WORD_TAIL = re.compile(r"(?:^|(?<=\s))(?!(?:và|hoặc|hay|với|của|bị|được|khi|nếu|mà|rằng|để)$)[a-zđà-ỹ]+$")
# "<head noun> của " right before a person: the person only owns the head ("người thân của X")
_OWNED_BY_TAIL = re.compile(r"(?:^|\s)[a-zđà-ỹ]+(?:\s+[a-zđà-ỹ]+){0,2}\s+của\s+$")


@cache
def _owned_by_described_tail() -> re.Pattern[str]:
    """"học trò của nghệ sĩ X", "đồng nghiệp của chị X": a person described by a
    profession or form of address (honorifics.yaml) after "của" owns the noun before;
    "tác giả chính của nghiên cứu James Weber" is the author himself."""
    lex = load_yaml("honorifics.yaml")
    words_ = tuple(str(w) for w in [*lex["professions"], *lex["honorifics"]] if str(w)[:1].islower())
    return re.compile(rf"(?:^|\s)[a-zđà-ỹ]+(?:\s+[a-zđà-ỹ]+){{0,2}}\s+của\s+(?:{word_alt(words_)})\s+$", re.IGNORECASE)


# a capitalised name, then a comma or a spaced dash, right before a city or province: a
# location in apposition ("UBND quận Bình Tân, TP.HCM") or the second end of a route's name
# ("cao tốc Nội Bài - Lào Cai"); after a lower-case word the comma closes a phrase and the
# city may open its clause ("Trước tầm quan trọng của lễ kỷ niệm, Hà Nội đề nghị …")
_LOCATIVE_APPOSITION = re.compile(r"(?:^|\s)[A-ZĐÀ-Ỹ][\w.&'’]*\s*(?:,|\s[-–])\s*$")
# capitalised words (a name the entity stage did not link) and "của" before a country:
# the country owns the named organisation, which is the actor
# (each word of a Vietnamese name capitalises its first syllable only: "Dịch vụ Y tế Quốc gia")
OWNED_BY_NAME = re.compile(r"(?:^|\s)[A-ZĐÀ-Ỹ][\w&-]*(?:\s+[a-zđà-ỹ][\w-]*)?(?:\s+[A-ZĐÀ-Ỹ][\w&-]*(?:\s+[a-zđà-ỹ][\w-]*)?)+\s+của\s+$")
# a country after "ở thành phố X, ": the country completes a location
_PLACE_WORD_BEFORE = re.compile(r"(?:^|\s)(?i:ở|tại|thành phố|tỉnh|bang|quận|huyện)\s+[A-ZĐÀ-Ỹ][^,;:]{0,40},\s*$")


def _locative_apposition(before: str) -> bool:
    """``_LOCATIVE_APPOSITION`` with the name really capitalised: the class [A-ZĐÀ-Ỹ] also
    holds lower-case letters with diacritics ("đó," in "Bên cạnh đó, Đà Nẵng đề nghị")."""
    m = _LOCATIVE_APPOSITION.search(before)
    return m is not None and m.group(0).strip()[:1].isupper()


_window_start = window_start
# "ông"/"bà"/"ngài" right before a name: part of the speaker's span
_HONORIFIC_TAIL = re.compile(r"(?:^|(?<=\s))(?:ông|bà|ngài)\s+$", re.IGNORECASE)


def np_at_end(ctx: ArticleContext, view: SentenceView, end: int) -> Subject | None:
    """The speaker noun phrase ending at ``end``, resolved to entity ids."""
    lex = speaker_words()
    found = ctx.found
    rel_end = end - view.start
    head_lo = max(_window_start(view.text, rel_end), rel_end - _SHORT)
    base = view.start + head_lo  # body offset of head[0]: a match in head is at base + m.start()
    head = view.text[head_lo:rel_end]
    m = view.mention_ending_at(end)
    if m is not None and entity_type(found, m) != PERSON:
        # "phóng viên Peter Doocy của kênh Fox News bình luận", "ông X từ CNN nói":
        # the organisation after "của/từ" says whose the person is; the person speaks
        owner = _person_before_owner(view, found, m)
        if owner is not None:
            m = owner
            end = m.evidence.end
    if m is not None:
        start = m.evidence.start
        if entity_type(found, m) == PERSON:
            for tp in parses_by(ctx, view, "person").get(m.evidence.start, []):
                if tp.person is m:
                    start = min(start, tp.start)
            lo = window_start(view.text, start - view.start)
            hon = _HONORIFIC_TAIL.search(view.text[lo : start - view.start])
            if hon:
                start = view.start + lo + hon.start()
            pre = view.text[window_start(view.text, start - view.start) : start - view.start]
            if (_OWNED_BY_TAIL.search(pre) or _owned_by_described_tail().search(pre)) and not lex.statement_of_tail.search(pre):
                return None  # "Người thân của X nói", "luật sư của X cho biết": not X, and unnamed
            if _after_a_relation(ctx, view, start, lex):
                return None  # "mẹ Đức Huy nói", "gia đình Kim Sae Ron cáo buộc": a relative speaks, unnamed
            if lex.preposition_tail.search(pre):
                return None  # "ảnh chụp chung với X như ngầm khẳng định": X is the object of "với"
            return Subject([m.entity or ""], start)
        # "Người phát ngôn Điện Kremlin" (no name): whoever the article gives that role
        for tp in parses_by(ctx, view, "last").get(m.evidence.end, []):
            if (tp.org is m or tp.host is m) and tp.person is None and tp.last == m.evidence.end:
                pm = view.mention_ending_at(tp.start)
                if (
                    pm is not None
                    and entity_type(found, pm) == PERSON
                    and pm.entity
                    and not view.text[pm.evidence.end - view.start : tp.start - view.start].strip()
                ):
                    # "Ông Trần Văn A Phó tổng giám đốc Ngân hàng X cho biết": the title after
                    # the name, without a comma, describes the person, who speaks
                    lo = window_start(view.text, pm.evidence.start - view.start)
                    hon = _HONORIFIC_TAIL.search(view.text[lo : pm.evidence.start - view.start])
                    return Subject([pm.entity], view.start + lo + hon.start() if hon else pm.evidence.start)
                m = tp.org or m
                before = view.text[window_start(view.text, tp.start - view.start) : tp.start - view.start]
                if lex.preposition_tail.search(before):
                    return None  # "trao đổi với người phát ngôn Bộ X, …": the object of "với"
                board = _BOARD_TAIL.search(before)
                if board and entity_type(found, m) == "Organization":
                    # "ban lãnh đạo Novaland khẳng định": the board speaks for the company,
                    # not the one holder of a title the article names
                    return Subject([m.entity or ""], view.start + window_start(view.text, tp.start - view.start) + board.start())
                if lex.unnamed_tail.search(before + "x x") and re.search(
                    rf"(?:^|\s)(?:{lex.unnamed_alt})\s+$", before, re.I
                ):
                    return None
                pred = predicate_of(ctx, view, tp)
                title = view.text[tp.start - view.start : tp.end - view.start]
                who = ctx.holder(pred, m.entity, m.evidence.start, title) if pred else None
                if who:
                    return Subject([who], tp.start)
                if pred == "leader_of" and lex.leader_tail.search(before + title + " "):
                    # "nhà lãnh đạo Nga": the leader of Russia the article names (its
                    # president or prime minister), never Russia itself
                    leaders = {r.person for r in found.roles if r.org == m.entity and r.predicate in _LEADER_PREDICATES}
                    who = ctx.recent_person(m.evidence.start, leaders) if leaders else None
                    return Subject([who], tp.start) if who in leaders else None
                # "một quan chức Mỹ", "Bộ trưởng Nông nghiệp Nhật Bản cho biết" in an article
                # that names no holder: an unnamed person spoke, not the country
                return None
        lo = window_start(view.text, m.evidence.start - view.start)
        if lex.preposition_tail.search(view.text[lo : m.evidence.start - view.start]):
            return None  # "nhà kinh tế A tại Viện B cho rằng", "chụp chung với X …": not the subject
        owned = view.text[lo : m.evidence.start - view.start]
        if _OWNED_BY_TAIL.search(owned) and not lex.statement_of_tail.search(owned):
            return None  # "hàng trăm sinh viên của Trường X bày tỏ": the students speak, unnamed
        if entity_type(found, m) == "Organization" and lex.member_tail.search(owned):
            return None  # "nam sinh Trường X chia sẻ", "cầu thủ Real Madrid nói": a member speaks, unnamed
        sm = lex.statement_of_tail.search(view.text[lo : m.evidence.start - view.start])
        if sm:
            # "tuyên bố của Bộ Ngoại giao Na Uy nêu rõ", "thông báo của Brazil cho biết":
            # the actor whose statement it is speaks
            return Subject([m.entity or ""], view.start + lo + sm.start())
        lm = lex.leader_tail.search(view.text[lo : m.evidence.start - view.start])
        if lm and entity_type(found, m) in (COUNTRY, "Organization", PLACE):
            # "nhà lãnh đạo Nga": the leader of Russia the article names, not Russia
            leaders = {r.person for r in found.roles if r.org == m.entity and r.predicate in _LEADER_PREDICATES}
            who = ctx.recent_person(m.evidence.start, leaders) if leaders else None
            return Subject([who], view.start + lo + lm.start()) if who in leaders else None
        if entity_type(found, m) in (PLACE, COUNTRY):
            if lex.collective_tail.search(view.text[lo : m.evidence.start - view.start]):
                return None  # "truyền thông Trung Quốc cho rằng": the country's press, unnamed
            before_m = view.text[lo : m.evidence.start - view.start]
            if OWNED_BY_NAME.search(before_m):
                return None  # "Dịch vụ Y tế Quốc gia của Vương quốc Anh": an unlinked organisation of the country
            if _locative_apposition(before_m) and (
                entity_type(found, m) == PLACE or _PLACE_WORD_BEFORE.search(before_m)
            ):
                # "UBND quận Bình Tân, TP.HCM đề xuất", "cao tốc Nội Bài - Lào Cai thì yêu cầu",
                # "cảnh sát ở thành phố Juarez, Mexico thông báo": the city or country locates or
                # ends the name before it; it does not speak
                return None
            # "Phó chủ tịch UBND thành phố X chia sẻ": the place describes the
            # speaker, it does not speak (unlike "Moscow cho biết")
            if lex.place_descriptor_tail.search(view.text[lo : m.evidence.start - view.start]):
                return None
            # "Phòng Thương mại Mỹ bày tỏ …": the country ends the name of an organisation
            # the entity stage did not know; that organisation spoke, not the country
            if lex.org_head_tail.search(view.text[lo : m.evidence.start - view.start]):
                return None
        # "nhà ngoại giao Nga" -> the last person named (one tied to that org, if any)
        lo = window_start(view.text, m.evidence.start - view.start)
        before = view.text[lo : m.evidence.start - view.start]
        pm = lex.pronoun_tail.search(before)
        if pm:
            if re.search(r"(?:^|\s)(?:một|các|những|nhiều|một số)\s+$", before[: pm.start()], re.I):
                return None
            tied = {r.person for r in found.roles if r.org == m.entity}
            who = ctx.recent_person(m.evidence.start, tied)
            return Subject([who], view.start + lo + pm.start()) if who else None
        if re.search(r"(?:^|\s)(?:một|các|những|nhiều|một số)\s+(?:\w+\s+){0,2}$", before, re.I) and not re.search(
            r"(?:^|\s)(?:một|các|những|nhiều|một số)\s+$", before, re.I
        ):
            # "một quan chức Mỹ", "các nhà ngoại giao Nga": unnamed speakers
            return None
        if entity_type(found, m) in (PLACE, COUNTRY) and modifies_a_noun(ctx, view, m, lex):
            return None  # "phái đoàn Trung Quốc đề nghị": the delegation speaks, unnamed
        return Subject([m.entity or ""], m.evidence.start)
    known = _known_name_at_end(ctx, head)
    if known is not None:
        eid, length = known
        start = end - length
        hon = _HONORIFIC_TAIL.search(head[: len(head) - length])
        if hon:
            start = end - (len(head) - hon.start())
        pre = view.text[window_start(view.text, start - view.start) : start - view.start]
        if lex.preposition_tail.search(pre):
            return None  # "gọi điện thoại cho ông Khánh nhắc nhở …": Khánh is the object of "cho"
        return Subject([eid], start)
    dm = lex.actor_description_tail.search(head)
    if dm:
        # "Cơ quan này cho biết", "Khối này cho rằng": the last actor of that kind named before
        want = lex.actor_description_type.get(" ".join(dm.group(1).casefold().split()))
        who = (_reporter_of(ctx, view, base + dm.start(1), want) or ctx.recent_actor(base + dm.start(1), want)) if want else None
        return Subject([who], base + dm.start(1)) if who else None
    pm = lex.pair_tail.search(head)
    if pm:
        pairs = recent_leaders(ctx, base + pm.start(), 2)
        return Subject(pairs, base + pm.start()) if len(pairs) == 2 else None
    pm = lex.pronoun_tail.search(head)
    if pm and pm.group(0).strip(" ,(-–")[:1].isupper() and re.search(r"\w\s+$", head[: pm.start()]):
        # "Truyền thông Anh cho rằng", "báo chí Anh đưa tin": a capitalised "Anh" after a
        # noun is Britain describing that noun (an unnamed speaker), not the pronoun "he"
        return None
    if pm and _OWNED_BY_TAIL.search(head[: pm.start()] + " ") and not lex.statement_of_tail.search(head[: pm.start()] + " "):
        # "Con trai nuôi của ông cho biết", "Luật sư của bà khẳng định": the pronoun names
        # whose son or lawyer spoke; the speaker is unnamed ("tuyên bố của ông" is his)
        return None
    if pm:
        word = pm.group(0).strip(" ,(-–").split()[0].casefold() if pm.group(0).strip(" ,(-–") else ""
        other = _other_address(ctx, word)  # persons the article marks as of the other sex
        who = ctx.last_speaker(view.index)
        skipped = who is not None and who in other  # "Bà cho rằng …" after a man spoke: not him
        if skipped:
            who = None
        if who is None:
            who = _recent_not_in(ctx, base + pm.start(), other)
            skipped = skipped or (who is not None and ctx.recent_person(base + pm.start()) in other)
        if who and skipped and who not in _same_sex(ctx, word):
            # the nearest person was of the other sex: the one further back is the
            # speaker only when the text marks that one as of the pronoun's sex
            who = None
        return Subject([who], base + pm.start()) if who else None
    # a bare title ("Ngoại trưởng cho biết", "Nữ Ngoại trưởng Indonesia" is a mention above)
    tm = re.search(rf"(?:^|(?<=\s))({word_alt(tuple(_titles().titles))})\s*$", head, re.IGNORECASE)
    if tm:
        info = title_info(tm.group(1))
        if info and info.predicate:
            cands = {r.person for r in ctx.holders(info.predicate, None)}
            # "Tổng thống cho hay …" after the president of the story spoke: him, even
            # when another president was named in between
            who = ctx.recent_speaker(view.index, cands) if cands else None
            who = who or (ctx.recent_person(base + tm.start(), cands) if cands else None)
            if who and (not cands or who in cands):
                return Subject([who], base + tm.start())
    return None


# underthesea's noun tags: common, proper, classifier, unit, abbreviation
_NOUN_TAGS = frozenset({"N", "Np", "Nc", "Nu", "Ny", "Nb"})


def _after_a_relation(ctx: ArticleContext, view: SentenceView, start: int, lex: SpeakerWords) -> bool:
    """Do the words right before a person's name (an honorific stepped over) name a
    relative or agent of that person ("Mẹ Lưu Diệc Phi", "gia đình ông Tâm", "công ty
    quản lý Nhã Phương")? Read from the tokens, so "tuyên bố ông X" is not "bố ông X"."""
    tokens = [t for t in ctx.doc.sentences[view.index].tokens if t.end <= start]
    if tokens and tokens[-1].text.casefold() in ("ông", "bà", "anh", "chị", "cô"):
        tokens = tokens[:-1]
    if not tokens:
        return False
    one = " ".join(tokens[-1].text.casefold().split())
    two = " ".join(t.text.casefold() for t in tokens[-2:])
    return one in lex.person_relations or two in lex.person_relations


def modifies_a_noun(ctx: ArticleContext, view: SentenceView, m: Mention, lex: SpeakerWords) -> bool:
    """Is the country or place ``m`` only a modifier of the noun before it?

    Read from the tags: the word right before the mention is a noun of the same
    noun phrase ("phái đoàn Trung Quốc", "truyền thông Ấn Độ", "CNN Indonesia",
    "Đội trưởng Indonesia"), so that noun's head is the speaker, not the
    country. Heads with which the country itself acts ("phía Nga", "chính phủ
    Mỹ"; ``country_as_actor_heads``) are not modifiers.
    """
    tokens = ctx.doc.sentences[view.index].tokens
    before = [t for t in tokens if t.end <= m.evidence.start]
    place = entity_type(ctx.found, m) == PLACE
    if place:
        before = _before_place_name(before)
    if not before or before[-1].pos not in _NOUN_TAGS:
        return False
    if m.evidence.start - before[-1].end > 1 and not place:
        return False  # punctuation or a gap between them: another phrase
    heads = lex.place_as_actor_heads if place else lex.country_as_actor_heads
    head = " ".join(t.text.casefold() for t in before[-2:])
    last = before[-1].text.casefold()
    return last not in heads and head not in heads


def _before_place_name(before: list) -> list:
    """The tokens before a city or province, with what still belongs to its noun
    phrase stepped over, so that the noun it describes comes last:

    - a number after a noun ("Thuế cơ sở 2 TP.HCM": the second branch office);
    - the first half of a hyphenated pair ("Công an tỉnh Bà Rịa - Vũng Tàu", "BOT Hải
      Phòng - Quảng Ninh": the province or road is one name);
    - a comma after a proper name ("UBND quận Hoàng Mai, Hà Nội": the city says where
      that office is). After a common word the comma closes an opening phrase
      ("Bên cạnh đó, Đà Nẵng đề nghị"), and the place is the subject.
    The noun found is then tested like any other head."""
    out = list(before)
    while len(out) >= 2 and out[-1].text in ("-", "–") and out[-2].pos == "Np":
        out = out[:-2]
    if len(out) >= 2 and out[-1].text == "," and out[-2].pos == "Np" and len(out) >= 3:
        return out[:-1]
    if out and out[-1].text == ",":
        return []  # an opening phrase closed by the comma: the place begins the clause
    if len(out) >= 2 and out[-1].pos == "M" and out[-2].pos in _NOUN_TAGS:
        return out[:-1]
    return out


@cache
def _sexes() -> dict[str, dict[str, str]]:
    """honorifics.yaml's ``sex`` table: forms of address, name words and pronouns that
    tell a man ("m") from a woman ("f")."""
    data = load_yaml("honorifics.yaml")["sex"]
    return {k: {" ".join(str(w).casefold().split()): sex for sex in ("m", "f") for w in data[k][sex]}
            for k in ("address", "describers", "middle_names", "pronouns")}


def _other_address(ctx: ArticleContext, word: str) -> set[str]:
    """Persons the text marks as of the other sex than the pronoun ``word`` ("ông",
    "anh" for a man; "bà", "chị", "cô" for a woman): ``word`` cannot be them. A person
    marked both ways (a name shared, a tagging slip) is excluded from neither."""
    sex = _sexes()["pronouns"].get(word)
    if sex is None:
        return set()
    other = {eid for eid, got in _person_marks(ctx)[0].items() if got == {"f" if sex == "m" else "m"}}
    # the article's own form of address: "anh nói" is not a man it writes "ông Smith"
    cls = _address_classes().get(word)
    if cls is not None:
        other |= {eid for eid, forms in _person_marks(ctx)[1].items() if forms and cls not in forms}
    return other


def _same_sex(ctx: ArticleContext, word: str) -> set[str]:
    """Persons the text marks as of the sex of the pronoun ``word`` (and not the other)."""
    sex = _sexes()["pronouns"].get(word)
    cls = _address_classes().get(word)
    if cls is not None:
        return {eid for eid, forms in _person_marks(ctx)[1].items() if cls in forms}
    return {eid for eid, got in _person_marks(ctx)[0].items() if got == {sex}} if sex else set()


@cache
def _address_classes() -> dict[str, str]:
    """honorifics.yaml's ``address_classes``: each form of address and the class it
    belongs to ("cô" goes with "chị")."""
    data = load_yaml("honorifics.yaml").get("address_classes") or {}
    return {" ".join(str(w).casefold().split()): cls for cls, ws in data.items() for w in ws}


def _recent_not_in(ctx: ArticleContext, pos: int, other: set[str]) -> str | None:
    """The last person named before ``pos``, not one of ``other`` and not one named
    inside a quotation that closed before ``pos``: in "“… khán giả hạng Super Sponsor …”,
    người này viết" the pronoun is the writer of the quote, not someone the quote names."""
    i = bisect_left(ctx.person_starts, pos) - 1
    limit = pos - 1500
    while i >= 0 and ctx.persons[i].evidence.start >= limit:
        m = ctx.persons[i]
        eid = m.entity
        quoted = any(q[0] <= m.evidence.start and m.evidence.end <= q[1] <= pos for q in ctx.quotes)
        if eid and eid not in other and not quoted:
            return eid
        i -= 1
    return None


def _person_marks(ctx: ArticleContext) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """What the article tells of each person, read once: their sex ("m"/"f": the form of
    address right before a mention, "ông X", "chị Y"; a sex word opening the description,
    "nữ ca sĩ Z"; the middle name of a Vietnamese name, "Nguyễn Thị …") and the classes
    of the forms of address it writes before them ("ông Smith" -> {"ông"}; a capitalised
    form inside the text, "ông Anh Tuấn", is part of the name, not its address form)."""
    got = ctx.cache.get("person_marks")
    if got is None:
        sexes: dict[str, set[str]] = {}
        forms: dict[str, set[str]] = {}
        table = _sexes()
        classes = _address_classes()
        body = ctx.doc.article.body
        for m in ctx.persons:
            if not m.entity:
                continue
            raw = body[max(0, m.evidence.start - 30) : m.evidence.start].split()
            words = [w.casefold() for w in raw]
            in_name = len(raw) > 1 and raw[-1][:1].isupper() and not re.search(r"[.!?:\"“”]$", raw[-2])
            sex_of = sexes.setdefault(m.entity, set())
            for n in (2, 1):  # "quý bà", then "bà"
                sex = table["address"].get(" ".join(words[-n:])) if len(words) >= n else None
                if sex:
                    sex_of.add(sex)
                    break
            cls = classes.get(words[-1]) if words and not in_name else None
            if cls is not None:
                forms.setdefault(m.entity, set()).add(cls)
            # "nữ ca sĩ X", "nam diễn viên Y": a lower-case sex word opens the description
            for w, nxt in list(zip(raw, raw[1:]))[-3:]:
                sex = table["describers"].get(w.casefold()) if nxt[:1].islower() else None
                if sex:
                    sex_of.add(sex)
            for w in m.text.split()[1:-1]:
                sex = table["middle_names"].get(w.casefold())
                if sex:
                    sex_of.add(sex)
        got = ctx.cache["person_marks"] = ({e: g for e, g in sexes.items() if g}, forms)
    return got


# "ông X của/từ CNN", and "thí sinh X tại điểm thi Trường Y": a locative after the person
# says where the person is, the organisation or place in it does not speak
_OWNER_GAP = re.compile(r"^\s*(?:của|từ|thuộc|tại|ở)\s+(?:[a-zđà-ỹ]+\s+){0,3}$")


def _person_before_owner(view: SentenceView, found: Extraction, org: Mention) -> Mention | None:
    """The person right before "của|từ|thuộc [cue] ORG", if any."""
    i = view.mentions.index(org) if org in view.mentions else -1
    if i <= 0:
        return None
    prev = view.mentions[i - 1]
    if entity_type(found, prev) != PERSON:
        return None
    gap = view.text[prev.evidence.end - view.start : org.evidence.start - view.start]
    return prev if _OWNER_GAP.match(gap) else None


_NAME_TAIL = re.compile(r"(?:^|(?<=\s))((?:[A-ZĐÀ-Ỹ][\w'’-]*\s+){0,3}[A-ZĐÀ-Ỹ][\w'’-]*)$")


def _known_name_at_end(ctx: ArticleContext, head: str) -> tuple[str, int] | None:
    """A person's name the entity stage left unmarked here ("Ông Lý Minh hối thúc"
    after "Ngoại trưởng Lý Minh" was linked elsewhere): the capitalised words
    ending ``head`` that spell a Person of the article -> (entity id, length)."""
    m = _NAME_TAIL.search(head)
    if not m:
        return None
    names = ctx.cache.get("person_name_index")
    if names is None:
        names = ctx.cache["person_name_index"] = person_name_index(ctx.found)
    if not names:
        return None
    from ..clean.normalize import match_key

    for w in re.finditer(r"\S+", head[m.start(1) :]):  # longest first: "Lý Minh" before "Minh"
        cand_start = m.start(1) + w.start()
        eid = names.get(match_key(head[cand_start:]))
        if eid:
            return eid, len(head) - cand_start
    # "Kavanagh tin rằng" after "Jennifer Kavanagh" was named: a surname (the last word of
    # one person's full name, and of no other's) names that person
    last = re.search(r"\S+$", head)
    if last and len(last.group(0)) >= 3:
        eid = _surnames(ctx).get(match_key(last.group(0)))
        if eid:
            return eid, len(last.group(0))
    return None


def _surnames(ctx: ArticleContext) -> dict[str, str]:
    got = ctx.cache.get("surnames")
    if got is None:
        from ..clean.normalize import match_key

        by: dict[str, set[str]] = {}
        for ent in ctx.found.entities.values():
            for form in {ent.label, ent.label_vi or "", *ent.aliases}:
                ws = form.split()
                if len(ws) >= 2:
                    # every actor's words count, so "Washington" is no surname when a place holds it
                    by.setdefault(match_key(ws[-1]), set()).add(ent.id)
            if ent.type != PERSON or len(ent.label.split()) < 2:
                for form in {ent.label, ent.label_vi or "", *ent.aliases}:
                    if form and len(form.split()) == 1:
                        by.setdefault(match_key(form), set()).add(ent.id)
        persons = {e.id for e in ctx.found.entities.values() if e.type == PERSON}
        got = ctx.cache["surnames"] = {k: next(iter(v)) for k, v in by.items() if len(v) == 1 and next(iter(v)) in persons}
    return got


def recent_leaders(ctx: ArticleContext, pos: int, n: int) -> list[str]:
    leaders = {r.person for r in ctx.found.roles if r.predicate in _LEADER_PREDICATES}
    out: list[str] = []
    i = bisect_left(ctx.person_starts, pos) - 1
    while i >= 0 and len(out) < n:
        eid = ctx.persons[i].entity
        if eid and eid in leaders and eid not in out:
            out.append(eid)
        i -= 1
    return sorted(out)


# "ông X - Giám đốc Sở Y tế Hà Nội - cho biết", "Anna Berg, giám đốc công ty Y, cho biết":
# a person, then a description set off by dashes or commas, then the cue
_DASH_DESCRIPTION = re.compile(r"^\s*[-–—]\s+(?P<d>[^;!?\"“”]+?)(?:\s+[-–—])?\s*$")
# the description may itself hold a comma ("X, nghiên cứu viên tại Y, tổ chức tư vấn …, nhận định")
_COMMA_DESCRIPTION = re.compile(r"^\s*,\s*(?P<d>[^,;:!?\"“”()]+?(?:,[^,;:!?\"“”()]+?)?)\s*,?\s*$")
# Kept at 24 words: raising it to 32 was prompted by one development article
# (a long think-tank description) and earns its place nowhere else we checked.
_MAX_DESCRIPTION_WORDS = {"dash": 20, "comma": 24}


def described_person(ctx: ArticleContext, view: SentenceView, end: int) -> Subject | None:
    """The person whose apposition ends at ``end``: the speaker, not the organisation
    or place named inside the description ("Sở Y tế Hà Nội" describes ông X, it does
    not speak). Only a named, linked person qualifies, and for the comma form only
    one that opens its clause ("Sau khi gặp ông X, Thủ tướng Y cho biết" is not one)."""
    rel_end = end - view.start
    lo = window_start(view.text, rel_end)
    people = [m for m in view.mentions_in(view.start + lo, end) if entity_type(ctx.found, m) == PERSON]
    if not people:
        return None
    got = _described(ctx, view, people[-1], rel_end)
    if got is None and len(people) > 1:
        # "Bà Michelle, vợ cựu tổng thống Obama nói": the person named inside the
        # description (a relative, an employer) is not the head of the apposition;
        # the description opens with a common noun ("vợ", "con trai", "giám đốc")
        got = _described(ctx, view, people[-2], rel_end, inner=True)
    return got


def _reporter_of(ctx: ArticleContext, view: SentenceView, pos: int, want: str) -> str | None:
    """"Chính phủ Campuchia cho biết nước này đã …": a description opening the clause that a
    reporting verb introduces refers to that verb's subject (or, for "nước này", to the
    state the subject belongs to: the country its name holds, the country its holder
    serves), not to the last country the article happened to name."""
    from .claims import _lexicon as claim_lex

    rel = pos - view.start
    last = None
    for cm in claim_lex().cue_re.finditer(view.text, 0, rel):
        last = cm
    if last is None or not _CUE_TO_CLAUSE.fullmatch(view.text, last.end(), rel):
        return None
    subj = subject_before(ctx, view, view.start + last.start())
    for sp in subj.speakers if subj is not None else ():
        kind = entity_type_id(ctx.found, sp)
        if kind == want:
            return sp
        if want == COUNTRY:
            state = _state_of(ctx.found, sp, kind)
            if state:
                return state
    return None


_CUE_TO_CLAUSE = re.compile(r"\s*(?:(?:rằng|là)\s*)?,?\s*", re.IGNORECASE)


def _state_of(found: Extraction, eid: str, kind: str | None) -> str | None:
    """The country an organisation's name holds ("Chính phủ Campuchia") or a person serves."""
    if kind == PERSON:
        return next((r.org for r in found.roles if r.person == eid and r.org and entity_type_id(found, r.org) == COUNTRY), None)
    ent = found.entities.get(eid)
    if ent is None:
        return None
    names = [a.casefold() for a in ent.aliases]
    for c in found.entities.values():
        if c.type == COUNTRY and any(
            re.search(rf"(?<!\w){re.escape(a.casefold())}(?!\w)", n) for a in c.aliases for n in names
        ):
            return c.id
    return None


_HONORIFIC_HEAD = re.compile(r"(?:ông|bà|anh|chị|cô|ngài|em)(?!\w)")


def _described(ctx: ArticleContext, view: SentenceView, p: Mention, rel_end: int, inner: bool = False) -> Subject | None:
    between = view.text[p.evidence.end - view.start : rel_end]
    for form, pattern in (("dash", _DASH_DESCRIPTION), ("comma", _COMMA_DESCRIPTION)):
        m = pattern.match(between)
        if m is None or not 1 <= len(m.group("d").split()) <= _MAX_DESCRIPTION_WORDS[form]:
            continue
        if ". " in m.group("d"):
            continue
        if inner and (form != "comma" or not re.match(r"[a-zđà-ỹ]", m.group("d")) or _HONORIFIC_HEAD.match(m.group("d"))):
            # "Ông A, Thủ tướng B cho biết", "ông A, bà B cho biết": B is a speaker of their own;
            # "bạn thân của A - nữ diễn viên B cho hay": the dash names B, the speaker
            continue
        before = view.text[window_start(view.text, p.evidence.start - view.start) : p.evidence.start - view.start]
        hon = _HONORIFIC_TAIL.search(before)
        start = p.evidence.start - (len(before) - hon.start()) if hon else p.evidence.start
        np_lead = view.text[window_start(view.text, _person_np_start(ctx, view, p) - view.start) : _person_np_start(ctx, view, p) - view.start]
        if speaker_words().preposition_tail.search(np_lead):
            continue  # "Chia sẻ với Tri Thức - ZNews, Y cho biết": the outlet after "với" heads no apposition
        if form == "comma":
            if len(m.group("d").split()) < 2:
                continue
            # "Bộ trưởng Ngoại giao Hà Lan Caspar Veldkamp, quốc gia đăng cai …, cho biết":
            # the person's noun phrase, title included, must open its clause
            np_start = _person_np_start(ctx, view, p)
            lead = view.text[window_start(view.text, np_start - view.start) : np_start - view.start].rstrip()
            if lead and lead[-1] not in ",;:.-–—(\"“”":
                continue
        return Subject([p.entity or ""], start) if p.entity else None
    return None


def subject_before(ctx: ArticleContext, view: SentenceView, cue_start: int) -> Subject | None:
    """Speakers right before a cue (coordinated ones too), or None."""
    for free in range(0, _MAX_FREE_WORDS + 1):
        end = strip_gap(ctx, view, cue_start, free)
        if end <= view.start:
            return None
        subj = described_person(ctx, view, end) or np_at_end(ctx, view, end)
        if subj is not None:
            break
    else:
        return None
    speakers = list(subj.speakers)
    start = subj.start
    for _ in range(_MAX_COORD):
        lo = window_start(view.text, start - view.start)
        left = view.text[lo : start - view.start]
        # "A và B", "A cùng B", "A đã cùng với B" (an adverb may precede "cùng")
        cm = re.search(r"(?:^|\s)(?:và|(?:(?:đã|cũng|sẽ|vừa)\s+)?cùng(?:\s+với)?)\s+$", left, re.IGNORECASE)
        if not cm:
            break
        prev = np_at_end(ctx, view, view.start + lo + len(left[: cm.start()].rstrip()))
        if prev is None:
            break
        speakers = prev.speakers + speakers
        start = prev.start
    lo = window_start(view.text, start - view.start)
    cm = re.search(r"(?:^|\s)cả\s+$", view.text[lo : start - view.start], re.IGNORECASE)
    if cm:
        start = view.start + lo + cm.start()
    speakers = [s for i, s in enumerate(speakers) if s and s not in speakers[:i]]
    if speakers and all(entity_type_id(ctx.found, sp) != PERSON for sp in speakers):
        lo = window_start(view.text, start - view.start)
        if _unlinked_person_apposition().search(view.text[lo : start - view.start]):
            # "ThS.BS Lê Thị X, Đơn nguyên Tiêm chủng, Bệnh viện Y nhấn mạnh": the organisation
            # ends the description of a named person the entity stage did not link; the
            # person spoke, not the organisation
            return None
    return Subject(speakers, start) if speakers else None


@cache
def _unlinked_person_apposition() -> re.Pattern[str]:
    """An honorific or academic title and a capitalised name opening a clause, then a
    comma and at most two pieces of description, ending where the subject starts."""
    hon = word_alt(tuple(load_yaml("honorifics.yaml")["honorifics"]))
    return re.compile(
        rf"(?:^|[,;:]\s+)(?:{hon})(?:\.?\s*(?:{hon}))*\.?\s+(?:[A-ZĐÀ-Ỹ][\w'’-]*\s+){{0,4}}[A-ZĐÀ-Ỹ][\w'’-]*"
            rf"\s*,\s*(?:[^,;:\"“”]{{1,80}},\s*)?(?:[^,;:\"“”]{{0,80}})$"
    )


def make_context(doc: Doc, found: Extraction) -> ArticleContext:
    """Sentence views, quotes and persons of one article (shared with ``events``)."""
    views = sentence_views(doc, found)
    persons = sorted(
        (m for v in views for m in v.mentions if entity_type(found, m) == PERSON),
        key=lambda m: m.evidence.start,
    )
    return ArticleContext(doc, found, views, find_quotes(doc.article.body), persons)


def entity_type_id(found: Extraction, eid: str) -> str | None:
    ent = found.entities.get(eid)
    return ent.type if ent is not None else None


