"""Cross-record checks on a valid programme: a registry of small pure functions.

Each check takes the programme and its document and yields problems; field-level
rules are in the models. New checks are added to ``PROGRAMME_CHECKS`` (in the spirit
of beancount's ``BASIC_VALIDATIONS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from actionplan.loader import Document
from actionplan.models import Programme
from actionplan.problems import Problem

ProgrammeCheck = Callable[[Programme, Document], Iterable[Problem]]


def duplicate_ids(programme: Programme, doc: Document) -> Iterator[Problem]:
    """Agency ids are unique; section and task ids share one namespace and are unique."""
    seen: dict[str, tuple[str | int, ...]] = {}
    for i, agency in enumerate(programme.agencies):
        yield from _once(seen, agency.id, ("agencies", i, "id"), doc)
    seen = {}
    for loc, section, _parent in programme.walk_sections():
        yield from _once(seen, section.id, loc + ("id",), doc)
    for loc, task, _section in programme.walk_tasks():
        yield from _once(seen, task.id, loc + ("id",), doc)


def _once(
    seen: dict[str, tuple[str | int, ...]], key: str, loc: tuple[str | int, ...], doc: Document
) -> Iterator[Problem]:
    # Positions only for duplicates: locating re-reads the whole file.
    first = seen.get(key)
    if first is None:
        seen[key] = loc
    else:
        pos = doc.locate(loc)
        yield Problem.at(doc.path, pos, "AP201", id=key, first_line=doc.locate(first)[0])


def distinct_agency_names(programme: Programme, doc: Document) -> Iterator[Problem]:
    """Two agencies with one name (text is NFC-normalised on load, so an NFD spelling of
    the same name is the same name) would split one agency's tasks and reports in two."""
    seen: dict[str, tuple[str, int]] = {}
    for i, agency in enumerate(programme.agencies):
        key = " ".join(agency.name.casefold().split())
        if key in seen:
            other, first = seen[key]
            pos = doc.locate(("agencies", i, "name"))
            line = doc.locate(("agencies", first, "name"))[0]
            yield Problem.at(doc.path, pos, "AP227", name=agency.name, other=other, first_line=line)
        else:
            seen[key] = (agency.id, i)  # located only if a duplicate turns up


def unknown_agencies(programme: Programme, doc: Document) -> Iterator[Problem]:
    known = {agency.id for agency in programme.agencies}
    for loc, task, _section in programme.walk_tasks():
        for field in ("leads", "supports"):
            for i, agency in enumerate(getattr(task, field)):
                if agency not in known:
                    yield Problem.at(doc.path, doc.locate(loc + (field, i)), "AP202", agency=agency)


def ids_match_sections(programme: Programme, doc: Document) -> Iterator[Problem]:
    """A section's id extends its parent's by one number; a task's extends its section's."""
    for loc, section, parent in programme.walk_sections():
        prefix = f"{parent.id}." if parent else ""
        rest = section.id.removeprefix(prefix)
        if not section.id.startswith(prefix) or "." in rest:
            yield Problem.at(
                doc.path,
                doc.locate(loc + ("id",)),
                "AP204",
                id=section.id,
                parent=parent.id if parent else "—",
            )
    for loc, task, section in programme.walk_tasks():
        rest = task.id.removeprefix(f"{section.id}.")
        if rest == task.id or "." in rest:
            yield Problem.at(
                doc.path, doc.locate(loc + ("id",)), "AP203", id=task.id, section=section.id
            )


def one_secretariat(programme: Programme, doc: Document) -> Iterator[Problem]:
    count = sum(agency.secretariat for agency in programme.agencies)
    if count != 1:
        yield Problem.at(doc.path, doc.locate(("agencies",)), "AP205", count=count)


def distinct_milestone_kinds(programme: Programme, doc: Document) -> Iterator[Problem]:
    for loc, task, _section in programme.walk_tasks():
        kinds: set[str] = set()
        for i, milestone in enumerate(task.milestones):
            if milestone.kind in kinds:
                yield Problem.at(
                    doc.path,
                    doc.locate(loc + ("milestones", i, "kind")),
                    "AP206",
                    task=task.id,
                    kind=milestone.kind,
                )
            kinds.add(milestone.kind)


def idle_agencies(programme: Programme, doc: Document) -> Iterator[Problem]:
    """An agency no task names is probably a typo'd duplicate (the secretariat is exempt)."""
    named = {a for _loc, task, _s in programme.walk_tasks() for a in (*task.leads, *task.supports)}
    for i, agency in enumerate(programme.agencies):
        if agency.id not in named and not agency.secretariat:
            yield Problem.at(doc.path, doc.locate(("agencies", i, "id")), "AP302", agency=agency.id)


PROGRAMME_CHECKS: tuple[ProgrammeCheck, ...] = (
    duplicate_ids,
    distinct_agency_names,
    unknown_agencies,
    ids_match_sections,
    one_secretariat,
    distinct_milestone_kinds,
    idle_agencies,
)


def check_programme(programme: Programme, doc: Document) -> list[Problem]:
    return [problem for check in PROGRAMME_CHECKS for problem in check(programme, doc)]
