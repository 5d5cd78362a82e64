"""Events read from clause structure (own sentences): composed triggers, phrases after a
trigger, back-references, modal and generic mentions, off-topic words."""

from __future__ import annotations

from test_events import ACTORS
from test_roles_support import make

from kg.extract.event_args import phrases_after
from kg.model import Sentence
from kg.nlp.annotate import analyse_sentence

MORE = dict(ACTORS, **{"Vinh Phát": ("Vinh_Phat", "Organization"), "Rio": ("Rio", "Place")})


def events(text: str, published: str | None = None):
    return make(text, MORE, published).events


def _phrases(text: str, after: str) -> list[tuple[str, str]]:
    toks = analyse_sentence(Sentence(0, 0, len(text), text)).tokens
    end = text.index(after) + len(after)
    return [(p.role, text[p.start : p.end]) for p in phrases_after(toks, end)]


def test_phrases_after_a_trigger_follow_prepositions_and_stop_at_a_new_clause() -> None:
    got = _phrases("Ông Dumas đã điện đàm với ông Silva trong ngày 4/7 để bàn về thương mại.", "điện đàm")
    assert got[0] == ("party", "ông Silva")
    assert all("thương mại" not in text for _, text in got)  # "để …" is another clause
    got = _phrases("Hai bên đàm phán tại Vienna (Áo) hôm 12/6.", "đàm phán")
    assert ("place", "Vienna") in got and ("bracket", "Áo") in got


def test_statement_on_social_media_and_interview_with_the_press() -> None:
    got = events("Ngày 3-5, ông Pierre Dumas viết trên mạng xã hội X rằng Pháp sẽ giúp Brazil.", "2025-05-04")
    st = [e for e in got if e.type == "Statement"]
    assert len(st) == 1 and st[0].participants == ["Pierre_Dumas"] and st[0].when == "2025-05-03"
    got = events("Ông Lucas Silva chia sẻ với báo giới ngày 3-5 rằng hai nước sẽ hợp tác.", "2025-05-04")
    assert [(e.type, e.when, e.participants) for e in got] == [("Interview", "2025-05-03", ["Lucas_Silva"])]


def test_back_reference_merges_into_the_act_told_before() -> None:
    got = events(
        "Ông Pierre Dumas có chuyến thăm tới Brazil hôm 3/5. Chuyến thăm này là lần đầu tiên trong mười năm.",
        "2025-05-04",
    )
    visits = [e for e in got if e.type == "Visit"]
    assert len(visits) == 1 and len(visits[0].evidence) == 2
    assert (visits[0].where, visits[0].when) == ("Brazil", "2025-05-03")


def test_modal_and_generic_mentions_are_not_acts() -> None:
    assert not [e for e in events("Ông Dumas đề cập đến khả năng áp đặt các biện pháp trừng phạt mới đối với Brazil.")
                if e.type == "Sanction"]
    assert not events("Kinh tế phục hồi dù các lệnh trừng phạt vẫn còn.")
    assert not events("Ông Dumas nghĩ mình đã đạt được thỏa thuận với Brazil.")


def test_off_topic_words_give_no_political_event() -> None:
    for text in (
        "Tiền đạo Lucas Silva bị bắt việt vị ở phút 30.",
        "Mặt trận tấn công của đội bóng Vinh Phát thi đấu thiếu hiệu quả.",
        "Trung vệ Lucas Silva lên tham gia tấn công và ghi bàn.",
        "Cô bé bị bắt nạt ở trường.",
        "Giám đốc Anna Berg chủ trì cuộc họp với các phòng ban.",
    ):
        assert events(text) == [], text


def test_a_meeting_needs_two_parties_and_a_place_is_read_from_its_phrase() -> None:
    got = events("Hôm 2/6, ông Pierre Dumas gặp ông Lucas Silva tại Rio.", "2025-06-03")
    assert [(e.type, e.where, e.when, sorted(e.participants)) for e in got] == [
        ("Meeting", "Rio", "2025-06-02", ["Lucas_Silva", "Pierre_Dumas"])
    ]


def test_a_place_of_detention_and_a_demanded_interview_are_not_acts() -> None:
    assert events("Hòn đảo từng là nơi giam giữ những tù nhân khét tiếng.") == []
    assert [e.type for e in events("Trường Vinh Phát sẽ yêu cầu phỏng vấn thí sinh Lucas Silva.")] == []


def test_an_undated_post_takes_the_date_that_opens_its_scene() -> None:
    text = (
        "Theo hãng tin AFP, ngày 3-5, ông Pierre Dumas gặp các nhà báo ở Paris. "
        "Sau đó ông nói về thương mại. \"Pháp sẽ giúp Brazil\", ông Pierre Dumas viết trên mạng xã hội X."
    )
    st = [e for e in events(text, "2025-05-04") if e.type == "Statement"]
    assert [e.when for e in st] == ["2025-05-03"]
    text = "Ngày 3-5, Pháp gửi hàng cho Brazil. Cùng ngày ông Lucas Silva viết trên mạng xã hội X rằng hai nước sẽ hợp tác."
    st = [e for e in events(text, "2025-05-04") if e.type == "Statement"]
    assert [e.when for e in st] == ["2025-05-03"]
    # told relative to another act, a statement is not on the date of the scene
    text = "Ngày 3-5, Pháp gửi hàng cho Brazil. Việc này diễn ra ngay sau khi ông Lucas Silva viết trên mạng xã hội X rằng ông ủng hộ."
    st = [e for e in events(text, "2025-05-04") if e.type == "Statement"]
    assert [e.when for e in st] == [None]


def test_a_strike_into_a_province_is_there_and_one_into_a_state_targets_it() -> None:
    got = [e for e in events("Quân đội Pháp mở cuộc tấn công vào thành phố Lyon hôm 3-5.", "2025-05-04") if e.type == "Attack"]
    assert [e.where for e in got] == ["Lyon"]
    got = [e for e in events("Pháp mở cuộc tấn công vào Brazil hôm 3-5.", "2025-05-04") if e.type == "Attack"]
    assert [e.where for e in got] == [None] and "Brazil" in got[0].participants


def test_split_triggers_ban_on_entry_and_forced_departure() -> None:
    got = events("Ngày 3-5, Pháp đã cấm 8 quan chức Brazil nhập cảnh vào nước này.", "2025-05-04")
    assert [(e.type, e.when, sorted(e.participants)) for e in got] == [("Sanction", "2025-05-03", ["Brazil", "France"])]
    got = events("Pháp cấm hai quan chức Brazil nhập cảnh, trong đó có ông Lucas Silva.")
    assert [(e.type, e.participants) for e in got] == [("Sanction", ["France", "Lucas_Silva"])]
    got = events("Pháp buộc hai nhà ngoại giao Brazil rời khỏi nước này trong vòng 72 giờ.")
    assert [e.type for e in got] == ["Sanction"]
    # leaving a home or a club is no sanction
    assert not events("Mưa lớn buộc người dân rời khỏi nhà.")


def test_declared_persona_non_grata_is_a_sanction_by_the_state_that_declares() -> None:
    got = events("Ngày 3-5, Pháp tuyên bố một nhà ngoại giao Brazil là người không được chào đón.", "2025-05-04")
    assert [(e.type, e.when, e.participants) for e in got] == [("Sanction", "2025-05-03", ["France", "Brazil"])]
    assert not events("Ông Lucas Silva nói rằng ông là người không được chào đón ở đây.")


def test_acts_a_subject_endures_are_general_and_acts_it_imposes_are_not() -> None:
    assert not [e for e in events("Kinh tế Brazil đã vượt qua các lệnh trừng phạt khắc nghiệt nhờ xuất khẩu.")
                if e.type == "Sanction"]
    assert not [e for e in events("Brazil sẽ không nhượng bộ bất kỳ lệnh trừng phạt nào.") if e.type == "Sanction"]
    got = [e for e in events("Pháp hôm 3-5 đã công bố các lệnh trừng phạt đối với Brazil.", "2025-05-04")
           if e.type == "Sanction"]
    assert [sorted(e.participants) for e in got] == [["Brazil", "France"]]
    # a named campaign is one act, whatever its determiner
    got = events("Các hành động của Pháp bao gồm các cuộc tấn công mạng NotPetya nhằm vào Brazil.")
    assert [e.type for e in got] == ["Cyberattack"]


def test_a_when_clause_without_its_own_subject_takes_the_sentence_subject() -> None:
    got = events("Ông Pierre Dumas mặc âu phục sẫm màu khi tới dự hội nghị thượng đỉnh tại Vienna ngày 3-5.", "2025-05-04")
    summit = [e for e in got if e.type == "Summit"]
    assert [(e.where, e.participants) for e in summit] == [("Vienna", ["Pierre_Dumas"])]
    got = events("Ông Pierre Dumas nói chậm rãi khi tới gặp ông Lucas Silva tại Vienna.")
    meeting = [e for e in got if e.type == "Meeting"]
    assert [sorted(e.participants) for e in meeting] == [["Lucas_Silva", "Pierre_Dumas"]]


def test_a_statement_is_its_speakers_and_not_of_what_it_names() -> None:
    got = [e for e in events("Ông Pierre Dumas viết trên mạng xã hội X chỉ trích chính sách của chính quyền Brazil.") if e.type == "Statement"]
    assert [e.participants for e in got] == [["Pierre_Dumas"]]
