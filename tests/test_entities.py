"""Actors on real articles (the seeds against their gold) and NER fixes on our own sentences.

Each seed is read and analysed once per session; the entity and link
components then run over the same Docs.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from kg.model import Article, Sentence
from kg.nlp import analyse
from kg.pipeline import extract
from kg.read import read_file

PIPE = ("entities", "link")


def _fold(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


@pytest.fixture(scope="session")
def seed_docs(seeds_dir):
    docs = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        (article,) = read_file(path)
        docs[path.name] = analyse(article)
    return docs


@pytest.fixture(scope="session")
def seed_found(seed_docs):
    return {name: extract(doc, PIPE) for name, doc in seed_docs.items()}


def _score(found, gold_path: Path):
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["entities"]
    gsets = [({_fold(g["name"])} | {_fold(a) for a in g.get("aliases") or []}, g["type"]) for g in gold]
    used: set[int] = set()
    tp = typed = 0
    for ent in found.entities.values():
        names = {_fold(ent.label)} | {_fold(a) for a in ent.aliases}
        hit = next((i for i, (g, _) in enumerate(gsets) if i not in used and names & g), None)
        if hit is not None:
            used.add(hit)
            tp += 1
            typed += gsets[hit][1] == ent.type
    return tp, typed, len(found.entities), len(gsets)


def _analysed(*sentences: str, outlet: str | None = None) -> Article:
    body, sents = "", []
    for i, s in enumerate(sentences):
        start = len(body)
        body += s
        sents.append(Sentence(i, start, start + len(s), s))
        body += " "
    return Article(id="own", source="test", body=body, sentences=sents, outlet=outlet)


def _run(*sentences: str, outlet: str | None = None):
    return extract(analyse(_analysed(*sentences, outlet=outlet)), PIPE)


def _by_label(found):
    return {e.label: e for e in found.entities.values()}


# ----------------------------------------------------------------------------- seeds


def test_every_token_is_aligned_on_the_seeds(seed_docs):
    n = 0
    for doc in seed_docs.values():
        body = doc.article.body
        for asent in doc.sentences:
            last = asent.sentence.start
            for t in asent.tokens:
                assert t.end > t.start, (t, asent.sentence.text)
                assert body[t.start:t.end] == t.text
                assert t.start >= last
                last = t.end
                n += 1
    assert n > 1000


def test_entities_match_the_gold_on_the_seeds(seed_found, gold_dir):
    tp = typed = pred = gold = 0
    for name, found in seed_found.items():
        a, b, c, d = _score(found, gold_dir / f"{name}.yaml")
        tp, typed, pred, gold = tp + a, typed + b, pred + c, gold + d
    p, r = tp / pred, tp / gold
    f1 = 2 * p * r / (p + r)
    tp_, tr_ = typed / pred, typed / gold
    assert f1 >= 0.95, (p, r)
    assert 2 * tp_ * tr_ / (tp_ + tr_) >= 0.93


def test_seed_must_haves(seed_found):
    first = _by_label(seed_found["000_4e6d4f8cfed23223.txt"])
    assert first["Kremlin"].type == "Organization"
    assert "Điện Kremlin" in first["Kremlin"].aliases
    assert first["Dmitry Peskov"].type == "Person"
    assert {"Peskov", "Dmitry Peskov"} <= first["Dmitry Peskov"].aliases
    assert {"Blinken", "Blinke"} <= first["Antony Blinken"].aliases
    assert first["Geneva"].type == "Place" and "TP Geneva" in first["Geneva"].aliases
    assert first["Switzerland"].external_ids == {"iso3166": "CH", "geonames": "2658434"}
    assert first["Rossiya-24"].type == "Organization"
    assert first["La Repubblica"].type == "Organization"
    assert first["Kinhtedothi"].type == "Organization"
    moscow = _by_label(seed_found["002_0965331b62c00476.txt"])["Moscow"]
    assert "Matxcơva" in moscow.aliases and moscow.external_ids["geonames"] == "524901"
    third = _by_label(seed_found["003_b6c83eeecc881ad1.txt"])
    assert third["Ministry of Foreign Affairs of Saudi Arabia"].type == "Organization"
    assert third["Saudi Arabia"].id == "Saudi_Arabia"
    last = _by_label(seed_found["004_bfa432a4eb39b96a.txt"])
    assert "Tổ chức Hiệp ước Bắc Đại Tây Dương" in last["NATO"].aliases
    assert last["Vietnam News Agency"].type == "Organization"


def test_mentions_are_spans_of_the_body_and_all_linked(seed_found):
    for found in seed_found.values():
        body = found.article.body
        assert found.mentions
        for m in found.mentions:
            assert body[m.evidence.start:m.evidence.end] == m.text
            assert m.entity in found.entities
            assert m.evidence.extractor == "entities"
        for e in found.entities.values():
            assert e.type in ("Person", "Organization", "Country", "Place")
            assert not _fold(e.label).startswith(("ông ", "bà ", "tổng thống ", "người phát ngôn"))


def test_nothing_from_outside_the_rules(seed_found):
    for found in seed_found.values():
        labels = {_fold(e.label) for e in found.entities.values()}
        assert "phương tây" not in labels
        assert not any(label.startswith("miền ") for label in labels)
        assert "solarwinds" not in labels  # an attack's name, not an actor


# ----------------------------------------------------------------------------- own sentences


def test_common_noun_heads_are_stripped_and_types_fixed():
    found = _run(
        "Người phát ngôn Điện Kremlin Anatoly Sergeyev cho biết quan hệ song phương Moscow - Washington còn khó khăn.",
        "Nhà lãnh đạo Mỹ trả lời phỏng vấn kênh truyền hình Zvezda-5 hôm thứ Hai.",
    )
    ents = _by_label(found)
    assert ents["Kremlin"].type == "Organization"
    assert ents["Anatoly Sergeyev"].type == "Person"
    assert ents["Moscow"].type == "Place" and ents["Washington"].type == "Place"
    assert ents["United States"].type == "Country"
    assert ents["Zvezda-5"].type == "Organization"
    assert not any("phát ngôn" in e.label or "song phương" in e.label for e in found.entities.values())


def test_country_patterns_cover_any_country():
    found = _run(
        "Bộ Ngoại giao Na Uy và Bộ Quốc phòng Hàn Quốc ra thông báo chung.",
        "Đại sứ quán Pháp tại Hà Nội mở cửa trở lại.",
    )
    ents = _by_label(found)
    assert "Ministry of Foreign Affairs of Norway" in ents
    assert "Ministry of Defence of South Korea" in ents
    assert "Embassy of France, Hanoi" in ents
    assert ents["Norway"].type == "Country"


def test_media_and_place_prefixes():
    found = _run(
        "Hãng thông tấn AFP dẫn lời một nhà ngoại giao ở thủ đô Oslo.",
        "Theo Liên hợp quốc, cuộc họp diễn ra tại TP Geneva, Thụy Sĩ.",
    )
    ents = _by_label(found)
    assert ents["Agence France-Presse"].type == "Organization"
    assert ents["United Nations"].type == "Organization"
    assert ents["Geneva"].label == "Geneva" and "TP Geneva" in ents["Geneva"].aliases
    assert ents["Oslo"].type == "Place" and "thủ đô Oslo" in ents["Oslo"].aliases


def test_case_keeps_common_words_out():
    found = _run("Cô ấy học mỹ thuật và thích nga ngố ở anh trai.")
    assert found.entities == {}


def test_dateline_outlet_is_an_organization():
    found = _run("Báo XYZ - Chính phủ Na Uy thông báo kế hoạch mới.", outlet="Báo XYZ")
    ents = _by_label(found)
    assert ents["Báo XYZ"].type == "Organization"


def test_odd_input_does_not_crash():
    long_para = "Ông Ivan Petrov nói với hãng tin TASS rằng " + "quan hệ Nga - Mỹ " * 1200
    found = _run(long_para, "“Không có ai ở đây", "12345 ... !!!", "")
    assert "Russia" in _by_label(found)
    assert _run("trời mưa cả ngày hôm qua.").entities == {}


def test_anh_as_a_pronoun_or_a_form_of_address_is_not_britain():
    found = _run(
        "Anh Trần Văn Khoa sống ở Đà Lạt đã hơn mười năm.",
        "Anh kể lại rằng ngày đầu rất vất vả.",
        "Anh Khoa mở một quán cà phê nhỏ gần chợ.",
    )
    assert "United Kingdom" not in _by_label(found)
    assert "Trần Văn Khoa" in _by_label(found)


def test_anh_opening_a_sentence_in_world_news_is_britain():
    found = _run(
        "Pháp và Đức đã triệu tập đại sứ Nga để phản đối.",
        "Anh cũng tuyên bố trục xuất hai nhà ngoại giao.",
        "Thủ tướng Anh Keir Morrow nói London sẽ phối hợp với các đồng minh.",
    )
    ents = _by_label(found)
    assert len(ents["United Kingdom"].mentions) == 2
    assert ents["Keir Morrow"].type == "Person"


def test_foreign_name_particles_cues_and_designations():
    found = _run(
        "Chủ tịch Ủy ban châu Âu Ursula von der Leyen gặp Thái tử Mohammed bin Salman.",
        "Bang Karnataka và Nam California ghi nhận nắng nóng.",
        "Nga triển khai pháo M109A6 và tên lửa S-400 gần biên giới.",
    )
    ents = _by_label(found)
    assert ents["Ursula von der Leyen"].type == "Person"
    assert ents["Mohammed bin Salman"].type == "Person"
    assert ents["Karnataka"].type == "Place"
    assert "Nam California" not in ents
    assert not any(label.startswith(("M109", "S-400")) for label in ents)


def test_short_forms_in_country_pairs():
    found = _run("Quan hệ Mỹ - Trung và liên minh Mỹ-Nhật được bàn tới, theo ông Trung.")
    ents = _by_label(found)
    assert len(ents["China"].mentions) == 1  # "ông Trung" is a man
    assert "Trung" in ents["China"].aliases
    assert ents["Japan"].type == "Country"


def test_a_cut_off_spelling_of_a_known_place_is_that_place():
    found = _run("Phái đoàn Na Uy đến Stockholm hôm qua.", "Ông Erik Lund nói Stockho và Oslo sẽ hợp tác.")
    ents = _by_label(found)
    assert "Stockho" in ents["Stockholm"].aliases
    assert "Stockho" not in ents


def test_empty_article_and_only_punctuation():
    empty = Article(id="e", source="test", body="", sentences=[])
    found = extract(analyse(empty), PIPE)
    assert found.mentions == [] and found.entities == {}
    assert _run("“”", "—", "...").entities == {}


@pytest.mark.slow
def test_entities_match_the_gold_on_unseen_unc_articles(gold_unc_dir, unc_dir):
    """The second gold set: ten Dân trí articles the rules were not written from."""
    tp = typed = pred = gold = 0
    for gold_path in sorted(gold_unc_dir.glob("*.yaml")):
        doc_name = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["doc"]
        (article,) = read_file(unc_dir / doc_name)
        found = extract(analyse(article), PIPE)
        a, b, c, d = _score(found, gold_path)
        tp, typed, pred, gold = tp + a, typed + b, pred + c, gold + d
    p, r = tp / pred, tp / gold
    assert 2 * p * r / (p + r) >= 0.93, (p, r)
    tp_, tr_ = typed / pred, typed / gold
    assert 2 * tp_ * tr_ / (tp_ + tr_) >= 0.9


def test_title_in_apposition_and_region_names_after_place_words():
    found = _run(
        "Tại Sydney, Malcolm Dawes, chuyên gia quân sự, cho rằng căng thẳng sẽ kéo dài.",
        "Lũ lụt xảy ra ở bang Tây Bengal và trên biển Barents.",
    )
    ents = _by_label(found)
    assert ents["Malcolm Dawes"].type == "Person"
    assert ents["Tây Bengal"].type == "Place"
    assert ents["Barents"].type == "Place"


def test_town_names_that_are_people_and_us_states():
    found = _run(
        "Ông Obama vận động ở bang chiến trường Michigan.",
        "Cựu giáo sư Đại học Harvard nói về Hoàng thân Philip sau khi tàu ngầm mất tích, ông Julius cho biết.",
    )
    ents = _by_label(found)
    assert ents["Obama"].type == "Person"  # not Obama, Fukui
    assert ents["Michigan"].type == "Place" and "geonames" in ents["Michigan"].external_ids
    assert ents["Đại học Harvard"].type == "Organization"
    assert ents["Philip"].type == "Person" and ents["Julius"].type == "Person"


def test_cue_words_inside_other_words_and_titles_split_by_the_tagger():
    found = _run(
        "Ngoại trưởng Australia đã thông báo Canberra hủy bỏ hai thỏa thuận.",
        "Chuẩn Đô đốc Hải quân Indonesia Iwan Setiawan nói về Dịch Covid-19 và Tổ chức Y tế thế giới.",
    )
    ents = _by_label(found)
    assert ents["Canberra"].type == "Place"  # "thông báo" is not "báo" (a newspaper)
    assert ents["Iwan Setiawan"].type == "Person"
    assert ents["World Health Organization"].type == "Organization"
    assert not any(label.startswith(("Chuẩn", "Dịch")) for label in ents)


def test_a_city_before_an_officials_name_stays_the_city():
    found = _run("Thống đốc Bangkok Aswin Kwanmuang ra lệnh đóng cửa, Thống đốc Bangkok cho biết.")
    ents = _by_label(found)
    assert ents["Bangkok"].type == "Place" and len(ents["Bangkok"].mentions) == 2
    assert ents["Aswin Kwanmuang"].type == "Person"


def test_regions_in_common_words_are_the_country():
    found = _run("Giao tranh leo thang ở miền Đông Ukraine và Đông Ukraine.", "Miền Nam nước Nga có mưa lớn.")
    assert set(_by_label(found)) == {"Ukraine", "Russia"}


def test_a_bare_organisation_head_after_a_title_is_not_a_person():
    found = _run("Wang Lixin, phó giám đốc Viện nghiên cứu hàng hải ở Quảng Châu, nói.",
                 "Roland Rajah, chuyên gia tại Viện Lowy ở Sydney, cho rằng.")
    ents = _by_label(found)
    assert "Viện" not in ents
    assert ents["Viện Lowy"].type == "Organization" and ents["Wang Lixin"].type == "Person"


def test_anh_in_a_story_about_a_man_that_names_britain_once_is_the_man():
    found = _run(
        "Tiền đạo Lê Quang Hải vừa ký hợp đồng với một câu lạc bộ của người Anh.",
        "Anh thừa nhận rằng anh đã rất xúc động khi nhận tin.",
        "Anh cũng cho biết gia đình luôn ủng hộ quyết định của anh.",
    )
    ents = _by_label(found)
    assert "Lê Quang Hải" in ents
    britain = ents.get("United Kingdom")
    assert britain is None or len(britain.mentions) == 1  # "người Anh" only


def test_spelling_variants_of_one_person_in_one_article_are_one_entity():
    found = _run(
        "Tổng thống Ukraine Volodymyr Zelensky hôm qua tới Berlin.",
        "Ngoại trưởng Ukraine Andrii Sybiha cũng có mặt.",
        "Ông Zelenskiy cho biết Kiev cần thêm hệ thống phòng không.",
        "Ngoại trưởng Sibiga nói thêm rằng các cuộc đàm phán sẽ tiếp tục.",
        "Tổng thống Volodymyr Zelenskiy kêu gọi châu Âu hành động.",
    )
    persons = {e.label: e for e in found.entities.values() if e.type == "Person"}
    assert set(persons) == {"Volodymyr Zelensky", "Andrii Sybiha"}
    assert {"Zelenskiy", "Volodymyr Zelenskiy"} <= persons["Volodymyr Zelensky"].aliases
    assert "Sibiga" in persons["Andrii Sybiha"].aliases


def test_wards_communes_and_districts_are_places():
    found = _run(
        "Người dân xã Lương Sơn đã đến dự buổi lễ.",
        "Sau đó, phường Bến Nghé đề nghị các hộ kinh doanh dọn dẹp vỉa hè.",
    )
    ents = _by_label(found)
    assert ents["Lương Sơn"].type == "Place" and ents["Bến Nghé"].type == "Place"
    assert not [c for c in found.claims if c.speaker in ("Lương_Sơn", "Bến_Nghé")]


def test_a_name_ending_in_a_single_letter_is_a_product_or_a_generation_not_a_person():
    found = _run("Giới trẻ Gen Z chuộng mẫu Galaxy S mới hơn các đời trước.", "Anh Trần Văn Khoa cũng mua một chiếc.")
    types = {e.label: e.type for e in found.entities.values()}
    assert types.get("Gen Z") != "Person" and types.get("Galaxy S") != "Person"
    assert types.get("Trần Văn Khoa") == "Person"


def test_ho_after_a_form_of_address_is_a_family_name_not_a_lake():
    found = _run("Ông Hồ Quang Cua chia sẻ thêm về giống gạo mới.", "Bà Hồ Thị Lan cho biết vụ mùa năm nay khá tốt.")
    types = {e.label: e.type for e in found.entities.values()}
    assert types.get("Hồ Quang Cua") == "Person" and types.get("Hồ Thị Lan") == "Person"
    assert "Quang Cua" not in types
