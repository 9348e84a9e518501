"""Deadline status of every milestone and task (DESIGN §4), as a pure function.

``evaluate(programme, update_files, decisions, as_of)`` reads no clock and no file:
the same inputs give the same statuses, which is what the table-driven and
property-based tests rely on. Only updates submitted and decisions dated on or
before ``as_of`` count, so an earlier ``as_of`` reproduces what was knowable then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from actionplan.gcpause import paused_gc
from actionplan.models import Decision, Entry, Milestone, Programme, Task, UpdateFile
from actionplan.statuses import FLAG_ORDER, STATUS_ORDER, STATUS_RANK
from actionplan.terms import Quarter, parse_term


@dataclass(frozen=True)
class Report:
    """One entry with the file facts it came from."""

    agency: str
    period: Quarter
    submitted: date
    entry: Entry

    @property
    def order(self) -> tuple[Quarter, date]:
        return (self.period, self.submitted)


@dataclass(frozen=True)
class MilestoneResult:
    kind: str
    text: str
    term: str
    original_due: date | None
    due: date | None  # effective due
    decision: Decision | None
    status: str
    flags: tuple[str, ...]
    done_on: date | None
    progress: int | None
    days_overdue: int | None
    days_left: int | None
    latest: dict[str, Report]  # lead agency → its latest entry
    pending: tuple[str, ...]  # leads whose own latest entry is not done


@dataclass(frozen=True)
class TaskResult:
    """A task's status: that of its deciding milestone (the worst; on a tie, the one
    with the earliest effective due), with the flags of all its milestones."""

    task: Task
    section_id: str
    flags: tuple[str, ...]
    last_submitted: date | None
    milestones: tuple[MilestoneResult, ...]
    deciding: MilestoneResult

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def pillar_id(self) -> str:
        return self.section_id.split(".", maxsplit=1)[0]

    @property
    def status(self) -> str:
        return self.deciding.status

    @property
    def due(self) -> date | None:
        return self.deciding.due

    @property
    def days_overdue(self) -> int | None:
        return self.deciding.days_overdue

    @property
    def days_left(self) -> int | None:
        return self.deciding.days_left

    @property
    def progress(self) -> int | None:
        return self.deciding.progress


def count_statuses(tasks: Iterable[TaskResult]) -> dict[str, int]:
    """Tasks per status, every status id present (zeros included), worst first."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for task in tasks:
        counts[task.status] += 1
    return counts


@dataclass(frozen=True)
class Evaluation:
    as_of: date
    report_period: Quarter | None
    tasks: tuple[TaskResult, ...]

    @property
    def summary(self) -> dict[str, int]:
        """Tasks per status, every status id present (zeros included)."""
        return count_statuses(self.tasks)


def report_period(as_of: date, first_period: Quarter, grace_days: int) -> Quarter | None:
    """P*: the latest quarter whose end + grace ≤ as_of; None before ``first_period``."""
    quarter = Quarter.containing(as_of)
    while quarter.end + timedelta(days=grace_days) > as_of:
        quarter = quarter.previous()
    return quarter if quarter >= first_period else None


def evaluate(
    programme: Programme,
    update_files: Iterable[UpdateFile],
    decisions: Iterable[Decision],
    as_of: date,
) -> Evaluation:
    """Statuses of all tasks as of ``as_of`` (see DESIGN §4 for every rule)."""
    with paused_gc():
        return _evaluate(programme, update_files, decisions, as_of)


def _evaluate(
    programme: Programme,
    update_files: Iterable[UpdateFile],
    decisions: Iterable[Decision],
    as_of: date,
) -> Evaluation:
    first = Quarter.parse(programme.programme.first_period)
    assert first is not None  # validated
    settings = programme.programme.settings
    period = report_period(as_of, first, settings.report_grace_days)
    tasks = {task.id: task for _loc, task, _section in programme.walk_tasks()}
    reports = _reports_by_milestone(tasks, update_files, as_of)
    applied = _decisions_by_milestone(tasks, decisions, as_of)
    context = _Context(as_of, period, settings.early_warning_days)
    results = []
    for _loc, task, section in programme.walk_tasks():
        milestones = tuple(
            context.milestone(task, m, reports[(task.id, m.kind)], applied.get((task.id, m.kind)))
            for m in task.milestones
        )
        results.append(_task_result(task, section.id, milestones, reports))
    return Evaluation(as_of, period, tuple(results))


def _reports_by_milestone(
    tasks: dict[str, Task], update_files: Iterable[UpdateFile], as_of: date
) -> defaultdict[tuple[str, str], list[Report]]:
    """Counted entries keyed by (task id, milestone kind); unknown targets are skipped
    (``check`` reports them)."""
    found: defaultdict[tuple[str, str], list[Report]] = defaultdict(list)
    # Task.milestone(kind).kind, as a table: it runs for every entry of every file.
    kinds = {
        task_id: (task.milestones[0].kind, {m.kind for m in task.milestones})
        for task_id, task in tasks.items()
    }
    for file in update_files:
        if file.submitted > as_of:
            continue
        quarter = file.quarter  # parsed from text: once per file, not per entry
        for entry in file.updates:
            known = kinds.get(entry.task)
            if known is None:
                continue
            first, all_kinds = known
            kind = first if entry.milestone is None else entry.milestone
            if kind in all_kinds:
                found[(entry.task, kind)].append(
                    Report(file.agency, quarter, file.submitted, entry)
                )
    return found


def _decisions_by_milestone(
    tasks: dict[str, Task], decisions: Iterable[Decision], as_of: date
) -> dict[tuple[str, str], Decision]:
    """The decision in force per milestone: the latest dated one (file order breaks ties)."""
    chosen: dict[tuple[str, str], Decision] = {}
    for decision in decisions:
        task = tasks.get(decision.task)
        milestone = task.milestone(decision.milestone) if task else None
        if decision.date > as_of or milestone is None:
            continue
        key = (decision.task, milestone.kind)
        if key not in chosen or decision.date >= chosen[key].date:
            chosen[key] = decision
    return chosen


@dataclass(frozen=True)
class _Context:
    as_of: date
    period: Quarter | None
    warning_days: int

    def milestone(
        self,
        task: Task,
        milestone: Milestone,
        reports: Sequence[Report],
        decision: Decision | None,
    ) -> MilestoneResult:
        latest: dict[str, Report] = {}
        current: set[str] = set()  # leads with an entry in a period ≥ P*
        # Report.order and Quarter's ordering as plain tuples: compared in C, not through
        # the dataclasses' Python methods (this loop sees every entry).
        ranks: dict[str, tuple[int, int, date]] = {}
        first = (self.period.year, self.period.number) if self.period is not None else None
        for report in reports:
            agency = report.agency
            if agency not in task.leads:
                continue  # the secretariat's notes on others' tasks do not set status
            period = report.period
            rank = (period.year, period.number, report.submitted)
            if agency not in ranks or rank > ranks[agency]:
                latest[agency], ranks[agency] = report, rank
            if first is None or (period.year, period.number) >= first:
                current.add(agency)
        entries = [r.entry for r in latest.values()]
        pending = tuple(
            lead for lead in task.leads if lead not in latest or latest[lead].entry.status != "done"
        )
        done = not pending
        done_on = max((e.done_on for e in entries if e.done_on), default=None) if done else None
        original = _original_due(milestone)
        due = parse_term(decision.due).end if decision else original  # type: ignore[union-attr]
        # Before the first report period closes (P* is none) no report can be missing.
        missing = (
            not done and self.period is not None and any(lead not in current for lead in pending)
        )

        status = self._status(milestone, done, done_on, due, entries, missing)
        flags = {
            "resources_insufficient": any(e.resources == "insufficient" for e in entries),
            "blocked": any(e.blocked for e in entries),
            "report_missing": missing,
            "never_reported": not latest,
            "extended": decision is not None and decision.action == "extend",
        }
        progress = 100 if done else _mean([e.progress for e in entries if e.progress is not None])
        days_overdue = (self.as_of - due).days if due and not done and self.as_of > due else None
        days_left = (due - self.as_of).days if due and not done and due >= self.as_of else None
        return MilestoneResult(
            milestone.kind,
            milestone.text,
            milestone.due,
            original,
            due,
            decision,
            status,
            tuple(flag for flag in FLAG_ORDER if flags[flag]),
            done_on,
            progress,
            days_overdue,
            days_left,
            latest,
            pending,
        )

    def _status(
        self,
        milestone: Milestone,
        done: bool,
        done_on: date | None,
        due: date | None,
        entries: Sequence[Entry],
        missing: bool,
    ) -> str:
        if done:
            if due is None:
                return "done"
            return "done_on_time" if done_on is not None and done_on <= due else "done_late"
        if due is not None:
            if self.as_of > due:
                return "overdue"
            if (due - self.as_of).days <= self.warning_days:
                return "due_soon"
            # A co-lead that has finished its part means work is under way too; reading
            # only "in_progress" would make a lead's "done" turn on_track into not_started.
            if any(e.status in ("in_progress", "done") for e in entries):
                return "on_track"
            return "not_started"
        if milestone.due == "continuous":
            return "report_missing" if missing else "ongoing"
        return "awaiting_schedule"


def _original_due(milestone: Milestone) -> date | None:
    """The programme's own deadline: the dated due term, else the ``by`` backstop."""
    term = parse_term(milestone.due)
    if term is not None and term.end is not None:
        return term.end
    backstop = parse_term(milestone.by) if milestone.by else None
    return backstop.end if backstop else None


def _mean(values: Sequence[int]) -> int | None:
    return round(sum(values) / len(values)) if values else None


def _task_result(
    task: Task,
    section_id: str,
    milestones: tuple[MilestoneResult, ...],
    reports: defaultdict[tuple[str, str], list[Report]],
) -> TaskResult:
    deciding = min(
        milestones,
        key=lambda m: (STATUS_RANK[m.status], m.due or date.max),
    )
    flags = {flag for m in milestones for flag in m.flags}
    submitted = [r.submitted for m in task.milestones for r in reports.get((task.id, m.kind), [])]
    return TaskResult(
        task=task,
        section_id=section_id,
        flags=tuple(flag for flag in FLAG_ORDER if flag in flags),
        last_submitted=max(submitted, default=None),
        milestones=milestones,
        deciding=deciding,
    )
