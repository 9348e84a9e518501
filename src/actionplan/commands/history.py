"""``actionplan history TASK_ID``: the audit trail of one task, from git.

Every entry and decision ever written on the task, with the commit, author and date
that added, changed or removed it (see :mod:`actionplan.history`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from actionplan.app import DataOpt, DebugOpt, LangOpt, NoCacheOpt, app
from actionplan.commands import command_help
from actionplan.i18n import _


@app.command(help=command_help("history"))
def history(
    task_id: Annotated[
        str, typer.Argument(metavar="TASK_ID", show_default=False, help=_("Task id, e.g. 1.2.3."))
    ],
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.commands.show import unknown_task_message
    from actionplan.dataset import load_dataset, resolve_data_dir
    from actionplan.gitdata import locate_repo
    from actionplan.history import task_history
    from actionplan.present.console import make_console
    from actionplan.present.history import render_history
    from actionplan.problems import ActionplanError

    data_dir = resolve_data_dir(data)
    # Only the programme is needed (to know the task): a broken update file must not hide
    # the trail that may explain it.
    programme = load_dataset(data_dir).programme
    if programme is None:
        raise ActionplanError(
            _("The data has errors; fix them (see `actionplan check`) and try again.")
        )
    tasks = {task.id: task for _loc, task, _section in programme.walk_tasks()}
    task = tasks.get(task_id.strip())
    if task is None:
        raise typer.BadParameter(unknown_task_message(task_id, list(tasks)), param_hint="'TASK_ID'")
    events = task_history(locate_repo(data_dir), task.id)
    names = {agency.id: agency.name for agency in programme.agencies}
    render_history(make_console(), task, events, names)
