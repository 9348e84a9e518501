"""``actionplan check``: validate the whole data folder, report every problem at once.

With ``--base REV`` it checks a pull request: the committed data at HEAD gets every
normal check, and the change set ``REV...HEAD`` is judged by the permission rules of
:mod:`actionplan.pr_checks` against the programme as it is at REV.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from actionplan.app import (
    EXIT_DATA,
    EXIT_OK,
    DataOpt,
    DebugOpt,
    LangOpt,
    NoCacheOpt,
    app,
    parse_as_of,
)
from actionplan.commands import command_help
from actionplan.i18n import _

if TYPE_CHECKING:
    from actionplan.problems import Problem

STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


class CheckFormat(StrEnum):
    text = "text"
    github = "github"
    json = "json"


@app.command(help=command_help("check"))
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
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            metavar="REV",
            show_default=False,
            help=_(
                "Check a pull request: the commits REV...HEAD, with who may change what "
                "judged by the programme at REV."
            ),
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            show_default=False,
            help=_(
                "With --base: the day that decides which periods are closed "
                "(default: today in Asia/Ho_Chi_Minh)."
            ),
        ),
    ] = None,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.dataset import load_dataset, resolve_data_dir
    from actionplan.present import problems as present

    day = parse_as_of(as_of)
    data_dir = resolve_data_dir(data)
    if base is None:
        dataset = load_dataset(data_dir)
        problems, files = dataset.problems, dataset.files
    else:
        problems, files = _check_pull_request(data_dir, base, day)
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
        typer.echo(present.summary(problems, files))
    if fmt is CheckFormat.github and os.environ.get(STEP_SUMMARY_ENV):
        _append_step_summary(Path(os.environ[STEP_SUMMARY_ENV]), problems, files)
    failed = any(p.is_error or strict for p in problems)
    raise typer.Exit(EXIT_DATA if failed else EXIT_OK)


def _check_pull_request(data_dir: Path, base: str, day: date) -> tuple[list[Problem], int]:
    from actionplan.gitdata import locate_repo, revision
    from actionplan.pr_checks import check_pull_request
    from actionplan.revisions import load_pull_request

    repo = locate_repo(data_dir)
    current = revision(data_dir)
    if current is not None and current.modified:
        typer.echo(
            _(
                "Note: with --base the committed data (HEAD) is checked; uncommitted "
                "changes in {path} are not."
            ).format(path=data_dir),
            err=True,
        )
    pr = load_pull_request(repo, base)
    return check_pull_request(pr, day), pr.head.dataset.files


def _append_step_summary(path: Path, problems: Sequence[Problem], files: int) -> None:
    """Append (as GitHub expects: several steps share the file) the table of all problems.
    A summary that cannot be written is reported, but does not change the check's result."""
    from actionplan.present.problems import as_step_summary

    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(as_step_summary(problems, files))
    except OSError as exc:
        typer.echo(
            _("Cannot write the job summary {path}: {reason}.").format(
                path=path, reason=exc.strerror or exc
            ),
            err=True,
        )
