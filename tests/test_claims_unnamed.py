"""Countries as speakers, and titles that name nobody. "Nhật Bản" ends in the word "Bản"
and is still a subject; "…, phía Nhật Bản khẳng định …" starts a second claim that ends
the first one's content; a title with no name ("Bộ trưởng Nông nghiệp Nhật Bản cho biết")
is its holder when the article names one, else an unnamed speaker, never the country
(../shared/gold/FORMAT.md: unnamed speakers are skipped). Sentences written for the test."""

from __future__ import annotations

from test_claims import _pipeline_claims, _speakers


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


def test_a_country_inside_a_subject_headed_by_a_common_noun_does_not_speak():
    assert not _speakers("Nhà cầm quân Italy tiết lộ đội tuyển sẽ dùng đội hình trẻ ở trận tới.")
    assert "United_States" not in _speakers("Tòa án tối cao Mỹ đã khẳng định quyền tự do ngôn luận của báo chí.")
    assert not _speakers("Ngành du lịch Việt Nam kỳ vọng đón thêm hai triệu khách quốc tế trong năm nay.")


def test_a_country_with_its_own_actor_head_or_after_a_time_word_speaks():
    assert _speakers("Giới chức Philippines đã yêu cầu hàng nghìn người sơ tán khỏi vùng bão.") == {"Philippines"}
    assert _speakers("Thay vào đó, giới chức Ukraine yêu cầu Matxcơva tiến hành lệnh ngừng bắn vô điều kiện.") == {"Ukraine"}
    assert _speakers("Lúc đó Mỹ tuyên bố sẽ rút khỏi hiệp định.") == {"United_States"}
    assert "Moscow" in _speakers(
        "Trong nhiều tháng qua, ông Putin và giới chức Matxcơva đã nhấn mạnh điều kiện kết thúc chiến tranh là "
        "rút quân khỏi các vùng tranh chấp."
    )


def test_a_former_title_without_a_name_is_its_holder():
    got = _speakers(
        "Cựu Tổng thống Lucas Silva nói rằng ông luôn muốn cải thiện quan hệ với các nước láng giềng.",
        "“Tôi có quan hệ tốt với mọi nhà lãnh đạo trong khu vực”, cựu Tổng thống Brazil cho biết.",
    )
    assert got == {"Lucas_Silva"}


def test_a_forecast_raised_or_kept_is_an_object_not_a_report():
    assert not _pipeline_claims("Tổ chức Thương mại thế giới vừa hạ mạnh dự báo tăng trưởng thương mại toàn cầu năm nay.")
    assert not _pipeline_claims("Ngân hàng Thế giới tiếp tục giữ nguyên dự báo tăng trưởng của Brazil ở mức 2,5%.")
    assert _speakers("Ngân hàng Thế giới dự báo kinh tế Brazil sẽ tăng 2,5% trong năm nay.") == {"World_Bank"}
    # a name ending in the syllable of such a verb is still a subject
    assert _speakers("Ông Tạ Văn Hạ cho rằng việc sửa luật là cần thiết.") == {"Ta_Van_Ha"}


def test_doi_hoi_requires_and_reports_nothing():
    assert not _pipeline_claims("Bà Lena Holm cho biết công việc này không đơn giản, đòi hỏi sự kiên nhẫn và tỉ mỉ.") - {
        ("Lena_Holm", "cho biết", "công việc này không đơn giản, đòi hỏi sự kiên nhẫn và tỉ mỉ")}


def test_bo_sung_them_is_one_cue_and_its_content_follows_the_colon():
    got = _pipeline_claims('Ông Lucas Silva bổ sung thêm: "Chúng tôi phải xem sản phẩm có chỗ đứng trên thị trường hay không".')
    assert got == {("Lucas_Silva", "bổ sung thêm", "Chúng tôi phải xem sản phẩm có chỗ đứng trên thị trường hay không")}


def test_a_surname_after_a_preposition_is_its_object_not_the_speaker():
    got = _speakers("Ông Trần Văn Khánh là chủ xưởng may.",
                    "Do đó ông Nam gọi điện thoại cho ông Khánh nhắc nhở mọi người trong xưởng hát nhỏ lại.")
    assert "Tran_Van_Khanh" not in got
    got = _speakers("Ông Trần Văn Khánh là chủ xưởng may.", "Ông Khánh nhắc nhở mọi người trong xưởng hát nhỏ lại.")
    assert got == {"Tran_Van_Khanh"}
