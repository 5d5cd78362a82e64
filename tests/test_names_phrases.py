"""kg.nlp.names.phrase_at / phrase_ending: indexed lookups with the plain scan's answers."""

from __future__ import annotations

import itertools

from kg.lexicon.cues import person_cues
from kg.nlp.names import phrase_at, phrase_ending

PHRASES = (("bộ", "trưởng", "ngoại", "giao"), ("bộ", "trưởng"), ("thủ", "tướng"), ("ông",), ("bộ",))


def _scan_at(seq, i, phrases):
    return next((p for p in phrases if tuple(seq[i:i + len(p)]) == p), None)


def _scan_ending(seq, end, phrases):
    return next((p for p in phrases if end - len(p) >= 0 and tuple(seq[end - len(p):end]) == p), None)


def test_first_listed_phrase_wins_as_in_a_scan():
    seq = ["ông", "bộ", "trưởng", "ngoại", "giao", "thủ", "tướng", "bộ"]
    assert phrase_at(seq, 1, PHRASES) == ("bộ", "trưởng", "ngoại", "giao")
    assert phrase_at(seq, 1, PHRASES[1:]) == ("bộ", "trưởng")
    assert phrase_ending(seq, 3, PHRASES) == ("bộ", "trưởng")
    assert phrase_ending(seq, 8, PHRASES) == ("bộ",)
    assert phrase_at(seq, 8, PHRASES) is None and phrase_ending(seq, 0, PHRASES) is None


def test_same_answers_as_a_scan_at_every_position():
    cues = person_cues()
    seq = ["theo", "ông", "bộ", "trưởng", "ngoại", "giao", "nga", "phát", "ngôn", "viên", "tổng", "thống"]
    for phrases, i in itertools.product((PHRASES, cues), range(len(seq) + 2)):
        assert phrase_at(seq, i, phrases) == _scan_at(seq, i, phrases)
        assert phrase_ending(seq, i, phrases) == _scan_ending(seq, i, phrases)
