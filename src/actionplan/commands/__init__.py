"""One module per command; each registers itself on :data:`actionplan.app.app`.

:data:`COMMANDS` names every command, the module that defines it and its one-line help,
so that the entry point (:mod:`actionplan.entry`) can import only the command being run
and answer ``actionplan --help`` without importing any command at all. A test keeps it
equal to what the modules register.
"""

from __future__ import annotations

from typing import NamedTuple

from actionplan.i18n import N_, _


class Command(NamedTuple):
    module: str
    help: str  # msgid
    group: bool = False  # a Typer sub-application (export xlsx, update new)


COMMANDS: dict[str, Command] = {
    "alerts": Command(
        "alerts",
        N_(
            "Early warning: overdue and soon-due tasks, missing "
            "reports, insufficient resources, obstacles."
        ),
    ),
    "check": Command(
        "check", N_("Validate the programme, updates and decisions; exit 1 on errors.")
    ),
    "codeowners": Command(
        "codeowners", N_("Print CODEOWNERS lines: each agency's update folder to its owners.")
    ),
    "diff": Command(
        "diff",
        N_(
            "Compare the data at two git revisions as of one date: status "
            "changes, new entries, decisions and alerts."
        ),
    ),
    "history": Command(
        "history",
        N_(
            "Show every entry and decision ever made on a task, "
            "with the commit, author and date that made it (from "
            "git)."
        ),
    ),
    "import": Command(
        "importing", N_("Import a programme document (plain text) into programme.yaml.")
    ),
    "remind": Command(
        "remind",
        N_(
            "Write reminders to agencies: their overdue and soon-due "
            "tasks and unreported continuous tasks (one document per "
            "agency)."
        ),
    ),
    "report": Command(
        "report", N_("Progress report for a quarter, half year or year (Markdown, HTML or Word).")
    ),
    "schema": Command(
        "schema",
        N_(
            "Print the JSON Schema of programme.yaml, an update file "
            "or decisions.yaml (what schema/*.schema.json hold)."
        ),
    ),
    "show": Command(
        "show", N_("Show one task in full: text, agencies, milestones, decisions and every report.")
    ),
    "status": Command("status", N_("Show every task's deadline status (filters, table/JSON/CSV).")),
    "export": Command(
        "export", N_("Export the programme's status to other formats (Excel)."), group=True
    ),
    "update": Command("update", N_("Prepare agencies' quarterly update files."), group=True),
}


def command_help(name: str) -> str:
    """The translated one-line help of command ``name``."""
    return _(COMMANDS[name].help)
