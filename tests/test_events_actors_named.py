"""Events name who takes part: an event whose sentence names no actor of it is no fact.

Off-topic news tells press conferences, posts and votes without saying who held them
("trong buổi họp báo ngày 3/5, …", "clip chia sẻ trên mạng xã hội"); such an event says
nothing about any actor and is dropped, except a strike told by its place. The actor of a
press conference opened by a subjectless clause ("Trả lời câu hỏi của báo X tại buổi họp
báo, ông Y cho biết") and of a visit "của phái đoàn X" is read from the grammar. The
sentences are written for these tests.
"""

from __future__ import annotations

from test_events_offtopic import MORE
from test_roles_support import make


def events(text: str, published: str | None = "2024-05-10"):
    return make(text, MORE, published).events


def test_an_event_nobody_named_takes_part_in_is_no_fact() -> None:
    assert events("Trong buổi họp báo ngày 3/5, tin nhắn được công bố cho thấy hai người đã chia tay.") == []
    assert events("Việc bỏ phiếu bắt đầu từ ngày 3/5 và kết thúc vào ngày 10/5.") == []
    assert events("Đoạn clip chia sẻ trên mạng xã hội hôm 3/5 cho thấy cảnh hỗn loạn ở Lyon.") == []
    assert events("Trong chuyến thăm ngày 3/5, đoàn đã trao quà cho học sinh.") == []


def test_a_strike_told_by_its_place_stays() -> None:
    got = events("Hôm 3/5 đã xảy ra một vụ tấn công bằng tên lửa tại Lyon.")
    assert [(e.type, e.where, e.participants) for e in got] == [("Attack", "Lyon", [])]


def test_the_speaker_after_a_leading_clause_holds_the_press_conference() -> None:
    got = events("Trả lời câu hỏi của kênh truyền hình TV5 tại buổi họp báo ngày 3/5, ông Pierre Dumas cho biết Pháp sẽ tham gia.")
    assert [(e.type, e.participants) for e in got] == [("PressConference", ["Pierre_Dumas"])]
    # a leading source is no actor either
    got = events("Theo kênh truyền hình TV5, ngay sau khi nhậm chức ngày 3/5, Tổng thống Brazil Lucas Silva đã ký sắc lệnh.")
    assert [(e.type, e.participants) for e in got] == [("Inauguration", ["Lucas_Silva"])]


def test_a_leading_clause_does_not_give_its_subject_to_an_act_inside_it() -> None:
    # "công dân bị trục xuất" is inside the object of "trả lời câu hỏi về"; the spokesman expels nobody
    got = events("Trả lời câu hỏi về các công dân bị trục xuất nhà ngoại giao, ông Pierre Dumas cho biết Pháp sẽ tham gia.")
    assert all("Pierre_Dumas" not in e.participants for e in got if e.type == "Sanction")


def test_who_visits_may_follow_the_destination() -> None:
    got = events("Hôm 3/5, đã có chuyến thăm tới Brazil của phái đoàn Pháp.")
    assert [(e.type, e.where, e.participants) for e in got] == [("Visit", "Brazil", ["France"])]
    # "của" after a capital names whose capital it is
    got = events("Ông Pierre Dumas có chuyến thăm tới thủ đô Vienna của Áo hôm 3/5.")
    assert [(e.type, e.where, e.participants) for e in got] == [("Visit", "Vienna", ["Pierre_Dumas"])]


NAMED = {**MORE, "Liên hợp quốc": ("United_Nations", "Organization"), "G20": ("G20", "Organization"), "Đài TV5": ("TV5", "Organization")}


def named(text: str):
    return make(text, NAMED, "2024-05-10").events


def test_a_body_in_the_name_of_a_conference_is_no_party() -> None:
    got = named("Tổng thống Pierre Dumas đã tham dự Hội nghị Đại dương Liên hợp quốc lần thứ 3 tại Vienna hôm 3/5.")
    assert all("United_Nations" not in e.participants for e in got)
    # the group that meets, and an interview's outlet, are parties
    got = named("Tổng thống Pierre Dumas đã tham dự Hội nghị thượng đỉnh G20 tại Vienna hôm 3/5.")
    assert [(e.type, sorted(e.participants)) for e in got] == [("Summit", ["G20", "Pierre_Dumas"])]
    got = named("Trả lời phỏng vấn Đài TV5 hôm 3/5, ông Pierre Dumas cho biết Pháp sẽ tham gia.")
    assert [(e.type, sorted(e.participants)) for e in got] == [("Interview", ["Pierre_Dumas", "TV5"])]


def test_registering_a_marriage_is_no_agreement() -> None:
    assert named("Ca sĩ Anna Berg và ông Marc Weber đã đăng ký kết hôn tại Lyon hôm 3/5.") == []


def test_a_woman_of_a_nationality_does_not_bring_her_state_in() -> None:
    assert named("Một người phụ nữ Đức bị bắt tại Lyon hôm 3/5 vì đột nhập nhà ca sĩ Anna Berg.") == []


def test_the_body_of_a_speakers_title_is_no_second_party() -> None:
    actors = {**NAMED, "Ủy ban Lyon": ("Lyon_Committee", "Organization")}
    text = "Văn phòng thành phố vừa ban hành thông báo về kết luận của Phó chủ tịch Ủy ban Lyon Marc Weber tại hội nghị làm việc với các sở."
    assert [e.type for e in make(text, actors, "2024-05-10").events] == []  # one side: no meeting
    text = "Chủ tịch Ủy ban Lyon Marc Weber và Tổng thống Pierre Dumas đã có cuộc điện đàm hôm 3/5."
    got = make(text, actors, "2024-05-10").events
    assert [(e.type, sorted(e.participants)) for e in got] == [("PhoneCall", ["Marc_Weber", "Pierre_Dumas"])]


def test_an_agreement_nearly_reached_or_being_negotiated_is_none() -> None:
    got = named("Ông Pierre Dumas cho biết ông đã gần như đạt được một thỏa thuận với Brazil hôm 3/5.")
    assert [e.type for e in got if e.type == "Agreement"] == []
    got = named("Hôm 3/5, Pháp đã đàm phán với Brazil về thỏa thuận thương mại song phương.")
    assert [e.type for e in got if e.type == "Agreement"] == []


def test_signing_an_agreement_is_one_act_and_private_deals_are_none() -> None:
    got = named("Hôm 3/5, Pháp đã ký kết một thỏa thuận với Brazil về năng lượng.")
    assert [(e.type, sorted(e.participants)) for e in got] == [("Agreement", ["Brazil", "France"])]
    assert named("Hôm 3/5, vợ chồng bà Anna Berg thỏa thuận bán nhà cho ông Marc Weber.") == []
    assert named("Trong thỏa thuận ly hôn giữa ông Marc Weber và bà Anna Berg hôm 3/5, hai bên chia đôi tài sản.") == []


def test_a_platform_or_a_relative_is_no_party() -> None:
    actors = {**NAMED, "TikTok": ("TikTok", "Organization"), "Facebook": ("Facebook", "Organization")}
    got = make("Trong video đăng trên TikTok và Facebook hôm 3/5, bà Anna Berg cho biết sẽ giải nghệ.", actors, "2024-05-10").events
    assert [(e.type, e.participants) for e in got] == [("Statement", ["Anna_Berg"])]
    got = named("Hôm 3/5, hai cô con gái của ông Marc Weber chia sẻ với báo giới rằng họ sẽ về nước.")
    assert all("Marc_Weber" not in e.participants for e in got)


def test_a_bargaining_tool_is_no_negotiation() -> None:
    assert named("Hôm 3/5, Pháp dùng thuế quan như công cụ đàm phán với Brazil.") == []
    got = named("Hôm 3/5, Pháp đã đàm phán với Brazil về thuế quan.")
    assert [(e.type, sorted(e.participants)) for e in got] == [("Negotiation", ["Brazil", "France"])]


def test_the_states_visited_are_destinations_not_parties() -> None:
    got = named("Hôm 3/5, Tổng thống Pierre Dumas thăm chính thức Brazil và Đức.")
    assert [(e.type, e.participants) for e in got] == [("Visit", ["Pierre_Dumas"])]


def test_a_visit_needs_an_office_holder_or_a_state() -> None:
    # a guide taking a tourist to a friend's house, a footballer calling on a family
    assert events("Anh Lucas Silva dẫn vị khách tới thăm nhà người quen ở Lyon vào ngày 3/5.") == []
    got = events("Ngày 3/5, Bộ trưởng Ngoại giao Pháp Pierre Dumas đến thăm Hà Nội.")
    assert [(e.type, e.participants) for e in got] == [("Visit", ["Pierre_Dumas"])]


def test_a_company_negotiating_or_signing_alone_is_no_event() -> None:
    actors = {**NAMED, "Hãng Alpina": ("Alpina", "Organization"), "Tập đoàn Borel": ("Borel", "Organization")}
    # one company's business: no state, no second party
    assert make("Đây là mức giá tốt nhất mà Hãng Alpina đàm phán được trong năm nay.", actors, "2024-05-10").events == []
    assert make("Hôm 3/5, Tập đoàn Borel đã ký kết biên bản ghi nhớ về đào tạo kỹ sư.", actors, "2024-05-10").events == []
    # a state may stand alone (its counterpart left to the context); two companies make a deal
    got = make("Hôm 3/5, Pháp đã tiến hành vòng đàm phán thương mại đầu tiên tại Lyon.", actors, "2024-05-10").events
    assert [(e.type, e.participants) for e in got] == [("Negotiation", ["France"])]
    got = make("Hôm 3/5, Hãng Alpina và Tập đoàn Borel đã ký kết thỏa thuận hợp tác.", actors, "2024-05-10").events
    assert [(e.type, sorted(e.participants)) for e in got] == [("Agreement", ["Alpina", "Borel"])]


def test_this_country_after_a_reporting_verb_is_the_reporters_state() -> None:
    actors = {**NAMED, "Ấn Độ": ("India", "Country"), "Chính phủ Brazil": ("Government_of_Brazil", "Organization")}
    text = ("Ấn Độ vừa công bố gói hỗ trợ mới cho nông dân. "
            "Hôm 3/5, Chính phủ Brazil cho biết nước này đã tổ chức vòng đàm phán thương mại đầu tiên với Pháp tại Lyon.")
    got = make(text, actors, "2024-05-10").events
    assert [(e.type, sorted(e.participants)) for e in got] == [("Negotiation", ["Brazil", "France"])]
    # the holder of a state's office reports for that state
    text = ("Ấn Độ vừa công bố gói hỗ trợ mới cho nông dân. "
            "Hôm 3/5, Tổng thống Brazil Lucas Silva cho biết nước này đã ký kết thỏa thuận với Pháp.")
    got = make(text, actors, "2024-05-10").events
    assert [(e.type, sorted(e.participants)) for e in got] == [("Agreement", ["Brazil", "France"])]


def test_where_someone_spoke_or_went_is_no_party() -> None:
    actors = {**NAMED, "Nhà Trắng": ("White_House", "Organization"), "Tổng thống Pháp": ("France_President", "Person")}
    # the UN is where the band spoke, not who met the president
    got = make("Hôm 3/5, ban nhạc đã phát biểu tại Liên hợp quốc và gặp gỡ Tổng thống Pierre Dumas tại Lyon.", actors, "2024-05-10").events
    assert all("United_Nations" not in e.participants for e in got)
    # a country one returned to does not make a visit of its own
    assert make("Năm 2019, ông trở về Brazil và có đến thăm vài nơi như Lyon.", actors, "2024-05-10").events == []
    # the body visited is the destination; the visitor comes with "của"
    got = make("Hôm 3/5, chuyến thăm Nhà Trắng của Tổng thống Pierre Dumas kéo dài hai giờ.", actors, "2024-05-10").events
    assert [(e.type, e.participants) for e in got] == [("Visit", ["Pierre_Dumas"])]


def test_an_act_named_with_its_owner_is_not_the_subjects() -> None:
    # the minister condemns the attack and the president welcomes the visit: neither acts
    got = named("Hôm 3/5, Ngoại trưởng Pháp Pierre Dumas lên án cuộc tấn công của Brazil nhằm vào Lyon.")
    assert [(e.type, e.participants) for e in got if e.type == "Attack"] == [("Attack", ["Brazil"])]
    got = named("Hôm 3/5, Tổng thống Pierre Dumas hoan nghênh chuyến thăm của Tổng thống Lucas Silva.")
    assert [(e.type, e.participants) for e in got] == [("Visit", ["Lucas_Silva"])]
    # "của" after the target qualifies the target: the subject still attacks
    got = named("Hôm 3/5, Pháp mở cuộc phản công vào tỉnh Lyon của Brazil.")
    assert [e.participants[0] for e in got if e.type == "Attack"] == ["France"]
