"""kg.nlp.tagger must give exactly underthesea.ner's output, only faster."""

from __future__ import annotations

import pytest
from underthesea import ner, sent_tokenize

from kg.nlp.tagger import tag, tag_words


def _sentences(paths, limit):
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.extend(sent_tokenize(line))
    return out[:limit]


def test_same_tags_as_underthesea_on_real_articles(seeds_dir, unc_dir):
    paths = sorted(seeds_dir.glob("*.txt")) + sorted(unc_dir.glob("news_world_00*.txt"))
    sentences = _sentences(paths, 400)
    assert len(sentences) > 200
    for sentence in sentences:
        assert tag(sentence) == [tuple(t) for t in ner(sentence)], sentence


@pytest.mark.parametrize("text", ["", " ", "…", "“", "a  b", "Ông A nói", "1/2/2020"])
def test_same_tags_on_odd_input(text):
    assert tag(text) == [tuple(t) for t in ner(text)]


def test_tag_words_empty():
    assert tag_words([]) == []
