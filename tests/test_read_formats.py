"""Every input kind and encoding gives the same kind of Article, and the same
text gives the same record whatever its Unicode form or file encoding."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kg.read import detect_kind, read_articles, read_file

from conftest import SEEDS

SEED = SEEDS / "001_c623d76d32b7e86d.txt"

PARAS = [
    "Người phát ngôn Bộ Ngoại giao Pháp cho biết Paris hoan nghênh việc hai bên nối lại đàm phán tại Vienna.",
    "“Chúng tôi hy vọng các cuộc gặp sẽ mang lại kết quả cụ thể”, bà nhấn mạnh trong cuộc họp báo hôm 12/5.",
    "Theo Hãng tin AFP, vòng đàm phán tiếp theo dự kiến diễn ra vào ngày 3-6.",
]


def _same_record(a, b) -> None:
    assert a.id == b.id
    assert (a.title, a.body, a.published, a.outlet, a.credits, a.captions) == (
        b.title, b.body, b.published, b.outlet, b.credits, b.captions)
    assert [(s.start, s.end, s.text, s.paragraph) for s in a.sentences] == [
        (s.start, s.end, s.text, s.paragraph) for s in b.sentences]


def test_nfd_page_gives_the_same_record_as_nfc(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert nfd.read_bytes() != SEED.read_bytes()
    (a,), (b,) = read_file(SEED), read_file(nfd)
    _same_record(a, b)


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "utf16.txt"
    p.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))  # BOM + UTF-16-LE
    _same_record(read_file(SEED)[0], read_file(p)[0])


def test_utf8_bom_and_crlf_are_harmless(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    _same_record(read_file(SEED)[0], read_file(p)[0])


def _cp1258(text: str) -> bytes:
    """Windows-1258 as legacy editors wrote it: base letters (â, ơ …) plus combining tones."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in d[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", d[0] + "".join(m for m in d[1:] if m not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def test_windows_1258_vietnamese_is_decoded(tmp_path: Path) -> None:
    utf8, legacy = tmp_path / "utf8.txt", tmp_path / "cp1258.txt"
    page = "Pháp hoan nghênh việc nối lại đàm phán tại Vienna\n\n" + "\n".join(PARAS) + "\n"
    utf8.write_text(page, encoding="utf-8")
    legacy.write_bytes(_cp1258(page))
    with pytest.raises(UnicodeDecodeError):
        legacy.read_bytes().decode("utf-8")
    _same_record(read_file(utf8)[0], read_file(legacy)[0])


def test_jsonl_records(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    rec = {"text": "\n".join(PARAS), "title": "Pháp hoan nghênh đàm phán", "url": "https://example.org/x",
           "published": "2025-05-12T08:15:00+07:00", "outlet": "Báo Mẫu", "lang": "vi"}
    p.write_text(json.dumps(rec, ensure_ascii=False) + "\n\n" + json.dumps({"text": PARAS[0]}) + "\n", encoding="utf-8")
    a, b = read_file(p)
    assert a.source == f"{p}:1" and b.source == f"{p}:3"
    assert (a.title, a.url, a.published, a.outlet) == (rec["title"], rec["url"], "2025-05-12T08:15", "Báo Mẫu")
    assert a.body == "\n".join(PARAS)
    assert a.credits == ["Hãng tin AFP"]
    assert a.meta["lang"] == "vi"
    assert b.title is None and b.published is None


def test_same_text_from_jsonl_and_page_has_the_same_id(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("\n".join(PARAS) + "\n", encoding="utf-8")
    js = tmp_path / "p.jsonl"
    js.write_text(json.dumps({"text": "\n".join(PARAS)}) + "\n", encoding="utf-8")
    assert read_file(page)[0].id == read_file(js)[0].id


def test_html_main_content(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Pháp hoan nghênh đàm phán | Báo Mẫu</title>"
        '<meta property="og:site_name" content="Báo Mẫu"></head><body>'
        "<nav><a href='/'>Trang chủ</a> | <a href='/tg'>Thế giới</a> | <a href='/dn'>Đăng nhập</a></nav>"
        "<article><h1>Pháp hoan nghênh việc nối lại đàm phán tại Vienna</h1><p>09:10 12/05/2025</p>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article><footer><p>Bản quyền thuộc về Báo Mẫu</p></footer></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (a,) = read_file(p)
    assert a.title == "Pháp hoan nghênh việc nối lại đàm phán tại Vienna"
    assert a.published == "2025-05-12T09:10"
    assert a.body == "\n".join(PARAS)
    assert a.outlet == "Báo Mẫu"
    assert "Đăng nhập" not in a.body and "Bản quyền" not in a.body


def test_kind_detection(tmp_path: Path) -> None:
    assert detect_kind(Path("x.txt"), "# doc_id = a\n# date = 20210101\nBody") == "unc"
    assert detect_kind(Path("x.txt"), "Tiêu đề\nThân bài") == "page"
    assert detect_kind(Path("x.HTML"), "") == "html"
    assert detect_kind(Path("x.txt"), "<!DOCTYPE html><html>") == "html"
    assert detect_kind(Path("x.jsonl"), "{}") == "table"
    assert detect_kind(Path("x.CSV"), "a,b") == "table"


def test_folder_walk_is_recursive_sorted_and_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for i, where in enumerate(["b.txt", "sub/a.txt", "sub/deeper/c.txt", ".hidden/x.txt"]):
        (tmp_path / where).write_text(f"{PARAS[0]}\n{PARAS[1]} Số {i}.\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("not: an article\n", encoding="utf-8")
    got = [Path(a.source).relative_to(tmp_path).as_posix() for a in read_articles([tmp_path], strict=True)]
    assert got == ["b.txt", "sub/a.txt", "sub/deeper/c.txt"]


def test_examples_folder_reads_every_kind(examples_dir: Path) -> None:
    arts = list(read_articles([examples_dir], strict=True))
    kinds = {Path(a.source.rsplit(":", 1)[0] if a.source.endswith((":1", ":2")) else a.source).suffix for a in arts}
    assert kinds == {".txt", ".jsonl", ".html"}
    assert 6 <= len(arts) <= 10
    for a in arts:
        assert a.title and a.body and a.sentences
        assert not any(m in a.body for m in ("Tin mới", "Đọc nhiều", "Đừng bỏ lỡ", "lượt xem", "Ảnh:"))
    assert len({a.id for a in arts}) == len(arts)


def test_utf8_cut_mid_character_is_still_utf8(tmp_path: Path) -> None:
    data = ("\n".join(PARAS) + "\nThêm một câu về Điện Kremlin").encode("utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[: data.rindex("Đ".encode()) + 1])  # cut inside the two bytes of "Đ"
    (a,) = read_file(cut)
    assert a.body.startswith(PARAS[0])
    assert a.body.endswith("về \ufffd")
