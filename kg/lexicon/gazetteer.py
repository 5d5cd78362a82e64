"""A word-level dictionary matcher for names of known actors and places.

Every known name (countries from CLDR, cities from GeoNames, organisations and
press aliases from ``ontology/lexicons``) is stored under the keys of its
words; :meth:`Gazetteer.find` scans a text for the longest known names,
independently of how underthesea segmented it (a tagger that splits "Ả rập
Xê út" oddly must not hide Saudi Arabia). Case rules (see
:func:`kg.lexicon.text.case_compatible`) keep common words out: "Mỹ" is a
country, "thẩm mỹ" is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import WORD, case_compatible, key, phrase_key, words

# Which source wins when two sources know the same name: an organisation's
# fixed name beats a press alias, which beats CLDR, which beats GeoNames; a
# city's own name beats another city's alternate name ("Bali" is not Bari).
PRIORITY = {"org": 50, "alias": 40, "place": 35, "country": 30, "region": 25, "city": 20, "city_alias": 10}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a known name refers to."""

    label: str  # canonical English label
    type: str  # Person | Organization | Country | Place
    label_vi: str | None = None
    external_ids: tuple[tuple[str, str], ...] = ()
    source: str = "org"  # a PRIORITY key
    code: str | None = None  # ISO 3166 code of a country
    population: int = 0


@dataclass(slots=True)
class Match:
    start: int  # offsets in the scanned text
    end: int
    entry: Entry
    words: int  # number of words matched


@dataclass(slots=True)
class _Slot:
    entry: Entry
    forms: list[list[str]] = field(default_factory=list)


class Gazetteer:
    """Names -> entries; longest match first, left to right."""

    def __init__(self, max_words: int = 12) -> None:
        self._names: dict[tuple[str, ...], _Slot] = {}
        self._first: set[str] = set()
        self.max_words = max_words
        self._longest = 1

    def add(self, name: str, entry: Entry) -> None:
        """Register ``name`` for ``entry``; on a clash the higher-priority source wins."""
        form = WORD.findall(name)
        if not form or len(form) > self.max_words:
            return
        k = tuple(key(w) for w in form)
        slot = self._names.get(k)
        if slot is None:
            self._names[k] = _Slot(entry, [form])
        else:
            old = slot.entry
            new_rank = (PRIORITY.get(entry.source, 0), entry.population)
            old_rank = (PRIORITY.get(old.source, 0), old.population)
            if new_rank > old_rank:
                slot.entry = entry
            if slot.entry is entry or old == entry:
                if form not in slot.forms:
                    slot.forms.append(form)
            elif old.label == entry.label and form not in slot.forms:
                slot.forms.append(form)
        self._first.add(k[0])
        self._longest = max(self._longest, len(k))

    def lookup(self, name: str) -> Entry | None:
        """The entry a whole name refers to (case-insensitive), if any."""
        slot = self._names.get(phrase_key(name))
        return slot.entry if slot else None

    def __contains__(self, name: str) -> bool:
        return phrase_key(name) in self._names

    def entries(self) -> list[Entry]:
        """Every entry, in insertion order of their names."""
        return [slot.entry for slot in self._names.values()]

    def __len__(self) -> int:
        return len(self._names)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping longest matches in ``text``, left to right."""
        ws = words(text)
        keys = [key(w) for _, _, w in ws]
        out: list[Match] = []
        i = 0
        n = len(ws)
        while i < n:
            found: Match | None = None
            if keys[i] in self._first:
                for j in range(min(n, i + self._longest), i, -1):
                    slot = self._names.get(tuple(keys[i:j]))
                    if slot is None:
                        continue
                    if not _contiguous(text, ws[i:j]):
                        continue
                    surface = [w for _, _, w in ws[i:j]]
                    if any(case_compatible(f, surface) for f in slot.forms):
                        found = Match(ws[i][0], ws[j - 1][1], slot.entry, j - i)
                        break
            if found is not None:
                out.append(found)
                i += found.words
            else:
                i += 1
        return out


def _contiguous(text: str, ws: list[tuple[int, int, str]]) -> bool:
    """Words of one name are separated by spaces or joining punctuation only."""
    for (_, e, _), (s, _, _) in zip(ws, ws[1:]):
        gap = text[e:s]
        if len(gap) > 3 or any(c in gap for c in ",;:()[]\"“”!?\n") or gap.strip(" -.'’&") :
            return False
    return True
