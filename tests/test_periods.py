"""Report periods: parsing, boundaries, the previous period, and a report's window."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.periods import (
    ReportPeriod,
    ReportWindow,
    last_closed_quarter,
    quarter_ends,
    window_for,
)
from actionplan.terms import Quarter

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "start", "end", "previous"),
    [
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "2025-Q4"),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30), "2026-Q1"),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026-Q2"),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "2026-Q3"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "2025-H2"),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "2026-H1"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "2025"),
        ("2028-Q1", date(2028, 1, 1), date(2028, 3, 31), "2027-Q4"),  # leap year
    ],
)
def test_period_boundaries_and_previous(text: str, start: date, end: date, previous: str) -> None:
    period = ReportPeriod.parse(text)
    assert period is not None
    assert str(period) == text
    assert (period.start, period.end) == (start, end)
    assert str(period.previous()) == previous
    assert period.previous().end.toordinal() == period.start.toordinal() - 1


@pytest.mark.parametrize(
    "text",
    [
        "2026-Q5",
        "2026-Q0",
        "2026-H3",
        "2026-H0",
        "2026-q3",
        "26-Q3",
        "2026-Q3 ",
        "2026-06",
        "Q3-2026",
        "",
        "2026..2030",
        "٢٠٢٦",
        "0999",
        "2026-Y1",
    ],
)
def test_malformed_periods_are_refused(text: str) -> None:
    assert ReportPeriod.parse(text) is None


def test_periods_order_within_a_kind() -> None:
    parsed = [ReportPeriod.parse(t) for t in ("2026-Q2", "2025-Q4", "2026-Q1")]
    assert [str(p) for p in sorted(p for p in parsed if p)] == ["2025-Q4", "2026-Q1", "2026-Q2"]


def test_a_named_period_is_reported_as_of_its_end_against_the_previous_end() -> None:
    period = ReportPeriod.parse("2026-H1")
    window = window_for(period, None, TODAY)
    assert window == ReportWindow(period, date(2026, 6, 30), date(2025, 12, 31))
    assert window.start == date(2026, 1, 1)


def test_as_of_may_move_within_or_after_the_period_but_not_before() -> None:
    period = ReportPeriod.parse("2026-Q3")
    assert window_for(period, date(2026, 8, 15), TODAY).as_of == date(2026, 8, 15)
    late = window_for(period, date(2026, 10, 15), TODAY)  # once Q3's updates are in
    assert (late.as_of, late.baseline) == (date(2026, 10, 15), date(2026, 6, 30))
    with pytest.raises(ValueError, match="before"):
        window_for(period, date(2026, 6, 30), TODAY)


@pytest.mark.parametrize(
    ("as_of", "baseline"),
    [
        (date(2026, 12, 3), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 9, 30)),
        (date(2026, 9, 30), date(2026, 6, 30)),  # a quarter's last day: it is still open
        (date(2026, 1, 1), date(2025, 12, 31)),
        (date(2026, 3, 31), date(2025, 12, 31)),
    ],
)
def test_without_a_period_the_baseline_is_the_last_closed_quarter(
    as_of: date, baseline: date
) -> None:
    assert window_for(None, as_of, TODAY) == ReportWindow(None, as_of, baseline)
    assert last_closed_quarter(as_of).end == baseline


def test_without_anything_the_report_is_as_of_today() -> None:
    assert window_for(None, None, TODAY) == ReportWindow(None, TODAY, date(2026, 9, 30))


def test_trend_points_are_closed_quarter_ends_then_the_as_of_day() -> None:
    first = Quarter(2025, 4)
    assert quarter_ends(first, date(2026, 5, 2)) == [
        date(2025, 12, 31),
        date(2026, 3, 31),
        date(2026, 5, 2),
    ]
    assert quarter_ends(first, date(2026, 3, 31)) == [date(2025, 12, 31), date(2026, 3, 31)]
    assert quarter_ends(first, date(2025, 11, 1)) == [date(2025, 11, 1)]  # before reporting
