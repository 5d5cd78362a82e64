"""Load a lexicon file once per process."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from ..errors import KgError
from ..resources import lexicon_path


@cache
def load_yaml(name: str) -> Any:
    """Parse ``ontology/lexicons/<name>`` (YAML); cached, so callers may call freely."""
    path = lexicon_path(name)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise KgError(f"{path}: lexicon file missing (reinstall kg)") from None
    except yaml.YAMLError as exc:
        raise KgError(f"{path}: malformed lexicon: {exc}".splitlines()[0]) from None
