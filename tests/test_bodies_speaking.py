"""Bodies that speak as themselves. An inspectorate ("Thanh tra Chính phủ", "Thanh tra Sở Y tế tỉnh X") is a body of its
own, not the department or government it inspects for; and publishing its conclusions
("công bố kết luận thanh tra …") names a document, not a reported clause. Sentences
written for the test; the real pipeline runs."""

from __future__ import annotations

from test_claims import _pipeline_claims


def test_an_inspectorate_speaks_as_itself():
    got = _pipeline_claims("Thanh tra Sở Y tế tỉnh Hòa Bình thừa nhận các vi phạm vẫn liên tục diễn ra tại nhiều cơ sở.")
    assert {sp for sp, _, _ in got} == {"Thanh_tra_So_Y_te_tinh_Hoa_Binh"}
    got = _pipeline_claims("Thanh tra tỉnh Quảng Nam đề nghị thu hồi hơn 2 tỉ đồng chi sai quy định.")
    assert {sp for sp, _, _ in got} == {"Thanh_tra_tinh_Quang_Nam"}


def test_publishing_a_conclusion_is_no_claim():
    assert not _pipeline_claims("Thanh tra Chính phủ đã công bố kết luận thanh tra các dự án chậm tiến độ tại tỉnh Hòa Bình.")
    got = _pipeline_claims("Thanh tra Chính phủ công bố rằng nhiều dự án đã chậm tiến độ hơn 5 năm.")
    assert {(sp, text) for sp, _, text in got} == {("Thanh_tra_Chinh_phu", "nhiều dự án đã chậm tiến độ hơn 5 năm")}


def test_a_board_speaks_for_its_company():
    """'ban lãnh đạo X', 'Ban Tổng giám đốc X': the board speaks for the company, not the
    one holder of a title the article names; 'lãnh đạo X' alone is still that holder."""
    first = "Ông Lê Văn Tư, chủ tịch Novaland, đã bán một phần cổ phiếu."
    got = _pipeline_claims(first, "Trả lời về việc này, ban lãnh đạo Novaland khẳng định không có bất kỳ cuộc tháo chạy nào.")
    assert {sp for sp, _, _ in got} == {"Novaland"}
    got = _pipeline_claims(first, "Trả lời về việc này, lãnh đạo Novaland khẳng định không có bất kỳ cuộc tháo chạy nào.")
    assert {sp for sp, _, _ in got} == {"Le_Van_Tu"}


def test_a_person_owning_the_subject_through_a_description_does_not_speak():
    """'học trò của nghệ sĩ X', 'đồng nghiệp của chị X': the students or colleagues speak,
    unnamed; 'tác giả chính của nghiên cứu X' is X, the author."""
    assert not _pipeline_claims("Tại buổi họp báo, nhiều học trò của nghệ sĩ Trần Văn Kiên cùng chia sẻ lòng biết ơn đối với người thầy.")
    got = _pipeline_claims("Tác giả chính của nghiên cứu James Weber khuyến nghị các nước cần hợp tác để giảm ô nhiễm không khí.")
    assert {sp for sp, _, _ in got} == {"James_Weber"}
