"""The sections of the Word report drawn from the data (issue 6, item 3).

Each section function adds its Roman-numbered heading and its content to the document,
in the order of the Markdown and HTML reports and with their labels (the same gettext
messages): key figures, changes in the period, agency accountability, early warning.
The pillar and section tables and the appendix of every task stay out of the Word
report: a status-by-column matrix does not fit a portrait A4 page at a legible size,
and the Excel tracking sheet is where colleagues look a task up.

Lists are written as the administrative style writes them, one paragraph per item
starting with "- ", not as Word list numbering, so they survive copying into another
document; their text is printed in full (task texts are verbatim from the programme,
and a cut sentence could change what a task asks for).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docx.document import Document
from docx.shared import Pt
from docx.table import Table

from actionplan.docx_layout import (
    CENTER,
    LEFT,
    TABLE_PT,
    add_paragraph,
    add_row,
    add_run,
    add_table,
    cell_paragraph,
)
from actionplan.i18n import _
from actionplan.present.fmt import days_text, due_text, short_date
from actionplan.render import percent
from actionplan.report import AlertRow, Report, TaskRow
from actionplan.statuses import flag_label, status_label

ROMAN = ("I", "II", "III", "IV", "V", "VI")
AGENCY_WIDTHS = (4.8, 1.8, 1.7, 2.1, 1.6, 1.8, 2.7)  # 16.5 cm; a 12 pt date needs 2.7
STATUS_WIDTHS = (9.0, 3.0)


def heading(document: Document, number: str, label: str) -> None:
    """ "I. SỐ LIỆU CHÍNH": a Heading 1, so Word's navigation pane lists the sections."""
    add_paragraph(document, f"{number}. {label.upper()}", style="Heading 1")


def _subheading(document: Document, number: int, label: str, count: int) -> None:
    add_paragraph(document, f"{number}. {label} ({count})", style="Heading 2")


def _item(document: Document, lead: str, text: str, details: Sequence[str]) -> None:
    """A list line in the administrative style: "- <id>: <text> (…). <details>." """
    par = add_paragraph(document, "- ")
    add_run(par, lead, bold=True)
    add_run(par, f": {_one_line(text)}.")
    shown = [_one_line(d) for d in details if d]
    if shown:
        add_run(par, " " + "; ".join(shown) + ".")


def _one_line(text: str) -> str:
    """Staff text on one line, without a closing full stop of its own (the list line
    adds one): a note typed over several lines would otherwise break the item."""
    return " ".join(text.split()).rstrip(" .")


def _none(document: Document) -> None:
    add_paragraph(document, _("None."), italic=True)


def key_figures(document: Document, report: Report, number: str) -> None:
    """Tasks by status (every status, as the Markdown report) and the four rates."""
    figures = report.figures
    heading(document, number, _("Key figures"))
    table = add_table(document, STATUS_WIDTHS, grid=True)
    _table_row(table, STATUS_WIDTHS, (_("Status"), _("Tasks")), header=True)
    for status in report.statuses:
        _table_row(table, STATUS_WIDTHS, (status_label(status), str(figures.by_status[status])))
    _table_row(table, STATUS_WIDTHS, (_("Total"), str(figures.tasks)), bold=True)
    add_paragraph(document, space_after=0)
    period = report.header.report_period
    for label, value in (
        (_("Tasks done"), f"{figures.done}/{figures.tasks}"),
        (_("Done on time (share of tasks done)"), percent(figures.on_time_rate)),
        (_("Overdue"), str(figures.overdue)),
        (
            _("Update rate (pending milestones reported for the current quarter)"),
            percent(figures.update_rate),
        ),
        (_("Current reporting quarter"), str(period) if period is not None else "—"),
    ):
        add_paragraph(document, f"- {label}: {value}.")


def changes_in_period(document: Document, report: Report, number: str) -> None:
    """Tasks newly done and newly overdue in the window, and decisions dated in it."""
    window, changes = report.header.window, report.changes
    heading(document, number, _("Changes in the period"))
    add_paragraph(
        document,
        _("Changes from {start} to {end}.").format(
            start=short_date(window.start), end=short_date(window.as_of)
        ),
    )
    _subheading(document, 1, _("Newly done"), len(changes.newly_done))
    for task in changes.newly_done:
        done = f"{_('Done on')}: {short_date(task.done_on)}"
        _item(document, task.id, _with_leads(task), [done, status_label(task.status)])
    if not changes.newly_done:
        _none(document)
    _subheading(document, 2, _("Newly overdue"), len(changes.newly_overdue))
    for task in changes.newly_overdue:
        _item(document, task.id, _with_leads(task), _deadline(task))
    if not changes.newly_overdue:
        _none(document)
    _subheading(document, 3, _("New decisions"), len(changes.decisions))
    for decision in changes.decisions:
        due = short_date(decision.due)
        if decision.action == "extend":
            action = _("Extended to {due}").format(due=due)
        else:
            action = _("Scheduled for {due}").format(due=due)
        lead = f"{short_date(decision.decided_on)}, {_('Task {id}').format(id=decision.task)}"
        _item(document, lead, decision.task_text, [action, decision.ref])
    if not changes.decisions:
        _none(document)


def _with_leads(task: TaskRow, agencies: Sequence[str] | None = None) -> str:
    return f"{_one_line(task.text)} ({', '.join(task.leads if agencies is None else agencies)})"


def _due(task: TaskRow) -> str:
    """The effective due and the programme's own when a decision moved it."""
    return due_text(task.due, task.original_due, task.term)


def _deadline(task: TaskRow) -> list[str]:
    return [
        _("Deadline: {due}").format(due=_due(task)),
        days_text(task.days_overdue, task.days_left),
    ]


def agency_accountability(document: Document, report: Report, number: str) -> None:
    """One row per lead agency; the header row repeats on every page."""
    heading(document, number, _("Agency accountability"))
    table = add_table(document, AGENCY_WIDTHS, grid=True)
    header = (
        _("Agency"),
        _("Tasks led"),
        _("Done"),
        _("Done on time"),
        _("Overdue"),
        _("Update rate"),
        _("Last report"),
    )
    _table_row(table, AGENCY_WIDTHS, header, header=True)
    for row in report.agencies:
        f = row.figures
        values = (
            f.name,
            str(f.tasks_led),
            str(f.done),
            percent(f.on_time_rate),
            str(f.overdue),
            percent(f.update_rate),
            short_date(f.last_report) if f.last_report else "—",
        )
        _table_row(table, AGENCY_WIDTHS, values)
    add_paragraph(document, space_after=0)
    add_paragraph(
        document,
        _(
            "Done, done on time and overdue count the milestones an agency leads (a task "
            "may have several); the update rate is the share of its pending milestones it "
            "reported on for the current quarter."
        ),
        italic=True,
    )


def _table_row(
    table: Table,
    widths: Sequence[float],
    values: Sequence[str],
    *,
    header: bool = False,
    bold: bool = False,
) -> None:
    """One row at the table size: names left, figures centred, the header bold."""
    row = add_row(table, widths, header=header, middle=True)
    for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
        par = cell_paragraph(cell, True)
        par.alignment = LEFT if column == 0 and not header else CENTER
        fmt = par.paragraph_format
        fmt.space_before = fmt.space_after = Pt(2)  # air between the ruled lines
        add_run(par, value, bold=header or bold, size=TABLE_PT)


def early_warning(document: Document, report: Report, number: str) -> None:
    """Every alert group in the order of ``alerts`` (programme §III.4), "None." if empty."""
    heading(document, number, _("Early warning"))
    for index, (group, rows) in enumerate(report.alerts.items(), start=1):
        label = status_label(group) if group in ("overdue", "due_soon") else flag_label(group)
        _subheading(document, index, label, len(rows))
        for alert in rows:
            _item(
                document,
                alert.task.id,
                _with_leads(alert.task, alert.agencies),
                _alert_details(alert),
            )
        if not rows:
            _none(document)


def _alert_details(alert: AlertRow) -> list[str]:
    task = alert.task
    details = _deadline(task)
    if task.progress is not None:
        details.append(f"{_('Progress')}: {task.progress}%")
    if alert.note:
        by = f"{alert.note_by}: " if alert.note_by and len(alert.agencies) > 1 else ""
        details.append(f"{_('Latest note')}: {by}{alert.note.strip()}")
    if alert.evidence:
        details.append(f"{_('Evidence')}: {', '.join(alert.evidence)}")
    return details


Section = Callable[[Document, Report, str], None]
SECTIONS: tuple[Section, ...] = (
    key_figures,
    changes_in_period,
    agency_accountability,
    early_warning,
)
