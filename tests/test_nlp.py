"""kg.nlp: one tagger call per sentence, tokens aligned to body offsets, odd input survives."""

from __future__ import annotations

import kg.nlp.annotate as analyse_mod
from kg.model import Article, Sentence
from kg.nlp import analyse
from kg.nlp.align import align


def _article(*sentences: str) -> Article:
    body = ""
    sents = []
    for i, s in enumerate(sentences):
        start = len(body)
        body += s
        sents.append(Sentence(i, start, start + len(s), s))
        body += " "
    return Article(id="t", source="test", body=body, sentences=sents)


def test_align_finds_words_across_spacing_differences():
    text = "Ông  Hoa   Kỳ nói,rằng"
    spans = align(text, ["Ông", "Hoa Kỳ", "nói", ",", "rằng"])
    assert [text[s:e] for s, e in spans] == ["Ông", "Hoa   Kỳ", "nói", ",", "rằng"]


def test_align_never_fails_on_a_word_not_in_the_text():
    text = "một hai ba"
    spans = align(text, ["một", "XYZ", "hai", "ba"])
    assert spans[1][0] == spans[1][1]  # zero width at the cursor
    assert [text[s:e] for s, e in (spans[0], spans[2], spans[3])] == ["một", "hai", "ba"]
    starts = [s for s, _ in spans]
    assert starts == sorted(starts)


def test_tokens_carry_body_offsets():
    art = _article("Tôi đến Hà Nội hôm qua.", "Ông Nam gặp bà Lan ở Đà Nẵng.")
    doc = analyse(art)
    assert len(doc.sentences) == 2
    for asent in doc.sentences:
        assert asent.tokens
        for t in asent.tokens:
            assert art.body[t.start:t.end] == t.text
            assert asent.sentence.start <= t.start <= t.end <= asent.sentence.end
    words = [t.text for t in doc.sentences[1].tokens]
    assert "Đà Nẵng" in words


def test_one_tagger_call_per_sentence_and_none_without_letters(monkeypatch):
    calls = []
    real = analyse_mod._ner

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(analyse_mod, "_ner", counting)
    art = _article("Hôm nay trời đẹp.", "12/3 - 45.", "Chúng tôi đi học.")
    doc = analyse(art)
    assert calls == ["Hôm nay trời đẹp.", "Chúng tôi đi học."]
    assert doc.sentences[1].tokens == []


def test_huge_sentence_is_cut_into_chunks(monkeypatch):
    seen = []

    def fake(text):
        seen.append(len(text))
        return [(w, "N", "B-NP", "O") for w in text.split()]

    monkeypatch.setattr(analyse_mod, "_ner", fake)
    text = ("từ ngữ " * 9000).strip()  # ~54 KB, no sentence break
    art = _article(text)
    doc = analyse(art)
    assert max(seen) <= analyse_mod.MAX_CHARS
    assert len(seen) >= len(text) // analyse_mod.MAX_CHARS
    toks = doc.sentences[0].tokens
    assert len(toks) == 18000
    assert all(art.body[t.start:t.end] == t.text for t in toks)


def test_tagger_failure_yields_no_tokens_not_a_crash(monkeypatch):
    import kg.nlp.tagger as tagger

    def boom(text):
        raise RuntimeError("model broken")

    monkeypatch.setattr(tagger, "tag", boom)
    import underthesea

    monkeypatch.setattr(underthesea, "ner", boom)
    doc = analyse(_article("Ông Nam đến."))
    assert doc.sentences[0].tokens == []
