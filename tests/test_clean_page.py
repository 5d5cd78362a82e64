"""Each page-cleaning rule on hand-made pages (our own sentences, another site's layout)."""

from __future__ import annotations

from kg.clean.page import clean_page, clean_paragraphs

BODY_1 = "Bộ trưởng Ngoại giao Pháp cho biết Paris sẵn sàng tổ chức một vòng đàm phán mới về an ninh châu Âu."
BODY_2 = "Ông nhấn mạnh rằng mọi bên cần giữ kênh liên lạc mở trong những tuần tới."


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_headline_after_menu_and_date_below_it() -> None:
    c = clean_page(_page(
        "Báo Mẫu", "Trang chủ | Thế giới | Đăng nhập", "",
        "Pháp đề nghị chủ trì vòng đàm phán mới về an ninh châu Âu", "",
        "Thứ Hai, 12/05/2025, 08:15 (GMT+7)", "", BODY_1, BODY_2,
    ))
    assert c.title == "Pháp đề nghị chủ trì vòng đàm phán mới về an ninh châu Âu"
    assert c.published == "2025-05-12T08:15"
    assert c.paragraphs == [BODY_1, BODY_2]


def test_no_printed_date_gives_none_even_with_dated_teasers() -> None:
    c = clean_page(_page(
        "Pháp đề nghị chủ trì vòng đàm phán mới", "", BODY_1, BODY_2, "",
        "Một con đường mới được khánh thành ở ngoại ô", "",
        "Một con đường mới được khánh thành ở ngoại ô", "", "14:20 21/01/2022", "",
        "Con đường dài ba cây số nối hai xã ven sông.",
    ))
    assert c.published is None
    assert c.paragraphs == [BODY_1, BODY_2]


def test_body_ends_at_end_markers() -> None:
    for marker in ("Đọc nhiều", "Có thể bạn quan tâm", "Đừng bỏ lỡ", "Tin mới", "Bài viết hay? Hãy đánh giá bài viết",
                   "CẢM NHẬN CỦA BẠN VỀ BÀI VIẾT NÀY", "BÌNH LUẬN (0)", "Ý KIẾN", "  • Từ khóa", "TIN LIÊN QUAN:"):
        c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, BODY_2, marker,
                             "Một tỉnh miền núi khai trương chợ phiên cuối tuần cho du khách."))
        assert c.paragraphs == [BODY_1, BODY_2], marker


def test_counter_and_repeated_headline_are_not_body() -> None:
    title = "Pháp đề nghị chủ trì vòng đàm phán mới"
    c = clean_page(_page(title, "02:45 03/03/2025", "1.536 lượt xem", title, BODY_1))
    assert c.paragraphs == [BODY_1]
    assert c.published == "2025-03-03T02:45"


def test_closing_mark_ends_the_article_but_credit_may_follow() -> None:
    last = BODY_2 + "/."  # "… tuần tới./."
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, last, "Theo TTXVN",
                         "Giá rau xanh tăng nhẹ tại các chợ đầu mối trong tuần qua do mưa lớn."))
    assert c.paragraphs == [BODY_1, last, "Theo TTXVN"]
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, last,
                         "Giá rau xanh tăng nhẹ tại các chợ đầu mối trong tuần qua do mưa lớn."))
    assert c.paragraphs == [BODY_1, last]


def test_inline_bullets_are_links_not_body() -> None:
    c = clean_paragraphs([BODY_1, "  • Một tiêu đề bài khác về chuyện khác", BODY_2])
    assert c.paragraphs == [BODY_1, BODY_2]
    assert "Một tiêu đề bài khác" in c.meta["related"]


def test_credited_captions_are_set_apart() -> None:
    for cap in ("Ngoại trưởng Pháp tại cuộc họp báo. Ảnh: AFP", "Ngoại trưởng Pháp - Ảnh: Reuters",
                "Toàn cảnh cuộc họp (Ảnh minh hoạ: AP).", "(Ảnh: EPA)"):
        c = clean_paragraphs([BODY_1, cap, BODY_2])
        assert c.paragraphs == [BODY_1, BODY_2], cap
        assert c.captions == [cap]


def test_indented_short_line_and_repeated_name_are_captions() -> None:
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, "\u00a0Bộ trưởng Ngoại giao Pháp.", BODY_2))
    assert c.captions == ["Bộ trưởng Ngoại giao Pháp."]
    c = clean_paragraphs([BODY_1, "Bộ trưởng Ngoại giao Pháp", BODY_2])
    assert c.captions == ["Bộ trưởng Ngoại giao Pháp"]


def test_a_sentence_about_a_photo_is_not_a_caption() -> None:
    text = "Ông đăng một bức ảnh lên mạng xã hội và viết rằng cuộc gặp đã diễn ra tốt đẹp."
    assert clean_paragraphs([BODY_1, text]).paragraphs == [BODY_1, text]


def test_closing_byline_is_metadata() -> None:
    c = clean_paragraphs([BODY_1, BODY_2, "Hoài An", "Theo Reuters, AFP"])
    assert c.paragraphs == [BODY_1, BODY_2, "Theo Reuters, AFP"]
    assert c.meta["byline"] == "Hoài An"
    c = clean_paragraphs([BODY_1, "Hoài AnTheo Reuters"])
    assert c.paragraphs == [BODY_1, "Theo Reuters"]


def test_photo_story_keeps_captions_as_text() -> None:
    lines = [
        "Người dân xếp hàng trước điểm bỏ phiếu từ sáng sớm (Ảnh: AFP).",
        "Nhiều điểm bỏ phiếu phải kéo dài giờ mở cửa vì lượng cử tri đông hơn dự kiến (Ảnh: Reuters).",
    ]
    c = clean_paragraphs(lines)
    assert c.paragraphs == lines and c.captions == []


def test_page_without_headline_starts_with_the_body() -> None:
    long_para = " ".join([BODY_1] * 4)
    c = clean_page(_page(long_para, BODY_2))
    assert c.title is None
    assert c.paragraphs == [long_para, BODY_2]


BODY_3 = "Các nhà quan sát nhận định cuộc gặp có thể mở đường cho một thỏa thuận về kiểm soát vũ khí trong năm nay, dù còn nhiều trở ngại phía trước."


def test_related_box_inside_the_body_is_skipped() -> None:
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, "Tin liên quan",
                         "  • Một tiêu đề bài khác về chuyện khác", BODY_3, "Đọc nhiều", BODY_2))
    assert c.paragraphs == [BODY_1, BODY_3]


def test_related_heading_followed_by_teasers_ends_the_body() -> None:
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, "Tin liên quan",
                         "Một con đường mới được khánh thành ở ngoại ô", "14:20 21/01/2022", BODY_3))
    assert c.paragraphs == [BODY_1]


def test_date_printed_under_the_lead_is_the_article_date() -> None:
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_3, "12/05/2025 08:15", BODY_1, BODY_2))
    assert c.published == "2025-05-12T08:15"
    assert c.paragraphs == [BODY_3, BODY_1, BODY_2]


def test_teaser_headline_before_a_teaser_date_is_not_body() -> None:
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, BODY_2,
                         "Một con đường mới được khánh thành ở ngoại ô", "14:20 21/01/2022", BODY_3))
    assert c.paragraphs == [BODY_1, BODY_2]
    assert c.published is None


def test_another_layout_section_date_title_byline_credit() -> None:
    # a layout unlike the seeds: section name, date above the headline, share bar,
    # a bare "Ảnh minh họa" caption, byline and credit on one closing line, tags
    c = clean_page(_page(
        "Thế giới", "Thứ hai, 3/3/2025, 10:15 (GMT+7)",
        "Pháp đề nghị chủ trì vòng đàm phán mới về an ninh châu Âu",
        "Facebook", "Zalo", "Copy link",
        BODY_1, "Ảnh minh họa", BODY_2, "Hoài An (Theo Reuters, AFP)",
        "Tags: Pháp ngoại giao châu Âu", "Một chủ đề khác hoàn toàn không liên quan tới bài viết này nhưng rất dài.",
    ))
    assert c.title == "Pháp đề nghị chủ trì vòng đàm phán mới về an ninh châu Âu"
    assert c.published == "2025-03-03T10:15"
    assert c.paragraphs == [BODY_1, BODY_2, "Hoài An (Theo Reuters, AFP)"]
    assert c.captions == ["Ảnh minh họa"]


def test_subheading_that_repeats_words_above_is_not_a_caption() -> None:
    para = "Nhiều nhà quan sát chờ đợi phản ứng của chính phủ sau khi cuộc đàm phán kết thúc mà không có kết quả."
    c = clean_paragraphs([para, "Phản ứng của chính phủ", BODY_2])
    assert c.paragraphs == [para, "Phản ứng của chính phủ", BODY_2]
    assert c.captions == []


def test_site_header_date_is_not_the_article_date() -> None:
    head = ("Thứ Hai, 23/11/2026", "Logo", "Trang chủ | Thế giới | Đăng nhập", "",
            "Pháp đề nghị chủ trì vòng đàm phán mới về an ninh châu Âu")
    assert clean_page(_page(*head, BODY_1, BODY_2)).published is None
    assert clean_page(_page(*head, "08:15 12/05/2025", BODY_1, BODY_2)).published == "2025-05-12T08:15"


def test_unmarked_list_of_teaser_headlines_ends_the_body() -> None:
    c = clean_page(_page(
        "Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, BODY_2,
        "Một tỉnh miền núi khai trương chợ phiên cuối tuần",
        "Giá vàng trong nước tăng nhẹ phiên đầu tuần",
        "Đội tuyển bóng đá nữ giành vé dự giải châu lục",
    ))
    assert c.paragraphs == [BODY_1, BODY_2]


def test_one_subheading_inside_the_body_stays() -> None:
    c = clean_page(_page("Pháp đề nghị chủ trì vòng đàm phán mới", BODY_1, "Những trở ngại còn ở phía trước", BODY_2))
    assert c.paragraphs == [BODY_1, "Những trở ngại còn ở phía trước", BODY_2]


def test_three_word_headline_when_nothing_longer() -> None:
    c = clean_page(_page("Logo", "Đăng nhập", "Pháp mời Nga", "08:15 12/05/2025", BODY_1, BODY_2))
    assert c.title == "Pháp mời Nga"
    assert c.paragraphs == [BODY_1, BODY_2]


def test_caption_above_the_paragraph_naming_the_person() -> None:
    para = "Bộ trưởng Ngoại giao Pháp Jean Martin cho biết ông sẽ tới Vienna vào cuối tuần này."
    c = clean_paragraphs([BODY_1, "Bộ trưởng Ngoại giao Pháp Jean Martin.", para])
    assert c.paragraphs == [BODY_1, para]
    assert c.captions == ["Bộ trưởng Ngoại giao Pháp Jean Martin."]
