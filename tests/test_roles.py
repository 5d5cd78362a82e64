"""Roles from title patterns, on sentences written for the test."""

from __future__ import annotations

from test_roles_support import make

from kg.extract.roles import dedupe_roles
from kg.model import Evidence, Role

ACTORS = {
    "Mỹ": ("United_States", "Country"),
    "Nga": ("Russia", "Country"),
    "Pháp": ("France", "Country"),
    "Brazil": ("Brazil", "Country"),
    "Nhà Trắng": ("White_House", "Organization"),
    "Bộ Ngoại giao Pháp": ("Ministry_of_Foreign_Affairs_of_France", "Organization"),
    "Liên hợp quốc": ("United_Nations", "Organization"),
    "Viện Nghiên cứu Chiến lược": ("Institute_of_Strategic_Studies", "Organization"),
    "Karen Olsen": ("Karen_Olsen", "Person"),
    "Olsen": ("Karen_Olsen", "Person"),
    "Pierre Dumas": ("Pierre_Dumas", "Person"),
    "Dumas": ("Pierre_Dumas", "Person"),
    "Lucas Silva": ("Lucas_Silva", "Person"),
    "Silva": ("Lucas_Silva", "Person"),
    "Ivan Petrov": ("Ivan_Petrov", "Person"),
    "Petrov": ("Ivan_Petrov", "Person"),
    "Anna Berg": ("Anna_Berg", "Person"),
    "Tom Hale": ("Tom_Hale", "Person"),
    "Maria Costa": ("Maria_Costa", "Person"),
}


def rows(text: str, published: str | None = None) -> set[tuple[str, str, str | None]]:
    x = make(text, ACTORS, published, run=("time", "roles"))
    return {(r.person, r.predicate, r.org) for r in x.roles}


def test_title_org_name() -> None:
    got = rows("Người phát ngôn Nhà Trắng Karen Olsen từ chối bình luận.")
    assert got == {("Karen_Olsen", "spokesperson_of", "White_House")}


def test_foreign_minister_and_minister_with_domain() -> None:
    got = rows("Ngoại trưởng Pháp Pierre Dumas và Bộ trưởng Quốc phòng Nga Ivan Petrov đã gặp nhau.")
    assert ("Pierre_Dumas", "foreign_minister_of", "France") in got
    assert ("Ivan_Petrov", "minister_of", "Russia") in got


def test_ambassador_of_and_to() -> None:
    got = rows("Đại sứ Brazil tại Nga Lucas Silva đã trình quốc thư.")
    assert got == {("Lucas_Silva", "ambassador_of", "Brazil"), ("Lucas_Silva", "ambassador_to", "Russia")}


def test_adviser_with_a_lowercase_domain() -> None:
    got = rows("Cố vấn an ninh quốc gia Mỹ Tom Hale sẽ tới châu Á.")
    assert got == {("Tom_Hale", "adviser_of", "United_States")}


def test_counterpart_takes_the_previous_title() -> None:
    got = rows("Tổng thống Pháp Pierre Dumas đã điện đàm với người đồng cấp Brazil Lucas Silva.")
    assert ("Lucas_Silva", "president_of", "Brazil") in got


def test_apposition_both_ways() -> None:
    got = rows("Ông Ivan Petrov, người phát ngôn của Bộ Ngoại giao Pháp, không trả lời.")
    assert got == {("Ivan_Petrov", "spokesperson_of", "Ministry_of_Foreign_Affairs_of_France")}
    got = rows("Ngoại trưởng Brazil, bà Maria Costa, đã tới Paris.")
    assert got == {("Maria_Costa", "foreign_minister_of", "Brazil")}


def test_bare_title_gives_no_org_and_coordinated_names_share_it() -> None:
    assert rows("Tổng thống Dumas phát biểu tại lễ kỷ niệm.") == {("Pierre_Dumas", "president_of", None)}
    got = rows("Hai Tổng thống Dumas và Silva đã ký văn kiện.")
    assert got == {("Pierre_Dumas", "president_of", None), ("Lucas_Silva", "president_of", None)}


def test_title_without_a_name_or_an_analyst_of_a_country_gives_nothing() -> None:
    assert rows("Người phát ngôn Nhà Trắng nói rằng cuộc họp đã kết thúc.") == set()
    assert rows("Chuyên gia quân sự Nga Anna Berg nhận định tình hình phức tạp.") == set()
    got = rows("Anna Berg, một nhà phân tích của Viện Nghiên cứu Chiến lược, nhận định như vậy.")
    assert got == {("Anna_Berg", "member_of", "Institute_of_Strategic_Studies")}


def test_null_org_row_dropped_when_the_article_names_the_org() -> None:
    text = "Ngoại trưởng Dumas tới Brasilia. Sau đó Ngoại trưởng Pháp Pierre Dumas gặp báo chí."
    assert rows(text) == {("Pierre_Dumas", "foreign_minister_of", "France")}


def test_dedupe_keeps_the_first_evidence() -> None:
    ev1 = Evidence("a", 0, 0, 5, "roles")
    ev2 = Evidence("a", 3, 50, 55, "roles")
    got = dedupe_roles(
        [
            Role("P", "president_of", "X", "Tổng thống X", ev1),
            Role("P", "president_of", "X", "Tổng thống X", ev2),
            Role("P", "president_of", None, "Tổng thống", ev2),
            Role("Q", "leader_of", None, "lãnh đạo", ev2),
        ]
    )
    assert [(r.person, r.org, r.evidence) for r in got] == [("P", "X", ev1), ("Q", None, ev2)]


def test_a_deputy_is_an_official() -> None:
    got = rows("Phó Tổng thư ký Liên hợp quốc Anna Berg đã tới Brazil.")
    assert got == {("Anna_Berg", "official_of", "United_Nations")}


def test_a_known_name_left_unmarked_after_a_title() -> None:
    from kg.extract.roles import find_roles
    from kg.model import Doc

    text = "Bà Karen Olsen có mặt. Người phát ngôn Nhà Trắng Karen Olsen từ chối bình luận."
    x = make(text, ACTORS, run=())
    second = text.rindex("Karen Olsen")
    x.mentions = [m for m in x.mentions if m.evidence.start != second]
    got = {(r.person, r.predicate, r.org) for r in find_roles(Doc(x.article, []), x)}
    assert got == {("Karen_Olsen", "spokesperson_of", "White_House")}


def test_a_brand_or_festival_ambassador_is_no_envoy() -> None:
    assert rows("Hoa hậu Anna Berg - đại sứ hình ảnh du lịch Pháp - sẽ tham gia chương trình.") == set()
    assert rows("Ca sĩ Maria Costa được chọn làm đại sứ thương hiệu của một hãng thời trang.") == set()
    assert rows("Diễn viên Tom Hale là Đại sứ Festival Hoa lan năm nay.") == set()
    # a state's ambassador is still one
    assert rows("Đại sứ Pháp Anna Berg đã trình quốc thư.") == {("Anna_Berg", "ambassador_of", "France")}
