"""SHACL validation of a store: are the graph's facts well formed?

Why pyshacl on an rdflib copy: pyshacl walks the data graph with rdflib calls,
which is far faster on an in-memory :class:`rdflib.Graph` than through a store
adapter. The union of the article graphs is copied once and validated against
``ontology/shapes.ttl`` with ``ontology/kg.ttl`` mixed in (so ``sh:class``
sees ``rdfs:subClassOf``).

Each violation is reported as one readable line: the focus node's label, the
property path, the message.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from .namespaces import PREFIXES
from .rdf import ontology_graph, shapes_graph
from .store import Store


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str  # IRI of the node that fails
    label: str  # its label (or compact IRI)
    path: str | None  # compact property path, when the shape is a property shape
    message: str
    severity: str  # Violation | Warning | Info
    value: str | None = None

    def line(self) -> str:
        where = f"{self.label}" + (f" [{self.path}]" if self.path else "")
        val = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{val}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation]
    triples: int

    def to_dict(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "triples": self.triples, "violations": [v.to_dict() for v in self.violations]}


def _compact(term: Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if text.startswith(str(ns)) and len(text) > len(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
        return f"<{text}>"
    return str(term)


def _label(data: Graph, node: Node) -> str:
    labels = sorted(data.objects(node, RDFS.label), key=lambda l: (getattr(l, "language", None) != "en", str(l)))
    if not labels:
        labels = sorted(data.objects(node, SKOS.prefLabel), key=str)
    return f"{labels[0]} ({_compact(node)})" if labels else str(_compact(node))


def _path(results: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return _compact(path)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_compact(inverse)}"
    return "(complex path)"


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph against the shipped shapes and ontology."""
    from pyshacl import validate as shacl_validate

    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=False,
        abort_on_first=False,
        allow_warnings=True,
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        violations.append(
            Violation(
                focus=str(focus),
                label=_label(data, focus) if focus is not None else "?",
                path=_path(results, results.value(result, SH.resultPath)),
                message=str(message) if message is not None else "constraint violated",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=_compact(value) if value is not None and value != focus else None,
            )
        )
    violations.sort(key=lambda v: (v.severity, v.label, v.path or "", v.message, v.value or ""))
    return ValidationReport(conforms=bool(conforms), violations=violations, triples=len(data))


def validate_store(store: Store) -> ValidationReport:
    """Validate every article graph of a store (the union; the ontology is mixed in by pyshacl)."""
    return validate_graph(store.union_graph())


__all__ = ["Violation", "ValidationReport", "validate_graph", "validate_store"]
