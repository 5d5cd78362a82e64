"""``write_export(store, fmt, path)``: one export file, written atomically.

``kg build`` calls it for ``exports/graph.ttl`` and ``kg export`` for any
registered format (see :mod:`kg.export.formats`). The file appears complete or
not at all: a failing export leaves the previous file as it was.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import KgError

# Importing a format module registers its formats; the order is the order
# `kg export --help` lists them in.
from . import rdf_text, jsonld, graphml  # noqa: F401,I001  (registration side effect)
from .atomic import atomic_output
from .formats import EXPORT_FORMATS, ExportFormat

#: Other spellings people type for a format (file extensions, MIME-ish names).
ALIASES = {"ttl": "turtle", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt", "nquads": "nq",
           "n-quads": "nq"}


def export_format(fmt: str) -> ExportFormat:
    """The registered format called ``fmt`` (or one of its aliases)."""
    name = ALIASES.get(fmt.lower(), fmt.lower())
    try:
        return EXPORT_FORMATS.get(name)
    except KeyError as exc:
        raise KgError(str(exc.args[0])) from None


def default_export_path(fmt: str, out_dir: str | os.PathLike[str] = "exports") -> Path:
    """``exports/graph.<ext>`` for the format."""
    return Path(out_dir) / f"graph.{export_format(fmt).extension}"


def export_to(store: Any, fmt: str, out: BinaryIO) -> None:
    """Write the export to an open binary stream (stdout, a socket, a buffer).

    A closed pipe (``kg export -o - | head``) is re-raised for the CLI to end
    quietly; any other failure is a one-line :class:`~kg.errors.KgError`.
    """
    spec = export_format(fmt)
    try:
        spec.writer(store, out)
    except KgError:
        raise
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        raise KgError(f"the {spec.name} export failed: {exc.strerror or exc}") from None
    except (ValueError, TypeError) as exc:
        raise KgError(f"the {spec.name} export failed: {exc}") from None


def write_export(store: Any, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write ``store`` as ``fmt`` to ``path`` atomically; returns the path.

    Raises :class:`~kg.errors.KgError` (one line) when the file cannot be
    written; the previous file at ``path``, if any, is then left intact.
    """
    spec = export_format(fmt)
    target = Path(path)
    try:
        with atomic_output(target) as fh:
            spec.writer(store, fh)
    except KgError:
        raise
    except OSError as exc:
        raise KgError(f"{target}: cannot write the {spec.name} export: {exc.strerror or exc}") from None
    except (ValueError, TypeError) as exc:  # a serialiser refusing a term: still one line
        raise KgError(f"{target}: {spec.name} export failed: {exc}") from None
    return target


__all__ = ["ALIASES", "EXPORT_FORMATS", "default_export_path", "export_format", "export_to", "write_export"]
