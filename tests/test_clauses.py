"""kg.nlp.clauses: subject, verb, object and prepositional phrases from the tags
(own sentences; underthesea's real tagger, no mocks)."""

from __future__ import annotations

import pytest

from kg.model import Sentence
from kg.nlp import analyse_sentence
from kg.nlp.clauses import clause_at, clauses, subject_of


def _clauses(text: str):
    return clauses(analyse_sentence(Sentence(0, 0, len(text), text)))


def _verb(cls, word):
    return next(c for c in cls if c.verb is not None and c.verb.text.startswith(word))


def test_subject_verb_object_and_place():
    cls = _clauses("Ngoại trưởng Na Uy Erik Dahl đã gặp người đồng cấp Thụy Điển tại Oslo.")
    c = _verb(cls, "gặp")
    assert c.subject is not None and c.subject.text == "Ngoại trưởng Na Uy Erik Dahl"
    assert c.obj is not None and "người đồng cấp" in c.obj.text
    assert [(p.prep, p.np.text) for p in c.preps] == [("tại", "Oslo")]


def test_later_predicates_share_the_subject():
    text = "Bà Lena Holm hôm qua đã tổ chức họp báo tại Oslo, kêu gọi hai bên ngừng bắn, đồng thời nói rằng Na Uy sẵn sàng làm trung gian."
    cls = _clauses(text)
    said = _verb(cls, "nói")
    assert said.subject is None and said.opener == "đồng thời"
    subj = subject_of(cls, said.verb.start)
    assert subj is not None and subj.text == "Bà Lena Holm"
    call = _verb(cls, "kêu gọi")
    assert subject_of(cls, call.verb.start).text == "Bà Lena Holm"
    # the reported clause has its own subject and is embedded
    inner = _verb(cls, "làm")
    assert inner.embedded and inner.subject is not None and inner.subject.text == "Na Uy"


def test_possessive_subject_and_multiword_preposition():
    cls = _clauses("Tuyên bố của Bộ Ngoại giao Pháp nêu rõ Paris phản đối các biện pháp nhằm vào Iran.")
    c = cls[0]
    assert c.subject is not None and c.subject.text == "Tuyên bố của Bộ Ngoại giao Pháp"
    assert ("nhằm vào", "Iran") in [(p.prep, p.np.text) for p in c.preps]


def test_subordinate_clause_does_not_lend_its_subject():
    cls = _clauses("Khi gặp báo giới tại Oslo, Thủ tướng Erik Dahl cho biết hai nước sẽ ký thỏa thuận.")
    first = cls[0]
    assert first.embedded and first.subject is None and first.shared_from is None
    main = _verb(cls, "cho")
    assert main.subject is not None and main.subject.text == "Thủ tướng Erik Dahl"


def test_bare_noun_phrase_object():
    cls = _clauses("Bà Lena Holm chỉ trích động thái này.")
    c = cls[0]
    assert c.obj is not None and c.obj.text == "động thái này"
    assert clause_at(cls, c.obj.start) is c


@pytest.mark.parametrize("text", ["", "...", "2024", "“ ”"])
def test_no_words_no_clauses(text):
    for c in _clauses(text):
        assert c.verb is None


def test_passive_verb_shares_no_agent():
    cls = _clauses("Cơ quan tình báo Na Uy đã nhận định trong một báo cáo, được công bố tuần trước, rằng rủi ro đang tăng.")
    pub = _verb(cls, "công bố")
    assert pub.passive and pub.shared_from is None


def test_coordinated_clause_with_its_own_subject():
    cls = _clauses("Oslo đã bác bỏ cáo buộc và Bộ Ngoại giao Na Uy đáp trả bằng việc trục xuất hai nhà ngoại giao.")
    reply = _verb(cls, "đáp trả")
    assert reply.subject is not None and reply.subject.text.startswith("Bộ Ngoại giao Na Uy")
