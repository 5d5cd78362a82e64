"""Bad input for the fact extractors: fewer facts, never a crash, never a hang."""

from __future__ import annotations

import pytest
from test_roles_support import make

from kg.extract.quotes import find_quotes
from kg.extract.time import find_times

ACTORS = {
    "Pháp": ("France", "Country"),
    "Pierre Dumas": ("Pierre_Dumas", "Person"),
    "Dumas": ("Pierre_Dumas", "Person"),
    "Nhà Trắng": ("White_House", "Organization"),
}


@pytest.mark.parametrize(
    "body",
    [
        "",
        "Tổng thống",
        "Tin thế giới",
        "Người phát ngôn",
        "cho biết",
        "Theo , ,",
        "“",
        "” - ông nói.",
        "Ông Dumas cho biết: “Chúng tôi sẽ",
        "“Chúng tôi sẽ tiếp tục” “” “ “ ” ” - Nhà Trắng",
        "ngày 99/99/9999, hôm 0/0, ngày 31-2, thứ Tám, tháng 13",
        "Theo Nhà Trắng,",
        "Ông cho biết, ông cho biết, ông cho biết.",
        "Trời mưa. Gió lớn. Đường ngập.",
        "(((((((((( Tổng thống Pháp Pierre Dumas ))))))",
        "Đại sứ Pháp tại tại tại tại Pierre Dumas",
    ],
)
def test_odd_texts_do_not_crash(body: str) -> None:
    x = make(body, ACTORS, "2021-04-20")
    for c in x.claims:
        assert body[c.content.start : c.content.end] == c.text
        assert c.text.strip()


def test_sentences_without_actors_give_no_facts() -> None:
    x = make("Trời mưa to. Ai cũng nói rằng mùa này mưa nhiều. Cuộc họp bị hoãn.", {}, None)
    assert (x.roles, x.claims) == ([], [])


def test_open_quote_runs_to_the_sentence_end_only() -> None:
    body = "Ông Dumas nói: “Chúng tôi sẽ không lùi bước. Đây là câu khác của bài báo."
    x = make(body, ACTORS)
    assert [c.text for c in x.claims] == ["Chúng tôi sẽ không lùi bước"]


def test_fifty_kilobyte_paragraph() -> None:
    unit = "Ông Pierre Dumas cho biết “Pháp sẽ hợp tác” và hôm 3/4 các bên đã đàm phán tại, theo, với "
    body = (unit * (50_000 // len(unit) + 1))[:50_000]
    x = make(body, ACTORS, "2021-04-20")
    assert len(x.article.sentences) == 1
    assert x.claims and x.events  # found, and finished
    assert all(body[c.content.start : c.content.end] == c.text for c in x.claims)


def test_long_runs_of_quotes_and_digits() -> None:
    body = "“" * 20_000 + "”" * 20_000
    assert find_quotes(body) == []  # nested 20 000 deep, longer than any quotation: a broken page
    digits = "1/2-3/4-" * 5000
    assert isinstance(find_times(digits, "2021-04-20"), list)
    x = make(body + "\n" + digits, ACTORS, "2021-04-20")
    assert x.claims == []


def test_repeated_cue_words_stay_linear() -> None:
    for word in ("ngày ", "hôm ", "Theo ông, ", "“ ", "Tổng thống ", "cho biết ", "và "):
        body = word * (20_000 // len(word))
        x = make(body, ACTORS, "2021-04-20")
        assert isinstance(x.claims, list)


@pytest.mark.parametrize(
    "unit",
    [
        "Tổng thống Pháp Pierre Dumas cho biết hội nghị thượng đỉnh Pháp - Nhà Trắng, ",
        "Theo Nhà Trắng, Pháp trục xuất Pierre Dumas và ",
        "“Pháp” - ông Dumas nói, ",
    ],
)
def test_fifty_kilobyte_run_on_sentences(unit: str) -> None:
    body = (unit * (50_000 // len(unit) + 1))[:50_000]
    x = make(body, ACTORS, "2021-04-20")
    for c in x.claims:
        assert body[c.content.start : c.content.end] == c.text
        assert len(c.text) <= 4_000
