""""Theo <person>, <title or unit>, <clause>": the apposition describing the source is not
part of what was said, also when the title has a modifier ("quyền giám đốc …") or the
unit's name has words tagged as verbs ("ban tổ chức cán bộ", "phòng quản lý đào tạo").
Sentences written for the test; the real pipeline runs."""

from __future__ import annotations

from test_claims import _pipeline_claims


def _texts(*sentences: str) -> set[str]:
    return {text for _, _, text in _pipeline_claims(*sentences)}


def test_a_modified_title_in_apposition_is_not_content():
    assert _texts("Theo bà Lê Thị Năm, quyền giám đốc Sở Y tế tỉnh Hòa Bình, bệnh viện tỉnh đã quá tải từ nhiều năm nay.") == {
        "bệnh viện tỉnh đã quá tải từ nhiều năm nay"}


def test_a_unit_named_by_a_verb_in_apposition_is_not_content():
    assert _texts("Theo ThS Trần Thị Hoa, phó trưởng ban tổ chức cán bộ Đại học Quốc gia Hà Nội, trường sẽ tuyển thêm 16 giáo sư.") == {
        "trường sẽ tuyển thêm 16 giáo sư"}
    assert _texts("Theo ông Lê Văn Tư, trưởng phòng quản lý đào tạo, sinh viên năm nay đông hơn năm ngoái.") == {
        "sinh viên năm nay đông hơn năm ngoái"}


def test_a_clause_after_the_source_is_kept_whole():
    assert _texts("Theo bà Lê Thị Năm, phòng khám đã quá tải từ nhiều năm nay.") == {"phòng khám đã quá tải từ nhiều năm nay"}
