"""``actionplan diff BASE [HEAD]``: what a change to the data does to the status.

Both revisions are read from git and evaluated at the same ``--as-of`` date; the
output (Markdown for a pull-request comment or job summary, or JSON) lists status
transitions, new entries, new decisions and new alerts.
"""

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
    TemplatesOpt,
    app,
    parse_as_of,
)
from actionplan.commands import command_help
from actionplan.i18n import _


class DiffFormat(StrEnum):
    md = "md"
    json = "json"


@app.command(help=command_help("diff"))
def diff(
    base: Annotated[
        str,
        typer.Argument(
            metavar="BASE", show_default=False, help=_("The revision to compare from, e.g. main.")
        ),
    ],
    head: Annotated[
        str,
        typer.Argument(
            metavar="HEAD",
            show_default=False,
            help=_("The revision to compare to (default: HEAD)."),
        ),
    ] = "HEAD",
    as_of: AsOfOpt = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", help=_("md (Markdown) or json."))
    ] = DiffFormat.md,
    templates: TemplatesOpt = None,
    data: DataOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.compare import compare
    from actionplan.dataset import resolve_data_dir
    from actionplan.gitdata import locate_repo
    from actionplan.layout import PROGRAMME_FILE
    from actionplan.present import diff as present
    from actionplan.problems import ActionplanError
    from actionplan.revisions import load_revision

    day = parse_as_of(as_of)
    data_dir = resolve_data_dir(data)
    repo = locate_repo(data_dir)
    sides = load_revision(repo, base), load_revision(repo, head)
    for side in sides:
        if side.dataset.programme is None:
            raise ActionplanError(
                _("The data at {rev} has no valid {path}; run `actionplan check` on it.").format(
                    rev=side.rev, path=repo.prefix + PROGRAMME_FILE
                )
            )
    before, after = sides
    comparison = compare(before.dataset, before.updates, after.dataset, after.updates, day)
    if output_format is DiffFormat.json:
        typer.echo(present.to_json(comparison, before, after))
    else:
        assert after.dataset.programme is not None
        folder = present.templates_folder(templates, data_dir)
        typer.echo(
            present.to_markdown(comparison, before, after, after.dataset.programme, folder),
            nl=False,
        )
    # A diff is information, not a verdict: `check` is the gate.
    raise typer.Exit(EXIT_OK)
