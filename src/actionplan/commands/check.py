"""``actionplan check``: validate the whole data folder, report every problem at once."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from actionplan.app import EXIT_DATA, EXIT_OK, DataOpt, DebugOpt, LangOpt, app
from actionplan.i18n import _


class CheckFormat(StrEnum):
    text = "text"
    github = "github"
    json = "json"


@app.command(help=_("Validate the programme, updates and decisions; exit 1 on errors."))
def check(
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            show_default=False,
            help=_(
                "text (default), github (workflow annotations; automatic when "
                "GITHUB_ACTIONS=true) or json."
            ),
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=_("Fail on warnings too."))] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.dataset import load_dataset, resolve_data_dir
    from actionplan.present import problems as present

    dataset = load_dataset(resolve_data_dir(data))
    problems = dataset.problems
    fmt = output_format or (
        CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text
    )
    if fmt is CheckFormat.json:
        typer.echo(present.as_json(problems))
    else:
        lines = (
            present.as_github(problems) if fmt is CheckFormat.github else present.as_text(problems)
        )
        for line in lines:
            typer.echo(line)
        typer.echo(present.summary(problems, dataset.files))
    failed = any(p.is_error or strict for p in problems)
    raise typer.Exit(EXIT_DATA if failed else EXIT_OK)
