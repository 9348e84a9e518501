"""The early-warning list (programme §III.4: tasks that are late or lack resources).

``build_alerts`` is pure: it reads an evaluation's task results (DESIGN §4) and returns
alerts as data, most urgent first; :mod:`actionplan.present.alerts` formats them.

Groups, in this order:

``overdue`` and ``due_soon``
    follow the task status (its worst milestone), so their due and days are the ones
    ``status`` shows; overdue by days overdue (most first), due soon by days left.
``report_missing``
    one alert per task and pending lead with no entry in a period ≥ P*, by agency
    (in the programme's agency order), then by task.
``resources_insufficient`` and ``blocked``
    one alert per task and lead whose latest entry says so, most urgent task first.

Within a group, ties keep the programme's task order, so the list is stable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from actionplan.evaluate import Report, TaskResult
from actionplan.statuses import STATUS_RANK
from actionplan.terms import Quarter

ALERT_GROUPS: tuple[str, ...] = (
    "overdue",
    "due_soon",
    "report_missing",
    "resources_insufficient",
    "blocked",
)


@dataclass(frozen=True)
class Alert:
    """One warning about one task, for the agencies it concerns."""

    group: str
    task: TaskResult
    agencies: tuple[str, ...]
    note: str | None  # the latest obstacles or note those agencies reported
    note_by: str | None  # the agency that reported ``note``


def build_alerts(
    tasks: Sequence[TaskResult],
    period: Quarter | None,
    agency_order: Sequence[str],
    agency: str | None = None,
) -> list[Alert]:
    """Alerts on ``tasks``, group by group (see the module docstring for the order).

    ``period`` is P* (``Evaluation.report_period``); ``agency_order`` the programme's
    agency ids. With ``agency``, only alerts that concern it: on tasks it leads, and for
    a missing report only where it is the one that has not reported.
    """
    if agency is not None:
        tasks = [t for t in tasks if agency in t.task.leads]
    alerts = [
        *_by_status(tasks, "overdue", lambda t: -(t.days_overdue or 0)),
        *_by_status(tasks, "due_soon", lambda t: t.days_left or 0),
        *_report_missing(tasks, period, agency_order),
        *_reported(tasks, "resources_insufficient", lambda r: r.entry.resources == "insufficient"),
        *_reported(tasks, "blocked", lambda r: r.entry.blocked),
    ]
    return [a for a in alerts if agency is None or _concerns(a, agency)]


def alert_summary(alerts: Sequence[Alert]) -> dict[str, int]:
    """Alerts per group, every group present (zeros included)."""
    counts = dict.fromkeys(ALERT_GROUPS, 0)
    for alert in alerts:
        counts[alert.group] += 1
    return counts


def _concerns(alert: Alert, agency: str) -> bool:
    return agency in alert.agencies if alert.group == "report_missing" else True


def _by_status(
    tasks: Sequence[TaskResult], status: str, urgency: Callable[[TaskResult], int]
) -> list[Alert]:
    chosen = sorted((t for t in tasks if t.status == status), key=urgency)  # stable
    return [_alert(status, t, tuple(t.task.leads)) for t in chosen]


def _report_missing(
    tasks: Sequence[TaskResult], period: Quarter | None, agency_order: Sequence[str]
) -> list[Alert]:
    if period is None:
        return []  # before the first report period closes, no report is missing
    rank = {agency: i for i, agency in enumerate(agency_order)}
    found: list[tuple[int, int, Alert]] = []
    for index, task in enumerate(tasks):
        for lead in task.task.leads:
            if _lacks_report(task, lead, period):
                found.append(
                    (rank.get(lead, len(rank)), index, _alert("report_missing", task, (lead,)))
                )
    return [alert for _rank, _index, alert in sorted(found, key=lambda f: f[:2])]


def _lacks_report(task: TaskResult, lead: str, period: Quarter) -> bool:
    """DESIGN §4: a pending lead without an entry in a period ≥ P* (on any milestone)."""
    for milestone in task.milestones:
        if "report_missing" not in milestone.flags or lead not in milestone.pending:
            continue
        latest = milestone.latest.get(lead)
        if latest is None or latest.period < period:
            return True
    return False


def _reported(
    tasks: Sequence[TaskResult], group: str, says_so: Callable[[Report], bool]
) -> list[Alert]:
    """One alert per task and lead whose latest entry on some milestone ``says_so``."""
    found: list[Alert] = []
    for task in sorted(tasks, key=_urgency):
        for lead in task.task.leads:
            reports = [r for r in _latest_reports(task, (lead,)) if says_so(r)]
            if reports:
                note, note_by = _note_of(reports)
                found.append(Alert(group, task, (lead,), note, note_by))
    return found


def _urgency(task: TaskResult) -> tuple[int, int, int]:
    days_left = task.days_left if task.days_left is not None else date.max.toordinal()
    return (STATUS_RANK[task.status], -(task.days_overdue or 0), days_left)


def _alert(group: str, task: TaskResult, agencies: tuple[str, ...]) -> Alert:
    note, note_by = _note_of(_latest_reports(task, agencies))
    return Alert(group, task, agencies, note, note_by)


def _latest_reports(task: TaskResult, agencies: Sequence[str]) -> list[Report]:
    return [m.latest[a] for m in task.milestones for a in agencies if a in m.latest]


def _note_of(reports: Sequence[Report]) -> tuple[str | None, str | None]:
    """The most recent text among ``reports``: obstacles first, else the note."""
    best: tuple[str, Report] | None = None
    for report in reports:
        text = _text_of(report)
        if text is not None and (best is None or report.order > best[1].order):
            best = (text, report)
    return (best[0], best[1].agency) if best else (None, None)


def _text_of(report: Report) -> str | None:
    entry = report.entry
    if entry.blocked:
        return entry.obstacles
    return entry.note if entry.note and entry.note.strip() else None
