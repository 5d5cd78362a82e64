"""`kg parse`: the records a user inspects, as JSON and as a readable summary."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli


def test_json_output_holds_the_article_records(seeds_dir: Path) -> None:
    r = CliRunner().invoke(cli, ["parse", str(seeds_dir), "--json"])
    assert r.exit_code == 0, r.stderr
    records = json.loads(r.stdout)
    assert len(records) == 5
    for rec in records:
        assert {"id", "source", "title", "published", "outlet", "credits", "captions", "body", "sentences"} <= rec.keys()
        assert len(rec["id"]) == 16
        for s in rec["sentences"]:
            assert rec["body"][s["start"] : s["end"]] == s["text"]
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["004_bfa432a4eb39b96a.txt"]["published"] == "2021-12-31T00:00"
    assert by_name["000_4e6d4f8cfed23223.txt"]["outlet"] == "Kinhtedothi"


def test_summary_shows_metadata_and_sentence_offsets(examples_dir: Path) -> None:
    path = examples_dir / "01_kremlin_geneva_summit.txt"
    r = CliRunner().invoke(cli, ["parse", str(path)])
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert out.startswith(f"== {path}")
    assert "title:     Điện Kremlin: Cuộc gặp Putin - Biden ở Geneva mở ra kênh đối thoại mới" in out
    assert "published: 2021-06-17T08:30" in out
    assert "outlet:    Tinthegioi" in out
    assert "credits:   TTXVN" in out
    assert "Ảnh: TASS" in out.split("captions (1):")[1].splitlines()[1]
    assert "[  0] p0      0-" in out


def test_same_article_twice_has_one_id(tmp_path: Path, examples_dir: Path) -> None:
    src = examples_dir / "03_lavrov_blinken_talks.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(src.read_bytes())
    r = CliRunner().invoke(cli, ["parse", str(src), str(copy), "--json"])
    a, b = json.loads(r.stdout)
    assert a["id"] == b["id"] and a["source"] != b["source"]


def test_help_has_summary_and_example() -> None:
    r = CliRunner().invoke(cli, ["--help"])
    assert "parse" in r.stdout and "Print the cleaned articles of PATHS." in r.stdout
    r = CliRunner().invoke(cli, ["parse", "--help"])
    assert r.exit_code == 0
    assert "Examples:" in r.stdout and "kg parse examples/" in r.stdout
    assert "--strict" in r.stdout and "--json" in r.stdout
