"""Component `link` (placeholder)."""

from __future__ import annotations

from ..model import Doc, Extraction
from ..pipeline import COMPONENTS


@COMPONENTS.register("link")
def link(doc: Doc, found: Extraction) -> None:
    return None
