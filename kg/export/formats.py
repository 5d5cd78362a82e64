"""The export formats, by name: one registry, filled by the modules that write them.

A new format is one module with one ``@EXPORT_FORMATS.register(...)`` line
(and its import in :mod:`kg.export.serialize`); ``kg export --format`` and
``kg build`` pick it up from here, no if-chain to extend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO


from ..graph.store import as_oxigraph
from ..registry import Registry

#: writer(store, out): ``store`` is kg's ``Store`` (or a bare pyoxigraph store);
#: RDF writers take the pyoxigraph store behind it with :func:`unwrap`.
Writer = Callable[[Any, BinaryIO], None]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    extension: str  # without the dot: "ttl"
    media_type: str
    writer: Writer
    named_graphs: bool  # True when the file keeps one graph per article
    description: str


EXPORT_FORMATS: Registry[ExportFormat] = Registry("export format")


def export_format(
    name: str, extension: str, media_type: str, *, named_graphs: bool, description: str
) -> Callable[[Writer], Writer]:
    """Decorator: register ``writer`` as the export format ``name``."""

    def add(writer: Writer) -> Writer:
        EXPORT_FORMATS.register(name)(
            ExportFormat(name, extension, media_type, writer, named_graphs, description)
        )
        return writer

    return add


unwrap = as_oxigraph  # the RDF writers' name for it

