"""Scoring extraction against gold files: the library behind ``kg eval``.

* :mod:`.gold` loads and validates gold files (``shared/gold/FORMAT.md``);
* :mod:`.match` holds the matching rules as pure functions on plain records;
* :mod:`.predicted` turns an Extraction into those records;
* :mod:`.score` computes P/R/F1 and assembles the report;
* :mod:`.runner` reads and builds each annotated article on its own;
* :mod:`.table` prints the report.
"""

from __future__ import annotations

from .gold import GoldArticle, load_gold, load_gold_dir
from .runner import evaluate, evaluate_extractions
from .score import ArticleScore, Counts, Report

__all__ = [
    "ArticleScore", "Counts", "GoldArticle", "Report",
    "evaluate", "evaluate_extractions", "load_gold", "load_gold_dir",
]
