"""What each sheet of the Excel tracking sheet holds, as plain tables (pure, no openpyxl).

:mod:`actionplan.xlsx` decides how a table looks; this module decides what is in it.
Cells keep their types: dates stay ``date`` (Excel dates), counts ``int``, shares a
``float`` between 0 and 1 (shown as a percentage), so a sheet sorts and filters
correctly. A row's ``mark`` (a status id or an alert group) colours one cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from actionplan.alerts import ALERT_GROUPS, Alert, alert_summary
from actionplan.evaluate import Evaluation
from actionplan.figures import AgencyFigures
from actionplan.i18n import N_, _
from actionplan.models import Programme
from actionplan.present.alerts import group_label
from actionplan.present.fmt import undated_label
from actionplan.statuses import STATUS_ORDER, flag_label, status_label

Value = str | int | float | date | None

_KINDS = {
    "scheme": N_("Scheme"),
    "completion": N_("Completion"),
    "implementation": N_("Implementation"),
    "proposal": N_("Proposal"),
}


@dataclass(frozen=True)
class Row:
    values: tuple[Value, ...]
    mark: str | None = None  # status id or alert group: colours the table's mark column
    bold: bool = False


@dataclass(frozen=True)
class Table:
    sheet: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    mark_column: int | None = None  # 0-based
    percent_columns: tuple[int, ...] = ()


def summary_table(
    sheet: str, programme: Programme, evaluation: Evaluation, alerts: Sequence[Alert]
) -> Table:
    """Key figures: the programme, the date, task counts by status, alerts by group."""
    total = len(evaluation.tasks)
    period = evaluation.report_period
    rows = [
        Row((_("Programme"), programme.programme.title, None)),
        Row((_("Data as of"), evaluation.as_of, None)),
        Row((_("Current reporting quarter"), str(period) if period else "—", None)),
        Row((_("Tasks"), total, None), bold=True),
        Row((_("Milestones"), sum(len(t.milestones) for t in evaluation.tasks), None)),
    ]
    rows += [
        Row((status_label(status), count, count / total if total else None), mark=status)
        for status, count in evaluation.summary.items()
    ]
    rows += [
        Row((_("Alerts: {group}").format(group=group_label(group)), count, None), mark=group)
        for group, count in alert_summary(alerts).items()
    ]
    return Table(
        sheet,
        (_("Figure"), _("Value"), _("Share of tasks")),
        tuple(rows),
        mark_column=0,
        percent_columns=(2,),
    )


TASK_HEADERS = (
    N_("Id"),
    N_("Row"),
    N_("Content"),
    N_("Lead"),
    N_("Support"),
    N_("Original due"),
    N_("Effective due"),
    N_("Status"),
    N_("Days overdue"),
    N_("Days left"),
    N_("Progress"),
    N_("Last report"),
    N_("Flags"),
)


def task_table(sheet: str, evaluation: Evaluation, names: dict[str, str]) -> Table:
    """One row per task (bold, as ``status`` shows it), then one per milestone."""
    rows: list[Row] = []
    for task in evaluation.tasks:
        leads = "; ".join(names.get(a, a) for a in task.task.leads)
        supports = "; ".join(names.get(a, a) for a in task.task.supports)
        shown = task.deciding
        rows.append(
            Row(
                (
                    task.id,
                    _("Task"),
                    task.task.text,
                    leads,
                    supports,
                    due_value(shown.original_due, shown.term),
                    due_value(task.due, shown.term),
                    status_label(task.status),
                    task.days_overdue,
                    task.days_left,
                    share(task.progress),
                    task.last_submitted,
                    flags_text(task.flags),
                ),
                mark=task.status,
                bold=True,
            )
        )
        rows += [
            Row(
                (
                    task.id,
                    f"{_('Milestone')}: {_(_KINDS.get(m.kind, m.kind))}",
                    m.text,
                    leads,
                    supports,
                    due_value(m.original_due, m.term),
                    due_value(m.due, m.term),
                    status_label(m.status),
                    m.days_overdue,
                    m.days_left,
                    share(m.progress),
                    max((r.submitted for r in m.latest.values()), default=None),
                    flags_text(m.flags),
                ),
                mark=m.status,
            )
            for m in task.milestones
        ]
    return Table(
        sheet, tuple(_(h) for h in TASK_HEADERS), tuple(rows), mark_column=7, percent_columns=(10,)
    )


def agency_table(sheet: str, figures: Sequence[AgencyFigures]) -> Table:
    """The per-agency figures; the overdue count is coloured when it is not zero."""
    headers = (
        _("Agency"),
        _("Tasks led"),
        _("Milestones led"),
        _("Done"),
        _("Done on time"),
        _("Overdue"),
        _("Pending"),
        _("Reported for the current quarter"),
        _("Update rate"),
        _("On-time rate"),
        _("Last report"),
    )
    rows = tuple(
        Row(
            (
                f.name,
                f.tasks_led,
                f.milestones_led,
                f.done,
                f.done_on_time,
                f.overdue,
                f.pending,
                f.reported_current,
                f.update_rate,
                f.on_time_rate,
                f.last_report,
            ),
            mark="overdue" if f.overdue else None,
        )
        for f in figures
    )
    return Table(sheet, headers, rows, mark_column=5, percent_columns=(8, 9))


def alert_table(sheet: str, alerts: Sequence[Alert], names: dict[str, str]) -> Table:
    """The early-warning list in ``alerts`` order (most urgent first within each group)."""
    headers = (
        _("Alert"),
        _("Id"),
        _("Task"),
        _("Agency"),
        _("Effective due"),
        _("Days overdue"),
        _("Days left"),
        _("Progress"),
        _("Note"),
    )
    rows = []
    for alert in alerts:
        task = alert.task
        note = alert.note
        if note and alert.note_by and len(alert.agencies) > 1:
            note = f"{names.get(alert.note_by, alert.note_by)}: {note}"
        rows.append(
            Row(
                (
                    group_label(alert.group),
                    task.id,
                    task.task.text,
                    "; ".join(names.get(a, a) for a in alert.agencies),
                    due_value(task.due, task.deciding.term),
                    task.days_overdue,
                    task.days_left,
                    share(task.progress),
                    note,
                ),
                mark=alert.group,
            )
        )
    return Table(sheet, headers, tuple(rows), mark_column=0, percent_columns=(7,))


def due_value(due: date | None, term: str) -> Value:
    """A real date, or the label of an undated term ("Thường xuyên")."""
    return due if due is not None else undated_label(term)


def share(progress: int | None) -> float | None:
    return None if progress is None else progress / 100


def flags_text(flags: Sequence[str]) -> str:
    return "; ".join(flag_label(flag) for flag in flags)


# Every status and alert group has a colour in :mod:`actionplan.xlsx`; the tests check it.
MARKS: tuple[str, ...] = (*STATUS_ORDER, *ALERT_GROUPS)
