"""The periodic report as plain data: one model that both report templates render.

``build_report`` is pure (no clock, no files, no printing): it evaluates the programme
at the report's as-of day, at its baseline (to find what changed in the period) and at
every quarter end (for the trend), and returns frozen dataclasses. Everything a reader
sees — labels, layout, charts — is decided by ``templates/report.{md,html}.j2``. Text
that staff typed (notes, obstacles, evidence, references) stays exactly as typed here;
the templates escape it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from actionplan.alerts import ALERT_GROUPS, Alert, build_alerts
from actionplan.evaluate import Evaluation, TaskResult, count_statuses, evaluate
from actionplan.figures import AgencyFigures, agency_figures
from actionplan.gitdata import Revision
from actionplan.models import Decision, Programme, UpdateFile
from actionplan.periods import (
    DONE_STATUSES,
    QuarterCount,
    ReportWindow,
    TrendPoint,
    deadlines_by_quarter,
    quarter_ends,
    trend_point,
)
from actionplan.statuses import STATUS_ORDER
from actionplan.terms import Quarter, parse_term


@dataclass(frozen=True)
class Header:
    title: str
    issuer: str
    window: ReportWindow
    report_period: Quarter | None  # P* at as_of: the quarter reports are due for
    revision: Revision | None  # None: the data folder is not in a git repository
    generated: datetime


@dataclass(frozen=True)
class KeyFigures:
    tasks: int
    by_status: dict[str, int]  # every status id, zeros included (as `status` JSON)
    done: int
    on_time_rate: float | None  # of tasks done, the share done by their deadline
    overdue: int
    update_rate: float | None  # (pending milestone, lead) pairs reported for P*


@dataclass(frozen=True)
class TaskRow:
    """A task as the report lists it; due, days and status come from its deciding
    milestone (DESIGN §4), so they match ``status``."""

    id: str
    text: str
    section: str
    leads: tuple[str, ...]  # agency names
    status: str
    flags: tuple[str, ...]
    due: date | None  # effective
    original_due: date | None  # the programme's own; differs when a decision applies
    term: str  # the due term, for the label of an undated one
    days_overdue: int | None
    days_left: int | None
    progress: int | None
    done_on: date | None


@dataclass(frozen=True)
class DecisionRow:
    decided_on: date
    task: str
    task_text: str
    action: str  # extend | schedule
    due: date | None
    ref: str


@dataclass(frozen=True)
class Changes:
    newly_done: tuple[TaskRow, ...]
    newly_overdue: tuple[TaskRow, ...]
    decisions: tuple[DecisionRow, ...]


@dataclass(frozen=True)
class GroupRow:
    """A pillar or a section with its tasks counted by status."""

    id: str
    title: str
    total: int
    counts: dict[str, int]


@dataclass(frozen=True)
class AgencyRow:
    figures: AgencyFigures
    statuses: dict[str, int]  # the tasks it leads, by status (the stacked bars)


@dataclass(frozen=True)
class AlertRow:
    group: str
    task: TaskRow
    agencies: tuple[str, ...]  # names of the agencies the alert concerns
    note: str | None
    note_by: str | None  # name
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    header: Header
    statuses: tuple[str, ...]  # every status id, worst first
    shown_statuses: tuple[str, ...]  # those some task has: the table columns
    figures: KeyFigures
    changes: Changes
    pillars: tuple[GroupRow, ...]
    sections: tuple[GroupRow, ...]
    agencies: tuple[AgencyRow, ...]
    alerts: dict[str, tuple[AlertRow, ...]]  # every group of ALERT_GROUPS, in order
    tasks: tuple[TaskRow, ...]
    deadlines: tuple[QuarterCount, ...]
    trend: tuple[TrendPoint, ...]


def build_report(
    programme: Programme,
    updates: Sequence[UpdateFile],
    decisions: Sequence[Decision],
    window: ReportWindow,
    revision: Revision | None,
    generated: datetime,
) -> Report:
    """The report on ``programme`` for ``window`` (see the module docstring)."""
    now = evaluate(programme, updates, decisions, window.as_of)
    then = evaluate(programme, updates, decisions, window.baseline)
    names = {agency.id: agency.name for agency in programme.agencies}
    figures = agency_figures(programme, now, updates)
    head = programme.programme
    first = Quarter.parse(head.first_period)
    assert first is not None  # validated
    summary = now.summary
    led: defaultdict[str, list[TaskResult]] = defaultdict(list)
    for task in now.tasks:
        for lead in task.task.leads:
            led[lead].append(task)
    return Report(
        header=Header(head.title, head.issuer, window, now.report_period, revision, generated),
        statuses=STATUS_ORDER,
        shown_statuses=tuple(s for s in STATUS_ORDER if summary[s]),
        figures=_key_figures(now, figures),
        changes=_changes(now, then, decisions, window, names),
        pillars=_groups(programme, now, pillars=True),
        sections=_groups(programme, now, pillars=False),
        agencies=tuple(AgencyRow(f, count_statuses(led[f.agency])) for f in figures),
        alerts=_alerts(programme, now, names),
        tasks=tuple(task_row(t, names) for t in now.tasks),
        deadlines=deadlines_by_quarter(now, first),
        trend=tuple(
            trend_point(evaluate(programme, updates, decisions, day))
            for day in quarter_ends(first, window.as_of)
        ),
    )


def task_row(task: TaskResult, names: dict[str, str]) -> TaskRow:
    """``task`` as a report row; ``names`` maps agency ids to names."""
    deciding = task.deciding
    return TaskRow(
        id=task.id,
        text=task.task.text,
        section=task.section_id,
        leads=tuple(names.get(a, a) for a in task.task.leads),
        status=task.status,
        flags=task.flags,
        due=task.due,
        original_due=deciding.original_due,
        term=deciding.term,
        days_overdue=task.days_overdue,
        days_left=task.days_left,
        progress=task.progress,
        done_on=deciding.done_on,
    )


def _key_figures(evaluation: Evaluation, figures: Sequence[AgencyFigures]) -> KeyFigures:
    summary = evaluation.summary
    done = sum(summary[s] for s in DONE_STATUSES)
    # A task done with no deadline cannot be late: it counts as on time (as in figures).
    on_time = summary["done_on_time"] + summary["done"]
    due = [f for f in figures if f.reports_due]
    pending = sum(f.pending for f in due)
    return KeyFigures(
        tasks=len(evaluation.tasks),
        by_status=summary,
        done=done,
        on_time_rate=on_time / done if done else None,
        overdue=summary["overdue"],
        update_rate=sum(f.reported_current for f in due) / pending if pending else None,
    )


def _changes(
    now: Evaluation,
    then: Evaluation,
    decisions: Iterable[Decision],
    window: ReportWindow,
    names: dict[str, str],
) -> Changes:
    before = {task.id: task.status for task in then.tasks}
    newly_done = [
        t for t in now.tasks if t.status in DONE_STATUSES and before[t.id] not in DONE_STATUSES
    ]
    newly_overdue = [t for t in now.tasks if t.status == "overdue" and before[t.id] != "overdue"]
    texts = {t.id: t.task.text for t in now.tasks}
    dated = [d for d in decisions if window.baseline < d.date <= window.as_of and d.task in texts]
    dated.sort(key=lambda d: d.date)  # stable: file order within a day
    return Changes(
        tuple(task_row(t, names) for t in newly_done),
        tuple(task_row(t, names) for t in newly_overdue),
        tuple(
            DecisionRow(d.date, d.task, texts[d.task], d.action, _term_end(d.due), d.ref)
            for d in dated
        ),
    )


def _term_end(text: str) -> date | None:
    term = parse_term(text)
    return term.end if term else None


def _groups(programme: Programme, evaluation: Evaluation, *, pillars: bool) -> tuple[GroupRow, ...]:
    """Pillars (top-level sections) or the sections below them; a section counts the
    tasks of its subsections too. Tasks are counted once per ancestor section (linear in
    tasks × depth), not filtered again for every section."""
    counts: dict[str, Counter[str]] = {}
    for task in evaluation.tasks:
        parts = task.section_id.split(".")
        for depth in range(1, len(parts) + 1):
            counts.setdefault(".".join(parts[:depth]), Counter())[task.status] += 1
    rows: list[GroupRow] = []
    for _loc, section, parent in programme.walk_sections():
        if (parent is None) != pillars:
            continue
        found = counts.get(section.id, Counter())
        by_status = {s: found[s] for s in STATUS_ORDER}
        rows.append(GroupRow(section.id, section.title, sum(by_status.values()), by_status))
    return tuple(rows)


def _alerts(
    programme: Programme, evaluation: Evaluation, names: dict[str, str]
) -> dict[str, tuple[AlertRow, ...]]:
    order = [agency.id for agency in programme.agencies]
    found = build_alerts(evaluation.tasks, evaluation.report_period, order)
    return {
        group: tuple(_alert_row(a, names) for a in found if a.group == group)
        for group in ALERT_GROUPS
    }


def _alert_row(alert: Alert, names: dict[str, str]) -> AlertRow:
    evidence: dict[str, None] = {}  # ordered and without repeats
    for milestone in alert.task.milestones:
        for agency in alert.agencies:
            if agency in milestone.latest:
                evidence.update(dict.fromkeys(milestone.latest[agency].entry.evidence))
    return AlertRow(
        alert.group,
        task_row(alert.task, names),
        tuple(names.get(a, a) for a in alert.agencies),
        alert.note,
        names.get(alert.note_by, alert.note_by) if alert.note_by else None,
        tuple(evidence),
    )
