"""Where a report starts and ends. A cue inside a temporal clause ("Sau khi X công bố Y, <main clause>") reports only up
to the comma that ends that clause; the main clause after it is no part of what was said.
Sentences written for the test; the real pipeline runs."""

from __future__ import annotations

from test_claims import _pipeline_claims


def _texts(*sentences: str) -> set[tuple[str, str]]:
    return {(sp, text) for sp, _, text in _pipeline_claims(*sentences)}


def test_a_report_in_a_temporal_clause_ends_at_its_comma():
    assert _texts("Kể từ khi Trường Đại học Hòa Bình thông báo bỏ xét tuyển khối C00 rồi xét tuyển trở lại, "
                  "nhiều học sinh lớp 12 trải qua đủ cảm xúc.") == {
        ("Truong_Dai_hoc_Hoa_Binh", "bỏ xét tuyển khối C00 rồi xét tuyển trở lại")}
    assert _texts("Sau khi ông Lê Văn Tư cho biết công ty sẽ mở thêm hai nhà máy, cổ phiếu của công ty tăng mạnh.") == {
        ("Le_Van_Tu", "công ty sẽ mở thêm hai nhà máy")}


def test_what_was_published_in_a_temporal_clause_is_no_claim():
    assert not _texts("Sau khi Bộ Y tế công bố danh sách các bệnh viện tuyến cuối, nhiều người đặt câu hỏi về tiêu chí.")


def test_a_main_clause_report_keeps_its_comma():
    assert _texts("Khi ấy ông Lê Văn Tư cho biết công ty sẽ mở thêm hai nhà máy, dù thị trường còn khó khăn.") == {
        ("Le_Van_Tu", "công ty sẽ mở thêm hai nhà máy, dù thị trường còn khó khăn")}


def test_a_word_extending_the_cue_before_its_colon_is_not_content():
    """'chia sẻ thêm: “…”', 'giải thích thêm: …': "thêm" belongs to the cue, not to what
    was said; without the colon or "rằng" it is left where it is."""
    assert _texts('Ông Lê Văn Tư chia sẻ thêm: "Chúng tôi chỉ chọn loại ngon nhất để dự thi các vòng cao hơn".') == {
        ("Le_Van_Tu", "Chúng tôi chỉ chọn loại ngon nhất để dự thi các vòng cao hơn")}


def test_sharing_a_view_without_saying_it_is_no_claim():
    """'chia sẻ góc nhìn/cảm nhận về X' names the topic of what was shared, not what was
    said; 'chia sẻ rằng …' still reports it."""
    assert not _texts("Anh Lê Văn Tư chia sẻ cảm nhận về chiếc xe điện mới mua của mình.")
    assert _texts("Anh Lê Văn Tư chia sẻ rằng chiếc xe điện mới chạy êm hơn xe cũ.") == {
        ("Le_Van_Tu", "chiếc xe điện mới chạy êm hơn xe cũ")}


def test_a_cue_naming_a_filed_document_is_no_report():
    """'có đơn tố cáo', 'làm đơn tố cáo': the kind of a filed petition, not a report of
    what was alleged; the verb 'tố cáo' with a clause still is one."""
    assert not _texts("Cơ quan điều tra xác định việc ông Lê Văn Tư có đơn tố cáo giúp làm rõ hành vi đưa hối lộ.")
    assert _texts("Ông Lê Văn Tư tố cáo công ty đã lừa đảo hàng trăm khách hàng.") == {
        ("Le_Van_Tu", "công ty đã lừa đảo hàng trăm khách hàng")}


def test_a_report_never_opens_with_ma():
    """'… chỉ trích mà anh phải đối mặt': 'mà' opens a relative clause about the noun
    before, not what was said."""
    got = _texts("Ông Lê Văn Tư cho rằng phản ứng của Whittaker là điều dễ hiểu, đặc biệt sau những áp lực và "
                 "chỉ trích mà anh phải đối mặt sau trận hòa đầu tiên.")
    assert not any(text.startswith("mà") for _, text in got)
