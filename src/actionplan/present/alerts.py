"""``alerts`` output: rich tables per group, JSON (DESIGN §5 fields), Markdown.

The Markdown is meant to be pasted into a pull-request comment or an issue, so every
piece of user text in it is escaped: it can neither break the table nor inject HTML,
links or emphasis.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from actionplan.alerts import ALERT_GROUPS, Alert, alert_summary
from actionplan.evaluate import Evaluation
from actionplan.i18n import _
from actionplan.models import Programme
from actionplan.present.fmt import days_text, short_date
from actionplan.present.safe import one_line
from actionplan.present.status import document_head, due_cell, task_json
from actionplan.statuses import flag_label, status_label

GROUP_STYLES = {
    "overdue": "bold red",
    "due_soon": "yellow",
    "report_missing": "magenta",
    "resources_insufficient": "dark_orange",
    "blocked": "red",
}
SHORT_TASK = 60  # characters of task text in an alert: enough to recognise the task

# Per column: max width, wraps, justify. Everything but the id and the progress wraps,
# so on a narrow terminal the columns shrink evenly instead of squeezing the note.
_LAYOUT: tuple[tuple[int | None, bool, Literal["left", "right"]], ...] = (
    (None, False, "left"),
    (32, True, "left"),
    (28, True, "left"),
    (24, True, "left"),
    (18, True, "left"),
    (None, False, "right"),
    (48, True, "left"),
)


def group_label(group: str) -> str:
    """The heading of an alert group (its status or flag label)."""
    if group in ("overdue", "due_soon"):
        return status_label(group)
    return flag_label(group)


def alert_json(alert: Alert) -> dict[str, Any]:
    """One alert: status JSON's task fields plus the alert's own (also in `diff`)."""
    return {
        "alert": alert.group,
        "agencies": list(alert.agencies),
        **task_json(alert.task),
        "text": alert.task.task.text,
        "note": alert.note,
        "note_by": alert.note_by,
    }


def to_json(programme: Programme, evaluation: Evaluation, alerts: Sequence[Alert]) -> str:
    """The alerts document: status JSON's task fields plus the alert's own."""
    document = {
        **document_head(programme, evaluation),
        "summary": alert_summary(alerts),
        "alerts": [alert_json(alert) for alert in alerts],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _columns(group: str) -> list[str]:
    agency = _("Lead") if group in ("overdue", "due_soon") else _("Agency")
    return [_("Id"), _("Task"), agency, _("Due"), _("Days"), _("Progress"), _("Note")]


def _cells(alert: Alert, names: dict[str, str]) -> list[str]:
    """One row, as plain one-line text (callers make it safe for their medium)."""
    task = alert.task
    note = one_line(alert.note or "")
    if note and alert.note_by and len(alert.agencies) > 1:
        note = f"{names.get(alert.note_by, alert.note_by)}: {note}"
    return [
        task.id,
        short_text(task.task.text),
        one_line(", ".join(names.get(a, a) for a in alert.agencies)),
        due_cell(task),
        days_text(task.days_overdue, task.days_left),
        "" if task.progress is None else f"{task.progress}%",
        note,
    ]


def short_text(text: str, limit: int = SHORT_TASK) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = one_line(text)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _groups(alerts: Sequence[Alert]) -> Iterator[tuple[str, list[Alert]]]:
    for group in ALERT_GROUPS:
        items = [a for a in alerts if a.group == group]
        if items:
            yield group, items


def _period_line(evaluation: Evaluation) -> str:
    period = str(evaluation.report_period) if evaluation.report_period else "—"
    return _("As of {date} · report period {period}").format(
        date=short_date(evaluation.as_of), period=period
    )


def _title(programme: Programme) -> str:
    return _("Early warning: {programme}").format(programme=one_line(programme.programme.title))


def _none_line(evaluation: Evaluation) -> str:
    return _("No alerts as of {date}.").format(date=short_date(evaluation.as_of))


def render_tables(
    console: Any, programme: Programme, evaluation: Evaluation, alerts: Sequence[Alert]
) -> None:
    """Print a heading and a table per non-empty group; user text goes in as plain Text."""
    from rich.table import Table
    from rich.text import Text

    # soft_wrap: the title stays one line, so no wrapped piece of it can start a log line.
    console.print(Text(_title(programme), style="bold"), soft_wrap=True)
    console.print(Text(_period_line(evaluation)))
    if not alerts:
        console.print(Text(_none_line(evaluation)))
        return
    names = {agency.id: agency.name for agency in programme.agencies}
    for group, items in _groups(alerts):
        console.print()
        heading = f"{group_label(group)} ({len(items)})"
        console.print(Text(heading, style=GROUP_STYLES[group]))
        table = Table(header_style="bold")
        for header, (max_width, wrap, justify) in zip(_columns(group), _LAYOUT, strict=True):
            table.add_column(
                header,
                max_width=max_width,
                no_wrap=not wrap,
                overflow="fold" if wrap else "ellipsis",
                justify=justify,
            )
        for alert in items:
            table.add_row(*(Text(cell) for cell in _cells(alert, names)))
        console.print(table)


def markdown_context(
    programme: Programme, evaluation: Evaluation, alerts: Sequence[Alert]
) -> dict[str, Any]:
    """What templates/alerts.md.j2 shows: plain text only, the template escapes it."""
    names = {agency.id: agency.name for agency in programme.agencies}
    return {
        "title": _title(programme),
        "period_line": _period_line(evaluation),
        "none_line": _none_line(evaluation),
        "groups": [
            {
                "label": group_label(group),
                "columns": _columns(group),
                "rows": [_cells(alert, names) for alert in items],
            }
            for group, items in _groups(alerts)
        ],
    }
