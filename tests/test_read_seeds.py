"""The readers on real inputs: the five seeds and the ten gold-unc articles
against their gold YAML, plus the offset invariant on every seed and example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kg.model import Article
from kg.read import read_articles, read_file

from conftest import EXAMPLES, GOLD, GOLD_UNC, SEEDS, UNC


def _fold(s: str) -> str:
    return " ".join(s.split())


def _gold(folder: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]


def _iso(value: object) -> str | None:
    # YAML turns 2020-11-01 into a date; our ISO strings compare as text.
    return None if value is None else str(value).replace(" ", "T")


SEED_GOLD = _gold(GOLD) if GOLD.exists() else []
UNC_GOLD = _gold(GOLD_UNC) if GOLD_UNC.exists() else []


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> dict[str, Article]:
    return {Path(a.source).name: a for a in read_articles([seeds_dir], strict=True)}


def test_every_seed_is_read(seed_articles: dict[str, Article], seeds_dir: Path) -> None:
    assert sorted(seed_articles) == sorted(p.name for p in seeds_dir.glob("*.txt"))


@pytest.mark.parametrize("gold", SEED_GOLD, ids=lambda g: g["doc"])
def test_seed_body_boundaries(gold: dict, seed_articles: dict[str, Article]) -> None:
    body = _fold(seed_articles[gold["doc"]].body)
    assert body.startswith(_fold(gold["body_first"]))
    assert body.endswith(_fold(gold["body_last"]))


@pytest.mark.parametrize("gold", SEED_GOLD, ids=lambda g: g["doc"])
def test_seed_metadata(gold: dict, seed_articles: dict[str, Article]) -> None:
    a = seed_articles[gold["doc"]]
    assert a.title == gold["title"]
    assert a.published == _iso(gold["published"])
    assert a.outlet == gold["outlet"]


@pytest.mark.parametrize("gold", SEED_GOLD, ids=lambda g: g["doc"])
def test_seed_must_not_names_stay_out_of_the_body(gold: dict, seed_articles: dict[str, Article]) -> None:
    a = seed_articles[gold["doc"]]
    for name in gold.get("must_not") or []:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", a.body), name


def test_seed_captions_are_not_body(seed_articles: dict[str, Article]) -> None:
    a = seed_articles["000_4e6d4f8cfed23223.txt"]
    assert a.captions == ["Người phát ngôn Điện Kremlin Dmitry Peskov. Ảnh: Tass"]
    assert "Ảnh: Tass" not in a.body
    # a caption with no photo credit: a short indented line repeating title + name
    b = seed_articles["001_c623d76d32b7e86d.txt"]
    assert b.captions == ["Đại sứ Nga tại Mỹ Anatoly Antonov."]
    assert not any(s.text == "Đại sứ Nga tại Mỹ Anatoly Antonov." for s in b.sentences)


def test_seed_inline_related_bullets_are_dropped(seed_articles: dict[str, Article]) -> None:
    a = seed_articles["002_0965331b62c00476.txt"]
    assert "•" not in a.body
    assert "bán đất Ukraine" not in a.body
    assert "bán đất Ukraine" in a.meta["related"]


def test_seed_credits(seed_articles: dict[str, Article]) -> None:
    assert seed_articles["004_bfa432a4eb39b96a.txt"].credits == ["TTXVN"]
    assert "Hãng tin AFP" in seed_articles["002_0965331b62c00476.txt"].credits
    # "…, theo The Moscow Times." credits a paper; "Theo Đại sứ Nga tại Mỹ, …" and
    # "Theo nhà ngoại giao Nga, …" credit nobody
    assert seed_articles["001_c623d76d32b7e86d.txt"].credits == ["The Moscow Times"]


def test_seed_run_on_sentence_is_split(seed_articles: dict[str, Article]) -> None:
    a = seed_articles["001_c623d76d32b7e86d.txt"]
    texts = [s.text for s in a.sentences]
    assert any(t.endswith("song phương.") for t in texts)
    assert any(t.startswith("Theo nhà ngoại giao Nga") for t in texts)


def test_seed_widgets_and_counters_are_gone(seed_articles: dict[str, Article]) -> None:
    bodies = "\n".join(a.body for a in seed_articles.values())
    for junk in ("lượt xem", "Đọc nhiều", "BÌNH LUẬN", "CẢM NHẬN", "Bài viết hay", "Đăng nhập", "Tin mới"):
        assert junk not in bodies


@pytest.mark.parametrize("gold", UNC_GOLD, ids=lambda g: g["doc"])
def test_unc_body_boundaries_and_date(gold: dict, unc_dir: Path) -> None:
    (a,) = read_file(unc_dir / gold["doc"])
    body = _fold(a.body)
    assert body.startswith(_fold(gold["body_first"]))
    assert body.endswith(_fold(gold["body_last"]))
    assert a.published == _iso(gold["published"])
    assert a.title is None
    assert a.url and a.url.startswith("https://dantri.com.vn/")
    assert a.meta["doc_id"] == gold["doc"].removesuffix(".txt")


def test_unc_byline_is_metadata(unc_dir: Path) -> None:
    # the reporter's name before the closing credit line is not body
    (a,) = read_file(unc_dir / "news_world_250.txt")
    assert a.body.endswith("Theo Reuters, Sputnik")
    assert a.meta.get("byline")
    assert a.meta["byline"] not in a.body.split("\n")[-2:]


def _all_inputs() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt")) + sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    return found + [UNC / f"news_world_{n:03d}.txt" for n in (12, 83, 171)]


@pytest.mark.parametrize("path", _all_inputs(), ids=lambda p: p.name)
def test_sentence_offsets_point_into_the_body(path: Path) -> None:
    articles = read_file(path)
    assert articles
    for a in articles:
        assert a.sentences
        for s in a.sentences:
            assert a.body[s.start : s.end] == s.text
            assert s.text == s.text.strip() and s.text
        assert [s.index for s in a.sentences] == list(range(len(a.sentences)))
        assert max(s.paragraph for s in a.sentences) == a.body.count("\n")
