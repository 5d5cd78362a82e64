"""Rules that must hold on text no lexicon entry was written for (own sentences,
the real pipeline): "Anh" as a pronoun, outlets named by a general cue,
speakers referred to as "anh"/"chị"."""

from __future__ import annotations

from kg.model import Article, Sentence
from kg.pipeline import process


def _run(*sentences: str):
    body, sents = "", []
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, len(body), len(body) + len(s), s))
        body += s + " "
    x = process(Article(id="own", source="test", body=body, sentences=sents))
    return {e.label: e.type for e in x.entities.values()}, x


def test_anh_after_a_player_is_the_player():
    types, x = _run(
        "Sau trận đấu, tiền vệ Nguyễn Minh Tuấn chia sẻ về bàn thắng.",
        "Anh cho biết cả đội đã chuẩn bị rất kỹ cho trận đấu với Thái Lan.",
    )
    assert "United Kingdom" not in types
    assert any(c.speaker == "Nguyen_Minh_Tuan" and c.text.startswith("cả đội") for c in x.claims)


def test_lower_case_pronoun_in_the_article_means_a_man():
    types, _ = _run(
        "Ca sĩ Lê Hoàng Nam vừa ra mắt album mới tại Singapore.",
        "Anh nói rằng album được thực hiện trong hai năm.",
        "“Tôi rất hạnh phúc”, anh chia sẻ.",
    )
    assert "United Kingdom" not in types


def test_britain_among_other_countries_stays_britain():
    types, x = _run(
        "Pháp và Đức đã ký thỏa thuận hợp tác quốc phòng.",
        "Anh hôm qua cũng cam kết viện trợ cho Ukraine.",
    )
    assert types.get("United Kingdom") == "Country"


def test_britain_named_firmly_elsewhere():
    types, _ = _run(
        "Thủ tướng Anh Oliver Grant tới Paris hôm thứ Hai.",
        "Anh cho biết sẽ tăng ngân sách quốc phòng.",
    )
    assert types.get("United Kingdom") == "Country"


def test_channel_and_paper_named_by_their_cue():
    types, _ = _run(
        "Trả lời phỏng vấn kênh truyền hình Zvezda-7 hôm 3/5, ông Ivan Sokolov cho biết Moskva sẵn sàng đối thoại.",
        "Trong bài phỏng vấn với tờ Corriere Veneto, bà Lucia Ferri nói rằng Rome ủng hộ đàm phán.",
    )
    assert types.get("Zvezda-7") == "Organization"
    assert types.get("Corriere Veneto") == "Organization"


def test_english_language_is_not_britain():
    types, _ = _run(
        "Chị Lan dạy tiếng Anh cho trẻ em ở Đà Lạt đã mười năm.",
        "Các lớp ngôn ngữ Anh mở thêm vào tháng tới.",
    )
    assert "United Kingdom" not in types


def test_anh_after_a_capitalised_word_is_a_given_name():
    types, _ = _run(
        "Hoa khôi Ngọc Anh và Mỹ Anh cùng dự buổi giao lưu.",
        "Mỹ Anh cho biết cô sẽ tham gia cuộc thi năm sau.",
    )
    assert "United Kingdom" not in types and "United States" not in types
    # the country after a lower-case word or after punctuation stays the country
    types, _ = _run("Nước Anh và Pháp đã ký hiệp định; Mỹ, Anh cùng tham gia.")
    assert types.get("United Kingdom") == "Country"


def test_sentence_initial_anh_far_from_any_foreign_country_is_a_man():
    types, _ = _run(
        "Giá cà phê Mỹ tăng mạnh trong tháng trước.",
        "Nhiều nông dân ở Đắk Lắk đã mở rộng diện tích trồng.",
        "Ông Hồ Văn Lợi là chủ một trang trại lớn ở Buôn Ma Thuột, nơi gia đình ông đã sống ba đời.",
        "Trang trại có hơn hai mươi công nhân làm việc quanh năm, phần lớn là người địa phương.",
        "Mỗi năm trang trại thu hoạch hàng trăm tấn hạt, bán cho các công ty chế biến trong tỉnh.",
        "Năm nay, thời tiết thuận lợi giúp sản lượng tăng gần một phần ba so với năm ngoái.",
        "Anh chia sẻ rằng năm nay là một năm được mùa.",
    )
    assert "United Kingdom" not in types
