"""underthesea's POS → chunk → NER cascade, with the feature step compiled once.

``underthesea.ner(text)`` segments words, then runs three CRF models (POS,
chunking, NER), each fed by features that its ``tagged_feature.template2features``
builds token by token. That function re-parses its template with a regex and
rebuilds every column of the sentence for *each* feature of *each* token
(quadratic in sentence length); on news text it costs about 80% of the time
of ``ner``, while the CRF decoding itself (Rust, in ``underthesea_core``) is cheap.

:func:`tag` produces exactly the same output as ``underthesea.ner`` — same word
segmentation (underthesea's own ``word_tokenize``), the same model files
(loaded through underthesea's own predictor singletons) and the same feature
strings — but parses each template once and computes each column once per
sentence. ``tests/test_tagger.py`` checks the equality token for token on real
articles, so an upgrade of underthesea that changes the features fails loudly
instead of silently degrading tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

_TEMPLATE = re.compile(
    r"T\[(?P<index1>-?\d+)(,(?P<index2>-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)


@dataclass(frozen=True, slots=True)
class _Feature:
    prefix: str  # "T[-1,0][1]=" — underthesea keeps the template as the feature prefix
    index1: int
    index2: int | None
    column: int
    function: str | None  # "lower" | "istitle" | None


def _compile(template: list[str]) -> tuple[_Feature, ...]:
    out = []
    for syntax in template:
        m = _TEMPLATE.match(syntax)
        if m is None:  # pragma: no cover - underthesea changed its templates
            raise ValueError(f"unsupported underthesea feature template {syntax!r}")
        function = m.group("function")
        if function not in (None, "lower", "istitle"):  # pragma: no cover
            raise ValueError(f"unsupported underthesea feature function {function!r}")
        index2 = m.group("index2")
        column = m.group("column")
        out.append(
            _Feature(
                prefix=f"{syntax}=",
                index1=int(m.group("index1")),
                index2=int(index2) if index2 else None,
                column=int(column) if column else 0,
                function=function,
            )
        )
    return tuple(out)


def _istitle(word: str) -> bool:
    """underthesea's ``text_istitle``: every space-separated part starts upper-case."""
    if not word:
        return False
    try:
        return all(part[0].istitle() for part in word.split(" "))
    except IndexError:  # an empty part ("a  b"): underthesea returns False
        return False


@lru_cache(maxsize=1 << 16)  # news text repeats words a lot
def _title_flag(word: str) -> str:
    return str(_istitle(word))


_FUNCTIONS = {None: None, "lower": str.lower, "istitle": _title_flag}


def _values(column: list[str], f: _Feature) -> list[str]:
    """One feature's value at every position: the word(s) it looks at, "BOS" or "EOS".

    The function (``lower``, ``istitle``) applies to words, never to the markers.
    """
    function = _FUNCTIONS[f.function]
    n = len(column)
    if f.index2 is None:  # one word at a fixed distance: a shifted copy of the column
        d = f.index1
        words = column if function is None else [function(w) for w in column]
        mid = words[max(0, d) : max(0, n - max(0, -d))]
        return ["BOS"] * min(n, max(0, -d)) + mid + ["EOS"] * min(n, max(0, d))
    out = []
    for i in range(n):  # a span of words joined by spaces
        a, b = i + f.index1, i + f.index2
        if a < 0:
            out.append("BOS")
        elif a >= n or b >= n:
            out.append("EOS")
        else:
            span = " ".join(column[a : b + 1])
            out.append(span if function is None else function(span))
    return out


def _features(columns: list[list[str]], features: tuple[_Feature, ...]) -> list[list[str]]:
    """Every feature string of every word, row by row, as the CRF wants them.

    Built feature by feature (one list operation per feature and sentence)
    rather than word by word: the same strings, a few times faster, and this
    step is the largest Python cost of the whole NLP stage.
    """
    per_feature = ([f.prefix + v for v in _values(columns[f.column], f)] for f in features)
    return [list(row) for row in zip(*per_feature)]


@dataclass(frozen=True, slots=True)
class _Stage:
    model: object  # underthesea_core.CRFTagger
    features: tuple[_Feature, ...]


@cache
def _stages() -> tuple[_Stage, _Stage, _Stage]:
    """Load the three models once, through underthesea's own singletons."""
    from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    stages = []
    for predictor in (CRFPOSTagPredictor, CRFChunkingPredictor, CRFNERPredictor):
        inst = predictor.Instance()
        stages.append(_Stage(inst.model, _compile(inst.transformer.template)))
    return tuple(stages)  # type: ignore[return-value]


def tag_words(words: list[str]) -> list[tuple[str, str, str, str]]:
    """POS, chunk and NER tags for already segmented words (underthesea's cascade)."""
    if not words:
        return []
    pos_stage, chunk_stage, ner_stage = _stages()
    n = len(words)
    placeholder = ["X"] * n  # underthesea feeds "X" in the column being predicted
    pos = pos_stage.model.tag(_features([words, placeholder], pos_stage.features))
    chunks = chunk_stage.model.tag(_features([words, pos, placeholder], chunk_stage.features))
    ner = ner_stage.model.tag(_features([words, pos, chunks, placeholder], ner_stage.features))
    return list(zip(words, pos, chunks, ner))


def tag(sentence: str) -> list[tuple[str, str, str, str]]:
    """Same result as ``underthesea.ner(sentence)``: (word, POS, chunk, NER) per word."""
    from underthesea import word_tokenize

    return tag_words(word_tokenize(sentence))
