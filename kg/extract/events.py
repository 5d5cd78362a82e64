"""Component `events` (placeholder: registered so the pipeline runs end to end)."""

from __future__ import annotations

from ..model import Doc, Extraction
from ..pipeline import COMPONENTS


@COMPONENTS.register("events")
def events(doc: Doc, found: Extraction) -> None:
    return None
