"""``actionplan alerts``: the early-warning list, most urgent first."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from actionplan.app import (
    EXIT_OK,
    AsOfOpt,
    DataOpt,
    DebugOpt,
    LangOpt,
    NoCacheOpt,
    TemplatesOpt,
    app,
    parse_as_of,
)
from actionplan.commands import command_help
from actionplan.i18n import _


class AlertsFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


@app.command(help=command_help("alerts"))
def alerts(
    as_of: AsOfOpt = None,
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            metavar="ID",
            help=_("Only alerts that concern this agency (its tasks, its missing reports)."),
        ),
    ] = None,
    output_format: Annotated[
        AlertsFormat, typer.Option("--format", help=_("table, json or md (Markdown)."))
    ] = AlertsFormat.table,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    templates: TemplatesOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.alerts import build_alerts
    from actionplan.commands.common import evaluated_dataset, select_tasks
    from actionplan.present import alerts as present

    day = parse_as_of(as_of)
    dataset, programme, evaluation = evaluated_dataset(data, day)
    tasks = select_tasks(programme, evaluation, agency, None, frozenset())
    order = [a.id for a in programme.agencies]
    found = build_alerts(tasks, evaluation.report_period, order, agency)
    if output_format is AlertsFormat.json:
        typer.echo(present.to_json(programme, evaluation, found))
    elif output_format is AlertsFormat.md:
        from actionplan.render import render, templates_dir

        folder = templates_dir(templates, dataset.root, needs="alerts.md.j2")
        context = present.markdown_context(programme, evaluation, found)
        typer.echo(render(folder, "alerts.md.j2", context), nl=False)
    else:
        from actionplan.present.console import make_console

        present.render_tables(make_console(), programme, evaluation, found)
    # Alerts are findings, not errors: `status --fail-on` is the CI gate.
    raise typer.Exit(EXIT_OK)
