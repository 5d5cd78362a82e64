"""Bad input: one line naming the file (and line) and the problem, never a
traceback; a folder run skips bad files unless --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.read import read_articles, read_file

GOOD = (
    "Ngoại trưởng hai nước cho biết sẽ gặp nhau tại Vienna vào tuần tới.\n"
    "“Chúng tôi sẵn sàng đối thoại”, người phát ngôn nhấn mạnh.\n"
)


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_file(path)
    err = info.value
    assert err.path == str(path)
    assert "\n" not in str(err)
    assert str(err).startswith(str(path))
    return err


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t\n")
    assert "empty file" in str(_error(tmp_path / "empty.txt"))
    assert "empty file" in str(_error(tmp_path / "blank.txt"))


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in str(_error(p))


def test_not_utf8_and_not_vietnamese(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le président a déclaré que la réunion était très importante.\n".encode("latin-1"))
    err = _error(p)
    assert "not UTF-8" in str(err) and "offset" in str(err)


def test_page_without_vietnamese(tmp_path: Path) -> None:
    p = tmp_path / "english.txt"
    p.write_text(
        "Foreign ministers meet in Vienna\n\n"
        "The foreign ministers of both countries said on Monday they would meet next week to discuss security.\n"
        "Officials described the talks as constructive and said more meetings would follow.\n",
        encoding="utf-8",
    )
    assert "no Vietnamese text" in str(_error(p))


def test_page_of_boilerplate_only(tmp_path: Path) -> None:
    p = tmp_path / "widgets.txt"
    p.write_text("Logo\nĐăng nhập\nĐọc nhiều\nTin mới\n", encoding="utf-8")
    assert "no article text" in str(_error(p))


def test_missing_path_and_folder_as_file(tmp_path: Path) -> None:
    assert "no such file" in str(_error(tmp_path / "nope.txt"))
    assert "folder" in str(_error(tmp_path))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 0 does not stop root (CI runs as root), so the OS refusal is simulated
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert "permission denied" in str(_error(p))


def test_utf16_bom_with_broken_body(tmp_path: Path) -> None:
    p = tmp_path / "broken16.txt"
    p.write_bytes(b"\xff\xfe" + "Xin chào".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    assert "byte-order mark" in str(_error(p))


def test_malformed_jsonl_line_names_the_line_and_keeps_the_others(tmp_path: Path) -> None:
    p = tmp_path / "items.jsonl"
    lines = [json.dumps({"text": GOOD}), "{not json", json.dumps(["a list"]), json.dumps({"title": "không có text"}),
             json.dumps({"text": GOOD + "Thêm một câu."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    got = list(read_articles([p], on_error=errors.append))
    assert [a.source for a in got] == [f"{p}:1", f"{p}:5"]
    assert [e.line for e in errors] == [2, 3, 4]
    assert str(errors[0]).startswith(f"{p}:2: malformed JSON")
    assert "expected a JSON object" in str(errors[1])
    assert '"text"' in str(errors[2])
    with pytest.raises(InputError, match=r":2: malformed JSON"):
        read_file(p)
    with pytest.raises(InputError, match=r":2: malformed JSON"):
        list(read_articles([p], strict=True))


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_good.txt").write_text(GOOD + "Cuộc gặp dự kiến kéo dài hai ngày.\n", encoding="utf-8")
    return d


def test_folder_skips_bad_files_with_a_warning(tmp_path: Path) -> None:
    d = _folder(tmp_path)
    errors: list[InputError] = []
    got = list(read_articles([d], on_error=errors.append))
    assert [Path(a.source).name for a in got] == ["a_good.txt", "c_good.txt"]
    assert [Path(e.path).name for e in errors] == ["b_empty.txt"]
    with pytest.raises(InputError, match="b_empty.txt: empty file"):
        list(read_articles([d], strict=True))


def test_default_warning_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    got = list(read_articles([_folder(tmp_path)]))
    assert len(got) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "b_empty.txt: empty file" in err[0]


def _run(*args: str):
    return CliRunner().invoke(cli, ["parse", *args])


def test_cli_folder_run_warns_and_succeeds(tmp_path: Path) -> None:
    r = _run(str(_folder(tmp_path)), "--json")
    assert r.exit_code == 0
    assert len(json.loads(r.stdout)) == 2
    warnings = r.stderr.strip().splitlines()
    assert len(warnings) == 1 and "b_empty.txt: empty file" in warnings[0]


def test_cli_strict_makes_the_first_bad_file_fatal(tmp_path: Path) -> None:
    r = _run(str(_folder(tmp_path)), "--strict")
    assert r.exit_code != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and "b_empty.txt: empty file" in lines[0]
    assert "Traceback" not in r.output


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("bin.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("en.txt", b"Ministers met in Vienna on Monday to talk about security in Europe.\n", "no Vietnamese"),
        ("bad.jsonl", b"{oops\n", ":1: malformed JSON"),
    ],
)
def test_cli_single_bad_file_exits_non_zero_naming_it(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    r = _run(str(p))
    assert r.exit_code != 0
    assert r.stdout.strip() == ""
    lines = r.stderr.strip().splitlines()
    assert any(str(p) in ln and problem in ln for ln in lines)
    assert lines[-1].startswith("kg: error: no article could be read")
    assert all("Traceback" not in ln for ln in lines)


def test_cli_missing_path(tmp_path: Path) -> None:
    r = _run(str(tmp_path / "nope"))
    assert r.exit_code != 0
    assert "nope: no such file or folder" in r.stderr


def test_html_without_main_content(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", encoding="utf-8")
    err = _error(p)
    assert "no article text found in the HTML page" in str(err)
