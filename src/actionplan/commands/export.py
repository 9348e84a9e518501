"""``actionplan export xlsx``: the Excel tracking sheet (a sub-command group, so other
export formats can join it)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actionplan.app import (
    EXIT_OK,
    AsOfOpt,
    DataOpt,
    DebugOpt,
    ForceOpt,
    LangOpt,
    NoCacheOpt,
    app,
    parse_as_of,
)
from actionplan.commands import command_help
from actionplan.i18n import _

export_app = typer.Typer(
    help=command_help("export"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(export_app, name="export")


@export_app.command(
    "xlsx",
    help=_(
        "Write the Excel tracking sheet: key figures, every task and milestone, "
        "per-agency figures, alerts."
    ),
)
def xlsx(
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=_("Where to write (default: actionplan-<as-of>.xlsx in the working folder)."),
        ),
    ] = None,
    as_of: AsOfOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.alerts import build_alerts
    from actionplan.commands.common import evaluated_dataset
    from actionplan.figures import agency_figures
    from actionplan.fsutil import write_atomic
    from actionplan.xlsx import workbook_bytes

    day = parse_as_of(as_of)
    dataset, programme, evaluation = evaluated_dataset(data, day)
    target = output or Path(f"actionplan-{day.isoformat()}.xlsx")
    order = [a.id for a in programme.agencies]
    alerts = build_alerts(evaluation.tasks, evaluation.report_period, order)
    figures = agency_figures(programme, evaluation, dataset.updates)
    write_atomic(target, workbook_bytes(programme, evaluation, figures, alerts), force=force)
    typer.echo(_("Wrote {path}.").format(path=target))
    raise typer.Exit(EXIT_OK)
