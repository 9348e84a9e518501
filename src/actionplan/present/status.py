"""``status`` output: a rich table grouped by pillar and section, JSON (DESIGN §5), CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from actionplan.evaluate import Evaluation, MilestoneResult, TaskResult, count_statuses
from actionplan.i18n import _
from actionplan.models import Programme
from actionplan.present.fmt import days_text, due_text, iso, short_date
from actionplan.present.safe import one_line
from actionplan.statuses import flag_label, status_label

STATUS_STYLES = {
    "overdue": "bold red",
    "due_soon": "yellow",
    "report_missing": "magenta",
    "not_started": "white",
    "awaiting_schedule": "blue",
    "on_track": "green",
    "ongoing": "cyan",
    "done_late": "dark_orange",
    "done": "bold green",
    "done_on_time": "bold green",
}


def _milestone_json(m: MilestoneResult) -> dict[str, Any]:
    return {
        "kind": m.kind,
        "text": m.text,
        "due": iso(m.due),
        "original_due": iso(m.original_due),
        "status": m.status,
        "flags": list(m.flags),
    }


def task_json(task: TaskResult) -> dict[str, Any]:
    return {
        "id": task.id,
        "section": task.section_id,
        "leads": list(task.task.leads),
        "status": task.status,
        "flags": list(task.flags),
        "due": iso(task.due),
        "days_overdue": task.days_overdue,
        "days_left": task.days_left,
        "progress": task.progress,
        "last_submitted": iso(task.last_submitted),
        "milestones": [_milestone_json(m) for m in task.milestones],
    }


def document_head(programme: Programme, evaluation: Evaluation) -> dict[str, Any]:
    """The keys every JSON document about an evaluation starts with (DESIGN §5)."""
    period = evaluation.report_period
    return {
        "as_of": evaluation.as_of.isoformat(),
        "programme": programme.programme.id,
        "report_period": str(period) if period else None,
    }


def to_json(programme: Programme, evaluation: Evaluation, tasks: Sequence[TaskResult]) -> str:
    document = {
        **document_head(programme, evaluation),
        "summary": count_statuses(tasks),
        "tasks": [task_json(task) for task in tasks],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


CSV_FIELDS = (
    "id",
    "section",
    "leads",
    "status",
    "status_label",
    "flags",
    "due",
    "original_due",
    "days_overdue",
    "days_left",
    "progress",
    "last_submitted",
    "text",
)


def to_csv(tasks: Sequence[TaskResult]) -> str:
    """One row per task; lists joined with '; ' so a spreadsheet keeps them in one cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for task in tasks:
        deciding = task.deciding
        writer.writerow(
            [
                task.id,
                task.section_id,
                "; ".join(task.task.leads),
                task.status,
                status_label(task.status),
                "; ".join(task.flags),
                iso(task.due) or "",
                iso(deciding.original_due) or "",
                _blank(task.days_overdue),
                _blank(task.days_left),
                _blank(task.progress),
                iso(task.last_submitted) or "",
                _csv_safe(task.task.text),
            ]
        )
    return out.getvalue()


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet; quote it as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def due_cell(task: TaskResult) -> str:
    deciding = task.deciding
    return due_text(deciding.due, deciding.original_due, deciding.term)


def render_table(
    console: Any, programme: Programme, evaluation: Evaluation, tasks: Sequence[TaskResult]
) -> None:
    """Print the table to a rich ``console``; user text is passed as plain Text."""
    from rich.table import Table
    from rich.text import Text

    agencies = {agency.id: agency.name for agency in programme.agencies}
    titles = {section.id: section.title for _loc, section, _p in programme.walk_sections()}
    period = str(evaluation.report_period) if evaluation.report_period else "—"
    table = Table(
        title=Text(one_line(programme.programme.title)),
        caption=Text(
            _("As of {date} · report period {period}").format(
                date=short_date(evaluation.as_of), period=period
            )
        ),
        show_lines=False,
        expand=False,
        header_style="bold",
    )
    # Short columns never wrap, so a task stays on as few lines as the lead's name needs.
    table.add_column(_("Id"), no_wrap=True)
    table.add_column(_("Task"), overflow="ellipsis", no_wrap=True, max_width=32, ratio=3)
    table.add_column(_("Lead"), min_width=18, ratio=2)
    table.add_column(_("Due"), max_width=24)
    table.add_column(_("Days"), no_wrap=True)
    table.add_column(_("Progress"), justify="right", no_wrap=True)
    table.add_column(_("Status"), no_wrap=True)
    table.add_column(_("Flags"), min_width=16, ratio=2)
    current: tuple[str, str] | None = None
    for task in tasks:
        group = (task.pillar_id, task.section_id)
        if group != current:
            for section_id in _new_headings(current, group):
                table.add_section()
                table.add_row(
                    Text(section_id, style="bold"),
                    Text(one_line(titles.get(section_id, "")), style="bold"),
                )
            current = group
        style = STATUS_STYLES[task.status]
        table.add_row(
            task.id,
            Text(one_line(task.task.text)),
            Text(one_line(", ".join(agencies.get(a, a) for a in task.task.leads))),
            Text(due_cell(task)),
            Text(
                days_text(task.days_overdue, task.days_left),
                style="red" if task.days_overdue else "",
            ),
            "" if task.progress is None else f"{task.progress}%",
            Text(status_label(task.status), style=style),
            Text(", ".join(flag_label(flag) for flag in task.flags), style="dim"),
        )
    console.print(table)
    console.print(Text(summary_line(tasks)))


def _new_headings(previous: tuple[str, str] | None, group: tuple[str, str]) -> list[str]:
    pillar, section = group
    headings = [] if previous and previous[0] == pillar else [pillar]
    return headings + ([section] if section != pillar else [])


def summary_line(tasks: Sequence[TaskResult]) -> str:
    counts = count_statuses(tasks)
    parts = [f"{status_label(s)}: {n}" for s, n in counts.items() if n]
    total = _("{total} tasks").format(total=len(tasks))
    return total + (" — " + " · ".join(parts) if parts else "")
