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
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
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
    scale = details["scale_out"]  # bench/scale.py's smoke run: the engine and a remote store really ran
    assert [r["exit"] for r in scale["cluster"]["runs"]] == [0] and scale["cluster"]["runs"][0]["articles"] == 3
    stores = scale["remote"]["stores"]
    assert stores["oxigraph-server"]["quads"] == stores["embedded"]["quads"] > 0
    assert scale["sparql10m"]["quads"] >= 50_000 and scale["sparql10m"]["slowest"]
