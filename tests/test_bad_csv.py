"""Bad CSV input: a broken quote, a 10 MB field, a BOM, ";" as delimiter, Windows
line endings, duplicate rows, a header-only file. Each gives a clear warning or
error naming file:row; the good rows are still read; nothing already built is
lost; nothing hangs (the build runs in a subprocess with a time limit)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.read import read_articles

HEADER = "Source,URL,Time,Title,Content"
A = "Bộ trưởng Tài chính hai nước đã gặp nhau tại Hà Nội để bàn về thương mại song phương."
B = "Chính phủ cho biết sẽ công bố kế hoạch hỗ trợ doanh nghiệp xuất khẩu vào tuần tới."
C = "Các chuyên gia nhận định thị trường sẽ còn biến động trong những tháng cuối năm."


def _row(n: int, text: str) -> str:
    return f'Báo Mẫu,https://example.org/{n},"01/06/2025 08:00 GMT+7",Tin số {n},"{text}"'


def _read(path: Path) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    return list(read_articles([path], on_error=errors.append)), errors


def test_broken_quote_names_the_row_and_the_rows_after_it_are_read(tmp_path: Path) -> None:
    p = tmp_path / "broken.csv"
    p.write_text("\n".join([HEADER, _row(1, A), 'Báo Mẫu,https://example.org/2,"01/06/2025",Hỏng,"Câu bị cắt dở',
                            _row(3, B), _row(4, C)]) + "\n", encoding="utf-8")
    got, errors = _read(p)
    assert [a.url for a in got] == ["https://example.org/1", "https://example.org/3", "https://example.org/4"]
    assert [(e.path, e.line) for e in errors] == [(str(p), 3)]
    assert "malformed row" in errors[0].problem and "broken quote" in errors[0].problem


def test_ten_megabyte_field_is_skipped_by_row(tmp_path: Path) -> None:
    p = tmp_path / "huge.csv"
    huge = "Một câu rất dài. " * (10 * 1024 * 1024 // 20)
    p.write_text("\n".join([HEADER, _row(1, A), _row(2, huge), _row(3, B)]) + "\n", encoding="utf-8")
    assert p.stat().st_size > 10 * 1024 * 1024
    got, errors = _read(p)
    assert [a.url for a in got] == ["https://example.org/1", "https://example.org/3"]
    assert [(e.path, e.line) for e in errors] == [(str(p), 3)] and "over the size limit" in errors[0].problem


def test_bom_semicolon_and_crlf(tmp_path: Path) -> None:
    rows = [HEADER.replace(",", ";"), *(_row(n, t).replace(",h", ";h").replace('",', '";').replace("Mẫu,", "Mẫu;")
                                       .replace(f"{n},", f"{n};") for n, t in ((1, A), (2, B)))]
    p = tmp_path / "excel.csv"
    p.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")
    got, errors = _read(p)
    assert errors == []
    assert [(a.source, a.title, a.body, a.outlet, a.published) for a in got] == [
        (f"{p}:2", "Tin số 1", A, "Báo Mẫu", "2025-06-01T08:00"),
        (f"{p}:3", "Tin số 2", B, "Báo Mẫu", "2025-06-01T08:00"),
    ]
    assert not any("\r" in a.body or "\r" in (a.title or "") for a in got)


def test_duplicate_rows_are_warnings_naming_both_rows(tmp_path: Path) -> None:
    p = tmp_path / "dup.csv"
    p.write_text("\n".join([HEADER, _row(1, A), _row(2, B), _row(1, A), _row(1, A + " Bản sửa.")]) + "\n", encoding="utf-8")
    got, errors = _read(p)
    assert [a.source for a in got] == [f"{p}:2", f"{p}:3"]
    assert [e.line for e in errors] == [4, 5] and all("same URL as line 2" in e.problem for e in errors)


def test_header_only_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.csv"
    p.write_text(HEADER + "\n", encoding="utf-8")
    got, errors = _read(p)
    assert got == [] and len(errors) == 1 and errors[0].line == 1 and "header only" in errors[0].problem
    r = CliRunner().invoke(cli, ["parse", str(p)])
    assert r.exit_code != 0 and f"{p}:1: header only" in r.stderr


def test_a_bad_table_loses_nothing_already_built_and_does_not_hang(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("\n".join([HEADER, _row(1, A), _row(2, B)]) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([HEADER, 'Báo Mẫu,https://example.org/9,"01/06/2025",Hỏng,"Câu bị cắt dở',
                              _row(3, C)]) + "\n", encoding="utf-8")
    store = tmp_path / "store"

    def build(path: Path) -> dict:
        r = subprocess.run([sys.executable, "-m", "kg", "build", str(path), "--store", str(store), "--no-exports",
                            "--json"], capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        return {**json.loads(r.stdout), "stderr": r.stderr}

    first = build(good)
    assert first["built"] == 2
    second = build(bad)
    assert second["built"] == 1 and second["failed"] == 1
    assert f"{bad}:2: malformed row" in second["stderr"]
    assert second["store_articles"] == 3  # the first build's two articles are still there
