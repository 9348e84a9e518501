"""The illustrative updates and decisions in data/ show the tool's whole range.

``actionplan status --as-of 2026-12-03`` on the repository's own data is the demo a new
user runs first: every task status and every flag of DESIGN §4 must appear in it, every
lead agency must have a report for each quarter from 2025-Q4 to 2026-Q3, and the
decisions must include both an extension and a schedule.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from actionplan.dataset import Dataset, load_dataset
from actionplan.evaluate import Evaluation, evaluate
from actionplan.problems import has_errors

DATA = Path(__file__).parent.parent / "data"
AS_OF = date(2026, 12, 3)
QUARTERS = ("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")
STATUSES = (
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
FLAGS = ("resources_insufficient", "blocked", "report_missing", "never_reported", "extended")
ILLUSTRATIVE = "Dữ liệu minh họa (illustrative data)"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    loaded = load_dataset(DATA)
    assert loaded.programme is not None
    assert not has_errors(loaded.problems), loaded.problems
    return loaded


@pytest.fixture(scope="module")
def evaluation(dataset: Dataset) -> Evaluation:
    assert dataset.programme is not None
    return evaluate(dataset.programme, dataset.updates, dataset.decisions, AS_OF)


def _lead_agencies(dataset: Dataset) -> set[str]:
    assert dataset.programme is not None
    return {lead for _loc, task, _s in dataset.programme.walk_tasks() for lead in task.leads}


def test_report_period_is_2026_q3(evaluation: Evaluation) -> None:
    assert str(evaluation.report_period) == "2026-Q3"


@pytest.mark.parametrize("status", STATUSES)
def test_every_task_status_occurs(evaluation: Evaluation, status: str) -> None:
    assert evaluation.summary[status] >= 1, evaluation.summary


@pytest.mark.parametrize("flag", FLAGS)
def test_every_flag_occurs(evaluation: Evaluation, flag: str) -> None:
    assert any(flag in task.flags for task in evaluation.tasks)


def test_the_picture_is_plausible(evaluation: Evaluation) -> None:
    """Most tasks are ongoing; some are late, a few never reported (not a status zoo)."""
    counts = Counter(task.status for task in evaluation.tasks)
    assert counts["ongoing"] > len(evaluation.tasks) / 2
    assert counts["done_on_time"] + counts["done_late"] > counts["overdue"] >= 3
    never = [task.id for task in evaluation.tasks if "never_reported" in task.flags]
    assert 1 <= len(never) <= 5


def test_every_lead_agency_reports_each_quarter(dataset: Dataset) -> None:
    leads = _lead_agencies(dataset)
    assert len(leads) == 9
    for agency in sorted(leads):
        for quarter in QUARTERS:
            path = DATA / "updates" / agency / f"{quarter}.yaml"
            assert path.is_file(), path
            assert ILLUSTRATIVE in path.read_text(encoding="utf-8").splitlines()[0]
    reported = {(u.agency, u.period) for u in dataset.updates}
    assert reported == {(a, q) for a in leads for q in QUARTERS}


def test_agencies_report_only_on_tasks_they_lead(dataset: Dataset) -> None:
    assert dataset.programme is not None
    leads = {task.id: set(task.leads) for _loc, task, _s in dataset.programme.walk_tasks()}
    for update in dataset.updates:
        for entry in update.updates:
            assert update.agency in leads[entry.task], (update.agency, update.period, entry.task)


def test_decisions_include_an_extension_and_a_schedule(dataset: Dataset) -> None:
    actions = {decision.action for decision in dataset.decisions}
    assert actions == {"extend", "schedule"}
    assert all(decision.date <= AS_OF for decision in dataset.decisions)
    assert ILLUSTRATIVE in (DATA / "decisions.yaml").read_text(encoding="utf-8").splitlines()[0]
