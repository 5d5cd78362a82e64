"""Component `entities`: mentions of persons, organisations, countries, places.

Three sources, combined per sentence:

1. the gazetteer of known names (CLDR countries, GeoNames cities, press
   aliases, organisations; :mod:`kg.lexicon.known`), matched on words, not on
   underthesea's segmentation, with case rules;
2. organisation patterns: a head + a country ("Bộ Ngoại giao Nga" ->
   "Ministry of Foreign Affairs of Russia", "Đại sứ quán Nga tại Praha"), and
   capitalised Vietnamese names after an organisation head ("Hội đồng Quan hệ
   Đối ngoại Mỹ"), with an acronym in parentheses as an alias;
3. underthesea's proper nouns (``Np`` runs) for everything else, typed by the
   words before them ("ông", "Ngoại trưởng Mỹ", "hãng tin", "TP") and, failing
   that, by what the same name is elsewhere in the article.

underthesea's NER labels are used only as a weak last hint: it tags
"Điện Kremlin" as a person and swallows common nouns into LOC spans
("người phát ngôn Điện Kremlin"), so spans come from POS tags and lexicons
and types from lexicons and cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..clean.syllable import has_vietnamese_marks, is_syllable
from ..lexicon.cues import (
    honorifics,
    institution_titles,
    person_cues,
    place_cues,
    place_cues_lower_only,
    title_modifiers,
    vietnamese_surnames,
)
from ..lexicon.edges import (
    clause_openers,
    given_name_honorifics,
    glued_tails,
    name_openers,
    not_descriptors,
    object_stops,
    open_domains,
    possessive_cues,
    standalone_orgs,
)
from ..lexicon.gazetteer import Entry, Match
from ..lexicon.known import gazetteer
from ..lexicon.load import load_yaml
from ..lexicon.organizations import (
    division_words,
    eponym_heads,
    legal_forms,
    not_acronyms,
    not_actor_cues,
    not_actor_openers,
    not_actor_suffixes,
    org_cues,
    org_openers,
    org_heads,
    org_suffixes,
    templates,
)
from ..lexicon.places import (
    capital_of,
    common_prefix_words,
    country_prefix_words,
    language_cues,
    name_after_of,
    not_entities,
    pair_short_forms,
)
from ..lexicon.text import is_all_caps, is_capitalised, key, words
from ..link.names import is_vietnamese_style, name_words
from ..model import Doc, Evidence, Extraction, Mention, Token
from ..nlp.names import (
    ABBR_POS,
    PROPER_POS,
    SentenceWords,
    covering_tokens,
    first_token_from,
    foreign,
    full_caps_name,
    inside,
    is_proper,
    joined,
    phrase_at,
    phrase_ending,
    proper_runs,
    sentence_initial,
    subtract,
    unglue,
)
from ..pipeline import COMPONENTS

NAME = "entities"

# Confidence by how a mention was found.
CONF_LEXICON = 0.95
CONF_PATTERN = 0.9
CONF_CUE = 0.85
CONF_CONTEXT = 0.75
CONF_GUESS = 0.6

_CONNECTORS = {"và", "&", "-", "–"}
# Weapon and vehicle designations ("S-400", "Su-57", "F-16", "MH17") are not actors.
_DESIGNATION = re.compile(r"^([A-Za-zА-я]{1,4}[- ]?\d+[A-Za-z0-9-]*|[A-Z][a-z]+-[A-Z0-9]{1,2})$")
# Names quoted in their own script ("Тополь-М") are glosses, not new actors.
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]")
# Compass words glued before a foreign region ("Nam California"): not part of its name.
_DIRECTIONS = {"bắc", "nam", "đông", "tây", "trung"}
_LOCATIVE = {"tại", "ở"}
_ROMAN = re.compile(r"^[IVXLCDM]+$")
# How many capitalised words (a title's rest, a country) may stand between a
# cue and the name it introduces: "Bộ trưởng Ngoại giao Nga Sergei Lavrov".
_CUE_GAP = 6


@dataclass(slots=True)
class Candidate:
    """A span that may name an actor; typed now or after the whole article is seen."""

    sent: int
    start: int  # body offsets
    end: int
    text: str
    type: str | None = None
    head: str | None = None  # canonical label when known
    conf: float = CONF_GUESS
    ner: str = "O"
    extra: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _inside_longer_name(tokens: list[Token], start: int, end: int, country: bool = False, text: str = "") -> bool:
    """A match that is part of a longer underthesea word ("Tuấn Anh", "Ý kiến").

    underthesea sometimes glues a country to the foreign name after it
    ("Séc Milos" in "Tổng thống Séc Milos Zeman"): a country at the *start*
    of a longer token followed by a capitalised word is kept.
    """
    for t in covering_tokens(tokens, start, end):
        if (t.start < start or t.end > end) and " " in t.text:
            before = t.text[: max(0, start - t.start)]
            after = t.text[max(0, end - t.start):]
            rest = before + " " + after
            if not any(c.isalpha() for c in rest):
                continue
            if country and not any(c.isalpha() for c in before) and after.strip()[:1].isupper():
                continue
            if country and not after.strip() and _all_prefix_words(before):
                continue  # "người Anh", "Nam Nga": the country itself
            if any(w[:1].isupper() for w in rest.split()):
                return True  # other capitalised syllables: one longer name
            if " " in text[start:end] or foreign(t.text[max(0, start - t.start):end - t.start]):
                continue  # "EU ước tính": a foreign word glued to the next verb
            return True
    return False


def _all_prefix_words(text: str) -> bool:
    ws = [key(w) for _, _, w in words(text)]
    return bool(ws) and all(w in country_prefix_words() for w in ws)


_PRONOUN_NEXT = {"ấy", "ta", "em", "chị", "ạ", "à", "nói", "nghĩ"}
_NOUN_POS = PROPER_POS | ABBR_POS | {"N", "Nc"}


def _lexicon_matches(ss: SentenceWords) -> list[Match]:
    matches = gazetteer().find(ss.text)
    out = []
    in_names = _anh_in_names(ss, matches)
    for m in matches:
        if m.start in in_names:
            continue  # "Mỹ Anh", "Trâm Anh": a person's given names, not two countries
        if m.entry.type == "Country" and _after_language_cue(ss, m.start):
            continue  # "tiếng Anh": the English language, not Britain
        if m.entry.type == "Country" and _opens_foreign_name(ss, m):
            continue  # "Times of India": an outlet, not the country
        # a country, or a big city, may open an underthesea word that runs on into
        # a person's name ("Séc Milos", "Bangkok Aswin")
        country = m.entry.type == "Country" or m.entry.population >= 1_000_000
        if _inside_longer_name(ss.tokens, m.start, m.end, country=country, text=ss.text):
            continue
        if m.words == 1 and m.entry.source in ("city", "city_alias", "country", "alias"):
            cov = covering_tokens(ss.tokens, m.start, m.end)
            proper = is_proper(ss, m.start, m.end) or any(t.pos in ABBR_POS for t in cov)
            if sentence_initial(ss.tokens, m.start) and not proper:
                # "Anh ấy …": a capitalised common word opening the sentence
                j = ss.word_index_at(m.end)
                nxt = ss.keys[j] if j < len(ss.keys) else ""
                if not any(t.pos in _NOUN_POS for t in cov) or nxt in _PRONOUN_NEXT:
                    continue
                if key(ss.text[m.start:m.end]) in _honorific_keys():
                    ss.weak.add(m.start)  # "Anh kể lại …": he, or Britain? decided per article
            if key(ss.text[m.start:m.end]) in _honorific_keys() and _addresses_someone(ss, m):
                continue  # "Anh Dương cho biết": "anh" addressing a person, not Britain
            if key(ss.text[m.start:m.end]) in _honorific_keys() and _opens_clause_as_subject(ss, m):
                ss.weak.add(m.start)  # "…, Anh cho biết": he, or Britain? decided per article
            if m.entry.source in ("city", "city_alias") and _after_person_cue(ss, m.start):
                continue  # "ông Obama": a person, not the town of Obama
            if m.entry.source == "city" and cov and not proper:
                continue  # a town name that underthesea reads as a common word
            if m.entry.type == "Place" and m.entry.population < 1_000_000 and _next_to_unknown_name(ss, m, matches):
                continue  # "Vladimir Frolov", "Antony Blinken": a given name, not a city
        out.append(m)
    return out


_FOREIGN_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+ of $")


def _opens_foreign_name(ss: SentenceWords, m: Match) -> bool:
    """A country printed in its English name after "X of" ("Times of India", "Bank of
    China", "University of Tokyo"): the end of a foreign name, not the country. The forms
    Vietnamese text gives countries ("Ấn Độ", "Trung Quốc") never follow "of"."""
    form = ss.text[m.start : m.end]
    if form != m.entry.label or (m.entry.label_vi and key(form) == key(m.entry.label_vi)):
        return False
    return _FOREIGN_NAME_BEFORE.search(ss.text, max(0, m.start - 30), m.start) is not None


def _after_language_cue(ss: SentenceWords, start: int) -> bool:
    i = ss.word_index_at(start)
    return joined(ss, i) and phrase_ending(ss.keys, i, language_cues()) is not None


def _anh_in_names(ss: SentenceWords, matches: list[Match]) -> set[int]:
    """Starts of matches that are given names: a one-word "Anh" written right after
    another capitalised word ("Mỹ Anh", "Nam Anh", "Quỳnh Anh"), and a country
    match that is that word. The country is written after a lower-case word
    ("Thủ tướng Anh", "nước Anh", "Vương quốc Anh"), an acronym ("ĐT Anh") or
    punctuation ("Mỹ, Anh", "Mỹ và Anh")."""
    out: set[int] = set()
    for m in matches:
        if m.words != 1 or key(ss.text[m.start:m.end]) not in _honorific_keys():
            continue
        i = ss.word_index_at(m.start)
        if i == 0 or not joined(ss, i):
            continue
        w = ss.words[i - 1][2]
        if is_capitalised(w) and not is_all_caps(w) and key(w) not in common_prefix_words():
            out.add(m.start)
            out.update(x.start for x in matches if x.end == ss.words[i - 1][1] and x.words == 1)
    return out


@lru_cache(maxsize=1)
def _caption_openers() -> frozenset[str]:
    """First words of a photo caption's credit ("Ảnh", "Video"; page_boilerplate.yaml):
    a dash before one ends an organisation's name, it does not join two parts of it."""
    items = load_yaml("page_boilerplate.yaml").get("caption_credit_words") or []
    return frozenset(key(str(w).split()[0]) for w in items if str(w).strip())


@lru_cache(maxsize=1)
def _honorific_keys() -> frozenset[str]:
    return frozenset(h[0] for h in honorifics() if len(h) == 1)


def _after_person_cue(ss: SentenceWords, start: int) -> bool:
    """A form of address right before, and no name right after: "ông Obama nói".

    Titles do not count: "Thống đốc Bangkok" names the city the governor
    runs, and "Thống đốc Bangkok Aswin Kwanmuang" the city, then the man.
    """
    i = ss.word_index_at(start)
    if not (joined(ss, i) and phrase_ending(ss.keys, i, honorifics()) is not None):
        return False
    nxt = i + 1
    return not (nxt < len(ss.words) and joined(ss, nxt) and is_capitalised(ss.words[nxt][2]))


def _opens_clause_as_subject(ss: SentenceWords, m: Match) -> bool:
    """A one-word match opening its clause (sentence start, after a comma, a quote
    or a dash) right before a verb or an adverb: "Anh cho biết", "…", Anh nói" —
    the way a pronoun stands, so the word may be "he" rather than Britain."""
    before = ss.text[: m.start].rstrip()
    if before and before[-1] not in ",;:.!?\"“”'‘’-–—(":
        return False
    nxt = next((t for t in ss.tokens if t.start >= m.end and any(c.isalnum() for c in t.text)), None)
    return nxt is not None and nxt.pos in ("V", "R")


def _addresses_someone(ss: SentenceWords, m: Match) -> bool:
    """A one-word match used as a form of address: a capitalised name follows, no title precedes."""
    i = ss.word_index_at(m.start)
    if i + 1 >= len(ss.words) or not joined(ss, i + 1) or not is_capitalised(ss.words[i + 1][2]):
        return False
    return phrase_ending(ss.keys, i, person_cues()) is None


def _next_to_unknown_name(ss: SentenceWords, m: Match, matches: list[Match]) -> bool:
    """A one-word city directly followed or preceded by a capitalised proper noun no lexicon knows."""
    known = [(x.start, x.end) for x in matches]
    i = ss.word_index_at(m.start)
    for j in (i - 1, i + 1):
        if not 0 <= j < len(ss.words):
            continue
        s, e, w = ss.words[j]
        gap = ss.text[min(e, m.start):max(s, m.end)] if j < i else ss.text[m.end:s]
        if gap.strip() or not is_capitalised(w) or is_all_caps(w):
            continue
        if any(a <= s and e <= b for a, b in known):
            continue
        if foreign(w) or any(t.pos in PROPER_POS for t in covering_tokens(ss.tokens, s, e)):
            return True
    return False


_PAIR_DASH = re.compile(r"^\s*[-–]\s*$")


def _pair_short_forms(ss: SentenceWords, matches: list[Match]) -> list[Match]:
    """ "Mỹ - Trung": a one-syllable short form beside a dash and a country is that country."""
    shorts = pair_short_forms()
    countries = {(m.start, m.end) for m in matches if m.entry.type == "Country"}
    taken = [(m.start, m.end) for m in matches]
    out = []
    for i, (s, e, w) in enumerate(ss.words):
        entry = shorts.get(ss.keys[i])
        if entry is None or not is_capitalised(w) or any(a <= s < b for a, b in taken):
            continue
        left = ss.words[i - 1] if i > 0 else None
        right = ss.words[i + 1] if i + 1 < len(ss.words) else None
        paired = (left is not None and _PAIR_DASH.match(ss.text[left[1]:s])
                  and any(b == left[1] for _, b in countries))
        paired = paired or (right is not None and _PAIR_DASH.match(ss.text[e:right[0]])
                            and any(a == right[0] for a, _ in countries))
        if paired:
            out.append(Match(s, e, entry, 1))
    return out


def _template_orgs(ss: SentenceWords, matches: list[Match]) -> list[Candidate]:
    """ "Bộ Ngoại giao" + country (+ "tại" + city) -> a named organisation."""
    by_start = {m.start: m for m in matches}
    out = []
    for tpl in templates():
        for head in tpl.heads:
            n = len(head)
            for i in range(len(ss.words) - n + 1):
                if tuple(ss.keys[i:i + n]) != head or not is_capitalised(ss.words[i][2]):
                    continue
                after = ss.words[i + n][0] if i + n < len(ss.words) else None
                m = by_start.get(after) if after is not None else None
                if m is None or m.entry.type != "Country" or ss.text[ss.words[i + n - 1][1]:after].strip():
                    continue
                label = tpl.name_for(m.entry.code, name_after_of(m.entry))
                end = m.end
                if tpl.located:
                    j = ss.word_index_at(m.end)
                    if j < len(ss.words) and ss.keys[j] in _LOCATIVE and j + 1 < len(ss.words):
                        loc = by_start.get(ss.words[j + 1][0])
                        city = None
                        if loc is not None and loc.entry.type == "Place":
                            city = loc.entry
                        elif loc is not None and loc.entry.type == "Country" and loc.entry.code:
                            city = capital_of(loc.entry.code)
                        if city is not None:
                            label = tpl.located.format(country=name_after_of(m.entry), city=city.label)
                            end = loc.end
                start = ss.words[i][0]
                out.append(Candidate(ss.s.index, start + ss.base, end + ss.base, ss.text[start:end],
                                     type="Organization", head=label, conf=CONF_PATTERN))
    return out


def _person_after_org(tok: Token) -> bool:
    """A proper-noun token right after an organisation's words that starts a person's
    name: a Vietnamese family name and given names ("… Quốc hội Trần Thanh Mẫn"), or a
    foreign name underthesea tags as a person. "Hòa Phát", "Quảng Trị", "Đèo Cả" are
    capitalised the same way but open with no family name: the organisation goes on."""
    if is_vietnamese_style(tok.text) or full_caps_name(tok.text) and not foreign(tok.text.split()[0]):
        return full_caps_name(tok.text) and key(tok.text.split()[0]) in vietnamese_surnames()
    if " " not in tok.text and has_vietnamese_marks(tok.text):
        return False  # "Cục Quản lý Dược": one Vietnamese syllable is a domain word, no one's full name
    return tok.ner == "B-PER"


def _before_glued_name(ss: SentenceWords, head_end: int, end: int) -> int:
    """Where an organisation's name ends when underthesea glued a person's name to
    its acronym ("Bộ KH&CN Huỳnh Thành Đạt" is one token): before a Vietnamese
    family name and given names that follow an acronym."""
    ws = [w for w in ss.words if head_end <= w[0] and w[1] <= end]
    for k in range(1, len(ws) - 1):
        rest = ss.text[ws[k][0]:end]
        if (is_all_caps(ws[k - 1][2]) and key(ws[k - 1][2]) not in legal_forms()
                and key(ws[k][2]) in vietnamese_surnames() and 2 <= len(ws) - k <= 4
                and full_caps_name(rest) and is_vietnamese_style(rest)):
            return ws[k - 1][1]
    return end


def _list_of_domains(toks: list[Token], j: int) -> bool:
    """The comma at token ``j`` separates capitalised domains that a "và" closes
    within a few tokens: "Văn hóa, Thể thao và Du lịch"."""
    if j + 1 >= len(toks) or not is_capitalised(toks[j + 1].text) or toks[j + 1].pos == "CH":
        return False
    for n in range(j + 2, min(len(toks) - 1, j + 5)):
        first, _, rest = toks[n].text.partition(" ")
        if key(first) == "và":
            return is_capitalised(rest or toks[n + 1].text)
        if not is_capitalised(toks[n].text) or toks[n].pos == "CH":
            return False
    return False


def _same_span(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """[start, end) lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


_PLACE_REACH = 4  # lower-case words an organisation's name may run over before its place


def _to_known_place(toks: list[Token], j: int, taken: list[tuple[int, int]]) -> int:
    """Index of the token that starts a known country or city within a few lower-case
    common words after token ``j`` (an organisation's name printed in sentence case
    and closed by its place); 0 when there is none."""
    for n in range(j, min(len(toks), j + _PLACE_REACH + 1)):
        t = toks[n]
        if inside(taken, t.start, t.end) and (n > j or not is_capitalised(t.text)):
            return n  # "… Việt Nam"; "… Kinh tế châu Á": a region written in lower case
        if (key(t.text) in division_words() and n + 1 < len(toks) and toks[n + 1].pos in PROPER_POS
                and is_capitalised(toks[n + 1].text)):
            return n + 1  # "tỉnh Thừa Thiên Huế"
        if not t.text[:1].islower() or t.pos not in ("N", "A", "Nc"):
            return 0
    return 0


_OBJECT_REACH = 6  # lower-case words the object of an organisation's domain may run over


def _object_of_domain(toks: list[Token], last: int) -> int:
    """Index of the last token of the object that follows an organisation's open domain
    word (name_edges.yaml: "Dự báo", "Phát triển", "Cảnh sát"): Vietnamese writes
    it in lower case ("Trung tâm Dự báo khí tượng thủy văn quốc gia", "Cục Cảnh sát
    giao thông"), as nouns and their modifiers, closed by a proper name ("Tổng công
    ty Phát triển đô thị Kinh Bắc"). A verb that is no domain word, a function word,
    punctuation or a time ends it; ``last`` itself when no noun follows."""
    end = last
    j = last + 1
    while j < len(toks) and j - last <= _OBJECT_REACH:
        t = toks[j]
        k = key(t.text)
        if t.text[:1].islower():
            if k in object_stops() or not (t.pos in ("N", "A") or (t.pos == "V" and k in open_domains())):
                break
            end = j
            j += 1
            continue
        if end > last and t.pos in PROPER_POS and not _person_after_org(t):
            end = j  # "… đô thị Kinh Bắc", "… di sản văn hóa thế giới Hội An"
        break
    return end


def _acronym_after(ss: SentenceWords, end: int) -> tuple[str, int] | None:
    """ "(FDA)" right after a name: the acronym and the offset after ")"."""
    m = re.match(r"\s*\(\s*([^()]{2,25}?)\s*\)", ss.text[end:])
    if not m:
        return None
    acr = m.group(1)
    ws = [w for _, _, w in words(acr)]
    if not ws or not any(is_all_caps(w) for w in ws):
        return None
    return acr, end + m.end()


def _headed_orgs(ss: SentenceWords, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Capitalised organisation names opened by a head noun ("Cục Điều tra Liên bang").

    The head is found on words and must end where an underthesea word ends
    ("Bộ" opens "Bộ Tư pháp" but not "Bộ trưởng"); the rest of the name is
    underthesea's words while they are capitalised (Vietnamese capitalises
    only the first syllable of each word: "Quản lý", "Thực phẩm"), joined by
    "và"/"&", and ends after a known country ("… Dược phẩm Mỹ").
    """
    toks = ss.tokens
    ends = {t.end for t in toks}
    out = []
    k = 0
    while k < len(ss.words):
        head = phrase_at(ss.keys, k, org_heads())
        if head is None or not is_capitalised(ss.words[k][2]) or ss.words[k + len(head) - 1][1] not in ends:
            k += 1
            continue
        start = ss.words[k][0]
        head_end = ss.words[k + len(head) - 1][1]
        if inside(taken, start, head_end):
            k += len(head)
            continue  # the head opens a name the lexicon already knows
        j = first_token_from(toks, head_end)
        if (j + 1 < len(toks) and key(toks[j].text) in division_words() and is_capitalised(toks[j + 1].text)
                and not is_capitalised(toks[j].text)):
            j += 1  # "UBND xã Lương Thiện", "Ủy ban nhân dân tỉnh Vĩnh Phúc": the division's name follows
        first = j
        last = None
        legal = False
        eponym = head in eponym_heads()  # "Trường THPT Lý Tự Trọng": a school named after a person (right after the head)
        while j < len(toks):
            w = toks[j].text
            if key(w) in legal_forms():
                legal = True  # "Công ty TNHH Dư Thái Bình": a company may bear a person's name
            if (j > first and key(w) in _honorific_keys() and j + 1 < len(toks) and toks[j + 1].pos in PROPER_POS
                    and not legal):
                break  # "Phó Chủ tịch UBND TP. Bà Thúy cho biết": the form of address opens the person's name
            if not legal and not (eponym and j == first) and toks[j].pos in PROPER_POS and _person_after_org(toks[j]) and (
                not inside(taken, toks[j].start, toks[j].end)
            ):
                break  # a person's name after the organisation ("… Quốc hội Trần Thanh Mẫn")
            glued_and = w.partition(" ")[0] == "và" and is_capitalised(w.partition(" ")[2])  # "và Môi trường"
            if (is_capitalised(w) or glued_and) and toks[j].pos != "CH":
                last = j
                j += 1
                if inside(taken, toks[last].start, toks[last].end):
                    # a known country or city ends the name, with all of its words
                    # ("UBND TP HCM": the city's name is "TP HCM", not "TP")
                    while (last + 1 < len(toks) and toks[last + 1].start == toks[last].end + 1
                           and _same_span(taken, toks[last].start, toks[last + 1].end)):
                        last += 1
                    break
                continue
            if w == "," and last is not None and _list_of_domains(toks, j):
                j += 1  # "Bộ Văn hóa, Thể thao và Du lịch": the ministry's own list of domains
                continue
            if (key(w) in _CONNECTORS and j + 1 < len(toks) and is_capitalised(toks[j + 1].text)
                    and key(toks[j + 1].text.split()[0]) not in _caption_openers()):  # "… - Ảnh: X"
                j += 1
                continue
            if last is not None and w[:1].islower() and (reach := _to_known_place(toks, j, taken)):
                last = reach  # "Hội Bệnh mạch máu Việt Nam", "Sở Y tế tỉnh Thừa Thiên Huế": the name ends at its place
                break
            if legal and toks[j].pos in ("N", "V", "A") and w[:1].islower() and any(
                is_capitalised(t.text) for t in toks[j + 1:j + 1 + _PLACE_REACH]
            ):
                j += 1  # "Công ty CP đầu tư Sao Thăng Long": the trade words of a company's name
                continue
            break
        if last is None and first < len(toks) and toks[first].text[:1].isdigit():
            last = first  # "Hạm đội 5"
        elif last is not None and last + 1 < len(toks) and re.fullmatch(r"\d{1,3}", toks[last + 1].text) and (
            toks[last + 1].start == toks[last].end + 1
        ):
            last += 1  # "Bệnh viện Quân y 175": the number is part of the name
        if last is not None and key(toks[last].text) in open_domains():
            last = _object_of_domain(toks, last)  # "Trung tâm Dự báo khí tượng thủy văn quốc gia"
        if last is None:
            k += len(head)
            continue
        end = unglue(toks[last], toks[last].end)
        if not inside(taken, toks[last].start, toks[last].end):
            end = _before_glued_name(ss, head_end, end)
        k = ss.word_index_at(end)
        if inside(taken, start, end):
            continue
        cand = Candidate(ss.s.index, start + ss.base, end + ss.base, ss.text[start:end],
                         type="Organization", conf=CONF_PATTERN)
        acr = _acronym_after(ss, end)
        if acr is not None:
            cand.extra["acronym"] = acr[0]
        out.append(cand)
    return out


_DOMAIN = re.compile(r"^[A-Z][\w-]*(\.[a-z]{2,6})+$")
# Ship prefixes: "tàu sân bay HMS Queen Elizabeth" is a weapon system, not an actor.
_SHIP = re.compile(r"^(HMS|USS|INS|HMAS|HMCS|JS|RFS)\s")


def _trim(ss: SentenceWords, start: int, end: int) -> tuple[int, int]:
    """Drop honorifics, lower-case words and punctuation at the edges of a name span."""
    if _DOMAIN.match(ss.text[start:end]):
        return start, end  # "News.com.au"
    ws = [w for w in words(ss.text[start:end])]
    ws = [(s + start, e + start, w) for s, e, w in ws]
    cues = person_cues()
    while ws:
        seq = [key(w) for _, _, w in ws]
        p = phrase_at(seq, 0, cues)
        if p is not None and len(p) < len(ws) and not _given_name_first(ws[0][2], ws[1][2]):
            ws = ws[len(p):]
            continue
        if not is_capitalised(ws[0][2]) and not ws[0][2][0].isdigit():
            ws = ws[1:]
            continue
        if len(ws) > 1 and seq[0] in name_openers() and is_capitalised(ws[1][2]):
            ws = ws[1:]  # "Phía Lee Min Ho khẳng định": X's side speaks for X; "phía" is no part of the name
            continue
        break
    for n in range(1, len(ws) - 1):
        if "." in ss.text[ws[n - 1][1]:ws[n][0]] and phrase_at([key(w) for _, _, w in ws], n, honorifics()):
            ws = ws[n + 1:]  # "… gen Z. Ông Cao Anh Minh": a new sentence opens with the form of address
            break
    while ws and not is_capitalised(ws[-1][2]) and not ws[-1][2][0].isdigit():
        if ws[-1][0] > 0 and ss.text[ws[-1][0] - 1] in "-'’" and len(ws) > 1:
            break  # "Moon Jae-in", "Saint-Denis": one hyphenated name
        ws = ws[:-1]
    if not ws:
        return start, start
    return ws[0][0], ws[-1][1]


def _starts_word(ss: SentenceWords, offset: int) -> bool:
    """No underthesea word runs across ``offset`` (it starts a word, or nothing covers it)."""
    return not any(t.start < offset < t.end for t in covering_tokens(ss.tokens, offset, offset + 1))


def _cue_type(ss: SentenceWords, start: int) -> tuple[str | None, str | None]:
    """Type given by the words before a name, and the cue+name alias for orgs/places.

    The cue must be in the same phrase: a comma, a bracket or a quote between
    cue and name breaks the link ("…, Đắk Lắk)" is not introduced by a title
    three words back).
    """
    i = ss.word_index_at(start)  # index of the name's first word
    seq = ss.keys
    if not joined(ss, i):
        return None, None
    # Organisation and place cues stand right before the name, and are whole
    # words ("báo" is a newspaper, the end of "thông báo" is not).
    p = phrase_ending(seq, i, org_cues())
    if p is not None and _starts_word(ss, ss.words[i - len(p)][0]):
        return "Organization", ss.words[i - len(p)][0]
    p = phrase_ending(seq, i, place_cues())
    if p is not None and _starts_word(ss, ss.words[i - len(p)][0]) and not (
        p in place_cues_lower_only() and is_capitalised(ss.words[i - len(p)][2])
    ):
        return "Place", ss.words[i - len(p)][0]
    if _person_cue(ss, i) is not None:
        return "Person", None
    return None, None


_DESCRIPTOR_REACH = 3  # lower-case words that may describe an organisation between its head and its name


def _org_cue_with_descriptor(ss: SentenceWords, start: int) -> bool:
    """An organisation's head or cue, then a few lower-case words that say what it does,
    right before the name: "Công ty thẩm mỹ Classys", "Hiệp hội cầu thủ MLS", "hãng xe
    Ford", "công ty quản lý Pledis". The name is the organisation's own, not a person's.
    The words are nouns and adjectives, or an open domain word ("quản lý"); nouns that
    do not describe (name_edges.yaml not_descriptors: "nơi", "phía") end the search."""
    toks = ss.tokens
    n = first_token_from(toks, start)
    if n >= len(toks) or toks[n].start != start:
        return False
    cues = tuple(set(org_cues()) | set(org_heads()))
    m = n
    while m > 0 and n - m < _DESCRIPTOR_REACH:
        t = toks[m - 1]
        if t.text != t.text.lower() or not t.text.replace(" ", "").isalpha() or ss.text[t.end:toks[m].start].strip():
            break
        if key(t.text) in not_descriptors() or not (t.pos in ("N", "A") or key(t.text) in open_domains()):
            return False
        m -= 1
        j = ss.word_index_at(toks[m].start)
        p = phrase_ending(ss.keys, j, cues) if joined(ss, j) else None
        if p is not None and _starts_word(ss, ss.words[j - len(p)][0]) and not ss.is_covered(
                ss.words[j - len(p)][0], ss.words[j - 1][1]):  # "Liên minh châu Âu Josep Borrell": a known name
            return True  # not the end of "nhà báo" ("nhà báo chuyển nhượng Fabrizio Romano")
    return False


def _given_name_first(word: str, nxt: str) -> bool:
    """ "Đức" in "Đức Anh": an honorific that is also a given name, capitalised before a
    capitalised Vietnamese syllable, is the name's first word (name_edges.yaml)."""
    return (key(word) in given_name_honorifics() and is_capitalised(word) and is_capitalised(nxt)
            and not is_all_caps(nxt) and is_syllable(nxt))


def _person_cue(ss: SentenceWords, i: int) -> tuple[tuple[str, ...], int, int] | None:
    """The person cue (honorific or title) before word ``i``: (its word keys, the
    index of its first word, how many capitalised words stand between it and the
    name). Capitalised words may stand between: the rest of a title, a country or
    an organisation ("Ngoại trưởng Mỹ Antony Blinken")."""
    seq = ss.keys
    cues = person_cues()
    k = i
    gap = 0
    while True:
        p = phrase_ending(seq, k, cues)
        if p is not None and k < len(ss.words) and _given_name_first(ss.words[k - 1][2], ss.words[k][2]):
            return None  # "Đức Anh": a given name, no form of address
        if p is not None:
            return p, k - len(p), i - k
        if k == 0 or gap >= _CUE_GAP or not joined(ss, k):
            break
        w = ss.words[k - 1][2]
        if not (is_capitalised(w) or ss.is_covered(ss.words[k - 1][0], ss.words[k - 1][1])):
            break
        # a capitalised title word before the name ("Tổng thống", "Ngoại trưởng")
        for j in range(k - 1, max(-1, k - 4), -1):
            p = phrase_at(seq, j, cues)
            if p is not None and j + len(p) <= k and all(joined(ss, n) for n in range(j + 1, k)):
                return p, j, i - j - len(p)
        k -= 1
        gap += 1
    return None


def _ner_of(ss: SentenceWords, start: int, end: int) -> str:
    tags = [t.ner.split("-", 1)[-1] for t in covering_tokens(ss.tokens, start, end) if t.ner != "O"]
    if not tags:
        return "O"
    return max(sorted(set(tags)), key=tags.count)


def _after_not_actor_cue(ss: SentenceWords, i: int, reach: int = 3) -> bool:
    """A vehicle/weapon word before word ``i``, possibly with a few lower-case words between."""
    if not joined(ss, i):
        return False
    for k in range(reach + 1):
        j = i - k  # the cue must end right before word j
        if j < 0:
            return False
        if k:  # word j is a lower-case word between cue and name
            if not joined(ss, j) or is_capitalised(ss.words[j][2]):
                return False
            if phrase_ending(ss.keys, j + 1, person_cues()) is not None:
                return False  # "… tàu ngầm", ông Julius nói: a title stands between
        if phrase_ending(ss.keys, j, not_actor_cues()) is not None:
            return True
    return False


def _parenthesis_after(ss: SentenceWords, end: int) -> Entry | None:
    """The known actor named in parentheses right after a name: "(SCMP)", "(Canada)"."""
    m = re.match(r"[^\S\n]*\(\s*([^()]{2,40}?)\s*\)", ss.text[end:])
    if not m:
        return None
    return gazetteer().lookup(m.group(1))


def _opens_a_title(ss: SentenceWords, a: int, b: int) -> bool:
    """The span and the next word or two spell a person's title ("Chuẩn Đô" + "đốc")."""
    i, j = ss.word_index_at(a), ss.word_index_at(b)
    for extra in (1, 2):
        if phrase_ending(ss.keys, j + extra, person_cues()) is not None and j + extra <= len(ss.keys):
            p = phrase_ending(ss.keys, j + extra, person_cues())
            if p is not None and len(p) >= j + extra - i:
                return True
    return False


@lru_cache(maxsize=1)
def _professions() -> tuple[tuple[str, ...], ...]:
    """Word keys of the professions that open a description of a person (honorifics.yaml)."""
    return tuple(tuple(key(w) for _, _, w in words(str(p))) for p in (load_yaml("honorifics.yaml") or {}).get(
        "professions", []) or [])


def _described_after(ss: SentenceWords, end: int) -> bool:
    """A title or a profession in apposition after the name and its comma ("Valerie
    Steele, nhà sử học thời trang, …", "Melissa Wheeler, cây viết của Forbes, …")."""
    m = re.match(r"\s*,\s*", ss.text[end:])
    if not m:
        return False
    i = ss.word_index_at(end + m.end())
    if i >= len(ss.words):
        return False
    if ss.words[i][2].upper() in not_acronyms():
        return True  # "Yang Jun, CEO của Qiji Energy, …"
    return phrase_at(ss.keys, i, person_cues()) is not None or phrase_at(ss.keys, i, _professions()) is not None


def _apposition_cue(ss: SentenceWords, end: int) -> bool:
    """A title in apposition right after the name: "Song Zhongping, chuyên gia quân sự"."""
    m = re.match(r"\s*,\s*", ss.text[end:])
    if not m:
        return False
    i = ss.word_index_at(end + m.end())
    return phrase_at(ss.keys, i, person_cues()) is not None and not is_capitalised(ss.words[i][2]) if i < len(
        ss.words) else False


def _strip_leading_cue(
    ss: SentenceWords, a: int, b: int, keep_directions: bool = False, after_person_cue: bool = False
) -> tuple[int, int, tuple[str, int] | None]:
    """ "Bang Karnataka" -> Karnataka (a Place), "Nam California" -> California.

    A capitalised place or organisation word opening a sentence is swallowed
    into the name's run; it is the cue, not the name.
    """
    ws = [(s + a, e + a, w) for s, e, w in words(ss.text[a:b])]
    if len(ws) < 2:
        return a, b, None
    seq = [key(w) for _, _, w in ws]
    for cues, typ in ((place_cues(), "Place"), (org_cues(), "Organization")):
        p = phrase_at(seq, 0, cues)
        if p is not None and after_person_cue and len(p) == 1 and seq[0] in vietnamese_surnames():
            continue  # "ông Hồ Quang Cua": after a form of address "Hồ" is a family name, not a lake
        if p is not None and p in place_cues_lower_only():
            continue  # "Đường Tăng": capitalised, the cue word opens a name
        if p is not None and len(p) < len(ws) and is_capitalised(ws[len(p)][2]):
            return ws[len(p)][0], b, (typ, a)
    if seq[0] in _DIRECTIONS and foreign(ws[1][2]) and not keep_directions:
        return ws[1][0], b, None
    return a, b, None


# underthesea tags of function words and verbs: a clause opener tagged so is not a name's word
_FUNCTION_POS = {"E", "C", "P", "L", "R", "V", "T", "X"}


def _foreign_word(w: str) -> bool:
    """Not a Vietnamese syllable: a foreign name's word ("Reuters", "Bros"), an acronym, an initial."""
    return len(w) == 1 or is_all_caps(w) or not is_syllable(w)


def _split_at_clause_openers(ss: SentenceWords, a: int, b: int) -> list[tuple[int, int]]:
    """The run [a, b) cut where a capitalised clause opener starts a new sentence.

    A crawler that drops the full stop after a photo credit ("- Ảnh: Reuters
    Trong khi đó, …", "Ảnh: WireImage Theo USA Today, …") leaves the next
    sentence's first word capitalised right after a name, and underthesea runs
    the two together. The opener ("Trong", "Theo", "Cặp"; name_edges.yaml) ends
    the name before it when the word before is foreign (no Vietnamese given name
    precedes), when a number follows ("… Ngày 9-6"), or when underthesea tags the
    opener as a function word; the opener itself belongs to neither name.
    A Vietnamese name that has such a word as a given name ("Nguyễn Văn Được")
    is one underthesea word and stays whole, and so does a place that opens with
    one ("TP. Bà Rịa", "Tuy Hòa").
    """
    ws = [(s + a, e + a, w) for s, e, w in words(ss.text[a:b])]
    openers = clause_openers()
    out: list[tuple[int, int]] = []
    start = a
    for k in range(1, len(ws)):
        s, e, w = ws[k]
        if s < start or not is_capitalised(w) or is_all_caps(w):
            continue
        j = ss.word_index_at(e)
        # "Ảnh: Minh Phương Thầy Vũ Quốc Trung cho rằng": a new sentence addresses a person
        address = key(w) in _honorific_keys() and _opens_vietnamese_name(ss, j)
        if key(w) not in openers and not address:
            continue
        nxt = ss.words[j][2] if j < len(ss.words) and joined(ss, j) else ""
        cov = covering_tokens(ss.tokens, s, e)
        tok = cov[0] if cov else None
        own = tok is not None and tok.start == s  # the opener starts an underthesea word
        # one underthesea word with the Vietnamese syllable after it: "Bà Rịa", "Tuy Hòa" (not "Bà Shebnem")
        spans_on = (tok is not None and j < len(ss.words) and tok.end >= ss.words[j][1]
                    and is_capitalised(nxt) and is_syllable(nxt))
        name_tag = tok is not None and (tok.pos in PROPER_POS | ABBR_POS)
        if nxt[:1].isdigit():
            cut = True  # "Công an tỉnh Đồng Nai Ngày 9-6, …"
        elif address:
            cut = True
        elif _foreign_word(ws[k - 1][2]):
            cut = not is_capitalised(nxt) or not name_tag or (has_vietnamese_marks(w) and not spans_on)
        else:
            cut = own and tok.pos in _FUNCTION_POS
        if cut:
            if ws[k - 1][1] > start:
                out.append((start, ws[k - 1][1]))
            start = e
    if start < b:
        out.append((start, b))
    return out


def _opens_vietnamese_name(ss: SentenceWords, j: int) -> bool:
    """Word ``j`` opens a Vietnamese person's name: a family name and one to three
    given names, every syllable capitalised, ending the capitalised run."""
    if j >= len(ss.words) or ss.keys[j] not in vietnamese_surnames():
        return False
    n = j
    while n < len(ss.words) and is_capitalised(ss.words[n][2]) and is_syllable(ss.words[n][2]) and joined(ss, n):
        n += 1
    return 2 <= n - j <= 4


def _np_candidates(ss: SentenceWords, taken: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for run in proper_runs(ss):
        for a, b in (p for piece in subtract(run, taken) for p in _split_at_clause_openers(ss, *piece)):
            a, b = _trim(ss, a, b)
            if b <= a:
                continue
            i = ss.word_index_at(a)
            if 0 < i < len(ss.words) and ss.words[i - 1][2] == "The" and joined(ss, i):
                a = ss.words[i - 1][0]  # "Theo The Cover, …": the article opens the outlet's name
            text = ss.text[a:b]
            if not any(c.isalpha() for c in text) or len(text) < 2:
                continue
            if _SHIP.match(text) or _NON_LATIN.search(text):
                continue
            if any(key(text) == n or key(text).endswith(" " + n) for n in not_entities()):
                continue  # "phương Tây", "Dịch Covid-19"
            if tuple(key(w) for w in _name_words(text)) in org_heads():
                continue  # "Viện" of "Viện nghiên cứu …": a head noun without a name
            if _opens_a_title(ss, a, b):
                continue  # "Chuẩn Đô" of "Chuẩn Đô đốc": a title, not a name
            if tuple(key(w) for w in _name_words(text)) in person_cues() and (
                key(_name_words(text)[0]) not in vietnamese_surnames()  # "Vương Phi" is a singer's name
            ):
                continue  # "…, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu …": a title printed with capitals
            before_type, _ = _cue_type(ss, a)
            a, b, lead = _strip_leading_cue(ss, a, b, keep_directions=before_type == "Place",
                                            after_person_cue=before_type == "Person")
            text = ss.text[a:b]
            if b <= a:
                continue
            if _after_not_actor_cue(ss, ss.word_index_at(a)):
                continue  # "tàu chở dầu A Symphony": a ship, not an actor
            if len(_name_words(text)) >= 2 and (_name_words(text)[0].casefold() in not_actor_openers()
                                                or _name_words(text)[-1].casefold() in not_actor_suffixes()):
                continue  # "đại sứ Festival Hoa lan", "Club World Cup": an event, not an actor
            if key(text) in _DIRECTIONS and _country_follows(ss, b, taken):
                continue  # "thống đốc Nam Úc": South Australia's compass word, no actor of its own
            typ, cue_start = _cue_type(ss, a)
            possessive = typ == "Organization" and key(ss.text[cue_start:a]) in possessive_cues()
            if lead is not None:
                typ, cue_start = lead
            nw = _name_words(text)
            if typ is None and len(nw) in (2, 3) and _given_name_first(nw[0], nw[1]):
                typ = "Person"  # "Đức Phúc": read as a form of address or as a given name, a person
            if typ is None and not is_vietnamese_style(text) and key(text) not in _DIRECTIONS and (
                _org_cue_with_descriptor(ss, a)
            ):
                typ = "Organization"  # "Công ty thẩm mỹ Classys", "Hiệp hội cầu thủ MLS"
            if any(key(text) == o or key(text).startswith(o + " ") for o in standalone_orgs()):
                typ = "Organization"  # "Đại diện Thành Đoàn cho biết", "Thành Đoàn TP.HCM": the city's youth union
            if typ is None and _apposition_cue(ss, b) and (
                len(_name_words(text)) >= 2 or _ner_of(ss, a, b) == "PER"
            ):
                typ = "Person"  # "Malcolm Davis, chuyên gia tại …"; not "Tuổi Trẻ Online, lãnh đạo …"
            if typ != "Organization" and _DESIGNATION.match(text.replace(" ", "")):
                continue  # "Su-57", "Topol-M"; but "kênh truyền hình Zvezda-5" is a channel
            if typ == "Person" and len(_name_words(text)) == 1 and _APPOSED_PERSON.match(ss.text, b):
                # "Phó giám đốc Vietcombank, ông Nguyễn Văn Hải, …": the title's person is
                # the one named after the comma; the word between is the organisation
                typ = "Organization"
            if typ in (None, "Person") and _name_words(text) and (
                _name_words(text)[-1].casefold() in org_suffixes()
                or len(_name_words(text)) >= 2 and _name_words(text)[0].casefold() in org_openers()
            ):
                # "Straits Times"; "người đứng đầu European Super League": a title before
                # an organisation's name does not make it a person
                typ = "Organization"  # "Straits Times", "Goodwood Ship Management"
            if typ is None and text.startswith("The ") and len(_name_words(text)) >= 2:
                typ = "Organization"  # "The Diplomat": no person's name starts with "The"
            cand = Candidate(ss.s.index, a + ss.base, b + ss.base, text, ner=_ner_of(ss, a, b))
            if possessive and lead is None:
                cand.extra["possessive_cue"] = "1"  # "nhóm Laura": a group, or Laura's group
            if text.upper() in not_acronyms() or _ROMAN.match(text):
                continue
            if typ == "Person" and is_all_caps(text):
                typ = None  # "Chủ tịch UBND": an institution after a title
            elif typ == "Person" and len(_name_words(text)) >= 2 and len(_name_words(text)[-1]) >= 2 and (
                is_all_caps(_name_words(text)[-1]) and not _ROMAN.match(_name_words(text)[-1])
            ):  # a regnal number is no acronym: "Giáo hoàng Leo XIV", "Vua Charles III"
                typ = "Organization"  # "trợ lý Meta AI", "Hải Phòng FC": no person's name ends in an acronym
            if typ in ("Person", None):
                cut = _institution_prefix(text)
                org_from = cut  # "CEO Netflix Ted Sarandos": the known organisation after the acronym
                known_cut = _known_org_prefix(text[cut:])
                cut += known_cut
                if cut and _name_words(text[cut:]) and key(_name_words(text[cut:])[0]) in _honorific_keys():
                    # "… Ảnh: DUYÊN PHAN Ông Bùi Trung Kiên": the form of address is no part of the name
                    nxt = re.match(r"\S+\s+", text[cut:])
                    cut = cut + nxt.end() if nxt and cut + nxt.end() < len(text) else cut
                if cut:
                    rest = text[cut:]
                    first = _name_words(rest)[0] if _name_words(rest) else ""
                    vi_name = is_vietnamese_style(rest) and key(first) in vietnamese_surnames()
                    if not known_cut:
                        org_from = 0
                    known = gazetteer().lookup(text[org_from:cut].strip(" ,-–"))
                    known_org = known is not None and known.type == "Organization"
                    foreign_name = not is_vietnamese_style(rest) and (
                        _ner_of(ss, a + cut, b) == "PER" or (typ == "Person" and known_org)
                    )
                    if _looks_like_person(rest) and (vi_name or foreign_name):
                        if known_org:
                            # "Tổng thư ký NATO Mark Rutte": the known organisation stays one
                            pre = text[org_from:cut].rstrip(" ,-–")
                            out.append(Candidate(ss.s.index, a + org_from + ss.base, a + org_from + len(pre) + ss.base,
                                                 pre, type="Organization", head=known.label, conf=CONF_LEXICON))
                        # "Chủ tịch HĐQT Dương Công Minh", "Giám đốc VPF Trần Anh Tú": the
                        # institution is glued to the name; the person is what follows it
                        a, text = a + cut, rest
                        cand = Candidate(ss.s.index, a + ss.base, b + ss.base, text, ner=_ner_of(ss, a, b))
                    elif typ == "Person" and not known_cut and _common_abbreviations(text[:cut]) and (
                        len(_name_words(rest)) == 1 and is_capitalised(rest) and not is_all_caps(rest)
                    ):
                        # "Cựu HLV ĐTQG Rajagobal": a coach of the national team, abbreviated;
                        # words that name no institution, so the name after them is the person's
                        a, text = a + cut, rest
                        cand = Candidate(ss.s.index, a + ss.base, b + ss.base, text, ner=_ner_of(ss, a, b))
                    elif typ == "Person" and not known_cut:
                        typ = "Organization"  # "Chủ tịch CLB HA Gia Lai": a club, not a person
                elif typ == "Person" and (k := _vietnamese_name_inside(ss, a, text)):
                    # "Bộ trưởng Công Thương Nguyễn Hồng Diên", "Tổng giám đốc Sacombank Nguyễn
                    # Văn A": the title's domain or institution is glued before the person's name
                    pre = text[:k].rstrip(" ,-–")
                    if not is_vietnamese_style(pre):
                        out.append(Candidate(ss.s.index, a + ss.base, a + len(pre) + ss.base, pre,
                                             type="Organization", conf=CONF_CONTEXT))
                    a, text = a + k, text[k:]
                    cand = Candidate(ss.s.index, a + ss.base, b + ss.base, text, ner=_ner_of(ss, a, b))
            paren = _parenthesis_after(ss, b)
            if paren is not None and paren.type == "Organization" and typ in (None, "Organization"):
                # "Bưu điện Hoa Nam buổi sáng (SCMP)": the long form of a known organisation
                cand.type, cand.head, cand.conf = "Organization", paren.label, CONF_CONTEXT
                out.append(cand)
                continue
            if paren is not None and paren.type == "Country" and typ is None:
                typ = "Place"  # "British Columbia (Canada)": a place within a country
            if typ is not None:
                cand.type = typ
                cand.conf = CONF_CUE
                if typ == "Person" and joined(ss, ss.word_index_at(a)):
                    _note_person_cue(ss, cand, a)
            else:
                i = ss.word_index_at(a)
                if i > 0 and ss.keys[i - 1] in _LOCATIVE and joined(ss, i):
                    cand.extra["after_locative"] = "1"  # "tại Defense Priorities": where, not who
                if (i > 0 and ss.keys[i - 1] == "theo" and joined(ss, i) and ss.text[b:b + 1] in (",", ")")
                        and not _described_after(ss, b)):
                    cand.extra["source_after_theo"] = "1"  # "Theo Screen Rant, …", "(theo St Headline)"
                elif _CAPTION_CREDIT.search(ss.text[:a]):
                    cand.extra["photo_credit"] = "1"  # "- Ảnh: Ten Asia": a person or an agency
            out.append(cand)
    return out


def _country_follows(ss: SentenceWords, end: int, taken: list[tuple[int, int]]) -> bool:
    """A country the lexicon matched starts one space after ``end``."""
    for s, e in taken:
        if s == end + 1 and ss.text[end] == " ":
            entry = gazetteer().lookup(ss.text[s:e])
            return entry is not None and entry.type == "Country"
    return False


def _vietnamese_name_inside(ss: SentenceWords, a: int, text: str) -> int:
    """Offset in ``text`` where a Vietnamese personal name (a family name and one to
    three given names, every syllable capitalised) ends the run after other words,
    when a title (not a form of address: "ông Tyler Nguyễn Minh") introduces it;
    0 when there is none."""
    ws = words(text)
    if len(ws) < 3 or not joined(ss, ss.word_index_at(a)):
        return 0
    pc = _person_cue(ss, ss.word_index_at(a))
    if pc is None or pc[0] in honorifics():
        return 0
    for k in range(1, len(ws) - 1):
        rest = text[ws[k][0]:]
        if (key(ws[k][2]) in vietnamese_surnames() and 2 <= len(ws) - k <= 4 and full_caps_name(rest)
                and is_vietnamese_style(rest) and key(ws[k - 1][2]) not in vietnamese_surnames()):
            return ws[k][0]
    return 0


def _note_person_cue(ss: SentenceWords, cand: Candidate, a: int) -> None:
    """Remember which cue made ``cand`` a person and where it starts (body offset):
    the article-level pass (:func:`_institutions_after_titles`) reads it."""
    pc = _person_cue(ss, ss.word_index_at(a))
    if pc is None:
        return
    phrase, j, gap = pc
    cand.extra["cue"] = " ".join(phrase)
    cand.extra["cue_at"] = str(ss.words[j][0] + ss.base)
    cand.extra["cue_gap"] = str(gap)


# --------------------------------------------------------------------------- article level


def _name_words(text: str) -> list[str]:
    return [w for _, _, w in words(text)]


_CAPTION_CREDIT = re.compile(r"\bẢnh\s*:\s*$")  # "- Ảnh: Ten Asia": a photo's credit
_GLUED_ACRONYM = re.compile(r"^[A-ZĐ]{2,}[A-ZĐ][a-zà-ỹđ]")  # "HLVEnzo": a title glued to a name
_APPOSED_PERSON = re.compile(r"\s*,\s*(?:ông|bà|ngài)\s+[A-ZĐÀ-Ỹ]", re.IGNORECASE)
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]")  # "ByteDance", "VinFast"


def _institution_prefix(text: str) -> int:
    """Length of the leading institution words of a name: acronyms ("HĐQT", "UBND TP",
    "GD-ĐT") and camel-case brands ("ByteDance") that no person's name opens with;
    0 when the name opens with an ordinary name word."""
    cut = 0
    for s, e, w in words(text):
        if s > cut and text[cut:s].strip():
            break
        if is_all_caps(w) or _CAMEL.match(w):
            cut = e
            continue
        break
    while cut < len(text) and text[cut] in " ,-–":
        cut += 1
    return cut if cut < len(text) else 0


def _common_abbreviations(text: str) -> bool:
    """A title and its body, each a common abbreviation that names no institution ("HLV
    ĐTQG": coach, national team; organizations.yaml not_acronyms). One such word alone
    ("CEO Miramax") is a title whose organisation follows."""
    ws = _name_words(text)
    return len(ws) >= 2 and all(w.upper() in not_acronyms() for w in ws)


def _known_org_prefix(text: str) -> int:
    """Offset of the word after a known organisation that opens the name, when two or
    more words follow it: "Meta Mark Zuckerberg", "Man Utd Patrice Evra" (underthesea
    runs the company or club into the name of its chief or player); 0 otherwise."""
    ws = words(text)
    for k in range(min(3, len(ws) - 2), 0, -1):
        entry = gazetteer().lookup(text[: ws[k - 1][1]])
        if entry is not None and entry.type == "Organization":
            return ws[k][0]
    return 0


def _looks_like_person(text: str) -> bool:
    """Two or more capitalised parts, none an acronym or a number ("Lee Hyun-koo"),
    the last longer than a letter ("Model Y", "Galaxy S" are products)."""
    ws = name_words(text)
    return len(ws) >= 2 and len(ws[-1]) > 1 and all(
        is_capitalised(w) and not is_all_caps(w) and not w[0].isdigit() for w in ws
    )


def _truncated_form_of(k: str, cands: list[Candidate]) -> Candidate | None:
    """A known place or organisation of the article that this word is a cut-off spelling of."""
    if len(k) < 6:
        return None
    for c in cands:
        if c.conf >= CONF_LEXICON and c.type != "Person":
            t = key(c.text)
            if t != k and t.startswith(k) and " " not in t and len(k) >= 0.6 * len(t):
                return c
    return None


# One-word names that end in a bank's word are banks: "Vietcombank", "Agribank", "VPBank".
_ORG_ENDING = re.compile(r"\w[Bb]ank$")
# A word with a capital inside is a brand ("VinFast", "AirX", "ByteDance"), unless a
# surname's particle opens it ("McCain", "DeSantis", "ElBaradei") or it names a kind of
# person ("TikToker", "YouTuber").
_BRAND_WORD = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|El|Al|Van|Vander|Vanden|Von|Fitz|O)[A-Z])([A-Z][a-z]+)[A-Z](?!\w*er$)")


def _brand_word(w: str) -> bool:
    """A brand's word with a capital inside ("VinFast", "AirX"), not a place glued to a
    name by the crawler ("IndonesiaNatalius", "LiverpoolAlan")."""
    m = _BRAND_WORD.match(w)
    if m is None:
        return False
    entry = gazetteer().lookup(m.group(1))
    return entry is None or entry.type not in ("Country", "Place")


def _is_country_name(text: str) -> bool:
    """A country's name that is no Vietnamese given name: "Vietnam", "Việt Nam", "Australia";
    not the one-syllable short forms "Anh", "Nga", "Mỹ" that end many names ("Lan Anh")."""
    entry = gazetteer().lookup(text)
    return entry is not None and entry.type == "Country" and (" " in text.strip() or len(text.strip()) > 4)


def _ends_in_a_country(text: str) -> bool:
    """The name closes with a country after other words ("Starbucks Vietnam", "Tennis Australia")."""
    ws = words(text)
    return any(_is_country_name(text[ws[k][0]:]) for k in range(1, len(ws)))


def _country_after(c: Candidate, starts: dict[int, Candidate]) -> bool:
    """The name runs on into a country the lexicon matched: "Kantar Worldpanel Việt Nam"."""
    nxt = starts.get(c.end + 1)
    return nxt is not None and nxt.sent == c.sent and nxt.type == "Country" and _is_country_name(nxt.text)


def _resolve_untyped(cands: list[Candidate]) -> None:
    """Type the names no cue typed, from the rest of the article, else drop them."""
    typed: dict[str, str] = {}
    person_last: dict[str, str] = {}
    org_part: set[str] = set()
    for c in cands:
        if c.type is None:
            continue
        k = key(c.head or c.text)
        typed.setdefault(k, c.type)
        typed.setdefault(key(c.text), c.type)
        ws = _name_words(c.text)
        if c.type == "Person" and ws and not any(len(w) >= 2 and is_all_caps(w) for w in ws):
            # not "HĐQT VinFast" (a board and its company after "chủ tịch"): no person's name
            person_last.setdefault(key(ws[-1]), "Person")
            person_last.setdefault(key(ws[0]), "Person")
        if c.type == "Organization" and len(ws) >= 2 and c.conf >= CONF_CUE:
            # "Tập đoàn Sumitomo", "Shopee Live": the name alone is that organisation
            for w in (ws[0], ws[-1]):
                if is_capitalised(w) and gazetteer().lookup(w) is None:
                    org_part.add(key(w))
    acronyms_stop = not_acronyms()
    starts = {c.start: c for c in cands}
    prev: Candidate | None = None
    for c in cands:
        if c.type is not None:
            prev = c
            continue
        k = key(c.text)
        ws = _name_words(c.text)
        cut = _truncated_form_of(k, cands) if len(ws) == 1 else None
        if k in typed:
            c.type, c.conf = typed[k], CONF_CONTEXT
        elif cut is not None:
            c.type, c.head, c.conf = cut.type, cut.head, CONF_CONTEXT  # "Washing" for Washington
        elif len(ws) == 1 and k in person_last:
            c.type, c.conf = "Person", CONF_CONTEXT
        elif len(ws) >= 2 and key(ws[-1]) in person_last and _looks_like_person(c.text):
            c.type, c.conf = "Person", CONF_CONTEXT
        elif (len(ws) == 1 and is_all_caps(c.text) and 2 <= len(c.text) <= 6
              and c.text.upper() not in acronyms_stop and not _ROMAN.match(c.text)):
            c.type, c.conf = "Organization", CONF_GUESS
        elif c.extra.get("after_locative") and len(ws) >= 2 and not is_vietnamese_style(c.text):
            # "nghiên cứu viên tại Defense Priorities": one works at an institution,
            # not at a person (known places were matched by the gazetteer before)
            c.type, c.conf = "Organization", CONF_GUESS
        elif len(ws) == 1 and _ORG_ENDING.search(c.text):
            c.type, c.conf = "Organization", CONF_GUESS  # "Vietcombank", "Agribank": a bank's name
        elif len(ws) == 1 and c.ner in ("PER", "ORG") and _brand_word(c.text):
            c.type, c.conf = "Organization", CONF_GUESS  # "NewJeans", "VinFast": a brand's inner capital
        elif len(ws) >= 2 and not is_vietnamese_style(c.text) and (
            _ends_in_a_country(c.text) or _country_after(c, starts)
        ):
            # "Starbucks Vietnam", "Tennis Australia", "Kantar Worldpanel Việt Nam": a
            # company's branch or a national body; a person is not named after a country
            c.type, c.conf = "Organization", CONF_GUESS
        elif (c.extra.get("source_after_theo") and len(ws) >= 2 and not is_vietnamese_style(c.text)
              and not _GLUED_ACRONYM.match(ws[0])
              and not c.extra.get("weak") and key(ws[-1]) not in person_last
              and all(o.extra.get("source_after_theo") or o.extra.get("photo_credit") for o in cands
                      if key(o.text) == k)
              and not any(key(o.text) == key(ws[-1]) for o in cands)):
            # "Theo Screen Rant, …", "Theo Nikkei Asia, …": a foreign name cited bare as the
            # source, with no title, no apposition and no other mention as a person, is an
            # outlet or a company (a person cited so is named again, or described)
            c.type, c.conf = "Organization", CONF_GUESS
        elif _looks_like_person(c.text) and (c.ner == "PER" or not is_vietnamese_style(c.text)):
            # "AirX Carbon": a brand's inner capital makes the name no person's
            c.type, c.conf = "Organization" if any(_brand_word(w) for w in ws) else "Person", CONF_GUESS
        elif 3 <= len(ws) <= 4 and is_vietnamese_style(c.text) and key(ws[0]) in vietnamese_surnames() and (
            _looks_like_person(c.text)
        ):
            # "Nguyễn Văn Tiến" after a long organisation name that hid the title before it:
            # a family name and given names are a person's
            c.type, c.conf = "Person", CONF_GUESS
        elif len(ws) == 1 and k in org_part and k not in person_last:
            c.type, c.conf = "Organization", CONF_CONTEXT  # "Sumitomo" after "Tập đoàn Sumitomo"
            c.extra["org_part"] = "1"
        elif (
            prev is not None and prev.type == "Person" and prev.sent == c.sent and len(ws) == 1
            and c.ner == "PER"
        ):
            c.type, c.conf = "Organization" if _brand_word(c.text) else "Person", CONF_GUESS  # not "VinFast"
        prev = c
    # "nhóm Laura", "kênh Tzuyang" beside "Laura Sharman", "YouTuber Tzuyang": the owner's name
    owners = {key(w) for c in cands if c.type == "Person" and _looks_like_person(c.text)
              and not is_vietnamese_style(c.text) for w in (_name_words(c.text)[0], _name_words(c.text)[-1])}
    owners |= {key(c.text) for c in cands if c.type == "Person" and c.conf >= CONF_CUE and len(_name_words(c.text)) == 1}
    org_cued = {key(c.text) for c in cands if c.type == "Organization" and c.conf >= CONF_CUE
                and not c.extra.get("possessive_cue")}
    for c in cands:
        k = key(c.text)
        if (c.extra.get("possessive_cue") and len(_name_words(c.text)) == 1 and k in owners and k not in org_cued
                and gazetteer().lookup(c.text) is None):
            c.type, c.conf = "Person", CONF_CUE
    # one name, one type: a guess yields to stronger evidence for the same
    # written name ("Đắk Lắk" after a comma is the province named with "tỉnh");
    # a cue does not ("ông Trung" is a man even where "Mỹ - Trung" is China)
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.type is not None:
            k = key(c.text)
            if k not in best or c.conf > best[k].conf:
                best[k] = c
    for c in cands:
        b = best.get(key(c.text))
        if c.type is not None and b is not None and b.type != c.type and b.conf > c.conf and c.conf < CONF_CUE:
            c.type, c.head = b.type, b.head
    # "Chủ tịch Vingroup … tập đoàn Vingroup": a one-word name that a title made a
    # person but an organisation's cue names elsewhere is the organisation
    org_words = {key(c.text) for c in cands if c.type == "Organization" and len(_name_words(c.text)) == 1}
    for c in cands:
        if c.type == "Person" and len(_name_words(c.text)) == 1 and key(c.text) in org_words:
            c.type = "Organization"
    for c in cands:
        if c.type == "Person" and is_all_caps(c.text) and len(_name_words(c.text)) == 1:
            c.type = "Organization"  # "Chủ tịch UNDP": an acronym is an institution
    # "Khi đó, Viana cho biết": a one-word town name that is the surname of
    # a person named in full in this article is that person
    surnames = {key(_name_words(c.text)[-1]) for c in cands
                if c.type == "Person" and len(_name_words(c.text)) >= 2}
    # "tân Bộ trưởng Công Thương nhấn mạnh": the domain of a ministry the article names
    # ("Bộ Công Thương") after the title, no person's name
    heads = set(org_heads())
    domains: dict[str, Candidate] = {}
    for c in cands:
        ws = _name_words(c.text)
        if c.type == "Organization" and len(ws) >= 2:
            for n in (1, 2):
                if tuple(key(w) for w in ws[:n]) in heads and len(ws) > n:
                    domains.setdefault(key(" ".join(ws[n:])), c)
    for c in cands:
        ws = _name_words(c.text)
        d = domains.get(key(c.text)) if c.type == "Person" and len(ws) >= 2 else None
        if d is not None and key(ws[0]) not in vietnamese_surnames():
            c.type, c.head, c.conf = "Organization", d.head or d.text, CONF_CONTEXT
    foreign_surnames = {key(_name_words(c.text)[-1]) for c in cands if c.type == "Person"
                        and _looks_like_person(c.text) and not is_vietnamese_style(c.text)
                        and key(_name_words(c.text)[0]) != key(_name_words(c.text)[-1])}  # not "Ảnh: Ford Ford"
    foreign_surnames -= {k for k in foreign_surnames if gazetteer().lookup(k) is not None}
    for c in cands:
        if (c.type == "Place" and c.extra.get("source") in ("city", "city_alias")
                and c.extra.get("words") == "1" and key(c.text) in surnames):
            c.type, c.head, c.conf = "Person", c.text, CONF_CONTEXT
        elif c.type == "Organization" and c.extra.get("org_part") and key(c.text) in foreign_surnames:
            # "Fury tuyên bố …" after "Tyson Fury": typed an organisation only because a
            # glued run ("mạng xã hội X. Fury") made the word part of one
            c.type, c.conf = "Person", CONF_CONTEXT


_PREFIX_PLACE_POPULATION = 100_000  # a town this small is more often a name's first word ("Kong", "Tyler")


def _split_glued_prefixes(cands: list[Candidate]) -> list[Candidate]:
    """A foreign person's name with a place or an organisation glued before it:
    "ngôi sao Hollywood Angelina Jolie", "CEO Astronomer Andy Byron". The name is
    split when what follows the first word or two is a person's name the article
    prints on its own, and the words before it a known country or city; or when the
    words before it are a name that a cue or the lexicon types as no person elsewhere
    in the article ("công ty Astronomer"). Up to three words may open it: an office
    named after its country ("Phát ngôn viên Tòa Thánh Vatican Matteo Bruni"). One
    word may be left when it is the family name of another person the article names
    in full and the words before it a known organisation ("CEO Meta Zuckerberg")."""
    texts = {key(c.text) for c in cands}
    typed: dict[str, Candidate] = {}
    for c in cands:
        if c.type is not None and c.type != "Person" and c.conf >= CONF_CUE:
            typed.setdefault(key(c.text), c)
    # last words of the persons named in full: "CEO Meta Zuckerberg" after "Mark Zuckerberg"
    full_last: dict[str, set[str]] = {}
    for c in cands:
        if c.type in (None, "Person") and _looks_like_person(c.text) and not is_vietnamese_style(c.text):
            full_last.setdefault(key(_name_words(c.text)[-1]), set()).add(key(c.text))
    # names a cue made a person's ("ông Bruni"): the same person's name after an office
    person_words = {key(w) for c in cands if c.type == "Person" for w in _name_words(c.text)}
    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        if c.type not in (None, "Person"):
            continue
        ws = words(c.text)
        for k in (3, 2, 1):
            if len(ws) - k < 1:
                continue
            pre, rest = c.text[: ws[k - 1][1]], c.text[ws[k][0]:]
            if is_vietnamese_style(rest) or (k == 1 and is_vietnamese_style(c.text)):
                continue
            one = len(ws) - k == 1
            if one and not full_last.get(key(rest), set()) - {key(c.text)}:
                continue  # one word left: only the family name of a person the article names in full
            if not one and not _looks_like_person(rest):
                continue
            entry = gazetteer().lookup(pre)
            if one:
                # "CEO Meta Zuckerberg": only a known company or body before the family name
                # ("Vladimir Putin" opens with a town's name and is one name)
                if entry is None or entry.type != "Organization":
                    continue
                ctx = Candidate(c.sent, c.start, c.start + len(pre), pre, type="Organization", head=entry.label)
            place = not one and entry is not None and (entry.type == "Country" or (
                entry.type == "Place" and entry.population >= _PREFIX_PLACE_POPULATION))
            if not one:
                ctx = typed.get(key(pre))
                if ctx is None and entry is None and k >= 2 and (
                    c.type == "Person" or key(_name_words(rest)[-1]) in person_words
                ):
                    # "Giám đốc Phòng Báo chí Tòa Thánh Vatican Matteo Bruni": an institution
                    # named after its country, then the person the title is about
                    tail = gazetteer().lookup(c.text[ws[k - 1][0]:ws[k - 1][1]])
                    if tail is not None and tail.type == "Country":
                        ctx = Candidate(c.sent, c.start, c.start + len(pre), pre, type="Organization")
            if not ((place and key(rest) in texts) or ctx is not None):
                continue
            typ, head = (entry.type, entry.label) if place else (ctx.type, ctx.head)
            out[-1] = Candidate(c.sent, c.start, c.start + len(pre), pre, type=typ, head=head, conf=CONF_CONTEXT)
            person = Candidate(c.sent, c.start + ws[k][0], c.end, rest, type=c.type, head=None, conf=c.conf,
                               ner=c.ner, extra=dict(c.extra))
            if "cue_gap" in person.extra:
                person.extra["cue_gap"] = str(int(person.extra["cue_gap"]) + k)
            out.append(person)
            break
    return out


def _person_shaped(c: Candidate, name_parts: set[str]) -> bool:
    """A name with a person's shape: a Vietnamese family name and two or three given
    names ("Nguyễn Thu Hằng"), a foreign name underthesea tags as a person, or one
    word that is the first or last word of a person the article names in full."""
    ws = _name_words(c.text)
    if len(ws) == 1:
        return key(ws[0]) in name_parts
    if is_vietnamese_style(c.text):
        return len(ws) <= 4 and key(ws[0]) in vietnamese_surnames() and full_caps_name(c.text)
    return c.ner == "PER"


def _ends_in_a_place(text: str) -> bool:
    """ "Prudential Việt Nam", "Visa Việt Nam và Lào": a name that closes with a known
    country or city after other words is a branch of an organisation, no person."""
    ws = words(text)
    for k in range(1, len(ws)):
        entry = gazetteer().lookup(text[ws[k][0]:])
        if entry is not None and entry.type in ("Country", "Place"):
            return True
    return False


def _apposed_to_person(ordered: list[Candidate], i: int, body: str) -> bool:
    """The title before ``ordered[i]`` stands in apposition to a person: "ông X - tổng
    giám đốc Vinasun -", "bà X, phó giám đốc Sở …", or the person follows the name:
    "Chủ tịch La Liga, Javier Tebas". The title then belongs to that person, and
    the name after it is where the person works."""
    c = ordered[i]
    cue_at = int(c.extra["cue_at"])
    prev = next((p for p in reversed(ordered[:i]) if p.end <= cue_at), None)
    # a foreign name of several words counts only when the apposition closes after it
    # ("bà X, Chủ tịch Gree Electric, …")
    one_or_vi = len(_name_words(c.text)) == 1 or is_vietnamese_style(c.text) or (
        re.match(r"\s*(?:[,)\-–—]|kiêm\b)", body[c.end:]) is not None and c.ner != "PER"
    )
    if prev is not None and prev.type == "Person" and prev.sent == c.sent and one_or_vi:
        gap = [key(w) for _, _, w in words(body[prev.end:cue_at])]
        sep = body[prev.end:cue_at].strip()[:1]
        mods = {" ".join(m) for m in title_modifiers()}
        if sep in (",", "-", "–", "—", "(") and all(g in mods for g in gap):
            return True
    nxt = ordered[i + 1] if i + 1 < len(ordered) else None
    return (
        nxt is not None and nxt.type == "Person" and nxt.sent == c.sent and len(_name_words(nxt.text)) >= 2
        and re.fullmatch(r"\s*,\s*(?:(?:ông|bà)\s+)?", body[c.end:nxt.start], re.IGNORECASE) is not None
    )


def _institutions_after_titles(cands: list[Candidate], body: str) -> None:
    """A name right after an institution's title ("Chủ tịch Vingroup", "giám đốc
    Tesla", "lãnh đạo Thành Công") is the institution unless it has a person's
    shape; in apposition to a named person it is the institution whatever its
    shape, unless that shape is a Vietnamese or tagged person's name. One written
    name keeps one type: the other mentions of a one-word institution follow."""
    titles = institution_titles()
    hon = {" ".join(h) for h in honorifics()}
    persons = [c for c in cands if c.type == "Person"]
    name_parts: set[str] = set()
    for c in persons:
        ws = _name_words(c.text)
        if len(ws) >= 2:
            name_parts.update((key(ws[0]), key(ws[-1])))
        elif c.extra.get("cue") in hon:
            name_parts.add(key(ws[0]))  # "ông Hiếu": the article gives a person this name
    ordered = sorted(cands, key=lambda c: (c.start, -c.end))
    to_org: set[str] = set()
    for i, c in enumerate(ordered):
        if c.type != "Person" or c.extra.get("cue") not in titles or c.extra.get("cue_gap") != "0":
            continue
        if _person_shaped(c, name_parts) and not (
            not is_vietnamese_style(c.text) and _ends_in_a_country(c.text)
        ):
            continue  # but "người sáng lập Box Office Vietnam": no person is named after a country
        if (len(_name_words(c.text)) == 1 or is_vietnamese_style(c.text) or _ends_in_a_place(c.text)
                or _apposed_to_person(ordered, i, body)):
            c.type, c.conf = "Organization", CONF_CONTEXT
            to_org.add(key(c.text))
    for c in cands:
        if (c.type == "Person" and key(c.text) in to_org and c.conf <= CONF_CUE
                and c.extra.get("cue") not in hon):
            c.type, c.conf = "Organization", CONF_CONTEXT


def _outlet_candidate(doc: Doc, cands: list[Candidate]) -> Candidate | None:
    """The outlet named by the dateline ("Kinhtedothi - …") is an organisation mention."""
    art = doc.article
    if not art.outlet or not doc.sentences:
        return None
    first = doc.sentences[0].sentence
    if not first.text.startswith(art.outlet):
        return None
    end = first.start + len(art.outlet)
    if any(c.start == first.start and c.end == end for c in cands):
        return None  # the lexicon already knows the outlet
    # the dateline names the outlet as a whole: parts of it are not actors
    cands[:] = [c for c in cands if not (c.start < end and first.start < c.end)]
    return Candidate(first.index, first.start, end, art.outlet, type="Organization", conf=CONF_PATTERN)


_CREDIT_TAIL = 3  # bylines and credit lines close an article
_CREDIT_MAX_WORDS = 8


def _credits(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Credit lines and bylines at the end of the body.

    "Theo Reuters, Hill" credits media: their unknown names are organisations
    ("Hill" -> The Hill when the lexicon knows it). A line that is only a
    person's name, or "Theo <person>", is the reporter's byline, which is not
    an actor of the story.
    """
    if not doc.sentences:
        return cands
    tail = {
        a.sentence.index: a.sentence
        for a in doc.sentences[-_CREDIT_TAIL:]
        if len(words(a.sentence.text[:400])) <= _CREDIT_MAX_WORDS
    }
    bylines = {i for i, sent in tail.items() if is_vietnamese_style(sent.text.strip(" .-–"))
               and all(is_capitalised(w) for _, _, w in words(sent.text))}
    out = []
    for c in cands:
        if c.sent in bylines:
            continue  # "Đức Hoàng": a reporter's name, though "Đức" is also Germany
        sent = tail.get(c.sent)
        if sent is None or c.type not in (None, "Person"):
            out.append(c)
            continue
        before = doc.article.body[sent.start:c.start]
        credit = key(before.strip()).startswith("theo")
        if c.type == "Person" or is_vietnamese_style(c.text) or (c.type is None and not credit):
            if credit or not before.strip(" -–,"):
                continue  # a byline
        if credit and c.type is None:
            entry = gazetteer().lookup("The " + c.text)
            c.type, c.conf = "Organization", CONF_CONTEXT
            if entry is not None and entry.type == "Organization":
                c.head = entry.label
        out.append(c)
    return out


# the lower-case word used as a pronoun: "anh nói", "của anh", "anh ấy"
# (not in the words it makes: "anh hùng", "nước anh em", "anh tài", "anh minh")
_LOWER_PRONOUN = re.compile(r"(?<![\w-])(?<!tiếng )(?<!người )(?<!nước )anh(?!\w)"
                            r"(?!\s+(?:quốc|ngữ|hùng|em|tài|minh|linh)\b)")


def _pronoun_or_country(cands: list[Candidate], body: str = "") -> list[Candidate]:
    """A sentence-initial "Anh" is Britain only in an article about other countries.

    Vietnamese starts sentences about a man with "Anh" ("Anh kể lại …"),
    tagged exactly like the country. It is kept as the country when the
    article names Britain elsewhere (and never writes the pronoun in lower
    case) or names another foreign country near it.
    """
    weak = [c for c in cands if c.extra.get("weak")]
    if not weak:
        return cands
    firm = [c for c in cands if c.type == "Country" and not c.extra.get("weak")]
    heads = {c.head for c in weak}
    # the same country written where no pronoun can stand ("nước Anh", "Thủ tướng Anh",
    # "Mỹ và Anh") tells that the article is about it; an article that also writes
    # the pronoun in lower case ("…", anh nói) is about a man, also when it names
    # Britain once ("một câu lạc bộ của người Anh"): the pronoun wins
    pronoun = bool(_LOWER_PRONOUN.search(body))
    if any(c.head in heads for c in firm) and not pronoun:
        return cands
    if pronoun or not any(c.head != "Vietnam" for c in firm):
        return [c for c in cands if not c.extra.get("weak")]
    # otherwise each "Anh" is read from the actor named just before it: after a
    # person ("tiền vệ Nguyễn Minh Tuấn … Anh cho biết") it is that man
    ordered = sorted(cands, key=lambda c: c.start)
    out = []
    last_actor: Candidate | None = None
    for c in ordered:
        if c.extra.get("weak"):
            person = last_actor is not None and (
                last_actor.type == "Person" or (last_actor.type is None and _looks_like_person(last_actor.text))
            )
            if person and c.start - last_actor.end < _PRONOUN_REACH:
                continue
            if not any(abs(f.start - c.start) < _PRONOUN_REACH and f.head != "Vietnam" for f in firm):
                continue  # no foreign country named near it: "Anh chia sẻ" is a man speaking
            out.append(c)
            continue
        if c.type is not None or _looks_like_person(c.text):
            last_actor = c
        out.append(c)
    keep_ids = {id(c) for c in out}
    return [c for c in cands if id(c) in keep_ids]


_PRONOUN_REACH = 400  # characters: about the sentence before


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every actor mention of the article, typed, in text order."""
    cands: list[Candidate] = []
    for asent in doc.sentences:
        if not asent.tokens:
            continue
        ss = SentenceWords(asent)
        matches = _lexicon_matches(ss)
        matches = sorted(matches + _pair_short_forms(ss, matches), key=lambda m: m.start)
        ss.covered = [(m.start, m.end) for m in matches]
        tpl = _template_orgs(ss, matches)
        tpl_spans = [(c.start - ss.base, c.end - ss.base) for c in tpl]
        headed = _headed_orgs(ss, sorted(ss.covered + tpl_spans))
        # a headed name that is just a longer reading of a template org is dropped
        headed = [h for h in headed
                  if not any(s <= h.start - ss.base < e for s, e in tpl_spans)]
        for h in headed:
            acr = h.extra.get("acronym")
            if acr:
                entry = gazetteer().lookup(acr)
                if entry is not None and entry.type == "Organization":
                    h.head = entry.label
        for m in matches:
            if m.start in ss.weak:
                c = _from_match(ss, m)
                c.extra["weak"] = "1"
                cands.append(c)
                continue
            cands.append(_from_match(ss, m))
        cands.extend(tpl)
        cands.extend(headed)
        taken = ss.covered + tpl_spans + [(h.start - ss.base, h.end - ss.base) for h in headed]
        # acronyms in parentheses after a headed name are that organisation, not new ones
        for h in headed:
            acr = h.extra.get("acronym")
            if acr:
                pos = ss.text.find(acr, h.end - ss.base)
                if pos >= 0:
                    taken.append((pos, pos + len(acr)))
                    cands.append(Candidate(ss.s.index, pos + ss.base, pos + len(acr) + ss.base, acr,
                                           type="Organization", head=h.head or h.text, conf=CONF_PATTERN))
        nps, papers = _place_before_org_word(_np_candidates(ss, sorted(taken)), matches, ss)
        if papers:  # the city is part of the newspaper's name: no place of its own
            cands[:] = [c for c in cands if not (c.sent == ss.s.index and (c.start, c.end) in papers)]
        cands.extend(nps)
    cands = _pronoun_or_country(cands, doc.article.body)
    cands = _credits(doc, cands)
    outlet = _outlet_candidate(doc, cands)
    if outlet is not None:
        cands.append(outlet)
    cands.sort(key=lambda c: (c.start, -c.end))
    cands = _split_glued_prefixes(cands)
    _cut_glued_tails(cands, doc.article.body)
    _resolve_untyped(cands)
    _institutions_after_titles(cands, doc.article.body)
    return [c for c in cands if c.type is not None]


def _cut_glued_tails(cands: list[Candidate], body: str) -> None:
    """A name whose last word runs on into the next word because the crawler dropped
    the space ("Zelenskycho", "Trumpđã", "Snopescho"): the function word (``glued_tails``
    in name_edges.yaml) is cut off when the article prints the name's last word without
    it elsewhere, so "Sancho" or "Garnacho" stay whole."""
    tails = glued_tails()
    if not tails:
        return
    for c in cands:
        if c.type not in (None, "Person", "Organization") or c.head:
            continue
        if not 1 <= len(c.text.split()) <= 3:
            continue  # a longer run is more than one name ("Video: X's Takes James Gunncho …")
        last = c.text.split()[-1]
        low = last.casefold()
        tail = next((t for t in tails if low.endswith(t) and len(low) - len(t) >= 3), None)
        if tail is None:
            continue
        stem = last[: len(last) - len(tail)]
        if not stem[-1:].isalpha() or re.search(rf"(?<!\w){re.escape(stem)}(?!\w)", body) is None:
            continue
        cut = len(tail)
        c.end -= cut
        c.text = c.text[: len(c.text) - cut]


def _place_before_org_word(
    found: list[Candidate], matches: list[Match], ss: SentenceWords
) -> tuple[list[Candidate], set[tuple[int, int]]]:
    """ "Bangkok Post", "New York Post", "Phnom Penh Post": a city or country the lexicon
    knows, then one capitalised word that closes organisations' names (org_suffixes:
    Post, Times, Herald …) is one organisation, a newspaper named after its city; the
    word alone is no actor. Returns the candidates and the (body) spans of the places
    that are parts of such names."""
    suffixes = org_suffixes()
    out: list[Candidate] = []
    places: set[tuple[int, int]] = set()
    for c in found:
        a = c.start - ss.base
        m = None
        if c.type in (None, "Organization", "Person") and len(_name_words(c.text)) == 1 and (
            c.text.casefold() in suffixes
        ):
            m = next((m for m in matches if m.end + 1 == a and ss.text[m.end] == " "
                      and m.entry.type in ("Place", "Country")), None)
        if m is None:
            out.append(c)
            continue
        text = ss.text[m.start:a + len(c.text)]
        known = gazetteer().lookup(text)
        out.append(Candidate(c.sent, m.start + ss.base, c.end, text, type="Organization",
                             head=known.label if known is not None and known.type == "Organization" else None,
                             conf=CONF_PATTERN))
        places.add((m.start + ss.base, m.end + ss.base))
    return out, places


def _from_match(ss: SentenceWords, m: Match) -> Candidate:
    e: Entry = m.entry
    cand = Candidate(ss.s.index, m.start + ss.base, m.end + ss.base, ss.text[m.start:m.end],
                     type=e.type, head=e.label, conf=CONF_LEXICON)
    cand.extra["source"] = e.source
    cand.extra["words"] = str(m.words)
    return cand


@COMPONENTS.register(NAME)
def entities(doc: Doc, found: Extraction) -> None:
    """Add one :class:`Mention` per actor mention (``entity`` is set by `link`)."""
    art = doc.article
    for c in find_candidates(doc):
        found.mentions.append(
            Mention(
                text=c.text,
                type=c.type or "Organization",
                evidence=Evidence(art.id, c.sent, c.start, c.end, NAME, c.conf),
                head=c.head or c.text,
            )
        )
