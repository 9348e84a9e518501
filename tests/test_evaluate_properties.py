"""Properties of the status rules that must hold for any history (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from actionplan.evaluate import evaluate
from actionplan.models import Decision, UpdateFile
from actionplan.terms import Quarter
from test_evaluate import (
    PERIODS,
    PROPERTY_PROGRAMME,
    PROPERTY_SETTINGS,
    PROPERTY_TASKS,
    WORST_FIRST,
    decision_list,
    update_files,
)

RANK = {status: rank for rank, status in enumerate(WORST_FIRST)}  # lower = worse
FIRST_DUE = date(2026, 6, 30)  # the earliest deadline in PROPERTY_TASKS and decision_list
NOT_DONE_IN_TIME = {"on_track", "due_soon", "not_started"}


def statuses(files: list[UpdateFile], decisions: list[Decision], as_of: date) -> dict[Any, str]:
    evaluation = evaluate(PROPERTY_PROGRAMME, files, decisions, as_of)
    return {(t.id, m.kind): m.status for t in evaluation.tasks for m in t.milestones}


@PROPERTY_SETTINGS
@given(
    files=update_files(),
    decisions=decision_list(),
    as_of=st.integers(0, 270).map(lambda n: date(2025, 10, 1) + timedelta(days=n)),
)
def test_before_every_due_nothing_is_overdue(
    files: list[dict[str, Any]], decisions: list[Decision], as_of: date
) -> None:
    assert as_of < FIRST_DUE
    found = statuses([UpdateFile.model_validate(f) for f in files], decisions, as_of)
    assert "overdue" not in found.values()


@PROPERTY_SETTINGS
@given(
    files=update_files(),
    decisions=decision_list(),
    data=st.data(),
    as_of=st.integers(0, 600).map(lambda n: date(2026, 1, 1) + timedelta(days=n)),
)
def test_a_done_entry_never_makes_a_milestone_worse(
    files: list[dict[str, Any]], decisions: list[Decision], as_of: date, data: st.DataObject
) -> None:
    """A lead files one more quarterly report saying the milestone is done."""
    task_id, leads, milestones = data.draw(st.sampled_from(PROPERTY_TASKS))
    agency = data.draw(st.sampled_from(leads))
    kind = data.draw(st.sampled_from([m["kind"] for m in milestones]))
    period = data.draw(st.sampled_from(PERIODS))
    assume((agency, period) not in {(f["agency"], f["period"]) for f in files})
    quarter = Quarter.parse(period)
    assert quarter is not None
    submitted = quarter.end + timedelta(days=data.draw(st.integers(1, 60)))
    done_on = submitted - timedelta(days=data.draw(st.integers(0, 300)))
    done = {"task": task_id, "milestone": kind, "status": "done", "done_on": str(done_on)}
    report = {"agency": agency, "period": period, "submitted": str(submitted), "updates": [done]}
    history = [UpdateFile.model_validate(f) for f in files]
    # A lead that already reported the milestone done and now files another done with a
    # different date is correcting its date, not adding a completion (check warns, AP306).
    evaluation = evaluate(PROPERTY_PROGRAMME, history, decisions, as_of)
    [milestone] = [
        m for t in evaluation.tasks if t.id == task_id for m in t.milestones if m.kind == kind
    ]
    assume(agency in milestone.pending)
    before = statuses(history, decisions, as_of)[(task_id, kind)]
    after = statuses([*history, UpdateFile.model_validate(report)], decisions, as_of)
    assert RANK[after[(task_id, kind)]] >= RANK[before], (before, after[(task_id, kind)])


@PROPERTY_SETTINGS
@given(
    files=update_files(),
    as_of=st.integers(0, 500).map(lambda n: date(2026, 1, 1) + timedelta(days=n)),
    step=st.integers(1, 400),
)
def test_moving_as_of_forward_never_turns_overdue_into_in_time(
    files: list[dict[str, Any]], as_of: date, step: int
) -> None:
    history = [UpdateFile.model_validate(f) for f in files]
    earlier = statuses(history, [], as_of)
    later = statuses(history, [], as_of + timedelta(days=step))
    for key, status in earlier.items():
        if status == "overdue":
            assert later[key] not in NOT_DONE_IN_TIME, (key, later[key])
