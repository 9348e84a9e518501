"""Reminders to agencies: what each one must act on, as data (pure, no I/O).

The Party Office's reminder ("công văn đôn đốc") names, for one agency, the milestones
it is still pending on that are overdue or due within the early-warning window, the
continuous tasks it has not reported on for the current period P*, and the deadline of
the next quarterly report. ``build_reminders`` computes that for every agency from an
evaluation (DESIGN §4); the ``remind.*.j2`` templates are its only presentation.

Readings chosen here, where the issue is silent:

- the unit is a milestone, and an agency is reminded only where it is *pending* (its own
  latest entry is not ``done``): a co-lead that has finished its part of an overdue
  milestone is not urged again;
- "unreported" means a continuous milestone this agency has no entry on for a period
  ≥ P*; a dated milestone not yet due soon is not listed even when its report is
  missing (the closing request to report covers it), so a reminder stays short and
  about what needs action now;
- the next report is the one for the quarter after P* (the first period while there is
  no P*), due at that quarter's end + ``report_grace_days``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from actionplan.evaluate import Evaluation, MilestoneResult, TaskResult
from actionplan.i18n import _
from actionplan.models import Programme
from actionplan.terms import Quarter

_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Item:
    """One milestone an agency must act on."""

    task: TaskResult
    milestone: MilestoneResult
    co_leads: tuple[str, ...]  # names of the other lead agencies, programme order
    last_period: Quarter | None  # the latest period this agency reported on it for

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def text(self) -> str:
        return self.task.task.text

    @property
    def extended(self) -> bool:
        """The effective due differs from the programme's own (a decision applies)."""
        return self.milestone.due != self.milestone.original_due


@dataclass(frozen=True)
class Reminder:
    """Everything one agency must act on, each list most urgent first."""

    agency: str
    name: str
    overdue: tuple[Item, ...]
    due_soon: tuple[Item, ...]
    unreported: tuple[Item, ...]

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_soon or self.unreported)


@dataclass(frozen=True)
class Reminders:
    """The reminders of one run, one per agency in programme order (empty ones included)."""

    as_of: date
    report_period: Quarter | None  # P*: the period whose report is now expected
    next_period: Quarter  # the period the next report covers
    report_deadline: date  # when that report is due
    warning_days: int
    secretariat: str | None  # the name of the office that collects the reports
    reminders: tuple[Reminder, ...]

    @property
    def to_send(self) -> tuple[Reminder, ...]:
        return tuple(r for r in self.reminders if not r.empty)

    @property
    def skipped(self) -> tuple[Reminder, ...]:
        return tuple(r for r in self.reminders if r.empty)


def build_reminders(
    programme: Programme, evaluation: Evaluation, agency: str | None = None
) -> Reminders:
    """Reminders for every agency (or only ``agency``) as of ``evaluation.as_of``."""
    header = programme.programme
    first = Quarter.parse(header.first_period)
    assert first is not None  # validated
    period = evaluation.report_period
    upcoming = period.next() if period is not None else first
    names = {a.id: a.name for a in programme.agencies}
    secretariat = next((a.name for a in programme.agencies if a.secretariat), None)
    reminders = tuple(
        _reminder(a.id, names, evaluation)
        for a in programme.agencies
        if agency is None or a.id == agency
    )
    return Reminders(
        as_of=evaluation.as_of,
        report_period=period,
        next_period=upcoming,
        report_deadline=upcoming.end + timedelta(days=header.settings.report_grace_days),
        warning_days=header.settings.early_warning_days,
        secretariat=secretariat,
        reminders=reminders,
    )


def _reminder(agency: str, names: dict[str, str], evaluation: Evaluation) -> Reminder:
    period = evaluation.report_period
    overdue: list[Item] = []
    due_soon: list[Item] = []
    unreported: list[Item] = []
    for task in evaluation.tasks:
        if agency not in task.task.leads:
            continue
        co_leads = tuple(names.get(a, a) for a in task.task.leads if a != agency)
        for milestone in task.milestones:
            if agency not in milestone.pending:
                continue  # done with its own part: nothing to urge
            own = milestone.latest.get(agency)
            item = Item(task, milestone, co_leads, own.period if own else None)
            if milestone.status == "overdue":
                overdue.append(item)
            elif milestone.status == "due_soon":
                due_soon.append(item)
            elif milestone.term == "continuous" and _unreported(milestone, agency, period):
                unreported.append(item)
    # sorted() is stable, so equal urgency keeps the programme's task order.
    return Reminder(
        agency,
        names[agency],
        tuple(sorted(overdue, key=lambda i: -(i.milestone.days_overdue or 0))),
        tuple(sorted(due_soon, key=lambda i: i.milestone.days_left or 0)),
        tuple(unreported),
    )


def _unreported(milestone: MilestoneResult, agency: str, period: Quarter | None) -> bool:
    """No entry from ``agency`` in a period ≥ P* (none can be missing before P* exists)."""
    if period is None:
        return False
    own = milestone.latest.get(agency)
    return own is None or own.period < period


def quarter_label(quarter: Quarter) -> str:
    """A reporting period as people write it ("Quý IV năm 2026"); the message gets both
    the number and the Roman numeral, so each language picks its own (as the report's
    period names do)."""
    return _("Quarter {number}, {year}").format(
        number=quarter.number, roman=_ROMAN[quarter.number - 1], year=quarter.year
    )


def title_in_sentence(title: str, issuer: str) -> str:
    """The programme title as it reads after "V/v … theo" or "Thực hiện".

    Title blocks are often set in capitals ("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH
    ĐẢNG BỘ TỈNH thực hiện …"); inside a sentence that head is written in sentence case,
    with the issuer's own capitals restored ("Chương trình hành động của Ban Chấp hành
    Đảng bộ tỉnh thực hiện …"). Words with digits (document numbers such as
    "57-NQ/TW") end the head, so they keep their capitals. Other titles are unchanged.
    """
    words = title.split(" ")
    count = 0
    while (
        count < len(words) and words[count].isupper() and not any(c.isdigit() for c in words[count])
    ):
        count += 1
    if count < 2:  # one capitalised word is an abbreviation, not a title block
        return title
    head = " ".join(words[:count]).lower()
    head = head.replace(issuer.lower(), issuer, 1)
    return " ".join([head[:1].upper() + head[1:], *words[count:]])
