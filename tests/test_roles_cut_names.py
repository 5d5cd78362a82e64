"""Roles whose organisation the entity stage cut short, and "lãnh đạo X" naming a body.

Off-topic news prints long Vietnamese names of bodies with lower-case words inside them
("Trung tâm Nghiên cứu hạt nhân và năng lượng tái tạo"); when the entity stage keeps only
the capitalised head, the role keeps its title and leaves the wrong body out. "Lãnh đạo
X" (the leadership of X) names the body, not a holder. Sentences written for the test.
"""

from __future__ import annotations

from test_roles import ACTORS
from test_roles_support import make

MORE = {
    **ACTORS,
    "Trung tâm Nghiên cứu": ("Research_Centre", "Organization"),
    "Tập đoàn Phát triển": ("Development_Group", "Organization"),
    "Acme": ("Acme", "Person"),  # an organisation the entity stage typed as a person
}


def rows(text: str) -> set[tuple[str, str, str | None]]:
    x = make(text, MORE, None, run=("time", "roles"))
    return {(r.person, r.predicate, r.org) for r in x.roles}


def test_an_organisation_name_cut_short_is_left_out() -> None:
    got = rows("Ông Pierre Dumas - giám đốc Trung tâm Nghiên cứu hạt nhân và năng lượng tái tạo - cho biết dự án sẽ kéo dài.")
    assert got == {("Pierre_Dumas", "leader_of", None)}
    # lower-case words running on to a capital: "chủ tịch" of a firm, not a head of state
    got = rows("Ông Lucas Silva - chủ tịch Tập đoàn Phát triển đô thị Kim Long, đã đến thăm công trường.")
    assert got == {("Lucas_Silva", "leader_of", None)}


def test_a_whole_name_keeps_its_organisation() -> None:
    assert rows("Ông Pierre Dumas, giám đốc Trung tâm Nghiên cứu cho biết dự án sẽ kéo dài.") == {
        ("Pierre_Dumas", "leader_of", "Research_Centre")
    }
    # a time or "cũ" after the name is not part of it
    assert rows("Ông Tom Hale (giám đốc Viện Nghiên cứu Chiến lược cũ) giữ chức vụ cố vấn.") >= {
        ("Tom_Hale", "leader_of", "Institute_of_Strategic_Studies")
    }


def test_the_leadership_of_a_body_is_not_a_person() -> None:
    assert rows("Lãnh đạo Acme xác nhận mẫu xe mới sẽ ra mắt vào tháng sau.") == set()
    assert rows("Theo tài liệu, ban lãnh đạo Acme xác định may mặc vẫn là ngành chính.") == set()
    # the holder in apposition, and a holder named after the body, still are
    assert rows("Ông Tom Hale, lãnh đạo lực lượng cứu hộ địa phương, cho biết nước đang rút.") == {("Tom_Hale", "leader_of", None)}
    assert rows("Lãnh đạo Nga Ivan Petrov đã tới Paris.") == {("Ivan_Petrov", "leader_of", "Russia")}


def test_a_governor_of_a_state_heads_no_country() -> None:
    assert rows("Thống đốc bang Nam Pháp Anna Berg đã tới Brazil.") == {("Anna_Berg", "leader_of", None)}


def test_an_assistant_needs_whose_office_it_serves() -> None:
    # a coach's or a private assistant is no adviser of a state
    assert rows("HLV Lucas Silva ủy quyền cho trợ lý Tom Hale dự họp báo.") == set()
    assert rows("Được trợ lý HLV Tom Hale khen ngợi, tiền vệ này tỏa sáng.") == set()
    # "trợ lý tổng thống Nga X" is an adviser of Russia
    assert ("Ivan_Petrov", "adviser_of", "Russia") in rows("Trợ lý tổng thống Nga Ivan Petrov cho biết hai bên sẽ gặp nhau.")


def test_a_name_cut_before_words_tagged_as_verbs_is_left_out_in_an_apposition() -> None:
    """The tagger reads some lower-case words of a long name as verbs ("hạt nhân",
    "lừa đảo"); inside an apposition closed by a dash or comma no clause verb can stand
    there, so the name was cut and the role keeps only its title."""
    from test_roles_former import _extract

    def roles_of(text: str) -> set[tuple[str, str, str | None]]:
        return {(r.person, r.predicate, r.org) for r in _extract(text).roles}

    got = roles_of("Ông Trần Văn Hai - giám đốc Trung tâm Y học hạt nhân và điều trị ung bướu - cho biết bệnh nhân cần được chăm sóc sớm.")
    assert got == {("Tran_Van_Hai", "leader_of", None)}
    got = roles_of("Ông Lê Văn Sáu, giám đốc Công ty Hoàng Long, cho biết công ty sẽ mở thêm hai nhà máy trong năm tới.")
    assert any(p == "Le_Van_Sau" and o for p, _, o in got)


def test_the_head_of_a_states_body_serves_the_state_and_does_not_lead_it() -> None:
    got = rows("Hôm qua, ông Pierre Dumas, người đứng đầu quân đội Brazil, cho biết binh sĩ đã rút về.")
    assert got == {("Pierre_Dumas", "official_of", "Brazil")}
    got = rows("Ông Lucas Silva - Tổng giám đốc Đường sắt Pháp - cho biết các chuyến tàu sẽ chạy lại.")
    assert got == {("Lucas_Silva", "official_of", "France")}


def test_a_chief_of_staff_heads_an_office_not_the_body_it_serves() -> None:
    actors = {**MORE, "Trường đại học Lyon": ("Lyon_University", "Organization"),
              "Văn phòng Bộ Ngoại giao Pháp": ("Office_of_the_MFA_of_France", "Organization")}
    got = {(r.person, r.predicate, r.org) for r in make(
        "Ông Pierre Dumas - Chánh văn phòng Trường đại học Lyon - cho biết trường sẽ tuyển thêm giảng viên.",
        actors, None, run=("time", "roles")).roles}
    assert got == {("Pierre_Dumas", "official_of", "Lyon_University")}
    got = {(r.person, r.predicate, r.org) for r in make(
        "Ông Lucas Silva - chánh Văn phòng Bộ Ngoại giao Pháp - cho biết lịch làm việc đã được công bố.",
        actors, None, run=("time", "roles")).roles}
    assert got == {("Lucas_Silva", "leader_of", "Office_of_the_MFA_of_France")}
