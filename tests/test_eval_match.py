"""The matching rules of `kg eval` on small hand-made cases (FORMAT.md)."""

from __future__ import annotations

import unicodedata
from fractions import Fraction

from kg.evaluate.match import (
    ClaimRec,
    EntityRec,
    EventRec,
    RoleRec,
    body_matches,
    claim_dates,
    contamination,
    event_argument_counts,
    event_matches,
    match_claims,
    match_entities,
    match_events,
    match_roles,
    name_key,
    names,
    same_date,
    token_f1,
    tokens,
)

ALICE = names("Alice Ardent", "Ardent", "bà Ardent")
BOB = names("Bob Brook", "Brook")
CAROL = names("Carol Crane")
DAN = names("Dan Dale")
ACME = names("Acme Corp", "Tập đoàn Acme")
ZENITH = names("Zenith Bureau")
OSLO = names("Oslo")
BERGEN = names("Bergen")


def ent(label: str, etype: str, *aliases: str) -> EntityRec:
    return EntityRec(names=names(label, aliases), type=etype, label=label)


# ----------------------------------------------------------------------------- names


def test_names_compare_after_nfc_casefold_and_whitespace_folding():
    nfd = unicodedata.normalize("NFD", "Bộ Ngoại giao")
    assert nfd != "Bộ Ngoại giao"
    assert name_key(nfd) == name_key("BỘ  NGOẠI\tgiao ")
    # no diacritic folding: another spelling is another name
    assert name_key("Bo Ngoai giao") != name_key("Bộ Ngoại giao")


def test_entity_matches_by_any_alias_and_decomposed_vietnamese():
    pred = [ent("Nga", "Country", unicodedata.normalize("NFD", "Liên bang Nga"))]
    gold = [ent("Russia", "Country", "Nga", "Liên bang Nga")]
    al = match_entities(pred, gold)
    assert (al.tp, al.fp, al.fn) == (1, 0, 0)
    # nothing shared: no match
    al = match_entities([ent("Nigeria", "Country")], gold)
    assert (al.tp, al.fp, al.fn) == (0, 1, 1)


def test_typed_score_also_requires_the_type():
    gold = [ent("Moscow", "Place", "Matxcơva"), ent("Kremlin", "Organization", "Điện Kremlin")]
    pred = [ent("Moscow", "Place"), ent("Điện Kremlin", "Place")]
    untyped = match_entities(pred, gold)
    typed = match_entities(pred, gold, typed=True)
    assert (untyped.tp, untyped.fp, untyped.fn) == (2, 0, 0)
    assert (typed.tp, typed.fp, typed.fn) == (1, 1, 1)


def test_one_gold_entity_is_matched_by_one_prediction_only():
    gold = [ent("Alice Ardent", "Person", "Ardent")]
    # an unlinked partial name and the full name: the full-name label wins, the other is a false positive
    pred = [ent("Ardent", "Person"), ent("Alice Ardent", "Person")]
    al = match_entities(pred, gold)
    assert al.pairs == [(1, 0)]
    assert (al.tp, al.fp, al.fn) == (1, 1, 0)


# ----------------------------------------------------------------------------- roles


def test_role_needs_person_role_and_the_gold_org():
    gold = [RoleRec(ALICE, "spokesperson_of", ACME)]
    assert match_roles([RoleRec(names("Ardent"), "spokesperson_of", names("tập đoàn  acme"))], gold).tp == 1
    assert match_roles([RoleRec(ALICE, "leader_of", ACME)], gold).tp == 0  # wrong role
    assert match_roles([RoleRec(ALICE, "spokesperson_of", ZENITH)], gold).tp == 0  # wrong org
    assert match_roles([RoleRec(ALICE, "spokesperson_of", None)], gold).tp == 0  # org missing
    assert match_roles([RoleRec(BOB, "spokesperson_of", ACME)], gold).tp == 0  # wrong person


def test_gold_org_null_matches_any_org_or_none():
    gold = [RoleRec(BOB, "president_of", None)]
    assert match_roles([RoleRec(BOB, "president_of", ZENITH)], gold).tp == 1
    assert match_roles([RoleRec(BOB, "president_of", None)], gold).tp == 1
    assert match_roles([RoleRec(BOB, "minister_of", None)], gold).tp == 0


def test_gold_role_row_not_matched_twice():
    gold = [RoleRec(BOB, "president_of", None)]
    al = match_roles([RoleRec(BOB, "president_of", ZENITH), RoleRec(BOB, "president_of", None)], gold)
    assert (al.tp, al.fp, al.fn) == (1, 1, 0)
    assert al.pairs == [(1, 0)]  # the prediction without org is the closer one


# ----------------------------------------------------------------------------- dates and events


def test_dates():
    assert same_date("2021-06-16", "--06-16")  # gold without year: any year
    assert same_date("1999-06-16", "--06-16")
    assert same_date("--06-16", "--06-16")
    assert not same_date("2021-06-17", "--06-16")
    assert not same_date("--06-16", "2021-06-16")  # gold knows the year, prediction lost it
    assert same_date("2021-06-16T09:30", "2021-06-16")
    assert not same_date("2020-06-16", "2021-06-16")
    assert same_date(None, None)
    assert not same_date(None, "--06-16") and not same_date("2021-06-16", None)


def test_event_with_another_year_matches_gold_without_year():
    gold = EventRec("Summit", OSLO, "--06-16", (ALICE, BOB))
    assert event_matches(EventRec("Summit", names("oslo"), "2031-06-16", (ALICE, BOB)), gold)
    assert not event_matches(EventRec("Summit", OSLO, "2031-06-17", (ALICE, BOB)), gold)


def test_event_type_location_and_date_where_gold_gives_them():
    gold = EventRec("Meeting", OSLO, "2030-01-02", (ALICE,))
    assert not event_matches(EventRec("Visit", OSLO, "2030-01-02", (ALICE,)), gold)
    assert not event_matches(EventRec("Meeting", BERGEN, "2030-01-02", (ALICE,)), gold)
    assert not event_matches(EventRec("Meeting", None, "2030-01-02", (ALICE,)), gold)
    assert not event_matches(EventRec("Meeting", OSLO, None, (ALICE,)), gold)
    # gold without place and date: any place and date will do
    open_gold = EventRec("Meeting", None, None, (ALICE,))
    assert event_matches(EventRec("Meeting", BERGEN, "2030-05-05", (ALICE,)), open_gold)


def test_event_needs_half_of_the_gold_participants():
    gold = EventRec("Negotiation", None, None, (ALICE, BOB, CAROL, DAN))
    assert event_matches(EventRec("Negotiation", None, None, (ALICE, BOB)), gold)  # 2 of 4
    assert not event_matches(EventRec("Negotiation", None, None, (ALICE, ZENITH)), gold)  # 1 of 4
    # the same gold participant named twice counts once
    assert not event_matches(EventRec("Negotiation", None, None, (ALICE, names("Ardent"))), gold)
    three = EventRec("Negotiation", None, None, (ALICE, BOB, CAROL))
    assert not event_matches(EventRec("Negotiation", None, None, (ALICE,)), three)  # 1 of 3 < half
    assert event_matches(EventRec("Negotiation", None, None, (ALICE, CAROL)), three)


def test_events_greedy_best_first_and_argument_counts():
    golds = [EventRec("Meeting", OSLO, "--03-04", (ALICE, BOB)), EventRec("Meeting", None, None, (CAROL,))]
    preds = [
        EventRec("Meeting", OSLO, "2030-03-04", (ALICE, BOB)),  # matches both gold rows; the first better
        EventRec("Meeting", BERGEN, "2030-03-04", (ALICE, BOB)),  # wrong place for gold 0, no Carol for gold 1
    ]
    al = match_events(preds, golds)
    assert al.pairs == [(0, 0)]
    assert (al.tp, al.fp, al.fn) == (1, 1, 1)

    args = event_argument_counts(preds, golds)
    # location: 2 predicted, 1 gold, the aligned pair 0-0 agrees
    assert (args["location"].tp, args["location"].pred, args["location"].gold) == (1, 2, 1)
    assert (args["date"].tp, args["date"].pred, args["date"].gold) == (1, 2, 1)
    # participants: 4 predicted, 3 gold; pair 0-0 shares two, pair 1-1 none
    assert (args["participants"].tp, args["participants"].pred, args["participants"].gold) == (2, 4, 3)


def test_event_argument_counts_show_a_wrong_argument_of_an_unmatched_event():
    golds = [EventRec("Visit", OSLO, "2030-01-01", (ALICE,))]
    preds = [EventRec("Visit", BERGEN, "2030-01-01", (ALICE,))]
    assert match_events(preds, golds).tp == 0
    args = event_argument_counts(preds, golds)
    assert args["location"].tp == 0 and args["date"].tp == 1 and args["participants"].tp == 1


# ----------------------------------------------------------------------------- claims


def test_tokens_are_casefolded_syllables_without_punctuation():
    assert tokens("“Chúng TA sẽ đáp trả!”, ông nói - ngày 5/6.") == [
        "chúng", "ta", "sẽ", "đáp", "trả", "ông", "nói", "ngày", "5", "6",
    ]


def test_token_f1_threshold_is_exact():
    gold = " ".join(f"g{i}" for i in range(100))
    # 49 shared of 100 each: F1 0.49; 50 shared: F1 0.5
    pred49 = " ".join([f"g{i}" for i in range(49)] + [f"x{i}" for i in range(51)])
    pred50 = " ".join([f"g{i}" for i in range(50)] + [f"x{i}" for i in range(50)])
    assert token_f1(pred49, gold) == Fraction(49, 100)
    assert token_f1(pred50, gold) == Fraction(1, 2)
    assert match_claims([ClaimRec(ALICE, pred49, None)], [ClaimRec(ALICE, gold, None)]).tp == 0
    assert match_claims([ClaimRec(ALICE, pred50, None)], [ClaimRec(ALICE, gold, None)]).tp == 1


def test_claim_needs_the_speaker():
    gold = [ClaimRec(ALICE, "giá dầu sẽ tăng mạnh", None)]
    assert match_claims([ClaimRec(BOB, "giá dầu sẽ tăng mạnh", None)], gold).tp == 0
    assert match_claims([ClaimRec(names("ARDENT"), "Giá dầu sẽ tăng mạnh.", None)], gold).tp == 1


def test_claim_gold_row_not_matched_twice_best_f1_first():
    golds = [ClaimRec(ALICE, "một hai ba bốn", None), ClaimRec(ALICE, "năm sáu bảy tám", None)]
    preds = [
        ClaimRec(ALICE, "một hai ba chín", None),  # F1 0.75 with gold 0
        ClaimRec(ALICE, "một hai ba bốn", None),  # F1 1.0 with gold 0: takes it
    ]
    al = match_claims(preds, golds)
    assert al.pairs == [(1, 0)]
    assert (al.tp, al.fp, al.fn) == (1, 1, 1)


def test_claim_dates_over_matched_claims():
    golds = [
        ClaimRec(ALICE, "một hai ba", "--06-29"),
        ClaimRec(BOB, "bốn năm sáu", None),
        ClaimRec(CAROL, "bảy tám chín", "2030-02-03"),
        ClaimRec(DAN, "mười", None),  # not predicted: not in the total
    ]
    preds = [
        ClaimRec(ALICE, "một hai ba", "2031-06-29"),  # right: any year
        ClaimRec(BOB, "bốn năm sáu", None),  # right: both undated
        ClaimRec(CAROL, "bảy tám chín", None),  # wrong: date lost
    ]
    al = match_claims(preds, golds)
    assert al.tp == 3
    assert claim_dates(preds, golds, al) == (2, 3)


# ----------------------------------------------------------------------------- contamination, body


def test_contamination_whole_words_nfc_casefold():
    must_not = ["Hà Nội", "Mexico", "Lâm Đồng", "Quốc hội"]
    texts = [
        unicodedata.normalize("NFD", "Ủy ban nhân dân HÀ NỘI"),  # found: whole words, NFD, upper case
        "Mexicoland",  # not a whole word
        "Lâm",  # split across two texts: not found
        "Đồng",
        "quốc hội",
    ]
    assert contamination(must_not, texts) == ["Hà Nội", "Quốc hội"]
    assert contamination(must_not, []) == []


def test_body_boundaries_after_whitespace_folding():
    body = "Mở đầu  bài\nviết.\n\nĐoạn giữa.\n\nKết thúc bài viết./."
    assert body_matches(body, "Mở đầu bài viết.", "Kết thúc bài viết./.")
    assert not body_matches("Tin liên quan. " + body, "Mở đầu bài viết.", "Kết thúc bài viết./.")
    assert not body_matches(body + " Xem thêm", "Mở đầu bài viết.", "Kết thúc bài viết./.")


def test_body_may_end_with_a_short_closing_byline_or_credit():
    body = "Mở đầu bài viết.\nHai bên sẽ gặp lại vào tháng sau."
    last = "gặp lại vào tháng sau."
    for tail in ("Minh Khang(TheoTASS,Reuters)", "Minh Khang", "Theo Reuters, AFP", "(Theo Kyodo)", "Lan Anh - Quốc Việt"):
        assert body_matches(body + " " + tail, "Mở đầu", last), tail
    for tail in ("Xem thêm", "Bình luận (0)", "Ông nói thêm rằng hai bên sẽ còn gặp nhau.",
                 "Minh Khang " + "Theo Reuters " * 7):  # a sentence, chrome, or over 80 characters
        assert not body_matches(body + " " + tail, "Mở đầu", last), tail
