"""Speakers found from clause structure and context, on sentences written for the test
(the real pipeline: underthesea's tags, entities, roles, then claims)."""

from __future__ import annotations

from test_claims import _pipeline_claims


def _by(got, speaker):
    return {(cue, text) for sp, cue, text in got if sp == speaker}


def test_an_object_before_a_comma_is_not_an_apposition():
    # "X điện đàm với ông Y, nhắc lại đề xuất …": Y is the object of the call; X proposes
    got = _pipeline_claims(
        "Tổng thống Pháp Pierre Dumas hôm qua điện đàm với Tổng thống Brazil Lucas Silva, "
        "nhắc lại đề xuất hai bên sớm nối lại đàm phán."
    )
    assert _by(got, "Pierre_Dumas")
    assert not _by(got, "Lucas_Silva")


def test_titled_person_opening_the_clause_with_a_description():
    got = _pipeline_claims(
        "Bộ trưởng Ngoại giao Na Uy Erik Lund, quốc gia chủ trì hội nghị năm nay, cho biết lời mời sẽ được gửi trong tuần tới."
    )
    assert ("cho biết", "lời mời sẽ được gửi trong tuần tới") in _by(got, "Erik_Lund")


def test_a_description_with_nay_refers_to_the_last_actor_of_its_kind():
    got = _pipeline_claims(
        "Bộ Quốc phòng Na Uy hôm qua công bố báo cáo thường niên.",
        "Cơ quan này cho biết ngân sách quốc phòng sẽ tăng mạnh trong năm tới.",
    )
    speakers = {sp for sp, cue, text in got if text.startswith("ngân sách")}
    assert speakers == {"Ministry_of_Defence_of_Norway"}


def test_an_unnamed_subject_lends_no_speaker_to_the_country_inside_it():
    got = _pipeline_claims("Một cựu sĩ quan quân đội Pháp cho rằng lệnh ngừng bắn khó có thể kéo dài.")
    assert got == set()


def test_a_cue_in_a_relative_clause_is_no_claim():
    got = _pipeline_claims("Các biện pháp mà bà Karen Olsen đề xuất gồm việc tăng thuế nhập khẩu thép.")
    assert not _by(got, "Karen_Olsen")
    got = _pipeline_claims("Bà Karen Olsen đề xuất tăng thuế nhập khẩu thép từ tháng sau.")
    assert _by(got, "Karen_Olsen")


def test_rejecting_a_view_is_a_claim_declining_to_comment_is_not():
    got = _pipeline_claims("Tổng thống Brazil Lucas Silva nhiều lần bác bỏ quan điểm cho rằng hai nước là đối thủ.")
    assert any(cue == "bác bỏ" and "hai nước là đối thủ" in text for _, cue, text in got)
    got = _pipeline_claims("Tổng thống Brazil Lucas Silva từ chối bình luận về vụ việc.")
    assert got == set()


def test_content_opening_with_a_time_adverb_or_after_ve_viec():
    got = _pipeline_claims("Hãng tin Reuters cho biết trước đó chính phủ Na Uy đã yêu cầu các nhà báo rời khỏi khu vực.")
    assert any(sp == "Reuters" and text.startswith("trước đó chính phủ Na Uy") for sp, _, text in got)
    got = _pipeline_claims("Tổng thống Pháp Pierre Dumas đã xác nhận với báo chí về việc Pháp sẵn sàng nối lại đàm phán.")
    assert ("xác nhận", "Pháp sẵn sàng nối lại đàm phán") in _by(got, "Pierre_Dumas")


def test_a_further_predicate_after_the_cue_leaves_the_quote_as_content():
    got = _pipeline_claims('"Đây là một tín hiệu đáng mừng", bà Karen Olsen bình luận, nhắc tới Tổng thống Pierre Dumas.')
    assert ("bình luận", "Đây là một tín hiệu đáng mừng") in _by(got, "Karen_Olsen")
    assert not any(text.startswith("nhắc tới") for _, _, text in got)


def test_cue_around_its_addressee():
    from kg.extract.claims import stance_of

    got = _pipeline_claims("Ngoại trưởng Brazil Lucas Silva cho Reuters hay Brazil sẽ tham dự hội nghị thượng đỉnh.")
    assert ("cho Reuters hay", "Brazil sẽ tham dự hội nghị thượng đỉnh") in _by(got, "Lucas_Silva")
    assert stance_of("cho Reuters hay") == "assert"
    # the addressee must be a name: "cho rằng khi hành khách được biết …" is "cho rằng"
    got = _pipeline_claims("Bà Karen Olsen cho rằng khi hành khách được biết sớm có thể chủ động sắp xếp công việc.")
    assert {cue for _, cue, _ in got} == {"cho rằng"}


def test_pronoun_after_a_quote_inside_the_sentence():
    got = _pipeline_claims(
        "Bà Karen Olsen, nhà nghiên cứu tại viện Northgate, nhận định chiến sự sẽ còn kéo dài.",
        'Tổng thống Pierre Dumas "muốn kết thúc sớm cuộc xung đột nhưng chưa có kế hoạch cụ thể", bà nói.',
    )
    assert ("nói", "muốn kết thúc sớm cuộc xung đột nhưng chưa có kế hoạch cụ thể") in _by(got, "Karen_Olsen")


def test_a_theo_speaker_is_the_one_ong_continues_with():
    got = _pipeline_claims(
        "Ông Erik Lund cho biết châu Âu sẽ tăng viện trợ.",
        "Theo ông Pierre Dumas, Pháp không cần đối phương đầu hàng mà chỉ cần ngừng bắn.",
        "Ông cũng cảnh báo xung đột có thể lan rộng nếu các bên không đàm phán.",
    )
    assert any(cue == "cảnh báo" for cue, _ in _by(got, "Pierre_Dumas"))
    assert not any(cue == "cảnh báo" for cue, _ in _by(got, "Erik_Lund"))


def test_a_bare_title_continues_with_the_president_who_spoke():
    got = _pipeline_claims(
        "Tổng thống Pháp Pierre Dumas ngày 3/5 tuyên bố sẽ tăng thuế với hàng nhập khẩu.",
        "Ông cho biết quyết định này nhằm bảo vệ nông dân trong nước.",
        "Tổng thống Brazil Lucas Silva đã phản ứng gay gắt trước quyết định trên.",
        "Tổng thống Dumas cũng ca ngợi nông dân Pháp vì đã vượt qua mùa đông khắc nghiệt.",
        "Tổng thống bày tỏ vui mừng vì giá lúa mì đã tăng trở lại.",
    )
    assert any(cue == "ca ngợi" for cue, _ in _by(got, "Pierre_Dumas"))
    assert any(cue == "bày tỏ" for cue, _ in _by(got, "Pierre_Dumas"))
    assert not any(cue == "bày tỏ" for cue, _ in _by(got, "Lucas_Silva"))


def test_a_statement_of_an_actor_speaks_for_it():
    got = _pipeline_claims("Thông báo của Brazil cho biết hai nước sẽ nối lại đường bay thẳng từ tháng sau.")
    assert ("cho biết", "hai nước sẽ nối lại đường bay thẳng từ tháng sau") in _by(got, "Brazil")


def test_the_leader_of_a_country_is_the_leader_the_article_names():
    got = _pipeline_claims(
        "Tổng thống Nga Vladimir Putin gặp Tổng thống Pháp Pierre Dumas tại Paris.",
        "Nhà lãnh đạo Nga nói rằng hai nước cần tăng cường hợp tác kinh tế.",
    )
    assert ("nói rằng", "hai nước cần tăng cường hợp tác kinh tế") in _by(got, "Vladimir_Putin")
    assert not _by(got, "Russia")
    # no leader of Russia named: an unnamed speaker, not Russia
    assert _pipeline_claims("Nhà lãnh đạo Nga nói rằng hai nước cần tăng cường hợp tác kinh tế.") == set()


def test_a_surname_alone_names_the_person_named_in_full_before():
    got = _pipeline_claims(
        "Jennifer Kowalczyk, nghiên cứu viên tại viện Northgate, nhận định chiến sự sẽ còn kéo dài.",
        "Kowalczyk tin rằng các lệnh trừng phạt mới khó thay đổi cục diện.",
    )
    assert ("tin rằng", "các lệnh trừng phạt mới khó thay đổi cục diện") in _by(got, "Jennifer_Kowalczyk")


def test_a_clause_made_a_noun_phrase_is_no_report():
    got = _pipeline_claims("Việc Tổng thống Pháp Pierre Dumas đe dọa áp thuế lên hàng nhập khẩu có thể gây tác động lớn.")
    assert got == set()


def test_an_accusation_in_a_with_phrase_is_the_subjects_claim():
    got = _pipeline_claims("Pháp hôm qua đã áp đặt trừng phạt 12 quan chức Brazil với cáo buộc những người này tham gia rửa tiền.")
    assert ("cáo buộc", "những người này tham gia rửa tiền") in _by(got, "France")
    # the target of a passive is not the accuser
    got = _pipeline_claims("12 quan chức Brazil đã bị Pháp áp đặt trừng phạt với cáo buộc tham gia rửa tiền.")
    assert not _by(got, "Brazil")


def test_an_official_inside_an_unnamed_subject_is_unnamed():
    got = _pipeline_claims("Một quan chức trong chính quyền Pháp tiết lộ rằng ông Dumas sẽ điện đàm với Tổng thống Brazil.")
    assert not _by(got, "France")


def test_two_claims_of_one_speaker_in_one_sentence_are_split():
    got = _pipeline_claims(
        "Bộ Ngoại giao Pháp cũng cáo buộc Brazil đứng sau vụ tấn công mạng vào đêm 3/5, cho rằng đây rõ ràng là hành động phá hoại."
    )
    mine = _by(got, "Ministry_of_Foreign_Affairs_of_France")
    assert ("cho rằng", "đây rõ ràng là hành động phá hoại") in mine
    assert any(cue == "cáo buộc" and "phá hoại" not in text for cue, text in mine)


def test_a_reported_clause_ends_where_an_attributed_quote_opens():
    got = _pipeline_claims(
        'Ông Pierre Dumas cũng cho rằng binh sĩ Pháp đang làm nhiệm vụ để bảo vệ an ninh đất nước '
        '"Chúng tôi sẽ ở lại đến khi hòa bình được lập lại", Tổng thống Dumas cho hay.'
    )
    mine = _by(got, "Pierre_Dumas")
    assert ("cho rằng", "binh sĩ Pháp đang làm nhiệm vụ để bảo vệ an ninh đất nước") in mine
    assert ("cho hay", "Chúng tôi sẽ ở lại đến khi hòa bình được lập lại") in mine


def test_speakers_joined_by_da_cung():
    got = _pipeline_claims(
        "Tổng thống Pháp Pierre Dumas đã cùng Tổng thống Brazil Lucas Silva ca ngợi các nhà đàm phán vì đã đạt được thỏa thuận."
    )
    assert _by(got, "Pierre_Dumas") and _by(got, "Lucas_Silva")


def test_an_outlet_relaying_a_named_speaker_is_the_source():
    from kg.model import Article, Sentence
    from kg.pipeline import process

    for s in (
        "Hãng tin Reuters dẫn lời ông Pierre Dumas cho biết Pháp sẽ rút quân khỏi khu vực.",
        "“Pháp sẽ rút quân khỏi khu vực”, hãng tin Reuters dẫn lời Ngoại trưởng Pháp Pierre Dumas.",
    ):
        x = process(Article(id="own", source="test", body=s, sentences=[Sentence(0, 0, len(s), s)]))
        assert [(c.speaker, c.text, c.source) for c in x.claims] == [
            ("Pierre_Dumas", "Pháp sẽ rút quân khỏi khu vực", "Reuters")
        ]


def test_a_capitalised_cue_inside_a_sentence_is_a_title():
    got = _pipeline_claims("Ông Pierre Dumas kể về bài hát 'Ca ngợi quê hương', một trong những ca khúc hay nhất của ông.")
    assert got == set()


def test_who_owns_a_speaker_is_not_the_speaker():
    got = _pipeline_claims("Người thân của Pierre Dumas nói ở lễ tang: “Ông ấy đã sống một cuộc đời trọn vẹn và đầy ý nghĩa”.")
    assert got == set()


def test_the_object_before_de_is_not_the_one_asking():
    got = _pipeline_claims("Kẻ lừa đảo từng tiếp cận phía Pierre Dumas để yêu cầu tiền chuộc 10 tỷ đồng.")
    assert not _by(got, "Pierre_Dumas")


def test_what_someone_may_ask_is_not_said():
    got = _pipeline_claims("Tổng thống Pháp Pierre Dumas có thể yêu cầu các cơ quan chính phủ dùng tên gọi mới.")
    assert got == set()


def test_a_split_claim_does_not_take_the_date_of_the_first_ones_content():
    from kg.model import Article, Sentence
    from kg.pipeline import process

    s = "Bộ Ngoại giao Pháp cũng cáo buộc Brazil đứng sau vụ tấn công mạng vào đêm 3/5, cho rằng đây rõ ràng là hành động phá hoại."
    x = process(Article(id="own", source="test", body=s, sentences=[Sentence(0, 0, len(s), s)], published="2022-05-06"))
    by_cue = {c.cue: c for c in x.claims}
    assert by_cue["cáo buộc"].text == "Brazil đứng sau vụ tấn công mạng vào đêm 3/5"
    assert by_cue["cho rằng"].when is None  # "đêm 3/5" dates the attack, inside the first claim


def test_a_country_ending_an_unknown_organisations_name_does_not_speak():
    got = _pipeline_claims("Phòng Thương mại Pháp cho biết các doanh nghiệp sẽ tăng đầu tư vào Brazil.")
    assert not _by(got, "France")


def test_sharing_a_picture_is_no_claim():
    got = _pipeline_claims("Trên mạng xã hội, bà Karen Olsen chia sẻ hình ảnh các con đang chơi đùa bên bờ biển.")
    assert not _by(got, "Karen_Olsen")
    got = _pipeline_claims("Bà Karen Olsen chia sẻ rằng gia đình bà rất hạnh phúc khi được trở về quê hương.")
    assert _by(got, "Karen_Olsen")


def test_a_description_after_the_theo_source_is_not_the_content():
    got = _pipeline_claims("Theo ông Erik Lund, Phó giám đốc Công ty Nông nghiệp Nordvik, sản lượng năm nay giảm 33% do thời tiết xấu.")
    assert ("Theo", "sản lượng năm nay giảm 33% do thời tiết xấu") in _by(got, "Erik_Lund")
    got = _pipeline_claims("Theo ông Erik Lund, sản lượng năm nay giảm 33% do thời tiết xấu, gây thiệt hại lớn cho nông dân.")
    assert ("Theo", "sản lượng năm nay giảm 33% do thời tiết xấu, gây thiệt hại lớn cho nông dân") in _by(got, "Erik_Lund")


def test_a_country_that_only_modifies_the_subjects_head_does_not_speak():
    # the delegation, the media, the team captain speak (unnamed), not the country
    for sentence in (
        "Phái đoàn Hàn Quốc cũng đề nghị hai bên sớm ký biên bản ghi nhớ về thủy sản.",
        "Truyền thông Ấn Độ đưa tin chuyến bay đã hạ cánh an toàn lúc nửa đêm.",
        "Đội trưởng Indonesia cho biết cả đội sẽ cố gắng hơn ở trận tới.",
    ):
        got = _pipeline_claims(sentence)
        assert not any(sp in ("South_Korea", "India", "Indonesia") for sp, _, _ in got), (sentence, got)
    # with these heads the country itself acts
    got = _pipeline_claims("Phía Hàn Quốc cho biết sẽ gửi phản hồi chính thức trong tuần tới.")
    assert {sp for sp, _, _ in got} == {"South_Korea"}
    got = _pipeline_claims("Trong khi đó, phía Indonesia cho rằng thỏa thuận cần thêm thời gian để hoàn tất.")
    assert {sp for sp, _, _ in got} == {"Indonesia"}


def test_a_verb_that_is_what_is_asked_or_intended_is_no_claim_of_its_own():
    got = _pipeline_claims("Đại biểu Lê Văn An đề nghị bổ sung quy định về bảo vệ người tiêu dùng trực tuyến.")
    assert {cue for _, cue, _ in got} == {"đề nghị"}
    assert any(text.startswith("bổ sung quy định") for _, _, text in got)
    got = _pipeline_claims("Công ty Minh Long sẽ dùng số tiền này để bổ sung vốn lưu động cho các dự án mới.")
    assert got == set()
    got = _pipeline_claims("Bộ Ngoại giao Na Uy chưa trả lời yêu cầu bình luận của hãng tin Reuters về vụ việc.")
    assert got == set()


def test_sharing_a_feeling_or_an_exam_name_says_nothing():
    assert _pipeline_claims("Bà Lan Hương chia sẻ kinh nghiệm nuôi dạy con với các phụ huynh trẻ.") == set()
    assert _pipeline_claims("Nhiều trường dùng kết quả kỳ thi đánh giá năng lực để xét tuyển sinh viên.") == set()
    got = _pipeline_claims("Bà Lan Hương chia sẻ rằng bà sẽ mở thêm hai lớp học miễn phí.")
    assert {cue for _, cue, _ in got} == {"chia sẻ"}


def test_theo_do_is_accordingly_not_according_to():
    assert _pipeline_claims("Theo đó ông Trần Văn Minh, giám đốc Sở Tài chính, sẽ phụ trách chung các công việc của sở.") == set()
    got = _pipeline_claims("Theo ông Trần Văn Minh, giám đốc Sở Tài chính, ngân sách năm nay sẽ tăng mạnh.")
    assert {sp for sp, _, _ in got} == {"Tran_Van_Minh"}


def test_a_province_ending_an_unknown_police_or_office_name_does_not_speak():
    assert _pipeline_claims("Theo Công an tỉnh Đồng Nai, nhóm này đã khai thác cát trái phép trong nhiều tháng.") == set()
    assert _pipeline_claims("Công an tỉnh Đồng Nai cho biết nhóm này đã khai thác cát trái phép trong nhiều tháng.") == set()
    got = _pipeline_claims("Theo UBND tỉnh Đồng Nai, dự án cầu mới đã được hai địa phương thống nhất hướng tuyến.")
    assert not any(sp == "Dong_Nai" for sp, _, _ in got), got


def test_a_place_never_shares_or_confides_a_person_read_as_a_place_does():
    got = _pipeline_claims("“Tôi rất vui khi được trở lại đây”, Eugene chia sẻ với phóng viên.")
    assert not any(sp == "Eugene" for sp, _, _ in got), got
    got = _pipeline_claims("Bắc Kinh cho biết sẽ đáp trả các biện pháp thuế quan mới.")
    assert {sp for sp, _, _ in got} == {"Beijing"}


def test_theo_a_source_the_country_only_describes_is_not_the_country():
    got = _pipeline_claims("Theo truyền thông Tây Ban Nha, câu lạc bộ sẽ gia hạn hợp đồng với tiền đạo trẻ.")
    assert not any(sp == "Spain" for sp, _, _ in got), got
    assert _pipeline_claims("Ông Juan Ortega sẽ công bố kết quả kiểm phiếu vào ngày mai.") == set()
    got = _pipeline_claims("Theo Tây Ban Nha, các cuộc đàm phán sẽ tiếp tục trong tuần tới.")
    assert {sp for sp, _, _ in got} == {"Spain"}


def test_an_intended_announcement_is_not_said_yet():
    # "dự định/dự kiến/sắp thông báo": intends to announce; nothing was said
    assert _pipeline_claims("Tổng thống Brazil Lucas Silva dự định thông báo Brazil sẽ rút khỏi hiệp ước.") == set()
    assert _pipeline_claims("Bà Karen Olsen sắp công bố Na Uy sẽ tăng thuế nhập khẩu thép.") == set()
    got = _pipeline_claims("Tổng thống Brazil Lucas Silva thông báo Brazil sẽ rút khỏi hiệp ước.")
    assert {sp for sp, _, _ in got} == {"Lucas_Silva"}


def test_a_quoted_title_after_a_noun_is_no_quotation():
    # 'Trong báo cáo "…", ông X khẳng định …': the quotation names the report
    got = _pipeline_claims(
        'Trong báo cáo "Tương lai của ngành thép Bắc Âu", bà Karen Olsen khẳng định giá thép sẽ giảm trong năm tới.'
    )
    assert {text for _, _, text in got} == {"giá thép sẽ giảm trong năm tới"}, got
    # a quotation that opens the sentence is what was said
    got = _pipeline_claims('"Giá thép sẽ giảm trong năm tới", bà Karen Olsen khẳng định.')
    assert {text for _, _, text in got} == {"Giá thép sẽ giảm trong năm tới"}, got


def test_a_colon_inside_a_quoted_name_leads_no_content():
    got = _pipeline_claims(
        'Bà Karen Olsen nhận định tại Diễn đàn "Thép Bắc Âu: Thách thức mới" do Hiệp hội Thép Na Uy tổ chức tại Oslo.'
    )
    assert not any(text.startswith("Thách thức mới") for _, _, text in got), got


def test_theo_skips_a_profession_in_apposition():
    got = _pipeline_claims(
        "Theo bà Karen Olsen, nhà kinh tế học, giám đốc Viện Nghiên cứu Bắc Âu, giá thép sẽ giảm trong năm tới."
    )
    assert {text for _, _, text in got} == {"giá thép sẽ giảm trong năm tới"}, got
    # a clause with a verb after the speaker is the content itself
    got = _pipeline_claims("Theo bà Karen Olsen, bên cạnh thép, giá nhôm cũng sẽ giảm trong năm tới.")
    assert {text for _, _, text in got} == {"bên cạnh thép, giá nhôm cũng sẽ giảm trong năm tới"}, got


def test_theo_an_outlet_of_a_country_is_not_the_country():
    got = _pipeline_claims("Theo nhật báo Tin Tức Buổi Sáng của Na Uy, giá thép sẽ giảm trong năm tới.")
    assert not any(sp == "Norway" for sp, _, _ in got), got


def test_what_an_agent_announced_in_the_passive_is_no_content():
    # "Thông tin trên được ông X - Chủ tịch Y công bố": the announced thing is the subject
    got = _pipeline_claims("Kết quả trên được bà Lê Thu Hà (chị Hà) - Giám đốc Công ty cổ phần Sữa Tân Phú công bố.")
    assert not any(text.startswith("Kết quả trên") for _, _, text in got), got


def test_saying_goodbye_or_having_the_right_to_ask_reports_nothing():
    assert _pipeline_claims("Huấn luyện viên Marc Weber đã nói lời chia tay với người hâm mộ sau trận đấu.") == set()
    assert _pipeline_claims("Chỉ có bà Karen Olsen mới có quyền yêu cầu công chứng bản di chúc này.") == set()
    got = _pipeline_claims("Huấn luyện viên Marc Weber nói đội bóng sẽ trở lại mạnh mẽ hơn.")
    assert {sp for sp, _, _ in got} == {"Marc_Weber"}, got


def test_supplementing_something_is_no_report_adding_that_is():
    assert _pipeline_claims("Đại hội cổ đông Công ty cổ phần Thép Hòa Bình đã bầu bổ sung ông Trần Văn Minh vào hội đồng quản trị.") == set()
    assert _pipeline_claims("Bộ Tài chính Na Uy bổ sung quy định mới về thuế nhập khẩu thép.") == set()
    got = _pipeline_claims("Bà Karen Olsen bổ sung thêm rằng giá thép sẽ giảm trong năm tới.")
    assert {sp for sp, _, _ in got} == {"Karen_Olsen"}, got


def test_this_unit_or_company_is_the_organisation_named_last():
    got = _pipeline_claims(
        "Ông Trần Văn Minh vừa ký hợp đồng với Tập đoàn Thép Hòa Bình.",
        "Đơn vị này cho rằng giá thép sẽ giảm trong năm tới.",
    )
    assert {sp for sp, _, text in got if text.startswith("giá thép")} == {"Tap_doan_Thep_Hoa_Binh"}, got


def test_an_enterprise_written_dn_is_no_organisation():
    # "DN" (doanh nghiệp, an enterprise) and "PR" (public relations) are abbreviations, no actors
    assert _pipeline_claims("Đại diện DN cho rằng chi phí vận chuyển sẽ còn tăng.") == set()


def test_receiving_or_accepting_a_statement_is_not_making_it():
    assert _pipeline_claims("Bà Karen Olsen vừa nhận thông báo trả hồ sơ của Sở Xây dựng Oslo.") == set()
    assert _pipeline_claims("Tổng thống Brazil Lucas Silva đã chấp nhận đề nghị ngừng bắn của Na Uy.") == set()


def test_a_cue_after_a_passive_marker_and_an_unnamed_agent_is_no_ones_claim():
    got = _pipeline_claims(
        "Bà Karen Olsen phát biểu tại hội nghị.",
        "Khoảnh khắc ấy được bà chia sẻ lên mạng xã hội đã nhanh chóng thu hút sự chú ý.",
    )
    assert got == set(), got
    # "bị cáo" is the defendant, no passive marker
    got = _pipeline_claims("Tại phiên tòa, bị cáo Trần Văn Minh thừa nhận đã nhận tiền của công ty.")
    assert {sp for sp, _, _ in got} == {"Tran_Van_Minh"}, got


def test_a_cue_inside_a_job_title_is_no_report():
    got = _pipeline_claims("Ông Trần Văn Minh, Trưởng phòng dự báo Đài khí tượng Na Uy, cảnh báo mưa lớn sẽ kéo dài.")
    assert {cue for _, cue, _ in got} == {"cảnh báo"}, got
    got = _pipeline_claims("Bộ Quốc phòng Na Uy cho biết cuộc tập trận sẽ kết thúc vào cuối tuần.")
    assert {sp for sp, _, _ in got} == {"Ministry_of_Defence_of_Norway"}, got


def test_theo_skips_a_title_and_a_workplace_in_apposition():
    got = _pipeline_claims(
        "Theo bác sĩ Trần Văn Minh, khoa Nhi, Bệnh viện Đa khoa TP.HCM, trẻ nhỏ cần được tiêm phòng đầy đủ."
    )
    assert {text for _, _, text in got} == {"trẻ nhỏ cần được tiêm phòng đầy đủ"}, got
    got = _pipeline_claims("Theo ông Trần Văn Minh, Cục trưởng Cục Quản lý chất lượng (Bộ Giáo dục), kỳ thi sẽ diễn ra an toàn.")
    assert {text for _, _, text in got} == {"kỳ thi sẽ diễn ra an toàn"}, got
