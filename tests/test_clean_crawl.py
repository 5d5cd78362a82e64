"""The crawler's mess in flattened article text, on this project's own sentences:
captions, related-story blocks, book ads, a byline glued to its credit, a comment
count glued to a title, teasers learnt from other articles, a raw page."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.clean.crawl import tidy_flat, tidy_title
from kg.read import read_articles, read_file

LEAD = "Thủ tướng Na Uy ngày 4-6 đã tiếp Ngoại trưởng Áo tại Oslo để bàn về hợp tác năng lượng."
MID = "Hai bên nhất trí lập một nhóm công tác chung và sẽ gặp lại vào tháng 9 tại Vienna."
END = "Ông cho biết các hợp đồng dài hạn sẽ được ký trước cuối năm nay."


def test_inline_captions_are_not_body() -> None:
    t = tidy_flat(f"Thủ tướng Na Uy tại cuộc họp báo ở Oslo - Ảnh: REUTERS {LEAD} {MID} "
                  f"Một đường ống dẫn khí ở Biển Bắc. Ảnh:Equinor. {END}")
    assert t.text == f"{LEAD} {MID} {END}"
    assert t.captions == ["Thủ tướng Na Uy tại cuộc họp báo ở Oslo - Ảnh: REUTERS",
                          "Một đường ống dẫn khí ở Biển Bắc. Ảnh:Equinor."]
    t = tidy_flat(f"Ngoại trưởng Áo phát biểu ở Vienna - Ảnh: HOÀNG LAM {LEAD} {END}")
    assert t.text == f"{LEAD} {END}" and t.captions == ["Ngoại trưởng Áo phát biểu ở Vienna - Ảnh: HOÀNG LAM"]


def test_a_short_caption_without_credit_before_an_attributed_lead() -> None:
    t = tidy_flat(f"Ngoại trưởng Áo tại Oslo. Theo hãng tin NTB, {LEAD[0].lower()}{LEAD[1:]} {MID} {END}")
    assert t.captions == ["Ngoại trưởng Áo tại Oslo."] and t.text.startswith("Theo hãng tin NTB")
    # a lead that opens otherwise stays whole
    t = tidy_flat(f"Ngoại trưởng Áo tới Oslo. {MID} {END}")
    assert t.captions == [] and t.text.startswith("Ngoại trưởng Áo tới Oslo.")


def test_related_blocks_and_book_ads_after_the_article() -> None:
    flat = (f"{LEAD} {MID} {END} Những cuốn sách về Bắc Âu Tri Thức - Znewsgiới thiệu tới độc giả các cuốn sách "
            "về lịch sử vùng Scandinavia.  Thụy Điển tăng ngân sách quốc phòng Chính phủ Thụy Điển công bố kế hoạch "
            "mới cho năm tới.  Phần Lan mở lại cửa khẩu 22 giờ trước06:1020/5/2025Thế giớiThế giới 0 "
            "Phần Lan thông báo mở lại một cửa khẩu ở phía bắc.")
    t = tidy_flat(flat)
    assert t.text == f"{LEAD} {MID} {END}"
    assert len(t.removed) == 3 and t.removed[-1].startswith("Những cuốn sách về Bắc Âu")


def test_double_spaces_inside_the_article_are_not_blocks() -> None:
    flat = f"{LEAD} Hai bên nhất trí lập  một nhóm công tác chung. {END}  {MID}"
    assert tidy_flat(flat).text == flat  # one short segment, no stamp: not a related block


def test_closing_byline_glued_to_credit(tmp_path: Path) -> None:
    t = tidy_flat(f"{LEAD} {END} Minh Khang(TheoNTB,Reuters)")
    assert t.text == f"{LEAD} {END}\nTheo NTB, Reuters" and t.byline == "Minh Khang"
    p = tmp_path / "x.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Title", "Content"])
        w.writerow(["Na Uy và Áo bàn về năng lượng1", f"{LEAD} {END} Minh Khang(TheoNTB,Reuters)"])
    (a,) = read_file(p)
    assert a.credits == ["NTB", "Reuters"] and a.meta["byline"] == "Minh Khang"
    assert "Minh Khang" not in a.body and a.body.endswith("Theo NTB, Reuters")
    assert a.title == "Na Uy và Áo bàn về năng lượng"


def test_comment_count_glued_to_the_title() -> None:
    assert tidy_title("Pin thể rắn tạo bước đột phá1") == "Pin thể rắn tạo bước đột phá"
    assert tidy_title("Ai sẽ vô địch?12") == "Ai sẽ vô địch?"
    assert tidy_title("Đáp án đề thi năm 20253", "https://example.org/dap-an-de-thi-nam-2025-202506.htm") == "Đáp án đề thi năm 2025"
    assert tidy_title("Hội nghị thượng đỉnh G20") == "Hội nghị thượng đỉnh G20"
    assert tidy_title("Ngân sách năm 2025", "https://example.org/ngan-sach-nam-2025.html") == "Ngân sách năm 2025"


TEASER = "Tính đến chiều 5-6, hơn 300 doanh nghiệp Na Uy đã đăng ký tham gia hội chợ năng lượng lớn nhất khu vực."


def _outlet_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Source", "URL", "Title", "Content"])
        for url, content in rows:
            w.writerow(["Báo Mẫu", url, "Tin " + url[-1], content])
    return path


def test_a_closing_passage_that_is_another_articles_lead_is_a_teaser(tmp_path: Path) -> None:
    glued = f"{LEAD} {MID} {END} {TEASER}"
    other = f"{TEASER} Ban tổ chức cho biết hội chợ sẽ kéo dài bốn ngày với nhiều hội thảo chuyên đề."
    alone = _outlet_csv(tmp_path / "one.csv", [("https://example.org/a", glued)])
    both = _outlet_csv(tmp_path / "both.csv", [("https://example.org/a", glued), ("https://example.org/b", other)])
    assert read_file(alone)[0].body == glued  # no evidence: kept
    a, b = list(read_articles([both]))  # the other row of the same build is the evidence
    assert a.body == f"{LEAD} {MID} {END}" and TEASER in a.meta["set_apart"]
    assert b.body == other  # a lead is never cut
    # --context: more articles of the outlet, read only as evidence, never returned
    r = CliRunner().invoke(cli, ["parse", str(alone), "--json", "--context", str(both)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count('"source"') == 1 and TEASER not in r.stdout.split('"set_apart"')[0]


def test_a_short_recurring_sentence_proves_nothing(tmp_path: Path) -> None:
    stock = "Mời bạn đọc theo dõi."
    p = _outlet_csv(tmp_path / "s.csv", [("https://example.org/a", f"{LEAD} {stock}"),
                                         ("https://example.org/b", f"{MID} {stock}")])
    assert [a.body for a in read_articles([p])] == [f"{LEAD} {stock}", f"{MID} {stock}"]


PAGE = Path(__file__).parent / "data" / "thanhnien_style_page.txt"


def test_raw_thanh_nien_style_page_gives_its_body() -> None:
    (a,) = read_file(PAGE)
    assert a.title == "Ngoại trưởng Áo và Na Uy bàn về an ninh năng lượng ở Bắc Âu"
    assert a.published == "2025-03-12T10:25" and a.meta["byline"] == "Hoàng Lam"
    assert a.body.startswith("Ngoại trưởng Áo Beate Meinl-Reisinger ngày 11.3")
    assert a.body.endswith("biến động của thị trường năm qua.")
    for junk in ("Chọn giọng đọc", "0:00", "Giá khí đốt châu Âu giảm", "Rotterdam", "Dòng sự kiện", "Tin tài trợ",
                 "Ưu đãi", "Bình luận", "Giấy phép", "Kinh tế thế giới"):
        assert junk not in a.body, junk
    assert len(a.sentences) == 5


def test_video_widget_inside_the_body_is_skipped(tmp_path: Path) -> None:
    text = PAGE.read_text(encoding="utf-8")
    widget = "Video đang xem\nTự động phát sau 5 giây\nDuration 02:15\nNhững con tàu chở khí hóa lỏng cập cảng Rotterdam\n"
    moved = text.replace(widget, "").replace("Ông Eide cho biết", widget + "Ông Eide cho biết")
    assert moved != text
    p = tmp_path / "moved.txt"
    p.write_text(moved, encoding="utf-8")
    (a,) = read_file(p)
    assert "Rotterdam" not in a.body and "Duration" not in a.body and len(a.sentences) == 5


def test_a_credit_line_in_capitals_after_a_caption_line() -> None:
    from kg.clean.page import clean_paragraphs

    body = "Hai bên nhất trí lập một nhóm công tác chung về năng lượng và sẽ gặp lại vào tháng 9."
    r = clean_paragraphs(["Ngoại trưởng Áo phát biểu tại Vienna ngày 4-6", "ẢNH: REUTERS", body])
    assert r.paragraphs == [body] and r.captions == ["Ngoại trưởng Áo phát biểu tại Vienna ngày 4-6", "ẢNH: REUTERS"]
    # flattened: "… ẢNH: REUTERS" with no separator before the marker
    t = tidy_flat(f"{LEAD} Ngoại trưởng Áo phát biểu tại Vienna ngày 4-6 ẢNH: REUTERS {MID}")
    assert t.text == f"{LEAD} {MID}" and t.captions == ["Ngoại trưởng Áo phát biểu tại Vienna ngày 4-6 ẢNH: REUTERS"]


def test_an_ad_phrase_that_opens_the_article_itself_is_kept(tmp_path: Path) -> None:
    long = " ".join(f"Câu {i}: đáp án gợi ý cho phần đọc hiểu của đề thi năm nay." for i in range(1, 40))
    flat = f"Thí sinh làm bài thi ở Hà Nội. Ảnh:Minh Khang. Tạp chí Tri Thức - Znews giới thiệu gợi ý đáp án. {long}"
    t = tidy_flat(flat)
    assert t.text.startswith("Tạp chí Tri Thức - Znews giới thiệu gợi ý đáp án.") and t.text.endswith(long[-40:])
    # and a row the crawler rules would empty is still read, as written
    p = tmp_path / "only.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Title", "Content"])
        w.writerow(["Ảnh đẹp", "Ngoại trưởng Áo phát biểu tại Vienna ngày 4-6 - Ảnh: REUTERS"])
    (a,) = read_file(p)
    assert a.body == "Ngoại trưởng Áo phát biểu tại Vienna ngày 4-6 - Ảnh: REUTERS"
