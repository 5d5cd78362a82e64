"""A city or province speaks only as the subject of its own clause ("Đà Nẵng đề nghị",
"Chính quyền Seoul cảnh báo"). Where it ends the name of an office, a utility or a road,
or says where a source sits, the office speaks, unnamed, and no claim is given to the
place. All sentences are written for the test; the real pipeline runs."""

from __future__ import annotations

from test_claims import _speakers


def test_a_place_ending_an_office_name_does_not_speak():
    assert not _speakers("Ngành nước TP.HCM khuyến cáo người dân trữ nước sạch trong ba ngày tới.")
    assert not _speakers("Thuế cơ sở 2 TP.HCM cho biết đã thu hồi hơn 30 tỉ đồng tiền thuế nợ trong quý đầu năm.")
    assert not _speakers("Cơ quan CSĐT Công an tỉnh Bà Rịa - Vũng Tàu cho biết đã bắt giữ hai nghi phạm.")
    assert not _speakers("Văn phòng UBND quận Hoàng Mai, Hà Nội cho biết việc sửa chữa trường sẽ xong trong tháng 9.")


def test_a_place_opening_its_clause_speaks():
    assert _speakers("Bên cạnh đó, Đà Nẵng cũng đề nghị Bộ Giao thông vận tải sớm phê duyệt dự án.") == {"Da_Nang"}
    assert _speakers("Trước tầm quan trọng của sự kiện, Hà Nội đề nghị các sở ngành phối hợp chặt chẽ.") == {"Hanoi"}
    assert _speakers("Chính quyền Seoul cảnh báo việc tiếp xúc lâu dài với hóa chất có thể gây hại cho trẻ em.") == {"Seoul"}


def test_theo_a_common_noun_of_a_place_cites_nobody():
    assert not _speakers("Theo dữ liệu từ phòng đăng ký kinh doanh Hà Nội, công ty được thành lập năm 2018 với vốn 5 tỉ đồng.")
    assert _speakers("Theo phía Washington, các cuộc đàm phán với Brazil đã đạt tiến triển bước đầu.") == {"Washington"}
