"""Events on text outside politics: sport, crime, migration, celebrity news.

Trigger words of politics ("tấn công", "trừng phạt", "trục xuất", "bị bắt", "cuộc gặp")
are common words elsewhere; these sentences, written for the test, check the rules that
keep such uses out of the graph and the participants that a strict reader would give.
"""

from __future__ import annotations

from test_events import ACTORS
from test_roles_support import make

MORE = {
    **ACTORS,
    "Đức": ("Germany", "Country"),
    "Việt Nam": ("Vietnam", "Country"),
    "Marc Weber": ("Marc_Weber", "Person"),
    "Weber": ("Marc_Weber", "Person"),
    "Hans Keller": ("Hans_Keller", "Person"),
    "Keller": ("Hans_Keller", "Person"),
    "Sofia Lind": ("Sofia_Lind", "Person"),
}


def events(text: str, published: str | None = "2024-05-10"):
    return make(text, MORE, published).events


def kinds(text: str, published: str | None = "2024-05-10") -> list[str]:
    return [e.type for e in events(text, published)]


# --- words that only look like triggers -------------------------------------------------


def test_being_seen_or_kidnapped_is_no_arrest() -> None:
    assert kinds("Ca sĩ Anna Berg bị bắt gặp đi dạo cùng bạn trai ở Lyon hôm 3/5.") == []
    assert kinds("Hai công dân Pháp bị bắt cóc ở Brazil hôm 3/5.") == []
    assert kinds("Nhà báo Marc Weber bị bắt ở Brazil hôm 3/5.") == ["Arrest"]  # the word itself still is one


def test_a_negotiated_solution_and_a_bill_are_no_events() -> None:
    assert kinds("Pháp và Brazil ủng hộ giải pháp đàm phán cho cuộc khủng hoảng.") == []
    assert kinds("Quốc hội Pháp thảo luận Dự luật trừng phạt Brazil năm 2024.") == []


def test_lifting_sanctions_and_repelling_attacks_are_no_acts() -> None:
    assert kinds("Brazil đòi Pháp gỡ trừng phạt với các ngân hàng của mình.") == []
    # the attacks were repelled: the clause does not say who made them
    assert kinds("Quân đội Pháp đã đẩy lùi các đợt tấn công quy mô lớn ở Lyon hôm 3/5.") == []
    got = events("Pháp gia tăng các đợt tấn công vào Brazil hôm 3/5.")
    assert [(e.type, e.participants[:1]) for e in got] == [("Attack", ["France"])]


def test_prospects_of_a_meeting_are_no_meeting() -> None:
    assert kinds("Ông Weber bình luận về triển vọng cuộc gặp giữa Tổng thống Dumas và Tổng thống Silva.") == []


# --- expulsions: diplomats, not migrants --------------------------------------------------


def test_deporting_migrants_is_no_sanction() -> None:
    assert kinds("Hơn 200 người di cư Brazil đã bị trục xuất khỏi Pháp trong tháng 4.") == []
    assert kinds("Pháp trục xuất 13 người nhập cảnh trái phép hôm 3/5.") == []


def test_expelling_diplomats_still_is_a_sanction() -> None:
    got = events("Pháp trục xuất 2 nhà ngoại giao Brazil hôm 3/5.")
    assert [(e.type, e.when) for e in got] == [("Sanction", "2024-05-03")]
    assert set(got[0].participants) == {"France", "Brazil"}


# --- sport ------------------------------------------------------------------------------


def test_a_team_attacking_on_the_wing_is_no_attack() -> None:
    assert kinds("U23 Brazil chỉ tấn công nhiều ở cánh trái trong trận gặp Pháp.") == []
    assert kinds("Tuyển Brazil tấn công liên tục nhưng không thể xuyên thủng hàng phòng ngự.") == []
    assert kinds("Pháp tấn công Brazil hôm 3/5.") == ["Attack"]


def test_a_coach_taking_charge_is_no_inauguration() -> None:
    assert kinds("Ông Hans Keller nhậm chức HLV trưởng tuyển Brazil từ ngày 3/5.") == []
    assert kinds("Ông Hans Keller nhậm chức Tổng thống Brazil ngày 3/5.") == ["Inauguration"]


def test_an_article_about_a_match_has_no_sanctions() -> None:
    text = (
        "Trận đấu giữa hai câu lạc bộ diễn ra trên sân nhà của đội chủ nhà. "
        "Thủ môn của đội khách bắt bóng xuất sắc trong hiệp 1. "
        "Tiền vệ Hans Keller ghi bàn ở phút 80 sau một tình huống phạt đền. "
        "Ông Weber không tranh cãi, ông ấy trừng phạt đối thủ hôm 3/5."
    )
    assert [e.type for e in events(text) if e.type == "Sanction"] == []


# --- participants -----------------------------------------------------------------------


def test_a_speaker_is_no_party_of_the_meeting_he_announces_between_others() -> None:
    got = events("Ông Marc Weber khẳng định cuộc gặp giữa Tổng thống Dumas và Tổng thống Silva sẽ diễn ra.")
    assert [e.type for e in got] == ["Meeting"]
    assert set(got[0].participants) == {"Pierre_Dumas", "Lucas_Silva"}


def test_a_photo_shared_on_social_media_is_not_its_subjects_statement() -> None:
    got = events("Hình ảnh Sofia Lind trong bệnh viện được chia sẻ trên mạng xã hội hôm 3/5.")
    assert all("Sofia_Lind" not in e.participants for e in got)
    # with its agent, the post is the agent's
    got = events("Bức ảnh được Sofia Lind chia sẻ trên mạng xã hội hôm 3/5.")
    assert [(e.type, e.participants) for e in got] == [("Statement", ["Sofia_Lind"])]


def test_a_source_a_photo_credit_and_a_dateline_take_no_part() -> None:
    got = events("Theo kênh truyền hình TV5, ngay sau khi nhậm chức ngày 3/5, Tổng thống Brazil Lucas Silva đã ký sắc lệnh.")
    assert [e.type for e in got] == ["Inauguration"]
    assert "TV5" not in got[0].participants
    got = events("Ông Silva bắt tay khách mời - Ảnh: Đức Trong chuyến thăm Pháp hôm 3/5, ông Lucas Silva gặp doanh nghiệp.")
    assert all("Germany" not in e.participants for e in got)
    assert [e.type for e in got] == ["Visit"]
    got = events("Trời hôm nay đẹp. TV - Thông báo trên trang Facebook ngày 3/5, ca sĩ Anna Berg đã chính thức giải nghệ.")
    assert [(e.type, e.participants) for e in got] == [("Statement", ["Anna_Berg"])]


def test_people_of_a_nationality_do_not_bring_their_state_in() -> None:
    # the arrested are Brazilians: Brazil made no arrest and was not arrested
    assert kinds("Trong số các đối tượng bị bắt giữ có 5 người Brazil.") == []
    got = events("Ông Marc Weber đã có buổi gặp gỡ với các du học sinh Pháp và Tổng thống Brazil Lucas Silva hôm 3/5.")
    assert [e.type for e in got] == ["Meeting"]
    assert "France" not in got[0].participants


def test_a_doubted_or_cancelled_meeting_is_no_event() -> None:
    assert kinds("Ông Weber cho biết cuộc gặp giữa Tổng thống Dumas và Tổng thống Silva khó có thể diễn ra trong năm nay.") == []
    assert kinds("Cuộc gặp giữa ông Dumas và ông Silva bị nhiều người đánh giá là khó khả thi.") == []
    got = events("Cuộc gặp giữa ông Dumas và ông Silva đã diễn ra tại Vienna hôm 3/5.")
    assert [(e.type, e.where) for e in got] == [("Meeting", "Vienna")]


def test_a_kind_of_agreement_in_a_relative_clause_is_no_agreement() -> None:
    assert kinds("Chính sách mới không ảnh hưởng tới những hiệp định thương mại mà Pháp đã ký kết.") == []
    assert kinds("Ông Weber được hỏi về tiềm năng đàm phán với Brazil.") == []


def test_the_press_asking_at_a_press_conference_is_no_party() -> None:
    got = events("Trả lời câu hỏi của kênh truyền hình TV5 tại buổi họp báo ngày 3/5, ông Pierre Dumas cho biết Pháp sẽ tham gia.")
    assert [e.type for e in got] == ["PressConference"]
    assert "TV5" not in got[0].participants
    # an interview's outlet is one of its parties
    got = events("Trả lời phỏng vấn kênh truyền hình TV5 hôm 3/5, ông Pierre Dumas cho biết Pháp sẽ tham gia.")
    assert "TV5" in got[0].participants


def test_interviewing_candidates_is_no_interview() -> None:
    assert kinds("Trường sẽ tổ chức phỏng vấn thí sinh từ ngày 3/5 đến ngày 10/5.") == []


def test_who_arrests_after_an_attack_did_not_attack() -> None:
    got = events("Các nghi phạm bị cảnh sát Pháp bắt giữ vài giờ sau cuộc tấn công ở Lyon hôm 3/5.")
    attacks = [e for e in got if e.type == "Attack"]
    assert all("France" not in e.participants for e in attacks)
    got = events("Giá dầu tăng mạnh sau cuộc tấn công của Pháp vào Brazil hôm 3/5.")
    assert [(e.type, e.participants[:1]) for e in got] == [("Attack", ["France"])]


def test_who_sent_an_envoy_is_no_party_of_the_envoys_meeting() -> None:
    got = events("Cuộc gặp giữa Tổng thống Brazil Lucas Silva và đặc phái viên của ông Dumas, ông Marc Weber, diễn ra hôm 3/5.")
    assert [e.type for e in got] == ["Meeting"]
    assert "Pierre_Dumas" not in got[0].participants
    assert "Lucas_Silva" in got[0].participants


def test_many_posts_and_a_purpose_are_no_events() -> None:
    assert kinds("Tin đồn xuất hiện tràn lan ở nhiều bài đăng trên mạng xã hội như Facebook.") == []
    assert kinds("Pháp kêu gọi các nước áp thêm thuế lên Brazil nhằm buộc Brazil phải đàm phán.") == []


def test_a_date_in_what_was_said_does_not_date_the_saying() -> None:
    got = events("Ngày 3/5, Tổng thống Pierre Dumas tuyên bố trên mạng xã hội rằng Pháp sẽ rút quân vào ngày 20/5.")
    assert [(e.type, e.when) for e in got] == [("Statement", "2024-05-03")]


def test_a_skill_a_means_and_a_petition_are_no_events() -> None:
    assert kinds("Sinh viên tham dự buổi học kỹ năng phỏng vấn ngày 3/5 tại Lyon.") == []
    assert kinds("Công ty rút tiền bằng hình thức ký kết các hợp đồng không có thật với Brazil.") == []
    assert kinds("Các doanh nghiệp Pháp kiến nghị thương lượng với Brazil để giảm thuế.") == []


def test_two_private_people_meeting_is_no_meeting() -> None:
    assert kinds("Số phận đưa Anna Berg gặp gỡ nam diễn viên Marc Weber vào năm 2001.") == []
    got = events("Tổng thống Pháp Pierre Dumas đã gặp gỡ Tổng thống Brazil Lucas Silva tại Vienna hôm 3/5.")
    assert [e.type for e in got] == ["Meeting"]


def test_agreements_already_signed_in_general_are_no_agreement() -> None:
    assert kinds("Doanh nghiệp cần tận dụng các hiệp định thương mại đã ký kết với Brazil.") == []


def test_signing_a_party_conclusion_is_no_agreement() -> None:
    # "ký kết luận" is "ký" (sign) + "kết luận" (a conclusion), not "ký kết" (conclude an agreement)
    assert kinds("Ông Marc Weber đã ký kết luận số 12 của Bộ Chính trị hôm 3/5.") == []
    assert kinds("Đức và Việt Nam đã ký kết hiệp định thương mại hôm 3/5.") == ["Agreement"]


def test_a_team_inspecting_a_stadium_is_no_visit() -> None:
    # the coaches of a national side look at the pitch before a match: sport, not a state's visit
    assert kinds("Hôm 3/5, ban huấn luyện U23 Brazil có chuyến thị sát sân vận động ở Lyon, nơi đội sẽ đá trận mở màn.") == []
    # a minister inspecting a site stays a visit
    assert kinds("Hôm 3/5, Bộ trưởng Quốc phòng Pháp Marc Weber có chuyến thị sát căn cứ hải quân ở Lyon.") == ["Visit"]


def test_what_a_plan_or_news_is_about_is_no_act() -> None:
    assert kinds("Hôm 3/5, nhà đầu tư phấn khởi nhờ thông tin tích cực về đàm phán thương mại giữa Pháp và Brazil.") == []
    assert kinds("Hôm 3/5, bộ ngành xây dựng phương án đàm phán với Brazil về thuế quan.") == []
    assert kinds("Giá cổ phiếu phụ thuộc vào kết quả thương lượng giữa Pháp và Brazil.") == []
    # a classifier names the act itself: it stays
    assert kinds("Hôm 3/5, ông Marc Weber đánh giá kết quả vòng đàm phán giữa Pháp và Brazil tại Lyon.") == ["Negotiation"]


def test_a_task_in_a_list_is_no_act() -> None:
    # a government's list of tasks: verbs without a subject
    assert kinds("Tiếp cận, đàm phán với Brazil để cân bằng thương mại bền vững.") == []
    assert kinds("Tiến hành đàm phán với phía Brazil nhằm đạt được thỏa thuận thương mại.") == []
    # a leading clause whose subject follows still tells an act
    assert kinds("Tiến hành đàm phán với phía Brazil hôm 3/5, Bộ trưởng Pháp Marc Weber cho biết hai bên đã tiến gần thỏa thuận.") == ["Negotiation"]


def test_an_interview_naming_only_its_outlet_is_no_event() -> None:
    """FORMAT: an interview's participants are the interviewee and the outlet; with only the
    outlet named ("nữ diễn viên … trong cuộc phỏng vấn với Reuters") nobody is told to
    have spoken, so there is no event; with the interviewee named there is."""
    actors = {**MORE, "Reuters": ("Reuters", "Organization")}
    got = make("Nữ diễn viên lần đầu lên tiếng trong cuộc phỏng vấn với Reuters hôm qua.", actors, "2024-05-10").events
    assert "Interview" not in [e.type for e in got]
    got = [e for e in make("Ông Marc Weber lần đầu lên tiếng trong cuộc phỏng vấn với Reuters hôm qua.", actors,
                           "2024-05-10").events if e.type == "Interview"]
    assert got and "Marc_Weber" in got[0].participants
