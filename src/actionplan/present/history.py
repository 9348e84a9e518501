"""``history`` output: the task, then one panel per event with its commit and author.

Values are shown as they were written (the trail is read without validation); known
ids (statuses, milestone kinds, resources) get their labels. Every piece of user text,
author names included, reaches the terminal as an inert rich ``Text`` inside a panel,
so no line of it can start a line of a CI log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from actionplan.history import Event
from actionplan.i18n import N_, _
from actionplan.models import Task
from actionplan.present.fmt import short_date
from actionplan.present.safe import inert, one_line

_CHANGES = {"added": N_("added"), "changed": N_("changed"), "removed": N_("removed")}
_LABELS = {
    "scheme": N_("Scheme"),
    "completion": N_("Completion"),
    "implementation": N_("Implementation"),
    "proposal": N_("Proposal"),
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "sufficient": N_("Sufficient"),
    "insufficient": N_("Insufficient"),
}
_ACTIONS = {"extend": N_("Extended to {due}"), "schedule": N_("Scheduled for {due}")}


def _label(value: Any) -> str:
    text = _text(value)
    return _(_LABELS[text]) if text in _LABELS else text


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    return "" if value is None else str(value)


def _percent(value: Any) -> str:
    text = _text(value)
    return text + "%" if text.isdigit() else text


def when(iso_moment: str) -> str:
    """An ISO author date as the language writes dates, with the time of day."""
    try:
        moment = datetime.fromisoformat(iso_moment)
    except ValueError:
        return iso_moment
    return f"{short_date(moment.date())} {moment:%H:%M}"


def event_title(event: Event) -> str:
    commit = event.commit
    return " · ".join(
        [when(commit.date), commit.short, one_line(commit.author), _(_CHANGES[event.change])]
    )


def event_rows(event: Event, task: Task, names: dict[str, str]) -> list[tuple[str, str]]:
    """(label, value) pairs; empty values are left out."""
    values, header = event.values, event.header
    # No milestone named means the task's first one (DESIGN §3).
    milestone = _label(values.get("milestone") or task.milestones[0].kind)
    rows = [(_("File"), event.path)]
    if event.kind == "decision":
        action = _ACTIONS.get(_text(values.get("action")))
        due = _text(values.get("due"))
        decision = _(action).format(due=due) if action else _text(values.get("action"))
        rows += [
            (_("Milestone"), milestone),
            (_("Decision"), decision),
            (_("Reference"), _text(values.get("ref"))),
            (_("Date"), _text(values.get("date"))),
        ]
    else:
        agency = _text(header.get("agency"))
        period = _("{period} · submitted {date}").format(
            period=_text(header.get("period")), date=_text(header.get("submitted"))
        )
        rows += [
            (_("Agency"), f"{names[agency]} ({agency})" if agency in names else agency),
            (_("Period"), period),
            (_("Milestone"), milestone),
            (_("Status"), _label(values.get("status"))),
            (_("Done on"), _text(values.get("done_on"))),
            (_("Progress"), _percent(values.get("progress"))),
            (_("Resources"), _label(values.get("resources"))),
            (_("Obstacles"), _text(values.get("obstacles"))),
            (_("Evidence"), _text(values.get("evidence"))),
            (_("Note"), _text(values.get("note"))),
        ]
    return [(label, value) for label, value in rows if value]


def render_history(
    console: Any, task: Task, events: Sequence[Event], names: dict[str, str]
) -> None:
    """Print the task's text and every event, oldest first, to a rich ``console``."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console.print(
        Panel(Text(inert(task.text)), title=Text(task.id), title_align="left", expand=True)
    )
    if not events:
        console.print(
            Text(
                _("No entries or decisions on task {task} in the git history.").format(task=task.id)
            )
        )
        return
    console.print(Text(_("History ({n})").format(n=len(events)), style="bold"))
    for event in events:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        for label, value in event_rows(event, task, names):
            grid.add_row(Text(label), Text(inert(value)))
        title = Text(inert(event_title(event)))
        console.print(Panel(grid, title=title, title_align="left", expand=True))
