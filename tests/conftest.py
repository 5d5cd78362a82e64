"""Shared test fixtures: where the real inputs live.

The seeds, the gold files and the UNC corpus sit in ``../shared`` beside the
checkout (CI clones the repo with ``shared/`` next to it); ``KG_SHARED``
points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
GOLD_UNC = SHARED / "gold-unc"
UNC = SHARED / "corpora" / "unc"
EXAMPLES = REPO / "examples"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"test data missing: {path} (set KG_SHARED to the shared/ folder)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _need(GOLD)


@pytest.fixture(scope="session")
def gold_unc_dir() -> Path:
    return _need(GOLD_UNC)


@pytest.fixture(scope="session")
def unc_dir() -> Path:
    return _need(UNC)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return _need(EXAMPLES)
