"""Sentence splitting with offsets into the body."""

from __future__ import annotations

from kg.clean.sentences import split_sentences


def _texts(body: str) -> list[str]:
    sents = split_sentences(body)
    for s in sents:
        assert body[s.start : s.end] == s.text
    return [s.text for s in sents]


def test_run_on_without_space_is_split() -> None:
    body = "Hai bên đã nhất trí về lịch trình.Theo một nhà ngoại giao, vòng tới diễn ra ở Oslo."
    assert _texts(body) == ["Hai bên đã nhất trí về lịch trình.", "Theo một nhà ngoại giao, vòng tới diễn ra ở Oslo."]


def test_abbreviations_numbers_and_domains_are_not_split() -> None:
    body = "Đoàn đến TP.HCM lúc 3.5 giờ chiều và đăng tin trên baomau.com.vn ngay sau đó."
    assert _texts(body) == [body]


def test_paragraph_indices_and_offsets_across_paragraphs() -> None:
    body = "Câu một ở đây. Câu hai ở đây.\n“Chúng tôi sẵn sàng”, ông nói.\nTheo TTXVN"
    sents = split_sentences(body)
    assert [s.paragraph for s in sents] == [0, 0, 1, 2]
    assert [s.index for s in sents] == [0, 1, 2, 3]
    assert sents[2].start == body.index("“")
    assert sents[-1].text == "Theo TTXVN" and sents[-1].end == len(body)


def test_whitespace_inside_a_sentence_is_kept_and_edges_are_trimmed() -> None:
    body = "Ông  nói rằng   hai bên sẽ gặp lại.   Bà cũng đồng ý."
    assert _texts(body) == ["Ông  nói rằng   hai bên sẽ gặp lại.", "Bà cũng đồng ý."]


def test_empty_body_has_no_sentences() -> None:
    assert split_sentences("") == []
