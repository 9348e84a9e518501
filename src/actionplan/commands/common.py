"""What several commands do the same way: load, refuse bad data, evaluate, filter."""

from __future__ import annotations

from collections.abc import Set
from datetime import date
from pathlib import Path

import typer

from actionplan.app import EXIT_DATA
from actionplan.dataset import Dataset, load_dataset, resolve_data_dir
from actionplan.evaluate import Evaluation, TaskResult, evaluate
from actionplan.i18n import _
from actionplan.models import Programme
from actionplan.present.problems import as_text
from actionplan.present.safe import inert


def valid_dataset(data: Path | None) -> Dataset:
    """The loaded data folder; with errors, print them and exit 1 (run ``check``)."""
    dataset = load_dataset(resolve_data_dir(data))
    if not dataset.ok:
        for line in as_text([p for p in dataset.problems if p.is_error]):
            typer.echo(line, err=True)
        typer.echo(
            _("The data has errors; fix them (see `actionplan check`) and try again."), err=True
        )
        raise typer.Exit(EXIT_DATA)
    return dataset


def evaluated_dataset(data: Path | None, as_of: date) -> tuple[Dataset, Programme, Evaluation]:
    """The valid data folder, its programme and its evaluation as of ``as_of``."""
    dataset = valid_dataset(data)
    programme = dataset.programme
    assert programme is not None  # valid_dataset exits otherwise
    return dataset, programme, evaluate(programme, dataset.updates, dataset.decisions, as_of)


def require_agency(programme: Programme, agency: str | None) -> None:
    """``--agency`` must name an agency of the programme (a usage error otherwise)."""
    if agency is not None and agency not in {a.id for a in programme.agencies}:
        known = ", ".join(a.id for a in programme.agencies)
        raise typer.BadParameter(
            _("unknown agency '{agency}'; known: {known}").format(
                agency=inert(agency), known=known
            ),
            param_hint="'--agency'",
        )


def select_tasks(
    programme: Programme,
    evaluation: Evaluation,
    agency: str | None,
    section: str | None,
    statuses: Set[str],
) -> list[TaskResult]:
    """Tasks matching every given filter; an unknown agency or section is a usage error."""
    require_agency(programme, agency)
    if section is not None and section not in {s.id for _l, s, _p in programme.walk_sections()}:
        raise typer.BadParameter(
            _("unknown section '{section}'").format(section=inert(section)),
            param_hint="'--section'",
        )
    return [
        task
        for task in evaluation.tasks
        if (agency is None or agency in task.task.leads)
        and (
            section is None
            or task.section_id == section
            or task.section_id.startswith(section + ".")
        )
        and (not statuses or task.status in statuses)
    ]
