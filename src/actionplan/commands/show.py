"""``actionplan show TASK_ID``: one task in full, with every report on it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer

from actionplan.app import AsOfOpt, DataOpt, DebugOpt, LangOpt, NoCacheOpt, app, parse_as_of
from actionplan.commands import command_help
from actionplan.i18n import _


@app.command(help=command_help("show"))
def show(
    task_id: Annotated[
        str, typer.Argument(metavar="TASK_ID", show_default=False, help=_("Task id, e.g. 1.2.3."))
    ],
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    import actionplan.present.show as present
    from actionplan.commands.common import evaluated_dataset
    from actionplan.present.console import make_console

    day = parse_as_of(as_of)
    dataset, programme, evaluation = evaluated_dataset(data, day)
    by_id = {task.id: task for task in evaluation.tasks}
    result = by_id.get(task_id.strip())
    if result is None:
        raise typer.BadParameter(unknown_task_message(task_id, list(by_id)), param_hint="'TASK_ID'")
    present.render_task(
        make_console(),
        programme,
        result,
        present.reports_on(result.task, dataset.updates, day),
        present.decisions_on(result.task, dataset.decisions, day),
        day,
    )


def unknown_task_message(task_id: str, known: Sequence[str]) -> str:
    """ "unknown task …", with the closest known id when one is close enough."""
    import difflib

    from actionplan.present.safe import one_line

    shown = one_line(task_id)
    close = difflib.get_close_matches(task_id.strip(), known, n=1, cutoff=0.6)
    if close:
        return _("unknown task '{task}'; did you mean '{suggestion}'?").format(
            task=shown, suggestion=close[0]
        )
    return _("unknown task '{task}'").format(task=shown)
