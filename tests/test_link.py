"""Linking: one entity per real-world actor, within an article and across articles."""

from __future__ import annotations

from kg.link import AliasIndex, link_across
from kg.link.names import close_spelling, same_full_name
from kg.link.within import person_groups
from kg.model import Article, Claim, Entity, Event, Evidence, Extraction, Mention, Role, Sentence
from kg.nlp import analyse
from kg.pipeline import extract

PIPE = ("entities", "link")


def _article(aid: str, *sentences: str) -> Article:
    body, sents = "", []
    for i, s in enumerate(sentences):
        start = len(body)
        body += s
        sents.append(Sentence(i, start, start + len(s), s))
        body += " "
    return Article(id=aid, source="test", body=body, sentences=sents)


def _run(aid: str, *sentences: str) -> Extraction:
    return extract(analyse(_article(aid, *sentences)), PIPE)


def _persons(found: Extraction) -> dict[str, Entity]:
    return {e.label: e for e in found.entities.values() if e.type == "Person"}


def test_title_full_name_and_surname_are_one_person():
    found = _run(
        "a1",
        "Người phát ngôn Điện Kremlin Dmitry Peskov nói với các phóng viên hôm thứ Hai.",
        "Ông Peskov cho biết Moscow chưa nhận được đề xuất nào.",
        "Theo Peskov, cuộc gặp có thể diễn ra trong tháng tới.",
    )
    people = _persons(found)
    assert list(people) == ["Dmitry Peskov"]
    peskov = people["Dmitry Peskov"]
    assert peskov.id == "Dmitry_Peskov"
    assert {"Peskov", "Dmitry Peskov"} <= peskov.aliases
    assert len(peskov.mentions) == 3
    assert all(m.entity == "Dmitry_Peskov" for m in found.mentions if m.type == "Person")


def test_counterpart_title_is_not_part_of_the_name():
    found = _run("a2", "Hôm qua, ông Biden gửi thư cho người đồng cấp Nga Vladimir Putin.")
    people = _persons(found)
    assert "Vladimir Putin" in people
    assert not any("đồng cấp" in label or label.startswith("Nga") for label in people)


def test_misspelled_surname_attaches_to_the_full_name():
    found = _run(
        "a3",
        "Ngoại trưởng Mỹ Antony Blinken đến Paris hôm thứ Ba.",
        "Ngoại trưởng Blinke nói rằng hai bên đã đạt tiến bộ.",
    )
    people = _persons(found)
    assert list(people) == ["Antony Blinken"]
    assert "Blinke" in people["Antony Blinken"].aliases


def test_two_people_with_one_surname_stay_apart():
    found = _run(
        "a4",
        "Tổng thống Joe Biden nói về con trai ông là Hunter Biden trong buổi phỏng vấn.",
        "Ông Biden khẳng định không can thiệp vào vụ việc.",
    )
    people = _persons(found)
    assert "Joe Biden" in people and "Hunter Biden" in people
    assert people["Joe Biden"].id != people["Hunter Biden"].id
    # the bare surname is ambiguous here: it joins neither
    assert "Biden" not in people["Joe Biden"].aliases and "Biden" not in people["Hunter Biden"].aliases


def test_person_groups_rules():
    names = ["Sergei Lavrov", "Lavrov", "Sergey Lavrov", "Maria Lavrova", "Tập Cận Bình", "Tập", "Kuleba",
             "Kubela", "Dmytro Kuleba"]
    roots = person_groups(names)
    assert roots[0] == roots[1] == roots[2]
    assert roots[3] != roots[0]
    assert roots[4] == roots[5]
    assert roots[6] == roots[7] == roots[8]


def test_name_comparisons():
    assert same_full_name("John Sullivan", "John J. Sullivan")
    assert not same_full_name("Joe Biden", "Hunter Biden")
    assert close_spelling("Blinke", "Blinken")
    assert not close_spelling("Li", "Lu")  # too short to call a typo
    assert not close_spelling("Peskov", "Lavrov")


def test_ids_are_the_same_from_different_articles():
    one = _run("b1", "Bộ Ngoại giao Nga và Điện Kremlin phản đối quyết định của Hoa Kỳ tại Matxcơva.")
    two = _run("b2", "Mỹ và Nga nhóm họp ở Moskva, Bộ Ngoại giao Nga cho biết.")
    ids_one = {e.label: e.id for e in one.entities.values()}
    ids_two = {e.label: e.id for e in two.entities.values()}
    for label in ("Russia", "United States", "Moscow", "Ministry of Foreign Affairs of Russia"):
        assert ids_one[label] == ids_two[label]
    assert ids_one["United States"] == "United_States"
    assert ids_one["Ministry of Foreign Affairs of Russia"] == "Ministry_of_Foreign_Affairs_of_Russia"
    us = next(e for e in one.entities.values() if e.label == "United States")
    assert us.external_ids == {"iso3166": "US", "geonames": "6252001"}
    assert us.label_vi == "Mỹ"


def _ev(aid: str) -> Evidence:
    return Evidence(aid, 0, 0, 1, "test")


def _x(aid: str, people: list[tuple[str, str]]) -> Extraction:
    art = Article(id=aid, source="t", body="x")
    x = Extraction(article=art)
    for eid, label in people:
        x.entities[eid] = Entity(id=eid, label=label, type="Person", aliases={label}, mentions=[_ev(aid)])
        x.mentions.append(Mention(text=label, type="Person", evidence=_ev(aid), entity=eid))
    return x


def test_across_articles_a_surname_joins_the_known_full_name_everywhere():
    full = _x("c1", [("Dmitry_Peskov", "Dmitry Peskov")])
    short = _x("c2", [("Peskov", "Peskov"), ("Ushakov", "Ushakov")])
    short.roles.append(Role(person="Peskov", predicate="spokesperson_of", org="Kremlin", title="t",
                            evidence=_ev("c2")))
    short.events.append(Event(id="e", type="Meeting", trigger="gặp", participants=["Peskov", "Ushakov"]))
    short.claims.append(Claim(id="c", speaker="Peskov", cue="nói", stance="assert", text="…",
                              content=_ev("c2"), evidence=_ev("c2")))
    out = link_across([full, short])
    assert out[1].entities["Dmitry_Peskov"].label == "Dmitry Peskov"
    assert "Peskov" in out[1].entities["Dmitry_Peskov"].aliases
    assert "Peskov" not in out[1].entities
    assert out[1].mentions[0].entity == "Dmitry_Peskov"
    assert out[1].roles[0].person == "Dmitry_Peskov"
    assert out[1].events[0].participants == ["Dmitry_Peskov", "Ushakov"]
    assert out[1].claims[0].speaker == "Dmitry_Peskov"
    assert "Ushakov" in out[1].entities  # nobody known: stays


def test_across_articles_an_ambiguous_surname_stays_alone():
    a = _x("d1", [("Joe_Biden", "Joe Biden")])
    b = _x("d2", [("Hunter_Biden", "Hunter Biden")])
    c = _x("d3", [("Biden", "Biden")])
    link_across([a, b, c])
    assert "Biden" in c.entities


def test_across_uses_the_store_index():
    index = AliasIndex()
    index.add("Yuri_Ushakov", "Yuri Ushakov", "Person")
    index.add("Kremlin", "Kremlin", "Organization")  # not a person: ignored
    assert index.resolve("Ushakov").id == "Yuri_Ushakov"
    x = _x("e1", [("Ushakov", "Ushakov")])
    link_across([x], index=index)
    assert set(x.entities) == {"Yuri_Ushakov"}


def test_across_is_deterministic():
    def batch():
        return [_x("f1", [("Peskov", "Peskov")]), _x("f2", [("Dmitry_Peskov", "Dmitry Peskov")])]

    a, b = link_across(batch()), link_across(batch())
    assert [sorted(x.entities) for x in a] == [sorted(x.entities) for x in b] == [["Dmitry_Peskov"]] * 2


def test_across_spellings_of_one_full_name_become_one_canonical_spelling_in_any_order():
    def batch():
        return [_x("g1", [("Sergey_Lavrov", "Sergey Lavrov")]),
                _x("g2", [("Sergei_Lavrov", "Sergei Lavrov"), ("Lavrov", "Lavrov")]),
                _x("g3", [("Thu_Giang", "Thu Giang")]), _x("g4", [("Nguyen_Thi_Thu_Giang", "Nguyễn Thị Thu Giang")])]

    forward = link_across(batch())
    backward = link_across(batch()[::-1])[::-1]
    for out in (forward, backward):
        # same number of words: code-point order; a longer name wins over its shorter form
        assert [set(x.entities) for x in out] == [{"Sergei_Lavrov"}, {"Sergei_Lavrov"},
                                                  {"Nguyen_Thi_Thu_Giang"}, {"Nguyen_Thi_Thu_Giang"}]
        assert {"Sergey Lavrov"} <= out[0].entities["Sergei_Lavrov"].aliases
        assert all(m.entity == "Sergei_Lavrov" for m in out[1].mentions)


def test_across_on_real_extractions():
    full = _run("h1", "Ngoại trưởng Nga Sergei Lavrov đến Bắc Kinh hôm thứ Hai.")
    short = _run("h2", "Ông Lavrov nói rằng cuộc gặp rất hữu ích.")
    assert "Lavrov" in {e.label for e in short.entities.values()}
    link_across([full, short])
    assert "Sergei_Lavrov" in short.entities
    assert all(m.entity in short.entities for m in short.mentions)
    assert any(m.entity == "Sergei_Lavrov" and m.text == "Lavrov" for m in short.mentions)


def test_hyphenated_surname_is_one_word():
    assert not same_full_name("Diaz-Canel", "Miguel Diaz-Canel")  # a surname, not a full name
    roots = person_groups(["Miguel Diaz-Canel", "Diaz-Canel", "Moon Jae-in", "Moon"])
    assert roots[0] == roots[1] and roots[2] == roots[3]


def test_a_person_named_like_a_place_never_shares_its_id():
    found = _run("k1", "Ông Obama gặp thị trưởng ở Washington.")
    ids = {e.label: e.id for e in found.entities.values()}
    assert ids["Obama"] == "Obama_Person"  # Obama is also a town in Japan
    assert ids["Washington"] == "Washington"
