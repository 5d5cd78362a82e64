"""Where the shipped data lives: ontology, shapes, context, lexicons, queries.

In a checkout these are the files under ``ontology/``; installed, the same
files are the package ``kg.ontology`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def ontology_dir() -> Path:
    try:
        path = Path(str(resources.files("kg.ontology")))
        if (path / "lexicons").is_dir():
            return path
    except ModuleNotFoundError:  # pragma: no cover - broken install
        pass
    return Path(__file__).resolve().parent.parent / "ontology"


def lexicon_path(name: str) -> Path:
    return ontology_dir() / "lexicons" / name


def queries_dir() -> Path:
    return ontology_dir() / "queries"
