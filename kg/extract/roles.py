"""Component `roles`: person --title--> organisation, from title patterns.

Vietnamese news prints a role as a title phrase glued to a name:
"Người phát ngôn Điện Kremlin Dmitry Peskov", "Đại sứ Nga tại Mỹ Anatoly
Antonov", "Cố vấn chính sách đối ngoại Nga Yuri Ushakov", "Ngoại trưởng
Indonesia, bà Retno Marsudi", or in apposition after the name: "ông X,
người phát ngôn của Y". The titles and what they mean live in
``ontology/lexicons/titles.yaml``; this module walks from a title over an
optional domain ("Quốc phòng"), the organisation mentions and an honorific to
the person mention. A bare title ("Tổng thống Trump") gives ``org=None``
rather than a guess, and is dropped when the same person holds the same
predicate with an organisation elsewhere in the article (gold rows with a
null org match any org, so the null row would only add a false positive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon.cues import chinese_surnames, institution_titles, vietnamese_surnames
from ..lexicon.load import load_yaml
from ..lexicon.organizations import org_heads
from ..lexicon.text import phrase_key
from ..link.names import is_vietnamese_style
from ..model import ROLE_PREDICATES, Doc, Evidence, Extraction, Mention, Role, Token
from ..pipeline import COMPONENTS
from .spans import (
    PERSON,
    SentenceView,
    entity_type,
    person_name_at,
    person_name_index,
    sentence_views,
    window_start,
    word_alt,
)

NAME = "roles"
_MAX_STEPS = 16
_MAX_DOMAIN_WORDS = 5
# The confidence the entity stage gives a name a cue typed (kg.extract.entities.CONF_CUE);
# below it the type is a guess from the name's shape or from the rest of the article.
_CUE_CONFIDENCE = 0.85


@dataclass(frozen=True)
class TitleInfo:
    predicate: str | None  # None: same as the previous title ("người đồng cấp")
    with_org: str | None
    domain: bool
    needs_org: bool = False
    host: bool = False  # may name a host country after "tại"
    place_org: bool = False  # the organisation may be a place ("Thống đốc vùng Odessa")
    not_after: frozenset[str] = frozenset()  # "kiện tướng": the word before makes it another word
    not_before: frozenset[str] = frozenset()  # "đại sứ hình ảnh": the words after make it another title
    body_after: bool = False  # "lãnh đạo Ford": a name right after it is the body led, not the holder
    needs_domain: bool = False  # "trợ lý X" alone is a private assistant: a role only with whose office it serves


@dataclass(frozen=True)
class _Lexicon:
    titles: dict[str, TitleInfo]
    title_re: re.Pattern[str]
    honorific_re: re.Pattern[str]
    modifier_tail_re: re.Pattern[str]
    stop: frozenset[str]
    former_tail_re: re.Pattern[str]  # "cựu ", "nguyên " right before a title
    former_head_re: re.Pattern[str]  # the same opening a title as written
    modifier_head_re: re.Pattern[str]  # "phó ", "quyền ", "nguyên " opening a title as written
    org_followers_re: re.Pattern[str]
    subdivision_re: re.Pattern[str]
    unit_domain_re: re.Pattern[str]  # "giám đốc tài chính X": a function inside X, not X's head
    body_domain_re: re.Pattern[str]
    with_org_heads: dict[str, tuple[str, ...]]


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("titles.yaml")
    titles: dict[str, TitleInfo] = {}
    for row in data["titles"]:
        pred = None if row.get("same_as_previous") else row["predicate"]
        if pred is not None and pred not in ROLE_PREDICATES:
            raise ValueError(f"titles.yaml: unknown predicate {pred!r}")
        key = " ".join(row["title"].casefold().split())
        titles[key] = TitleInfo(pred, row.get("with_org"), bool(row.get("domain")), bool(row.get("needs_org")),
                                bool(row.get("host")) or pred == "ambassador_of", bool(row.get("place_org")),
                                frozenset(str(w).casefold() for w in row.get("not_after") or ()),
                                frozenset(" ".join(str(w).casefold().split()) for w in row.get("not_before") or ()),
                                bool(row.get("body_after")), bool(row.get("needs_domain")))
    alt = word_alt(tuple(titles))
    # "Đại sứ quán" is an embassy, not an ambassador
    title_re = re.compile(rf"(?<!\w)({alt})(?!\w)(?!\s+quán)", re.IGNORECASE)
    hon = word_alt(tuple(data["honorifics"]))
    mods = word_alt(tuple(data["modifiers"]))
    return _Lexicon(
        titles=titles,
        title_re=title_re,
        honorific_re=re.compile(rf"\s*(?:,\s*)?(?:{hon})\s+(?=\S)", re.IGNORECASE),
        modifier_tail_re=re.compile(rf"(?:[,(\-–—]|\blà)\s*(?:(?:{mods})\s+)?$", re.IGNORECASE),
        stop=frozenset(w.casefold() for w in data["domain_stop"]),
        former_tail_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['former_modifiers']))})\s+$", re.IGNORECASE),
        former_head_re=re.compile(rf"^(?:{word_alt(tuple(data['former_modifiers']))})\s+", re.IGNORECASE),
        modifier_head_re=re.compile(rf"(?:(?:{mods})\s+)+", re.IGNORECASE),
        subdivision_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['subdivisions']))})\s+\S", re.IGNORECASE),
        unit_domain_re=re.compile(rf"\s+(?:{word_alt(tuple(data['unit_domains']))})(?!\w)", re.IGNORECASE),
        with_org_heads={" ".join(row["title"].casefold().split()): tuple(" ".join(str(h).casefold().split()) + " " for h in row["with_org_heads"])
                        for row in data["titles"] if row.get("with_org_heads")},
        body_domain_re=re.compile(rf"(?<!\w)(?:{word_alt(tuple(data['body_domains']))})(?!\w)", re.IGNORECASE),
        org_followers_re=re.compile(rf"\s*(?:{word_alt(tuple(data['org_name_followers']))})(?!\w)", re.IGNORECASE),
    )


def title_info(title_text: str) -> TitleInfo | None:
    return _lexicon().titles.get(" ".join(title_text.casefold().split()))


_DEPUTY = re.compile(r"(?<!\w)phó\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _part_of_another_word(text: str, start: int, info: TitleInfo) -> bool:
    """"Đại kiện tướng", "bại tướng", "cờ tướng": the word before the title makes
    one word with it that is not the title (``not_after`` in titles.yaml). The
    word is compared by its ending, so a title glued to the word before it
    ("củaThủ tướng") is not read as the shorter title either."""
    if not info.not_after:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return bool(m) and any(m.group(1).casefold().endswith(w) for w in info.not_after)
def _another_title(text: str, end: int, info: TitleInfo) -> bool:
    """"Đại sứ hình ảnh", "đại sứ thương hiệu", "Đại sứ Festival Hoa lan": the words
    after the title make another title (``not_before`` in titles.yaml), a promoter's,
    not a state's envoy."""
    if not info.not_before:
        return False
    nxt = " ".join(text[end : end + 40].casefold().split()) + " "
    return any(nxt.startswith(w + " ") for w in info.not_before)


def _cued_person(found: Extraction, m: Mention) -> bool:
    """Some mention of this person in the article was typed by a cue (a title or a
    form of address), not guessed from the name's shape."""
    return m.evidence.confidence >= _CUE_CONFIDENCE or any(
        x.entity == m.entity and x.evidence.confidence >= _CUE_CONFIDENCE for x in found.mentions if m.entity
    )


_OF = re.compile(r"\s*của\s+", re.IGNORECASE)
_AT = re.compile(r"\s*(?:tại|ở)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()\n]{1,40}\)")
_WORD = re.compile(r"\s*([^\W\d_]+)(?=[\s(]|$)")
_AND = re.compile(r"\s*(?:,|và)\s*", re.IGNORECASE)


@dataclass
class TitleParse:
    """What follows one title: the organisation, the host country, the person."""

    start: int  # body offsets of the title
    end: int
    info: TitleInfo
    org: Mention | None = None
    host: Mention | None = None
    person: Mention | None = None
    last: int = 0  # body offset where the parse stopped
    domain_words: int = 0  # common words of a domain walked over ("phụ trách đối ngoại")


def _names_an_organisation(domain: str) -> bool:
    """Does a title's domain open with an organisation's head ("Quỹ …", "Viện …")?"""
    keys = phrase_key(domain)
    return bool(domain[:1].isupper()) and any(keys[: len(h)] == h for h in org_heads())


def parse_after_title(
    view: SentenceView,
    found: Extraction,
    start: int,
    end: int,
    info: TitleInfo,
    names: dict[str, str] | None = None,
) -> TitleParse:
    """Walk right of a title: [domain] [của] [ORG] [tại HOST] [, ông|bà] PERSON.

    ``names`` (see :func:`person_name_index`) lets a person's name that the entity
    stage left unmarked here still end the walk."""
    lex = _lexicon()
    res = TitleParse(start, end, info, last=end)
    pos = end
    inner = view.mention_covering(end - 1)
    if inner is not None and start < inner.evidence.start and inner.evidence.end > end and (
        entity_type(found, inner) == "Organization"
    ):
        # "Chánh Văn phòng Tổng thống Pháp": the title's last words open the organisation's name
        res.org = inner
        pos = res.last = inner.evidence.end
    domain_words = 0
    domain_at: int | None = None  # where the domain words start (an offset in text)
    pending_host = False
    used_honorific = False
    after_of = False
    lower_domain = False
    text, base = view.text, view.start
    for _ in range(_MAX_STEPS):
        m = view.mention_at(pos)
        if m is not None and m.evidence.start >= pos:
            if entity_type(found, m) == PERSON:
                if after_of or (lower_domain and res.org is None and not _cued_person(found, m)):
                    # "giám đốc điều hành của Tesla", "cố vấn của ông X": what follows
                    # "của" is whose title it is, never its holder; "Giám đốc chi nhánh
                    # Plumeria Spa", "chủ tịch ban giám khảo giải Cành Cọ Vàng": after
                    # common words of a domain, a name no cue made a person is what
                    # the domain names
                    return res
                res.person = m
                res.last = m.evidence.end
                if res.org is None:
                    _org_after_person(view, found, res)
                return res
            if pending_host:
                res.host = res.host or m
                pending_host = False
            elif entity_type(found, m) == "Place" and res.org is None and not info.place_org:
                # "Giám đốc Chương trình châu Phi": a region is not the organisation
                break
            elif res.org is None:
                if domain_at is not None and entity_type(found, m) in ("Country", "Place") and _names_an_organisation(
                    text[domain_at : m.evidence.start - base]
                ):
                    # "Phó chủ tịch Hội Chữ thập đỏ Việt Nam": the country ends the name of an
                    # organisation the entity stage did not know; it is not the country's office
                    return res
                res.org = m
                after_of = False
            pos = res.last = m.evidence.end
            continue
        rest_at = pos - base
        if rest_at >= len(text):
            break
        if names:
            ws = len(text[rest_at:]) - len(text[rest_at:].lstrip())
            known = person_name_at(text, rest_at + ws, names)
            if known is not None:
                eid, length = known
                s0 = base + rest_at + ws
                ev = Evidence(found.article.id, view.index, s0, s0 + length, NAME, 0.5)
                res.person = Mention(text[rest_at + ws : rest_at + ws + length], PERSON, ev, entity=eid)
                res.last = s0 + length
                return res
        if (mm := _OF.match(text, rest_at)) and res.org is None:
            if domain_at is not None and _names_an_organisation(text[domain_at:rest_at]):
                # "người đứng đầu Quỹ Đầu tư trực tiếp của Nga": the domain is an organisation
                # the entity stage did not know, and "của Nga" is whose fund it is
                return res
            if (t := lex.title_re.match(text, mm.end())) and title_info(t.group(1)) is not None:
                # "đặc phái viên của Tổng thống Mỹ Donald Trump, ông X": the name after
                # "của" holds the other title; this one's holder is elsewhere
                return res
            pos = base + mm.end()
            after_of = True
            continue
        if (mm := _OF.match(text, rest_at)) and res.org is not None and res.host is None:
            # "Thống đốc vùng Odessa của Ukraine, ông X": the country qualifies the organisation
            q = view.mention_at(base + mm.end())
            if q is not None and entity_type(found, q) == "Country":
                res.host = None
                pos = res.last = q.evidence.end
                continue
        if (mm := _AT.match(text, rest_at)) and info.needs_org and res.org is None:
            # "nghiên cứu viên cao cấp tại Defense Priorities"
            q = view.mention_at(base + mm.end())
            if q is not None and entity_type(found, q) == "Organization":
                res.org = q
                pos = res.last = q.evidence.end
                continue
        if (mm := _AT.match(text, rest_at)) and info.host and res.host is None:
            pending_host = True
            pos = base + mm.end()
            continue
        if not used_honorific and (mm := lex.honorific_re.match(text, rest_at)):
            if "," in mm.group(0) and (res.org is None or _person_before(view, found, start) is not None):
                # "Ngoại trưởng Indonesia, bà X" names X; "… phê phán Thủ tướng, ông X
                # cho biết" starts a new clause about someone else, and so does the next
                # item of a list "bà A - Chủ tịch Y, ông B - …", whose title is A's
                break
            used_honorific = True
            pos = base + mm.end()
            continue
        if mm := _PAREN.match(text, rest_at):
            pos = base + mm.end()
            continue
        if info.domain and res.org is None and domain_words < _MAX_DOMAIN_WORDS:
            mm = _WORD.match(text, rest_at)
            if mm and mm.group(1).casefold() not in lex.stop:
                if domain_words == 0 and " ".join(text[start - base:end - base].casefold().split()) in institution_titles():
                    # "chi nhánh", "ban giám khảo": a domain of common words, unlike
                    # a capitalised one ("Tư pháp", "Tình báo Quốc gia")
                    lower_domain = mm.group(1)[:1].islower()
                if domain_words == 0:
                    domain_at = rest_at + (len(text[rest_at:]) - len(text[rest_at:].lstrip()))
                domain_words += 1
                res.domain_words = domain_words
                pos = base + mm.end()
                continue
        break
    return res


_AFTER_PERSON = re.compile(r"\s*(?:của|từ|tại|thuộc)\s+", re.IGNORECASE)


def _org_after_person(view: SentenceView, found: Extraction, res: TitleParse) -> None:
    """"phóng viên Peter Doocy của kênh Fox News", "nhà phân tích X từ CNN": the
    organisation named right after the person (an outlet cue such as "kênh", "báo"
    may stand before it; the entity stage keeps the cue out of the name)."""
    assert res.person is not None
    rel = res.person.evidence.end - view.start
    mm = _AFTER_PERSON.match(view.text, rel)
    if not mm:
        return
    pos = view.start + mm.end()
    for _ in range(3):
        q = view.mention_at(pos)
        if q is not None:
            if entity_type(found, q) == "Organization":
                res.org = q
            return
        w = _WORD.match(view.text, pos - view.start)
        if not w or w.group(1)[:1].isupper():
            return
        pos = view.start + w.end()


def _person_before(view: SentenceView, found: Extraction, title_start: int) -> Mention | None:
    """Apposition: "ông X, người phát ngôn của Y" -> X."""
    lex = _lexicon()
    lo = window_start(view.text, title_start - view.start)
    head = view.text[lo : title_start - view.start]
    mm = lex.modifier_tail_re.search(head)
    if not mm:
        return None
    m = view.mention_ending_at(view.start + lo + mm.start())
    if m is not None and entity_type(found, m) == PERSON:
        return m
    return None


_NAME_START = re.compile(r"\s*[^\W\d_a-zđà-ỹ]", re.UNICODE)


def _clause_ends(view: SentenceView, pos: int) -> bool:
    """After an appositive title the clause goes on in lower case or punctuation;
    a capital means the title's own name was not recognised: no apposition."""
    tail = view.text[pos - view.start :]
    return not tail.strip() or not _NAME_START.match(tail)


def _evidence(article_id: str, view: SentenceView, start: int, end: int) -> Evidence:
    return Evidence(article_id, view.index, start, end, NAME)


_RUN_ON = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?\s+[^\W\d_a-zđà-ỹ]", re.UNICODE)


def _tokens_of(doc: Doc, index: int) -> list[Token]:
    sent = next((s for s in doc.sentences if s.sentence.index == index), None)
    if sent is not None and sent.tokens:
        return sent.tokens
    from ..nlp.annotate import analyse_sentence  # a Doc made by hand: tag this sentence now

    raw = next((s for s in doc.article.sentences if s.index == index), None)
    return analyse_sentence(raw).tokens if raw is not None and raw.text.strip() else []


def _org_cut_short(doc: Doc, view: SentenceView, org: Mention, appositive: bool = False) -> bool:
    """Does the organisation's name go on after the mention in lower case, so that the
    mention holds only its first words? "giám đốc Trung tâm Y học [hạt nhân]", "chủ tịch
    Tổng công ty Phát triển [đô thị Kinh Bắc]": a lower-case noun or adjective right after
    it, or lower-case words running on to another capitalised word; a time ("Chủ tịch X
    hôm qua", lexicon ``org_name_followers``), a verb or a function word ends the name."""
    rel = org.evidence.end - view.start
    text = view.text
    if rel >= len(text) or not text[rel : rel + 1].isspace():
        return False
    word = text[rel:].lstrip()
    if not word[:1].islower() or _lexicon().org_followers_re.match(text, rel):
        return False
    at = org.evidence.end + (len(text) - rel - len(word))
    tok = next((t for t in _tokens_of(doc, view.index) if t.start >= at), None)
    if tok is None or tok.start != at:
        return False
    from .claims import _lexicon as _claim_lexicon

    cue_re = _claim_lexicon().cue_re
    if cue_re.match(word):
        return False  # a verb of saying ends the title ("… Hà Nội cho hay", tagged A)
    if tok.pos in ("N", "A"):
        return True
    if tok.pos != "V":
        return False
    # "Phát triển đô thị Kinh Bắc": lower-case words, then a capital, with no verb of
    # saying or other follower between
    run = _RUN_ON.match(word)
    if run is None:
        # "X - giám đốc Trung tâm Y học hạt nhân và điều trị ung bướu - cho biết": in an
        # apposition no clause verb can come before its closing mark, so lower-case words
        # running to it (the tagger read "hạt nhân" as a verb) still belong to the name
        close = _APPOSITION_CLOSE.match(word) if appositive else None
        if close is None or cue_re.search(close.group(1)) is not None:
            return False
        # an adverb, preposition or pronoun (đã, tại, của, này) starts a clause or a phrase
        inside = [t for t in _tokens_of(doc, view.index) if at <= t.start < at + close.end(1)]
        return not any(t.pos in ("R", "E", "P") for t in inside)
    return cue_re.search(word, 0, run.end()) is None and not _lexicon().org_followers_re.search(word, 0, run.end())


_APPOSITION_CLOSE = re.compile(r"([a-zđà-ỹ]+(?:\s+[a-zđà-ỹ]+){1,7})\s*(?:,|\s[-–—]|\))")


def find_roles(doc: Doc, found: Extraction, views: list[SentenceView] | None = None) -> list[Role]:
    """Every title pattern of the article, as Role records (not deduplicated)."""
    lex = _lexicon()
    views = views if views is not None else sentence_views(doc, found)
    aid = doc.article.id
    body = doc.article.body
    out: list[Role] = []
    previous_pred: str | None = None
    names = person_name_index(found)
    for view in views:
        domain_until = -1  # a title inside the previous title's domain words is part of it
        for tm in lex.title_re.finditer(view.text):
            info = lex.titles.get(" ".join(tm.group(1).casefold().split()))
            if info is None or _part_of_another_word(view.text, tm.start(), info) or _another_title(view.text, tm.end(), info):
                continue
            s, e = view.start + tm.start(), view.start + tm.end()
            if s < domain_until:
                continue  # "Chánh văn phòng tổng thống Ukraine": no president here
            pred = info.predicate or previous_pred
            if info.predicate is not None:
                previous_pred = info.predicate
            if pred is None:
                continue
            # a title inside an organisation's name ("Văn phòng Tổng thống") is not a role
            cover = view.mention_covering(s)
            if cover is not None and e <= cover.evidence.end and entity_type(found, cover) != PERSON:
                continue
            parse = parse_after_title(view, found, s, e, info, names)
            if (info.body_after and parse.person is not None and parse.org is None and not parse.domain_words
                    and not view.text[e - view.start : parse.person.evidence.start - view.start].strip()):
                # "Lãnh đạo Ford xác nhận …": Ford is the body whose leadership speaks
                parse.person, parse.last = None, e
            appositive = lex.modifier_tail_re.search(view.text, max(0, tm.start() - 20), tm.start()) is not None
            if parse.org is not None and entity_type(found, parse.org) == "Organization" and _org_cut_short(doc, view, parse.org, appositive):
                # "giám đốc Trung tâm Y học hạt nhân …": not "Trung tâm Y học"; the title still
                # heads a body ("chủ tịch" of an association is no head of state)
                parse.org = None
                parse.domain_words = max(parse.domain_words, 1)
            if (parse.org is not None and parse.domain_words and entity_type(found, parse.org) == "Country"
                    and lex.subdivision_re.search(view.text, e - view.start, parse.org.evidence.start - view.start)):
                parse.org = None  # "Thống đốc bang Nam Úc": a state of Australia heads no country
            if info.needs_domain and not parse.domain_words and parse.org is None:
                continue  # "trợ lý Trần Văn A": whose assistant, the title does not say
            if info.domain:
                stop = parse.org or parse.person
                domain_until = stop.evidence.start if stop is not None else parse.last
            persons: list[Mention] = []
            if parse.person is not None:
                persons.append(parse.person)
                # "hai Tổng thống A và B": a bare title shared by coordinated names
                if parse.org is None:
                    pos = parse.person.evidence.end
                    for _ in range(4):
                        mm = _AND.match(view.text, pos - view.start)
                        nxt = view.mention_at(view.start + mm.end()) if mm else None
                        if nxt is None or entity_type(found, nxt) != PERSON:
                            break
                        persons.append(nxt)
                        pos = nxt.evidence.end
            elif _clause_ends(view, parse.last):
                before = _person_before(view, found, s)
                if before is not None:
                    persons.append(before)
            if not persons:
                continue
            if info.needs_org and (parse.org is None or entity_type(found, parse.org) != "Organization"):
                continue  # "chuyên gia quân sự Nga" is a nationality, not a membership
            predicate = pred
            cut_end = e  # where the printed title ends when its organisation is left out
            deputy = _DEPUTY.search(view.text, max(0, tm.start() - 8), tm.start())
            if deputy:
                predicate = "official_of"  # "Phó Tổng thư ký": a deputy is an official
            heads = lex.with_org_heads.get(" ".join(tm.group(1).casefold().split()))
            if info.with_org and parse.org is not None and entity_type(found, parse.org) == "Organization" and (
                heads is None or (" ".join(parse.org.text.casefold().split()) + " ").startswith(heads)
            ):
                predicate = info.with_org  # "Chánh văn phòng Trường đại học X" serves the school, heads none
            if (predicate == "leader_of" and parse.org is not None and entity_type(found, parse.org) == "Country"
                    and lex.body_domain_re.search(view.text, e - view.start, parse.org.evidence.start - view.start)):
                predicate = "official_of"  # "người đứng đầu quân đội Pakistan": heads the army, serves the state
            if parse.org is not None and len(parse.org.text.split()) <= 2 and lex.unit_domain_re.match(" " + parse.org.text):
                # "Giám đốc Điều hành Marketing", "Giám đốc Khối Bán lẻ": a capitalised
                # function or division read as the organisation; whose, the title does not say
                cut_end, parse.org, predicate = parse.org.evidence.end, None, "official_of"
            unit = (predicate == "leader_of" and parse.org is not None and parse.domain_words > 0
                    and lex.unit_domain_re.match(view.text, e - view.start) is not None)
            if unit:
                predicate = "official_of"  # "giám đốc tài chính X", "giám đốc khối Y của X": not X's head
            org_end = parse.org.evidence.end if parse.org is not None else cut_end
            if unit and entity_type(found, parse.org) == "Country":
                parse.org = None  # "giám đốc quốc gia <a firm> Việt Nam": the firm's country director, no state office
            host_end = parse.host.evidence.end if parse.host is not None else org_end
            head = deputy.start() if deputy else s - view.start  # "nguyên Phó Chủ tịch": former, too
            fm = _lexicon().former_tail_re.search(view.text, max(0, head - 12), head)
            # the printed title keeps its "Phó": "phó tổng giám đốc X" is no "tổng giám đốc X"
            title_start = view.start + fm.start() if fm else view.start + deputy.start() if deputy else s
            title = body[title_start:max(org_end, host_end)]
            for p in persons:
                predicate = _no_state_head(info, parse, p, predicate, view.text[p.evidence.end - view.start:])
                ev_start = min(s, p.evidence.start)
                ev_end = max(p.evidence.end, host_end)
                ev = _evidence(aid, view, ev_start, ev_end)
                org_id = parse.org.entity if parse.org is not None else None
                if org_id == p.entity:
                    org_id = None
                out.append(Role(p.entity or "", predicate, org_id, title, ev, former=fm is not None))
                if predicate == "ambassador_of" and parse.host is not None and parse.host.entity:
                    out.append(Role(p.entity or "", "ambassador_to", parse.host.entity, title, ev, former=fm is not None))
    return out


def _no_state_head(info: TitleInfo, parse: TitleParse, person: Mention, predicate: str, after: str = "") -> str:
    """A bare "Chủ tịch" names a head of state ("Chủ tịch Tập Cận Bình") only when
    nothing qualifies it: "Chủ tịch phụ trách đối ngoại" chairs a body, and a
    Vietnamese citizen's head of state is "Chủ tịch nước", so "Chủ tịch Nguyễn Văn A"
    chairs a company or a committee (the title's ``with_org`` predicate); so does
    "Chủ tịch X của viện hàn lâm", whose body follows the name."""
    if predicate != "president_of" or predicate != info.predicate or not info.with_org or parse.org is not None:
        return predicate
    first = person.text.split()[0].casefold() if person.text.split() else ""
    citizen = is_vietnamese_style(person.text) and first in vietnamese_surnames() and first not in chinese_surnames()
    return info.with_org if parse.domain_words or citizen or _OF.match(after) else predicate


@cache
def _group_re() -> re.Pattern[str]:
    data = load_yaml("titles.yaml")
    nouns = word_alt(tuple(data.get("group_nouns") or []))
    openers = word_alt(tuple(data.get("list_openers") or []))
    # "<quantity|các|những> quan chức <COUNTRY>, gồm|trong đó có …"
    return re.compile(
        rf"(?:(?<!\w)(?:\d+|các|những|nhiều|một số|nhóm|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+)(?:{nouns})\s+"
        rf"(?P<rest>[^,;:]{{1,40}}?)\s*,?\s*(?:{openers})(?!\w)",
        re.IGNORECASE,
    )


def _group_countries(view: SentenceView, found: Extraction) -> list[tuple[int, str]]:
    """(body offset where the member list starts, country id) for each group of
    officials of one country named in the sentence."""
    out: list[tuple[int, str]] = []
    for m in _group_re().finditer(view.text):
        rs, re_ = view.start + m.start("rest"), view.start + m.end("rest")
        ms = view.mentions_in(rs, re_ + 1)
        # "8 quan chức Mỹ", "nhóm quan chức cấp cao của Lục quân Mỹ": one country or organisation
        if len(ms) == 1 and ms[0].entity and entity_type(found, ms[0]) in ("Country", "Organization"):
            out.append((view.start + m.end(), ms[0].entity))
    return out


def _fill_group_country(roles: list[Role], groups: dict[int, list[tuple[int, str]]]) -> None:
    """A bare title inside a group's member list takes the group's country."""
    for r in roles:
        if r.org is not None or r.predicate in ("ambassador_to",):
            continue
        for start, group in groups.get(r.evidence.sentence, []):
            if r.evidence.start >= start:
                r.org = group
                info = title_info(r.title)
                if info is not None and info.with_org and r.predicate == info.predicate:
                    r.predicate = info.with_org  # "Tổng tham mưu trưởng" of a named army heads it


def dedupe_roles(roles: list[Role]) -> list[Role]:
    """One Role per (person, predicate, org), first evidence kept; a null org is
    dropped when the same person holds the same predicate with an org."""
    seen: dict[tuple[str, str, str | None], Role] = {}
    for r in roles:
        if not r.person:
            continue
        seen.setdefault((r.person, r.predicate, r.org), r)
    with_org = {(p, pr) for (p, pr, o) in seen if o is not None}
    return [r for (p, pr, o), r in seen.items() if o is not None or (p, pr) not in with_org]


@COMPONENTS.register("roles")
def roles(doc: Doc, found: Extraction) -> None:
    views = sentence_views(doc, found)
    got = find_roles(doc, found, views)
    groups = {v.index: g for v in views if (g := _group_countries(v, found))}
    if groups:
        _fill_group_country(got, groups)
    found.roles = dedupe_roles(got)
