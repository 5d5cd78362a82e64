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
from dataclasses import dataclass
from functools import cache

from ..lexicon.load import load_yaml
from ..model import STANCES, Claim, Doc, Evidence, Extraction, Token
from ..nlp.clauses import Clause, clause_at, clause_words, clauses
from ..pipeline import COMPONENTS
from .quotes import AMBIGUOUS_QUOTES, CLOSE_QUOTES, stray_close, trim_span
from .roles import _lexicon as _titles
from .speakers import (
    OWNED_BY_NAME,
    ArticleContext,
    Subject,
    entity_type_id,
    make_context,
    modifies_a_noun,
    np_at_end,
    speaker_words,
    subject_before,
    title_parses,
)
from .spans import COUNTRY, PERSON, PLACE, SentenceView, entity_type, window_start, word_alt

NAME = "claims"
_MAX_CONTENT = 1500  # a reported clause longer than this is a run-on paragraph, cut


@dataclass(frozen=True)
class _Lexicon:
    stance: dict[str, str]
    cue_re: re.Pattern[str]
    lead_re: re.Pattern[str]
    shared_tail: re.Pattern[str]
    noun_before: re.Pattern[str]
    negated_before: re.Pattern[str]
    complement_before: re.Pattern[str]  # "đề nghị " before a cue: the cue is what is asked
    requests: frozenset[str]
    for_comment: frozenset[str]  # "yêu cầu bình luận": a request for comment, a noun phrase
    personal: frozenset[str]  # "chia sẻ", "tâm sự": said by people, never by a place
    theo_not_re: re.Pattern[str]
    locative_tail: re.Pattern[str]  # "… tại Hà Nội", "… ở TP Đà Nẵng": the place locates what precedes it
    carriers: frozenset[str]  # "bày tỏ hy vọng": a verb before a noun cue that still reports it
    speech_nouns: frozenset[str]  # "trả lời phỏng vấn cho biết": a noun of a statement before a cue
    document_heads: frozenset[str]  # "đơn tố cáo": a filed document's kind, not a report
    object_cues: frozenset[str]  # "chia sẻ", "công bố": cues that also take a noun-phrase object
    lead_only: frozenset[str]  # "từ chối": a report only with "rằng", a colon or a quote
    topic_cues: frozenset[str]  # "phát biểu về …": "về" after these names a topic
    predicate_words: frozenset[str]  # "là", "sẽ", "cần": words that make a clause's predicate
    object_head_re: re.Pattern[str]  # "danh sách", "kế hoạch", "báo cáo": a published thing opens the object
    object_clause_adverbs: frozenset[str]  # "còn", "sẽ": after such a head, a predicate
    # "nâng dự báo", "hạ mạnh dự báo", "giữ nguyên đánh giá" (cue_object_verbs) right before a
    # cue: the cue is that verb's object, a forecast or an assessment, not a report
    change_tail: re.Pattern[str]


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


def _cue_alternation(cues: dict[str, str], not_before: dict[str, list[str]]) -> str:
    """Cues as a regex alternation, longest first; a cue with words of its own that
    must not follow it ("khẳng định vị thế") carries its own lookahead."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        pattern = word_alt((cue,))
        if cue in not_before:
            pattern += rf"(?!\s+(?:{word_alt(tuple(not_before[cue]))})(?!\w))"
        parts.append(pattern)
    return "|".join(parts)


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("reporting_verbs.yaml")
    stance: dict[str, str] = {}
    for st, verbs in data["cues"].items():
        if st not in STANCES:
            raise ValueError(f"reporting_verbs.yaml: unknown stance {st!r}")
        for v in verbs:
            stance.setdefault(_key(v), st)
    alt = _cue_alternation(stance, {_key(k): v for k, v in (data.get("not_before_cue") or {}).items()})
    split = []
    for st, forms in (data.get("split_cues") or {}).items():
        if st not in STANCES:
            raise ValueError(f"reporting_verbs.yaml: unknown stance {st!r}")
        for form in forms:
            a, _, b = form.partition("…")
            # "cho TASS hay", "cho báo Nikkei biết": the addressee, a name, stands inside the cue
            # the name's capitals are matched case-sensitively inside the case-folding cue pattern
            split.append(rf"{word_alt((a,))}\s+(?:(?-i:[a-zđà-ỹ]+)\s+)?(?:(?-i:[A-ZĐÀ-Ỹ])[\w.&'’-]*\s+){{1,4}}{word_alt((b,))}")
            stance.setdefault(_key(form), st)
    if split:
        alt = "|".join(split) + "|" + alt
    nb = word_alt(tuple(data["not_before"]))
    I = re.IGNORECASE
    return _Lexicon(
        stance=stance,
        cue_re=re.compile(rf"(?<!\w)({alt})(?!\w)(?!\s+(?:{nb})(?!\w))", I),
        lead_re=re.compile(rf"\s*(?:(?:{word_alt(tuple(data['cue_tails']))})(?=\s*(?::|rằng(?!\w))))?"
                           rf"\s*(?:(?:{word_alt(tuple(data['content_lead']))})(?!\w)\s*)?[:,]?\s*", I),
        shared_tail=re.compile(rf"[,;]?\s*(?:{word_alt(tuple(data['shared_subject']))})\s*$", I),
        negated_before=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['negators']))})\s+(?:\w+\s+)?$", I),
        theo_not_re=re.compile(rf"\s*(?:{word_alt(tuple(data['theo_not_speakers']))})(?!\w)", I),
        locative_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['locatives']))})\s+$", I),
        noun_before=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['noun_markers']))})\s+$", I),
        # "để tiếp tục đánh giá …": an adverb of the intended act may stand between
        complement_before=re.compile(
            rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['complement_of']))})\s+(?:(?:{word_alt(tuple(data['intended_adverbs']))})\s+)?$", I
        ),
        requests=frozenset(_key(w) for w in data["complement_of"]),
        for_comment=frozenset(_key(w) for w in data.get("request_for_comment") or ()),
        personal=frozenset(_key(w) for w in data.get("personal_cues") or ()),
        carriers=frozenset(_key(w) for w in data.get("cue_carriers") or ()),
        speech_nouns=frozenset(_key(w) for w in (data.get("statement_nouns") or []) + (data.get("speech_nouns") or [])),
        document_heads=frozenset(_key(w) for w in data.get("document_heads") or []),
        object_cues=frozenset(_key(w) for w in data.get("object_cues") or ()),
        lead_only=frozenset(_key(w) for w in data.get("lead_only_cues") or ()),
        topic_cues=frozenset(_key(w) for w in data.get("topic_cues") or ()),
        predicate_words=frozenset(_key(w) for w in data.get("predicate_words") or ()),
        object_clause_adverbs=frozenset(_key(w) for w in data.get("object_clause_adverbs") or ()),
        # lower case: "Tạ Văn Hạ cho rằng" ends in a name, not in the verb "hạ"
        change_tail=re.compile(rf"(?:^|(?<=\s))(?:{word_alt(tuple(data['cue_object_verbs']))})"
                               rf"(?:\s+(?:{word_alt(tuple(data['degree_adverbs']))}))?\s+$"),
        object_head_re=re.compile(
            rf"(?:(?:{word_alt(tuple(data.get('object_determiners') or ()))})\s+)*"
            rf"(?:{word_alt(tuple(data.get('object_heads') or ()))})(?!\w)",
            I,
        ),
    )


def stance_of(cue: str) -> str:
    """The normalised stance of a cue as written ("Cho biết" -> "assert")."""
    if _key(cue) == "theo":
        return "assert"
    k = _key(cue)
    ws = k.split()
    if len(ws) > 2 and k not in _lexicon().stance:
        k = f"{ws[0]} … {ws[-1]}"  # a split cue: "cho TASS hay" -> "cho … hay"
    return _lexicon().stance.get(k, "assert")


# ---------------------------------------------------------------- quotes


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


def _sentence_of(ctx: ArticleContext, pos: int) -> int:
    starts = [v.start for v in ctx.views]
    i = bisect_left(starts, pos + 1) - 1
    return ctx.views[max(i, 0)].index if ctx.views else 0


def _when(
    ctx: ArticleContext, view: SentenceView, cue_start: int, content: tuple[int, int], also: tuple[int, int] | None = None
) -> str | None:
    """The date the sentence gives for the statement: outside the content (and outside
    ``also``, the content of a claim split off before it), nearest the cue."""
    best: tuple[int, str | None] | None = None
    for t in ctx.found.times:
        if t.sentence != view.index or (t.start < content[1] and content[0] < t.end):
            continue
        if also is not None and also[0] < t.end and t.start < also[1]:
            continue
        if t.kind in ("year", "period"):
            continue
        d = abs(t.start - cue_start)
        if best is None or d < best[0]:
            best = (d, t.value)
    return best[1] if best else None


def _speaker_first_content(
    ctx: ArticleContext, view: SentenceView, cue_end: int, cue: str | None = None
) -> tuple[tuple[int, int], bool] | None:
    body = ctx.doc.article.body
    lex = _lexicon()
    rel = cue_end - view.start
    m = lex.lead_re.match(view.text, rel)
    pos = view.start + (m.end() if m else rel)
    if m and cue is not None and _key(cue) in lex.topic_cues and _TOPIC_LEAD.match(view.text, rel, m.end()):
        # "chia sẻ về giải đấu: “…”", "phát biểu về hiệu quả mô hình": after a cue of
        # telling, "về" names the topic; what was said follows a colon or "rằng", or was
        # not given ("nói về việc X đã …" reports the clause; "cảnh báo về nguy cơ …" warns)
        tm = _AFTER_TOPIC.match(body, pos, view.end)
        if tm is None:
            return None
        pos = tm.end()
    q = ctx.quote_opening_at(pos)
    if q is not None and not _quote_in_clause(body, q):
        s, e = trim_span(body, q[0] + 1, q[1])
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
            s, e = trim_span(body, q[0] + 1, q[1])
            return ((s, e), True) if e - s > 0 else None
    end = min(view.end, pos + _MAX_CONTENT)
    glued = _GLUED_STOP.search(body, pos, end)
    if glued:
        end = glued.start() + len(glued.group(1))
    end = stray_close(body, pos, end)
    s, e = trim_span(body, pos, end)
    if s > pos and ctx.quote_opening_at(s - 1) is not None:
        s -= 1  # the clause opens with its quoted phrase: keep the opening mark
    return ((s, e), False) if e - s > 0 else None


_NOT_CONTENT_START = re.compile(
    r"(?!(?:trước|sau)\s+(?:đó|này|đây)(?!\w))"  # "cho biết trước đó Kyiv đã …": a time adverb of the content
    r"(?:trên|trong|tại|ở|với|vào|khi|sau|trước|và|đồng thời|nhưng|song|mà|hôm|ngày|qua|bằng)(?!\w)",
    re.IGNORECASE,
)
# "nói trong cuộc họp báo rằng: …", "cho biết trong một tuyên bố, …": the content
# starts after "rằng", a colon, or the comma that closes a short adverbial; a quoted
# name on the way is one piece ('tại Diễn đàn "Kỷ nguyên mới: …"': its colon leads nothing)
_LATER_LEAD = re.compile(
    r"(?:(?:[^.:;!?\n\"“”]|“[^”\n]{0,120}”|\"[^\"\n]{0,120}\"|(?<=\d)[.,](?=\d)){1,80}?(?:\brằng|:|\bvề việc(?!\w))"
    r"|(?:[^.,:;!?\n\"“”]|“[^”\n]{0,120}”|\"[^\"\n]{0,120}\"|(?<=\d)[.,](?=\d)){1,60},)\s*[:,]?\s*",
    re.IGNORECASE,
)

# "về" / "về việc" opening what follows a cue: a topic, not the content
_TOPIC_LEAD = re.compile(r"\s*về(?!\s+việc)(?!\w)", re.IGNORECASE)
_AFTER_TOPIC = re.compile(r"[^.;:!?\n]{1,150}?(?:\brằng(?!\w)|:)\s*", re.IGNORECASE)
# a short quotation followed by the rest of its clause ("cho rằng “Sân khấu xanh” không chỉ
# là …"): the quotation is a phrase of the reported clause, not all of it
_CLAUSE_GOES_ON = re.compile(r"[ \t]+(?!(?:và|nhưng|song|đồng thời|rồi|nói|cho biết|cho hay)(?!\w))[a-zđà-ỹ]")
_QUOTED_PHRASE_WORDS = 6


def _quote_in_clause(body: str, q: tuple[int, int]) -> bool:
    return len(body[q[0] + 1 : q[1]].split()) <= _QUOTED_PHRASE_WORDS and bool(_CLAUSE_GOES_ON.match(body, q[1] + 1))


# "… hợp tác.Theo chuyên gia": a sentence end the splitter missed
_GLUED_STOP = re.compile(r"(\w{2,}[.!?])(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")


# the separator before a content-first subject, maybe with a common noun in
# between ("…", hãng tin TASS dẫn lời …)
_SEP_TAIL = re.compile(
    r"[,\-–—]\s*(?:(?!(?:sau|khi|vì|do|nếu|trước|bởi|mà|và|rằng|nhưng|song)(?!\w))[a-zđà-ỹ]+\s+){0,2}$"
)


def _content_first(
    ctx: ArticleContext, view: SentenceView, subj_start: int, titles: bool = False
) -> tuple[tuple[int, int], bool, int] | None:
    """"…, X cho biết." / "“…” - X cho hay": the content left of the subject. With
    ``titles`` (the cue has words after it), a quotation naming the noun before it
    ('Trong báo cáo "…", ông X khẳng định …') is a title, not the content."""
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
        if q is not None and titles and _names_something(ctx, view, q[0]):
            return None  # 'Trong báo cáo "…", ông X khẳng định …': the quotation is a title
        if q is not None:
            s, e = trim_span(body, q[0] + 1, q[1])
            return ((s, e), True, q[0]) if e > s else None
    s, e = trim_span(body, view.start, stop)
    if len(body[s:e].split()) < 3:
        return None
    if _PASSIVE_AGENT.search(body, s, e):
        return None  # "Thông tin trên được ông X - Chủ tịch Y công bố": the subject was announced, by X
    return (s, e), False, s


# "được/bị <agent> <cue>": the cue's agent stands between the passive marker and the cue
# ("bị cáo", "bị can", "bị hại", "bị đơn" are nouns: the defendant, the accused, the victim)
_PASSIVE_BY = re.compile(
    r"(?:^|\s)(?:được|bị(?!\s+(?:cáo|can|hại|đơn)(?!\w)))\s+((?:[^\s,.;:!?\"“”]+\s+){1,4})$", re.IGNORECASE
)

# a clause left of the subject that ends in a passive marker and its agent: the cue's
# subject is that agent, and what it announced is the clause's subject, no content here
_PASSIVE_AGENT = re.compile(r"(?:^|\s)(?:được|bị)\s+(?:ông|bà|anh|chị|ngài|[A-ZĐÀ-Ỹ])[^,;:.!?\"“”]*$")


# "X nhắc lại quan điểm …, yêu cầu Pháp …": a cue right after a comma continues the subject
_COMMA_TAIL = re.compile(r",\s*$")
_LEAD_START = re.compile(r"\s*(?:[:,]|rằng\b|với\s+[^,.:]{1,40}?\s+rằng\b)", re.IGNORECASE)


_TRAILING_THEO = re.compile(r",\s*(?:theo|dẫn theo|dẫn nguồn)\s+[^,.;:!?\"“”]{1,80}$", re.IGNORECASE)


def _trailing_credit(
    ctx: ArticleContext, view: SentenceView, content: tuple[int, int], quote: bool
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
    s, e = trim_span(body, content[0], m.start())
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


def _quote_before(ctx: ArticleContext, view: SentenceView, subj_start: int, titles: bool = False) -> bool:
    """Does a quotation close right before the separator in front of the subject?
    With ``titles``, a quotation naming the noun before it does not count."""
    body = ctx.doc.article.body
    lo = window_start(view.text, subj_start - view.start)
    head = view.text[lo : subj_start - view.start]
    m = _SEP_TAIL.search(head)
    if not m:
        return False
    k = view.start + lo + m.start()
    while k > view.start and body[k - 1].isspace():
        k -= 1
    q = ctx.quote_closing_at(k - 1) if k > 0 else None
    return q is not None and not (titles and _names_something(ctx, view, q[0]))


def _names_something(ctx: ArticleContext, view: SentenceView, opening: int) -> bool:
    """Is the quotation opening at ``opening`` the name of the noun right before it
    ('báo cáo "Thực trạng …"', 'Diễn đàn "…"', 'bộ phim "…"'), a title and not
    somebody's words? Words are quoted after a verb, a colon, a comma or a dash,
    or open the sentence."""
    before = [t for t in _sent_tokens(ctx, view) if t.end <= opening]
    if not before or ctx.doc.article.body[before[-1].end : opening].strip():
        return False
    if before[-1].pos in _COMMON_NOUN_TAGS:  # not a name: '@Monica "…" - Martin nói'
        return True
    # "Trong báo cáo": a word right after a preposition heads its noun phrase,
    # whatever the tagger says ("báo cáo" is tagged a verb there)
    return len(before) >= 2 and before[-1].pos == "V" and before[-2].pos == "E"


_COMMON_NOUN_TAGS = frozenset({"N", "Nc", "Nu"})


_TAIL_LOOK = 300  # characters after a cue worth looking at (the tail test needs no more)


def _tail_is_short(text: str) -> bool:
    """Does the sentence end right after the cue ("…, X cho biết." / "… nói thêm",
    "… nói trong cuộc họp báo")? Then the content is on the left."""
    if len(text) >= _TAIL_LOOK:
        return False
    t = text.strip().rstrip(".!?…;").strip()
    return not t or (len(t.split()) <= 8 and bool(_TAIL_START.match(t)))


_TAIL_START = re.compile(r"(?:thêm|trên|trong|tại|ở|với|vào|khi|sau|trước|hôm|ngày|qua)(?!\w)", re.IGNORECASE)


def _claims_in(ctx: ArticleContext, view: SentenceView) -> list[_Found]:
    lex = _lexicon()
    out: list[_Found] = []
    relays: dict[tuple[str, int], str] = {}  # (speaker, cue start) -> the outlet relaying it
    for cm in lex.cue_re.finditer(view.text):
        split_from: tuple[int, int] | None = None  # content of an earlier claim this one was split from
        shared = False  # the subject is an earlier clause's (not written before the cue)
        cs, ce = view.start + cm.start(), view.start + cm.end()
        cue = cm.group(1)
        if cue[:1].isupper() and view.text[: cm.start()].strip(" \"“”'‘’-–—("):
            continue  # "bài hát 'Ca ngợi Hồ Chủ tịch'": capitalised inside a sentence, a title
        if _cue_is_noun(ctx, view, cs, ce):
            continue  # "bản tin cảnh báo", "có thông báo về …", "tiếng nói": a noun, not a verb of saying
        if lex.change_tail.search(view.text[max(0, cm.start() - 30) : cm.start()]):
            continue  # "nâng dự báo tăng trưởng", "giữ nguyên đánh giá": the forecast is an object
        if _passive_before(ctx, view, cs):
            continue  # "được kỳ vọng", "bị chỉ trích", "nhận được khuyến cáo": the subject did not say it
        lo = window_start(view.text, cm.start())
        before_cue = view.text[lo : cm.start()]
        nb = lex.noun_before.search(before_cue)
        if nb and nb.group(0)[:1].isupper() and re.search(r"(?:^|\s)[A-ZĐÀ-Ỹ][\w-]*\s+$", before_cue[: nb.start()]):
            nb = None  # "Nhật Bản khẳng định": the last word of a name, not the noun "bản"
        subj = None
        if nb:
            if _key(nb.group(0)) != "với" or stance_of(cue) not in _NOUN_CUE_STANCES:
                continue  # "đưa ra bình luận", "các tuyên bố": a noun, not a verb of saying
            # "Séc trục xuất 18 nhà ngoại giao với cáo buộc những người này …": the noun
            # cue sits in a phrase of the clause; its subject makes the claim
            subj = _clause_subject(ctx, view, cs)
            if subj is None:
                continue
        elif lex.negated_before.search(before_cue[-30:]):
            continue  # "chưa bình luận", "không cho biết": nothing was said
        elif lex.complement_before.search(before_cue[-30:]):
            continue  # "đề nghị bổ sung …", "để đánh giá …": asked or intended, not said
        elif (pa := _PASSIVE_BY.search(before_cue)) and not view.mentions_in(
            view.start + lo + pa.start(1), view.start + lo + pa.end(1)
        ):
            continue  # "nhiều công trình được giới chuyên môn đánh giá cao": an unnamed agent
        elif _agent_phrase_before(ctx, view, cs, ce):
            continue  # "ảnh được VinFast công bố trước đó", "báo cáo do X công bố": the object is the noun before
        else:
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
                    s, e = trim_span(ctx.doc.article.body, prev.content[0], cut)
                    prev.content = (s, e)
                    if not prev.quote and (_np_object(ctx, view, prev.cue, prev.content) or _too_short(ctx, prev.content)):
                        out.pop()  # "xác nhận những diễn biến tích cực …, và khẳng định …": only the second
                subj = Subject(list(prev.speakers), prev.span[0])
            else:
                # "X đã tổ chức …, kêu gọi …, đồng thời nói rằng …": the clause of the cue
                # has no subject of its own and shares the subject of an earlier clause
                subj = _shared_subject(ctx, view, cs)
                if subj is None:
                    continue
                # "…”, ông nói, cho rằng …": a verb of saying of the same subject stands between
                # it and this cue, which reports what follows; "…”, bà X, Giám đốc Viện Y, nói":
                # only an apposition stands between, the quote is the content
                shared = lex.cue_re.search(ctx.doc.article.body, subj.start, cs) is not None
                if out and set(out[-1].speakers) == set(subj.speakers) and not out[-1].quote:
                    # "X cáo buộc A, cho rằng B": two claims of one speaker; A ends at the comma
                    prev = out[-1]
                    comma = ctx.doc.article.body.rfind(",", prev.content[0], cs)
                    if prev.content[0] < comma < cs <= prev.content[1] + 2:
                        s_, e_ = trim_span(ctx.doc.article.body, prev.content[0], comma)
                        if e_ > s_:
                            prev.content = (s_, e_)
                            split_from = prev.content
                            if not prev.quote and (
                                _bare_object(ctx, view, prev.cue_start, prev.content)
                                or _np_object(ctx, view, prev.cue, prev.content)
                                or _too_short(ctx, prev.content)
                            ):
                                out.pop()  # "xác nhận thông tin này, lý giải rằng …": only the second is a claim
        tail = view.text[cm.end() : cm.end() + _TAIL_LOOK]
        source = None
        after_pos = ce
        if _key(cue) == "dẫn lời":
            # "“…”, hãng tin Y dẫn lời Ngoại trưởng Áo X": the quoted person speaks
            hon = re.match(r"\s*(?:ông|bà|ngài)\s+", view.text[ce - view.start :], re.IGNORECASE)
            after = view.mention_at(ce + (hon.end() if hon else 0))
            tp = next((p for p in title_parses(ctx, view) if p.start >= ce and p.person is not None), None)
            target = after if after is not None and entity_type(ctx.found, after) == PERSON else (tp.person if tp else None)
            if target is not None and target.entity:
                source = subj.speakers[0]
                subj = Subject([target.entity], subj.start)
                after_pos = target.evidence.end
                tail = view.text[after_pos - view.start : after_pos - view.start + _TAIL_LOOK]
            elif _RELAYED_NAME.match(view.text, ce - view.start):
                # "“…”, báo X dẫn lời Porro": a named speaker the entity stage did not make
                # a person; the words are theirs, not the outlet's ("dẫn lời một số quan chức"
                # relays unnamed speakers and stays the outlet's)
                continue
        if _unnamed_subject(ctx, view, cs, subj):
            continue  # "một cựu quan chức Mỹ cho rằng": an unnamed speaker
        if _actor_describes_head(ctx, view, cs, subj):
            continue  # "Nhà cầm quân Italy tiết lộ", "Tòa án tối cao Mỹ khẳng định": not the country
        if any(q[0] < cs < q[1] for q in ctx.quotes) and not _named_person(ctx, view, subj, cs):
            # inside someone's quoted words only a person they name reports ("“Ngoại trưởng X
            # khẳng định …”"); "“Ông ấy không phàn nàn, ông ấy đe dọa”", "“Walmart nên ngừng
            # đổ lỗi …”" are the quoted speaker's own words
            continue
        if _key(cue) in lex.personal and subj.speakers and all(
            entity_type_id(ctx.found, sp) == PLACE for sp in subj.speakers
        ):
            continue  # "Văn Ý chia sẻ": a person whose name was read as a place
        if _RELATIVE_BEFORE.search(view.text[max(0, subj.start - view.start - 20) : subj.start - view.start]):
            continue  # "các hành động mà ông X đề cập tới bao gồm …": a relative clause, its object is the head noun
        if _nominalised(ctx, view, cs, subj):
            continue  # "Việc Tổng thống X đe dọa … có thể …": the report is a noun phrase of another verb
        first = None
        short = _tail_is_short(tail)
        qb = _quote_before(ctx, view, subj.start, titles=not short)
        # content on the left ("“…”, X cho biết.") only for a subject written right before the
        # cue: one shared with an earlier clause ("…, tổ hợp phải …; mức điểm …, yêu cầu với
        # người học.") has no content-first report
        if not shared and (
            short or (qb and (not _leads_content(tail) or _next_is_own_predicate(ctx, view, after_pos)))
        ):
            first = _content_first(ctx, view, subj.start, titles=not short)
        if first is not None:
            content, quote, cstart = first
            span = (min(cstart, subj.start), view.end)
            if not quote and not any(
                t.pos in ("V", "A") for t in _sent_tokens(ctx, view) if content[0] <= t.start and t.end <= content[1]
            ):
                continue  # "Sau 11 năm (2008 - 2019), Bộ X công nhận.": a time phrase, no reported clause
        else:
            got = _speaker_first_content(ctx, view, after_pos, cue)
            if got is None:
                continue
            content, quote = got
            span = (subj.start, max(view.end, content[1]))
        if _CAPTION_START.match(ctx.doc.article.body, content[0]):
            continue  # "Nhà báo X chia sẻ - Ảnh: Báo Y …": a photo caption glued to the text, not said
        if len(ctx.doc.article.body[content[0] : content[1]].split()) < (2 if quote else _MIN_REPORTED_WORDS):
            # "thừa nhận thiếu sót", "yêu cầu điều tra", "đổ lỗi cho người khác": two or three
            # words after a cue are its object or a verb phrase, not a clause with a subject
            continue
        if not quote and first is None and _bare_object(ctx, view, cs, content):
            continue  # "chỉ trích động thái này": the verb's object is a noun phrase, not a claim
        if (
            not quote
            and first is None
            and not _EXPLICIT_LEAD.search(ctx.doc.article.body, after_pos, content[0])
            and _np_object(ctx, view, cue, content)
        ):
            continue  # "công bố kết quả kiểm tra chất lượng …": a long noun-phrase object
        if (
            not quote
            and first is None
            and _key(cue) in lex.lead_only
            and not _EXPLICIT_LEAD.search(ctx.doc.article.body, after_pos, content[0])
            and not _LEAD_AFTER_THEM.match(ctx.doc.article.body, content[0])
        ):
            continue  # "từ chối tiến hành phẫu thuật", "đã từ chối vì …": refused, said nothing
        nested = lex.cue_re.match(ctx.doc.article.body, content[0]) if not quote and first is None else None
        if nested and _key(cue) in lex.requests and _key(nested.group(1)) not in lex.for_comment:
            nested = None  # "đề nghị bổ sung …": the request is the claim, the verb opens its content
        if nested:
            if source is not None:
                # "Reuters dẫn lời ông X cho biết …": X's own cue makes the claim; Reuters relays it
                relays[(subj.speakers[0], nested.start())] = source
            continue  # "từ chối cho biết …": the content is itself a verb of saying
        if _key(cue) in _DECLINE_CUES and not quote and lex.cue_re.search(
            ctx.doc.article.body, content[0], min(content[1], content[0] + 25)
        ):
            continue  # "từ chối đưa ra bình luận": declined to speak
        content, credited = _trailing_credit(ctx, view, content, quote)
        source = source or credited or relays.get((subj.speakers[0] if subj.speakers else "", cs))
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
        f.when = _when(ctx, view, cs, content, split_from)
        out.append(f)
        last_sent = max(view.index, _sentence_of(ctx, max(content[0], content[1] - 1)))
        ctx.speakers_so_far += [(last_sent, sp) for sp in f.speakers if entity_type_id(ctx.found, sp) == PERSON]
    _cut_at_next_subject(ctx, out)
    _cut_at_later_quote(ctx, out)
    return out


# after "dẫn lời": a name, maybe behind an honorific or a lower-case title ("tiền vệ Porro")
_RELAYED_NAME = re.compile(r"\s+(?:[a-zđà-ỹ]+\s+){0,3}[A-ZĐÀ-Ỹ]")
# "các biện pháp mà ông X đề xuất": a relative clause, the cue reports nothing
_RELATIVE_BEFORE = re.compile(r"(?:^|\s)mà\s+$", re.IGNORECASE)
_DECLINE_CUES = frozenset({"từ chối"})  # "từ chối bình luận": declined; "bác bỏ quan điểm cho rằng …" is a claim
_UNNAMED_HEAD = re.compile(r"(?:một|các|những|nhiều|một số|một vài)\s", re.IGNORECASE)
# "Những ngày qua Mỹ cảnh báo": a time phrase, not an unnamed speaker
_TIME_HEAD = re.compile(r"(?:một|các|những|nhiều|một số|một vài)\s+(?:ngày|tháng|năm|tuần|giờ|lần|thời gian|dịp)(?!\w)", re.IGNORECASE)


@cache
def _time_heads() -> frozenset[str]:
    """Words that open a time phrase run into a subject ("Ngày 6-11 Mỹ công bố …")."""
    data = load_yaml("time_words.yaml")
    more = load_yaml("reporting_verbs.yaml").get("time_heads") or []
    words = [*data["date_cues"], *data["day_parts"], *data["unit_words"], *more]
    return frozenset(" ".join(str(w).casefold().split()) for w in words)


def _actor_describes_head(ctx: ArticleContext, view: SentenceView, cue_start: int, subj: Subject) -> bool:
    """Is the country or city the subject resolved to only a modifier inside a subject
    headed by a common noun ("Nhà cầm quân Italy tiết lộ", "truyền hình nhà nước Iran
    thông báo", "Tòa án tối cao Mỹ khẳng định", "ngành du lịch Việt Nam kỳ vọng",
    "Nhiều khán giả Nhật …, nhắc lại")? That head speaks, unnamed or not recognised,
    not the country. Read from the clause of the cue (kg.nlp.clauses), or the clause
    whose subject it shares: its first word, past determiners, is a common noun
    standing before the actor's mention. Heads with which the country acts itself
    ("phía", "chính quyền", "giới chức": country_as_actor_heads) and time words run into
    the subject ("Ngày 6-11 Mỹ …", "Tuần trước Mỹ …") are no such heads."""
    if not subj.speakers or not all(entity_type_id(ctx.found, sp) in (PLACE, COUNTRY) for sp in subj.speakers):
        return False
    cls = _clauses_of(ctx, view)
    own = next((c for c in cls if c.verb is not None and c.verb.start <= cue_start < c.verb.end), None)
    if own is None:
        # the tagger read a word of the subject as the clause's verb ("Nhà cầm quân …");
        # a clause whose verb is itself a cue holds this one in its content ("Reuters
        # cho biết trước đó chính quyền Ukraine đã yêu cầu …"): not this subject's clause
        own = clause_at(cls, cue_start)
        if own is None or (own.verb is not None and _lexicon().cue_re.match(ctx.doc.article.body, own.verb.start)):
            return False
    if own.subject is None and own.shared_from is not None:
        own = cls[own.shared_from]
    mention = next((m for m in view.mentions if m.entity in subj.speakers and own.start <= m.evidence.start < cue_start), None)
    if mention is None:
        return False
    tokens = _sent_tokens(ctx, view)
    k = own.first + own.opener_tokens
    for j in range(k, own.last):
        if tokens[j].start >= mention.evidence.start:
            break
        if tokens[j].pos == "C" or tokens[j].text.casefold() in ("và", "hoặc", "hay", "cùng"):
            k = j + 1  # "ông Putin và giới chức Matxcơva": the actor's own conjunct
    while k < own.last and (tokens[k].pos in ("L", "M", "CH") or _UNNAMED_HEAD.match(tokens[k].text + " ")):
        k += 1  # "các", "nhiều", "hai": the head comes after
    if k >= own.last or tokens[k].end > mention.evidence.start or tokens[k].pos not in ("N", "Nc"):
        return False
    one = " ".join(tokens[k].text.casefold().split())
    # the next word, also when the tagger glued it to the name ("giới" + "chức Ukraine")
    two = f"{one} {tokens[k + 1].text.casefold().split()[0]}" if k + 1 < own.last and tokens[k + 1].text.strip() else one
    heads = speaker_words().country_as_actor_heads | _time_heads()
    if speaker_words().statement_of_tail.search(ctx.doc.article.body[tokens[k].start : mention.evidence.start]):
        return False  # "Thông báo của Brazil cho biết": the statement is the actor's own
    return one not in heads and two not in heads and one.split()[0] not in heads


def _unnamed_subject(ctx: ArticleContext, view: SentenceView, cue_start: int, subj: Subject) -> bool:
    """Does the cue's own subject noun phrase open with a determiner that leaves it
    unnamed ("Một cựu sĩ quan quân đội Ukraine cho rằng"), the actor found being only
    a modifier inside it?"""
    cls = _clauses_of(ctx, view)
    own = next((c for c in cls if c.verb is not None and c.verb.start <= cue_start < c.verb.end), None)
    if own is None and all(entity_type_id(ctx.found, sp) in (PLACE, COUNTRY) for sp in subj.speakers):
        # "các chuyên gia giáo dục châu Âu cũng nhấn mạnh": a word of the subject was
        # tagged a verb, so the clause's verb is not the cue; the place only describes
        # the unnamed head that opens the clause
        own = clause_at(cls, cue_start)
        if own is not None and own.start <= subj.start and not _TIME_HEAD.match(ctx.doc.article.body, own.start):
            lead = ctx.doc.article.body[own.start : subj.start]
            return bool(_UNNAMED_HEAD.match(lead)) and not re.search(r"[,;:]", lead)
        return False
    if own is None or any(entity_type_id(ctx.found, sp) == PERSON for sp in subj.speakers):
        return False
    np = own.subject if own.subject is not None else (cls[own.shared_from].subject if own.shared_from is not None else None)
    if np is not None and _UNNAMED_HEAD.match(np.text):
        # "Một cựu sĩ quan quân đội Ukraine cho rằng", and "… khiến nhiều người tin rằng",
        # where stepping left over "nhiều người" would reach an actor of another clause
        return True
    # "Một quan chức trong chính quyền Mỹ tiết lộ": the clause opens with the unnamed
    # head and the actor sits in a phrase inside the subject
    body = ctx.doc.article.body
    lead = body[own.start : subj.start]
    return own.start <= subj.start and bool(_UNNAMED_HEAD.match(lead)) and not re.search(r"[,;:]", lead)


def _nominalised(ctx: ArticleContext, view: SentenceView, cue_start: int, subj: Subject) -> bool:
    """Does the clause of the cue open with "việc" before its subject ("Việc Tổng thống
    X đe dọa áp thuế … có thể tạo ra tác động"): a clause made a noun phrase, the
    subject of some other verb, not a report of the speaker?"""
    c = clause_at(_clauses_of(ctx, view), cue_start)
    if c is None or not (c.start <= subj.start):
        return False
    sent = next((s for s in ctx.doc.sentences if s.sentence.index == view.index), None)
    if sent is None:
        return False
    k = c.first + c.opener_tokens
    return k < c.last and sent.tokens[k].text.casefold() == "việc" and sent.tokens[k].end <= subj.start


def _next_is_own_predicate(ctx: ArticleContext, view: SentenceView, cue_end: int) -> bool:
    """Is what follows the cue ", <verb> …" another predicate of the same subject
    ("…”, bà X bình luận, đề cập tới …") rather than the cue's content?"""
    body = ctx.doc.article.body
    for c in _clauses_of(ctx, view):
        if c.start < cue_end:
            continue
        return (
            body[cue_end : c.start].strip() == ","
            and c.subject is None
            and c.verb is not None
            and c.verb.first == c.first + c.opener_tokens
        )
    return False


def _clauses_of(ctx: ArticleContext, view: SentenceView) -> list[Clause]:
    key = ("clauses", view.index)
    got = ctx.cache.get(key)
    if got is None:
        sent = next((s for s in ctx.doc.sentences if s.sentence.index == view.index), None)
        got = ctx.cache[key] = clauses(sent) if sent is not None else []
    return got


_NOUN_CUE_STANCES = frozenset({"accuse", "warn", "demand"})


def _clause_subject(ctx: ArticleContext, view: SentenceView, pos: int) -> Subject | None:
    """The subject (own or shared) of the active clause holding ``pos``, resolved."""
    cls = _clauses_of(ctx, view)
    c = clause_at(cls, pos)
    if c is None or c.verb is None or c.passive or c.verb.start > pos:
        return None
    sent = next((s for s in ctx.doc.sentences if s.sentence.index == view.index), None)
    if sent is None or any(sent.tokens[k].text.casefold() in ("bị", "được") for k in range(c.first, c.verb.last)):
        return None  # "… bị Pháp trục xuất với cáo buộc …": the subject is the target, not the accuser
    np = c.subject if c.subject is not None else (cls[c.shared_from].subject if c.shared_from is not None else None)
    if np is None:
        return None
    return _np_speaker(ctx, view, np)


def _shared_subject(ctx: ArticleContext, view: SentenceView, cue_start: int) -> Subject | None:
    """The speaker of a cue whose clause shares an earlier clause's subject (from
    :mod:`kg.nlp.clauses`), resolved like any subject noun phrase."""
    cls = _clauses_of(ctx, view)
    own = next((c for c in cls if c.verb is not None and c.verb.start <= cue_start < c.verb.end), None)
    if own is None or own.subject is not None or own.shared_from is None:
        return None
    np = cls[own.shared_from].subject
    if np is None:
        return None
    return _np_speaker(ctx, view, np)


def _np_speaker(ctx: ArticleContext, view: SentenceView, np) -> Subject | None:
    """The speaker a subject noun phrase names: resolved at its end, or else the one
    actor inside it ("Bộ Ngoại giao Nga ngày 18/4", "tuyên bố của Điện Kremlin") —
    not a country that only ends an unknown organisation's name ("Phòng Thương mại Mỹ")."""
    subj = np_at_end(ctx, view, np.end)
    if subj is None:
        ms = view.mentions_in(np.start, np.end)
        if len(ms) == 1 and ms[0].entity:
            m = ms[0]
            lead = ctx.doc.article.body[np.start : m.evidence.start]
            if _OWNED_LEAD.search(lead) and not speaker_words().statement_of_tail.search(lead):
                # "Đạo diễn của phim X từng khen …, khẳng định": whose director it is, not X
                return None
            if entity_type(ctx.found, m) in (PLACE, COUNTRY) and (
                speaker_words().org_head_tail.search(ctx.doc.article.body[np.start : m.evidence.start])
                or speaker_words().collective_tail.search(ctx.doc.article.body[np.start : m.evidence.start])
                or modifies_a_noun(ctx, view, m, speaker_words())
            ):
                # "Phòng Thương mại Mỹ", "Truyền thông Trung Quốc từng …, cho rằng", "Cựu hậu vệ
                # Pháp đăng thông điệp …, cho biết": the country names or describes the subject's head
                return None
            subj = Subject([m.entity], np.start)
    return subj


# a common noun and "của" before the one actor of a subject: "Đạo diễn của X", "luật sư của X"
_OWNED_LEAD = re.compile(r"(?:^|\s)[a-zđà-ỹ]+(?:\s+[a-zđà-ỹ]+){0,2}\s+của\s+$")


def _bare_object(ctx: ArticleContext, view: SentenceView, cue_start: int, content: tuple[int, int]) -> bool:
    """Is the content only the cue verb's object noun phrase, with no verb of its own
    ("chỉ trích động thái này", "hoan nghênh quyết định trên")?"""
    sent = next((s for s in ctx.doc.sentences if s.sentence.index == view.index), None)
    if sent is None:
        return False
    inside = [t for t in sent.tokens if content[0] <= t.start and t.end <= content[1]]
    # a reported clause has a predicate: a verb, or an adjective/modal ("sẵn sàng");
    # a long content without one is more likely a mis-tagged clause than a noun phrase
    if not inside or len(inside) > _BARE_OBJECT_TOKENS:
        return False
    return not any(t.pos in ("V", "A") for t in inside)


_BARE_OBJECT_TOKENS = 6
_MIN_REPORTED_WORDS = 4  # a reported clause not in quotes: a subject and a predicate, at least
_CAPTION_START = re.compile(r"(?:Ảnh|Ảnh minh họa|Nguồn|Video|Clip)\s*(?:\([^()]{0,30}\))?\s*:")


def _too_short(ctx: ArticleContext, content: tuple[int, int]) -> bool:
    """Is an unquoted content, once cut at the next cue of its speaker ("Real yêu cầu xin
    lỗi, đồng thời đề nghị …"), too short to be a reported clause?"""
    return len(ctx.doc.article.body[content[0] : content[1]].split()) < _MIN_REPORTED_WORDS
_EXPLICIT_LEAD = re.compile(r"rằng|:", re.IGNORECASE)
# "bổ sung thêm rằng …", "viết thêm: …": the lead after "thêm" (more) that the content took in
_LEAD_AFTER_THEM = re.compile(r"thêm\s*(?:rằng|:)", re.IGNORECASE)


def _sent_tokens(ctx: ArticleContext, view: SentenceView) -> list[Token]:
    key = ("tokens", view.index)
    got = ctx.cache.get(key)
    if got is None:
        sent = next((s for s in ctx.doc.sentences if s.sentence.index == view.index), None)
        got = ctx.cache[key] = sent.tokens if sent is not None else []
    return got


def _token_at(tokens: list[Token], pos: int) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.start <= pos < t.end), None)


def _named_person(ctx: ArticleContext, view: SentenceView, subj: Subject, cs: int) -> bool:
    """Is the subject a person named right there (a Person mention between the subject's
    start and the cue), not a pronoun resolved to someone named before?"""
    return all(entity_type_id(ctx.found, sp) == PERSON for sp in subj.speakers) and any(
        entity_type(ctx.found, m) == PERSON for m in view.mentions_in(subj.start, cs)
    )


_EXPLICIT_LEAD_AT = re.compile(r"\s*(?:rằng(?!\w)|:)", re.IGNORECASE)
_AGENT_HEAD_TAGS = frozenset({"N", "Np", "Nc", "Ny", "P"})
_AGENT_WORDS = 8  # tokens an agent phrase may hold ("Tổng thống Nga Vladimir Putin")


def _agent_phrase_before(ctx: ArticleContext, view: SentenceView, cs: int, ce: int) -> bool:
    """Does an agent phrase stand right before the cue: a marker (``agent_markers``:
    "được", "do") opening a noun phrase that names an actor, with no break and no verb up
    to the cue ("ảnh đồ họa được VinFast công bố", "chính sách thuế do ông X đề xuất",
    "được Tổng thống Nga Vladimir Putin tuyên bố hồi tháng 4")? The clause is passive or
    relative: its subject or head noun is what the agent announced or proposed, and what
    follows the cue is no report of the agent. "do" after anything but a noun is
    "because" ("…, do Mỹ phản đối" is not an agent). A report stays when "rằng" or a colon
    leads the content ("một chi tiết được ông X chia sẻ: …"), or when a passive subject
    is followed by its own predicate ("Phim được hãng X tuyên bố sẽ là …", "Nền kinh tế
    được IMF dự báo giảm 8%": raised, the predicate is what was said of it)."""
    if _EXPLICIT_LEAD_AT.match(view.text, ce - view.start):
        return False
    toks = _sent_tokens(ctx, view)
    k = _token_at(toks, cs)
    if not k:
        return False
    markers, not_after = _agent_words()
    body = ctx.doc.article.body
    for j in range(k - 1, max(-1, k - 1 - _AGENT_WORDS), -1):
        t = toks[j]
        w = _key(t.text)
        if w in markers and t.text[:1].islower():
            break
        if t.pos == "V" and j > 0 and toks[j - 1].pos == "M":
            continue  # "3.000 tổ chức": a word counted is a noun, whatever its tag
        if t.pos in ("CH", "V", "C") or not t.text.strip():
            return False  # a break, or a verb of its own ("do Công ty X sản xuất …"): no agent phrase
    else:
        return False
    if j + 1 >= k:
        return False
    head = toks[j + 1]
    # "được hơn 3.500 tổ chức trên toàn cầu công nhận", "được các nhà khoa học đánh giá":
    # a quantified agent, unnamed; otherwise the agent names an actor
    quantified = head.pos in ("M", "L") or (head.pos == "A" and j + 2 < k and toks[j + 2].pos == "M")
    if head.pos not in _AGENT_HEAD_TAGS and not quantified:
        return False  # "được bổ nhiệm làm …": a passive verb, not an agent
    rest = _key(body[toks[j + 1].start : cs])
    if any(rest == n or rest.startswith(n + " ") for n in not_after):
        return False  # "được cho là X nói", "do vậy"
    if w == "do" and (j == 0 or toks[j - 1].pos not in _AGENT_HEAD_TAGS or toks[j - 1].pos == "P"):
        return False  # "…, do Mỹ phản đối": because
    if not quantified and not view.mentions_in(toks[j + 1].start, toks[k - 1].end):
        return False
    if w != "do":
        nxt = next((x for x in toks[k:] if x.start >= ce), None)
        if nxt is not None and not body[ce : nxt.start].strip() and nxt.pos in ("V", "A", "R") and _key(nxt.text) not in _NOT_RAISED:
            return False  # "được IMF dự báo giảm 8%": the passive subject's own predicate
    return True


_NOT_RAISED = frozenset({"là", "theo", "trước", "sau", "lại"})


@cache
def _agent_words() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_yaml("reporting_verbs.yaml")
    return frozenset(_key(w) for w in data["agent_markers"]), tuple(_key(w) for w in data["agent_marker_not_before"])


def _passive_before(ctx: ArticleContext, view: SentenceView, cs: int) -> bool:
    """Is the cue right after a passive marker ("được", "bị")? Then the subject of
    the clause is what was assessed, warned or criticised, not who spoke."""
    toks = _sent_tokens(ctx, view)
    k = _token_at(toks, cs)
    if not k:
        return False
    prev = toks[k - 1]
    body = ctx.doc.article.body
    return (
        not body[prev.end : cs].strip()
        and _key(prev.text) in clause_words().passive
        and prev.text[:1].islower()
        and view.mention_ending_at(prev.end) is None
    )


def _cue_is_noun(ctx: ArticleContext, view: SentenceView, cs: int, ce: int) -> bool:
    """Is the cue a noun by the tags rather than a verb of saying?

    * it is only the tail of a longer common word ("tiếng nói", "chủ đề xuất": the
      tokeniser made one word of it and the lower-case word before);
    * it is tagged a noun right after a lower-case common noun: the end of a compound
      noun ("bản tin cảnh báo thiên tai", "vào diện cảnh báo", "mối đe dọa", "làn
      sóng chỉ trích"), unless that noun names a statement ("trả lời phỏng vấn cho
      biết") or is an adverbial phrase allowed between a speaker and a cue ("nhiều lần");
    * it is tagged a noun right after a lower-case verb that is not one of saying:
      the verb's object ("có thông báo về …", "nâng dự báo tăng trưởng", "dập tắt
      hy vọng", "được kỳ vọng"). Verbs that carry a noun of saying ("bày tỏ hy
      vọng", "nhấn mạnh mong muốn") are data (``cue_carriers``).
    """
    toks = _sent_tokens(ctx, view)
    k = _token_at(toks, cs)
    if k is None:
        return False
    body = ctx.doc.article.body
    t = toks[k]
    if t.start < cs:
        head = body[t.start : cs]
        return head == head.lower() and (t.pos == "N" or t.end < ce)
    if t.end > ce and body[ce : ce + 1].isspace() and " " not in body[cs:ce].strip():
        # a one-syllable cue that the tokeniser read as the head of a two-syllable word
        # ("khuyên nhủ", "nói chung", "nói riêng"); longer tokens are more often a cue glued
        # to its object ("nhận định giá vàng …") and stay cues
        rest = body[ce : t.end].strip()
        if re.fullmatch(r"[a-zđà-ỹ]+", rest) and _key(rest) not in _CUE_TOKEN_TAILS:
            return True
    if _NUMBERED.match(body, ce):
        return True  # "ban hành thông báo số 1311 về …", "quyết định số 39": a numbered document
    if k > 0 and _key(toks[k - 1].text) == "có" and _key(body[cs:ce]) not in _lexicon().topic_cues and re.match(r"\s+về(?!\s+việc\s+này)(?!\w)", body[t.end : t.end + 20]):
        # "vừa có thông báo về việc …": a notice the subject has, a noun ("có chia sẻ về giải
        # đấu: “…”" names a topic, then what was said: topic_cues are read as before)
        return True
    if k > 0 and _key(toks[k - 1].text) in _lexicon().document_heads and not body[toks[k - 1].end : cs].strip():
        return True  # "có đơn tố cáo", "gửi đơn đề nghị": the kind of a filed document, whatever its tag
    if t.pos != "N" or k == 0:
        return False
    prev = toks[k - 1]
    if body[prev.end : cs].strip() or prev.pos not in ("N", "V") or not prev.text[:1].islower():
        return False
    if view.mention_ending_at(prev.end) is not None:
        return False  # "Đại học Kinh tế quốc dân cho hay": the word ends a name
    bm = speaker_words().between_tail.search(body, max(view.start, prev.start - 40), cs)
    if bm and bm.start() <= prev.start:
        return False  # "nhiều lần", "công khai": words allowed between a speaker and a cue
    lex = _lexicon()
    if prev.pos == "V":
        return _key(prev.text) not in lex.carriers
    if any(x.start < prev.end and prev.start < x.end for x in ctx.times_in(view.index)):
        return False
    return _key(prev.text) not in lex.speech_nouns


_NUMBERED = re.compile(r"\s+số\s+\d", re.IGNORECASE)
# words a tokeniser may glue to a cue that still leave it a verb of saying ("nói rằng")
_CUE_TOKEN_TAILS = frozenset({"rằng", "là", "thêm", "lại", "ra"})
_NOMINALISERS = frozenset({"việc", "sự", "cuộc", "nỗi", "niềm"})
_PERSON_WORDS = frozenset({"ông", "bà", "anh", "chị", "cô", "em", "cháu", "chú", "bác", "thầy", "cụ", "tôi", "họ"})
_OBJECT_OPENERS = frozenset({"M", "Z", "L", "Np", "Nc", "P", "Ny"})  # a number, determiner, name
_NOT_PRONOUNS = frozenset({"này", "đó", "kia", "ấy", "nọ", "đây", "nào", "gì"})
_CLAUSE_STOP = frozenset({",", ";", ":", "(", "-", "–", "—"})


def _np_object(ctx: ArticleContext, view: SentenceView, cue: str, content: tuple[int, int]) -> bool:
    """Is the content of a cue that also takes objects ("chia sẻ", "công bố") a noun
    phrase however long ("chia sẻ cuộc sống gia đình trên mạng xã hội", "công bố kết
    quả kiểm tra chất lượng bệnh viện năm 2024")? Read from the tags up to the first
    content: it opens with a common noun, classifier or quantifier and has no
    predicate — no adverb (R: "đã", "sẽ", "không"), no copula or modal ("là", "cần",
    ``predicate_words``), no personal pronoun as a subject — and runs to the end of the
    content with no clause break, after which a clause may follow."""
    lex = _lexicon()
    if _key(cue) not in lex.object_cues:
        return False
    if _headed_object(ctx, content):
        return True
    toks = [t for t in _sent_tokens(ctx, view) if content[0] <= t.start and t.end <= content[1]]
    if toks and toks[0].pos == "T" and _key(toks[0].text) == "cả":
        toks = toks[1:]  # "xác nhận cả việc bán nhà đất …": "cả" (even) opens the object
    if not toks:
        return False
    first = toks[0]
    if first.pos not in ("N", "Nc", "L", "M") or not first.text[:1].islower():
        return False
    if _key(first.text) in speaker_words_pronouns() or _key(first.text) in _PERSON_WORDS:
        return False  # "anh", "cô": a person is the subject of the clause
    if first.pos == "N" and len(toks) > 1 and toks[1].pos in _OBJECT_OPENERS:
        return False  # "thông báo trục xuất 3 nhân viên …": a verb tagged a noun, then its object
    for i, t in enumerate(toks):
        if t.text in _CLAUSE_STOP:
            return False  # "thời gian qua, ngành nước đã …": a phrase before the clause; undecided
        w = _key(t.text)
        if t.pos == "V" and i > 0 and _key(toks[i - 1].text) in _NOMINALISERS:
            continue  # "việc bán", "sự quan tâm": a verb made a noun
        if t.pos == "V" and not (toks[i - 1].pos == "N" and i + 1 < len(toks) and toks[i + 1].pos == "N"):
            return False  # a verb not between two nouns ("kết quả kiểm tra chất lượng"): a predicate
        if t.pos == "R" or w in lex.predicate_words or w in lex.stance:
            return False  # a predicate, or a report inside the noun phrase ("quan điểm cho rằng …")
        if t.pos == "P" and w not in _NOT_PRONOUNS:
            return False
    return True


# what a quote or a parenthesis holds is not read for the predicate of the clause around it
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|\([^()]*\)")
# a report inside the content ("kết quả khảo sát cho thấy …", "danh sách … là"): a clause
_STRONG_PREDICATE = re.compile(r"(?<!\w)(?:là|cho thấy|cho biết|rằng)(?!\w)", re.IGNORECASE)
_DEMONSTRATIVE = frozenset({"này", "đó", "trên", "ấy", "kia"})


def _headed_object(ctx: ArticleContext, content: tuple[int, int]) -> bool:
    """Does the content open with a noun naming a thing one publishes, shares or confirms
    ("công bố danh sách 272 thí sinh trúng tuyển …", "công bố kế hoạch thuế quan …",
    "công bố báo cáo tài chính quý 1 với doanh thu …, tăng …", "chia sẻ loạt ảnh cưới …";
    heads in ``object_heads``) that is not the subject of a clause? The tags inside such
    noun phrases are unreliable (nouns read as verbs: "thuế quan/V", "hiệp định/V"), so
    the clause is read from its predicate words: a copula or a report anywhere outside
    quotes ("là", "cho thấy"), an adverb of a predicate before the first clause break
    ("… còn có", "… sẽ quyết định"; ``object_clause_adverbs``), or a predicate word right
    after the head or after a demonstrative that closes the subject ("quyết định này có
    hiệu lực …")."""
    lex = _lexicon()
    text = ctx.doc.article.body[content[0] : content[1]]
    m = lex.object_head_re.match(text)
    if m is None or not text[:1].islower():
        return False
    rest = _QUOTED.sub(" ", text[m.end() :])
    if _STRONG_PREDICATE.search(rest):
        return False
    words = re.findall(r"[\w-]+|[,;:]", rest.casefold())
    for i, w in enumerate(words):
        if w in ",;:":
            break
        if w in lex.object_clause_adverbs:
            return False  # "số liệu quan trắc … còn có độ bất định": a clause
        w2 = f"{w} {words[i + 1]}" if i + 1 < len(words) else w
        if w in lex.predicate_words or w2 in lex.predicate_words:
            if i == 0 or words[i - 1] in _DEMONSTRATIVE:
                return False
    return True


@cache
def speaker_words_pronouns() -> frozenset[str]:
    data = load_yaml("reporting_verbs.yaml")
    return frozenset(_key(w) for w in data["person_pronouns"] if len(w.split()) == 1)


_CLAUSE_JOIN = re.compile(r",\s*(?:(?:sau khi|trước khi|khi|vì|do|bởi vì|nhưng|song|trong khi)\s*)?$", re.IGNORECASE)


def _cut_at_later_quote(ctx: ArticleContext, found: list[_Found]) -> None:
    """"Ông X cho rằng A "B", Tổng thống X cho hay": a reported clause runs on into a
    quotation that another cue attributes; the clause ends where the quotation opens."""
    body = ctx.doc.article.body
    for a in found:
        if a.quote:
            continue
        for b in found:
            if b is a or not b.quote:
                continue
            op = b.content[0] - 1  # the opening mark
            if a.content[0] < op < a.content[1] and b.cue_start > b.content[1] and a.cue_start < op:
                s, e = trim_span(body, a.content[0], op)
                if len(body[s:e].split()) >= 2:
                    a.content = (s, e)


@cache
def _actor_head_tail() -> re.Pattern[str]:
    heads = sorted(speaker_words().country_as_actor_heads - {"việc", "sự"}, key=len, reverse=True)
    return re.compile(rf"(?<=,)\s*(?:{'|'.join(re.escape(h) for h in heads)})$", re.IGNORECASE)


def _cut_at_next_subject(ctx: ArticleContext, found: list[_Found]) -> None:
    """"Pháp tuyên bố rút quân, giới chức Đức cho rằng …": a later claim whose
    subject starts after a comma inside an earlier claim's content ends that content.
    (A subject right at the start of the content is a nested report and stays in:
    "Bà Olsen nêu rõ, Tổng thống Dumas đã cảnh báo rằng …".)"""
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
            # "…, phía Nhật Bản khẳng định …", "…, chính quyền Seoul cảnh báo …": the head
            # with which the country acts opens the later subject
            hm = _actor_head_tail().search(head)
            if hm:
                head = head[: hm.start()].rstrip()
            view = next((v for v in ctx.views if v.start <= subj < v.end), None)
            if view is not None and head.endswith(",") and view.mention_ending_at(a.content[0] + len(head) - 1):
                continue  # "chính quyền thủ đô Oslo, Na Uy đã …": a place and its country
            cut = _CLAUSE_JOIN.search(head[-40:])
            if cut and len(head.split()) >= 1:
                s, e = trim_span(body, a.content[0], a.content[0] + len(head) - len(head[-40:]) + cut.start())
                if e > s:
                    a.content = (s, e)
                break


_LEADING_APPOSITIVE = re.compile(r"(?:một|người|là|cựu|nguyên|hiện là)\s[^,;:\"“”]{1,100},\s*", re.IGNORECASE)
# "Theo đó", "theo vậy": a connective ("accordingly"), not "according to"
_THEO_CONNECTIVE = re.compile(r"(?:đó|vậy)(?!\w)", re.IGNORECASE)
_THEO = re.compile(
    r"(?:^|(?<=[,;:\-–]\s)|(?<=^[\"“])|(?<=\w[.!?])|(?:^|(?<=\s))(?:song|nhưng|tuy nhiên,?|cũng)\s+)(theo)\s+([^,.;:\n]{1,120}),\s*",
    re.IGNORECASE,
)


def _theo_claims(ctx: ArticleContext, view: SentenceView, others: list[_Found]) -> list[_Found]:
    """"Theo X, <clause>": X claims the clause (or, an outlet, is its source)."""
    out: list[_Found] = []
    body = ctx.doc.article.body
    for m in _THEO.finditer(view.text):
        np_s, np_e = view.start + m.start(2), view.start + m.end(2)
        clause_rel = m.end()
        frame = m.group(2)
        if frame.count("(") > frame.count(")"):
            # "Theo chị X (SN 1992, trú tại …, Sơn La) tới PV Y, <clause>": the comma matched
            # is inside a parenthesis; the source is what stands before it, and the clause
            # opens after the next comma past its end ("theo đơn của ông X (66 tuổi, …) kiện
            # …." has none: nothing is cited)
            close = view.text.find(")", m.end(2))
            comma = view.text.find(",", close) if close >= 0 else -1
            if comma < 0:
                continue
            np_e = np_s + frame.index("(")
            clause_rel = comma + 1
        at = clause_rel
        app = re.match(r"(?:ông|bà|ngài)\s+([^,.;:\n]{1,60}),\s*", view.text[at:], re.IGNORECASE)
        if app and not _is_name(ctx, view, view.start + at + app.start(1), view.start + at + app.end(1)):
            app = None
        if app:
            # "Theo người phát ngôn Bộ Ngoại giao Brazil, ông Lucas Silva, …"
            np_e = view.start + at + app.end(1)
            clause_rel = at + app.end()
        ms = view.mentions_in(np_s, np_e)
        if not ms:
            # "Cũng theo chuyên gia này, …": the person who spoke last
            np_only = view.text[m.start(2) : np_e - view.start].strip()
            pm = speaker_words().pronoun_tail.search(np_only)
            who = ctx.last_speaker(view.index) if pm and pm.start() == 0 else None
            if who is None:
                continue
            s, e = trim_span(body, view.start + clause_rel, min(view.end, view.start + clause_rel + _MAX_CONTENT))
            if len(body[s:e].split()) >= 4:
                f = _Found([who], m.group(1), view.start + m.start(1), view.start + m.end(1), (s, e),
                           view.index, view.index, (view.start + m.start(1), view.end), False)
                f.when = _when(ctx, view, f.cue_start, (s, e))
                out.append(f)
            continue
        np_text = view.text[m.start(2) : np_e - view.start]
        if _lexicon().theo_not_re.match(np_text):
            continue  # "Theo luật mới …": a text, not a speaker
        if _THEO_CONNECTIVE.match(np_text):
            continue  # "Theo đó ông X … sẽ phụ trách …": "accordingly", nobody is cited
        if re.match(r"\s*(?:một|các|những|nhiều|một số)\s", np_text, re.IGNORECASE):
            continue
        persons = [x for x in ms if entity_type(ctx.found, x) == PERSON]
        if persons:
            speaker = persons[-1].entity
        elif entity_type(ctx.found, ms[-1]) == PLACE and _common_noun_first(np_text):
            # "Theo dữ liệu từ phòng đăng ký kinh doanh Hà Nội, …": a city or province at
            # the end of a phrase opened by a common noun only says whose office or data
            # it is; that source is unnamed
            continue
        else:
            subj = np_at_end(ctx, view, ms[-1].evidence.end)
            if subj and subj.speakers:
                speaker = subj.speakers[0]
            elif entity_type(ctx.found, ms[-1]) in (PLACE, COUNTRY) and (
                speaker_words().org_head_tail.search(view.text[m.start(2) : ms[-1].evidence.start - view.start])
                or OWNED_BY_NAME.search(view.text[m.start(2) : ms[-1].evidence.start - view.start])
                or modifies_a_noun(ctx, view, ms[-1], speaker_words())
                or _outlet_cue(np_text)
            ):
                # "Theo Công an tỉnh Đồng Nai, …", "Theo báo chí Tây Ban Nha, …", "Theo trang
                # The Nation của Thái Lan, …": an organisation or outlet not recognised, or an
                # unnamed source the country only describes
                continue
            elif entity_type(ctx.found, ms[-1]) in (PLACE, COUNTRY) and _lexicon().locative_tail.search(
                view.text[m.start(2) : ms[-1].evidence.start - view.start]
            ):
                # "Theo VKSND Cấp cao tại Hà Nội, …": the place only says where the
                # (unrecognised) source is ("Theo yêu cầu của Séc" names its source)
                continue
            else:
                speaker = ms[-1].entity
        if not speaker:
            continue
        after_person = persons[-1].evidence.end - view.start if persons else None
        if (
            after_person is not None
            and not app
            and len(view.text[after_person : np_e - view.start].split()) > 3
            and _opens_subject(ctx, view, view.start + after_person)
            and not _describes(ctx, view, view.start + after_person, np_e)
        ):
            # "theo ông Tùng thị trường … chưa phát triển …, nguồn cầu …": no comma closes
            # the frame; a subject noun phrase, the clause, opens right after the person
            clause_rel = after_person
        app2 = _LEADING_APPOSITIVE.match(view.text, clause_rel)
        if app2 and persons:
            clause_rel = app2.end()  # "Theo Đại tá X, người phụ trách …, <clause>"
        else:
            opened = bool(_DASH_OPEN.search(view.text, m.start(2), clause_rel))
            clause_rel = _after_title_apposition(ctx, view, clause_rel, bool(persons), opened)
        clause_s = view.start + clause_rel
        s, e = trim_span(body, clause_s, min(view.end, clause_s + _MAX_CONTENT))
        before = view.text[: m.start()].rstrip()
        if persons and before.endswith(",") and len(before.split()) >= 6:
            piece = re.match(r"[^,;]*", view.text[clause_rel:])
            piece_e = view.start + clause_rel + len(piece.group(0).rstrip(" .!?")) if piece else clause_s
            if piece_e > clause_s and _describes(ctx, view, clause_s, piece_e):
                # "<clause>, theo bà X, Tổng giám đốc Y.": the frame closes the sentence and
                # what follows it describes the person; the clause before is what was said
                s, e = trim_span(body, view.start, view.start + len(before) - 1)
        # "Theo Hãng tin X, một quan chức … nói rằng: “…”": the quote is the content
        qm = re.search(r":\s*(?=[\"“])", body[s:e])
        if qm:
            q = ctx.quote_opening_at(s + qm.end())
            if q is not None:
                s, e = trim_span(body, q[0] + 1, q[1])
        if len(body[s:e].split()) < 4:
            continue
        inner = [o for o in others if s <= o.cue_start < e]
        if inner and not persons and (entity_type(ctx.found, ms[-1]) == "Organization" or _outlet_cue(np_text)):
            # "Theo tờ Kyiv Independent, ông X cho biết …": the outlet relays X's claim
            for o in inner:
                if entity_type(ctx.found, ms[-1]) == "Organization":
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
        if entity_type_id(ctx.found, speaker) == PERSON:
            ctx.speakers_so_far.append((view.index, speaker))  # "Theo ông X, …. Ông cũng cảnh báo …"
    return out


_SUBJECT_OPENERS = frozenset({"N", "Nc", "P", "M", "L"})


def _opens_subject(ctx: ArticleContext, view: SentenceView, pos: int) -> bool:
    """Does a common noun, pronoun, number or determiner open right at ``pos`` (after
    spaces): the start of a subject ("theo ông X thị trường …"), not a dash or a bracket
    of an apposition, a preposition ("trong quyển …") or the frame's own verb ("theo lời
    ông X trình bày tại tòa")?"""
    toks = _sent_tokens(ctx, view)
    k = next((i for i, t in enumerate(toks) if t.start >= pos), None)
    if k is None or ctx.doc.article.body[pos : toks[k].start].strip():
        return False
    t = toks[k]
    return t.pos in _SUBJECT_OPENERS and t.text[:1].islower()


_APPOSITION_PIECE = re.compile(r"(?:[^,;:.!?\"“”]|\.(?=\S)){1,120}?,\s*")  # "TP.HCM" keeps its dot


def _after_title_apposition(ctx: ArticleContext, view: SentenceView, rel: int, person: bool, opened: bool = False) -> int:
    """"Theo ông X, Phó giám đốc Công ty Y, <clause>", "Theo Cục Z, Bộ Y tế, <clause>":
    the piece after the source that only describes it (a title for a person, a parent
    organisation for an organisation) is not part of what was said. With ``opened``
    (a dash opened an apposition inside the frame: "Theo PGS X - trưởng khoa Y, Đại học
    Z - <clause>"), the describing piece the closing dash ends goes too."""
    m = _APPOSITION_PIECE.match(view.text, rel)
    if person:
        # "Theo bà X, nhà sử học thời trang, Giám đốc Bảo tàng …, <clause>", "Theo ông X,
        # Tổng giám đốc Công ty Y, Tập đoàn Z, <clause>": pieces that open with a title, a
        # person's noun or a workplace and hold no verb of their own describe the person
        end = rel
        for _ in range(3):
            piece = _APPOSITION_PIECE.match(view.text, end)
            if piece is None:
                break
            ps, pe = view.start + end, view.start + piece.end()
            # a deputy's, acting or former holder's title opens after its modifier ("quyền giám đốc …")
            lead = _titles().modifier_head_re.match(view.text, end)
            title_at = ps + (lead.end() - end if lead else 0)
            tp = next((p for p in title_parses(ctx, view) if p.start in (ps, title_at)), None)
            if not ((tp is not None and tp.info.predicate is not None) or _describes(ctx, view, ps, pe, titled=tp is not None)):
                break
            end = piece.end()
        if opened:
            dm = _DASH_CLOSE.match(view.text, end)
            if dm and _describes(ctx, view, view.start + end, view.start + end + len(dm.group(1))):
                end = dm.end()
        return end
    if m is None:
        return rel
    piece_s, piece_e = view.start + rel, view.start + m.end()
    ms = view.mentions_in(piece_s, piece_e)
    piece = view.text[rel : m.end()].rstrip(" ,")
    if len(ms) == 1 and ms[0].evidence.start == piece_s and ms[0].evidence.end - view.start == rel + len(piece):
        return m.end()  # the piece is exactly one named actor
    return rel


_DASH_OPEN = re.compile(r"\s[-–]\s")
# "Đại học Kiến trúc Hà Nội- …", "Bệnh viện Bạch Mai - …": a piece closed by a dash
_DASH_CLOSE = re.compile(r"([^,;:.!?\"“”\-–]{1,100}?)\s*[-–]\s+")


def _describes(ctx: ArticleContext, view: SentenceView, lo: int, hi: int, titled: bool = False) -> bool:
    """Is body[lo:hi] a noun phrase describing a person: opening with a title, form of
    address, profession or workplace, with no verb or adjective of its own (a clause
    would have one)? With ``titled`` (a title opens it), verbs inside are read as words of
    the office's name ("trưởng ban tổ chức cuộc thi")."""
    inside = [t for t in _sent_tokens(ctx, view) if lo <= t.start and t.end <= hi]
    words_ = [t for t in inside if t.pos != "CH"]
    if not words_:
        return False
    text = ctx.doc.article.body[words_[0].start : hi].casefold()
    if not any(text == h or text.startswith(h + " ") for h in _person_nouns()):
        return False  # "bên cạnh phương án 1, …", "hình ảnh Việt Nam, …": not a person's description
    # a capitalised word tagged a verb is part of a name ("Viện Nghiên cứu …"), and so is a
    # verb naming what a unit does ("ban tổ chức cán bộ", "phòng quản lý đào tạo")
    verbs = ("R", "P") if titled else ("V", "A", "P", "R")
    units, in_unit = _workplaces(), False
    for t in words_:
        in_unit = t.text.casefold() in units or (in_unit and t.pos in ("V", "N"))
        if t.pos in verbs and not t.text[:1].isupper() and not (in_unit and t.pos == "V"):
            return False
    return True


@cache
def _workplaces() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in load_yaml("honorifics.yaml")["workplaces"])


@cache
def _person_nouns() -> tuple[str, ...]:
    """Words that open a description of a person: the titles and forms of address
    of honorifics.yaml, its professions ("nhà sử học", "giáo viên") and workplaces
    ("khoa", "phòng"), and the heads of organisations' names ("Bệnh viện", "Cục")."""
    lex = load_yaml("honorifics.yaml")
    orgs = load_yaml("organizations.yaml")
    # where the person works describes the person too ("Theo bác sĩ X, khoa Y, Bệnh viện Z, …")
    return tuple(str(w).casefold() for w in [*lex["person_cues"], *lex["honorifics"], *lex["professions"],
                                             *lex["workplaces"], *orgs["org_heads"], *orgs["org_cues"]])


def _common_noun_first(np_text: str) -> bool:
    """Does the noun phrase open with a lower-case word that is not one with which a
    place acts itself ("phía", "chính quyền": ``place_as_actor_heads``)?"""
    words = np_text.split()
    if not words or not words[0][:1].islower():
        return False
    heads = speaker_words().place_as_actor_heads
    return words[0].casefold() not in heads and " ".join(words[:2]).casefold() not in heads


def _outlet_cue(np_text: str) -> bool:
    """Does the noun phrase open with an outlet's cue word ("tờ", "báo", "hãng tin")?"""
    from ..lexicon.organizations import org_cues
    from ..lexicon.text import key

    ws = [key(w) for w in np_text.split()]
    return any(tuple(ws[: len(c)]) == c for c in org_cues())


_MIN_FOLLOW_ON_WORDS = 5


def _follow_on_quote(ctx: ArticleContext, view: SentenceView, so_far: list[_Found]) -> list[_Found]:
    """A quotation standing alone right after a person's claim continues it:
    "Bà X cho biết, …. “…”." -> a second claim of X (no cue of its own)."""
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
    s, e = trim_span(body, q[0] + 1, q[1])
    if len(body[s:e].split()) < _MIN_FOLLOW_ON_WORDS:
        return []
    f = _Found(list(prev.speakers), "", q[0], q[0], (s, e), _sentence_of(ctx, s), view.index, (q[0], q[1] + 1), True)
    return [f]


def _is_name(ctx: ArticleContext, view: SentenceView, start: int, end: int) -> bool:
    """Is body[start:end] just a person's name (one Person mention, nothing else)?"""
    ms = view.mentions_in(start, end)
    body = ctx.doc.article.body
    return len(ms) == 1 and entity_type(ctx.found, ms[0]) == PERSON and not (
        body[start : ms[0].evidence.start].strip() or body[ms[0].evidence.end : end].strip()
    )


# "…, sau khi Nga khuyến nghị …": a subordinate clause tells what happened; a report
# in it is the narrator's, not part of the outer speaker's words
_NARRATIVE_TAIL = re.compile(r"(?:^|\s)(?:sau khi|trước khi|khi|vì|do|bởi vì)\s+$", re.IGNORECASE)


_CAPTION_CLAUSE_WORDS = 6


@cache
def _first_person() -> re.Pattern[str]:
    """A first-person singular pronoun (``first_person_singular``), not in "chúng tôi"."""
    data = load_yaml("reporting_verbs.yaml")
    words, openers = data["first_person_singular"], data["first_person_openers"]
    return re.compile(
        rf"(?<!\w)(?<!chúng )(?<!Chúng )(?:{word_alt(tuple(words))})(?!\w)"
        rf"|(?:^|(?<=[.,:;!?“\"]\s)|(?<=[.,:;!?“\"]))(?:{word_alt(tuple(openers))})\s",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _caption_credit() -> re.Pattern[str]:
    """A photo caption's credit the crawler glued into the text ("… - Ảnh: Reuters Theo
    …", "… Cần Thơ- Ảnh: T. LŨY", "(Ảnh minh họa: AFP)"); the words are the page
    cleaner's data (``caption_credit_words`` in page_boilerplate.yaml), capitalised."""
    words = load_yaml("page_boilerplate.yaml")["caption_credit_words"]
    return re.compile(rf"\s*[-–—(]?\s*(?<!\w)(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})\s*:")


def _cut_at_caption(body: str, f: _Found) -> bool:
    """End a claim's content where a glued photo caption's credit starts ("X cho rằng Y
    đang … - Ảnh: The Today Show Theo Page Six, …": the caption and what follows are
    not what X said). False when nothing said is left: the credit stands between the
    cue and the content ("X phát biểu tại hội nghị - Ảnh: …"), or the content is cut
    to less than a clause."""
    cap = _caption_credit()
    s, e = f.content
    if f.cue_end <= s and cap.search(body, f.cue_end, s):
        return False
    m = cap.search(body, s, e)
    if m is None:
        return True
    s2, e2 = trim_span(body, s, m.start())
    # the text before the credit is the caption ("Ông X phát biểu khai mạc hội nghị - Ảnh:
    # …"): a report in it is led by "rằng" or a colon, or is a clause of some length
    led = f.quote or _EXPLICIT_LEAD.search(body[min(f.cue_start, s) : s] or " ") is not None
    if len(body[s2:e2].split()) < (2 if f.quote else _MIN_REPORTED_WORDS if led else _CAPTION_CLAUSE_WORDS):
        return False
    f.content = (s2, e2)
    return True


@cache
def _temporal_opener() -> re.Pattern[str]:
    """A comma piece opening with a temporal subordinator (clause_words.yaml), an adverb of
    focus allowed before it; "khi ấy/khi đó" is a time adverb of the main clause."""
    alt = word_alt(tuple(clause_words().temporal_subordinators))
    return re.compile(rf"\s*(?:(?:chỉ|đặc biệt là|đặc biệt)\s+)?(?:{alt})\s+(?!ấy|đó|này)", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:.!?\"“”]")


def _cut_at_subordinate_end(ctx: ArticleContext, f: _Found) -> bool:
    """A cue inside a temporal clause ("Sau khi Bộ X công bố Y, nhiều người đặt câu hỏi …",
    "kể từ khi Trường X thông báo Y, Minh Thu …") reports only up to the comma that ends
    that clause; what follows is the sentence's main clause, not what was said. False when
    less than a clause is left."""
    if f.quote:
        return True
    body = ctx.doc.article.body
    lo = max(0, f.cue_start - 160)
    pieces = _CLAUSE_BREAK.split(body[lo : f.cue_start])
    if not _temporal_opener().match(pieces[-1]):
        return True
    s, e = f.content
    comma = body.find(",", s, e)
    if comma < 0:
        return True
    s2, e2 = trim_span(body, s, comma)
    if len(body[s2:e2].split()) < _MIN_REPORTED_WORDS:
        return False
    view = next((v for v in ctx.views if v.index == f.sentence), None)
    if view is not None and (_headed_object(ctx, (s2, e2)) or _np_object(ctx, view, f.cue, (s2, e2))):
        return False  # "Khi Bộ X công bố cách quy đổi điểm, …": what was published, no clause
    f.content = (s2, e2)
    return True


def _claim_id(article_id: str, start: int, end: int, speaker: str) -> str:
    h = hashlib.sha1(f"{article_id}|{start}|{end}|{speaker}".encode()).hexdigest()[:16]
    return f"claim_{h}"


def find_claims(doc: Doc, found: Extraction) -> list[Claim]:
    ctx = make_context(doc, found)
    views = ctx.views
    founds: list[_Found] = []
    for view in views:
        got = _claims_in(ctx, view)
        got += _theo_claims(ctx, view, got)
        follow = _follow_on_quote(ctx, view, founds + got)
        # the quote continues its speaker's turn: "Bà cho rằng …" two sentences on is still hers
        ctx.speakers_so_far += [(view.index, sp) for f in follow for sp in f.speakers]
        got += follow
        founds += got
    # a claim nested in another's content is kept only when a named person speaks it
    # ("Bà Olsen nêu rõ, Tổng thống Dumas đã cảnh báo rằng …"); "Pháp mong muốn …" inside
    # a minister's statement is part of what he said, not a claim of its own
    body = doc.article.body
    kept: list[_Found] = []
    for f in founds:
        outer = [g for g in founds if g is not f and g.content[0] <= f.cue_start < g.content[1]]
        narrative = _NARRATIVE_TAIL.search(body[max(0, f.span[0] - 20) : f.span[0]])
        if outer and not narrative and not all(entity_type_id(found, s) == PERSON for s in f.speakers):
            continue
        if any(set(g.speakers) & set(f.speakers) for g in outer):
            continue  # the same speaker going on: part of the outer claim
        if not _cut_at_caption(body, f):
            continue  # "Ông X phát biểu tại hội nghị - Ảnh: Y <next sentence>": a photo caption, nothing said
        if not _cut_at_subordinate_end(ctx, f):
            continue  # "Sau khi X công bố Y, <main clause>": what X said ends at the comma
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
            if entity_type_id(found, sp) != PERSON and _first_person().search(body[f.content[0] : f.content[1]]):
                continue  # "“Tôi không né tránh”" given to a place or a club: a person misread
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


@COMPONENTS.register("claims")
def claims(doc: Doc, found: Extraction) -> None:
    found.claims = find_claims(doc, found)
