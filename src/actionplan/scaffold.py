"""A ready-to-fill quarterly update file for one agency (``actionplan update new``).

Staff who are not YAML experts get a file that already lists every milestone their
agency still owes a report on, each with last period's status and progress filled in
and the deadline as a comment, so they change values instead of writing structure.
The file passes ``actionplan check`` as written. Rendering is a pure function of the
evaluation; only :func:`find_schema` looks at the disk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan import yamlout
from actionplan.evaluate import Evaluation, MilestoneResult, Report, TaskResult
from actionplan.i18n import _
from actionplan.layout import UPDATES_DIR
from actionplan.models import Agency, UpdateFile
from actionplan.present.fmt import short_date, undated_label

# Comments end at the line break: text with breaks would spill into the YAML.
from actionplan.present.safe import one_line
from actionplan.terms import Quarter

SCHEMA_FILE = Path("schema") / "update.schema.json"
_EXCERPT = 100  # characters of a task's text shown above its entry


@dataclass(frozen=True)
class Owed:
    """A milestone the agency leads and has not reported done."""

    task: TaskResult
    milestone: MilestoneResult
    last: Report | None  # the agency's own latest entry, from an earlier period


def owed_milestones(evaluation: Evaluation, agency: str) -> list[Owed]:
    """Milestones where ``agency`` is a pending lead (DESIGN §4), in programme order.

    A co-lead's part does not count: when this agency reported done but a co-lead has
    not, the milestone is not done, yet this agency has nothing left to report.
    """
    return [
        Owed(task, milestone, milestone.latest.get(agency))
        for task in evaluation.tasks
        for milestone in task.milestones
        if agency in milestone.pending
    ]


def earlier_updates(updates: list[UpdateFile], period: Quarter) -> list[UpdateFile]:
    """The files "last period's status" may come from: periods before ``period``.

    Filtering by period rather than by date keeps a late-submitted report of an earlier
    quarter, and leaves out reports of later quarters when a past one is filled in.
    """
    return [update for update in updates if update.quarter < period]


def update_path(data_dir: Path, agency: str, period: Quarter) -> Path:
    return data_dir / UPDATES_DIR / agency / f"{period}.yaml"


def find_schema(data_dir: Path) -> Path | None:
    """``schema/update.schema.json`` of the repository holding ``data_dir``, if any.

    Searched upwards from the data folder's parent (DESIGN §2 puts ``schema/`` beside
    ``data/``) and no further than the repository root, so a schema of some unrelated
    enclosing folder is never picked up.
    """
    folder = data_dir.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE).is_file():
            return candidate / SCHEMA_FILE
        if (candidate / ".git").exists():
            break
    return None


def schema_reference(target: Path, schema: Path) -> str:
    """How the file at ``target`` names ``schema``: a relative path, which editors
    resolve from the file's own folder, so it works in every clone; a file URI only
    when no relative path exists (another drive on Windows)."""
    try:
        return Path(os.path.relpath(schema.resolve(), target.resolve().parent)).as_posix()
    except ValueError:
        return schema.resolve().as_uri()


def render_update(
    agency: Agency,
    period: Quarter,
    submitted: date,
    owed: list[Owed],
    schema_ref: str,
) -> str:
    """The new update file's text: modeline, guidance, header keys, one entry per
    owed milestone with its context as comments."""
    header = "\n".join(
        [
            f"yaml-language-server: $schema={schema_ref}",
            _("{agency}: update for {period}.").format(agency=one_line(agency.name), period=period),
            _(
                "For each item set status (not_started, in_progress, done) and progress "
                "(0-100); a done item needs done_on: YYYY-MM-DD."
            ),
            _(
                "Optional keys: resources (sufficient or insufficient), obstacles, evidence, "
                "note; contact at the top."
            ),
            _("Before sending, run: actionplan check"),
        ]
    )
    head = {"agency": agency.id, "period": str(period), "submitted": submitted.isoformat()}
    text = yamlout.dump(head, header=header)
    if not owed:
        comment = _("Nothing to report: this agency has reported every task it leads as done.")
        return text + f"# {comment}\nupdates: []\n"
    lines = ["updates:"]
    for i, item in enumerate(owed):
        lines += [""] if i else []  # a blank line between items, for the eye
        lines += [f"  # {comment}" for comment in _comments(item)]
        lines += _entry_lines(item)
    return text + "\n".join(lines) + "\n"


def _entry_lines(item: Owed) -> list[str]:
    entry: dict[str, yamlout.Value] = {
        "task": item.task.id,
        "milestone": item.milestone.kind,  # always named: unambiguous when a task has several
        "status": item.last.entry.status if item.last else "not_started",
    }
    if item.last is not None and item.last.entry.progress is not None:
        entry["progress"] = item.last.entry.progress
    body = yamlout.dump(entry).splitlines()
    return ["  - " + body[0]] + ["    " + line for line in body[1:]]


def _comments(item: Owed) -> Iterator[str]:
    yield f"{item.task.id}. {_excerpt(item.task.task.text)}"
    milestone = item.milestone
    yield _("Deadline: {due} ({text})").format(
        due=_due_label(milestone.due, milestone.term), text=one_line(milestone.text)
    )
    decision = milestone.decision
    if decision is not None and decision.action == "extend":
        yield _("Extended by {ref}; originally {original}.").format(
            ref=one_line(decision.ref), original=_due_label(milestone.original_due, milestone.term)
        )
    elif decision is not None:
        yield _("Scheduled by {ref}.").format(ref=one_line(decision.ref))
    if item.last is None:
        yield _("Not reported yet.")
    else:
        yield _("Last report: {period}, submitted {date}.").format(
            period=item.last.period, date=short_date(item.last.submitted)
        )


def _due_label(due: date | None, term: str) -> str:
    return short_date(due) if due is not None else undated_label(term)


def _excerpt(text: str) -> str:
    flat = one_line(text)
    if len(flat) <= _EXCERPT:
        return flat
    return flat[:_EXCERPT].rsplit(" ", 1)[0] + "…"
