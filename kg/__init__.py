"""kg: knowledge graphs of actors, roles, events and claims from Vietnamese news.

The data flows one way::

    read -> clean -> nlp -> extract -> link -> graph -> export | query | view

The library is usable without the CLI: ``kg.build(paths, store=...)`` returns a
summary; ``kg.read_articles(paths)`` yields :class:`kg.model.Article` records.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "read_articles"]


def build(*args, **kwargs):  # noqa: D103 - documented in kg.build
    from .build import build as _build

    return _build(*args, **kwargs)


def read_articles(*args, **kwargs):  # noqa: D103 - documented in kg.read
    from .read import read_articles as _read

    return _read(*args, **kwargs)
