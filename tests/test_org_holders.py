"""Organisations never hold a person's role: institution acronyms glued to a
name, clubs and leagues after a title, persons after a long organisation name
(own sentences, the real pipeline)."""

from __future__ import annotations

from kg.model import Article, Sentence
from kg.pipeline import process


def _article(*sentences: str) -> Article:
    body, sents = "", []
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, len(body), len(body) + len(s), s))
        body += s + " "
    return Article(id="own", source="test", body=body, sentences=sents)


def _facts(*sentences: str):
    x = process(_article(*sentences))
    labels = {e.id: e.label for e in x.entities.values()}
    types = {e.label: e.type for e in x.entities.values()}
    roles = {(labels[r.person], r.predicate, labels.get(r.org or "")) for r in x.roles}
    return types, roles, x


def test_acronym_glued_before_a_name_is_split():
    types, roles, _ = _facts("Chủ tịch HĐQT Lê Văn Thành cho biết doanh thu của công ty tăng mạnh trong quý này.")
    assert types.get("Lê Văn Thành") == "Person"
    assert not any(label.startswith("HĐQT") and t == "Person" for label, t in types.items())
    assert ("Lê Văn Thành", "leader_of", None) in roles  # chairman of the board heads a company, no country


def test_company_name_after_board_acronym_is_not_a_person():
    types, roles, _ = _facts("Ông Dương Minh Khang, Chủ tịch HĐQT Nam Việt, cho biết công ty sẽ mở rộng sản xuất.")
    assert types.get("HĐQT Nam Việt") == "Organization"
    assert all(types.get(p) == "Person" for p, _, _ in roles)


def test_known_organisation_before_a_foreign_name():
    types, roles, _ = _facts("Tổng thư ký NATO Mark Rutte cho biết liên minh sẽ tăng chi tiêu quốc phòng.")
    assert types.get("Mark Rutte") == "Person" and types.get("NATO") == "Organization"
    assert ("Mark Rutte", "leader_of", "NATO") in roles


def test_league_after_a_title_is_an_organisation():
    types, roles, _ = _facts("Ông Florentino Perez là người đứng đầu European Super League.")
    assert types.get("European Super League") == "Organization"
    assert not any(p == "European Super League" for p, _, _ in roles)


def test_person_after_a_long_organisation_name():
    types, roles, _ = _facts(
        "Phó Chủ tịch Hiệp hội Khoa học Kỹ thuật Lạnh Việt Nam Nguyễn Văn Tiến cho biết hội có hơn 500 thành viên."
    )
    assert types.get("Nguyễn Văn Tiến") == "Person"
    assert any(p == "Nguyễn Văn Tiến" and pred == "official_of" for p, pred, _ in roles)


def test_chief_of_staff_heads_the_named_body():
    types, roles, _ = _facts("Chánh Văn phòng Tổng thống Pháp Paul Renard đã tới Berlin hôm thứ Hai.")
    assert ("Paul Renard", "leader_of", "Office of the President of France") in roles


def test_no_role_is_ever_held_by_a_non_person():
    _, _, x = _facts(
        "Chủ tịch CLB Sông Lam Nghệ An cho biết đội bóng gặp khó khăn.",
        "Giám đốc VPF Trần Anh Tú nhấn mạnh giải đấu sẽ diễn ra đúng kế hoạch.",
        "Chủ tịch UBND TP Chử Xuân Dũng phát biểu tại hội nghị.",
    )
    for r in x.roles:
        assert x.entities[r.person].type == "Person", r


def test_bare_titles_in_a_group_take_its_country():
    _, roles, _ = _facts(
        "Đáp trả, Moskva đã cấm 8 quan chức Mỹ nhập cảnh, trong đó có Bộ trưởng Tư pháp Tom Hale, "
        "Giám đốc Tình báo Quốc gia Anna Berg và Bộ trưởng Nội vụ Ivan Marsh."
    )
    assert ("Tom Hale", "minister_of", "United States") in roles
    assert ("Anna Berg", "leader_of", "United States") in roles
    assert ("Ivan Marsh", "minister_of", "United States") in roles


def test_bare_title_outside_a_group_stays_bare():
    _, roles, _ = _facts("Bộ trưởng Tư pháp Tom Hale đã tới Moskva hôm thứ Hai cùng 3 quan chức Mỹ.")
    assert ("Tom Hale", "minister_of", None) in roles


def test_deputy_ambassador_with_host_country():
    _, roles, _ = _facts("Phó Đại sứ Pháp tại Nga Paul Renard đã được triệu tập.")
    assert roles == {("Paul Renard", "official_of", "France")}


def test_presidential_aide_is_only_an_adviser():
    _, roles, _ = _facts("Trợ lý Tổng thống Nga Yuri Ushakov cho biết cuộc gặp sẽ diễn ra vào tuần tới.")
    assert roles == {("Yuri Ushakov", "adviser_of", "Russia")}


def test_bank_before_its_named_deputy_director_is_not_the_speaker():
    types, roles, x = _facts("Phó giám đốc Vietcombank, ông Nguyễn Văn Hải, cho biết ngân hàng sẽ giảm lãi suất.")
    assert types.get("Vietcombank") == "Organization"
    assert ("Nguyễn Văn Hải", "official_of", "Vietcombank") in roles
    assert {c.speaker for c in x.claims} == {"Nguyen_Van_Hai"}


def test_reporter_of_a_channel_is_member_and_speaker():
    types, roles, x = _facts(
        "Phóng viên Laura Finch của kênh CNN nhận xét rằng cuộc họp đã kéo dài hơn dự kiến."
    )
    assert ("Laura Finch", "member_of", "CNN") in roles
    assert {c.speaker for c in x.claims} == {"Laura_Finch"}


def test_researcher_at_an_institute():
    types, roles, _ = _facts(
        "Ông Martin Kessel, nghiên cứu viên tại Northgate Analytics, cho rằng giá dầu sẽ còn tăng."
    )
    assert types.get("Northgate Analytics") == "Organization"
    assert ("Martin Kessel", "member_of", "Northgate Analytics") in roles


def test_governor_of_a_region_of_a_country():
    _, roles, _ = _facts("Thống đốc bang Bavaria của Đức, ông Karl Weber, cho biết bang sẽ mở thêm trường học.")
    assert any(p == "Karl Weber" and pred == "leader_of" and org and "Bavaria" in org for p, pred, org in roles)


def test_group_of_an_organisation_lends_it_to_bare_titles():
    _, roles, _ = _facts(
        "Theo hãng tin AP, một nhóm quan chức cấp cao của Hải quân Pháp, gồm Tư lệnh Hải quân Louis Marchand "
        "và Phó đô đốc Claire Dubois, đã tới Manila."
    )
    assert ("Louis Marchand", "leader_of", "Navy of France") in roles


def test_company_named_by_its_cue_elsewhere_holds_no_role():
    types, roles, _ = _facts(
        "Phó Chủ tịch Minhphat cho biết doanh thu đã tăng.",
        "Theo báo cáo của tập đoàn Minhphat, lợi nhuận quý này đạt mức cao nhất.",
    )
    assert types.get("Minhphat") == "Organization"
    assert not any(p == "Minhphat" for p, _, _ in roles)
