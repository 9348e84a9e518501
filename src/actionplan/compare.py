"""What a change to the data does to the programme's status: two revisions, one date.

``compare(base, head, as_of)`` is pure: both revisions are evaluated at the same
``as_of`` (DESIGN §4), so every difference it reports comes from the data, never from
the calendar. It lists status transitions per task, entries added or changed in the
update files, new decisions and new early-warning alerts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.alerts import Alert, build_alerts
from actionplan.dataset import Dataset
from actionplan.evaluate import Evaluation, TaskResult, evaluate
from actionplan.models import Decision, Entry, Programme
from actionplan.update_checks import LoadedUpdate


@dataclass(frozen=True)
class Transition:
    """A task whose status differs; None for a task only one side's programme has."""

    task_id: str
    text: str
    leads: tuple[str, ...]
    before: str | None
    after: str | None


@dataclass(frozen=True)
class EntryChange:
    """An entry in HEAD's update files that BASE did not have, or had otherwise."""

    path: str  # the update file, relative to the repository
    agency: str
    period: str
    submitted: date
    change: str  # added | changed
    entry: Entry
    milestone: str | None  # the milestone kind it means (none named: the task's first)


@dataclass(frozen=True)
class Comparison:
    as_of: date
    head: Evaluation
    transitions: tuple[Transition, ...]
    entries: tuple[EntryChange, ...]
    decisions: tuple[Decision, ...]
    alerts: tuple[Alert, ...]

    @property
    def empty(self) -> bool:
        return not (self.transitions or self.entries or self.decisions or self.alerts)


def compare(
    base: Dataset,
    base_updates: dict[str, LoadedUpdate],
    head: Dataset,
    head_updates: dict[str, LoadedUpdate],
    as_of: date,
) -> Comparison:
    """The differences from ``base`` to ``head`` as of ``as_of``; both need a programme.

    Update files are keyed by their path in the repository, entries within a file by
    task and milestone (a file holds one entry per milestone: AP213).
    """
    assert base.programme is not None and head.programme is not None
    before = evaluate(base.programme, base.updates, base.decisions, as_of)
    after = evaluate(head.programme, head.updates, head.decisions, as_of)
    return Comparison(
        as_of,
        after,
        _transitions(before, after),
        _entries(base_updates, head_updates, head.programme),
        tuple(d for d in head.decisions if d not in base.decisions),
        _new_alerts(base.programme, before, head.programme, after),
    )


def _transitions(before: Evaluation, after: Evaluation) -> tuple[Transition, ...]:
    """In HEAD's task order, then tasks HEAD's programme no longer has."""
    old = {task.id: task for task in before.tasks}
    new = {task.id: task for task in after.tasks}
    found = [
        Transition(t.id, t.task.text, tuple(t.task.leads), _status(old, t.id), t.status)
        for t in after.tasks
        if _status(old, t.id) != t.status
    ]
    found += [
        Transition(t.id, t.task.text, tuple(t.task.leads), t.status, None)
        for t in before.tasks
        if t.id not in new
    ]
    return tuple(found)


def _status(tasks: dict[str, TaskResult], task_id: str) -> str | None:
    task = tasks.get(task_id)
    return task.status if task else None


def _entries(
    base: dict[str, LoadedUpdate], head: dict[str, LoadedUpdate], programme: Programme
) -> tuple[EntryChange, ...]:
    tasks = {task.id: task for _loc, task, _section in programme.walk_tasks()}
    found = []
    for path in sorted(head):
        file = head[path].update
        old = {(e.task, e.milestone): e for e in base[path].update.updates} if path in base else {}
        for entry in file.updates:
            previous = old.get((entry.task, entry.milestone))
            if previous == entry:
                continue
            task = tasks.get(entry.task)
            milestone = task.milestone(entry.milestone) if task else None
            found.append(
                EntryChange(
                    path,
                    file.agency,
                    file.period,
                    file.submitted,
                    "added" if previous is None else "changed",
                    entry,
                    milestone.kind if milestone else entry.milestone,
                )
            )
    return tuple(found)


def _alert_key(alert: Alert) -> tuple[str, str, tuple[str, ...]]:
    return (alert.group, alert.task.id, alert.agencies)


def _new_alerts(
    base_programme: Programme, before: Evaluation, head_programme: Programme, after: Evaluation
) -> tuple[Alert, ...]:
    """Alerts HEAD raises that BASE did not (same group, task and agencies)."""
    old = build_alerts(before.tasks, before.report_period, [a.id for a in base_programme.agencies])
    new = build_alerts(after.tasks, after.report_period, [a.id for a in head_programme.agencies])
    seen = {_alert_key(alert) for alert in old}
    return tuple(alert for alert in new if _alert_key(alert) not in seen)
