"""Which store a ``--store`` value names: a folder (embedded Oxigraph) or a SPARQL endpoint URL.

A small registry of openers keyed by the value's scheme, so a new kind of
store is one module and one ``@BACKENDS.register(...)`` line. Every command
that takes ``--store`` opens it through :func:`open_store`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..registry import Registry
from .store import Store

Opener = Callable[[str, bool], Any]
BACKENDS: Registry[Opener] = Registry("store backend")


@BACKENDS.register("file")
def _embedded(spec: str, read_only: bool) -> Store:
    return Store(spec, read_only=read_only)


def _remote(spec: str, read_only: bool) -> Store:
    from .remote import RemoteStore

    return RemoteStore(spec, read_only=read_only)


BACKENDS.register("http")(_remote)
BACKENDS.register("https")(_remote)


def scheme_of(spec: str | os.PathLike[str]) -> str:
    """``http``/``https`` for a URL, ``file`` for anything else (a path, ``file://`` included)."""
    text = os.fspath(spec)
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    return scheme if scheme in BACKENDS and scheme != "file" else "file"


def is_remote(spec: object) -> bool:
    return isinstance(spec, (str, os.PathLike)) and scheme_of(spec) != "file"


def open_store(spec: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """The store named by ``spec``; ``file://PATH`` is the folder PATH."""
    text = os.fspath(spec)
    scheme = scheme_of(text)
    if scheme == "file" and text.startswith("file://"):
        text = urlsplit(text).path
    return BACKENDS.get(scheme)(text, read_only)


__all__ = ["BACKENDS", "open_store", "is_remote", "scheme_of"]


def default_store_spec() -> str | os.PathLike[str]:
    """``$KG_STORE`` when it is a URL (a Path would fold its ``//``), else :func:`kg.graph.store.default_store_dir`."""
    from .store import STORE_ENV, default_store_dir

    env = os.environ.get(STORE_ENV)
    return env if env and is_remote(env) else default_store_dir()
