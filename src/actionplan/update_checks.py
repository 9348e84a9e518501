"""Cross-file checks on update files and decisions: small pure functions in registries.

Each check sees the programme (through :class:`Lookup`) and one loaded file, and
yields located problems. Rules that compare an agency's reports over time
(progress going down, a done task reopened) look at all of that agency's files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from actionplan.loader import Document
from actionplan.models import Decision, Decisions, Programme, Task, UpdateFile
from actionplan.problems import Problem
from actionplan.terms import Quarter, parse_term


@dataclass(frozen=True)
class LoadedUpdate:
    """An update file as loaded: where it is, its document, its model."""

    path: Path
    doc: Document
    update: UpdateFile
    indices: tuple[int, ...]  # each entry's index in the file (invalid entries are left out)

    def entry_loc(self, i: int) -> tuple[str | int, ...]:
        return ("updates", self.indices[i])


class Lookup:
    """What the checks need to know about the programme, indexed once."""

    def __init__(self, programme: Programme) -> None:
        self.agencies = {agency.id: agency for agency in programme.agencies}
        self.tasks = {task.id: task for _loc, task, _section in programme.walk_tasks()}
        self.first_period = Quarter.parse(programme.programme.first_period)
        self.secretariat = {a.id for a in programme.agencies if a.secretariat}

    def target(self, task_id: str, kind: str | None) -> tuple[Task | None, str | None]:
        """The task and the milestone kind an entry or decision refers to."""
        task = self.tasks.get(task_id)
        milestone = task.milestone(kind) if task else None
        return task, milestone.kind if milestone else None


UpdateCheck = Callable[[LoadedUpdate, Lookup], Iterable[Problem]]


def file_matches_its_place(item: LoadedUpdate, lookup: Lookup) -> Iterator[Problem]:
    """The folder names the agency and the file name the period (DESIGN §3)."""
    update, doc = item.update, item.doc
    if item.path.parent.name != update.agency:
        yield Problem.at(
            doc.path,
            doc.locate(("agency",)),
            "AP207",
            agency=update.agency,
            folder=item.path.parent.name,
        )
    if item.path.stem != update.period:
        yield Problem.at(
            doc.path, doc.locate(("period",)), "AP208", period=update.period, name=item.path.name
        )
    if update.agency not in lookup.agencies:
        yield Problem.at(doc.path, doc.locate(("agency",)), "AP202", agency=update.agency)


def period_is_reportable(item: LoadedUpdate, lookup: Lookup) -> Iterator[Problem]:
    update, doc = item.update, item.doc
    if lookup.first_period and update.quarter < lookup.first_period:
        yield Problem.at(
            doc.path,
            doc.locate(("period",)),
            "AP214",
            period=update.period,
            first=str(lookup.first_period),
        )
    if update.quarter.start > update.submitted:
        yield Problem.at(
            doc.path,
            doc.locate(("submitted",)),
            "AP215",
            submitted=update.submitted.isoformat(),
            period=update.period,
        )


def entries_refer_to_known_targets(item: LoadedUpdate, lookup: Lookup) -> Iterator[Problem]:
    """Known task and milestone; the agency's own task (the secretariat may report on any);
    one entry per milestone; done_on not after the submission."""
    update, doc = item.update, item.doc
    # Where each milestone was first reported; located only when it is reported twice
    # (locating re-reads the file, which would double the cost of every check).
    seen: dict[tuple[str, str], tuple[str | int, ...]] = {}
    for i, entry in enumerate(update.updates):
        loc = item.entry_loc(i)
        yield from _target_problems(doc, loc, entry.task, entry.milestone, lookup)
        task, kind = lookup.target(entry.task, entry.milestone)
        if task is None or kind is None:
            continue
        if (
            update.agency not in task.leads
            and update.agency not in lookup.secretariat
            and update.agency in lookup.agencies
        ):
            yield Problem.at(
                doc.path,
                doc.locate(loc + ("task",)),
                "AP212",
                agency=update.agency,
                task=task.id,
                leads=", ".join(task.leads),
            )
        first = seen.get((task.id, kind))
        if first is None:
            seen[(task.id, kind)] = loc
        else:
            yield Problem.at(
                doc.path,
                doc.locate(loc),
                "AP213",
                task=task.id,
                kind=kind,
                first_line=doc.locate(first)[0],
            )
        if entry.done_on is not None and entry.done_on > update.submitted:
            yield Problem.at(
                doc.path,
                doc.locate(loc + ("done_on",)),
                "AP218",
                done_on=entry.done_on.isoformat(),
                submitted=update.submitted.isoformat(),
            )
        if entry.status == "done" and entry.blocked:
            yield Problem.at(doc.path, doc.locate(loc + ("obstacles",)), "AP305")


def _target_problems(
    doc: Document, loc: tuple[str | int, ...], task_id: str, kind: str | None, lookup: Lookup
) -> Iterator[Problem]:
    task = lookup.tasks.get(task_id)
    if task is None:
        yield Problem.at(doc.path, doc.locate(loc + ("task",)), "AP210", task=task_id)
    elif task.milestone(kind) is None:
        yield Problem.at(
            doc.path,
            doc.locate(loc + ("milestone",)),
            "AP211",
            task=task_id,
            kind=kind or "",
            kinds=", ".join(m.kind for m in task.milestones),
        )


UPDATE_CHECKS: tuple[UpdateCheck, ...] = (
    file_matches_its_place,
    period_is_reportable,
    entries_refer_to_known_targets,
)


def check_history(items: list[LoadedUpdate], lookup: Lookup) -> Iterator[Problem]:
    """Warnings that compare an agency's report with its previous one on the same milestone:
    progress going down, and a milestone reported done earlier now not done without a note."""
    history: defaultdict[tuple[str, str, str], list[tuple[LoadedUpdate, int]]]
    history = defaultdict(list)
    for item in items:
        for i, entry in enumerate(item.update.updates):
            task, kind = lookup.target(entry.task, entry.milestone)
            if task is not None and kind is not None:
                history[(item.update.agency, task.id, kind)].append((item, i))
    for reports in history.values():
        reports.sort(key=lambda report: (report[0].update.quarter, report[0].update.submitted))
        for (earlier, j), (item, i) in pairwise(reports):
            before, entry = earlier.update.updates[j], item.update.updates[i]
            doc, loc = item.doc, item.entry_loc(i)
            if (
                before.progress is not None
                and entry.progress is not None
                and entry.progress < before.progress
            ):
                yield Problem.at(
                    doc.path,
                    doc.locate(loc + ("progress",)),
                    "AP303",
                    progress=entry.progress,
                    previous=before.progress,
                )
            if before.done_on and entry.done_on and before.done_on != entry.done_on:
                yield Problem.at(
                    doc.path,
                    doc.locate(loc + ("done_on",)),
                    "AP306",
                    done_on=entry.done_on.isoformat(),
                    previous=before.done_on.isoformat(),
                )
            reopened = before.status == "done" and entry.status != "done"
            if reopened and not (entry.note or "").strip():
                yield Problem.at(
                    doc.path, doc.locate(loc + ("status",)), "AP304", status=entry.status
                )


def check_decisions(
    decisions: Decisions, indices: tuple[int, ...], doc: Document, lookup: Lookup
) -> Iterator[Problem]:
    for i, decision in zip(indices, decisions.decisions, strict=True):
        yield from _target_problems(
            doc, ("decisions", i), decision.task, decision.milestone, lookup
        )
        yield from _schedule_past_backstop(decision, doc, ("decisions", i), lookup)


def _schedule_past_backstop(
    decision: Decision, doc: Document, loc: tuple[str | int, ...], lookup: Lookup
) -> Iterator[Problem]:
    """A 'schedule' later than the programme's own backstop (``by``) moves the deadline
    back without the 'extended' flag that an 'extend' decision shows in every report."""
    task = lookup.tasks.get(decision.task)
    milestone = task.milestone(decision.milestone) if task else None
    if decision.action != "schedule" or milestone is None or milestone.by is None:
        return
    backstop, scheduled = parse_term(milestone.by), parse_term(decision.due)
    if backstop and scheduled and backstop.end and scheduled.end and scheduled.end > backstop.end:
        yield Problem.at(
            doc.path, doc.locate(loc + ("action",)), "AP307", due=decision.due, by=milestone.by
        )


def check_update_file(item: LoadedUpdate, lookup: Lookup) -> list[Problem]:
    """Every rule of :data:`UPDATE_CHECKS` on one file (they see nothing else)."""
    return [problem for check in UPDATE_CHECKS for problem in check(item, lookup)]


def check_agency_history(items: list[LoadedUpdate], lookup: Lookup) -> list[Problem]:
    """:func:`check_history` on the files of one agency (it never compares two agencies)."""
    return list(check_history(items, lookup))


def check_updates(items: list[LoadedUpdate], lookup: Lookup) -> list[Problem]:
    """Every cross-file check of the update files.

    :mod:`actionplan.datafiles` caches these results per file and per agency, so a new
    rule belongs in :data:`UPDATE_CHECKS` (one file) or in :func:`check_history` (one
    agency's files); a rule that looks across agencies needs its own cache key there.
    """
    problems = [problem for item in items for problem in check_update_file(item, lookup)]
    by_agency: defaultdict[str, list[LoadedUpdate]] = defaultdict(list)
    for item in items:
        by_agency[item.update.agency].append(item)
    for group in by_agency.values():
        problems += check_agency_history(group, lookup)
    return problems
