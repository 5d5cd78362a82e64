"""Datelines, credits, captions and bylines: shape tests on single paragraphs."""

from __future__ import annotations

from kg.clean.article import article_id, make_article
from kg.clean.meta import credits_in, dateline_outlet, is_byline, is_credit_caption


def test_dateline_outlets() -> None:
    assert dateline_outlet("Kinhtedothi - Người phát ngôn cho biết hai bên sẽ gặp nhau.") == "Kinhtedothi"
    assert dateline_outlet("(Dân trí) - Ngoại trưởng hai nước đã điện đàm.") == "Dân trí"
    assert dateline_outlet("VOV.VN - Hai bên nhất trí nối lại đối thoại.") == "VOV.VN"
    # place datelines name no outlet
    assert dateline_outlet("Hà Nội - Mưa lớn kéo dài từ chiều qua.") is None
    assert dateline_outlet("TPHCM - Tối qua thành phố đổ mưa to.") is None
    assert dateline_outlet("Nga - Mỹ sẽ nối lại đối thoại trong tháng tới.") is None


def test_unknown_outlet_recognised_when_the_page_repeats_its_dateline() -> None:
    page = ["Báomẫu - Tin chính.", "Báomẫu - Tin phụ một.", "Báomẫu - Tin phụ hai."]
    assert dateline_outlet(page[0]) is None
    assert dateline_outlet(page[0], page) == "Báomẫu"


def test_credits() -> None:
    assert credits_in(["Một câu mở đầu.", "Theo TTXVN"]) == ["TTXVN"]
    assert credits_in(["Theo SCMP, Reuters, AFP"]) == ["SCMP", "Reuters", "AFP"]
    assert credits_in(["Theo Hãng tin AFP, ông nói rằng hai bên đã đồng ý."]) == ["Hãng tin AFP"]
    assert credits_in(["Ông cho biết kế hoạch sẽ được công bố, theo hãng tin TASS."]) == ["hãng tin TASS"]
    assert credits_in(["Theo nhà ngoại giao Nga, hai nước cần hợp tác."]) == []
    assert credits_in(["Theo Bộ Ngoại giao Nga, đây là bước đi sai lầm."]) == []


def test_caption_credit_shapes() -> None:
    assert is_credit_caption("Hai nhà lãnh đạo bắt tay. Ảnh: TASS")
    assert is_credit_caption("Hai nhà lãnh đạo bắt tay - Ảnh: TASS")
    assert is_credit_caption("Hai nhà lãnh đạo bắt tay (Ảnh: Reuters).")
    assert is_credit_caption("Ảnh Reuters")
    assert not is_credit_caption("Ông đăng ảnh lên mạng xã hội.")


def test_bylines() -> None:
    assert is_byline("Hoài An")
    assert is_byline("Nguyễn Văn Bình")
    assert not is_byline("Theo TTXVN")
    assert not is_byline("Tổng hợp")
    assert not is_byline("Ông Bình nói")


def test_article_id_is_content_derived() -> None:
    a = make_article(source="a.txt", paragraphs=["Một câu.", "Hai câu."], title="Tiêu đề")
    b = make_article(source="b.txt", paragraphs=["Một  câu. ", "Hai câu."], title=" Tiêu đề")
    assert a.id == b.id == article_id("Tiêu đề", "Một câu.\nHai câu.")
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert make_article(source="c", paragraphs=["Một câu."], title="Tiêu đề").id != a.id
