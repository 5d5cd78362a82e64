"""A pronoun standing for the speaker ("anh nói", "chị cho biết") is never resolved to a
person the text marks as of the other sex: by the form of address ("ông X", "chị Y"),
a describing word ("nữ ca sĩ Z") or the middle name of a Vietnamese name ("Nguyễn Thị
…", "Trần Văn …"). All sentences are written for the test; the real pipeline runs."""

from __future__ import annotations

from test_claims import _speakers


def test_anh_is_not_a_woman_named_before():
    got = _speakers("Người bán rau Nguyễn Thị Lan dọn hàng từ sáng sớm ở chợ.",
                    "“Giá rau đã tăng gấp đôi từ tháng trước”, anh nói.")
    assert "Nguyen_Thi_Lan" not in got


def test_chi_is_not_a_man_named_before():
    got = _speakers("Ông Trần Văn Hải mở quán cà phê này từ năm 2010.",
                    "Chị cho biết quán đông khách nhất vào cuối tuần.")
    assert "Tran_Van_Hai" not in got


def test_anh_is_not_a_nu_ca_si():
    got = _speakers("Nữ ca sĩ Mai Anh Thư vừa ra mắt album thứ ba.",
                    "“Album này kể về tuổi thơ của tôi ở miền biển”, anh chia sẻ.")
    assert "Mai_Anh_Thu" not in got


def test_a_pronoun_of_the_same_sex_keeps_its_speaker():
    got = _speakers("Bà Trần Thị Hoa bán rau ở chợ Bến Thành đã 20 năm.",
                    "“Giá rau đã tăng gấp đôi từ tháng trước”, bà nói.")
    assert got == {"Tran_Thi_Hoa"}


def test_anh_after_a_noun_is_britain_not_he():
    got = _speakers("Ông Karl Berg dẫn dắt câu lạc bộ từ năm 2023.",
                    "Truyền thông Anh cho rằng câu lạc bộ bắt đầu tìm kiếm huấn luyện viên mới.")
    assert "Karl_Berg" not in got
    got = _speakers("HLV Karl Berg dẫn dắt câu lạc bộ từ năm 2023.",
                    "Sau trận đấu, Anh cho rằng đội bóng cần thêm thời gian.")
    assert got == {"Karl_Berg"}


def test_a_relative_named_by_the_person_speaks_not_the_person():
    assert not _speakers("Mẹ Lưu Diệc Phi cho rằng con gái bà cần nghỉ ngơi nhiều hơn.")
    assert not _speakers("Gia đình ông Trần Văn Tâm tiếp tục đề nghị cho bảo lãnh tại ngoại.")
    assert "Nha_Phuong" not in _speakers("Phía công ty quản lý Nhã Phương cho rằng đạo diễn không nói rõ là ai.")
    # a compound ending in a relation word ("tuyên bố") is no relation
    assert "Putin" in _speakers("Ông Zelensky tuyên bố ông Putin đang cố đổ lỗi cho những người khác về thất bại.")


def test_anh_is_not_a_man_the_article_calls_ong():
    # the article keeps one form of address per person: "anh" is not "ông Karl Berg"
    got = _speakers("Anh Lucas Silva là hướng dẫn viên du lịch ở Hà Nội.",
                    "Ông Karl Berg là khách du lịch đến từ Đức.",
                    "“Người thân thường đến tặng quà cho gia đình”, anh giải thích.")
    assert got == {"Lucas_Silva"}
    got = _speakers("Võ sĩ Lucas Silva thắng trận chung kết.",
                    "Ông Karl Berg, huấn luyện viên của đối thủ, rất tức giận.",
                    "Anh thừa nhận rằng đã quá phấn khích khi ăn mừng chiến thắng.")
    assert "Karl_Berg" not in got
