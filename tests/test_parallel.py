"""kg.parallel.extract_all: a process pool must not change the output, only the speed."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import Future
from dataclasses import asdict
from typing import Any

import pytest

from kg.model import Article, Extraction
from kg.parallel import ExtractionError, batched, extract_all, in_order
from kg.read import read_articles


def _stable(x: Extraction) -> str:
    """A serialisation that is equal iff the extractions are (sets sorted, keys sorted)."""

    def default(obj: Any) -> Any:
        if isinstance(obj, (set, frozenset)):
            return sorted(obj)
        raise TypeError(type(obj).__name__)

    return json.dumps(asdict(x), sort_keys=True, ensure_ascii=False, default=default)


@pytest.fixture(scope="module")
def articles(unc_dir) -> list[Article]:
    paths = [unc_dir / f"news_world_{i:03d}.txt" for i in (1, 2, 3, 5, 8)]
    paths += [unc_dir / "news_sport_001.txt", unc_dir / "news_business_001.txt"]
    out = list(read_articles([str(p) for p in paths if p.exists()], strict=True))
    assert len(out) >= 5
    return out


def test_jobs2_gives_the_same_extractions_in_input_order(articles):
    one = [_stable(x) for x in extract_all(articles, jobs=1)]
    # chunksize 1 and a window of 2 force many small tasks finishing out of order
    two = [_stable(x) for x in extract_all(articles, jobs=2, chunksize=1, window=2)]
    assert two == one
    assert [json.loads(s)["article"]["id"] for s in two] == [a.id for a in articles]


def test_streams_without_reading_the_whole_input_ahead(articles):
    pulled = 0

    def source():
        nonlocal pulled
        for _ in range(50):
            pulled += 1
            yield articles[0]

    results = extract_all(source(), jobs=2, chunksize=1, window=2)
    next(results)
    assert pulled <= 4  # window (2) + the refill after the first result, not the 50
    results.close()


def test_worker_error_names_the_article(articles):
    bad = Article(id="broken", source="corpus/broken.txt", body="x", sentences=None)  # type: ignore[arg-type]
    seen = []
    with pytest.raises(ExtractionError, match=r"corpus/broken\.txt: extraction failed: TypeError") as info:
        for x in extract_all([articles[0], articles[1], bad, articles[2]], jobs=2, chunksize=1):
            seen.append(x.article.id)
    assert seen == [articles[0].id, articles[1].id]  # everything before it, in order
    assert "Traceback" in info.value.detail
    # the pool is kept between calls and still works after a failed article
    assert [x.article.id for x in extract_all(articles[:3], jobs=2)] == [a.id for a in articles[:3]]


def test_in_process_error_is_the_same_error():
    bad = Article(id="broken", source="corpus/broken.txt", body="x", sentences=None)  # type: ignore[arg-type]
    with pytest.raises(ExtractionError, match=r"corpus/broken\.txt"):
        list(extract_all([bad], jobs=1))


def test_rejects_bad_arguments():
    with pytest.raises(ValueError):
        extract_all([], jobs=0)
    with pytest.raises(ValueError):
        extract_all([], jobs=2, chunksize=0)


@pytest.mark.parametrize("jobs", [1, 2])
def test_on_error_skips_the_article_and_goes_on(articles, jobs):
    bad = Article(id="broken", source="corpus/broken.txt", body="x", sentences=None)  # type: ignore[arg-type]
    errors: list[ExtractionError] = []
    got = [x.article.id for x in extract_all([articles[0], bad, articles[1]], jobs=jobs, chunksize=1,
                                             on_error=errors.append)]
    assert got == [articles[0].id, articles[1].id]
    assert [e.source for e in errors] == ["corpus/broken.txt"]


def test_batched():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []


def _quads(path) -> list[str]:
    """Every quad of a store (ontology and fingerprints included), as sorted N-Quads lines."""
    import pyoxigraph

    dump = pyoxigraph.Store.read_only(str(path)).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(dump.decode("utf-8").splitlines())


def test_build_with_two_jobs_writes_the_same_store_as_one(tmp_path, unc_dir):
    """The whole build, not only extract_all: started workers, batches, linking, writing."""
    from kg.build import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ["news_world_001.txt", "news_world_002.txt", "news_world_003.txt", "news_world_005.txt",
                 "news_sport_001.txt", "news_business_001.txt", "news_business_002.txt"]:
        if (unc_dir / name).exists():
            shutil.copy(unc_dir / name, corpus / name)
    shutil.copy(corpus / "news_world_001.txt", corpus / "zz_duplicate.txt")  # same id: read once
    (corpus / "zz_empty.txt").write_text("", encoding="utf-8")  # a bad file: reported, skipped
    summaries = {jobs: build([corpus], store=tmp_path / f"s{jobs}", jobs=jobs, exports=False, batch_size=3,
                             on_error=lambda _: None) for jobs in (1, 2)}
    one, two = summaries[1].to_dict(), summaries[2].to_dict()
    for d in (one, two):
        d.pop("seconds"), d.pop("store")
    assert one == two and one["built"] >= 5 and one["failed"] == 1
    assert _quads(tmp_path / "s2") == _quads(tmp_path / "s1")


def test_start_workers_then_extract(articles):
    from kg.parallel import start_workers

    start_workers(1)  # no pool for one job
    start_workers(2)
    assert [x.article.id for x in extract_all(articles[:2], jobs=2)] == [a.id for a in articles[:2]]


def test_in_order_keeps_the_order_and_the_window_and_cancels_what_is_left():
    """The streaming shape both engines (the pool and Dask) use, on plain futures."""
    submitted: list[Future[str]] = []

    def submit(chunk: list[int]) -> Future[str]:
        submitted.append(Future())
        return submitted[-1]

    def alive() -> int:
        return sum(not f.done() and not f.cancelled() for f in submitted)

    pairs = in_order(batched(range(10), 2), submit, window=3)
    chunk, future = next(pairs)
    assert chunk == [0, 1] and len(submitted) == 3 and alive() == 3  # pulled ahead, never past the window
    submitted[2].set_result("late first")  # a later chunk finishing first changes nothing
    future.set_result("first")
    assert next(pairs)[0] == [2, 3] and alive() == 2 and len(submitted) == 4
    pairs.close()  # the caller stops early: what it was not handed is cancelled
    assert all(f.done() for f in submitted[2:]) and submitted[3].cancelled()
    assert len(submitted) == 4  # and no more input was pulled
