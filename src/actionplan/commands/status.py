"""``actionplan status``: every task's deadline status as of a date."""

from __future__ import annotations

import sys
from enum import Enum, StrEnum
from typing import Annotated

import typer

from actionplan.app import (
    EXIT_DATA,
    EXIT_OK,
    AsOfOpt,
    DataOpt,
    DebugOpt,
    LangOpt,
    NoCacheOpt,
    app,
    parse_as_of,
)
from actionplan.commands import command_help
from actionplan.i18n import _
from actionplan.statuses import STATUS_ORDER

StatusId = Enum("StatusId", {s: s for s in STATUS_ORDER}, type=str)  # type: ignore[misc]


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class CsvEncoding(StrEnum):
    utf8_sig = "utf-8-sig"
    utf8 = "utf-8"


@app.command(help=command_help("status"))
def status(
    as_of: AsOfOpt = None,
    agency: Annotated[
        str | None, typer.Option("--agency", metavar="ID", help=_("Only tasks this agency leads."))
    ] = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            metavar="ID",
            help=_("Only tasks in this section or pillar (e.g. 2 or 2.1)."),
        ),
    ] = None,
    statuses: Annotated[
        list[StatusId] | None,
        typer.Option("--status", metavar="ID", help=_("Only tasks with this status (repeatable).")),
    ] = None,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", help=_("table, json or csv."))
    ] = StatusFormat.table,
    fail_on: Annotated[
        list[StatusId] | None,
        typer.Option(
            "--fail-on",
            metavar="ID",
            help=_("Exit 1 when any shown task has this status (repeatable; for CI)."),
        ),
    ] = None,
    encoding: Annotated[
        CsvEncoding,
        typer.Option(
            "--encoding", help=_("CSV encoding: utf-8-sig (with a BOM, for Excel) or utf-8.")
        ),
    ] = CsvEncoding.utf8_sig,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.commands.common import evaluated_dataset, select_tasks
    from actionplan.present import status as present

    day = parse_as_of(as_of)
    _dataset, programme, evaluation = evaluated_dataset(data, day)
    wanted = {s.value for s in statuses or []}
    tasks = select_tasks(programme, evaluation, agency, section, wanted)
    if output_format is StatusFormat.json:
        typer.echo(present.to_json(programme, evaluation, tasks))
    elif output_format is StatusFormat.csv:
        sys.stdout.flush()
        raw = present.to_csv(tasks).encode(encoding.value)
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
    else:
        from actionplan.present.console import make_console

        present.render_table(make_console(), programme, evaluation, tasks)
    failing = {s.value for s in fail_on or []}
    raise typer.Exit(EXIT_DATA if any(t.status in failing for t in tasks) else EXIT_OK)
