"""Due terms and reporting quarters against DESIGN §3 (expected values come from the contract)."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.terms import Quarter, parse_iso_date, parse_term

# DESIGN §3 "Due terms": every form and the date it ends on.
DATED_TERMS = [
    ("2025", date(2025, 12, 31)),
    ("2026", date(2026, 12, 31)),
    ("2026-Q1", date(2026, 3, 31)),
    ("2026-Q2", date(2026, 6, 30)),
    ("2026-Q3", date(2026, 9, 30)),
    ("2026-Q4", date(2026, 12, 31)),
    ("2026-H1", date(2026, 6, 30)),
    ("2026-H2", date(2026, 12, 31)),
    ("2026-01", date(2026, 1, 31)),
    ("2026-02", date(2026, 2, 28)),
    ("2024-02", date(2024, 2, 29)),
    ("2000-02", date(2000, 2, 29)),
    ("2100-02", date(2100, 2, 28)),
    ("2026-04", date(2026, 4, 30)),
    ("2026-06", date(2026, 6, 30)),
    ("2026-12", date(2026, 12, 31)),
    ("2026-06-15", date(2026, 6, 15)),
    ("2024-02-29", date(2024, 2, 29)),
    ("2026-12-31", date(2026, 12, 31)),
    ("2025..2030", date(2030, 12, 31)),
    ("2026..2027", date(2027, 12, 31)),
]

UNDATED_TERMS = ["continuous", "central", "assigned"]

INVALID_TERMS = [
    "",
    " 2025",
    "2025 ",
    "2025\n",
    "25",
    "20250",
    "2026-Q5",
    "2026-Q0",
    "2026-q1",
    "2026Q1",
    "2026-H3",
    "2026-H0",
    "2026-13",
    "2026-00",
    "2026-1",
    "2026-02-30",
    "2026-02-29",
    "2026-06-31",
    "2026-3-31",
    "2026-03-1",
    "03/04/2026",
    "31/12/2026",
    "20260331",
    "2030..2025",
    "2025-2030",
    "2025...2030",
    "2025 .. 2030",
    "2025..",
    "..2030",
    "Continuous",
    "CENTRAL",
    "assigned ",
    "null",
    "~",
    "Trong năm 2025",
]

# DESIGN §3 terms are ASCII; a `\d` pattern would also take fullwidth or Arabic-Indic digits.
UNICODE_DIGIT_TERMS = ["２０２５", "٢٠٢٥-Q1", "２０２６-06-15"]


@pytest.mark.parametrize(("text", "end"), DATED_TERMS)
def test_dated_term_ends_on(text: str, end: date) -> None:
    term = parse_term(text)
    assert term is not None
    assert term.end == end
    assert term.dated


@pytest.mark.parametrize("text", UNDATED_TERMS)
def test_undated_term_has_no_date(text: str) -> None:
    term = parse_term(text)
    assert term is not None
    assert term.end is None
    assert not term.dated


@pytest.mark.parametrize("text", INVALID_TERMS)
def test_invalid_term_is_refused(text: str) -> None:
    assert parse_term(text) is None


@pytest.mark.parametrize("text", UNICODE_DIGIT_TERMS)
def test_non_ascii_digits_are_refused(text: str) -> None:
    assert parse_term(text) is None


def test_quarter_parse_refuses_non_ascii_digits() -> None:
    assert Quarter.parse("２０２６-Q1") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-06-15", date(2026, 6, 15)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2026-02-29", None),
        ("2026-6-15", None),
        ("03/04/2026", None),
        ("20260615", None),
        ("２０２６-06-15", None),
        ("2026-06-15 ", None),
        ("", None),
    ],
)
def test_parse_iso_date(text: str, expected: date | None) -> None:
    assert parse_iso_date(text) == expected


# --- quarters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "number"),
    [("2025-Q4", 2025, 4), ("2026-Q1", 2026, 1), ("2026-Q3", 2026, 3)],
)
def test_quarter_parse_and_str_round_trip(text: str, year: int, number: int) -> None:
    quarter = Quarter.parse(text)
    assert quarter == Quarter(year, number)
    assert str(quarter) == text


@pytest.mark.parametrize(
    "text",
    ["2026-Q5", "2026-Q0", "2026-q1", "2026Q1", "2026-H1", "2026", "2026-03", " 2026-Q1", ""],
)
def test_quarter_parse_refuses(text: str) -> None:
    assert Quarter.parse(text) is None


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, date(2026, 1, 1), date(2026, 3, 31)),
        (2, date(2026, 4, 1), date(2026, 6, 30)),
        (3, date(2026, 7, 1), date(2026, 9, 30)),
        (4, date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_quarter_start_and_end(number: int, start: date, end: date) -> None:
    quarter = Quarter(2026, number)
    assert quarter.start == start
    assert quarter.end == end


@pytest.mark.parametrize(
    ("quarter", "following"),
    [
        (Quarter(2025, 4), Quarter(2026, 1)),
        (Quarter(2026, 1), Quarter(2026, 2)),
        (Quarter(2026, 2), Quarter(2026, 3)),
        (Quarter(2026, 3), Quarter(2026, 4)),
    ],
)
def test_quarter_next_and_previous(quarter: Quarter, following: Quarter) -> None:
    assert quarter.next() == following
    assert following.previous() == quarter


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 1), Quarter(2026, 1)),
        (date(2026, 3, 31), Quarter(2026, 1)),
        (date(2026, 4, 1), Quarter(2026, 2)),
        (date(2026, 6, 30), Quarter(2026, 2)),
        (date(2026, 7, 1), Quarter(2026, 3)),
        (date(2026, 9, 30), Quarter(2026, 3)),
        (date(2026, 10, 1), Quarter(2026, 4)),
        (date(2026, 12, 31), Quarter(2026, 4)),
        (date(2024, 2, 29), Quarter(2024, 1)),
    ],
)
def test_quarter_containing(day: date, expected: Quarter) -> None:
    assert Quarter.containing(day) == expected


def test_quarters_order_chronologically() -> None:
    quarters = [Quarter(2026, 2), Quarter(2025, 4), Quarter(2027, 1), Quarter(2026, 1)]
    assert sorted(quarters) == [
        Quarter(2025, 4),
        Quarter(2026, 1),
        Quarter(2026, 2),
        Quarter(2027, 1),
    ]
    assert Quarter(2025, 4) < Quarter(2026, 1)
    assert Quarter(2026, 3) >= Quarter(2026, 3)
