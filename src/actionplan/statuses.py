"""Status and flag ids (stable, used in JSON and filters) and their translated labels."""

from __future__ import annotations

from actionplan.i18n import N_, _

# Worst first: a task takes the worst status among its milestones (DESIGN §4).
STATUS_ORDER: tuple[str, ...] = (
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
STATUS_RANK = {status: rank for rank, status in enumerate(STATUS_ORDER)}

# Alphabetical, as in DESIGN §5's example output (["never_reported", "report_missing"]).
FLAG_ORDER: tuple[str, ...] = (
    "blocked",
    "extended",
    "never_reported",
    "report_missing",
    "resources_insufficient",
)

_STATUS_LABELS = {
    "done_on_time": N_("Done on time"),
    "done_late": N_("Done late"),
    "done": N_("Done"),
    "overdue": N_("Overdue"),
    "due_soon": N_("Due soon"),
    "on_track": N_("In progress, on schedule"),
    "not_started": N_("Not started"),
    "ongoing": N_("Ongoing"),
    "report_missing": N_("Report missing"),
    "awaiting_schedule": N_("Deadline not yet set"),
}

_FLAG_LABELS = {
    "resources_insufficient": N_("Resources insufficient"),
    "blocked": N_("Blocked"),
    "report_missing": N_("Report missing"),
    "never_reported": N_("Never reported"),
    "extended": N_("Deadline extended"),
}


def status_label(status: str) -> str:
    return _(_STATUS_LABELS[status])


def flag_label(flag: str) -> str:
    return _(_FLAG_LABELS[flag])
