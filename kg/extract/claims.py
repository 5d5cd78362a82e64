"""Component `claims` (placeholder: registered so the pipeline runs end to end)."""

from __future__ import annotations

from ..model import Doc, Extraction
from ..pipeline import COMPONENTS


@COMPONENTS.register("claims")
def claims(doc: Doc, found: Extraction) -> None:
    return None
