"""bench/run.py --quick must keep running: the smoke test that stops the benchmark from rotting.

No timing is asserted (the machine running the tests is not the benchmark
machine); only that every headline figure is produced and numeric.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEADLINE = ("build_vs_ner", "jobs2_speedup", "rss_2000_over_200",
            "sparql_speedup_vs_rdflib_min", "sparql_median_ms_max")


def _have_chromium() -> bool:
    return any(shutil.which(n) for n in ("chromium", "chromium-browser")) or Path("/usr/bin/chromium").exists()


@pytest.mark.slow
def test_quick_benchmark_writes_every_headline_figure(tmp_path, unc_dir):
    out = tmp_path / "results.json"
    cmd = [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--json", str(out), "--corpus", str(unc_dir)]
    if not _have_chromium():
        cmd.append("--no-browser")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    for key in HEADLINE:
        assert isinstance(results[key], (int, float)) and not isinstance(results[key], bool), (key, results[key])
    details = results["details"]
    assert details["corpus"]["complete"]
    assert {r["jobs"] for r in details["builds"]} == {1, 2}
    assert details["sparql"]["quads"] >= 20_000
    both = [r for r in details["sparql"]["queries"] if "oxigraph_rows" in r and "rdflib_rows" in r]
    assert both, "no canned query finished on both engines"
    assert all(r["oxigraph_rows"] == r["rdflib_rows"] for r in both), both  # same answers, not just times
    assert "Headline" in proc.stdout
    assert "news2025" not in details  # --quick stays quick: the crawler corpus is a full-run section


@pytest.mark.slow
def test_news2025_section_builds_a_crawler_csv_and_counts_failures(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    rows = ["Source,URL,Time,Title,Content"]
    for i, text in enumerate(("Bộ trưởng Ngoại giao hai nước đã gặp nhau tại Vienna để bàn về an ninh khu vực.",
                              "Quốc hội đã thông qua dự luật thuế nhập khẩu sau nhiều tuần tranh luận gay gắt.")):
        rows.append(f'Báo Mẫu,https://example.org/{i},"Thứ hai, 3/11/2025, 14:52 (GMT+7)",Tin {i},"{text}"')
    rows.append('Báo Mẫu,https://example.org/9,"Thứ hai, 3/11/2025, 14:52 (GMT+7)",Trống,""')
    (folder / "site.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "news2025.json"
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "news2025.py"), str(folder), "--json", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    r = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 1  # one refused row: the target of 0 failures is missed, and said so
    assert r["rows_read"] == 2 and r["refused"] == 1 and r["build"]["built"] == 2 and r["failures"] == 1
    assert "site.csv:4: empty text" in r["warnings"][0]
    assert r["build"]["chars_per_s"] > 0 and r["build_vs_ner"] > 0
