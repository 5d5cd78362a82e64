"""A photo caption that a crawler ran into the next paragraph ("… - Ảnh: T.L. Ngày 3-4,
…") is no claim: the caption describes a photo and the text after the credit is another
paragraph. Sentences written for the test; the real pipeline runs."""

from __future__ import annotations

from test_claims import _pipeline_claims


def test_a_caption_run_into_the_next_paragraph_is_no_claim():
    got = _pipeline_claims("Ông Lê Văn Tư phát biểu khai mạc hội thảo - Ảnh: T.L. Ngày 3-4, hội thảo thu hút hơn 200 đại biểu tham dự.")
    assert not got


def test_a_claim_before_a_sentence_break_is_kept():
    got = _pipeline_claims("Ông Lê Văn Tư cho biết công ty sẽ mở thêm hai nhà máy trong năm tới.", "Ảnh: T.L.")
    assert {(sp, text) for sp, _, text in got} == {("Le_Van_Tu", "công ty sẽ mở thêm hai nhà máy trong năm tới")}
