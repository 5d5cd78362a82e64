"""A title printed as held before ("cựu Thủ tướng", "nguyên Bộ trưởng") keeps its role,
marked former: the title as written keeps the word and the role assertion carries
kg:former true, which the SHACL shapes accept. Sentences written for the test."""

from __future__ import annotations

from rdflib import Literal

from kg.graph.namespaces import KG
from kg.graph.rdf import extraction_to_graph
from kg.graph.validate import validate_graph
from kg.model import Article, Sentence
from kg.pipeline import process


def _extract(*sentences: str):
    body, sents = "", []
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, len(body), len(body) + len(s), s))
        body += s + " "
    return process(Article(id="own", source="test", body=body, sentences=sents))


def test_cuu_marks_a_former_role_and_keeps_the_word_in_the_title():
    x = _extract("Cựu Thủ tướng Na Uy Erik Dahl đến thăm Hà Nội hôm qua.",
                 "Thủ tướng Na Uy Lena Holm phát biểu tại hội nghị.")
    roles = {(r.person, r.predicate, r.org): r for r in x.roles}
    dahl = roles[("Erik_Dahl", "prime_minister_of", "Norway")]
    assert dahl.former and dahl.title.casefold().startswith("cựu thủ tướng")
    holm = roles[("Lena_Holm", "prime_minister_of", "Norway")]
    assert not holm.former


def test_nguyen_before_a_bare_title_is_former_too():
    x = _extract("Nguyên Bộ trưởng Lê Văn Hải cho biết dự án đã chậm hai năm.")
    assert [(r.person, r.former, r.title) for r in x.roles] == [("Le_Van_Hai", True, "Nguyên Bộ trưởng")]


def test_the_graph_says_former_and_validates():
    x = _extract("Cựu Thủ tướng Na Uy Erik Dahl đến thăm Hà Nội hôm qua.")
    g = extraction_to_graph(x)
    stmts = [s for s in g.subjects(KG.former, Literal(True))]
    assert len(stmts) == 1
    assert str(g.value(stmts[0], KG.roleTitle)).casefold().startswith("cựu thủ tướng")
    assert validate_graph(g).conforms


def test_party_secretaries_head_their_committee():
    x = _extract("Bí thư Tỉnh ủy Gia Lai Hồ Quốc Dũng đề nghị xây thêm nhà công vụ.",
                 "Tổng Bí thư Tô Lâm điện đàm với Tổng thống Mỹ.")
    got = {(r.person, r.predicate, r.org) for r in x.roles}
    assert ("Ho_Quoc_Dung", "leader_of", "Tinh_uy_Gia_Lai") in got
    assert ("To_Lam", "leader_of", None) in got
    # "Ban Bí thư" is the Secretariat: its standing member is no "Bí thư" of anything
    x = _extract("Thường trực Ban Bí thư Trần Cẩm Tú làm việc với lãnh đạo TP Huế.")
    assert not [r for r in x.roles if r.person == "Tran_Cam_Tu"]


def test_a_deputy_title_keeps_its_pho_as_written():
    """The role's printed title is what the person holds: a deputy general director
    is no general director, and an org-less role is exported as this title."""
    x = _extract("Ông Trần Văn Bảy, phó tổng giám đốc Công ty cổ phần Sông Xanh, cho biết công ty sẽ mở thêm hai nhà máy.",
                 "Bà Ngô Thị Hoa, Phó bí thư, cho biết hội nghị sẽ họp vào tuần sau.")
    titles = {r.person: (r.predicate, r.title) for r in x.roles}
    pred, title = titles["Tran_Van_Bay"]
    assert pred == "official_of" and title.casefold().startswith("phó tổng giám đốc")
    pred, title = titles["Ngo_Thi_Hoa"]
    assert pred == "official_of" and title.casefold() == "phó bí thư"


def test_a_body_named_after_its_country_is_not_the_country():
    """'Tổng liên đoàn …' and 'Bảo tàng …' open a body's name: the country that ends the
    name is not the office held, and 'Thượng tướng' is printed as the rank it is."""
    x = _extract("Phó chủ tịch Tổng liên đoàn Lao động Việt Nam Nguyễn Văn Nam cho biết cuộc thi có nhiều đội hơn.",
                 "Ông Lê Minh Khang, Giám đốc Bảo tàng Lịch sử Việt Nam, cho biết bảo tàng sẽ mở cửa miễn phí.",
                 "Thượng tướng Đỗ Văn Sơn đến dự lễ khai mạc cùng nhiều đại biểu.")
    got = {(r.person, r.org): r.title for r in x.roles}
    assert ("Nguyen_Van_Nam", "Vietnam") not in got and ("Le_Minh_Khang", "Vietnam") not in got
    assert any(p == "Le_Minh_Khang" and o and o.startswith("Bao_tang") for p, o in got)
    assert got.get(("Do_Van_Son", None)) == "Thượng tướng"


def test_a_function_or_unit_director_is_an_official_not_the_head():
    """'giám đốc tài chính X' is X's finance director and 'giám đốc khối Y X' heads a
    division: officials of X, not its head; a firm's country director holds no office
    of the country. The plain 'giám đốc X' and a minister's domain are unchanged."""
    x = _extract("Ông Lê Văn Tư, giám đốc tài chính Tập đoàn Hồng Hà, cho biết lợi nhuận quý này tăng mạnh.",
                 "Bà Trần Thị Năm - Giám đốc khối khách hàng cá nhân Ngân hàng Sao Mai - cho biết lãi suất sẽ giảm.",
                 "Bà Lê Thị Bảy - giám đốc quốc gia Mastercard Việt Nam - cho biết thanh toán số đã tăng gấp đôi.",
                 "Ông Lê Văn Sáu, giám đốc Công ty Hoàng Long, cho biết công ty sẽ mở thêm hai nhà máy.",
                 "Thứ trưởng Tài chính Mỹ John Hill cho biết ngân sách sẽ được công bố vào tuần tới.")
    got = {(r.person, r.predicate, r.org) for r in x.roles}
    assert ("Le_Van_Tu", "official_of", "Tap_doan_Hong_Ha") in got
    assert ("Tran_Thi_Nam", "official_of", "Ngan_hang_Sao_Mai") in got
    assert ("Le_Thi_Bay", "official_of", None) in got and not any(p == "Le_Thi_Bay" and o == "Vietnam" for p, _, o in got)
    assert any(p == "Le_Van_Sau" and pr == "leader_of" and o and o.endswith("Hoang_Long") for p, pr, o in got)
    assert ("John_Hill", "official_of", "United_States") in got


def test_a_capitalised_function_or_division_is_no_organisation():
    """'Giám đốc Điều hành Marketing', 'Giám đốc Khối Bán lẻ': the capitalised function or
    division the entity stage read as a name is not whose director the person is."""
    x = _extract("Ông Phan Minh Tú, Giám đốc Điều hành Marketing (Vinasữa) chia sẻ rằng công ty sẽ mở rộng thị trường.")
    got = {(r.person, r.predicate, r.org) for r in x.roles}
    assert got == {("Phan_Minh_Tu", "official_of", None)}
