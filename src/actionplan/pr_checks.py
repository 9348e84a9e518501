"""Who may change what in a pull request (``check --base``): a registry of small pure rules.

Each rule sees the change set (``git diff BASE...HEAD``) and the data of both
revisions, and yields located problems that say what to do instead. The programme,
its agencies and its settings are always read from the BASE revision: an agency cannot
grant itself a task, or reopen a closed period, by editing ``programme.yaml`` in the
same pull request. The head data also gets every normal check (:mod:`actionplan.dataset`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePosixPath

from actionplan.gitdata import SYMLINK_MODE, FileChange
from actionplan.i18n import _
from actionplan.layout import DECISIONS_FILE, PROGRAMME_FILE, UPDATES_DIR
from actionplan.problems import ActionplanError, Problem
from actionplan.revisions import PullRequest, RevisionData
from actionplan.terms import Quarter
from actionplan.update_checks import Lookup

# Paths (relative to the repository's top) that a data pull request must leave alone:
# the workflow that runs the checks and the tool that implements them.
TOOL_FOLDERS = (".github/", "src/", "templates/")
TOOL_FILES = ("pyproject.toml", "Makefile")


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at; rules are pure functions of it."""

    changes: tuple[FileChange, ...]
    base: RevisionData
    head: RevisionData
    lookup: Lookup  # the BASE programme
    prefix: str  # the data folder in the repository: "data/" (or "" at its top)
    as_of: date

    def update_file(self, path: str | None) -> tuple[str, Quarter] | None:
        """(agency folder, period) when ``path`` is ``updates/<agency>/<YYYY-Qn>.yaml``."""
        parts = self.in_updates(path)
        if parts is None or len(parts) != 2 or not parts[1].endswith(".yaml"):
            return None
        quarter = Quarter.parse(parts[1].removesuffix(".yaml"))
        return (parts[0], quarter) if quarter else None

    def in_updates(self, path: str | None) -> tuple[str, ...] | None:
        """The parts of ``path`` below ``updates/``, or None when it is elsewhere."""
        folder = self.prefix + UPDATES_DIR + "/"
        if path is None or not path.startswith(folder):
            return None
        return PurePosixPath(path[len(folder) :]).parts

    def closed_on(self, quarter: Quarter) -> date:
        """The period's report deadline: quarter end + report_grace_days (DESIGN §4)."""
        assert self.base.dataset.programme is not None
        grace = self.base.dataset.programme.programme.settings.report_grace_days
        return quarter.end + timedelta(days=grace)


PrCheck = Callable[[Context], Iterable[Problem]]


def _name(path: str) -> str:
    return PurePosixPath(path).name


def reports_stay_in_lane(ctx: Context) -> Iterator[Problem]:
    """Added or changed update files: a known agency folder, and only the agency's own
    tasks (the secretariat may report on any) — both per the base programme."""
    for change in ctx.changes:
        parts = ctx.in_updates(change.path) if change.status != "D" else None
        if not parts or len(parts) < 2:
            continue  # a file directly in updates/ is a layout problem (AP221)
        folder = parts[0]
        if folder not in ctx.lookup.agencies:
            known = ", ".join(sorted(ctx.lookup.agencies))
            path = f"{ctx.prefix}{UPDATES_DIR}/{folder}"
            yield Problem.at(path, (0, 0), "AP209", folder=folder, known=known)
            continue
        item = ctx.head.updates.get(change.path)
        if item is None or folder in ctx.lookup.secretariat:
            continue
        for i, entry in enumerate(item.update.updates):
            task = ctx.lookup.tasks.get(entry.task)
            if task is None or folder in task.leads:
                continue  # an unknown task is reported by the normal checks (AP210)
            pos = item.doc.locate(item.entry_loc(i) + ("task",))
            leads = ", ".join(task.leads)
            yield Problem.at(item.doc.path, pos, "AP212", agency=folder, task=task.id, leads=leads)


def closed_periods_stay_closed(ctx: Context) -> Iterator[Problem]:
    """An existing update file whose report deadline has passed is not modified."""
    for change in ctx.changes:
        found = ctx.update_file(change.path) if change.status in ("M", "T") else None
        if found is None:
            continue
        closed = ctx.closed_on(found[1])
        if ctx.as_of > closed:
            yield Problem.at(
                change.path,
                (0, 0),
                "AP223",
                name=_name(change.path),
                period=str(found[1]),
                closed=closed.isoformat(),
            )


def update_files_are_never_deleted(ctx: Context) -> Iterator[Problem]:
    for change in ctx.changes:
        if change.status == "D" and ctx.update_file(change.path):
            yield Problem.at(change.path, (0, 0), "AP224", name=_name(change.path))


def update_files_keep_their_names(ctx: Context) -> Iterator[Problem]:
    """A rename of an update file (open or closed period) is refused; moving a misnamed
    file into its proper name is not a rename of an update file, and is allowed."""
    for change in ctx.changes:
        if change.status == "R" and ctx.update_file(change.old_path):
            yield Problem.at(
                change.path, (0, 0), "AP226", name=_name(change.path), old=change.old_path
            )


def no_symbolic_links(ctx: Context) -> Iterator[Problem]:
    """Anywhere under the data folder, ``source/`` included (the layout scan skips it)."""
    for change in ctx.changes:
        if (
            change.status != "D"
            and change.new_mode == SYMLINK_MODE
            and change.path.startswith(ctx.prefix)
        ):
            yield Problem.at(change.path, (0, 0), "AP219", name=_name(change.path))


def _protected(path: str, prefix: str) -> str | None:
    """What a path belongs to when a data pull request may not change it."""
    if path in (prefix + PROGRAMME_FILE, prefix + DECISIONS_FILE) or path in TOOL_FILES:
        return path
    return next((folder for folder in TOOL_FOLDERS if path.startswith(folder)), None)


def updates_come_alone(ctx: Context) -> Iterator[Problem]:
    """Update files are not changed together with the programme, decisions, workflow or tool:
    a reviewer approving an agency's report must not approve a rule change unawares."""
    paths = sorted({p for c in ctx.changes for p in (c.path, c.old_path) if p is not None})
    if not any(ctx.in_updates(path) for path in paths):
        return
    protected = [(path, _protected(path, ctx.prefix)) for path in paths]
    others = sorted({group for _path, group in protected if group})
    if others:
        first = next(path for path, group in protected if group)
        yield Problem.at(first, (0, 0), "AP225", others=", ".join(others))


PR_CHECKS: tuple[PrCheck, ...] = (
    reports_stay_in_lane,
    closed_periods_stay_closed,
    update_files_are_never_deleted,
    update_files_keep_their_names,
    no_symbolic_links,
    updates_come_alone,
)


def check_pull_request(pr: PullRequest, as_of: date) -> list[Problem]:
    """The permission problems of ``pr`` and every normal problem of its head data,
    each once, sorted by path and position."""
    programme = pr.base.dataset.programme
    if programme is None:
        raise ActionplanError(
            _(
                "The base revision {rev} has no valid {path}; permissions are judged by the "
                "base programme, so fix it there first."
            ).format(rev=pr.base.rev, path=pr.repo.prefix + PROGRAMME_FILE)
        )
    ctx = Context(tuple(pr.changes), pr.base, pr.head, Lookup(programme), pr.repo.prefix, as_of)
    unique: dict[Problem, Problem] = {}
    # The same finding can come from both sides (AP212 per the head programme and per the
    # base one): keep the permission rule's, which quotes the base programme.
    for problem in [p for check in PR_CHECKS for p in check(ctx)] + pr.head.dataset.problems:
        unique.setdefault(problem, problem)
    return sorted(unique)
