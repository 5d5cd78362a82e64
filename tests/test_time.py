"""Date expressions, resolved against the published date; never an invented year."""

from __future__ import annotations

import pytest

from kg.extract.time import date_near, dates_in, find_times, resolve_day_month
from test_roles_support import make


def values(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Phát biểu hôm 29/6, ông nói", "2021-07-01", [("hôm 29/6", "2021-06-29")]),
        ("Phát biểu hôm 29/6, ông nói", None, [("hôm 29/6", "--06-29")]),
        ("ngày 28-2 (giờ Mỹ) hai bên gặp nhau", "2025-03-03", [("ngày 28-2", "2025-02-28")]),
        ("ngày 2-3 hai bên gặp nhau", "2025-03-03", [("ngày 2-3", "2025-03-02")]),
        ("phải đến 2-3 báo chí mới đưa tin", "2025-03-03", [("đến 2-3", "2025-03-02")]),
        ("trong ngày 11/3 sẽ có cuộc họp", None, [("trong ngày 11/3", "--03-11")]),
        ("sinh ngày 20/7/1962 tại Hà Nội", None, [("20/7/1962", "1962-07-20")]),
        ("sinh ngày 20/7/1962 tại Hà Nội", "2021-04-01", [("20/7/1962", "1962-07-20")]),
        ("vào ngày 5 tháng 9 năm 2019", None, [("ngày 5 tháng 9 năm 2019", "2019-09-05")]),
        ("Sáng 1/11, đoàn đã tới", "2020-11-02", [("Sáng 1/11", "2020-11-01")]),
    ],
)
def test_day_month_forms(text: str, published: str | None, expected: list) -> None:
    assert values(text, published) == expected


def test_relative_days_need_the_published_date() -> None:
    text = "rạng sáng nay, hôm nay, sáng nay, hôm qua, tối qua"
    got = values(text, "2021-12-31")
    assert got == [
        ("rạng sáng nay", "2021-12-31"),
        ("hôm nay", "2021-12-31"),
        ("sáng nay", "2021-12-31"),
        ("hôm qua", "2021-12-30"),
        ("tối qua", "2021-12-30"),
    ]
    # unknown published date: found, but no value (a day is never invented)
    assert [v for _, v in values(text, None)] == [None] * 5


def test_weekday_is_the_last_such_day_on_or_before_publication() -> None:
    # 2021-07-01 is a Thursday: "thứ Ba" is 29 June, "thứ Năm" the day itself
    assert values("hôm thứ Ba, ông cho biết", "2021-07-01") == [("hôm thứ Ba", "2021-06-29")]
    assert values("vào thứ Năm, ông cho biết", "2021-07-01") == [("vào thứ Năm", "2021-07-01")]
    assert values("vào thứ Hai tới sẽ họp", "2021-07-01") == [("vào thứ Hai tới", "2021-07-05")]
    assert values("hôm thứ Ba, ông cho biết", None) == [("hôm thứ Ba", None)]


def test_vague_periods_and_months_have_no_day() -> None:
    assert values("trong tuần này", "2021-04-21") == [("tuần này", None)]
    got = find_times("ông nhậm chức vào tháng 1", "2025-03-10")
    assert [(t.text, t.value, t.kind) for t in got] == [("tháng 1", None, "month")]


def test_year_rollover_and_future_dates() -> None:
    assert resolve_day_month(28, 12, _d("2025-01-02")) == "2024-12-28"
    assert resolve_day_month(3, 1, _d("2024-12-28")) == "2025-01-03"
    # a scheduled date later in the same year stays in that year
    assert resolve_day_month(15, 6, _d("2021-04-20")) == "2021-06-15"
    assert resolve_day_month(31, 2, _d("2021-04-20")) is None
    assert resolve_day_month(29, 2, None) == "--02-29"


def test_numbers_that_are_not_dates() -> None:
    assert values("khoảng 1/3 dân số", "2021-04-20") == []
    assert values("mỗi túi từ 2-3 khúc", "2021-04-20") == []
    assert values("thông qua nghị quyết", "2021-04-20") == []
    assert values("kéo dài từ 2-3 tuần", "2021-04-20") == []


def test_component_exposes_dates_per_sentence() -> None:
    x = make("Hôm qua hai bên gặp nhau. Ngày 9/4 ông tới Paris, cùng ngày ông về.", {}, "2021-04-21")
    first, second = dates_in(x, 0), dates_in(x, 1)
    assert [t.value for t in first] == ["2021-04-20"]
    assert [t.value for t in second] == ["2021-04-09", "2021-04-09"]  # "cùng ngày" = the last date
    assert date_near(x, 1, second[0].start) == "2021-04-09"
    assert dates_in(x, 5) == []


def _d(iso: str):
    from kg.extract.time import parse_published

    return parse_published(iso)


def test_mung_before_the_day() -> None:
    assert values("vào ngày mùng 1/5 tới", "2021-04-20") == [("vào ngày mùng 1/5", "2021-05-01")]


def test_bracketed_day_month() -> None:
    got = values("Hôm nay (26/4), ông cho biết", None)
    assert ("(26/4)", "--04-26") in got


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Hôm 13.2, bộ trưởng đã tới thăm", "2025-02-15", [("Hôm 13.2", "2025-02-13")]),
        ("sáng 20.2 hai đoàn gặp nhau", "2025-02-21", [("sáng 20.2", "2025-02-20")]),
        ("Ngày 16.2.2025, hai bên ký văn kiện", None, [("16.2.2025", "2025-02-16")]),
        ("sáng 22-4 (theo giờ Việt Nam), ông tuyên bố", "2025-04-22", [("sáng 22-4", "2025-04-22")]),
        ("ngày 11-4 đoàn đến thủ đô", "2025-04-12", [("ngày 11-4", "2025-04-11")]),
    ],
)
def test_dotted_and_dashed_forms_of_2025_outlets(text: str, published: str | None, expected: list) -> None:
    assert values(text, published) == expected


def test_month_with_year_names_no_day() -> None:
    for text in ("từ tháng 8.2024 đến nay", "hồi tháng 1-2025", "vào tháng 3/2024"):
        got = find_times(text, "2025-05-01")
        assert [(t.kind, t.value) for t in got] == [("month", None)], text


def test_dotted_numbers_that_are_not_dates() -> None:
    assert values("động cơ 2.0 và phiên bản 4.0", "2025-05-01") == []
    assert values("tăng từ 1.5 lên 3.2 điểm", "2025-05-01") == []
    assert values("ngày 2.5 lần nhiều hơn", "2025-05-01") == []
