"""Where a name ends, on our own sentences (issue 11, entities on off-topic text).

A crawler that drops the full stop after a photo credit leaves the next
sentence's capitalised first word ("Trong", "Theo", "Cặp") right after a name;
that word is no part of the name. Vietnamese given names that are the same
words ("Được", "Trong") stay in their names."""

from __future__ import annotations

from kg.nlp import analyse
from kg.pipeline import extract

from test_org_holders import _article

PIPE = ("entities", "link")


def _labels(*sentences: str) -> dict[str, str]:
    found = extract(analyse(_article(*sentences)), PIPE)
    out = {}
    for e in found.entities.values():
        for name in {e.label, *e.aliases}:
            out[name] = e.type
    return out


def _has_word(labels: dict[str, str], word: str) -> list[str]:
    return [n for n in labels if word in n.split()]


def test_a_clause_opener_after_a_photo_credit_is_no_part_of_the_name():
    labels = _labels(
        "Mẫu xe mới ra mắt tại triển lãm - Ảnh: Carlington Trong khi đó, hãng đối thủ chưa công bố giá bán.",
        "Hai diễn viên trong bộ ảnh cưới - Ảnh: Starpost Cặp đôi cho biết sẽ tổ chức hôn lễ vào tháng sau.",
    )
    assert not _has_word(labels, "Trong")
    assert not _has_word(labels, "Cặp")


def test_a_source_after_a_photo_credit_is_its_own_name():
    labels = _labels("Một góc cửa hàng - Ảnh: Northwind Theo Daily Ledger, doanh số quý này giảm mạnh.")
    assert not _has_word(labels, "Theo")
    assert "Daily Ledger" in labels


def test_a_date_after_a_place_is_no_part_of_it():
    labels = _labels(
        "Ban chỉ huy quân sự Phan Rang Sáng 6-11, đoàn kiểm tra đã làm việc với địa phương.",
        "Cảnh sát khu vực Tân Lập Ngày 9-6, công an đã bắt giữ nghi phạm.",
    )
    assert not _has_word(labels, "Sáng") and not _has_word(labels, "Ngày")


def test_vietnamese_given_names_that_are_function_words_stay_whole():
    labels = _labels(
        "Ông Nguyễn Văn Được cho biết thành phố sẽ hoàn thành dự án trong năm nay.",
        "Ông Võ Đức Trong được bổ nhiệm giữ chức trưởng ban.",
    )
    assert labels.get("Nguyễn Văn Được") == "Person"
    assert labels.get("Võ Đức Trong") == "Person"


def test_an_organisations_name_runs_on_over_the_object_of_its_domain():
    labels = _labels(
        "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, chiều nay mưa lớn sẽ giảm dần.",
        "Ông Lưu Đình Phong, chủ tịch Tổng công ty Phát triển đô thị Kinh Bắc, cho biết dự án đã khởi công.",
        "Cục An toàn thực phẩm yêu cầu các cửa hàng rà soát sản phẩm.",
    )
    assert labels.get("Trung tâm Dự báo khí tượng thủy văn quốc gia") == "Organization"
    assert labels.get("Tổng công ty Phát triển đô thị Kinh Bắc") == "Organization"
    assert labels.get("Cục An toàn thực phẩm") == "Organization"
    assert not {"Trung tâm Dự báo", "Tổng công ty Phát triển", "Cục An toàn"} & set(labels)


def test_a_closed_domain_ends_where_its_capitals_end():
    labels = _labels("Bộ Y tế ngày 5-6 gửi văn bản tới các địa phương.", "Bộ Xây dựng đề nghị các tỉnh rà soát.")
    assert "Bộ Y tế" in labels and "Bộ Xây dựng" in labels
    assert not [n for n in labels if n.startswith(("Bộ Y tế ", "Bộ Xây dựng "))]


def test_a_newspaper_named_after_its_city_is_one_organisation():
    labels = _labels(
        "Theo New York Post, nữ ca sĩ đã hủy buổi diễn cuối tuần.",
        "Báo Bangkok Post dẫn lời một quan chức cho biết biên giới vẫn mở.",
    )
    assert labels.get("New York Post") == "Organization"
    assert labels.get("Bangkok Post") == "Organization"
    assert "Post" not in labels


def test_english_words_that_close_no_persons_name():
    labels = _labels(
        "Phong cách của công nương Kate nhanh chóng thành hiện tượng, với hiệu ứng Kate Effect khiến trang phục cháy hàng.",
        "Giám đốc Marlowe Robotics cho biết công ty sẽ mở nhà máy mới.",
        "Ngân hàng Pellham Generale cho rằng giá vàng còn tăng.",
    )
    assert "Kate Effect" not in labels and labels.get("Kate") == "Person"
    assert labels.get("Marlowe Robotics") == "Organization"
    assert labels.get("Pellham Generale") != "Person"


def test_capitalised_ho_before_a_name_is_a_family_name_not_a_lake():
    labels = _labels(
        "Bí thư Thành ủy Đà Lạt Hồ Văn Khoa vừa đề nghị thành phố lập kế hoạch xây nhà công vụ.",
        "Chị Hồ Thị Lựu cho biết nhà hàng đã xin lỗi gia đình.",
        "Du khách đi dạo quanh hồ Gươm vào sáng sớm.",
    )
    assert labels.get("Hồ Văn Khoa") == "Person" and labels.get("Hồ Thị Lựu") == "Person"
    assert "Văn Khoa" not in labels and "Thị Lựu" not in labels


def test_the_znews_signature_is_an_outlet_not_a_person():
    labels = _labels("Trả lời Tri Thức - Znews, anh Lâm Quốc Bảo cho biết quán đã kín chỗ từ sáng.")
    assert labels.get("Tri Thức - Znews") == "Organization" or labels.get("Znews") == "Organization"
    assert labels.get("Tri Thức") != "Person"


def test_the_city_youth_union_is_an_organisation_not_a_person():
    labels = _labels(
        "Đại diện Thành Đoàn cho biết chương trình tình nguyện sẽ kéo dài hai tháng.",
        "Ông Nguyễn Thành Đoàn cho biết đội bóng đã sẵn sàng.",
    )
    assert labels.get("Thành Đoàn") == "Organization"
    assert labels.get("Nguyễn Thành Đoàn") == "Person"


def test_duc_before_a_vietnamese_given_name_is_part_of_the_name():
    labels = _labels(
        "Anh Lâm Đức Hải mở quán cà phê năm ngoái.",
        "Đức Hải cho biết quán đang thua lỗ nhưng anh vẫn cố duy trì.",
        "Đức Giáo hoàng Leo XIV kêu gọi hòa bình.",
    )
    assert "Hải" not in labels
    assert labels.get("Đức Hải") == "Person" or labels.get("Lâm Đức Hải") == "Person"


def test_companies_and_clubs_named_like_towns_are_organisations():
    labels = _labels(
        "Toyota cho biết mẫu xe điện mới sẽ ra mắt cuối năm.",
        "Chelsea đã đề nghị mức phí chuyển nhượng kỷ lục.",
        "Cushman & Wakefield cho hay giá căn hộ tiếp tục tăng.",
    )
    assert labels.get("Toyota") == "Organization"
    assert labels.get("Chelsea") == "Organization"
    assert labels.get("Cushman & Wakefield") == "Organization" and "Wakefield" not in labels


def test_a_form_of_address_after_a_credit_opens_the_persons_name():
    labels = _labels("Toàn cảnh hội thảo - Ảnh: Kordia Bà Elina Marsh cho biết dự án sẽ mở rộng.")
    assert "Elina Marsh" in labels
    assert not _has_word(labels, "Bà")


# --- session 7 (s7e): words glued to the edges of names, titles read as names ---------------


def _speakers(*sentences: str) -> set[str]:
    found = extract(analyse(_article(*sentences)), ("entities", "link", "claims"))
    return {found.entities[c.speaker].label for c in found.claims if c.speaker in found.entities}


def test_a_discourse_word_before_a_name_is_no_part_of_it():
    labels = _labels(
        'Nhiều người bình luận: "Lại là chuyện cũ rồi", "Phía Song Ji Hyo nên kiện chứ", '
        '"Công ty quản lý nên chặn tài khoản của cô ấy đi".',
        "Phía Song Ji Hyo cũng khẳng định cô không liên quan tới dự án phim.",
    )
    assert "Song Ji Hyo" in labels
    assert not _has_word(labels, "Phía")


def test_a_teacher_addressed_as_thay_is_named_without_the_address():
    labels = _labels(
        "Thầy Khuê cho biết học sinh năm nay làm bài tốt hơn năm trước.",
        "Học sinh ôn tập trong thư viện - Ảnh: Hoài An Thầy Lê Văn Khuê cho rằng đề thi cần ổn định.",
    )
    assert labels.get("Lê Văn Khuê") == "Person"
    assert not _has_word(labels, "Thầy")


def test_a_capitalised_title_after_another_title_is_no_person():
    labels = _labels(
        "Bà Lò Thị Hạnh, Phó Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh Sơn La cùng lãnh đạo "
        "tỉnh đã tiếp nhận hàng cứu trợ, bày tỏ cảm ơn các nhà hảo tâm."
    )
    assert "Trưởng Đoàn" not in labels
    assert labels.get("Lò Thị Hạnh") == "Person"


def test_an_office_name_keeps_its_last_capitalised_word_and_its_city():
    labels = _labels(
        "Cục Quản lý Dược đề nghị các sở y tế thu hồi lô thuốc giả.",
        "Theo UBND TP HCM, thành phố sẽ xây thêm nhà ở xã hội.",
        "Phó Chủ tịch UBND TP. Bà Lan cho biết lễ hội kéo dài một tuần.",
    )
    assert labels.get("Cục Quản lý Dược") == "Organization" and "Dược" not in labels
    assert labels.get("UBND TP HCM") == "Organization" and "UBND TP" not in labels
    assert not [n for n in labels if "Bà Lan" in n and labels[n] == "Organization"]


def test_a_coach_abbreviated_hlv_is_the_person_after_the_abbreviations():
    labels = _labels("Cựu HLV ĐTQG Sathianathan nói rằng bóng đá trẻ cần thêm đầu tư.")
    assert labels.get("Sathianathan") == "Person"
    assert "HLV ĐTQG Sathianathan" not in labels


def test_a_known_company_before_a_family_name_is_its_own_name():
    labels = _labels(
        "CEO Meta Mark Zuckerberg cho biết ứng dụng đã có một tỷ người dùng.",
        "Hồi đầu năm, CEO Meta Zuckerberg nhận xét trí tuệ nhân tạo ngày càng mạnh.",
    )
    assert "Meta Zuckerberg" not in labels
    assert labels.get("Mark Zuckerberg") == "Person"


def test_an_office_named_after_its_country_is_cut_from_the_person():
    labels = _labels(
        "Phát ngôn viên Tòa Thánh Vatican Paolo Ricci cho biết các hồng y sẽ họp kín vào tuần sau."
    )
    assert labels.get("Paolo Ricci") == "Person"
    assert "Tòa Thánh Vatican Paolo Ricci" not in labels


def test_a_family_name_glued_into_an_organisation_elsewhere_stays_the_person():
    speakers = _speakers(
        "Derek Fury rút lại quyết định giải nghệ sau hai năm.",
        "Nhà tổ chức viết trên mạng xã hội X. Fury sẽ trở lại võ đài vào mùa hè.",
        "Fury tuyên bố sẽ hạ knock-out đối thủ ngay trong hiệp đầu.",
    )
    assert "Derek Fury" in speakers
    assert "Fury" not in speakers


def test_the_youth_union_is_an_organisation_not_a_family_name():
    labels = _labels(
        "Theo Trung ương Đoàn, việc thành lập tổ chức mới nhằm sắp xếp lại bộ máy.",
        "Ban Chấp hành Đoàn Thanh niên Quốc hội đã họp phiên đầu tiên.",
    )
    assert "Đoàn" not in labels and "Đoàn Thanh" not in labels
    assert labels.get("Đoàn Thanh niên Quốc hội") == "Organization"


def test_a_creator_named_by_an_english_loanword_is_named_without_it():
    labels = _labels("TikToker Hải Yến cho biết cô sẽ tạm nghỉ quay video một tháng.")
    assert labels.get("Hải Yến") == "Person"
    assert not _has_word(labels, "TikToker")


def test_an_inspectorate_is_named_with_its_office():
    labels = _labels("Thanh tra Sở Y tế tỉnh Gia Lai khuyến cáo người dân không đến các cơ sở không phép.")
    assert labels.get("Thanh tra Sở Y tế tỉnh Gia Lai") == "Organization"
    assert "Sở Y tế tỉnh Gia Lai" not in labels


def test_the_article_of_an_outlets_name_opens_it_after_theo():
    labels = _labels("Theo The Lantern ngày 3/9, đoạn phim thu hút hàng triệu lượt xem.")
    assert labels.get("The Lantern") == "Organization"
    assert "Lantern" not in labels


def test_a_name_after_an_organisations_head_and_its_trade_is_the_organisation():
    labels = _labels(
        "Công ty quản lý Starhaus cho biết nhóm sẽ trở lại vào tháng sau.",
        "Theo khảo sát của công ty dữ liệu Kantrell, giá thuê nhà tăng mạnh.",
        "Bé học đàn tại trung tâm nơi Marisol đang theo học mỗi tuần.",
        "Cô Hà Vy, Giám đốc văn phòng miền Bắc của hãng, cho biết doanh số tăng.",
    )
    assert labels.get("Starhaus") == "Organization"
    assert labels.get("Kantrell") == "Organization"
    assert labels.get("Marisol") != "Organization"
    assert "Bắc" not in labels


def test_a_singer_named_like_a_title_stays_a_person():
    labels = _labels("Ca sĩ Vương Phi từng tiết lộ cô rất thương con gái thứ hai.")
    assert labels.get("Vương Phi") == "Person"


def test_an_office_named_after_its_country_is_cut_from_a_person_named_again_later():
    labels = _labels(
        "Ban đầu, Giám đốc Phòng Báo chí Tòa Thánh Vatican Lorenzo Vitale cho biết lịch họp chưa thay đổi.",
        "Trong một cuộc họp báo sau đó, ông Vitale cho biết các hồng y sẽ nộp điện thoại.",
    )
    assert labels.get("Lorenzo Vitale") == "Person"
    assert not [n for n in labels if n.startswith("Tòa Thánh Vatican ") and labels[n] == "Person"]


def test_a_ministrys_domain_after_a_ministers_title_is_no_person():
    labels = _labels(
        "Bộ Công Thương vừa công bố kế hoạch phát triển ngành trong năm tới.",
        "Tân Bộ trưởng Công Thương nhấn mạnh vai trò của doanh nghiệp tư nhân.",
    )
    assert labels.get("Công Thương") != "Person"
    assert labels.get("Bộ Công Thương") == "Organization"


def test_a_foreign_name_cited_bare_as_a_source_is_no_person():
    labels = _labels(
        "Theo Pixel Ledger, bộ phim sẽ ra mắt vào mùa hè năm sau.",
        "Đoạn giới thiệu thu hút hàng triệu lượt xem (theo Pixel Ledger).",
        "Theo Hanna Lindqvist, nhà sử học thời trang, chiếc áo này rất hiếm.",
        "Theo Wei Lun, CEO của Qiji Motors, công ty sẽ mở rộng sản xuất.",
    )
    assert labels.get("Pixel Ledger") == "Organization"
    assert labels.get("Hanna Lindqvist") == "Person"
    assert labels.get("Wei Lun") == "Person"


def test_a_group_or_channel_named_after_its_owner_leaves_the_owner_a_person():
    speakers = _speakers(
        "Nữ du khách Anh Clara Whitfield lên kế hoạch khám phá các hòn đảo.",
        "Đêm đó, nhóm Clara cắm trại trên bãi biển vắng.",
        '"Ở đây chỉ có sóng và gió", Clara nói.',
    )
    assert "Clara Whitfield" in speakers
    labels = _labels(
        "Đêm đó, nhóm Clara cắm trại trên bãi biển vắng.",
        "Công ty thông báo nhóm Velmora sẽ ra album mới vào tháng sau.",
    )
    assert labels.get("Velmora") == "Organization"
