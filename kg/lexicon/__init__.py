"""Lexicons: the data under ``ontology/lexicons`` (titles, reporting verbs, event
nouns, places, organisations), loaded once per process.

Code elsewhere holds patterns; the words and names live in these files.
"""

from .load import load_yaml

__all__ = ["load_yaml"]
