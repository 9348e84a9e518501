"""Per-agency figures: led, done, on time, overdue, update rate, last report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.dataset import load_dataset
from actionplan.evaluate import evaluate
from actionplan.figures import AgencyFigures, agency_figures
from actionplan.models import UpdateFile

MINI = Path(__file__).parent / "fixtures" / "mini"


def update(agency: str, period: str, submitted: str, *entries: dict[str, str]) -> UpdateFile:
    return UpdateFile.model_validate(
        {"agency": agency, "period": period, "submitted": submitted, "updates": list(entries)}
    )


def figures_at(as_of: date, *updates: UpdateFile) -> dict[str, AgencyFigures]:
    programme = load_dataset(MINI).programme
    assert programme is not None
    evaluation = evaluate(programme, updates, [], as_of)
    return {f.agency: f for f in agency_figures(programme, evaluation, updates)}


def test_figures_without_reports() -> None:
    figures = figures_at(date(2026, 12, 3))
    ubnd = figures["ubnd"]
    assert (
        ubnd.tasks_led,
        ubnd.milestones_led,
        ubnd.done,
        ubnd.done_on_time,
        ubnd.overdue,
        ubnd.pending,
        ubnd.reported_current,
        ubnd.last_report,
    ) == (4, 5, 0, 0, 1, 5, 0, None)
    assert ubnd.update_rate == 0.0
    assert ubnd.on_time_rate is None
    assert figures["van-phong"].milestones_led == 1


def test_figures_with_reports() -> None:
    q3 = update(
        "ubnd",
        "2026-Q3",
        "2026-10-05",
        {"task": "1.1.1", "milestone": "scheme", "status": "done", "done_on": "2026-02-01"},
        {"task": "1.1.1", "milestone": "implementation", "status": "in_progress"},
        {"task": "1.1.4", "status": "done", "done_on": "2026-09-30"},
    )
    q2 = update("ubnd", "2026-Q2", "2026-07-03", {"task": "1.1.2", "status": "in_progress"})
    later = update(
        "ubnd",
        "2026-Q4",
        "2027-01-05",
        {"task": "1.1.3", "status": "done", "done_on": "2026-12-30"},
    )
    ubnd = figures_at(date(2026, 12, 3), q3, q2, later)["ubnd"]
    # 1.1.1 scheme done late (due 2025), 1.1.4 done on time; 1.1.3's report is after as_of
    assert (ubnd.done, ubnd.done_on_time, ubnd.overdue, ubnd.pending) == (2, 1, 0, 3)
    # pending: 1.1.1 implementation (Q3 ✓), 1.1.2 (Q2 only ✗), 1.1.3 (none ✗)
    assert ubnd.reported_current == 1
    assert ubnd.update_rate == 1 / 3
    assert ubnd.on_time_rate == 0.5
    assert ubnd.last_report == date(2026, 10, 5)


def test_no_update_rate_before_the_first_period_closes() -> None:
    figures = figures_at(date(2025, 12, 1))
    assert figures["ubnd"].reported_current == 0
    assert figures["ubnd"].update_rate is None
