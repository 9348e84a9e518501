"""The status engine against DESIGN §4 (and the data formats of §3).

Every expected value below is worked out from DESIGN.md by hand, not read off the code.
Fixed conventions unless a test says otherwise: W = early_warning_days = 30,
G = report_grace_days = 15, first_period = 2025-Q4; one task "1.1.1" led by ``lead-a``.
Models are built from string scalars, as the YAML loader hands them over.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.evaluate import Evaluation, MilestoneResult, TaskResult, evaluate, report_period
from actionplan.models import Decision, Programme, UpdateFile
from actionplan.terms import Quarter

# --- builders -----------------------------------------------------------------------------------

A = "lead-a"
B = "lead-b"
SECRETARIAT = "van-phong-tinh-uy"
TASK = "1.1.1"

# DESIGN §4, worst first; written out here so the test does not borrow the code's table.
WORST_FIRST = (
    "overdue",
    "due_soon",
    "report_missing",
    "not_started",
    "awaiting_schedule",
    "on_track",
    "ongoing",
    "done_late",
    "done",
    "done_on_time",
)

# One report: (agency, period, submitted, status, done_on) plus optional entry fields.
ReportSpec = tuple[Any, ...]


def d(text: str) -> date:
    return date.fromisoformat(text)


def milestone(kind: str, due: str, by: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "text": f"{kind}: {due}", "due": due, "by": by}


def task(
    task_id: str = TASK,
    milestones: Sequence[dict[str, Any]] = (),
    leads: Sequence[str] = (A,),
) -> dict[str, Any]:
    return {
        "id": task_id,
        "text": f"Nhiệm vụ {task_id}",
        "leads": list(leads),
        "milestones": list(milestones) or [milestone("completion", "2026-06-30")],
    }


def programme(
    *tasks: dict[str, Any],
    first_period: str = "2025-Q4",
    warning_days: int = 30,
    grace_days: int = 15,
) -> Programme:
    return Programme.model_validate(
        {
            "programme": {
                "id": "test-programme",
                "title": "Chương trình hành động",
                "issuer": "Ban Chấp hành Đảng bộ tỉnh",
                "province": "Phú Thọ",
                "period": "2025..2030",
                "first_period": first_period,
                "settings": {
                    "early_warning_days": str(warning_days),
                    "report_grace_days": str(grace_days),
                },
            },
            "agencies": [
                {"id": A, "name": "Cơ quan A"},
                {"id": B, "name": "Cơ quan B"},
                {"id": SECRETARIAT, "name": "Văn phòng Tỉnh ủy", "secretariat": "true"},
            ],
            "sections": [
                {
                    "id": "1",
                    "title": "Trụ cột",
                    "sections": [{"id": "1.1", "title": "Mục", "tasks": list(tasks)}],
                }
            ],
        }
    )


def single(due: str, by: str | None = None, leads: Sequence[str] = (A,), **kw: Any) -> Programme:
    """A programme of one task with one `completion` milestone."""
    return programme(task(milestones=[milestone("completion", due, by)], leads=leads), **kw)


def entry(
    status: str,
    done_on: str | None = None,
    *,
    task_id: str = TASK,
    kind: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {"task": task_id, "status": status, "done_on": done_on}
    if kind is not None:
        data["milestone"] = kind
    data.update(fields)
    return data


def update_file(
    agency: str, period: str, submitted: str, entries: Iterable[dict[str, Any]]
) -> UpdateFile:
    return UpdateFile.model_validate(
        {"agency": agency, "period": period, "submitted": submitted, "updates": list(entries)}
    )


def files_from(reports: Iterable[ReportSpec], kind: str | None = None) -> list[UpdateFile]:
    """One update file per report tuple (agency, period, submitted, status, done_on, fields?)."""
    files = []
    for agency, period, submitted, status, done_on, *rest in reports:
        fields = rest[0] if rest else {}
        files.append(
            update_file(agency, period, submitted, [entry(status, done_on, kind=kind, **fields)])
        )
    return files


def decision(
    action: str, due: str, dated: str, *, task_id: str = TASK, kind: str = "completion"
) -> Decision:
    return Decision.model_validate(
        {
            "task": task_id,
            "milestone": kind,
            "action": action,
            "due": due,
            "ref": "Thông báo số 45-TB/TU",
            "date": dated,
        }
    )


def run(
    prog: Programme,
    files: Iterable[UpdateFile] = (),
    decisions: Iterable[Decision] = (),
    as_of: str = "2026-10-20",
) -> Evaluation:
    return evaluate(prog, list(files), list(decisions), d(as_of))


def the_task(evaluation: Evaluation, task_id: str = TASK) -> TaskResult:
    (found,) = [t for t in evaluation.tasks if t.id == task_id]
    return found


def the_milestone(evaluation: Evaluation, kind: str = "completion") -> MilestoneResult:
    (found,) = [m for m in the_task(evaluation).milestones if m.kind == kind]
    return found


# --- report period P* ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "first", "grace", "expected"),
    [
        # P* = the latest quarter whose end + G ≤ T
        ("2026-10-15", "2025-Q4", 15, "2026-Q3"),  # exactly Q3 end + 15
        ("2026-10-14", "2025-Q4", 15, "2026-Q2"),  # one day short
        ("2026-10-16", "2025-Q4", 15, "2026-Q3"),
        ("2026-12-31", "2025-Q4", 15, "2026-Q3"),
        ("2027-01-14", "2025-Q4", 15, "2026-Q3"),
        ("2027-01-15", "2025-Q4", 15, "2026-Q4"),
        ("2026-07-15", "2025-Q4", 15, "2026-Q2"),
        ("2026-04-15", "2025-Q4", 15, "2026-Q1"),
        ("2026-04-14", "2025-Q4", 15, "2025-Q4"),
        ("2024-04-15", "2023-Q1", 15, "2024-Q1"),  # leap year: 2024-03-31 + 15
        ("2026-09-30", "2025-Q4", 0, "2026-Q3"),  # G = 0: the quarter's own last day
        ("2026-09-29", "2025-Q4", 0, "2026-Q2"),
        ("2027-01-08", "2025-Q4", 100, "2026-Q3"),  # 2026-09-30 + 100 days
        ("2027-01-07", "2025-Q4", 100, "2026-Q2"),
        # none before first_period
        ("2026-01-15", "2025-Q4", 15, "2025-Q4"),
        ("2026-01-14", "2025-Q4", 15, None),
        ("2025-06-01", "2025-Q4", 15, None),
        ("2026-10-15", "2026-Q3", 15, "2026-Q3"),
        ("2026-10-14", "2026-Q3", 15, None),
        ("2026-10-15", "2026-Q4", 15, None),
    ],
)
def test_report_period(as_of: str, first: str, grace: int, expected: str | None) -> None:
    first_period = Quarter.parse(first)
    assert first_period is not None
    found = report_period(d(as_of), first_period, grace)
    assert (str(found) if found else None) == expected


def test_evaluation_carries_report_period() -> None:
    prog = single("2026-06-30", grace_days=15)
    assert run(prog, as_of="2026-10-15").report_period == Quarter(2026, 3)
    assert run(prog, as_of="2026-10-14").report_period == Quarter(2026, 2)
    assert run(prog, as_of="2026-01-14").report_period is None


# --- the ten milestone statuses -----------------------------------------------------------------

# (id, due, by, reports, as_of, status, effective due)
STATUS_CASES = [
    # done_on ≤ due
    (
        "done_on_time",
        "2026-06-30",
        None,
        [(A, "2026-Q2", "2026-07-05", "done", "2026-06-20")],
        "2026-08-01",
        "done_on_time",
        "2026-06-30",
    ),
    (
        "done_on_equals_due",
        "2026-06-30",
        None,
        [(A, "2026-Q2", "2026-07-05", "done", "2026-06-30")],
        "2026-08-01",
        "done_on_time",
        "2026-06-30",
    ),
    (
        "done_on_due_plus_1",
        "2026-06-30",
        None,
        [(A, "2026-Q3", "2026-07-02", "done", "2026-07-01")],
        "2026-08-01",
        "done_late",
        "2026-06-30",
    ),
    (
        "done_long_after_overdue",
        "2025",
        None,
        [(A, "2026-Q3", "2026-10-05", "done", "2026-09-15")],
        "2026-10-20",
        "done_late",
        "2025-12-31",
    ),
    # done without a due date
    (
        "done_continuous",
        "continuous",
        None,
        [(A, "2026-Q3", "2026-10-05", "done", "2026-09-01")],
        "2026-10-20",
        "done",
        None,
    ),
    (
        "done_central",
        "central",
        None,
        [(A, "2026-Q3", "2026-10-05", "done", "2026-09-01")],
        "2026-10-20",
        "done",
        None,
    ),
    (
        "done_assigned",
        "assigned",
        None,
        [(A, "2026-Q3", "2026-10-05", "done", "2026-09-01")],
        "2026-10-20",
        "done",
        None,
    ),
    # overdue: T > due
    (
        "overdue_due_plus_1",
        "2026-06-30",
        None,
        [(A, "2026-Q2", "2026-06-01", "in_progress", None)],
        "2026-07-01",
        "overdue",
        "2026-06-30",
    ),
    ("overdue_never_reported", "2025", None, [], "2026-12-03", "overdue", "2025-12-31"),
    # due_soon: 0 ≤ due − T ≤ W
    (
        "due_soon_on_due_day",
        "2026-06-30",
        None,
        [(A, "2026-Q2", "2026-06-01", "in_progress", None)],
        "2026-06-30",
        "due_soon",
        "2026-06-30",
    ),
    ("due_soon_w_days_left", "2026-06-30", None, [], "2026-05-31", "due_soon", "2026-06-30"),
    (
        "due_soon_w_days_left_in_progress",
        "2026-06-30",
        None,
        [(A, "2026-Q1", "2026-04-05", "in_progress", None)],
        "2026-05-31",
        "due_soon",
        "2026-06-30",
    ),
    # due − T = W + 1
    (
        "on_track_w_plus_1",
        "2026-06-30",
        None,
        [(A, "2026-Q1", "2026-04-05", "in_progress", None)],
        "2026-05-30",
        "on_track",
        "2026-06-30",
    ),
    ("not_started_w_plus_1", "2026-06-30", None, [], "2026-05-30", "not_started", "2026-06-30"),
    (
        "not_started_reported_not_started",
        "2026-06-30",
        None,
        [(A, "2026-Q1", "2026-04-05", "not_started", None)],
        "2026-05-30",
        "not_started",
        "2026-06-30",
    ),
    # continuous: ongoing / report_missing against P* (T = 2026-10-20 → P* = 2026-Q3)
    (
        "ongoing",
        "continuous",
        None,
        [(A, "2026-Q3", "2026-10-05", "in_progress", None)],
        "2026-10-20",
        "ongoing",
        None,
    ),
    (
        "ongoing_not_started_entry",
        "continuous",
        None,
        [(A, "2026-Q3", "2026-10-05", "not_started", None)],
        "2026-10-20",
        "ongoing",
        None,
    ),
    (
        "report_missing_old_period",
        "continuous",
        None,
        [(A, "2026-Q2", "2026-07-05", "in_progress", None)],
        "2026-10-20",
        "report_missing",
        None,
    ),
    ("report_missing_never", "continuous", None, [], "2026-10-20", "report_missing", None),
    # central / assigned without an effective due
    (
        "awaiting_central",
        "central",
        None,
        [(A, "2026-Q3", "2026-10-05", "in_progress", None)],
        "2026-10-20",
        "awaiting_schedule",
        None,
    ),
    ("awaiting_assigned", "assigned", None, [], "2026-10-20", "awaiting_schedule", None),
    # the `by` backstop gives central/assigned/continuous a date
    ("central_by_backstop", "central", "2025..2030", [], "2026-12-03", "not_started", "2030-12-31"),
    (
        "assigned_by_backstop_overdue",
        "assigned",
        "2026-06-30",
        [],
        "2026-07-01",
        "overdue",
        "2026-06-30",
    ),
    (
        "continuous_by_backstop",
        "continuous",
        "2026-12",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None)],
        "2026-10-20",
        "on_track",
        "2026-12-31",
    ),
]


@pytest.mark.parametrize(
    ("due", "by", "reports", "as_of", "status", "effective_due"),
    [pytest.param(*case[1:], id=case[0]) for case in STATUS_CASES],
)
def test_milestone_status(
    due: str,
    by: str | None,
    reports: list[ReportSpec],
    as_of: str,
    status: str,
    effective_due: str | None,
) -> None:
    result = the_milestone(run(single(due, by), files_from(reports), as_of=as_of))
    assert result.status == status
    assert result.due == (d(effective_due) if effective_due else None)


def test_every_status_has_a_scenario() -> None:
    assert {case[5] for case in STATUS_CASES} == set(WORST_FIRST)


@pytest.mark.parametrize(
    ("due", "as_of", "days_overdue", "days_left"),
    [
        ("2026-06-30", "2026-07-01", 1, None),
        ("2026-06-30", "2026-06-30", None, 0),
        ("2026-06-30", "2026-06-29", None, 1),
        ("2026-06-30", "2026-05-31", None, 30),
        ("2026-06-30", "2026-05-30", None, 31),
        ("2025", "2026-12-03", 337, None),  # the DESIGN §5 example
        ("central", "2026-12-03", None, None),
        ("continuous", "2026-12-03", None, None),
    ],
)
def test_days_overdue_and_left(
    due: str, as_of: str, days_overdue: int | None, days_left: int | None
) -> None:
    evaluation = run(single(due), as_of=as_of)
    for result in (the_milestone(evaluation), the_task(evaluation)):
        assert (result.days_overdue, result.days_left) == (days_overdue, days_left)


@pytest.mark.parametrize(
    ("as_of", "status"),
    [("2026-06-20", "due_soon"), ("2026-06-19", "not_started"), ("2026-07-01", "overdue")],
)
def test_warning_days_come_from_settings(as_of: str, status: str) -> None:
    prog = single("2026-06-30", warning_days=10)
    assert the_milestone(run(prog, as_of=as_of)).status == status


@pytest.mark.parametrize(
    ("as_of", "period", "status", "flags"),
    [
        ("2026-10-14", "2026-Q2", "ongoing", set()),
        ("2026-10-15", "2026-Q3", "report_missing", {"report_missing"}),
    ],
)
def test_report_missing_switches_at_end_plus_grace(
    as_of: str, period: str, status: str, flags: set[str]
) -> None:
    files = files_from([(A, "2026-Q2", "2026-07-10", "in_progress", None)])
    evaluation = run(single("continuous"), files, as_of=as_of)
    assert str(evaluation.report_period) == period
    assert the_milestone(evaluation).status == status
    assert set(the_milestone(evaluation).flags) == flags


def test_design_example_task() -> None:
    """DESIGN §5: due 2025, never reported, as of 2026-12-03."""
    prog = programme(task(milestones=[milestone("scheme", "2025")]))
    evaluation = run(prog, as_of="2026-12-03")
    result = the_task(evaluation)
    assert str(evaluation.report_period) == "2026-Q3"
    assert result.status == "overdue"
    assert set(result.flags) == {"never_reported", "report_missing"}
    assert result.due == d("2025-12-31")
    assert (result.days_overdue, result.days_left) == (337, None)
    assert result.milestones[0].original_due == d("2025-12-31")


@pytest.mark.parametrize(
    ("due", "status", "flags"),
    [
        ("continuous", "ongoing", {"never_reported"}),
        ("2027-Q4", "not_started", {"never_reported"}),
    ],
)
def test_no_report_is_missing_before_the_first_period(
    due: str, status: str, flags: set[str]
) -> None:
    evaluation = run(single(due, first_period="2026-Q3"), as_of="2026-10-10")
    assert evaluation.report_period is None
    result = the_milestone(evaluation)
    assert (result.status, set(result.flags)) == (status, flags)


def test_before_the_first_period_a_reported_continuous_milestone_is_ongoing() -> None:
    files = files_from([(A, "2026-Q3", "2026-10-05", "in_progress", None)])
    evaluation = run(single("continuous", first_period="2026-Q3"), files, as_of="2026-10-10")
    assert evaluation.report_period is None
    result = the_milestone(evaluation)
    assert (result.status, set(result.flags)) == ("ongoing", set())


# --- effective due -------------------------------------------------------------------------------

# (id, due, by, decisions (action, due, date), reports, as_of,
#  status, effective due, original due, extended?)
EFFECTIVE_DUE_CASES = [
    (
        "extend",
        "2026-06-30",
        None,
        [("extend", "2027-Q2", "2026-06-15")],
        [],
        "2026-12-03",
        "not_started",
        "2027-06-30",
        "2026-06-30",
        True,
    ),
    (
        "extend_dated_as_of_counts",
        "2026-06-30",
        None,
        [("extend", "2027-Q2", "2026-12-03")],
        [],
        "2026-12-03",
        "not_started",
        "2027-06-30",
        "2026-06-30",
        True,
    ),
    (
        "extend_dated_after_as_of_ignored",
        "2026-06-30",
        None,
        [("extend", "2027-Q2", "2026-12-04")],
        [],
        "2026-12-03",
        "overdue",
        "2026-06-30",
        "2026-06-30",
        False,
    ),
    (
        "schedule_central",
        "central",
        None,
        [("schedule", "2026-12-31", "2026-11-10")],
        [],
        "2026-12-03",
        "due_soon",
        "2026-12-31",
        None,
        False,
    ),
    (
        "schedule_assigned_overdue",
        "assigned",
        None,
        [("schedule", "2026-Q3", "2026-07-10")],
        [],
        "2026-12-03",
        "overdue",
        "2026-09-30",
        None,
        False,
    ),
    (
        "schedule_after_as_of_ignored",
        "central",
        None,
        [("schedule", "2026-12-31", "2026-12-04")],
        [],
        "2026-12-03",
        "awaiting_schedule",
        None,
        None,
        False,
    ),
    (
        "latest_decision_wins_listed_first",
        "2026-06-30",
        None,
        [("extend", "2026-12-15", "2026-11-01"), ("extend", "2027-Q2", "2026-08-01")],
        [],
        "2026-12-03",
        "due_soon",
        "2026-12-15",
        "2026-06-30",
        True,
    ),
    (
        "latest_decision_wins_listed_last",
        "2026-06-30",
        None,
        [("extend", "2027-Q2", "2026-08-01"), ("extend", "2026-12-15", "2026-11-01")],
        [],
        "2026-12-03",
        "due_soon",
        "2026-12-15",
        "2026-06-30",
        True,
    ),
    (
        "latest_decision_is_in_the_future",
        "2026-06-30",
        None,
        [("extend", "2027-Q2", "2026-08-01"), ("extend", "2026-12-15", "2026-12-10")],
        [],
        "2026-12-03",
        "not_started",
        "2027-06-30",
        "2026-06-30",
        True,
    ),
    (
        "by_backstop_without_decision",
        "central",
        "2026-H2",
        [],
        [],
        "2026-12-03",
        "due_soon",
        "2026-12-31",
        "2026-12-31",
        False,
    ),
    (
        "decision_beats_by_backstop",
        "central",
        "2025..2030",
        [("schedule", "2026-Q4", "2026-11-10")],
        [],
        "2026-12-03",
        "due_soon",
        "2026-12-31",
        "2030-12-31",
        False,
    ),
    (
        "done_before_extended_due",
        "2026-06-30",
        None,
        [("extend", "2026-Q3", "2026-06-25")],
        [(A, "2026-Q3", "2026-10-05", "done", "2026-08-01")],
        "2026-10-20",
        "done_on_time",
        "2026-09-30",
        "2026-06-30",
        True,
    ),
    (
        "done_after_extended_due",
        "2026-06-30",
        None,
        [("extend", "2026-Q3", "2026-06-25")],
        [(A, "2026-Q4", "2026-10-05", "done", "2026-10-01")],
        "2026-10-20",
        "done_late",
        "2026-09-30",
        "2026-06-30",
        True,
    ),
    (
        "done_central_after_schedule",
        "central",
        None,
        [("schedule", "2026-Q3", "2026-07-01")],
        [(A, "2026-Q3", "2026-10-05", "done", "2026-09-30")],
        "2026-10-20",
        "done_on_time",
        "2026-09-30",
        None,
        False,
    ),
]


@pytest.mark.parametrize(
    ("due", "by", "decisions", "reports", "as_of", "status", "effective", "original", "extended"),
    [pytest.param(*case[1:], id=case[0]) for case in EFFECTIVE_DUE_CASES],
)
def test_effective_due(
    due: str,
    by: str | None,
    decisions: list[tuple[str, str, str]],
    reports: list[ReportSpec],
    as_of: str,
    status: str,
    effective: str | None,
    original: str | None,
    extended: bool,
) -> None:
    evaluation = run(
        single(due, by),
        files_from(reports),
        [decision(*spec) for spec in decisions],
        as_of=as_of,
    )
    result = the_milestone(evaluation)
    assert result.status == status
    assert result.due == (d(effective) if effective else None)
    assert result.original_due == (d(original) if original else None)
    assert ("extended" in result.flags) is extended
    assert the_task(evaluation).due == result.due


def test_decision_applies_only_to_its_milestone() -> None:
    prog = programme(
        task(milestones=[milestone("scheme", "2026-06-30"), milestone("completion", "2026-06-30")])
    )
    evaluation = run(prog, decisions=[decision("extend", "2027-Q2", "2026-06-15")])
    scheme, completion = (
        the_milestone(evaluation, "scheme"),
        the_milestone(evaluation, "completion"),
    )
    assert (scheme.status, scheme.due, "extended" in scheme.flags) == (
        "overdue",
        d("2026-06-30"),
        False,
    )
    assert (completion.status, completion.due, "extended" in completion.flags) == (
        "not_started",
        d("2027-06-30"),
        True,
    )


# --- latest entry per (milestone, lead) ----------------------------------------------------------


@pytest.mark.parametrize("reverse", [False, True], ids=["files_in_order", "files_reversed"])
@pytest.mark.parametrize(
    ("reports", "status"),
    [
        pytest.param(
            [
                (A, "2026-Q2", "2026-07-05", "in_progress", None),
                (A, "2026-Q3", "2026-10-05", "not_started", None),
            ],
            "not_started",
            id="newer_period_wins",
        ),
        pytest.param(
            [
                (A, "2026-Q2", "2026-07-05", "not_started", None),
                (A, "2026-Q3", "2026-10-05", "in_progress", None),
            ],
            "on_track",
            id="newer_period_wins_2",
        ),
        pytest.param(
            [
                (A, "2026-Q3", "2026-10-05", "in_progress", None),
                (A, "2026-Q2", "2026-10-10", "done", "2026-06-20"),
            ],
            "on_track",
            id="older_period_submitted_later_loses",
        ),
        pytest.param(
            [
                (A, "2026-Q3", "2026-10-05", "done", "2026-09-20"),
                (A, "2026-Q2", "2026-10-10", "in_progress", None),
            ],
            "done_on_time",
            id="older_period_submitted_later_loses_2",
        ),
    ],
)
def test_latest_entry(reports: list[ReportSpec], status: str, reverse: bool) -> None:
    files = files_from(reports)
    if reverse:
        files.reverse()
    assert the_milestone(run(single("2027-Q4"), files)).status == status


@pytest.mark.parametrize(
    ("as_of", "status", "flags"),
    [
        ("2026-10-04", "on_track", set()),  # Q3 file not yet submitted; P* = Q2
        ("2026-10-05", "done_on_time", set()),
        # Q2 file not yet submitted either; P* = 2026-Q1
        ("2026-07-04", "not_started", {"never_reported", "report_missing"}),
    ],
)
def test_updates_submitted_after_as_of_are_ignored(
    as_of: str, status: str, flags: set[str]
) -> None:
    files = files_from(
        [
            (A, "2026-Q2", "2026-07-05", "in_progress", None),
            (A, "2026-Q3", "2026-10-05", "done", "2026-09-20"),
        ]
    )
    result = the_milestone(run(single("2027-Q4"), files, as_of=as_of))
    assert (result.status, set(result.flags)) == (status, flags)


# --- several leads -------------------------------------------------------------------------------

# (id, due, reports, as_of, status, done_on, pending leads, flags)
MULTI_LEAD_CASES = [
    (
        "all_done_on_time",
        "2026-Q4",
        [
            (A, "2026-Q3", "2026-10-05", "done", "2026-09-10"),
            (B, "2026-Q4", "2027-01-05", "done", "2026-11-20"),
        ],
        "2027-01-10",
        "done_on_time",
        "2026-11-20",
        set(),
        set(),
    ),
    (
        "done_on_is_the_latest_lead",
        "2026-Q4",
        [
            (A, "2026-Q4", "2027-01-05", "done", "2027-01-03"),
            (B, "2026-Q3", "2026-10-05", "done", "2026-09-10"),
        ],
        "2027-01-10",
        "done_late",
        "2027-01-03",
        set(),
        set(),
    ),
    (
        "one_done_one_in_progress",
        "2027-Q2",
        [
            (A, "2026-Q3", "2026-10-05", "done", "2026-09-10"),
            (B, "2026-Q3", "2026-10-06", "in_progress", None),
        ],
        "2026-10-20",
        "on_track",
        None,
        {B},
        set(),
    ),
    (
        # A co-lead that finished its part means work is under way: on_track, not
        # not_started (otherwise a lead's "done" would make the milestone look worse).
        "one_done_other_silent",
        "2027-Q2",
        [(A, "2026-Q3", "2026-10-05", "done", "2026-09-10")],
        "2026-10-20",
        "on_track",
        None,
        {B},
        {"report_missing"},
    ),
    (
        "one_done_but_overdue",
        "2026-06-30",
        [
            (A, "2026-Q2", "2026-06-20", "done", "2026-06-10"),
            (B, "2026-Q3", "2026-10-06", "in_progress", None),
        ],
        "2026-10-20",
        "overdue",
        None,
        {B},
        set(),
    ),
    (
        "done_lead_needs_no_fresh_report",
        "2027-Q2",
        [
            (A, "2026-Q2", "2026-07-05", "done", "2026-06-20"),
            (B, "2026-Q3", "2026-10-05", "in_progress", None),
        ],
        "2026-10-20",
        "on_track",
        None,
        {B},
        set(),
    ),
    (
        "pending_lead_with_stale_report",
        "2027-Q2",
        [
            (A, "2026-Q3", "2026-10-05", "in_progress", None),
            (B, "2026-Q2", "2026-07-05", "in_progress", None),
        ],
        "2026-10-20",
        "on_track",
        None,
        {A, B},
        {"report_missing"},
    ),
    (
        "done_superseded_by_newer_period",
        "2027-Q2",
        [
            (A, "2026-Q3", "2026-10-05", "done", "2026-09-10"),
            (B, "2026-Q2", "2026-07-05", "done", "2026-06-10"),
            (B, "2026-Q3", "2026-10-05", "in_progress", None),
        ],
        "2026-10-20",
        "on_track",
        None,
        {B},
        set(),
    ),
    (
        "continuous_both_current",
        "continuous",
        [
            (A, "2026-Q3", "2026-10-05", "in_progress", None),
            (B, "2026-Q4", "2026-10-10", "in_progress", None),
        ],
        "2026-10-20",
        "ongoing",
        None,
        {A, B},
        set(),
    ),
    (
        "continuous_one_stale",
        "continuous",
        [
            (A, "2026-Q3", "2026-10-05", "in_progress", None),
            (B, "2026-Q2", "2026-07-05", "in_progress", None),
        ],
        "2026-10-20",
        "report_missing",
        None,
        {A, B},
        {"report_missing"},
    ),
    (
        "continuous_one_silent",
        "continuous",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None)],
        "2026-10-20",
        "report_missing",
        None,
        {A, B},
        {"report_missing"},
    ),
    (
        "continuous_done_lead_excused",
        "continuous",
        [
            (A, "2026-Q2", "2026-07-05", "done", "2026-06-20"),
            (B, "2026-Q3", "2026-10-05", "in_progress", None),
        ],
        "2026-10-20",
        "ongoing",
        None,
        {B},
        set(),
    ),
    (
        "continuous_all_done",
        "continuous",
        [
            (A, "2026-Q2", "2026-07-05", "done", "2026-06-20"),
            (B, "2026-Q3", "2026-10-05", "done", "2026-08-01"),
        ],
        "2026-10-20",
        "done",
        "2026-08-01",
        set(),
        set(),
    ),
    (
        "resources_flag_from_one_lead",
        "2027-Q2",
        [
            (A, "2026-Q3", "2026-10-05", "in_progress", None, {"resources": "insufficient"}),
            (B, "2026-Q3", "2026-10-05", "in_progress", None, {"resources": "sufficient"}),
        ],
        "2026-10-20",
        "on_track",
        None,
        {A, B},
        {"resources_insufficient"},
    ),
]


@pytest.mark.parametrize(
    ("due", "reports", "as_of", "status", "done_on", "pending", "flags"),
    [pytest.param(*case[1:], id=case[0]) for case in MULTI_LEAD_CASES],
)
def test_multi_lead(
    due: str,
    reports: list[ReportSpec],
    as_of: str,
    status: str,
    done_on: str | None,
    pending: set[str],
    flags: set[str],
) -> None:
    result = the_milestone(run(single(due, leads=(A, B)), files_from(reports), as_of=as_of))
    assert result.status == status
    assert result.done_on == (d(done_on) if done_on else None)
    assert set(result.pending) == pending
    assert set(result.flags) == flags


def test_only_leads_entries_decide_done_and_reporting() -> None:
    """DESIGN §4 speaks of each *lead's* latest entry: the secretariat may write on any task,
    but its entry neither completes the milestone nor stands in for a lead's report."""
    files = files_from([(SECRETARIAT, "2026-Q3", "2026-10-05", "done", "2026-09-01")])
    result = the_milestone(run(single("2027-Q4"), files))
    assert result.status == "not_started"
    assert result.done_on is None
    assert set(result.pending) == {A}
    assert set(result.flags) == {"never_reported", "report_missing"}


# --- which milestone an entry is about -----------------------------------------------------------

TWO_MILESTONES = task(
    milestones=[milestone("scheme", "2025"), milestone("implementation", "continuous")]
)


@pytest.mark.parametrize(
    ("entries", "scheme", "implementation"),
    [
        pytest.param(
            [entry("done", "2025-11-01")],
            ("done_on_time", set()),
            ("report_missing", {"never_reported", "report_missing"}),
            id="no_milestone_means_first",
        ),
        pytest.param(
            [entry("done", "2025-11-01"), entry("in_progress", kind="implementation")],
            ("done_on_time", set()),
            ("ongoing", set()),
            id="default_and_named",
        ),
        pytest.param(
            [entry("in_progress", kind="implementation")],
            ("overdue", {"never_reported", "report_missing"}),
            ("ongoing", set()),
            id="named_second_only",
        ),
        pytest.param(
            [entry("in_progress", kind="scheme", obstacles="Chưa bố trí được kinh phí")],
            ("overdue", {"blocked"}),
            ("report_missing", {"never_reported", "report_missing"}),
            id="named_first",
        ),
    ],
)
def test_entry_milestone_selection(
    entries: list[dict[str, Any]],
    scheme: tuple[str, set[str]],
    implementation: tuple[str, set[str]],
) -> None:
    evaluation = run(programme(TWO_MILESTONES), [update_file(A, "2026-Q3", "2026-10-05", entries)])
    got_scheme = the_milestone(evaluation, "scheme")
    got_impl = the_milestone(evaluation, "implementation")
    assert (got_scheme.status, set(got_scheme.flags)) == scheme
    assert (got_impl.status, set(got_impl.flags)) == implementation


# --- flags ---------------------------------------------------------------------------------------

# (id, due, reports (lead A), decisions, as_of, flags); P* = 2026-Q3 at 2026-10-20
FLAG_CASES = [
    (
        "resources_insufficient",
        "2027-Q4",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None, {"resources": "insufficient"})],
        [],
        {"resources_insufficient"},
    ),
    (
        "resources_sufficient",
        "2027-Q4",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None, {"resources": "sufficient"})],
        [],
        set(),
    ),
    (
        "resources_insufficient_superseded",
        "2027-Q4",
        [
            (A, "2026-Q2", "2026-07-05", "in_progress", None, {"resources": "insufficient"}),
            (A, "2026-Q3", "2026-10-05", "in_progress", None, {"resources": "sufficient"}),
        ],
        [],
        set(),
    ),
    (
        "blocked",
        "2027-Q4",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None, {"obstacles": "Chưa có kinh phí"})],
        [],
        {"blocked"},
    ),
    (
        "blocked_superseded",
        "2027-Q4",
        [
            (A, "2026-Q2", "2026-07-05", "in_progress", None, {"obstacles": "Chưa có kinh phí"}),
            (A, "2026-Q3", "2026-10-05", "in_progress", None),
        ],
        [],
        set(),
    ),
    (
        "no_obstacles_is_not_blocked",
        "2027-Q4",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None, {"obstacles": None})],
        [],
        set(),
    ),
    (
        "report_missing_on_dated_milestone",
        "2027-Q4",
        [(A, "2026-Q2", "2026-07-05", "in_progress", None)],
        [],
        {"report_missing"},
    ),
    (
        "report_in_a_later_period_counts",
        "2027-Q4",
        [(A, "2026-Q4", "2026-10-10", "in_progress", None)],
        [],
        set(),
    ),
    (
        "done_needs_no_report",
        "2027-Q4",
        [(A, "2026-Q1", "2026-04-05", "done", "2026-03-20")],
        [],
        set(),
    ),
    ("never_reported", "2027-Q4", [], [], {"never_reported", "report_missing"}),
    (
        "extended",
        "2026-06-30",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None)],
        [("extend", "2027-Q2", "2026-06-15")],
        {"extended"},
    ),
    (
        "schedule_is_not_extended",
        "central",
        [(A, "2026-Q3", "2026-10-05", "in_progress", None)],
        [("schedule", "2027-Q2", "2026-06-15")],
        set(),
    ),
    (
        "all_at_once",
        "2026-06-30",
        [
            (
                A,
                "2026-Q2",
                "2026-07-05",
                "in_progress",
                None,
                {"resources": "insufficient", "obstacles": "Thiếu nhân lực"},
            )
        ],
        [("extend", "2027-Q2", "2026-06-15")],
        {"resources_insufficient", "blocked", "report_missing", "extended"},
    ),
]


@pytest.mark.parametrize(
    ("due", "reports", "decisions", "flags"),
    [pytest.param(*case[1:], id=case[0]) for case in FLAG_CASES],
)
def test_milestone_flags(
    due: str,
    reports: list[ReportSpec],
    decisions: list[tuple[str, str, str]],
    flags: set[str],
) -> None:
    evaluation = run(single(due), files_from(reports), [decision(*spec) for spec in decisions])
    assert set(the_milestone(evaluation).flags) == flags
    assert set(the_task(evaluation).flags) == flags


def test_task_flags_are_the_union_of_its_milestones() -> None:
    prog = programme(
        task(
            milestones=[
                milestone("scheme", "2027-Q4"),
                milestone("completion", "2026-06-30"),
                milestone("implementation", "continuous"),
            ]
        )
    )
    files = [
        update_file(
            A,
            "2026-Q3",
            "2026-10-05",
            [
                entry("in_progress", kind="scheme", obstacles="Vướng mặt bằng"),
                entry("in_progress", kind="implementation", resources="insufficient"),
            ],
        )
    ]
    evaluation = run(prog, files, [decision("extend", "2027-Q2", "2026-06-15")])
    by_kind = {m.kind: set(m.flags) for m in the_task(evaluation).milestones}
    assert by_kind == {
        "scheme": {"blocked"},
        "completion": {"never_reported", "report_missing", "extended"},
        "implementation": {"resources_insufficient"},
    }
    assert set(the_task(evaluation).flags) == {
        "blocked",
        "never_reported",
        "report_missing",
        "extended",
        "resources_insufficient",
    }


# --- task status ---------------------------------------------------------------------------------

# One milestone recipe per status, as of 2026-10-20 (P* = 2026-Q3), lead A reporting in one
# 2026-Q3 file submitted 2026-10-05: status → (due, entry status, done_on) or no entry.
RECIPES: dict[str, tuple[str, tuple[str, str | None] | None]] = {
    "overdue": ("2026-09-30", ("in_progress", None)),
    "due_soon": ("2026-11-15", ("in_progress", None)),
    "report_missing": ("continuous", None),
    "not_started": ("2027-Q4", ("not_started", None)),
    "awaiting_schedule": ("central", ("in_progress", None)),
    "on_track": ("2027-Q4", ("in_progress", None)),
    "ongoing": ("continuous", ("in_progress", None)),
    "done_late": ("2026-06-30", ("done", "2026-07-10")),
    "done": ("continuous", ("done", "2026-09-01")),
    "done_on_time": ("2026-12-31", ("done", "2026-09-01")),
}
RECIPE_DUE = {
    "overdue": date(2026, 9, 30),
    "due_soon": date(2026, 11, 15),
    "report_missing": None,
    "not_started": date(2027, 12, 31),
    "awaiting_schedule": None,
    "on_track": date(2027, 12, 31),
    "ongoing": None,
    "done_late": date(2026, 6, 30),
    "done": None,
    "done_on_time": date(2026, 12, 31),
}


def recipe_task(
    task_id: str, statuses: Sequence[str]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    kinds = ("scheme", "completion", "proposal", "implementation")
    milestones, entries = [], []
    for kind, status in zip(kinds, statuses, strict=False):
        due, reported = RECIPES[status]
        milestones.append(milestone(kind, due))
        if reported:
            entries.append(entry(reported[0], reported[1], task_id=task_id, kind=kind))
    return task(task_id, milestones), entries


@pytest.mark.parametrize("status", WORST_FIRST)
def test_recipe_gives_its_status(status: str) -> None:
    spec, entries = recipe_task(TASK, [status])
    result = the_task(run(programme(spec), [update_file(A, "2026-Q3", "2026-10-05", entries)]))
    assert (result.status, result.due) == (status, RECIPE_DUE[status])


@pytest.mark.parametrize("second", WORST_FIRST)
@pytest.mark.parametrize("first", WORST_FIRST)
def test_task_status_is_the_worst_milestone(first: str, second: str) -> None:
    spec, entries = recipe_task(TASK, [first, second])
    result = the_task(run(programme(spec), [update_file(A, "2026-Q3", "2026-10-05", entries)]))
    worst = first if WORST_FIRST.index(first) <= WORST_FIRST.index(second) else second
    assert result.status == worst
    assert result.due == RECIPE_DUE[worst]
    assert [m.status for m in result.milestones] == [first, second]


@pytest.mark.parametrize(
    ("milestones", "entries", "status", "due", "days_overdue", "days_left"),
    [
        pytest.param(
            [milestone("scheme", "2026-06-30"), milestone("completion", "2026-03-31")],
            [],
            "overdue",
            "2026-03-31",
            203,
            None,
            id="tie_overdue_earliest_due",
        ),
        pytest.param(
            [milestone("scheme", "2026-11-15"), milestone("completion", "2026-11-01")],
            [],
            "due_soon",
            "2026-11-01",
            None,
            12,
            id="tie_due_soon_earliest_due",
        ),
        pytest.param(
            [milestone("scheme", "2027-Q1"), milestone("completion", "2027-Q4")],
            [entry("in_progress", kind="scheme")],
            "not_started",
            "2027-12-31",
            None,
            437,
            id="deciding_milestone_not_earliest",
        ),
        pytest.param(
            [milestone("scheme", "2026-11-15"), milestone("completion", "2026-06-30")],
            [entry("done", "2026-07-10", kind="completion")],
            "due_soon",
            "2026-11-15",
            None,
            26,
            id="done_late_earlier_due_does_not_decide",
        ),
        pytest.param(
            [milestone("scheme", "central"), milestone("completion", "2026-Q4", None)],
            [entry("done", "2026-09-01", kind="completion")],
            "awaiting_schedule",
            None,
            None,
            None,
            id="awaiting_schedule_has_no_due",
        ),
    ],
)
def test_task_due_from_deciding_milestone(
    milestones: list[dict[str, Any]],
    entries: list[dict[str, Any]],
    status: str,
    due: str | None,
    days_overdue: int | None,
    days_left: int | None,
) -> None:
    files = [update_file(A, "2026-Q3", "2026-10-05", entries)] if entries else []
    result = the_task(run(programme(task(milestones=milestones)), files))
    assert result.status == status
    assert result.due == (d(due) if due else None)
    assert (result.days_overdue, result.days_left) == (days_overdue, days_left)


def test_summary_counts_every_status() -> None:
    statuses = ["overdue", "overdue", "due_soon", "not_started", "on_track", "done", "done_late"]
    tasks, entries = [], []
    for number, status in enumerate(statuses, start=1):
        spec, task_entries = recipe_task(f"1.1.{number}", [status])
        tasks.append(spec)
        entries.extend(task_entries)
    evaluation = run(programme(*tasks), [update_file(A, "2026-Q3", "2026-10-05", entries)])
    assert evaluation.summary == {
        "overdue": 2,
        "due_soon": 1,
        "report_missing": 0,
        "not_started": 1,
        "awaiting_schedule": 0,
        "on_track": 1,
        "ongoing": 0,
        "done_late": 1,
        "done": 1,
        "done_on_time": 0,
    }


def test_summary_of_an_empty_programme_has_every_status() -> None:
    evaluation = run(programme())
    assert evaluation.summary == dict.fromkeys(WORST_FIRST, 0)


# --- properties ----------------------------------------------------------------------------------

PROPERTY_TASKS = [
    ("1.1.1", (A,), [milestone("scheme", "2026-06-30"), milestone("implementation", "continuous")]),
    ("1.1.2", (A, B), [milestone("completion", "2026-Q4")]),
    ("1.1.3", (B,), [milestone("proposal", "central", "2027")]),
    ("1.1.4", (A, B), [milestone("implementation", "continuous"), milestone("scheme", "2026-Q3")]),
    ("1.1.5", (A,), [milestone("completion", "assigned")]),
]
PROPERTY_PROGRAMME = programme(
    *(task(tid, ms, leads) for tid, leads, ms in PROPERTY_TASKS), first_period="2025-Q4"
)
PERIODS = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


@st.composite
def update_files(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Update files as plain dicts: at most one per agency and quarter, and at most one
    entry per milestone in a file (duplicates are refused by `check`)."""
    files = []
    for agency in (A, B):
        for period in PERIODS:
            if not draw(st.booleans()):
                continue
            quarter = Quarter.parse(period)
            assert quarter is not None
            submitted = quarter.end + timedelta(days=draw(st.integers(1, 60)))
            entries = []
            for tid, leads, milestones in PROPERTY_TASKS:
                if agency not in leads:
                    continue
                for index, ms in enumerate(milestones):
                    if not draw(st.booleans()):
                        continue
                    status = draw(st.sampled_from(["not_started", "in_progress", "done"]))
                    done_on = (
                        str(submitted - timedelta(days=draw(st.integers(0, 200))))
                        if status == "done"
                        else None
                    )
                    named = index > 0 or draw(st.booleans())
                    entries.append(
                        entry(
                            status,
                            done_on,
                            task_id=tid,
                            kind=ms["kind"] if named else None,
                            resources=draw(st.sampled_from([None, "sufficient", "insufficient"])),
                            obstacles=draw(st.sampled_from([None, "Thiếu kinh phí"])),
                        )
                    )
            files.append(
                {
                    "agency": agency,
                    "period": period,
                    "submitted": str(submitted),
                    "updates": entries,
                }
            )
    return files


@st.composite
def decision_list(draw: st.DrawFn) -> list[Decision]:
    specs = [
        ("extend", "1.1.1", "scheme"),
        ("extend", "1.1.2", "completion"),
        ("schedule", "1.1.3", "proposal"),
        ("schedule", "1.1.5", "completion"),
    ]
    chosen = draw(st.lists(st.sampled_from(specs), max_size=4))
    decisions = []
    for action, tid, kind in chosen:
        due = draw(st.sampled_from(["2026-Q4", "2027-H1", "2026-11-30", "2027"]))
        dated = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 540)))
        decisions.append(decision(action, due, str(dated), task_id=tid, kind=kind))
    return decisions


AS_OF_DATES = st.integers(0, 600).map(lambda n: date(2026, 1, 1) + timedelta(days=n))


def snapshot(evaluation: Evaluation) -> list[tuple[Any, ...]]:
    return [
        (
            t.id,
            t.status,
            frozenset(t.flags),
            t.due,
            t.days_overdue,
            t.days_left,
            tuple(
                (m.kind, m.status, frozenset(m.flags), m.due, m.original_due, m.done_on)
                for m in t.milestones
            ),
        )
        for t in evaluation.tasks
    ]


# The example budget comes from the active profile (tests/conftest.py): bounded in
# `make test`, long with `make fuzz`.
PROPERTY_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(files=update_files(), decisions=decision_list(), as_of=AS_OF_DATES, data=st.data())
def test_order_of_files_and_entries_does_not_matter(
    files: list[dict[str, Any]], decisions: list[Decision], as_of: date, data: st.DataObject
) -> None:
    original = [UpdateFile.model_validate(f) for f in files]
    shuffled = [
        UpdateFile.model_validate({**f, "updates": data.draw(st.permutations(f["updates"]))})
        for f in data.draw(st.permutations(files))
    ]
    expected = snapshot(evaluate(PROPERTY_PROGRAMME, original, decisions, as_of))
    assert snapshot(evaluate(PROPERTY_PROGRAMME, shuffled, decisions, as_of)) == expected


@PROPERTY_SETTINGS
@given(files=update_files(), decisions=decision_list(), as_of=AS_OF_DATES)
def test_as_of_sees_only_what_was_known_then(
    files: list[dict[str, Any]], decisions: list[Decision], as_of: date
) -> None:
    """The full history evaluated at T equals the history as it stood at T."""
    everything = [UpdateFile.model_validate(f) for f in files]
    known = [f for f in everything if f.submitted <= as_of]
    known_decisions = [x for x in decisions if x.date <= as_of]
    assert snapshot(evaluate(PROPERTY_PROGRAMME, everything, decisions, as_of)) == snapshot(
        evaluate(PROPERTY_PROGRAMME, known, known_decisions, as_of)
    )


def test_earlier_as_of_reproduces_earlier_statuses() -> None:
    """A concrete history replayed: each date sees the statuses it saw at the time."""
    files = files_from(
        [
            (A, "2025-Q4", "2026-01-20", "not_started", None),
            (A, "2026-Q1", "2026-04-10", "in_progress", None),
            (A, "2026-Q2", "2026-07-10", "done", "2026-07-01"),
        ]
    )
    decisions = [decision("extend", "2026-Q3", "2026-06-20")]
    expected = {
        "2026-01-16": ("not_started", {"never_reported", "report_missing"}, "2026-06-30"),
        "2026-01-20": ("not_started", set(), "2026-06-30"),
        "2026-04-10": ("on_track", set(), "2026-06-30"),
        "2026-04-16": ("on_track", set(), "2026-06-30"),
        "2026-06-19": ("due_soon", set(), "2026-06-30"),
        "2026-06-20": ("on_track", {"extended"}, "2026-09-30"),
        "2026-07-09": ("on_track", {"extended"}, "2026-09-30"),
        "2026-07-10": ("done_on_time", {"extended"}, "2026-09-30"),
    }
    got = {}
    for as_of in expected:
        result = the_milestone(run(single("2026-06-30"), files, decisions, as_of=as_of))
        got[as_of] = (result.status, set(result.flags), str(result.due))
    assert got == expected
