"""Claims on sentences written for the test: both orders, quotes, Theo, coreference."""

from __future__ import annotations

from test_roles_support import make

from kg.extract.claims import stance_of
from kg.extract.quotes import find_quotes

ACTORS = {
    "Mỹ": ("United_States", "Country"),
    "Pháp": ("France", "Country"),
    "Brazil": ("Brazil", "Country"),
    "Nhà Trắng": ("White_House", "Organization"),
    "Hãng tin Reuters": ("Reuters", "Organization"),
    "Reuters": ("Reuters", "Organization"),
    "Karen Olsen": ("Karen_Olsen", "Person"),
    "Olsen": ("Karen_Olsen", "Person"),
    "Pierre Dumas": ("Pierre_Dumas", "Person"),
    "Dumas": ("Pierre_Dumas", "Person"),
    "Lucas Silva": ("Lucas_Silva", "Person"),
    "Silva": ("Lucas_Silva", "Person"),
}


def claims(text: str, published: str | None = None):
    x = make(text, ACTORS, published)
    return x, sorted(x.claims, key=lambda c: c.content.start)


def test_speaker_first_with_comma_and_rang() -> None:
    x, got = claims("Ngoại trưởng Pháp Pierre Dumas hôm 3/5 cho biết, hai nước sẽ nối lại đối thoại.", "2022-05-04")
    assert [(c.speaker, c.cue, c.stance, c.text, c.when) for c in got] == [
        ("Pierre_Dumas", "cho biết", "assert", "hai nước sẽ nối lại đối thoại", "2022-05-03")
    ]
    c = got[0]
    assert x.article.body[c.content.start : c.content.end] == c.text
    _, got = claims("Bà Karen Olsen nói rằng cuộc họp đã diễn ra tốt đẹp.")
    assert [(c.speaker, c.cue, c.text) for c in got] == [("Karen_Olsen", "nói rằng", "cuộc họp đã diễn ra tốt đẹp")]


def test_speaker_first_with_a_quote_that_spans_sentences() -> None:
    text = "Ông Silva nói: “Chúng tôi đã chờ rất lâu. Giờ là lúc hành động”. Sau đó ông rời đi."
    _, got = claims(text)
    assert len(got) == 1
    assert got[0].speaker == "Lucas_Silva" and got[0].quote
    assert got[0].text == "Chúng tôi đã chờ rất lâu. Giờ là lúc hành động"


def test_content_first_orders() -> None:
    text = "“Không ai muốn xung đột kéo dài” - người phát ngôn Nhà Trắng Karen Olsen cho hay."
    _, got = claims(text)
    assert [(c.speaker, c.cue, c.text) for c in got] == [
        ("Karen_Olsen", "cho hay", "Không ai muốn xung đột kéo dài")
    ]
    text = "Pierre Dumas tới Brasilia. “Chúng tôi tin vào hợp tác lâu dài”, ông Dumas nói thêm."
    _, got = claims(text)
    assert [(c.speaker, c.cue, c.text) for c in got] == [
        ("Pierre_Dumas", "nói thêm", "Chúng tôi tin vào hợp tác lâu dài")
    ]


def test_quote_attribution_with_a_long_tail() -> None:
    text = "“Cánh cửa đối thoại vẫn mở”, Tổng thống Brazil Lucas Silva nói trong buổi gặp báo giới tại thủ đô."
    _, got = claims(text)
    assert [(c.speaker, c.text) for c in got] == [("Lucas_Silva", "Cánh cửa đối thoại vẫn mở")]


def test_pronoun_refers_to_the_last_speaker() -> None:
    text = (
        "Ông Pierre Dumas cho biết Pháp ủng hộ tiến trình hòa bình. "
        "Ông cũng cảnh báo mọi hành động đơn phương sẽ gây bất ổn."
    )
    _, got = claims(text)
    assert [(c.speaker, c.stance) for c in got] == [("Pierre_Dumas", "assert"), ("Pierre_Dumas", "warn")]


def test_title_without_name_resolves_through_roles() -> None:
    text = (
        "Người phát ngôn Nhà Trắng Karen Olsen có mặt tại buổi họp. "
        "Người phát ngôn Nhà Trắng nói rằng lịch trình chưa thay đổi."
    )
    _, got = claims(text)
    assert [(c.speaker, c.text) for c in got] == [("Karen_Olsen", "lịch trình chưa thay đổi")]


def test_theo_frame_and_credited_source() -> None:
    _, got = claims("Theo ông Dumas, hai bên cần thêm thời gian để thống nhất.")
    assert [(c.speaker, c.cue, c.text) for c in got] == [
        ("Pierre_Dumas", "Theo", "hai bên cần thêm thời gian để thống nhất")
    ]
    # an outlet crediting a named speaker's own statement is the claim's source
    _, got = claims("Theo Hãng tin Reuters, ông Silva khẳng định Brazil sẽ tham gia hội nghị.")
    assert [(c.speaker, c.source, c.text) for c in got] == [
        ("Lucas_Silva", "Reuters", "Brazil sẽ tham gia hội nghị")
    ]


def test_coordinated_speakers_get_one_claim_each() -> None:
    text = "Cả Tổng thống Pháp Pierre Dumas và Tổng thống Brazil Lucas Silva đều bày tỏ sự đồng tình với bản kế hoạch."
    _, got = claims(text)
    assert sorted(c.speaker for c in got) == ["Lucas_Silva", "Pierre_Dumas"]
    assert {c.text for c in got} == {"sự đồng tình với bản kế hoạch"}
    assert len({c.id for c in got}) == 2


def test_second_cue_shares_the_speaker() -> None:
    text = "Ông Dumas thừa nhận con đường phía trước còn dài, song nhấn mạnh hai nước đã có khởi đầu tốt."
    _, got = claims(text)
    assert [(c.cue, c.text) for c in got] == [
        ("thừa nhận", "con đường phía trước còn dài"),
        ("nhấn mạnh", "hai nước đã có khởi đầu tốt"),
    ]


def test_demands_and_direct_objects() -> None:
    _, got = claims("Nhà Trắng kêu gọi các bên kiềm chế.")
    assert [(c.speaker, c.stance, c.text) for c in got] == [("White_House", "demand", "các bên kiềm chế")]


def test_unnamed_speakers_and_nouns_give_nothing() -> None:
    assert claims("Một quan chức Mỹ giấu tên cho biết kế hoạch đã bị hoãn.")[1] == []
    assert claims("Các quan chức Pháp cho biết kế hoạch đã bị hoãn.")[1] == []
    assert claims("Ông Dumas đưa ra bình luận trên trong một bữa tiệc.")[1] == []
    assert claims("Trời mưa to suốt đêm qua ở thủ đô.")[1] == []


def test_claim_ids_are_deterministic() -> None:
    text = "Bà Karen Olsen nói rằng cuộc họp đã diễn ra tốt đẹp."
    assert [c.id for c in claims(text)[1]] == [c.id for c in claims(text)[1]]


def test_quotes_nest_and_open_quotes_are_dropped() -> None:
    body = '"Một “cú sốc” lớn", ông nói. “Chưa đóng'
    assert find_quotes(body) == [(0, 17)]
    assert stance_of("Cảnh báo") == "warn"


def test_a_quote_standing_alone_continues_the_last_speaker() -> None:
    text = (
        "Ông Lucas Silva cho rằng, hai nước cần bình tĩnh. "
        "“Brazil muốn là nhịp cầu giữa các bên, bởi chúng tôi là bạn của tất cả”. "
        "“Ngắn thôi”."
    )
    _, got = claims(text)
    assert [(c.speaker, c.cue, c.quote) for c in got] == [("Lucas_Silva", "cho rằng", False), ("Lucas_Silva", "", True)]
    assert got[1].text == "Brazil muốn là nhịp cầu giữa các bên, bởi chúng tôi là bạn của tất cả"


def test_declined_comments_and_texts_are_not_claims() -> None:
    assert claims("Nhà Trắng chưa bình luận về thông tin này.")[1] == []
    assert claims("Ông Dumas từ chối cho biết thêm chi tiết về cuộc gặp.")[1] == []
    assert claims("Theo luật mới được Pháp ban hành, các thỏa thuận cũ sẽ bị xem xét lại.")[1] == []
    # a passive agent is not a speaker: "bị Pháp yêu cầu đóng cửa"
    assert claims("Nhiều cửa hàng ở Brazil đã bị chính quyền yêu cầu đóng cửa.")[1] == []


def test_trailing_credit_becomes_the_source() -> None:
    _, got = claims("Ông Dumas cho biết hai bên sẽ gặp lại vào tháng tới, theo Hãng tin Reuters.")
    assert [(c.speaker, c.source, c.text) for c in got] == [
        ("Pierre_Dumas", "Reuters", "hai bên sẽ gặp lại vào tháng tới")
    ]


def test_report_in_a_subordinate_clause_is_its_own_claim() -> None:
    text = (
        "Nhà Trắng cho biết ông Silva sẽ rời Paris trong tuần này để “nghỉ ngơi”, "
        "sau khi Pháp khuyến nghị ông nên tạm rời đi."
    )
    _, got = claims(text)
    assert [(c.speaker, c.text) for c in got] == [
        ("White_House", "ông Silva sẽ rời Paris trong tuần này để “nghỉ ngơi”"),
        ("France", "ông nên tạm rời đi"),
    ]


def test_bare_title_with_country_falls_back_to_the_one_holder() -> None:
    text = "Cựu Tổng thống Pierre Dumas có mặt. “Chúng tôi từng là bạn tốt”, cựu Tổng thống Pháp cho biết."
    _, got = claims(text)
    assert [(c.speaker, c.text) for c in got] == [("Pierre_Dumas", "Chúng tôi từng là bạn tốt")]


def test_theo_skips_the_speakers_apposition_and_refusals_are_not_claims() -> None:
    _, got = claims("Theo ông Dumas, người đứng đầu phái đoàn Pháp, hai bên đã đạt được đồng thuận.")
    assert [(c.speaker, c.text) for c in got] == [("Pierre_Dumas", "hai bên đã đạt được đồng thuận")]
    assert claims("Ông Dumas từ chối đưa ra bình luận về vụ việc.")[1] == []


def test_a_known_name_the_entity_stage_missed_still_speaks() -> None:
    from kg.extract.claims import claims as claims_component
    from kg.extract.roles import roles as roles_component
    from kg.extract.time import time as time_component

    text = "Ngoại trưởng Pháp Pierre Dumas tới Brasilia. Ông Pierre Dumas hối thúc các bên kiềm chế."
    x = make(text, ACTORS, run=())
    second = text.rindex("Pierre Dumas")
    x.mentions = [m for m in x.mentions if m.evidence.start != second]  # left unmarked
    doc = __import__("kg.model", fromlist=["Doc"]).Doc(x.article, [])
    for step in (time_component, roles_component, claims_component):
        step(doc, x)
    assert [(c.speaker, c.text) for c in x.claims] == [("Pierre_Dumas", "các bên kiềm chế")]
    assert x.claims[0].evidence.start == text.index("Ông Pierre Dumas")


def test_content_after_a_short_adverbial() -> None:
    _, got = claims("Nhà Trắng cho biết trong một tuyên bố, các cuộc tham vấn sẽ tiếp tục.")
    assert [(c.speaker, c.text) for c in got] == [("White_House", "các cuộc tham vấn sẽ tiếp tục")]
    assert claims("Ông Dumas phát biểu trên truyền hình quốc gia tối qua.")[1] == []


def test_subject_before_a_copula() -> None:
    _, got = claims("Brazil là quốc gia Nam Mỹ mới nhất tuyên bố ủng hộ kế hoạch của Pháp.")
    assert [(c.speaker, c.text) for c in got] == [("Brazil", "ủng hộ kế hoạch của Pháp")]
    # an object before "là" is not the subject: nothing is attributed to it
    _, got = claims("Pháp coi Brazil là đối tác chiến lược và tuyên bố sẵn sàng mở rộng hợp tác.")
    assert "Brazil" not in {c.speaker for c in got}


def test_a_person_described_by_dashes_or_commas_is_the_speaker_not_the_org_in_the_description() -> None:
    # the organisation or place inside the description describes the speaker; it does not speak
    _, got = claims("Ông Pierre Dumas - Giám đốc điều hành Hãng tin Reuters - cho biết công ty sẽ mở văn phòng mới.")
    assert [(c.speaker, c.cue) for c in got] == [("Pierre_Dumas", "cho biết")]
    _, got = claims("Bà Karen Olsen – phó chủ tịch phụ trách đối ngoại của Nhà Trắng nói rằng cuộc họp đã bị hoãn.")
    assert [c.speaker for c in got] == ["Karen_Olsen"]
    _, got = claims("Lucas Silva, cố vấn kinh tế của chính phủ Brazil, khẳng định lạm phát sẽ giảm.")
    assert [c.speaker for c in got] == ["Lucas_Silva"]


def test_a_person_named_earlier_in_the_clause_does_not_take_the_claim() -> None:
    # "Sau cuộc gặp với ông X, Mỹ cho biết": X is the object of "gặp", not described by what follows
    _, got = claims("Sau cuộc gặp với ông Dumas, Mỹ cho biết sẽ gửi thêm viện trợ.")
    assert [c.speaker for c in got] == ["United_States"]
    _, got = claims("Sau cuộc gặp với ông Pierre Dumas, chính phủ Brazil cho biết sẽ xem xét đề nghị.")
    assert [c.speaker for c in got] == ["Brazil"]


def test_theo_a_source_located_in_a_place_does_not_make_the_place_the_speaker() -> None:
    # the source ("tòa án cấp cao") is not an entity we know; "tại Brazil" only locates it
    _, got = claims("Theo thông tin từ tòa án cấp cao tại Brazil, phiên xử sẽ được dời sang tháng sau.")
    assert "Brazil" not in [c.speaker for c in got]
    _, got = claims("Theo Brazil, phiên họp sẽ được dời sang tháng sau.")
    assert [c.speaker for c in got] == ["Brazil"]  # a country named as the source still is one
    _, got = claims("Theo yêu cầu của Brazil, phiên họp sẽ được dời sang tháng sau.")
    assert [c.speaker for c in got] == ["Brazil"]  # "yêu cầu của Brazil": Brazil is the source


def test_khang_dinh_vi_the_is_an_idiom_not_a_report() -> None:
    # "khẳng định vị thế" = to establish one's standing: nothing is stated
    _, got = claims("Hãng tin Reuters khẳng định vị thế dẫn đầu nhờ mạng lưới phóng viên rộng khắp.")
    assert got == []
    _, got = claims("Hãng tin Reuters khẳng định thông tin trên là chính xác.")
    assert [(c.speaker, c.cue) for c in got] == [("Reuters", "khẳng định")]


# ---- clause structure (kg.nlp.clauses) in claims: own sentences, the real pipeline


def _pipeline_claims(*sentences: str):
    from kg.model import Article, Sentence
    from kg.pipeline import process

    body, sents = "", []
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, len(body), len(body) + len(s), s))
        body += s + " "
    x = process(Article(id="own", source="test", body=body, sentences=sents))
    return {(c.speaker, c.cue, c.text) for c in x.claims}


def _speakers(*sentences: str) -> set[str]:
    """The speakers of the claims the whole pipeline finds in ``sentences``."""
    return {sp for sp, _, _ in _pipeline_claims(*sentences)}


def test_speaker_found_across_other_predicates():
    got = _pipeline_claims(
        "Bà Lena Holm hôm qua đã tổ chức họp báo tại Oslo, kêu gọi hai bên ngừng bắn, "
        "đồng thời nói rằng Na Uy sẵn sàng làm trung gian hòa giải."
    )
    assert ("Lena_Holm", "nói rằng", "Na Uy sẵn sàng làm trung gian hòa giải") in got
    assert ("Lena_Holm", "kêu gọi", "hai bên ngừng bắn") in got


def test_bare_noun_phrase_object_is_no_claim():
    got = _pipeline_claims("Ngoại trưởng Thụy Điển Erik Dahl chỉ trích động thái này.")
    assert not any(text == "động thái này" for _, _, text in got)


def test_passive_report_lends_no_speaker():
    got = _pipeline_claims(
        "Cơ quan tình báo Na Uy đã nhận định trong một báo cáo, được công bố tuần trước rằng, Oslo coi an ninh mạng là ưu tiên."
    )
    assert all(cue != "công bố" for _, cue, _ in got)


def test_pronoun_follows_the_address_form():
    got = _pipeline_claims(
        "Tổng thống Nga Vladimir Putin nói rằng ông sẵn sàng đàm phán.",
        "Bà Helga Moreau, nghiên cứu viên tại Northgate, tổ chức tư vấn ở Geneva, nhận định Moskva chưa muốn ngừng chiến.",
        "Ông Putin tin rằng Nga có lợi thế.",
        "Bà cho rằng kho vũ khí của châu Âu đã giảm.",
    )
    assert ("Helga_Moreau", "nhận định", "Moskva chưa muốn ngừng chiến") in got
    assert ("Helga_Moreau", "cho rằng", "kho vũ khí của châu Âu đã giảm") in got
    assert not any(sp == "Vladimir_Putin" and text.startswith("kho vũ khí") for sp, _, text in got)


def test_outlet_named_by_its_cue_relays_the_inner_speaker():
    got = _pipeline_claims(
        "Theo tờ Oslo Herald Weekly, Bộ trưởng Quốc phòng Na Uy, ông Erik Lund, cho biết quân đội sẽ mua thêm tàu tuần tra."
    )
    speakers = {sp for sp, _, _ in got}
    assert "Erik_Lund" in speakers
    assert all(sp == "Erik_Lund" for sp in speakers)


def test_broader_reporting_verbs_with_their_stance():
    from kg.extract.claims import stance_of

    assert stance_of("khuyên") == "propose"
    assert stance_of("đính chính") == "deny"
    assert stance_of("khuyến cáo") == "warn"
    got = _pipeline_claims("Bộ trưởng Erik Lund khuyên các doanh nghiệp nên thận trọng khi đầu tư ra nước ngoài.")
    assert ("Erik_Lund", "khuyên", "các doanh nghiệp nên thận trọng khi đầu tư ra nước ngoài") in got
