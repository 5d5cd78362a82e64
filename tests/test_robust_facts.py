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
    _assert_sound(x, body)
    if not any(name in body for name in ACTORS):
        # no actor named: nobody to hold a role, speak or take part
        assert (x.roles, x.events, x.claims) == ([], [], []), body


def _assert_sound(x, body: str) -> None:
    """What every extraction must satisfy, facts or none: it read this body, and every fact
    points into it and names only the actors it knows."""
    assert x.article.body == body
    known = {eid for eid, _ in ACTORS.values()}
    assert set(x.entities) <= known
    spans = [r.evidence for r in x.roles] + [e for ev in x.events for e in ev.evidence]
    spans += [c.evidence for c in x.claims] + [c.content for c in x.claims]
    for ev in spans:
        assert 0 <= ev.start <= ev.end <= len(body), ev
    for r in x.roles:
        assert r.person in known and (r.org is None or r.org in known)
    for ev in x.events:
        assert set(ev.participants) <= known and (ev.where is None or ev.where in known)
    for c in x.claims:
        assert c.speaker in known
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
    unit = "Ông Pierre Dumas cho biết “Pháp sẽ hợp tác” và hôm 3/4 Pháp đã đàm phán tại, theo, với "
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


@pytest.mark.timeout(120)
def test_repeated_cue_words_stay_linear() -> None:
    # 20,000 and 80,000 characters of one cue word: about 1 s and 4 s at linear cost
    # (a quadratic pass would need 16x longer for the second and overrun the bound)
    for size in (20_000, 80_000):
        for word in ("ngày ", "hôm ", "Theo ông, ", "“ ", "Tổng thống ", "cho biết ", "và "):
            body = word * (size // len(word))
            x = make(body, ACTORS, "2021-04-20")
            _assert_sound(x, body)
            assert (x.roles, x.events, x.claims) == ([], [], []), word  # cue words alone name nobody


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("Tổng thống Pháp Pierre Dumas cho biết hội nghị thượng đỉnh Pháp - Nhà Trắng, ", "roles"),
        ("Theo Nhà Trắng, Pháp trục xuất nhà ngoại giao Pierre Dumas và ", "events"),
        ("“Pháp” - ông Dumas nói, ", None),
    ],
)
@pytest.mark.timeout(60)
def test_fifty_kilobyte_run_on_sentences(unit: str, expected: str | None) -> None:
    body = (unit * (50_000 // len(unit) + 1))[:50_000]
    x = make(body, ACTORS, "2021-04-20")
    _assert_sound(x, body)
    if expected:  # the fact the unit states is still found in a 50 kB sentence
        assert getattr(x, expected), expected
    assert all(len(c.text) <= 4_000 for c in x.claims)
