"""Events that the clause before or around a trigger completes (own sentences):
visits told by verbs of travel, subjects set off by an apposition or standing in the
clause a "trước khi" clause hangs on, the date of an event held at another, dates
told by the event's own verb, conditional consequences, back-references."""

from __future__ import annotations

from test_events import ACTORS
from test_roles_support import make

MORE = dict(ACTORS, **{"Rio": ("Rio", "Place"), "Kursk": ("Kursk", "Place"), "Vinh Phát": ("Vinh_Phat", "Organization"),
                       "Bộ Quốc phòng Pháp": ("Ministry_of_Defence_of_France", "Organization")})


def events(text: str, published: str | None = None):
    return make(text, MORE, published).events


def _visits(text: str, published: str | None = None):
    return [(e.where, e.when, sorted(e.participants)) for e in events(text, published) if e.type == "Visit"]


def test_a_verb_of_travel_with_a_destination_is_a_visit() -> None:
    assert _visits("Ngày 3/5, phái đoàn Pháp đã bay đến Vienna để dự hội nghị.", "2025-05-04") == [
        ("Vienna", "2025-05-03", ["France"])
    ]
    assert _visits("Tổng thống Pierre Dumas đã có mặt tại Brazil vào ngày 7/5.", "2025-05-08") == [
        ("Brazil", "2025-05-07", ["Pierre_Dumas"])
    ]


def test_a_verb_of_travel_without_a_named_place_or_traveller_is_no_visit() -> None:
    assert _visits("Cảnh sát đã có mặt tại hiện trường sau vài phút.") == []
    assert _visits("Chuyến bay đến Vienna bị chậm ba giờ vì thời tiết xấu.") == []
    assert _visits("Ông Pierre Dumas đi thăm hỏi các gia đình bị nạn.") == []
    # a firm or a product "có mặt tại" a country is on sale there; people travel
    assert _visits("Công ty Vinh Phát đã có mặt tại Brazil từ năm 2008.") == []
    assert _visits("Hành khách của Pháp bay tới Brazil phải xét nghiệm.") == []
    # a person without an office in the article: a trip, not a state visit
    assert _visits("Ông Pierre Dumas đã bay đến Vienna để nghỉ dưỡng.") == []


def test_a_clause_of_time_acts_for_the_clause_it_hangs_on() -> None:
    assert _visits(
        "Tổng thống Pháp Pierre Dumas ngày 3/5 trả lời báo chí về thương mại, trước khi lên chuyên cơ đến Lyon.", "2025-05-04"
    ) == [("Lyon", "2025-05-03", ["Pierre_Dumas"])]


def test_a_subject_set_off_by_an_apposition_is_the_actor() -> None:
    got = _visits(
        "Nhóm quan chức Pháp, gồm Bộ trưởng Pierre Dumas và Thứ trưởng Anna Berg, đang có chuyến thăm tới Brazil."
    )
    assert got == [("Brazil", None, ["Anna_Berg", "Pierre_Dumas"])]
    got = events(
        "Người phát ngôn Pháp, ông Pierre Dumas, trong cuộc trả lời phỏng vấn với kênh truyền hình TV5, "
        "cho biết hai nước sẽ hợp tác."
    )
    assert [(e.type, sorted(e.participants)) for e in got] == [("Interview", ["Pierre_Dumas", "TV5"])]


def test_a_prepositional_phrase_before_the_comma_is_no_subject() -> None:
    got = _visits("Theo Bộ trưởng Lucas Silva, đã có chuyến thăm tới Brazil của phái đoàn Pháp.")
    assert got and all("Lucas_Silva" not in parts for _, _, parts in got)


def test_a_meeting_held_at_a_summit_takes_its_day() -> None:
    got = events(
        "Ông Pierre Dumas tới dự hội nghị thượng đỉnh Mỹ - Brazil tại Vienna ngày 12/6. "
        "Bên lề, ông Dumas đã gặp ông Silva tại hội nghị Mỹ - Brazil."
    )
    meetings = [e for e in got if e.type == "Meeting"]
    assert [(m.when, sorted(m.participants)) for m in meetings] == [("--06-12", ["Lucas_Silva", "Pierre_Dumas"])]


def test_the_events_own_verb_in_a_later_segment_dates_it() -> None:
    got = events(
        "Ông Pierre Dumas dự kiến gặp ông Lucas Silva, các bộ trưởng và các nhà lập pháp Brazil, "
        "bắt đầu từ ngày 19-11.",
        "2025-11-18",
    )
    assert [(e.type, e.when) for e in got] == [("Meeting", "2025-11-19")]


def test_the_consequence_of_a_condition_is_no_act() -> None:
    got = events("Nếu Brazil tấn công thì Pháp sẽ đáp trả bằng các đòn phản công vào Kursk.")
    assert [e for e in got if e.type == "Attack"] == []
    # the same counterattack told as done is one
    got = events("Tháng trước, Pháp mở cuộc phản công vào Kursk.")
    assert [(e.type, e.where, e.participants) for e in got] == [("Attack", "Kursk", ["France"])]


def test_a_back_reference_brings_only_its_own_arguments() -> None:
    got = events(
        "Ông Pierre Dumas có chuyến thăm tới Brazil hôm 3/5. Ông Lucas Silva đánh giá cao chuyến thăm này.",
        "2025-05-04",
    )
    visits = [e for e in got if e.type == "Visit"]
    assert len(visits) == 1 and len(visits[0].evidence) == 2
    assert visits[0].participants == ["Pierre_Dumas"]
    got = events(
        "Pháp có chuyến thăm tới Brazil hôm 3/5. Chuyến thăm này của ông Pierre Dumas kéo dài hai ngày.",
        "2025-05-04",
    )
    visits = [e for e in got if e.type == "Visit"]
    assert len(visits) == 1 and sorted(visits[0].participants) == ["France", "Pierre_Dumas"]


def test_a_counterattack_in_sport_is_no_attack() -> None:
    assert events("Đội tuyển Brazil phản công nhanh và ghi bàn ở phút cuối.") == []
    assert events("Lối chơi phòng ngự chặt và phản công sắc bén giúp Pháp thắng.") == []


def test_a_government_body_announcing_on_a_day_makes_a_statement() -> None:
    got = events("Ngày 23-5, Bộ Quốc phòng Pháp thông báo hai nước đã trao đổi tù binh.", "2025-05-24")
    assert [(e.type, e.when, e.participants) for e in got] == [("Statement", "2025-05-23", ["Ministry_of_Defence_of_France"])]
    # undated, or by a person or an outlet: a claim, not an event
    assert events("Bộ Quốc phòng Pháp thông báo hai nước đã trao đổi tù binh.") == []
    assert events("Ngày 23-5, ông Pierre Dumas thông báo hai nước đã trao đổi tù binh.", "2025-05-24") == []


def test_two_speakers_statements_on_one_day_stay_two() -> None:
    got = events(
        "Ngày 23-5, Bộ Quốc phòng Pháp thông báo hai nước đã trao đổi tù binh. "
        "Cùng ngày, ông Lucas Silva viết trên mạng xã hội X rằng Brazil hoan nghênh.",
        "2025-05-24",
    )
    st = sorted((e.participants[0], e.when) for e in got if e.type == "Statement")
    assert st == [("Lucas_Silva", "2025-05-23"), ("Ministry_of_Defence_of_France", "2025-05-23")]


def test_an_arrest_in_a_ward_or_commune_is_local_news_not_a_political_event() -> None:
    from kg.nlp import analyse
    from kg.pipeline import DEFAULT_PIPELINE, extract
    from test_entities import _analysed

    def arrests(sentence: str):
        found = extract(analyse(_analysed(sentence)), DEFAULT_PIPELINE)
        return [(e.where, sorted(e.participants)) for e in found.events if e.type == "Arrest"]

    assert arrests("Sau khi nhận tin báo, công an đã bắt giữ Lê Văn Điệp tại phường Bắc Sơn.") == []
    assert arrests("Công an huyện đã bắt giữ Trần Văn Tâm tại xã Lương Sơn vào tối qua.") == []
    # a city abroad still tells where a state's arrest happened
    assert arrests("Cảnh sát đã bắt giữ ông Ivan Petrov tại thành phố Kursk.") == [("Kursk", ["Ivan_Petrov"])]
