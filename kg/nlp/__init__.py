"""NLP: the only place that calls underthesea.

``analyse(article) -> Doc`` runs ``underthesea.ner`` once per sentence (it
yields words, POS, chunk and NER tags in one pass) and aligns the tokens back
to body offsets.
"""

from __future__ import annotations

from .annotate import analyse, analyse_sentence

__all__ = ["analyse", "analyse_sentence"]
