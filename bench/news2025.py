#!/usr/bin/env python3
"""The crawler corpus section of the benchmark: build all of news2025 from its CSV files.

Usage::

    python bench/news2025.py                         # ../shared/corpora/news2025, --jobs 2
    python bench/news2025.py --json bench/news2025.json

``bench/run.py`` runs this section after the others in a full run (not with
``--quick``: a build of 11,177 articles takes twenty minutes or more on two
cores). What it measures:

read
    every row through the project's reader (:func:`kg.read.read_articles`, the
    same call ``kg build`` makes): rows read, rows refused (with the first
    warnings), characters of article body.
build
    ``kg build <folder> --jobs 2 --no-exports`` as a subprocess into a fresh
    store: wall clock (start-up, reading, model loading included), articles/s,
    characters/s, the build's own count of failed articles (target 0), peak RSS.
floor
    bare ``underthesea.ner`` over the sentences of a fixed sample of the
    articles (every 40th, about 280), in this process, models loaded first;
    running it over all 11,177 would take as long as the build. ``build_vs_ner``
    = characters/s of the build ÷ characters/s of the floor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))
if str(BENCH.parent) not in sys.path:
    sys.path.insert(0, str(BENCH.parent))

DEFAULT_NEWS2025 = BENCH.parent.parent / "shared" / "corpora" / "news2025"
SAMPLE_EVERY = 40


def read_corpus(folder: Path) -> dict[str, Any]:
    """Rows, refusals and body characters as the reader sees them; a sample's sentences."""
    from kg.read import read_articles

    warnings: list[str] = []
    n = chars = 0
    ids: set[str] = set()
    sample: list[str] = []
    sample_chars = 0
    start = time.perf_counter()
    for art in read_articles([str(folder)], on_error=lambda e: warnings.append(str(e))):
        n += 1
        ids.add(art.id)
        chars += len(art.body)
        if n % SAMPLE_EVERY == 1:
            sample.extend(s.text for s in art.sentences)
            sample_chars += len(art.body)
    return {"rows_read": n, "distinct_articles": len(ids), "refused": len(warnings), "warnings": warnings[:10],
            "chars": chars, "read_seconds": round(time.perf_counter() - start, 1),
            "_sample": sample, "sample_articles": (n + SAMPLE_EVERY - 1) // SAMPLE_EVERY, "sample_chars": sample_chars}


def ner_floor(sentences: list[str], chars: int) -> dict[str, Any]:
    from underthesea import ner

    ner("Ông Nguyễn Văn A nói tại Hà Nội.")  # models loaded before the clock starts
    start = time.perf_counter()
    for s in sentences:
        ner(s)
    seconds = time.perf_counter() - start
    return {"sentences": len(sentences), "chars": chars, "seconds": round(seconds, 1),
            "chars_per_s": round(chars / seconds) if seconds else None}


def measure_news2025(folder: Path, jobs: int = 2, log=print) -> dict[str, Any]:
    from run import KG_CMD, run_child  # bench/run.py's child runner (wall clock, peak RSS)

    log(f"news2025: reading {folder}")
    read = read_corpus(folder)
    sample = read.pop("_sample")
    work = Path(tempfile.mkdtemp(prefix="kg-bench-news2025-"))
    try:
        store = work / "store"
        log(f"news2025: kg build --jobs {jobs} ({read['rows_read']} articles)")
        run = run_child([*KG_CMD, "build", str(folder), "--store", str(store), "--quiet", "--json",
                         "--no-exports", "--jobs", str(jobs)], cwd=work)
        try:
            summary = json.loads(run.stdout)
        except ValueError:
            summary = {}
        log(f"news2025: floor, underthesea.ner over every {SAMPLE_EVERY}th article")
        floor = ner_floor(sample, read["sample_chars"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    built = summary.get("built")
    cps = round(read["chars"] / run.seconds) if run.seconds else None
    return {
        "folder": str(folder), "jobs": jobs, **read,
        "build": {"seconds": round(run.seconds, 1), "exit_code": run.returncode, "articles": summary.get("articles"),
                  "built": built, "failed": summary.get("failed"), "errors": (summary.get("errors") or [])[:10],
                  "articles_per_s": round((built or 0) / run.seconds, 2) if run.seconds else None,
                  "chars_per_s": cps, "peak_rss_mb": round(run.peak_rss_mb, 1),
                  "tree_rss_mb": round(run.tree_rss_mb, 1),
                  "stderr_tail": run.stderr[-2000:] if run.returncode else ""},
        "floor": floor,
        "build_vs_ner": round(cps / floor["chars_per_s"], 4) if cps and floor.get("chars_per_s") else None,
        # the build counts the rows its reader refused among its failures
        "failures": summary["failed"] if summary.get("failed") is not None else read["refused"],
        "target_failures": 0,
    }


def print_news2025(r: dict[str, Any]) -> None:
    b, f = r["build"], r["floor"]
    print(f"\nnews2025 ({r['folder']}), kg build --jobs {r['jobs']}")
    print(f"  read        {r['rows_read']:,} rows ({r['distinct_articles']:,} distinct), {r['refused']} refused, "
          f"{r['chars']:,} body characters, {r['read_seconds']} s")
    print(f"  build       {b['built']} built, {b['failed']} failed, exit {b['exit_code']}, {b['seconds']} s: "
          f"{b['articles_per_s']} articles/s, {b['chars_per_s']:,} chars/s, peak RSS {b['peak_rss_mb']} MB "
          f"(tree {b['tree_rss_mb']} MB)")
    print(f"  floor       underthesea.ner over {r['sample_articles']} articles ({f['sentences']} sentences): "
          f"{f['chars_per_s']:,} chars/s")
    print(f"  build_vs_ner {r['build_vs_ner']} (jobs={r['jobs']})   failures {r['failures']} (target 0)")
    for w in r["warnings"]:
        print(f"  warning: {w}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/news2025.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", nargs="?", type=Path, default=DEFAULT_NEWS2025)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--json", type=Path, metavar="PATH")
    args = p.parse_args(argv)
    r = measure_news2025(args.folder, args.jobs, log=lambda m: print(m, file=sys.stderr))
    if args.json:
        args.json.write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_news2025(r)
    return 0 if r["failures"] == 0 and r["build"]["exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
