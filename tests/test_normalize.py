"""Normalisation: equivalent spellings give the same text or the same key."""

from __future__ import annotations

import unicodedata

import pytest

from kg.clean.normalize import fold_quotes, match_key, normalize_text, search_key


def test_nfd_input_becomes_nfc() -> None:
    s = "Người phát ngôn Điện Kremlin nhấn mạnh"
    nfd = unicodedata.normalize("NFD", s)
    assert nfd != s
    assert normalize_text(nfd) == s


def test_invisible_characters_are_folded() -> None:
    assert normalize_text("Wa\u00adshing\u200bton\u00a0DC\ufeff") == "Washington DC"
    assert normalize_text("dòng một\r\ndòng hai\rba") == "dòng một\ndòng hai\nba"


def test_normalize_text_keeps_tone_placement_for_display() -> None:
    assert normalize_text("hoà bình") == "hoà bình"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuỷ", "thủy"),
        ("Uỷ ban", "ủy ban"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Thoả thuận", "thỏa thuận"),
        ("HOÀ", "hòa"),
    ],
)
def test_match_key_unifies_tone_placement(old: str, new: str) -> None:
    assert match_key(old) == match_key(new)


@pytest.mark.parametrize("word", ["quý", "quỳnh", "huỳnh", "hoàng", "ngoài", "khuyên"])
def test_match_key_leaves_fixed_placements_alone(word: str) -> None:
    assert match_key(word) == word


def test_match_key_folds_case_space_quotes_and_nfd() -> None:
    a = match_key(unicodedata.normalize("NFD", "  “Điện   Kremlin” – Nga "))
    assert a == '"điện kremlin" - nga'


def test_fold_quotes_recognises_typographic_marks() -> None:
    assert fold_quotes("«a» ‘b’ c—d e–f") == "\"a\" 'b' c-d e-f"


def test_search_key_drops_diacritics() -> None:
    assert search_key("Điện Kremlin") == "dien kremlin"
    assert search_key("Uỷ ban Hoà bình") == search_key("ủy ban hòa bình") == "uy ban hoa binh"
