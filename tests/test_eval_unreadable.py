"""`kg eval` goes on past an article it cannot read: a warning, that article scored
as all missed, every other article scored as usual."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

BODY = ("Ngoại trưởng Pháp cho biết Paris sẵn sàng tổ chức vòng đàm phán tiếp theo. "
        "Ông nói các bên cần thêm thời gian để chuẩn bị.")


def _gold(path: Path, doc: str, first: str, last: str) -> None:
    path.write_text(
        f"doc: {doc}\ntitle: null\npublished: null\noutlet: null\n"
        f'body_first: "{first}"\nbody_last: "{last}"\n'
        "entities:\n  - {name: France, type: Country, aliases: [Pháp]}\n"
        "roles: []\nevents: []\nclaims: []\nmust_not: []\n",
        encoding="utf-8",
    )


def test_unreadable_article_is_a_warning_scored_all_missed(tmp_path: Path) -> None:
    corpus, gold = tmp_path / "articles", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    with (corpus / "good.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Source", "URL", "Time", "Title", "Content"])
        w.writerow(["Báo Mẫu", "https://example.org/1", "N/A", "Pháp sẵn sàng", BODY + " Minh Khang(TheoAFP)"])
    (corpus / "english.txt").write_text("Ministers met in Vienna on Monday to talk about security.\n", encoding="utf-8")
    _gold(gold / "a.yaml", "good.csv", "Ngoại trưởng Pháp", "cần thêm thời gian để chuẩn bị.")
    _gold(gold / "b.yaml", "english.txt", "Ministers met", "security.")
    r = CliRunner().invoke(cli, ["eval", str(gold), str(corpus), "--json"])
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["unreadable"] == ["english.txt"]
    assert "english.txt" in r.stderr and "scored as all missed" in r.stderr
    bad, good = out["articles"]["english.txt"], out["articles"]["good.csv"]
    assert bad["entities"]["fn"] == 1 and bad["entities"]["tp"] == 0 and bad["body"] == {"right": 0, "total": 1}
    assert good["body"] == {"right": 1, "total": 1}  # the closing byline/credit may follow body_last
    assert good["entities"]["tp"] == 1
    assert out["micro"]["body"] == {"right": 1, "total": 2}
