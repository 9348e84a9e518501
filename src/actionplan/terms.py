"""Due terms and reporting periods (DESIGN §3): text ⇄ dates, nothing else.

A due term is what a milestone, decision or ``by`` backstop says about *when*:

==================  ===================================  =====================
term                meaning                              date (``end``)
==================  ===================================  =====================
``2025``            within the year                      2025-12-31
``2026-Q1``         within the quarter                   2026-03-31
``2026-H1``         within the half year                 2026-06-30
``2026-06``         within the month                     2026-06-30
``2026-06-15``      by that day                          2026-06-15
``2025..2030``      within the period                    2030-12-31
``continuous``      recurring, no deadline               none
``central``         set by the Central level later       none
``assigned``        set by a later assignment            none
==================  ===================================  =====================
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

TermKind = Literal[
    "year", "quarter", "half", "month", "date", "range", "continuous", "central", "assigned"
]
UNDATED_TERMS: tuple[str, ...] = ("continuous", "central", "assigned")

MIN_YEAR, MAX_YEAR = 1900, 2999

_YEAR = r"(?P<y>[0-9]{4})"
_PATTERNS: tuple[tuple[TermKind, re.Pattern[str]], ...] = (
    ("year", re.compile(rf"{_YEAR}\Z")),
    ("quarter", re.compile(rf"{_YEAR}-Q(?P<n>[1-4])\Z")),
    ("half", re.compile(rf"{_YEAR}-H(?P<n>[12])\Z")),
    ("month", re.compile(rf"{_YEAR}-(?P<m>0[1-9]|1[0-2])\Z")),
    ("date", re.compile(rf"{_YEAR}-(?P<m>[0-9][0-9])-(?P<d>[0-9][0-9])\Z")),
    ("range", re.compile(rf"{_YEAR}\.\.(?P<y2>[0-9]{{4}})\Z")),
)
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])\Z")


@dataclass(frozen=True)
class DueTerm:
    """A parsed due term; ``end`` is its deadline, None for undated terms."""

    text: str
    kind: TermKind
    end: date | None

    @property
    def dated(self) -> bool:
        return self.end is not None


def parse_term(text: str) -> DueTerm | None:
    """The term for ``text``, or None when it is not a valid due term."""
    if text in UNDATED_TERMS:
        return DueTerm(text, text, None)  # type: ignore[arg-type]
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        year = int(match["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        end = _term_end(kind, year, match)
        return DueTerm(text, kind, end) if end is not None else None
    return None


def _term_end(kind: TermKind, year: int, match: re.Match[str]) -> date | None:
    if kind == "year":
        return date(year, 12, 31)
    if kind == "quarter":
        return month_end(year, int(match["n"]) * 3)
    if kind == "half":
        return month_end(year, int(match["n"]) * 6)
    if kind == "month":
        return month_end(year, int(match["m"]))
    if kind == "date":
        return parse_iso_date(match.group(0))
    last = int(match["y2"])  # range
    if last < year or last > MAX_YEAR:
        return None
    return date(last, 12, 31)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_iso_date(text: str) -> date | None:
    """A strict ``YYYY-MM-DD`` date (no other spelling is guessed), else None."""
    match = _DATE.match(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@dataclass(frozen=True, order=True)
class Quarter:
    """A reporting period ``YYYY-Qn``."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter | None:
        match = _QUARTER.match(text)
        if match is None or not MIN_YEAR <= int(match[1]) <= MAX_YEAR:
            return None
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, self.number * 3 - 2, 1)

    @property
    def end(self) -> date:
        return month_end(self.year, self.number * 3)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)
