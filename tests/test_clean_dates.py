"""Printed dates -> ISO, never inventing a year; what counts as a date-only line."""

from __future__ import annotations

import pytest

from kg.clean.dates import is_date_line, parse_published


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("02:45 03/03/2025", "2025-03-03T02:45"),
        ("Thứ 6, 31/12/2021 | 00:00:00", "2021-12-31T00:00"),
        ("Thứ Bảy, 22/1/2022, 07:40 (GMT+7)", "2022-01-22T07:40"),
        ("Cập nhật: 14:30, 03-03-2025", "2025-03-03T14:30"),
        ("2025-03-03T02:45:00+07:00", "2025-03-03T02:45"),
        ("2025-03-03", "2025-03-03"),
        ("20210421", "2021-04-21"),
        ("ngày 3 tháng 3 năm 2025", "2025-03-03"),
        ("Jan 18, 2025 5:30 PM", "2025-01-18T17:30"),
        ("15.08.2025", "2025-08-15"),
    ],
)
def test_printed_forms(printed: str, iso: str) -> None:
    assert parse_published(printed) == iso


def test_no_year_stays_partial() -> None:
    assert parse_published("18 Jan, 11:37 AM") == "--01-18"
    assert parse_published("21 May, 09:12 AM") == "--05-21"


@pytest.mark.parametrize("printed", ["", None, "hôm qua", "31/02/2025", "536 lượt xem", "Theo TTXVN"])
def test_not_a_date(printed: str | None) -> None:
    assert parse_published(printed) is None


def test_date_lines_versus_sentences_with_dates() -> None:
    assert is_date_line("02:45 03/03/2025")
    assert is_date_line("Thứ 6, 31/12/2021 | 00:00:00")
    assert is_date_line("18 Jan, 11:37 AM")
    assert is_date_line("2025-03-03T02:45:00+07:00")
    assert not is_date_line("Ngày 28/4, ông Nguyễn Văn A cho biết cuộc họp sẽ được dời lại.")
    assert not is_date_line("Hội nghị diễn ra hôm 16/6")
