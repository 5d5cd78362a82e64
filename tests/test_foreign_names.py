"""Foreign names the entity stage misread. A regnal number is part of a person's name, not an acronym that makes it an
organisation: "Giáo hoàng Leo XIV", "Vua Charles III" (274 "Leo XIV" in the 2025
corpus alone). Sentences written for the test; the real pipeline runs."""

from __future__ import annotations

from test_roles_former import _extract


def _types(text: str) -> dict[str, str]:
    return {m.text: m.type for m in _extract(text).mentions}


def test_a_pope_or_king_with_a_regnal_number_is_a_person():
    assert _types("Giáo hoàng Leo XIV cho biết ngài sẽ đến thăm Lebanon vào cuối năm nay.")["Leo XIV"] == "Person"
    assert _types("Vua Charles III cho biết ông sẽ đến thăm Canada vào tháng tới.")["Charles III"] == "Person"


def test_a_name_ending_in_a_real_acronym_after_a_title_is_still_an_organisation():
    assert _types("Chủ tịch Hải Phòng FC cho biết đội sẽ mua thêm hai cầu thủ.").get("Hải Phòng FC") != "Person"


def test_a_country_after_x_of_ends_a_foreign_name():
    """'Times of India', 'Bank of China': the country in its English name after 'X of'
    ends an organisation's name; the country in Vietnamese text is left alone."""
    types = _types("Theo báo Times of India, ông được xếp ngồi gần phía trước trong phòng tiệc.")
    assert types.get("Times of India") == "Organization" and "India" not in types
    types = _types("Tổng thống Ukraine Volodymyr Zelensky cho biết Ukraine sẽ không nhượng bộ.")
    assert types.get("Ukraine") == "Country" and types.get("Volodymyr Zelensky") == "Person"


def test_a_building_named_after_a_person_is_no_person():
    """'Trump Tower', 'Vincom Plaza': a building is not an actor, so 'Tổng thống Trump' in
    the same article is not linked to it."""
    types = _types("Chính phủ phải chi thêm tiền để dựng lều kiểm tra an ninh quanh Trump Tower - nơi tổng thống nghỉ lại.")
    assert types.get("Trump Tower") != "Person"


def test_a_function_word_glued_to_a_name_is_cut_when_the_name_is_printed_whole():
    """A crawler's dropped space ("Volodymyr Zelenskycho biết") leaves "cho" on the name;
    the article prints "Zelensky" elsewhere, so the name is cut back. "Sancho" is a name."""
    x = _extract("Tổng thống Ukraine Volodymyr Zelensky đến Washington hôm qua.",
                 '"Đây là thời điểm khó khăn nhất", Volodymyr Zelenskycho biết.')
    assert not any(m.text.endswith("Zelenskycho") for m in x.mentions)
    assert _types("Cầu thủ Jadon Sancho cho biết anh sẽ ở lại đội bóng thêm một mùa.").get("Jadon Sancho") == "Person"
