"""Claims on the kinds of sentence that off-topic news (sport, business, culture) is full
of: cues that are nouns, noun-phrase objects, refusals, topics, quoted phrases inside a
clause, and speakers described by a phrase that names someone else. All sentences are
written for the test; the real pipeline runs (underthesea's tags, entities, roles)."""

from __future__ import annotations

from test_claims import _pipeline_claims


def _cues(got):
    return {(sp, cue) for sp, cue, _ in got}


def test_a_cue_ending_a_compound_noun_is_no_claim():
    # "mối đe dọa": a threat, a noun; France threatens nobody here
    got = _pipeline_claims("Những cầu thủ mới biến Pháp thành mối đe dọa lớn với Brazil trong hành trình giành vé.")
    assert not got


def test_a_cue_that_is_the_object_of_another_verb_is_no_claim():
    # "nâng dự báo", "ban hành cảnh báo": the forecast and the warning are objects
    assert not _pipeline_claims("Ngân hàng Thế giới vừa nâng dự báo tăng trưởng của Brazil lên 3,1% trong năm nay.")
    assert not _pipeline_claims("Chính phủ Pháp đã ban hành cảnh báo du lịch đối với Brazil.")
    # a verb that carries a noun of saying keeps the claim
    got = _pipeline_claims("Tổng thống Brazil Lucas Silva bày tỏ hy vọng hai nước sẽ sớm ký thỏa thuận thương mại.")
    assert ("Lucas_Silva", "hy vọng", "hai nước sẽ sớm ký thỏa thuận thương mại") in got


def test_a_long_noun_phrase_object_of_a_cue_of_telling_is_no_claim():
    got = _pipeline_claims("Bộ Y tế Pháp công bố kết quả kiểm tra chất lượng nước uống năm 2024 tại các thành phố lớn.")
    assert not got
    got = _pipeline_claims("Bộ Y tế Pháp công bố rằng chất lượng nước uống đã được cải thiện đáng kể.")
    assert [text for _, _, text in got] == ["chất lượng nước uống đã được cải thiện đáng kể"]


def test_refusing_an_action_says_nothing():
    assert not _pipeline_claims("Tổng thống Brazil Lucas Silva từ chối tham dự lễ khai mạc dù được mời nhiều lần.")


def test_ve_after_a_cue_of_telling_names_a_topic():
    assert not _pipeline_claims("Ông Lucas Silva phát biểu về hiệu quả của chương trình hỗ trợ nông dân vùng cao.")
    got = _pipeline_claims("Ông Lucas Silva chia sẻ về chuyến thăm: “Chúng tôi đã học được rất nhiều điều từ bạn bè Pháp”.")
    assert got == {("Lucas_Silva", "chia sẻ", "Chúng tôi đã học được rất nhiều điều từ bạn bè Pháp")}


def test_a_short_quoted_phrase_opening_the_clause_keeps_the_clause():
    got = _pipeline_claims(
        "Bà Karen Olsen cho rằng “Ngày Xanh” không chỉ là một lễ hội mà còn là dịp để mọi người gắn kết."
    )
    assert got == {
        ("Karen_Olsen", "cho rằng", "“Ngày Xanh” không chỉ là một lễ hội mà còn là dịp để mọi người gắn kết")
    }


def test_truoc_day_opens_the_content():
    got = _pipeline_claims("Ông Lucas Silva cho biết trước đây ông từng làm việc tại Paris, sau đó chuyển về Brasilia.")
    assert got == {("Lucas_Silva", "cho biết", "trước đây ông từng làm việc tại Paris, sau đó chuyển về Brasilia")}


def test_the_head_of_an_apposition_speaks_not_the_person_named_inside_it():
    got = _pipeline_claims("Bà Karen Olsen, vợ cựu tổng thống Pierre Dumas nói đùa rằng bà không thích nấu ăn.")
    assert got == {("Karen_Olsen", "nói đùa", "bà không thích nấu ăn")}


def test_a_person_before_a_locative_speaks_not_the_organisation_in_it():
    got = _pipeline_claims(
        "Nhà ngoại giao Lucas Silva tại Đại sứ quán Pháp cũng nói hai nước sẽ nối lại đàm phán trong tháng tới."
    )
    assert _cues(got) == {("Lucas_Silva", "nói")}


def test_an_object_noun_phrase_before_a_second_cue_is_no_claim():
    got = _pipeline_claims(
        "Phía Tennis Australia xác nhận những diễn biến tích cực với PTPA và khẳng định sẽ không còn liên quan đến vụ kiện."
    )
    assert got == {("Tennis_Australia", "khẳng định", "sẽ không còn liên quan đến vụ kiện")}


def test_a_place_describing_an_unnamed_plural_head_does_not_speak():
    got = _pipeline_claims(
        "Bên cạnh những câu chuyện cá nhân, các chuyên gia giáo dục châu Âu cũng nhấn mạnh rằng chương trình "
        "không giới hạn ở sinh viên."
    )
    assert not got


def test_lying_is_not_saying():
    from kg.extract.claims import _lexicon

    cues = [m.group(1) for m in _lexicon().cue_re.finditer("Cô ấy nhiều lần nói dối về học vấn, rồi nói đùa rằng mình vô tội.")]
    assert cues == ["nói đùa"]


def test_a_cue_after_a_passive_marker_is_not_said_by_the_subject():
    assert not _pipeline_claims("Những cầu thủ trẻ như Lucas Silva - tài năng được kỳ vọng tỏa sáng ở giải đấu năm nay.")
    assert not _pipeline_claims("Bà Karen Olsen, người được đánh giá là nhà ngoại giao giỏi nhất, sẽ tới Paris.")


def test_a_person_before_a_title_without_a_comma_speaks_not_the_organisation():
    got = _pipeline_claims(
        "Ông Pierre Dumas Phó tổng giám đốc Ngân hàng Société Générale cho biết lãi suất sẽ giảm trong quý tới."
    )
    assert len(got) == 1
    speaker, cue, text = next(iter(got))
    assert speaker.startswith("Pierre_Dumas") and (cue, text) == ("cho biết", "lãi suất sẽ giảm trong quý tới")


def test_writing_a_work_is_no_claim_writing_words_is():
    assert not _pipeline_claims("Nhà văn Karen Olsen từng viết tản văn, truyện ngắn và có bằng tiến sĩ tâm lý học.")
    got = _pipeline_claims("Bà Karen Olsen viết trên mạng xã hội: “Tôi rất biết ơn mọi người”.")
    assert got == {("Karen_Olsen", "viết", "Tôi rất biết ơn mọi người")}


def test_a_pronoun_inside_someone_elses_quote_does_not_make_a_claim():
    got = _pipeline_claims(
        "Ông Pierre Dumas tới Paris hôm qua.",
        "“Ông ấy không phàn nàn, ông ấy đe dọa rằng sẽ rút toàn bộ vốn khỏi dự án”, bà Karen Olsen nói.",
    )
    assert got == {("Karen_Olsen", "nói", "Ông ấy không phàn nàn, ông ấy đe dọa rằng sẽ rút toàn bộ vốn khỏi dự án")}


def test_a_nominalised_object_is_a_noun_phrase_not_a_clause():
    assert not _pipeline_claims("Bà Karen Olsen biết chuyện và xác nhận cả việc bán nhà đất cho gia đình ông Pierre Dumas.")
    assert not _pipeline_claims(
        "Sau một thời gian vận hành, ông Lucas Silva nhận thấy sự quan tâm từ cả du khách nội địa và quốc tế."
    )
    # with a predicate of its own the nominalised phrase is the subject of a reported clause
    got = _pipeline_claims("Ông Lucas Silva nhận thấy việc mở rộng sân bay là cần thiết.")
    assert got == {("Lucas_Silva", "nhận thấy", "việc mở rộng sân bay là cần thiết")}


def test_a_second_cue_after_a_quote_and_its_cue_reports_what_follows():
    got = _pipeline_claims(
        "“Có thể còn căng thẳng hơn cả làm việc ở Paris”, bà Karen Olsen nói, cho biết từng phải nghỉ việc sau một tuần."
    )
    assert got == {
        ("Karen_Olsen", "nói", "Có thể còn căng thẳng hơn cả làm việc ở Paris"),
        ("Karen_Olsen", "cho biết", "từng phải nghỉ việc sau một tuần"),
    }


def test_a_published_thing_as_the_object_of_cong_bo_is_no_claim():
    # the tags read nouns inside these objects as verbs ("thuế quan/V", "hiệp định/V"),
    # so the head noun ("kế hoạch", "tuyên bố chung", "báo cáo") decides
    assert not _pipeline_claims("Khi đó Tổng thống Lucas Silva công bố kế hoạch thuế quan “có đi có lại” với nhiều đối tác.")
    assert not _pipeline_claims(
        "Pháp và Brazil đã công bố tuyên bố chung về khuôn khổ hiệp định thương mại đối ứng, công bằng và cân bằng ngày 26-10."
    )
    assert not _pipeline_claims(
        "Về tình hình kinh doanh, Công ty Hưng Phát đã công bố báo cáo tài chính quý 1 với doanh thu thuần "
        "hơn 3.000 tỉ đồng, tăng gấp 20 lần so với cùng kỳ."
    )
    assert not _pipeline_claims(
        "Công ty Minh Long công bố kế hoạch tổ chức đại hội đồng cổ đông thường niên năm 2025, dự kiến diễn ra vào cuối tháng 6 này."
    )


def test_a_published_thing_that_is_a_subject_keeps_the_claim():
    # a predicate after the head, or a report inside the content, makes it a clause
    got = _pipeline_claims("Nhà Trắng công bố quyết định này có hiệu lực ngược trở lại từ ngày 13-11.")
    assert {text for _, _, text in got} == {"quyết định này có hiệu lực ngược trở lại từ ngày 13-11"}
    got = _pipeline_claims("Viện Khoa học Nam Hải công bố kết quả khảo sát cho thấy 70% người dân ủng hộ dự án.")
    assert {text for _, _, text in got} == {"kết quả khảo sát cho thấy 70% người dân ủng hộ dự án"}


def test_an_actor_after_a_preposition_is_not_the_speaker():
    # "với X": X is the object of a phrase, not who "khẳng định"
    got = _pipeline_claims(
        "Đáng chú ý, cô đăng loạt hình ảnh chụp chung với Minh Khôi như ngầm khẳng định nam diễn viên là bạn trai của mình."
    )
    assert not any(sp == "Minh_Khoi" for sp, _, _ in got)
    # the outlet one spoke with heads no apposition "- Znews, Y"
    got = _pipeline_claims("Chia sẻ với Tri Thức - Znews, Tuấn Đạt cho biết người đăng video là em gái của mình.")
    assert not any(sp == "Tri_Thuc" for sp, _, _ in got)
    # "cùng với" after a subject still coordinates two speakers
    got = _pipeline_claims("Ông Lucas Silva cùng với bà Karen Olsen cho biết hai bên sẽ hợp tác lâu dài.")
    assert {sp for sp, _, _ in got} == {"Lucas_Silva", "Karen_Olsen"}


def test_the_press_of_a_country_is_not_the_country():
    # "truyền thông" is often tagged a verb, so the collective noun is read as a word
    assert not _pipeline_claims(
        "Năm 2019, truyền thông Trung Quốc bất ngờ đưa tin, chồng của nữ diễn viên bị một sòng bài tố cáo quỵt nợ."
    )
    # a subject shared with an earlier predicate ("từng lên tiếng …, cho rằng …")
    assert not _pipeline_claims(
        "Truyền thông Trung Quốc từng lên tiếng về vấn đề này, cho rằng các nhóm biểu diễn kiểu này làm mất uy tín của ngôi chùa."
    )


def test_an_outlet_relaying_a_name_it_did_not_resolve_does_not_speak():
    assert not _pipeline_claims("“Tôi rất vui khi trở lại”, báo Marca dẫn lời tiền vệ Hernandez.")
    got = _pipeline_claims("Hãng tin Reuters dẫn lời Ngoại trưởng Pháp Jean Dupont cho biết Paris sẽ gửi thêm viện trợ.")
    assert ("Jean_Dupont", "cho biết", "Paris sẽ gửi thêm viện trợ") in got


def test_said_so_reports_nothing_new():
    # "nói như vậy sau …": what was said came before; the rest is when it was said
    assert not _pipeline_claims("Tay vợt Lucas Silva nói như vậy sau thất bại trước đối thủ người Ý ở bán kết.")


def test_people_of_an_organisation_are_not_the_organisation():
    # "hàng trăm sinh viên của Trường X": the students speak, unnamed
    assert not _pipeline_claims(
        "Sau khi thông báo được đưa ra, hàng trăm sinh viên của Trường đại học Nam Hải đã bày tỏ sự vui mừng trên mạng xã hội."
    )
    # a representative or a statement of the organisation speaks for it
    got = _pipeline_claims("Đại diện của Công ty Hưng Phát cho biết nhà máy sẽ hoạt động trở lại vào tháng sau.")
    assert {sp for sp, _, _ in got} == {"Cong_ty_Hung_Phat"}


def test_a_pronoun_after_a_quote_is_not_someone_the_quote_names():
    got = _pipeline_claims(
        "Ông Lucas Silva phát biểu tại hội nghị.",
        "“Tôi đã gặp Tổng thống Pháp Jean Dupont hôm qua”, ông nói.",
    )
    assert {sp for sp, _, _ in got} == {"Lucas_Silva"}
    got = _pipeline_claims(
        "Bà Karen Olsen là quản lý của nhóm nhạc.",
        "“Ai sẽ là người đầu tiên gặp ca sĩ Lucas Silva tại Hà Nội? Chỉ dành cho khán giả hạng vàng thôi nha”, người này viết.",
    )
    assert {sp for sp, _, _ in got} == {"Karen_Olsen"}


def test_a_theo_frame_closing_the_sentence_cites_the_clause_before_it():
    got = _pipeline_claims(
        "Để phát triển sản phẩm tài chính số, doanh nghiệp cần đáp ứng các tiêu chí minh bạch và tốc độ, "
        "theo bà Karen Olsen, Tổng giám đốc công ty Nam Hải."
    )
    assert got == {
        ("Karen_Olsen", "theo", "Để phát triển sản phẩm tài chính số, doanh nghiệp cần đáp ứng các tiêu chí minh bạch và tốc độ")
    }


def test_a_theo_frame_with_a_parenthesis_or_without_its_comma():
    # the comma inside "(56 tuổi, …)" does not close the frame
    got = _pipeline_claims(
        "Theo phản ánh của chị Karen Olsen (SN 1992, trú tại xã Phiêng Khoài, Sơn La) tới phóng viên, "
        "con trai chị bị sốt cao nhiều ngày."
    )
    assert got == {("Karen_Olsen", "Theo", "con trai chị bị sốt cao nhiều ngày")}
    assert not _pipeline_claims(
        "Phiên tòa được mở lại theo đơn khởi kiện của ông Lucas Silva (66 tuổi, trú quận Hoàng Mai, Hà Nội) kiện trường đại học."
    )
    # no comma after the person: the clause opens at its subject
    got = _pipeline_claims(
        "Tuy nhiên, theo ông Lucas Silva thị trường khoa học trong nước chưa phát triển đúng với tiềm năng, "
        "nguồn cầu còn yếu bởi nhiều nguyên nhân."
    )
    assert {text for _, _, text in got} == {
        "thị trường khoa học trong nước chưa phát triển đúng với tiềm năng, nguồn cầu còn yếu bởi nhiều nguyên nhân"
    }
    # done on someone's advice: nothing they said
    assert not _pipeline_claims("Sau đó, theo lời khuyên của bà Karen Olsen, anh bỏ việc và cùng vợ khởi nghiệp bằng một mỏ than.")


def test_an_organisation_ending_a_named_persons_description_does_not_speak():
    # the person after "ThS.BS" is not linked here; the hospital only says where she works
    got = _pipeline_claims(
        "ThS.BS Trần Thị Mỹ Duyên, Đơn nguyên Tiêm chủng, Bệnh viện Đại học Y Dược TP.HCM nhấn mạnh rằng "
        "trẻ cần được tiêm đủ mũi vắc xin."
    )
    assert not any(sp.startswith("Benh_vien") for sp, _, _ in got)
    # an organisation that opens its clause still speaks
    got = _pipeline_claims("Sau khi gặp ông Lucas Silva, Bộ Ngoại giao Pháp cho biết hai bên sẽ tiếp tục đối thoại.")
    assert {sp for sp, _, _ in got} == {"Ministry_of_Foreign_Affairs_of_France"}


def test_a_cue_that_heads_another_word_or_is_a_notice_one_has_is_no_claim():
    # "khuyên nhủ" (to exhort) and "nói chung/nói riêng" (in general/in particular)
    got = _pipeline_claims("Ông Lucas Silva đã khuyên nhủ khán giả nên lắng nghe và thấu hiểu.")
    assert not any(cue == "khuyên" for _, cue, _ in got)
    assert not _pipeline_claims(
        "Các doanh nghiệp Pháp nói chung và Tập đoàn Nam Hải nói riêng sẽ tiếp tục mở rộng đầu tư tại Brazil."
    )
    # "có thông báo về việc …": a notice about an act, not a report
    assert not _pipeline_claims("Thành ủy Hà Nội vừa có thông báo về việc phân công nhiệm vụ cho các ủy viên Ban Thường vụ.")
    # the one-syllable cue on its own still reports
    got = _pipeline_claims("Ông Lucas Silva khuyên khán giả nên lắng nghe và thấu hiểu.")
    assert got == {("Lucas_Silva", "khuyên", "khán giả nên lắng nghe và thấu hiểu")}


def test_a_numbered_document_and_a_shared_life_are_no_claims():
    assert not _pipeline_claims(
        "Ngày 7-11, Chủ tịch UBND tỉnh Nam Hải Lucas Silva ký ban hành thông báo số 1311 về việc ủy nhiệm điều hành công việc."
    )
    assert not _pipeline_claims(
        "Khi Karen Olsen và chồng chia sẻ cuộc sống gia đình trên mạng xã hội, họ nhanh chóng thu hút sự chú ý."
    )
    # "số" opening a reported clause is no document number
    got = _pipeline_claims("Bộ Y tế Pháp cho biết số ca mắc sốt xuất huyết đã tăng mạnh trong tuần qua.")
    assert {text for _, _, text in got} == {"số ca mắc sốt xuất huyết đã tăng mạnh trong tuần qua"}


def test_two_or_three_words_after_a_cue_are_no_reported_clause():
    assert not _pipeline_claims("Sau sự việc, Bệnh viện Đa khoa Nam Hải cũng đã thừa nhận thiếu sót.")
    assert not _pipeline_claims("Tổng thống Lucas Silva đang cố đổ lỗi cho người khác.")
    # a quotation keeps a short content
    got = _pipeline_claims("Tổng thống Lucas Silva nói: “Tôi không né tránh”.")
    assert {text for _, _, text in got} == {"Tôi không né tránh"}


def test_a_city_in_apposition_or_a_purpose_clause_does_not_speak():
    # "UBND quận X, TP.HCM": the city locates the unlinked office before it
    got = _pipeline_claims("UBND quận Bình Tân, TP.HCM đề xuất tăng thêm gần 700 chỉ tiêu lớp 10 công lập cho trường.")
    assert not any(sp == "Ho_Chi_Minh_City" for sp, _, _ in got)
    # "cơ hội để X tái khẳng định": what X may do, not what X said
    assert not _pipeline_claims("Diễn đàn tại Monaco là cơ hội để Việt Nam tái khẳng định các nỗ lực trong bảo vệ đại dương.")
    # a city opening its clause after a phrase still speaks
    got = _pipeline_claims("Trước tầm quan trọng của lễ kỷ niệm, Hà Nội đề nghị các sở chủ trì xây dựng đề cương tuyên truyền.")
    assert {sp for sp, _, _ in got} == {"Hanoi"}


def test_a_country_completing_a_location_and_an_intended_assessment_are_no_claims():
    got = _pipeline_claims(
        "Trước đó cảnh sát ở thành phố Juarez, Mexico thông báo đã giải cứu 49 người di cư bị bắt cóc khi tìm cách vượt biên."
    )
    assert not any(sp == "Mexico" for sp, _, _ in got)
    # "để tiếp tục đánh giá": what the meeting is for, not an assessment made
    assert not _pipeline_claims(
        "Thủ tướng Lucas Silva chủ trì cuộc họp với các bộ, ngành để tiếp tục đánh giá, cập nhật tình hình, "
        "diễn biến mới sau khi phía Mỹ áp thuế."
    )
    got = _pipeline_claims("Tại cuộc họp đó, Nhật Bản đã đề nghị các nước cần có sự hiểu biết chung về dự trữ dầu mỏ.")
    assert {sp for sp, _, _ in got} == {"Japan"}


def test_a_country_inside_an_unlinked_organisation_name_does_not_speak():
    # "Tòa án tối cao Mỹ": a court with a lower-case qualifier in its name
    got = _pipeline_claims(
        "Từ năm 1967, Tòa án tối cao Mỹ đã khẳng định công dân Mỹ sinh ra trong nước chỉ mất quốc tịch khi tự nguyện từ bỏ."
    )
    assert not any(sp == "United_States" for sp, _, _ in got)
    # "<Name> của <country>": the country owns the named source
    assert not _pipeline_claims("Theo Dịch vụ Y tế Quốc gia của Vương quốc Anh, người lớn từ 19 tuổi trở lên cần 700 mg canxi mỗi ngày.")
    # a statement of the country is the country's ("thông báo của Mỹ")
    got = _pipeline_claims("Theo thông báo của Mỹ, hai bên sẽ gặp nhau vào tuần tới tại Geneva.")
    assert {sp for sp, _, _ in got} == {"United_States"}


def test_a_content_first_phrase_without_a_verb_is_no_claim():
    assert not _pipeline_claims("Sau 11 năm (2008 - 2019), Bộ Nông nghiệp Pháp công nhận.")


def test_a_relative_named_by_their_tie_speaks_not_the_person():
    got = _pipeline_claims("Tại tòa, anh trai bà Karen Olsen cho biết gia đình đã nộp 66 tỉ đồng để khắc phục hậu quả của vụ án.")
    assert not any(sp == "Karen_Olsen" for sp, _, _ in got)
    # "anh" before a name is a form of address: that person speaks
    got = _pipeline_claims("Anh Lucas Silva cho biết gia đình đã nộp 66 tỉ đồng để khắc phục hậu quả.")
    assert {sp for sp, _, _ in got} == {"Lucas_Silva"}


def test_a_content_cut_short_at_the_next_cue_and_saying_someone_is_right():
    # "yêu cầu xin lỗi, đồng thời đề nghị …": once cut at the second cue, two words remain
    got = _pipeline_claims(
        "Bất bình về phát biểu của trọng tài, Real Madrid yêu cầu xin lỗi, đồng thời đề nghị thay trọng tài chính nhưng bị từ chối."
    )
    assert {cue for _, cue, _ in got} == {"đề nghị"}
    # "nói đúng": is right, inside the quoted words of someone else
    got = _pipeline_claims("Bà Karen Olsen cho biết: “Anh Lucas Silva nói đúng mà, từ xưa đến giờ tôi rất thương con riêng của mình”.")
    assert {sp for sp, _, _ in got} == {"Karen_Olsen"}


def test_a_photo_caption_glued_after_a_cue_is_not_what_was_said():
    assert not _pipeline_claims(
        "Nhà báo lão thành Lucas Silva chia sẻ - Ảnh: Báo Nhân Dân Buổi ra mắt sách diễn ra chiều 5-6 tại trụ sở báo."
    )


def test_an_agent_phrase_before_a_cue_makes_no_report_of_what_follows():
    # "được X công bố", "do X đề xuất": passive or relative; the noun before is the object
    assert not _pipeline_claims(
        "Mẫu xe mới gần như giống hệt với bản vẽ được Tập đoàn Renault công bố trước đó, đồng thời có thêm vài thay đổi nhỏ."
    )
    got = _pipeline_claims(
        "Trước lo ngại về thuế quan do Tổng thống Pháp Lucas Silva đề xuất, lãnh đạo Tập đoàn Renault cho biết điều này không ảnh hưởng nhiều đến doanh nghiệp."
    )
    assert not any(sp == "Lucas_Silva" for sp, _, _ in got)
    # a colon after the cue leads what the agent said; a raised predicate is what was said of the subject
    got = _pipeline_claims("Một chi tiết thú vị được ông Lucas Silva chia sẻ: chiếc máy bay mang số 13 suốt hai mươi năm.")
    assert {sp for sp, _, _ in got} == {"Lucas_Silva"}
    got = _pipeline_claims("Nền kinh tế Brazil được Quỹ Tiền tệ Quốc tế dự báo giảm 8% trong năm tài khóa này.")
    assert {cue for _, cue, _ in got} == {"dự báo"}
    # a quantified agent, unnamed: nobody to credit, and what follows is no report
    got = _pipeline_claims(
        "Bộ Giáo dục Pháp cho biết số thí sinh dự thi năm nay tăng mạnh.",
        "Chứng chỉ này được hơn 3.000 tổ chức trên thế giới công nhận, bao gồm nhiều trường đại học lớn tại Pháp.",
    )
    assert {cue for _, cue, _ in got} == {"cho biết"}


def test_a_glued_photo_caption_credit_ends_the_content():
    # "… - Ảnh: <credit> <next sentence>": the crawler glued the caption to the next sentence
    got = _pipeline_claims(
        "Bà Karen Olsen cho rằng thị trường nhà ở đang hồi phục rất nhanh - Ảnh: Reuters Theo báo cáo mới, giá nhà tăng 5% trong quý."
    )
    assert ("Karen_Olsen", "cho rằng", "thị trường nhà ở đang hồi phục rất nhanh") in got
    # the caption of a speech: what follows the credit is not what was said
    got = _pipeline_claims(
        "Ông Lucas Silva phát biểu khai mạc hội nghị - Ảnh: Báo Nhân Dân Chiều 5-6, hội nghị thường niên của ngành gỗ đã diễn ra tại Hà Nội."
    )
    assert not any(sp == "Lucas_Silva" for sp, _, _ in got)


def test_theo_frame_drops_the_workplace_after_the_title():
    # a dash opened inside the frame closes after the workplace
    got = _pipeline_claims(
        "Theo PGS Karen Olsen - trưởng khoa kiến trúc, Đại học Bách khoa Oslo - thói quen chuộng hàng ngoại đang làm nghề thiết kế mất dần bản sắc."
    )
    assert {text for _, _, text in got} == {"thói quen chuộng hàng ngoại đang làm nghề thiết kế mất dần bản sắc"}
    # a title piece and then the group it belongs to
    got = _pipeline_claims(
        "Theo ông Lucas Silva, Tổng giám đốc Công ty Điện toán Nord, Tập đoàn Nord, doanh nghiệp sẽ tiếp tục đầu tư mạnh vào hạ tầng dữ liệu."
    )
    assert {text for _, _, text in got} == {"doanh nghiệp sẽ tiếp tục đầu tư mạnh vào hạ tầng dữ liệu"}


def test_a_relative_or_agent_named_by_a_pronoun_is_unnamed():
    # "Con trai nuôi của ông": his son spoke, not he; "tuyên bố của ông" is his own
    got = _pipeline_claims(
        "Ông Lucas Silva qua đời tại Paris ở tuổi 90.",
        "Con trai nuôi của ông cho biết những năm cuối đời ông sống bình yên bên con cháu.",
        "Tuyên bố của ông cho biết gia đình sẽ tổ chức lễ tang riêng tư.",
    )
    assert got == {("Lucas_Silva", "cho biết", "gia đình sẽ tổ chức lễ tang riêng tư")}


def test_words_in_the_first_person_singular_are_no_organisation_s():
    # a club's name read as the speaker of a player's "tôi": a person misread, no claim
    got = _pipeline_claims(
        "Chia sẻ bên lề buổi lễ, cựu cầu thủ Real Madrid cho biết: “Tôi hoàn toàn bất ngờ khi được mời tới đây.”"
    )
    assert not any(sp == "Real_Madrid" for sp, _, _ in got)
    # "mình" opening the clause is "I" too
    got = _pipeline_claims(
        "Cựu sinh viên Đại học Oslo chia sẻ: “Mình thật sự bất ngờ khi gia đình lên tận nơi cổ vũ mình thi đấu.”"
    )
    assert not any(sp == "Dai_hoc_Oslo" for sp, _, _ in got)
    # "chúng tôi" (we) is an organisation's own word
    got = _pipeline_claims("Real Madrid cho biết: “Chúng tôi sẽ kháng cáo quyết định này lên tòa án thể thao.”")
    assert {sp for sp, _, _ in got} == {"Real_Madrid"}


def test_an_owner_inside_a_shared_subject_does_not_speak():
    # the cue shares the subject of an earlier clause: "Đạo diễn của <film>" spoke, unnamed
    got = _pipeline_claims(
        "Đạo diễn của Lucas Silva phiêu lưu ký từng hết lời khen ngợi nữ chính và khẳng định, cô đã vượt qua 300 ứng viên khác."
    )
    assert not any(sp == "Lucas_Silva" for sp, _, _ in got)


def test_a_member_of_an_organisation_does_not_speak_for_it():
    # "nam sinh Trường X", "cầu thủ Real Madrid": a member spoke, unnamed
    got = _pipeline_claims("Cầu thủ Real Madrid cho biết cả đội đã chuẩn bị rất kỹ cho trận chung kết năm nay.")
    assert not any(sp == "Real_Madrid" for sp, _, _ in got)
    # its representative speaks for it
    got = _pipeline_claims("Đại diện Real Madrid cho biết câu lạc bộ đã chuẩn bị rất kỹ cho trận chung kết năm nay.")
    assert {sp for sp, _, _ in got} == {"Real_Madrid"}
