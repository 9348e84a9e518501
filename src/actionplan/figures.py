"""Per-agency accountability figures, derived from an evaluation (pure, no I/O).

For each agency: the milestones it leads, how many it has completed (its own latest
entry is ``done``), how many of those on time, how many are overdue with it still
pending, and its update rate: the share of its pending milestones on which it has
reported in the current report period P* or later (DESIGN §4, issue "status engine").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from actionplan.evaluate import Evaluation, TaskResult
from actionplan.models import Programme, UpdateFile


@dataclass(frozen=True)
class AgencyFigures:
    agency: str
    name: str
    tasks_led: int
    milestones_led: int
    done: int
    done_on_time: int
    overdue: int
    pending: int
    reported_current: int  # pending milestones with an entry in a period ≥ P*
    last_report: date | None
    reports_due: bool = True  # False before the first report period closes (no P*)

    @property
    def update_rate(self) -> float | None:
        """Share of pending milestones reported for the current period; None when no
        report is due yet or nothing is pending."""
        if not self.reports_due or not self.pending:
            return None
        return self.reported_current / self.pending

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.done if self.done else None


def last_reports(updates: Iterable[UpdateFile], as_of: date) -> dict[str, date]:
    """Each agency's latest submission date on or before ``as_of``."""
    latest: dict[str, date] = {}
    for update in updates:
        if update.submitted <= as_of and update.submitted > latest.get(update.agency, date.min):
            latest[update.agency] = update.submitted
    return latest


def agency_figures(
    programme: Programme, evaluation: Evaluation, updates: Iterable[UpdateFile]
) -> list[AgencyFigures]:
    """Figures for every agency that leads at least one task, in programme order."""
    submitted = last_reports(updates, evaluation.as_of)
    figures = []
    period = evaluation.report_period
    led: dict[str, list[TaskResult]] = {}
    for task in evaluation.tasks:  # one pass: linear in tasks, not tasks × agencies
        for lead in task.task.leads:
            led.setdefault(lead, []).append(task)
    for agency in programme.agencies:
        tasks = led.get(agency.id, [])
        if not tasks:
            continue
        counts = dict.fromkeys(
            ("milestones", "done", "on_time", "overdue", "pending", "current"), 0
        )
        for task in tasks:
            for milestone in task.milestones:
                counts["milestones"] += 1
                own = milestone.latest.get(agency.id)
                if own is not None and own.entry.status == "done":
                    counts["done"] += 1
                    done_on = own.entry.done_on
                    if milestone.due is None or (done_on is not None and done_on <= milestone.due):
                        counts["on_time"] += 1
                    continue
                counts["pending"] += 1
                counts["overdue"] += milestone.status == "overdue"
                if own is not None and period is not None and own.period >= period:
                    counts["current"] += 1
        figures.append(
            AgencyFigures(
                agency.id,
                agency.name,
                len(tasks),
                counts["milestones"],
                counts["done"],
                counts["on_time"],
                counts["overdue"],
                counts["pending"],
                counts["current"],
                submitted.get(agency.id),
                reports_due=period is not None,
            )
        )
    return figures
