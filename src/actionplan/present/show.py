"""``show`` output: one task in full, then every entry ever reported on it.

Everything the programme says is shown verbatim (wrapped, never cut), and every piece
of user text reaches the terminal as an inert rich ``Text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from actionplan.evaluate import MilestoneResult, Report, TaskResult
from actionplan.i18n import N_, _
from actionplan.models import Decision, Programme, Task, UpdateFile
from actionplan.present.fmt import days_text, short_date, undated_label
from actionplan.present.safe import inert
from actionplan.present.status import STATUS_STYLES
from actionplan.statuses import flag_label, status_label
from actionplan.terms import parse_term

_KINDS = {
    "scheme": N_("Scheme"),
    "completion": N_("Completion"),
    "implementation": N_("Implementation"),
    "proposal": N_("Proposal"),
}
_ENTRY_STATUSES = {
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
}
_RESOURCES = {"sufficient": N_("Sufficient"), "insufficient": N_("Insufficient")}
_ACTIONS = {"extend": N_("Extended to {due}"), "schedule": N_("Scheduled for {due}")}


class Row(NamedTuple):
    label: str
    value: str
    style: str = ""


Rows = list[Row]


def reports_on(task: Task, updates: Iterable[UpdateFile], as_of: date) -> list[Report]:
    """Every entry on ``task`` submitted by ``as_of``, by period, submitted, agency."""
    found = [
        Report(file.agency, file.quarter, file.submitted, entry)
        for file in updates
        if file.submitted <= as_of
        for entry in file.updates
        if entry.task == task.id
    ]
    return sorted(found, key=lambda r: (r.period, r.submitted, r.agency))


def decisions_on(task: Task, decisions: Iterable[Decision], as_of: date) -> list[Decision]:
    """The decisions on ``task`` dated by ``as_of``, oldest first (the last one rules)."""
    return sorted((d for d in decisions if d.task == task.id and d.date <= as_of), key=_date)


def _date(decision: Decision) -> date:
    return decision.date


def render_task(
    console: Any,
    programme: Programme,
    result: TaskResult,
    reports: Sequence[Report],
    decisions: Sequence[Decision],
    as_of: date,
) -> None:
    """Print the task, its milestones and its reports to a rich ``console``.

    Each block is a panel, so every line of user text starts after a border: wrapped
    text can never begin a line of a CI log (where ``::error ::…`` would be a command).
    """
    from rich.console import Group
    from rich.text import Text

    names = {agency.id: agency.name for agency in programme.agencies}
    task = result.task
    body = Group(
        Text(inert(task.text), style="bold"), Text(), _grid(_task_rows(programme, result, names))
    )
    console.print(_panel(body, task.id))
    console.print(Text(_("Milestones"), style="bold"))
    for number, milestone in enumerate(result.milestones, start=1):
        applying = [d for d in decisions if _milestone_kind(task, d.milestone) == milestone.kind]
        body = Group(Text(inert(milestone.text)), _grid(_milestone_rows(milestone, applying)))
        console.print(_panel(body, f"{number}. {_kind(milestone.kind)}"))
    if not reports:
        console.print(Text(_("No reports as of {date}.").format(date=short_date(as_of))))
        return
    console.print(Text(_("Reports ({n})").format(n=len(reports)), style="bold"))
    for report in reports:
        title = _("{period} · {agency} · submitted {date}").format(
            period=report.period,
            agency=_agency(report.agency, names),
            date=short_date(report.submitted),
        )
        console.print(_panel(_grid(_report_rows(task, report)), title))


def _panel(body: Any, title: str) -> Any:
    from rich.panel import Panel
    from rich.text import Text

    return Panel(body, title=Text(inert(title)), title_align="left", expand=True)


def _grid(rows: Rows) -> Any:
    """Labels and values side by side; a long value wraps under itself."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for row in rows:
        grid.add_row(Text(row.label), Text(inert(row.value), style=row.style))
    return grid


def _task_rows(programme: Programme, result: TaskResult, names: dict[str, str]) -> Rows:
    task = result.task
    titles = {section.id: section.title for _loc, section, _p in programme.walk_sections()}
    path = [result.pillar_id, result.section_id] if result.pillar_id != result.section_id else []
    section = " › ".join(f"{s} {titles.get(s, '')}".strip() for s in path or [result.section_id])
    rows = [
        Row(_("Section"), section),
        Row(_("Lead"), ", ".join(_agency(a, names) for a in task.leads)),
        Row(_("Support"), ", ".join(_agency(a, names) for a in task.supports) or "—"),
        Row(
            _("Status"),
            _status_text(result.status, result.days_overdue, result.days_left),
            STATUS_STYLES[result.status],
        ),
    ]
    if result.flags:
        rows.append(Row(_("Flags"), ", ".join(flag_label(f) for f in result.flags)))
    if result.progress is not None:
        rows.append(Row(_("Progress"), f"{result.progress}%"))
    if result.last_submitted is not None:
        rows.append(Row(_("Last report"), short_date(result.last_submitted)))
    rows += [Row(_("Notes") if i == 0 else "", note) for i, note in enumerate(task.notes)]
    return rows


def _milestone_rows(milestone: MilestoneResult, decisions: Sequence[Decision]) -> Rows:
    undated = undated_label(milestone.term)
    effective = short_date(milestone.due) or undated
    if not decisions and milestone.due == milestone.original_due:
        rows = [Row(_("Due"), effective)]
    else:
        original = short_date(milestone.original_due) or undated
        rows = [Row(_("Original due"), original), Row(_("Effective due"), effective)]
    for i, decision in enumerate(decisions):
        term = parse_term(decision.due)
        due = short_date(term.end) if term and term.end else decision.due
        action = _(_ACTIONS[decision.action]).format(due=due)
        text = f"{action} · {decision.ref} · {short_date(decision.date)}"
        rows.append(Row(_("Decision") if i == 0 else "", text))
    status = _status_text(milestone.status, milestone.days_overdue, milestone.days_left)
    rows.append(Row(_("Status"), status, STATUS_STYLES[milestone.status]))
    if milestone.flags:
        rows.append(Row(_("Flags"), ", ".join(flag_label(f) for f in milestone.flags)))
    if milestone.done_on is not None:
        rows.append(Row(_("Done on"), short_date(milestone.done_on)))
    return rows


def _report_rows(task: Task, report: Report) -> Rows:
    entry = report.entry
    rows = [
        Row(_("Milestone"), _kind(_milestone_kind(task, entry.milestone) or "")),
        Row(_("Status"), _(_ENTRY_STATUSES[entry.status])),
    ]
    if entry.done_on is not None:
        rows.append(Row(_("Done on"), short_date(entry.done_on)))
    if entry.progress is not None:
        rows.append(Row(_("Progress"), f"{entry.progress}%"))
    if entry.resources is not None:
        rows.append(Row(_("Resources"), _(_RESOURCES[entry.resources])))
    if entry.blocked and entry.obstacles:
        rows.append(Row(_("Obstacles"), entry.obstacles))
    rows += [Row(_("Evidence") if i == 0 else "", item) for i, item in enumerate(entry.evidence)]
    if entry.note and entry.note.strip():
        rows.append(Row(_("Note"), entry.note))
    return rows


def _status_text(status: str, days_overdue: int | None, days_left: int | None) -> str:
    days = days_text(days_overdue, days_left)
    return status_label(status) + (f" · {days}" if days else "")


def _milestone_kind(task: Task, kind: str | None) -> str | None:
    """The kind an entry or decision means (none named: the first milestone's)."""
    milestone = task.milestone(kind)
    return milestone.kind if milestone else kind


def _kind(kind: str) -> str:
    return _(_KINDS[kind]) if kind in _KINDS else kind


def _agency(agency: str, names: dict[str, str]) -> str:
    return f"{names[agency]} ({agency})" if agency in names else agency
