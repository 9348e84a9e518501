"""Report periods and the quarterly series a report charts.

A periodic report to the Standing Committee covers a quarter (``2026-Q3``), a half year
(``2026-H1``) or a year (``2026``). It is as of the period's end and compares it with
the previous period's end (the previous quarter, half or year), so "what changed" means
"what changed during this period". Without a period, a report is as of a given day
against the end of the last closed quarter.

Its charts follow the programme quarter by quarter: milestones due and completed per
quarter, and tasks done and overdue at every quarter end (each point its own
evaluation, so it shows what was known on that day).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from actionplan.evaluate import Evaluation
from actionplan.terms import MAX_YEAR, MIN_YEAR, Quarter, month_end

PeriodKind = Literal["quarter", "half", "year"]

_PATTERN = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<kind>[QH])(?P<number>[1-4]))?\Z")
_PER_YEAR = {"quarter": 4, "half": 2, "year": 1}
_MONTHS = {"quarter": 3, "half": 6, "year": 12}
DONE_STATUSES = frozenset({"done_on_time", "done_late", "done"})
MAX_QUARTERS = 60  # the deadlines chart: 15 years is more than any programme spans


@dataclass(frozen=True, order=True)
class ReportPeriod:
    """One quarter, half year or year; ``number`` is 1–4, 1–2 or 1 respectively."""

    year: int
    kind: PeriodKind
    number: int

    @classmethod
    def parse(cls, text: str) -> ReportPeriod | None:
        """``2026-Q3``, ``2026-H1`` or ``2026``; None for anything else (``2026-H3``…)."""
        match = _PATTERN.match(text)
        if match is None or not MIN_YEAR <= int(match["year"]) <= MAX_YEAR:
            return None
        year = int(match["year"])
        if match["kind"] is None:
            return cls(year, "year", 1)
        kind: PeriodKind = "quarter" if match["kind"] == "Q" else "half"
        number = int(match["number"])
        return cls(year, kind, number) if number <= _PER_YEAR[kind] else None

    def __str__(self) -> str:
        if self.kind == "year":
            return str(self.year)
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * _MONTHS[self.kind] + 1, 1)

    @property
    def end(self) -> date:
        return month_end(self.year, self.number * _MONTHS[self.kind])

    def previous(self) -> ReportPeriod:
        """The period of the same kind just before this one."""
        if self.number > 1:
            return ReportPeriod(self.year, self.kind, self.number - 1)
        return ReportPeriod(self.year - 1, self.kind, _PER_YEAR[self.kind])


@dataclass(frozen=True)
class ReportWindow:
    """What a report covers: its period (None for an ad-hoc report), the day it is as
    of, and the baseline day it is compared with (changes are ``baseline < day ≤ as_of``)."""

    period: ReportPeriod | None
    as_of: date
    baseline: date

    @property
    def start(self) -> date:
        """The first day the changes section covers."""
        return self.baseline + timedelta(days=1)


def last_closed_quarter(as_of: date) -> Quarter:
    """The latest quarter that ended before ``as_of`` (on a quarter's last day, that
    quarter is still open: comparing it with itself would show no change)."""
    return Quarter.containing(as_of).previous()


def window_for(period: ReportPeriod | None, as_of: date | None, today: date) -> ReportWindow:
    """The window of a report for ``--period`` and ``--as-of``.

    With a period: as of its end against the previous period's end. ``as_of`` may move
    the day: inside the period for a report on a period still running, or after it so
    that the period's own updates count (agencies submit them after the quarter ends,
    and only what was submitted by the as-of day counts). Without a period: as of
    ``as_of`` (default ``today``) against the end of the last closed quarter. Raises
    ``ValueError`` when ``as_of`` is before the period begins.
    """
    if period is None:
        day = as_of or today
        return ReportWindow(None, day, last_closed_quarter(day).end)
    if as_of is not None and as_of < period.start:
        raise ValueError(f"{as_of} is before {period} begins")
    return ReportWindow(period, as_of or period.end, period.previous().end)


def quarter_ends(first: Quarter, as_of: date) -> list[date]:
    """The end of every quarter from ``first`` that has closed by ``as_of``, then
    ``as_of`` itself when it is not one of them: the points of a trend."""
    points: list[date] = []
    quarter = first
    while quarter.end <= as_of:
        points.append(quarter.end)
        quarter = quarter.next()
    if not points or points[-1] != as_of:
        points.append(as_of)
    return points


@dataclass(frozen=True)
class QuarterCount:
    quarter: Quarter
    due: int  # milestones whose effective deadline falls in the quarter
    completed: int  # milestones completed (done_on) in the quarter


@dataclass(frozen=True)
class TrendPoint:
    day: date
    quarter: Quarter
    closed: bool  # ``day`` is the quarter's last day (else: the as-of day)
    done: int
    overdue: int


def deadlines_by_quarter(evaluation: Evaluation, first: Quarter) -> tuple[QuarterCount, ...]:
    """Milestones due and completed per quarter, every quarter from ``first`` (or the
    earliest one seen) to the latest deadline or the as-of quarter, gaps included."""
    milestones = [m for t in evaluation.tasks for m in t.milestones]
    due = Counter(Quarter.containing(m.due) for m in milestones if m.due)
    completed = Counter(Quarter.containing(m.done_on) for m in milestones if m.done_on)
    seen = [*due, *completed, Quarter.containing(evaluation.as_of)]
    quarter, last = min([first, *seen]), max(seen)
    rows: list[QuarterCount] = []
    while quarter <= last and len(rows) < MAX_QUARTERS:
        rows.append(QuarterCount(quarter, due[quarter], completed[quarter]))
        quarter = quarter.next()
    return tuple(rows)


def trend_point(evaluation: Evaluation) -> TrendPoint:
    """Tasks done and overdue in ``evaluation``, for the trend chart."""
    summary = evaluation.summary
    quarter = Quarter.containing(evaluation.as_of)
    return TrendPoint(
        evaluation.as_of,
        quarter,
        evaluation.as_of == quarter.end,
        sum(summary[s] for s in DONE_STATUSES),
        summary["overdue"],
    )
