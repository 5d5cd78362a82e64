"""Glued words: the syllable check, the splits, and the map back to the text as written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.clean.article import written_body
from kg.clean.glue import GLUE_META, original_offset, original_text, split_glued
from kg.clean.syllable import is_syllable
from kg.read import read_file


@pytest.mark.parametrize("word", ["Tổng", "thống", "Nga", "người", "nghiêng", "quyết", "giúp", "gì", "khuya",
                                  "thuở", "Quỳnh", "khuỷu", "Theo", "Le", "đặt", "lệnh", "ghế", "kỹ", "yêu", "ủy"])
def test_vietnamese_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["Trump", "TikTok", "Putin", "Donald", "Kremlin", "chat", "ghợp", "ngê", "ce",
                                  "đàt", "hỏiỏ", "Moskva", "NATO", "iPhone", "đặtlệnh"])
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(("glued", "fixed"), [
    ("TheoĐiện Kremlin", "Theo Điện Kremlin"),
    ("Tổng thống Mỹ Donald Trumpngày 24-4", "Tổng thống Mỹ Donald Trump ngày 24-4"),
    ("báoLe Monde(Pháp)", "báo Le Monde (Pháp)"),
    ("áp đặtlệnh trừng phạtlên", "áp đặt lệnh trừng phạt lên"),
    ("Minh Khang(TheoTASS,Reuters)", "Minh Khang (Theo TASS, Reuters)"),
    ("hãng thông tấnKyodođưa tin", "hãng thông tấn Kyodo đưa tin"),
    ("liên minhNATOsẽ họp", "liên minh NATO sẽ họp"),
    ("TP HCMSáng 8/4", "TP HCM Sáng 8/4"),
    ("Thủ tướngNhậtShigeru Ishiba", "Thủ tướng Nhật Shigeru Ishiba"),
    ("ngày 3-5,Ngoại trưởng Pháp", "ngày 3-5, Ngoại trưởng Pháp"),
    ("ngày 9/5tuyên bố", "ngày 9/5 tuyên bố"),
    ("cuộc họp kết thúc.Ông Macron", "cuộc họp kết thúc. Ông Macron"),
    ("trường hợpnày", "trường hợp này"),
    ("Tổng thống Bidenở Nhà Trắng", "Tổng thống Biden ở Nhà Trắng"),
])
def test_glued_words_are_split(glued: str, fixed: str) -> None:
    text, spaces = split_glued(glued)
    assert text == fixed
    assert original_text(text, spaces) == glued


@pytest.mark.parametrize("whole", [
    "McDonald", "iPhone", "TikTok", "YouTube", "OpenAI", "DiCaprio", "LeBron", "Nestlé", "Verónica", "Matxcơva",
    "Washington", "TP.HCM", "1,5 triệu", "Euractiv.com", "VietNamNet", "PVcomBank", "Hnăng", "nitơ",
])
def test_foreign_names_and_numbers_stay_whole(whole: str) -> None:
    assert split_glued(whole) == (whole, [])


def test_offsets_map_every_sentence_back_to_the_text_as_written(tmp_path: Path) -> None:
    content = ("Theo hãng tin AFP,Tổng thống Pháp Emmanuel Macronngày 4-5 đã gọi điện cho người đồng cấpĐức. "
               "Hai nhà lãnh đạo thảo luận về việc áp đặtlệnh trừng phạtmới.")
    p = tmp_path / "glued.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Title", "Content"])
        w.writerow(["Pháp và Đức điện đàm", content])
    (a,) = read_file(p)
    assert "Emmanuel Macron ngày 4-5" in a.body and "áp đặt lệnh trừng phạt mới" in a.body
    assert written_body(a) == content
    spaces = [int(x) for x in a.meta[GLUE_META].split(",")]
    for s in a.sentences:
        start, end = original_offset(spaces, s.start), original_offset(spaces, s.end)
        assert content[start:end].replace(" ", "") == s.text.replace(" ", "")
        assert original_text(a.body[s.start:s.end], [i - s.start for i in spaces if s.start <= i < s.end]) == content[start:end]
