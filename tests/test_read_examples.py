"""The sample corpus in examples/: what `kg build examples/` and the explorer
show, so each file's metadata and the absence of its teasers are pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Article
from kg.read import read_articles

# Places and names that only the teaser blocks and link boxes of the examples print.
TEASER_ONLY = ["Cần Thơ", "Lào Cai", "Hà Giang", "Quảng Ninh", "Thừa Thiên Huế", "Bình Dương", "Đà Nẵng",
               "Nghệ An", "Hạ Long", "Hoàn Kiếm", "Nội Bài", "Fansipan", "Brussels", "Bộ trưởng Quốc phòng Ukraine", "Huế"]


@pytest.fixture(scope="module")
def examples(examples_dir: Path) -> dict[str, Article]:
    return {Path(a.source).name: a for a in read_articles([examples_dir], strict=True)}


@pytest.mark.parametrize(
    ("name", "published", "outlet", "credits"),
    [
        ("01_kremlin_geneva_summit.txt", "2021-06-17T08:30", "Tinthegioi", ["TTXVN"]),
        ("02_putin_biden_phone_call.txt", "2021-12-31T10:05", None, ["Hãng tin AFP"]),
        ("03_lavrov_blinken_talks.txt", "2022-01-22T07:40", None, []),
        ("04_alaska_summit.txt", "2025-08-15T22:10", "Tinthegioi", ["Reuters", "AFP", "TASS"]),
        ("05_zakharova_briefing.txt", "--05-21", None, ["Hãng thông tấn Anadolu", "TTXVN"]),
        ("06_interviews.jsonl:1", "2021-02-04T09:30", "Bản tin Mẫu", ["TASS"]),
        ("06_interviews.jsonl:2", "2025-02-18T21:40", None, ["Reuters", "Al Jazeera"]),
        ("07_trump_putin_call.html", "2025-03-19T06:15", "Bản tin Mẫu", ["Hãng tin Reuters"]),
    ],
)
def test_example_metadata(examples: dict[str, Article], name: str, published: str, outlet: str | None,
                          credits: list[str]) -> None:
    a = examples[name]
    assert a.title
    assert a.published == published
    assert a.outlet == outlet
    assert a.credits == credits


def test_no_teaser_survives(examples: dict[str, Article]) -> None:
    assert len(examples) == 8
    for a in examples.values():
        for name in TEASER_ONLY:
            assert name not in a.body, (a.source, name)


def test_captions_are_apart_and_run_on_is_split(examples: dict[str, Article]) -> None:
    for name in ("01_kremlin_geneva_summit.txt", "02_putin_biden_phone_call.txt", "03_lavrov_blinken_talks.txt",
                 "04_alaska_summit.txt", "05_zakharova_briefing.txt", "06_interviews.jsonl:1"):
        assert len(examples[name].captions) == 1, name
    texts = [s.text for s in examples["03_lavrov_blinken_talks.txt"].sentences]
    assert any(t.endswith("về phía đông.") for t in texts)
    assert any(t.startswith("Theo nhà ngoại giao Nga") for t in texts)
    assert examples["02_putin_biden_phone_call.txt"].meta["related"].startswith("Nga và NATO")
