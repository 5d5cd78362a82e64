"""Countries as speakers, and titles that name nobody. "Nhật Bản" ends in the word "Bản"
and is still a subject; "…, phía Nhật Bản khẳng định …" starts a second claim that ends
the first one's content; a title with no name ("Bộ trưởng Nông nghiệp Nhật Bản cho biết")
is its holder when the article names one, else an unnamed speaker, never the country
(../shared/gold/FORMAT.md: unnamed speakers are skipped). Sentences written for the test."""

from __future__ import annotations

from test_claims import _pipeline_claims


def test_nhat_ban_is_a_subject_not_the_noun_ban():
    got = _pipeline_claims("Nhật Bản khẳng định các cuộc đàm phán sẽ tiếp tục vào tuần tới.")
    assert got == {("Japan", "khẳng định", "các cuộc đàm phán sẽ tiếp tục vào tuần tới")}


def test_phia_x_after_a_comma_starts_a_second_claim():
    got = _pipeline_claims(
        "Liên minh châu Âu cho rằng số lượng cá ngừ đã giảm mạnh, phía Nhật Bản khẳng định quần thể cá đã phục hồi."
    )
    assert got == {
        ("European_Union", "cho rằng", "số lượng cá ngừ đã giảm mạnh"),
        ("Japan", "khẳng định", "quần thể cá đã phục hồi"),
    }


def test_a_title_without_a_name_is_not_the_country():
    assert not _pipeline_claims(
        "Ngày 3-6, Bộ trưởng Nông nghiệp Nhật Bản cho biết chính phủ sẵn sàng bán thêm gạo dự trữ."
    )
    got = _pipeline_claims(
        "Bộ trưởng Nông nghiệp Nhật Bản Taro Suzuki đến thăm một kho gạo ở Osaka.",
        "Bộ trưởng Nông nghiệp Nhật Bản cho biết chính phủ sẵn sàng bán thêm gạo dự trữ.",
    )
    assert {sp for sp, _, _ in got} == {"Taro_Suzuki"}
