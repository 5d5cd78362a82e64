"""Events on sentences written for the test: types, arguments, blockers, merging, ids."""

from __future__ import annotations

from test_roles_support import make

from kg.extract.events import event_id

ACTORS = {
    "Mỹ": ("United_States", "Country"),
    "Pháp": ("France", "Country"),
    "Brazil": ("Brazil", "Country"),
    "Áo": ("Austria", "Country"),
    "Vienna": ("Vienna", "Place"),
    "Lyon": ("Lyon", "Place"),
    "kênh truyền hình TV5": ("TV5", "Organization"),
    "Pierre Dumas": ("Pierre_Dumas", "Person"),
    "Dumas": ("Pierre_Dumas", "Person"),
    "Lucas Silva": ("Lucas_Silva", "Person"),
    "Silva": ("Lucas_Silva", "Person"),
    "Anna Berg": ("Anna_Berg", "Person"),
}


def events(text: str, published: str | None = None):
    return make(text, ACTORS, published).events


def test_phone_call_with_coordinated_subject_and_date() -> None:
    got = events(
        "Tối qua, Tổng thống Pháp Pierre Dumas và người đồng cấp Brazil Lucas Silva đã có cuộc điện đàm kéo dài.",
        "2023-03-10",
    )
    assert len(got) == 1
    ev = got[0]
    assert (ev.type, ev.when, ev.where) == ("PhoneCall", "2023-03-09", None)
    assert set(ev.participants) == {"Pierre_Dumas", "Lucas_Silva"}
    assert ev.trigger == "điện đàm"


def test_place_prefers_the_city_over_the_country_in_brackets() -> None:
    got = events("Hội nghị thượng đỉnh Pháp - Brazil diễn ra tại Vienna (Áo) hôm 12/6.")
    assert [(e.type, e.where, e.when) for e in got] == [("Summit", "Vienna", "--06-12")]
    assert set(got[0].participants) >= {"France", "Brazil"}
    assert "Austria" not in got[0].participants  # it only locates the city


def test_interview_takes_the_outlet_and_the_speaker() -> None:
    got = events("Trả lời phỏng vấn kênh truyền hình TV5 hôm 2/2, ông Pierre Dumas cho biết Pháp sẽ tham gia.")
    assert [(e.type, e.when) for e in got] == [("Interview", "--02-02")]
    assert set(got[0].participants) == {"TV5", "Pierre_Dumas"}


def test_negated_proposed_and_hypothetical_events_are_skipped() -> None:
    assert events("Pháp chưa có kế hoạch tổ chức thêm cuộc đàm phán nào với Brazil.") == []
    assert events("Ông Silva kêu gọi Tổng thống Pháp Pierre Dumas tham dự hội nghị thượng đỉnh.") == []
    assert events("Nếu Pháp tấn công mạng Brazil, hậu quả sẽ rất lớn.") == []
    assert events("Quan hệ song phương giữa hai nước đang tốt đẹp.") == []


def test_same_event_mentioned_twice_is_one_event() -> None:
    text = (
        "Ông Dumas và ông Silva đã gặp nhau tại hội nghị thượng đỉnh ở Lyon ngày 4/7. "
        "Sau hội nghị thượng đỉnh, hai ông ra tuyên bố chung."
    )
    got = [e for e in events(text, "2024-07-10") if e.type == "Summit"]
    assert len(got) == 1
    assert (got[0].where, got[0].when) == ("Lyon", "2024-07-04")
    assert len(got[0].evidence) == 2


def test_different_sanctions_stay_apart() -> None:
    text = "Pháp đã trục xuất hai nhà ngoại giao Brazil. Tuần trước Mỹ trục xuất một nhà ngoại giao Pháp."
    got = [e for e in events(text) if e.type == "Sanction"]
    assert sorted(sorted(e.participants) for e in got) == [["Brazil", "France"], ["France", "United_States"]]


def test_event_id_is_stable_and_order_free() -> None:
    a = event_id("Summit", "2021-06-16", "Geneva", ["Joe_Biden", "Vladimir_Putin"])
    b = event_id("Summit", "2021-06-16", "Geneva", ["Vladimir_Putin", "Joe_Biden"])
    assert a == b
    assert a != event_id("Summit", "2021-06-17", "Geneva", ["Joe_Biden", "Vladimir_Putin"])
    text = "Ông Dumas và ông Silva đã có cuộc điện đàm."
    assert [e.id for e in events(text)] == [e.id for e in events(text)]


def test_names_that_contain_a_trigger_are_not_events() -> None:
    assert events("Anna Berg làm việc cho Ủy ban Tấn công Mạng Quốc gia.") == []


def test_visit_takes_its_destination_as_place() -> None:
    got = events("Tuần trước, chuyến thăm chính thức của ông Pierre Dumas tới Brazil đã kết thúc.")
    assert [(e.type, e.where) for e in got] == [("Visit", "Brazil")]
    assert got[0].participants == ["Pierre_Dumas"]


def test_another_interview_is_another_event() -> None:
    text = (
        "Trả lời phỏng vấn kênh truyền hình TV5 hôm 2/2, ông Pierre Dumas cho biết Pháp sẽ tham gia. "
        "Trong một cuộc phỏng vấn khác hôm 5/2, ông Dumas nói thêm rằng Pháp cần thời gian."
    )
    got = sorted((e.when, e.type) for e in events(text, "2024-02-06"))
    assert got == [("2024-02-02", "Interview"), ("2024-02-05", "Interview")]


def test_nouns_built_on_triggers_are_not_events() -> None:
    assert events("Pháp điều hai tàu ngầm tấn công tới vùng biển này.") == []
    assert events("Ông Dumas được xem là một nhà đàm phán cứng rắn.") == []
    assert events("Tên lửa mới có tầm tấn công 40 km.") == []
    assert events("Mọi chuyện bắt nguồn từ một bức thư.") == []


def test_the_same_act_by_two_actors_is_two_events() -> None:
    text = "Pháp đã trục xuất hai nhà ngoại giao Brazil. Đáp lại, Brazil cũng trục xuất các nhà ngoại giao."
    got = [e for e in events(text) if e.type == "Sanction"]
    assert sorted(e.participants[0] for e in got) == ["Brazil", "France"]


def test_meeting_a_named_counterpart() -> None:
    got = events("Hôm qua, ông Pierre Dumas đã gặp Tổng thống Brazil Lucas Silva tại Lyon.", "2022-09-02")
    assert [(e.type, e.where, e.when) for e in got] == [("Meeting", "Lyon", "2022-09-01")]
    # the country only qualifies the title of a named person: not a party of its own
    assert got[0].participants == ["Pierre_Dumas", "Lucas_Silva"]
    assert events("Hai bên sẽ sớm trở lại bàn đàm phán.") == []


def test_a_later_sentence_can_date_the_statement_above() -> None:
    text = (
        "“Chúng tôi sẵn sàng”, ông Pierre Dumas phát biểu với truyền thông Pháp. "
        "Trời hôm đó mưa to. "
        "Ông Dumas đưa ra bình luận trên vào ngày 3-4, nhưng báo chí đến nay mới đăng."
    )
    got = [e for e in events(text, "2023-04-10") if e.type == "Interview"]
    assert [(e.when, e.participants[0]) for e in got] == [("2023-04-03", "Pierre_Dumas")]


def test_attacking_players_are_not_attacks() -> None:
    # sport: "tấn công" qualifies a player or a style of play, nothing happened
    assert events("Những cầu thủ tấn công như Lucas Silva không thể hiện được nhiều trước hàng thủ của Pháp.") == []
    assert events("Lối chơi tấn công của Brazil khiến Pháp gặp khó.") == []
    got = events("Pháp tấn công Brazil hôm 3/5.", "2022-05-04")
    assert [e.type for e in got] == ["Attack"]  # the verb still is one
